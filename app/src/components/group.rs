//! One chart group: its chart (or figures), the not-disclosed list, and its table twin.

use crate::components::kpi::{KpiTable, KpiTile};
use crate::echart::EChart;
use crate::state::use_nav;
use esg_data::Report;
use esg_explorer::charts::group_chart;
use esg_explorer::groups::{Group, Kind};
use esg_explorer::i18n::Msg;
use esg_explorer::tokens::Theme;
use esg_explorer::url::Mode;
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
pub fn GroupCard(report: &'static Report, group: &'static Group) -> impl IntoView {
    let nav = use_nav();
    let lang = move || nav.lang();
    let theme = if crate::browser::prefers_dark() {
        Theme::Dark
    } else {
        Theme::Light
    };
    let title = move || group.title.text(lang()).to_owned();
    let mode = move || nav.state.with(|s| s.mode);
    // A linked KPI opens its group's table so it can be scrolled to and seen.
    let focused = move || {
        nav.state
            .with(|s| s.kpi.as_deref().is_some_and(|k| group.table.contains(&k)))
    };
    let measure = move || nav.state.with(|s| s.measure);
    let source = move || format!("{}: {}", Msg::Source.text(lang()), Msg::SourceReport.text(lang()));
    let body = move || {
        if mode() == Mode::Table {
            return view! { <KpiTable report=report ids=group.table caption=Signal::derive(title)/> }.into_any();
        }
        match group.kind {
            Kind::Tiles => view! {
                <div class="tiles">
                    {group.table.iter().filter_map(|id| report.kpi(id)).map(|k| view! { <KpiTile report=report kpi=k/> }).collect_view()}
                </div>
            }
            .into_any(),
            _ => {
                let spec = Memo::new(move |_| {
                    group_chart(report, group, measure(), lang()).map(|c| (c.option_json_for(theme), c.height)).unwrap_or_default()
                });
                let option = Signal::derive(move || spec.with(|s| s.0.clone()));
                let height = Signal::derive(move || spec.with(|s| s.1));
                let nd = move || {
                    let items = not_disclosed(report, group.plotted(measure()), lang());
                    (!items.is_empty()).then(|| Msg::NotDisclosedList.fill(lang(), &[("items", &items.join("、"))]))
                };
                view! {
                    <EChart key=group.id option=option height=height/>
                    {move || nd().map(|t| view! { <p class="nd-list">{t}</p> })}
                    <details class="figures" prop:open=focused>
                        <summary>{move || Msg::ModeTable.text(lang())}</summary>
                        <KpiTable report=report ids=group.table caption=Signal::derive(title)/>
                    </details>
                }
                .into_any()
            }
        }
    };
    view! {
        <section class="group" id=format!("group-{}", group.id) aria-labelledby=format!("h-{}", group.id)>
            <h3 id=format!("h-{}", group.id)>{title}</h3>
            {body}
            <p class="source">{source}</p>
        </section>
    }
}
