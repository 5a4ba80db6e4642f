//! The explorer's components; each reads the page state from the `Nav` context.

pub mod group;
pub mod header;
pub mod kpi;
pub mod overview;
pub mod pillar;
pub mod search;
