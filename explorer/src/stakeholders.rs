//! The stakeholder communication map: the company at the centre, the eight groups around
//! it, each carrying its expectations and channels (as collapsed leaves; the view lists them
//! beside the chart).

use crate::charts::ChartSpec;
use crate::i18n::Msg;
use charming::element::{Tooltip, Trigger};
use charming::series::{Tree, TreeLayout, TreeNode};
use charming::Chart;
use esg_data::{Lang, Report, StakeholderItem};

fn leaf(i: &StakeholderItem, lang: Lang) -> TreeNode {
    let mark = if i.uncertain { " (?)" } else { "" };
    TreeNode {
        name: Some(format!("{}{mark}", i.text.get(lang))),
        value: None,
        collapsed: None,
        children: None,
    }
}

fn branch(name: String, children: Vec<TreeNode>) -> TreeNode {
    TreeNode {
        name: Some(name),
        value: None,
        collapsed: Some(true),
        children: Some(children),
    }
}

/// The map as a radial tree. Group nodes are named as in the data, so a click on one can be
/// matched back to its group.
pub fn map(report: &Report, lang: Lang) -> ChartSpec {
    let groups: Vec<TreeNode> = report
        .stakeholders
        .iter()
        .map(|s| {
            let exp = branch(
                Msg::Expectations.text(lang).into(),
                s.expectations.iter().map(|i| leaf(i, lang)).collect(),
            );
            let chan = branch(
                Msg::Channels.text(lang).into(),
                s.channels.iter().map(|i| leaf(i, lang)).collect(),
            );
            branch(s.name.get(lang).to_owned(), vec![exp, chan])
        })
        .collect();
    let root = TreeNode {
        name: Some(report.report.company.get(lang).to_owned()),
        value: None,
        collapsed: Some(false),
        children: Some(groups),
    };
    let chart = Chart::new()
        // A string formatter: the default tree tooltip writes inline `style` attributes.
        .tooltip(Tooltip::new().trigger(Trigger::Item).formatter("{b}"))
        .animation(false)
        .series(
            Tree::new()
                .layout(TreeLayout::Radial)
                .initial_tree_depth(1.0)
                .expand_and_collapse(false)
                .symbol_size(14.0)
                .top("18%")
                .bottom("18%")
                .left("25%")
                .right("25%")
                .data(vec![root]),
        );
    let names: Vec<&str> = report.stakeholders.iter().map(|s| s.name.get(lang)).collect();
    let description = Msg::StakeholderMapDescription.fill(
        lang,
        &[
            ("company", report.report.company.get(lang)),
            ("count", &names.len().to_string()),
            ("groups", &names.join(", ")),
        ],
    );
    ChartSpec {
        chart,
        labels: Vec::new(),
        description,
        height: 360,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn one_centre_eight_groups_and_every_item() {
        let r = esg_data::report_2022().expect("data");
        for lang in Lang::ALL {
            let v: Value = serde_json::from_str(&map(&r, lang).option_json()).expect("json");
            // Long names are cut with "…" rather than run off a phone screen.
            assert_eq!(v["series"][0]["label"]["overflow"], "truncate");
            let root = &v["series"][0]["data"][0];
            assert_eq!(root["name"], r.report.company.get(lang));
            let groups = root["children"].as_array().expect("groups");
            assert_eq!(groups.len(), 8);
            for (g, s) in groups.iter().zip(&r.stakeholders) {
                assert_eq!(g["name"], s.name.get(lang));
                let leaves = |i: usize| g["children"][i]["children"].as_array().map(|a| a.len()).unwrap_or(0);
                assert_eq!(leaves(0), s.expectations.len(), "{}", s.id);
                assert_eq!(leaves(1), s.channels.len(), "{}", s.id);
            }
            let all: usize = groups
                .iter()
                .map(|g| {
                    g["children"][0]["children"].as_array().unwrap().len()
                        + g["children"][1]["children"].as_array().unwrap().len()
                })
                .sum();
            let expected: usize = r
                .stakeholders
                .iter()
                .map(|s| s.expectations.len() + s.channels.len())
                .sum();
            assert_eq!(all, expected);
            assert_eq!(v["series"][0]["layout"], "radial");
        }
    }

    #[test]
    fn uncertain_items_are_marked() {
        let r = esg_data::report_2022().expect("data");
        let json = map(&r, Lang::ZhHant).option_json();
        assert!(json.contains("對標審查評估 (?)"), "uncertain channel is marked");
    }
}
