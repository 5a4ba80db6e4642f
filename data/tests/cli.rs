//! The data CLI's outputs, exactly.

use std::process::Command;

fn run(args: &[&str]) -> (String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_esg-data"))
        .args(args)
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
        "2022,G,board-diversity,board-independent-share,獨立非執行董事數量,\"Independent non-executive directors, share of board\",%,33.33,",
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
