//! The materiality topics, as the report lists them (no invented matrix positions).

use crate::components::source::SourceLine;
use crate::state::use_nav;
use esg_data::{Area, Report};
use esg_explorer::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn MaterialityView(report: &'static Report) -> impl IntoView {
    let nav = use_nav();
    let lang = move || nav.lang();
    let t = move |m: Msg| m.text(lang());
    let areas = [
        (Area::Governance, Msg::AreaGovernance),
        (Area::Environment, Msg::AreaEnvironment),
        (Area::Social, Msg::AreaSocial),
    ];
    view! {
        <section class="section" aria-labelledby="h-materiality">
            <h2 id="h-materiality">{move || t(Msg::ViewMateriality)}</h2>
            <p class="lede">{move || t(Msg::MaterialityNote)}</p>
            <div class="groups">
                {areas.into_iter().map(|(area, title)| view! {
                    <section class="group" data-area=format!("{area:?}").to_ascii_lowercase()>
                        <h3>{move || t(title)}</h3>
                        <ol class="topics">
                            {report.material_topics.iter().filter(|m| m.area == area).map(|m| view! {
                                <li>{move || m.text.get(lang()).to_owned()}</li>
                            }).collect_view()}
                        </ol>
                    </section>
                }).collect_view()}
            </div>
            <SourceLine/>
        </section>
    }
}
