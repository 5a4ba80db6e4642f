//! The long table for analysts: one row per KPI and year, with the entity, status, source
//! and notes a row needs to stand on its own in pandas, R or a spreadsheet. `esg-data csv
//! --long`, the build's `data/medlive-esg.csv` and its JSON twin all come from [`rows`], so
//! the file served and the one the CLI prints are the same bytes.
//!
//! Restatements (a later report giving another figure for a year) fit without a new
//! format: such a row has status `restated`, the newest figure in `value` and the figure
//! as first reported in `original_value` / `original_report_year`.

use crate::export::csv_field;
use crate::model::Report;
use crate::value::Value;
use serde_json::Value as Json;

/// Medlive's stock code on HKEX. The ESG report does not print it; the listing is
/// Medlive Technology Co., Ltd., 2192 (the header's issuer line uses it too).
pub const HKEX_STOCK_CODE: &str = "2192";
/// The issuer as analysts' tools key it, `HKEX:` and [`HKEX_STOCK_CODE`] (a test ties them).
pub const ENTITY: &str = "HKEX:2192";

/// The long CSV's columns, in order. The Data Package's schema describes each
/// (`crate::package`); a test keeps the two equal.
pub const COLUMNS: [&str; 20] = [
    "entity",
    "year",
    "period_end",
    "pillar",
    "section",
    "kpi_id",
    "metric_zh",
    "metric_en",
    "unit",
    "unit_en",
    "value",
    "status",
    "hkex_kpi",
    "source_report_year",
    "source_table",
    "source_section",
    "note_zh",
    "note_en",
    "original_value",
    "original_report_year",
];

/// What a row's `value` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// As the report prints it.
    Reported,
    /// The report prints `/`: the cell is empty, never zero.
    NotDisclosed,
    /// A later report gives another figure for this year (the original is kept beside it).
    Restated,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Reported, Status::NotDisclosed, Status::Restated];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Reported => "reported",
            Status::NotDisclosed => "not-disclosed",
            Status::Restated => "restated",
        }
    }
}

/// One row, every cell as text ("" = empty); `COLUMNS` order.
pub type Row = [String; 20];

/// Every KPI value of every year: years ascending, KPIs in the report's order (the same
/// order and rows as `esg-data csv`).
pub fn rows(r: &Report) -> Vec<Row> {
    let mut out = Vec::new();
    for year in r.report.years() {
        for k in &r.kpis {
            let Some(yv) = k.year_value(year) else { continue };
            let v = yv.value;
            let status = match (v, yv.restated) {
                (_, Some(_)) => Status::Restated,
                (Value::Disclosed(_), None) => Status::Reported,
                (Value::NotDisclosed, None) => Status::NotDisclosed,
            };
            let source_year = yv.source_year(r.report.year);
            let section = r.section_in(source_year, &k.section);
            let notes = k.note.iter().chain(r.discrepancies_for(&k.id, year).map(|d| &d.note));
            let (mut note_zh, mut note_en) = (Vec::new(), Vec::new());
            for n in notes {
                note_zh.push(n.zh.as_str());
                note_en.push(n.en.as_str());
            }
            out.push([
                ENTITY.to_owned(),
                year.to_string(),
                r.report.period_end(year),
                k.pillar.code().to_owned(),
                k.section.clone(),
                k.id.clone(),
                k.metric.zh.clone(),
                k.metric.en.clone(),
                k.unit.clone(),
                k.unit().map(|u| u.en).unwrap_or_default().to_owned(),
                v.printed_or_empty(),
                status.as_str().to_owned(),
                k.hkex.clone().unwrap_or_default(),
                source_year.to_string(),
                section.map(|s| s.table.zh.clone()).unwrap_or_default(),
                section.map(|s| s.heading.zh.clone()).unwrap_or_default(),
                note_zh.join(" "),
                note_en.join(" "),
                yv.restated.map(|o| o.value.printed_or_empty()).unwrap_or_default(),
                yv.restated.map(|o| o.report_year.to_string()).unwrap_or_default(),
            ]);
        }
    }
    out
}

/// The long CSV: header and [`rows`], RFC 4180 quoting, `\n` line ends, UTF-8 without BOM.
pub fn csv(r: &Report) -> String {
    let mut out = COLUMNS.join(",");
    out.push('\n');
    for row in rows(r) {
        out += &row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",");
        out.push('\n');
    }
    out
}

/// Columns that hold integers in the JSON (the Data Package types them `integer`).
const INTEGER_COLUMNS: [&str; 3] = ["year", "source_report_year", "original_report_year"];

/// The same rows as JSON: an array of objects keyed by [`COLUMNS`]; an empty cell is
/// `null`, years are numbers, and values stay strings as printed (`"116.000"` keeps its
/// precision, which a JSON number would not). One row a line: small, and a diff shows rows.
pub fn json(r: &Report) -> String {
    let rows: Vec<String> = rows(r)
        .into_iter()
        .map(|row| {
            // Written by hand so the keys keep the CSV's column order.
            let cells: Vec<String> = COLUMNS
                .iter()
                .zip(row)
                .map(|(col, cell)| {
                    let v = if cell.is_empty() {
                        Json::Null
                    } else if INTEGER_COLUMNS.contains(col) {
                        cell.parse::<u64>().map(Json::from).unwrap_or(Json::String(cell))
                    } else {
                        Json::String(cell)
                    };
                    format!("{}:{v}", Json::from(*col))
                })
                .collect();
            format!("{{{}}}", cells.join(","))
        })
        .collect();
    format!("[\n{}\n]\n", rows.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn report() -> Report {
        crate::report_2022().expect("the 2022 report loads")
    }

    #[test]
    fn entity_is_the_stock_code() {
        assert_eq!(ENTITY, format!("HKEX:{HKEX_STOCK_CODE}"));
    }

    #[test]
    fn one_row_per_kpi_and_year_as_the_wide_csv() {
        let r = report();
        let long = rows(&r);
        let wide = crate::export::kpi_csv(&r);
        assert_eq!(long.len(), wide.lines().count() - 1);
        // Same rows in the same order: year and id agree line by line.
        for (row, line) in long.iter().zip(wide.lines().skip(1)) {
            assert!(
                line.starts_with(&format!("{},{},{},{},", row[1], row[3], row[4], row[5])),
                "{line}"
            );
        }
    }

    #[test]
    fn not_disclosed_is_empty_and_named_never_zero() {
        let r = report();
        let row = rows(&r)
            .into_iter()
            .find(|row| row[5] == "training-cost" && row[1] == "2021")
            .expect("training cost 2021");
        assert_eq!(row[10], "", "value");
        assert_eq!(row[11], "not-disclosed");
        assert!(rows(&r)
            .iter()
            .all(|row| (row[10].is_empty()) == (row[11] == "not-disclosed")));
    }

    #[test]
    fn a_row_carries_entity_period_source_and_notes() {
        let r = report();
        let csv = csv(&r);
        let header = csv.lines().next().unwrap();
        assert_eq!(header, COLUMNS.join(","));
        let row = rows(&r)
            .into_iter()
            .find(|row| row[5] == "turnover-rate-mainland" && row[1] == "2021")
            .unwrap();
        assert_eq!(row[0], "HKEX:2192");
        assert_eq!(row[2], "2021-12-31");
        assert_eq!(row[10], "36.5");
        assert_eq!(row[11], "reported");
        assert_eq!(row[13], "2022");
        assert_eq!(row[14], "2022年社會關鍵績效");
        assert_eq!(row[15], "人力資源結構");
        assert!(
            row[16].contains("36.5%") && row[17].contains("36.5%"),
            "the discrepancy's note"
        );
        assert_eq!((row[18].as_str(), row[19].as_str()), ("", ""));
    }

    #[test]
    fn json_has_the_same_rows_typed() {
        let r = report();
        let parsed: Vec<serde_json::Value> = serde_json::from_str(&json(&r)).unwrap();
        let long = rows(&r);
        assert_eq!(parsed.len(), long.len());
        for (obj, row) in parsed.iter().zip(&long) {
            for (i, col) in COLUMNS.iter().enumerate() {
                let cell = match &obj[*col] {
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Number(n) if INTEGER_COLUMNS.contains(col) => n.to_string(),
                    other => panic!("{col}: {other}"),
                };
                assert_eq!(cell, row[i], "{col}");
            }
        }
        assert_eq!(parsed[0]["year"], json!(2021));
        assert!(parsed.iter().any(|o| o["value"] == json!("116.000")));
    }
}
