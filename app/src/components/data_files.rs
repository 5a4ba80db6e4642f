//! The Data panel: the site's data files for analysts (`data/`, written by the build from
//! `esg_data::package::files`), each with its size and rows, measured at build time.
//! Plain links (`download`, under the file's own name), so they work with the wasm blocked
//! and what a reader downloads is the served file.

use crate::data::FILES;
use crate::state::use_nav;
use esg_explorer::i18n::Msg;
use leptos::prelude::*;

/// What each file is, by its name in `data/`.
fn label(name: &str) -> Msg {
    match name {
        esg_data::package::CSV => Msg::DataFileCsv,
        esg_data::package::JSON => Msg::DataFileJson,
        esg_data::package::PACKAGE => Msg::DataFilePackage,
        _ => Msg::DataFileReadme,
    }
}

#[component]
pub fn DataFiles() -> impl IntoView {
    let nav = use_nav();
    let lang = move || nav.lang();
    let items = FILES.iter().map(move |f| {
        let href = move || nav.from_root(&format!("{}/{}", esg_data::package::DIR, f.name));
        let rows = (f.rows > 0).then_some(move || {
            format!(
                " · {}",
                Msg::DataFileRows.fill(lang(), &[("rows", &f.rows.to_string())])
            )
        });
        view! {
            <li data-file=f.name data-rows=f.rows data-bytes=f.bytes>
                <a href=href download=f.name>{f.name}</a>
                " "
                <span>{move || label(f.name).text(lang())}{rows}{format!(" · {}", f.size)}</span>
            </li>
        }
    });
    view! {
        <section class="data-files" aria-labelledby="h-data-files">
            <h2 id="h-data-files">{move || Msg::DataFiles.text(lang())}</h2>
            <p>{move || Msg::DataFilesIntro.text(lang())}</p>
            <ul>{items.collect_view()}</ul>
        </section>
    }
}
