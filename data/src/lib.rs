//! `esg-data`: Medlive's ESG report datasets as a typed, validated model.
//!
//! The path of a number: `reports/<year>.toml` (transcribed from the report) → [`load`]
//! (structure and the report's own totals and ratios, see [`rules`]) → [`Report`] →
//! exports ([`export`]) and the app, which embeds the validated report at build time ([`wire`]).
//! Nothing here knows about the web.

pub mod decimal;
pub mod derive;
pub mod export;
pub mod issue;
pub mod load;
pub mod long;
pub mod model;
pub mod package;
pub mod read;
pub mod reports;
pub mod rules;
pub mod text;
pub mod units;
pub mod value;
pub mod wire;

pub use decimal::Decimal;
pub use issue::Issue;
pub use load::load;
pub use model::*;
pub use text::{Lang, Text};
pub use value::Value;

/// The 2022 report's data file, as shipped in this crate.
pub const REPORT_2022: &str = include_str!("../reports/2022.toml");
/// Its path relative to the repository root, for messages.
pub const REPORT_2022_PATH: &str = "data/reports/2022.toml";

/// The bundled 2022 report, checked.
pub fn report_2022() -> Result<Report, Vec<Issue>> {
    load(REPORT_2022_PATH, REPORT_2022)
}
