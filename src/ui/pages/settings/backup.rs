//! Back up everything to one file sealed with a passphrase she types, and bring a backup
//! back (preview first, then replace or merge). A wrong passphrase or a bad file changes
//! nothing.

use crate::adapters::{browser, crypto};
use crate::domain::backup::{self, BackupFile, Contents};
use crate::domain::data::Snapshot;
use crate::domain::envelope::{document, encode, read_document};
use crate::domain::migrate::LATEST;
use crate::domain::sealed;
use crate::ui::components::form::TextInput;
use crate::ui::store::use_store;
use leptos::prelude::*;

#[component]
pub fn BackupSettings() -> impl IntoView {
    view! {
        <section class="app-settings-section" aria-labelledby="backup-title">
            <h2 class="app-heading-m" id="backup-title">"Back up, or move to another phone"</h2>
            <p>"A backup is one file with everything in it, locked with a passphrase you choose now. Keep the file somewhere private. Without the passphrase nobody can open it, not even you."</p>
            <Export/>
            <Import/>
        </section>
    }
}

#[component]
fn Export() -> impl IntoView {
    let store = use_store();
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let export = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b) = (first.get_untracked(), second.get_untracked());
        if let Some(problem) = super::lock::refusal(&a) {
            message.set(Some((false, problem)));
            return;
        }
        if a != b {
            message.set(Some((false, "The two passphrases are not the same".into())));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result: Result<(), String> = async {
                let kdf = sealed::new_kdf(crypto::random_bytes()?);
                let derivation = sealed::derivation(&kdf).map_err(|e| format!("{e:?}"))?;
                let key = crypto::derive_key(&a, &derivation).await?;
                let now = browser::now_iso();
                let stored = store.snapshot.with_untracked(|snap| encode(snap, &now));
                let text = backup::export(&stored, &now, &key, &kdf, crypto::random_bytes()?);
                // A name that says nothing about what it is for.
                browser::download(
                    &format!("notes-backup-{}.json", browser::today()),
                    "application/json",
                    &text,
                )
            }
            .await;
            busy.set(false);
            message.set(Some(match result {
                Ok(()) => {
                    first.set(String::new());
                    second.set(String::new());
                    (true, "Your backup has been downloaded. It is in your downloads until you move or delete it.".into())
                }
                Err(why) => (false, format!("Harbour could not make the backup: {why}")),
            }));
        });
    };
    view! {
        <h3 class="app-heading-s">"Make a backup"</h3>
        <form on:submit=export novalidate>
            <TextInput id="backup-passphrase".to_owned() label="Choose a passphrase for the backup".to_owned() kind="password"
                hint="At least 10 characters: 4 or more words is best. It can be different from your lock passphrase.".to_owned()
                value=first on_input=Callback::new(move |v| first.set(v))/>
            <TextInput id="backup-passphrase-again".to_owned() label="Type the backup passphrase again".to_owned() kind="password"
                value=second on_input=Callback::new(move |v| second.set(v))/>
            {move || message.get().map(|(ok, text)| view! {
                <p class=if ok { "app-notice app-notice--success" } else { "app-error-message" } role="alert">{text}</p>
            })}
            <button type="submit" id="make-backup" class="app-button app-button--secondary" disabled=move || busy.get()>
                {move || if busy.get() { "Making the backup…" } else { "Download a backup" }}
            </button>
        </form>
    }
}

/// A backup opened and waiting for her choice.
#[derive(Clone)]
struct Opened {
    snapshot: Snapshot,
    summary: Vec<(String, usize)>,
}

/// Says what an opened file holds: her data to preview, or (a kept copy of text Harbour
/// could not read) the text itself to download.
fn opened_contents(contents: Contents) -> Result<Result<Opened, String>, String> {
    match contents {
        Contents::Snapshot(snapshot) => {
            let problems = backup::problems(&snapshot);
            if !problems.is_empty() {
                return Err(format!(
                    "Harbour cannot bring this backup back, because some of it does not pass the checks Harbour makes when you type it. Nothing has been changed. {}",
                    problems.join(" ")
                ));
            }
            Ok(Ok(Opened {
                summary: backup::summary(&document(&snapshot)),
                snapshot: *snapshot,
            }))
        }
        Contents::Text(text) => Ok(Err(text)),
    }
}

#[component]
fn Import() -> impl IntoView {
    let store = use_store();
    let file = RwSignal::new_local(None::<BackupFile>);
    let passphrase = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let opened = RwSignal::new_local(None::<Opened>);
    let text_inside = RwSignal::new_local(None::<String>);
    let busy = RwSignal::new(false);
    let choose = move |ev: leptos::ev::Event| {
        let chosen = browser::read_chosen_file(&ev);
        opened.set(None);
        text_inside.set(None);
        leptos::task::spawn_local(async move {
            match chosen.await {
                Ok(Some(text)) => match backup::parse(&text, LATEST) {
                    Ok(f) => {
                        file.set(Some(f));
                        message.set(None);
                    }
                    Err(e) => {
                        file.set(None);
                        message.set(Some((false, e.message())));
                    }
                },
                Ok(None) => file.set(None),
                Err(why) => message.set(Some((
                    false,
                    format!("Harbour could not read the file: {why}"),
                ))),
            }
        });
    };
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(f) = file.get_untracked() else {
            message.set(Some((false, "Choose a backup file first".into())));
            return;
        };
        busy.set(true);
        let pass = passphrase.get_untracked();
        leptos::task::spawn_local(async move {
            let result: Result<Result<Opened, String>, String> = async {
                let derivation = sealed::derivation(&f.kdf)
                    .map_err(|_| backup::ImportError::Damaged(String::new()).message())?;
                let key = crypto::derive_key(&pass, &derivation).await?;
                opened_contents(backup::open(&f, &key).map_err(|e| e.message())?)
            }
            .await;
            busy.set(false);
            match result {
                Ok(Ok(o)) => {
                    opened.set(Some(o));
                    message.set(None);
                }
                Ok(Err(text)) => {
                    text_inside.set(Some(text));
                    message.set(None);
                }
                Err(why) => message.set(Some((false, why))),
            }
        });
    };
    let apply = move |merge: bool| {
        let Some(o) = opened.get_untracked() else {
            return;
        };
        let data = if merge {
            let current = store.snapshot.with_untracked(document);
            let merged = backup::merge(&current, &document(&o.snapshot));
            match read_document(&merged, LATEST) {
                Ok(s) => s.data,
                Err(_) => {
                    message.set(Some((false, "Harbour could not combine the backup with what is here. Nothing has been changed.".into())));
                    return;
                }
            }
        } else {
            o.snapshot.data
        };
        store.snapshot.update(|s| s.data = data);
        opened.set(None);
        file.set(None);
        passphrase.set(String::new());
        message.set(Some((
            true,
            if merge {
                "The backup has been added to what was here."
            } else {
                "What was here has been replaced by the backup."
            }
            .into(),
        )));
    };
    view! {
        <h3 class="app-heading-s">"Bring back a backup"</h3>
        <div class="app-form-group">
            <label class="app-label" for="backup-file">"Choose the backup file"</label>
            <input class="app-file" id="backup-file" type="file" accept=".json,application/json" on:change=choose/>
        </div>
        <Show when=move || file.with(Option::is_some)>
            <form on:submit=open novalidate>
                <TextInput id="backup-open-passphrase".to_owned() label="The backup's passphrase".to_owned() kind="password"
                    value=passphrase on_input=Callback::new(move |v| passphrase.set(v))/>
                <button type="submit" id="open-backup" class="app-button app-button--secondary" disabled=move || busy.get()>
                    {move || if busy.get() { "Opening…" } else { "Open the backup" }}
                </button>
            </form>
        </Show>
        {move || message.get().map(|(ok, text)| view! {
            <p class=if ok { "app-notice app-notice--success" } else { "app-error-message" } role="alert">{text}</p>
        })}
        {move || text_inside.get().map(|text| view! {
            <div class="app-notice">
                <h4 class="app-notice__title">"This file holds a copy Harbour could not read"</h4>
                <p>"Harbour kept it because it could not read it, so it cannot be brought back. You can download the text inside it. The downloaded text is not locked: keep it private."</p>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                    let _ = browser::download("notes-text.txt", "text/plain", &text);
                }>"Download the text inside"</button>
            </div>
        })}
        {move || opened.get().map(|o| view! {
            <div class="app-notice">
                <h4 class="app-notice__title">"This backup holds"</h4>
                <ul>{o.summary.into_iter().map(|(what, n)| view! { <li>{format!("{n} {what}")}</li> }).collect_view()}</ul>
                <p>"Replace what is on this phone with it, or add it to what is here? Adding keeps everything here and adds anything new from the backup."</p>
                <div class="app-button-group">
                    <button type="button" class="app-button" on:click=move |_| apply(true)>"Add it to what is here"</button>
                    <button type="button" class="app-button app-button--warning" on:click=move |_| apply(false)>"Replace what is here"</button>
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| opened.set(None)>"Cancel"</button>
                </div>
            </div>
        })}
    }
}
