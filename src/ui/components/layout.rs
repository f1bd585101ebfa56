//! The parts every page shares: skip link, header with quick exit and 999, footer.

use crate::adapters::{browser, exit};
use crate::ui::nav::href;
use crate::ui::store::{use_store, Store};
use leptos::prelude::*;

/// Skip to the main content (the first thing a keyboard user reaches).
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a class="app-skip-link" href="#main">"Skip to main content"</a>
    }
}

/// The sticky header: the app's name (or "Notes" in discreet mode), 999, and quick exit,
/// which Shift pressed three times also triggers (announced to screen readers).
#[component]
pub fn Header() -> impl IntoView {
    let store = use_store();
    let announcement = RwSignal::new(String::new());
    listen_for_shortcut(store, announcement);
    let name = move || {
        if store.discreet.get() {
            "Notes"
        } else {
            "Harbour"
        }
    };
    let exit_url = move || store.snapshot.with(|s| s.public.exit_url.clone());
    view! {
        <header class="app-header">
            <div class="app-header__inner">
                <a class="app-header__name" href=href("/")>{name}</a>
                <a class="app-header__call" href="tel:999">"Call 999"</a>
                <a
                    class="app-exit"
                    href=exit_url
                    rel="noreferrer"
                    on:click=move |ev| {
                        ev.prevent_default();
                        quick_exit(store);
                    }
                >
                    "Quick exit"
                </a>
            </div>
            <p class="app-visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
        </header>
    }
}

/// Counts Shift presses; the third within 5 seconds of the last leaves Harbour.
fn listen_for_shortcut(store: Store, announcement: RwSignal<String>) {
    use crate::domain::exit_shortcut::{announcement as say, Outcome, ShiftCounter, WINDOW_MS};
    let counter = StoredValue::new_local(ShiftCounter::default());
    exit::listen_for_shortcut(move |event| {
        let outcome = counter
            .try_update_value(|c| c.on(event, browser::now_ms()))
            .unwrap_or(Outcome::Nothing);
        if outcome == Outcome::Exit {
            quick_exit(store);
            return;
        }
        if let Some(text) = say(outcome) {
            announcement.set(text);
        }
        if let Outcome::Counted(_) = outcome {
            // When the 5 seconds run out, the count starts again.
            let _ = leptos::leptos_dom::helpers::set_timeout_with_handle(
                move || {
                    let expired = counter
                        .try_update_value(|c| c.expire(browser::now_ms()))
                        .unwrap_or(false);
                    if expired {
                        announcement.set("Quick exit cancelled.".to_owned());
                    }
                },
                std::time::Duration::from_millis(WINDOW_MS as u64 + 50),
            );
        }
    });
}

/// Leaves Harbour at once, in this tab and every other Harbour tab.
pub fn quick_exit(store: Store) {
    crate::ui::store::broadcast(crate::ui::store::EXIT);
    store.leave();
}

/// The footer: safety, settings, and what Harbour is not. In discreet mode it names
/// nothing that says what Harbour is for (the guide's own pages say it is not legal
/// advice); 999 stays.
#[component]
pub fn Footer() -> impl IntoView {
    // Both wordings are on the page; discreet mode's class on <html> shows one (cheaper in
    // the shell than reactive text).
    view! {
        <footer class="app-footer">
            <div class="app-footer__inner">
                <ul class="app-footer__list">
                    <li>
                        <a href=href("/safety")>
                            <span class="app-if-open">"Using Harbour safely"</span>
                            <span class="app-if-discreet">"Privacy"</span>
                        </a>
                    </li>
                    <li><a href=href("/settings")>"Settings"</a></li>
                    <li class="app-if-open"><a href=href("/services")>"Help and services"</a></li>
                </ul>
                <p>
                    <span class="app-if-open">"Harbour gives information, not legal advice. "</span>
                    "In an emergency, call "
                    <a href="tel:999">"999"</a>"."
                </p>
            </div>
        </footer>
    }
}

/// Keeps the page's icon, manifest and root class in step with discreet mode.
pub fn apply_disguise(store: Store) {
    Effect::new(move |_| {
        let discreet = store.discreet.get();
        browser::set_root_class("app-discreet", discreet);
        let (icon, touch, manifest) = if discreet {
            (
                "icons/notes.svg",
                "icons/notes-180.png",
                "manifest-discreet.webmanifest",
            )
        } else {
            (
                "icons/harbour.svg",
                "icons/harbour-180.png",
                "manifest.webmanifest",
            )
        };
        browser::set_link_href("app-favicon", &href(icon));
        browser::set_link_href("app-touch-icon", &href(touch));
        browser::set_link_href("app-manifest", &href(manifest));
    });
}
