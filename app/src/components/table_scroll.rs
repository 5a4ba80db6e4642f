//! The horizontal scroller around a wide table.

use leptos::prelude::*;

/// A wide table's scroller, which a phone needs: the keyboard can reach it and scroll it with
/// the arrow keys (WCAG 2.1.1; axe's `scrollable-region-focusable`). Named as its table's
/// caption is, so a screen reader says what it holds. A group, not a region landmark: the
/// card around it is already a landmark of that name.
#[component]
pub fn TableScroll(#[prop(into)] label: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <div class="table-wrap" role="group" tabindex="0" aria-label=move || label.get()>
            {children()}
        </div>
    }
}
