//! In-app links and navigation. Every in-app move replaces the current history entry, so
//! after a quick exit the Back button cannot walk back through what she read or wrote.

use crate::adapters::page::{self, LinkClick};
use leptos::prelude::StoredValue;
use leptos_router::{hooks::use_navigate, NavigateOptions};
use std::sync::OnceLock;

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

/// The router's base: the base path without its trailing slash ("" at the root).
pub fn router_base() -> String {
    base().trim_end_matches('/').to_owned()
}

/// The address of an in-app route, such as `href("/settings")`.
pub fn href(route: &str) -> String {
    format!("{}{}", base(), route.trim_start_matches('/'))
}

/// A function that goes to a route without adding history; safe to call from handlers.
pub fn navigator() -> impl Fn(&str) + Clone + 'static {
    let navigate = use_navigate();
    move |route: &str| {
        navigate(
            &href(route),
            NavigateOptions {
                replace: true,
                resolve: false,
                ..Default::default()
            },
        )
    }
}

/// Catches clicks on ordinary in-app links (including those inside guide content) before
/// the router does, and navigates without adding history. Same-page `#` links scroll and
/// focus their target without touching the address. Call inside the `<Router>`: the
/// listener is removed when the calling component goes.
pub fn intercept_links() {
    let navigate = use_navigate();
    let listener = page::on_link_click(base(), move |click| match click {
        LinkClick::Fragment(id) => {
            focus_fragment(&id);
        }
        LinkClick::Address(to) => navigate(
            &to,
            NavigateOptions {
                replace: true,
                resolve: false,
                ..Default::default()
            },
        ),
    });
    StoredValue::new_local(listener);
}

/// Scrolls to and focuses the element with `id` (for skip links and footnotes).
/// Returns false if there is no such element (yet: a lazily loaded page may still be on
/// its way).
pub fn focus_fragment(id: &str) -> bool {
    page::focus_id(id)
}
