//! The browser's own speech (`speechSynthesis`), for reading a page aloud on the device.
//! Which voice and what to say are decided in `domain::reading`; this only finds the
//! page's blocks and the device's voices, speaks one piece at a time and stops.
//!
//! It owns every callback it gives the browser (stored `Closure`s, never forgotten): the
//! handlers of the utterance being spoken, the `voiceschanged` handler and the page's
//! hidden/pagehide listeners. They are detached before they are dropped, so a late event
//! from the browser never reaches a dropped callback.

use crate::domain::reading::{self, Block, Kind, Voice};
use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Element, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

/// The page's speech engine, if the browser has one.
fn synth() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let value = js_sys::Reflect::get(&window, &JsValue::from_str("speechSynthesis")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    Some(value.unchecked_into())
}

/// Stops any speech at once. Safe to call when nothing is speaking or there is no engine
/// (quick exit and lock call it first, before anything else).
pub fn silence() {
    if let Some(synth) = synth() {
        synth.cancel();
    }
}

/// True on Android, where every voice calls itself local (see the README).
pub fn is_android() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .is_some_and(|ua| ua.contains("Android"))
}

type Handler = Closure<dyn FnMut()>;

/// The utterance being spoken and its handlers.
struct Speaking {
    utterance: SpeechSynthesisUtterance,
    _handlers: [Handler; 3],
}

impl Speaking {
    /// Detaches the handlers, so the browser cannot call them once they are dropped.
    fn detach(&self) {
        self.utterance.set_onstart(None);
        self.utterance.set_onend(None);
        self.utterance.set_onerror(None);
    }
}

/// Speech for one page: the engine, the voice Harbour chose, and the callbacks it owns.
/// Dropping it stops the speech and detaches everything.
pub struct Speech {
    synth: SpeechSynthesis,
    voice: RefCell<Option<(SpeechSynthesisVoice, String)>>,
    speaking: RefCell<Option<Speaking>>,
    on_voices: RefCell<Option<Handler>>,
    on_hidden: RefCell<Option<Handler>>,
}

impl Speech {
    /// The page's speech, or `None` when the browser has none.
    pub fn new() -> Option<Speech> {
        Some(Speech {
            synth: synth()?,
            voice: RefCell::new(None),
            speaking: RefCell::new(None),
            on_voices: RefCell::new(None),
            on_hidden: RefCell::new(None),
        })
    }

    /// Looks at the device's voices now and chooses one (`domain::reading::choose_voice`).
    /// Returns the chosen voice's description, or `None` when none may be used.
    pub fn choose_voice(&self) -> Option<Voice> {
        let raw: Vec<SpeechSynthesisVoice> = self
            .synth
            .get_voices()
            .iter()
            .map(JsCast::unchecked_into::<SpeechSynthesisVoice>)
            .collect();
        let voices: Vec<Voice> = raw
            .iter()
            .map(|v| Voice {
                name: v.name(),
                lang: v.lang(),
                local: v.local_service(),
            })
            .collect();
        let chosen = reading::choose_voice(&voices).map(|i| (raw[i].clone(), voices[i].clone()));
        *self.voice.borrow_mut() = chosen
            .as_ref()
            .map(|(v, d)| (v.clone(), reading::utterance_lang(d)));
        chosen.map(|(_, d)| d)
    }

    /// Calls `f` when the device's list of voices changes (it often arrives late).
    pub fn on_voices_changed(&self, f: impl FnMut() + 'static) {
        let handler = Handler::new(f);
        self.synth
            .set_onvoiceschanged(Some(handler.as_ref().unchecked_ref()));
        *self.on_voices.borrow_mut() = Some(handler);
    }

    /// Calls `f` when the page is hidden (another tab or app, the screen off) or left.
    pub fn on_hidden(&self, mut f: impl FnMut() + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let handler = Handler::new(move || {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_none_or(|d| d.hidden());
            if hidden {
                f();
            }
        });
        let callback = handler.as_ref().unchecked_ref();
        if let Some(doc) = window.document() {
            let _ = doc.add_event_listener_with_callback("visibilitychange", callback);
        }
        // On pagehide the document is on its way out: `hidden` may not be true yet.
        let _ = window.add_event_listener_with_callback("pagehide", callback);
        self.remove_hidden();
        *self.on_hidden.borrow_mut() = Some(handler);
    }

    fn remove_hidden(&self) {
        if let Some(old) = self.on_hidden.borrow_mut().take() {
            let callback = old.as_ref().unchecked_ref();
            if let Some(window) = web_sys::window() {
                if let Some(doc) = window.document() {
                    let _ = doc.remove_event_listener_with_callback("visibilitychange", callback);
                }
                let _ = window.remove_event_listener_with_callback("pagehide", callback);
            }
        }
    }

    /// Speaks `text` with the chosen voice at `rate`, stopping whatever was being said.
    /// `on_start` runs when the voice starts it, `on_end(true)` when it finished and
    /// `on_end(false)` when the engine gave up. Returns false, and says nothing, when no
    /// voice has been chosen: Harbour never lets the browser pick one.
    pub fn speak(
        &self,
        text: &str,
        rate: f32,
        on_start: impl FnMut() + 'static,
        on_end: impl Fn(bool) + 'static,
    ) -> bool {
        self.cancel();
        let Some((voice, lang)) = self.voice.borrow().clone() else {
            return false;
        };
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
            return false;
        };
        utterance.set_voice(Some(&voice));
        utterance.set_lang(&lang);
        utterance.set_rate(rate);
        let on_end = std::rc::Rc::new(on_end);
        let ended = on_end.clone();
        let handlers = [
            Handler::new(on_start),
            Handler::new(move || ended(true)),
            Handler::new(move || on_end(false)),
        ];
        utterance.set_onstart(Some(handlers[0].as_ref().unchecked_ref()));
        utterance.set_onend(Some(handlers[1].as_ref().unchecked_ref()));
        utterance.set_onerror(Some(handlers[2].as_ref().unchecked_ref()));
        self.synth.speak(&utterance);
        *self.speaking.borrow_mut() = Some(Speaking {
            utterance,
            _handlers: handlers,
        });
        true
    }

    /// Stops speaking at once. The current utterance's handlers are detached first, so
    /// nothing it would report afterwards (an `error` for the cancel) reaches the page.
    pub fn cancel(&self) {
        if let Some(speaking) = self.speaking.borrow_mut().take() {
            speaking.detach();
        }
        self.synth.cancel();
    }
}

impl Drop for Speech {
    fn drop(&mut self) {
        self.cancel();
        self.synth.set_onvoiceschanged(None);
        self.on_voices.borrow_mut().take();
        self.remove_hidden();
    }
}

/// Attribute that keeps an element (and what is inside it) from being read.
pub const NO_READ: &str = "data-no-read";

/// The elements of the page's blocks, in the same order, for the highlight.
#[derive(Default)]
pub struct Elements(Vec<Element>);

impl Elements {
    /// Marks block `i` as the one being read (see [`highlight`]).
    pub fn highlight(&self, i: usize) {
        highlight(self.0.get(i));
    }
}

/// The page's blocks in document order, for `domain::reading::plan`, with their elements
/// (for the highlight). Each block's text is what shows (its `innerText`).
pub fn page_blocks() -> (Vec<Block>, Elements) {
    let mut blocks = Vec::new();
    let mut elements = Vec::new();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return (blocks, Elements(elements));
    };
    let Ok(list) = doc.query_selector_all("h1, h2, h3, h4, h5, h6, p, li, dt, dd") else {
        return (blocks, Elements(elements));
    };
    for i in 0..list.length() {
        let Some(element) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Some(kind) = Kind::from_tag(&element.tag_name()) else {
            continue;
        };
        let mut ancestors = Vec::new();
        let mut skip = element.get_client_rects().length() == 0
            // A list item holding paragraphs or a list: those are read instead.
            || (kind == Kind::ListItem
                && element.query_selector("p, li").ok().flatten().is_some());
        let mut at = Some(element.clone());
        while let Some(e) = at {
            // What is not printed is not read either: a plan page's buttons and forms.
            skip |= e.has_attribute(NO_READ)
                || e.class_list().contains("app-no-print")
                || e.get_attribute("aria-hidden").as_deref() == Some("true")
                || e.class_list().contains("app-visually-hidden");
            if e != element {
                ancestors.push(e.tag_name().to_ascii_lowercase());
            }
            at = e.parent_element();
        }
        ancestors.reverse();
        let text = element
            .dyn_ref::<web_sys::HtmlElement>()
            .map(|e| e.inner_text())
            .unwrap_or_default();
        blocks.push(Block {
            kind,
            text,
            ancestors,
            skip,
        });
        elements.push(element);
    }
    (blocks, Elements(elements))
}

/// Removes the mark of the block being read.
pub fn clear_highlight() {
    highlight(None);
}

/// Marks `element` as the one being read (a visible outline, see the style sheet), and
/// brings it into view; with `None`, removes the mark.
fn highlight(element: Option<&Element>) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Ok(list) = doc.query_selector_all(".app-reading") {
            for i in 0..list.length() {
                if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = e.class_list().remove_1("app-reading");
                }
            }
        }
    }
    if let Some(element) = element {
        let _ = element.class_list().add_1("app-reading");
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// After the controls have changed, moves focus to the one marked `data-focus` in the
/// reading bar (the question, or the first button), so keyboard and screen-reader users
/// are not left on a button that has gone.
pub fn focus_in_bar_soon() {
    let _ = focus_later();
}

fn focus_later() -> Option<()> {
    let window = web_sys::window()?;
    let focus = Closure::once_into_js(|| {
        if let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(".app-listen [data-focus]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(focus.unchecked_ref(), 0)
        .ok()?;
    Some(())
}
