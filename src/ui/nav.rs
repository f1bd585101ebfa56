//! In-app links and navigation. Every in-app move replaces the current history entry, so
//! after a quick exit the Back button cannot walk back through what she read or wrote.
//!
//! Harbour has no router crate: the address is two signals ([`Location`]), set by
//! [`Location::go`] and by Back or Forward, and `ui::app` matches the path with
//! `domain::route::parse`. (leptos_router cost about 17 KB brotli of the first visit for
//! what is here about 60 lines: no history entries are added, and there are no nested
//! routes.)

use crate::adapters::browser;
use crate::adapters::page::{self, LinkClick};
use leptos::prelude::*;
use std::sync::OnceLock;

/// The address she is at: its path (with the base) and its fragment (with its `#`, or "").
#[derive(Clone, Copy)]
pub struct Location {
    pub pathname: RwSignal<String>,
    pub hash: RwSignal<String>,
}

impl Location {
    /// Shows the address `to` (path, query and fragment, on this site) without adding
    /// history, and scrolls to the top unless it points to a part of the page.
    pub fn go(&self, to: &str) {
        browser::replace_address(to);
        self.read();
        if self.hash.with_untracked(String::is_empty) {
            browser::scroll_to_top();
        }
    }

    /// Reads the address bar into the signals (each set only when it changed).
    fn read(&self) {
        let (pathname, hash) = browser::current_address();
        if self.pathname.with_untracked(|p| *p != pathname) {
            self.pathname.set(pathname);
        }
        if self.hash.with_untracked(|h| *h != hash) {
            self.hash.set(hash);
        }
    }
}

/// Makes the address a context for the app, following Back and Forward. Call once, at the
/// top of the app.
pub fn provide_location() -> Location {
    let (pathname, hash) = browser::current_address();
    let location = Location {
        pathname: RwSignal::new(pathname),
        hash: RwSignal::new(hash),
    };
    let listener = page::on_address_change(move || location.read());
    StoredValue::new_local(listener);
    provide_context(location);
    location
}

/// The address she is at (see [`provide_location`]).
pub fn use_location() -> Location {
    expect_context()
}

static BASE: OnceLock<String> = OnceLock::new();

/// Records the path the app is served under ("/" or "/harbour/"). Call once at start.
pub fn init_base(base: String) {
    let base = if base.ends_with('/') {
        base
    } else {
        format!("{base}/")
    };
    let _ = BASE.set(base);
}

/// The base path with its trailing slash.
pub fn base() -> &'static str {
    BASE.get().map(String::as_str).unwrap_or("/")
}

/// The base path without its trailing slash ("" at the root).
pub fn router_base() -> String {
    base().trim_end_matches('/').to_owned()
}

/// The address of an in-app route, such as `href("/settings")`.
pub fn href(route: &str) -> String {
    format!("{}{}", base(), route.trim_start_matches('/'))
}

/// A function that goes to a route without adding history; safe to call from handlers.
pub fn navigator() -> impl Fn(&str) + Clone + 'static {
    let location = use_location();
    move |route: &str| location.go(&href(route))
}

/// Catches clicks on ordinary in-app links (including those inside guide content), and
/// navigates without adding history. Same-page `#` links scroll and focus their target
/// without touching the address. Call after [`provide_location`]: the listener is removed
/// when the calling component goes.
pub fn intercept_links() {
    let location = use_location();
    let listener = page::on_link_click(base(), move |click| match click {
        LinkClick::Fragment(id) => {
            focus_fragment(&id);
        }
        LinkClick::Address(to) => location.go(&to),
    });
    StoredValue::new_local(listener);
}

/// Scrolls to and focuses the element with `id` (for skip links and footnotes).
/// Returns false if there is no such element (yet: a lazily loaded page may still be on
/// its way).
pub fn focus_fragment(id: &str) -> bool {
    page::focus_id(id)
}
