//! The static pages, rendered at build time on the host by the same components the browser
//! mounts (Leptos' `ssr` rendering): one renderer, so a page's first paint is the app's own
//! view of that page, in its language, before any WebAssembly runs and with JavaScript off.
//!
//! The app does not hydrate this HTML: it mounts its own view and removes `#prerender` in
//! the same task (`lib.rs`), so the two never show together and the first chart card is in
//! the same place in both (no layout shift). Host-only.

use crate::echart::Pictures;
use crate::state::Nav;
use crate::App;
use esg_data::{Lang, Report};
use esg_explorer::i18n::Msg;
use esg_explorer::pages::to_root;
use leptos::prelude::*;

/// Where readers find the report itself when the app cannot run.
pub const REPORT_LINK: &str = "https://ir.medlive.cn/";

/// The bilingual note `static/boot.js` (or the app's panic hook) shows when the app cannot
/// start: both languages, as a failure can come after a language switch.
#[component]
fn LoadError() -> impl IntoView {
    view! {
        <div id="load-error" class="error-panel" role="alert" hidden>
            {Lang::ALL.map(|l| view! {
                <div lang=l.tag()>
                    <h2>{Msg::ErrorTitle.text(l)}</h2>
                    <p>{Msg::ErrorBody.text(l)} " " <a href=REPORT_LINK>{Msg::ReportLink.text(l)}</a></p>
                </div>
            })}
        </div>
    }
}

/// The `<body>` content of the page at `here` (relative to the site root, `""` for the
/// root): the app's view of that page inside `#prerender`, then the load-error note.
/// `svg_dir` is the chart pictures' directory relative to the site root.
pub fn body(report: &'static Report, here: &str, svg_dir: &str) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let nav = Nav::new(report, here, "", Lang::ZhHant, String::new());
        let lang = nav.lang();
        let pictures = Pictures(Some(format!("{}{svg_dir}", to_root(here))));
        let html = view! {
            <div id="prerender">
                <App report=report nav=nav pictures=pictures/>
                <noscript><p class="static-note">{Msg::StaticVersion.text(lang)}</p></noscript>
            </div>
            <LoadError/>
        }
        .to_html();
        without_markers(&html)
    })
}

/// Leptos marks where hydration would split text or look for a dynamic child (`<!>`,
/// `<!--<() />-->`). The app mounts over the page instead of hydrating it, so the marks go,
/// and so do empty `class` attributes: bytes on every first view, nothing the reader sees.
fn without_markers(html: &str) -> String {
    html.replace("<!>", "")
        .replace("<!--<() />-->", "")
        .replace(" class=\"\"", "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use esg_explorer::format;
    use esg_explorer::pages::Page;
    use esg_explorer::url::View;

    fn report() -> &'static Report {
        crate::data::report().expect("embedded report")
    }

    #[test]
    fn a_pillar_page_is_its_view_in_its_language_with_every_kpi() {
        let r = report();
        let page = Page::view(Lang::En, View::Social);
        let html = body(r, &page.path(), "charts-0123456789abcdef/");
        assert!(html.starts_with("<div id=\"prerender\">"), "{}", &html[..80]);
        assert!(html.contains("<nav aria-label=\"Views\""));
        assert!(html.contains("aria-current=\"page\" class=\"active\">Social</a>"));
        for k in r.kpis.iter().filter(|k| k.pillar == esg_data::Pillar::S) {
            assert!(
                html.contains(&esg_explorer::site::esc(k.metric.get(Lang::En))),
                "{}",
                k.id
            );
            for v in &k.values {
                assert!(html.contains(&format::value(v.value, Lang::En)), "{} {}", k.id, v.year);
            }
        }
        // Pictures relative to the page's folder, light and dark; no script.
        assert!(html.contains("src=\"../../charts-0123456789abcdef/workforce-gender/absolute/en/light.svg\""));
        assert!(html.contains("srcset=\"../../charts-0123456789abcdef/workforce-gender/absolute/en/dark.svg\""));
        assert!(!html.contains("<script"));
        assert!(html.contains("id=\"load-error\""));
    }

    #[test]
    fn the_root_is_the_chinese_overview_and_a_widget_page_is_its_widget_alone() {
        let r = report();
        let root = body(r, "", "charts-0123456789abcdef/");
        assert!(root.contains("<h2 id=\"h-headlines\">主要數據</h2>"));
        assert!(
            root.contains("href=\"en/\""),
            "the language link is relative to the root"
        );
        let ghg = body(r, "en/embed/ghg/", "charts-0123456789abcdef/");
        assert!(ghg.contains("Greenhouse gas emissions") && !ghg.contains("<nav"));
        assert!(
            ghg.contains("href=\"../../environment/\""),
            "open in the explorer: the widget's view"
        );
    }

    #[test]
    fn every_page_lists_the_data_files_with_the_built_sizes_and_rows() {
        let r = report();
        let url = Some(env!("ESG_REPORT_URL_CHECKED")).filter(|u| !u.is_empty());
        let files = esg_data::package::files(r, url);
        assert_eq!(crate::data::FILES.len(), files.len());
        for (shown, built) in crate::data::FILES.iter().zip(&files) {
            assert_eq!(
                (shown.name, shown.rows, shown.bytes),
                (built.name, built.rows, built.content.len())
            );
        }
        let zh = body(r, "zh-hant/social/", "charts-0123456789abcdef/");
        assert!(zh.contains("<h2>數據檔案</h2>"));
        assert!(
            zh.contains("href=\"../../data/medlive-esg.csv\""),
            "relative to the page"
        );
        assert!(zh.contains(&format!("{}行", files[0].rows)));
        let en = body(r, "en/", "charts-0123456789abcdef/");
        assert!(en.contains("href=\"../data/datapackage.json\""));
        assert!(en.contains(&format!("{} rows", files[0].rows)));
        assert!(en.contains(crate::data::FILES[3].size));
    }

    #[test]
    fn embed_snippets_name_the_public_url_or_are_left_to_the_app() {
        let public = env!("ESG_PUBLIC_URL_CHECKED");
        let en = body(report(), "en/environment/", "charts-0123456789abcdef/");
        assert!(en.contains("data-testid=\"embed-snippet\""));
        if public.is_empty() {
            assert!(
                !en.contains("&lt;iframe"),
                "no relative snippet: the app writes it where it runs"
            );
        } else {
            assert!(en.contains(&format!("&lt;iframe src=\"{public}en/embed/ghg/\"")));
            assert!(en.contains(&format!("&lt;script src=\"{public}embed.js\"")));
        }
    }
}
