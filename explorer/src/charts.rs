//! ECharts options for each group, built with charming; pure and tested as JSON.
//!
//! Bars run horizontally so long Chinese and English labels stay readable on a 320 px
//! phone. A not-disclosed figure is left out of the chart (ECharts' `-`), never drawn as
//! zero; the view lists it in words under the chart and the table twin shows it too.
//!
//! Bars carry their value as printed (a reported zero reads "0", next to a bar of no
//! length), as the FT and Datawrapper label bars: beside the bar in year comparisons (the
//! grid's right margin leaves room for the longest label), inside the segment in stacked
//! bars where it fits at a 320 px phone's width, else left to the tooltip and the table.
//! The static pictures are drawn from the same options, so they carry the same labels.

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
    /// The bar labels, one entry per series: charming's
    /// builders have no per-item label, so `option_json_for` writes them.
    pub labels: Vec<SeriesLabels>,
    /// A plain-language summary of the data, in the chart's language.
    pub description: String,
    /// Pixels the chart needs so bars and a wrapped legend fit at any width.
    pub height: u32,
    /// Per series, per data item: a restated figure's own tooltip line (both figures, both
    /// reports), which `option_json_for` adds under ECharts' usual "{a}, {b}: {c}". Empty
    /// when nothing plotted was restated (one report: always).
    pub restated: Vec<Vec<Option<String>>>,
}

/// Display columns of a legend entry (a CJK character is two).
fn columns(name: &str) -> usize {
    name.chars().map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 }).sum()
}

/// The widest a legend entry's text is drawn, in px: a longer name wraps onto a second
/// line (`legend.textStyle`, written by `option_json_for`) instead of running off a phone's
/// card ("Employees in Hong Kong, Macao, Taiwan and overseas" is about 330 px at 12 px).
const LEGEND_TEXT_WIDTH: f64 = 190.0;

/// Rows the legend takes at the narrowest card (a 320 px phone, about 240 px of legend
/// width): entries are packed left to right as ECharts does, each its symbol and gaps
/// (40 px) plus its text at 12 px (6.5 px a column, at most [`LEGEND_TEXT_WIDTH`]; a
/// wrapped entry adds a row per extra line). Too few rows and the legend runs into the
/// axis name; too many leave a gap under the plot.
fn legend_rows<S: AsRef<str>>(names: &[S]) -> usize {
    const WIDTH: f64 = 240.0;
    let mut rows = 0;
    let mut used = WIDTH;
    for n in names {
        let text = 6.5 * columns(n.as_ref()) as f64;
        let w = 40.0 + text.min(LEGEND_TEXT_WIDTH);
        if used + w > WIDTH {
            rows += 1;
            used = 0.0;
        }
        rows += (text / LEGEND_TEXT_WIDTH).ceil().max(1.0) as usize - 1;
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

/// Font size of the bar labels, in px.
const LABEL_SIZE: u32 = 11;

/// The width in px a bar label takes at [`LABEL_SIZE`] (digits and signs about 6.4 px; a
/// little more than sans-serif fonts need, so an estimate never lets two labels touch).
fn label_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            '.' | ',' => 3.5,
            c if (c as u32) >= 0x2E80 => 11.0,
            _ => 6.4,
        })
        .sum()
}

/// Where a series' labels sit.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    /// Beside the bar's end, in the page's text colour.
    Beside,
    /// Inside the segment of a stack, in the colour that contrasts best with the segment.
    Inside(&'static str),
}

/// The labels of one series.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesLabels {
    pub place: Place,
    /// Per data item: `None` keeps ECharts' own label (the value as JavaScript prints it,
    /// which is the printed figure); `Some(text)` gives the text, `Some("")` hides a label
    /// that does not fit.
    pub items: Vec<Option<String>>,
}

/// The text of a value's label: the printed figure (`1,823.000`), or `None` when
/// JavaScript prints the plotted number the same way (most figures: no per-item entry).
fn printed(d: esg_data::Decimal) -> Option<String> {
    let text = format::number(d);
    (text != d.to_f64().to_string()).then_some(text)
}

/// Relative luminance of `#RRGGBB` (WCAG).
fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0)) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

/// White or the dark ink, whichever reads better on a bar of colour `bar`.
pub fn ink_on(bar: &str) -> &'static str {
    let l = luminance(bar);
    let dark = luminance(tokens::INK);
    if (1.05) / (l + 0.05) >= (l + 0.05) / (dark + 0.05) {
        "#FFFFFF"
    } else {
        tokens::INK
    }
}

/// The upper end of ECharts' value axis for data up to `max` (its "nice" ticks, five
/// intervals): how long the longest bar is drawn, so whether a label fits its segment.
fn axis_max(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let step = max / 5.0;
    let exp = step.log10().floor();
    let f = step / 10f64.powf(exp);
    let nice = if f < 1.5 {
        1.0
    } else if f < 2.5 {
        2.0
    } else if f < 4.0 {
        3.0
    } else if f < 7.0 {
        5.0
    } else {
        10.0
    };
    let interval = nice * 10f64.powf(exp);
    (max / interval).ceil() * interval
}

/// The plot's width in px on a 320 px phone for stacked bars (the card's chart is 257 px;
/// the year or board-row labels and the margins take the rest), rounded down.
const STACK_PLOT_WIDTH: f64 = 150.0;

/// Labels for stacked series: `stacks[s][c]` is series `s` in category `c`. A value is
/// labelled inside its segment when the label fits there at a phone's width; otherwise it
/// has no label (the tooltip and the table give it). A reported zero in a stack has no
/// segment to hold its "0": [`crate::groups::zeros`] names it under the chart.
fn stack_labels(stacks: &[Vec<Option<esg_data::Decimal>>], colors: &[&'static str]) -> Vec<SeriesLabels> {
    let categories = stacks.iter().map(Vec::len).max().unwrap_or(0);
    let total = (0..categories)
        .map(|c| {
            stacks
                .iter()
                .filter_map(|s| s.get(c).copied().flatten())
                .map(|d| d.to_f64())
                .sum::<f64>()
        })
        .fold(0.0, f64::max);
    let px_per_unit = STACK_PLOT_WIDTH / axis_max(total);
    stacks
        .iter()
        .enumerate()
        .map(|(i, s)| SeriesLabels {
            place: Place::Inside(ink_on(colors[i % colors.len()])),
            items: s
                .iter()
                .map(|v| match v {
                    Some(d) => {
                        let text = format::number(*d);
                        if d.to_f64() * px_per_unit >= label_width(&text) + 6.0 {
                            printed(*d)
                        } else {
                            Some(String::new())
                        }
                    }
                    None => None,
                })
                .collect(),
        })
        .collect()
}

/// Labels beside the bars of year comparisons, and the grid's right margin they need.
fn beside_labels(series: &[Vec<Option<esg_data::Decimal>>]) -> (Vec<SeriesLabels>, f64) {
    let widest = series
        .iter()
        .flatten()
        .flatten()
        .map(|d| label_width(&format::number(*d)))
        .fold(0.0, f64::max);
    let labels = series
        .iter()
        .map(|s| SeriesLabels {
            place: Place::Beside,
            items: s.iter().map(|v| v.and_then(printed)).collect(),
        })
        .collect();
    // The label's gap to the bar (5 px) and a little air to the card's edge.
    (labels, (widest + 12.0).max(24.0).ceil())
}

/// Text for ECharts' HTML tooltip: `&`, `<` and `>` as entities.
fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
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
            if let Some(series) = obj.get_mut("series").and_then(|s| s.as_array_mut()) {
                for (s, labels) in series.iter_mut().zip(&self.labels) {
                    let (position, color) = match labels.place {
                        Place::Beside => ("right", ink),
                        Place::Inside(c) => ("inside", c),
                    };
                    s["label"] = serde_json::json!({ "show": true, "position": position, "color": color, "fontSize": LABEL_SIZE });
                    if let Some(data) = s.get_mut("data").and_then(|d| d.as_array_mut()) {
                        for (d, item) in data.iter_mut().zip(&labels.items) {
                            let label = match item.as_deref() {
                                None => continue,
                                Some("") => serde_json::json!({ "show": false }),
                                Some(text) => serde_json::json!({ "formatter": text }),
                            };
                            *d = serde_json::json!({ "value": d.clone(), "label": label });
                        }
                    }
                }
            }
            if let Some(series) = obj.get_mut("series").and_then(|s| s.as_array_mut()) {
                for (s, tips) in series.iter_mut().zip(&self.restated) {
                    let Some(data) = s.get_mut("data").and_then(|d| d.as_array_mut()) else {
                        continue;
                    };
                    for (d, tip) in data.iter_mut().zip(tips) {
                        let Some(tip) = tip else { continue };
                        // The sentence gives both figures as printed ({c} would be the
                        // plotted number as JavaScript writes it, "67.9").
                        let tooltip = serde_json::json!({ "formatter": format!("{{a}}<br/>{}", escape_html(tip)) });
                        if !d.is_object() {
                            *d = serde_json::json!({ "value": d.clone() });
                        }
                        d["tooltip"] = tooltip;
                    }
                }
            }
            if let Some(l) = obj.get_mut("legend").and_then(|l| l.as_object_mut()) {
                l.insert(
                    "textStyle".into(),
                    serde_json::json!({ "color": ink, "width": LEGEND_TEXT_WIDTH, "overflow": "break" }),
                );
                l.insert("pageTextStyle".into(), serde_json::json!({ "color": ink }));
            }
            for axis in ["xAxis", "yAxis"] {
                if let Some(a) = obj.get_mut(axis).and_then(|a| a.as_object_mut()) {
                    // Long KPI names wrap instead of squeezing the plot on a phone.
                    let label = if axis == "yAxis" {
                        serde_json::json!({ "color": ink, "width": 120, "overflow": "break" })
                    } else {
                        // Ticks thin out rather than touch: with a (transparent) background
                        // the padding is part of the box ECharts' hideOverlap compares, so
                        // "0" and "10" at 320 px keep 6 px apart or one of them goes (they
                        // read "010" before).
                        serde_json::json!({
                            "color": ink, "hideOverlap": true,
                            "padding": [0, 3], "backgroundColor": "rgba(0,0,0,0)"
                        })
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
/// `right` is the grid's right margin: room for the labels beside the longest bar.
fn base(unit: &str, categories: Vec<String>, legend_rows: usize, right: f64) -> Chart {
    let legend_rows = legend_rows as f64;
    Chart::new()
        .grid(
            Grid::new()
                .left(8)
                .right(right)
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

/// One sentence per plotted KPI: how it moved between the years; then one per restated
/// figure, with both figures and both reports.
pub fn describe(report: &Report, ids: &[&str], lang: Lang) -> Vec<String> {
    let mut out = moves(report, ids, lang);
    for k in ids.iter().filter_map(|id| report.kpi(id)) {
        out.extend(k.values.iter().filter_map(|v| format::restated(report, k, v, lang)));
    }
    out
}

/// [`format::restated`] for the figure of KPI `id` in `year`, as a tooltip line.
fn restated_tip(report: &Report, id: &str, year: u16, lang: Lang) -> Option<String> {
    let k = report.kpi(id)?;
    format::restated(report, k, k.year_value(year)?, lang)
}

fn moves(report: &Report, ids: &[&str], lang: Lang) -> Vec<String> {
    let (from, to) = report.report.latest_two();
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

/// Bars per KPI, one per year: comparisons and rates, each labelled beside its end.
pub fn by_year(report: &Report, ids: &[&str], title: &str, lang: Lang) -> ChartSpec {
    let (kpis, unit) = kpis_and_unit(report, ids, lang);
    let categories = kpis.iter().map(|k| k.metric.get(lang).to_owned()).collect();
    let years = report.report.years();
    let legend = legend_rows(&years.iter().map(|y| year_label(*y, lang)).collect::<Vec<_>>());
    let values: Vec<Vec<_>> = years
        .iter()
        .map(|y| {
            ids.iter()
                .map(|id| report.kpi(id).and_then(|k| k.decimal(*y)))
                .collect()
        })
        .collect();
    let (labels, right) = beside_labels(&values);
    let mut chart = base(&unit, categories, legend, right);
    let (previous, _) = report.report.latest_two();
    for year in &years {
        let color = if *year == report.report.year {
            tokens::YEAR_CURRENT
        } else if *year == previous {
            tokens::YEAR_PREVIOUS
        } else {
            tokens::YEAR_EARLIER
        };
        chart = chart.series(
            Bar::new()
                .name(year_label(*year, lang))
                .item_style(ItemStyle::new().color(color))
                .data(ids.iter().map(|id| point(report, id, *year)).collect::<Vec<_>>()),
        );
    }
    let restated = years
        .iter()
        .map(|y| ids.iter().map(|id| restated_tip(report, id, *y, lang)).collect())
        .collect();
    ChartSpec {
        chart,
        labels,
        description: summary(report, ids, title, lang),
        height: height(ids.len(), years.len(), legend),
        restated,
    }
}

/// Stacked bars per year: the parts of a total, each labelled inside where it fits.
pub fn stacked(report: &Report, ids: &[&str], title: &str, lang: Lang) -> ChartSpec {
    let (kpis, unit) = kpis_and_unit(report, ids, lang);
    let years = report.report.years();
    let categories = years.iter().map(|y| year_label(*y, lang)).collect();
    let legend = legend_rows(&kpis.iter().map(|k| k.metric.get(lang)).collect::<Vec<_>>());
    let mut chart = base(&unit, categories, legend, 24.0);
    for k in &kpis {
        chart = chart.series(
            Bar::new()
                .name(k.metric.get(lang))
                .stack("total")
                .data(years.iter().map(|y| point(report, &k.id, *y)).collect::<Vec<_>>()),
        );
    }
    let values: Vec<Vec<_>> = kpis
        .iter()
        .map(|k| years.iter().map(|y| k.decimal(*y)).collect())
        .collect();
    let restated = kpis
        .iter()
        .map(|k| years.iter().map(|y| restated_tip(report, &k.id, *y, lang)).collect())
        .collect();
    ChartSpec {
        chart,
        labels: stack_labels(&values, &tokens::SERIES),
        description: summary(report, ids, title, lang),
        height: height(years.len(), 1, legend),
        restated,
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
    let mut chart = base(
        unit,
        rows.iter().map(|m| m.text(lang).to_owned()).collect(),
        legend,
        24.0,
    );
    let values: Vec<Vec<Option<esg_data::Decimal>>> = parts
        .iter()
        .map(|(_, row, n)| {
            (0..3)
                .map(|r| {
                    (r == *row)
                        .then(|| esg_data::Decimal::parse(&n.to_string()).ok())
                        .flatten()
                })
                .collect()
        })
        .collect();
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
        labels: stack_labels(&values, &tokens::SERIES),
        description,
        height: height(rows.len(), 1, legend),
        restated: Vec::new(),
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
        // Wider than its text may be: it wraps onto a second row, and the next entry
        // starts another.
        assert_eq!(
            legend_rows(&["在中國內地的員工在中國內地的員工在中國內地的員工", "x"]),
            3
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
        // The second name is about 330 px at 12 px: it wraps (it ran off a 340 px picture).
        assert_eq!(legend_rows(&region), 3);
        // The region chart leaves room for every row (it overlapped the axis name at 1280
        // px), and the legend's text wraps at the width the rows were counted for.
        let r = esg_data::report_2022().expect("data");
        let g = group("workforce-region").expect("group");
        let spec = group_chart(&r, g, Measure::Absolute, Lang::En).expect("chart");
        let v: Value = serde_json::from_str(&spec.option_json()).expect("json");
        assert_eq!(v["grid"][0]["bottom"], 40.0 + 22.0 * 3.0);
        assert_eq!(v["legend"]["textStyle"]["width"], LEGEND_TEXT_WIDTH);
        assert_eq!(v["legend"]["textStyle"]["overflow"], "break");
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

    /// Series `s`'s label settings.
    fn label(v: &Value, s: usize) -> &Value {
        &v["series"][s]["label"]
    }

    #[test]
    fn year_comparisons_label_each_bar_beside_its_end_and_a_zero_reads_0() {
        let r = report();
        let spec = group_chart(&r, group("ghg").unwrap(), Measure::Absolute, Lang::En).unwrap();
        let v = json(&spec);
        for s in 0..2 {
            assert_eq!(label(&v, s)["show"], true);
            assert_eq!(label(&v, s)["position"], "right");
            assert_eq!(label(&v, s)["color"], tokens::INK);
        }
        // Scope 1 is a reported 0 t in both years: a plotted 0 with its label, not a gap.
        assert_eq!(v["series"][0]["data"][0], 0.0);
        assert_eq!(v["series"][1]["data"][0], 0.0);
        // The grid leaves room right of the longest bar for "67.758" (6 characters).
        let right = v["grid"][0]["right"].as_f64().unwrap();
        assert!(right >= label_width("67.758") + 5.0, "{right}");
        let dark: Value = serde_json::from_str(&spec.option_json_for(Theme::Dark)).unwrap();
        assert_eq!(label(&dark, 1)["color"], tokens::INK_DARK);
    }

    #[test]
    fn a_label_prints_the_figure_as_the_report_does() {
        let r = report();
        let v = json(&group_chart(&r, group("water").unwrap(), Measure::Absolute, Lang::En).unwrap());
        // 1823.000 in the report; JavaScript would print 1823.
        assert_eq!(
            v["series"][1]["data"][0],
            serde_json::json!({ "value": 1823.0, "label": { "formatter": "1,823.000" } })
        );
    }

    #[test]
    fn the_zero_turnover_outside_the_mainland_is_plotted_as_0_not_left_out() {
        let r = report();
        let g = group("turnover").unwrap();
        let i = g
            .chart
            .iter()
            .position(|id| *id == "turnover-rate-hk-macao-taiwan-overseas")
            .unwrap();
        let v = json(&group_chart(&r, g, Measure::Absolute, Lang::ZhHant).unwrap());
        assert_eq!(v["series"][1]["data"][i], 0.0);
        assert_eq!(label(&v, 1)["show"], true);
    }

    #[test]
    fn stacked_segments_are_labelled_inside_only_where_the_label_fits() {
        let r = report();
        let v = json(&group_chart(&r, group("workforce-age").unwrap(), Measure::Absolute, Lang::En).unwrap());
        assert_eq!(label(&v, 0)["position"], "inside");
        // 341 employees under 31 in 2022: a wide segment, labelled by ECharts' own text.
        assert_eq!(v["series"][0]["data"][1], 341.0);
        // 6 over 50: a segment a few pixels wide on a phone, so no label there.
        assert_eq!(
            v["series"][2]["data"][1],
            serde_json::json!({ "value": 6.0, "label": { "show": false } })
        );
        // White on the dark blue segment, dark ink on the orange one.
        assert_eq!(label(&v, 0)["color"], "#FFFFFF");
        assert_eq!(label(&v, 1)["color"], tokens::INK);
        assert_eq!(ink_on("#F0E442"), tokens::INK);
    }

    #[test]
    fn the_axis_end_is_echarts_nice_maximum() {
        assert_eq!(axis_max(67.758), 70.0);
        assert_eq!(axis_max(605.0), 700.0);
        assert!((axis_max(0.041) - 0.05).abs() < 1e-12);
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
    fn every_bar_series_is_labelled() {
        let r = report();
        for g in GROUPS {
            for m in [Measure::Absolute, Measure::PerEmployee] {
                if let Some(spec) = group_chart(&r, g, m, Lang::En) {
                    let v = json(&spec);
                    for s in v["series"].as_array().unwrap() {
                        assert_eq!(s["label"]["show"], true, "{}", g.id);
                    }
                }
            }
        }
        let v = json(&board(&r, "2022-12-31", Lang::ZhHant));
        assert_eq!(v["series"][0]["label"]["position"], "inside");
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

    /// The fictional fixtures (tests/fixtures/reports): a 2023 report restating 2022 figures.
    fn fixtures() -> Report {
        esg_data::reports::fixtures().merged
    }

    #[test]
    fn a_restated_bar_has_both_figures_in_its_tooltip() {
        let r = fixtures();
        let g = GROUPS
            .iter()
            .find(|g| g.chart.contains(&"ghg-scope-2"))
            .expect("the GHG group");
        let v = json(&group_chart(&r, g, Measure::Absolute, Lang::En).expect("a chart"));
        let tips: Vec<(String, String)> = v["series"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| {
                let name = s["name"].as_str().unwrap_or_default().to_owned();
                s["data"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(move |d| d["tooltip"]["formatter"].as_str().map(|f| (name.clone(), f.to_owned())))
            })
            .collect();
        assert_eq!(tips.len(), 1, "{tips:?}");
        let item_tips = json(&group_chart(&r, g, Measure::Absolute, Lang::En).expect("a chart"))
            .to_string()
            .matches("\"tooltip\":{\"formatter\":")
            .count();
        assert_eq!(
            item_tips, 1,
            "the check below in one_report_has_no_restated_tooltips sees one"
        );
        let (series, tip) = &tips[0];
        assert_eq!(series, "2022");
        // Three years, three colours: the report year, the comparative year, the one before.
        let colors: Vec<&str> = v["series"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["itemStyle"]["color"].as_str())
            .collect();
        assert_eq!(
            colors,
            [tokens::YEAR_EARLIER, tokens::YEAR_PREVIOUS, tokens::YEAR_CURRENT]
        );
        assert!(
            tip.starts_with("{a}<br/>Indirect GHG emissions (Scope 2) for 2022 restated"),
            "{tip}"
        );
        assert!(tip.contains("restated by the 2023 report as 67.900"), "{tip}");
        assert!(tip.contains("the 2022 report gave 67.758"), "{tip}");
        // In Chinese too, and the stacked headcount chart marks its two restated parts.
        let zh = json(&group_chart(&r, g, Measure::Absolute, Lang::ZhHant).expect("a chart")).to_string();
        assert!(zh.contains("67.758") && zh.contains("2023"), "{zh}");
        let people = GROUPS
            .iter()
            .find(|g| g.chart.contains(&"employees-mainland"))
            .expect("the headcount group");
        if let Some(spec) = group_chart(&r, people, Measure::Absolute, Lang::En) {
            let n = json(&spec).to_string().matches("restated by the 2023 report").count();
            assert!(n >= 1, "the headcount chart marks a restated figure");
        }
    }

    #[test]
    fn one_report_has_no_restated_tooltips() {
        let r = report();
        for g in GROUPS {
            for lang in Lang::ALL {
                if let Some(spec) = group_chart(&r, g, Measure::Absolute, lang) {
                    assert!(spec.restated.iter().flatten().all(Option::is_none), "{}", g.id);
                    // An item's own tooltip holds only its formatter (the chart's has more keys).
                    assert!(!json(&spec).to_string().contains("\"tooltip\":{\"formatter\":"));
                }
            }
        }
    }
}
