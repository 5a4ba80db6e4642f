//! The data CLI for the IR editor: `csv [--long]`, `board`, `json [--long]`, `datapackage`,
//! `validate PATH`.

use std::process::ExitCode;

const USAGE: &str = "usage: esg-data <csv [--long] | board | json [--long] | datapackage | validate PATH>
  csv            every KPI value of every year as CSV
  csv --long     the same rows with entity, period, status, source and notes
                 (the site's data/medlive-esg.csv)
  board          the board roster as CSV
  json           the whole dataset as JSON
  json --long    the long rows as JSON (the site's data/medlive-esg.json)
  datapackage    the Frictionless Data Package describing them (data/datapackage.json)
  validate PATH  check a data file (a regular UTF-8 file of at most 5 MB);
                 prints each broken rule and exits 1";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cmd = args.first().map(String::as_str);
    if cmd == Some("validate") {
        let Some(path) = args.get(1) else {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        };
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
        return match esg_data::load(path, &src) {
            Ok(r) => {
                println!(
                    "{path}: ok ({} KPIs, {} directors, {} acknowledged discrepancies)",
                    r.kpis.len(),
                    r.directors.len(),
                    r.discrepancies.len()
                );
                ExitCode::SUCCESS
            }
            Err(issues) => {
                for i in &issues {
                    println!("{i}");
                }
                eprintln!("{path}: {} broken rule(s)", issues.len());
                ExitCode::FAILURE
            }
        };
    }
    let report = match esg_data::report_2022() {
        Ok(r) => r,
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
