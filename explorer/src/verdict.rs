//! The verdict a headline tile gives: which figure it judges, and how that figure moved.
//!
//! A total grows with the company. In 2022 headcount rose 20.5%, so purchased electricity
//! rose 11.6% while each employee used 7.4% less. The rule: where the report gives a KPI's
//! per-employee figure (its intensity), the tile judges the intensity and names it ("improved
//! per employee"); the total's change is shown beside it with no verdict and no colour. So a
//! total is never painted "worsened" while its intensity improved, and never "improved" while
//! its intensity worsened. Where the report has no such figure, or not for both years, the
//! total is judged, as before. Nothing is computed here that the report does not print: an
//! intensity is always the report's own figure, never a total divided by headcount.

use crate::i18n::Msg;
use esg_data::derive::{change, Change, Tone};
use esg_data::{Kpi, Report};

/// Each total with the report's own per-employee figure of it, `(total, per employee)`.
///
/// The same pairs as the per-employee view of the charts (`groups::GROUPS`' `per_employee`),
/// which a test checks. Scope 2 pairs with the report's Scope 1 and 2 intensity: the report
/// prints no Scope 2 intensity of its own, and Scope 1 is a reported 0 in both years (also
/// tested), so the two cover the same emissions. The tile names the intensity by its own
/// label, Scope 1 and 2 included.
pub const PER_EMPLOYEE: &[(&str, &str)] = &[
    ("ghg-scope-2", "ghg-per-capita"),
    ("hazardous-waste", "hazardous-waste-per-capita"),
    ("non-hazardous-waste", "non-hazardous-waste-per-capita"),
    ("electricity", "electricity-per-capita"),
    ("water", "water-per-capita"),
    ("training-hours-female", "training-hours-per-capita-female"),
    ("training-hours-male", "training-hours-per-capita-male"),
    ("training-hours-senior", "training-hours-per-capita-senior"),
    ("training-hours-middle", "training-hours-per-capita-middle"),
    ("training-hours-junior", "training-hours-per-capita-junior"),
];

/// The report's per-employee figure of the total `id`, if it prints one.
pub fn per_employee<'a>(report: &'a Report, id: &str) -> Option<&'a Kpi> {
    PER_EMPLOYEE
        .iter()
        .find(|(total, _)| *total == id)
        .and_then(|(_, twin)| report.kpi(twin))
}

/// Which figure a verdict judges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    Total,
    PerEmployee,
}

/// A headline tile's figures and their reading.
#[derive(Clone, Copy, Debug)]
pub struct Verdict<'a> {
    /// The total's change, when both years are disclosed.
    pub total: Option<Change>,
    /// The per-employee twin, if the report prints one.
    pub per_employee: Option<&'a Kpi>,
    /// The twin's change, when both its years are disclosed.
    pub per_employee_change: Option<Change>,
    /// The figure the verdict judges.
    pub basis: Basis,
    /// The verdict: the judged figure's reading ([`Tone::Neutral`] when nothing is judged).
    pub tone: Tone,
}

impl Verdict<'_> {
    /// The verdict's words, naming the figure judged when it is the intensity ("improved
    /// per employee"); `None` when there is no verdict (a neutral KPI, no change).
    pub fn word(&self) -> Option<Msg> {
        match (self.basis, self.tone) {
            (_, Tone::Neutral) => None,
            (Basis::Total, Tone::Good) => Some(Msg::Improved),
            (Basis::Total, Tone::Bad) => Some(Msg::Worsened),
            (Basis::PerEmployee, Tone::Good) => Some(Msg::ImprovedPerEmployee),
            (Basis::PerEmployee, Tone::Bad) => Some(Msg::WorsenedPerEmployee),
        }
    }

    /// How the total's change is shown: its own reading when it is judged, else neutral (a
    /// colour on a figure that is not judged would be a second, contradicting verdict).
    pub fn total_tone(&self) -> Tone {
        match (self.basis, self.total) {
            (Basis::Total, Some(c)) => c.tone,
            _ => Tone::Neutral,
        }
    }
}

/// The verdict for `kpi` between `from` and `to`: the intensity's, where the report prints
/// one for both years; else the total's.
pub fn verdict<'a>(report: &'a Report, kpi: &'a Kpi, from: u16, to: u16) -> Verdict<'a> {
    let total = change(kpi, from, to);
    let twin = per_employee(report, &kpi.id);
    let twin_change = twin.and_then(|t| change(t, from, to));
    let (basis, tone) = match (twin_change, total) {
        (Some(c), _) => (Basis::PerEmployee, c.tone),
        (None, Some(c)) => (Basis::Total, c.tone),
        (None, None) => (Basis::Total, Tone::Neutral),
    };
    Verdict {
        total,
        per_employee: twin,
        per_employee_change: twin_change,
        basis,
        tone,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::{GROUPS, HEADLINE_KPIS};
    use esg_data::{Direction, Lang};

    fn report() -> Report {
        esg_data::report_2022().expect("data")
    }

    /// One percent, to one place, as the tiles print it.
    fn pct(c: Option<Change>) -> Option<f64> {
        c.and_then(|c| c.pct).map(|p| (p * 10.0).round() / 10.0)
    }

    /// A tile: id, figure judged, verdict, total's % change, how the total's change is
    /// shown, the intensity's % change.
    type Expected = (&'static str, Basis, Tone, Option<f64>, Tone, Option<f64>);

    /// Every headline tile: the figure judged, the verdict, the total's percent change and
    /// the shown total's reading, and the intensity's percent change.
    #[test]
    fn every_headline_tile() {
        use Basis::*;
        use Tone::*;
        #[rustfmt::skip]
        let expected: &[Expected] = &[
            // id                         judged       verdict  total    shown    per employee
            ("employees",                 Total,       Neutral, Some(20.5),  Neutral, None),
            ("employees-female",          Total,       Neutral, Some(25.0),  Neutral, None),
            ("training-hours",            Total,       Good,    Some(267.2), Good,    None),
            ("turnover-rate",             Total,       Good,    Some(-10.1), Good,    None),
            ("ghg-scope-2",               PerEmployee, Good,    Some(0.5),   Neutral, Some(-16.4)),
            ("electricity",               PerEmployee, Good,    Some(11.6),  Neutral, Some(-7.4)),
            ("water",                     PerEmployee, Good,    Some(14.9),  Neutral, Some(-4.7)),
            ("non-hazardous-waste",       PerEmployee, Good,    Some(8.2),   Neutral, Some(-10.3)),
            ("suppliers",                 Total,       Neutral, Some(64.0),  Neutral, None),
            ("board-directors",           Total,       Neutral, None,        Neutral, None),
            ("board-independent-share",   Total,       Neutral, None,        Neutral, None),
        ];
        let r = report();
        let (from, to) = (2021, r.report.year);
        let ids: Vec<&str> = expected.iter().map(|e| e.0).collect();
        assert_eq!(
            ids, HEADLINE_KPIS,
            "every headline tile, in order, has its expected verdict"
        );
        for &(id, basis, tone, total_pct, shown, twin_pct) in expected {
            let k = r.kpi(id).unwrap_or_else(|| panic!("{id}"));
            let v = verdict(&r, k, from, to);
            assert_eq!(v.basis, basis, "{id}: judged figure");
            assert_eq!(v.tone, tone, "{id}: verdict");
            assert_eq!(pct(v.total), total_pct, "{id}: total's change");
            assert_eq!(v.total_tone(), shown, "{id}: how the total's change is shown");
            assert_eq!(pct(v.per_employee_change), twin_pct, "{id}: per employee");
            // The rule itself: a judged intensity decides, and the total never contradicts it.
            if let Some(c) = v.per_employee_change {
                assert_eq!(v.tone, c.tone, "{id}: the verdict is the intensity's");
                assert_eq!(v.total_tone(), Neutral, "{id}: the total carries no verdict");
            }
        }
    }

    /// The case the rule is for: a total that rose while its intensity fell is not "worsened".
    #[test]
    fn a_rising_total_with_a_falling_intensity_is_not_worsened() {
        let r = report();
        for id in ["electricity", "water", "ghg-scope-2", "non-hazardous-waste"] {
            let k = r.kpi(id).unwrap();
            let v = verdict(&r, k, 2021, 2022);
            assert_eq!(
                v.total.map(|c| c.tone),
                Some(Tone::Bad),
                "{id}: the total alone reads worse"
            );
            assert_ne!(v.tone, Tone::Bad, "{id}");
            assert_ne!(v.total_tone(), Tone::Bad, "{id}");
        }
        let v = verdict(&r, r.kpi("electricity").unwrap(), 2021, 2022);
        let word = |v: Verdict, lang| v.word().map(|m| m.text(lang));
        assert_eq!(word(v, Lang::En), Some("improved per employee"));
        assert_eq!(word(v, Lang::ZhHant), Some("人均改善"));
        let v = verdict(&r, r.kpi("turnover-rate").unwrap(), 2021, 2022);
        assert_eq!(word(v, Lang::En), Some("improved"));
        assert_eq!(
            word(verdict(&r, r.kpi("employees").unwrap(), 2021, 2022), Lang::En),
            None
        );
        // Without both years of the intensity, the total is judged.
        let k = r.kpi("electricity").unwrap();
        let v = verdict(&r, k, 2020, 2022);
        assert_eq!(
            (v.basis, v.tone, v.per_employee_change),
            (Basis::Total, Tone::Neutral, None)
        );
    }

    /// The pairs are the charts' per-employee view, both ways; each pairs a total with a
    /// figure the report names per employee (人均), in the same direction; Scope 1 is a
    /// reported zero in every year.
    #[test]
    fn pairs_are_the_reports_own_per_employee_figures() {
        let r = report();
        for &(total, twin) in PER_EMPLOYEE {
            let (t, p) = (r.kpi(total).unwrap(), r.kpi(twin).unwrap());
            let g = GROUPS.iter().find(|g| g.table.contains(&total)).unwrap();
            assert!(
                g.per_employee.contains(&twin),
                "{total}: {twin} is not its group's per-employee figure"
            );
            assert_eq!(t.better, p.better, "{total}");
            assert_ne!(t.better, Direction::Neutral, "{total}");
            assert!(p.metric.zh.contains("人均"), "{twin}: {}", p.metric.zh);
            assert!(!t.metric.zh.contains("人均"), "{total}: {}", t.metric.zh);
        }
        for g in GROUPS {
            for twin in g.per_employee {
                assert!(PER_EMPLOYEE.iter().any(|(_, p)| p == twin), "{twin} has no total");
            }
        }
        let scope_1 = r.kpi("ghg-scope-1").unwrap();
        assert!(scope_1
            .values
            .iter()
            .all(|v| v.value.decimal().is_some_and(|d| d.to_f64() == 0.0)));
        assert!(r.kpi("ghg-per-capita").unwrap().metric.en.contains("Scope 1 and 2"));
    }
}
