//! KPI search in either language (Chinese in Traditional or Simplified characters) or by HKEX
//! code; results link to the KPI in its view.

use crate::components::header::in_app;
use crate::state::use_nav;
use esg_data::Report;
use esg_explorer::groups::search;
use esg_explorer::i18n::Msg;
use esg_explorer::url::View;
use leptos::prelude::*;

#[component]
pub fn Search() -> impl IntoView {
    let nav = use_nav();
    let report: &'static Report = expect_context();
    let query = RwSignal::new(String::new());
    let t = move |m: Msg| m.text(nav.lang());
    let results = move || search(report, &query.get(), 8);
    view! {
        <div class="search" role="search">
            <label for="kpi-search" class="visually-hidden">{move || t(Msg::SearchLabel)}</label>
            <input
                id="kpi-search"
                type="search"
                autocomplete="off"
                placeholder=move || t(Msg::SearchLabel)
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <Show when=move || !query.with(|q| q.trim().is_empty())>
                <ul class="search-results" aria-live="polite">
                    {move || {
                        let hits = results();
                        if hits.is_empty() {
                            return view! { <li class="empty">{t(Msg::SearchNoMatch)}</li> }.into_any();
                        }
                        hits.into_iter()
                            .map(|k| {
                                let view = View::for_pillar(k.pillar);
                                let id = k.id.clone();
                                let id2 = k.id.clone();
                                view! {
                                    <li>
                                        <a
                                            href=move || nav.href(|s| { s.view = view; s.kpi = Some(id.clone()); })
                                            on:click=move |ev: leptos::ev::MouseEvent| {
                                                if !in_app(&ev) {
                                                    return;
                                                }
                                                ev.prevent_default();
                                                let id = id2.clone();
                                                nav.go(|s| { s.view = view; s.kpi = Some(id); });
                                                query.set(String::new());
                                            }
                                        >
                                            {k.metric.get(nav.lang()).to_owned()}
                                            {k.hkex.as_ref().map(|c| view! { <span class="code">{format!(" {c}")}</span> })}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                            .into_any()
                    }}
                </ul>
            </Show>
        </div>
    }
}
