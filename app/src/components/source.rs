//! The source line under every chart, table and list: one wording for all of them.

use crate::state::use_nav;
use esg_data::{Lang, Report};
use esg_explorer::i18n::Msg;
use leptos::prelude::*;

/// "Source: <report>[, <table> · <section>]" in `lang`.
pub fn source_line(report: &Report, section: Option<&str>, lang: Lang) -> String {
    let where_ = section
        .and_then(|id| report.section(id))
        .map(|s| format!(", {} · {}", s.table.get(lang), s.heading.get(lang)))
        .unwrap_or_default();
    format!(
        "{}: {}{where_}",
        Msg::Source.text(lang),
        Msg::SourceReport.for_report(lang, report)
    )
}

/// The source line, naming the report's table and section when the content has one.
#[component]
pub fn SourceLine(#[prop(optional)] section: Option<&'static str>) -> impl IntoView {
    let nav = use_nav();
    let report: &'static Report = expect_context();
    view! { <p class="source">{move || source_line(report, section, nav.lang())}</p> }
}
