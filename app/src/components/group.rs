//! One chart group: its chart (or figures), the not-disclosed list, its table twin, its
//! source line and take-away actions.

use crate::components::actions::WidgetActions;
use crate::components::kpi::{KpiTable, KpiTile};
use crate::components::source::SourceLine;
use crate::echart::{ChartRef, EChart};
use crate::state::use_nav;
use esg_data::Report;
use esg_explorer::groups::{Group, Kind};
use esg_explorer::i18n::Msg;
use esg_explorer::prebuilt;
use esg_explorer::url::{Measure, Mode};
use leptos::prelude::*;

/// The KPIs of a group that the report does not disclose, named with their year.
fn not_disclosed(report: &Report, ids: &[&str], lang: esg_data::Lang) -> Vec<String> {
    ids.iter()
        .filter_map(|id| report.kpi(id))
        .flat_map(|k| {
            k.values
                .iter()
                .filter(|v| v.value.decimal().is_none())
                .map(move |v| format!("{} ({})", k.metric.get(lang), v.year))
        })
        .collect()
}

#[component]
pub fn GroupCard(
    report: &'static Report,
    group: &'static Group,
    /// The group is on the first screen (its picture is fetched at once).
    #[prop(optional)]
    eager: bool,
    /// Alone on a widget page: its heading is an h2 under the page's h1, not an h3 under a
    /// pillar's h2 (headings go down one level at a time).
    #[prop(optional)]
    standalone: bool,
) -> impl IntoView {
    let nav = use_nav();
    let theme = crate::state::use_theme();
    let lang = move || nav.lang();
    let title = move || group.title.text(lang()).to_owned();
    let mode = move || nav.mode();
    let measure = move || nav.measure();
    // The table's KPIs (the group's own and, on a section's last group, any KPI no group
    // lists): one list for the table twin, table mode and the CSV button.
    let table_ids = StoredValue::new(group.table_kpis(report));
    // A linked KPI opens its group's table so it can be scrolled to and seen.
    let focused = move || {
        nav.kpi()
            .is_some_and(|k| table_ids.with_value(|ids| ids.contains(&k.as_str())))
    };
    let spec = Memo::new(move |_| {
        let key = prebuilt::key(group.id, prebuilt::group_variant(group, measure()), lang(), theme.get());
        crate::data::chart(&key).unwrap_or_default()
    });
    let has_chart = group.kind != Kind::Tiles;
    let chart_ref = ChartRef::new();
    // The closed table twin (both years, change, HKEX code) is built in a task of its own
    // after the view has painted (one per group, so no long task), unless the link asks for
    // one of its KPIs. It stays in the page once built: find-in-page reaches values in
    // closed <details>. The build's static page has every table (read without scripts).
    let table_ready = RwSignal::new(cfg!(not(target_arch = "wasm32")));
    #[cfg(target_arch = "wasm32")]
    set_timeout(
        move || {
            table_ready.try_set(true);
        },
        std::time::Duration::ZERO,
    );
    // A figure card is the KPI's anchor (`kpi-<id>`); a chart's twin table holds it.
    let twin = move || {
        (table_ready.get() || focused()).then(|| {
            view! { <KpiTable report=report ids=table_ids.get_value() caption=Signal::derive(title) anchors=has_chart/> }
        })
    };
    let body = move || {
        if mode() == Mode::Table {
            return view! { <KpiTable report=report ids=table_ids.get_value() caption=Signal::derive(title)/> }
                .into_any();
        }
        let figures = if has_chart {
            let nd = move || {
                let items = not_disclosed(report, group.plotted(measure()), lang());
                (!items.is_empty()).then(|| Msg::NotDisclosedList.fill(lang(), &[("items", &items.join("、"))]))
            };
            // A zero in a stack has no segment to carry its "0": said in words, as "not
            // disclosed" is (a zero beside a bar in a year comparison is labelled "0").
            let zeros = move || {
                let stacked =
                    group.kind == Kind::Composition && prebuilt::group_variant(group, measure()) == "absolute";
                let items = if stacked {
                    esg_explorer::groups::zeros(report, group.chart, lang())
                } else {
                    Vec::new()
                };
                (!items.is_empty()).then(|| Msg::ZeroList.fill(lang(), &[("items", &items.join("、"))]))
            };
            // Per employee asked for, but this chart has no such figure: it says so.
            let totals = move || {
                (measure() == Measure::PerEmployee && !group.has_per_employee_chart())
                    .then(|| Msg::TotalsOnly.text(lang()))
            };
            view! {
                {move || totals().map(|t| view! { <p class="measure-note">{t}</p> })}
                <EChart key=group.id chart=spec chart_ref=chart_ref eager=eager/>
                {move || nd().map(|t| view! { <p class="nd-list">{t}</p> })}
                {move || zeros().map(|t| view! { <p class="nd-list zero-list">{t}</p> })}
            }
            .into_any()
        } else {
            view! {
                <div class="tiles">
                    {group.table.iter().filter_map(|id| report.kpi(id)).map(|k| view! { <KpiTile report=report kpi=k/> }).collect_view()}
                </div>
            }
            .into_any()
        };
        view! {
            {figures}
            <details class="figures" prop:open=move || has_chart && focused()>
                <summary>{move || Msg::ModeTable.text(lang())}</summary>
                {twin}
            </details>
        }
        .into_any()
    };
    let png = has_chart.then_some((Signal::derive(move || spec.with(|s| s.key)), chart_ref));
    let heading_id = format!("h-{}", group.id);
    let heading = if standalone {
        view! { <h2 id=heading_id>{title}</h2> }.into_any()
    } else {
        view! { <h3 id=heading_id>{title}</h3> }.into_any()
    };
    view! {
        <section class="group" id=format!("group-{}", group.id) aria-labelledby=format!("h-{}", group.id)>
            {heading}
            {body}
            <SourceLine section=group.section/>
            <WidgetActions report=report widget=group.id title=Signal::derive(title) csv=table_ids.get_value() png=png/>
        </section>
    }
}
