//! Board composition on a date, and the Hong Kong listing rules an investor checks.
//!
//! Rules cited (Main Board Listing Rules, The Stock Exchange of Hong Kong):
//! 3.10(1) at least three independent non-executive directors; 3.10A independent
//! non-executive directors at least one-third of the board; 13.92 the Exchange does not
//! regard a board of a single gender as diverse. Only rules the roster can answer are checked
//! (3.10(2), an INED with accounting expertise, needs facts the report does not give).

use crate::url::BoardDate;
use esg_data::{Director, Gender, Report, Role};

/// Counts on one date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Composition {
    pub directors: usize,
    pub executive: usize,
    /// Non-executive, not independent.
    pub non_executive: usize,
    pub independent: usize,
    pub female: usize,
    pub male: usize,
    pub age_30_50: usize,
    pub age_over_50: usize,
}

/// The ISO date a board view shows.
pub fn date(report: &Report, when: BoardDate) -> &str {
    match when {
        BoardDate::PeriodEnd => &report.report.board_as_of,
        BoardDate::AfterChange => &report.report.board_change,
    }
}

/// Where a director of the roster stands on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// On the board that day.
    Serving,
    /// Appointed after that day: not yet a director, not a removed one (shown plainly, with
    /// the appointment date, never struck through).
    NotYetAppointed,
    /// Left the board on or before that day (struck through, with the date).
    Ceased,
}

/// Where `d` stands on `date` (ISO; dates compare as text).
pub fn standing(d: &Director, date: &str) -> Standing {
    if d.serves_on(date) {
        Standing::Serving
    } else if d.appointed.as_deref().is_some_and(|a| a > date) {
        Standing::NotYetAppointed
    } else {
        Standing::Ceased
    }
}

pub fn composition(report: &Report, date: &str) -> Composition {
    let on: Vec<&Director> = report.board_on(date).collect();
    let n = |f: &dyn Fn(&Director) -> bool| on.iter().filter(|d| f(d)).count();
    Composition {
        directors: on.len(),
        executive: n(&|d| d.role == Role::Executive),
        non_executive: n(&|d| d.role == Role::NonExecutive),
        independent: n(&|d| d.role == Role::IndependentNonExecutive),
        female: n(&|d| d.gender == Gender::Female),
        male: n(&|d| d.gender == Gender::Male),
        age_30_50: n(&|d| (30..=50).contains(&d.age)),
        age_over_50: n(&|d| d.age > 50),
    }
}

/// One listing-rule check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleCheck {
    /// e.g. "3.10(1)".
    pub rule: &'static str,
    pub passes: bool,
    pub kind: RuleKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    AtLeastThreeIneds,
    InedsOneThird,
    NotSingleGender,
}

pub fn listing_rules(c: &Composition) -> [RuleCheck; 3] {
    [
        RuleCheck {
            rule: "3.10(1)",
            passes: c.independent >= 3,
            kind: RuleKind::AtLeastThreeIneds,
        },
        RuleCheck {
            rule: "3.10A",
            passes: c.directors > 0 && 3 * c.independent >= c.directors,
            kind: RuleKind::InedsOneThird,
        },
        RuleCheck {
            rule: "13.92",
            passes: c.female > 0 && c.male > 0,
            kind: RuleKind::NotSingleGender,
        },
    ]
}

/// Whether the composition on the period-end date equals the report's board-diversity table
/// (counts), so the view can say "matches the report".
pub fn matches_report(report: &Report, c: &Composition) -> bool {
    let year = report.report.year;
    let get = |id: &str| {
        report
            .kpi(id)
            .and_then(|k| k.decimal(year))
            .map(|d| d.to_f64() as usize)
    };
    get("board-directors") == Some(c.directors)
        && get("board-executive") == Some(c.executive)
        && get("board-non-executive") == Some(c.non_executive + c.independent)
        && get("board-independent") == Some(c.independent)
        && get("board-male") == Some(c.male)
        && get("board-female") == Some(c.female)
        && get("board-age-30-50") == Some(c.age_30_50)
        && get("board-age-over-50") == Some(c.age_over_50)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        esg_data::report_2022().expect("data")
    }

    #[test]
    fn period_end_matches_the_diversity_table() {
        let r = report();
        let c = composition(&r, date(&r, BoardDate::PeriodEnd));
        assert_eq!(
            c,
            Composition {
                directors: 9,
                executive: 4,
                non_executive: 2,
                independent: 3,
                female: 3,
                male: 6,
                age_30_50: 4,
                age_over_50: 5
            }
        );
        assert!(matches_report(&r, &c));
    }

    #[test]
    fn the_change_swaps_exactly_one_seat() {
        let r = report();
        let before: Vec<&str> = r
            .board_on(date(&r, BoardDate::PeriodEnd))
            .map(|d| d.name.zh.as_str())
            .collect();
        let after: Vec<&str> = r
            .board_on(date(&r, BoardDate::AfterChange))
            .map(|d| d.name.zh.as_str())
            .collect();
        let left: Vec<_> = before.iter().filter(|n| !after.contains(n)).collect();
        let joined: Vec<_> = after.iter().filter(|n| !before.contains(n)).collect();
        assert_eq!(left, [&"李卓霖"]);
        assert_eq!(joined, [&"金色一賢"]);
        let c = composition(&r, date(&r, BoardDate::AfterChange));
        assert_eq!((c.directors, c.age_30_50, c.age_over_50), (9, 4, 5));
        assert!(!matches_report(&r, &Composition { age_30_50: 3, ..c }));
    }

    /// On 31 Dec 2022 the director appointed on 14 Apr 2023 is not yet one (not a removed
    /// one); from 14 Apr 2023 the one whose resignation took effect that day has left.
    #[test]
    fn a_later_appointee_is_not_yet_appointed_not_removed() {
        let r = report();
        let who = |name: &str| r.directors.iter().find(|d| d.name.zh == name).unwrap();
        let (end, change) = (date(&r, BoardDate::PeriodEnd), date(&r, BoardDate::AfterChange));
        assert_eq!(standing(who("金色一賢"), end), Standing::NotYetAppointed);
        assert_eq!(standing(who("金色一賢"), change), Standing::Serving);
        assert_eq!(standing(who("李卓霖"), end), Standing::Serving);
        assert_eq!(standing(who("李卓霖"), change), Standing::Ceased);
        assert_eq!(who("金色一賢").appointed.as_deref(), Some("2023-04-14"));
        for d in &r.directors {
            let s = standing(d, end);
            assert_eq!(s == Standing::Serving, d.serves_on(end), "{}", d.name.zh);
            assert_ne!(
                s,
                Standing::Ceased,
                "{}: nobody had left by the period's end",
                d.name.zh
            );
        }
    }

    #[test]
    fn listing_rules_on_both_dates_and_when_broken() {
        let r = report();
        for when in [BoardDate::PeriodEnd, BoardDate::AfterChange] {
            let c = composition(&r, date(&r, when));
            assert!(listing_rules(&c).iter().all(|x| x.passes), "{when:?}");
        }
        let weak = Composition {
            directors: 10,
            independent: 3,
            female: 0,
            male: 10,
            ..Default::default()
        };
        let checks = listing_rules(&weak);
        assert!(checks[0].passes);
        assert!(!checks[1].passes, "3 of 10 is less than one third");
        assert!(!checks[2].passes, "single-gender board");
        assert!(
            !listing_rules(&Composition {
                directors: 6,
                independent: 2,
                female: 1,
                male: 5,
                ..Default::default()
            })[0]
                .passes
        );
    }
}
