//! Trunk post-build hook (see Trunk.toml), in two steps:
//! - `esg-prerender --charts` prints every prebuilt chart as JSON for
//!   `scripts/chart-svgs.mjs`, which draws them as static SVGs next to `index.html`;
//! - `esg-prerender PATH` (trunk's `$TRUNK_STAGING_DIR/index.html`) writes the pre-rendered
//!   first view into it and moves trunk's start-up onto the boot script
//!   (`esg_explorer::boot`), naming the SVG directory found next to it.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: esg-prerender --charts | esg-prerender PATH/TO/index.html");
        return ExitCode::from(2);
    };
    let report = match esg_data::report_2022() {
        Ok(r) => r,
        Err(issues) => {
            for i in issues {
                eprintln!("{i}");
            }
            return ExitCode::FAILURE;
        }
    };
    if path == "--charts" {
        println!("{}", esg_explorer::prebuilt::json_list(&report));
        return ExitCode::SUCCESS;
    }
    match rewrite(&path, &report) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("esg-prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes the pre-rendered page into `index` and moves trunk's start-up onto boot.js.
fn rewrite(index: &str, report: &esg_data::Report) -> Result<(), String> {
    let dir = svg_dir(index)?;
    let html = std::fs::read_to_string(index).map_err(|e| format!("{index}: {e}"))?;
    let html = esg_explorer::prerender::apply(&html, report, esg_data::Lang::ZhHant, &format!("{dir}/"))?;
    let (html, _) = esg_explorer::boot::apply(&html, &dir)?;
    std::fs::write(index, html).map_err(|e| format!("{index}: {e}"))
}

/// The one chart-picture directory next to `index` (written by `scripts/chart-svgs.mjs`).
fn svg_dir(index: &str) -> Result<String, String> {
    let parent = Path::new(index).parent().unwrap_or(Path::new("."));
    let entries = std::fs::read_dir(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    let dirs: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| esg_explorer::boot::is_svg_dir(n))
        .collect();
    match dirs.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(format!(
            "{}: no charts-<hash>/ directory: run `esg-prerender --charts | node scripts/chart-svgs.mjs DIR` first",
            parent.display()
        )),
        _ => Err(format!(
            "{}: more than one charts-<hash>/ directory: {dirs:?}",
            parent.display()
        )),
    }
}
