//! The stakeholder communication map (`esg_explorer::stakeholders` decides its layout): the
//! company with the eight groups around it, each a link that chooses it (`group=<id>`), with
//! its numbers of expectations and channels (figures and marks); under it, the chosen group's expectations and
//! channels, or every group's when none is chosen. Plain HTML and SVG from these
//! components: the static page is the map itself (a tap before the app runs, or with
//! JavaScript off, follows the link), and nothing waits for ECharts.

use crate::components::header::in_app;
use crate::components::source::SourceLine;
use crate::state::use_nav;
use esg_data::{Report, Stakeholder, StakeholderItem};
use esg_explorer::i18n::Msg;
use esg_explorer::stakeholders::{description, shared_with};
use leptos::prelude::*;

#[component]
fn Items(report: &'static Report, group: &'static Stakeholder, channels: bool) -> impl IntoView {
    let nav = use_nav();
    let lang = move || nav.lang();
    let items = if channels { &group.channels } else { &group.expectations };
    items
        .iter()
        .map(|i: &'static StakeholderItem| {
            let shared = shared_with(report, group, i, channels);
            view! {
                <li class:uncertain=i.uncertain>
                    {move || i.text.get(lang()).to_owned()}
                    {i.uncertain.then(|| view! {
                        <span class="kpi-note">
                            {move || format!("(?) {}", Msg::Uncertain.text(lang()))}
                            {i.note.as_ref().map(|n| view! { {move || format!(": {}", n.get(lang()))} })}
                        </span>
                    })}
                    {(!shared.is_empty()).then(|| view! {
                        <span class="kpi-note">{move || {
                            let sep = if lang() == esg_data::Lang::En { ", " } else { "、" };
                            let names: Vec<&str> = shared.iter().map(|s| s.name.get(lang())).collect();
                            Msg::SharedWith.fill(lang(), &[("groups", &names.join(sep))])
                        }}</span>
                    })}
                </li>
            }
        })
        .collect_view()
}

#[component]
fn GroupDetail(report: &'static Report, group: &'static Stakeholder) -> impl IntoView {
    let nav = use_nav();
    let t = move |m: Msg| m.text(nav.lang());
    view! {
        <div class="stakeholder-detail" id=format!("sh-{}", group.id) data-testid="stakeholder-detail" data-group=group.id.clone()>
            <h3>{move || group.name.get(nav.lang()).to_owned()}</h3>
            <h4>{move || t(Msg::Expectations)}</h4>
            <ul><Items report=report group=group channels=false/></ul>
            <h4>{move || t(Msg::Channels)}</h4>
            <ul><Items report=report group=group channels=true/></ul>
        </div>
    }
}

/// `n` marks for a count, ● for expectations and ■ for channels (decorative: the figure
/// beside them is the text).
fn marks(mark: char, n: usize) -> impl IntoView {
    view! { <span aria-hidden="true">{mark.to_string().repeat(n)}</span> }
}

/// One group on the map: a link that chooses it, with its name in full and its numbers.
#[component]
fn Node(group: &'static Stakeholder) -> impl IntoView {
    let nav = use_nav();
    let lang = move || nav.lang();
    let id = group.id.as_str();
    let chosen = move || nav.group().as_deref() == Some(id);
    // `#sh-<id>`: with JavaScript off (or before the app runs) the link reloads the page,
    // which lists every group, at that group's detail.
    let href = move || format!("{}#sh-{id}", nav.href(|s| s.group = Some(id.to_owned())));
    view! {
        <a
            class="sh-node"
            href=href
            data-group=id
            aria-current=move || chosen().then_some("true")
            on:click=move |ev: leptos::ev::MouseEvent| {
                if in_app(&ev) {
                    ev.prevent_default();
                    if !chosen() {
                        nav.go(|s| s.group = Some(id.to_owned()));
                    }
                }
            }
        >
            <span class="sh-name">{move || group.name.get(lang()).to_owned()}</span>
            <span class="sh-n sh-e">
                {marks('●', group.expectations.len())}
                {group.expectations.len()}
                <span class="visually-hidden">{move || format!(" {}", Msg::Expectations.text(lang()))}</span>
            </span>
            <span class="sh-n sh-c">
                {marks('■', group.channels.len())}
                {group.channels.len()}
                <span class="visually-hidden">{move || format!(" {}", Msg::Channels.text(lang()))}</span>
            </span>
        </a>
    }
}

#[component]
pub fn StakeholdersView(report: &'static Report) -> impl IntoView {
    let nav = use_nav();
    let lang = move || nav.lang();
    let t = move |m: Msg| m.text(lang());
    let n = report.stakeholders.len();
    let chosen = move || {
        nav.group()
            .and_then(|id| report.stakeholders.iter().find(|s| s.id == id))
    };
    let all_label = move || Msg::StakeholderAll.fill(lang(), &[("count", &n.to_string())]);
    let show_all = move || nav.href(|s| s.group = None);
    view! {
        <section class="section" aria-labelledby="h-stakeholders">
            <h2 id="h-stakeholders">{move || t(Msg::ViewStakeholders)}</h2>
            <p class="lede">{move || t(Msg::StakeholderPick)}</p>
            <div class="stakeholder-layout">
                <div class="group sh-box">
                    <div class="sh-map" role="group" aria-label=move || description(report, lang()) data-testid="stakeholder-map">
                        // The spokes are the map's background (the stylesheet), under the boxes.
                        <p class="sh-hub">{move || report.report.company.get(lang()).to_owned()}</p>
                        {report.stakeholders.iter().map(|s| view! { <Node group=s/> }).collect_view()}
                    </div>
                    <p class="sh-key">
                        <span class="sh-e">{marks('●', 1)}{move || t(Msg::Expectations)}</span>
                        " "
                        <span class="sh-c">{marks('■', 1)}{move || t(Msg::Channels)}</span>
                    </p>
                    <SourceLine/>
                </div>
                <div class="sh-details">
                    <p class="sh-status" role="status">
                        {move || match chosen() {
                            Some(_) => view! { <a href=show_all on:click=move |ev: leptos::ev::MouseEvent| {
                                if in_app(&ev) {
                                    ev.prevent_default();
                                    nav.go(|s| s.group = None);
                                }
                            }>{all_label}</a> }.into_any(),
                            None => view! { {move || Msg::StakeholderAllShown.fill(lang(), &[("count", &n.to_string())])} }.into_any(),
                        }}
                    </p>
                    {move || match chosen() {
                        Some(g) => view! { <GroupDetail report=report group=g/> }.into_any(),
                        None => report
                            .stakeholders
                            .iter()
                            .map(|g| view! { <GroupDetail report=report group=g/> })
                            .collect_view()
                            .into_any(),
                    }}
                </div>
            </div>
        </section>
    }
}
