//! A pillar view (environment, social, governance): the report's sections, each with its
//! chart groups.

use crate::components::group::GroupCard;
use crate::state::use_nav;
use esg_data::{Pillar, Report};
use esg_explorer::groups::GROUPS;
use leptos::prelude::*;

#[component]
pub fn PillarView(report: &'static Report, pillar: Pillar) -> impl IntoView {
    let nav = use_nav();
    let sections = report.sections.iter().filter(move |s| s.pillar == pillar);
    sections
        .map(|s| {
            let groups = GROUPS.iter().filter(|g| g.section == s.id);
            view! {
                <section class="section" id=format!("section-{}", s.id)>
                    <h2>{move || s.heading.get(nav.lang()).to_owned()}</h2>
                    {s.note.as_ref().map(|n| view! { <p class="section-note">{move || n.get(nav.lang()).to_owned()}</p> })}
                    <div class="groups">
                        {groups.map(|g| view! { <GroupCard report=report group=g/> }).collect_view()}
                    </div>
                </section>
            }
        })
        .collect_view()
}
