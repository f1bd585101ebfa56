//! The fields of "Save this version", which the safety plan and each child's plan share:
//! what happened to this version, who with, save, and clear. The page owns the `<form>` and
//! what saving does.

use crate::domain::drafts::ShortFields;
use crate::ui::components::form::{Radios, TextInput};
use crate::ui::components::kept::{ClearForm, Kept};
use leptos::prelude::*;

/// `prefix` starts every element id ("version" gives `version-kind`, `version-note`,
/// `save-version` and `discard-version`). `form` keeps what she has typed; `blank` is the
/// form as it starts, with its first choice.
#[component]
pub fn SaveVersionFields(
    prefix: &'static str,
    options: Vec<(&'static str, String)>,
    note_label: &'static str,
    form: Kept<ShortFields>,
    blank: ShortFields,
    status: RwSignal<String>,
) -> impl IntoView {
    let kind = Signal::derive(move || form.with(|f| f.choice.clone()));
    let note = Signal::derive(move || form.with(|f| f.text.clone()));
    view! {
        <Radios
            name=format!("{prefix}-kind")
            legend="What happened to this version?".to_owned()
            options
            value=kind
            on_change=Callback::new(move |v| form.update(|f| f.choice = v))
        />
        <TextInput
            id=format!("{prefix}-note")
            label=note_label.to_owned()
            value=note
            on_input=Callback::new(move |v| form.update(|f| f.text = v))
        />
        <div class="app-button-group">
            <button type="submit" id=format!("save-{prefix}") class="app-button app-button--secondary">"Save this version"</button>
            <ClearForm id=format!("discard-{prefix}") shown=move || form.is_kept()
                on_clear=Callback::new(move |()| {
                    form.clear(blank.clone());
                    status.set("Form cleared.".into());
                })/>
        </div>
    }
}
