//! Sorting a KPI table by its report-year value or by its change.
//!
//! Sorting means something only when the rows can be compared: the same unit (people with
//! people, tCO₂e with tCO₂e). A table that mixes units keeps the report's order and offers
//! no sort. Rows without a figure (not disclosed, or no change because a year is missing)
//! go last in either direction: they are not small numbers.

use esg_data::derive::change;
use esg_data::Kpi;
use std::cmp::Ordering;

/// The column a table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// The report year's figure.
    Value,
    /// The change from the comparative year (in the table's one unit).
    Change,
}

/// A table's order: the report's, or by a column, largest first or smallest first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    #[default]
    Report,
    Descending(SortKey),
    Ascending(SortKey),
}

impl Order {
    /// The next order when the reader presses `key`'s header: largest first, then smallest
    /// first, then back to the report's order.
    pub fn next(self, key: SortKey) -> Order {
        match self {
            Order::Descending(k) if k == key => Order::Ascending(key),
            Order::Ascending(k) if k == key => Order::Report,
            _ => Order::Descending(key),
        }
    }

    /// The order a header's `aria-sort` value says, for the column `key`.
    pub fn from_aria_sort(key: SortKey, aria_sort: Option<&str>) -> Order {
        match aria_sort {
            Some("descending") => Order::Descending(key),
            Some("ascending") => Order::Ascending(key),
            _ => Order::Report,
        }
    }

    /// The `aria-sort` value of `key`'s header, if the table is sorted by it.
    pub fn aria_sort(self, key: SortKey) -> Option<&'static str> {
        match self {
            Order::Descending(k) if k == key => Some("descending"),
            Order::Ascending(k) if k == key => Some("ascending"),
            _ => None,
        }
    }
}

/// Whether the rows can be sorted: at least two, all in one unit.
pub fn sortable(kpis: &[&Kpi]) -> bool {
    kpis.len() > 1 && kpis.iter().all(|k| k.unit == kpis[0].unit)
}

/// The figure a row is sorted by, if it has one.
fn key_of(k: &Kpi, key: SortKey, from: u16, to: u16) -> Option<f64> {
    match key {
        SortKey::Value => k.decimal(to).map(|d| d.to_f64()),
        SortKey::Change => change(k, from, to).map(|c| c.abs),
    }
}

/// Row indices in `order`; ties and rows without a figure keep the report's order, the
/// latter at the end.
pub fn arrange(kpis: &[&Kpi], order: Order, from: u16, to: u16) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..kpis.len()).collect();
    let (key, descending) = match order {
        Order::Report => return idx,
        Order::Descending(k) => (k, true),
        Order::Ascending(k) => (k, false),
    };
    // Each row's key once, not once per comparison.
    let keys: Vec<Option<f64>> = kpis.iter().map(|k| key_of(k, key, from, to)).collect();
    let cmp = |a: usize, b: usize| match (keys[a], keys[b]) {
        (Some(x), Some(y)) => {
            let o = x.partial_cmp(&y).unwrap_or(Ordering::Equal);
            if descending {
                o.reverse()
            } else {
                o
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    // An insertion sort: stable, and a table has at most a few dozen rows (the standard
    // library's sort adds kilobytes to the wasm).
    for i in 1..idx.len() {
        let mut j = i;
        while j > 0 && cmp(idx[j - 1], idx[j]) == Ordering::Greater {
            idx.swap(j - 1, j);
            j -= 1;
        }
    }
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use esg_data::Report;

    fn report() -> Report {
        esg_data::report_2022().expect("data")
    }

    #[test]
    fn pressing_a_header_cycles_largest_smallest_report() {
        let o = Order::Report.next(SortKey::Value);
        assert_eq!(o, Order::Descending(SortKey::Value));
        assert_eq!(o.aria_sort(SortKey::Value), Some("descending"));
        assert_eq!(o.aria_sort(SortKey::Change), None);
        let o = o.next(SortKey::Value);
        assert_eq!(o.aria_sort(SortKey::Value), Some("ascending"));
        assert_eq!(o.next(SortKey::Value), Order::Report);
        // Another column starts at largest first.
        assert_eq!(o.next(SortKey::Change), Order::Descending(SortKey::Change));
        // The header's attribute reads back as the order.
        for o in [
            Order::Descending(SortKey::Change),
            Order::Ascending(SortKey::Change),
            Order::Report,
        ] {
            assert_eq!(Order::from_aria_sort(SortKey::Change, o.aria_sort(SortKey::Change)), o);
        }
    }

    #[test]
    fn only_one_unit_tables_sort() {
        let r = report();
        let people: Vec<&Kpi> = r.kpis.iter().filter(|k| k.unit == "人").take(3).collect();
        assert_eq!(people.len(), 3);
        assert!(sortable(&people));
        let other = r.kpis.iter().find(|k| k.unit != "人").unwrap();
        assert!(!sortable(&[people[0], other]));
        assert!(!sortable(&people[..1]));
    }

    #[test]
    fn sorts_by_value_and_change_with_missing_figures_last() {
        let r = report();
        let (from, to) = (2021, 2022);
        // Every KPI in one unit that has a 2022 figure, plus one without, in report order.
        let unit = "人";
        let rows: Vec<&Kpi> = r.kpis.iter().filter(|k| k.unit == unit).collect();
        assert!(rows.len() > 3);
        let missing = rows.iter().position(|k| k.decimal(from).is_none());
        let v = |i: usize| rows[i].decimal(to).map(|d| d.to_f64());
        let down = arrange(&rows, Order::Descending(SortKey::Value), from, to);
        let figures: Vec<f64> = down.iter().filter_map(|&i| v(i)).collect();
        assert!(figures.windows(2).all(|w| w[0] >= w[1]), "descending: {figures:?}");
        let up = arrange(&rows, Order::Ascending(SortKey::Value), from, to);
        let figures: Vec<f64> = up.iter().filter_map(|&i| v(i)).collect();
        assert!(figures.windows(2).all(|w| w[0] <= w[1]), "ascending: {figures:?}");
        // By change: rows without a comparative have no change and go last both ways.
        if let Some(m) = missing {
            for o in [Order::Descending(SortKey::Change), Order::Ascending(SortKey::Change)] {
                let a = arrange(&rows, o, from, to);
                let first_none = a.iter().position(|&i| change(rows[i], from, to).is_none()).unwrap();
                assert!(a[first_none..].iter().all(|&i| change(rows[i], from, to).is_none()));
                assert!(a.contains(&m));
            }
        }
        assert_eq!(
            arrange(&rows, Order::Report, from, to),
            (0..rows.len()).collect::<Vec<_>>()
        );
    }
}
