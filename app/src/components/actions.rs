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
        // The build's public URL, so that a snippet copied from a staging copy still embeds
        // the public site; without one, where the app runs (nothing on the host: the app
        // writes it, as a relative snippet would break where it is pasted).
        let site = Some(env!("ESG_PUBLIC_URL_CHECKED"))
            .filter(|u| !u.is_empty())
            .map_or_else(|| nav.site(), str::to_owned);
        if site.is_empty() {
            return String::new();
        }
        snippet(&site, &at, &title.get(), env!("ESG_EMBED_JS_SRI"))
    };
    let help_id = format!("embed-help-{widget}");
    let copied = RwSignal::new(false);
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
            // The snippet is text, not a <textarea>: the static page then shows it without the
            // app, and Chrome forces a layout per form control when parsing ends (~60 ms over
            // the 18 snippets of a pillar page, measured in a trace).
            <details class="embed">
                <summary>{move || t(Msg::Embed)}</summary>
                <p class="kpi-note" id=help_id.clone()>{move || t(Msg::EmbedHelp)}</p>
                <pre class="snippet" tabindex="0" data-testid="embed-snippet" aria-describedby=help_id>
                    <code>{embed_code}</code>
                </pre>
                <button type="button" class="copy" data-action="copy-embed" on:click=move |_| {
                    browser::copy_text(&embed_code(), move |ok| copied.set(ok));
                }>{move || t(if copied.get() { Msg::CodeCopied } else { Msg::CopyCode })}</button>
            </details>
        </div>
    }
}
