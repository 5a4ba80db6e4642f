//! The report as the app embeds it: postcard, a compact binary form of the same serde model.
//!
//! Why not JSON: the wasm then carries postcard's small reader instead of serde_json's
//! (~27 KB gzip less on every page's download) and reads the report in a fraction of the
//! time, when the reader's first interaction starts the app.
//!
//! Postcard writes fields by position, so every field must be written: the JSON exports
//! leave out an absent optional field (`skip_serializing_if` = [`omit_none`] /
//! [`omit_empty`]), and those predicates say "keep" while [`to_bytes`] runs.

use crate::Report;
use std::cell::Cell;

thread_local! {
    /// Set while [`to_bytes`] writes: no field is left out.
    static WRITING_WIRE: Cell<bool> = const { Cell::new(false) };
}

/// `skip_serializing_if` for an `Option`: absent in JSON, written in the wire form.
pub fn omit_none<T>(v: &Option<T>) -> bool {
    v.is_none() && !WRITING_WIRE.with(Cell::get)
}

/// `skip_serializing_if` for a `Vec`: absent in JSON when empty, written in the wire form.
pub fn omit_empty<T>(v: &[T]) -> bool {
    v.is_empty() && !WRITING_WIRE.with(Cell::get)
}

/// The report in the wire form (at build time, `app/build.rs`).
pub fn to_bytes(r: &Report) -> Result<Vec<u8>, String> {
    WRITING_WIRE.with(|w| w.set(true));
    let out = postcard::to_allocvec(r).map_err(|e| e.to_string());
    WRITING_WIRE.with(|w| w.set(false));
    out
}

/// The report back from [`to_bytes`]'s bytes (in the app).
pub fn from_bytes(bytes: &[u8]) -> Result<Report, String> {
    postcard::from_bytes(bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export;

    fn round_trip(r: &Report) {
        let bytes = to_bytes(r).expect("writes");
        let back = from_bytes(&bytes).expect("reads");
        // Report has no PartialEq: its JSON export names every field and value.
        assert_eq!(export::json(&back), export::json(r));
    }

    #[test]
    fn the_2022_report_comes_back_whole() {
        round_trip(&crate::report_2022().expect("2022 report"));
    }

    #[test]
    fn a_merged_set_with_restatements_comes_back_whole() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/reports");
        let set = crate::reports::load_dir(&dir, "tests/fixtures/reports", true).expect("fixtures load");
        assert!(!crate::reports::restatements(&set.merged).is_empty());
        round_trip(&set.merged);
    }

    #[test]
    fn json_still_leaves_out_absent_fields_after_a_wire_write() {
        let r = crate::report_2022().expect("2022 report");
        let before = export::json(&r);
        to_bytes(&r).expect("writes");
        // Byte for byte (the golden files hold this JSON): the wire write left nothing on.
        assert_eq!(export::json(&r), before);
    }
}
