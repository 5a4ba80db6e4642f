//! KPI figures: a value cell, a change badge, a tile, and a group's table twin.

use crate::components::table_scroll::TableScroll;
use crate::state::use_nav;
use esg_data::derive::{change, Change, Tone};
use esg_data::{Kpi, Lang, Report};
use esg_explorer::format;
use esg_explorer::i18n::Msg;
use esg_explorer::table_sort::{self, Order, SortKey};
use esg_explorer::verdict::{verdict, Basis};
use leptos::prelude::*;

/// The years a table compares: the latest year before the report year, then the report year.
pub fn years(r: &Report) -> (u16, u16) {
    r.report.latest_two()
}

/// A value as printed, "not disclosed" in words, or "—" where the table has no column.
pub fn cell(k: &Kpi, year: u16, lang: Lang) -> String {
    match k.year_value(year) {
        Some(v) => format::cell(v, lang),
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

/// A change with its reading as class and, when `word` is given, in words.
fn change_view(c: Change, unit: &'static str, tone: Tone, word: Option<Msg>) -> impl IntoView {
    let nav = use_nav();
    let (_, class) = format::tone(tone, Lang::En);
    view! {
        <span class=format!("change {class}")>
            {move || format::change(&c, unit, nav.lang())}
            {word.map(|w| view! { <span class="tone">{move || format!(" · {}", w.text(nav.lang()))}</span> })}
        </span>
    }
}

/// A headline figure: label, value with unit, change, and its discrepancy note if any.
/// Where the report gives the KPI per employee, the tile shows that figure and its change
/// too, and the verdict judges it, not the total ([`esg_explorer::verdict`]).
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
    let v = verdict(report, kpi, from, to);
    let twin = v.per_employee.filter(|t| t.value(to).is_some());
    let total_word = (v.basis == Basis::Total).then(|| v.word()).flatten();
    let total = v.total.map(|c| {
        view! {
            {twin.map(|_| view! { <span class="measure">{move || Msg::TotalLabel.text(lang())}</span> })}
            {change_view(c, &kpi.unit, v.total_tone(), total_word)}
        }
    });
    let per_employee = twin.map(|t| {
        let twin_word = (v.basis == Basis::PerEmployee).then(|| v.word()).flatten();
        view! {
            <div class="tile-twin">
                <span class="measure">{move || t.metric.get(lang()).to_owned()}</span>
                <span class="twin-value">{move || t.value(to).map(|x| format::with_unit(x, &t.unit, lang())).unwrap_or_default()}</span>
                " "
                {v.per_employee_change.map(|c| change_view(c, &t.unit, v.tone, twin_word))}
            </div>
        }
    });
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
                {total}
                {move || kpi.value(from).filter(|v| v.decimal().is_none()).map(|_| view! {
                    <span class="nd">{format!("{}: {}", Msg::YearLabel.fill(lang(), &[("year", &from.to_string())]), Msg::NotDisclosed.text(lang()))}</span>
                })}
            </div>
            {per_employee}
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

/// The table twin of a group: every KPI, every year disclosed, the change between the
/// latest two, HKEX code. Each cell carries its column's name (`data-label`), which the
/// stylesheet shows when a narrow card stacks a row into lines. Sortable by the report year's value and by change when all rows share a
/// unit ([`table_sort`]).
#[component]
pub fn KpiTable(
    report: &'static Report,
    ids: Vec<&'static str>,
    #[prop(into)] caption: Signal<String>,
    /// Whether each row is its KPI's link target (`id="kpi-<id>"`); not when the KPI's
    /// figure card is on the same page.
    #[prop(default = true)]
    anchors: bool,
) -> impl IntoView {
    let nav = use_nav();
    let (from, to) = years(report);
    let all_years = report.report.years();
    let head_years = all_years.clone();
    let t = move |m: Msg| m.text(nav.lang());
    let year = move |y: u16| Msg::YearLabel.fill(nav.lang(), &[("year", &y.to_string())]);
    let kpis: Vec<&'static Kpi> = ids.iter().filter_map(|id| report.kpi(id)).collect();
    let sortable = table_sort::sortable(&kpis);
    let row = move |k: &'static Kpi| {
        let focused = move || nav.is_kpi(&k.id);
        view! {
            <tr id=anchors.then(|| format!("kpi-{}", k.id)) class:focus=focused data-row=k.id.as_str()>
                <th scope="row">
                    {move || k.metric.get(nav.lang()).to_owned()}
                    {k.note.as_ref().map(|n| view! { <span class="kpi-note">{move || format!(" ({}: {})", Msg::Note.text(nav.lang()), n.get(nav.lang()))}</span> })}
                    {k.last_reported.map(|y| view! { <span class="kpi-note dropped">{move || format!(" ({})", Msg::NotInLatest.fill(nav.lang(), &[("year", &y.to_string())]))}</span> })}
                </th>
                <td class="unit" data-label=move || t(Msg::Unit)>{move || format::unit_label(&k.unit, nav.lang())}</td>
                {all_years.iter().map(|&y| view! {
                    <td class="num" class:nd=no_figure(k, y) data-label=move || year(y)>{move || cell(k, y, nav.lang())}</td>
                }).collect_view()}
                <td class="num change-cell" data-label=move || t(Msg::Change)><ChangeBadge kpi=k from=from to=to/></td>
                <td class="code" data-label=move || t(Msg::HkexKpi)>{k.hkex.clone().unwrap_or_default()}</td>
            </tr>
        }
    };
    let rows = kpis.iter().map(|k| row(k)).collect_view();
    // Sorting moves the rows that were built once and marks the header (no re-render, no
    // reactive list: each of those costs the wasm kilobytes). One handler for the header row.
    // The order lives in the header's `aria-sort`, where the reader's tools see it too.
    let on_head_click = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = crate::browser::event_target_closest(&ev, "button[data-sort]") else {
            return;
        };
        let key = match button.get_attribute("data-sort").as_deref() {
            Some("change") => SortKey::Change,
            _ => SortKey::Value,
        };
        let now = button.parent_element().and_then(|th| th.get_attribute("aria-sort"));
        let next = Order::from_aria_sort(key, now.as_deref()).next(key);
        let ids: Vec<&str> = table_sort::arrange(&kpis, next, from, to)
            .into_iter()
            .map(|i| kpis[i].id.as_str())
            .collect();
        crate::browser::show_sorted(&button, next.aria_sort(key), &ids);
    };
    // A sortable column's header holds a button; its icon and `aria-sort` follow the order.
    let head = move |key: &'static str, label: Signal<String>| {
        view! {
            <th scope="col" class="num">
                {sortable.then(|| view! {
                    <button type="button" class="sort" data-sort=key>
                        {move || label.get()}
                        <span class="sort-icon" aria-hidden="true">"↕"</span>
                    </button>
                })}
                {(!sortable).then_some(move || label.get())}
            </th>
        }
    };
    view! {
        <TableScroll label=caption>
            <table class="kpis" class:sortable=sortable>
                <caption>{move || caption.get()}</caption>
                <thead on:click=on_head_click>
                    <tr data-label=move || sortable.then(|| t(Msg::SortBy))>
                        <th scope="col">{move || t(Msg::Indicator)}</th>
                        <th scope="col">{move || t(Msg::Unit)}</th>
                        {head_years.iter().filter(|&&y| y != to).map(|&y| view! { <th scope="col" class="num">{move || year(y)}</th> }).collect_view()}
                        {head("value", Signal::derive(move || year(to)))}
                        {head("change", Signal::derive(move || t(Msg::Change).to_owned()))}
                        <th scope="col">{move || t(Msg::HkexKpi)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
    }
}
