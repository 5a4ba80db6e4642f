//! The page state: the typed URL state in a signal, kept in step with the address bar.

use crate::browser;
use esg_data::Lang;
use esg_explorer::url::{negotiate_lang, UrlState, View};
use leptos::prelude::*;

/// Navigation context: read the state, change it (adding a history entry), make links.
#[derive(Clone, Copy)]
pub struct Nav {
    pub state: RwSignal<UrlState>,
    browser_lang: Lang,
    path: StoredValue<String>,
    is_kpi: fn(&str) -> bool,
    years: StoredValue<Vec<u16>>,
    report_year: u16,
}

impl Nav {
    /// Reads the URL and follows back/forward navigation from then on.
    pub fn install(years: Vec<u16>, report_year: u16, is_kpi: fn(&str) -> bool) -> Nav {
        let langs = browser::languages();
        let browser_lang = negotiate_lang(langs.iter().map(String::as_str));
        let state = RwSignal::new(UrlState::parse(&browser::search(), &is_kpi, &years));
        let nav = Nav {
            state,
            browser_lang,
            path: StoredValue::new(browser::pathname()),
            is_kpi,
            years: StoredValue::new(years),
            report_year,
        };
        browser::on_popstate(move || nav.state.set(nav.parse(&browser::search())));
        nav
    }

    fn parse(&self, query: &str) -> UrlState {
        self.years.with_value(|y| UrlState::parse(query, &self.is_kpi, y))
    }

    /// The language shown: the link's, else the browser's.
    pub fn lang(&self) -> Lang {
        self.state.with(|s| s.lang).unwrap_or(self.browser_lang)
    }

    pub fn view(&self) -> View {
        self.state.with(|s| s.view)
    }

    /// The URL of the state changed by `f` (for `href`s, so links work in new tabs too).
    pub fn href(&self, f: impl FnOnce(&mut UrlState)) -> String {
        let mut s = self.state.get();
        f(&mut s);
        let q = s.to_query(self.report_year);
        self.path.with_value(|p| format!("{p}{q}"))
    }

    /// Changes the state and records it in history.
    pub fn go(&self, f: impl FnOnce(&mut UrlState)) {
        let mut s = self.state.get_untracked();
        f(&mut s);
        let url = self.path.with_value(|p| format!("{p}{}", s.to_query(self.report_year)));
        self.state.set(s);
        browser::push_url(&url);
    }
}

pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}
