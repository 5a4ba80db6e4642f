//! Which KPIs form each chart, and how each is drawn.
//!
//! A group follows the report's grouping (its `section`) and plots one kind of figure in
//! one unit. Group ids are stable: embed widgets and deep links use them.

use crate::i18n::Msg;

/// How a group is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// 2021 vs 2022 bars per KPI: totals in one unit.
    Compare,
    /// Stacked bars per year: parts of a whole.
    Composition,
    /// 2021 vs 2022 bars of percentages per group.
    Rates,
    /// Figures in different units: cards, no chart.
    Tiles,
    /// Board composition by role, gender and age from the roster.
    Board,
}

/// A chart group.
#[derive(Clone, Copy, Debug)]
pub struct Group {
    pub id: &'static str,
    pub section: &'static str,
    pub title: Msg,
    pub kind: Kind,
    /// Plotted in the absolute view.
    pub chart: &'static [&'static str],
    /// Plotted in the per-employee view; empty when the report has no such twin.
    pub per_employee: &'static [&'static str],
    /// Every KPI the group's table lists, in the report's order.
    pub table: &'static [&'static str],
}

const fn g(
    id: &'static str,
    section: &'static str,
    title: Msg,
    kind: Kind,
    chart: &'static [&'static str],
    per_employee: &'static [&'static str],
    table: &'static [&'static str],
) -> Group {
    Group {
        id,
        section,
        title,
        kind,
        chart,
        per_employee,
        table,
    }
}

/// A group whose chart plots every KPI of its table, with no per-employee twin.
const fn same(id: &'static str, section: &'static str, title: Msg, kind: Kind, kpis: &'static [&'static str]) -> Group {
    g(id, section, title, kind, kpis, &[], kpis)
}

use Kind::*;

/// Every group, in the report's order. Each KPI is in exactly one group's table.
pub const GROUPS: &[Group] = &[
    g(
        "ghg",
        "ghg-emissions",
        Msg::GroupGhg,
        Compare,
        &["ghg-scope-1", "ghg-scope-2"],
        &["ghg-per-capita"],
        &["ghg-scope-1", "ghg-scope-2", "ghg-per-capita"],
    ),
    g(
        "hazardous-waste",
        "waste",
        Msg::GroupHazardousWaste,
        Composition,
        &[
            "hazardous-waste-batteries",
            "hazardous-waste-lamps",
            "hazardous-waste-ink-cartridges",
        ],
        &["hazardous-waste-per-capita"],
        &[
            "hazardous-waste",
            "hazardous-waste-per-capita",
            "hazardous-waste-batteries",
            "hazardous-waste-lamps",
            "hazardous-waste-ink-cartridges",
        ],
    ),
    g(
        "non-hazardous-waste",
        "waste",
        Msg::GroupNonHazardousWaste,
        Composition,
        &["non-hazardous-waste-paper", "non-hazardous-waste-domestic"],
        &["non-hazardous-waste-per-capita"],
        &[
            "non-hazardous-waste",
            "non-hazardous-waste-per-capita",
            "non-hazardous-waste-paper",
            "non-hazardous-waste-domestic",
        ],
    ),
    g(
        "recycled-waste",
        "waste",
        Msg::GroupRecycledWaste,
        Composition,
        &["recycled-waste-paper", "recycled-waste-domestic"],
        &[],
        &["recycled-waste", "recycled-waste-paper", "recycled-waste-domestic"],
    ),
    g(
        "energy",
        "energy",
        Msg::GroupEnergy,
        Compare,
        &["electricity"],
        &["electricity-per-capita"],
        &["electricity", "electricity-per-capita"],
    ),
    g(
        "water",
        "water",
        Msg::GroupWater,
        Compare,
        &["water"],
        &["water-per-capita"],
        &["water", "water-per-capita"],
    ),
    g(
        "workforce-gender",
        "workforce",
        Msg::GroupWorkforceGender,
        Composition,
        &["employees-female", "employees-male"],
        &[],
        &["employees", "employees-female", "employees-male"],
    ),
    same(
        "workforce-age",
        "workforce",
        Msg::GroupWorkforceAge,
        Composition,
        &["employees-under-31", "employees-31-50", "employees-over-50"],
    ),
    same(
        "workforce-rank",
        "workforce",
        Msg::GroupWorkforceRank,
        Composition,
        &["employees-senior", "employees-middle", "employees-junior"],
    ),
    same(
        "workforce-region",
        "workforce",
        Msg::GroupWorkforceRegion,
        Composition,
        &["employees-mainland", "employees-hk-macao-taiwan-overseas"],
    ),
    same(
        "workforce-type",
        "workforce",
        Msg::GroupWorkforceType,
        Composition,
        &["employees-full-time", "employees-part-time"],
    ),
    same(
        "workforce-coverage",
        "workforce",
        Msg::GroupWorkforceCoverage,
        Rates,
        &["labour-contract-rate", "social-insurance-coverage"],
    ),
    same(
        "turnover",
        "turnover",
        Msg::GroupTurnover,
        Rates,
        &[
            "turnover-rate",
            "turnover-rate-female",
            "turnover-rate-male",
            "turnover-rate-under-31",
            "turnover-rate-31-50",
            "turnover-rate-over-50",
            "turnover-rate-mainland",
            "turnover-rate-hk-macao-taiwan-overseas",
        ],
    ),
    g(
        "trained-gender",
        "training",
        Msg::GroupTrainedGender,
        Composition,
        &["trained-female", "trained-male"],
        &[],
        &["trained-employees", "trained-female", "trained-male"],
    ),
    same(
        "trained-rank",
        "training",
        Msg::GroupTrainedRank,
        Composition,
        &["trained-senior", "trained-middle", "trained-junior"],
    ),
    same(
        "training-shares",
        "training",
        Msg::GroupTrainingShares,
        Rates,
        &[
            "trained-share",
            "trained-female-share",
            "trained-male-share",
            "trained-senior-share",
            "trained-middle-share",
            "trained-junior-share",
        ],
    ),
    g(
        "training-hours-gender",
        "training",
        Msg::GroupTrainingHoursGender,
        Composition,
        &["training-hours-female", "training-hours-male"],
        &["training-hours-per-capita-female", "training-hours-per-capita-male"],
        &[
            "training-hours",
            "training-hours-female",
            "training-hours-male",
            "training-hours-per-capita-female",
            "training-hours-per-capita-male",
        ],
    ),
    g(
        "training-hours-rank",
        "training",
        Msg::GroupTrainingHoursRank,
        Composition,
        &[
            "training-hours-senior",
            "training-hours-middle",
            "training-hours-junior",
        ],
        &[
            "training-hours-per-capita-senior",
            "training-hours-per-capita-middle",
            "training-hours-per-capita-junior",
        ],
        &[
            "training-hours-senior",
            "training-hours-middle",
            "training-hours-junior",
            "training-hours-per-capita-senior",
            "training-hours-per-capita-middle",
            "training-hours-per-capita-junior",
        ],
    ),
    g(
        "training-spend",
        "training",
        Msg::GroupTrainingSpend,
        Tiles,
        &[],
        &[],
        &["training-cost", "training-cost-per-capita"],
    ),
    g(
        "safety-training",
        "training",
        Msg::GroupSafetyTraining,
        Tiles,
        &[],
        &[],
        &["safety-training-attendances", "safety-training-hours"],
    ),
    g(
        "health-safety",
        "health-safety",
        Msg::GroupHealthSafety,
        Tiles,
        &[],
        &[],
        &[
            "health-check-coverage",
            "work-injuries",
            "work-fatalities",
            "work-fatality-rate",
            "lost-days-injury",
        ],
    ),
    g(
        "suppliers-region",
        "suppliers",
        Msg::GroupSuppliersRegion,
        Composition,
        &["suppliers-mainland", "suppliers-hk-macao-taiwan-overseas"],
        &[],
        &["suppliers", "suppliers-mainland", "suppliers-hk-macao-taiwan-overseas"],
    ),
    same(
        "suppliers-cities",
        "suppliers",
        Msg::GroupSuppliersCities,
        Compare,
        &["suppliers-beijing", "suppliers-shanghai", "suppliers-guangzhou"],
    ),
    g(
        "customer-service",
        "customer-service",
        Msg::GroupCustomerService,
        Tiles,
        &[],
        &[],
        &[
            "customer-satisfaction",
            "customer-complaints",
            "complaint-resolution-rate",
            "complaint-response-time",
        ],
    ),
    g(
        "community",
        "community",
        Msg::GroupCommunity,
        Tiles,
        &[],
        &[],
        &["donations", "volunteer-hours"],
    ),
    g(
        "board",
        "board-diversity",
        Msg::GroupBoard,
        Board,
        &[],
        &[],
        &[
            "board-directors",
            "board-directors-share",
            "board-executive",
            "board-executive-share",
            "board-non-executive",
            "board-non-executive-share",
            "board-independent",
            "board-independent-share",
            "board-male",
            "board-male-share",
            "board-female",
            "board-female-share",
            "board-age-30-50",
            "board-age-30-50-share",
            "board-age-over-50",
            "board-age-over-50-share",
        ],
    ),
    g(
        "anti-corruption",
        "anti-corruption",
        Msg::GroupAntiCorruption,
        Tiles,
        &[],
        &[],
        &[
            "corruption-cases",
            "corruption-disciplinary-cases",
            "anti-corruption-training-share",
        ],
    ),
];

/// A group by id.
pub fn group(id: &str) -> Option<&'static Group> {
    GROUPS.iter().find(|g| g.id == id)
}

/// A pillar view's sections in the report's order, each with its groups in [`GROUPS`]
/// order: what the app's pillar view shows, and what the pre-rendered page opens a pillar
/// link on (its first group).
pub fn pillar_sections(
    report: &esg_data::Report,
    pillar: esg_data::Pillar,
) -> Vec<(&esg_data::Section, Vec<&'static Group>)> {
    report
        .sections
        .iter()
        .filter(|s| s.pillar == pillar)
        .map(|s| (s, GROUPS.iter().filter(|g| g.section == s.id).collect()))
        .collect()
}

/// The reported zeros among `ids`, named with their year ("Part-time employees (2022)"). A
/// zero in a stacked chart has no segment to show its "0" in, so the view says it in words
/// under the chart, as it does for figures not disclosed.
pub fn zeros(report: &esg_data::Report, ids: &[&str], lang: esg_data::Lang) -> Vec<String> {
    ids.iter()
        .filter_map(|id| report.kpi(id))
        .flat_map(|k| {
            k.values
                .iter()
                .filter(|v| v.value.decimal().is_some_and(|d| d.to_f64() == 0.0))
                .map(move |v| format!("{} ({})", k.metric.get(lang), v.year))
        })
        .collect()
}

/// Whether the per-employee measure changes anything on `view`: some chart there has a
/// per-employee twin. Where none has, the control is disabled and says why; a chart
/// without a twin on a view that has others says so under itself.
pub fn per_employee_applies(report: &esg_data::Report, view: crate::url::View) -> bool {
    let groups: Vec<&Group> = match (view, view.pillar()) {
        (crate::url::View::Overview, _) => group(OVERVIEW_GROUP).into_iter().collect(),
        (_, Some(p)) => pillar_sections(report, p).into_iter().flat_map(|(_, g)| g).collect(),
        _ => Vec::new(),
    };
    groups.iter().any(|g| g.has_per_employee_chart())
}

impl Group {
    /// Whether the group draws a chart with a per-employee twin.
    pub fn has_per_employee_chart(&self) -> bool {
        self.kind != Kind::Tiles && !self.per_employee.is_empty()
    }

    /// The KPIs the group's table lists: its own and, in its section's last group, every KPI
    /// of that section that no group lists. So a KPI a newer report adds is in a table (and
    /// in the data files) at once, before a developer charts it here.
    pub fn table_kpis<'r>(&self, report: &'r esg_data::Report) -> Vec<&'r str> {
        let mut ids: Vec<&'r str> = self.table.to_vec();
        let last = GROUPS.iter().rfind(|g| g.section == self.section).map(|g| g.id);
        if last == Some(self.id) {
            let listed = |id: &str| GROUPS.iter().any(|g| g.table.contains(&id));
            ids.extend(
                report
                    .kpis
                    .iter()
                    .filter(|k| k.section == self.section && !listed(&k.id))
                    .map(|k| k.id.as_str()),
            );
        }
        ids
    }

    /// The KPIs plotted for a measure, falling back to absolute when there is no twin.
    pub fn plotted(&self, measure: crate::url::Measure) -> &'static [&'static str] {
        match measure {
            crate::url::Measure::PerEmployee if !self.per_employee.is_empty() => self.per_employee,
            _ => self.chart,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn per_employee_applies_only_where_a_chart_has_an_intensity() {
        use crate::url::View;
        let r = esg_data::report_2022().expect("valid data");
        assert!(per_employee_applies(&r, View::Overview));
        assert!(per_employee_applies(&r, View::Environment));
        assert!(per_employee_applies(&r, View::Social));
        assert!(!per_employee_applies(&r, View::Governance));
        assert!(!per_employee_applies(&r, View::Board));
        // Mixed views: these charts say they are shown as totals.
        for id in ["recycled-waste", "workforce-gender", "turnover", "trained-rank"] {
            assert!(!group(id).unwrap().has_per_employee_chart(), "{id}");
        }
        assert!(group("ghg").unwrap().has_per_employee_chart());
    }

    #[test]
    fn reported_zeros_are_named_with_their_year() {
        let r = esg_data::report_2022().expect("valid data");
        let g = group("workforce-type").unwrap();
        assert_eq!(
            zeros(&r, g.chart, esg_data::Lang::En),
            ["Part-time employees (2021)", "Part-time employees (2022)"]
        );
        // Not disclosed is not zero.
        assert!(zeros(&r, group("suppliers-cities").unwrap().chart, esg_data::Lang::En).is_empty());
    }

    #[test]
    fn a_kpi_no_group_lists_joins_its_sections_last_table() {
        let r = esg_data::report_2022().expect("valid data");
        for g in GROUPS {
            assert_eq!(g.table_kpis(&r), g.table, "{}: the 2022 report adds nothing", g.id);
        }
        // The fictional 2023 report adds ghg-scope-3 to the GHG section, which no group lists.
        let merged = esg_data::reports::fixtures().merged;
        let ghg = group("ghg").expect("ghg");
        let ids = ghg.table_kpis(&merged);
        assert_eq!(ids.last(), Some(&"ghg-scope-3"), "{ids:?}");
        let tables: usize = GROUPS
            .iter()
            .map(|g| g.table_kpis(&merged).iter().filter(|id| **id == "ghg-scope-3").count())
            .sum();
        assert_eq!(tables, 1, "in exactly one table");
    }

    #[test]
    fn every_kpi_is_in_exactly_one_table_and_units_agree() {
        let r = esg_data::report_2022().expect("valid data");
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for g in GROUPS {
            assert!(r.section(g.section).is_some(), "{}: unknown section", g.id);
            for id in g.table {
                let k = r.kpi(id).unwrap_or_else(|| panic!("{}: unknown KPI {id}", g.id));
                assert_eq!(k.section, g.section, "{id} is not in section {}", g.section);
                assert!(seen.insert(id, g.id).is_none(), "{id} is in two groups");
            }
            for list in [g.chart, g.per_employee] {
                assert!(
                    list.iter().all(|id| g.table.contains(id)),
                    "{}: plotted KPI missing from table",
                    g.id
                );
                let units: Vec<&str> = list
                    .iter()
                    .filter_map(|id| r.kpi(id))
                    .map(|k| k.unit.as_str())
                    .collect();
                assert!(units.windows(2).all(|w| w[0] == w[1]), "{}: one chart, one unit", g.id);
            }
        }
        for k in &r.kpis {
            assert!(seen.contains_key(k.id.as_str()), "{} is in no group", k.id);
        }
        let mut ids: Vec<&str> = GROUPS.iter().map(|g| g.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), GROUPS.len());
    }
}

/// The overview's headline KPIs, in reading order. A total's tile also shows its
/// per-employee figure ([`crate::verdict`]): Scope 2's shows the GHG intensity, which is
/// therefore not a tile of its own.
pub const HEADLINE_KPIS: &[&str] = &[
    "employees",
    "employees-female",
    "training-hours",
    "turnover-rate",
    "ghg-scope-2",
    "electricity",
    "water",
    "non-hazardous-waste",
    "suppliers",
    "board-directors",
    "board-independent-share",
];

/// The overview's business figures (ids of the report's highlights).
pub const HEADLINE_HIGHLIGHTS: &[&str] = &[
    "registered-users",
    "licensed-physician-users",
    "share-of-china-licensed-physicians",
    "monthly-active-users",
];

/// The group drawn on the overview.
pub const OVERVIEW_GROUP: &str = "ghg";

/// KPIs whose id, label (either language) or HKEX code contains `query`, best first. The
/// Chinese name also matches a query in Simplified characters ([`crate::simplified`]).
/// Case is folded in ASCII only: the English names and codes have no other cased letter
/// (tested), and Unicode case tables would add ~4 KB gzip to the wasm for nothing.
pub fn search<'a>(report: &'a esg_data::Report, query: &str, limit: usize) -> Vec<&'a esg_data::Kpi> {
    let q = query.trim().to_ascii_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, &esg_data::Kpi)> = report
        .kpis
        .iter()
        .filter_map(|k| {
            let code = k.hkex.as_deref().unwrap_or("").to_ascii_lowercase();
            let rank = if code == q {
                0
            } else if crate::simplified::contains(&k.metric.zh, query.trim())
                || k.metric.en.to_ascii_lowercase().starts_with(&q)
            {
                1
            } else if k.metric.en.to_ascii_lowercase().contains(&q)
                || k.id.contains(&q)
                || (!code.is_empty() && code.starts_with(&q))
            {
                2
            } else {
                return None;
            };
            Some((rank, k))
        })
        .collect();
    hits.sort_by_key(|(r, _)| *r);
    hits.into_iter().take(limit).map(|(_, k)| k).collect()
}

#[cfg(test)]
mod search_tests {
    use super::*;

    #[test]
    fn finds_by_either_language_or_code() {
        let r = esg_data::report_2022().expect("data");
        let ids = |q: &str| search(&r, q, 50).into_iter().map(|k| k.id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids("範疇二")[0], "ghg-scope-2");
        assert_eq!(ids("scope 2")[0], "ghg-scope-2");
        assert!(ids("B5.1").contains(&"suppliers-beijing"));
        assert!(ids("b5.1").iter().all(|id| id.starts_with("suppliers")));
        assert!(ids("").is_empty());
        assert!(ids("zzzz").is_empty());
        assert_eq!(ids("A1.2")[0], "ghg-scope-1");
        for id in HEADLINE_KPIS {
            assert!(r.kpi(id).is_some(), "{id}");
        }
        for id in HEADLINE_HIGHLIGHTS {
            assert!(r.highlights.iter().any(|h| h.id == *id), "{id}");
        }
    }

    /// A reader typing Simplified characters finds exactly what the Traditional query finds.
    #[test]
    fn search_needs_no_unicode_case_folding() {
        let report = esg_data::report_2022().expect("data");
        for k in &report.kpis {
            for text in [k.metric.en.as_str(), k.hkex.as_deref().unwrap_or("")] {
                let odd: Vec<char> = text
                    .chars()
                    .filter(|c| !c.is_ascii() && (c.is_lowercase() || c.is_uppercase()))
                    .collect();
                assert!(odd.is_empty(), "{}: {odd:?} needs Unicode case folding in search", k.id);
            }
        }
        assert!(!search(&report, "scope 2", 3).is_empty());
        assert_eq!(
            search(&report, "SCOPE 2", 3).first().map(|k| k.id.as_str()),
            search(&report, "scope 2", 3).first().map(|k| k.id.as_str())
        );
    }

    #[test]
    fn simplified_queries_find_the_same_kpis() {
        let r = esg_data::report_2022().expect("data");
        let ids = |q: &str| {
            search(&r, q, usize::MAX)
                .into_iter()
                .map(|k| k.id.as_str())
                .collect::<Vec<_>>()
        };
        for (simplified, traditional) in [("温室", "溫室"), ("员工", "員工"), ("废弃物", "廢棄物")] {
            let want = ids(traditional);
            assert!(!want.is_empty(), "{traditional}");
            assert_eq!(ids(simplified), want, "{simplified}");
        }
        // Mixed scripts in one query, and an English one beside it.
        assert_eq!(ids("温室氣体"), ids("溫室氣體"));
        assert_eq!(ids("hazardous waste")[0], "hazardous-waste");
        assert_eq!(ids("有害废弃物")[0], "hazardous-waste");
    }
}
