//! Progressive mounting of a long view: the app's first task builds only the view's first
//! blocks, and the rest follow one per task, each just after a paint. A phone then meets
//! no long task when the app takes over the static page (Total Blocking Time), and the
//! first screen is ready first.
//!
//! The static page the build writes shows every block at once (the host renders all).
//! Layout does not shift meanwhile: the blocks are added after what is on screen, and
//! `main`'s min-height keeps the footer below the first screen. A reader who has already
//! scrolled the static page gets every block at once, so their place stays where it is.

use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    /// Set only during the app's mount, when the reader had scrolled the static page.
    static KEEP_PLACE: Cell<bool> = const { Cell::new(false) };
}

/// Runs the app's mount; `scrolled` says whether the reader had scrolled the static page,
/// in which case the views mount whole. Switching views later always mounts progressively.
pub fn mounting<T>(scrolled: bool, mount: impl FnOnce() -> T) -> T {
    KEEP_PLACE.with(|k| k.set(scrolled));
    let out = mount();
    KEEP_PLACE.with(|k| k.set(false));
    out
}

/// How many of a view's `total` blocks are shown: `first` (at least one) at once, then one
/// more per task until all are; every block when the app mounts over a scrolled page.
pub fn progressive(total: usize, first: usize) -> RwSignal<usize> {
    let start = if cfg!(target_arch = "wasm32") && !KEEP_PLACE.with(Cell::get) {
        first.clamp(1, total.max(1))
    } else {
        total
    };
    let shown = RwSignal::new(start);
    reveal(shown, total);
    shown
}

/// Shows one more block per frame (a task queued from an animation frame runs after that
/// frame's paint) until `total` are shown.
fn reveal(shown: RwSignal<usize>, total: usize) {
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (shown, total);
    #[cfg(target_arch = "wasm32")]
    request_animation_frame(move || {
        set_timeout(
            move || {
                if let Some(n) = shown.try_get_untracked().filter(|n| *n < total) {
                    shown.set(n + 1);
                    reveal(shown, total);
                }
            },
            std::time::Duration::ZERO,
        )
    });
}
