//! The relations the report's own figures obey, as rules a data file must pass.
//!
//! Structure rules (ids, languages, references) hold for any report; relation rules name
//! the KPIs of the HKEX-format tables (parts sum to totals, per-employee figures are
//! totals ÷ headcount, shares are counts ÷ totals, the board table matches the roster).
//! Figures are compared within the precision they are printed with: a measured figure
//! printed to three places is anywhere within ±0.0005 of it, an exact count is exact.

use crate::issue::Issue;
use crate::load::{is_hkex_kpi_code, is_kebab};
use crate::model::{Gender, Report, Role};
use crate::text::Text;
use crate::units::unit;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// A relation between KPIs, checked for every year in which all its figures are disclosed.
#[derive(Clone, Copy, Debug)]
pub enum Check {
    /// `total` equals the sum of `parts`.
    Sum {
        total: &'static str,
        parts: &'static [&'static str],
    },
    /// `value` equals `scale` × Σ`numerator` ÷ `denominator` (per-employee figures, shares).
    Ratio {
        value: &'static str,
        numerator: &'static [&'static str],
        denominator: &'static str,
        scale: f64,
    },
    /// The sum of `parts` does not exceed `whole` (a ranked subset of a total).
    AtMost {
        parts: &'static [&'static str],
        whole: &'static str,
    },
    /// Values do not increase along the list (the report ranks them 1, 2, 3).
    Ranked { ids: &'static [&'static str] },
    /// `value` (a rate for the whole) equals the mean of group rates weighted by group size.
    WeightedMean {
        value: &'static str,
        groups: &'static [(&'static str, &'static str)],
    },
}

/// A named relation.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub id: &'static str,
    pub check: Check,
}

const fn sum(id: &'static str, total: &'static str, parts: &'static [&'static str]) -> Rule {
    Rule {
        id,
        check: Check::Sum { total, parts },
    }
}

const fn per(
    id: &'static str,
    value: &'static str,
    numerator: &'static [&'static str],
    denominator: &'static str,
    scale: f64,
) -> Rule {
    Rule {
        id,
        check: Check::Ratio {
            value,
            numerator,
            denominator,
            scale,
        },
    }
}

/// Tonnes → kilograms per employee.
const KG_PER_T: f64 = 1000.0;
/// 萬元 (RMB 10k) → 元.
const YUAN_PER_WAN: f64 = 10000.0;
const PERCENT: f64 = 100.0;

/// Every relation of the HKEX-format KPI tables.
pub const RULES: &[Rule] = &[
    // Environment
    per(
        "per-capita:ghg",
        "ghg-per-capita",
        &["ghg-scope-1", "ghg-scope-2"],
        "employees",
        1.0,
    ),
    sum(
        "sum:hazardous-waste",
        "hazardous-waste",
        &[
            "hazardous-waste-batteries",
            "hazardous-waste-lamps",
            "hazardous-waste-ink-cartridges",
        ],
    ),
    per(
        "per-capita:hazardous-waste",
        "hazardous-waste-per-capita",
        &["hazardous-waste"],
        "employees",
        KG_PER_T,
    ),
    sum(
        "sum:non-hazardous-waste",
        "non-hazardous-waste",
        &["non-hazardous-waste-paper", "non-hazardous-waste-domestic"],
    ),
    per(
        "per-capita:non-hazardous-waste",
        "non-hazardous-waste-per-capita",
        &["non-hazardous-waste"],
        "employees",
        KG_PER_T,
    ),
    sum(
        "sum:recycled-waste",
        "recycled-waste",
        &["recycled-waste-paper", "recycled-waste-domestic"],
    ),
    Rule {
        id: "at-most:recycled-paper",
        check: Check::AtMost {
            parts: &["recycled-waste-paper"],
            whole: "non-hazardous-waste-paper",
        },
    },
    Rule {
        id: "at-most:recycled-domestic",
        check: Check::AtMost {
            parts: &["recycled-waste-domestic"],
            whole: "non-hazardous-waste-domestic",
        },
    },
    per(
        "per-capita:electricity",
        "electricity-per-capita",
        &["electricity"],
        "employees",
        1.0,
    ),
    per("per-capita:water", "water-per-capita", &["water"], "employees", 1.0),
    // Workforce
    sum(
        "sum:employees-by-region",
        "employees",
        &["employees-mainland", "employees-hk-macao-taiwan-overseas"],
    ),
    sum(
        "sum:employees-by-gender",
        "employees",
        &["employees-female", "employees-male"],
    ),
    sum(
        "sum:employees-by-employment-type",
        "employees",
        &["employees-full-time", "employees-part-time"],
    ),
    sum(
        "sum:employees-by-age",
        "employees",
        &["employees-under-31", "employees-31-50", "employees-over-50"],
    ),
    sum(
        "sum:employees-by-rank",
        "employees",
        &["employees-senior", "employees-middle", "employees-junior"],
    ),
    // Turnover: the overall rate is the headcount-weighted mean of each breakdown's rates.
    Rule {
        id: "weighted-mean:turnover-by-gender",
        check: Check::WeightedMean {
            value: "turnover-rate",
            groups: &[
                ("turnover-rate-female", "employees-female"),
                ("turnover-rate-male", "employees-male"),
            ],
        },
    },
    Rule {
        id: "weighted-mean:turnover-by-age",
        check: Check::WeightedMean {
            value: "turnover-rate",
            groups: &[
                ("turnover-rate-under-31", "employees-under-31"),
                ("turnover-rate-31-50", "employees-31-50"),
                ("turnover-rate-over-50", "employees-over-50"),
            ],
        },
    },
    Rule {
        id: "weighted-mean:turnover-by-region",
        check: Check::WeightedMean {
            value: "turnover-rate",
            groups: &[
                ("turnover-rate-mainland", "employees-mainland"),
                (
                    "turnover-rate-hk-macao-taiwan-overseas",
                    "employees-hk-macao-taiwan-overseas",
                ),
            ],
        },
    },
    // Training
    sum(
        "sum:trained-by-gender",
        "trained-employees",
        &["trained-female", "trained-male"],
    ),
    sum(
        "sum:trained-by-rank",
        "trained-employees",
        &["trained-senior", "trained-middle", "trained-junior"],
    ),
    per(
        "share:trained",
        "trained-share",
        &["trained-employees"],
        "employees",
        PERCENT,
    ),
    per(
        "share:trained-female",
        "trained-female-share",
        &["trained-female"],
        "trained-employees",
        PERCENT,
    ),
    per(
        "share:trained-male",
        "trained-male-share",
        &["trained-male"],
        "trained-employees",
        PERCENT,
    ),
    per(
        "share:trained-senior",
        "trained-senior-share",
        &["trained-senior"],
        "trained-employees",
        PERCENT,
    ),
    per(
        "share:trained-middle",
        "trained-middle-share",
        &["trained-middle"],
        "trained-employees",
        PERCENT,
    ),
    per(
        "share:trained-junior",
        "trained-junior-share",
        &["trained-junior"],
        "trained-employees",
        PERCENT,
    ),
    Rule {
        id: "at-most:trained-female",
        check: Check::AtMost {
            parts: &["trained-female"],
            whole: "employees-female",
        },
    },
    Rule {
        id: "at-most:trained-male",
        check: Check::AtMost {
            parts: &["trained-male"],
            whole: "employees-male",
        },
    },
    per(
        "per-capita:training-cost",
        "training-cost-per-capita",
        &["training-cost"],
        "employees",
        YUAN_PER_WAN,
    ),
    sum(
        "sum:training-hours-by-gender",
        "training-hours",
        &["training-hours-female", "training-hours-male"],
    ),
    sum(
        "sum:training-hours-by-rank",
        "training-hours",
        &[
            "training-hours-senior",
            "training-hours-middle",
            "training-hours-junior",
        ],
    ),
    per(
        "per-capita:training-hours-female",
        "training-hours-per-capita-female",
        &["training-hours-female"],
        "employees-female",
        1.0,
    ),
    per(
        "per-capita:training-hours-male",
        "training-hours-per-capita-male",
        &["training-hours-male"],
        "employees-male",
        1.0,
    ),
    per(
        "per-capita:training-hours-senior",
        "training-hours-per-capita-senior",
        &["training-hours-senior"],
        "employees-senior",
        1.0,
    ),
    per(
        "per-capita:training-hours-middle",
        "training-hours-per-capita-middle",
        &["training-hours-middle"],
        "employees-middle",
        1.0,
    ),
    per(
        "per-capita:training-hours-junior",
        "training-hours-per-capita-junior",
        &["training-hours-junior"],
        "employees-junior",
        1.0,
    ),
    // Health and safety
    per(
        "rate:work-fatalities",
        "work-fatality-rate",
        &["work-fatalities"],
        "employees",
        PERCENT,
    ),
    // Suppliers
    sum(
        "sum:suppliers-by-region",
        "suppliers",
        &["suppliers-mainland", "suppliers-hk-macao-taiwan-overseas"],
    ),
    Rule {
        id: "at-most:suppliers-top-cities",
        check: Check::AtMost {
            parts: &["suppliers-beijing", "suppliers-shanghai", "suppliers-guangzhou"],
            whole: "suppliers-mainland",
        },
    },
    Rule {
        id: "ranked:suppliers-top-cities",
        check: Check::Ranked {
            ids: &["suppliers-beijing", "suppliers-shanghai", "suppliers-guangzhou"],
        },
    },
    // Board diversity (the non-executive count includes the independent non-executives).
    sum(
        "sum:board-by-role",
        "board-directors",
        &["board-executive", "board-non-executive"],
    ),
    Rule {
        id: "at-most:board-independent",
        check: Check::AtMost {
            parts: &["board-independent"],
            whole: "board-non-executive",
        },
    },
    sum(
        "sum:board-by-gender",
        "board-directors",
        &["board-male", "board-female"],
    ),
    sum(
        "sum:board-by-age",
        "board-directors",
        &["board-age-30-50", "board-age-over-50"],
    ),
    per(
        "share:board-directors",
        "board-directors-share",
        &["board-directors"],
        "board-directors",
        PERCENT,
    ),
    per(
        "share:board-executive",
        "board-executive-share",
        &["board-executive"],
        "board-directors",
        PERCENT,
    ),
    per(
        "share:board-non-executive",
        "board-non-executive-share",
        &["board-non-executive"],
        "board-directors",
        PERCENT,
    ),
    per(
        "share:board-independent",
        "board-independent-share",
        &["board-independent"],
        "board-directors",
        PERCENT,
    ),
    per(
        "share:board-male",
        "board-male-share",
        &["board-male"],
        "board-directors",
        PERCENT,
    ),
    per(
        "share:board-female",
        "board-female-share",
        &["board-female"],
        "board-directors",
        PERCENT,
    ),
    per(
        "share:board-age-30-50",
        "board-age-30-50-share",
        &["board-age-30-50"],
        "board-directors",
        PERCENT,
    ),
    per(
        "share:board-age-over-50",
        "board-age-over-50-share",
        &["board-age-over-50"],
        "board-directors",
        PERCENT,
    ),
];

/// Which directors each board-diversity count covers, for the roster rule.
/// Whether a director is counted in a board-diversity row.
pub type Member = fn(&crate::model::Director) -> bool;

pub const BOARD_COUNTS: &[(&str, Member)] = &[
    ("board-directors", |_| true),
    ("board-executive", |d| d.role == Role::Executive),
    ("board-non-executive", |d| d.role != Role::Executive),
    ("board-independent", |d| d.role == Role::IndependentNonExecutive),
    ("board-male", |d| d.gender == Gender::Male),
    ("board-female", |d| d.gender == Gender::Female),
    ("board-age-30-50", |d| (30..=50).contains(&d.age)),
    ("board-age-over-50", |d| d.age > 50),
];

/// Rules that hold for any data file: ids, languages, references, bounds.
pub fn check_structure(file: &str, r: &Report) -> Vec<Issue> {
    let mut out = Vec::new();
    let years = r.report.years();
    if !(2000..=2100).contains(&r.report.year) {
        out.push(Issue::new(
            file,
            "report-year",
            format!("report year {} is not plausible", r.report.year),
        ));
    }
    if r.report.comparative_years.iter().any(|y| *y >= r.report.year) {
        out.push(Issue::new(
            file,
            "comparative-years",
            "comparative years must precede the report year",
        ));
    }
    for t in [&r.report.company, &r.report.title, &r.report.period] {
        lang_check(file, "report", t, &mut out);
    }
    for d in [&r.report.board_as_of, &r.report.board_change, &r.report.revised] {
        if !is_iso_date(d) {
            out.push(Issue::new(
                file,
                "iso-date",
                format!("`{d}` in [report] is not an ISO date (YYYY-MM-DD)"),
            ));
        }
    }
    let (as_of, change) = (&r.report.board_as_of, &r.report.board_change);
    if is_iso_date(as_of) && !as_of.starts_with(&format!("{}-", r.report.year)) {
        out.push(Issue::new(
            file,
            "board-as-of",
            format!(
                "board_as_of `{as_of}` is not in the report year {}: the board table reflects the end of the period",
                r.report.year
            ),
        ));
    }
    if is_iso_date(as_of) && is_iso_date(change) && change <= as_of {
        out.push(Issue::new(
            file,
            "board-as-of",
            format!("board_change `{change}` must come after board_as_of `{as_of}` (it is a post-period change)"),
        ));
    }
    if is_iso_date(as_of) && is_iso_date(&r.report.revised) && r.report.revised <= *as_of {
        out.push(Issue::new(
            file,
            "revised",
            format!(
                "revised `{}` must come after the period's end `{as_of}`: a report is transcribed after it is published",
                r.report.revised
            ),
        ));
    }
    let mut ids = HashSet::new();
    for s in &r.sections {
        unique_kebab(file, "section", &s.id, &mut ids, &mut out);
        lang_check(file, &s.id, &s.heading, &mut out);
        lang_check(file, &s.id, &s.table, &mut out);
    }
    let hkex_codes: HashSet<&str> = r
        .hkex_aspects
        .iter()
        .flat_map(|a| a.items.iter().map(|i| i.code.as_str()))
        .collect();
    let not_applicable: HashSet<&str> = r
        .hkex_aspects
        .iter()
        .flat_map(|a| a.items.iter())
        .filter(|i| i.status == crate::model::HkexStatus::NotApplicable)
        .map(|i| i.code.as_str())
        .collect();
    // A section is one block of a KPI table: every row has a cell in every column the
    // block has, and every table has the report year's column. A missing cell would let
    // the relation rules skip that year silently; "/" is how the report says "not disclosed".
    let mut columns: BTreeMap<&str, BTreeSet<u16>> = BTreeMap::new();
    for k in &r.kpis {
        let c = columns.entry(k.section.as_str()).or_default();
        c.insert(r.report.year);
        c.extend(k.values.iter().map(|v| v.year));
    }
    for k in &r.kpis {
        for &y in &columns[k.section.as_str()] {
            if k.value(y).is_none() {
                let why = if y == r.report.year {
                    format!("every KPI table has a {y} column (the report year)")
                } else {
                    format!("other KPIs of section `{}` have a {y} column", k.section)
                };
                out.push(
                    Issue::new(
                        file,
                        "year-columns",
                        format!("no {y} value, but {why}; write \"/\" if the report does not disclose it"),
                    )
                    .kpi(&k.id)
                    .year(y),
                );
            }
        }
    }
    for k in &r.kpis {
        let Some(u) = unit(&k.unit) else { continue };
        // A share read under a label that says "number" is misread (33.33 % of the board under
        // 「獨立非執行董事數量」): name a percentage by the report's column word, 佔比.
        if u.percent && k.metric.zh.contains("數量") {
            out.push(
                Issue::new(
                    file,
                    "share-named-as-share",
                    format!(
                        "`{}` is a percentage, but its Chinese name says 數量 (a count); name it 「…佔比」",
                        k.metric.zh
                    ),
                )
                .kpi(&k.id),
            );
        }
        for v in &k.values {
            let Some(d) = v.value.decimal() else { continue };
            if d.is_negative() {
                out.push(
                    Issue::new(
                        file,
                        "non-negative",
                        format!("{d} is negative; the report has no negative figures"),
                    )
                    .kpi(&k.id)
                    .year(v.year),
                );
            }
            if u.percent && d.to_f64() > 100.0 {
                out.push(
                    Issue::new(file, "percent-at-most-100", format!("{d} % exceeds 100"))
                        .kpi(&k.id)
                        .year(v.year),
                );
            }
            if u.exact && !d.is_integer() {
                out.push(
                    Issue::new(
                        file,
                        "whole-count",
                        format!("{d} {} is a count and must be whole", u.zh),
                    )
                    .kpi(&k.id)
                    .year(v.year),
                );
            }
        }
        if let Some(code) = &k.hkex {
            if !r.hkex_aspects.is_empty() && !hkex_codes.contains(code.as_str()) {
                out.push(
                    Issue::new(
                        file,
                        "hkex-code-in-index",
                        format!("`{code}` is not in the content index ([[hkex_aspect]])"),
                    )
                    .kpi(&k.id),
                );
            }
            if not_applicable.contains(code.as_str()) {
                out.push(
                    Issue::new(
                        file,
                        "hkex-code-reported",
                        format!("the content index marks `{code}` not-applicable, yet this KPI reports under it"),
                    )
                    .kpi(&k.id),
                );
            }
        }
    }
    for d in &r.directors {
        lang_check(file, "director", &d.name, &mut out);
        for date in [&d.appointed, &d.ceased].into_iter().flatten() {
            if !is_iso_date(date) {
                out.push(Issue::new(
                    file,
                    "iso-date",
                    format!("director {}: `{date}` is not an ISO date", d.name.zh),
                ));
            }
        }
        if let (Some(a), Some(c)) = (&d.appointed, &d.ceased) {
            if a >= c {
                out.push(Issue::new(
                    file,
                    "director-dates",
                    format!("director {}: appointed {a} is not before ceased {c}", d.name.zh),
                ));
            }
        }
        if !(18..=100).contains(&d.age) {
            out.push(Issue::new(
                file,
                "director-age",
                format!("director {}: age {} is not plausible", d.name.zh, d.age),
            ));
        }
    }
    let mut stakeholder_ids = HashSet::new();
    for s in &r.stakeholders {
        unique_kebab(file, "stakeholder", &s.id, &mut stakeholder_ids, &mut out);
        lang_check(file, &s.id, &s.name, &mut out);
        for i in s.expectations.iter().chain(&s.channels) {
            lang_check(file, &s.id, &i.text, &mut out);
            if i.uncertain && i.note.is_none() {
                uncertain_without_note(file, format!("stakeholder `{}`: an uncertain item", s.id), &mut out);
            }
        }
    }
    for t in &r.material_topics {
        lang_check(file, "material_topic", &t.text, &mut out);
    }
    let mut hl = HashSet::new();
    for h in &r.highlights {
        unique_kebab(file, "highlight", &h.id, &mut hl, &mut out);
        lang_check(file, &h.id, &h.label, &mut out);
        require_source(file, &h.source, format!("highlight `{}`", h.id), &mut out);
        if h.previous.is_some() != h.previous_year.is_some() {
            out.push(Issue::new(
                file,
                "highlight-previous",
                format!("highlight `{}`: `previous` and `previous_year` go together", h.id),
            ));
        }
        if let Some(q) = &h.previous_qualifier {
            lang_check(file, &h.id, q, &mut out);
            if h.previous.is_none() {
                out.push(Issue::new(
                    file,
                    "highlight-previous",
                    format!("highlight `{}`: `previous_qualifier` without `previous`", h.id),
                ));
            }
        }
        if let Some(y) = h.previous_year.filter(|y| *y >= r.report.year) {
            out.push(Issue::new(
                file,
                "highlight-previous",
                format!(
                    "highlight `{}`: previous_year {y} is not before the report year {}",
                    h.id, r.report.year
                ),
            ));
        }
    }
    for m in &r.milestones {
        if !is_iso_month(&m.month) {
            out.push(Issue::new(
                file,
                "iso-month",
                format!("milestone month `{}` is not YYYY-MM", m.month),
            ));
        }
        lang_check(file, "milestone", &m.text, &mut out);
        if m.uncertain && m.note.is_none() {
            uncertain_without_note(file, format!("milestone {}: an uncertain entry", m.month), &mut out);
        }
        require_source(file, &m.source, format!("milestone {}", m.month), &mut out);
    }
    for d in &r.data_centres {
        lang_check(file, "data_centre", &d.city, &mut out);
        require_source(file, &d.source, format!("data centre {}", d.city.zh), &mut out);
    }
    for c in &r.certifications {
        lang_check(file, "certification", &c.name, &mut out);
        require_source(file, &c.source, format!("certification {}", c.name.zh), &mut out);
        if let Some(ym) = c.year_month.as_deref().filter(|ym| !is_iso_month(ym)) {
            out.push(Issue::new(
                file,
                "iso-month",
                format!("certification {}: `{ym}` is not YYYY-MM", c.name.zh),
            ));
        }
    }
    let mut item_codes = HashSet::new();
    for a in &r.hkex_aspects {
        for i in &a.items {
            if !item_codes.insert(&i.code) {
                out.push(Issue::new(
                    file,
                    "unique-id",
                    format!("content index item `{}` is listed twice", i.code),
                ));
            }
            if i.uncertain && i.note.is_none() {
                uncertain_without_note(
                    file,
                    format!("content index item `{}`: an uncertain item", i.code),
                    &mut out,
                );
            }
            let ok = if i.kind == crate::model::HkexKind::Kpi {
                is_hkex_kpi_code(&i.code) && i.code.starts_with(&a.code)
            } else {
                i.code == a.code
            };
            if !ok {
                out.push(Issue::new(
                    file,
                    "hkex-code-format",
                    format!("item `{}` does not belong under aspect `{}`", i.code, a.code),
                ));
            }
            lang_check(file, &i.code, &i.description, &mut out);
        }
    }
    let mut acknowledged = HashSet::new();
    for d in &r.discrepancies {
        let rule = RULES.iter().find(|rule| rule.id == d.rule);
        // The checks of the entry itself; each issue names the entry's year.
        let mut problems: Vec<(&str, String)> = Vec::new();
        if rule.is_none() {
            problems.push((
                "discrepancy-rule-known",
                format!("discrepancy names rule `{}`, which does not exist", d.rule),
            ));
        }
        if !acknowledged.insert((&d.rule, d.year)) {
            problems.push((
                "discrepancy-unique",
                format!("rule `{}` is acknowledged more than once for {}", d.rule, d.year),
            ));
        }
        if !years.contains(&d.year) {
            problems.push((
                "year-known",
                format!("discrepancy year {} is not a year of the report", d.year),
            ));
        }
        if d.kpis.is_empty() {
            problems.push((
                "discrepancy-kpis",
                format!(
                    "the discrepancy for rule `{}` names no KPI to warn the reader about",
                    d.rule
                ),
            ));
        }
        out.extend(
            problems
                .into_iter()
                .map(|(id, message)| Issue::new(file, id, message).year(d.year)),
        );
        let read = rule.map(rule_kpis).unwrap_or_default();
        for k in &d.kpis {
            if r.kpi(k).is_none() {
                out.push(
                    Issue::new(
                        file,
                        "kpi-known",
                        format!("discrepancy names KPI `{k}`, which does not exist"),
                    )
                    .kpi(k)
                    .year(d.year),
                );
            } else if rule.is_some() && !read.contains(&k.as_str()) {
                out.push(
                    Issue::new(
                        file,
                        "discrepancy-kpis",
                        format!(
                            "`{k}` is not one of the KPIs rule `{}` reads ({})",
                            d.rule,
                            read.join(", ")
                        ),
                    )
                    .kpi(k)
                    .year(d.year),
                );
            }
        }
        lang_check(file, &d.rule, &d.note, &mut out);
    }
    out
}

/// Rule `has-source`: narrative records quote the report; `what` names the record.
fn require_source(file: &str, source: &str, what: String, out: &mut Vec<Issue>) {
    if source.trim().is_empty() {
        out.push(Issue::new(
            file,
            "has-source",
            format!("{what} needs a verbatim `source` excerpt"),
        ));
    }
}

/// Rule `uncertain-has-note`: `what` is the record and its kind ("…: an uncertain item").
fn uncertain_without_note(file: &str, what: String, out: &mut Vec<Issue>) {
    out.push(Issue::new(
        file,
        "uncertain-has-note",
        format!("{what} must say why in `note`"),
    ));
}

/// Ids are kebab-case and unique within their kind (`section`, `stakeholder`, …).
fn unique_kebab<'a>(file: &str, kind: &str, id: &'a String, seen: &mut HashSet<&'a String>, out: &mut Vec<Issue>) {
    if !seen.insert(id) || !is_kebab(id) {
        out.push(Issue::new(
            file,
            "unique-id",
            format!("{kind} id `{id}` is repeated or not kebab-case"),
        ));
    }
}

fn lang_check(file: &str, id: &str, t: &Text, out: &mut Vec<Issue>) {
    for lang in t.missing() {
        out.push(Issue::new(
            file,
            "both-languages",
            format!("`{id}`: a text has no `{lang}` version (zh: `{}`)", t.zh),
        ));
    }
}

/// `YYYY-MM-DD` naming a day of the calendar (no 2023-02-29, no 2022-04-31).
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn is_iso_month(s: &str) -> bool {
    is_iso_date(&format!("{s}-01"))
}

/// An interval that the true value of a printed figure lies in.
#[derive(Clone, Copy, Debug)]
struct Span {
    lo: f64,
    hi: f64,
}

impl Span {
    fn add(self, o: Span) -> Span {
        Span {
            lo: self.lo + o.lo,
            hi: self.hi + o.hi,
        }
    }
    fn contains(self, x: f64) -> bool {
        self.lo - 1e-9 <= x && x <= self.hi + 1e-9
    }
    fn overlaps(self, o: Span) -> bool {
        self.lo <= o.hi + 1e-9 && o.lo <= self.hi + 1e-9
    }
}

/// Checks every relation rule for every year, then the board roster; failures that the
/// data file acknowledges in a `[[discrepancy]]` pass, acknowledgements that match no
/// failure fail (so a corrected figure does not leave a stale warning behind).
pub fn check_relations(file: &str, r: &Report) -> Vec<Issue> {
    let mut failures = Vec::new();
    for rule in RULES {
        for year in r.report.years() {
            failures.extend(check_rule(file, r, rule, year));
        }
    }
    failures.extend(check_roster(file, r));
    let mut out = Vec::new();
    let mut used = HashSet::new();
    for f in failures {
        match r
            .discrepancies
            .iter()
            .position(|d| Some(d.year) == f.year && d.rule == f.rule)
        {
            Some(i) => {
                used.insert(i);
            }
            None => out.push(f),
        }
    }
    for (i, d) in r.discrepancies.iter().enumerate() {
        if !used.contains(&i) {
            let mut issue = Issue::new(
                file,
                "discrepancy-still-true",
                format!(
                    "rule `{}` passes, so the acknowledged discrepancy should be removed",
                    d.rule
                ),
            )
            .year(d.year);
            if let Some(k) = d.kpis.first() {
                issue = issue.kpi(k);
            }
            out.push(issue);
        }
    }
    out
}

fn span(r: &Report, id: &str, year: u16) -> Result<Option<Span>, String> {
    let k = r
        .kpi(id)
        .ok_or_else(|| format!("the rule refers to KPI `{id}`, which the file does not have"))?;
    let Some(d) = k.decimal(year) else {
        return Ok(None);
    };
    let exact = unit(&k.unit).is_some_and(|u| u.exact);
    let half = if exact { 0.0 } else { d.ulp() / 2.0 };
    Ok(Some(Span {
        lo: d.to_f64() - half,
        hi: d.to_f64() + half,
    }))
}

/// The KPIs a rule reads.
fn rule_kpis(rule: &Rule) -> Vec<&'static str> {
    match rule.check {
        Check::Sum { total, parts } => std::iter::once(total).chain(parts.iter().copied()).collect(),
        Check::Ratio {
            value,
            numerator,
            denominator,
            ..
        } => std::iter::once(value)
            .chain(numerator.iter().copied())
            .chain(std::iter::once(denominator))
            .collect(),
        Check::AtMost { parts, whole } => parts.iter().copied().chain(std::iter::once(whole)).collect(),
        Check::Ranked { ids } => ids.to_vec(),
        Check::WeightedMean { value, groups } => std::iter::once(value)
            .chain(groups.iter().flat_map(|(a, b)| [*a, *b]))
            .collect(),
    }
}

fn check_rule(file: &str, r: &Report, rule: &Rule, year: u16) -> Option<Issue> {
    let ids = rule_kpis(rule);
    let mut spans = Vec::new();
    for id in &ids {
        match span(r, id, year) {
            Err(msg) => {
                return if year == r.report.year {
                    Some(Issue::new(file, rule.id, msg).kpi(id))
                } else {
                    None
                }
            }
            Ok(None) => return None,
            Ok(Some(s)) => spans.push(s),
        }
    }
    let first = ids[0];
    let printed = |id: &str| {
        r.kpi(id)
            .and_then(|k| k.decimal(year))
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    // A derived figure is compared as printed: it may be off by its last digit (rounded or cut).
    let point = |id: &str| {
        r.kpi(id)
            .and_then(|k| k.decimal(year))
            .map(|d| d.to_f64())
            .unwrap_or(f64::NAN)
    };
    let fail = |msg: String| Some(Issue::new(file, rule.id, msg).kpi(first).year(year));
    match rule.check {
        Check::Sum { total, parts } => {
            let sum = spans[1..].iter().fold(Span { lo: 0.0, hi: 0.0 }, |a, s| a.add(*s));
            if !sum.overlaps(spans[0]) {
                let terms: Vec<String> = parts.iter().map(|p| format!("{p} {}", printed(p))).collect();
                return fail(format!(
                    "{total} is {} but its parts add up to {} ({})",
                    printed(total),
                    round(sum.lo.midpoint(sum.hi)),
                    terms.join(" + ")
                ));
            }
        }
        Check::Ratio {
            value,
            numerator,
            denominator,
            scale,
        } => {
            let num = spans[1..=numerator.len()]
                .iter()
                .fold(Span { lo: 0.0, hi: 0.0 }, |a, s| a.add(*s));
            let den = spans[numerator.len() + 1];
            if den.hi <= 0.0 {
                return None;
            }
            let lo = scale * num.lo / den.hi.max(f64::MIN_POSITIVE);
            let hi = if den.lo > 0.0 {
                scale * num.hi / den.lo
            } else {
                f64::INFINITY
            };
            let ulp = r
                .kpi(value)
                .and_then(|k| k.decimal(year))
                .map(|d| d.ulp())
                .unwrap_or(0.0);
            let allowed = Span {
                lo: lo - ulp,
                hi: hi + ulp,
            };
            if !allowed.contains(point(value)) {
                let expect = scale * num.lo.midpoint(num.hi) / den.lo.midpoint(den.hi);
                return fail(format!(
                    "{value} is printed {} but {} × ({}) ÷ {denominator} {} gives {}",
                    printed(value),
                    scale,
                    numerator
                        .iter()
                        .map(|n| format!("{n} {}", printed(n)))
                        .collect::<Vec<_>>()
                        .join(" + "),
                    printed(denominator),
                    round(expect)
                ));
            }
        }
        Check::AtMost { parts, whole } => {
            let sum = spans[..parts.len()]
                .iter()
                .fold(Span { lo: 0.0, hi: 0.0 }, |a, s| a.add(*s));
            if sum.lo > spans[parts.len()].hi + 1e-9 {
                return fail(format!(
                    "{} ({}) exceeds {whole} {}",
                    parts.join(" + "),
                    round(sum.lo.midpoint(sum.hi)),
                    printed(whole)
                ));
            }
        }
        Check::Ranked { ids } => {
            for w in 0..ids.len() - 1 {
                if spans[w].hi + 1e-9 < spans[w + 1].lo {
                    return fail(format!(
                        "{} ({}) is ranked above {} ({}) but is smaller",
                        ids[w],
                        printed(ids[w]),
                        ids[w + 1],
                        printed(ids[w + 1])
                    ));
                }
            }
        }
        Check::WeightedMean { value, groups } => {
            let (mut lo, mut hi, mut w) = (0.0, 0.0, 0.0);
            for (i, _) in groups.iter().enumerate() {
                let rate = spans[1 + 2 * i];
                let weight = spans[2 + 2 * i].lo.midpoint(spans[2 + 2 * i].hi);
                lo += rate.lo * weight;
                hi += rate.hi * weight;
                w += weight;
            }
            if w <= 0.0 {
                return None;
            }
            let ulp = r
                .kpi(value)
                .and_then(|k| k.decimal(year))
                .map(|d| d.ulp())
                .unwrap_or(0.0);
            let allowed = Span {
                lo: lo / w - ulp,
                hi: hi / w + ulp,
            };
            if !allowed.contains(point(value)) {
                return fail(format!(
                    "{value} is printed {} % but the headcount-weighted mean of {} is {} %",
                    printed(value),
                    groups
                        .iter()
                        .map(|(g, _)| format!("{g} {}", printed(g)))
                        .collect::<Vec<_>>()
                        .join(", "),
                    round((lo + hi) / 2.0 / w)
                ));
            }
        }
    }
    None
}

fn round(x: f64) -> String {
    let s = format!("{x:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The board-diversity table (as at the end of the period) must count the roster.
fn check_roster(file: &str, r: &Report) -> Vec<Issue> {
    let mut out = Vec::new();
    // Only a report with neither a roster nor a board-diversity table has nothing to check;
    // a board table without a roster (or the reverse) is a file that lost a part.
    if r.directors.is_empty() && BOARD_COUNTS.iter().all(|(id, _)| r.kpi(id).is_none()) {
        return out;
    }
    let date = r.report.board_as_of.as_str();
    let year = r.report.year;
    for (id, member) in BOARD_COUNTS {
        let Some(k) = r.kpi(id) else {
            out.push(
                Issue::new(
                    file,
                    "roster:board-table",
                    format!("the board-diversity KPI `{id}` is missing"),
                )
                .kpi(id),
            );
            continue;
        };
        let counted = r.board_on(date).filter(|d| member(d)).count();
        match k.decimal(year) {
            Some(d) if d.is_integer() && d.to_f64() == counted as f64 => {}
            other => out.push(
                Issue::new(
                    file,
                    "roster:board-table",
                    format!(
                        "the table prints {} but the roster has {counted} such directors on {date}",
                        other.map(|d| d.to_string()).unwrap_or_else(|| "nothing".into())
                    ),
                )
                .kpi(id)
                .year(year),
            ),
        }
    }
    out
}
