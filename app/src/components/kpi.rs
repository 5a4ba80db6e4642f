//! KPI figures: a value cell, a change badge, a tile, and a group's table twin.

use crate::components::table_scroll::TableScroll;
use crate::state::use_nav;
use esg_data::derive::change;
use esg_data::{Kpi, Lang, Report};
use esg_explorer::format;
use esg_explorer::i18n::Msg;
use leptos::prelude::*;

/// The years a table compares: the comparative year, then the report year.
pub fn years(r: &Report) -> (u16, u16) {
    let y = r.report.years();
    (y[0], r.report.year)
}

/// A value as printed, "not disclosed" in words, or "—" where the table has no column.
pub fn cell(k: &Kpi, year: u16, lang: Lang) -> String {
    match k.value(year) {
        Some(v) => format::value(v, lang),
        None => "—".into(),
    }
}

/// Whether a cell shows no figure (not disclosed, or no column): the same in every language.
fn no_figure(k: &Kpi, year: u16) -> bool {
    k.value(year).is_none_or(|v| v.decimal().is_none())
}

/// "+0.362 (+0.5%)" with its reading (improved/worsened) as class and words.
#[component]
pub fn ChangeBadge(kpi: &'static Kpi, from: u16, to: u16) -> impl IntoView {
    let nav = use_nav();
    change(kpi, from, to).map(|c| {
        let lang = move || nav.lang();
        let (_, class) = format::tone(c.tone, Lang::En);
        view! {
            <span class=format!("change {class}")>
                {move || format::change(&c, &kpi.unit, lang())}
                {(class != "neutral").then(|| view! { <span class="tone">{move || format!(" · {}", format::tone(c.tone, lang()).0)}</span> })}
            </span>
        }
    })
}

/// A headline figure: label, value with unit, change, and its discrepancy note if any.
#[component]
pub fn KpiTile(
    report: &'static Report,
    kpi: &'static Kpi,
    #[prop(optional)] href: Option<Signal<String>>,
) -> impl IntoView {
    let nav = use_nav();
    let (from, to) = years(report);
    let lang = move || nav.lang();
    let focused = move || nav.is_kpi(&kpi.id);
    let value = move || match kpi.value(to) {
        Some(v) => format::with_unit(v, &kpi.unit, lang()),
        None => "—".into(),
    };
    let label = move || kpi.metric.get(lang()).to_owned();
    view! {
        <div class="tile" id=format!("kpi-{}", kpi.id) class:focus=focused>
            <div class="tile-label">
                {move || match href {
                    Some(h) => view! { <a href=move || h.get()>{label}</a> }.into_any(),
                    None => view! { <span>{label}</span> }.into_any(),
                }}
            </div>
            <div class="tile-value">{value}</div>
            <div class="tile-change">
                <ChangeBadge kpi=kpi from=from to=to/>
                {move || kpi.value(from).filter(|v| v.decimal().is_none()).map(|_| view! {
                    <span class="nd">{format!("{}: {}", Msg::YearLabel.fill(lang(), &[("year", &from.to_string())]), Msg::NotDisclosed.text(lang()))}</span>
                })}
            </div>
            <Discrepancies report=report kpi=kpi/>
        </div>
    }
}

/// The report's own inconsistencies that touch this KPI.
#[component]
pub fn Discrepancies(report: &'static Report, kpi: &'static Kpi) -> impl IntoView {
    let nav = use_nav();
    let notes: Vec<_> = report
        .discrepancies
        .iter()
        .filter(|d| d.kpis.iter().any(|k| k == &kpi.id))
        .collect();
    notes
        .into_iter()
        .map(|d| {
            view! {
                <p class="discrepancy" role="note">
                    <strong>{move || format!("⚠ {} ({}): ", Msg::Discrepancy.text(nav.lang()), d.year)}</strong>
                    {move || d.note.get(nav.lang()).to_owned()}
                </p>
            }
        })
        .collect_view()
}

/// The table twin of a group: every KPI, both years, change, HKEX code.
#[component]
pub fn KpiTable(
    report: &'static Report,
    ids: &'static [&'static str],
    #[prop(into)] caption: Signal<String>,
    /// Whether each row is its KPI's link target (`id="kpi-<id>"`); not when the KPI's
    /// figure card is on the same page.
    #[prop(default = true)]
    anchors: bool,
) -> impl IntoView {
    let nav = use_nav();
    let (from, to) = years(report);
    let t = move |m: Msg| m.text(nav.lang());
    let year = move |y: u16| Msg::YearLabel.fill(nav.lang(), &[("year", &y.to_string())]);
    let rows = ids.iter().filter_map(|id| report.kpi(id)).map(move |k| {
        let focused = move || nav.is_kpi(&k.id);
        view! {
            <tr id=anchors.then(|| format!("kpi-{}", k.id)) class:focus=focused>
                <th scope="row">
                    {move || k.metric.get(nav.lang()).to_owned()}
                    {k.note.as_ref().map(|n| view! { <span class="kpi-note">{move || format!(" ({}: {})", Msg::Note.text(nav.lang()), n.get(nav.lang()))}</span> })}
                </th>
                <td class="unit">{move || format::unit_label(&k.unit, nav.lang())}</td>
                <td class="num" class:nd=no_figure(k, from)>{move || cell(k, from, nav.lang())}</td>
                <td class="num" class:nd=no_figure(k, to)>{move || cell(k, to, nav.lang())}</td>
                <td class="num"><ChangeBadge kpi=k from=from to=to/></td>
                <td class="code">{k.hkex.clone().unwrap_or_default()}</td>
            </tr>
        }
    });
    view! {
        <TableScroll label=caption>
            <table>
                <caption>{move || caption.get()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || t(Msg::Indicator)}</th>
                        <th scope="col">{move || t(Msg::Unit)}</th>
                        <th scope="col" class="num">{move || year(from)}</th>
                        <th scope="col" class="num">{move || year(to)}</th>
                        <th scope="col" class="num">{move || t(Msg::Change)}</th>
                        <th scope="col">{move || t(Msg::HkexKpi)}</th>
                    </tr>
                </thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        </TableScroll>
    }
}
