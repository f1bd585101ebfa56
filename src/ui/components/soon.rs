//! Parts of the first screen built a moment after the rest, each in a task of its own, so
//! that starting Harbour is a few short tasks rather than one long one (a long task holds up
//! her first tap, and it is what Lighthouse's "total blocking time" counts).

use leptos::leptos_dom::helpers::set_timeout;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::time::Duration;

thread_local! {
    /// True once the first screen is built: later pages build everything at once.
    static STARTED: Cell<bool> = const { Cell::new(false) };
    /// What to do once the first screen is built (see [`when_started`]).
    static ON_START: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `then` once the first screen is built, or at once if it already is.
pub fn when_started(then: impl FnOnce() + 'static) {
    if STARTED.with(Cell::get) {
        then();
    } else {
        ON_START.with(|on| on.borrow_mut().push(Box::new(then)));
    }
}

/// Marks the first screen as built once the parts waiting in [`Soon`] so far have been
/// (timers of the same delay run in the order they were set), and runs what waits on it.
pub fn mark_started_soon() {
    set_timeout(
        || {
            STARTED.with(|s| s.set(true));
            for then in ON_START.with(|on| std::mem::take(&mut *on.borrow_mut())) {
                then();
            }
        },
        Duration::ZERO,
    );
}

/// Builds `children` in a task of its own while Harbour starts; at once after that.
#[component]
pub fn Soon(children: ChildrenFn) -> impl IntoView {
    let shown = RwSignal::new(STARTED.with(Cell::get));
    if !shown.get_untracked() {
        set_timeout(move || shown.set(true), Duration::ZERO);
    }
    move || shown.get().then(|| children())
}
