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
        write!(f, "{}", self.file)?;
        if let Some(k) = &self.kpi {
            write!(f, ": kpi `{k}`")?;
        }
        if let Some(y) = self.year {
            write!(f, ", year {y}")?;
        }
        write!(f, ": rule `{}`: {}", self.rule, self.message)
    }
}
