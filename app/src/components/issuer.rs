//! The header's line naming the issuer, the period and, when the build was given one, the
//! report itself: 醫脈通（香港聯交所：2192）/ 截至2022年12月31日止年度 · 報告.
//!
//! Two lines on a phone, one from 40 rem up, each on a line of its own that never wraps: a
//! page arriving in pieces paints the same height whatever part of the text it has (no
//! layout shift), and the whole line fits a 320 px screen in both languages.

use crate::state::use_nav;
use esg_data::Report;
use esg_explorer::i18n::Msg;
use esg_explorer::issuer;
use leptos::prelude::*;

/// The report's URL from the build setting `ESG_REPORT_URL` (checked by `build.rs`), or
/// `None` when the build had none: then there is no link at all.
pub fn report_url() -> Option<&'static str> {
    let url = env!("ESG_REPORT_URL_CHECKED");
    (!url.is_empty()).then_some(url)
}

#[component]
pub fn Issuer(
    /// The report's own URL; [`report_url`] in the app.
    #[prop(default = report_url())]
    url: Option<&'static str>,
) -> impl IntoView {
    let nav = use_nav();
    let report: &'static Report = expect_context();
    let lang = move || nav.lang();
    view! {
        <p class="issuer">
            <span class="issuer-name">{move || issuer::issuer(lang())}</span>
            <span class="issuer-period">
                {move || issuer::period(report, lang())}
                {url.map(|u| view! {
                    " · "
                    <a class="report-link" href=u rel="noopener" aria-label=move || Msg::SourceReport.for_report(lang(), report)>
                        {move || Msg::ReportItself.text(lang())}
                    </a>
                })}
            </span>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Nav;
    use esg_data::Lang;

    fn render(path: &str, url: Option<&'static str>) -> String {
        let report = crate::data::report().expect("embedded report");
        let owner = Owner::new();
        owner.with(|| {
            let nav = Nav::new(report, path, "", Lang::ZhHant, String::new());
            provide_context(nav);
            provide_context(report);
            view! { <Issuer url=url/> }.to_html()
        })
    }

    #[test]
    fn names_issuer_and_period_and_links_the_report_only_when_set() {
        let url = "https://ir.example.com/reports/esg-2022-zh.pdf";
        let zh = render("zh-hant/", Some(url));
        assert!(zh.contains("醫脈通（香港聯交所：2192）"), "{zh}");
        assert!(zh.contains("截至2022年12月31日止年度"), "{zh}");
        assert!(zh.contains(&format!("href=\"{url}\"")), "{zh}");
        assert!(zh.contains(">報告<"), "{zh}");
        let en = render("en/", Some(url));
        assert!(en.contains("Medlive (HKEX: 2192)"), "{en}");
        assert!(en.contains("Year ended 31 December 2022"), "{en}");
        assert!(en.contains(">Report<"), "{en}");
        for (lang, html) in [("zh", render("zh-hant/", None)), ("en", render("en/", None))] {
            assert!(!html.contains("<a"), "{lang}: no link without the setting: {html}");
            assert!(!html.contains("報告<") && !html.contains("Report<"), "{lang}: {html}");
        }
    }
}
