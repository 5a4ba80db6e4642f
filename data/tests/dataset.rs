//! The 2022 dataset is complete and its figures are the report's.

mod common;
use common::report;
use esg_data::{Pillar, Value};

#[test]
fn bundled_report_passes_every_rule() {
    let r = report();
    assert_eq!(r.report.year, 2022);
    assert_eq!(r.report.years(), vec![2021, 2022]);
}

#[test]
fn every_kpi_table_row_is_present() {
    let r = report();
    let count = |p: Pillar| r.kpis.iter().filter(|k| k.pillar == p).count();
    // Environment 19 rows; social 67; governance 8 board rows × (count, share) + 3 anti-corruption.
    assert_eq!(count(Pillar::E), 19);
    assert_eq!(count(Pillar::S), 67);
    assert_eq!(count(Pillar::G), 19);
    let values: usize = r.kpis.iter().map(|k| k.values.len()).sum();
    assert_eq!(values, 89 * 2 + 16);
}

/// Spot checks typed in from the report by a second reader, one per table block.
#[test]
fn spot_values_match_the_report() {
    let r = report();
    let cases = [
        ("ghg-scope-2", 2021, "67.396"),
        ("ghg-scope-2", 2022, "67.758"),
        ("ghg-per-capita", 2022, "0.112"),
        ("hazardous-waste-per-capita", 2022, "0.067"),
        ("non-hazardous-waste-paper", 2021, "0.180"),
        ("electricity", 2021, "116.000"),
        ("water", 2022, "1823.000"),
        ("employees", 2022, "605"),
        ("employees-hk-macao-taiwan-overseas", 2022, "1"),
        ("turnover-rate-31-50", 2021, "31.0"),
        ("turnover-rate-over-50", 2022, "16.7"),
        ("trained-share", 2021, "39.0"),
        ("trained-female-share", 2021, "63.78"),
        ("training-cost-per-capita", 2022, "165"),
        ("training-hours-per-capita-senior", 2022, "11.25"),
        ("suppliers-beijing", 2022, "211"),
        ("customer-complaints", 2021, "6"),
        ("complaint-response-time", 2022, "20"),
        ("volunteer-hours", 2022, "378.50"),
        ("volunteer-hours", 2021, "156.43"),
        ("board-independent-share", 2022, "33.33"),
        ("anti-corruption-training-share", 2021, "100"),
    ];
    for (id, year, printed) in cases {
        let k = r.kpi(id).unwrap_or_else(|| panic!("missing {id}"));
        assert_eq!(
            k.value(year).map(|v| v.printed_or_empty()),
            Some(printed.to_owned()),
            "{id} {year}"
        );
    }
}

#[test]
fn not_disclosed_is_never_zero() {
    let r = report();
    let nd: Vec<(&str, u16)> = r
        .kpis
        .iter()
        .flat_map(|k| {
            k.values
                .iter()
                .filter(|v| v.value == Value::NotDisclosed)
                .map(move |v| (k.id.as_str(), v.year))
        })
        .collect();
    assert_eq!(
        nd,
        vec![
            ("labour-contract-rate", 2021),
            ("social-insurance-coverage", 2021),
            ("training-cost", 2021),
            ("training-cost-per-capita", 2021),
            ("suppliers-beijing", 2021),
            ("suppliers-shanghai", 2021),
            ("suppliers-guangzhou", 2021),
            ("customer-satisfaction", 2021),
            ("complaint-resolution-rate", 2021),
            ("complaint-response-time", 2021),
        ]
    );
    for (id, y) in nd {
        assert_eq!(r.kpi(id).and_then(|k| k.decimal(y)), None);
    }
}

#[test]
fn board_roster_and_change() {
    let r = report();
    assert_eq!(r.directors.len(), 10);
    assert_eq!(r.board_on("2022-12-31").count(), 9);
    let after: Vec<&str> = r.board_on("2023-04-14").map(|d| d.name.zh.as_str()).collect();
    assert_eq!(after.len(), 9);
    assert!(after.contains(&"金色一賢") && !after.contains(&"李卓霖"));
    assert!(r.board_on("2022-12-31").any(|d| d.name.zh == "李卓霖"));
}

#[test]
fn narrative_content_is_complete() {
    let r = report();
    assert_eq!(r.stakeholders.len(), 8);
    let names: Vec<&str> = r.stakeholders.iter().map(|s| s.name.zh.as_str()).collect();
    for g in [
        "醫生",
        "政府與監管機構",
        "客戶",
        "員工",
        "社區",
        "環境",
        "供應商",
        "股東",
    ] {
        assert!(names.contains(&g), "stakeholder group {g}");
    }
    assert!(r
        .stakeholders
        .iter()
        .all(|s| !s.expectations.is_empty() && !s.channels.is_empty()));
    let topics = |a| r.material_topics.iter().filter(|t| t.area == a).count();
    assert_eq!(topics(esg_data::Area::Governance), 7);
    assert_eq!(topics(esg_data::Area::Environment), 5);
    assert_eq!(topics(esg_data::Area::Social), 11);
    let aspects: Vec<&str> = r.hkex_aspects.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(
        aspects,
        ["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"]
    );
    let kpi_codes = r
        .hkex_aspects
        .iter()
        .flat_map(|a| &a.items)
        .filter(|i| i.kind == esg_data::HkexKind::Kpi)
        .count();
    assert_eq!(kpi_codes, 36);
    assert!(!r.highlights.is_empty() && !r.milestones.is_empty());
    assert_eq!(r.data_centres.len(), 3);
}

#[test]
fn every_hkex_code_on_a_kpi_is_in_the_index() {
    let r = report();
    for k in &r.kpis {
        if let Some(code) = &k.hkex {
            assert!(
                r.hkex_aspects.iter().flat_map(|a| &a.items).any(|i| &i.code == code),
                "{} → {code}",
                k.id
            );
        }
    }
}
