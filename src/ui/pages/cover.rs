//! Discreet mode's cover: the plain "Notes" page every route shows first, until she opens
//! it. The same words as the static cover in index.html, so nothing changes as the app
//! starts. It hides what Harbour is from a glance; the lock is what keeps her words private.

use crate::ui::components::page::use_page_title;
use crate::ui::store::use_store;
use leptos::prelude::*;

#[component]
pub fn CoverPage() -> impl IntoView {
    let store = use_store();
    // In discreet mode every title is "Notes".
    use_page_title(String::new);
    let open = move |_| {
        store.covered.set(false);
        crate::ui::app::focus_heading_when_shown(120);
    };
    view! {
        <h1 class="app-heading-xl">"Notes"</h1>
        <p class="app-lead">"Your notes, kept on this phone."</p>
        <button type="button" class="app-button" on:click=open>"Open notes"</button>
    }
}
