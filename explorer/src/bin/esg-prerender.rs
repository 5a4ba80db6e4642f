//! Trunk post-build hook: writes the pre-rendered first view into the staged `index.html`
//! and moves trunk's start-up onto the boot script (`esg_explorer::boot`).
//! `esg-prerender PATH` (trunk passes `$TRUNK_STAGING_DIR/index.html`).

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: esg-prerender PATH/TO/index.html");
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
    let result = std::fs::read_to_string(&path)
        .map_err(|e| format!("{path}: {e}"))
        .and_then(|html| esg_explorer::prerender::apply(&html, &report, esg_data::Lang::ZhHant))
        .and_then(|html| esg_explorer::boot::apply(&html).map(|(html, _)| html))
        .and_then(|out| std::fs::write(&path, out).map_err(|e| format!("{path}: {e}")));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("esg-prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
