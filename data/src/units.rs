//! The units the report prints, with their English renderings.
//!
//! A data file names a unit by the report's own Chinese text; a unit missing from this
//! catalogue is a data error, so every unit shown to a reader has both languages.

use crate::text::Lang;

/// One printed unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    /// As printed in the report (`噸二氧化碳當量`).
    pub zh: &'static str,
    /// English rendering (`tCO₂e`).
    pub en: &'static str,
    /// Whether the report's figures in this unit are exact counts (people, cases,
    /// suppliers), as opposed to rounded measurements: sums of counts must match exactly.
    pub exact: bool,
    /// A percentage: bounded by 0 and 100.
    pub percent: bool,
}

const fn count(zh: &'static str, en: &'static str) -> Unit {
    Unit {
        zh,
        en,
        exact: true,
        percent: false,
    }
}

const fn measure(zh: &'static str, en: &'static str) -> Unit {
    Unit {
        zh,
        en,
        exact: false,
        percent: false,
    }
}

/// Every unit used by the reports.
pub const UNITS: &[Unit] = &[
    measure("噸二氧化碳當量", "tCO₂e"),
    measure("噸二氧化碳當量/人", "tCO₂e per employee"),
    measure("噸", "tonnes"),
    measure("千克/人", "kg per employee"),
    measure("兆瓦時", "MWh"),
    measure("兆瓦時/人", "MWh per employee"),
    measure("噸/人", "tonnes per employee"),
    Unit {
        zh: "%",
        en: "%",
        exact: false,
        percent: true,
    },
    count("人", "people"),
    count("人次", "attendances"),
    count("件", "cases"),
    count("家", "suppliers"),
    count("日", "days"),
    measure("小時", "hours"),
    measure("分鐘", "minutes"),
    measure("萬元", "RMB 10,000"),
    measure("元", "RMB"),
];

/// Looks a printed unit up.
pub fn unit(zh: &str) -> Option<&'static Unit> {
    UNITS.iter().find(|u| u.zh == zh)
}

impl Unit {
    /// The unit in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::ZhHant => self.zh,
            Lang::En => self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_unique_and_bilingual() {
        for (i, u) in UNITS.iter().enumerate() {
            assert!(!u.zh.is_empty() && !u.en.is_empty());
            assert!(UNITS[i + 1..].iter().all(|v| v.zh != u.zh), "duplicate unit {}", u.zh);
        }
        assert_eq!(unit("萬元").map(|u| u.en), Some("RMB 10,000"));
        assert!(unit("kg").is_none());
    }
}
