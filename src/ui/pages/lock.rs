//! The lock screen: shown instead of every page while Harbour is locked. Neutral in
//! discreet mode. A wrong passphrase changes nothing; a forgotten one can only be replaced
//! by deleting everything, and the page says so plainly. If her settings were changed
//! while it was locked, it says what changed and opens only if she chooses to put her own
//! settings back.

use crate::ui::components::page::{discreet_text, use_page_title};
use crate::ui::pages::settings::DeleteEverything;
use crate::ui::store::{use_store, UnlockRefused};
use leptos::prelude::*;

#[component]
pub fn LockScreen() -> impl IntoView {
    let store = use_store();
    use_page_title(|| "Locked".to_owned());
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let changed = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(false);
    let discreet = store.discreet;
    let open = move |put_back: bool| {
        if busy.get_untracked() {
            return;
        }
        let text = passphrase.get_untracked();
        if text.is_empty() {
            error.set(Some("Enter your passphrase".into()));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = store.unlock(text, put_back).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    passphrase.set(String::new());
                    changed.set(Vec::new());
                    // The lock screen was her cover: open straight onto the page.
                    store.covered.set(false);
                }
                // Her mistake can show with discreet mode on: say it without the name.
                Err(UnlockRefused::Message(why)) => error.set(Some(discreet_text(store, &why))),
                Err(UnlockRefused::SettingsChanged(what)) => {
                    error.set(None);
                    changed.set(what);
                }
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        open(false);
    };
    view! {
        <h1 class="app-heading-l">{move || if discreet.get() { "Notes" } else { "Harbour is locked" }}</h1>
        <Show when=move || !discreet.get()>
            <p>"Enter your passphrase to open your notes and plans. Nothing is shown until you do."</p>
        </Show>
        <Show when=move || error.get().is_some()>
            <div class="app-error-summary" role="alert" tabindex="-1">
                <h2 class="app-heading-m">"There is a problem"</h2>
                <ul class="app-error-summary__list">
                    <li><a href="#passphrase">{move || error.get().unwrap_or_default()}</a></li>
                </ul>
            </div>
        </Show>
        <Show when=move || !changed.with(Vec::is_empty)>
            <div class="app-notice app-notice--warning" role="alert">
                <h2 class="app-notice__title">"Your settings were changed while this was locked"</h2>
                <p>"Your passphrase is right. But something other than this app changed these settings on this phone:"</p>
                <ul>{move || changed.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                <p>"To keep you safe, your notes have not been opened. Nothing has been deleted. If you did not make these changes, someone else may have used this phone."</p>
                <button type="button" class="app-button" disabled=move || busy.get() on:click=move |_| open(true)>
                    "Put my settings back and open"
                </button>
            </div>
        </Show>
        <form on:submit=submit novalidate>
            <div class="app-form-group" class:app-form-group--error=move || error.get().is_some()>
                <label class="app-label" for="passphrase">{move || if discreet.get() { "Password" } else { "Passphrase" }}</label>
                <Show when=move || error.get().is_some()>
                    <p class="app-error-message" id="passphrase-error">
                        <span class="app-visually-hidden">"Error: "</span>
                        {move || error.get().unwrap_or_default()}
                    </p>
                </Show>
                <input
                    class="app-input"
                    class:app-input--error=move || error.get().is_some()
                    id="passphrase"
                    name="passphrase"
                    type="password"
                    autocomplete="off"
                    autocapitalize="none"
                    spellcheck="false"
                    aria-describedby=move || error.get().map(|_| "passphrase-error")
                    prop:value=move || passphrase.get()
                    on:input:target=move |ev| passphrase.set(ev.target().value())
                />
            </div>
            <button type="submit" class="app-button" disabled=move || busy.get()>
                {move || if busy.get() { "Opening…" } else { "Open" }}
            </button>
        </form>
        <details class="app-details">
            <summary class="app-details__summary">
                {move || if discreet.get() { "Forgotten it?" } else { "Forgotten your passphrase?" }}
            </summary>
            <div class="app-details__text">
                <p>"There is no way to get it back. Your notes are locked with it, and nobody else has a copy."</p>
                <p>"The only way on is to delete everything on this phone and start again."</p>
                <DeleteEverything/>
            </div>
        </details>
    }
}
