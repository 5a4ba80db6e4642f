//! The explorer's components; each reads the page state from the `Nav` context.

pub mod actions;
pub mod board;
pub mod data_files;
pub mod embed;
pub mod group;
pub mod header;
pub mod highlights;
pub mod index;
pub mod issuer;
pub mod kpi;
pub mod materiality;
pub mod overview;
pub mod pillar;
pub mod print;
pub mod reveal;
pub mod search;
pub mod segmented;
pub mod source;
pub mod stakeholders;
pub mod table_scroll;
