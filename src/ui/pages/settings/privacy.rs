//! Privacy settings: where quick exit goes, discreet mode, and delete everything.

use crate::adapters::{browser, wipe};
use crate::domain::data::DEFAULT_EXIT_URL;
use crate::ui::nav;
use crate::ui::store::{broadcast, use_store, WIPED};
use leptos::prelude::*;

/// Neutral pages quick exit can go to. None shows a signed-in or personal page.
const EXITS: &[(&str, &str)] = &[
    ("BBC Weather", DEFAULT_EXIT_URL),
    ("BBC News", "https://www.bbc.co.uk/news"),
    ("Met Office", "https://www.metoffice.gov.uk/"),
    ("Wikipedia", "https://en.wikipedia.org/wiki/Main_Page"),
];

/// Where quick exit goes.
#[component]
pub fn ExitSettings() -> impl IntoView {
    let store = use_store();
    let current = move || store.snapshot.with(|s| s.public.exit_url.clone());
    let custom = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let is_custom = move || !EXITS.iter().any(|(_, url)| *url == current());
    let set = move |url: String| store.snapshot.update(|s| s.public.exit_url = url);
    let options = EXITS
        .iter()
        .enumerate()
        .map(|(i, (name, url))| {
            let id = format!("exit-{i}");
            view! {
                <div class="app-choice">
                    <input
                        class="app-choice__input"
                        type="radio"
                        name="exit"
                        id=id.clone()
                        prop:checked=move || current() == *url
                        on:change=move |_| set((*url).to_owned())
                    />
                    <label class="app-choice__label" for=id>{*name}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="app-settings-section" aria-labelledby="exit-title">
            <h2 class="app-heading-m" id="exit-title">"Quick exit"</h2>
            <p>"The red Quick exit button, or pressing Shift three times, closes Harbour and opens another website. Harbour locks if the lock is on."</p>
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">"Which website should quick exit open?"</legend>
                {options}
                <div class="app-choice">
                    <input
                        class="app-choice__input"
                        type="radio"
                        name="exit"
                        id="exit-custom"
                        prop:checked=is_custom
                        on:change=move |_| custom.set(current())
                    />
                    <label class="app-choice__label" for="exit-custom">"Another website"</label>
                </div>
            </fieldset>
            <Show when=is_custom>
                <div class="app-form-group" class:app-form-group--error=move || error.get().is_some()>
                    <label class="app-label" for="exit-url">"Web address"</label>
                    <span class="app-hint" id="exit-url-hint">"Starting https://, for example https://www.bbc.co.uk/sport. Choose a site that does not show your name."</span>
                    <Show when=move || error.get().is_some()>
                        <p class="app-error-message" id="exit-url-error"><span class="app-visually-hidden">"Error: "</span>{move || error.get()}</p>
                    </Show>
                    <input
                        class="app-input"
                        id="exit-url"
                        type="url"
                        autocomplete="off"
                        aria-describedby="exit-url-hint"
                        prop:value=move || if custom.get().is_empty() { current() } else { custom.get() }
                        on:input:target=move |ev| {
                            let value = ev.target().value();
                            custom.set(value.clone());
                            if value.starts_with("https://") && value.len() > "https://".len() && !value.contains(' ') {
                                error.set(None);
                                set(value);
                            } else {
                                error.set(Some("Enter a web address that starts with https://"));
                            }
                        }
                    />
                </div>
            </Show>
        </section>
    }
}

/// A neutral name and icon.
#[component]
pub fn DiscreetSettings() -> impl IntoView {
    let store = use_store();
    view! {
        <section class="app-settings-section" aria-labelledby="discreet-title">
            <h2 class="app-heading-m" id="discreet-title">"Discreet mode"</h2>
            <div class="app-choice">
                <input
                    class="app-choice__input"
                    type="checkbox"
                    id="discreet"
                    aria-describedby="discreet-hint"
                    prop:checked=move || store.discreet.get()
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        store.snapshot.update(|s| s.public.discreet = on);
                    }
                />
                <label class="app-choice__label" for="discreet">"Use a plain name and icon: “Notes”"</label>
            </div>
            <div class="app-hint" id="discreet-hint">
                <p>"Every time you open Harbour, it first shows a plain page called “Notes”. Press “Open notes” to see the rest. The page title, the browser tab, the icon, the top and bottom of every page, messages and the lock screen say “Notes”, and never “Harbour”."</p>
                <p>"What it does not hide: once you open it, the pages themselves still say what they are about, and the web address stays the same. Anyone who presses “Open notes” can read on. To keep your notes private, turn on the lock as well."</p>
                <p>"If you have already added Harbour to your home screen, remove it and add it again to change its name there."</p>
            </div>
        </section>
    }
}

/// The "Delete everything" control, with a confirmation step.
#[component]
pub fn DeleteEverything() -> impl IntoView {
    let store = use_store();
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let go = nav::navigator();
    let delete = move |_| {
        busy.set(true);
        let go = go.clone();
        leptos::task::spawn_local(async move {
            // Tell other tabs first, so they stop saving, then wipe, then wipe again once
            // any save they had pending (at most 300 ms) has landed.
            broadcast(WIPED);
            let _ = wipe::delete_everything().await;
            store.reset_after_wipe();
            browser::sleep(400).await;
            let _ = wipe::delete_everything().await;
            busy.set(false);
            confirming.set(false);
            go("/");
            wipe::sweep_offline_copy().await;
        });
    };
    view! {
        <Show
            when=move || confirming.get()
            fallback=move || view! {
                <button type="button" class="app-button app-button--warning" on:click=move |_| confirming.set(true)>
                    "Delete everything"
                </button>
            }
        >
            <div class="app-notice app-notice--warning" role="alert">
                <h3 class="app-notice__title">"Delete everything on this phone?"</h3>
                // Shown on the lock screen too, so in discreet mode it does not name Harbour.
                <p>
                    "This deletes all your notes, plans, contacts, dates and settings, and "
                    <span class="app-if-open">"Harbour's"</span><span class="app-if-discreet">"the"</span>
                    " offline copy. It cannot be undone."
                </p>
                <p>"Files you downloaded are not deleted. Check your downloads folder."</p>
                <div class="app-button-group">
                    <button type="button" class="app-button app-button--warning" disabled=move || busy.get() on:click=delete.clone()>
                        "Yes, delete everything"
                    </button>
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| confirming.set(false)>
                        "Cancel"
                    </button>
                </div>
            </div>
        </Show>
    }
}
