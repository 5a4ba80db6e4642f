//! Fuzzing the query string: `UrlState::parse` reads whatever a link, a bookmark, a chat
//! app or an attacker puts after the `?`. It must never panic, must always give a state the
//! app can render (a KPI id the dataset has), must ignore what it (and `year=`)
//! does not understand, and what it writes back must read back as the same state.
//!
//! Uses the real dataset's KPI ids and years. About 12 000 generated inputs; a few seconds.

use esg_explorer::embed::{widget_ids, Widget};
use esg_explorer::esg_data::{self, Lang};
use esg_explorer::url::{percent_decode, BoardDate, Measure, Mode, UrlState, View};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use std::collections::BTreeSet;
use std::sync::OnceLock;

struct Dataset {
    kpis: BTreeSet<String>,
    groups: Vec<String>,
    years: Vec<u16>,
    report_year: u16,
}

fn data() -> &'static Dataset {
    static D: OnceLock<Dataset> = OnceLock::new();
    D.get_or_init(|| {
        let r = esg_data::report_2022().expect("the bundled report is valid");
        Dataset {
            kpis: r.kpis.iter().map(|k| k.id.clone()).collect(),
            groups: r.stakeholders.iter().map(|s| s.id.clone()).collect(),
            years: r.report.years(),
            report_year: r.report.year,
        }
    })
}

fn is_kpi(id: &str) -> bool {
    data().kpis.contains(id)
}

fn parse(q: &str) -> UrlState {
    UrlState::parse(q, &is_kpi)
}

fn to_query(s: &UrlState) -> String {
    s.to_query()
}

/// The state as the link means it (no known round-trip gaps remain).
fn normalized(s: UrlState) -> UrlState {
    s
}

/// What every parsed state must satisfy, whatever the input.
fn assert_renderable(input: &str, s: &UrlState) -> Result<(), TestCaseError> {
    if let Some(k) = &s.kpi {
        prop_assert!(is_kpi(k), "kpi {:?} is not a dataset id (input {:?})", k, input);
    }
    prop_assert!(View::ALL.contains(&s.view));
    if let Some(g) = &s.group {
        prop_assert!(esg_explorer::url::is_id(g), "group {:?} (input {:?})", g, input);
    }
    if let Some(Widget::Unknown(id)) = &s.embed {
        prop_assert!(
            id.len() <= 40 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
            "unknown embed id kept unsafely: {:?}",
            id
        );
    }
    let s = &normalized(s.clone());
    // What the app writes into the address bar: short, plain ASCII, nothing to escape in
    // HTML or JS, only keys we know, and it reads back as the same state.
    let q = to_query(s);
    prop_assert!(q.len() <= 200, "query too long: {}", q);
    prop_assert!(
        q.bytes().all(|b| b.is_ascii_alphanumeric() || b"?&=%-_.~".contains(&b)),
        "unsafe character in {:?}",
        q
    );
    if !q.is_empty() {
        prop_assert!(q.starts_with('?'));
        for pair in q[1..].split('&') {
            let (k, v) = pair.split_once('=').expect("key=value");
            prop_assert!(KEYS.contains(&k), "unknown key written: {}", k);
            prop_assert!(!v.is_empty(), "empty value written for {}", k);
        }
    }
    prop_assert_eq!(&normalized(parse(&q)), s, "round trip of {:?} via {:?}", input, q);
    // Writing is stable: the second round gives the same text.
    prop_assert_eq!(to_query(&parse(&q)), q);
    Ok(())
}

// ------------------------------------------------------------------ generators

// `group` and `embed` last: the noise test leaves them out.
const KEYS: &[&str] = &[
    "view", "kpi", "mode", "measure", "lang", "year", "asof", "group", "embed",
];

/// Valid values for each key (several spellings where the parser accepts them).
fn valid_value(key: &'static str) -> BoxedStrategy<String> {
    let d = data();
    match key {
        "view" => proptest::sample::select(View::ALL.map(View::as_str).to_vec())
            .prop_map(str::to_owned)
            .boxed(),
        "kpi" => proptest::sample::select(d.kpis.iter().cloned().collect::<Vec<_>>()).boxed(),
        "mode" => proptest::sample::select(vec!["chart", "table"])
            .prop_map(str::to_owned)
            .boxed(),
        "measure" => proptest::sample::select(vec!["total", "per-employee"])
            .prop_map(str::to_owned)
            .boxed(),
        "lang" => proptest::sample::select(vec![
            "zh-Hant",
            "zh-hant",
            "zh-TW",
            "zh-HK",
            "zh-MO",
            "zh",
            "ZH-hk",
            "zh-Hant-TW",
            "en",
            "EN",
            "en-GB",
            "en-US",
        ])
        .prop_map(str::to_owned)
        .boxed(),
        "year" => proptest::sample::select(d.years.clone())
            .prop_map(|y| y.to_string())
            .boxed(),
        "asof" => proptest::sample::select(vec!["period-end", "after-change"])
            .prop_map(str::to_owned)
            .boxed(),
        "embed" => proptest::sample::select(widget_ids()).prop_map(str::to_owned).boxed(),
        "group" => proptest::sample::select(d.groups.clone()).boxed(),
        _ => unreachable!(),
    }
}

/// Text no parameter accepts (it starts with a character no valid value has).
fn invalid_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<script>alert(1)</script>".to_owned()),
        Just("\"><img src=x onerror=alert(1)>".to_owned()),
        Just("javascript:alert(document.cookie)".to_owned()),
        Just("%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_owned()),
        Just("../../../../etc/passwd".to_owned()),
        Just("%00".to_owned()),
        Just("%".to_owned()),
        Just("%%%".to_owned()),
        Just("%G1".to_owned()),
        Just("%E4%B8".to_owned()),
        Just("%ff%fe%fd".to_owned()),
        Just("1999".to_owned()),
        Just("99999999999999999999".to_owned()),
        Just("-2022".to_owned()),
        Just("0x7e6".to_owned()),
        Just("NaN".to_owned()),
        Just("social;DROP TABLE".to_owned()),
        Just("zh-CN".to_owned()),
        Just("fr".to_owned()),
        Just("3d".to_owned()),
        Just("\u{202e}weiv".to_owned()),
        "[a-z]{0,3}@[\\PC]{0,20}",
        "[\\PC]{0,20}".prop_map(|s| format!("\u{1F4A3}{s}")),
    ]
}

fn unknown_key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("".to_owned()),
        Just("View".to_owned()),
        Just("VIEW".to_owned()),
        Just("view ".to_owned()),
        Just(" view".to_owned()),
        Just("views".to_owned()),
        Just("__proto__".to_owned()),
        Just("constructor".to_owned()),
        Just("utm_source".to_owned()),
        Just("fbclid".to_owned()),
        Just("%".to_owned()),
        Just("%zz".to_owned()),
        Just("視圖".to_owned()),
        "[a-z_]{1,12}".prop_filter("a known key", |k| !KEYS.contains(&k.as_str())),
        "[\\PC]{1,16}".prop_filter("a known key", |k| !KEYS.contains(&percent_decode(k).as_str())),
    ]
}

/// Anything at all for a value, including huge ones.
fn any_value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => invalid_value(),
        2 => proptest::sample::select(KEYS.to_vec()).prop_flat_map(valid_value),
        1 => any::<String>(),
        // Around the parser's length cut-off (192 bytes), and far beyond it.
        1 => prop_oneof![150usize..260, 1usize..50_000].prop_map(|n| "a".repeat(n)),
        1 => prop_oneof![60usize..70, 1usize..5_000].prop_map(|n| "%".repeat(n)),
        1 => prop_oneof![60usize..70, 1usize..3_000].prop_map(|n| "中".repeat(n)),
        1 => (1usize..200).prop_map(|n| format!("social{}", " ".repeat(n))),
        1 => "[%0-9A-Fa-fg-z+=&?#]{0,40}",
    ]
}

fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(KEYS.to_vec()).prop_map(str::to_owned),
        1 => unknown_key(),
        1 => proptest::sample::select(KEYS.to_vec()).prop_map(encode_all),
    ]
}

/// Every byte as `%XX`: `view` → `%76%69%65%77`.
fn encode_all(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02X}")).collect()
}

/// A hostile query: repeated keys, keys without `=`, empty pairs, `?` or not.
fn hostile_query() -> impl Strategy<Value = String> {
    let pair = prop_oneof![
        6 => (any_key(), any_value()).prop_map(|(k, v)| format!("{k}={v}")),
        1 => any_key(),
        1 => Just(String::new()),
        1 => (any_key(), any_value(), any_value()).prop_map(|(k, a, b)| format!("{k}={a}={b}")),
    ];
    (any::<bool>(), proptest::collection::vec(pair, 0..12))
        .prop_map(|(q, pairs)| format!("{}{}", if q { "?" } else { "" }, pairs.join("&")))
}

/// Valid pairs for some keys, in any order.
fn valid_pairs() -> impl Strategy<Value = Vec<(&'static str, String)>> {
    proptest::sample::subsequence(KEYS.to_vec(), 0..=KEYS.len())
        .prop_flat_map(|keys| {
            keys.into_iter()
                .map(|k| valid_value(k).prop_map(move |v| (k, v)))
                .collect::<Vec<_>>()
        })
        .prop_shuffle()
}

/// A state built from valid parts. (`..default()` keeps this compiling when a field is added.)
#[allow(clippy::needless_update)]
fn valid_state() -> impl Strategy<Value = UrlState> {
    let d = data();
    (
        proptest::sample::select(View::ALL.to_vec()),
        proptest::option::of(proptest::sample::select(d.kpis.iter().cloned().collect::<Vec<_>>())),
        proptest::sample::select(vec![Mode::Chart, Mode::Table]),
        proptest::sample::select(vec![Measure::Absolute, Measure::PerEmployee]),
        proptest::option::of(proptest::sample::select(Lang::ALL.to_vec())),
        proptest::sample::select(vec![BoardDate::PeriodEnd, BoardDate::AfterChange]),
        proptest::option::of(proptest::sample::select(widget_ids()).prop_map(Widget::parse)),
        proptest::option::of(proptest::sample::select(d.groups.clone())),
    )
        .prop_map(|(view, kpi, mode, measure, lang, board, embed, group)| UrlState {
            view,
            kpi,
            mode,
            measure,
            lang,
            board,
            embed,
            group,
        })
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        // Failures are reported in the test output; nothing is written into the repository.
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    }
}

// ------------------------------------------------------------------ properties

proptest! {
    #![proptest_config(config(3000))]

    /// Any text at all (random Unicode) is read without panicking into a renderable state.
    #[test]
    fn any_text_gives_a_renderable_state(q in any::<String>()) {
        let s = parse(&q);
        assert_renderable(&q, &s)?;
    }

    /// Any bytes a browser might hand over (lossily decoded) too.
    #[test]
    fn any_bytes_give_a_renderable_state(b in proptest::collection::vec(any::<u8>(), 0..600)) {
        let q = String::from_utf8_lossy(&b).into_owned();
        let s = parse(&q);
        assert_renderable(&q, &s)?;
    }

    /// Hostile queries: unknown and repeated keys, huge values, `%` garbage, script payloads.
    #[test]
    fn hostile_queries_give_a_renderable_state(q in hostile_query()) {
        let s = parse(&q);
        assert_renderable(&q, &s)?;
        // A payload never survives into the state.
        if let Some(k) = &s.kpi {
            prop_assert!(!k.contains('<') && !k.contains('"') && !k.contains(':'));
        }
    }
}

proptest! {
    #![proptest_config(config(1500))]

    /// A state from valid parts survives writing and reading unchanged.
    #[test]
    fn valid_states_round_trip(s in valid_state()) {
        let q = to_query(&s);
        prop_assert_eq!(parse(&q), s.clone(), "via {}", q);
        assert_renderable(&q, &s)?;
    }

    /// Valid pairs in any order, with noise (unknown keys, invalid values for known keys,
    /// empty pairs) before, between and after them, read as the valid pairs alone; and
    /// percent-encoding every byte of keys and values changes nothing.
    #[test]
    fn noise_and_encoding_do_not_change_the_state(
        pairs in valid_pairs(),
        noise in proptest::collection::vec(
            // No `&` inside a noise pair: that would make it two pairs, the second maybe valid.
            prop_oneof![
                (unknown_key(), any_value()).prop_map(|(k, v)| format!("{k}={v}").replace('&', "")),
                // Not `embed`: an unknown widget id is kept on purpose (the page says so). Not
                // `group`: a well-formed id is kept by the parser ("1999", "fr") and checked
                // against the dataset by the app (stakeholders::chosen; no such group, none).
                (proptest::sample::select(KEYS[..KEYS.len() - 2].to_vec()), invalid_value())
                    .prop_map(|(k, v)| format!("{k}={v}").replace('&', "")),
                Just(String::new()),
            ],
            0..8,
        ),
        cut in any::<proptest::sample::Index>(),
    ) {
        let clean: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let expected = parse(&clean.join("&"));
        // Noise first (invalid values for a key must not block a later valid one), then
        // the valid pairs with the rest of the noise spliced in.
        let at = cut.index(noise.len() + 1);
        let mut mixed: Vec<String> = noise[..at].to_vec();
        mixed.extend(clean.iter().cloned());
        mixed.extend(noise[at..].iter().cloned());
        let q = format!("?{}", mixed.join("&"));
        prop_assert_eq!(parse(&q), expected.clone(), "with noise: {}", q);

        let encoded: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode_all(k), encode_all(v)))
            .collect();
        prop_assert_eq!(parse(&encoded.join("&")), expected.clone());

        // What the parts say is what the state holds.
        for (k, v) in &pairs {
            match *k {
                "view" => prop_assert_eq!(expected.view.as_str(), v.as_str()),
                "kpi" => prop_assert_eq!(expected.kpi.as_deref(), Some(v.as_str())),
                "lang" => prop_assert!(expected.lang.is_some()),
                _ => {}
            }
        }
        assert_renderable(&q, &expected)?;
    }
}

/// `year=` (old links) is parsed and ignored: any year reads as no year at all.
#[test]
fn a_year_in_a_link_is_ignored() {
    for y in data().years.iter().chain(&[1999, data().report_year + 1]) {
        let s = parse(&format!("year={y}&view=social"));
        assert_eq!(s, parse("view=social"));
        assert_eq!(to_query(&s), "?view=social");
    }
}

/// `embed=%00` has no usable character left: no embed, as `embed=` reads.
#[test]
fn embed_with_nothing_usable_round_trips_exactly() {
    let s = parse("embed=%00");
    assert_eq!(parse(&to_query(&s)), s);
}

/// `embed=over%20view` is read after dropping characters, so it is the overview widget,
/// exactly as the written `embed=overview` reads.
#[test]
fn embed_unknown_id_that_spells_a_known_one_round_trips_exactly() {
    let s = parse("embed=over%20view");
    assert_eq!(parse(&to_query(&s)), s);
}

/// Plain examples, for the reader (and as a check that the dataset has what they use).
#[test]
fn examples() {
    let s = parse("?view=social&kpi=employees&lang=en&year=2021&utm_source=x&view=board");
    assert_eq!(s.view, View::Social);
    assert_eq!(s.kpi.as_deref(), Some("employees"));
    assert_eq!(s.lang, Some(Lang::En));
    assert_eq!(to_query(&s), "?view=social&kpi=employees&lang=en", "year= is ignored");
    assert_eq!(parse(&format!("kpi={}", "employees".repeat(5000))).kpi, None);
    assert_eq!(
        parse("kpi=<script>alert(1)</script>&kpi=water").kpi.as_deref(),
        Some("water")
    );
    assert_eq!(parse("%76%69%65%77=%73ocial").view, View::Social);
}
