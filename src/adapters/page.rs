//! The page itself: clicks on in-app links, moving focus to a part of the page, and the
//! plain "stopped working" box. Each listener is owned: it is removed when it is dropped.

use wasm_bindgen::{closure::Closure, JsCast};

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// An event listener on the document (or the window), removed when this is dropped (keep it
/// for as long as its owner lives; nothing is leaked).
pub struct DocumentListener {
    target: web_sys::EventTarget,
    kind: &'static str,
    capture: bool,
    callback: Closure<dyn Fn(web_sys::Event)>,
}

impl DocumentListener {
    /// Listens for `kind` events on the document (in the capture phase if `capture`).
    fn new(
        kind: &'static str,
        capture: bool,
        handler: impl Fn(web_sys::Event) + 'static,
    ) -> Option<Self> {
        Self::on(document()?.into(), kind, capture, handler)
    }

    /// Listens for `kind` events on `target`.
    fn on(
        target: web_sys::EventTarget,
        kind: &'static str,
        capture: bool,
        handler: impl Fn(web_sys::Event) + 'static,
    ) -> Option<Self> {
        let callback = Closure::<dyn Fn(web_sys::Event)>::new(handler);
        target
            .add_event_listener_with_callback_and_bool(
                kind,
                callback.as_ref().unchecked_ref(),
                capture,
            )
            .ok()?;
        Some(Self {
            target,
            kind,
            capture,
            callback,
        })
    }
}

impl Drop for DocumentListener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.callback.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

/// Calls `changed` when the address changes without a navigation of the app's own: Back or
/// Forward, or a `#` typed into the address bar (the window's `popstate`). Stops when the
/// returned listener is dropped.
pub fn on_address_change(changed: impl Fn() + 'static) -> Option<DocumentListener> {
    DocumentListener::on(web_sys::window()?.into(), "popstate", false, move |_| {
        changed()
    })
}

/// Where a click on an in-app link should take her.
pub enum LinkClick {
    /// A part of the page she is on, by element id (still URI-encoded).
    Fragment(String),
    /// Another address inside the app: path, query and fragment.
    Address(String),
}

/// Catches plain clicks on links to addresses under `base` (including links inside guide
/// content) before anything else sees them, stops the browser following them, and hands
/// them to `go`. Clicks with a modifier key, links with a target or a download, and links
/// elsewhere are left to the browser. Stops when the returned listener is dropped.
pub fn on_link_click(
    base: &'static str,
    go: impl Fn(LinkClick) + 'static,
) -> Option<DocumentListener> {
    DocumentListener::new("click", true, move |ev: web_sys::Event| {
        let Ok(ev) = ev.dyn_into::<web_sys::MouseEvent>() else {
            return;
        };
        if let Some(click) = link_click(&ev, base) {
            ev.prevent_default();
            go(click);
        }
    })
}

fn link_click(ev: &web_sys::MouseEvent, base: &str) -> Option<LinkClick> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return None;
    }
    let a = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())?;
    if !a.target().is_empty() || a.has_attribute("download") {
        return None;
    }
    // "#id" links are on this page. (With <base href>, the browser would resolve them
    // against the base, which is another page.)
    if let Some(fragment) = a
        .get_attribute("href")
        .and_then(|h| h.strip_prefix('#').map(str::to_owned))
    {
        return Some(LinkClick::Fragment(fragment));
    }
    let here = web_sys::window()?.location().href().ok()?;
    let url = web_sys::Url::new(&a.href()).ok()?;
    let here = web_sys::Url::new(&here).ok()?;
    if url.origin() != here.origin() || !url.pathname().starts_with(base) {
        return None;
    }
    let hash = url.hash();
    if url.pathname() == here.pathname() && url.search() == here.search() && !hash.is_empty() {
        return Some(LinkClick::Fragment(hash[1..].to_owned()));
    }
    Some(LinkClick::Address(format!(
        "{}{}{}",
        url.pathname(),
        url.search(),
        hash
    )))
}

/// Scrolls to and focuses the element with `id` (URI-encoded or not). Returns false if
/// there is no such element.
pub fn focus_id(id: &str) -> bool {
    let id = js_sys::decode_uri_component(id)
        .map(String::from)
        .unwrap_or_else(|_| id.to_owned());
    let Some(el) = document()
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

/// Focuses the first element matching `selector` (making it focusable without putting it
/// in the tab order). Returns false if there is none.
pub fn focus_first(selector: &str) -> bool {
    let Some(el) = document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let _ = el.set_attribute("tabindex", "-1");
    let _ = el.focus();
    true
}

/// Puts `html` at the top of the page with plain DOM (for when the app itself is broken).
pub fn prepend_html(html: &str) {
    let Some(doc) = document() else { return };
    let Some(body) = doc.body() else { return };
    if let Ok(el) = doc.create_element("div") {
        el.set_inner_html(html);
        let _ = body.prepend_with_node_1(&el);
    }
}
