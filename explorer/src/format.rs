//! Numbers and units for readers: the report's printed precision, thousands separators,
//! units in the reader's language, and "not disclosed" that never looks like zero.

use crate::i18n::Msg;
use esg_data::derive::{Change, Tone};
use esg_data::units::unit;
use esg_data::{Decimal, Lang, Value};

/// Inserts `,` every three integer digits (both languages group this way).
fn group(int: &str) -> String {
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A printed figure with separators: `1823.000` → `1,823.000`; precision untouched.
pub fn number(d: Decimal) -> String {
    let (int, frac) = d.digits();
    let sign = if d.is_negative() { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{}", group(&int))
    } else {
        format!("{sign}{}.{frac}", group(&int))
    }
}

/// A cell: the number, or "not disclosed" in words.
pub fn value(v: Value, lang: Lang) -> String {
    match v {
        Value::Disclosed(d) => number(d),
        Value::NotDisclosed => Msg::NotDisclosed.text(lang).to_owned(),
    }
}

/// A table cell's figure: the value as printed, and where a later report restated it, the
/// figure first reported and its report beside it (both figures visible and read aloud).
pub fn cell(v: &esg_data::YearValue, lang: Lang) -> String {
    match v.restated {
        None => value(v.value, lang),
        Some(was) => Msg::RestatedCell.fill(
            lang,
            &[
                ("value", &value(v.value, lang)),
                ("was", &value(was.value, lang)),
                ("report", &was.report_year.to_string()),
            ],
        ),
    }
}

/// The sentence for a figure a later report restated ("… for 2022 restated by the 2023
/// report as 67.900 tCO₂e; the 2022 report gave 67.758 tCO₂e."), `None` for any other. One
/// source for the chart's description, its tooltip and the page's list of restated figures.
pub fn restated(report: &esg_data::Report, k: &esg_data::Kpi, v: &esg_data::YearValue, lang: Lang) -> Option<String> {
    let was = v.restated?;
    Some(Msg::AriaRestated.fill(
        lang,
        &[
            ("name", k.metric.get(lang)),
            ("year", &v.year.to_string()),
            ("now", &v.source_year(report.report.year).to_string()),
            ("value", &value(v.value, lang)),
            ("report", &was.report_year.to_string()),
            ("was", &value(was.value, lang)),
            ("unit", &unit_label(&k.unit, lang)),
        ],
    ))
}

/// A unit in `lang` (the printed Chinese unit when the catalogue lacks it).
pub fn unit_label(zh: &str, lang: Lang) -> String {
    unit(zh)
        .map(|u| u.label(lang).to_owned())
        .unwrap_or_else(|| zh.to_owned())
}

/// A figure with its unit: `67.758 tCO₂e`, `33%`, `605 人`.
pub fn with_unit(v: Value, unit_zh: &str, lang: Lang) -> String {
    match v {
        Value::NotDisclosed => value(v, lang),
        // 萬元 (RMB ten thousand) multiplied out in English: "RMB 100,000", not "10 RMB 10k".
        Value::Disclosed(d) if lang == Lang::En && unit_zh == "萬元" => format!("RMB {}", ten_thousands(d)),
        Value::Disclosed(d) => {
            let u = unit_label(unit_zh, lang);
            if u == "%" {
                format!("{}%", number(d))
            } else {
                format!("{} {u}", number(d))
            }
        }
    }
}

/// A float printed to `scale` places with separators and a sign (`+0.362`, `-1,234`).
///
/// Rounded in integers rather than by `format!("{:.*}")`: the wasm then carries no
/// fixed-precision float formatter. Ties round to even, as `format!` does; a test holds the
/// two equal on every change of the dataset and on a grid away from near-ties (within float
/// noise of a tie, either neighbour is as right as the float itself).
pub fn signed(x: f64, scale: u8) -> String {
    let places = usize::from(scale);
    let units = (x.abs() * 10f64.powi(i32::from(scale))).round_ties_even() as u64;
    let digits = format!("{units:0>width$}", width = places + 1);
    let (int, frac) = digits.split_at(digits.len() - places);
    let sign = if x.is_sign_negative() { "−" } else { "+" };
    if frac.is_empty() {
        format!("{sign}{}", group(int))
    } else {
        format!("{sign}{}.{frac}", group(int))
    }
}

/// The percent part of a change: `+0.5%`, or "n/a" from a zero base.
pub fn percent_change(c: &Change, lang: Lang) -> String {
    match c.pct {
        Some(p) => format!("{}%", signed(p, 1)),
        None => Msg::NotApplicableChange.text(lang).to_owned(),
    }
}

/// A change in percentage points, for a KPI that is itself a percentage: `+8.4 pp`,
/// `+8.4個百分點`. A percent change of a percentage (`+101.2%`) is easily misread as
/// points, so a percentage's change is given in points only.
fn points(c: &Change, lang: Lang) -> String {
    match lang {
        Lang::ZhHant => format!("{}個百分點", signed(c.abs, c.scale)),
        Lang::En => format!("{} pp", signed(c.abs, c.scale)),
    }
}

/// A change in relative terms: the percent change (`+0.5%`, "n/a" from a zero base), or,
/// for a percentage, the change in points (`−3.7 pp`).
pub fn relative_change(c: &Change, unit_zh: &str, lang: Lang) -> String {
    if unit_label(unit_zh, lang) == "%" {
        points(c, lang)
    } else {
        percent_change(c, lang)
    }
}

/// The whole change: `+0.362 (+0.5%)`; a percentage's in points only (`−3.7 pp`);
/// or "unchanged".
pub fn change(c: &Change, unit_zh: &str, lang: Lang) -> String {
    if c.abs == 0.0 {
        return Msg::Unchanged.text(lang).to_owned();
    }
    if unit_label(unit_zh, lang) == "%" {
        return points(c, lang);
    }
    format!("{} ({})", signed(c.abs, c.scale), percent_change(c, lang))
}

/// The reading of a change, as a word and a CSS class.
pub fn tone(t: Tone, lang: Lang) -> (&'static str, &'static str) {
    match t {
        Tone::Good => (Msg::Improved.text(lang), "good"),
        Tone::Bad => (Msg::Worsened.text(lang), "bad"),
        Tone::Neutral => (Msg::NoDirection.text(lang), "neutral"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use esg_data::derive::change_between;
    use esg_data::Direction;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    /// The old `format!` rounding, with the same sign and separators.
    fn signed_by_format(x: f64, scale: u8) -> String {
        let s = format!("{:+.*}", usize::from(scale), x);
        let (sign, rest) = s.split_at(1);
        let sign = if sign == "-" { "−" } else { "+" };
        match rest.split_once('.') {
            Some((i, f)) => format!("{sign}{}.{f}", group(i)),
            None => format!("{sign}{}", group(rest)),
        }
    }

    #[test]
    fn signed_rounds_as_format_does() {
        let report = esg_data::report_2022().expect("data");
        let mut seen = 0;
        for kpi in &report.kpis {
            if let Some(c) = esg_data::derive::change(kpi, 2021, 2022) {
                assert_eq!(signed(c.abs, c.scale), signed_by_format(c.abs, c.scale), "{}", kpi.id);
                if let Some(p) = c.pct {
                    assert_eq!(signed(p, 1), signed_by_format(p, 1), "{} %", kpi.id);
                }
                seen += 1;
            }
        }
        assert!(seen > 50, "only {seen} changes");
        // Off the dataset: equal except within float noise of a tie (x·10^scale within
        // 1e-9 of k + ½), where the product's own rounding may pick the other neighbour.
        let mut near_ties = 0;
        for i in -20_000..20_000 {
            let x = f64::from(i) * 0.012_345_678_9;
            for scale in 0..4 {
                let t = x.abs() * 10f64.powi(i32::from(scale));
                if (t - t.floor() - 0.5).abs() < 1e-9 {
                    near_ties += 1;
                    continue;
                }
                assert_eq!(signed(x, scale), signed_by_format(x, scale), "{x} at {scale}");
            }
        }
        assert!(near_ties < 100, "{near_ties} near ties");
        assert_eq!(signed(0.25, 1), "+0.2");
        assert_eq!(signed(-1234.5, 0), "−1,234");
        assert_eq!(signed(-0.04, 1), "−0.0");
    }

    #[test]
    fn keeps_precision_and_groups_thousands() {
        assert_eq!(number(d("1823.000")), "1,823.000");
        assert_eq!(number(d("116.000")), "116.000");
        assert_eq!(number(d("378.50")), "378.50");
        assert_eq!(number(d("31.0")), "31.0");
        assert_eq!(number(d("5757")), "5,757");
        assert_eq!(number(d("0.037")), "0.037");
        assert_eq!(number(d("1234567")), "1,234,567");
    }

    #[test]
    fn units_and_not_disclosed_per_language() {
        assert_eq!(with_unit(Value::Disclosed(d("10")), "萬元", Lang::En), "RMB 100,000");
        assert_eq!(with_unit(Value::Disclosed(d("10")), "萬元", Lang::ZhHant), "10 萬元");
        assert_eq!(with_unit(Value::Disclosed(d("33")), "%", Lang::En), "33%");
        assert_eq!(with_unit(Value::NotDisclosed, "%", Lang::En), "not disclosed");
        assert_eq!(with_unit(Value::NotDisclosed, "%", Lang::ZhHant), "未披露");
    }

    #[test]
    fn changes_read_naturally() {
        let c = change_between(d("67.396"), d("67.758"), Direction::Lower);
        assert_eq!(change(&c, "噸二氧化碳當量", Lang::En), "+0.362 (+0.5%)");
        let c = change_between(d("36.7"), d("33"), Direction::Lower);
        // A percentage's change in points only, never a percent of a percent.
        assert_eq!(change(&c, "%", Lang::En), "−3.7 pp");
        assert_eq!(change(&c, "%", Lang::ZhHant), "−3.7個百分點");
        assert_eq!(relative_change(&c, "%", Lang::En), "−3.7 pp");
        let c = change_between(d("8.3"), d("16.7"), Direction::Higher);
        assert_eq!(change(&c, "%", Lang::En), "+8.4 pp");
        assert_eq!(change(&c, "%", Lang::ZhHant), "+8.4個百分點");
        let c = change_between(d("67.396"), d("67.758"), Direction::Lower);
        assert_eq!(relative_change(&c, "噸二氧化碳當量", Lang::En), "+0.5%");
        let c = change_between(d("0"), d("180"), Direction::Higher);
        assert_eq!(change(&c, "小時", Lang::En), "+180 (n/a)");
        assert_eq!(tone(c.tone, Lang::En).1, "good");
        let c = change_between(d("0"), d("0"), Direction::Lower);
        assert_eq!(change(&c, "件", Lang::En), "unchanged");
        assert_eq!(change(&c, "件", Lang::ZhHant), "持平");
    }
}

/// Chinese qualifiers written after the number.
const SUFFIX_QUALIFIERS: [&str; 6] = ["多", "余", "餘", "以上", "左右", "+"];

/// A business highlight's figure: `620萬` in Chinese; in English the 萬 (ten thousand)
/// is multiplied out, since "620 10k" reads badly (`6.2 million`).
pub fn highlight(h: &esg_data::Highlight, lang: Lang) -> String {
    let q = h.qualifier.as_ref().map(|q| q.get(lang).to_owned());
    match lang {
        Lang::ZhHant => {
            // 多/余/以上/左右 follow the number in Chinese (800多個); 約/超過/突破 precede it.
            let q = q.unwrap_or_default();
            let n = if h.unit.zh == "年" {
                h.value.to_string()
            } else {
                number(h.value)
            };
            if SUFFIX_QUALIFIERS.contains(&q.as_str()) {
                format!("{n}{q}{}", h.unit.zh)
            } else {
                format!("{q}{n}{}", h.unit.zh)
            }
        }
        Lang::En => {
            let (value, unit) = match h.unit.zh.strip_prefix('萬') {
                Some(_) => (
                    ten_thousands(h.value),
                    h.unit.en.trim_start_matches("10k").trim().to_owned(),
                ),
                // A calendar year ("Founded: 1996") takes no unit; a duration keeps "years".
                None if h.unit.zh == "年" => (
                    h.value.to_string(),
                    if h.unit.en == "year" {
                        String::new()
                    } else {
                        h.unit.en.clone()
                    },
                ),
                None => (number(h.value), h.unit.en.clone()),
            };
            let q = q.map(|q| format!("{q} ")).unwrap_or_default();
            if unit == "%" {
                format!("{q}{value}%")
            } else if unit.is_empty() {
                format!("{q}{value}")
            } else {
                format!("{q}{value} {unit}")
            }
        }
    }
}

/// `620` (萬) → `6.2 million`, `20` → `200,000`: the printed digits shifted by four
/// places, exactly; from a million on, in millions as an English reader writes them.
fn ten_thousands(d: Decimal) -> String {
    let (int, frac) = d.digits();
    let mut digits = format!("{int}{frac}");
    let zeros = 4usize.saturating_sub(frac.len());
    digits.push_str(&"0".repeat(zeros));
    let keep = frac.len().saturating_sub(4);
    let (i, f) = digits.split_at(digits.len() - keep);
    let i = i.trim_start_matches('0');
    let i = if i.is_empty() { "0" } else { i };
    if i.len() > 6 {
        let (m, rest) = i.split_at(i.len() - 6);
        let frac = format!("{rest}{f}");
        let frac = frac.trim_end_matches('0');
        let dot = if frac.is_empty() { "" } else { "." };
        return format!("{}{dot}{frac} million", group(m));
    }
    if f.is_empty() {
        group(i)
    } else {
        format!("{}.{f}", group(i))
    }
}

#[cfg(test)]
mod highlight_tests {
    use super::*;

    #[test]
    fn ten_thousands_shift_exactly() {
        let d = |s: &str| Decimal::parse(s).unwrap();
        assert_eq!(ten_thousands(d("620")), "6.2 million");
        assert_eq!(ten_thousands(d("205")), "2.05 million");
        assert_eq!(ten_thousands(d("600")), "6 million");
        assert_eq!(ten_thousands(d("100")), "1 million");
        assert_eq!(ten_thousands(d("99.5")), "995,000");
        assert_eq!(ten_thousands(d("20")), "200,000");
        assert_eq!(ten_thousands(d("123456.78")), "1,234.5678 million");
        assert_eq!(ten_thousands(d("6.5")), "65,000");
        assert_eq!(ten_thousands(d("0.25")), "2,500");
    }

    #[test]
    fn highlights_read_in_both_languages() {
        let r = esg_data::report_2022().unwrap();
        let h = |id: &str| r.highlights.iter().find(|h| h.id == id).unwrap();
        assert_eq!(highlight(h("registered-users"), Lang::ZhHant), "620萬");
        assert_eq!(highlight(h("registered-users"), Lang::En), "6.2 million");
        assert_eq!(highlight(h("licensed-physician-users"), Lang::En), "about 3.72 million");
        assert_eq!(highlight(h("share-of-china-licensed-physicians"), Lang::En), "85%");
        assert_eq!(highlight(h("monthly-active-users"), Lang::En), "2.05 million people");
        assert_eq!(highlight(h("yisou-articles"), Lang::En), "200,000 articles");
        // The previous figure carries the report's own qualifier (「400+」).
        let y = h("yizhiyuan-diseases");
        let prev = esg_data::Highlight {
            value: y.previous.unwrap(),
            qualifier: y.previous_qualifier.clone(),
            ..y.clone()
        };
        assert_eq!(highlight(&prev, Lang::ZhHant), "400+個");
        assert_eq!(highlight(&prev, Lang::En), "over 400 diseases");
        assert_eq!(highlight(h("founded"), Lang::ZhHant), "1996年");
        let d = r
            .highlights
            .iter()
            .find(|h| h.qualifier.as_ref().is_some_and(|q| q.zh == "多"))
            .unwrap();
        assert!(
            highlight(d, Lang::ZhHant).starts_with("800多"),
            "{}",
            highlight(d, Lang::ZhHant)
        );
    }
}

/// An ISO date for readers: `2022年12月31日`, `31 Dec 2022`; anything else as given.
pub fn date(iso: &str, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    match (parts.as_slice(), lang) {
        ([y, m, d], Lang::ZhHant) if (1..=12).contains(m) => format!("{y}年{m}月{d}日"),
        ([y, m, d], Lang::En) if (1..=12).contains(m) => format!("{d} {} {y}", MONTHS[*m as usize - 1]),
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn dates_read_naturally() {
        assert_eq!(date("2022-12-31", Lang::ZhHant), "2022年12月31日");
        assert_eq!(date("2023-04-14", Lang::En), "14 Apr 2023");
        assert_eq!(date("garbage", Lang::En), "garbage");
        assert_eq!(date("2023-13-01", Lang::En), "2023-13-01");
    }
}
