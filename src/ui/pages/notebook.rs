//! Her notebook and key dates. For now, one free-text note, saved as she types.

use crate::ui::components::page::{use_page_title, ComingSoon};
use crate::ui::store::use_store;
use leptos::prelude::*;

#[component]
pub fn NotebookPage() -> impl IntoView {
    use_page_title(|| "Notebook".to_owned());
    let store = use_store();
    let notes = move || store.snapshot.with(|s| s.data.notes.clone());
    view! {
        <h1 class="app-heading-l">"Notebook"</h1>
        <div class="app-form-group">
            <label class="app-label" for="notes">"Your notes"</label>
            <span class="app-hint" id="notes-hint">
                "Write down what was said and agreed, and by whom. Harbour saves every change on this phone as you type."
            </span>
            <textarea
                class="app-textarea"
                id="notes"
                name="notes"
                rows="12"
                autocomplete="off"
                spellcheck="true"
                aria-describedby="notes-hint"
                prop:value=notes
                on:input:target=move |ev| {
                    let value = ev.target().value();
                    store.snapshot.update(|s| s.data.notes = value);
                }
            ></textarea>
        </div>
        <ComingSoon what="Separate entries for each meeting, call and letter (who, what was said, what was agreed, what you must do by when), searchable and printable as a timeline.">
            <p>"Until then, this one note is yours to use however you like."</p>
        </ComingSoon>
    }
}

#[component]
pub fn DatesPage() -> impl IntoView {
    use_page_title(|| "Key dates".to_owned());
    view! {
        <h1 class="app-heading-l">"Key dates"</h1>
        <ComingSoon what="A list of the dates that matter, such as bail return, court, conferences and plan reviews, shown as coming up on the home page, each one savable to your calendar.">
            <p>"Until then, you can write dates in your "<a href=crate::ui::nav::href("/notebook")>"notebook"</a>"."</p>
        </ComingSoon>
    }
}
