//! Harbour open in more than one tab: quick exit or "Delete everything" in one tab reaches
//! them all. (Another tab's saves reach this one through storage events: see the machine,
//! `domain::sync`.)

use super::Store;
use crate::adapters::{browser, exit, listen};
use leptos::prelude::*;

/// Another tab used quick exit: leave too.
pub const EXIT: &str = "exit";
/// Another tab deleted everything: forget it here too.
pub const WIPED: &str = "wiped";

/// Tells every other Harbour tab something (never this one).
pub fn broadcast(message: &str) {
    listen::tell_tabs(message);
}

/// Listens to the other tabs for as long as the store lives.
pub(super) fn listen(store: Store) {
    let channel = listen::listen_to_tabs(move |message| match message.as_str() {
        EXIT => store.leave(),
        WIPED => store.reset_after_wipe(),
        _ => {}
    });
    store.own(channel);
}

impl Store {
    /// Quick exit in this tab (here, or heard from another tab): stops any reading aloud,
    /// hides the page at once, saves and locks (forgetting the key), empties the page,
    /// then replaces it in the history with the neutral page she chose.
    pub fn leave(self) {
        // Silence first: the neutral site can take seconds to load while a voice carries on.
        crate::adapters::speech::silence();
        // Once is enough: a second leaving (another tab's message arriving now, say) would
        // cancel the first navigation and start it again.
        if browser::has_root_class("app-exiting") {
            return;
        }
        browser::set_root_class("app-exiting", true);
        let url = self.snapshot.with_untracked(|s| s.public.exit_url.clone());
        self.save_now();
        self.lock();
        exit::blank_page();
        browser::replace_location(&url);
    }
}
