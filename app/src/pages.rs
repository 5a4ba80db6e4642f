//! The static pages, rendered at build time on the host by the same components the browser
//! mounts (Leptos' `ssr` rendering): one renderer, so a page's first paint is the app's own
//! view of that page, in its language, before any WebAssembly runs and with JavaScript off.
//!
//! The app does not hydrate this HTML: it mounts its own view and removes `#prerender` in
//! the same task (`lib.rs`), so the two never show together and the first chart card is in
//! the same place in both (no layout shift). Host-only.

use crate::echart::Pictures;
use crate::state::Nav;
use crate::App;
use esg_data::{Lang, Report};
use esg_explorer::i18n::Msg;
use esg_explorer::pages::to_root;
use leptos::prelude::*;

/// Where readers find the report itself when the app cannot run.
pub const REPORT_LINK: &str = "https://ir.medlive.cn/";

/// The bilingual note `static/boot.js` (or the app's panic hook) shows when the app cannot
/// start: both languages, as a failure can come after a language switch.
#[component]
fn LoadError() -> impl IntoView {
    view! {
        <div id="load-error" class="error-panel" role="alert" hidden>
            {Lang::ALL.map(|l| view! {
                <div lang=l.tag()>
                    <h2>{Msg::ErrorTitle.text(l)}</h2>
                    <p>{Msg::ErrorBody.text(l)} " " <a href=REPORT_LINK>{Msg::ReportLink.text(l)}</a></p>
                </div>
            })}
        </div>
    }
}

/// The `<body>` content of the page at `here` (relative to the site root, `""` for the
/// root): the app's view of that page inside `#prerender`, then the load-error note.
/// `svg_dir` is the chart pictures' directory relative to the site root.
pub fn body(report: &'static Report, here: &str, svg_dir: &str) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let nav = Nav::new(report, here, "", Lang::ZhHant, String::new());
        let lang = nav.lang();
        let pictures = Pictures(Some(format!("{}{svg_dir}", to_root(here))));
        view! {
            <div id="prerender">
                <App report=report nav=nav pictures=pictures/>
                <noscript><p class="static-note">{Msg::StaticVersion.text(lang)}</p></noscript>
            </div>
            <LoadError/>
        }
        .to_html()
    })
}
