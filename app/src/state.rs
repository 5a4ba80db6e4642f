//! The page state: the typed URL state in a signal, kept in step with the address bar.
//!
//! The page's path says its language and view (or widget), the query the rest
//! (`esg_explorer::pages`). Readers subscribe to the one field they show (`nav.lang()`,
//! `nav.mode()` …: memos), so a change of mode does not re-run every label.

use crate::browser;
use esg_data::{Lang, Report};
use esg_explorer::pages::{relative, state_at, Page};
use esg_explorer::url::{BoardDate, Measure, Mode, UrlState, View};
use leptos::prelude::*;

/// Navigation context: read the state, change it (adding a history entry), make links.
#[derive(Clone, Copy)]
pub struct Nav {
    pub state: RwSignal<UrlState>,
    /// The page the address bar shows, relative to the site root (`""` for the root).
    here: RwSignal<String>,
    /// The site root as an absolute URL (in the browser; empty on the host).
    site: StoredValue<String>,
    lang: Memo<Lang>,
    view: Memo<View>,
    mode: Memo<Mode>,
    measure: Memo<Measure>,
    board: Memo<BoardDate>,
    kpi: Memo<Option<String>>,
    group: Memo<Option<String>>,
}

impl Nav {
    /// The state of the page at `here` (relative to the site root) with `query`, for a
    /// reader whose browser prefers `browser_lang`.
    pub fn new(report: &'static Report, here: &str, query: &str, browser_lang: Lang, site: String) -> Nav {
        let state = RwSignal::new(parse(report, here, query, browser_lang));
        Nav {
            state,
            here: RwSignal::new(here.to_owned()),
            site: StoredValue::new(site),
            lang: Memo::new(move |_| state.with(|s| s.lang.unwrap_or_default())),
            view: Memo::new(move |_| state.with(|s| s.view)),
            mode: Memo::new(move |_| state.with(|s| s.mode)),
            measure: Memo::new(move |_| state.with(|s| s.measure)),
            board: Memo::new(move |_| state.with(|s| s.board)),
            kpi: Memo::new(move |_| state.with(|s| s.kpi.clone())),
            group: Memo::new(move |_| state.with(|s| s.group.clone())),
        }
    }

    /// Reads the page's path and query and follows back/forward navigation from then on.
    pub fn install(report: &'static Report) -> Nav {
        let langs = browser::languages();
        let browser_lang = esg_explorer::url::negotiate_lang(langs.iter().map(String::as_str));
        let here = browser::page_path();
        let site = browser::resolve(&esg_explorer::pages::to_root(&here));
        let nav = Nav::new(report, &here, &browser::search(), browser_lang, site.clone());
        browser::on_popstate(move |y| {
            let here = browser::pathname()
                .strip_prefix(browser::url_path(&site).as_str())
                .map(str::to_owned)
                .unwrap_or_default();
            nav.state.set(parse(report, &here, &browser::search(), browser_lang));
            nav.here.set(here);
            // Back and forward return to where the reader was on that entry.
            if let Some(y) = y {
                request_animation_frame(move || browser::scroll_to_y(y));
            }
        });
        nav
    }

    /// A path relative to the site root, as a link from the page the reader is on.
    pub fn from_root(&self, path: &str) -> String {
        format!("{}{path}", esg_explorer::pages::to_root(&self.here.get()))
    }

    /// The site root's absolute URL (empty where there is no browser).
    pub fn site(&self) -> String {
        self.site.get_value()
    }

    /// The language shown.
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn view(&self) -> View {
        self.view.get()
    }

    pub fn mode(&self) -> Mode {
        self.mode.get()
    }

    pub fn measure(&self) -> Measure {
        self.measure.get()
    }

    pub fn board(&self) -> BoardDate {
        self.board.get()
    }

    /// The KPI the link points to, if any.
    pub fn kpi(&self) -> Option<String> {
        self.kpi.get()
    }

    /// The stakeholder group chosen on the map (one the report has), if any.
    pub fn group(&self) -> Option<String> {
        self.group.get()
    }

    /// Whether the link points to the KPI `id`.
    pub fn is_kpi(&self, id: &str) -> bool {
        self.kpi.with(|k| k.as_deref() == Some(id))
    }

    /// The page and query of the state changed by `f`, relative to the site root.
    fn target(&self, f: impl FnOnce(&mut UrlState)) -> (UrlState, String) {
        let mut s = self.state.get_untracked();
        f(&mut s);
        // A stakeholder group means something on the map only.
        if !s.on_map() {
            s.group = None;
        }
        let page = Page::for_state(&s, s.lang.unwrap_or_default());
        let to = format!("{}{}", page.path(), s.page_query());
        (s, to)
    }

    /// The link to the state changed by `f`: relative to this page, so it works in a new
    /// tab, under any sub-path, and cannot leave the origin.
    pub fn href(&self, f: impl FnOnce(&mut UrlState)) -> String {
        self.state.track();
        let (_, to) = self.target(f);
        self.here.with(|here| relative(here, &to))
    }

    /// Changes the state and records it in history. Another view starts at its top (or at
    /// its linked KPI, which the app scrolls to); the entry left keeps its position for Back.
    /// Another language, mode or measure re-renders in place and the page stays where it is.
    pub fn go(&self, f: impl FnOnce(&mut UrlState)) {
        let before = self.state.get_untracked();
        let (s, to) = self.target(f);
        let path = to.split('?').next().unwrap_or_default().to_owned();
        let url = self.site.with_value(|site| format!("{site}{to}"));
        let new_view = s.view != before.view && s.kpi.is_none();
        browser::remember_scroll();
        self.state.set(s);
        self.here.set(path);
        browser::push_url(&url);
        if new_view {
            browser::scroll_to_y(0.0);
        }
    }
}

fn parse(report: &'static Report, here: &str, query: &str, browser_lang: Lang) -> UrlState {
    let is_kpi = |id: &str| report.kpi(id).is_some();
    let mut s = state_at(here, query, &is_kpi, browser_lang);
    // An unknown group chooses none (the map then lists every group).
    if esg_explorer::stakeholders::chosen(report, s.group.as_deref()).is_none() {
        s.group = None;
    }
    s
}

/// The reader's light or dark theme as a signal, fed by the system's switches (the CSS
/// follows them by itself; live charts pick their prebuilt colours by this).
#[derive(Clone, Copy)]
pub struct ThemeSignal(pub RwSignal<esg_explorer::tokens::Theme>);

impl ThemeSignal {
    /// The theme now, following every switch from then on (call once, at the root).
    pub fn install() -> ThemeSignal {
        let theme = RwSignal::new(browser::theme());
        browser::on_theme_change(move || theme.set(browser::theme()));
        ThemeSignal(theme)
    }
}

/// The reader's theme (light where there is no browser).
pub fn use_theme() -> Signal<esg_explorer::tokens::Theme> {
    use_context::<ThemeSignal>().map_or_else(|| Signal::stored(browser::theme()), |t| t.0.into())
}

pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}
