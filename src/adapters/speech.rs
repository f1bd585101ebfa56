//! The browser's own speech (`speechSynthesis`), for reading a page aloud on the device.
//! Which voice and what to say are decided in `domain::reading`; this only finds the
//! page's blocks and the device's voices, speaks one piece at a time and stops.
//!
//! It owns every callback it gives the browser (stored `Closure`s, never forgotten): the
//! handlers of the utterance being spoken, the `voiceschanged` handler and the page's
//! hidden/pagehide listeners. They are detached before they are dropped, so a late event
//! from the browser never reaches a dropped callback.
//!
//! Calls go through `Reflect` (property get/set and method calls by name) rather than
//! typed `web-sys` bindings: every typed binding adds an import to the JavaScript glue
//! that the first visit downloads, and these few generic ones are already there.

use crate::domain::reading::{self, Block, Kind, Voice};
use js_sys::{Function, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// `object[name]`, or `undefined`.
fn get(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// `object[name] = value`.
fn set(object: &JsValue, name: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(name), value);
}

/// `object.name(...args)` with up to two arguments; `undefined` if it is not a method or
/// throws.
fn call(object: &JsValue, name: &str, args: &[&JsValue]) -> JsValue {
    let method = get(object, name);
    if !method.is_function() {
        return JsValue::UNDEFINED;
    }
    let method: Function = method.unchecked_into();
    let result = match args {
        [] => method.call0(object),
        [a] => method.call1(object, a),
        [a, b, ..] => method.call2(object, a, b),
    };
    result.unwrap_or(JsValue::UNDEFINED)
}

/// `new window[name](arg)`, if the browser has it.
fn construct(name: &str, arg: &JsValue) -> Option<JsValue> {
    let window = web_sys::window()?;
    let constructor = get(&window, name);
    if !constructor.is_function() {
        return None;
    }
    let constructor: Function = constructor.unchecked_into();
    let args = js_sys::Array::new();
    args.push(arg);
    Reflect::construct(&constructor, &args).ok()
}

fn window() -> Option<JsValue> {
    web_sys::window().map(JsValue::from)
}

fn text(value: JsValue) -> String {
    value.as_string().unwrap_or_default()
}

fn is_present(value: &JsValue) -> bool {
    !value.is_undefined() && !value.is_null()
}

fn document() -> Option<JsValue> {
    let doc = get(&window()?, "document");
    is_present(&doc).then_some(doc)
}

/// The page's speech engine, if the browser has one.
fn synth() -> Option<JsValue> {
    let synth = get(&window()?, "speechSynthesis");
    is_present(&synth).then_some(synth)
}

/// Stops any speech at once. Safe to call when nothing is speaking or there is no engine
/// (quick exit and lock call it first, before anything else).
pub fn silence() {
    if let Some(synth) = synth() {
        call(&synth, "cancel", &[]);
    }
}

/// True on Android, where every voice calls itself local (see the README).
pub fn is_android() -> bool {
    web_sys::window()
        .map(|w| text(get(&get(&w, "navigator"), "userAgent")))
        .is_some_and(|ua| ua.contains("Android"))
}

type Handler = Closure<dyn FnMut()>;
type EventHandler = Closure<dyn FnMut(JsValue)>;

/// The utterance being spoken and its handlers.
struct Speaking {
    utterance: JsValue,
    _handlers: [Handler; 3],
}

impl Speaking {
    /// Detaches the handlers, so the browser cannot call them once they are dropped.
    fn detach(&self) {
        for name in ["onstart", "onend", "onerror"] {
            set(&self.utterance, name, &JsValue::NULL);
        }
    }
}

/// Speech for one page: the engine, the voice Harbour chose, and the callbacks it owns.
/// Dropping it stops the speech and detaches everything.
pub struct Speech {
    synth: JsValue,
    voice: RefCell<Option<(JsValue, String)>>,
    speaking: RefCell<Option<Speaking>>,
    on_voices: RefCell<Option<Handler>>,
    on_hidden: RefCell<Option<EventHandler>>,
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
        let raw = items(&call(&self.synth, "getVoices", &[]));
        let voices: Vec<Voice> = raw
            .iter()
            .map(|v| Voice {
                name: text(get(v, "name")),
                lang: text(get(v, "lang")),
                local: get(v, "localService").as_bool() == Some(true),
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
        set(&self.synth, "onvoiceschanged", handler.as_ref());
        *self.on_voices.borrow_mut() = Some(handler);
    }

    /// Calls `f` when the page is hidden (another tab or app, the screen off) or left.
    pub fn on_hidden(&self, mut f: impl FnMut() + 'static) {
        let (Some(window), Some(doc)) = (web_sys::window(), document()) else {
            return;
        };
        let handler = EventHandler::new(move |event: JsValue| {
            // On pagehide the document is on its way out: `hidden` may not be true yet.
            let leaving = text(get(&event, "type")) == "pagehide";
            let hidden = document().is_none_or(|d| get(&d, "hidden").as_bool() != Some(false));
            if leaving || hidden {
                f();
            }
        });
        self.remove_hidden();
        let callback: &JsValue = handler.as_ref();
        call(
            &doc,
            "addEventListener",
            &[&"visibilitychange".into(), callback],
        );
        call(&window, "addEventListener", &[&"pagehide".into(), callback]);
        *self.on_hidden.borrow_mut() = Some(handler);
    }

    fn remove_hidden(&self) {
        if let Some(old) = self.on_hidden.borrow_mut().take() {
            let callback: &JsValue = old.as_ref();
            if let Some(doc) = document() {
                call(
                    &doc,
                    "removeEventListener",
                    &[&"visibilitychange".into(), callback],
                );
            }
            if let Some(window) = web_sys::window() {
                call(
                    &window,
                    "removeEventListener",
                    &[&"pagehide".into(), callback],
                );
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
        let Some(utterance) = construct("SpeechSynthesisUtterance", &JsValue::from_str(text))
        else {
            return false;
        };
        set(&utterance, "voice", &voice);
        set(&utterance, "lang", &JsValue::from_str(&lang));
        set(&utterance, "rate", &JsValue::from_f64(f64::from(rate)));
        let on_end = std::rc::Rc::new(on_end);
        let ended = on_end.clone();
        let handlers = [
            Handler::new(on_start),
            Handler::new(move || ended(true)),
            Handler::new(move || on_end(false)),
        ];
        for (name, handler) in ["onstart", "onend", "onerror"].iter().zip(&handlers) {
            set(&utterance, name, handler.as_ref());
        }
        call(&self.synth, "speak", &[&utterance]);
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
        call(&self.synth, "cancel", &[]);
    }
}

impl Drop for Speech {
    fn drop(&mut self) {
        self.cancel();
        set(&self.synth, "onvoiceschanged", &JsValue::NULL);
        self.on_voices.borrow_mut().take();
        self.remove_hidden();
    }
}

/// Attribute that keeps an element (and what is inside it) from being read.
pub const NO_READ: &str = "data-no-read";

/// The elements of the page's blocks, in the same order, for the highlight.
#[derive(Default)]
pub struct Elements(Vec<JsValue>);

impl Elements {
    /// Marks block `i` as the one being read (see [`highlight`]), and within it the
    /// sentence `text` where the browser can highlight text (the CSS Custom Highlight API).
    pub fn highlight(&self, i: usize, text: &str) {
        let element = self.0.get(i);
        highlight(element);
        set_text_highlight(element.and_then(|e| sentence_range(e, text)).as_ref());
    }
}

/// The items of a list (an array or a node list).
fn items(list: &JsValue) -> Vec<JsValue> {
    let length = get(list, "length").as_f64().unwrap_or(0.0) as u32;
    (0..length).map(|i| get(list, &i.to_string())).collect()
}

/// True when the element takes up room on the page (it and all around it are displayed).
fn is_shown(element: &JsValue) -> bool {
    get(&call(element, "getClientRects", &[]), "length").as_f64() > Some(0.0)
}

fn has_class(element: &JsValue, class: &str) -> bool {
    call(&get(element, "classList"), "contains", &[&class.into()]).as_bool() == Some(true)
}

/// The page's blocks in document order, for `domain::reading::plan`, with their elements
/// (for the highlight). Each block's text is what shows (its `innerText`).
pub fn page_blocks() -> (Vec<Block>, Elements) {
    let mut blocks = Vec::new();
    let mut elements = Vec::new();
    let Some(doc) = document() else {
        return (blocks, Elements(elements));
    };
    let list = call(
        &doc,
        "querySelectorAll",
        &[&"h1, h2, h3, h4, h5, h6, p, li, dt, dd".into()],
    );
    for element in items(&list) {
        let Some(kind) = Kind::from_tag(&text(get(&element, "tagName"))) else {
            continue;
        };
        let mut ancestors = Vec::new();
        let mut skip = !is_shown(&element)
            // A list item holding paragraphs or a list: those are read instead.
            || (kind == Kind::ListItem
                && is_present(&call(&element, "querySelector", &[&"p, li".into()])));
        let mut at = element.clone();
        while is_present(&at) {
            // What is not printed is not read either: a plan page's buttons and forms.
            skip |= call(&at, "hasAttribute", &[&NO_READ.into()]).as_bool() == Some(true)
                || text(call(&at, "getAttribute", &[&"aria-hidden".into()])) == "true"
                || has_class(&at, "app-visually-hidden")
                || has_class(&at, "app-no-print");
            if at != element {
                ancestors.push(text(get(&at, "tagName")).to_ascii_lowercase());
            }
            at = get(&at, "parentElement");
        }
        ancestors.reverse();
        blocks.push(Block {
            kind,
            text: text(get(&element, "innerText")),
            ancestors,
            skip,
        });
        elements.push(element);
    }
    (blocks, Elements(elements))
}

/// Removes the mark of the block and sentence being read.
pub fn clear_highlight() {
    highlight(None);
    set_text_highlight(None);
}

/// Marks `element` as the one being read (a visible outline, see the style sheet), and
/// brings it into view; with `None`, removes the mark.
fn highlight(element: Option<&JsValue>) {
    if let Some(doc) = document() {
        let marked = call(&doc, "querySelectorAll", &[&".app-reading".into()]);
        for e in items(&marked) {
            call(&get(&e, "classList"), "remove", &[&"app-reading".into()]);
        }
    }
    if let Some(element) = element {
        call(&get(element, "classList"), "add", &[&"app-reading".into()]);
        let options = js_sys::Object::new();
        set(&options, "block", &"nearest".into());
        call(element, "scrollIntoView", &[&options]);
    }
}

/// The browser's registry of text highlights (`CSS.highlights`), where it has one.
fn highlights() -> Option<JsValue> {
    let registry = get(&get(&window()?, "CSS"), "highlights");
    is_present(&registry).then_some(registry)
}

/// Highlights `range` as the sentence being read (`::highlight(app-reading)` in the style
/// sheet), or removes that highlight.
fn set_text_highlight(range: Option<&JsValue>) {
    let Some(registry) = highlights() else {
        return;
    };
    let name = JsValue::from_str("app-reading");
    call(&registry, "delete", &[&name]);
    if let Some(highlight) = range.and_then(|r| construct("Highlight", r)) {
        call(&registry, "set", &[&name, &highlight]);
    }
}

/// The range of `element`'s shown text that holds `text` (compared without white space).
fn sentence_range(element: &JsValue, text: &str) -> Option<JsValue> {
    let doc = document()?;
    // Every visible character of the element's text nodes, with where it is.
    let walker = call(
        &doc,
        "createTreeWalker",
        &[element, &JsValue::from_f64(4.0)],
    );
    let mut chars = Vec::new();
    let mut places = Vec::new();
    loop {
        let node = call(&walker, "nextNode", &[]);
        if !is_present(&node) {
            break;
        }
        if !is_shown(&get(&node, "parentElement")) {
            continue;
        }
        let mut offset = 0u32;
        for c in self::text(get(&node, "nodeValue")).chars() {
            let width = c.len_utf16() as u32;
            if !c.is_whitespace() {
                chars.push(c);
                places.push((node.clone(), offset, offset + width));
            }
            offset += width;
        }
    }
    let needle: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    if needle.is_empty() || needle.len() > chars.len() {
        return None;
    }
    let start = chars
        .windows(needle.len())
        .position(|w| w == needle.as_slice())?;
    let (first, from, _) = &places[start];
    let (last, _, to) = &places[start + needle.len() - 1];
    let range = call(&doc, "createRange", &[]);
    call(&range, "setStart", &[first, &JsValue::from(*from)]);
    call(&range, "setEnd", &[last, &JsValue::from(*to)]);
    Some(range)
}

/// After the controls have changed, moves focus to the one marked `data-focus` in the
/// reading bar (the question, or the first button), so keyboard and screen-reader users
/// are not left on a button that has gone.
pub fn focus_in_bar_soon() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let focus = Closure::once_into_js(|| {
        if let Some(doc) = document() {
            let element = call(&doc, "querySelector", &[&".app-listen [data-focus]".into()]);
            if is_present(&element) {
                call(&element, "focus", &[]);
            }
        }
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(focus.unchecked_ref(), 0);
}
