//! Reading a data file: TOML → checked [`Report`].
//!
//! KPI fields are read as plain strings first so that a bad unit, year or number is
//! reported with the KPI's id, not only a line number.

use crate::issue::Issue;
use crate::model::*;
use crate::rules;
use crate::text::Text;
use crate::units::unit;
use crate::value::Value;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReport {
    report: Meta,
    #[serde(rename = "section")]
    sections: Vec<Section>,
    #[serde(rename = "kpi")]
    kpis: Vec<RawKpi>,
    #[serde(rename = "director", default)]
    directors: Vec<Director>,
    #[serde(rename = "stakeholder", default)]
    stakeholders: Vec<Stakeholder>,
    #[serde(rename = "material_topic", default)]
    material_topics: Vec<MaterialTopic>,
    #[serde(rename = "highlight", default)]
    highlights: Vec<Highlight>,
    #[serde(rename = "milestone", default)]
    milestones: Vec<Milestone>,
    #[serde(rename = "data_centre", default)]
    data_centres: Vec<DataCentre>,
    #[serde(rename = "certification", default)]
    certifications: Vec<Certification>,
    #[serde(rename = "hkex_aspect", default)]
    hkex_aspects: Vec<HkexAspect>,
    #[serde(rename = "discrepancy", default)]
    discrepancies: Vec<Discrepancy>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    zh: Option<String>,
    en: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKpi {
    id: String,
    section: String,
    metric: RawText,
    unit: String,
    hkex: Option<String>,
    better: String,
    /// Any TOML value, so that a figure typed as a number (`605`, not `"605"`) is reported
    /// with the KPI's id and year rather than only a line number.
    values: BTreeMap<String, toml::Value>,
    note: Option<RawText>,
    unit_change: Option<RawText>,
}

/// The longest line of a TOML error (source excerpt) kept in a message, in characters.
const MAX_QUOTED_LINE: usize = 160;

/// Reads and checks a data file's text. `file` names it in every message.
pub fn load(file: &str, src: &str) -> Result<Report, Vec<Issue>> {
    let raw: RawReport = toml::from_str(src).map_err(|e| {
        // One line; the quoted source line is shortened (a hostile 100 kB line would
        // otherwise become a 100 kB message).
        let msg = e
            .to_string()
            .lines()
            .map(|l| match l.char_indices().nth(MAX_QUOTED_LINE) {
                Some((cut, _)) => format!("{}…", &l[..cut]),
                None => l.to_owned(),
            })
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        vec![Issue::new(file, "toml-schema", msg)]
    })?;
    let mut issues = Vec::new();
    let years = raw.report.years();
    let sections: BTreeMap<&str, &Section> = raw.sections.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut kpis = Vec::new();
    let mut seen = HashSet::new();
    for k in &raw.kpis {
        if !seen.insert(k.id.clone()) {
            issues.push(Issue::new(file, "unique-id", "the id is used by another KPI").kpi(&k.id));
        }
        if let Some(kpi) = convert_kpi(file, k, &years, &sections, &mut issues) {
            kpis.push(kpi);
        }
    }
    let report = Report {
        report: raw.report,
        sections: raw.sections,
        kpis,
        directors: raw.directors,
        stakeholders: raw.stakeholders,
        material_topics: raw.material_topics,
        highlights: raw.highlights,
        milestones: raw.milestones,
        data_centres: raw.data_centres,
        certifications: raw.certifications,
        hkex_aspects: raw.hkex_aspects,
        discrepancies: raw.discrepancies,
        sources: Vec::new(),
    };
    issues.extend(rules::check_structure(file, &report));
    if issues.is_empty() {
        issues.extend(rules::check_relations(file, &report));
    }
    if issues.is_empty() {
        Ok(report)
    } else {
        Err(issues)
    }
}

fn text(file: &str, id: &str, field: &str, raw: &RawText, issues: &mut Vec<Issue>) -> Text {
    let t = Text {
        zh: raw.zh.clone().unwrap_or_default(),
        en: raw.en.clone().unwrap_or_default(),
    };
    for lang in t.missing() {
        issues.push(Issue::new(file, "both-languages", format!("`{field}` has no `{lang}` text")).kpi(id));
    }
    t
}

fn convert_kpi(
    file: &str,
    k: &RawKpi,
    years: &[u16],
    sections: &BTreeMap<&str, &Section>,
    issues: &mut Vec<Issue>,
) -> Option<Kpi> {
    let before = issues.len();
    let err = |rule: &str, msg: String| Issue::new(file, rule, msg).kpi(&k.id);
    if !is_kebab(&k.id) {
        issues.push(err(
            "id-kebab-case",
            "ids are lower-case ASCII words joined by `-`".into(),
        ));
    }
    let metric = text(file, &k.id, "metric", &k.metric, issues);
    let note = k.note.as_ref().map(|n| text(file, &k.id, "note", n, issues));
    let unit_change = k
        .unit_change
        .as_ref()
        .map(|n| text(file, &k.id, "unit_change", n, issues));
    let section = sections.get(k.section.as_str());
    if section.is_none() {
        issues.push(err(
            "section-known",
            format!("section `{}` is not declared in [[section]]", k.section),
        ));
    }
    if unit(&k.unit).is_none() {
        issues.push(err(
            "unit-known",
            format!("unit `{}` is not in the unit catalogue (esg-data/src/units.rs)", k.unit),
        ));
    }
    let better = match k.better.as_str() {
        "lower" => Direction::Lower,
        "higher" => Direction::Higher,
        "neutral" => Direction::Neutral,
        other => {
            issues.push(err(
                "direction-known",
                format!("better = `{other}`; expected lower, higher or neutral"),
            ));
            Direction::Neutral
        }
    };
    if let Some(code) = &k.hkex {
        if !is_hkex_kpi_code(code) {
            issues.push(err(
                "hkex-code-format",
                format!("`{code}` is not an HKEX KPI code such as A1.2 or B3.1"),
            ));
        }
    }
    let mut values = Vec::new();
    if k.values.is_empty() {
        issues.push(err("has-values", "a KPI needs a value for at least one year".into()));
    }
    for (y, v) in &k.values {
        // The key must be the year as written (`2022`; not `+2022` or `02022`, which would
        // parse to the same year and give a KPI two values for it).
        let year = match y.parse::<u16>() {
            Ok(year) if years.contains(&year) && year.to_string() == *y => year,
            _ => {
                issues.push(err(
                    "year-known",
                    format!("year `{y}` is neither the report year nor a comparative year in [report]"),
                ));
                continue;
            }
        };
        let Some(v) = v.as_str() else {
            issues.push(
                err(
                    "number-as-printed",
                    format!(
                        "the figure is a TOML {}{}; write it as a string as printed, e.g. `\"605\"`, or `\"/\"` if not disclosed",
                        v.type_str(),
                        match v {
                            toml::Value::Integer(i) => format!(" (`{i}`)"),
                            toml::Value::Float(x) => format!(" (`{x}`)"),
                            toml::Value::Boolean(b) => format!(" (`{b}`)"),
                            _ => String::new(),
                        }
                    ),
                )
                .year(year),
            );
            continue;
        };
        match Value::parse(v) {
            Ok(value) => values.push(YearValue {
                year,
                value,
                source: None,
                restated: None,
            }),
            Err(e) => issues.push(
                err(
                    "number-as-printed",
                    format!("{e}; write the figure as printed, or `/` if not disclosed"),
                )
                .year(year),
            ),
        }
    }
    values.sort_by_key(|v| v.year);
    if issues.len() > before {
        return None;
    }
    Some(Kpi {
        id: k.id.clone(),
        section: k.section.clone(),
        pillar: section?.pillar,
        metric,
        unit: k.unit.clone(),
        hkex: k.hkex.clone(),
        better,
        values,
        note,
        unit_change,
        last_reported: None,
    })
}

/// Lower-case ASCII letters and digits in `-`-joined words.
pub fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.split('-')
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// `A1.2`, `B8.1`: the guide's KPI codes.
pub fn is_hkex_kpi_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 4 && (b[0] == b'A' || b[0] == b'B') && b[1].is_ascii_digit() && b[2] == b'.' && b[3].is_ascii_digit()
}
