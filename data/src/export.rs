//! The data CLI's outputs: KPI CSV, board CSV, JSON. The app's downloads reuse these, so a
//! file an investor downloads is byte-for-byte what `esg-data csv` prints.

use crate::model::Report;

/// The KPI CSV header, fixed: downstream spreadsheets depend on it.
pub const KPI_CSV_HEADER: &str = "year,pillar,section,id,metric_zh,metric_en,unit,value,hkex_kpi";
/// The board CSV header.
pub const BOARD_CSV_HEADER: &str = "name_zh,name_en,gender,age,role,appointed,ceased";

/// Quotes a CSV field when it holds a comma, quote or line break (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn row(fields: &[&str]) -> String {
    let mut line = fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",");
    line.push('\n');
    line
}

/// Every KPI value of every year: years ascending, KPIs in the report's order.
/// A not-disclosed value is an empty cell; a year the table has no column for has no row.
pub fn kpi_csv(r: &Report) -> String {
    kpi_csv_where(r, |_| true)
}

/// The same CSV for the KPIs in `ids` only (a chart's own data).
pub fn kpi_csv_for(r: &Report, ids: &[&str]) -> String {
    kpi_csv_where(r, |id| ids.contains(&id))
}

fn kpi_csv_where(r: &Report, keep: impl Fn(&str) -> bool) -> String {
    let mut out = String::from(KPI_CSV_HEADER);
    out.push('\n');
    for year in r.report.years() {
        for k in r.kpis.iter().filter(|k| keep(&k.id)) {
            let Some(v) = k.value(year) else { continue };
            out += &row(&[
                &year.to_string(),
                k.pillar.code(),
                &k.section,
                &k.id,
                &k.metric.zh,
                &k.metric.en,
                &k.unit,
                &v.printed_or_empty(),
                k.hkex.as_deref().unwrap_or(""),
            ]);
        }
    }
    out
}

/// The board roster as printed, with the post-period change dates.
pub fn board_csv(r: &Report) -> String {
    let mut out = String::from(BOARD_CSV_HEADER);
    out.push('\n');
    for d in &r.directors {
        out += &row(&[
            &d.name.zh,
            &d.name.en,
            d.gender.as_str(),
            &d.age.to_string(),
            d.role.as_str(),
            d.appointed.as_deref().unwrap_or(""),
            d.ceased.as_deref().unwrap_or(""),
        ]);
    }
    out
}

/// The restatements CSV header (`esg-data restatements`).
pub const RESTATEMENTS_CSV_HEADER: &str =
    "kpi_id,year,metric_zh,metric_en,unit,original_value,original_report_year,value,source_report_year";

/// Every figure a later report restated: the first figure and its report, then the figure
/// now shown and its report (an empty value is not disclosed). Only a header for one report.
pub fn restatements_csv(r: &Report) -> String {
    let mut out = String::from(RESTATEMENTS_CSV_HEADER);
    out.push('\n');
    for x in crate::reports::restatements(r) {
        let Some(k) = r.kpi(&x.kpi) else { continue };
        out += &row(&[
            &x.kpi,
            &x.year.to_string(),
            &k.metric.zh,
            &k.metric.en,
            &k.unit,
            &x.was.value.printed_or_empty(),
            &x.was.report_year.to_string(),
            &x.now.printed_or_empty(),
            &x.now_report_year.to_string(),
        ]);
    }
    out
}

/// The whole validated dataset as JSON (what the app embeds).
pub fn json(r: &Report) -> String {
    serde_json::to_string_pretty(r).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(csv_field("廢紙"), "廢紙");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
    }
}
