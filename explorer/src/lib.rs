//! `esg-explorer`: everything the explorer decides, as pure functions tested natively.
//!
//! The app crate only wires these into Leptos components and the ECharts renderer:
//! [`url`] (the typed query string), [`i18n`] (every UI string in both languages),
//! [`format`] (numbers and units as the report prints them), [`groups`] (which KPIs
//! form each chart, and the KPI search), [`simplified`] (Simplified-Chinese queries against
//! the Traditional names), [`charts`] (ECharts options built with charming), [`tokens`]
//! (the colours shared by CSS and charts), [`verdict`] (which figure a headline tile judges).

pub mod board;
pub mod boot;
#[cfg(feature = "charts")]
pub mod charts;
pub mod content_index;
pub mod embed;
pub mod format;
pub mod groups;
pub mod i18n;
pub mod issuer;
pub mod pages;
pub mod prebuilt;
pub mod simplified;
pub mod site;
pub mod stakeholders;
pub mod table_sort;
pub mod tokens;
pub mod url;
pub mod verdict;

pub use esg_data;
