//! In-app links and navigation. Every in-app move replaces the current history entry, so
//! after a quick exit the Back button cannot walk back through what she read or wrote.

use leptos_router::{hooks::use_navigate, NavigateOptions};
use std::sync::OnceLock;
use wasm_bindgen::{closure::Closure, JsCast};

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
/// focus their target without touching the address. Call inside the `<Router>`.
pub fn intercept_links() {
    let navigate = use_navigate();
    let handler = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.shift_key()
        {
            return;
        }
        let Some(a) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        if !a.target().is_empty() || a.has_attribute("download") {
            return;
        }
        // "#id" links are on this page. (With <base href>, the browser would resolve them
        // against the base, which is another page.)
        if let Some(fragment) = a
            .get_attribute("href")
            .and_then(|h| h.strip_prefix('#').map(str::to_owned))
        {
            ev.prevent_default();
            focus_fragment(&fragment);
            return;
        }
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        let Ok(here) = location.href() else { return };
        let (Ok(url), Ok(here)) = (web_sys::Url::new(&a.href()), web_sys::Url::new(&here)) else {
            return;
        };
        if url.origin() != here.origin() || !url.pathname().starts_with(base()) {
            return;
        }
        ev.prevent_default();
        let hash = url.hash();
        if url.pathname() == here.pathname() && url.search() == here.search() && !hash.is_empty() {
            focus_fragment(&hash[1..]);
            return;
        }
        let to = format!("{}{}{}", url.pathname(), url.search(), hash);
        navigate(
            &to,
            NavigateOptions {
                replace: true,
                resolve: false,
                ..Default::default()
            },
        );
    });
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let _ = doc.add_event_listener_with_callback_and_bool(
            "click",
            handler.as_ref().unchecked_ref(),
            true,
        );
    }
    handler.forget();
}

/// Scrolls to and focuses the element with `id` (for skip links and footnotes).
/// Returns false if there is no such element (yet: a lazily loaded page may still be on
/// its way).
pub fn focus_fragment(id: &str) -> bool {
    let id = js_sys::decode_uri_component(id)
        .map(String::from)
        .unwrap_or_else(|_| id.to_owned());
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    el.scroll_into_view();
    let _ = el.focus();
    true
}
