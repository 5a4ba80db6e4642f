//! The few browser calls the app makes, each failing soft: a missing API never panics.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn clipboard_write_text(text: &str) -> Result<js_sys::Promise, JsValue>;
}

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn document() -> Option<web_sys::Document> {
    window().and_then(|w| w.document())
}

/// `location.search`, or empty.
pub fn search() -> String {
    window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// `location.pathname`, so links keep the sub-path the app is served under.
pub fn pathname() -> String {
    window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "./".into())
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

/// Calls `f` on back/forward navigation, for the life of the page.
pub fn on_popstate(f: impl Fn() + 'static) {
    if let Some(w) = window() {
        let cb = Closure::<dyn Fn()>::new(f);
        let _ = w.add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
        cb.forget();
    }
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

/// Scrolls an element into view (if it exists).
pub fn scroll_to(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view();
    }
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
pub fn prefers_dark() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}
