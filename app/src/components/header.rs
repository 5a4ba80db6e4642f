//! Site header: title, language switch, view navigation, page controls.

use crate::components::issuer::Issuer;
use crate::components::search::Search;
use crate::components::segmented::Segmented;
use crate::state::use_nav;
use esg_data::{Lang, Report};
use esg_explorer::i18n::Msg;
use esg_explorer::pages::nav_label;
use esg_explorer::url::{Measure, Mode, View};
use leptos::prelude::*;

/// The link to a view.
#[component]
fn ViewLink(v: View) -> impl IntoView {
    let nav = use_nav();
    view! {
        <NavLink
            href=Signal::derive(move || nav.href(|s| { s.view = v; s.kpi = None; }))
            on_go=Callback::new(move |_| nav.go(|s| { s.view = v; s.kpi = None; }))
            current=Signal::derive(move || nav.view() == v)
        >
            {move || nav_label(v, nav.lang())}
        </NavLink>
    }
}

/// Whether a click on an in-app link is the app's to follow: a plain primary-button click.
/// A click with Ctrl, Cmd, Shift or Alt, or with another button, is the browser's (a new
/// tab or window, a download), as is one a handler already took.
pub fn in_app(ev: &leptos::ev::MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.default_prevented())
}

/// A link that changes the state in place (and still works in a new tab).
#[component]
pub fn NavLink(
    href: Signal<String>,
    on_go: Callback<()>,
    #[prop(into)] current: Signal<bool>,
    children: Children,
) -> impl IntoView {
    view! {
        <a
            href=move || href.get()
            aria-current=move || current.get().then_some("page")
            class:active=move || current.get()
            on:click=move |ev: leptos::ev::MouseEvent| {
                if in_app(&ev) {
                    ev.prevent_default();
                    on_go.run(());
                }
            }
        >
            {children()}
        </a>
    }
}

/// The "More" menu (a `<details>`) closes like a menu: once a view is chosen or the view
/// changes any other way, on a tap or click outside it, and on Escape, which gives the focus
/// back to its button. Left open it would cover the next page.
fn close_more_menu_like_a_menu(more: NodeRef<leptos::html::Details>) {
    let nav = use_nav();
    let close = move || {
        if let Some(d) = more.get_untracked() {
            d.set_open(false);
        }
    };
    Effect::new(move |_| {
        nav.view();
        close();
    });
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let inside = move |ev: &web_sys::Event| {
            let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            more.get_untracked().is_some_and(|d| d.contains(target.as_ref()))
        };
        let tap = window_event_listener(leptos::ev::pointerdown, move |ev| {
            if !inside(&ev) {
                close();
            }
        });
        let key = window_event_listener(leptos::ev::keydown, move |ev| {
            let open = more.get_untracked().is_some_and(|d| d.open());
            if open && ev.key() == "Escape" {
                close();
                if let Some(summary) = more
                    .get_untracked()
                    .and_then(|d| d.query_selector("summary").ok().flatten())
                {
                    let _ = summary.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
        });
        on_cleanup(move || {
            tap.remove();
            key.remove();
        });
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let nav = use_nav();
    let report: &'static Report = expect_context();
    let more = NodeRef::<leptos::html::Details>::new();
    close_more_menu_like_a_menu(more);
    let t = move |m: Msg| m.text(nav.lang());
    let other = move || match nav.lang() {
        Lang::ZhHant => Lang::En,
        Lang::En => Lang::ZhHant,
    };
    view! {
        <header class="site-header">
            <a class="skip" href="#content">{move || t(Msg::SkipToContent)}</a>
            <div class="title-row">
                <h1>{move || Msg::AppTitle.for_report(nav.lang(), report)}</h1>
                <NavLink
                    href=Signal::derive(move || nav.href(|s| s.lang = Some(other())))
                    on_go=Callback::new(move |_| nav.go(|s| s.lang = Some(other())))
                    current=false
                >
                    <span lang=move || other().tag() aria-label=move || t(Msg::SwitchLanguage)>{move || t(Msg::OtherLanguage)}</span>
                </NavLink>
            </div>
            <Issuer/>
            <Search/>
        </header>
        <nav class="views" aria-label=move || t(Msg::Views)>
            {View::PRIMARY.into_iter().map(|v| view! { <ViewLink v=v/> }).collect_view()}
            <details class="more" node_ref=more class:active=move || !View::PRIMARY.contains(&nav.view())>
                <summary>{move || t(Msg::More)}</summary>
                <div class="more-menu">
                    {View::ALL.into_iter().filter(|v| !View::PRIMARY.contains(v)).map(|v| view! { <ViewLink v=v/> }).collect_view()}
                </div>
            </details>
        </nav>
    }
}

/// Chart/table and total/per-employee switches, and copy-link.
#[component]
pub fn Controls() -> impl IntoView {
    let nav = use_nav();
    let t = move |m: Msg| m.text(nav.lang());
    let copied = RwSignal::new(false);
    let mode = move || nav.mode();
    // Per employee where some chart of the view has an intensity; elsewhere the control is
    // disabled with its reason beside it (never a silent no-op), showing what is drawn:
    // totals. The link keeps the reader's choice for the next view.
    let report = use_context::<&'static esg_data::Report>();
    let off =
        Signal::derive(move || report.is_some_and(|r| !esg_explorer::groups::per_employee_applies(r, nav.view())));
    let measure = move || if off.get() { Measure::Absolute } else { nav.measure() };
    view! {
        <div class="controls" role="group" aria-label=move || t(Msg::ShowAs)>
            <Segmented
                options=vec![(Mode::Chart, Msg::ModeChart), (Mode::Table, Msg::ModeTable)]
                current=Signal::derive(mode)
                on_pick=Callback::new(move |m| nav.go(|s| s.mode = m))
            />
            <Segmented
                options=vec![(Measure::Absolute, Msg::Absolute), (Measure::PerEmployee, Msg::PerEmployee)]
                current=Signal::derive(measure)
                on_pick=Callback::new(move |m| nav.go(|s| s.measure = m))
                disabled=off
                described_by="measure-off"
            />
            <Show when=move || off.get()>
                <p class="measure-off" id="measure-off">{move || t(Msg::PerEmployeeNone)}</p>
            </Show>
            <Show when=crate::browser::can_share>
                <button type="button" class="copy" on:click=move |_| crate::browser::share(&crate::browser::document().map(|d| d.title()).unwrap_or_default(), &crate::browser::href())>
                    {move || t(Msg::Share)}
                </button>
            </Show>
            <button
                type="button"
                class="copy"
                on:click=move |_| {
                    let done = move |ok: bool| copied.set(ok);
                    crate::browser::copy_text(&crate::browser::href(), done);
                }
            >
                {move || if copied.get() { t(Msg::LinkCopied) } else { t(Msg::CopyLink) }}
            </button>
        </div>
    }
}
