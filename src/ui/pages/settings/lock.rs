//! The passphrase lock settings: turn it on (with a plain reason when a passphrase is too
//! easy to guess), lock now, idle time, change the passphrase, turn it off.

use crate::domain::passphrase::{strength, Strength};
use crate::domain::sealed::MIN_PASSPHRASE_CHARS;
use crate::ui::store::{use_store, LockState};
use leptos::prelude::*;

const IDLE_CHOICES: &[u32] = &[1, 5, 15, 30, 60];

/// Why a new passphrase is refused, or `None` (a weak one is allowed: the field says why it
/// is weak as she types).
pub fn refusal(passphrase: &str) -> Option<String> {
    match strength(passphrase) {
        Strength::Refused(why) => Some(why),
        Strength::Weak(_) | Strength::Strong => None,
    }
}

/// What the field says about a new passphrase as she types it.
fn strength_text(passphrase: &str) -> String {
    if passphrase.is_empty() {
        return String::new();
    }
    match strength(passphrase) {
        Strength::Refused(why) => format!("Too easy to guess. {why}"),
        Strength::Weak(why) => format!("Weak. {why}"),
        Strength::Strong => "Strong: hard to guess.".to_owned(),
    }
}

/// A password field with its label, hint and error; for a new passphrase, also how easy it
/// is to guess.
#[component]
pub fn PassphraseField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] judge: bool,
) -> impl IntoView {
    let described = move || {
        let mut ids = Vec::new();
        if hint.is_some() {
            ids.push(format!("{id}-hint"));
        }
        if judge {
            ids.push(format!("{id}-strength"));
        }
        if error.get().is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <div class="app-form-group" class:app-form-group--error=move || error.get().is_some()>
            <label class="app-label" for=id>{label}</label>
            {hint.map(|h| view! { <span class="app-hint" id=format!("{id}-hint")>{h}</span> })}
            <Show when=move || error.get().is_some()>
                <p class="app-error-message" id=format!("{id}-error")>
                    <span class="app-visually-hidden">"Error: "</span>
                    {move || error.get().unwrap_or_default()}
                </p>
            </Show>
            <input
                class="app-input"
                class:app-input--error=move || error.get().is_some()
                id=id
                type="password"
                autocomplete="off"
                autocapitalize="none"
                spellcheck="false"
                aria-describedby=described
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
            />
            {judge.then(|| view! {
                <p class="app-hint app-strength" id=format!("{id}-strength")>{move || strength_text(&value.get())}</p>
            })}
        </div>
    }
}

/// An error summary linking each problem to its field.
#[component]
fn ErrorSummary(errors: Signal<Vec<(&'static str, String)>>) -> impl IntoView {
    view! {
        <Show when=move || !errors.get().is_empty()>
            <div class="app-error-summary" role="alert">
                <h3 class="app-heading-m">"There is a problem"</h3>
                <ul class="app-error-summary__list">
                    {move || errors.get().into_iter().map(|(field, message)| view! {
                        <li><a href=format!("#{field}")>{message}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

fn error_for(
    errors: RwSignal<Vec<(&'static str, String)>>,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()))
    })
}

#[component]
pub fn LockSettings() -> impl IntoView {
    let store = use_store();
    view! {
        <section class="app-settings-section" id="lock" aria-labelledby="lock-title" tabindex="-1">
            <h2 class="app-heading-m" id="lock-title">"Passphrase lock"</h2>
            <Show when=move || store.lock_state.get() == LockState::Off fallback=|| view! { <LockOn/> }>
                <TurnOn/>
            </Show>
        </section>
    }
}

#[component]
fn TurnOn() -> impl IntoView {
    let store = use_store();
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(&'static str, String)>::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b) = (first.get_untracked(), second.get_untracked());
        let mut found = Vec::new();
        if let Some(problem) = refusal(&a) {
            found.push(("new-passphrase", problem));
        } else if a != b {
            found.push((
                "confirm-passphrase",
                "The two passphrases are not the same".to_owned(),
            ));
        }
        errors.set(found);
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = store.turn_lock_on(a).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    first.set(String::new());
                    second.set(String::new());
                }
                Err(why) => errors.set(vec![("new-passphrase", why)]),
            }
        });
    };
    view! {
        <p>"The lock is off. Anyone who opens Harbour on this phone can read what you have written."</p>
        <p>"With a passphrase lock, what you write is stored scrambled (encrypted) and can only be read after you enter your passphrase. Harbour locks itself when you have not used it for a while, and when you use quick exit."</p>
        <p>"Choose a passphrase only you know. It must be at least " {MIN_PASSPHRASE_CHARS} " characters. Harbour cannot limit how many guesses someone makes, because everything is on this phone, so a longer passphrase is much harder to guess. 4 or more ordinary words that do not go together work well, such as “kettle tuesday blue garden”."</p>
        <p><strong>"If you forget it, nobody can get your notes back."</strong></p>
        <ErrorSummary errors=errors.into()/>
        <form on:submit=submit novalidate>
            <PassphraseField id="new-passphrase" label="Choose a passphrase" value=first error=error_for(errors, "new-passphrase") judge=true/>
            <PassphraseField id="confirm-passphrase" label="Type it again" value=second error=error_for(errors, "confirm-passphrase")/>
            <button type="submit" class="app-button" disabled=move || busy.get()>
                {move || if busy.get() { "Turning on the lock…" } else { "Turn on the lock" }}
            </button>
        </form>
    }
}

#[component]
fn LockOn() -> impl IntoView {
    let store = use_store();
    let minutes = move || store.snapshot.with(|s| s.public.lock_minutes);
    let idle = IDLE_CHOICES
        .iter()
        .map(|&m| {
            let id = format!("idle-{m}");
            view! {
                <div class="app-choice">
                    <input
                        class="app-choice__input"
                        type="radio"
                        name="idle"
                        id=id.clone()
                        prop:checked=move || minutes() == m
                        on:change=move |_| store.snapshot.update(|s| s.public.lock_minutes = m)
                    />
                    <label class="app-choice__label" for=id>
                        {if m == 1 { "1 minute".to_owned() } else { format!("{m} minutes") }}
                    </label>
                </div>
            }
        })
        .collect_view();
    let off_error = RwSignal::new(None::<String>);
    view! {
        <p>"The lock is on. What you write is stored encrypted, and Harbour asks for your passphrase after it locks."</p>
        <button type="button" class="app-button" on:click=move |_| store.lock()>"Lock now"</button>
        <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend">"Lock Harbour when I have not used it for"</legend>
            {idle}
        </fieldset>
        <ChangePassphrase/>
        <h3 class="app-heading-s">"Turn off the lock"</h3>
        <p>"Harbour will store what you write unencrypted again. Anyone who opens it on this phone will be able to read it."</p>
        <Show when=move || off_error.get().is_some()>
            <p class="app-error-message" role="alert">{move || off_error.get()}</p>
        </Show>
        <button
            type="button"
            class="app-button app-button--secondary"
            on:click=move |_| off_error.set(store.turn_lock_off().err())
        >
            "Turn off the lock"
        </button>
    }
}

#[component]
fn ChangePassphrase() -> impl IntoView {
    let store = use_store();
    let current = RwSignal::new(String::new());
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(&'static str, String)>::new());
    let busy = RwSignal::new(false);
    let done = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(false);
        let (c, a, b) = (
            current.get_untracked(),
            first.get_untracked(),
            second.get_untracked(),
        );
        let mut found = Vec::new();
        if c.is_empty() {
            found.push((
                "current-passphrase",
                "Enter your current passphrase".to_owned(),
            ));
        }
        if let Some(problem) = refusal(&a) {
            found.push(("changed-passphrase", problem));
        } else if a != b {
            found.push((
                "changed-confirm",
                "The two new passphrases are not the same".to_owned(),
            ));
        }
        errors.set(found);
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = store.change_passphrase(c, a).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    current.set(String::new());
                    first.set(String::new());
                    second.set(String::new());
                    done.set(true);
                }
                Err(why) => errors.set(vec![("current-passphrase", why)]),
            }
        });
    };
    view! {
        <h3 class="app-heading-s">"Change your passphrase"</h3>
        <ErrorSummary errors=errors.into()/>
        <Show when=move || done.get()>
            <p class="app-notice app-notice--success" role="status">"Your passphrase has been changed."</p>
        </Show>
        <form on:submit=submit novalidate>
            <PassphraseField id="current-passphrase" label="Current passphrase" value=current error=error_for(errors, "current-passphrase")/>
            <PassphraseField id="changed-passphrase" label="New passphrase" value=first error=error_for(errors, "changed-passphrase") judge=true/>
            <PassphraseField id="changed-confirm" label="Type the new passphrase again" value=second error=error_for(errors, "changed-confirm")/>
            <button type="submit" class="app-button app-button--secondary" disabled=move || busy.get()>
                {move || if busy.get() { "Changing…" } else { "Change passphrase" }}
            </button>
        </form>
    }
}
