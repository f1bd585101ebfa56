//! Settings: storage status, kept copies and downloads. (Lock, discreet mode and delete
//! everything arrive with the privacy work.)

use crate::adapters::storage;
use crate::ui::components::notices::{download_current, download_kept};
use crate::ui::components::page::use_page_title;
use crate::ui::store::{use_store, Health, Persistence};
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    use_page_title(|| "Settings".to_owned());
    let store = use_store();
    let health_text = move || {
        match store.health.get() {
        Health::Saving => "Harbour is saving what you write on this phone.",
        Health::Unavailable => "Harbour can't save on this phone right now. What you write is kept only until you close the page.",
        Health::Full => "This phone's storage is full. Harbour has kept your last saved copy but can't save new changes.",
        Health::TooNew { .. } => "What is saved here was saved by a newer version of Harbour. Reload to get it.",
        Health::Cleared => "Harbour's saved copy was removed while Harbour was open.",
        Health::UnreadableNotKept => "Harbour couldn't read what was saved, and has not touched it.",
        Health::Failed(_) => "Harbour couldn't save your latest changes. It tries again with each change.",
    }
    };
    let persistence_text = move || {
        match store.persistence.get() {
        Persistence::Granted => "Your browser has agreed to keep Harbour's data, even when the phone is short of space.",
        Persistence::NotGranted => "Your browser has not promised to keep Harbour's data. It may delete it if the phone runs short of space, or if you don't open Harbour for a long time. Downloading a copy now and then keeps it safe.",
        Persistence::Unknown => "Your browser has not said whether it will keep Harbour's data.",
    }
    };
    view! {
        <h1 class="app-heading-l">"Settings"</h1>
        <h2 class="app-heading-m">"Saving on this phone"</h2>
        <p id="storage-status">{health_text}</p>
        <p id="storage-persistence">{persistence_text}</p>
        <button type="button" class="app-button app-button--secondary" on:click=move |_| download_current(store)>
            "Download a copy of everything"
        </button>
        <Show when=move || !store.recovery_keys.get().is_empty()>
            <h2 class="app-heading-m">"Copies Harbour has kept"</h2>
            <p>"Harbour keeps a copy whenever it finds saved data it can't read, or when two tabs change the same thing, so nothing is lost."</p>
            <ul class="app-link-list">
                <For each=move || store.recovery_keys.get() key=|k| k.clone() let:key>
                    {
                        let download_key = key.clone();
                        let delete_key = key.clone();
                        view! {
                            <li>
                                <button type="button" class="app-button app-button--secondary" on:click=move |_| download_kept(&download_key)>
                                    "Download copy " {key.rsplit(':').next().unwrap_or_default().to_owned()}
                                </button>
                                <button
                                    type="button"
                                    class="app-button app-button--warning"
                                    on:click=move |_| {
                                        let _ = storage::remove(&delete_key);
                                        store.refresh_recovery_keys();
                                    }
                                >
                                    "Delete this copy"
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
        </Show>
    }
}
