//! Every chart the app can show, built ahead of time.
//!
//! The options depend only on the dataset and on a few switches (group, measure, board
//! date, language, light or dark), so `app/build.rs` builds all of them natively with the
//! [`crate::charts`] builders and embeds the JSON. The browser then looks a chart up by
//! [`key`] instead of building it: no charming or JSON-tree code in the wasm, and no work
//! on the main thread when the view or language changes. 120 options are ~180 KB of JSON
//! but ~10 KB gzip, far less than the code that would build them.

use crate::groups::Group;
#[cfg(feature = "charts")]
use crate::groups::GROUPS;
use crate::tokens::Theme;
#[cfg(feature = "charts")]
use crate::url::BoardDate;
use crate::url::Measure;
#[cfg(feature = "charts")]
use crate::{board, charts};
use esg_data::Lang;
#[cfg(feature = "charts")]
use esg_data::Report;

/// The width in px of each chart's phone picture (`<img src>`): a phone's chart column.
pub const PICTURE_WIDTH: u32 = 340;

/// A wider picture the build draws of every chart, and the viewport widths (min, max in px)
/// whose chart column is at least that wide, so that a picture fills its card instead of
/// sitting 340 px wide in it. The media queries are written out (checked against the ranges
/// by a test): formatting them in the wasm would cost more than the strings.
pub struct WidePicture {
    pub width: u32,
    pub ranges: &'static [(u32, Option<u32>)],
    pub media_light: &'static str,
    pub media_dark: &'static str,
}

/// The wide pictures. The chart columns (measured in the site's layout, `style/main.css`):
/// one card across, about `viewport − 63` px, up to 1,007 px; two cards across from 1,008 px
/// (a widget from 992), about `viewport / 2 − 55`, at most 521. A widget's column is 16 px
/// wider than the site's: the same picture fits, except in a widget 992–1,007 px wide, where
/// the 700 px picture scales down to its two-across column. Below 524 px (phones) the 340 px
/// picture scales down to fit. `tests/browser/pictures.test.mjs` checks the choice against the
/// layout, so a CSS change that breaks it fails a test.
pub const WIDE_PICTURES: [WidePicture; 3] = [
    WidePicture {
        width: 700,
        ranges: &[(764, Some(1008))],
        media_light: "(min-width: 764px) and (max-width: 1007.98px)",
        media_dark: "(prefers-color-scheme: dark) and (min-width: 764px) and (max-width: 1007.98px)",
    },
    WidePicture {
        width: 520,
        ranges: &[(584, Some(764)), (1152, None)],
        media_light: "(min-width: 584px) and (max-width: 763.98px), (min-width: 1152px)",
        media_dark: "(prefers-color-scheme: dark) and (min-width: 584px) and (max-width: 763.98px), \
                     (prefers-color-scheme: dark) and (min-width: 1152px)",
    },
    WidePicture {
        width: 460,
        ranges: &[(524, Some(584)), (1008, Some(1152))],
        media_light: "(min-width: 524px) and (max-width: 583.98px), (min-width: 1008px) and (max-width: 1151.98px)",
        media_dark: "(prefers-color-scheme: dark) and (min-width: 524px) and (max-width: 583.98px), \
                     (prefers-color-scheme: dark) and (min-width: 1008px) and (max-width: 1151.98px)",
    },
];

/// Every width the build draws a chart at, the phone's first (`esg-pages --charts`).
pub fn picture_widths() -> Vec<u32> {
    std::iter::once(PICTURE_WIDTH)
        .chain(WIDE_PICTURES.iter().map(|p| p.width))
        .collect()
}

/// The file name of a chart's picture in `theme` ("light"/"dark") at `width`: `light.svg`
/// for the phone's, `light-520.svg` for a wider one (`scripts/chart-svgs.mjs` writes them).
pub fn picture_file(theme: &str, width: u32) -> String {
    if width == PICTURE_WIDTH {
        format!("{theme}.svg")
    } else {
        format!("{theme}-{width}.svg")
    }
}

/// The board composition chart's name (variants: the ISO date shown).
pub const BOARD: &str = "board";

#[cfg(feature = "charts")]
/// One ready chart: its lookup key, height in px, screen-reader description and ECharts
/// option JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Prebuilt {
    pub key: String,
    pub height: u32,
    pub description: String,
    pub json: String,
}

/// The lookup key of a chart: `name/variant/lang/theme`, e.g. `ghg/absolute/en/dark`.
pub fn key(name: &str, variant: &str, lang: Lang, theme: Theme) -> String {
    let theme = match theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    format!("{name}/{variant}/{}/{theme}", lang.tag())
}

/// The variant a group shows for `measure`: a group without per-employee figures draws its
/// absolute chart either way, so both measures share one entry.
pub fn group_variant(group: &Group, measure: Measure) -> &'static str {
    match measure {
        Measure::PerEmployee if !group.per_employee.is_empty() => "per-employee",
        _ => "absolute",
    }
}

/// The CSS that gives each chart box its height: one rule per distinct height, e.g.
/// `.chart[data-h="262"]{height:262px}`. The build appends it to the site's stylesheet, so
/// no page carries a `style` attribute and the CSP's `style-src` is `'self'` alone.
pub fn size_rules(heights: impl IntoIterator<Item = u32>) -> String {
    let heights: std::collections::BTreeSet<u32> = heights.into_iter().collect();
    heights
        .into_iter()
        .map(|h| format!(".chart[data-h=\"{h}\"]{{height:{h}px}}\n"))
        .collect()
}

#[cfg(feature = "charts")]
const LANGS: [Lang; 2] = [Lang::ZhHant, Lang::En];
#[cfg(feature = "charts")]
const THEMES: [Theme; 2] = [Theme::Light, Theme::Dark];

#[cfg(feature = "charts")]
/// Every chart for `report`, sorted by key (so the app can binary-search).
pub fn all(report: &Report) -> Vec<Prebuilt> {
    let mut out = Vec::new();
    let mut push = |key: String, spec: charts::ChartSpec, theme: Theme| {
        out.push(Prebuilt {
            key,
            height: spec.height,
            json: spec.option_json_for(theme),
            description: spec.description,
        });
    };
    for lang in LANGS {
        for theme in THEMES {
            for g in GROUPS {
                for measure in [Measure::Absolute, Measure::PerEmployee] {
                    let variant = group_variant(g, measure);
                    if measure == Measure::PerEmployee && variant == "absolute" {
                        continue;
                    }
                    if let Some(spec) = charts::group_chart(report, g, measure, lang) {
                        push(key(g.id, variant, lang, theme), spec, theme);
                    }
                }
            }
            for when in [BoardDate::PeriodEnd, BoardDate::AfterChange] {
                let day = board::date(report, when);
                push(key(BOARD, day, lang, theme), charts::board(report, day, lang), theme);
            }
        }
    }
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}

#[cfg(feature = "charts")]
/// `all(report)` as Rust source, for `include!` in the app: a sorted `static CHARTS: &[(&str,
/// u32, &str)]` of (key, height, description), and `OPTIONS`, each one's ECharts option as
/// JSON in the same order, for the host only (`esg-pages --charts`). The wasm carries no
/// options: they are needed only once a chart goes live, so `scripts/chart-svgs.mjs` writes
/// them beside the pictures (`options.json`) and `static/boot.js` fetches them with ECharts.
pub fn rust_source(report: &Report) -> String {
    let all = all(report);
    let mut s = String::from("/// Generated by esg_explorer::prebuilt::rust_source (app/build.rs).\n");
    s += "pub static CHARTS: &[(&str, u32, &str)] = &[\n";
    for p in &all {
        s += &format!("    ({:?}, {}, {:?}),\n", p.key, p.height, p.description);
    }
    s += "];\n#[cfg(not(target_arch = \"wasm32\"))]\npub static OPTIONS: &[&str] = &[\n";
    for p in &all {
        s += &format!("    {:?},\n", p.json);
    }
    s += "];\n";
    s
}

#[cfg(all(test, feature = "charts"))]
mod tests {
    use super::*;
    use crate::groups::Kind;

    #[test]
    fn every_switch_combination_has_exactly_one_chart() {
        let r = esg_data::report_2022().expect("data");
        let all = all(&r);
        let keys: Vec<&str> = all.iter().map(|p| p.key.as_str()).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(keys, sorted, "sorted and unique");
        for lang in LANGS {
            for theme in THEMES {
                for g in GROUPS.iter().filter(|g| g.kind != Kind::Tiles) {
                    for m in [Measure::Absolute, Measure::PerEmployee] {
                        let k = key(g.id, group_variant(g, m), lang, theme);
                        assert!(keys.binary_search(&k.as_str()).is_ok(), "{k}");
                    }
                }
                for when in [BoardDate::PeriodEnd, BoardDate::AfterChange] {
                    let k = key(BOARD, board::date(&r, when), lang, theme);
                    assert!(keys.binary_search(&k.as_str()).is_ok(), "{k}");
                }
            }
        }
        assert!(
            keys.iter().all(|k| !k.starts_with("customer-service/")),
            "figure cards have no chart"
        );
    }

    #[test]
    fn entries_equal_what_the_builders_make() {
        let r = esg_data::report_2022().expect("data");
        let all = all(&r);
        let get = |k: &str| all.iter().find(|p| p.key == k).expect(k);
        let g = GROUPS.iter().find(|g| g.id == "ghg").expect("ghg");
        let built = charts::group_chart(&r, g, Measure::Absolute, Lang::En).expect("chart");
        let p = get("ghg/absolute/en/dark");
        assert_eq!(p.json, built.option_json_for(Theme::Dark));
        assert_eq!(p.height, built.height);
        assert_eq!(p.description, built.description);
        assert_ne!(p.json, get("ghg/absolute/en/light").json);
        // The stakeholder map is HTML drawn by the app's components, not a chart.
        assert!(all.iter().all(|p| !p.key.starts_with("stakeholders/")));
        let src = rust_source(&r);
        assert!(src.contains("(\"ghg/absolute/en/dark\", "));
        assert_eq!(src.matches("\n    (").count(), all.len());
        // The options stay out of the wasm: only the host build reads them.
        let (charts, options) = src
            .split_once("#[cfg(not(target_arch = \"wasm32\"))]\npub static OPTIONS")
            .expect("OPTIONS");
        assert!(!charts.contains(r#"\"series\""#), "an option in CHARTS");
        assert!(options.contains(r#"\"series\""#));
        assert_eq!(options.matches("\n    \"").count(), all.len());
    }

    #[test]
    fn size_rules_give_each_distinct_height_one_rule() {
        assert_eq!(
            size_rules([262, 200, 262]),
            ".chart[data-h=\"200\"]{height:200px}\n.chart[data-h=\"262\"]{height:262px}\n"
        );
        assert_eq!(size_rules([]), "");
        let r = esg_data::report_2022().expect("data");
        let all = all(&r);
        let css = size_rules(all.iter().map(|p| p.height));
        for p in &all {
            assert!(
                css.contains(&format!("[data-h=\"{}\"]{{height:{}px}}", p.height, p.height)),
                "{}",
                p.key
            );
        }
    }
}

#[cfg(test)]
mod picture_tests {
    use super::*;

    /// The media query of a `<source>` for the wide picture's viewport `ranges`, in dark mode
    /// or in either: each range ANDed with the scheme (a comma list is an OR).
    fn picture_media(ranges: &[(u32, Option<u32>)], dark: bool) -> String {
        ranges
            .iter()
            .map(|(min, max)| {
                let mut q = if dark {
                    vec!["(prefers-color-scheme: dark)".to_owned()]
                } else {
                    vec![]
                };
                q.push(format!("(min-width: {min}px)"));
                if let Some(max) = max {
                    // Just below the next range's min (fractional widths exist on zoomed pages).
                    q.push(format!("(max-width: {}.98px)", max - 1));
                }
                q.join(" and ")
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    #[test]
    fn the_phone_picture_keeps_its_name_and_the_wide_ones_carry_their_width() {
        assert_eq!(picture_widths(), vec![340, 700, 520, 460]);
        assert_eq!(picture_file("light", 340), "light.svg");
        assert_eq!(picture_file("dark", 520), "dark-520.svg");
    }

    #[test]
    fn each_wide_pictures_media_queries_say_its_ranges_in_either_scheme() {
        for p in &WIDE_PICTURES {
            assert_eq!(p.media_light, picture_media(p.ranges, false), "{} px", p.width);
            assert_eq!(p.media_dark, picture_media(p.ranges, true), "{} px", p.width);
        }
        assert_eq!(
            WIDE_PICTURES[1].media_light,
            "(min-width: 584px) and (max-width: 763.98px), (min-width: 1152px)"
        );
    }

    #[test]
    fn the_wide_ranges_never_overlap() {
        let mut ranges: Vec<(u32, u32)> = WIDE_PICTURES
            .iter()
            .flat_map(|p| p.ranges.iter().map(|(a, b)| (*a, b.unwrap_or(u32::MAX))))
            .collect();
        ranges.sort_unstable();
        for w in ranges.windows(2) {
            assert!(w[0].1 <= w[1].0, "{:?} overlaps {:?}", w[0], w[1]);
        }
    }
}
