//! Every report year from its own file: a folder of `<year>.toml` files, each checked by
//! [`crate::load`], then checked as a set and merged into one [`Report`].
//!
//! Why a merge and not a list of reports: the site shows one time series per KPI, and an
//! investor wants each year's figure as last published, with the figure it replaced beside
//! it. So the newest report is the base (its sections, board, stakeholders, notes …) and each
//! KPI's values span every year any report discloses, each year taken from the newest report
//! that discloses it. An older figure that differs is kept as the value's [`Restatement`].
//!
//! The set's own rules (each an [`Issue`] naming the file, the field and the rule):
//! - `report-year-unique`: one file per `[report] year`;
//! - `unit-change`: a KPI id whose `unit` differs from the previous report's needs a
//!   `unit_change = { zh, en }` note saying why; years printed only in the old unit are then
//!   left out of the merged series (a chart cannot mix units), they stay in the older file;
//! - `kpi-meaning`: an id keeps its meaning. The same id with another printed name (`metric.zh`)
//!   *and* another section or pillar is another KPI reusing the id (a reworded name in the same
//!   section, or the same name moved to another section, is the same KPI);
//! - `fictional`: a file marked `[report] fictional` is refused unless fictional data is
//!   allowed (`ESG_ALLOW_FICTIONAL=1`, test builds only); the mark must read
//!   [`FICTIONAL_MARK`];
//! - the report's relation rules ([`crate::rules::check_relations`]) once more on the merged
//!   set, since a year can then mix figures from two reports (a KPI the newer one dropped).
//!
//! A KPI only in older reports is kept, with its years, after the newest report's KPIs and
//! flagged with [`Kpi::last_reported`]: dropping a KPI does not erase its history.

use crate::issue::Issue;
use crate::model::*;
use crate::value::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// The folder the build and the CLI read, relative to the repository root.
pub const DEFAULT_DIR: &str = "data/reports";
/// The setting naming another folder (the fixtures: `tests/fixtures/reports`).
pub const DIR_SETTING: &str = "ESG_DATA_DIR";
/// The setting that lets a fictional file through (`1`), for test builds only.
pub const ALLOW_FICTIONAL_SETTING: &str = "ESG_ALLOW_FICTIONAL";
/// The one accepted text of `[report] fictional`.
pub const FICTIONAL_MARK: &str = "fictional test data";

/// A checked data file and the name it is reported under.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub file: String,
    pub report: Report,
}

/// Every report of a folder, oldest first, and their merge.
#[derive(Clone, Debug)]
pub struct Set {
    pub reports: Vec<Loaded>,
    pub merged: Report,
}

/// Whether the process allows fictional files (`ESG_ALLOW_FICTIONAL=1`).
pub fn fictional_allowed_by_env() -> bool {
    std::env::var(ALLOW_FICTIONAL_SETTING).is_ok_and(|v| v == "1")
}

/// Reads every `*.toml` in `dir` (by name), each as [`crate::read::read_data_file`] reads a
/// file; `shown` is the folder's name in messages (`data/reports`). Returns `(name, text)`.
pub fn read_dir(dir: &Path, shown: &str) -> Result<Vec<(String, String)>, Vec<Issue>> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        vec![Issue::new(
            shown,
            "reports-folder",
            format!("cannot read the folder: {e}"),
        )]
    })?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml") && !n.starts_with('.'))
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(vec![Issue::new(
            shown,
            "reports-folder",
            "no report file (`<year>.toml`) in the folder",
        )]);
    }
    let mut out = Vec::new();
    let mut issues = Vec::new();
    for n in names {
        let file = format!("{}/{n}", shown.trim_end_matches('/'));
        match crate::read::read_data_file(dir.join(&n)) {
            // The reader names the path it was given; name the file as shown instead.
            Ok(src) => out.push((file, src)),
            Err(line) => issues.push(Issue::new(
                &file,
                "readable",
                line.split_once(": ").map_or(line.as_str(), |(_, what)| what).to_owned(),
            )),
        }
    }
    if issues.is_empty() {
        Ok(out)
    } else {
        Err(issues)
    }
}

/// The fictional fixtures (`tests/fixtures/reports`: the 2022 report and a made-up 2023 one
/// that restates, adds and drops KPIs), loaded for the workspace's tests. Panics listing
/// every rule they break.
pub fn fixtures() -> Set {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/reports");
    load_dir(&dir, "tests/fixtures/reports", true)
        .unwrap_or_else(|i| panic!("{}", i.iter().map(|i| i.to_string()).collect::<Vec<_>>().join("\n")))
}

/// Reads and checks a folder: each file, then the set; returns the set and its merge.
pub fn load_dir(dir: &Path, shown: &str, allow_fictional: bool) -> Result<Set, Vec<Issue>> {
    load_set(&read_dir(dir, shown)?, allow_fictional)
}

/// Checks each `(name, text)` with [`crate::load`], then the set's rules, then merges.
pub fn load_set(files: &[(String, String)], allow_fictional: bool) -> Result<Set, Vec<Issue>> {
    let mut issues = Vec::new();
    let mut reports = Vec::new();
    for (file, src) in files {
        match crate::load(file, src) {
            Ok(report) => reports.push(Loaded {
                file: file.clone(),
                report,
            }),
            Err(i) => issues.extend(i),
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    reports.sort_by_key(|l| l.report.report.year);
    issues.extend(check_set(&reports, allow_fictional));
    if !issues.is_empty() {
        return Err(issues);
    }
    let merged = merge(&reports);
    if reports.len() > 1 {
        let name = format!("{} (merged)", merged_name(&reports));
        issues.extend(crate::rules::check_relations(&name, &merged));
    }
    if issues.is_empty() {
        Ok(Set { reports, merged })
    } else {
        Err(issues)
    }
}

/// `a.toml + b.toml`: how the merged set is named in its messages.
fn merged_name(reports: &[Loaded]) -> String {
    reports.iter().map(|l| l.file.as_str()).collect::<Vec<_>>().join(" + ")
}

/// The set's own rules (see the module's doc); `reports` oldest first.
pub fn check_set(reports: &[Loaded], allow_fictional: bool) -> Vec<Issue> {
    let mut out = Vec::new();
    for l in reports {
        match &l.report.report.fictional {
            Some(mark) if mark != FICTIONAL_MARK => out.push(Issue::new(
                &l.file,
                "fictional",
                format!("`[report] fictional` is `{mark}`; a fictional file says exactly `{FICTIONAL_MARK}`"),
            )),
            Some(_) if !allow_fictional => out.push(Issue::new(
                &l.file,
                "fictional",
                format!(
                    "`[report] fictional`: this file is {FICTIONAL_MARK} and is never shipped; \
                     only a test build may read it, with {ALLOW_FICTIONAL_SETTING}=1"
                ),
            )),
            _ => {}
        }
    }
    for (i, l) in reports.iter().enumerate() {
        if let Some(other) = reports[..i]
            .iter()
            .find(|o| o.report.report.year == l.report.report.year)
        {
            out.push(
                Issue::new(
                    &l.file,
                    "report-year-unique",
                    format!(
                        "`[report] year` is also the year of {}; keep one file per report year",
                        other.file
                    ),
                )
                .year(l.report.report.year),
            );
        }
    }
    for (i, newer) in reports.iter().enumerate() {
        for k in &newer.report.kpis {
            // The previous report with this id.
            let Some((older, ok)) = reports[..i]
                .iter()
                .rev()
                .find_map(|o| o.report.kpi(&k.id).map(|ok| (o, ok)))
            else {
                continue;
            };
            if ok.unit != k.unit && k.unit_change.is_none() {
                out.push(
                    Issue::new(
                        &newer.file,
                        "unit-change",
                        format!(
                            "`unit` is `{}` here but `{}` in {}; add `unit_change = {{ zh = \"…\", en = \"…\" }}` \
                             saying why, or keep the earlier unit",
                            k.unit, ok.unit, older.file
                        ),
                    )
                    .kpi(&k.id),
                );
            }
            if ok.metric.zh != k.metric.zh && (ok.section != k.section || ok.pillar != k.pillar) {
                out.push(
                    Issue::new(
                        &newer.file,
                        "kpi-meaning",
                        format!(
                            "the id names 「{}」 in section `{}` here but 「{}」 in section `{}` in {}; \
                             an id keeps its meaning across reports (links and analysts' rows use it): \
                             give this KPI a new id",
                            k.metric.zh, k.section, ok.metric.zh, ok.section, older.file
                        ),
                    )
                    .kpi(&k.id),
                );
            }
        }
    }
    out
}

/// Two printed values say the same: equal numbers (whatever the printed precision), or both
/// not disclosed.
fn same(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Disclosed(x), Value::Disclosed(y)) => x.to_f64() == y.to_f64(),
        (Value::NotDisclosed, Value::NotDisclosed) => true,
        _ => false,
    }
}

/// Merges checked reports (oldest first, at least one, distinct years) into one: see the
/// module's doc. With one report, the result is that report unchanged.
pub fn merge(reports: &[Loaded]) -> Report {
    let Some((base, older)) = reports.split_last() else {
        panic!("merge needs at least one report");
    };
    let mut merged = base.report.clone();
    if older.is_empty() {
        return merged;
    }
    let base_year = base.report.report.year;
    let all: Vec<&Report> = reports.iter().map(|l| &l.report).collect();
    // KPIs: the newest report's, then those only older ones have (newest first).
    let mut kpis: Vec<Kpi> = Vec::new();
    for r in all.iter().rev() {
        for k in &r.kpis {
            if kpis.iter().any(|m| m.id == k.id) {
                continue;
            }
            let mut m = k.clone();
            if r.report.year != base_year {
                m.last_reported = Some(r.report.year);
            }
            m.values = merged_values(&all, k, r.report.year, base_year);
            kpis.push(m);
        }
    }
    merged.kpis = kpis;
    // Sections the kept KPIs need that the newest report no longer has.
    for r in all.iter().rev().skip(1) {
        for s in &r.sections {
            let needed = merged.kpis.iter().any(|k| k.section == s.id);
            if needed && merged.section(&s.id).is_none() {
                merged.sections.push(s.clone());
            }
        }
    }
    let base_years = base.report.report.years();
    for r in all.iter().rev().skip(1) {
        for d in &r.discrepancies {
            if !base_years.contains(&d.year)
                && !merged
                    .discrepancies
                    .iter()
                    .any(|m| m.rule == d.rule && m.year == d.year)
            {
                merged.discrepancies.push(d.clone());
            }
        }
    }
    let years: BTreeSet<u16> = all.iter().flat_map(|r| r.report.years()).collect();
    merged.report.comparative_years = years.into_iter().filter(|y| *y != base_year).collect();
    merged.report.revised = all.iter().map(|r| r.report.revised.clone()).max().unwrap_or_default();
    merged.sources = older
        .iter()
        .rev()
        .map(|l| SourceReport {
            year: l.report.report.year,
            title: l.report.report.title.clone(),
            sections: l.report.sections.clone(),
        })
        .collect();
    merged
}

/// One KPI's values over every report: `newest` is the KPI as the newest report that has it
/// defines it (its unit rules); each year from the newest report disclosing it in that unit.
fn merged_values(all: &[&Report], newest: &Kpi, newest_year: u16, base_year: u16) -> Vec<YearValue> {
    // (report year, value) for every report having the KPI in the same unit, newest first.
    let mut by_year: std::collections::BTreeMap<u16, Vec<(u16, Value)>> = Default::default();
    for r in all.iter().rev().filter(|r| r.report.year <= newest_year) {
        let Some(k) = r.kpi(&newest.id) else { continue };
        if k.unit != newest.unit {
            continue;
        }
        for v in &k.values {
            by_year.entry(v.year).or_default().push((r.report.year, v.value));
        }
    }
    by_year
        .into_iter()
        .map(|(year, figures)| {
            let (src, value) = figures[0];
            let restated = figures[1..]
                .iter()
                .rev()
                .find(|(_, v)| !same(*v, value))
                .map(|&(report_year, value)| Restatement { value, report_year });
            YearValue {
                year,
                value,
                source: (src != base_year).then_some(src),
                restated,
            }
        })
        .collect()
}

/// One restated figure: the KPI, the year, what it was and where, what it is and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restated {
    pub kpi: String,
    pub year: u16,
    pub was: Restatement,
    pub now: Value,
    pub now_report_year: u16,
}

/// Every restated figure of a merged report, in the order of its KPIs and years.
pub fn restatements(r: &Report) -> Vec<Restated> {
    r.kpis
        .iter()
        .flat_map(|k| {
            k.values.iter().filter_map(move |v| {
                v.restated.map(|was| Restated {
                    kpi: k.id.clone(),
                    year: v.year,
                    was,
                    now: v.value,
                    now_report_year: v.source_year(r.report.year),
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_report_merges_to_itself_byte_for_byte() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("reports");
        let set = load_dir(&dir, DEFAULT_DIR, false).expect("the real reports");
        let alone = crate::report_2022().expect("2022");
        assert_eq!(crate::export::json(&set.merged), crate::export::json(&alone));
        assert!(restatements(&set.merged).is_empty());
    }

    #[test]
    fn each_year_from_the_newest_report_with_the_older_figure_kept() {
        let m = fixtures().merged;
        assert_eq!(m.report.year, 2023);
        assert_eq!(m.report.years(), [2021, 2022, 2023]);
        assert_eq!(m.report.latest_two(), (2022, 2023), "a change compares the latest two");
        let k = m.kpi("ghg-scope-2").expect("ghg-scope-2");
        let v = |y| *k.year_value(y).expect("year");
        assert_eq!(v(2021).source, Some(2022), "2021 only in the 2022 report");
        assert_eq!(v(2021).restated, None);
        assert_eq!(v(2022).value.printed_or_empty(), "67.900");
        assert_eq!(v(2022).source, None, "from the newest report itself");
        let was = v(2022).restated.expect("restated");
        assert_eq!(
            (was.value.printed_or_empty().as_str(), was.report_year),
            ("67.758", 2022)
        );
        // A new KPI: 2022 not disclosed is not a restatement of anything.
        let s3 = m.kpi("ghg-scope-3").expect("new KPI");
        assert_eq!(s3.value(2022), Some(Value::NotDisclosed));
        assert!(s3.values.iter().all(|v| v.restated.is_none()));
        // A dropped KPI keeps its years and says since when it is gone.
        let gone = m.kpi("complaint-response-time").expect("kept");
        assert_eq!(gone.last_reported, Some(2022));
        assert_eq!(gone.values.iter().map(|v| v.year).collect::<Vec<_>>(), [2021, 2022]);
        assert_eq!(m.kpis.last().map(|k| k.id.as_str()), Some("complaint-response-time"));
        // The 2021 acknowledgement still stands beside its figures.
        assert_eq!(m.discrepancies_for("turnover-rate-mainland", 2021).count(), 1);
        assert_eq!(m.sources.first().map(|s| s.year), Some(2022));
    }

    #[test]
    fn per_employee_figures_use_each_years_own_headcount() {
        // The merged set passes every relation rule year by year (load_set checks it): the
        // 2022 per-employee GHG is read against 2022's restated headcount and emissions.
        let m = fixtures().merged;
        assert!(crate::rules::check_relations("merged", &m).is_empty());
        let per = |y| {
            m.kpi("ghg-per-capita")
                .and_then(|k| k.decimal(y))
                .map(|d| d.to_string())
        };
        assert_eq!(per(2021).as_deref(), Some("0.134"));
        assert_eq!(per(2022).as_deref(), Some("0.112"));
    }

    #[test]
    fn the_site_lists_restated_figures_only_when_there_are_some() {
        let names =
            |r: &Report| -> Vec<&'static str> { crate::package::files(r, None).iter().map(|f| f.name).collect() };
        let merged = fixtures().merged;
        let files = crate::package::files(&merged, None);
        let list = files
            .iter()
            .find(|f| f.name == crate::package::RESTATEMENTS)
            .expect("listed");
        assert_eq!(list.rows, 3);
        assert_eq!(list.content, crate::export::restatements_csv(&merged));
        assert!(!names(&crate::report_2022().expect("2022")).contains(&crate::package::RESTATEMENTS));
        // The Data Package describes it (schema, size, hash) and the README names it.
        let package = files
            .iter()
            .find(|f| f.name == crate::package::PACKAGE)
            .expect("package");
        let p: serde_json::Value = serde_json::from_str(&package.content).expect("parses");
        let res = &p["resources"][2];
        assert_eq!(res["path"], serde_json::json!(crate::package::RESTATEMENTS));
        assert_eq!(res["bytes"], serde_json::json!(list.content.len()));
        assert_eq!(res["hash"], serde_json::json!(crate::package::sha256(&list.content)));
        assert_eq!(res["schema"]["primaryKey"], serde_json::json!(["kpi_id", "year"]));
        let header: Vec<&str> = crate::export::RESTATEMENTS_CSV_HEADER.split(',').collect();
        let fields: Vec<&str> = res["schema"]["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .filter_map(|f| f["name"].as_str())
            .collect();
        assert_eq!(fields, header);
        let readme = files.iter().find(|f| f.name == crate::package::README).expect("readme");
        assert!(readme.content.contains("3 in this release"), "{}", readme.content);
        assert!(!readme.content.contains("None in this release"));
    }

    #[test]
    fn restatements_are_listed_in_kpi_order() {
        let list: Vec<(String, u16)> = restatements(&fixtures().merged)
            .into_iter()
            .map(|r| (r.kpi, r.year))
            .collect();
        assert_eq!(
            list,
            [
                ("ghg-scope-2".to_owned(), 2022),
                ("employees-mainland".to_owned(), 2022),
                ("employees-hk-macao-taiwan-overseas".to_owned(), 2022)
            ]
        );
    }
}
