//! The few browser calls the app makes, each failing soft: a missing API never panics.
//! On the host (the build renders the static pages with the same components) there is no
//! window: every call here answers as a browser without that API would.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn clipboard_write_text(text: &str) -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(js_namespace = navigator, js_name = share, catch)]
    fn navigator_share(data: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

pub fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window();
    #[cfg(not(target_arch = "wasm32"))]
    None
}

pub fn document() -> Option<web_sys::Document> {
    window().and_then(|w| w.document())
}

/// `location.search`, or empty.
pub fn search() -> String {
    window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// `location.pathname`.
pub fn pathname() -> String {
    window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()
}

/// `rel` resolved against the page's URL (an absolute URL on the page's origin).
pub fn resolve(rel: &str) -> String {
    web_sys::Url::new_with_base(rel, &href())
        .map(|u| u.href())
        .unwrap_or_default()
}

/// The path part of an absolute URL.
pub fn url_path(abs: &str) -> String {
    web_sys::Url::new(abs).map(|u| u.pathname()).unwrap_or_default()
}

/// The boot script's tag, which the build gives the page's facts as `data-*`.
fn boot_tag() -> Option<web_sys::Element> {
    document()?.query_selector("script[data-glue]").ok()?
}

/// This page's path relative to the site root, as the build wrote it (`en/board/`; empty
/// for the site root and for a page the build did not write).
pub fn page_path() -> String {
    boot_tag()
        .and_then(|t| t.get_attribute("data-page"))
        .unwrap_or_default()
}

/// The absolute URL of the current page.
pub fn href() -> String {
    window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// The reader's preferred languages, most preferred first.
pub fn languages() -> Vec<String> {
    let Some(nav) = window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}

/// Adds a history entry for `url` (same document).
pub fn push_url(url: &str) {
    if let Some(h) = window().and_then(|w| w.history().ok()) {
        let _ = h.push_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

/// Calls `f` on back/forward navigation, for the life of the page, with the scroll position
/// the entry had when the reader left it ([`remember_scroll`]). The app restores positions
/// itself: the browser's own restoration runs before the view is rendered.
pub fn on_popstate(f: impl Fn(Option<f64>) + 'static) {
    if let Some(w) = window() {
        if let Ok(h) = w.history() {
            let _ = js_sys::Reflect::set(&h, &"scrollRestoration".into(), &"manual".into());
        }
        let cb = Closure::<dyn Fn(web_sys::PopStateEvent)>::new(move |e: web_sys::PopStateEvent| f(e.state().as_f64()));
        let _ = w.add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
        cb.forget();
    }
}

/// Records the current scroll position in the current history entry (before leaving it).
pub fn remember_scroll() {
    if let Some(w) = window() {
        if let (Ok(h), Ok(y)) = (w.history(), w.scroll_y()) {
            let _ = h.replace_state(&JsValue::from_f64(y), "");
        }
    }
}

/// Whether the page is scrolled away from its top (the reader moved in the static page
/// before the app started).
pub fn scrolled() -> bool {
    window().and_then(|w| w.scroll_y().ok()).is_some_and(|y| y > 0.0)
}

/// Scrolls to `y`, over a few frames while the view grows tall enough (a pillar adds a group
/// per frame).
pub fn scroll_to_y(y: f64) {
    fn attempt(y: f64, left: u32) {
        let Some(w) = window() else { return };
        w.scroll_to_with_x_and_y(0.0, y);
        let reached = w.scroll_y().map(|now| (now - y).abs() < 2.0).unwrap_or(true);
        if !reached && left > 0 {
            leptos::prelude::request_animation_frame(move || attempt(y, left - 1));
        }
    }
    attempt(y, 30);
}

/// Sets `<html lang>`, the title and the meta description.
pub fn set_document_meta(lang: &str, title: &str, description: &str) {
    let Some(doc) = document() else { return };
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", lang);
    }
    doc.set_title(title);
    if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", description);
    }
}

/// The element an event happened in, or its nearest ancestor matching `selector`.
pub fn event_target_closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()?
}

/// Shows a table sorted by `button`'s column: `aria-sort` (`sorted`) and the icon on its
/// header, none on the others, and the body's rows (`data-row` ids) moved into `order`.
pub fn show_sorted(button: &web_sys::Element, sorted: Option<&str>, order: &[&str]) {
    let Ok(Some(table)) = button.closest("table") else {
        return;
    };
    for key in ["value", "change"] {
        let Ok(Some(b)) = table.query_selector(&format!("button[data-sort=\"{key}\"]")) else {
            continue;
        };
        let sorted = sorted.filter(|_| b == *button);
        if let Ok(Some(i)) = b.query_selector(".sort-icon") {
            i.set_text_content(Some(match sorted {
                Some("descending") => "▼",
                Some(_) => "▲",
                None => "↕",
            }));
        }
        if let Some(th) = b.parent_element() {
            let _ = match sorted {
                Some(s) => th.set_attribute("aria-sort", s),
                None => th.remove_attribute("aria-sort"),
            };
        }
    }
    let Ok(Some(tbody)) = table.query_selector("tbody") else {
        return;
    };
    for id in order {
        if let Ok(Some(row)) = tbody.query_selector(&format!("tr[data-row=\"{id}\"]")) {
            let _ = tbody.append_child(&row);
        }
    }
}

/// Scrolls a linked KPI (`kpi-<id>`: a table row or a figure card) into view with what
/// names its figures: from its table's caption and header row (or its card's heading) when
/// all of that down to the row fits on the screen, else from the row itself. Below the
/// desktop's sticky navigation, never under it.
pub fn scroll_to_kpi(id: &str) {
    const MARGIN: f64 = 8.0;
    let (Some(w), Some(doc)) = (window(), document()) else {
        return;
    };
    let Some(el) = doc.get_element_by_id(id) else { return };
    let height = |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let screen = height(w.inner_height());
    let sticky = w
        .match_media("(min-width: 48rem)")
        .ok()
        .flatten()
        .filter(|m| m.matches())
        .and_then(|_| doc.query_selector(".views").ok().flatten())
        .map_or(0.0, |nav| nav.get_bounding_client_rect().height());
    let row = el.get_bounding_client_rect();
    let table = el.closest("table, .group").ok().flatten();
    let head = table.as_ref().map_or(row.top(), |t| t.get_bounding_client_rect().top());
    // A phone's card table keeps its caption stuck at the top: the row goes just below it.
    let caption = table
        .and_then(|t| t.query_selector("caption").ok().flatten())
        .map_or(0.0, |c| c.get_bounding_client_rect().height());
    let from = if row.bottom() - head + 2.0 * MARGIN <= screen - sticky {
        head
    } else {
        row.top() - caption
    };
    let y = w.scroll_y().unwrap_or(0.0);
    w.scroll_to_with_x_and_y(0.0, (y + from - sticky - MARGIN).max(0.0));
}

/// Copies text; `done(true)` when the browser confirmed it.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    match clipboard_write_text(text) {
        Ok(p) => {
            wasm_bindgen_futures::spawn_local(async move {
                done(wasm_bindgen_futures::JsFuture::from(p).await.is_ok());
            });
        }
        Err(_) => done(false),
    }
}

/// Whether the reader's system asks for a dark page.
fn prefers_dark() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The reader's light or dark page (charts pick their prebuilt colours by it).
pub fn theme() -> esg_explorer::tokens::Theme {
    if prefers_dark() {
        esg_explorer::tokens::Theme::Dark
    } else {
        esg_explorer::tokens::Theme::Light
    }
}

/// Calls `f` whenever the reader's system switches between light and dark, for the life of
/// the page.
pub fn on_theme_change(f: impl Fn() + 'static) {
    let Some(query) = window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()) else {
        return;
    };
    let cb = Closure::<dyn Fn()>::new(f);
    let _ = query.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Saves `url` (a blob: or data: URL) under `filename`.
pub fn download_url(filename: &str, url: &str) {
    let Some(doc) = document() else { return };
    let Ok(a) = doc.create_element("a") else { return };
    let _ = a.set_attribute("href", url);
    let _ = a.set_attribute("download", filename);
    if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
        a.click();
    }
}

/// Saves text as a file, generated in the browser.
pub fn download_text(filename: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(filename, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Whether the Web Share API is there (phones, mostly).
pub fn can_share() -> bool {
    window().is_some_and(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
}

/// Opens the system share sheet for `url`.
pub fn share(title: &str, url: &str) {
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    if let Ok(p) = navigator_share(&data) {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        });
    }
}

/// Posts a JSON message (as an object) to the parent page, if framed.
pub fn post_to_parent(json: &str) {
    let Some(w) = window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    if let Ok(msg) = js_sys::JSON::parse(json) {
        let _ = parent.post_message(&msg, "*");
    }
}

/// The document's content height in CSS pixels.
pub fn content_height() -> u32 {
    document()
        .and_then(|d| d.document_element())
        .map(|e| e.scroll_height().max(0) as u32)
        .unwrap_or(0)
}

/// Calls `f` whenever the page's content changes size, for the life of the page.
pub fn on_content_resize(f: impl Fn() + 'static) {
    let Some(body) = document().and_then(|d| d.body()) else {
        return;
    };
    let cb = Closure::<dyn Fn()>::new(f);
    if let Ok(o) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        o.observe(&body);
    }
    cb.forget();
}

/// Removes the pre-rendered first view (the app has mounted its own).
pub fn remove_prerender() {
    if let Some(el) = document().and_then(|d| d.get_element_by_id("prerender")) {
        el.remove();
    }
}

/// Shows the pre-rendered error note (after a panic or a failed start); the app's own
/// content, if any, is hidden so the note is seen.
pub fn show_load_error() {
    let Some(doc) = document() else { return };
    if let Some(el) = doc.get_element_by_id("load-error") {
        let _ = el.remove_attribute("hidden");
        el.scroll_into_view();
    }
}

/// Runs `f` once, after the next frame has been painted (two animation frames), or after
/// 100 ms if no frame comes (Chromium gives offscreen cross-origin iframes no frames).
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    use leptos::prelude::{request_animation_frame, set_timeout};
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(Box::new(f) as Box<dyn FnOnce()>)));
    let run = {
        let once = once.clone();
        move || {
            if let Some(f) = once.take() {
                f();
            }
        }
    };
    let run2 = run.clone();
    request_animation_frame(move || request_animation_frame(run));
    set_timeout(run2, std::time::Duration::from_millis(100));
}

/// Whether the reader has touched, clicked, typed, moved the mouse or turned the wheel on
/// the page: static/boot.js marks `<html data-interacted>`, and starts the app then on most
/// pages.
pub fn interacted() -> bool {
    document()
        .and_then(|d| d.document_element())
        .is_some_and(|h| h.has_attribute("data-interacted"))
}

/// Calls `f` once, at the reader's first touch, click, key press, mouse move or wheel turn
/// anywhere on the page (passive listeners: scrolling is never held up); at once if that
/// interaction has already happened (it is what starts the app on most pages).
pub fn on_first_interaction(f: impl FnOnce() + 'static) {
    let Some(w) = window() else { return };
    if interacted() {
        return f();
    }
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(Box::new(f) as Box<dyn FnOnce()>)));
    let cb = Closure::<dyn Fn()>::new(move || {
        if let Some(f) = once.take() {
            f();
        }
    });
    let opts = web_sys::AddEventListenerOptions::new();
    opts.set_passive(true);
    opts.set_capture(true);
    for event in ["pointerdown", "pointermove", "touchstart", "keydown", "wheel"] {
        let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            cb.as_ref().unchecked_ref(),
            &opts,
        );
    }
    cb.forget();
}

/// The directory of the static chart pictures (`data-svg` on the boot script, next to it),
/// as an absolute URL ending in `/`, or `None` outside a built page. Absolute: the
/// address bar's path changes as the reader moves between views.
pub fn svg_dir() -> Option<String> {
    let tag = boot_tag()?;
    let dir = tag.get_attribute("data-svg").filter(|d| !d.is_empty())?;
    let script = tag.get_attribute("src")?;
    let script = web_sys::Url::new_with_base(&script, &href()).ok()?;
    web_sys::Url::new_with_base(&dir, &script.href()).ok().map(|u| u.href())
}

/// Today's date as the reader's language writes it (`1 December 2026`, `2026年12月1日`);
/// empty on the host.
pub fn today(locale: &str) -> String {
    if window().is_none() {
        return String::new();
    }
    let opts = js_sys::Object::new();
    for (k, v) in [("year", "numeric"), ("month", "long"), ("day", "numeric")] {
        let _ = js_sys::Reflect::set(&opts, &k.into(), &v.into());
    }
    js_sys::Date::new_0().to_locale_date_string(locale, &opts).into()
}

/// Opens every closed `<details>` that `selector` names, marked so that
/// [`close_opened_for_print`] closes them again (a printout shows what a summary hides).
pub fn open_for_print(selector: &str) {
    let Some(list) = document().and_then(|d| d.query_selector_all(selector).ok()) else {
        return;
    };
    for el in (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()) {
        if !el.has_attribute("open") {
            let _ = el.set_attribute("open", "");
            let _ = el.set_attribute("data-print-open", "");
        }
    }
}

/// Closes what [`open_for_print`] opened.
pub fn close_opened_for_print() {
    let Some(list) = document().and_then(|d| d.query_selector_all("[data-print-open]").ok()) else {
        return;
    };
    for el in (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()) {
        let _ = el.remove_attribute("open");
        let _ = el.remove_attribute("data-print-open");
    }
}

/// Sets (or with `None` removes) a custom property on the root element, through the CSSOM
/// (which the CSP does not govern): the printout's running footer reads `--print-url`.
pub fn set_root_property(name: &str, value: Option<&str>) {
    let Some(root) = document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    match value {
        Some(v) => {
            let _ = style.set_property(name, v);
        }
        None => {
            let _ = style.remove_property(name);
            if style.length() == 0 {
                let _ = root.remove_attribute("style");
            }
        }
    }
}
