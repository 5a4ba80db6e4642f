//! The first view as static HTML, written into `index.html` at build time (a trunk hook):
//! the headline figures and every KPI table in the default language, so the page has its
//! largest text before WebAssembly starts and is readable with JavaScript off. The app
//! removes it in the same task that mounts itself.
//!
//! A link to a pillar view (`?view=environment`) opens on that view's first chart, so the
//! page also holds each pillar's first chart card with its static picture (drawn at build
//! time, `scripts/chart-svgs.mjs`). `static/boot.js` runs before the body is parsed and
//! marks `<html data-view=…>`; the stylesheet then shows that card in place of the
//! overview's lede and headline figures. The chart is thus on screen at the first paint,
//! and the app's own picture of it, the same size, is no later "largest paint".

use crate::format;
use crate::groups::{pillar_sections, Kind, HEADLINE_KPIS};
use crate::i18n::Msg;
use crate::tokens::Theme;
use crate::url::Measure;
use crate::url::{UrlState, View};
use crate::{charts, prebuilt};
use esg_data::derive::{change, Tone};
use esg_data::{Lang, Pillar, Report};

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn href(state: UrlState, year: u16) -> String {
    let q = state.to_query(year);
    if q.is_empty() {
        "./".into()
    } else {
        esc(&q)
    }
}

/// `pillar`'s first chart card, hidden unless `<html data-view>` names its view: the
/// section heading, the group title and the picture (light or dark, as the reader's
/// system asks). Sized by the picture's own width and height, as the app's picture is.
fn pillar_card(r: &Report, pillar: Pillar, lang: Lang, svg_dir: &str) -> String {
    let view = View::for_pillar(pillar).as_str();
    let first = pillar_sections(r, pillar)
        .into_iter()
        .find_map(|(section, groups)| groups.first().map(|g| (section, *g)));
    let Some((section, g)) = first.filter(|(_, g)| g.kind != Kind::Tiles) else {
        return String::new();
    };
    let Some(spec) = charts::group_chart(r, g, Measure::Absolute, lang) else {
        return String::new();
    };
    let variant = prebuilt::group_variant(g, Measure::Absolute);
    let src = |theme| format!("{svg_dir}{}.svg", prebuilt::key(g.id, variant, lang, theme));
    format!(
        "<div class=\"pre-pillar\" data-view=\"{view}\"><section class=\"section\"><h2>{}</h2><div class=\"groups\"><section class=\"group\"><h3>{}</h3><div class=\"chart\" role=\"img\" aria-label=\"{}\"><picture><source media=\"(prefers-color-scheme: dark)\" srcset=\"{}\"><img class=\"chart-picture\" src=\"{}\" alt=\"\" width=\"{}\" height=\"{}\" loading=\"lazy\"></picture></div></section></div></section></div>",
        esc(section.heading.get(lang)),
        esc(g.title.text(lang)),
        esc(&spec.description),
        esc(&src(Theme::Dark)),
        esc(&src(Theme::Light)),
        prebuilt::PICTURE_WIDTH,
        spec.height
    )
}

/// The pre-rendered page body for `lang`; `svg_dir` (ending in `/`) holds the chart
/// pictures.
pub fn body(r: &Report, lang: Lang, svg_dir: &str) -> String {
    let t = |m: Msg| esc(m.text(lang));
    let year = r.report.year;
    let from = r.report.years()[0];
    let other = if lang == Lang::ZhHant { Lang::En } else { Lang::ZhHant };
    let mut h = String::new();
    h += "<div id=\"prerender\">";
    h += &format!(
        "<header class=\"site-header\"><div class=\"title-row\"><h1>{}</h1><a href=\"{}\" lang=\"{}\">{}</a></div></header>",
        t(Msg::AppTitle),
        href(UrlState { lang: Some(other), ..Default::default() }, year),
        other.tag(),
        t(Msg::OtherLanguage)
    );
    h += &format!("<nav class=\"views\" aria-label=\"{}\">", t(Msg::Views));
    for v in View::PRIMARY {
        let label = match v {
            View::Overview => Msg::ViewOverview,
            View::Environment => Msg::ViewEnvironment,
            View::Social => Msg::ViewSocial,
            _ => Msg::ViewGovernance,
        };
        let current = if v == View::Overview {
            " aria-current=\"page\" class=\"active\""
        } else {
            ""
        };
        h += &format!(
            "<a href=\"{}\"{current}>{}</a>",
            href(
                UrlState {
                    view: v,
                    ..Default::default()
                },
                year
            ),
            t(label)
        );
    }
    h += "</nav>";
    // The description in both languages: the app may start in the other one (the reader's
    // browser decides), and the static page should already speak to that reader.
    let other_lede = format!(
        "<span lang=\"{}\">{}</span>",
        other.tag(),
        esc(Msg::AppDescription.text(other))
    );
    h += "<main id=\"content\">";
    for p in [Pillar::E, Pillar::S, Pillar::G] {
        h += &pillar_card(r, p, lang, svg_dir);
    }
    h += &format!(
        "<div class=\"pre-overview\"><p class=\"lede\">{}<br>{other_lede}</p>",
        t(Msg::AppDescription)
    );
    h += &format!(
        "<section class=\"section\"><h2>{}</h2><div class=\"tiles\">",
        t(Msg::Headlines)
    );
    for k in HEADLINE_KPIS.iter().filter_map(|id| r.kpi(id)) {
        let value = k
            .value(year)
            .map(|v| format::with_unit(v, &k.unit, lang))
            .unwrap_or_default();
        let link = href(
            UrlState {
                view: View::for_pillar(k.pillar),
                kpi: Some(k.id.clone()),
                ..Default::default()
            },
            year,
        );
        let chg = change(k, from, year)
            .map(|c| {
                let (word, class) = format::tone(c.tone, lang);
                let word = if c.tone == Tone::Neutral {
                    String::new()
                } else {
                    format!(" · {}", esc(word))
                };
                format!(
                    "<span class=\"change {class}\">{}<span class=\"tone\">{word}</span></span>",
                    esc(&format::change(&c, &k.unit, lang))
                )
            })
            .unwrap_or_default();
        // The same notes the app shows (the report's own inconsistencies).
        let notes: String = r
            .discrepancies
            .iter()
            .filter(|d| d.kpis.iter().any(|id| id == &k.id))
            .map(|d| {
                format!(
                    "<p class=\"discrepancy\" role=\"note\"><strong>⚠ {} ({}): </strong>{}</p>",
                    t(Msg::Discrepancy),
                    d.year,
                    esc(d.note.get(lang))
                )
            })
            .collect();
        h += &format!(
            "<div class=\"tile\"><div class=\"tile-label\"><a href=\"{link}\">{}</a></div><div class=\"tile-value\">{}</div><div class=\"tile-change\">{chg}</div>{notes}</div>",
            esc(k.metric.get(lang)),
            esc(&value)
        );
    }
    h += "</div></section></div>";
    // Every KPI table, as the report groups them.
    for s in &r.sections {
        h += &format!(
            "<section class=\"section\"><h2>{}</h2><div class=\"table-wrap\"><table><caption>{} · {}</caption>",
            esc(s.heading.get(lang)),
            esc(s.table.get(lang)),
            esc(s.heading.get(lang))
        );
        h += &format!(
            "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead><tbody>",
            t(Msg::Indicator),
            t(Msg::Unit),
            esc(&Msg::YearLabel.fill(lang, &[("year", &from.to_string())])),
            esc(&Msg::YearLabel.fill(lang, &[("year", &year.to_string())]))
        );
        for k in r.kpis.iter().filter(|k| k.section == s.id) {
            let cell = |y: u16| k.value(y).map(|v| format::value(v, lang)).unwrap_or_else(|| "—".into());
            h += &format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                esc(k.metric.get(lang)),
                esc(&format::unit_label(&k.unit, lang)),
                esc(&cell(from)),
                esc(&cell(year))
            );
        }
        h += "</tbody></table></div></section>";
    }
    h += "</main>";
    h += &format!(
        "<footer class=\"site-footer\"><p>{}</p><p>{}</p></footer>",
        t(Msg::Footer),
        t(Msg::Prevails)
    );
    h += "</div>";
    // Both languages: a failure can come after the reader switched language.
    h += "<div id=\"load-error\" class=\"error-panel\" role=\"alert\" hidden>";
    for l in Lang::ALL {
        h += &format!(
            "<div lang=\"{}\"><h2>{}</h2><p>{} <a href=\"{REPORT_LINK}\">{}</a></p></div>",
            l.tag(),
            esc(Msg::ErrorTitle.text(l)),
            esc(Msg::ErrorBody.text(l)),
            esc(Msg::ReportLink.text(l))
        );
    }
    h += "</div>";
    h
}

/// Where readers find the report itself when the app cannot run.
pub const REPORT_LINK: &str = "https://ir.medlive.cn/";

/// Puts the pre-rendered body, title and description into trunk's `index.html`;
/// `svg_dir` (ending in `/`) holds the chart pictures.
pub fn apply(html: &str, r: &Report, lang: Lang, svg_dir: &str) -> Result<String, String> {
    let open = html.find("<body>").ok_or("index.html has no <body>")?;
    let mut out = String::with_capacity(html.len() + 64 * 1024);
    out += &html[..open + "<body>".len()];
    out += &body(r, lang, svg_dir);
    out += &html[open + "<body>".len()..];
    let out = replace_between(&out, "<title>", "</title>", &esc(Msg::AppTitle.text(lang)))?;
    let out = replace_between(
        &out,
        "<meta name=\"description\" content=\"",
        "\"",
        &esc(Msg::AppDescription.text(lang)),
    )?;
    Ok(out)
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

    #[test]
    fn every_kpi_value_is_in_the_static_page() {
        let r = esg_data::report_2022().expect("data");
        let html = body(&r, Lang::ZhHant, "charts-0123456789abcdef/");
        for k in &r.kpis {
            assert!(html.contains(&esc(&k.metric.zh)), "{}", k.id);
            for v in &k.values {
                assert!(
                    html.contains(&format!(">{}<", esc(&format::value(v.value, Lang::ZhHant)))),
                    "{} {}",
                    k.id,
                    v.year
                );
            }
        }
        assert!(html.contains("未披露"));
        assert!(html.contains("id=\"prerender\"") && html.contains("id=\"load-error\""));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn apply_fills_body_title_and_description() {
        let r = esg_data::report_2022().expect("data");
        let page = "<html><head><title>x</title><meta name=\"description\" content=\"y\"></head><body>\n<noscript>n</noscript></body></html>";
        let out = apply(page, &r, Lang::ZhHant, "d/").expect("apply");
        assert!(out.contains("<title>醫脈通 2022 ESG 數據瀏覽</title>"));
        assert!(out.contains("<body><div id=\"prerender\">"));
        assert!(apply("<html></html>", &r, Lang::ZhHant, "d/").is_err());
    }

    #[test]
    fn each_pillar_opens_on_its_first_chart_picture() {
        let r = esg_data::report_2022().expect("data");
        let html = body(&r, Lang::ZhHant, "charts-0123456789abcdef/");
        for (view, pillar, first) in [
            ("environment", Pillar::E, "ghg"),
            ("social", Pillar::S, "workforce-gender"),
            ("governance", Pillar::G, "board"),
        ] {
            let sections = pillar_sections(&r, pillar);
            let g = sections.iter().find_map(|(_, gs)| gs.first()).expect(view);
            assert_eq!(g.id, first, "{view}");
            let card = format!("<div class=\"pre-pillar\" data-view=\"{view}\">");
            let at = html.find(&card).unwrap_or_else(|| panic!("{view}: no card"));
            let rest = &html[at..];
            let card = &rest[..rest.find("</div></section></div></section></div>").expect("card end")];
            let spec = charts::group_chart(&r, g, Measure::Absolute, Lang::ZhHant).expect("chart");
            assert!(
                card.contains(&format!(
                    "src=\"charts-0123456789abcdef/{first}/absolute/zh-Hant/light.svg\""
                )),
                "{card}"
            );
            assert!(card.contains(&format!(
                "srcset=\"charts-0123456789abcdef/{first}/absolute/zh-Hant/dark.svg\""
            )));
            assert!(card.contains(&format!(
                "width=\"{}\" height=\"{}\"",
                prebuilt::PICTURE_WIDTH,
                spec.height
            )));
            assert!(card.contains(&format!("aria-label=\"{}\"", esc(&spec.description))));
        }
        // The cards come first in <main>, before the overview's lede.
        assert!(html.find("pre-pillar").unwrap() < html.find("pre-overview").unwrap());
    }
}
