//! The bad-data corpus: small named edits of the real data file, each of which must be
//! rejected — by `esg_data::load` and by `esg-data validate PATH` — with a message that
//! names the file and, where it applies, the KPI, the year and the rule.
//!
//! The cases live in memory as edits of `esg_data::REPORT_2022`, so they follow the data
//! file as it changes; nothing is written into the repository. The CLI half writes them to
//! a temporary directory and removes it afterwards. To look at the files yourself:
//!
//!     ESG_BAD_CORPUS_DIR=/tmp/bad cargo test -p esg-data --test corpus
//!
//! writes every case to `/tmp/bad/<name>.toml` (and keeps them).
//!
//! An edit finds its place by content (`kpi("employees")` is the `[[kpi]]` block with that
//! id), never by line number; if the data file no longer has what an edit looks for, the
//! test says which edit and what it looked for.

use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;

// ------------------------------------------------------------------ editing the data file

/// The byte ranges of every `[[header]]` block (from its `[[header]]` line up to the next
/// line starting with `[`, or the end).
fn blocks(src: &str, header: &str) -> Vec<std::ops::Range<usize>> {
    let head = format!("[[{header}]]\n");
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = src[at..].find(&head) {
        let start = at + i;
        at = start + head.len();
        if start == 0 || src[..start].ends_with('\n') {
            out.push(start..next_header(src, at));
        }
    }
    out
}

/// The one `[[header]]` block that has the line `key_line`.
fn block(src: &str, header: &str, key_line: &str) -> std::ops::Range<usize> {
    let mut hits = blocks(src, header)
        .into_iter()
        .filter(|r| src[r.clone()].lines().any(|l| l == key_line));
    let found = hits
        .next()
        .unwrap_or_else(|| panic!("the data file has no [[{header}]] block with the line `{key_line}`"));
    assert!(
        hits.next().is_none(),
        "more than one [[{header}]] block has the line `{key_line}`"
    );
    found
}

/// The first `[[header]]` block that has the line `key_line`.
fn first_block(src: &str, header: &str, key_line: &str) -> std::ops::Range<usize> {
    blocks(src, header)
        .into_iter()
        .find(|r| src[r.clone()].lines().any(|l| l == key_line))
        .unwrap_or_else(|| panic!("the data file has no [[{header}]] block with the line `{key_line}`"))
}

/// Where the next table header (`[` at a line start) after `from` begins.
fn next_header(src: &str, from: usize) -> usize {
    let mut pos = from;
    for line in src[from..].split_inclusive('\n') {
        if line.starts_with('[') {
            return pos;
        }
        pos += line.len();
    }
    src.len()
}

fn kpi_block(src: &str, id: &str) -> std::ops::Range<usize> {
    block(src, "kpi", &format!("id = \"{id}\""))
}

/// Replaces the one occurrence of `from` inside `range` of `src`.
fn replace_in(src: &str, range: std::ops::Range<usize>, from: &str, to: &str) -> String {
    let part = &src[range.clone()];
    assert_eq!(
        part.matches(from).count(),
        1,
        "`{from}` must occur exactly once in:\n{part}"
    );
    format!(
        "{}{}{}",
        &src[..range.start],
        part.replacen(from, to, 1),
        &src[range.end..]
    )
}

/// The line of `range` that starts with `prefix`.
fn line_in<'a>(src: &'a str, range: std::ops::Range<usize>, prefix: &str) -> &'a str {
    let mut hits = src[range].lines().filter(|l| l.starts_with(prefix));
    let line = hits
        .next()
        .unwrap_or_else(|| panic!("no line starting with `{prefix}`"));
    assert!(hits.next().is_none(), "more than one line starting with `{prefix}`");
    line
}

/// Replaces the whole line starting with `field = ` in KPI `id` (empty `to`: deletes it).
fn kpi_field(src: &str, id: &str, field: &str, to: &str) -> String {
    let r = kpi_block(src, id);
    let line = line_in(src, r.clone(), &format!("{field} = ")).to_owned();
    if to.is_empty() {
        replace_in(src, r, &format!("{line}\n"), "")
    } else {
        replace_in(src, r, &line, to)
    }
}

/// Adds a line to KPI `id` (after its `id` line).
fn kpi_add(src: &str, id: &str, line: &str) -> String {
    let r = kpi_block(src, id);
    let id_line = format!("id = \"{id}\"\n");
    replace_in(src, r, &id_line, &format!("{id_line}{line}\n"))
}

/// The printed value of KPI `id` in `year`, as written in the data file.
fn printed(src: &str, id: &str, year: u16) -> String {
    let line = line_in(src, kpi_block(src, id), "values = ");
    let key = format!("{year} = \"");
    let from = line
        .find(&key)
        .unwrap_or_else(|| panic!("KPI `{id}` has no {year} value in `{line}`"))
        + key.len();
    let len = line[from..].find('"').expect("closing quote");
    line[from..from + len].to_owned()
}

/// Sets KPI `id`'s `year` cell to the raw TOML `cell` (with quotes for a string).
fn set_cell(src: &str, id: &str, year: u16, cell: &str) -> String {
    let old = format!("{year} = \"{}\"", printed(src, id, year));
    let r = kpi_block(src, id);
    let line = line_in(src, r.clone(), "values = ").to_owned();
    replace_in(src, r, &line, &line.replacen(&old, &format!("{year} = {cell}"), 1))
}

/// Sets KPI `id`'s `year` value to the string `value`.
fn set_value(src: &str, id: &str, year: u16, value: &str) -> String {
    set_cell(src, id, year, &format!("\"{value}\""))
}

/// Renames the `year` key of KPI `id`'s values to the raw TOML key `key`.
fn rename_year(src: &str, id: &str, year: u16, key: &str) -> String {
    let r = kpi_block(src, id);
    let line = line_in(src, r.clone(), "values = ").to_owned();
    let old = format!("{year} = ");
    assert!(line.contains(&old), "KPI `{id}` has no {year} value");
    replace_in(src, r, &line, &line.replacen(&old, &format!("{key} = "), 1))
}

/// Removes KPI `id`'s `year` value.
fn drop_year(src: &str, id: &str, year: u16) -> String {
    let r = kpi_block(src, id);
    let line = line_in(src, r.clone(), "values = ").to_owned();
    let cell = format!("{year} = \"{}\"", printed(src, id, year));
    let new = line
        .replacen(&format!("{cell}, "), "", 1)
        .replacen(&format!(", {cell}"), "", 1);
    assert_ne!(new, line, "could not remove {year} from `{line}`");
    replace_in(src, r, &line, &new)
}

/// Removes a whole block.
fn drop_block(src: &str, header: &str, key_line: &str) -> String {
    let r = block(src, header, key_line);
    format!("{}{}", &src[..r.start], &src[r.end..])
}

/// Replaces `from` inside the `[[header]]` block holding `key_line`.
fn in_block(src: &str, header: &str, key_line: &str, from: &str, to: &str) -> String {
    replace_in(src, block(src, header, key_line), from, to)
}

/// Replaces `from` in the `[report]` table.
fn in_report(src: &str, from: &str, to: &str) -> String {
    let start = src.find("\n[report]\n").expect("[report]") + 1;
    let end = next_header(src, start + "[report]\n".len());
    replace_in(src, start..end, from, to)
}

fn director(name_zh: &str) -> String {
    format!("name = {{ zh = \"{name_zh}\", en = ")
}

/// The block of director `name_zh` (its `name` line starts with the Chinese name).
fn in_director(src: &str, name_zh: &str, from: &str, to: &str) -> String {
    let prefix = director(name_zh);
    let key_line = src
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no director {name_zh}"))
        .to_owned();
    in_block(src, "director", &key_line, from, to)
}

fn director_block(src: &str, name_zh: &str) -> String {
    let prefix = director(name_zh);
    src.lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no director {name_zh}"))
        .to_owned()
}

/// The first line (after the header) of the first `[[header]]` block.
fn first_block_line(src: &str, header: &str) -> String {
    let r = blocks(src, header)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no [[{header}]]"));
    src[r].lines().nth(1).expect("a line").to_owned()
}

/// Replaces text that occurs exactly once in the whole file.
fn once(src: &str, from: &str, to: &str) -> String {
    replace_in(src, 0..src.len(), from, to)
}

// ------------------------------------------------------------------ the cases

/// What the rejection must say. Every issue line starts with the file's path.
#[derive(Clone, Copy)]
struct Expect {
    rule: &'static str,
    kpi: Option<&'static str>,
    year: Option<u16>,
    /// Further text the same issue line must contain.
    text: &'static [&'static str],
}

const fn rule(rule: &'static str) -> Expect {
    Expect {
        rule,
        kpi: None,
        year: None,
        text: &[],
    }
}

impl Expect {
    const fn kpi(mut self, kpi: &'static str) -> Self {
        self.kpi = Some(kpi);
        self
    }
    const fn year(mut self, year: u16) -> Self {
        self.year = Some(year);
        self
    }
    const fn says(mut self, text: &'static [&'static str]) -> Self {
        self.text = text;
        self
    }

    /// Whether one issue line (as printed by the CLI) is this rejection of `file`.
    fn matches(&self, file: &str, line: &str) -> bool {
        line.starts_with(&format!("{file}: "))
            && line.contains(&format!("rule `{}`", self.rule))
            && self.kpi.is_none_or(|k| line.contains(&format!("kpi `{k}`")))
            && self.year.is_none_or(|y| line.contains(&format!("year {y}")))
            && self.text.iter().all(|t| line.contains(t))
    }

    fn describe(&self) -> String {
        let mut s = format!("rule `{}`", self.rule);
        if let Some(k) = self.kpi {
            write!(s, ", kpi `{k}`").unwrap();
        }
        if let Some(y) = self.year {
            write!(s, ", year {y}").unwrap();
        }
        for t in self.text {
            write!(s, ", text {t:?}").unwrap();
        }
        s
    }
}

struct Case {
    /// Also the file name (`<name>.toml`) in messages.
    name: &'static str,
    edit: fn(&str) -> String,
    expect: Expect,
}

/// A syntax error: the parser's message, flattened, with its line number.
const SYNTAX: Expect = rule("toml-schema").says(&["TOML parse error at line"]);

fn cases() -> Vec<Case> {
    let c = |name, edit, expect| Case { name, edit, expect };
    vec![
        // ---- TOML syntax
        c(
            "syntax-unclosed-table-header",
            |s| once(s, "[[kpi]]\nid = \"ghg-scope-1\"", "[[kpi]\nid = \"ghg-scope-1\""),
            SYNTAX,
        ),
        c(
            "syntax-unterminated-string",
            |s| kpi_field(s, "water", "unit", "unit = \"噸"),
            SYNTAX,
        ),
        c(
            "syntax-missing-equals",
            |s| kpi_field(s, "electricity", "better", "better \"lower\""),
            SYNTAX,
        ),
        c(
            "syntax-duplicate-key",
            |s| kpi_add(s, "employees", "unit = \"人\""),
            SYNTAX.says(&["TOML parse error at line", "duplicate key"]),
        ),
        c(
            "syntax-bad-escape",
            |s| {
                kpi_field(
                    s,
                    "donations",
                    "metric",
                    "metric = { zh = \"公益\\q捐贈\", en = \"Donations\" }",
                )
            },
            SYNTAX,
        ),
        c(
            "syntax-unclosed-inline-table",
            |s| kpi_field(s, "ghg-scope-1", "values", "values = { 2021 = \"0\", 2022 = \"0\""),
            SYNTAX,
        ),
        c(
            "syntax-table-defined-twice",
            |s| format!("{s}\n[report]\nyear = 2022\n"),
            SYNTAX.says(&["TOML parse error at line", "[report]"]),
        ),
        c(
            "syntax-truncated-file",
            |s| {
                // Cut off right after the `{` of a values table half-way through.
                let at = s[..s.len() / 2].rfind("values = {").expect("values") + "values = {".len();
                s[..at].to_owned()
            },
            SYNTAX,
        ),
        c(
            "syntax-empty-file",
            |_| String::new(),
            rule("toml-schema").says(&["missing field `report`"]),
        ),
        c(
            "syntax-binary-garbage",
            |s| format!("\u{0}\u{1}\u{7f}PK\u{3}\u{4}{}", &s[..200.min(s.len())]),
            SYNTAX,
        ),
        c(
            "syntax-deep-nesting",
            |s| format!("{s}\nx = {}", "[".repeat(100_000)),
            rule("toml-schema"),
        ),
        c(
            "syntax-utf8-bom-midfile",
            |s| once(s, "[report]\n", "[report]\n\u{feff}"),
            SYNTAX,
        ),
        // ---- wrong types
        c(
            "type-value-integer",
            |s| set_cell(s, "employees", 2022, "605"),
            rule("number-as-printed")
                .kpi("employees")
                .year(2022)
                .says(&["a string"]),
        ),
        c(
            "type-value-float",
            |s| set_cell(s, "ghg-scope-2", 2021, "67.396"),
            rule("number-as-printed")
                .kpi("ghg-scope-2")
                .year(2021)
                .says(&["a string"]),
        ),
        c(
            "type-value-boolean",
            |s| set_cell(s, "work-injuries", 2022, "false"),
            rule("number-as-printed").kpi("work-injuries").year(2022),
        ),
        c(
            "type-report-year-string",
            |s| in_report(s, "year = 2022\n", "year = \"2022\"\n"),
            rule("toml-schema").says(&["invalid type"]),
        ),
        c(
            "type-director-age-string",
            |s| in_director(s, "周欣", "age = 42", "age = \"42\""),
            rule("toml-schema").says(&["invalid type"]),
        ),
        c(
            "type-director-age-negative",
            |s| in_director(s, "周欣", "age = 42", "age = -42"),
            rule("toml-schema").says(&["age"]),
        ),
        c(
            "type-uncertain-string",
            |s| {
                let line = first_block_line(s, "milestone");
                replace_in(
                    s,
                    first_block(s, "milestone", &line),
                    "source = ",
                    "uncertain = \"yes\"\nsource = ",
                )
            },
            rule("toml-schema").says(&["invalid type"]),
        ),
        c(
            "type-metric-plain-string",
            |s| kpi_field(s, "water", "metric", "metric = \"耗水總量\""),
            rule("toml-schema").says(&["invalid type"]),
        ),
        c(
            "type-pillar-unknown",
            |s| in_block(s, "section", "id = \"water\"", "pillar = \"E\"", "pillar = \"X\""),
            rule("toml-schema").says(&["unknown variant `X`"]),
        ),
        c(
            "type-gender-unknown",
            |s| in_director(s, "王珊", "gender = \"female\"", "gender = \"f\""),
            rule("toml-schema").says(&["unknown variant `f`"]),
        ),
        c(
            "type-discrepancy-kpis-string",
            |s| {
                in_block(
                    s,
                    "discrepancy",
                    "rule = \"weighted-mean:turnover-by-region\"",
                    "kpis = [\"turnover-rate-mainland\", \"turnover-rate\"]",
                    "kpis = \"turnover-rate-mainland\"",
                )
            },
            rule("toml-schema").says(&["invalid type"]),
        ),
        // ---- units
        c(
            "unit-unknown-ascii",
            |s| kpi_field(s, "ghg-per-capita", "unit", "unit = \"kgCO2\""),
            rule("unit-known").kpi("ghg-per-capita").says(&["`kgCO2`"]),
        ),
        c(
            "unit-simplified-chinese",
            |s| kpi_field(s, "hazardous-waste", "unit", "unit = \"吨\""),
            rule("unit-known").kpi("hazardous-waste"),
        ),
        c(
            "unit-trailing-space",
            |s| kpi_field(s, "water", "unit", "unit = \"噸 \""),
            rule("unit-known").kpi("water"),
        ),
        c(
            "unit-empty",
            |s| kpi_field(s, "donations", "unit", "unit = \"\""),
            rule("unit-known").kpi("donations"),
        ),
        // ---- languages
        c(
            "lang-kpi-en-missing",
            |s| {
                kpi_field(
                    s,
                    "ghg-scope-1",
                    "metric",
                    "metric = { zh = \"直接溫室氣體排放量（範疇一）\" }",
                )
            },
            rule("both-languages")
                .kpi("ghg-scope-1")
                .says(&["`metric` has no `en` text"]),
        ),
        c(
            "lang-kpi-zh-blank",
            |s| kpi_field(s, "employees", "metric", "metric = { zh = \"  \", en = \"Employees\" }"),
            rule("both-languages").kpi("employees").says(&["no `zh` text"]),
        ),
        c(
            "lang-kpi-note-en-missing",
            |s| kpi_add(s, "water", "note = { zh = \"含辦公室用水\" }"),
            rule("both-languages").kpi("water").says(&["`note` has no `en` text"]),
        ),
        c(
            "lang-section-heading-en-empty",
            |s| {
                in_block(
                    s,
                    "section",
                    "id = \"water\"",
                    "en = \"Water consumption\"",
                    "en = \"\"",
                )
            },
            rule("both-languages").says(&["`water`", "no `en` version"]),
        ),
        c(
            "lang-director-name-en-empty",
            |s| in_director(s, "馬軍", "en = \"Ma Jun\"", "en = \"\""),
            rule("both-languages").says(&["`director`", "馬軍"]),
        ),
        c(
            "lang-stakeholder-item-en-empty",
            |s| {
                in_block(
                    s,
                    "stakeholder.expectation",
                    "text = { zh = \"專業醫學內容\", en = \"Professional medical content\" }",
                    "en = \"Professional medical content\"",
                    "en = \" \"",
                )
            },
            rule("both-languages").says(&["`doctors`", "專業醫學內容"]),
        ),
        c(
            "lang-discrepancy-note-zh-empty",
            |s| {
                let r = block(s, "discrepancy", "rule = \"weighted-mean:turnover-by-region\"");
                let line = line_in(s, r.clone(), "note = ").to_owned();
                let en = &line[line.find(", en = ").expect("en")..];
                replace_in(s, r, &line, &format!("note = {{ zh = \"\"{en}"))
            },
            rule("both-languages").says(&["`weighted-mean:turnover-by-region`", "no `zh` version"]),
        ),
        c(
            "lang-report-title-en-missing",
            |s| {
                let start = s.find("\ntitle = {").expect("title") + 1;
                let end = start + s[start..].find('\n').expect("eol");
                let line = &s[start..end];
                let zh = &line[..line.find(", en = ").expect("en")];
                format!("{}{zh} }}{}", &s[..start], &s[end..])
            },
            rule("toml-schema").says(&["missing field `en`"]),
        ),
        // ---- ids
        c(
            "id-duplicate-kpi",
            |s| once(s, "id = \"ghg-scope-2\"", "id = \"ghg-scope-1\""),
            rule("unique-id").kpi("ghg-scope-1"),
        ),
        c(
            "id-duplicate-section",
            |s| once(s, "id = \"energy\"", "id = \"waste\""),
            rule("unique-id").says(&["section id `waste`"]),
        ),
        c(
            "id-duplicate-highlight",
            |s| once(s, "id = \"founded\"", "id = \"registered-users\""),
            rule("unique-id").says(&["highlight id `registered-users`"]),
        ),
        c(
            "id-duplicate-stakeholder",
            |s| once(s, "id = \"doctors\"", "id = \"clients\""),
            rule("unique-id").says(&["stakeholder id `clients`"]),
        ),
        c(
            "id-kpi-not-kebab-case",
            |s| once(s, "id = \"ghg-scope-1\"", "id = \"GHG_scope_1\""),
            rule("id-kebab-case").kpi("GHG_scope_1"),
        ),
        c(
            "id-kpi-empty",
            |s| once(s, "id = \"lost-days-injury\"", "id = \"\""),
            rule("id-kebab-case").kpi(""),
        ),
        c(
            "id-duplicate-discrepancy",
            |s| {
                let r = block(s, "discrepancy", "rule = \"weighted-mean:turnover-by-region\"");
                let b = s[r.clone()].to_owned();
                format!("{}{b}{b}{}", &s[..r.start], &s[r.end..])
            },
            rule("discrepancy-unique")
                .year(2021)
                .says(&["weighted-mean:turnover-by-region"]),
        ),
        // ---- totals that do not add up, ratios that do not divide
        c(
            "sum-employees-by-gender-2021",
            |s| set_value(s, "employees-female", 2021, "305"),
            rule("sum:employees-by-gender")
                .kpi("employees")
                .year(2021)
                .says(&["employees is 502 but its parts add up to 503"]),
        ),
        c(
            "sum-employees-by-region-2022",
            |s| set_value(s, "employees-mainland", 2022, "603"),
            rule("sum:employees-by-region").kpi("employees").year(2022),
        ),
        c(
            "sum-hazardous-waste-2022",
            |s| set_value(s, "hazardous-waste-batteries", 2022, "0.028"),
            rule("sum:hazardous-waste").kpi("hazardous-waste").year(2022),
        ),
        c(
            "sum-suppliers-by-region-2021",
            |s| set_value(s, "suppliers", 2021, "279"),
            rule("sum:suppliers-by-region").kpi("suppliers").year(2021),
        ),
        c(
            "sum-training-hours-by-rank-2022",
            |s| set_value(s, "training-hours-middle", 2022, "450"),
            rule("sum:training-hours-by-rank").kpi("training-hours").year(2022),
        ),
        c(
            "sum-board-by-role",
            |s| set_value(s, "board-executive", 2022, "5"),
            rule("sum:board-by-role").kpi("board-directors").year(2022),
        ),
        c(
            "ratio-ghg-per-capita-2021",
            |s| set_value(s, "ghg-per-capita", 2021, "0.150"),
            rule("per-capita:ghg").kpi("ghg-per-capita").year(2021),
        ),
        c(
            "ratio-trained-share-2021",
            |s| set_value(s, "trained-share", 2021, "45.0"),
            rule("share:trained").kpi("trained-share").year(2021),
        ),
        c(
            "weighted-mean-turnover-by-gender-2022",
            |s| set_value(s, "turnover-rate-female", 2022, "40"),
            rule("weighted-mean:turnover-by-gender").kpi("turnover-rate").year(2022),
        ),
        c(
            "at-most-recycled-paper-2022",
            |s| set_value(s, "recycled-waste-paper", 2022, "0.200"),
            rule("at-most:recycled-paper").kpi("recycled-waste-paper").year(2022),
        ),
        c(
            "ranked-supplier-cities-2022",
            |s| set_value(s, "suppliers-shanghai", 2022, "212"),
            rule("ranked:suppliers-top-cities").kpi("suppliers-beijing").year(2022),
        ),
        c(
            "rate-work-fatalities-2022",
            |s| set_value(s, "work-fatalities", 2022, "10"),
            rule("rate:work-fatalities").kpi("work-fatality-rate").year(2022),
        ),
        c(
            "relation-kpi-deleted",
            |s| drop_block(s, "kpi", "id = \"employees-part-time\""),
            rule("sum:employees-by-employment-type")
                .kpi("employees-part-time")
                .says(&["does not have"]),
        ),
        // ---- bounds
        c(
            "negative-count",
            |s| set_value(s, "employees-part-time", 2022, "-1"),
            rule("non-negative").kpi("employees-part-time").year(2022),
        ),
        c(
            "negative-measure",
            |s| set_value(s, "water", 2021, "-1587.000"),
            rule("non-negative").kpi("water").year(2021),
        ),
        c(
            "negative-zero",
            |s| set_value(s, "ghg-scope-1", 2022, "-0"),
            rule("number-as-printed").kpi("ghg-scope-1").year(2022).says(&["`-0`"]),
        ),
        c(
            "percent-over-100",
            |s| set_value(s, "trained-female-share", 2021, "163.78"),
            rule("percent-at-most-100").kpi("trained-female-share").year(2021),
        ),
        c(
            "percent-just-over-100",
            |s| set_value(s, "customer-satisfaction", 2022, "100.01"),
            rule("percent-at-most-100").kpi("customer-satisfaction").year(2022),
        ),
        c(
            "count-with-fraction",
            |s| set_value(s, "employees", 2022, "605.0"),
            rule("whole-count").kpi("employees").year(2022),
        ),
        // ---- years
        c(
            "year-unknown-2020",
            |s| rename_year(s, "ghg-per-capita", 2021, "2020"),
            rule("year-known").kpi("ghg-per-capita").says(&["`2020`"]),
        ),
        c(
            "year-unknown-2023",
            |s| rename_year(s, "donations", 2022, "2023"),
            rule("year-known").kpi("donations").says(&["`2023`"]),
        ),
        c(
            "year-not-a-number",
            |s| rename_year(s, "water", 2022, "\"二〇二二\""),
            rule("year-known").kpi("water").says(&["`二〇二二`"]),
        ),
        c(
            "year-key-with-plus",
            |s| rename_year(s, "employees", 2022, "\"+2022\""),
            rule("year-known").kpi("employees").says(&["`+2022`"]),
        ),
        c(
            "year-key-with-leading-zero",
            |s| rename_year(s, "employees", 2022, "\"02022\""),
            rule("year-known").kpi("employees").says(&["`02022`"]),
        ),
        c(
            "year-report-column-missing",
            |s| drop_year(s, "employees-female", 2022),
            rule("year-columns").kpi("employees-female").year(2022),
        ),
        c(
            "year-comparative-column-missing",
            |s| drop_year(s, "employees-female", 2021),
            rule("year-columns").kpi("employees-female").year(2021),
        ),
        c(
            "year-no-values",
            |s| kpi_field(s, "donations", "values", "values = {}"),
            rule("has-values").kpi("donations"),
        ),
        c(
            "year-comparative-after-report",
            |s| in_report(s, "comparative_years = [2021]", "comparative_years = [2023]"),
            rule("comparative-years"),
        ),
        c(
            "year-report-implausible",
            |s| in_report(s, "year = 2022\n", "year = 20222\n"),
            rule("report-year").says(&["20222"]),
        ),
        c(
            "year-discrepancy-unknown",
            |s| {
                in_block(
                    s,
                    "discrepancy",
                    "rule = \"weighted-mean:turnover-by-region\"",
                    "year = 2021",
                    "year = 2019",
                )
            },
            rule("year-known").year(2019).says(&["discrepancy year 2019"]),
        ),
        // ---- numbers not as printed
        c(
            "number-thousands-separator",
            |s| set_value(s, "water", 2021, "1,587.000"),
            rule("number-as-printed").kpi("water").year(2021).says(&["`1,587.000`"]),
        ),
        c(
            "number-exponent",
            |s| set_value(s, "water", 2022, "1.823e3"),
            rule("number-as-printed").kpi("water").year(2022),
        ),
        c(
            "number-leading-point",
            |s| set_value(s, "ghg-per-capita", 2022, ".112"),
            rule("number-as-printed").kpi("ghg-per-capita").year(2022),
        ),
        c(
            "number-trailing-point",
            |s| set_value(s, "employees", 2021, "502."),
            rule("number-as-printed").kpi("employees").year(2021),
        ),
        c(
            "number-leading-space",
            |s| set_value(s, "employees", 2021, " 502"),
            rule("number-as-printed").kpi("employees").year(2021),
        ),
        c(
            "number-fullwidth-digits",
            |s| set_value(s, "employees", 2022, "６０５"),
            rule("number-as-printed").kpi("employees").year(2022),
        ),
        c(
            "number-percent-sign",
            |s| set_value(s, "customer-satisfaction", 2022, "100%"),
            rule("number-as-printed").kpi("customer-satisfaction").year(2022),
        ),
        c(
            "number-too-many-digits",
            |s| set_value(s, "water", 2022, "1823.000000000000"),
            rule("number-as-printed")
                .kpi("water")
                .year(2022)
                .says(&["more than 15 digits"]),
        ),
        c(
            "number-leading-zero",
            |s| set_value(s, "employees", 2022, "0605"),
            rule("number-as-printed").kpi("employees").year(2022).says(&["`0605`"]),
        ),
        c(
            "number-empty",
            |s| set_value(s, "donations", 2021, ""),
            rule("number-as-printed").kpi("donations").year(2021),
        ),
        c(
            "number-plus-sign",
            |s| set_value(s, "employees", 2022, "+605"),
            rule("number-as-printed").kpi("employees").year(2022),
        ),
        c(
            "number-dash-for-not-disclosed",
            |s| set_value(s, "training-cost", 2021, "-"),
            rule("number-as-printed").kpi("training-cost").year(2021),
        ),
        c(
            "number-nan",
            |s| set_value(s, "ghg-scope-2", 2022, "NaN"),
            rule("number-as-printed").kpi("ghg-scope-2").year(2022),
        ),
        c(
            "number-highlight-separator",
            |s| {
                in_block(
                    s,
                    "highlight",
                    "id = \"registered-users\"",
                    "value = \"620\"",
                    "value = \"6,200\"",
                )
            },
            rule("toml-schema").says(&["`6,200` is not a number as printed"]),
        ),
        // ---- references
        c(
            "section-unknown",
            |s| kpi_field(s, "water", "section", "section = \"waters\""),
            rule("section-known").kpi("water").says(&["`waters`"]),
        ),
        c(
            "direction-unknown",
            |s| kpi_field(s, "water", "better", "better = \"down\""),
            rule("direction-known").kpi("water").says(&["`down`"]),
        ),
        c(
            "hkex-code-malformed",
            |s| kpi_field(s, "water", "hkex", "hkex = \"A22\""),
            rule("hkex-code-format").kpi("water"),
        ),
        c(
            "hkex-code-not-in-index",
            |s| kpi_field(s, "water", "hkex", "hkex = \"A2.9\""),
            rule("hkex-code-in-index").kpi("water").says(&["`A2.9`"]),
        ),
        c(
            "hkex-code-not-applicable",
            |s| kpi_field(s, "ghg-scope-1", "hkex", "hkex = \"A1.1\""),
            rule("hkex-code-reported").kpi("ghg-scope-1").says(&["`A1.1`"]),
        ),
        c(
            "hkex-item-under-wrong-aspect",
            |s| {
                in_block(
                    s,
                    "hkex_aspect.item",
                    "code = \"A1.2\"",
                    "code = \"A1.2\"",
                    "code = \"A2.7\"",
                )
            },
            rule("hkex-code-format").says(&["`A2.7`", "`A1`"]),
        ),
        // ---- unknown fields and tables
        c(
            "unknown-field-kpi",
            |s| kpi_add(s, "water", "source = \"p. 42\""),
            rule("toml-schema").says(&["unknown field `source`"]),
        ),
        c(
            "unknown-field-report",
            |s| in_report(s, "year = 2022\n", "year = 2022\nlanguage = \"zh\"\n"),
            rule("toml-schema").says(&["unknown field `language`"]),
        ),
        c(
            "unknown-table",
            |s| format!("{s}\n[[kpis]]\nid = \"x\"\n"),
            rule("toml-schema").says(&["unknown field `kpis`"]),
        ),
        c(
            "unknown-field-in-text",
            |s| {
                kpi_field(
                    s,
                    "water",
                    "metric",
                    "metric = { zh = \"耗水總量\", en = \"Water\", fr = \"Eau\" }",
                )
            },
            rule("toml-schema").says(&["unknown field `fr`"]),
        ),
        c(
            "unknown-field-director",
            |s| in_director(s, "周欣", "age = 42", "age = 42\nnationality = \"CN\""),
            rule("toml-schema").says(&["unknown field `nationality`"]),
        ),
        // ---- stakeholders, milestones, highlights, certifications
        c(
            "stakeholder-uncertain-without-note",
            |s| {
                in_block(
                    s,
                    "stakeholder.expectation",
                    "text = { zh = \"專業醫學內容\", en = \"Professional medical content\" }",
                    "uncertain = false",
                    "uncertain = true",
                )
            },
            rule("uncertain-has-note").says(&["`doctors`"]),
        ),
        c(
            "milestone-uncertain-without-note",
            |s| {
                let r = first_block(s, "milestone", "uncertain = true");
                let line = line_in(s, r.clone(), "note = ").to_owned();
                replace_in(s, r, &format!("{line}\n"), "")
            },
            rule("uncertain-has-note").says(&["milestone"]),
        ),
        c(
            "milestone-month-13",
            |s| {
                let line = first_block_line(s, "milestone");
                let month = &line["month = \"".len()..line.len() - 1];
                let year = &month[..4];
                replace_in(
                    s,
                    first_block(s, "milestone", &line),
                    &line,
                    &format!("month = \"{year}-13\""),
                )
            },
            rule("iso-month").says(&["-13`"]),
        ),
        c(
            "milestone-month-slash",
            |s| {
                let line = first_block_line(s, "milestone");
                let slashed = line.replacen('-', "/", 1);
                replace_in(s, first_block(s, "milestone", &line), &line, &slashed)
            },
            rule("iso-month"),
        ),
        c(
            "milestone-source-empty",
            |s| {
                let line = first_block_line(s, "milestone");
                let r = first_block(s, "milestone", &line);
                let src_line = line_in(s, r.clone(), "source = ").to_owned();
                replace_in(s, r, &src_line, "source = \" \"")
            },
            rule("has-source").says(&["milestone"]),
        ),
        c(
            "highlight-source-empty",
            |s| {
                let r = block(s, "highlight", "id = \"registered-users\"");
                let line = line_in(s, r.clone(), "source = ").to_owned();
                replace_in(s, r, &line, "source = \"\"")
            },
            rule("has-source").says(&["`registered-users`"]),
        ),
        c(
            "highlight-previous-year-after-report",
            |s| {
                in_block(
                    s,
                    "highlight",
                    "id = \"marketing-clients\"",
                    "previous_year = 2021",
                    "previous_year = 2023",
                )
            },
            rule("highlight-previous").says(&["`marketing-clients`", "2023"]),
        ),
        c(
            "highlight-previous-without-year",
            |s| {
                in_block(
                    s,
                    "highlight",
                    "id = \"marketing-clients\"",
                    "previous_year = 2021\n",
                    "",
                )
            },
            rule("highlight-previous").says(&["`marketing-clients`"]),
        ),
        c(
            "highlight-previous-qualifier-alone",
            |s| {
                once(
                    s,
                    "previous_qualifier = { zh = \"+\", en = \"over\" }\nprevious_year = 2021\n",
                    "previous_qualifier = { zh = \"+\", en = \"over\" }\n",
                )
                .replace("previous = \"400\"\n", "")
            },
            rule("highlight-previous").says(&["`yizhiyuan-diseases`", "previous_qualifier"]),
        ),
        c(
            "director-romanisation-unknown",
            |s| {
                in_director(
                    s,
                    "金色一賢",
                    "romanisation = \"japanese-reading\"",
                    "romanisation = \"guess\"",
                )
            },
            rule("toml-schema").says(&["unknown variant `guess`"]),
        ),
        c(
            "certification-month-malformed",
            |s| once(s, "year_month = \"2022-06\"", "year_month = \"2022-6\""),
            rule("iso-month").says(&["`2022-6`"]),
        ),
        // ---- dates
        c(
            "date-board-as-of-slashes",
            |s| in_report(s, "board_as_of = \"2022-12-31\"", "board_as_of = \"2022/12/31\""),
            rule("iso-date").says(&["`2022/12/31`"]),
        ),
        c(
            "date-february-30",
            |s| in_director(s, "李卓霖", "ceased = \"2023-04-14\"", "ceased = \"2023-02-30\""),
            rule("iso-date").says(&["李卓霖", "`2023-02-30`"]),
        ),
        c(
            "date-april-31",
            |s| in_report(s, "board_change = \"2023-04-14\"", "board_change = \"2023-04-31\""),
            rule("iso-date").says(&["`2023-04-31`"]),
        ),
        c(
            "date-february-29-not-leap",
            |s| {
                in_director(
                    s,
                    "金色一賢",
                    "appointed = \"2023-04-14\"",
                    "appointed = \"2023-02-29\"",
                )
            },
            rule("iso-date").says(&["金色一賢", "`2023-02-29`"]),
        ),
        c(
            "date-day-zero",
            |s| in_director(s, "李卓霖", "ceased = \"2023-04-14\"", "ceased = \"2023-04-00\""),
            rule("iso-date").says(&["`2023-04-00`"]),
        ),
        c(
            "date-appointed-after-ceased",
            |s| {
                in_director(
                    s,
                    "李卓霖",
                    "ceased = \"2023-04-14\"",
                    "appointed = \"2023-05-01\"\nceased = \"2023-04-14\"",
                )
            },
            rule("director-dates").says(&["李卓霖"]),
        ),
        c(
            "date-board-as-of-outside-year",
            |s| in_report(s, "board_as_of = \"2022-12-31\"", "board_as_of = \"2021-12-31\""),
            rule("board-as-of").says(&["`2021-12-31`", "2022"]),
        ),
        c(
            "date-revised-malformed",
            |s| in_report(s, "revised = \"2026-12-01\"", "revised = \"1 Dec 2026\""),
            rule("iso-date").says(&["`1 Dec 2026`"]),
        ),
        c(
            "date-revised-before-period-end",
            |s| in_report(s, "revised = \"2026-12-01\"", "revised = \"2022-06-30\""),
            rule("revised").says(&["`2022-06-30`", "`2022-12-31`"]),
        ),
        c(
            "report-revised-missing",
            |s| in_report(s, "revised = \"2026-12-01\"\n", ""),
            rule("toml-schema").says(&["missing field `revised`"]),
        ),
        // ---- acknowledged discrepancies
        c(
            "discrepancy-stale",
            |s| set_value(s, "turnover-rate-mainland", 2021, "36.7"),
            rule("discrepancy-still-true")
                .kpi("turnover-rate-mainland")
                .year(2021)
                .says(&["weighted-mean:turnover-by-region"]),
        ),
        c(
            "discrepancy-unacknowledged",
            |s| drop_block(s, "discrepancy", "rule = \"weighted-mean:turnover-by-region\""),
            rule("weighted-mean:turnover-by-region").kpi("turnover-rate").year(2021),
        ),
        c(
            "discrepancy-wrong-year",
            |s| {
                in_block(
                    s,
                    "discrepancy",
                    "rule = \"weighted-mean:turnover-by-region\"",
                    "year = 2021",
                    "year = 2022",
                )
            },
            rule("weighted-mean:turnover-by-region").kpi("turnover-rate").year(2021),
        ),
        c(
            "discrepancy-unknown-rule",
            |s| {
                once(
                    s,
                    "rule = \"weighted-mean:turnover-by-region\"",
                    "rule = \"weighted-mean:turnover-by-regions\"",
                )
            },
            rule("discrepancy-rule-known").says(&["`weighted-mean:turnover-by-regions`"]),
        ),
        c(
            "discrepancy-unknown-kpi",
            |s| {
                once(
                    s,
                    "kpis = [\"turnover-rate-mainland\", \"turnover-rate\"]",
                    "kpis = [\"turnover-rate-mainland\", \"turnover-rates\"]",
                )
            },
            rule("kpi-known").kpi("turnover-rates").year(2021),
        ),
        c(
            "discrepancy-kpi-outside-rule",
            |s| {
                once(
                    s,
                    "kpis = [\"turnover-rate-mainland\", \"turnover-rate\"]",
                    "kpis = [\"employees-female\"]",
                )
            },
            rule("discrepancy-kpis").kpi("employees-female").year(2021),
        ),
        c(
            "discrepancy-no-kpis",
            |s| once(s, "kpis = [\"turnover-rate-mainland\", \"turnover-rate\"]", "kpis = []"),
            rule("discrepancy-kpis").year(2021),
        ),
        // ---- the board roster
        c(
            "roster-age-band",
            |s| in_director(s, "周欣", "age = 42", "age = 51"),
            rule("roster:board-table")
                .kpi("board-age-30-50")
                .year(2022)
                .says(&["2022-12-31"]),
        ),
        c(
            "roster-role",
            |s| {
                in_director(
                    s,
                    "葉霖",
                    "role = \"independent-non-executive\"",
                    "role = \"non-executive\"",
                )
            },
            rule("roster:board-table").kpi("board-independent").year(2022),
        ),
        c(
            "roster-gender",
            |s| in_director(s, "王珊", "gender = \"female\"", "gender = \"male\""),
            rule("roster:board-table").kpi("board-female").year(2022),
        ),
        c(
            "roster-director-removed",
            |s| {
                let line = director_block(s, "王珊");
                drop_block(s, "director", &line)
            },
            rule("roster:board-table")
                .kpi("board-directors")
                .year(2022)
                .says(&["prints 9 but the roster has 8"]),
        ),
        c(
            "roster-ceased-in-period",
            |s| in_director(s, "李卓霖", "ceased = \"2023-04-14\"", "ceased = \"2022-06-30\""),
            rule("roster:board-table").kpi("board-directors").year(2022),
        ),
        c(
            "roster-missing",
            |s| {
                let mut s = s.to_owned();
                while s.contains("\n[[director]]\n") {
                    let line = first_block_line(&s, "director");
                    s = drop_block(&s, "director", &line);
                }
                s
            },
            rule("roster:board-table")
                .kpi("board-directors")
                .year(2022)
                .says(&["roster has 0"]),
        ),
        c(
            "roster-board-kpi-deleted",
            |s| drop_block(s, "kpi", "id = \"board-female\""),
            rule("roster:board-table").kpi("board-female").says(&["missing"]),
        ),
        c(
            "director-age-implausible",
            |s| in_director(s, "馬軍", "age = 68", "age = 7"),
            rule("director-age").says(&["馬軍", "7"]),
        ),
    ]
}

// ------------------------------------------------------------------ checks

/// The issue lines `esg_data::load` gives for `src` named `file`, or why it failed to reject.
fn load_lines(file: &str, src: &str) -> Result<Vec<String>, String> {
    match catch_unwind(AssertUnwindSafe(|| esg_data::load(file, src))) {
        Err(p) => Err(format!(
            "esg_data::load panicked: {}",
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default()
        )),
        Ok(Ok(_)) => Err("esg_data::load accepted it".into()),
        Ok(Err(issues)) if issues.is_empty() => Err("esg_data::load rejected it without an issue".into()),
        Ok(Err(issues)) => Ok(issues.iter().map(|i| i.to_string()).collect()),
    }
}

fn check_lines(case: &Case, file: &str, lines: &[String]) -> Result<(), String> {
    let stray: Vec<&String> = lines.iter().filter(|l| !l.starts_with(&format!("{file}: "))).collect();
    if !stray.is_empty() {
        return Err(format!(
            "lines that do not start with the file name `{file}`: {stray:?}"
        ));
    }
    // A message is for a person: one line of readable length, whatever the input.
    if let Some(long) = lines.iter().find(|l| l.contains('\n') || l.chars().count() > 600) {
        return Err(format!(
            "a message is not one readable line ({} chars): {}…",
            long.chars().count(),
            long.chars().take(200).collect::<String>()
        ));
    }
    if lines.iter().any(|l| case.expect.matches(file, l)) {
        Ok(())
    } else {
        Err(format!(
            "no line with {}; got:\n    {}",
            case.expect.describe(),
            lines.join("\n    ")
        ))
    }
}

fn edited(case: &Case) -> String {
    let src = (case.edit)(esg_data::REPORT_2022);
    assert_ne!(src, esg_data::REPORT_2022, "{}: the edit changed nothing", case.name);
    src
}

#[test]
fn the_real_file_passes() {
    if let Err(issues) = esg_data::report_2022() {
        panic!(
            "the data file itself fails, so the corpus proves nothing:\n{}",
            issues.iter().map(|i| i.to_string()).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn corpus_is_large_and_names_are_unique() {
    let cases = cases();
    assert!(cases.len() >= 50, "only {} cases", cases.len());
    let mut names: Vec<&str> = cases.iter().map(|c| c.name).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(names.len(), before, "case names must be unique");
    for n in names {
        assert!(
            esg_data::load::is_kebab(n),
            "case name `{n}` is not a file-name-safe kebab-case id"
        );
    }
}

#[test]
fn every_bad_file_is_rejected_by_load_with_a_precise_message() {
    let dump = std::env::var_os("ESG_BAD_CORPUS_DIR").map(PathBuf::from);
    if let Some(dir) = &dump {
        std::fs::create_dir_all(dir).expect("create ESG_BAD_CORPUS_DIR");
    }
    let mut failures = Vec::new();
    for case in cases() {
        let file = format!("data/tests/bad/{}.toml", case.name);
        let src = match catch_unwind(AssertUnwindSafe(|| edited(&case))) {
            Ok(s) => s,
            Err(_) => {
                failures.push(format!(
                    "{}: the edit could not be applied (see the panic above)",
                    case.name
                ));
                continue;
            }
        };
        if let Some(dir) = &dump {
            std::fs::write(dir.join(format!("{}.toml", case.name)), &src).expect("write corpus file");
        }
        match load_lines(&file, &src).and_then(|lines| check_lines(&case, &file, &lines)) {
            Ok(()) => {}
            Err(e) => failures.push(format!("{}: {e}", case.name)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Runs `esg-data validate PATH` (the binary `cargo run -p esg-data` runs).
fn validate(path: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_esg-data"))
        .arg("validate")
        .arg(path)
        .output()
        .expect("run esg-data")
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("esg-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn every_bad_file_is_rejected_by_the_cli_with_a_precise_message() {
    let tmp = TempDir::new("bad-corpus");
    let mut failures = Vec::new();
    for case in cases() {
        let Ok(src) = catch_unwind(AssertUnwindSafe(|| edited(&case))) else {
            failures.push(format!("{}: the edit could not be applied", case.name));
            continue;
        };
        let path = tmp.0.join(format!("{}.toml", case.name));
        std::fs::write(&path, &src).expect("write");
        let out = validate(&path);
        let shown = path.display().to_string();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let lines: Vec<String> = stdout.lines().map(str::to_owned).collect();
        if out.status.code() != Some(1) {
            failures.push(format!(
                "{}: exit status {:?} (want 1)\nstdout: {stdout}\nstderr: {stderr}",
                case.name,
                out.status.code()
            ));
        } else if !stderr.contains(&format!("{shown}: {} broken rule(s)", lines.len())) {
            failures.push(format!("{}: stderr does not count the issues: {stderr}", case.name));
        } else if let Err(e) = check_lines(&case, &shown, &lines) {
            failures.push(format!("{}: {e}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn unreadable_files_are_rejected_by_the_cli() {
    let tmp = TempDir::new("bad-files");
    // Not UTF-8 (a data file saved as Big5 by mistake).
    let big5 = tmp.0.join("big5.toml");
    std::fs::write(
        &big5,
        b"[report]\nyear = 2022\ncompany = { zh = \"\xc2\xe5\xaf\xdf\xb3\x71\" }\n",
    )
    .expect("write");
    // A path that does not exist.
    let missing = tmp.0.join("missing.toml");
    for path in [big5.as_path(), missing.as_path()] {
        let out = validate(path);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", path.display());
        assert!(
            stderr.starts_with(&format!("{}: cannot read", path.display())),
            "{}: {stderr}",
            path.display()
        );
    }
    // A folder is read file by file: the unreadable one is named.
    let out = validate(&tmp.0);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(&format!("{}: rule `readable`: not valid UTF-8", big5.display())),
        "{stdout}"
    );
    // No PATH at all is a usage error.
    let out = Command::new(env!("CARGO_BIN_EXE_esg-data"))
        .arg("validate")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

// ------------------------------------------------------------------ the set of reports

/// The fictional 2023 fixture (`tests/fixtures/reports/2023.toml`), which restates 2022.
fn fixture_2023() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/reports/2023.toml");
    std::fs::read_to_string(path).expect("the 2023 fixture")
}

/// `src` with the one occurrence of `from` inside the `[[kpi]]` block `id` replaced.
fn kpi_edit(src: &str, id: &str, from: &str, to: &str) -> String {
    replace_in(src, kpi_block(src, id), from, to)
}

/// A folder of reports that breaks a cross-report rule: files, whether fictional data is
/// allowed, and the one line each of `load_set` and `esg-data validate DIR` must print
/// (`{dir}` stands for the folder as given).
struct SetCase {
    name: &'static str,
    files: Vec<(&'static str, String)>,
    allow_fictional: bool,
    want: &'static str,
}

fn set_cases() -> Vec<SetCase> {
    let real = esg_data::REPORT_2022.to_owned();
    let y2023 = fixture_2023();
    vec![
        SetCase {
            name: "unit-changed-without-a-note",
            files: vec![
                ("2022.toml", real.clone()),
                ("2023.toml", kpi_edit(&y2023, "donations", "unit = \"萬元\"", "unit = \"元\"")),
            ],
            allow_fictional: true,
            want: "{dir}/2023.toml: kpi `donations`: rule `unit-change`: `unit` is `元` here but `萬元` in {dir}/2022.toml",
        },
        SetCase {
            name: "kpi-id-reused-with-another-meaning",
            files: vec![
                ("2022.toml", real.clone()),
                (
                    "2023.toml",
                    kpi_edit(
                        &kpi_edit(&y2023, "customer-complaints", "section = \"customer-service\"", "section = \"community\""),
                        "customer-complaints",
                        "zh = \"所提供的服務被客戶投訴量\"",
                        "zh = \"社區活動次數\"",
                    ),
                ),
            ],
            allow_fictional: true,
            want: "{dir}/2023.toml: kpi `customer-complaints`: rule `kpi-meaning`: the id names 「社區活動次數」 in section `community` here but 「所提供的服務被客戶投訴量」 in section `customer-service` in {dir}/2022.toml",
        },
        SetCase {
            name: "two-files-claim-the-same-year",
            files: vec![("2022.toml", real.clone()), ("2022-copy.toml", real.clone())],
            allow_fictional: false,
            want: "{dir}/2022.toml: year 2022: rule `report-year-unique`: `[report] year` is also the year of {dir}/2022-copy.toml",
        },
        SetCase {
            name: "fictional-without-the-allow-flag",
            files: vec![("2022.toml", real.clone()), ("2023.toml", y2023.clone())],
            allow_fictional: false,
            want: "{dir}/2023.toml: rule `fictional`: `[report] fictional`: this file is fictional test data and is never shipped",
        },
        SetCase {
            name: "fictional-mark-reworded",
            files: vec![(
                "2023.toml",
                y2023.replacen("fictional = \"fictional test data\"", "fictional = \"yes\"", 1),
            )],
            allow_fictional: true,
            want: "{dir}/2023.toml: rule `fictional`: `[report] fictional` is `yes`; a fictional file says exactly `fictional test data`",
        },
    ]
}

#[test]
fn every_bad_set_of_reports_is_rejected_naming_file_field_and_rule() {
    let mut failures = Vec::new();
    for case in set_cases() {
        let tmp = TempDir::new(&format!("bad-set-{}", case.name));
        for (name, src) in &case.files {
            std::fs::write(tmp.0.join(name), src).expect("write");
        }
        let dir = tmp.0.display().to_string();
        let want = case.want.replace("{dir}", &dir);
        // The library, as the build calls it.
        match esg_data::reports::load_dir(&tmp.0, &dir, case.allow_fictional) {
            Ok(_) => failures.push(format!("{}: accepted by load_dir", case.name)),
            Err(issues) => {
                let lines: Vec<String> = issues.iter().map(|i| i.to_string()).collect();
                if lines.len() != 1 || !lines[0].starts_with(&want) {
                    failures.push(format!(
                        "{}: load_dir said\n  {}\nwant\n  {want}",
                        case.name,
                        lines.join("\n  ")
                    ));
                }
            }
        }
        // The CLI, with the same setting.
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_esg-data"));
        cmd.arg("validate")
            .arg(&tmp.0)
            .env_remove("ESG_DATA_DIR")
            .env_remove("ESG_ALLOW_FICTIONAL");
        if case.allow_fictional {
            cmd.env("ESG_ALLOW_FICTIONAL", "1");
        }
        let out = cmd.output().expect("run esg-data");
        let stdout = String::from_utf8_lossy(&out.stdout);
        if out.status.code() != Some(1) || !stdout.lines().any(|l| l.starts_with(&want)) {
            failures.push(format!(
                "{}: esg-data validate said ({:?})\n{stdout}",
                case.name,
                out.status.code()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_unit_change_with_a_note_passes_and_keeps_only_the_new_units_years() {
    let y2023 = kpi_edit(
        &fixture_2023(),
        "donations",
        "unit = \"萬元\"",
        "unit = \"元\"\nunit_change = { zh = \"改以元列示。\", en = \"Now in RMB.\" }",
    );
    let set = esg_data::reports::load_set(
        &[
            ("2022.toml".into(), esg_data::REPORT_2022.into()),
            ("2023.toml".into(), y2023),
        ],
        true,
    )
    .unwrap_or_else(|i| panic!("{}", i.iter().map(|i| i.to_string()).collect::<Vec<_>>().join("\n")));
    let k = set.merged.kpi("donations").expect("donations");
    assert_eq!(k.unit, "元");
    assert_eq!(
        k.values.iter().map(|v| v.year).collect::<Vec<_>>(),
        [2022, 2023],
        "2021 was in 萬元 only"
    );
    assert!(
        k.values.iter().all(|v| v.restated.is_none()),
        "another unit is no restatement"
    );
}
