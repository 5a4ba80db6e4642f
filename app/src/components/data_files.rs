//! The Data panel in the footer: today's downloads of the whole dataset (the wide CSV and
//! the JSON, `data/medlive-esg-2022-all.*`) and the data files for analysts (`data/`,
//! written by the build from `esg_data::package::files`), each with what it is, its rows
//! and size, measured at build time. Plain links with `download`, so they work with the
//! wasm blocked and what a reader downloads is the served file.
//!
//! With several reports, the restated figures follow as a list of sentences.
//!
//! All six links are one view ([`link`]): every distinct Leptos view is code of its own in
//! the wasm, and the first view's byte budget has little room.

use crate::data::{DataFile, FILES};
use crate::state::{use_nav, Nav};
use esg_data::{Lang, Report};
use esg_explorer::i18n::Msg;
use leptos::prelude::*;

/// A link of the panel.
#[derive(Clone, Copy)]
enum Download {
    /// The whole dataset as today's footer gave it: `csv` (byte for byte `esg-data csv`) or `json`.
    All(&'static str),
    /// A file of `data/`.
    File(&'static DataFile),
}

impl Download {
    /// `data-action`: `all-csv`, `all-json`, `data-file`.
    fn action(self) -> String {
        match self {
            Download::All(ext) => format!("all-{ext}"),
            Download::File(_) => "data-file".to_owned(),
        }
    }

    /// The path from the site root.
    fn path(self, report: &Report) -> String {
        match self {
            Download::All(ext) => esg_explorer::pages::data_file(report.report.year, ext),
            Download::File(f) => format!("{}/{}", esg_data::package::DIR, f.name),
        }
    }

    /// The downloaded file's name.
    fn file_name(self, report: &Report, lang: Lang) -> String {
        match self {
            Download::All(ext) => crate::components::actions::file_name(report, "all", lang, ext),
            Download::File(f) => f.name.to_owned(),
        }
    }

    /// `medlive-esg.csv · Long-format CSV · 194 rows · 38.9 KB`.
    fn text(self, lang: Lang) -> String {
        let f = match self {
            Download::All("csv") => return Msg::DownloadAllCsv.text(lang).to_owned(),
            Download::All(_) => return Msg::DownloadAllJson.text(lang).to_owned(),
            Download::File(f) => f,
        };
        let what = match f.name {
            esg_data::package::CSV => Msg::DataFileCsv,
            esg_data::package::JSON => Msg::DataFileJson,
            esg_data::package::PACKAGE => Msg::DataFilePackage,
            esg_data::package::RESTATEMENTS => Msg::DataFileRestatements,
            _ => Msg::DataFileReadme,
        };
        let mut s = format!("{} · {}", f.name, what.text(lang));
        if f.rows > 0 {
            s += " · ";
            s += &Msg::DataFileRows.fill(lang, &[("rows", &f.rows.to_string())]);
        }
        s + " · " + f.size
    }
}

/// One link: a function, not a closure per list, so all six share one view's code.
fn link(nav: Nav, report: &'static Report, d: Download) -> impl IntoView {
    view! {
        <a class="button" data-action=d.action() href=move || nav.from_root(&d.path(report))
            download=move || d.file_name(report, nav.lang())>
            {move || d.text(nav.lang())}
        </a>
    }
}

#[component]
pub fn DataFiles(report: &'static Report) -> impl IntoView {
    let nav = use_nav();
    let all = [Download::All("csv"), Download::All("json")];
    let files = FILES.iter().map(Download::File);
    let links: Vec<_> = all.into_iter().chain(files).map(|d| link(nav, report, d)).collect();
    // With several reports, every restated figure in a sentence (the same sentence the
    // chart's description and tooltip give): the list an investor reads, beside its file.
    let any_restated = report
        .kpis
        .iter()
        .any(|k| k.values.iter().any(|v| v.restated.is_some()));
    let restated = move || {
        let lang = nav.lang();
        report
            .kpis
            .iter()
            .flat_map(|k| {
                k.values
                    .iter()
                    .filter_map(move |v| esg_explorer::format::restated(report, k, v, lang))
            })
            .map(|s| view! { <li>{s}</li> })
            .collect_view()
    };
    view! {
        <section class="data-files">
            <h2>{move || Msg::DataFiles.text(nav.lang())}</h2>
            <p class="downloads">{links}</p>
            {any_restated.then(|| view! {
                <h3 id="restatements">{move || Msg::DataFileRestatements.text(nav.lang())}</h3>
                <ul class="restatements">{restated}</ul>
            })}
        </section>
    }
}
