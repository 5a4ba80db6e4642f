//! PLACEHOLDER front end: one heading and one demo bar chart.
//!
//! The real UI replaces this file. The contract the browser tests rely on:
//! every chart container is `div.chart[data-chart]`, and it gets
//! `data-chart-ready="true"` once ECharts has drawn into it.

use charming::{component::Axis, element::AxisType, series::Bar, Chart};
use leptos::html::Div;
use leptos::prelude::*;

/// The demo chart shown by the placeholder page.
pub fn demo_chart() -> Chart {
    Chart::new()
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(vec!["2020", "2021", "2022"]),
        )
        .y_axis(Axis::new().type_(AxisType::Value))
        .series(Bar::new().name("示範").data(vec![120, 200, 150]))
}

#[component]
pub fn App() -> impl IntoView {
    view! {
        <main>
            <h1>"永續報告書 2022"</h1>
            <EChart id="chart-demo" key="demo" chart=demo_chart()/>
        </main>
    }
}

/// A chart container; ECharts draws into it after mount.
///
/// charming's `WasmRenderer` looks the element up by id, so rendering must wait
/// until the view is in the DOM: the effect runs after mount.
#[component]
pub fn EChart(
    /// DOM id (unique on the page).
    id: &'static str,
    /// Value of `data-chart`, the stable handle the browser tests use.
    key: &'static str,
    chart: Chart,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            draw(id, &el, &chart);
        }
    });
    view! { <div class="chart" id=id data-chart=key node_ref=node></div> }
}

#[cfg(target_arch = "wasm32")]
mod echarts_ext {
    use wasm_bindgen::prelude::*;

    // charming binds init/setOption/resize only; this is the same JS object.
    #[wasm_bindgen]
    extern "C" {
        pub type EchartsInstance;

        /// `chart.on(eventName, handler)`
        #[wasm_bindgen(method, js_name = on)]
        pub fn on(this: &EchartsInstance, event: &str, handler: &JsValue);
    }
}

#[cfg(target_arch = "wasm32")]
fn draw(id: &str, el: &web_sys::HtmlDivElement, chart: &Chart) {
    use charming::WasmRenderer;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    // No fixed size: ECharts takes the container's CSS size.
    let echarts = match WasmRenderer::new_opt(None, None).render(id, chart) {
        Ok(echarts) => echarts,
        Err(e) => {
            leptos::logging::error!("chart `{id}`: {e}");
            return;
        }
    };
    // "finished" fires once rendering (and its entry animation) is done: only then is the
    // chart marked ready, so tests and screenshots see the final picture.
    let el = el.clone();
    let on_finished = Closure::<dyn Fn()>::new(move || {
        if el.get_attribute("data-chart-ready").is_none() {
            let _ = el.set_attribute("data-chart-ready", "true");
        }
    });
    echarts
        .unchecked_ref::<echarts_ext::EchartsInstance>()
        .on("finished", on_finished.as_ref());

    // ECharts does not follow container resizes on its own.
    let echarts = StoredValue::new_local(echarts);
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        echarts.with_value(|e| e.resize(JsValue::UNDEFINED));
    });
    // The closure lives as long as this effect (dropped with the StoredValue).
    let _on_finished = StoredValue::new_local(on_finished);
    on_cleanup(move || handle.remove());
}

/// Native builds (`cargo test`, clippy on the host) never touch the DOM.
#[cfg(not(target_arch = "wasm32"))]
fn draw(_id: &str, _el: &web_sys::HtmlDivElement, _chart: &Chart) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_chart_is_a_bar_chart_with_three_years() {
        let json: serde_json::Value = serde_json::from_str(&demo_chart().to_string()).unwrap();
        assert_eq!(json["series"][0]["type"], "bar");
        assert_eq!(
            json["xAxis"]["data"],
            serde_json::json!(["2020", "2021", "2022"])
        );
    }
}
