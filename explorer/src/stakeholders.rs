//! The stakeholder communication map, decided here and drawn by the app's components as
//! HTML and SVG (`app/src/components/stakeholders.rs`): the same markup is the static page
//! and the live map, so there is no picture to drift from it and nothing to load.
//!
//! The company sits in the centre cell of a 3 × 3 grid and the eight groups of the report's
//! table fill the cells around it in the report's order, row by row (the order a keyboard
//! and a screen reader meet them). A narrow map (a phone's, under 24 rem) puts the company on top and
//! the groups in two columns under it, so that no name is cut or squeezed. Each group shows
//! its name in full and its numbers of expectations and channels, as figures and as that
//! many marks. A spoke joins each group to the company.
//!
//! No group × channel matrix: in the report every channel serves one group but one
//! (「定期拜訪」, under government and clients, the government one an uncertain reading), so
//! the matrix would be a diagonal of 29 columns. What groups share is named in each group's
//! detail instead ([`shared_with`]).

use crate::i18n::Msg;
use esg_data::{Lang, Report, Stakeholder, StakeholderItem};

/// The group chosen by a link's `group=` (already a well-formed id, `url::is_id`), if the
/// report has it; an unknown id chooses none.
pub fn chosen<'a>(report: &'a Report, id: Option<&str>) -> Option<&'a Stakeholder> {
    let id = id?;
    report.stakeholders.iter().find(|s| s.id == id)
}

/// The map's grid cell of the `i`-th group, as (column, row) from 1 in the 3 × 3 map: the
/// cells around the centre, row by row (the centre, (2, 2), is the company's). `None` past
/// the eighth group (such a group would follow in rows of its own).
pub fn cell(i: usize) -> Option<(u8, u8)> {
    const CELLS: [(u8, u8); 8] = [(1, 1), (2, 1), (3, 1), (1, 2), (3, 2), (1, 3), (2, 3), (3, 3)];
    CELLS.get(i).copied()
}

/// What a screen reader hears for the map as a whole.
pub fn description(report: &Report, lang: Lang) -> String {
    let names: Vec<&str> = report.stakeholders.iter().map(|s| s.name.get(lang)).collect();
    Msg::StakeholderMapDescription.fill(
        lang,
        &[
            ("company", report.report.company.get(lang)),
            ("count", &names.len().to_string()),
            ("groups", &names.join(", ")),
        ],
    )
}

/// The other groups whose list has the same item (by its Chinese text, which prevails):
/// 「誠信合規經營」 is expected by government, clients and shareholders.
pub fn shared_with<'a>(
    report: &'a Report,
    group: &Stakeholder,
    item: &StakeholderItem,
    channels: bool,
) -> Vec<&'a Stakeholder> {
    report
        .stakeholders
        .iter()
        .filter(|s| s.id != group.id)
        .filter(|s| {
            let list = if channels { &s.channels } else { &s.expectations };
            list.iter().any(|i| i.text.zh == item.text.zh)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        esg_data::report_2022().expect("data")
    }

    #[test]
    fn eight_groups_around_the_centre_each_in_a_cell_of_its_own() {
        let r = report();
        assert_eq!(r.stakeholders.len(), 8);
        let cells: Vec<(u8, u8)> = (0..r.stakeholders.len()).map(|i| cell(i).expect("cell")).collect();
        let mut unique = cells.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 8, "no two groups share a cell");
        assert!(!cells.contains(&(2, 2)), "the centre is the company's");
        assert!(cells.iter().all(|&(c, r)| (1..=3).contains(&c) && (1..=3).contains(&r)));
        // Row by row, as CSS grid auto-placement around the company fills them.
        let mut sorted = cells.clone();
        sorted.sort_by_key(|&(c, r)| (r, c));
        assert_eq!(cells, sorted);
        assert_eq!(cell(8), None);
    }

    #[test]
    fn a_link_chooses_a_group_the_report_has_or_none() {
        let r = report();
        assert_eq!(
            chosen(&r, Some("clients")).map(|s| s.name.en.as_str()),
            Some("Customers")
        );
        for bad in ["", "client", "Clients", "doctors ", "nobody"] {
            assert!(chosen(&r, Some(bad)).is_none(), "{bad:?}");
        }
        assert!(chosen(&r, None).is_none());
    }

    #[test]
    fn the_description_names_the_company_and_every_group() {
        let r = report();
        for lang in Lang::ALL {
            let d = description(&r, lang);
            assert!(d.contains(r.report.company.get(lang)), "{d}");
            assert!(d.contains('8'), "{d}");
            for s in &r.stakeholders {
                assert!(d.contains(s.name.get(lang)), "{d}");
            }
        }
    }

    #[test]
    fn shared_items_are_named_from_the_data() {
        let r = report();
        let by = |id: &str| r.stakeholders.iter().find(|s| s.id == id).expect(id);
        let gov = by("government-regulators");
        let integrity = gov
            .expectations
            .iter()
            .find(|i| i.text.zh == "誠信合規經營")
            .expect("item");
        let ids: Vec<&str> = shared_with(&r, gov, integrity, false)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(ids, ["clients", "shareholders"]);
        let visits = gov.channels.iter().find(|i| i.text.zh == "定期拜訪").expect("item");
        let ids: Vec<&str> = shared_with(&r, gov, visits, true)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(ids, ["clients"]);
        // An expectation is not matched against channels.
        let doctors = by("doctors");
        assert!(doctors
            .expectations
            .iter()
            .all(|i| shared_with(&r, doctors, i, false).is_empty()));
        // Across the report, only those two items are shared.
        let shared: usize = r
            .stakeholders
            .iter()
            .map(|s| {
                s.expectations
                    .iter()
                    .filter(|i| !shared_with(&r, s, i, false).is_empty())
                    .count()
                    + s.channels
                        .iter()
                        .filter(|i| !shared_with(&r, s, i, true).is_empty())
                        .count()
            })
            .sum();
        assert_eq!(shared, 5, "誠信合規經營 ×3, 定期拜訪 ×2");
    }
}
