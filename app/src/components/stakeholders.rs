//! The stakeholder communication map: a radial chart to tap, a group picker for keyboards,
//! and the selected group's expectations and channels; uncertain assignments say so.

use crate::components::source::SourceLine;
use crate::components::table_scroll::TableScroll;
use crate::echart::EChart;
use crate::state::use_nav;
use esg_data::{Report, Stakeholder, StakeholderItem};
use esg_explorer::i18n::Msg;
use esg_explorer::prebuilt;
use leptos::prelude::*;

#[component]
fn Items(items: &'static [StakeholderItem]) -> impl IntoView {
    let nav = use_nav();
    let lang = move || nav.lang();
    items
        .iter()
        .map(|i| {
            view! {
                <li class:uncertain=i.uncertain>
                    {move || i.text.get(lang()).to_owned()}
                    {i.uncertain.then(|| view! {
                        <span class="kpi-note">
                            {move || format!("(?) {}", Msg::Uncertain.text(lang()))}
                            {i.note.as_ref().map(|n| view! { {move || format!(": {}", n.get(lang()))} })}
                        </span>
                    })}
                </li>
            }
        })
        .collect_view()
}

#[component]
fn GroupDetail(group: &'static Stakeholder) -> impl IntoView {
    let nav = use_nav();
    let t = move |m: Msg| m.text(nav.lang());
    view! {
        <div class="stakeholder-detail" data-testid="stakeholder-detail" data-group=group.id.clone()>
            <h3>{move || group.name.get(nav.lang()).to_owned()}</h3>
            <h4>{move || t(Msg::Expectations)}</h4>
            <ul><Items items=&group.expectations/></ul>
            <h4>{move || t(Msg::Channels)}</h4>
            <ul><Items items=&group.channels/></ul>
        </div>
    }
}

#[component]
pub fn StakeholdersView(report: &'static Report) -> impl IntoView {
    let nav = use_nav();
    let theme = crate::state::use_theme();
    let lang = move || nav.lang();
    let t = move |m: Msg| m.text(lang());
    let selected = RwSignal::new(report.stakeholders.first().map(|s| s.id.clone()).unwrap_or_default());
    let spec = Memo::new(move |_| {
        crate::data::chart(&prebuilt::key(
            prebuilt::STAKEHOLDERS,
            prebuilt::MAP,
            lang(),
            theme.get(),
        ))
        .unwrap_or_default()
    });
    let on_click = Callback::new(move |name: String| {
        if let Some(s) = report
            .stakeholders
            .iter()
            .find(|s| s.name.zh == name || s.name.en == name)
        {
            selected.set(s.id.clone());
        }
    });
    let current = move || report.stakeholders.iter().find(|s| selected.with(|id| &s.id == id));
    view! {
        <section class="section" aria-labelledby="h-stakeholders">
            <h2 id="h-stakeholders">{move || t(Msg::ViewStakeholders)}</h2>
            <p class="lede">{move || t(Msg::StakeholderPick)}</p>
            <div class="stakeholder-layout">
                <div class="group">
                    <EChart key="stakeholders" chart=spec on_click=on_click eager=true/>
                    <div class="chips" role="group" aria-label=move || t(Msg::ViewStakeholders)>
                        {report.stakeholders.iter().map(|s| view! {
                            <button type="button" data-group=s.id.clone() aria-pressed=move || selected.with(|id| id == &s.id).to_string() on:click=move |_| selected.set(s.id.clone())>
                                {move || s.name.get(lang()).to_owned()}
                            </button>
                        }).collect_view()}
                    </div>
                    <SourceLine/>
                </div>
                <div aria-live="polite">{move || current().map(|g| view! { <GroupDetail group=g/> })}</div>
            </div>
            <details class="figures">
                <summary>{move || t(Msg::ModeTable)}</summary>
                <TableScroll label=Signal::derive(move || t(Msg::ViewStakeholders).to_owned())>
                    <table>
                        <caption>{move || t(Msg::ViewStakeholders)}</caption>
                        <thead><tr>
                            <th scope="col">{move || t(Msg::ViewStakeholders)}</th>
                            <th scope="col">{move || t(Msg::Expectations)}</th>
                            <th scope="col">{move || t(Msg::Channels)}</th>
                        </tr></thead>
                        <tbody>
                            {report.stakeholders.iter().map(|s| view! {
                                <tr>
                                    <th scope="row">{move || s.name.get(lang()).to_owned()}</th>
                                    <td><ul><Items items=&s.expectations/></ul></td>
                                    <td><ul><Items items=&s.channels/></ul></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </TableScroll>
            </details>
        </section>
    }
}
