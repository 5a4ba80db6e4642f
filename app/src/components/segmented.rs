//! A segmented control: toggle buttons for one setting, the current value pressed.

use crate::state::use_nav;
use esg_data::Report;
use esg_explorer::i18n::Msg;
use leptos::prelude::*;

/// One button per `(value, label)`; `aria-pressed` marks the current value and a press
/// calls `on_pick` with its value. A `disabled` control stays focusable and readable
/// (`aria-disabled`, its reason the element `described_by` names) and ignores presses.
/// Labels that name the report's years or dates (`{period_end}`) need the `report` to fill
/// them ([`Msg::for_report`]); the others are shown as they are.
#[component]
pub fn Segmented<T>(
    options: Vec<(T, Msg)>,
    #[prop(into)] current: Signal<T>,
    on_pick: Callback<T>,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional)] described_by: Option<&'static str>,
    #[prop(optional)] report: Option<&'static Report>,
) -> impl IntoView
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
                            aria-disabled=move || disabled.get().then_some("true")
                            aria-describedby=move || disabled.get().then_some(described_by).flatten()
                            on:click=move |_| {
                                if !disabled.get_untracked() {
                                    on_pick.run(value)
                                }
                            }
                        >
                            {move || match report {
                                Some(r) => label.for_report(nav.lang(), r),
                                None => label.text(nav.lang()).to_owned(),
                            }}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
