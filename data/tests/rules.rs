//! Each rule breaks when a figure is wrong, and says where.

mod common;
use common::{edited, issues_of, lines, report};
use esg_data::rules::{check_relations, Check, RULES};
use esg_data::{Decimal, Report, Value};

fn get(r: &Report, id: &str, year: u16) -> Option<Decimal> {
    r.kpi(id).and_then(|k| k.decimal(year))
}

fn set(r: &mut Report, id: &str, year: u16, d: Decimal) {
    let k = r.kpis.iter_mut().find(|k| k.id == id).expect("kpi");
    let v = k.values.iter_mut().find(|v| v.year == year).expect("year");
    v.value = Value::Disclosed(d);
}

/// A clearly wrong figure at the same printed precision.
fn wrong(d: Decimal) -> Decimal {
    let s = format!("{:.*}", usize::from(d.scale()), d.to_f64() * 2.0 + 7.0);
    Decimal::parse(&s).expect("number")
}

#[test]
fn every_relation_rule_catches_a_wrong_figure() {
    let base = report();
    let mut exercised = 0;
    for rule in RULES {
        for year in base.report.years() {
            let mut r = base.clone();
            let (target, bad) = match rule.check {
                Check::Sum { total, .. } => (total, get(&r, total, year).map(wrong)),
                Check::Ratio { value, .. } => (value, get(&r, value, year).map(wrong)),
                Check::WeightedMean { value, .. } => (value, get(&r, value, year).map(wrong)),
                Check::AtMost { parts, whole } => (parts[0], get(&r, whole, year).map(wrong)),
                Check::Ranked { ids } => (ids[ids.len() - 1], get(&r, ids[0], year).map(wrong)),
            };
            let Some(bad) = bad else { continue };
            if get(&r, target, year).is_none() {
                continue;
            }
            set(&mut r, target, year, bad);
            r.discrepancies.retain(|d| !(d.rule == rule.id && d.year == year));
            let issues = check_relations("test.toml", &r);
            assert!(
                issues.iter().any(|i| i.rule == rule.id && i.year == Some(year)),
                "rule {} did not catch {target} = {bad} in {year}; got:\n{}",
                rule.id,
                lines(&issues)
            );
            exercised += 1;
        }
    }
    // Every rule is exercised in at least one year.
    for rule in RULES {
        assert!(
            base.report.years().iter().any(|y| rule_applies(&base, rule, *y)),
            "rule {} never applies",
            rule.id
        );
    }
    assert!(exercised >= RULES.len());
}

fn rule_applies(r: &Report, rule: &esg_data::rules::Rule, year: u16) -> bool {
    let ids: Vec<&str> = match rule.check {
        Check::Sum { total, parts } => [&[total][..], parts].concat(),
        Check::Ratio {
            value,
            numerator,
            denominator,
            ..
        } => [&[value][..], numerator, &[denominator]].concat(),
        Check::AtMost { parts, whole } => [parts, &[whole][..]].concat(),
        Check::Ranked { ids } => ids.to_vec(),
        Check::WeightedMean { value, groups } => std::iter::once(value)
            .chain(groups.iter().flat_map(|(a, b)| [*a, *b]))
            .collect(),
    };
    ids.iter().all(|id| get(r, id, year).is_some())
}

#[test]
fn a_rounding_difference_is_not_an_error() {
    // 0.041 t over 605 people is 0.0678 kg; the report prints 0.067 (cut, not rounded).
    let r = report();
    assert_eq!(
        get(&r, "hazardous-waste-per-capita", 2022).map(|d| d.to_string()),
        Some("0.067".into())
    );
    assert!(check_relations("x", &r).is_empty());
}

#[test]
fn roster_must_match_the_board_table() {
    let base = report();
    let mut r = base.clone();
    let d = r.directors.iter_mut().find(|d| d.name.zh == "周欣").expect("director");
    d.age = 51;
    let issues = check_relations("test.toml", &r);
    assert!(
        issues
            .iter()
            .any(|i| i.rule == "roster:board-table" && i.kpi.as_deref() == Some("board-age-30-50")),
        "{}",
        lines(&issues)
    );

    let mut r = base.clone();
    let d = r
        .directors
        .iter_mut()
        .find(|d| d.name.zh == "李卓霖")
        .expect("director");
    d.ceased = Some("2022-06-30".into());
    let issues = check_relations("test.toml", &r);
    assert!(issues
        .iter()
        .any(|i| i.rule == "roster:board-table" && i.kpi.as_deref() == Some("board-directors")));

    let mut r = base;
    let d = r.directors.iter_mut().find(|d| d.name.zh == "葉霖").expect("director");
    d.role = esg_data::Role::NonExecutive;
    let issues = check_relations("test.toml", &r);
    assert!(issues.iter().any(|i| i.kpi.as_deref() == Some("board-independent")));
}

#[test]
fn discrepancies_must_be_acknowledged_and_stay_true() {
    let base = report();
    let mut r = base.clone();
    r.discrepancies.clear();
    let issues = check_relations("test.toml", &r);
    assert!(issues
        .iter()
        .any(|i| i.rule == "weighted-mean:turnover-by-region" && i.year == Some(2021)));

    let mut r = base;
    set(
        &mut r,
        "turnover-rate-mainland",
        2021,
        Decimal::parse("36.7").expect("n"),
    );
    let issues = check_relations("test.toml", &r);
    assert!(
        issues.iter().any(|i| i.rule == "discrepancy-still-true"),
        "{}",
        lines(&issues)
    );
}

/// A broken file names the file, the KPI, the year and the rule.
fn assert_names(src: &str, kpi: &str, year: Option<u16>, rule: &str) {
    let issues = issues_of(src);
    let hit = issues
        .iter()
        .find(|i| i.rule == rule)
        .unwrap_or_else(|| panic!("no `{rule}` in:\n{}", lines(&issues)));
    let msg = hit.to_string();
    assert!(msg.starts_with("test.toml"), "{msg}");
    assert!(msg.contains(&format!("kpi `{kpi}`")), "{msg}");
    if let Some(y) = year {
        assert!(msg.contains(&format!("year {y}")), "{msg}");
    }
    assert!(msg.contains(&format!("rule `{rule}`")), "{msg}");
}

#[test]
fn wrong_total_is_named() {
    let src = edited(
        "values = { 2021 = \"304\", 2022 = \"380\" }",
        "values = { 2021 = \"305\", 2022 = \"380\" }",
    );
    assert_names(&src, "employees", Some(2021), "sum:employees-by-gender");
}

#[test]
fn unknown_unit_is_named() {
    let src = edited("unit = \"噸二氧化碳當量/人\"", "unit = \"kgCO2\"");
    assert_names(&src, "ghg-per-capita", None, "unit-known");
}

#[test]
fn unknown_year_is_named() {
    let src = edited(
        "values = { 2021 = \"0.134\", 2022 = \"0.112\" }",
        "values = { 2020 = \"0.134\", 2022 = \"0.112\" }",
    );
    assert_names(&src, "ghg-per-capita", None, "year-known");
}

#[test]
fn bad_number_is_named() {
    let src = edited("2022 = \"67.758\"", "2022 = \"67,758\"");
    assert_names(&src, "ghg-scope-2", Some(2022), "number-as-printed");
}

#[test]
fn missing_language_is_named() {
    let src = edited("en = \"Direct GHG emissions (Scope 1)\"", "en = \"\"");
    assert_names(&src, "ghg-scope-1", None, "both-languages");
}

#[test]
fn duplicate_id_is_named() {
    let src = edited("id = \"ghg-scope-2\"", "id = \"ghg-scope-1\"");
    assert_names(&src, "ghg-scope-1", None, "unique-id");
}

#[test]
fn percentage_over_100_is_named() {
    let src = edited(
        "values = { 2021 = \"63.78\", 2022 = \"62.8\" }",
        "values = { 2021 = \"163.78\", 2022 = \"62.8\" }",
    );
    assert_names(&src, "trained-female-share", Some(2021), "percent-at-most-100");
}

#[test]
fn a_share_named_as_a_count_is_named() {
    let src = edited(
        "metric = { zh = \"獨立非執行董事佔比\"",
        "metric = { zh = \"獨立非執行董事數量\"",
    );
    assert_names(&src, "board-independent-share", None, "share-named-as-share");
}

#[test]
fn syntax_error_names_the_file_and_line() {
    let src = edited("[[section]]\nid = \"waste\"", "[[section]\nid = \"waste\"");
    let issues = issues_of(&src);
    let msg = issues[0].to_string();
    assert!(
        msg.starts_with("test.toml") && msg.contains("toml-schema") && msg.contains("line"),
        "{msg}"
    );
}
