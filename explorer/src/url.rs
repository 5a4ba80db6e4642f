//! The explorer's state as one typed struct, read from and written to the query string.
//!
//! Query parameters (not paths) so any static host and any sub-path work without rewrites.
//! Reading never fails: each parameter is valid, invalid (ignored, default used) or missing.
//! Writing emits only what differs from the defaults, in a fixed order, so links are short
//! and stable. View names are a public contract (shared links, the annual-report page).

use esg_data::Lang;

/// A page of the explorer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Overview,
    Environment,
    Social,
    Governance,
    Board,
    Stakeholders,
    Materiality,
    Highlights,
    Index,
}

impl View {
    pub const ALL: [View; 9] = [
        View::Overview,
        View::Environment,
        View::Social,
        View::Governance,
        View::Board,
        View::Stakeholders,
        View::Materiality,
        View::Highlights,
        View::Index,
    ];
    /// The views in the main navigation; the others sit under "more".
    pub const PRIMARY: [View; 4] = [View::Overview, View::Environment, View::Social, View::Governance];

    /// The stable URL name.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Environment => "environment",
            View::Social => "social",
            View::Governance => "governance",
            View::Board => "board",
            View::Stakeholders => "stakeholders",
            View::Materiality => "materiality",
            View::Highlights => "highlights",
            View::Index => "index",
        }
    }

    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// The pillar a KPI view shows.
    pub fn pillar(self) -> Option<esg_data::Pillar> {
        match self {
            View::Environment => Some(esg_data::Pillar::E),
            View::Social => Some(esg_data::Pillar::S),
            View::Governance => Some(esg_data::Pillar::G),
            _ => None,
        }
    }

    pub fn for_pillar(p: esg_data::Pillar) -> View {
        match p {
            esg_data::Pillar::E => View::Environment,
            esg_data::Pillar::S => View::Social,
            esg_data::Pillar::G => View::Governance,
        }
    }
}

/// Charts, or their table twins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Chart,
    Table,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Chart => "chart",
            Mode::Table => "table",
        }
    }
}

/// The date the board view reflects: the report's period end, or after the April 2023 change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BoardDate {
    #[default]
    PeriodEnd,
    AfterChange,
}

/// Absolute figures, or per-employee figures where a group has them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Measure {
    #[default]
    Absolute,
    PerEmployee,
}

/// Everything a link can say.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct UrlState {
    pub view: View,
    /// A KPI to scroll to and highlight; only ids the dataset has survive parsing.
    pub kpi: Option<String>,
    pub mode: Mode,
    pub measure: Measure,
    /// The language asked for in the link; `None` means "the reader's browser decides".
    pub lang: Option<Lang>,
    /// The board view's date.
    pub board: BoardDate,
    /// A single widget for an iframe on another page (no site navigation).
    pub embed: Option<crate::embed::Widget>,
    /// The stakeholder group chosen on the map (`group=doctors`): a well-formed id here;
    /// the app keeps it only if the dataset has that group (else: none chosen).
    pub group: Option<String>,
}

/// Whether `v` can be an id of the dataset (kebab-case ASCII, 1–64 characters): anything
/// else in `group=` is ignored.
pub fn is_id(v: &str) -> bool {
    !v.is_empty()
        && v.len() <= MAX_VALUE
        && v.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !v.starts_with('-')
        && !v.ends_with('-')
}

/// Reads a language tag: `zh-Hant`, its regional aliases, or English.
pub fn parse_lang(tag: &str) -> Option<Lang> {
    let t = tag.trim().to_ascii_lowercase();
    match t.as_str() {
        "zh-hant" | "zh-hk" | "zh-tw" | "zh-mo" | "zh-hant-hk" | "zh-hant-tw" | "zh" => Some(Lang::ZhHant),
        "en" => Some(Lang::En),
        _ if t.starts_with("en-") => Some(Lang::En),
        _ if t.starts_with("zh-hant-") => Some(Lang::ZhHant),
        _ => None,
    }
}

/// The language for a reader whose browser prefers `preferred` (most preferred first):
/// the first we support, else Traditional Chinese (the prevailing version).
pub fn negotiate_lang<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
    preferred.into_iter().find_map(parse_lang).unwrap_or(Lang::ZhHant)
}

/// Decodes `%XX` and `+`; malformed escapes stay as typed, invalid UTF-8 is replaced.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a query value (ids are kebab-case, so this is rarely needed).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Every query key [`UrlState::parse`] reads. A link carrying one asks for a state its
/// static page may not show (a KPI, table mode …): there the app starts at once, not at the
/// reader's first interaction (`static/boot.js` holds a copy; a test checks the two agree).
pub const STATE_KEYS: [&str; 8] = ["view", "kpi", "mode", "measure", "lang", "embed", "group", "asof"];

/// The longest value worth looking at; longer ones are garbage.
const MAX_VALUE: usize = 64;

impl UrlState {
    /// Reads a query string (with or without the leading `?`). `is_kpi` says which KPI
    /// ids exist. The first valid value of a repeated key wins. `year=` (old links) is
    /// ignored: each report year's site has its own path, and shows its newest report.
    pub fn parse(query: &str, is_kpi: &dyn Fn(&str) -> bool) -> UrlState {
        let mut s = UrlState::default();
        let (mut view, mut kpi, mut mode, mut measure, mut lang) = (None, None, None, None, None);
        let mut board = None;
        let mut embed = None;
        let mut group = None;
        for pair in query.trim_start_matches('?').split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            if v.len() > MAX_VALUE * 3 {
                continue;
            }
            let v = percent_decode(v);
            let v = v.trim();
            match percent_decode(k).as_str() {
                "view" if view.is_none() => view = View::parse(v),
                "kpi" if kpi.is_none() => kpi = is_kpi(v).then(|| v.to_owned()),
                "mode" if mode.is_none() => {
                    mode = match v {
                        "table" => Some(Mode::Table),
                        "chart" => Some(Mode::Chart),
                        _ => None,
                    }
                }
                "measure" if measure.is_none() => {
                    measure = match v {
                        "per-employee" => Some(Measure::PerEmployee),
                        "total" => Some(Measure::Absolute),
                        _ => None,
                    }
                }
                "lang" if lang.is_none() => lang = parse_lang(v),
                "embed" if embed.is_none() => embed = crate::embed::Widget::parse_param(v),
                "group" if group.is_none() => group = is_id(v).then(|| v.to_owned()),
                "asof" if board.is_none() => {
                    board = match v {
                        "after-change" => Some(BoardDate::AfterChange),
                        "period-end" => Some(BoardDate::PeriodEnd),
                        _ => None,
                    }
                }
                _ => {}
            }
        }
        s.view = view.unwrap_or_default();
        s.kpi = kpi;
        s.mode = mode.unwrap_or_default();
        s.measure = measure.unwrap_or_default();
        s.lang = lang;
        s.board = board.unwrap_or_default();
        s.embed = embed;
        s.group = group;
        s
    }

    /// Whether this state shows the stakeholder map (its view, or its widget), where a
    /// `group` means something. The app drops the group on the way anywhere else.
    pub fn on_map(&self) -> bool {
        match &self.embed {
            Some(w) => *w == crate::embed::Widget::Stakeholders,
            None => self.view == View::Stakeholders,
        }
    }

    /// The query string for this state (`?view=social&lang=en`), or empty for the defaults.
    /// The old, query-only form of
    /// a link: it still works everywhere (the site root sends it to its page).
    pub fn to_query(&self) -> String {
        self.query(true)
    }

    /// The query string a static page adds to its path (`en/social/?mode=table`): the
    /// state less what the page's path already says (view, language, widget).
    pub fn page_query(&self) -> String {
        self.query(false)
    }

    fn query(&self, with_page: bool) -> String {
        let mut parts: Vec<String> = Vec::new();
        if with_page && self.view != View::default() {
            parts.push(format!("view={}", self.view.as_str()));
        }
        if let Some(k) = &self.kpi {
            parts.push(format!("kpi={}", percent_encode(k)));
        }
        if self.mode != Mode::default() {
            parts.push(format!("mode={}", self.mode.as_str()));
        }
        if self.measure == Measure::PerEmployee {
            parts.push("measure=per-employee".into());
        }
        if let Some(w) = self.embed.as_ref().filter(|_| with_page) {
            parts.push(format!("embed={}", percent_encode(w.id())));
        }
        if self.board == BoardDate::AfterChange {
            parts.push("asof=after-change".into());
        }
        if let Some(g) = &self.group {
            parts.push(format!("group={}", percent_encode(g)));
        }
        if let Some(l) = self.lang.filter(|_| with_page) {
            parts.push(format!("lang={}", l.tag()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_kpi(id: &str) -> bool {
        ["ghg-scope-2", "employees"].contains(&id)
    }

    fn parse(q: &str) -> UrlState {
        UrlState::parse(q, &is_kpi)
    }

    #[test]
    fn defaults_write_nothing() {
        assert_eq!(UrlState::default().to_query(), "");
        assert_eq!(parse(""), UrlState::default());
    }

    #[test]
    fn round_trip() {
        let s = UrlState {
            view: View::Social,
            kpi: Some("employees".into()),
            mode: Mode::Table,
            measure: Measure::PerEmployee,
            lang: Some(Lang::En),
            board: BoardDate::AfterChange,
            embed: Some(crate::embed::Widget::Group("turnover")),
            group: None,
        };
        let q = s.to_query();
        assert_eq!(
            q,
            "?view=social&kpi=employees&mode=table&measure=per-employee&embed=turnover&asof=after-change&lang=en"
        );
        assert_eq!(parse(&q), s);
    }

    /// boot.js starts the app at once for a link carrying any of these keys: each must be
    /// one that `parse` reads, and a key `parse` ignores must not be among them.
    #[test]
    fn state_keys_are_exactly_the_keys_parse_reads() {
        let values = [
            ("view", "board"),
            ("kpi", "employees"),
            ("mode", "table"),
            ("measure", "per-employee"),
            ("lang", "en"),
            ("embed", "ghg"),
            ("group", "investors"),
            ("asof", "after-change"),
        ];
        assert_eq!(values.map(|(k, _)| k), STATE_KEYS);
        for (k, v) in values {
            assert_ne!(parse(&format!("?{k}={v}")), UrlState::default(), "{k}");
        }
        let boot = include_str!("../../static/boot.js");
        let copy = format!("var keys = [{}];", STATE_KEYS.map(|k| format!("'{k}'")).join(", "));
        assert!(
            boot.contains(&copy),
            "static/boot.js's list differs from STATE_KEYS: {copy}"
        );
        for ignored in ["year", "utm_source", "from"] {
            assert!(!STATE_KEYS.contains(&ignored));
            assert_eq!(parse(&format!("?{ignored}=1")), UrlState::default(), "{ignored}");
        }
    }

    #[test]
    fn garbage_falls_back_to_defaults() {
        let s = parse("?view=<script>&kpi=nope&mode=3d&lang=fr&year=1999&measure=x&%zz=1&&=&view=social");
        assert_eq!(
            s.view,
            View::Social,
            "a later valid value is used when the first is invalid"
        );
        assert_eq!(s.kpi, None);
        assert_eq!(s.mode, Mode::Chart);
        assert_eq!(s.lang, None);
        assert_eq!(parse("view=environment&view=social").view, View::Environment);
        assert_eq!(parse(&format!("view={}", "a".repeat(10_000))).view, View::Overview);
    }

    #[test]
    fn a_stakeholder_group_round_trips_and_knows_its_map() {
        let s = parse("?view=stakeholders&group=clients&lang=en");
        assert_eq!(s.group.as_deref(), Some("clients"));
        assert!(s.on_map());
        assert_eq!(s.to_query(), "?view=stakeholders&group=clients&lang=en");
        assert_eq!(parse(&s.to_query()), s);
        assert_eq!(s.page_query(), "?group=clients");
        let embed = parse("?embed=stakeholders&group=doctors");
        assert!(embed.on_map());
        assert_eq!(embed.to_query(), "?embed=stakeholders&group=doctors");
        assert!(!parse("?view=social&group=doctors").on_map());
        assert!(!parse("?view=stakeholders&embed=ghg").on_map());
    }

    #[test]
    fn a_bad_group_is_no_group() {
        for bad in [
            "",
            "Doctors",
            "doctors!",
            "-doctors",
            "doctors-",
            "%3Cscript%3E",
            "醫生",
            "doctors%00",
            "a b",
            "../clients",
            "clients/x",
        ] {
            let s = parse(&format!("view=stakeholders&group={bad}"));
            assert_eq!(s.group, None, "{bad:?}");
            assert_eq!(s.view, View::Stakeholders);
            assert_eq!(s.to_query(), "?view=stakeholders", "{bad:?}");
        }
        assert_eq!(parse(&format!("group={}", "a".repeat(65))).group, None);
        assert_eq!(parse(&format!("group={}", "a".repeat(64))).group, Some("a".repeat(64)));
        // The first well-formed value wins, as for every key.
        assert_eq!(
            parse("group=X&group=clients&group=doctors").group.as_deref(),
            Some("clients")
        );
    }

    #[test]
    fn language_aliases_and_negotiation() {
        for t in ["zh-Hant", "zh-HK", "zh-TW", "ZH-hk"] {
            assert_eq!(parse_lang(t), Some(Lang::ZhHant), "{t}");
        }
        assert_eq!(parse_lang("en-GB"), Some(Lang::En));
        assert_eq!(parse_lang("zh-CN"), None);
        assert_eq!(negotiate_lang(["fr-FR", "en-US", "zh-TW"]), Lang::En);
        assert_eq!(negotiate_lang(["fr", "de"]), Lang::ZhHant);
        assert_eq!(parse("lang=zh-TW").lang, Some(Lang::ZhHant));
    }

    #[test]
    fn decoding_never_panics() {
        assert_eq!(percent_decode("a%2Db+c%"), "a-b c%");
        assert_eq!(percent_decode("%E4%B8%AD"), "中");
        assert_eq!(percent_decode("%ff%fe"), "\u{fffd}\u{fffd}");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(parse("view=%73ocial").view, View::Social);
    }
}
