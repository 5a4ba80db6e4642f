//! Validates every report's data file and the set, and embeds their merge (`ESG_DATA_DIR`,
//! default `data/reports`): a file that breaks a rule fails the build here, with the same
//! messages as `esg-data validate`. Also builds every chart's
//! ECharts option ahead of time (`esg_explorer::prebuilt`), so the wasm only looks them up,
//! and hashes `embed/embed.js` for the embed snippet's `integrity` (`ESG_EMBED_JS_SRI`).
//! Reads the `ESG_REPORT_URL` setting (the header's link to the report itself), checked by
//! `esg_explorer::issuer::parse_report_url`: a bad value fails the build naming the rule;
//! the app reads the checked value as `ESG_REPORT_URL_CHECKED` (empty when unset); the same
//! for the site's public URL (`ESG_PUBLIC_URL`, `esg_explorer::site::PublicUrl`), which the
//! embed snippets name, as `ESG_PUBLIC_URL_CHECKED`.
//! Writes the sizes and row counts of the site's data files (`esg_data::package::files`,
//! which `esg-pages` writes into `dist/data/`) for the Data panel, so the wasm carries
//! numbers, not the files.

use esg_data::reports;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    // The reports folder: `ESG_DATA_DIR` (relative to the repository root), else
    // `data/reports`. Every `*.toml` in it is checked, then the set, then merged
    // (`esg_data::reports`); a file marked fictional stops the build unless
    // `ESG_ALLOW_FICTIONAL=1` (the test run's fixture build only).
    println!("cargo:rerun-if-env-changed={}", reports::DIR_SETTING);
    println!("cargo:rerun-if-env-changed={}", reports::ALLOW_FICTIONAL_SETTING);
    let shown = std::env::var(reports::DIR_SETTING)
        .ok()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| reports::DEFAULT_DIR.to_owned());
    let dir = root.join(&shown);
    // A folder: cargo reruns when any file in it changes.
    println!("cargo:rerun-if-changed={}", dir.display());
    let report = match reports::load_dir(&dir, &shown, reports::fictional_allowed_by_env()) {
        Ok(set) => set.merged,
        Err(issues) => fail(&issues.iter().map(|i| i.to_string()).collect::<Vec<_>>()),
    };
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("report.bin");
    let bytes = match esg_data::wire::to_bytes(&report) {
        Ok(b) => b,
        Err(e) => fail(&[format!("{shown}: cannot serialise: {e}")]),
    };
    if let Err(e) = std::fs::write(&out, bytes) {
        fail(&[format!("{}: cannot write: {e}", out.display())]);
    }
    let embed = root.join("embed/embed.js");
    println!("cargo:rerun-if-changed={}", embed.display());
    match std::fs::read(&embed) {
        Ok(bytes) => println!("cargo:rustc-env=ESG_EMBED_JS_SRI={}", sri(&bytes)),
        Err(e) => fail(&[format!("embed/embed.js: cannot read: {e}")]),
    }
    let setting = esg_explorer::issuer::REPORT_URL_SETTING;
    println!("cargo:rerun-if-env-changed={setting}");
    let report_url = match esg_explorer::issuer::parse_report_url(&std::env::var(setting).unwrap_or_default()) {
        Ok(url) => {
            println!(
                "cargo:rustc-env=ESG_REPORT_URL_CHECKED={}",
                url.clone().unwrap_or_default()
            );
            url
        }
        Err(e) => {
            eprintln!("\nA build setting is invalid; fix it before building:\n  {e}");
            println!("cargo:warning={e}");
            std::process::exit(1);
        }
    };
    // The site's public URL (`ESG_PUBLIC_URL`): the embed snippets name it.
    let setting = esg_explorer::site::PUBLIC_URL_SETTING;
    println!("cargo:rerun-if-env-changed={setting}");
    match esg_explorer::site::PublicUrl::parse(&std::env::var(setting).unwrap_or_default()) {
        Ok(url) => println!(
            "cargo:rustc-env=ESG_PUBLIC_URL_CHECKED={}",
            url.abs("").unwrap_or_default()
        ),
        Err(e) => {
            eprintln!("\nA build setting is invalid; fix it before building:\n  {e}");
            println!("cargo:warning={e}");
            std::process::exit(1);
        }
    }
    let files = out.with_file_name("data_files.rs");
    if let Err(e) = std::fs::write(&files, data_files(&report, report_url.as_deref())) {
        fail(&[format!("{}: cannot write: {e}", files.display())]);
    }
    let charts = out.with_file_name("charts.rs");
    if let Err(e) = std::fs::write(&charts, esg_explorer::prebuilt::rust_source(&report)) {
        fail(&[format!("{}: cannot write: {e}", charts.display())]);
    }
}

/// `FILES`: each data file's name, rows and size (`38.9 KB`, 1 KB = 1,000 bytes), as Rust.
fn data_files(report: &esg_data::Report, report_url: Option<&str>) -> String {
    let entries: String = esg_data::package::files(report, report_url)
        .iter()
        .map(|f| {
            let size = format!("{:.1} KB", f.content.len() as f64 / 1000.0);
            format!(
                "    DataFile {{ name: {:?}, rows: {}, bytes: {}, size: {size:?} }},\n",
                f.name,
                f.rows,
                f.content.len()
            )
        })
        .collect();
    format!("pub const FILES: &[DataFile] = &[\n{entries}];\n")
}

/// A Subresource Integrity value: `sha384-` and the base64 of the digest.
fn sri(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(bytes))
    )
}

fn fail(lines: &[String]) -> ! {
    eprintln!("\nThe ESG data file is invalid; fix it before building:");
    for l in lines {
        eprintln!("  {l}");
        println!("cargo:warning={l}");
    }
    std::process::exit(1);
}
