//! The explorer's browser app: Leptos components over `esg-explorer` and the embedded
//! report. `main.rs` only calls [`start`].

// The views' types are deep when the host renders them (Leptos `ssr`).
#![recursion_limit = "512"]

pub mod browser;
pub mod components;
pub mod data;
pub mod echart;
#[cfg(not(target_arch = "wasm32"))]
pub mod pages;
pub mod state;

use components::board::BoardView;
use components::header::{Controls, Header};
use components::highlights::HighlightsView;
use components::index::IndexView;
use components::materiality::MaterialityView;
use components::overview::Overview;
use components::pillar::PillarView;
use components::stakeholders::StakeholdersView;
use echart::Pictures;
use esg_data::Report;
use esg_explorer::i18n::Msg;
use esg_explorer::pages::Page;
use esg_explorer::url::View;
use leptos::prelude::*;
use state::Nav;

/// Mounts the app over the pre-rendered page, or leaves that page with a readable error.
pub fn start() {
    // The panic's message on the console (no stack: console_error_panic_hook's cost ~1 KB
    // gzip on every first view), and the readable note on the page.
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("{info}");
        browser::show_load_error();
    }));
    // Reading the embedded report is a task of its own, apart from starting the module
    // and from the mount (three shorter tasks instead of one long one on a phone).
    set_timeout(
        || match data::report() {
            Ok(report) => {
                // Let the pre-rendered page paint first (one frame), then take over: the
                // reader sees content at once even when the wasm arrived before the first paint.
                // Started by the reader's interaction, the page painted long ago: a task of
                // its own is enough.
                let take_over = move || {
                    components::reveal::mounting(browser::scrolled(), || {
                        leptos::mount::mount_to_body(move || {
                            let nav = Nav::install(report);
                            view! { <App report=report nav=nav pictures=Pictures::from_page()/> }
                        })
                    });
                    // Same task as the mount: the static page and the app never show together.
                    browser::remove_prerender();
                };
                if browser::interacted() {
                    set_timeout(take_over, std::time::Duration::ZERO);
                } else {
                    browser::after_next_paint(take_over);
                }
            }
            Err(e) => {
                leptos::logging::error!("embedded report unreadable: {e}");
                browser::show_load_error();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The whole page for the state `nav` holds: in the browser, and on the host where the
/// build renders every static page with it (`pages.rs`).
#[component]
pub fn App(report: &'static Report, nav: Nav, pictures: Pictures) -> impl IntoView {
    provide_context(nav);
    provide_context(report);
    provide_context(state::ThemeSignal::install());
    // Charts stay static pictures until the reader first interacts.
    echart::provide_pictures(pictures);

    // <html lang>, title and description follow the language and view (the build wrote
    // the same for the page the reader arrived at).
    Effect::new(move |_| {
        let page = nav.state.with(|s| Page::for_state(s, nav.lang()));
        browser::set_document_meta(nav.lang().tag(), &page.title(report), &page.description(report));
    });
    // A linked KPI is scrolled to once its view is on screen, with its table's header.
    Effect::new(move |_| {
        if let Some(id) = nav.kpi() {
            request_animation_frame(move || browser::scroll_to_kpi(&format!("kpi-{id}")));
        }
    });

    let view = Memo::new(move |_| nav.view());
    // Embed mode is decided once, from the page the iframe was given.
    if let Some(widget) = nav.state.with_untracked(|s| s.embed.clone()) {
        return view! { <components::embed::EmbedView report=report widget=widget/> }.into_any();
    }
    view! {
        <Header/>
        <components::print::PrintHead/>
        <main id="content" tabindex="-1">
            <Show when=move || view.get().pillar().is_some() || view.get() == View::Overview>
                <Controls/>
            </Show>
            {move || match view.get() {
                View::Overview => view! { <Overview report=report/> }.into_any(),
                View::Board => view! { <BoardView report=report/> }.into_any(),
                View::Stakeholders => view! { <StakeholdersView report=report/> }.into_any(),
                View::Materiality => view! { <MaterialityView report=report/> }.into_any(),
                View::Highlights => view! { <HighlightsView report=report/> }.into_any(),
                View::Index => view! { <IndexView report=report/> }.into_any(),
                v => match v.pillar() {
                    Some(p) => view! { <PillarView report=report pillar=p/> }.into_any(),
                    None => view! { <Overview report=report/> }.into_any(),
                },
            }}
        </main>
        <footer class="site-footer">
            <p>{move || Msg::Footer.for_report(nav.lang(), report)}</p>
            <p>{move || Msg::Prevails.text(nav.lang())}</p>
            <components::data_files::DataFiles report=report/>
        </footer>
    }
    .into_any()
}
