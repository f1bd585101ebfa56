//! Quick exit in the browser: the keyboard shortcut's raw key events, and leaving.

use crate::domain::exit_shortcut::KeyEvent;
use wasm_bindgen::{closure::Closure, JsCast};

/// Calls `on_key` for every key press and release on the page (capture phase, so a
/// focused field cannot swallow it). Listens for the app's lifetime.
pub fn listen_for_shortcut(on_key: impl Fn(KeyEvent) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_key = std::rc::Rc::new(on_key);
    let down = on_key.clone();
    let keydown =
        Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |ev: web_sys::KeyboardEvent| {
            if ev.key() == "Shift" {
                if !ev.repeat() {
                    down(KeyEvent::ShiftDown);
                }
            } else {
                down(KeyEvent::OtherDown);
            }
        });
    let keyup =
        Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |ev: web_sys::KeyboardEvent| {
            if ev.key() == "Shift" {
                on_key(KeyEvent::ShiftUp);
            }
        });
    let _ = window.add_event_listener_with_callback_and_bool(
        "keydown",
        keydown.as_ref().unchecked_ref(),
        true,
    );
    let _ = window.add_event_listener_with_callback_and_bool(
        "keyup",
        keyup.as_ref().unchecked_ref(),
        true,
    );
    keydown.forget();
    keyup.forget();
}

/// Hides the page at once: everything on it disappears before the browser leaves.
pub fn blank_page() {
    crate::adapters::browser::set_root_class("app-exiting", true);
    crate::adapters::browser::set_title("");
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        // Remove her words from the page too, not just from view.
        body.set_inner_html("");
    }
}
