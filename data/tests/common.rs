//! Shared helpers for the dataset tests.
#![allow(dead_code)]

use esg_data::{Issue, Report};

pub fn report() -> Report {
    match esg_data::report_2022() {
        Ok(r) => r,
        Err(issues) => panic!("the bundled report fails validation:\n{}", lines(&issues)),
    }
}

pub fn lines(issues: &[Issue]) -> String {
    issues.iter().map(|i| i.to_string()).collect::<Vec<_>>().join("\n")
}

/// The bundled data file with one exact piece of text replaced (which must occur once).
pub fn edited(from: &str, to: &str) -> String {
    let src = esg_data::REPORT_2022;
    assert_eq!(
        src.matches(from).count(),
        1,
        "`{from}` must occur exactly once in the data file"
    );
    src.replacen(from, to, 1)
}

/// Loads an edited data file and returns its issues (it must fail).
pub fn issues_of(src: &str) -> Vec<Issue> {
    match esg_data::load("test.toml", src) {
        Ok(_) => panic!("the edited file should fail validation"),
        Err(i) => i,
    }
}
