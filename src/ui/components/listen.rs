//! "Listen": reads the page aloud with the device's own voice, only when she asks.
//!
//! The controls live in a wasm chunk of their own (`listen`), fetched when a page that has
//! them opens, so the first visit does not grow: [`Listen`] is the small slot the pages
//! use, [`bar`] is the chunk.
//!
//! - Nothing is spoken until she taps Listen. The first time in a visit she is told first
//!   that the phone will speak out loud and people near may hear; on her own plans she is
//!   asked once more, as they name her children. The "told" flag is kept in memory only.
//! - Only a voice on the device is used (`domain::reading::choose_voice`). With none there
//!   is no Listen button, and one line says why.
//! - Pause cancels and remembers the piece (the same on every phone); Play says it again.
//! - Stops on stop, leaving the page, locking, quick exit, and the page being hidden.

use crate::adapters::speech::{self, Speech};
use crate::domain::reading::{self, Plan, SPEEDS};
use leptos::prelude::*;
use std::cell::Cell;
#[cfg(feature = "split")]
use wasm_split_helpers::wasm_split;
use wasm_split_helpers::SplitLoaderError;

thread_local! {
    /// True once she has confirmed the out-loud warning in this visit (memory only: no
    /// trace of having used Listen is stored).
    static WARNED: Cell<bool> = const { Cell::new(false) };
}

/// The Listen controls for this page. `own_words` is true on pages that show what she
/// wrote (her plans), which asks again before reading.
#[component]
pub fn Listen(#[prop(optional)] own_words: bool) -> impl IntoView {
    let view = RwSignal::new_local(None::<AnyView>);
    // Built under this component's owner, so its signals and its clean-up (silence) go
    // when the page does.
    let owner = Owner::current().unwrap_or_default();
    let load = owner.with(|| {
        leptos::reactive::computed::ScopedFuture::new(async move {
            #[cfg(feature = "split")]
            let loaded = listen_bar(own_words).await;
            #[cfg(not(feature = "split"))]
            let loaded = listen_bar(own_words);
            if let Ok(bar) = loaded {
                let _ = view.try_set(Some(bar));
            }
        })
    });
    leptos::task::spawn_local(load);
    move || {
        view.track();
        view.try_update_untracked(Option::take).flatten()
    }
}

// Only in the split build: the guide, plan and children chunks render Listen, so without the
// split step this would leave the chunk loader's placeholder import in the wasm (and the
// browser tests' page could not start).
#[cfg_attr(feature = "split", wasm_split(listen, fallible))]
fn listen_bar(own_words: bool) -> Result<AnyView, SplitLoaderError> {
    Ok(bar(own_words))
}

/// What the controls show.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Mode {
    /// Looking for a voice (the list can arrive late).
    Looking,
    /// No voice Harbour may use on this device.
    NoVoice,
    /// Ready: the Listen button.
    Idle,
    /// The out-loud warning, before the first sound of the visit.
    Warning,
    /// Asking again before reading her own words.
    OwnWords,
    /// Reading.
    Playing,
    /// Paused at a piece.
    Paused,
}

/// The reading state, shared by the buttons and the speech callbacks (all `Copy`, so the
/// callbacks hold no reference cycle).
#[derive(Clone, Copy)]
struct Reader {
    speech: StoredValue<Option<Speech>, LocalStorage>,
    plan: StoredValue<Plan, LocalStorage>,
    elements: StoredValue<speech::Elements, LocalStorage>,
    mode: RwSignal<Mode>,
    at: RwSignal<usize>,
    speed: RwSignal<usize>,
}

impl Reader {
    /// Reads the page afresh (it may have changed since it opened) and starts at the top.
    fn start(self) {
        let (blocks, elements) = speech::page_blocks();
        self.plan.set_value(reading::plan(&blocks));
        self.elements.set_value(elements);
        self.play_from(0);
    }

    /// Speaks piece `i` and carries on to the end; past the end, stops.
    fn play_from(self, i: usize) {
        let Some(text) = self
            .plan
            .try_with_value(|p| p.pieces.get(i).map(|p| p.text.clone()))
            .flatten()
        else {
            self.stop();
            return;
        };
        self.at.set(i);
        self.mode.set(Mode::Playing);
        let rate = SPEEDS[self.speed.get_untracked().min(SPEEDS.len() - 1)];
        let started = move || self.mark(i);
        let ended = move |finished: bool| {
            if finished {
                // After the browser's event has finished, not inside it.
                let _ = leptos::leptos_dom::helpers::set_timeout_with_handle(
                    move || {
                        if self.mode.try_get_untracked() == Some(Mode::Playing)
                            && self.at.try_get_untracked() == Some(i)
                        {
                            self.play_from(i + 1);
                        }
                    },
                    std::time::Duration::ZERO,
                );
            } else {
                self.pause();
            }
        };
        let spoken = self
            .speech
            .try_with_value(|s| {
                s.as_ref()
                    .is_some_and(|s| s.speak(&text, rate, started, ended))
            })
            .unwrap_or(false);
        if !spoken {
            self.stop();
        }
    }

    /// Highlights piece `i` and the block it comes from.
    fn mark(self, i: usize) {
        let piece = self
            .plan
            .try_with_value(|p| p.pieces.get(i).map(|p| (p.block, p.text.clone())))
            .flatten();
        if let Some((block, text)) = piece {
            self.elements
                .try_with_value(|els| els.highlight(block, &text));
        }
    }

    fn cancel(self) {
        self.speech
            .try_with_value(|s| s.as_ref().map(Speech::cancel));
    }

    /// Pause: stop now, and remember where.
    fn pause(self) {
        self.cancel();
        if self.mode.try_get_untracked() == Some(Mode::Playing) {
            self.mode.set(Mode::Paused);
        }
    }

    /// Stop: silence, no highlight, back to the Listen button.
    fn stop(self) {
        self.cancel();
        speech::clear_highlight();
        let _ = self.mode.try_set(Mode::Idle);
    }
}

/// The controls (inside the `listen` chunk).
pub fn bar(own_words: bool) -> AnyView {
    let reader = Reader {
        speech: StoredValue::new_local(Speech::new()),
        plan: StoredValue::new_local(Plan::default()),
        elements: StoredValue::new_local(speech::Elements::default()),
        mode: RwSignal::new(Mode::Looking),
        at: RwSignal::new(0),
        speed: RwSignal::new(1),
    };
    let android = speech::is_android();
    // Looks for a voice now, when the list changes, and a few more times for a second
    // (Safari may never say that its list arrived).
    let look = move || {
        let found = reader
            .speech
            .try_with_value(|s| s.as_ref().and_then(Speech::choose_voice))
            .flatten()
            .is_some();
        match (reader.mode.try_get_untracked(), found) {
            (Some(Mode::Looking | Mode::NoVoice), true) => reader.mode.set(Mode::Idle),
            (Some(Mode::Idle), false) => reader.mode.set(Mode::NoVoice),
            _ => {}
        }
    };
    reader.speech.with_value(|s| {
        if let Some(s) = s {
            s.on_voices_changed(look);
            s.on_hidden(move || reader.pause());
        }
    });
    look();
    for delay in [250, 600, 1200] {
        let _ = leptos::leptos_dom::helpers::set_timeout_with_handle(
            move || {
                look();
                if delay == 1200 && reader.mode.try_get_untracked() == Some(Mode::Looking) {
                    reader.mode.set(Mode::NoVoice);
                }
            },
            std::time::Duration::from_millis(delay),
        );
    }
    on_cleanup(move || {
        reader.cancel();
        speech::clear_highlight();
    });

    let begin = move || {
        speech::focus_in_bar_soon();
        if !WARNED.with(Cell::get) {
            reader.mode.set(Mode::Warning);
        } else if own_words {
            reader.mode.set(Mode::OwnWords);
        } else {
            reader.start();
        }
    };
    let confirm_warning = move |_| {
        speech::focus_in_bar_soon();
        WARNED.with(|w| w.set(true));
        if own_words {
            reader.mode.set(Mode::OwnWords);
        } else {
            reader.start();
        }
    };
    let not_now = move |_| {
        speech::focus_in_bar_soon();
        reader.mode.set(Mode::Idle);
    };
    let play_pause = move |_| match reader.mode.get_untracked() {
        Mode::Playing => reader.pause(),
        _ => reader.play_from(reader.at.get_untracked()),
    };
    let back = move |_| {
        let at = reader
            .plan
            .with_value(|p| p.previous(reader.at.get_untracked()));
        reader.play_from(at);
    };
    let next = move |_| match reader
        .plan
        .with_value(|p| p.next_section(reader.at.get_untracked()))
    {
        Some(at) => reader.play_from(at),
        None => reader.stop(),
    };
    let speed_button = move |index: usize, label: &'static str| {
        view! {
            <button
                type="button"
                class="app-button app-button--secondary"
                aria-pressed=move || (reader.speed.get() == index).to_string()
                on:click=move |_| {
                    reader.speed.set(index);
                    if reader.mode.get_untracked() == Mode::Playing {
                        reader.play_from(reader.at.get_untracked());
                    }
                }
            >
                {label}
            </button>
        }
    };
    // Which set of controls shows: changes of Playing and Paused keep the same buttons (and
    // her focus), only their names change.
    let shown = Memo::new(move |_| match reader.mode.get() {
        Mode::Paused => Mode::Playing,
        mode => mode,
    });
    let controls = move || {
        match shown.get() {
        Mode::Looking => ().into_any(),
        Mode::NoVoice => view! {
            <p class="app-listen__note">
                "Listen is not available: this device has no reading voice that works without the internet."
            </p>
        }
        .into_any(),
        Mode::Idle => view! {
            <button type="button" class="app-button app-button--secondary" data-focus="" on:click=move |_| begin()>
                "Listen to this page"
            </button>
            {android.then(|| view! {
                <p class="app-listen__note">
                    "Your phone's own voice reads this. Some phones use the internet for their best voices. To be sure nothing leaves your phone, turn on airplane mode first."
                </p>
            })}
        }
        .into_any(),
        Mode::Warning => view! {
            <p class="app-listen__ask" tabindex="-1" data-focus="">
                "This will read the page out loud. People near you may hear it. Headphones are safer."
            </p>
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=confirm_warning>"Read out loud"</button>
                <button type="button" class="app-button app-button--secondary" on:click=not_now>"Not now"</button>
            </div>
        }
        .into_any(),
        Mode::OwnWords => view! {
            <p class="app-listen__ask" tabindex="-1" data-focus="">
                "This will read out what you wrote, including any names in it."
            </p>
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=move |_| {
                    speech::focus_in_bar_soon();
                    reader.start();
                }>"Read it out loud"</button>
                <button type="button" class="app-button app-button--secondary" on:click=not_now>"Not now"</button>
            </div>
        }
        .into_any(),
        Mode::Playing | Mode::Paused => view! {
            <div class="app-button-group">
                <button type="button" class="app-button" data-focus="" on:click=play_pause>
                    {move || if reader.mode.get() == Mode::Playing { "Pause" } else { "Play" }}
                </button>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                    speech::focus_in_bar_soon();
                    reader.stop();
                }>"Stop"</button>
                <button type="button" class="app-button app-button--secondary" on:click=back>"Previous part"</button>
                <button type="button" class="app-button app-button--secondary" on:click=next>"Next section"</button>
            </div>
            <div class="app-button-group" role="group" aria-label="Reading speed">
                {speed_button(0, "Slower")}
                {speed_button(1, "Normal speed")}
                {speed_button(2, "Faster")}
            </div>
            <p class="app-listen__note">"Reading stops if you lock your phone or switch apps."</p>
        }
        .into_any(),
    }
    };
    view! { <div class="app-listen app-no-print" data-no-read="">{controls}</div> }.into_any()
}
