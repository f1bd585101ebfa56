//! Her own contacts: add, change and remove, stored on this phone.

use crate::adapters::browser;
use crate::domain::phone::tel_href;
use crate::domain::share::{validate_contact, Contact, Role};
use crate::ui::components::form::{error_for, ErrorSummary, TextArea, TextInput};
use crate::ui::components::kept::{ClearForm, Kept};
use crate::ui::components::page::{use_page_title, BackLink};
use crate::ui::store::use_store;
use leptos::prelude::*;

/// The mark a contact keeps while it is as a link gave it: a link can name any number,
/// so she is reminded wherever the contact is shown until she has checked it herself.
#[component]
pub fn FromLinkMark() -> impl IntoView {
    view! {
        <p class="app-from-link">
            <strong class="app-tag app-tag--warning">"Not checked"</strong>
            " Added from a link. Check this number with the organisation itself before you rely on it."
        </p>
    }
}

#[component]
pub fn ContactsPage() -> impl IntoView {
    use_page_title(|| "Your contacts".to_owned());
    let store = use_store();
    // The contact being added, or changed when its id is set, kept in her data as she types.
    let draft = Kept::new(
        Contact::default(),
        |d| d.contact.clone(),
        |d, v| d.contact = v,
    );
    let editing = move || draft.with(|c| (!c.id.is_empty()).then(|| c.id.clone()));
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    // She has ticked that she checked a contact that came from a link.
    let checked = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let contacts = move || store.snapshot.with(|s| s.data.contacts.clone());
    let field = |get: fn(&Contact) -> &String, set: fn(&mut Contact, String)| {
        (
            Signal::derive(move || draft.with(|c| get(c).clone())),
            Callback::new(move |v: String| draft.update(|c| set(c, v))),
        )
    };
    let (name, set_name) = field(|c| &c.name, |c, v| c.name = v);
    let (phone, set_phone) = field(|c| &c.phone, |c, v| c.phone = v);
    let (email, set_email) = field(|c| &c.email, |c, v| c.email = v);
    let (notes, set_notes) = field(|c| &c.notes, |c, v| c.notes = v);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut contact = draft.get_untracked();
        let found = validate_contact(&contact);
        errors.set(
            found
                .into_iter()
                .map(|e| (e.field.to_owned(), e.message))
                .collect(),
        );
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        if checked.get_untracked() {
            contact.from_link = false;
        }
        match (!contact.id.is_empty()).then(|| contact.id.clone()) {
            Some(id) => {
                store.snapshot.update(|s| {
                    if let Some(c) = s.data.contacts.iter_mut().find(|c| c.id == id) {
                        *c = contact;
                    }
                });
                status.set("Contact changed.".into());
            }
            None => {
                contact.id = browser::new_id();
                store.snapshot.update(|s| s.data.contacts.push(contact));
                status.set("Contact added.".into());
            }
        }
        draft.clear(Contact::default());
        checked.set(false);
    };
    view! {
        <BackLink to="/services" text="Help and services"/>
        <h1 class="app-heading-l">"Your contacts"</h1>
        <p>"Keep the people you deal with in one place. They are stored only on this phone."</p>
        <p class="app-status" role="status">{move || status.get()}</p>
        <ul class="app-contacts">
            {move || contacts().into_iter().map(|c| {
                let (edit_contact, delete_id) = (c.clone(), c.id.clone());
                view! {
                    <li class="app-item">
                        <h2 class="app-heading-s">{if c.name.trim().is_empty() { c.role.label().to_owned() } else { c.name.clone() }}</h2>
                        <p class="app-meta">{c.role.label()}</p>
                        {c.from_link.then(|| view! { <FromLinkMark/> })}
                        {(!c.phone.is_empty()).then(|| view! { <p><a class="app-button" href=tel_href(&c.phone)>"Call " {c.phone.clone()}</a></p> })}
                        {(!c.email.is_empty()).then(|| view! { <p><a href=format!("mailto:{}", c.email)>{c.email.clone()}</a></p> })}
                        {(!c.notes.is_empty()).then(|| view! { <p class="app-summary-list__value">{c.notes.clone()}</p> })}
                        <div class="app-button-group">
                            <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                                draft.set(edit_contact.clone());
                                checked.set(false);
                                crate::ui::nav::focus_fragment("contact-form-title");
                            }>"Change"</button>
                            <button type="button" class="app-button app-button--warning" on:click=move |_| {
                                let id = delete_id.clone();
                                store.snapshot.update(|s| s.data.contacts.retain(|c| c.id != id));
                                status.set("Contact removed.".into());
                            }>"Remove"</button>
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
        <h2 class="app-heading-m" id="contact-form-title" tabindex="-1">{move || if editing().is_some() { "Change this contact" } else { "Add a contact" }}</h2>
        <ErrorSummary errors=errors/>
        <form on:submit=save novalidate>
            <div class="app-form-group">
                <label class="app-label" for="contact-role">"Who are they?"</label>
                <select class="app-select" id="contact-role" on:change:target=move |ev| {
                    // "Choose" (value "") is "not chosen".
                    let role = Role::from_id(&ev.target().value()).unwrap_or_default();
                    draft.update(|c| c.role = role)
                }>
                    <option value="" selected=move || draft.with(|c| c.role == Role::NotChosen)>"Choose"</option>
                    {Role::ALL.iter().map(|&role| view! { <option value=role.id() selected=move || draft.with(|c| c.role == role)>{role.label()}</option> }).collect_view()}
                </select>
            </div>
            <TextInput id="contact-name".to_owned() label="Name".to_owned() value=name on_input=set_name error=error_for(errors, "contact-name".to_owned())/>
            <TextInput id="contact-phone".to_owned() label="Phone (optional)".to_owned() kind="tel" value=phone on_input=set_phone error=error_for(errors, "contact-phone".to_owned())/>
            <TextInput id="contact-email".to_owned() label="Email (optional)".to_owned() kind="email" value=email on_input=set_email error=error_for(errors, "contact-email".to_owned())/>
            <Show when=move || draft.with(|c| c.from_link)>
                <div class="app-form-group">
                    <FromLinkMark/>
                    <div class="app-choice">
                        <input class="app-choice__input" type="checkbox" id="contact-checked" prop:checked=move || checked.get()
                            on:change:target=move |ev| checked.set(ev.target().checked())/>
                        <label class="app-choice__label" for="contact-checked">"I have checked these details with the organisation itself"</label>
                    </div>
                </div>
            </Show>
            <TextArea id="contact-notes".to_owned() label="Notes (optional)".to_owned() hint="For example their hours, or a reference number.".to_owned() value=notes on_input=set_notes error=error_for(errors, "contact-notes".to_owned()) rows=3/>
            <div class="app-button-group">
                <button type="submit" class="app-button">{move || if editing().is_some() { "Save changes" } else { "Add contact" }}</button>
                <ClearForm id="discard-contact".to_owned() shown=move || draft.is_kept()
                    label=Signal::derive(move || if editing().is_some() { "Cancel" } else { "Clear this form" })
                    on_clear=Callback::new(move |()| {
                        status.set(if editing().is_some() { "Contact not changed." } else { "Contact cleared." }.into());
                        draft.clear(Contact::default());
                        checked.set(false);
                    })/>
            </div>
        </form>
    }
}
