//! Reading a data file from disk, before [`load`](crate::load) sees its text.
//!
//! `esg-data validate PATH` takes a path from a person, so it can name anything: a symbolic
//! link to `/dev/zero` (endless), a directory, a FIFO (opening it waits for a writer), a
//! 2 GB export, or the data file saved by Windows Notepad as UTF-16. `read_to_string` would
//! grow until memory runs out, block, or say only "stream did not contain valid UTF-8".
//! [`read_data_file`] turns each of these into one line for the IR editor, `<file>: <what>`,
//! like the rules' messages:
//!
//! - only a regular file is read; symbolic links are followed, so a link to a regular file is
//!   fine and a link to a device, directory or FIFO is refused (checked before opening, so a
//!   FIFO is never opened, and again on the opened file);
//! - at most [`MAX_BYTES`] (5 MB; the 2022 file is about 86 KB), checked from the metadata
//!   before reading and enforced while reading (`Read::take`), so a file that grows, or
//!   reports a wrong size as `/proc` files do, cannot get past it;
//! - UTF-16 (a byte-order mark `FF FE` or `FE FF`, or many NUL bytes) is named as such;
//!   other invalid UTF-8 is reported with the byte offset and line of the first bad byte;
//! - a UTF-8 byte-order mark (`EF BB BF`) at the very start is accepted and stripped: Windows
//!   Notepad may write one, it says nothing in a UTF-8 file, and refusing it would only make
//!   the editor hunt for an invisible character. (The TOML parser would skip it too; the
//!   decision is made here so it does not depend on the parser.) A byte-order mark anywhere
//!   else is left in and is a TOML syntax error.

use std::fs::{self, File, Metadata};
use std::io::Read;
use std::path::Path;

/// The largest data file read, in bytes (5 MB).
pub const MAX_BYTES: u64 = 5_000_000;

/// How many leading bytes are looked at for NUL bytes (UTF-16 without a byte-order mark).
const NUL_SAMPLE: usize = 4096;

/// Reads the data file at `path` as text, without a leading UTF-8 byte-order mark.
///
/// The error is one line, `<path>: <what>` (the path as given), for printing as is.
pub fn read_data_file(path: impl AsRef<Path>) -> Result<String, String> {
    read_with_limit(path.as_ref(), MAX_BYTES)
}

fn read_with_limit(path: &Path, limit: u64) -> Result<String, String> {
    let name = path.display().to_string();
    let cannot = |e: std::io::Error| format!("{name}: cannot read: {e}");
    // Follows symbolic links. Before opening: opening a FIFO would wait for a writer.
    let meta = fs::metadata(path).map_err(cannot)?;
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    check(&name, &meta, is_link, limit)?;
    let file = File::open(path).map_err(cannot)?;
    // The same on what was opened, in case the path was replaced in between.
    check(&name, &file.metadata().map_err(cannot)?, is_link, limit)?;
    let bytes = read_capped(&name, file, limit)?;
    decode(&name, bytes)
}

/// A regular file of at most `limit` bytes (by its metadata).
fn check(name: &str, meta: &Metadata, is_link: bool, limit: u64) -> Result<(), String> {
    if !meta.is_file() {
        let what = kind(meta);
        let what = if is_link {
            format!("a symbolic link to {what}")
        } else {
            what.to_owned()
        };
        return Err(format!(
            "{name}: not a regular file but {what}; a data file must be a regular file"
        ));
    }
    if meta.len() > limit {
        return Err(format!(
            "{name}: too large: {} bytes, the limit is {}",
            meta.len(),
            limit_text(limit)
        ));
    }
    Ok(())
}

/// What a file that is not a regular file is, for a message.
fn kind(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "neither a file nor a directory"
}

fn limit_text(limit: u64) -> String {
    if limit % 1_000_000 == 0 {
        format!("{limit} bytes ({} MB)", limit / 1_000_000)
    } else {
        format!("{limit} bytes")
    }
}

/// Reads at most `limit` bytes; one more means the file is too large, whatever its metadata said.
fn read_capped(name: &str, reader: impl Read, limit: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: cannot read: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "{name}: too large: more than {limit} bytes (the file grew while being read or reports a wrong size), the limit is {}",
            limit_text(limit)
        ));
    }
    Ok(bytes)
}

/// The bytes as UTF-8 text, without a leading byte-order mark; UTF-16 and other encodings
/// are refused with where and why.
fn decode(name: &str, mut bytes: Vec<u8>) -> Result<String, String> {
    let utf16 = |why: String| format!("{name}: looks like UTF-16 ({why}); save it as UTF-8");
    match bytes.get(..2) {
        Some([0xFF, 0xFE]) => return Err(utf16("it starts with the little-endian byte-order mark FF FE".into())),
        Some([0xFE, 0xFF]) => return Err(utf16("it starts with the big-endian byte-order mark FE FF".into())),
        _ => {}
    }
    // UTF-16 without a byte-order mark: text that is mostly ASCII has a NUL in every other
    // byte. A stray NUL or two is left to the TOML parser, which names its line.
    let sample = &bytes[..bytes.len().min(NUL_SAMPLE)];
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    if nuls >= 2 && nuls * 4 >= sample.len() {
        return Err(utf16(format!("{nuls} of its first {} bytes are NUL", sample.len())));
    }
    if let Err(e) = std::str::from_utf8(&bytes) {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        let what = match e.error_len() {
            Some(_) => format!("byte 0x{:02X}", bytes[at]),
            None => "a character cut off at the end of the file".to_owned(),
        };
        return Err(format!(
            "{name}: not valid UTF-8 at byte offset {at} (line {line}): {what}; a data file must be UTF-8"
        ));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    Ok(String::from_utf8(bytes).expect("checked above"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_utf8_bom_is_stripped_and_one_elsewhere_kept() {
        assert_eq!(decode("f", b"\xEF\xBB\xBFa = 1\n".to_vec()), Ok("a = 1\n".to_owned()));
        assert_eq!(decode("f", b"a\xEF\xBB\xBF".to_vec()), Ok("a\u{feff}".to_owned()));
        assert_eq!(decode("f", Vec::new()), Ok(String::new()));
    }

    #[test]
    fn utf16_is_named() {
        let le: Vec<u8> = "\u{feff}a = 1\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "\u{feff}a = 1\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        let no_bom: Vec<u8> = "a = 1\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        for (bytes, says) in [
            (le, "little-endian byte-order mark FF FE"),
            (be, "big-endian byte-order mark FE FF"),
            (no_bom, "6 of its first 12 bytes are NUL"),
        ] {
            let e = decode("f.toml", bytes).expect_err("utf-16");
            assert!(e.starts_with("f.toml: looks like UTF-16 ("), "{e}");
            assert!(e.contains(says) && e.ends_with("; save it as UTF-8"), "{e}");
        }
        // One NUL is not UTF-16 (the TOML parser reports it).
        assert!(decode("f", b"a = 1\0\n".to_vec()).is_ok());
    }

    #[test]
    fn invalid_utf8_names_the_byte_offset_and_line() {
        assert_eq!(
            decode("f.toml", b"a = 1\nb = \"\xC2\xE5\"\n".to_vec()),
            Err("f.toml: not valid UTF-8 at byte offset 11 (line 2): byte 0xC2; a data file must be UTF-8".into())
        );
        assert_eq!(
            decode("f.toml", b"a = \"\xE4\xB8".to_vec()),
            Err("f.toml: not valid UTF-8 at byte offset 5 (line 1): a character cut off at the end of the file; a data file must be UTF-8".into())
        );
    }

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        // An endless reader: without the cap this would never return.
        let e = read_capped("f", std::io::repeat(b'a'), 10).expect_err("too large");
        assert_eq!(
            e,
            "f: too large: more than 10 bytes (the file grew while being read or reports a wrong size), the limit is 10 bytes"
        );
        assert_eq!(read_capped("f", &b"0123456789"[..], 10), Ok(b"0123456789".to_vec()));
    }

    #[test]
    fn the_limit_is_checked_from_the_metadata() {
        let path = std::env::temp_dir().join(format!("esg-read-{}.toml", std::process::id()));
        std::fs::write(&path, "a = 12345\n").expect("write");
        let small = read_with_limit(&path, 9);
        let fits = read_with_limit(&path, 10);
        let _ = std::fs::remove_file(&path);
        assert_eq!(
            small,
            Err(format!("{}: too large: 10 bytes, the limit is 9 bytes", path.display()))
        );
        assert_eq!(fits, Ok("a = 12345\n".to_owned()));
        assert_eq!(limit_text(MAX_BYTES), "5000000 bytes (5 MB)");
    }
}
