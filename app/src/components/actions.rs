//! A widget's take-away actions: its data as CSV, its chart as PNG, and the embed snippet.

use crate::browser;
use crate::echart::ChartRef;
use crate::state::use_nav;
use esg_data::export::kpi_csv_for;
use esg_data::Report;
use esg_explorer::embed::{snippet, Widget};
use esg_explorer::i18n::Msg;
use esg_explorer::pages::Page;
use esg_explorer::url::UrlState;
use leptos::prelude::*;

/// `medlive-esg-2022-<what>-<lang>.<ext>`
pub fn file_name(report: &Report, what: &str, lang: esg_data::Lang, ext: &str) -> String {
    format!("medlive-esg-{}-{what}-{}.{ext}", report.report.year, lang.tag())
}

#[component]
pub fn WidgetActions(
    report: &'static Report,
    /// The embed widget id (a group id, `board`, `stakeholders`, `overview`).
    widget: &'static str,
    #[prop(into)] title: Signal<String>,
    /// KPIs in the CSV (those of the widget's table); empty for no CSV button.
    #[prop(optional)]
    csv: Vec<&'static str>,
    /// The chart to export as PNG: its current chart's key and its live chart.
    png: Option<(Signal<&'static str>, ChartRef)>,
) -> impl IntoView {
    let nav = use_nav();
    let theme = crate::state::use_theme();
    let lang = move || nav.lang();
    let t = move |m: Msg| m.text(lang());
    let embed_code = move || {
        let st = UrlState {
            embed: Some(Widget::parse(widget)),
            lang: Some(lang()),
            board: nav.board(),
            measure: nav.measure(),
            ..UrlState::default()
        };
        let page = Page::for_state(&st, lang());
        let at = format!("{}{}", page.path(), st.page_query());
        snippet(&nav.site(), &at, &title.get(), env!("ESG_EMBED_JS_SRI"))
    };
    view! {
        <div class="actions">
            {(!csv.is_empty()).then(|| view! {
                <button type="button" data-action="csv" on:click=move |_| {
                    browser::download_text(&file_name(report, widget, lang(), "csv"), "text/csv;charset=utf-8", &kpi_csv_for(report, &csv));
                }>{move || t(Msg::DownloadCsv)}</button>
            })}
            {png.map(|(key, chart)| view! {
                <button type="button" data-action="png" on:click=move |_| {
                    let sub = format!("{} · {}", title.get(), crate::components::source::source_line(report, None, lang()));
                    let bg = theme.get_untracked().paper();
                    let name = file_name(report, widget, lang(), "png");
                    chart.png(title.get(), sub, key.get(), bg, move |url| browser::download_url(&name, &url));
                }>{move || t(Msg::DownloadPng)}</button>
            })}
            <details class="embed">
                <summary>{move || t(Msg::Embed)}</summary>
                <label>
                    <span class="kpi-note">{move || t(Msg::EmbedHelp)}</span>
                    <textarea readonly rows="4" data-testid="embed-snippet" prop:value=embed_code></textarea>
                </label>
            </details>
        </div>
    }
}
