//! The static pages the build writes, and the links between them.
//!
//! Every entry state has a page of its own, so any static host under any sub-path serves
//! the right first paint without server rules: one page per language and view
//! (`zh-hant/`, `en/board/`), one per language and embed widget (`en/embed/ghg/`), and the
//! site root (`./`), which holds the Traditional Chinese overview and sends the old query
//! links (`?view=board&lang=en`) and English-preferring browsers to their page before the
//! body is parsed (`static/boot.js`). These paths are a public contract, like the query
//! links before them, which stay valid forever.
//!
//! Links are always relative (`../board/`, `en/`): they resolve against the page they are
//! on and can never leave its origin, whatever path the page was served at.

use crate::embed::Widget;
use crate::groups::GROUPS;
use crate::i18n::Msg;
use crate::url::{UrlState, View};
use esg_data::{Lang, Report};

/// What a page shows: a view of the site, or one embeddable widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    View(View),
    /// A known widget (never [`Widget::Unknown`]).
    Embed(Widget),
}

/// One static page: a language and what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub lang: Lang,
    pub target: Target,
}

/// The folder of a language: `zh-hant` or `en` (lower case, as URL paths usually are).
pub fn lang_dir(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhHant => "zh-hant",
        Lang::En => "en",
    }
}

fn lang_from_dir(dir: &str) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| lang_dir(*l) == dir)
}

/// The name of a view in navigation, titles and previews.
pub fn view_label(v: View) -> Msg {
    match v {
        View::Overview => Msg::ViewOverview,
        View::Environment => Msg::ViewEnvironment,
        View::Social => Msg::ViewSocial,
        View::Governance => Msg::ViewGovernance,
        View::Board => Msg::ViewBoard,
        View::Stakeholders => Msg::ViewStakeholders,
        View::Materiality => Msg::ViewMateriality,
        View::Highlights => Msg::ViewHighlights,
        View::Index => Msg::ViewIndex,
    }
}

/// A view's name in the navigation: [`view_label`], with soft hyphens (invisible unless the
/// word must break) where a dictionary hyphenates the long English names. A fifth of a
/// 320 px screen holds about eight letters, and Chromium on Linux or an Android WebView
/// without a hyphenation dictionary ignores `hyphens: auto`, so "Environment" ran into its
/// neighbour ("OverviewEnvironment"). Written out rather than computed (a string search
/// costs the wasm kilobytes); a test keeps them equal to the labels.
pub fn nav_label(v: View, lang: Lang) -> &'static str {
    match (v, lang) {
        (View::Environment, Lang::En) => "Environ\u{AD}ment",
        (View::Governance, Lang::En) => "Govern\u{AD}ance",
        (View::Stakeholders, Lang::En) => "Stake\u{AD}holders",
        (View::Materiality, Lang::En) => "Materi\u{AD}ality",
        (View::Highlights, Lang::En) => "High\u{AD}lights",
        _ => view_label(v).text(lang),
    }
}

/// The whole dataset as a file the build writes beside the pages (`ext`: `csv` or `json`),
/// relative to the site root: the footer's downloads are plain links to it, so the wasm
/// carries no serialiser, and an analyst can fetch it by its address.
pub fn data_file(year: u16, ext: &str) -> String {
    format!("data/medlive-esg-{year}-all.{ext}")
}

/// A widget's title (the heading its embed shows).
pub fn widget_label(w: &Widget) -> Msg {
    match w {
        Widget::Overview => Msg::Headlines,
        Widget::Board => Msg::GroupBoard,
        Widget::Stakeholders => Msg::ViewStakeholders,
        Widget::Group(id) => GROUPS.iter().find(|g| g.id == *id).map_or(Msg::AppTitle, |g| g.title),
        Widget::Unknown(_) => Msg::AppTitle,
    }
}

/// Every known widget, in the README's order.
pub fn widgets() -> Vec<Widget> {
    crate::embed::widget_ids().into_iter().map(Widget::parse).collect()
}

impl Page {
    pub fn view(lang: Lang, view: View) -> Page {
        Page {
            lang,
            target: Target::View(view),
        }
    }

    /// Every page the build writes: each view in each language, then each widget in each
    /// language (the site root is the Chinese overview again, see [`ROOT`]).
    pub fn all() -> Vec<Page> {
        let mut out = Vec::new();
        for lang in Lang::ALL {
            for v in View::ALL {
                out.push(Page::view(lang, v));
            }
        }
        for lang in Lang::ALL {
            for w in widgets() {
                out.push(Page {
                    lang,
                    target: Target::Embed(w),
                });
            }
        }
        out
    }

    /// The page's folder relative to the site root, ending in `/`: `zh-hant/`,
    /// `en/board/`, `en/embed/ghg/`.
    pub fn path(&self) -> String {
        let lang = lang_dir(self.lang);
        match &self.target {
            Target::View(View::Overview) => format!("{lang}/"),
            Target::View(v) => format!("{lang}/{}/", v.as_str()),
            Target::Embed(w) => format!("{lang}/embed/{}/", w.id()),
        }
    }

    /// Reads a path relative to the site root (as [`Page::path`] writes it, with or without
    /// the trailing `/` or `index.html`). The root itself (`""`) is [`ROOT`]'s page.
    pub fn parse_path(rel: &str) -> Option<Page> {
        let rel = rel.strip_suffix("index.html").unwrap_or(rel);
        let parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Some(ROOT.page()),
            [lang] => Some(Page::view(lang_from_dir(lang)?, View::Overview)),
            [lang, view] => Some(Page::view(lang_from_dir(lang)?, View::parse(view)?)),
            [lang, "embed", id] => match Widget::parse(id) {
                Widget::Unknown(_) => None,
                w => Some(Page {
                    lang: lang_from_dir(lang)?,
                    target: Target::Embed(w),
                }),
            },
            _ => None,
        }
    }

    /// The page an old query link asks for, in `lang` (the link's, else the browser's).
    pub fn for_state(state: &UrlState, lang: Lang) -> Page {
        let target = match &state.embed {
            Some(Widget::Unknown(_)) | None => Target::View(state.view),
            Some(w) => Target::Embed(w.clone()),
        };
        Page { lang, target }
    }

    /// The same page in the other language.
    pub fn in_lang(&self, lang: Lang) -> Page {
        Page {
            lang,
            target: self.target.clone(),
        }
    }

    /// The view whose page an embed belongs to (for its preview image and "open" link).
    pub fn view_of(&self, report: &Report) -> View {
        match &self.target {
            Target::View(v) => *v,
            Target::Embed(Widget::Board) => View::Board,
            Target::Embed(Widget::Stakeholders) => View::Stakeholders,
            Target::Embed(Widget::Group(id)) => GROUPS
                .iter()
                .find(|g| g.id == *id)
                .and_then(|g| report.section(g.section))
                .map(|s| s.pillar)
                .map_or(View::Overview, View::for_pillar),
            Target::Embed(_) => View::Overview,
        }
    }

    /// `<title>`: the view or widget, then the site's name (with `report`'s year).
    pub fn title(&self, report: &Report) -> String {
        let site = Msg::AppTitle.for_report(self.lang, report);
        let name = match &self.target {
            Target::View(View::Overview) => return site,
            Target::View(v) => view_label(*v),
            Target::Embed(w) => widget_label(w),
        };
        format!("{} · {site}", name.for_report(self.lang, report))
    }

    /// The meta description (and the preview's text), with `report`'s years.
    pub fn description(&self, report: &Report) -> String {
        let about = Msg::AppDescription.for_report(self.lang, report);
        let name = match &self.target {
            Target::View(View::Overview) => return about,
            Target::View(v) => view_label(*v),
            Target::Embed(w) => widget_label(w),
        };
        Msg::ViewDescription.fill(
            self.lang,
            &[("view", &name.for_report(self.lang, report)), ("description", &about)],
        )
    }
}

/// The site root: the Traditional Chinese overview (the prevailing language), at `./`.
pub struct Root;

/// The site root's page.
pub const ROOT: Root = Root;

impl Root {
    pub fn page(&self) -> Page {
        Page::view(Lang::ZhHant, View::Overview)
    }
}

/// `to` (a path relative to the site root, possibly with a query) as a link from the page
/// at `from` (relative to the site root, `""` for the root): up to the folder they share,
/// then down. The result starts with a path segment, `../` or `./`: never with `/`, so it
/// cannot leave the page's origin.
pub fn relative(from: &str, to: &str) -> String {
    let to = to.trim_start_matches('/');
    let (to_path, query) = to.find(['?', '#']).map_or((to, ""), |i| to.split_at(i));
    let from_dirs: Vec<&str> = from.split('/').filter(|p| !p.is_empty()).collect();
    let to_dirs: Vec<&str> = to_path.split('/').filter(|p| !p.is_empty()).collect();
    let shared = from_dirs.iter().zip(&to_dirs).take_while(|(a, b)| a == b).count();
    let mut link = "../".repeat(from_dirs.len() - shared);
    for d in &to_dirs[shared..] {
        link += d;
        link.push('/');
    }
    link += query;
    if link.is_empty() || link.starts_with('?') || link.starts_with('#') {
        format!("./{link}")
    } else {
        link
    }
}

/// The folder prefix that leads from the page at `from` back to the site root (`""`,
/// `../`, `../../`).
pub fn to_root(from: &str) -> String {
    "../".repeat(from.matches('/').count())
}

/// The state of the page at `here` (relative to the site root) opened with `query`: the
/// page's path decides the language and view or widget, the query the rest. On the site
/// root (or an unknown path) the old query form decides everything, the language falling
/// back to the reader's browser (`browser_lang`).
pub fn state_at(here: &str, query: &str, is_kpi: &dyn Fn(&str) -> bool, browser_lang: Lang) -> UrlState {
    let mut s = UrlState::parse(query, is_kpi);
    match Page::parse_path(here).filter(|_| !here.trim_matches('/').is_empty()) {
        Some(page) => {
            s.lang = Some(page.lang);
            match page.target {
                Target::View(v) => {
                    s.view = v;
                    s.embed = None;
                }
                Target::Embed(w) => {
                    s.view = View::Overview;
                    s.embed = Some(w);
                }
            }
        }
        None => s.lang = Some(s.lang.unwrap_or(browser_lang)),
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nav_labels_are_the_view_names_with_break_points_in_english_only() {
        for v in View::ALL {
            for lang in [Lang::ZhHant, Lang::En] {
                let nav = nav_label(v, lang);
                assert_eq!(nav.replace('\u{AD}', ""), view_label(v).text(lang), "{v:?}");
                // No part between break points is longer than the eight letters that fit.
                let longest = nav.split(['\u{AD}', ' ']).map(|p| p.chars().count()).max().unwrap_or(0);
                if lang == Lang::En {
                    assert!(longest <= 8, "{nav:?}");
                }
            }
        }
        assert!(!nav_label(View::Environment, Lang::ZhHant).contains('\u{AD}'));
    }

    #[test]
    fn every_page_has_a_path_that_reads_back() {
        let pages = Page::all();
        assert_eq!(pages.len(), 2 * 9 + 2 * crate::embed::widget_ids().len());
        let mut paths: Vec<String> = pages.iter().map(Page::path).collect();
        for (p, path) in pages.iter().zip(&paths) {
            assert_eq!(Page::parse_path(path).as_ref(), Some(p), "{path}");
            assert_eq!(Page::parse_path(&format!("{path}index.html")).as_ref(), Some(p));
            assert!(path.ends_with('/') && !path.starts_with('/'), "{path}");
            assert!(
                path.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'/'),
                "{path}"
            );
        }
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), pages.len(), "paths are unique");
        assert_eq!(Page::parse_path(""), Some(ROOT.page()));
        for bad in ["fr/", "en/nope/", "en/embed/nope/", "en/embed/", "zh-hant/board/x/"] {
            assert_eq!(Page::parse_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn layout_is_the_documented_one() {
        assert_eq!(Page::view(Lang::ZhHant, View::Overview).path(), "zh-hant/");
        assert_eq!(Page::view(Lang::En, View::Board).path(), "en/board/");
        let ghg = Page {
            lang: Lang::En,
            target: Target::Embed(Widget::Group("ghg")),
        };
        assert_eq!(ghg.path(), "en/embed/ghg/");
        let r = esg_data::report_2022().expect("data");
        assert_eq!(ghg.view_of(&r), View::Environment);
    }

    #[test]
    fn links_are_relative_and_stay_on_the_origin() {
        assert_eq!(relative("", "en/board/"), "en/board/");
        assert_eq!(relative("en/board/", "en/social/?mode=table"), "../social/?mode=table");
        assert_eq!(relative("en/board/", "zh-hant/board/"), "../../zh-hant/board/");
        assert_eq!(relative("en/board/", "en/"), "../");
        assert_eq!(relative("en/", "en/board/?kpi=x"), "board/?kpi=x");
        assert_eq!(relative("en/board/", "en/board/"), "./");
        assert_eq!(relative("", ""), "./");
        assert_eq!(relative("", "?kpi=x"), "./?kpi=x");
        assert_eq!(relative("en/", "//evil.example/"), "../evil.example/");
        assert_eq!(to_root("en/embed/ghg/"), "../../../");
    }

    #[test]
    fn old_query_links_map_to_their_page() {
        let st = |q: &str| UrlState::parse(q, &|_| true);
        assert_eq!(
            Page::for_state(&st("?view=board&lang=en"), Lang::En).path(),
            "en/board/"
        );
        assert_eq!(
            Page::for_state(&st("?embed=ghg&view=social"), Lang::ZhHant).path(),
            "zh-hant/embed/ghg/"
        );
        assert_eq!(Page::for_state(&st("?embed=nope"), Lang::En).path(), "en/");
    }

    #[test]
    fn the_path_decides_language_and_view_the_query_the_rest() {
        let at = |here: &str, q: &str| state_at(here, q, &|k| k == "water", Lang::En);
        let s = at("zh-hant/board/", "?view=social&lang=en&asof=after-change&kpi=water");
        assert_eq!((s.lang, s.view, s.embed), (Some(Lang::ZhHant), View::Board, None));
        assert_eq!(s.board, crate::url::BoardDate::AfterChange);
        assert_eq!(s.kpi.as_deref(), Some("water"));
        let s = at("en/embed/ghg/", "?embed=board");
        assert_eq!(s.embed, Some(Widget::Group("ghg")));
        // The root: the old query form, the browser's language when the link has none.
        let s = at("", "?view=social");
        assert_eq!((s.lang, s.view), (Some(Lang::En), View::Social));
        assert_eq!(at("", "?lang=zh-HK").lang, Some(Lang::ZhHant));
        assert_eq!(at("nowhere/at/all/", "").lang, Some(Lang::En));
    }

    #[test]
    fn titles_and_descriptions_name_the_page() {
        let r = esg_data::report_2022().expect("data");
        let p = Page::view(Lang::En, View::Board);
        assert_eq!(p.title(&r), "Board · Medlive 2022 ESG data explorer");
        assert!(p
            .description(&r)
            .starts_with("Board: Key performance indicators from Medlive's 2022 ESG report"));
        assert_eq!(
            Page::view(Lang::ZhHant, View::Overview).title(&r),
            "醫脈通 2022 ESG 數據瀏覽"
        );
        // Next year's dataset names its own year.
        let mut next = r.clone();
        next.report.year = 2023;
        next.report.comparative_years = vec![2022];
        assert_eq!(p.title(&next), "Board · Medlive 2023 ESG data explorer");
        assert_eq!(
            Page::view(Lang::ZhHant, View::Overview).description(&next),
            "醫脈通《2023年環境、社會及管治報告》的關鍵績效：環境、社會及管治數據，附2022年比較數字。"
        );
        let unknown = Page {
            lang: Lang::En,
            target: Target::Embed(Widget::Group("nothing-here")),
        };
        // A label that falls back to the site's name is filled too.
        let title = unknown.title(&next);
        assert!(
            title.contains("2023") && !title.contains('{') && !title.contains("2022"),
            "{title}"
        );
    }
}
