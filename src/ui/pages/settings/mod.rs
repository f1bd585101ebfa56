//! Settings: where she lives, the lock, quick exit, discreet mode, saving on this phone,
//! kept copies, and delete everything.

mod backup;
mod lock;
mod nation;
mod privacy;

pub use privacy::DeleteEverything;

use crate::adapters::storage;
use crate::domain::envelope::BEFORE_MIGRATION_KEY;
use crate::ui::components::notices::{download_current, download_kept};
use crate::ui::components::page::use_page_title;
use crate::ui::store::{use_store, Health, LockState, Persistence};
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    use_page_title(|| "Settings".to_owned());
    view! {
        <h1 class="app-heading-l">"Settings"</h1>
        <lock::LockSettings/>
        <nation::NationSettings/>
        <privacy::ExitSettings/>
        <privacy::DiscreetSettings/>
        <StorageSettings/>
        <backup::BackupSettings/>
        <section class="app-settings-section" aria-labelledby="delete-title">
            <h2 class="app-heading-m" id="delete-title">"Delete everything"</h2>
            <p>"Delete all your notes, plans, contacts and settings from this phone, and Harbour's offline copy."</p>
            <DeleteEverything/>
        </section>
    }
}

/// Whether saving works, whether the browser will keep the data, and kept copies.
#[component]
fn StorageSettings() -> impl IntoView {
    let store = use_store();
    let health_text = move || {
        match store.health.get() {
        Health::Saving => "Harbour is saving what you write on this phone.",
        Health::Opening => "Harbour is opening what you saved.",
        Health::NotOpened => "Harbour couldn't open what you saved, and has not touched it.",
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
        <section class="app-settings-section" aria-labelledby="saving-title">
            <h2 class="app-heading-m" id="saving-title">"Saving on this phone"</h2>
            <p id="storage-status">{health_text}</p>
            <p id="storage-persistence">{persistence_text}</p>
            <p class="app-hint">{move || if store.lock_state.get() == LockState::Off {
                "A downloaded copy is not locked with a passphrase. Keep it somewhere private, and delete it from your downloads when you no longer need it."
            } else {
                "While the lock is on, a downloaded copy is locked with your passphrase. To open it, use “Bring back a backup” below and enter your passphrase."
            }}</p>
            <button type="button" class="app-button app-button--secondary" on:click=move |_| download_current(store)>
                "Download a copy of everything"
            </button>
            <Show when=move || !store.recovery_keys.get().is_empty()>
                <h3 class="app-heading-s">"Copies Harbour has kept"</h3>
                <p>"Harbour keeps a copy whenever it finds saved data it can't read, when two tabs change the same thing, and of what was saved before Harbour was updated, so nothing is lost. While the lock is on, each copy is locked with your passphrase."</p>
                <ul class="app-link-list">
                    <For each=move || { let mut keys = store.recovery_keys.get(); keys.sort(); keys } key=|k| k.clone() let:key>
                        {
                            let download_key = key.clone();
                            let delete_key = key.clone();
                            let what = if key == BEFORE_MIGRATION_KEY {
                                "The copy from before Harbour was last updated".to_owned()
                            } else {
                                let when = key
                                    .rsplit(':')
                                    .next()
                                    .and_then(|ms| ms.parse::<f64>().ok())
                                    .map(crate::adapters::browser::local_date_time)
                                    .unwrap_or_default();
                                format!("Kept {when}")
                            };
                            view! {
                                <li>
                                    <p>{what}</p>
                                    <div class="app-button-group">
                                        <button type="button" class="app-button app-button--secondary" on:click=move |_| download_kept(store, &download_key)>
                                            "Download this copy"
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
                                    </div>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
        </section>
    }
}
