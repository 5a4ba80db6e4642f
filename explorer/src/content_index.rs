//! The HKEX content index (附錄三) against the dataset: which KPI codes have figures here.

use esg_data::{HkexItem, HkexKind, HkexStatus, Kpi, Report};

/// KPIs of the dataset that answer `code`.
pub fn kpis_for<'a>(report: &'a Report, code: &str) -> Vec<&'a Kpi> {
    report.kpis.iter().filter(|k| k.hkex.as_deref() == Some(code)).collect()
}

/// How the index's KPI codes stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Coverage {
    /// Reported, with figures in the dataset.
    pub with_data: usize,
    /// Reported in the narrative only (no figure in the dataset).
    pub narrative: usize,
    pub not_applicable: usize,
}

pub fn coverage(report: &Report) -> Coverage {
    let mut c = Coverage::default();
    for i in report
        .hkex_aspects
        .iter()
        .flat_map(|a| &a.items)
        .filter(|i| i.kind == HkexKind::Kpi)
    {
        match (i.status, kpis_for(report, &i.code).is_empty()) {
            (HkexStatus::NotApplicable, _) => c.not_applicable += 1,
            (HkexStatus::Reported, false) => c.with_data += 1,
            (HkexStatus::Reported, true) => c.narrative += 1,
        }
    }
    c
}

/// Items whose link should open the explorer on a KPI.
pub fn linked(report: &Report, item: &HkexItem) -> Option<String> {
    kpis_for(report, &item.code).first().map(|k| k.id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_adds_up_and_links_resolve() {
        let r = esg_data::report_2022().expect("data");
        let c = coverage(&r);
        assert_eq!(c.with_data + c.narrative + c.not_applicable, 36);
        assert_eq!(c.with_data, 16);
        assert_eq!(c.not_applicable, 5);
        for i in r.hkex_aspects.iter().flat_map(|a| &a.items) {
            if let Some(id) = linked(&r, i) {
                assert!(r.kpi(&id).is_some(), "{} links to {id}", i.code);
            }
        }
    }
}
