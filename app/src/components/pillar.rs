//! A pillar view (environment, social, governance): the report's sections, each with its
//! chart groups.

use crate::components::group::GroupCard;
use crate::state::use_nav;
use esg_data::{Pillar, Report, Section};
use esg_explorer::groups::GROUPS;
use leptos::prelude::*;
use std::time::Duration;

/// Shows one more section per frame, each just after a paint (a task queued from an
/// animation frame runs after that frame), until `total` are shown: the view's first
/// section paints before any later one is built.
fn reveal(shown: RwSignal<usize>, total: usize) {
    request_animation_frame(move || {
        set_timeout(
            move || {
                if let Some(n) = shown.try_get_untracked().filter(|n| *n < total) {
                    shown.set(n + 1);
                    reveal(shown, total);
                }
            },
            Duration::ZERO,
        )
    });
}

#[component]
pub fn PillarView(report: &'static Report, pillar: Pillar) -> impl IntoView {
    let nav = use_nav();
    let sections: Vec<&'static Section> = report.sections.iter().filter(move |s| s.pillar == pillar).collect();
    // The first section (or the one a linked KPI is in) renders with the view; the others
    // follow one task each, so opening a pillar is no long task on a phone. They are added
    // above the footer, which `main`'s min-height keeps below the first screen: no shift.
    let linked = nav.state.with_untracked(|s| {
        let kpi = s.kpi.as_deref()?;
        sections
            .iter()
            .position(|sec| GROUPS.iter().any(|g| g.section == sec.id && g.table.contains(&kpi)))
    });
    let shown = RwSignal::new(linked.unwrap_or(0) + 1);
    reveal(shown, sections.len());
    sections
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let groups = move || GROUPS.iter().filter(|g| g.section == s.id);
            view! {
                <Show when=move || { shown.get() > i }>
                    <section class="section" id=format!("section-{}", s.id)>
                        <h2>{move || s.heading.get(nav.lang()).to_owned()}</h2>
                        {s.note.as_ref().map(|n| view! { <p class="section-note">{move || n.get(nav.lang()).to_owned()}</p> })}
                        <div class="groups">
                            {groups().map(|g| view! { <GroupCard report=report group=g/> }).collect_view()}
                        </div>
                    </section>
                </Show>
            }
        })
        .collect_view()
}
