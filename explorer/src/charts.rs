//! ECharts options for each group, built with charming; pure and tested as JSON.
//!
//! Bars run horizontally so long Chinese and English labels stay readable on a 320 px
//! phone. A not-disclosed figure is left out of the chart (ECharts' `-`), never drawn as
//! zero; the view lists it in words under the chart and the table twin shows it too.

use crate::format;
use crate::groups::{Group, Kind};
use crate::i18n::Msg;
use crate::tokens::{self, Theme};
use crate::url::Measure;
use charming::component::{Axis, Grid, Legend};
use charming::datatype::{CompositeValue, DataPoint};
use charming::element::{AxisType, Color, ItemStyle, NameLocation, Tooltip, Trigger};
use charming::series::Bar;
use charming::Chart;
use esg_data::derive::change;
use esg_data::{Lang, Report, Role};

/// A chart and the description screen readers get for it.
#[derive(Clone, Debug)]
pub struct ChartSpec {
    pub chart: Chart,
    /// A plain-language summary of the data, in the chart's language.
    pub description: String,
    /// Pixels the chart needs so bars and a wrapped legend fit at any width.
    pub height: u32,
}

/// Display columns of a legend entry (a CJK character is two).
fn columns(name: &str) -> usize {
    name.chars().map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 }).sum()
}

/// Rows the legend takes at the narrowest card (a 320 px phone, about 240 px of legend
/// width): entries are packed left to right as ECharts does, each its symbol and gaps
/// (40 px) plus its text at 12 px (6.5 px a column). Too few rows and the legend runs
/// into the axis name; too many leave a gap under the plot.
fn legend_rows<S: AsRef<str>>(names: &[S]) -> usize {
    const WIDTH: f64 = 240.0;
    let mut rows = 0;
    let mut used = WIDTH;
    for n in names {
        let w = 40.0 + 6.5 * columns(n.as_ref()) as f64;
        if used + w > WIDTH {
            rows += 1;
            used = 0.0;
        }
        used += w;
    }
    rows
}

/// The height for `categories` rows of `bars` bars each, with a legend of `legend_rows`.
fn height(categories: usize, bars: usize, legend_rows: usize) -> u32 {
    let legend = 40 + 22 * legend_rows;
    let rows = categories * (bars * 18 + 18);
    (8 + 30 + legend + rows).max(200) as u32
}

impl ChartSpec {
    /// The ECharts option as JSON. The description is not in it: the app puts it on the
    /// chart's container (`role="img"`, `aria-label`), which is what ECharts' aria
    /// component would do, without that component's start-up cost (measured: ~100 ms of
    /// script evaluation at 4× CPU slowdown).
    pub fn option_json(&self) -> String {
        self.option_json_for(Theme::Light)
    }

    /// The option for a light or dark page: text and grid colours from the design tokens
    /// (set here because charming's builders lack some of these fields).
    pub fn option_json_for(&self, theme: Theme) -> String {
        let mut v: serde_json::Value = serde_json::from_str(&self.chart.to_string()).unwrap_or(serde_json::Value::Null);
        let (ink, muted, grid) = theme.inks();
        if let Some(obj) = v.as_object_mut() {
            obj.insert("textStyle".into(), serde_json::json!({ "color": ink }));
            // The tooltip stays inside the chart's box (so inside a phone's screen; ECharts
            // moves it there after placing it), wraps instead of running off an edge (the
            // style is set through the CSSOM, which the CSP's style-src does not govern),
            // and has the page's colours in dark mode. Above the finger: the app adds a
            // position function to the live chart (app/src/echart.rs), which JSON cannot carry.
            if let Some(t) = obj.get_mut("tooltip").and_then(|t| t.as_object_mut()) {
                t.insert("confine".into(), true.into());
                t.insert("backgroundColor".into(), theme.paper().into());
                t.insert("borderColor".into(), muted.into());
                t.insert("textStyle".into(), serde_json::json!({ "color": ink }));
                t.insert("extraCssText".into(), "max-width:100%;white-space:normal".into());
            }
            if let Some(l) = obj.get_mut("legend").and_then(|l| l.as_object_mut()) {
                l.insert("textStyle".into(), serde_json::json!({ "color": ink }));
                l.insert("pageTextStyle".into(), serde_json::json!({ "color": ink }));
            }
            // charming's Label has no width/overflow: names on the radial tree (the
            // stakeholder map) end in "…" instead of running off a phone screen; the full
            // names are the buttons under the map.
            if let Some(series) = obj.get_mut("series").and_then(|s| s.as_array_mut()) {
                for s in series.iter_mut().filter(|s| s["type"] == "tree") {
                    s["label"] = serde_json::json!({ "color": ink, "width": 84, "overflow": "truncate" });
                }
            }
            for axis in ["xAxis", "yAxis"] {
                if let Some(a) = obj.get_mut(axis).and_then(|a| a.as_object_mut()) {
                    // Long KPI names wrap instead of squeezing the plot on a phone.
                    let label = if axis == "yAxis" {
                        serde_json::json!({ "color": ink, "width": 120, "overflow": "break" })
                    } else {
                        serde_json::json!({ "color": ink, "hideOverlap": true })
                    };
                    a.insert("axisLabel".into(), label);
                    a.insert("nameTextStyle".into(), serde_json::json!({ "color": muted }));
                    a.insert(
                        "axisLine".into(),
                        serde_json::json!({ "lineStyle": { "color": muted } }),
                    );
                    a.insert(
                        "splitLine".into(),
                        serde_json::json!({ "lineStyle": { "color": grid } }),
                    );
                }
            }
        }
        v.to_string()
    }
}

fn missing() -> DataPoint {
    DataPoint::Value(CompositeValue::from("-"))
}

fn point(report: &Report, id: &str, year: u16) -> DataPoint {
    match report.kpi(id).and_then(|k| k.decimal(year)) {
        Some(d) => DataPoint::Value(CompositeValue::from(d.to_f64())),
        None => missing(),
    }
}

fn year_label(year: u16, lang: Lang) -> String {
    Msg::YearLabel.fill(lang, &[("year", &year.to_string())])
}

/// `legend_rows` sizes the space under the plot for a legend that wraps on a phone.
fn base(unit: &str, categories: Vec<String>, legend_rows: usize) -> Chart {
    let legend_rows = legend_rows as f64;
    Chart::new()
        .grid(
            Grid::new()
                .left(8)
                .right(24)
                .top(8)
                .bottom(40.0 + 22.0 * legend_rows)
                .contain_label(true),
        )
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Item)
                .formatter(format!("{{a}}<br/>{{b}}: {{c}} {unit}").as_str()),
        )
        .legend(Legend::new().bottom(0))
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(unit)
                .name_location(NameLocation::Middle)
                .name_gap(28),
        )
        .y_axis(Axis::new().type_(AxisType::Category).inverse(true).data(categories))
        .background_color(Color::from("transparent"))
        .color(tokens::SERIES.iter().map(|c| Color::from(*c)).collect())
        // Figures appear at once: no motion to wait for on a slow phone.
        .animation(false)
}

/// One sentence per plotted KPI: how it moved between the years.
pub fn describe(report: &Report, ids: &[&str], lang: Lang) -> Vec<String> {
    let years = report.report.years();
    let (from, to) = (years[0], report.report.year);
    ids.iter()
        .filter_map(|id| report.kpi(id))
        .map(|k| {
            let name = k.metric.get(lang);
            let unit = format::unit_label(&k.unit, lang);
            let (a, b) = (k.decimal(from), k.decimal(to));
            match (a, b, change(k, from, to)) {
                (Some(a), Some(b), Some(c)) => {
                    let msg = if c.abs > 0.0 {
                        Msg::AriaRose
                    } else if c.abs < 0.0 {
                        Msg::AriaFell
                    } else {
                        Msg::AriaSame
                    };
                    let pct = format::relative_change(&c, &k.unit, lang);
                    msg.fill(
                        lang,
                        &[
                            ("name", name),
                            ("from", &format::number(a)),
                            ("to", &format::number(b)),
                            ("unit", &unit),
                            ("pct", &pct),
                        ],
                    )
                }
                (_, Some(b), _) => Msg::AriaOnly.fill(
                    lang,
                    &[
                        ("name", name),
                        ("to", &format::number(b)),
                        ("unit", &unit),
                        ("year", &to.to_string()),
                    ],
                ),
                _ => format!("{name}: {}", Msg::NotDisclosed.text(lang)),
            }
        })
        .collect()
}

fn intro(title: &str, lang: Lang) -> String {
    Msg::AriaChartIntro.fill(lang, &[("title", title)])
}

/// The chart for a group, or `None` for groups shown as figures only.
pub fn group_chart(report: &Report, group: &Group, measure: Measure, lang: Lang) -> Option<ChartSpec> {
    let title = group.title.text(lang);
    match group.kind {
        Kind::Tiles => None,
        Kind::Board => Some(board(report, &report.report.board_as_of, lang)),
        Kind::Compare | Kind::Rates => Some(by_year(report, group.plotted(measure), title, lang)),
        Kind::Composition => {
            let ids = group.plotted(measure);
            // Per-employee figures do not add up to a whole: compare them instead.
            if measure == Measure::PerEmployee && !group.per_employee.is_empty() {
                Some(by_year(report, ids, title, lang))
            } else {
                Some(stacked(report, ids, title, lang))
            }
        }
    }
}

/// The group's KPIs and the unit label of their (shared) unit.
fn kpis_and_unit<'r>(report: &'r Report, ids: &[&str], lang: Lang) -> (Vec<&'r esg_data::Kpi>, String) {
    let kpis: Vec<_> = ids.iter().filter_map(|id| report.kpi(id)).collect();
    let unit = kpis
        .first()
        .map(|k| format::unit_label(&k.unit, lang))
        .unwrap_or_default();
    (kpis, unit)
}

/// The screen-reader description of a KPI chart: what it shows, then how each KPI moved.
fn summary(report: &Report, ids: &[&str], title: &str, lang: Lang) -> String {
    let mut description = vec![intro(title, lang)];
    description.extend(describe(report, ids, lang));
    description.join(" ")
}

/// Bars per KPI, one per year: comparisons and rates.
pub fn by_year(report: &Report, ids: &[&str], title: &str, lang: Lang) -> ChartSpec {
    let (kpis, unit) = kpis_and_unit(report, ids, lang);
    let categories = kpis.iter().map(|k| k.metric.get(lang).to_owned()).collect();
    let years = report.report.years();
    let legend = legend_rows(&years.iter().map(|y| year_label(*y, lang)).collect::<Vec<_>>());
    let mut chart = base(&unit, categories, legend);
    for year in &years {
        let color = if *year == report.report.year {
            tokens::YEAR_CURRENT
        } else {
            tokens::YEAR_PREVIOUS
        };
        chart = chart.series(
            Bar::new()
                .name(year_label(*year, lang))
                .item_style(ItemStyle::new().color(color))
                .data(ids.iter().map(|id| point(report, id, *year)).collect::<Vec<_>>()),
        );
    }
    ChartSpec {
        chart,
        description: summary(report, ids, title, lang),
        height: height(ids.len(), years.len(), legend),
    }
}

/// Stacked bars per year: the parts of a total.
pub fn stacked(report: &Report, ids: &[&str], title: &str, lang: Lang) -> ChartSpec {
    let (kpis, unit) = kpis_and_unit(report, ids, lang);
    let years = report.report.years();
    let categories = years.iter().map(|y| year_label(*y, lang)).collect();
    let legend = legend_rows(&kpis.iter().map(|k| k.metric.get(lang)).collect::<Vec<_>>());
    let mut chart = base(&unit, categories, legend);
    for k in &kpis {
        chart = chart.series(
            Bar::new()
                .name(k.metric.get(lang))
                .stack("total")
                .data(years.iter().map(|y| point(report, &k.id, *y)).collect::<Vec<_>>()),
        );
    }
    ChartSpec {
        chart,
        description: summary(report, ids, title, lang),
        height: height(years.len(), 1, legend),
    }
}

/// Board composition on `date` from the roster: one stacked bar each for role, gender, age.
pub fn board(report: &Report, date: &str, lang: Lang) -> ChartSpec {
    let on: Vec<_> = report.board_on(date).collect();
    let count = |f: &dyn Fn(&&esg_data::Director) -> bool| on.iter().filter(|d| f(d)).count() as f64;
    let rows = [Msg::BoardByRole, Msg::BoardByGender, Msg::BoardByAge];
    let parts: [(Msg, usize, f64); 7] = [
        (Msg::RoleExecutive, 0, count(&|d| d.role == Role::Executive)),
        (Msg::RoleNonExecutive, 0, count(&|d| d.role == Role::NonExecutive)),
        (
            Msg::RoleIndependent,
            0,
            count(&|d| d.role == Role::IndependentNonExecutive),
        ),
        (Msg::GenderFemale, 1, count(&|d| d.gender == esg_data::Gender::Female)),
        (Msg::GenderMale, 1, count(&|d| d.gender == esg_data::Gender::Male)),
        (Msg::Age30To50, 2, count(&|d| (30..=50).contains(&d.age))),
        (Msg::AgeOver50, 2, count(&|d| d.age > 50)),
    ];
    let unit = Msg::Directors.text(lang);
    let legend = legend_rows(&parts.iter().map(|(m, _, _)| m.text(lang)).collect::<Vec<_>>());
    let mut chart = base(unit, rows.iter().map(|m| m.text(lang).to_owned()).collect(), legend);
    for (name, row, n) in parts {
        let data: Vec<DataPoint> = (0..3)
            .map(|r| {
                if r == row {
                    DataPoint::Value(CompositeValue::from(n))
                } else {
                    missing()
                }
            })
            .collect();
        chart = chart.series(Bar::new().name(name.text(lang)).stack("board").data(data));
    }
    let title = Msg::GroupBoard.text(lang);
    let as_of = Msg::AsOf.fill(lang, &[("date", &format::date(date, lang))]);
    let counts: Vec<String> = parts.iter().map(|(m, _, n)| format!("{} {n}", m.text(lang))).collect();
    let description = format!(
        "{} {as_of}: {} {}; {}.",
        intro(title, lang),
        on.len(),
        unit,
        counts.join(", ")
    );
    ChartSpec {
        chart,
        description,
        height: height(rows.len(), 1, legend),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::{group, GROUPS};
    use serde_json::Value;

    #[test]
    fn a_long_legend_entry_gets_a_row_of_its_own() {
        assert_eq!(legend_rows(&["2021", "2022"]), 1);
        assert_eq!(legend_rows(&["女性員工", "男性員工", "x"]), 1);
        assert_eq!(legend_rows(&["女性員工", "男性員工", "女性員工"]), 2);
        // Wider than a row on its own: still one row, and the next entry starts another.
        assert_eq!(
            legend_rows(&["在中國內地的員工在中國內地的員工在中國內地的員工", "x"]),
            2
        );
        // The board in English: three rows at 390 px (screenshot), four at 320 px; the
        // estimate is for 320 px (it reserved seven before, a gap under the plot).
        let board = [
            "Executive",
            "Non-executive",
            "Independent non-executive",
            "Female",
            "Male",
            "30–50",
            "Over 50",
        ];
        assert_eq!(legend_rows(&board), 4);
        let region = [
            "Employees in mainland China",
            "Employees in Hong Kong, Macao, Taiwan and overseas",
        ];
        assert_eq!(legend_rows(&region), 2);
        // The region chart leaves room for both rows (it overlapped the axis name at 1280 px).
        let r = esg_data::report_2022().expect("data");
        let g = group("workforce-region").expect("group");
        let spec = group_chart(&r, g, Measure::Absolute, Lang::En).expect("chart");
        let v: Value = serde_json::from_str(&spec.option_json()).expect("json");
        assert_eq!(v["grid"][0]["bottom"], 40.0 + 22.0 * 2.0);
    }

    fn report() -> Report {
        esg_data::report_2022().expect("valid data")
    }

    fn json(spec: &ChartSpec) -> Value {
        serde_json::from_str(&spec.option_json()).expect("json")
    }

    #[test]
    fn compare_series_are_the_dataset_values() {
        let r = report();
        let spec = group_chart(&r, group("ghg").unwrap(), Measure::Absolute, Lang::En).unwrap();
        let v = json(&spec);
        assert_eq!(v["series"][0]["name"], "2021");
        assert_eq!(v["series"][0]["data"], serde_json::json!([0.0, 67.396]));
        assert_eq!(v["series"][1]["data"], serde_json::json!([0.0, 67.758]));
        assert_eq!(
            v["yAxis"]["data"],
            serde_json::json!(["Direct GHG emissions (Scope 1)", "Indirect GHG emissions (Scope 2)"])
        );
        assert_eq!(v["xAxis"]["name"], "tCO₂e");
        assert!(v.get("aria").is_none(), "the description is the container's aria-label");
        assert_eq!(v["textStyle"]["color"], tokens::INK);
        let dark: Value = serde_json::from_str(&spec.option_json_for(Theme::Dark)).unwrap();
        assert_eq!(dark["textStyle"]["color"], tokens::INK_DARK);
        let d = &spec.description;
        assert!(
            d.contains("Indirect GHG emissions (Scope 2) rose from 67.396 to 67.758 tCO₂e (+0.5%)"),
            "{d}"
        );
    }

    #[test]
    fn labels_follow_the_language() {
        let r = report();
        let spec = group_chart(&r, group("ghg").unwrap(), Measure::Absolute, Lang::ZhHant).unwrap();
        let v = json(&spec);
        assert_eq!(v["series"][0]["name"], "2021年");
        assert_eq!(v["yAxis"]["data"][1], "間接溫室氣體排放量（範疇二）");
        assert_eq!(v["xAxis"]["name"], "噸二氧化碳當量");
        assert!(spec.description.contains("由67.396上升至67.758"));
    }

    #[test]
    fn per_employee_switches_the_series() {
        let r = report();
        let v = json(&group_chart(&r, group("ghg").unwrap(), Measure::PerEmployee, Lang::En).unwrap());
        assert_eq!(v["series"][0]["data"], serde_json::json!([0.134]));
        assert_eq!(v["series"][1]["data"], serde_json::json!([0.112]));
    }

    #[test]
    fn composition_stacks_parts_per_year() {
        let r = report();
        let v = json(&group_chart(&r, group("workforce-gender").unwrap(), Measure::Absolute, Lang::En).unwrap());
        assert_eq!(v["yAxis"]["data"], serde_json::json!(["2021", "2022"]));
        assert_eq!(v["series"][0]["name"], "Female employees");
        assert_eq!(v["series"][0]["data"], serde_json::json!([304.0, 380.0]));
        assert_eq!(v["series"][1]["data"], serde_json::json!([198.0, 225.0]));
        assert_eq!(v["series"][0]["stack"], "total");
    }

    #[test]
    fn not_disclosed_is_a_gap_not_zero() {
        let r = report();
        let spec = group_chart(&r, group("suppliers-cities").unwrap(), Measure::Absolute, Lang::En).unwrap();
        let v = json(&spec);
        assert_eq!(v["series"][0]["data"], serde_json::json!(["-", "-", "-"]));
        assert_eq!(v["series"][1]["data"], serde_json::json!([211.0, 47.0, 14.0]));
        let d = &spec.description;
        assert!(d.contains("was 211 suppliers in 2022"), "{d}");
    }

    #[test]
    fn board_counts_come_from_the_roster() {
        let r = report();
        let v = json(&board(&r, "2022-12-31", Lang::En));
        let values: Vec<Value> = v["series"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["data"].clone())
            .collect();
        assert_eq!(values[0], serde_json::json!([4.0, "-", "-"]));
        assert_eq!(values[1], serde_json::json!([2.0, "-", "-"]));
        assert_eq!(values[2], serde_json::json!([3.0, "-", "-"]));
        assert_eq!(values[3], serde_json::json!(["-", 3.0, "-"]));
        assert_eq!(values[6], serde_json::json!(["-", "-", 5.0]));
    }

    #[test]
    fn the_tooltip_is_confined_wraps_and_follows_the_theme() {
        let r = report();
        let spec = group_chart(&r, group("workforce-age").unwrap(), Measure::Absolute, Lang::En).unwrap();
        for (theme, paper, ink) in [
            (Theme::Light, tokens::PAPER, tokens::INK),
            (Theme::Dark, tokens::PAPER_DARK, tokens::INK_DARK),
        ] {
            let v: Value = serde_json::from_str(&spec.option_json_for(theme)).unwrap();
            let t = &v["tooltip"];
            assert_eq!(t["confine"], true);
            assert_eq!(t["backgroundColor"], paper);
            assert_eq!(t["textStyle"]["color"], ink);
            assert!(t["extraCssText"].as_str().unwrap().contains("white-space:normal"));
        }
    }

    #[test]
    fn every_charted_group_builds_in_both_languages() {
        let r = report();
        for g in GROUPS {
            for lang in Lang::ALL {
                for m in [Measure::Absolute, Measure::PerEmployee] {
                    if let Some(spec) = group_chart(&r, g, m, lang) {
                        let v = json(&spec);
                        assert!(v["series"].as_array().is_some_and(|s| !s.is_empty()), "{}", g.id);
                        assert!(!spec.description.is_empty());
                    }
                }
            }
        }
    }
}
