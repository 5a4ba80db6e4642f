//! The HKEX ESG Reporting Guide content index, with links into the explorer.

use crate::components::header::in_app;
use crate::components::reveal::progressive;
use crate::components::source::SourceLine;
use crate::components::table_scroll::TableScroll;
use crate::state::use_nav;
use esg_data::{HkexKind, HkexStatus, Report};
use esg_explorer::content_index::{coverage, linked};
use esg_explorer::i18n::Msg;
use esg_explorer::url::View;
use leptos::prelude::*;

#[component]
pub fn IndexView(report: &'static Report) -> impl IntoView {
    let nav = use_nav();
    let lang = move || nav.lang();
    let t = move |m: Msg| m.text(lang());
    let c = coverage(report);
    let summary = move || {
        Msg::IndexCoverage.fill(
            lang(),
            &[
                ("total", &(c.with_data + c.narrative + c.not_applicable).to_string()),
                ("data", &c.with_data.to_string()),
                ("narrative", &c.narrative.to_string()),
                ("na", &c.not_applicable.to_string()),
            ],
        )
    };
    // The first aspect's table mounts with the view, the others one per task (the index is
    // the longest page: one task for all of it is the longest on a phone).
    let total = report.hkex_aspects.len();
    let shown = progressive(total, 1);
    let aspects = report.hkex_aspects.iter().enumerate().map(move |(n, a)| {
        let rows = move || a.items.iter().map(move |i| {
            let link = linked(report, i).and_then(|id| report.kpi(&id).map(|k| (id, View::for_pillar(k.pillar))));
            let gd = i.kind == HkexKind::GeneralDisclosure;
            view! {
                <tr id=format!("hkex-{}", i.code.replace('.', "-"))>
                    <th scope="row">
                        {i.code.clone()}
                        {gd.then(|| view! { <span class="kpi-note">{move || t(Msg::GeneralDisclosure)}</span> })}
                    </th>
                    <td class="description">{move || i.description.get(lang()).to_owned()}</td>
                    <td class="sections" data-label=move || t(Msg::Sections)>
                        {move || match i.status {
                            HkexStatus::NotApplicable => t(Msg::NotApplicable).to_owned(),
                            HkexStatus::Reported => i.sections.iter().map(|s| s.get(lang()).to_owned()).collect::<Vec<_>>().join("；"),
                        }}
                        {i.note.as_ref().map(|n| view! { <span class="kpi-note">{move || format!("{}{}", if i.uncertain { "(?) " } else { "" }, n.get(lang()))}</span> })}
                    </td>
                    <td class="link">
                        {link.clone().map(|(id, view)| {
                            let id2 = id.clone();
                            view! {
                                <a class="kpi-link" href=move || nav.href(|s| { s.view = view; s.kpi = Some(id.clone()); })
                                    on:click=move |ev: leptos::ev::MouseEvent| { if in_app(&ev) { ev.prevent_default(); let id = id2.clone(); nav.go(|s| { s.view = view; s.kpi = Some(id); }); } }>
                                    {move || t(Msg::OpenKpi)}
                                </a>
                            }
                        })}
                    </td>
                </tr>
            }
        }).collect_view();
        let caption = move || format!("{} {} · {}", a.code, a.name.get(lang()), a.area.get(lang()));
        view! {
            <Show when=move || { shown.get() > n }>
            <TableScroll label=Signal::derive(caption)>
                <table class="hkex">
                    <caption>{caption}</caption>
                    // The column widths before the header row has arrived (table-layout:
                    // fixed takes them from the first row otherwise): a page that arrives in
                    // pieces does not widen its columns as it comes.
                    <colgroup><col class="col-code"/><col/><col class="col-sections"/><col class="col-link"/></colgroup>
                    <thead><tr>
                        <th scope="col">{move || t(Msg::Code)}</th>
                        <th scope="col">{move || t(Msg::Description)}</th>
                        <th scope="col">{move || t(Msg::Sections)}</th>
                        <th scope="col"><span class="visually-hidden">{move || t(Msg::OpenKpi)}</span></th>
                    </tr></thead>
                    <tbody>{rows()}</tbody>
                </table>
            </TableScroll>
            </Show>
        }
    });
    view! {
        <section class="section" aria-labelledby="h-index">
            <h2 id="h-index">{move || t(Msg::ViewIndex)}</h2>
            <p class="lede" data-testid="index-coverage">{summary}</p>
            {aspects.collect_view()}
            // Last, so it never shows on the first screen to be pushed down by later aspects.
            <Show when=move || { shown.get() >= total }><SourceLine/></Show>
        </section>
    }
}
