//! A broken rule found in a data file, worded for the IR editor who must fix it.

use std::fmt;

/// One problem in a data file: where (file, KPI, year), which rule, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub file: String,
    /// The KPI (or other record) concerned, if any.
    pub kpi: Option<String>,
    pub year: Option<u16>,
    /// A stable rule id, e.g. `sum:employees-by-gender` or `unit-known`.
    pub rule: String,
    pub message: String,
}

impl Issue {
    pub fn new(file: &str, rule: impl Into<String>, message: impl Into<String>) -> Self {
        Issue {
            file: file.to_owned(),
            kpi: None,
            year: None,
            rule: rule.into(),
            message: message.into(),
        }
    }

    pub fn kpi(mut self, id: &str) -> Self {
        self.kpi = Some(id.to_owned());
        self
    }

    pub fn year(mut self, year: u16) -> Self {
        self.year = Some(year);
        self
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `FILE: kpi `ID`, year YEAR: rule `RULE`: message`, leaving out what does not apply;
        // every line starts with `FILE: ` so an editor can jump to the file.
        write!(f, "{}", self.file)?;
        match (&self.kpi, self.year) {
            (Some(k), Some(y)) => write!(f, ": kpi `{k}`, year {y}")?,
            (Some(k), None) => write!(f, ": kpi `{k}`")?,
            (None, Some(y)) => write!(f, ": year {y}")?,
            (None, None) => {}
        }
        write!(f, ": rule `{}`: {}", self.rule, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_starts_with_the_file() {
        let i = Issue::new("f.toml", "r", "m");
        assert_eq!(i.to_string(), "f.toml: rule `r`: m");
        assert_eq!(i.clone().kpi("k").to_string(), "f.toml: kpi `k`: rule `r`: m");
        assert_eq!(i.clone().year(2021).to_string(), "f.toml: year 2021: rule `r`: m");
        assert_eq!(
            i.kpi("k").year(2021).to_string(),
            "f.toml: kpi `k`, year 2021: rule `r`: m"
        );
    }
}
