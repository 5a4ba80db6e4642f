//! A segmented control: toggle buttons for one setting, the current value pressed.

use crate::state::use_nav;
use esg_explorer::i18n::Msg;
use leptos::prelude::*;

/// One button per `(value, label)`; `aria-pressed` marks the current value and a press
/// calls `on_pick` with its value.
#[component]
pub fn Segmented<T>(options: Vec<(T, Msg)>, #[prop(into)] current: Signal<T>, on_pick: Callback<T>) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let nav = use_nav();
    view! {
        <div class="segmented">
            {options
                .into_iter()
                .map(|(value, label)| {
                    view! {
                        <button
                            type="button"
                            aria-pressed=move || (current.get() == value).to_string()
                            on:click=move |_| on_pick.run(value)
                        >
                            {move || label.text(nav.lang())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
