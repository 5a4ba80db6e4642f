//! The report, embedded at build time (validated by `build.rs`) and read once; and every
//! chart's key, height and description, built by `build.rs` (`esg_explorer::prebuilt`).

use esg_data::Report;
use std::sync::OnceLock;

/// The merged report in its compact binary form (`esg_data::wire`).
const WIRE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/report.bin"));

/// The report, or why it could not be read (never expected: the build checked it).
pub fn report() -> Result<&'static Report, &'static str> {
    static R: OnceLock<Result<Report, String>> = OnceLock::new();
    R.get_or_init(|| esg_data::wire::from_bytes(WIRE))
        .as_ref()
        .map_err(|e| e.as_str())
}

/// A file of the site's `data/` folder, as the Data panel lists it (`build.rs` measures
/// `esg_data::package::files`, the same bytes `esg-pages` writes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DataFile {
    /// Its name in `data/`.
    pub name: &'static str,
    /// Data rows (0: not a table).
    pub rows: usize,
    pub bytes: usize,
    /// `38.9 KB`.
    pub size: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/data_files.rs"));

mod prebuilt {
    include!(concat!(env!("OUT_DIR"), "/charts.rs"));
}

/// A prebuilt chart. Its ECharts option is not here: the live chart reads it from the
/// options file fetched with ECharts (`crate::echart`), the build from [`option_json`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Chart {
    /// The lookup key (`name/variant/lang/theme`), also the path of its static picture.
    pub key: &'static str,
    /// Height in px (width follows the container).
    pub height: u32,
    /// What the chart shows, for screen readers (the container's `aria-label`).
    pub label: &'static str,
}

/// Every prebuilt chart, in key order.
pub fn charts() -> impl Iterator<Item = Chart> {
    prebuilt::CHARTS
        .iter()
        .map(|&(key, height, label)| Chart { key, height, label })
}

/// The chart `key` (`esg_explorer::prebuilt::key`).
pub fn chart(key: &str) -> Option<Chart> {
    let i = prebuilt::CHARTS.binary_search_by(|(k, ..)| (*k).cmp(key)).ok()?;
    let (key, height, label) = prebuilt::CHARTS[i];
    Some(Chart { key, height, label })
}

/// The ECharts option of chart `key` as JSON (host only: the build's pictures and options file).
#[cfg(not(target_arch = "wasm32"))]
pub fn option_json(key: &str) -> Option<&'static str> {
    let i = prebuilt::CHARTS.binary_search_by(|(k, ..)| (*k).cmp(key)).ok()?;
    prebuilt::OPTIONS.get(i).copied()
}
