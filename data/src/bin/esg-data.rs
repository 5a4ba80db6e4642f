//! The data CLI for the IR editor: `csv [--long]`, `board`, `json [--long]`, `datapackage`,
//! `restatements`, `validate PATH`.
//!
//! Every output command reads the reports folder (`--data DIR`, else `ESG_DATA_DIR`, else
//! this checkout's `data/reports`), checks each file and the set as the build does
//! (`esg_data::reports`), and prints the merged dataset: with the 2022 report alone, exactly
//! what it printed before there were several reports.

use esg_data::reports::{self, Set};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str =
    "usage: esg-data [--data DIR] <csv [--long] | board | json [--long] | datapackage | restatements | validate PATH>
  csv            every KPI value of every year as CSV
  csv --long     the same rows with entity, period, status, source and notes
                 (the site's data/medlive-esg.csv)
  board          the board roster as CSV (the newest report's)
  json           the whole dataset as JSON
  json --long    the long rows as JSON (the site's data/medlive-esg.json)
  datapackage    the Frictionless Data Package describing them (data/datapackage.json)
  restatements   every figure a later report restated, as CSV
  validate PATH  check a data file (a regular UTF-8 file of at most 5 MB), or a folder of
                 them (each file, then the set); prints each broken rule and exits 1
  --data DIR     the reports folder (default: ESG_DATA_DIR, else data/reports);
                 a file marked fictional is refused unless ESG_ALLOW_FICTIONAL=1";

/// This checkout's reports folder, and its name in messages.
const BUNDLED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/reports");

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir: Option<String> = None;
    if let Some(i) = args.iter().position(|a| a == "--data") {
        if i + 1 >= args.len() {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        dir = Some(args.remove(i + 1));
        args.remove(i);
    }
    let cmd = args.first().map(String::as_str);
    if cmd == Some("validate") {
        return match args.get(1) {
            Some(path) if args.len() == 2 => validate(path),
            _ => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        };
    }
    let dir = dir.or_else(|| std::env::var(reports::DIR_SETTING).ok().filter(|d| !d.is_empty()));
    let (path, shown) = match &dir {
        Some(d) => (PathBuf::from(d), d.clone()),
        None => (PathBuf::from(BUNDLED), reports::DEFAULT_DIR.to_owned()),
    };
    let report = match reports::load_dir(&path, &shown, reports::fictional_allowed_by_env()) {
        Ok(set) => set.merged,
        Err(issues) => {
            for i in &issues {
                eprintln!("{i}");
            }
            return ExitCode::FAILURE;
        }
    };
    let flag = args.get(1).map(String::as_str);
    if args.len() > 2 || (flag.is_some() && flag != Some("--long")) {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let long = flag == Some("--long");
    let out = match (cmd, long) {
        (Some("csv"), false) => esg_data::export::kpi_csv(&report),
        (Some("csv"), true) => esg_data::long::csv(&report),
        (Some("board"), false) => esg_data::export::board_csv(&report),
        (Some("json"), false) => esg_data::export::json(&report) + "\n",
        (Some("json"), true) => esg_data::long::json(&report),
        (Some("restatements"), false) => esg_data::export::restatements_csv(&report),
        // Without the report's URL: that is a build setting of the site.
        (Some("datapackage"), false) => esg_data::package::files(&report, None)
            .into_iter()
            .find(|f| f.name == esg_data::package::PACKAGE)
            .map(|f| f.content)
            .unwrap_or_default(),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    print!("{out}");
    ExitCode::SUCCESS
}

/// `validate PATH`: a folder (each file, then the set) or one file.
fn validate(path: &str) -> ExitCode {
    if Path::new(path).is_dir() {
        return match reports::load_dir(Path::new(path), path, reports::fictional_allowed_by_env()) {
            Ok(Set { reports, merged }) => {
                for l in &reports {
                    println!("{}: ok ({})", l.file, counts(&l.report));
                }
                let years = merged.report.years();
                println!(
                    "{path}: ok ({} report(s), years {}, {} KPIs, {} restated figure(s))",
                    reports.len(),
                    years.iter().map(u16::to_string).collect::<Vec<_>>().join(", "),
                    merged.kpis.len(),
                    reports::restatements(&merged).len()
                );
                ExitCode::SUCCESS
            }
            Err(issues) => broken(path, &issues),
        };
    }
    // A regular file of at most 5 MB in UTF-8 (see `esg_data::read`); like a broken rule,
    // the reason is one `PATH: …` line on stdout, the summary on stderr.
    let src = match esg_data::read::read_data_file(path) {
        Ok(s) => s,
        Err(line) => {
            println!("{line}");
            eprintln!("{path}: cannot read it as a data file, no rule checked");
            return ExitCode::FAILURE;
        }
    };
    match esg_data::load(path, &src) {
        Ok(r) => {
            println!("{path}: ok ({})", counts(&r));
            ExitCode::SUCCESS
        }
        Err(issues) => broken(path, &issues),
    }
}

fn counts(r: &esg_data::Report) -> String {
    format!(
        "{} KPIs, {} directors, {} acknowledged discrepancies",
        r.kpis.len(),
        r.directors.len(),
        r.discrepancies.len()
    )
}

fn broken(path: &str, issues: &[esg_data::Issue]) -> ExitCode {
    for i in issues {
        println!("{i}");
    }
    eprintln!("{path}: {} broken rule(s)", issues.len());
    ExitCode::FAILURE
}
