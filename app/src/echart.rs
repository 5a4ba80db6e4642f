//! `<EChart>`: the one component that talks to ECharts.
//!
//! Options are built natively by `esg_explorer::charts` (charming) at build time and
//! arrive as JSON in one file beside the pictures, fetched with ECharts ([`live_option`]).
//! The build also draws each one as a static SVG
//! (`scripts/chart-svgs.mjs`): a chart shows that picture until the reader first interacts
//! with the page, and only then is ECharts (~170 KB, ~250 ms of a phone's main thread)
//! loaded and the live chart swapped in. So a phone's first view needs no ECharts.
//! This binds the four ECharts calls it needs itself (charming's renderer has no
//! `dispose` and always merges options, which leaves stale series after a switch).

use crate::data::Chart;
use esg_explorer::prebuilt;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    type Instance;

    #[wasm_bindgen(js_namespace = echarts, js_name = init, catch)]
    fn echarts_init(el: &web_sys::HtmlElement, theme: &JsValue, opts: &JsValue) -> Result<Instance, JsValue>;

    #[wasm_bindgen(method, js_name = setOption, catch)]
    fn set_option(this: &Instance, option: &JsValue, not_merge: bool) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    fn resize(this: &Instance);

    #[wasm_bindgen(method)]
    fn dispose(this: &Instance);

    #[wasm_bindgen(method)]
    fn on(this: &Instance, event: &str, handler: &JsValue);

    /// The chart's zrender instance (public in ECharts' API), for [`Zr::flush`] and
    /// [`Zr::find_hover`].
    type Zr;

    #[wasm_bindgen(method, js_name = getZr)]
    fn get_zr(this: &Instance) -> Zr;

    /// Draws now rather than at the next animation frame.
    #[wasm_bindgen(method)]
    fn flush(this: &Zr);

    #[wasm_bindgen(method, js_name = getDataURL, catch)]
    fn get_data_url(this: &Instance, opts: &JsValue) -> Result<String, JsValue>;

    #[wasm_bindgen(method, js_name = dispatchAction)]
    fn dispatch_action(this: &Instance, action: &JsValue);

    #[wasm_bindgen(method, js_name = convertToPixel, catch)]
    fn convert_to_pixel(this: &Instance, finder: &JsValue, value: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, js_name = getWidth)]
    fn get_width(this: &Instance) -> f64;

    #[wasm_bindgen(method, js_name = getHeight)]
    fn get_height(this: &Instance) -> f64;

    /// Hit test on the chart's zrender instance: what lies under a point.
    #[wasm_bindgen(method, js_name = findHover)]
    fn find_hover(this: &Zr, x: f64, y: f64) -> JsValue;

    /// Defined by `static/boot.js`: loads ECharts once, with its SRI hash.
    #[wasm_bindgen(js_name = esgCharts, catch)]
    fn load_echarts() -> Result<js_sys::Promise, JsValue>;
}

/// `tooltip.position` for the live charts (a function, which an option's JSON cannot
/// carry): above the finger and the bar, centred on the finger, or below them when the
/// screen has no room above; always inside the screen (the option's `confine`, which keeps
/// it inside the chart's box, is turned off here: a chart's box on a phone is too low for a
/// tooltip above its first bar).
fn tooltip_position() -> JsValue {
    thread_local! {
        static F: JsValue = Closure::<dyn Fn(js_sys::Array, JsValue, JsValue, JsValue, JsValue) -> js_sys::Array>::new(
            |point: js_sys::Array, _params, dom: JsValue, rect: JsValue, size: JsValue| {
                let num = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).ok().and_then(|n| n.as_f64());
                let (x, y) = (point.get(0).as_f64().unwrap_or(0.0), point.get(1).as_f64().unwrap_or(0.0));
                // The box as laid out (ECharts' `contentSize` can be measured before the
                // text wraps, which let a wrapped tooltip run past the screen's right edge).
                let content = js_sys::Reflect::get(&size, &"contentSize".into()).unwrap_or_default();
                let laid = dom.dyn_ref::<web_sys::HtmlElement>().map(|d| (f64::from(d.offset_width()), f64::from(d.offset_height())));
                let (w, h) = match laid {
                    Some((w, h)) if w > 0.0 => (w, h),
                    _ => (num(&content, "0").unwrap_or(0.0), num(&content, "1").unwrap_or(0.0)),
                };
                // The chart's box in the viewport, and the viewport.
                let chart = dom.dyn_ref::<web_sys::Element>().and_then(|d| d.parent_element());
                let (left, top) = chart.map_or((0.0, 0.0), |c| {
                    let r = c.get_bounding_client_rect();
                    (r.left(), r.top())
                });
                // The root's client box: a phone's `innerWidth` grows with anything that
                // overflows the page (a tooltip placed too far right included).
                let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
                let (vw, vh) = root.map_or((1e4, 1e4), |r| (f64::from(r.client_width()), f64::from(r.client_height())));
                // The bar's top and bottom (the finger when ECharts gives no element).
                let bar_top = num(&rect, "y").unwrap_or(y);
                let bar_bottom = bar_top + num(&rect, "height").unwrap_or(0.0);
                let above = bar_top.min(y - 24.0) - h - 8.0;
                let y = if top + above >= 4.0 { above } else { bar_bottom.max(y + 24.0) + 8.0 };
                let y = y.min(vh - top - h - 4.0).max(4.0 - top);
                let x = (x - w / 2.0).min(vw - left - w - 4.0).max(4.0 - left);
                js_sys::Array::of2(&x.into(), &y.into())
            },
        )
        .into_js_value();
    }
    F.with(Clone::clone)
}

/// The option of chart `key` with the live chart's tooltip position, from the options file
/// `static/boot.js` fetches with ECharts (`window.esgOptions`, which
/// `scripts/chart-svgs.mjs` writes beside the pictures): the wasm carries no options. A copy,
/// so that what ECharts or the PNG export changes never reaches the next chart.
fn live_option(key: &str) -> Option<JsValue> {
    let window: JsValue = web_sys::window()?.into();
    let all = js_sys::Reflect::get(&window, &"esgOptions".into()).ok()?;
    let opt = js_sys::Reflect::get(&all, &key.into())
        .ok()
        .filter(JsValue::is_object)?;
    let opt = js_sys::JSON::parse(&js_sys::JSON::stringify(&opt).ok()?.as_string()?).ok()?;
    if let Ok(t) = js_sys::Reflect::get(&opt, &"tooltip".into()) {
        if t.is_object() {
            let _ = js_sys::Reflect::set(&t, &"position".into(), &tooltip_position());
            let _ = js_sys::Reflect::set(&t, &"confine".into(), &false.into());
            // Placed at once, not slid from the last place over 0.4 s.
            let _ = js_sys::Reflect::set(&t, &"transitionDuration".into(), &0.into());
        }
    }
    Some(opt)
}

/// Answers the tap that woke a chart: shows the tooltip of the bar under the tap, which was
/// made on the picture at `(px, py)` in the picture's own pixels (it is `picture` px wide). The live chart has the
/// picture's height and vertical layout (same grid margins in px), so `py` carries over;
/// across, the plot starts at the same place (the same axis labels) and stretches to the
/// live width. A tap just beside a bar (a finger is wide; a zero has no bar, only its "0")
/// finds the nearest item a few pixels away.
fn answer_tap(chart: &Instance, option: &JsValue, (px, py, picture): (f64, f64, f64)) -> bool {
    // charming writes `grid` as a list of one.
    let grid = js_sys::Reflect::get(option, &"grid".into()).unwrap_or_default();
    let grid = if js_sys::Array::is_array(&grid) {
        js_sys::Array::from(&grid).get(0)
    } else {
        grid
    };
    let margin = |k: &str| {
        js_sys::Reflect::get(&grid, &k.into())
            .ok()
            .and_then(|n| n.as_f64())
            .unwrap_or(0.0)
    };
    let (right, bottom) = (margin("right"), margin("bottom"));
    let width = chart.get_width();
    let finder = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&finder, &"xAxisIndex".into(), &0.into());
    let left = chart.convert_to_pixel(&finder, &0.into()).ok().and_then(|v| v.as_f64());
    let (x, y) = match left {
        Some(x0) if picture - x0 - right > 1.0 => (x0 + (px - x0) * (width - x0 - right) / (picture - x0 - right), py),
        _ => (px * width / picture, py),
    };
    let floor = chart.get_height() - bottom;
    let zr = chart.get_zr();
    const NEAR: [(f64, f64); 11] = [
        (0.0, 0.0),
        (0.0, -5.0),
        (0.0, 5.0),
        (8.0, 0.0),
        (-8.0, 0.0),
        (16.0, 0.0),
        (0.0, -10.0),
        (0.0, 10.0),
        (24.0, 0.0),
        (0.0, -15.0),
        (0.0, 15.0),
    ];
    // The bar's series and index: a `showTip` at x and y would also update the (absent)
    // axis pointer, which hides the tooltip again at once.
    let hit = NEAR
        .iter()
        .map(|(dx, dy)| (x + dx, y + dy))
        .filter(|&(x, y)| left.is_none_or(|x0| x >= x0 - 1.0) && y < floor)
        .find_map(|(x, y)| item_of(&zr.find_hover(x, y)));
    let Some((series, index)) = hit else {
        return false;
    };
    let action = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&action, &"type".into(), &"showTip".into());
    let _ = js_sys::Reflect::set(&action, &"seriesIndex".into(), &series);
    let _ = js_sys::Reflect::set(&action, &"dataIndex".into(), &index);
    chart.dispatch_action(&action);
    true
}

/// The series and data index of a hit test's element (ECharts keeps them on the element,
/// or on the element a label belongs to, under a key `__ec_inner_…`).
fn item_of(hover: &JsValue) -> Option<(JsValue, JsValue)> {
    let get = |o: &JsValue, k: &str| {
        js_sys::Reflect::get(o, &k.into())
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    let mut el = get(hover, "target");
    for _ in 0..4 {
        let e = el?;
        let keys = js_sys::Object::keys(e.unchecked_ref::<js_sys::Object>());
        for k in keys
            .iter()
            .filter_map(|k| k.as_string())
            .filter(|k| k.starts_with("__ec_inner_"))
        {
            if let Some(data) = get(&e, &k) {
                if let (Some(s), Some(i)) = (get(&data, "seriesIndex"), get(&data, "dataIndex")) {
                    return Some((s, i));
                }
            }
        }
        el = get(&e, "__hostTarget").or_else(|| get(&e, "parent"));
    }
    None
}

/// Where on the picture `ev` landed, in the picture's own pixels: the `<img>` fills the
/// chart box and shows the picture scaled down to fit (`object-fit: scale-down`), at the
/// left and centred vertically.
fn picture_point(el: &web_sys::HtmlDivElement, ev: &web_sys::PointerEvent) -> Option<(f64, f64, f64)> {
    let img = el.query_selector("img.chart-picture").ok()??;
    let r = img.get_bounding_client_rect();
    let img: web_sys::HtmlImageElement = img.unchecked_into();
    let (nw, nh) = (f64::from(img.natural_width()), f64::from(img.natural_height()));
    if nw <= 0.0 || nh <= 0.0 {
        return None;
    }
    let scale = (r.width() / nw).min(r.height() / nh).min(1.0);
    let top = r.top() + (r.height() - nh * scale) / 2.0;
    Some((
        (f64::from(ev.client_x()) - r.left()) / scale,
        (f64::from(ev.client_y()) - top) / scale,
        nw,
    ))
}

/// Whether ECharts has been loaded (`window.echarts`).
fn echarts_loaded() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"echarts".into()).ok())
        .is_some_and(|e| !e.is_undefined())
}

/// Whether the reader has interacted with the page yet (then charts go live).
#[derive(Clone, Copy)]
struct Interacted(RwSignal<bool>);

/// Where the static chart pictures are: a directory URL ending in `/` (absolute in the
/// browser, relative to the page when the build renders it), or none (charts start live).
#[derive(Clone, Debug, Default)]
pub struct Pictures(pub Option<String>);

impl Pictures {
    /// The picture directory the page names (`data-svg` on the boot script).
    pub fn from_page() -> Pictures {
        Pictures(crate::browser::svg_dir())
    }

    /// The light and dark pictures of chart `key` (`name/variant/lang/theme`) at `width`.
    fn urls(&self, key: &str, width: u32) -> Option<(String, String)> {
        let dir = self.0.as_deref()?;
        let stem = key.rsplit_once('/').map_or(key, |(stem, _)| stem);
        let file = |theme| format!("{dir}{stem}/{}", prebuilt::picture_file(theme, width));
        Some((file("light"), file("dark")))
    }
}

/// Provides the picture directory and the "reader has interacted" flag the charts wait for
/// (call once, at the root). A page without chart pictures starts live.
pub fn provide_pictures(pictures: Pictures) {
    let flag = RwSignal::new(pictures.0.is_none());
    crate::browser::on_first_interaction(move || flag.set(true));
    provide_context(Interacted(flag));
    provide_context(pictures);
}

/// Calls `then(true)` once ECharts is there, `then(false)` if it cannot be loaded. ECharts
/// is fetched only when the first chart goes live. `then` runs in a task of its own,
/// so charts that come near together (or wait for the same download) start one task each
/// instead of in one long task.
fn with_echarts(then: impl FnOnce(bool) + 'static) {
    let own_task = move |ok: bool| set_timeout(move || then(ok), std::time::Duration::ZERO);
    if echarts_loaded() {
        return own_task(true);
    }
    match load_echarts() {
        Ok(p) => {
            leptos::task::spawn_local(async move { own_task(wasm_bindgen_futures::JsFuture::from(p).await.is_ok()) })
        }
        Err(_) => own_task(false),
    }
}

/// A typed handle on one `<EChart>`'s live chart, handed from the component that owns the
/// chart to the ones that act on it (the PNG button), as thaw's `ComponentRef` does: no
/// registry by name, no polling. Work asked for before the chart is live waits for it.
#[derive(Clone, Copy)]
pub struct ChartRef {
    live: StoredValue<Option<Instance>, LocalStorage>,
    waiting: StoredValue<Vec<OnLive>, LocalStorage>,
}

/// Work waiting for a chart to go live.
type OnLive = Box<dyn FnOnce(&Instance)>;

impl Default for ChartRef {
    fn default() -> Self {
        ChartRef {
            live: StoredValue::new_local(None),
            waiting: StoredValue::new_local(Vec::new()),
        }
    }
}

impl ChartRef {
    pub fn new() -> ChartRef {
        ChartRef::default()
    }

    fn set(self, chart: Option<Instance>) {
        let ready = chart.is_some();
        self.live.set_value(chart);
        if ready {
            let waiting = self.waiting.try_update_value(std::mem::take).unwrap_or_default();
            self.live.with_value(|c| {
                if let Some(c) = c {
                    for f in waiting {
                        f(c);
                    }
                }
            });
        }
    }

    /// Calls `done` with the chart as a PNG data URL, its title and a subtitle (unit,
    /// source) drawn in; the chart is put back as it was.
    pub fn png(
        self,
        title: String,
        subtitle: String,
        key: &'static str,
        background: &'static str,
        done: impl FnOnce(String) + 'static,
    ) {
        let export = move |chart: &Instance| {
            if let Some(url) = png(chart, &title, &subtitle, key, background) {
                done(url);
            }
        };
        if self.live.with_value(Option::is_some) {
            self.live.with_value(|c| c.as_ref().map(export));
        } else {
            self.waiting.update_value(|w| w.push(Box::new(export)));
        }
    }
}

fn png(chart: &Instance, title: &str, subtitle: &str, key: &str, background: &str) -> Option<String> {
    let extra = serde_json::json!({
        "title": { "text": title, "subtext": subtitle, "left": 8, "top": 4 },
        "grid": { "top": 64 }
    });
    let extra = js_sys::JSON::parse(&extra.to_string()).ok()?;
    chart.set_option(&extra, false).ok()?;
    let opts = js_sys::JSON::parse(
        &serde_json::json!({ "type": "png", "pixelRatio": 2, "backgroundColor": background }).to_string(),
    )
    .ok()?;
    let url = chart.get_data_url(&opts).ok();
    if let Some(original) = live_option(key) {
        let _ = chart.set_option(&original, true);
    }
    url
}

/// The observer that starts a chart near the screen, and its callback.
type Watcher = (web_sys::IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);

/// The `print` media query and the listener that redraws a live chart for paper.
type PrintWatch = (web_sys::MediaQueryList, Closure<dyn FnMut()>);

/// What a mounted chart holds on to.
struct Mounted {
    chart: Instance,
    observer: Option<web_sys::ResizeObserver>,
    _on_resize: Closure<dyn FnMut()>,
    _on_click: Option<Closure<dyn FnMut(JsValue)>>,
}

/// A chart container; draws the chart's option after mount and on change, follows the
/// container's size, and disposes the chart when unmounted. The container is an image to
/// assistive technology, labelled with the chart's description (also before ECharts runs).
#[component]
pub fn EChart(
    /// Stable handle (`data-chart`), the group id.
    key: &'static str,
    /// The prebuilt chart (`crate::data::chart`).
    #[prop(into)]
    chart: Signal<Chart>,
    /// Called with the `name` of a clicked or tapped data item.
    #[prop(optional)]
    on_click: Option<Callback<String>>,
    /// Receives the live chart (for its PNG).
    #[prop(optional)]
    chart_ref: Option<ChartRef>,
    /// The chart is on the first screen: its picture is fetched at once, not lazily (it is
    /// the page's largest paint).
    #[prop(optional)]
    eager: bool,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let mounted: StoredValue<Option<Mounted>, LocalStorage> = StoredValue::new_local(None);
    // ECharts could not be loaded: the picture stays.
    let failed = RwSignal::new(false);
    // ECharts has drawn this chart: the picture goes.
    let drawn = RwSignal::new(false);
    // Charts go live when the reader has interacted and they come near the screen: a long
    // view does not pay for charts nobody has scrolled to (ECharts' start-up is the
    // main-thread cost on a phone). No context (never in the app): live at once.
    let interacted = use_context::<Interacted>().map_or_else(|| RwSignal::new(true), |i| i.0);
    let seen = RwSignal::new(false);
    let near = RwSignal::new(false);
    // A tap on the picture: where it landed (picture pixels), answered once the chart is
    // live; meanwhile the chart shows that it is waking (`aria-busy`, a bar in the CSS).
    let tap: StoredValue<Option<(f64, f64, f64)>> = StoredValue::new(None);
    let waking = RwSignal::new(false);
    // The chart may be gone by the time ECharts arrives: try_set.
    let start = move || {
        with_echarts(move |ok| {
            if ok {
                near.try_set(true);
            } else {
                failed.try_set(true);
                waking.try_set(false);
            }
        })
    };
    // The picture could not be loaded: go live without waiting for an interaction.
    let no_picture = RwSignal::new(false);
    let started = StoredValue::new(false);
    Effect::new(move |_| {
        if seen.get() && (interacted.get() || no_picture.get()) && !started.get_value() {
            started.set_value(true);
            start();
        }
    });
    let on_tap = move |ev: web_sys::PointerEvent| {
        if drawn.get_untracked() || failed.get_untracked() {
            return;
        }
        if let Some(p) = node.get_untracked().and_then(|el| picture_point(&el, &ev)) {
            tap.set_value(Some(p));
            waking.set(true);
        }
    };
    let watcher: StoredValue<Option<Watcher>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        if watcher.with_value(Option::is_some) {
            return;
        }
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let hit = entries.iter().any(|e| {
                e.dyn_into::<web_sys::IntersectionObserverEntry>()
                    .map(|e| e.is_intersecting())
                    .unwrap_or(true)
            });
            if hit {
                seen.try_set(true);
            }
        });
        let opts = web_sys::IntersectionObserverInit::new();
        opts.set_root_margin("300px 0px");
        match web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &opts) {
            Ok(o) => {
                o.observe(&el);
                watcher.set_value(Some((o, cb)));
            }
            // No IntersectionObserver: as if on screen.
            Err(_) => seen.set(true),
        }
    });

    Effect::new(move |_| {
        let key = chart.with(|c| c.key);
        if !near.get() {
            return;
        }
        let Some(el) = node.get() else { return };
        let Some(opt) = live_option(key) else {
            failed.set(true);
            return;
        };
        let mut fresh = None;
        mounted.update_value(|m| {
            if m.is_none() {
                *m = mount(&el, on_click);
                fresh = m.as_ref().map(|m| m.chart.clone().unchecked_into::<Instance>());
            }
            match m {
                Some(m) if m.chart.set_option(&opt, true).is_ok() => {
                    let _ = el.set_attribute("data-chart-ready", "true");
                    drawn.set(true);
                    // Answered once the picture has gone and the chart has its final size (a
                    // frame, then a task): a tooltip shown earlier is hidden again by that
                    // first resize and the pointer's move onto the new canvas.
                    if let Some(at) = tap.try_update_value(Option::take).flatten() {
                        let (chart, opt, el) = (m.chart.clone().unchecked_into::<Instance>(), opt.clone(), el.clone());
                        request_animation_frame(move || {
                            set_timeout(
                                move || {
                                    let shown = answer_tap(&chart, &opt, at);
                                    let _ = el.set_attribute("data-tap", if shown { "shown" } else { "missed" });
                                },
                                std::time::Duration::ZERO,
                            )
                        });
                    }
                }
                _ => failed.set(true),
            }
        });
        waking.set(false);
        // Handed over once drawn, after the chart's own update (waiting work may draw on it).
        if let (Some(r), Some(c)) = (chart_ref, fresh) {
            r.set(Some(c));
        }
    });

    // Printing shows every chart, not only those scrolled to: the live chart when ECharts is
    // there (it starts in the microtasks after this handler, before the page is laid out
    // for print), else the picture, fetched at once.
    let printing = RwSignal::new(false);
    let print_watch: StoredValue<Option<PrintWatch>, LocalStorage> = StoredValue::new_local(None);
    #[cfg(target_arch = "wasm32")]
    {
        let print = window_event_listener_untyped("beforeprint", move |_| {
            printing.try_set(true);
            if echarts_loaded() {
                near.try_set(true);
            }
        });
        on_cleanup(move || print.remove());
        // A live chart is drawn for the width it has on paper (the whole text column, not
        // the screen's), and back after. Chromium calls a `print` media listener once the
        // page is laid out for print and before it paints the pages; the ResizeObserver
        // would only answer after. ECharts draws a resize at the next frame: flush.
        if let Some(query) = web_sys::window().and_then(|w| w.match_media("print").ok().flatten()) {
            let relayout = Closure::<dyn FnMut()>::new(move || {
                mounted.with_value(|m| {
                    if let Some(m) = m {
                        m.chart.resize();
                        m.chart.get_zr().flush();
                    }
                })
            });
            let _ = query.add_event_listener_with_callback("change", relayout.as_ref().unchecked_ref());
            print_watch.set_value(Some((query, relayout)));
        }
    }

    on_cleanup(move || {
        print_watch.update_value(|p| {
            if let Some((query, f)) = p.take() {
                let _ = query.remove_event_listener_with_callback("change", f.as_ref().unchecked_ref());
            }
        });
        watcher.update_value(|w| {
            if let Some((o, _)) = w.take() {
                o.disconnect();
            }
        });
        if let Some(r) = chart_ref {
            r.set(None);
        }
        mounted.update_value(|m| {
            if let Some(m) = m.take() {
                if let Some(o) = &m.observer {
                    o.disconnect();
                }
                m.chart.dispose();
            }
        });
    });

    // The static picture until ECharts has drawn (and for good if ECharts cannot load):
    // light or dark as the reader's system asks, following a switch. Fetched lazily by the
    // browser, at once for print. Labelled by the container, so it is decorative (alt="").
    let pictures = use_context::<Pictures>().unwrap_or_default();
    let picture = move || {
        if drawn.get() {
            return None;
        }
        let key = chart.with(|c| c.key);
        let (light, dark) = pictures.urls(key, prebuilt::PICTURE_WIDTH)?;
        let loading = if eager || printing.get() { "eager" } else { "lazy" };
        // The first picture of a view is its largest paint: ask for it before the scripts.
        let priority = eager.then_some("high");
        // Wider viewports get a picture drawn for their wider chart column (the first
        // matching <source> wins; the ranges do not overlap).
        let wide = prebuilt::WIDE_PICTURES
            .iter()
            .filter_map(|p| {
                let (light, dark) = pictures.urls(key, p.width)?;
                Some(view! {
                    <source media=p.media_dark srcset=dark/>
                    <source media=p.media_light srcset=light/>
                })
            })
            .collect_view();
        Some(view! {
            <picture>
                {wide}
                <source media="(prefers-color-scheme: dark)" srcset=dark/>
                <img class="chart-picture" src=light alt="" loading=loading fetchpriority=priority decoding="async" on:error=move |_| no_picture.set(true)/>
            </picture>
        })
    };
    view! {
        <div
            class="chart"
            data-chart=key
            data-option=move || chart.with(|c| c.key)
            node_ref=node
            role="img"
            aria-label=move || chart.with(|c| c.label)
            // Its height comes from the stylesheet (`esg-pages --sizes`): no style attribute.
            data-h=move || chart.with(|c| c.height)
            class:chart-failed=move || failed.get()
            class:chart-waking=move || waking.get()
            aria-busy=move || waking.get().then_some("true")
            on:pointerdown=on_tap
        >
            {picture}
        </div>
    }
}

fn mount(el: &web_sys::HtmlDivElement, on_click: Option<Callback<String>>) -> Option<Mounted> {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"renderer".into(), &"canvas".into());
    let chart = echarts_init(el, &JsValue::NULL, &opts).ok()?;
    let handle: Instance = chart.clone().unchecked_into();
    let on_resize = Closure::<dyn FnMut()>::new(move || handle.resize());
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
    if let Some(o) = &observer {
        o.observe(el);
    }
    let on_click = on_click.map(|cb| {
        let f = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
            if let Some(name) = js_sys::Reflect::get(&params, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
            {
                cb.run(name);
            }
        });
        chart.on("click", f.as_ref());
        f
    });
    Some(Mounted {
        chart,
        observer,
        _on_resize: on_resize,
        _on_click: on_click,
    })
}
