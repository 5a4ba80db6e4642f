//! The files an analyst fetches from the site's `data/` folder: the long CSV and its JSON
//! twin ([`crate::long`]), a Frictionless Data Package describing them, and a README saying
//! what the data is and how to cite it. The build writes [`files`] into `dist/data/`; the
//! app's Data panel shows their sizes, computed from the same function at build time.
//!
//! The names are stable, so links keep working from year to year; the CSV's SHA-256 and
//! size in `datapackage.json`, and both files' in the README, tell a reader or a cache
//! whether a copy is current. Every byte is a function of the data file and the report's
//! URL setting, so rebuilding the same data writes the same files.

use crate::long::{self, COLUMNS, ENTITY};
use crate::model::Report;
use crate::units::UNITS;
use serde_json::{json, Value as Json};

/// The folder, relative to the site root.
pub const DIR: &str = "data";
/// The long CSV (one row per KPI and year).
pub const CSV: &str = "medlive-esg.csv";
/// The same rows as JSON.
pub const JSON: &str = "medlive-esg.json";
/// The Frictionless Data Package.
pub const PACKAGE: &str = "datapackage.json";
/// What the data is and how to cite it.
pub const README: &str = "README.md";
/// Every restated figure (`esg-data restatements`), written only when a report restates one.
pub const RESTATEMENTS: &str = "medlive-esg-restatements.csv";

/// What the report says about its availability (關於本報告 › 報告版本與獲取途徑), and what
/// it does not settle: no licence is stated, so none is claimed.
const AVAILABILITY_ZH: &str = "報告以繁體中文及英文發布，如有歧義以繁體中文版為準；PDF 登載於披露易（www.hkexnews.hk）及本公司 IR 網站（http://ir.medlive.cn/）。反饋：ir@kingyee.com.cn。";
const AVAILABILITY_EN: &str = "The report is published in Traditional Chinese and English, the Chinese prevailing; as a PDF on HKEXnews (www.hkexnews.hk) and the company's IR site (http://ir.medlive.cn/). Feedback: ir@kingyee.com.cn.";
/// The report states no licence for its data.
const LICENCE_TODO: &str = "To be filled by the IR team: the report states no licence for its data. / 待 IR 團隊填寫：報告未載明數據的使用許可。";

/// A file of the `data/` folder: its name in the folder, content and data rows (0 for a
/// file that is not a table).
pub struct DataFile {
    pub name: &'static str,
    pub content: String,
    pub rows: usize,
}

/// Every file of `data/`, in the order the Data panel lists them. `report_url` is the
/// checked `ESG_REPORT_URL` setting (the report's own address), if set.
pub fn files(r: &Report, report_url: Option<&str>) -> Vec<DataFile> {
    let rows = long::rows(r).len();
    let csv = long::csv(r);
    let json = long::json(r);
    // With several reports, the restated figures (`esg-data restatements`); none with one.
    let restated = crate::reports::restatements(r).len();
    let restatements = (restated > 0).then(|| (crate::export::restatements_csv(r), restated));
    let package = datapackage(r, report_url, &csv, rows, restatements.as_ref());
    let readme = readme(r, &csv, &json, rows, restatements.as_ref());
    let mut out = vec![
        DataFile {
            name: CSV,
            content: csv,
            rows,
        },
        DataFile {
            name: JSON,
            content: json,
            rows,
        },
        DataFile {
            name: PACKAGE,
            content: package,
            rows: 0,
        },
        DataFile {
            name: README,
            content: readme,
            rows: 0,
        },
    ];
    if let Some((content, rows)) = restatements {
        out.push(DataFile {
            name: RESTATEMENTS,
            content,
            rows,
        });
    }
    out
}

/// `sha256:` and the hex digest, as a Data Package's `hash` writes it.
pub fn sha256(content: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(content.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// The company and report title, both languages, for the citation and the package.
fn title(r: &Report) -> (String, String) {
    let m = &r.report;
    (
        format!("{}《{}》", m.company.zh, m.title.zh),
        format!("{}, {}", m.company.en, m.title.en),
    )
}

/// Each column's type, constraints and meaning, in [`COLUMNS`] order.
fn fields() -> Vec<Json> {
    let units: Vec<String> = UNITS.iter().map(|u| format!("{} ({})", u.zh, u.en)).collect();
    let status: Vec<&str> = long::Status::ALL.iter().map(|s| s.as_str()).collect();
    let text = |name: &str, description: &str| json!({ "name": name, "type": "string", "description": description });
    vec![
        json!({ "name": "entity", "type": "string", "description": "The issuer: stock exchange and stock code.", "constraints": { "required": true, "enum": [ENTITY] } }),
        json!({ "name": "year", "type": "integer", "description": "The reporting year the figure belongs to.", "constraints": { "required": true } }),
        json!({ "name": "period_end", "type": "date", "description": "The last day of that year's reporting period.", "constraints": { "required": true } }),
        json!({ "name": "pillar", "type": "string", "description": "E (environmental), S (social) or G (governance).", "constraints": { "required": true, "enum": ["E", "S", "G"] } }),
        json!({ "name": "section", "type": "string", "description": "The KPI group's id (stable).", "constraints": { "required": true } }),
        json!({ "name": "kpi_id", "type": "string", "description": "The KPI's id (stable, used in the explorer's links: ?kpi=<id>).", "constraints": { "required": true, "pattern": "[a-z0-9]+(-[a-z0-9]+)*" } }),
        json!({ "name": "metric_zh", "type": "string", "description": "The indicator's name as the report prints it (Traditional Chinese, which prevails).", "constraints": { "required": true } }),
        text("metric_en", "Our English rendering of the indicator's name (the report's English version may word it differently)."),
        json!({ "name": "unit", "type": "string", "description": format!("The unit of value and original_value, as the report prints it. Units used: {}.", units.join("; ")), "constraints": { "required": true } }),
        text("unit_en", "The unit in English."),
        json!({ "name": "value", "type": "number", "description": "The figure in the row's unit, exactly as printed (its decimal places are the report's precision). Empty when not disclosed: never zero." }),
        json!({ "name": "status", "type": "string", "description": "reported: as the report prints it; not-disclosed: the report prints / (value is empty); restated: a later report gives another figure for this year (value is the later figure, original_value the first).", "constraints": { "required": true, "enum": status } }),
        text("hkex_kpi", "The HKEX ESG Reporting Guide KPI this figure answers, as the report's content index maps it; empty where it maps none."),
        json!({ "name": "source_report_year", "type": "integer", "description": "The report the value is taken from, by its reporting year.", "constraints": { "required": true } }),
        text("source_table", "The report's KPI table holding the figure, as printed."),
        text("source_section", "The heading over the figure in that table, as printed."),
        text("note_zh", "Notes on the figure (Traditional Chinese): how it was read, or where the report's own figures disagree."),
        text("note_en", "The same notes in English."),
        json!({ "name": "original_value", "type": "number", "description": "For a restated row: the figure as first reported, in the row's unit. Empty otherwise." }),
        json!({ "name": "original_report_year", "type": "integer", "description": "For a restated row: the report that first gave original_value. Empty otherwise." }),
    ]
}

/// The Table Schema shared by the CSV and the JSON.
fn schema() -> Json {
    json!({
        "fields": fields(),
        "primaryKey": ["entity", "year", "kpi_id"],
        "missingValues": [""],
    })
}

/// The Table Schema of the restatements CSV, in
/// [`crate::export::RESTATEMENTS_CSV_HEADER`] order: one row per restated KPI and year.
fn restatements_schema() -> Json {
    let field = |name: &str, kind: &str, description: &str| json!({ "name": name, "type": kind, "description": description, "constraints": { "required": true } });
    json!({
        "fields": [
            field("kpi_id", "string", "The KPI's id, as in medlive-esg.csv."),
            field("year", "integer", "The reporting year the figure belongs to."),
            field("metric_zh", "string", "The indicator's name as the latest report prints it (Traditional Chinese, which prevails)."),
            field("metric_en", "string", "Our English rendering of the indicator's name."),
            field("unit", "string", "The unit of both figures, as the report prints it."),
            field("original_value", "number", "The figure as first reported."),
            field("original_report_year", "integer", "The report that first gave it, by its reporting year."),
            field("value", "number", "The figure as the later report restates it (medlive-esg.csv's value)."),
            field("source_report_year", "integer", "The report that restates it."),
        ],
        "primaryKey": ["kpi_id", "year"],
        "missingValues": [""],
    })
}

/// `datapackage.json`: a Frictionless (Tabular) Data Package. `restatements` is the
/// restatements CSV and its rows, when a report restates a figure.
pub fn datapackage(
    r: &Report,
    report_url: Option<&str>,
    csv: &str,
    rows: usize,
    restatements: Option<&(String, usize)>,
) -> String {
    let (title_zh, title_en) = title(r);
    let mut source = json!({
        "title": format!("{title_zh} / {title_en}"),
        "description": format!("{AVAILABILITY_ZH} {AVAILABILITY_EN}"),
    });
    if let Some(url) = report_url {
        source["path"] = json!(url);
    }
    let resource = |name: &str, path: &str, format: &str, mediatype: &str| {
        json!({
            "name": name,
            "path": path,
            "profile": "tabular-data-resource",
            "format": format,
            "mediatype": mediatype,
            "encoding": "utf-8",
            "description": format!("{rows} rows: one per KPI and year."),
            "schema": schema(),
        })
    };
    let mut csv_resource = resource("medlive-esg", CSV, "csv", "text/csv");
    // Size and hash let a reader or cache tell a stale copy; validators check them. Not on
    // the JSON: validators read it parsed and cannot count its bytes (the README has them).
    csv_resource["bytes"] = json!(csv.len());
    csv_resource["hash"] = json!(sha256(csv));
    let json_resource = resource("medlive-esg-json", JSON, "json", "application/json");
    let mut resources = vec![csv_resource, json_resource];
    if let Some((content, n)) = restatements {
        let mut res = resource("medlive-esg-restatements", RESTATEMENTS, "csv", "text/csv");
        res["description"] = json!(format!(
            "{n} rows: one per restated KPI and year, both figures and both reports."
        ));
        res["schema"] = restatements_schema();
        res["bytes"] = json!(content.len());
        res["hash"] = json!(sha256(content));
        resources.push(res);
    }
    let package = json!({
        "profile": "tabular-data-package",
        "name": "medlive-esg",
        "title": format!("{title_zh}：關鍵績效數據 / {title_en}: key performance data"),
        "description": format!(
            "Every KPI table figure of the report, with its comparatives, one row per KPI and year. Licence: {LICENCE_TODO}"
        ),
        "keywords": ["ESG", ENTITY],
        "created": format!("{}T00:00:00Z", r.report.revised),
        "sources": [source],
        "contributors": [{ "title": format!("{} / {}", r.report.company.zh, r.report.company.en), "role": "publisher", "email": "ir@kingyee.com.cn" }],
        "resources": resources,
    });
    let mut s = serde_json::to_string_pretty(&package).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    s
}

/// `README.md`: what the data is, its columns, how to cite it.
pub fn readme(r: &Report, csv: &str, json: &str, rows: usize, restatements: Option<&(String, usize)>) -> String {
    let (title_zh, title_en) = title(r);
    let m = &r.report;
    let years: Vec<String> = m.years().iter().map(|y| y.to_string()).collect();
    let mut s = format!("# {title_en}: key performance data\n\n{title_zh}：關鍵績效數據\n\n");
    s += &format!(
        "Every figure of the report's KPI tables ({}), one row per KPI and year, taken from the \
         report's Traditional Chinese text, which prevails. Written by the Medlive ESG Explorer's \
         build from its validated dataset; revised {}.\n\n",
        years.join(", "),
        m.revised
    );
    s += &format!(
        "本數據收錄報告各關鍵績效表的全部數字（{}年），每個指標每年一行，取自報告繁體中文版（以繁體中文版為準）。\
         由醫脈通 ESG 數據瀏覽的構建程序自經驗證的數據生成；修訂日期 {}。\n\n",
        years.join("、"),
        m.revised
    );
    s += "## Files / 檔案\n\n| file | rows | bytes | SHA-256 |\n|---|---|---|---|\n";
    for (name, content) in [(CSV, csv), (JSON, json)] {
        s += &format!("| `{name}` | {rows} | {} | `{}` |\n", content.len(), sha256(content));
    }
    if let Some((content, n)) = restatements {
        s += &format!(
            "| `{RESTATEMENTS}` | {n} | {} | `{}` |\n",
            content.len(),
            sha256(content)
        );
    }
    s += &format!(
        "| `{PACKAGE}` | | | |\n\n`{PACKAGE}` is a Frictionless Data Package: the columns' types, \
         the primary key (`entity`, `year`, `kpi_id`) and each file's size and hash. pandas, R and \
         the Frictionless tools read it directly. The CSV is UTF-8 without a byte-order mark, \
         comma-separated, quoted where needed (RFC 4180).\n\n"
    );
    s += "## Columns / 欄位\n\n";
    for (col, f) in COLUMNS.iter().zip(fields()) {
        s += &format!(
            "- `{col}` ({}): {}\n",
            f["type"].as_str().unwrap_or(""),
            f["description"].as_str().unwrap_or("")
        );
    }
    s += "\n## Not disclosed and restated / 未披露與重述\n\n\
          - **not-disclosed** / 未披露: the report prints `/` for the figure. `value` is empty; \
          it is never zero and never an estimate. 報告以「/」表示未披露，`value` 留空，絕不視為零。\n\
          - **restated** / 重述: a later report gives a different figure for the same KPI and year. \
          `value` is the later figure, `original_value` and `original_report_year` the first; \
          `source_report_year` names the later report. 後一年度報告對同一指標同一年度給出不同數字：\
          `value` 為較新數字，`original_value` 為原報告數字。";
    s += &match restatements {
        None => "None in this release / 本版本無重述。\n\n".to_owned(),
        Some((_, n)) => {
            format!("{n} in this release, all in `{RESTATEMENTS}` / 本版本重述 {n} 項，列於 `{RESTATEMENTS}`。\n\n")
        }
    };
    s += &format!(
        "## How to cite / 引用方式\n\n\
         - {title_zh}，關鍵績效數據（{CSV}，修訂日期 {rev}），取自醫脈通 ESG 數據瀏覽。\n\
         - {title_en}, key performance data ({CSV}, revised {rev}), from the Medlive ESG Explorer.\n\n\
         Cite the report itself for any figure you publish; quote the file's SHA-256 above to \
         name the exact version you used.\n\n",
        rev = m.revised
    );
    s += &format!(
        "## Source and licence / 來源與許可\n\n{AVAILABILITY_EN}\n\n{AVAILABILITY_ZH}\n\n\
         Licence / 許可: {LICENCE_TODO}\n"
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        crate::report_2022().expect("the 2022 report loads")
    }

    fn package(url: Option<&str>) -> Json {
        let f = files(&report(), url);
        serde_json::from_str(&f[2].content).expect("datapackage.json parses")
    }

    #[test]
    fn schema_names_every_column_in_order() {
        let p = package(None);
        for res in p["resources"].as_array().unwrap() {
            let names: Vec<&str> = res["schema"]["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["name"].as_str().unwrap())
                .collect();
            assert_eq!(names, COLUMNS);
            assert_eq!(res["schema"]["primaryKey"], json!(["entity", "year", "kpi_id"]));
            assert_eq!(res["schema"]["missingValues"], json!([""]));
        }
    }

    #[test]
    fn sizes_and_hashes_are_the_files() {
        let f = files(&report(), None);
        let p: Json = serde_json::from_str(&f[2].content).unwrap();
        let csv = &p["resources"][0];
        assert_eq!(csv["path"], json!(f[0].name));
        assert_eq!(csv["bytes"], json!(f[0].content.len()));
        assert_eq!(csv["hash"], json!(sha256(&f[0].content)));
        assert_eq!(p["resources"][1]["path"], json!(f[1].name));
        for file in &f[..2] {
            assert!(
                f[3].content.contains(&sha256(&file.content)),
                "the README names the hash"
            );
        }
        assert_eq!(f[0].rows, long::rows(&report()).len());
        assert_eq!(f[0].rows, f[0].content.lines().count() - 1);
    }

    #[test]
    fn created_is_the_data_files_revision_and_builds_repeat() {
        let p = package(None);
        assert_eq!(p["created"], json!(format!("{}T00:00:00Z", report().report.revised)));
        let a: Vec<String> = files(&report(), None).into_iter().map(|f| f.content).collect();
        let b: Vec<String> = files(&report(), None).into_iter().map(|f| f.content).collect();
        assert_eq!(a, b);
    }

    #[test]
    fn claims_no_licence_and_links_the_report_only_when_set() {
        let p = package(None);
        assert!(p.get("licenses").is_none(), "the report states no licence");
        assert!(p["description"]
            .as_str()
            .unwrap()
            .contains("To be filled by the IR team"));
        assert!(p["sources"][0].get("path").is_none());
        let url = "https://www1.hkexnews.hk/x.pdf";
        assert_eq!(package(Some(url))["sources"][0]["path"], json!(url));
    }

    #[test]
    fn units_are_described() {
        let p = package(None);
        let unit = &p["resources"][0]["schema"]["fields"][8];
        assert_eq!(unit["name"], json!("unit"));
        assert!(unit["description"].as_str().unwrap().contains("噸二氧化碳當量 (tCO₂e)"));
    }
}
