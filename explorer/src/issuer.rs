//! Who reports and for which period, as an analyst names them, and the build setting that
//! links the report itself.
//!
//! The header line reads 醫脈通（香港聯交所：2192）· 截至2022年12月31日止年度 in Chinese and
//! Medlive (HKEX: 2192) · Year ended 31 December 2022 in English. The short name is the
//! report's own (「以下簡稱「醫脈通」」), the year the dataset's, and the period's end the
//! one the dataset's period prints (a test holds the two together).

use crate::i18n::Msg;
use esg_data::{Lang, Report};

/// The issuer's stock code on the Main Board of the Hong Kong Stock Exchange, kept with the
/// data (the data files' `entity` column uses it too).
pub use esg_data::long::HKEX_STOCK_CODE;

/// "醫脈通（香港聯交所：2192）" / "Medlive (HKEX: 2192)".
pub fn issuer(lang: Lang) -> String {
    Msg::Issuer.fill(lang, &[("code", HKEX_STOCK_CODE)])
}

/// "截至2022年12月31日止年度" / "Year ended 31 December 2022", the year from the dataset.
pub fn period(report: &Report, lang: Lang) -> String {
    Msg::YearEnded.for_report(lang, report)
}

/// The build setting naming the report itself: `ESG_REPORT_URL`.
pub const REPORT_URL_SETTING: &str = "ESG_REPORT_URL";

/// Reads `ESG_REPORT_URL`: empty means unset (no link at all); anything else must be an
/// `https` URL with a host, no user name or password, at most 2,000 characters of printable
/// ASCII without spaces, quotes, angle brackets, backslashes or backticks (a link we write
/// into every page, so nothing that could end an attribute or hide another host). A query
/// or fragment is fine (`#page=12`). An error names the setting and the rule.
pub fn parse_report_url(raw: &str) -> Result<Option<String>, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let host = raw.strip_prefix("https://").map(|rest| {
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        &rest[..end]
    });
    let printable = raw
        .bytes()
        .all(|b| b.is_ascii_graphic() && !matches!(b, b'"' | b'\'' | b'<' | b'>' | b'\\' | b'`'));
    let ok = matches!(host, Some(h) if !h.is_empty() && !h.contains('@') && !h.starts_with(':'));
    if !ok || !printable || raw.len() > 2000 {
        return Err(format!(
            "{REPORT_URL_SETTING}={raw:?}: must be the report's https URL (a host, no user or password, printable ASCII without spaces, quotes, <, >, \\ or `, at most 2000 characters), e.g. https://ir.example.com/reports/esg-2022.pdf; leave it unset for no link"
        ));
    }
    Ok(Some(raw.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_issuer_and_the_period_from_the_dataset() {
        let r = esg_data::report_2022().expect("data");
        assert_eq!(issuer(Lang::ZhHant), "醫脈通（香港聯交所：2192）");
        assert_eq!(issuer(Lang::En), "Medlive (HKEX: 2192)");
        assert_eq!(period(&r, Lang::ZhHant), "截至2022年12月31日止年度");
        assert_eq!(period(&r, Lang::En), "Year ended 31 December 2022");
        // The period the line names is the one the dataset gives (the report's 報告期間).
        let year = r.report.year;
        assert!(
            r.report.period.zh.ends_with(&format!("至{year}年12月31日")),
            "{}",
            r.report.period.zh
        );
        assert!(
            r.report.period.en.ends_with(&format!("to 31 December {year}")),
            "{}",
            r.report.period.en
        );
        assert!(
            r.report.period.zh.starts_with(&format!("{year}年1月1日")),
            "a full calendar year"
        );
        // The short name is the report's own.
        assert!(r.report.company.zh.starts_with("醫脈通") && r.report.company.en.starts_with("Medlive"));
        // Another year's dataset names its own year.
        let mut other = r.clone();
        other.report.year = 2023;
        assert_eq!(period(&other, Lang::En), "Year ended 31 December 2023");
    }

    #[test]
    fn the_report_url_setting() {
        assert_eq!(parse_report_url(""), Ok(None));
        assert_eq!(parse_report_url("  "), Ok(None));
        let url = "https://www1.hkexnews.hk/listedco/listconews/sehk/2023/0425/2023042500123_c.pdf";
        assert_eq!(parse_report_url(url), Ok(Some(url.to_owned())));
        assert_eq!(
            parse_report_url(" https://ir.medlive.cn/esg.pdf#page=3 "),
            Ok(Some("https://ir.medlive.cn/esg.pdf#page=3".to_owned()))
        );
        for bad in [
            "http://ir.medlive.cn/esg.pdf",
            "ir.medlive.cn/esg.pdf",
            "javascript:alert(1)",
            "https://",
            "https:///esg.pdf",
            "https://user:pw@evil.example/",
            "https://ir.medlive.cn/a b.pdf",
            "https://ir.medlive.cn/\"onmouseover=x",
            "https://ir.medlive.cn/<x>",
            "https://ir.medlive.cn/報告.pdf",
            "//evil.example/",
        ] {
            let e = parse_report_url(bad).expect_err(bad);
            assert!(e.starts_with("ESG_REPORT_URL="), "{e}");
            assert!(e.contains("https URL"), "{e}");
        }
        assert!(parse_report_url(&format!("https://a.example/{}", "x".repeat(2000))).is_err());
    }
}
