//! Embed mode (`?embed=<widget>`): one widget, no site navigation, sized to its iframe; it
//! tells the host page its height on load and on every resize.

use crate::browser;
use crate::components::board::BoardView;
use crate::components::group::GroupCard;
use crate::components::overview::Headlines;
use crate::components::stakeholders::StakeholdersView;
use crate::state::use_nav;
use esg_data::Report;
use esg_explorer::embed::{datawrapper_message, height_message, widget_ids, Widget};
use esg_explorer::groups::group;
use esg_explorer::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn EmbedView(report: &'static Report, widget: Widget) -> impl IntoView {
    let nav = use_nav();
    let lang = move || nav.lang();
    let id = widget.id().to_owned();
    let report_height = move || {
        let h = browser::content_height();
        browser::post_to_parent(&height_message(&id, h));
        browser::post_to_parent(&datawrapper_message(&id, h));
    };
    Effect::new(move |_| {
        // Offscreen cross-origin frames get no animation frames in Chromium: report at once
        // (layout is synchronous), and again after a frame, a timeout and every resize.
        report_height();
        request_animation_frame(report_height.clone());
        set_timeout(report_height.clone(), std::time::Duration::from_millis(300));
        browser::on_content_resize(report_height.clone());
    });
    // The widget's view in the full explorer (a group: its pillar).
    let page = move || nav.state.with(|s| esg_explorer::pages::Page::for_state(s, nav.lang()));
    let full_view = untrack(page).view_of(report);
    let explorer_href = move || {
        nav.href(|s| {
            s.embed = None;
            s.view = full_view;
        })
    };
    let body = match widget {
        Widget::Overview => view! { <Headlines report=report/> }.into_any(),
        Widget::Board => view! { <BoardView report=report/> }.into_any(),
        Widget::Stakeholders => view! { <StakeholdersView report=report/> }.into_any(),
        Widget::Group(g) => match group(g) {
            Some(g) => {
                view! { <div class="groups"><GroupCard report=report group=g eager=true standalone=true/></div> }
                    .into_any()
            }
            None => ().into_any(),
        },
        Widget::Unknown(id) => view! {
            <p class="unknown-widget" role="alert">
                {move || Msg::UnknownWidget.fill(lang(), &[("id", &id), ("ids", &widget_ids().join(", "))])}
            </p>
        }
        .into_any(),
    };
    view! {
        <main id="content" class="embedded">
            // The page's name, for a screen reader's list of headings; the host page shows
            // its own title around the frame.
            <h1 class="visually-hidden">{move || page().title(report)}</h1>
            {body}
            <p class="open-full"><a href=explorer_href target="_blank" rel="noopener">{move || Msg::OpenInExplorer.text(lang())}</a></p>
        </main>
    }
}
