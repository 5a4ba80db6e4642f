//! Business highlights with their figures, the 2022 milestones by month, data centres and
//! certifications.

use crate::components::source::SourceLine;
use crate::state::use_nav;
use esg_data::Report;
use esg_explorer::format;
use esg_explorer::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn HighlightsView(report: &'static Report) -> impl IntoView {
    let nav = use_nav();
    let lang = move || nav.lang();
    let t = move |m: Msg| m.text(lang());
    let tiles = report.highlights.iter().map(move |h| {
        let previous = move || {
            h.previous.map(|p| {
                let year = h.previous_year.map(|y| y.to_string()).unwrap_or_default();
                let prev = esg_data::Highlight {
                    value: p,
                    qualifier: h.previous_qualifier.clone(),
                    ..h.clone()
                };
                Msg::Previously.fill(lang(), &[("year", &year), ("value", &format::highlight(&prev, lang()))])
            })
        };
        view! {
            <div class="tile highlight" id=format!("highlight-{}", h.id)>
                <div class="tile-label">{move || h.label.get(lang()).to_owned()}</div>
                <div class="tile-value">{move || format::highlight(h, lang())}</div>
                <div class="tile-change">
                    {move || previous()}
                    {h.as_of.as_ref().map(|a| view! { <span>{move || format!(" {}", a.get(lang()))}</span> })}
                </div>
                {h.note.as_ref().map(|n| view! { <p class="kpi-note">{move || n.get(lang()).to_owned()}</p> })}
            </div>
        }
    });
    let mut months: Vec<&str> = report.milestones.iter().map(|m| m.month.as_str()).collect();
    months.dedup();
    let timeline = months.into_iter().map(move |month| {
        let items = report.milestones.iter().filter(move |m| m.month == month);
        view! {
            <li class="month">
                <h3><time datetime=month>{month.replace('-', ".")}</time></h3>
                <ul>
                    {items.map(|m| view! {
                        <li class:uncertain=m.uncertain>
                            {move || m.text.get(lang()).to_owned()}
                            {m.note.as_ref().map(|n| view! { <span class="kpi-note">{move || format!("(?) {}", n.get(lang()))}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            </li>
        }
    });
    view! {
        <section class="section" aria-labelledby="h-highlights">
            <h2 id="h-highlights">{move || t(Msg::BusinessHighlights)}</h2>
            <div class="tiles">{tiles.collect_view()}</div>
        </section>
        <section class="section" aria-labelledby="h-milestones">
            <h2 id="h-milestones">{move || Msg::Milestones.for_report(lang(), report)}</h2>
            <ol class="timeline">{timeline.collect_view()}</ol>
        </section>
        <div class="groups">
            <section class="group" aria-labelledby="h-dc">
                <h3 id="h-dc">{move || t(Msg::DataCentres)}</h3>
                <ul>{report.data_centres.iter().map(|d| view! { <li>{move || d.city.get(lang()).to_owned()}</li> }).collect_view()}</ul>
            </section>
            <section class="group" aria-labelledby="h-certs">
                <h3 id="h-certs">{move || t(Msg::Certifications)}</h3>
                <ul>{report.certifications.iter().map(|c| view! {
                    <li>{move || c.name.get(lang()).to_owned()}{c.year_month.as_ref().map(|m| format!(" ({})", m.replace('-', ".")))}</li>
                }).collect_view()}</ul>
            </section>
        </div>
        <SourceLine/>
    }
}
