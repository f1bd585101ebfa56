//! Form pieces in the GOV.UK pattern: error summary, text inputs and areas with label, hint
//! and error, radios. Values and handlers come in as props.

use crate::domain::choice::Choice;
use leptos::prelude::*;

/// A list's choices as [`Radios`] options: each choice's id (the radio's `value`) and label.
pub fn choice_options<T: Choice>() -> Vec<(&'static str, String)> {
    T::ALL
        .iter()
        .map(|c| (c.id(), c.label().to_owned()))
        .collect()
}

/// Problems to fix, each linking to its field. Focus moves here when it appears.
#[component]
pub fn ErrorSummary(
    /// (field id, message) pairs.
    #[prop(into)]
    errors: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if !errors.with(Vec::is_empty) {
            if let Some(el) = node.get() {
                let _ = el.focus();
            }
        }
    });
    view! {
        <div class="app-error-summary" class:app-hidden=move || errors.with(Vec::is_empty) tabindex="-1" node_ref=node>
            <Show when=move || !errors.with(Vec::is_empty)>
                <h2 class="app-heading-m" role="alert">"There is a problem"</h2>
                <ul class="app-error-summary__list">
                    {move || errors.get().into_iter().map(|(field, message)| view! {
                        <li><a href=format!("#{field}")>{message}</a></li>
                    }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}

/// The error for one field from a list of (field, message).
pub fn error_for(errors: RwSignal<Vec<(String, String)>>, field: String) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()))
    })
}

/// A field's hint and error message, and the `aria-describedby` that points at them. An
/// empty hint counts as none.
fn hint_and_error(
    id: &str,
    hint: Option<String>,
    error: Signal<Option<String>>,
) -> (
    impl IntoView,
    impl Fn() -> Option<String> + Send + Sync + 'static,
) {
    let hint = hint.filter(|h| !h.is_empty());
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let has_hint = hint.is_some();
    let described = {
        let (h, e) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(h.clone());
            }
            if error.get().is_some() {
                ids.push(e.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let messages = view! {
        {hint.map(|h| view! { <span class="app-hint" id=hint_id>{h}</span> })}
        {move || error.get().map(|m| view! {
            <p class="app-error-message" id=error_id.clone()><span class="app-visually-hidden">"Error: "</span>{m}</p>
        })}
    };
    (messages, described)
}

/// A one-line text input.
#[component]
pub fn TextInput(
    id: String,
    label: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "")] width: &'static str,
) -> impl IntoView {
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let (messages, described) = hint_and_error(&id, hint, error);
    view! {
        <div class="app-form-group" class:app-form-group--error=move || error.get().is_some()>
            <label class="app-label" for=id.clone()>{label}</label>
            {messages}
            <input
                class=format!("app-input {width}")
                class:app-input--error=move || error.get().is_some()
                id=id
                type=kind
                autocomplete="off"
                aria-describedby=described
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
            />
        </div>
    }
}

/// A multi-line text area.
#[component]
pub fn TextArea(
    id: String,
    label: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = 4)] rows: u32,
    /// Show the label as a heading-sized question.
    #[prop(optional)]
    plain_label: bool,
) -> impl IntoView {
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let (messages, described) = hint_and_error(&id, hint, error);
    view! {
        <div class="app-form-group" class:app-form-group--error=move || error.get().is_some()>
            <label class="app-label" class:app-label--plain=plain_label for=id.clone()>{label}</label>
            {messages}
            <textarea
                class="app-textarea"
                class:app-textarea--error=move || error.get().is_some()
                id=id
                rows=rows
                autocomplete="off"
                spellcheck="true"
                aria-describedby=described
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
            ></textarea>
        </div>
    }
}

/// A set of radios.
#[component]
pub fn Radios(
    /// The `name` shared by the radios; ids are `{name}-{value}`.
    name: String,
    legend: String,
    options: Vec<(&'static str, String)>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional, into)] hint: Option<String>,
    /// Make the legend the page heading (question pages).
    #[prop(optional)]
    heading: bool,
) -> impl IntoView {
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let (messages, described) = hint_and_error(&name, hint, error);
    let radios = options
        .into_iter()
        .map(|(v, label)| {
            let id = format!("{name}-{v}");
            view! {
                <div class="app-choice">
                    <input
                        class="app-choice__input"
                        type="radio"
                        name=name.clone()
                        id=id.clone()
                        value=v
                        prop:checked=move || value.get() == v
                        on:change=move |_| on_change.run(v.to_owned())
                    />
                    <label class="app-choice__label" for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    let legend_view = if heading {
        view! { <legend class="app-fieldset__legend"><h1 class="app-heading-l">{legend}</h1></legend> }.into_any()
    } else {
        view! { <legend class="app-fieldset__legend">{legend}</legend> }.into_any()
    };
    view! {
        <div class="app-form-group" class:app-form-group--error=move || error.get().is_some()>
            // The hint and error belong to the whole question, so the fieldset points at
            // them (as GOV.UK's radios do): a screen reader reads them with the legend.
            <fieldset class="app-fieldset" id=name.clone() tabindex="-1" aria-describedby=described>
                {legend_view}
                {messages}
                {radios}
            </fieldset>
        </div>
    }
}
