//! Messages about her data and the app: storage faults, kept copies, a waiting update.

use crate::adapters::{browser, pwa};
use crate::ui::components::page::discreet_text;
use crate::ui::nav;
use crate::ui::store::{use_store, Health, Notice, Store};
use leptos::prelude::*;

/// Set when a new version of Harbour has installed and waits for her to reload.
#[derive(Clone, Copy)]
pub struct UpdateReady(pub RwSignal<bool>);

/// Offers the update that is waiting.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = expect_context::<UpdateReady>().0;
    let store = use_store();
    view! {
        <Show when=move || ready.get()>
            <div class="app-notice app-notice--success" role="status">
                // Both wordings, one shown by discreet mode's class on <html> (cheaper in
                // the shell than a reactive text).
                <p class="app-notice__title">
                    <span class="app-if-open">"A new version of Harbour is ready"</span>
                    <span class="app-if-discreet">"A new version is ready"</span>
                </p>
                <p>"Your notes and plans stay as they are."</p>
                <button
                    type="button"
                    class="app-button"
                    on:click=move |_| {
                        store.save_now();
                        leptos::task::spawn_local(async {
                            if pwa::apply_update(nav::base()).await.is_err() {
                                browser::reload();
                            }
                        });
                    }
                >
                    "Reload to update"
                </button>
            </div>
        </Show>
    }
}

/// Downloads what she has now, as a file with a name that says nothing (sealed with her
/// passphrase while the lock is on).
pub fn download_current(store: Store) {
    leptos::task::spawn_local(async move {
        if let Some((text, _sealed)) = store.current_for_download().await {
            let name = format!("notes-copy-{}.json", browser::today());
            let _ = browser::download(&name, "application/json", &text);
        }
    });
}

/// Downloads a kept copy as it is stored: sealed while the lock is on (it opens by bringing
/// it back as a backup with her passphrase), otherwise the text as it was kept.
pub fn download_kept(store: Store, key: &str) {
    if let Some((text, sealed)) = store.kept_copy_for_download(key) {
        let which = match key.rsplit(':').next() {
            Some("before-migration") => "before-update",
            Some(stamp) => stamp,
            None => "copy",
        };
        let (extension, mime) = if sealed {
            ("json", "application/json")
        } else {
            ("txt", "text/plain")
        };
        let name = format!("notes-copy-{which}.{extension}");
        let _ = browser::download(&name, mime, &text);
    }
}

/// The storage fault now in force, if any, with what she can do about it.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let store = use_store();
    move || {
        let health = store.health.get();
        let download = move |_| download_current(store);
        let (title, body, actions): (&str, &str, AnyView) = match health {
            // Brief: the part of Harbour that reads her notes is loading.
            Health::Saving | Health::Opening => return None,
            Health::NotOpened => (
                "Harbour couldn't open what you saved",
                "Your notes are still on this phone, and Harbour has not changed them. Part of Harbour did not download, perhaps because the phone went offline. Check your connection and try again.",
                view! { <button type="button" class="app-button" on:click=move |_| store.retry_open()>"Try again"</button> }.into_any(),
            ),
            Health::Unavailable => (
                "Harbour can't save on this phone right now",
                "Your browser is not letting Harbour store anything. This can happen in private browsing, or when site data is blocked. You can keep using Harbour, but what you write will be lost when you close this page.",
                view! { <button type="button" class="app-button app-button--secondary" on:click=download>"Download a copy of what you have written"</button> }.into_any(),
            ),
            Health::Full => (
                "This phone's storage is full",
                "Harbour can't save your latest changes. What you saved before is safe, and what you have written since is still on this page. Free up some space on your phone, or download a copy. Harbour tries again each time you make a change.",
                view! { <button type="button" class="app-button app-button--secondary" on:click=download>"Download a copy"</button> }.into_any(),
            ),
            Health::TooNew { .. } => (
                "This was saved by a newer version of Harbour",
                "To keep it safe, this older version will not change it. Reload the page to get the newest version. Anything you write here before then is not saved.",
                view! {
                    <div class="app-button-group">
                        <button type="button" class="app-button" on:click=|_| browser::reload()>"Reload"</button>
                        <button type="button" class="app-button app-button--secondary" on:click=download>"Download what you have written here"</button>
                    </div>
                }.into_any(),
            ),
            Health::Cleared => (
                "Harbour's saved copy has been removed",
                "Something cleared Harbour's storage on this phone, perhaps clearing browsing data. What you can see is still here. You can save it again, or leave it removed: it will then be gone when you close this page.",
                view! { <button type="button" class="app-button" on:click=move |_| store.save_again()>"Save it again"</button> }.into_any(),
            ),
            Health::UnreadableNotKept => (
                "Harbour couldn't read what was saved",
                "It may be damaged. There isn't room to keep a copy of it on this phone, so Harbour has not touched it. Download it first, then start saving again.",
                view! {
                    <div class="app-button-group">
                        <button
                            type="button"
                            class="app-button app-button--secondary"
                            on:click=move |_| {
                                if let Some(text) = store.unreadable_text.get_value() {
                                    let _ = browser::download("notes-unreadable.txt", "text/plain", &text);
                                }
                            }
                        >
                            "Download the unreadable copy"
                        </button>
                        <button type="button" class="app-button" on:click=move |_| store.discard_unreadable()>"Start saving again"</button>
                    </div>
                }.into_any(),
            ),
            Health::Failed(_) => (
                "Harbour couldn't save your latest changes",
                "What you have written is still on this page. Harbour tries again each time you make a change. You can also download a copy.",
                view! { <button type="button" class="app-button app-button--secondary" on:click=download>"Download a copy"</button> }.into_any(),
            ),
        };
        let (title, body) = (discreet_text(store, title), discreet_text(store, body));
        Some(view! {
            <div class="app-notice app-notice--warning" role="alert">
                <h2 class="app-notice__title">{title}</h2>
                <p>{body}</p>
                {actions}
            </div>
        })
    }
}

/// One-off messages: copies kept of data Harbour could not use.
#[component]
pub fn NoticeList() -> impl IntoView {
    let store = use_store();
    move || {
        store
            .notices
            .get()
            .into_iter()
            .map(|notice| {
                let simple = |title: &'static str, body: &'static str| {
                    let dismissed = notice.clone();
                    let (title, body) = (discreet_text(store, title), discreet_text(store, body));
                    view! {
                        <div class="app-notice app-notice--success" role="status">
                            <h2 class="app-notice__title">{title}</h2>
                            <p>{body}</p>
                            <button type="button" class="app-button app-button--secondary" on:click=move |_| store.dismiss(&dismissed)>"Dismiss"</button>
                        </div>
                    }
                    .into_any()
                };
                let (title, body, button, key) = match &notice {
                    Notice::Deleted => {
                        return simple(
                            "Everything has been deleted",
                            "Harbour has deleted everything it kept on this phone: notes, plans, settings and its offline copy. Files you downloaded are not deleted: check your downloads.",
                        )
                    }
                    Notice::LockedByOtherTab => {
                        return simple(
                            "Harbour was locked in another tab",
                            "The lock was turned on, or the passphrase changed, in another tab. Enter the passphrase to carry on.",
                        )
                    }
                    Notice::Recovered { key } => (
                        "Harbour couldn't read what was saved on this phone",
                        "It may be damaged, or saved by something else. Harbour has started fresh and kept the old copy, so nothing is lost. You can download it, or delete it later in Settings.",
                        "Download the old copy",
                        key.clone(),
                    ),
                    Notice::ConflictKept { key } => (
                        "You changed the same thing in another tab",
                        "This tab's version is kept. The other tab's version is saved as a copy, so nothing is lost. You can download it, or delete it later in Settings.",
                        "Download the other version",
                        key.clone(),
                    ),
                };
                let dismissed = notice.clone();
                let (title, body) = (discreet_text(store, title), discreet_text(store, body));
                view! {
                    <div class="app-notice app-notice--warning" role="status">
                        <h2 class="app-notice__title">{title}</h2>
                        <p>{body}</p>
                        <div class="app-button-group">
                            <button type="button" class="app-button app-button--secondary" on:click=move |_| download_kept(store, &key)>{button}</button>
                            <button type="button" class="app-button app-button--secondary" on:click=move |_| store.dismiss(&dismissed)>"Dismiss"</button>
                        </div>
                    </div>
                }
                .into_any()
            })
            .collect_view()
    }
}
