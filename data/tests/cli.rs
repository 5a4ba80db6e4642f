//! The data CLI's outputs, exactly.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn run(args: &[&str]) -> (String, bool) {
    run_env(args, &[])
}

/// Runs the CLI with only the given data settings (the caller's own are removed).
fn run_env(args: &[&str], env: &[(&str, &str)]) -> (String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_esg-data"))
        .args(args)
        .env_remove("ESG_DATA_DIR")
        .env_remove("ESG_ALLOW_FICTIONAL")
        .envs(env.iter().copied())
        .output()
        .expect("run esg-data");
    (String::from_utf8(out.stdout).expect("utf-8"), out.status.success())
}

#[test]
fn csv_has_the_agreed_header_and_rows() {
    let (csv, ok) = run(&["csv"]);
    assert!(ok);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "year,pillar,section,id,metric_zh,metric_en,unit,value,hkex_kpi"
    );
    assert_eq!(rows.len(), 1 + 89 + 89 + 16);
    for expected in [
        "2021,E,ghg-emissions,ghg-scope-2,間接溫室氣體排放量（範疇二）,Indirect GHG emissions (Scope 2),噸二氧化碳當量,67.396,A1.2",
        "2022,E,energy,electricity,外購電力消耗量,Purchased electricity,兆瓦時,129.480,A2.1",
        "2022,S,training,trained-female,女性員工受訓人數,Female employees trained,人,380,B3.1",
        "2021,S,training,training-cost,培訓費用總支出,Training expenditure,萬元,,",
        "2022,S,community,volunteer-hours,員工志願服務總時長,Employee volunteering hours,小時,378.50,B8.2",
        "2022,G,board-diversity,board-independent-share,獨立非執行董事佔比,\"Independent non-executive directors, share of board\",%,33.33,",
    ] {
        assert!(rows.contains(&expected), "missing row: {expected}");
    }
    assert!(
        rows.iter().all(|r| !r.starts_with("2021,G,board")),
        "the board table has no 2021 column"
    );
}

#[test]
fn board_csv_is_the_roster() {
    let (csv, ok) = run(&["board"]);
    assert!(ok);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "name_zh,name_en,gender,age,role,appointed,ceased");
    assert_eq!(rows.len(), 11);
    assert!(rows.contains(&"田立平,Tian Liping,female,56,executive,,"));
    assert!(rows.contains(&"王珊,Wang Shan,female,49,independent-non-executive,,"));
    assert!(rows
        .iter()
        .any(|r| r.starts_with("李卓霖,") && r.ends_with(",40,non-executive,,2023-04-14")));
    assert!(rows
        .iter()
        .any(|r| r.starts_with("金色一賢,") && r.ends_with(",45,non-executive,2023-04-14,")));
}

#[test]
fn validate_reports_broken_rules_and_fails() {
    let dir = std::env::temp_dir().join(format!("esg-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let bad = dir.join("bad.toml");
    let src = esg_data::REPORT_2022.replacen("2022 = \"67.758\"", "2022 = \"sixty\"", 1);
    std::fs::write(&bad, src).expect("write");
    let (out, ok) = run(&["validate", bad.to_str().expect("path")]);
    assert!(!ok);
    assert!(
        out.contains("kpi `ghg-scope-2`, year 2022: rule `number-as-printed`"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
    let good = format!("{}/reports/2022.toml", env!("CARGO_MANIFEST_DIR"));
    let (out, ok) = run(&["validate", &good]);
    assert!(ok, "{out}");
}

#[test]
fn json_round_trips() {
    let (json, ok) = run(&["json"]);
    assert!(ok);
    let r: esg_data::Report = serde_json::from_str(&json).expect("json");
    assert_eq!(r.kpis.len(), 105);
    assert_eq!(
        r.kpi("electricity")
            .and_then(|k| k.decimal(2021))
            .map(|d| d.to_string()),
        Some("116.000".into())
    );
}

// ------------------------------------------------------------------ validate: files that are not a data file

/// A directory of its own under the temp dir, removed when dropped (also when a test fails).
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("esg-cli-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `esg-data validate PATH`: exit code and stdout. Fails if it takes 2 s or more (and then
/// kills it: the old reader of a link to `/dev/zero` would otherwise run until out of memory).
fn validate(path: &Path) -> (Option<i32>, String) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_esg-data"))
        .env_remove("ESG_DATA_DIR")
        .env_remove("ESG_ALLOW_FICTIONAL")
        .arg("validate")
        .arg(path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run esg-data");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        stdout.read_to_end(&mut out).map(|_| out)
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() >= Duration::from_secs(2) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{}: still running after 2 s", path.display());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let took = start.elapsed();
    let out = reader.join().expect("reader").expect("read stdout");
    let out = String::from_utf8(out).expect("utf-8");
    eprintln!("{}: {took:?}", path.display());
    (status.code(), out)
}

/// Refused: exit 1 and one line on stdout, `PATH: …` containing `says`.
fn assert_refused(path: &Path, says: &str) -> String {
    let (code, out) = validate(path);
    let line = out.trim_end();
    assert_eq!(code, Some(1), "{}: {out}", path.display());
    assert!(!line.is_empty() && !line.contains('\n'), "one line: {out}");
    assert!(line.starts_with(&format!("{}: ", path.display())), "{out}");
    assert!(line.contains(says), "want `{says}`: {out}");
    line.to_owned()
}

#[cfg(unix)]
#[test]
fn validate_refuses_a_symlink_to_dev_zero() {
    let tmp = TempDir::new("dev-zero");
    let link = tmp.0.join("zero.toml");
    std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
    let line = assert_refused(&link, "not a regular file");
    assert!(line.contains("a symbolic link to a character device"), "{line}");
}

#[cfg(unix)]
#[test]
fn validate_refuses_a_fifo_without_waiting_for_a_writer() {
    let tmp = TempDir::new("fifo");
    let fifo = tmp.0.join("fifo.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("run mkfifo");
    assert!(made.success());
    assert_refused(&fifo, "not a regular file but a FIFO");
}

#[test]
fn validate_refuses_a_folder_without_reports() {
    let tmp = TempDir::new("directory");
    assert_refused(&tmp.0, "rule `reports-folder`: no report file");
}

#[test]
fn validate_refuses_a_file_over_5_mb() {
    let tmp = TempDir::new("large");
    let mut src = esg_data::REPORT_2022.as_bytes().to_vec();
    src.resize(6_000_000, b'\n');
    let big = tmp.file("big.toml", &src);
    assert_refused(&big, "too large: 6000000 bytes, the limit is 5000000 bytes (5 MB)");
}

#[test]
fn validate_names_utf16() {
    let tmp = TempDir::new("utf16");
    let mut src = vec![0xFF, 0xFE];
    src.extend(esg_data::REPORT_2022.encode_utf16().flat_map(u16::to_le_bytes));
    let utf16 = tmp.file("utf16.toml", &src);
    assert_refused(&utf16, "looks like UTF-16");
}

#[test]
fn validate_names_the_offset_of_invalid_utf8() {
    let tmp = TempDir::new("latin1");
    // A comment line `# café` half-way through the data file.
    let mut src = esg_data::REPORT_2022.to_owned();
    let middle = src[..src.len() / 2].rfind('\n').expect("a line") + 1;
    src.insert_str(middle, "# caf\u{e9}\n");
    let at = middle + "# caf".len();
    let line = 1 + src[..at].matches('\n').count();
    // é in Latin-1: the one byte E9, not followed by UTF-8 continuation bytes.
    let mut bytes = src.into_bytes();
    bytes.splice(at..at + 2, [0xE9]);
    let latin1 = tmp.file("latin1.toml", &bytes);
    assert_refused(
        &latin1,
        &format!("not valid UTF-8 at byte offset {at} (line {line}): byte 0xE9; a data file must be UTF-8"),
    );
}

#[test]
fn validate_accepts_a_utf8_bom_and_a_symlink_to_the_file() {
    let tmp = TempDir::new("bom");
    let real = format!("{}/reports/2022.toml", env!("CARGO_MANIFEST_DIR"));
    let mut src = b"\xEF\xBB\xBF".to_vec();
    src.extend(std::fs::read(real).expect("read the data file"));
    let bom = tmp.file("bom.toml", &src);
    let (code, out) = validate(&bom);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.starts_with(&format!("{}: ok (", bom.display())), "{out}");
    #[cfg(unix)]
    {
        let link = tmp.0.join("link.toml");
        std::os::unix::fs::symlink(&bom, &link).expect("symlink");
        let (code, out) = validate(&link);
        assert_eq!(code, Some(0), "{out}");
    }
}

/// `esg-data csv` and `esg-data board` are read by other tools: their output is pinned to
/// files taken from the CLI before the long format existed (`tests/golden/`). A change
/// here must be a deliberate data correction, visible as a diff of those files.
#[test]
fn csv_and_board_output_is_pinned() {
    for (cmd, golden) in [("csv", "kpi.csv"), ("board", "board.csv")] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(golden);
        let want = std::fs::read_to_string(&path).expect("golden file");
        let (got, ok) = run(&[cmd]);
        assert!(ok, "esg-data {cmd} failed");
        assert!(got == want, "esg-data {cmd} differs from tests/golden/{golden}");
    }
}

/// `csv --long` is the site's `data/medlive-esg.csv`, the same function's bytes.
#[test]
fn long_csv_is_the_sites_file() {
    let (csv, ok) = run(&["csv", "--long"]);
    assert!(ok);
    let r = esg_data::report_2022().expect("loads");
    assert_eq!(csv, esg_data::long::csv(&r));
    assert!(csv.starts_with("entity,year,period_end,pillar,section,kpi_id,"));
    let (json, ok) = run(&["json", "--long"]);
    assert!(ok);
    assert_eq!(json, esg_data::long::json(&r));
    let (_, ok) = run(&["csv", "--wide"]);
    assert!(!ok, "an unknown flag is refused");
    let (_, ok) = run(&["board", "--long"]);
    assert!(!ok, "board has no long form");
}

// ------------------------------------------------------------------ several reports

/// The fixture folder: the real 2022 report and a fictional 2023 one (see its header).
fn fixtures() -> String {
    format!("{}/../tests/fixtures/reports", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn validate_checks_a_folder_and_refuses_fictional_data_without_the_flag() {
    let dir = fixtures();
    let (out, ok) = run_env(&["validate", &dir], &[]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("2023.toml: rule `fictional`") && out.contains("ESG_ALLOW_FICTIONAL=1"),
        "{out}"
    );
    let (out, ok) = run_env(&["validate", &dir], &[("ESG_ALLOW_FICTIONAL", "1")]);
    assert!(ok, "{out}");
    assert!(
        out.contains("2022.toml: ok (") && out.contains("2023.toml: ok ("),
        "{out}"
    );
    assert!(
        out.contains("ok (2 report(s), years 2021, 2022, 2023, 106 KPIs, 3 restated figure(s))"),
        "{out}"
    );
    let real = format!("{}/reports", env!("CARGO_MANIFEST_DIR"));
    let (out, ok) = run_env(&["validate", &real], &[]);
    assert!(ok, "{out}");
}

#[test]
fn csv_covers_every_year_of_every_report() {
    let dir = fixtures();
    let allow = [("ESG_ALLOW_FICTIONAL", "1")];
    let (csv, ok) = run_env(&["--data", &dir, "csv"], &allow);
    assert!(ok, "{csv}");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "year,pillar,section,id,metric_zh,metric_en,unit,value,hkex_kpi"
    );
    for expected in [
        // 2021 from the 2022 report, 2022 as the 2023 report restates it, 2023 its own.
        "2021,E,ghg-emissions,ghg-scope-2,間接溫室氣體排放量（範疇二）,Indirect GHG emissions (Scope 2),噸二氧化碳當量,67.396,A1.2",
        "2022,E,ghg-emissions,ghg-scope-2,間接溫室氣體排放量（範疇二）,Indirect GHG emissions (Scope 2),噸二氧化碳當量,67.900,A1.2",
        "2023,E,ghg-emissions,ghg-scope-2,間接溫室氣體排放量（範疇二）,Indirect GHG emissions (Scope 2),噸二氧化碳當量,67.758,A1.2",
        "2022,S,workforce,employees-mainland,中國大陸員工數,Employees in mainland China,人,605,B1.1",
        // Dropped by 2023: kept with its years from 2022.
        "2022,S,customer-service,complaint-response-time,用戶投訴平均受理時長,Average complaint response time,分鐘,20,B6.2",
    ] {
        assert!(rows.contains(&expected), "missing row: {expected}");
    }
    assert!(!rows
        .iter()
        .any(|r| r.starts_with("2023,S,customer-service,complaint-response-time")));
    // The same through the setting the build reads.
    let (env_csv, ok) = run_env(&["csv"], &[("ESG_DATA_DIR", &dir), allow[0]]);
    assert!(ok);
    assert_eq!(env_csv, csv);
}

#[test]
fn restatements_lists_every_difference() {
    let allow = [("ESG_ALLOW_FICTIONAL", "1")];
    let (out, ok) = run_env(&["--data", &fixtures(), "restatements"], &allow);
    assert!(ok, "{out}");
    assert_eq!(
        out,
        "kpi_id,year,metric_zh,metric_en,unit,original_value,original_report_year,value,source_report_year\n\
         ghg-scope-2,2022,間接溫室氣體排放量（範疇二）,Indirect GHG emissions (Scope 2),噸二氧化碳當量,67.758,2022,67.900,2023\n\
         employees-mainland,2022,中國大陸員工數,Employees in mainland China,人,604,2022,605,2023\n\
         employees-hk-macao-taiwan-overseas,2022,港澳台及海外員工數,\"Employees in Hong Kong, Macao, Taiwan and overseas\",人,1,2022,0,2023\n"
    );
    let (out, ok) = run(&["restatements"]);
    assert!(ok);
    assert_eq!(out.lines().count(), 1, "one report restates nothing: {out}");
}

#[test]
fn long_csv_marks_restated_rows_with_both_figures_and_sources() {
    let allow = [("ESG_ALLOW_FICTIONAL", "1")];
    let (csv, ok) = run_env(&["--data", &fixtures(), "csv", "--long"], &allow);
    assert!(ok, "{csv}");
    let row = csv
        .lines()
        .find(|l| l.contains(",ghg-scope-2,") && l.starts_with("HKEX:2192,2022,"))
        .expect("ghg-scope-2 2022");
    assert!(
        row.contains(",67.900,restated,A1.2,2023,FICTIONAL TEST DATA 2023年環境關鍵績效,溫室氣體排放,"),
        "{row}"
    );
    assert!(row.ends_with(",67.758,2022"), "{row}");
    let row = csv
        .lines()
        .find(|l| l.contains(",ghg-scope-2,") && l.starts_with("HKEX:2192,2021,"))
        .expect("ghg-scope-2 2021");
    assert!(
        row.contains(",67.396,reported,A1.2,2022,2022年環境關鍵績效,溫室氣體排放,"),
        "{row}"
    );
}
