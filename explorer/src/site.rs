//! What the build writes around each static page's body: its `<head>` (title, description,
//! canonical, language alternates, link-preview tags), its place in the site (asset links
//! relative to its folder), and the sitemap.
//!
//! Absolute URLs (canonical, `hreflang`, `og:url`, `og:image`, the sitemap) come from one
//! build setting, the site's public URL (`ESG_PUBLIC_URL`, e.g.
//! `https://ir.medlive.cn/esg/2022/`). Without it the build leaves out everything that
//! needs one rather than write a wrong one.

use crate::pages::{lang_dir, to_root, Page, Target, ROOT};
use crate::url::View;
use esg_data::Lang;

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The build setting that holds the site's public URL.
pub const PUBLIC_URL_SETTING: &str = "ESG_PUBLIC_URL";

/// The site's public URL, ending in `/`, if the build was given one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PublicUrl(Option<String>);

impl PublicUrl {
    /// Reads the setting: an `http(s)` URL without query or fragment; `/` is added at the
    /// end if missing. Empty means unset. Anything else is an error naming the rule.
    pub fn parse(raw: &str) -> Result<PublicUrl, String> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(PublicUrl(None));
        }
        let ok_scheme = raw.starts_with("https://") || raw.starts_with("http://");
        let host = raw.split("://").nth(1).unwrap_or_default();
        if !ok_scheme || host.is_empty() || host.starts_with('/') || raw.contains(['?', '#', '"', '<', '>', ' ']) {
            return Err(format!(
                "ESG_PUBLIC_URL={raw:?}: must be an http(s) URL of the site's folder without query or fragment, e.g. https://ir.medlive.cn/esg/2022/"
            ));
        }
        let url = if raw.ends_with('/') {
            raw.to_owned()
        } else {
            format!("{raw}/")
        };
        Ok(PublicUrl(Some(url)))
    }

    /// `path` (relative to the site root) as an absolute URL.
    pub fn abs(&self, path: &str) -> Option<String> {
        self.0.as_ref().map(|base| format!("{base}{path}"))
    }

    pub fn is_set(&self) -> bool {
        self.0.is_some()
    }
}

/// The link-preview picture of a view in a language, relative to the site root.
pub fn share_image_path(lang: Lang, view: View) -> String {
    format!("share/{}-{}.png", lang_dir(lang), view.as_str())
}

/// Width and height of a link-preview picture (the size the big preview cards use).
pub const SHARE_IMAGE_SIZE: (u32, u32) = (1200, 630);

/// The `<head>` tags of the page at `here` showing `page`, after the title and description.
pub fn head_tags(page: &Page, here: &str, site: &PublicUrl, report: &esg_data::Report) -> String {
    let mut h = String::new();
    let meta = |prop: &str, content: &str| format!("<meta property=\"{prop}\" content=\"{}\">", esc(content));
    let is_embed = matches!(page.target, Target::Embed(_));
    if is_embed || here.is_empty() {
        // A widget's page is for iframes; the root duplicates the Chinese overview.
        h += "<meta name=\"robots\" content=\"noindex\">";
    }
    // The root is the Chinese overview again: its canonical page is that one.
    let canonical = if here.is_empty() {
        ROOT.page().path()
    } else {
        page.path()
    };
    if let Some(url) = site.abs(&canonical) {
        h += &format!("<link rel=\"canonical\" href=\"{}\">", esc(&url));
    }
    for lang in Lang::ALL {
        if let Some(url) = site.abs(&page.in_lang(lang).path()) {
            h += &format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                lang.tag(),
                esc(&url)
            );
        }
    }
    let default = if is_embed {
        page.in_lang(Lang::ZhHant).path()
    } else {
        String::new()
    };
    if let Some(url) = site.abs(&default) {
        h += &format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">", esc(&url));
    }
    h += &meta("og:type", "website");
    h += &meta("og:site_name", report.report.company.get(page.lang));
    h += &meta("og:title", &page.title(report));
    h += &meta("og:description", &page.description(report));
    h += &meta("og:locale", if page.lang == Lang::ZhHant { "zh_HK" } else { "en_GB" });
    if let Some(url) = site.abs(&canonical) {
        h += &meta("og:url", &url);
    }
    if let Some(img) = site.abs(&share_image_path(page.lang, page.view_of(report))) {
        h += &meta("og:image", &img);
        h += &meta("og:image:type", "image/png");
        h += &meta("og:image:width", &SHARE_IMAGE_SIZE.0.to_string());
        h += &meta("og:image:height", &SHARE_IMAGE_SIZE.1.to_string());
        h += &meta("og:image:alt", &page.title(report));
        h += "<meta name=\"twitter:card\" content=\"summary_large_image\">";
    } else {
        h += "<meta name=\"twitter:card\" content=\"summary\">";
    }
    h
}

/// `sitemap.xml`: every view page in both languages, each with its language alternates.
/// `None` without a public URL (a sitemap needs absolute URLs).
pub fn sitemap(site: &PublicUrl) -> Option<String> {
    site.is_set().then(|| {
        let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for page in Page::all().into_iter().filter(|p| matches!(p.target, Target::View(_))) {
            x += &format!("  <url><loc>{}</loc>", esc(&site.abs(&page.path()).unwrap_or_default()));
            for lang in Lang::ALL {
                let alt = site.abs(&page.in_lang(lang).path()).unwrap_or_default();
                x += &format!("<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>", lang.tag(), esc(&alt));
            }
            x += "</url>\n";
        }
        x += "</urlset>\n";
        x
    })
}

/// The site's Content-Security-Policy: one source for every page's `<meta>` and, through
/// `scripts/csp.mjs` (which reads it from the built `index.html` and adds
/// `frame-ancestors`, which only a header can carry), for the server's header.
///
/// - `default-src 'self'`: everything from the site itself, the `.wasm` fetch included.
/// - `script-src 'self' 'wasm-unsafe-eval'`: the SRI-checked `.js` files and the compiling
///   of our own module; no inline script at all (`boot::apply` moves trunk's loader into
///   `static/boot.js`).
/// - `style-src 'self'`: the stylesheet only. No page has a `style` attribute (the chart
///   heights are stylesheet rules, `prebuilt::size_rules`); the app and ECharts style
///   elements through the CSSOM, which CSP does not govern.
/// - `img-src 'self' data: blob:`: the `data:,` favicon; ECharts' picture export.
/// - `object-src 'none'; base-uri 'none'; form-action 'none'`: no plugins, no `<base>`
///   rewriting every relative link, no form posting anywhere.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'";

/// What makes one page out of the site's `template` (trunk's `index.html`, after
/// [`crate::boot::apply`]).
pub struct PageParts<'a> {
    /// The page's folder relative to the site root (`""` for the root).
    pub here: &'a str,
    pub page: &'a Page,
    /// The site's report (the title and description name its years).
    pub report: &'a esg_data::Report,
    /// Tags for the end of `<head>` ([`head_tags`]).
    pub head: &'a str,
    /// The rendered body content.
    pub body: &'a str,
    /// For the root only: the view and widget names an old query link may ask for, which
    /// `static/boot.js` sends to their page.
    pub entry: Option<(&'a [&'a str], &'a [&'a str])>,
}

/// The page's HTML: the [`CSP`] as a `<meta>`; `<html lang>`, title, description and head
/// tags for the page; the
/// stylesheet's and scripts' URLs made relative to its folder; its path (and, for the
/// root, the names it redirects) on the boot script's tag; its body.
pub fn document(template: &str, p: &PageParts) -> Result<String, String> {
    let lang = p.page.lang.tag();
    let html = replace_between(template, "<html lang=\"", "\"", lang)?;
    let html = replace_between(&html, "<title>", "</title>", &esc(&p.page.title(p.report)))?;
    let html = replace_between(
        &html,
        "<meta name=\"description\" content=\"",
        "\"",
        &esc(&p.page.description(p.report)),
    )?;
    let up = to_root(p.here);
    // trunk writes `./` URLs; only href and src attributes are links from the page (the
    // boot tag's data-* URLs are resolved against boot.js itself).
    let html = html
        .replace(" href=\"./", &format!(" href=\"{up}"))
        .replace(" src=\"./", &format!(" src=\"{up}"));
    let mut data = format!(" data-page=\"{}\"", esc(p.here));
    if let Some((views, widgets)) = p.entry {
        data += &format!(
            " data-entry data-views=\"{}\" data-widgets=\"{}\"",
            views.join(" "),
            widgets.join(" ")
        );
    }
    let tag = "<script data-glue=";
    if !html.contains(tag) {
        return Err("index.html: the boot script's tag (data-glue) not found: run boot::apply first".into());
    }
    let html = html.replacen(tag, &format!("<script{data} data-glue="), 1);
    // The policy first in <head>: a <meta> policy governs only what comes after it.
    let charset = "<meta charset=\"utf-8\">";
    let at = match html.find(charset) {
        Some(i) => i + charset.len(),
        None => html.find("<head>").ok_or("index.html has no <head>")? + "<head>".len(),
    };
    let html = format!(
        "{}<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">{}",
        &html[..at],
        &html[at..]
    );
    let head_end = html.find("</head>").ok_or("index.html has no </head>")?;
    let html = format!("{}{}{}", &html[..head_end], p.head, &html[head_end..]);
    let open = html.find("<body>").ok_or("index.html has no <body>")? + "<body>".len();
    Ok(format!("{}{}{}", &html[..open], p.body, &html[open..]))
}

fn replace_between(s: &str, start: &str, end: &str, with: &str) -> Result<String, String> {
    let a = s.find(start).ok_or(format!("index.html lacks {start}"))? + start.len();
    let b = a + s[a..]
        .find(end)
        .ok_or(format!("index.html lacks {end} after {start}"))?;
    Ok(format!("{}{with}{}", &s[..a], &s[b..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::Widget;

    const TEMPLATE: &str = r#"<!DOCTYPE html><html lang="zh-Hant"><head><title>x</title><meta name="description" content="y"><link rel="stylesheet" href="./main-a.css"><script data-glue="./g.js" data-svg="charts-0/" src="./boot-b.js"></script></head><body></body></html>"#;

    fn report() -> esg_data::Report {
        esg_data::report_2022().expect("data")
    }

    #[test]
    fn a_page_names_itself_and_its_alternates() {
        let r = report();
        let site = PublicUrl::parse("https://ir.example.com/esg/2022").expect("url");
        let page = Page::view(Lang::En, View::Board);
        let h = head_tags(&page, "en/board/", &site, &r);
        assert!(h.contains(r#"<link rel="canonical" href="https://ir.example.com/esg/2022/en/board/">"#));
        assert!(h.contains(r#"hreflang="zh-Hant" href="https://ir.example.com/esg/2022/zh-hant/board/""#));
        assert!(h.contains(r#"hreflang="en" href="https://ir.example.com/esg/2022/en/board/""#));
        assert!(h.contains(r#"hreflang="x-default" href="https://ir.example.com/esg/2022/""#));
        assert!(
            h.contains(r#"<meta property="og:image" content="https://ir.example.com/esg/2022/share/en-board.png">"#)
        );
        assert!(h.contains(r#"<meta property="og:title" content="Board · Medlive 2022 ESG data explorer">"#));
        assert!(h.contains("summary_large_image") && !h.contains("noindex"));
        // An embed is not for search engines; its preview is its view's.
        let ghg = Page {
            lang: Lang::ZhHant,
            target: Target::Embed(Widget::Group("ghg")),
        };
        let h = head_tags(&ghg, "zh-hant/embed/ghg/", &site, &r);
        assert!(h.contains("noindex") && h.contains("share/zh-hant-environment.png"));
    }

    #[test]
    fn without_a_public_url_nothing_absolute_is_written() {
        let r = report();
        let h = head_tags(
            &Page::view(Lang::En, View::Social),
            "en/social/",
            &PublicUrl::default(),
            &r,
        );
        for absent in ["canonical", "hreflang", "og:url", "og:image", "http"] {
            assert!(!h.contains(absent), "{absent} in {h}");
        }
        assert!(h.contains("og:title") && h.contains("twitter:card"));
        assert_eq!(sitemap(&PublicUrl::default()), None);
        assert!(PublicUrl::parse("ir.medlive.cn").is_err());
        assert!(PublicUrl::parse("https:///x").is_err());
        assert!(PublicUrl::parse("https://a.example/?q").is_err());
    }

    #[test]
    fn the_sitemap_lists_every_view_page() {
        let x = sitemap(&PublicUrl::parse("https://ir.example.com/esg/2022/").expect("url")).expect("sitemap");
        assert_eq!(x.matches("<url>").count(), 18);
        assert!(x.contains("<loc>https://ir.example.com/esg/2022/en/index/</loc>"));
        assert!(!x.contains("embed"));
    }

    #[test]
    fn a_document_is_the_template_made_for_its_folder() {
        let report = esg_data::report_2022().expect("data");
        let page = Page::view(Lang::En, View::Board);
        let out = document(
            TEMPLATE,
            &PageParts {
                here: "en/board/",
                page: &page,
                report: &report,
                head: "<meta name=\"x\">",
                body: "<p>b</p>",
                entry: None,
            },
        )
        .expect("document");
        assert!(out.starts_with(&format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\"><title>"
        )));
        assert!(!CSP.contains('"') && !CSP.contains("unsafe-inline"));
        assert!(out.contains("<title>Board · Medlive 2022 ESG data explorer</title>"));
        assert!(out.contains(r#"href="../../main-a.css""#) && out.contains(r#"src="../../boot-b.js""#));
        assert!(out.contains(r#"<script data-page="en/board/" data-glue="./g.js""#));
        assert!(out.contains("<meta name=\"x\"></head><body><p>b</p></body>"));
        let root = document(
            TEMPLATE,
            &PageParts {
                here: "",
                page: &ROOT.page(),
                report: &report,
                head: "",
                body: "",
                entry: Some((&["board"], &["ghg"])),
            },
        )
        .expect("root");
        assert!(root.contains(r#"data-page="" data-entry data-views="board" data-widgets="ghg""#));
        assert!(root.contains(r#"href="main-a.css""#));
        assert!(document(
            "<html>",
            &PageParts {
                here: "",
                page: &page,
                report: &report,
                head: "",
                body: "",
                entry: None
            }
        )
        .is_err());
    }
}
