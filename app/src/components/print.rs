//! Printing a view as a report (style/main.css, `@media print`): the printout's header
//! names the source, the page's URL and the print date; every table twin is open on paper.
//! The charts print at the page's width (`echart.rs`).

#[cfg(target_arch = "wasm32")]
use crate::browser;
use crate::components::source::source_line;
use crate::state::use_nav;
use esg_data::Report;
use esg_explorer::i18n::Msg;
use leptos::prelude::*;

/// A CSS string holding `s` (for `content:`).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The printout's header, shown only on paper. The URL and date are filled when printing
/// starts, so the build's static page and the mounted app carry the same text; with
/// scripts off the printout names the source only.
#[component]
pub fn PrintHead() -> impl IntoView {
    let nav = use_nav();
    let report: &'static Report = expect_context();
    let url = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    #[cfg(target_arch = "wasm32")]
    {
        // Before the browser lays the page out for print: open the closed table twins
        // (and only those, to close them again after), name the URL and date.
        let before = window_event_listener_untyped("beforeprint", move |_| {
            let href = browser::href();
            let locale = match nav.lang() {
                esg_data::Lang::ZhHant => "zh-Hant",
                esg_data::Lang::En => "en-GB",
            };
            url.set(href.clone());
            date.set(browser::today(locale));
            browser::set_root_property("--print-url", Some(&css_string(&href)));
            browser::open_for_print("details.figures");
        });
        let after = window_event_listener_untyped("afterprint", move |_| {
            browser::close_opened_for_print();
            browser::set_root_property("--print-url", None);
        });
        on_cleanup(move || {
            before.remove();
            after.remove();
        });
    }
    let lang = move || nav.lang();
    view! {
        <div class="print-head">
            <p>{move || source_line(report, None, lang())}</p>
            <p>
                {move || url.with(|u| (!u.is_empty()).then(|| Msg::PrintedFrom.fill(lang(), &[("url", u)])))}
                {move || date.with(|d| (!d.is_empty()).then(|| format!(" · {}", Msg::Printed.fill(lang(), &[("date", d)]))))}
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn a_url_becomes_a_css_string() {
        assert_eq!(css_string("https://x.example/en/?a=1"), "\"https://x.example/en/?a=1\"");
        assert_eq!(css_string("a\"b\\c\nd"), "\"a\\\"b\\\\c d\"");
    }
}
