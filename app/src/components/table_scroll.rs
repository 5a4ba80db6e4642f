//! The horizontal scroller around a wide table.

use leptos::prelude::*;

/// A wide table's scroller, which a phone needs: the keyboard can reach it and scroll it with
/// the arrow keys (WCAG 2.1.1; axe's `scrollable-region-focusable`). Named as its table's
/// caption is, so a screen reader says what it holds. A group, not a region landmark: the
/// card around it is already a landmark of that name.
#[component]
///
/// The outer box is the stylesheet's size container: below a width the table's rows become
/// stacked cards, which need no scroller, so the scroller itself can let go of its overflow
/// (and a sticky caption can stick to the page, not to the scroller).
pub fn TableScroll(#[prop(into)] label: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <div class="table-box">
            <div class="table-wrap" role="group" tabindex="0" aria-label=move || label.get()>
                {children()}
            </div>
        </div>
    }
}
