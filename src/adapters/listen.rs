//! Owned listeners: window events, an interval, and the channel between Harbour's tabs.
//! Each is a value that removes its listener (clears its interval, closes its channel)
//! when it is dropped, so nothing is leaked with `mem::forget`: the store keeps them for as
//! long as it lives.

use leptos::leptos_dom::helpers::{
    set_interval_with_handle, window_event_listener_untyped, IntervalHandle, WindowListenerHandle,
};
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Something owned that stops listening when dropped.
pub enum Owned {
    Window(Option<WindowListenerHandle>),
    Interval(IntervalHandle),
    Channel(Channel),
}

impl Drop for Owned {
    fn drop(&mut self) {
        match self {
            Self::Window(handle) => {
                if let Some(handle) = handle.take() {
                    handle.remove();
                }
            }
            Self::Interval(handle) => handle.clear(),
            Self::Channel(_) => {}
        }
    }
}

/// Calls `f` on each window event named `name`.
pub fn on_window(name: &str, f: impl Fn() + 'static) -> Owned {
    Owned::Window(Some(window_event_listener_untyped(name, move |_| f())))
}

/// Calls `f` on each `storage` event (another tab or the browser changed storage) with the
/// key (`None`: everything was cleared) and the new value (`None`: removed).
pub fn on_storage(f: impl Fn(Option<String>, Option<String>) + 'static) -> Owned {
    Owned::Window(Some(window_event_listener_untyped("storage", move |e| {
        // Unchecked: only storage events reach a "storage" listener.
        let e = e.unchecked_ref::<web_sys::StorageEvent>();
        f(e.key(), e.new_value());
    })))
}

/// Calls `f` on each `pageshow` with whether the page came back from the back-forward
/// cache.
pub fn on_pageshow(f: impl Fn(bool) + 'static) -> Owned {
    Owned::Window(Some(window_event_listener_untyped("pageshow", move |e| {
        f(e.unchecked_ref::<web_sys::PageTransitionEvent>()
            .persisted());
    })))
}

/// Calls `f` every `every`, until dropped.
pub fn every(every: Duration, f: impl Fn() + 'static) -> Option<Owned> {
    set_interval_with_handle(f, every).ok().map(Owned::Interval)
}

const CHANNEL: &str = "harbour";

thread_local! {
    /// The channel this tab listens on. Messages are sent on it too: a channel never hears
    /// its own messages, but a second channel in the same tab would, and the tab would act
    /// on its own quick exit twice (the second leaving cancels the first).
    static LISTENING: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

/// The channel between Harbour's tabs, listened to until dropped.
pub struct Channel {
    channel: web_sys::BroadcastChannel,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
}

impl Drop for Channel {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
        LISTENING.set(None);
    }
}

/// Listens to the other tabs: `f` gets each text message.
pub fn listen_to_tabs(f: impl Fn(String) + 'static) -> Option<Owned> {
    let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if let Some(text) = e.data().as_string() {
                f(text);
            }
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    LISTENING.set(Some(channel.clone()));
    Some(Owned::Channel(Channel {
        channel,
        _on_message: on_message,
    }))
}

/// Tells every other Harbour tab something (never this one).
pub fn tell_tabs(message: &str) {
    let message = JsValue::from_str(message);
    let sent = LISTENING.with_borrow(|listening| {
        listening
            .as_ref()
            .map(|channel| channel.post_message(&message).is_ok())
    });
    if sent.is_none() {
        // Not listening yet (the app is starting): nothing here can hear this channel.
        if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
            let _ = channel.post_message(&message);
            channel.close();
        }
    }
}
