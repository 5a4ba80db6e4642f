//! The overview: headline figures with their change, business highlights, one chart.

use crate::components::group::GroupCard;
use crate::components::kpi::KpiTile;
use crate::state::use_nav;
use esg_data::derive::change;
use esg_data::Report;
use esg_explorer::format;
use esg_explorer::groups::{group, HEADLINE_HIGHLIGHTS, HEADLINE_KPIS, OVERVIEW_GROUP};
use esg_explorer::i18n::Msg;
use esg_explorer::url::View;
use esg_explorer::verdict::{verdict, Basis};
use leptos::prelude::*;

/// The headline figures and business highlights (also the `overview` embed widget).
#[component]
pub fn Headlines(report: &'static Report) -> impl IntoView {
    let nav = use_nav();
    let lang = move || nav.lang();
    let tiles = HEADLINE_KPIS.iter().filter_map(|id| report.kpi(id)).map(move |k| {
        let view = View::for_pillar(k.pillar);
        let href = Signal::derive(move || {
            nav.href(|s| {
                s.view = view;
                s.kpi = Some(k.id.clone());
            })
        });
        view! { <KpiTile report=report kpi=k href=href/> }
    });
    let highlights = HEADLINE_HIGHLIGHTS.iter().filter_map(|id| report.highlights.iter().find(|h| h.id == *id)).map(move |h| {
        view! {
            <div class="tile highlight">
                <div class="tile-label">{move || h.label.get(lang()).to_owned()}</div>
                <div class="tile-value">{move || format::highlight(h, lang())}</div>
                {h.as_of.as_ref().map(|a| view! { <div class="tile-change">{move || a.get(lang()).to_owned()}</div> })}
            </div>
        }
    });
    // Says once why some tiles judge a figure per employee, with the headcount's change.
    let (from, to) = crate::components::kpi::years(report);
    let judges_intensity = HEADLINE_KPIS
        .iter()
        .filter_map(|id| report.kpi(id))
        .any(|k| verdict(report, k, from, to).basis == Basis::PerEmployee);
    let headcount = report
        .kpi("employees")
        .and_then(|k| change(k, from, to).map(|c| (c, k)));
    let rule = headcount.filter(|_| judges_intensity).map(|(c, k)| {
        view! {
            <p class="section-note verdict-rule">
                {move || Msg::VerdictRule.fill(lang(), &[("change", &format::relative_change(&c, &k.unit, lang()))])}
            </p>
        }
    });
    view! {
        <section class="section" aria-labelledby="h-headlines">
            <h2 id="h-headlines">{move || Msg::Headlines.text(lang())}</h2>
            {rule}
            <div class="tiles">{tiles.collect_view()}</div>
            <div class="tiles">{highlights.collect_view()}</div>
        </section>
    }
}

#[component]
pub fn Overview(report: &'static Report) -> impl IntoView {
    let nav = use_nav();
    let lang = move || nav.lang();
    view! {
        <p class="lede">{move || Msg::AppDescription.for_report(lang(), report)}</p>
        <Headlines report=report/>
        {group(OVERVIEW_GROUP).map(|g| view! { <div class="groups"><GroupCard report=report group=g/></div> })}
    }
}
