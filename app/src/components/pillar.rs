//! A pillar view (environment, social, governance): the report's sections, each with its
//! chart groups.

use crate::components::group::GroupCard;
use crate::components::reveal::progressive;
use crate::state::use_nav;
use esg_data::{Pillar, Report, Section};
use esg_explorer::groups::{pillar_sections, Group};
use leptos::prelude::*;

#[component]
pub fn PillarView(report: &'static Report, pillar: Pillar) -> impl IntoView {
    let nav = use_nav();
    // Each section's groups, numbered across the view in reading order.
    let mut n = 0;
    let numbered: Vec<(&'static Section, Vec<(usize, &'static Group)>)> = pillar_sections(report, pillar)
        .into_iter()
        .map(|(sec, groups)| {
            let groups = groups
                .into_iter()
                .map(|g| {
                    n += 1;
                    (n - 1, g)
                })
                .collect();
            (sec, groups)
        })
        .collect();
    // The first group (or up to the one a linked KPI is in) renders with the view; the
    // others follow one task each (`progressive`), so opening a pillar is no long task on a
    // phone.
    let linked = nav.state.with_untracked(|s| {
        let kpi = s.kpi.as_deref()?;
        numbered
            .iter()
            .flat_map(|(_, gs)| gs)
            .find(|(_, g)| g.table.contains(&kpi))
            .map(|(i, _)| *i)
    });
    let shown = progressive(n, linked.unwrap_or(0) + 1);
    numbered
        .into_iter()
        .map(|(s, groups)| {
            let first = groups.first().map_or(usize::MAX, |(i, _)| *i);
            let cards = move || {
                groups
                    .iter()
                    .map(|&(i, g)| view! { <Show when=move || { shown.get() > i }><GroupCard report=report group=g eager={i == 0}/></Show> })
                    .collect_view()
            };
            view! {
                <Show when=move || { shown.get() > first }>
                    <section class="section" id=format!("section-{}", s.id)>
                        <h2>{move || s.heading.get(nav.lang()).to_owned()}</h2>
                        {s.note.as_ref().map(|n| view! { <p class="section-note">{move || n.get(nav.lang()).to_owned()}</p> })}
                        <div class="groups">{cards()}</div>
                    </section>
                </Show>
            }
        })
        .collect_view()
}
