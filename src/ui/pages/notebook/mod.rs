//! Her case notebook: entries for meetings, calls, visits and letters, searchable and
//! printable as a timeline, plus a page of free notes. Key dates are in `dates.rs`.

mod dates;

pub use dates::{describe, DatesPage};

use crate::adapters::browser;
use crate::content::human_date;
use crate::domain::notebook::{search, validate_entry, Action, EntryKind, NoteEntry};
use crate::ui::components::form::{error_for, ErrorSummary, TextArea, TextInput};
use crate::ui::components::kept::{ClearForm, Kept};
use crate::ui::components::page::use_page_title;
use crate::ui::store::use_store;
use leptos::prelude::*;

/// The entry being written, kept in her data as she types (its id is set while she
/// changes a saved entry).
type Draft = Kept<NoteEntry>;

fn field(
    draft: Draft,
    get: fn(&NoteEntry) -> &String,
    set: fn(&mut NoteEntry, String),
) -> (Signal<String>, Callback<String>) {
    (
        Signal::derive(move || draft.with(|e| get(e).clone())),
        Callback::new(move |v: String| draft.update(|e| set(e, v))),
    )
}

fn blank_entry() -> NoteEntry {
    NoteEntry {
        kind: EntryKind::Meeting,
        date: browser::today(),
        actions: vec![Action {
            id: browser::new_id(),
            ..Action::default()
        }],
        ..NoteEntry::default()
    }
}

#[component]
pub fn NotebookPage() -> impl IntoView {
    use_page_title(|| "Notebook".to_owned());
    let store = use_store();
    let draft: Draft = Kept::new(blank_entry(), |d| d.entry.clone(), |d, v| d.entry = v);
    let editing = move || draft.with(|e| (!e.id.is_empty()).then(|| e.id.clone()));
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let status = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let (date, set_date) = field(draft, |e| &e.date, |e, v| e.date = v);
    let (time, set_time) = field(draft, |e| &e.time, |e, v| e.time = v);
    let (who, set_who) = field(draft, |e| &e.who, |e, v| e.who = v);
    let (org, set_org) = field(draft, |e| &e.organisation, |e, v| e.organisation = v);
    let (said, set_said) = field(draft, |e| &e.said, |e, v| e.said = v);
    let (agreed, set_agreed) = field(draft, |e| &e.agreed, |e, v| e.agreed = v);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut entry = draft.get_untracked();
        entry
            .actions
            .retain(|a| !a.what.trim().is_empty() || !a.by.is_empty());
        let found = validate_entry(&entry);
        errors.set(found.into_iter().map(|e| (e.field, e.message)).collect());
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        match (!entry.id.is_empty()).then(|| entry.id.clone()) {
            Some(id) => {
                store.snapshot.update(|s| {
                    if let Some(e) = s.data.notebook.iter_mut().find(|e| e.id == id) {
                        *e = entry;
                    }
                });
                status.set("Entry changed.".into());
            }
            None => {
                entry.id = browser::new_id();
                store.snapshot.update(|s| s.data.notebook.push(entry));
                status.set("Entry saved.".into());
            }
        }
        draft.clear(blank_entry());
    };
    let shown = move || {
        store.snapshot.with(|s| {
            search(&s.data.notebook, &query.get())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let count = move || store.snapshot.with(|s| s.data.notebook.len());
    let notes = Signal::derive(move || store.snapshot.with(|s| s.data.notes.clone()));
    view! {
        <h1 class="app-heading-l">"Notebook"</h1>
        <p class="app-lead">"Write down each meeting, call, visit and letter: who it was with, what was said and agreed, and what you must do. It helps when people change, or remember things differently."</p>
        <p class="app-status" role="status">{move || status.get()}</p>
        <section class="app-no-print" aria-labelledby="entry-form-title">
            <h2 class="app-heading-m" id="entry-form-title" tabindex="-1">{move || if editing().is_some() { "Change this entry" } else { "Add an entry" }}</h2>
            <ErrorSummary errors=errors/>
            <form on:submit=save novalidate>
                <div class="app-form-group">
                    <label class="app-label" for="entry-kind">"What was it?"</label>
                    <select class="app-select" id="entry-kind" on:change:target=move |ev| {
                        if let Some(kind) = EntryKind::from_id(&ev.target().value()) { draft.update(|e| e.kind = kind) }
                    }>
                        {EntryKind::ALL.iter().map(|&kind| view! { <option value=kind.id() selected=move || draft.with(|e| e.kind == kind)>{kind.label()}</option> }).collect_view()}
                    </select>
                </div>
                <TextInput id="entry-date".to_owned() label="Date".to_owned() kind="date" width="app-input--date" value=date on_input=set_date error=error_for(errors, "entry-date".to_owned())/>
                <TextInput id="entry-time".to_owned() label="Time (optional)".to_owned() kind="time" width="app-input--date" value=time on_input=set_time error=error_for(errors, "entry-time".to_owned())/>
                <TextInput id="entry-who".to_owned() label="Who was it with? (optional)".to_owned() value=who on_input=set_who/>
                <TextInput id="entry-organisation".to_owned() label="Organisation (optional)".to_owned() hint="For example children's social care, the police, the school.".to_owned() value=org on_input=set_org/>
                <TextArea id="entry-said".to_owned() label="What was said".to_owned() value=said on_input=set_said error=error_for(errors, "entry-said".to_owned()) rows=4/>
                <TextArea id="entry-agreed".to_owned() label="What was agreed (optional)".to_owned() value=agreed on_input=set_agreed rows=3/>
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">"What you must do (optional)"</legend>
                    <For each=move || draft.with(|e| e.actions.iter().map(|a| a.id.clone()).collect::<Vec<_>>()) key=|id| id.clone() let:id>
                        {
                            let (a, b, c, d) = (id.clone(), id.clone(), id.clone(), id.clone());
                            view! {
                                <div class="app-item">
                                    <TextInput id=format!("action-{id}-what") label="What".to_owned()
                                        value=Signal::derive(move || draft.with(|e| e.actions.iter().find(|x| x.id == a).map(|x| x.what.clone()).unwrap_or_default()))
                                        on_input=Callback::new(move |v: String| draft.update(|e| if let Some(x) = e.actions.iter_mut().find(|x| x.id == b) { x.what = v; }))/>
                                    <TextInput id=format!("action-{id}-by") label="By when (optional)".to_owned() kind="date" width="app-input--date"
                                        value=Signal::derive(move || draft.with(|e| e.actions.iter().find(|x| x.id == c).map(|x| x.by.clone()).unwrap_or_default()))
                                        on_input=Callback::new(move |v: String| draft.update(|e| if let Some(x) = e.actions.iter_mut().find(|x| x.id == d) { x.by = v; }))
                                        error=error_for(errors, format!("action-{id}-by"))/>
                                </div>
                            }
                        }
                    </For>
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| draft.update(|e| e.actions.push(Action { id: browser::new_id(), ..Action::default() }))>"Add another thing to do"</button>
                </fieldset>
                <div class="app-button-group">
                    <button type="submit" id="save-entry" class="app-button">{move || if editing().is_some() { "Save changes" } else { "Save entry" }}</button>
                    <ClearForm id="discard-entry".to_owned() shown=move || draft.is_kept()
                        label=Signal::derive(move || if editing().is_some() { "Cancel" } else { "Clear this form" })
                        on_clear=Callback::new(move |()| {
                            status.set(if editing().is_some() { "Entry not changed." } else { "Entry cleared." }.into());
                            draft.clear(blank_entry());
                        })/>
                </div>
            </form>
        </section>
        <section aria-labelledby="timeline-title">
            <h2 class="app-heading-m" id="timeline-title">"Your entries, newest first"</h2>
            <Show when=move || { count() > 0 }>
                <div class="app-form-group app-no-print">
                    <label class="app-label" for="entry-search">"Search your entries"</label>
                    <input class="app-input" id="entry-search" type="search" autocomplete="off"
                        prop:value=move || query.get() on:input:target=move |ev| query.set(ev.target().value())/>
                </div>
                <button type="button" class="app-button app-button--secondary app-no-print" on:click=|_| browser::print()>"Print your timeline"</button>
            </Show>
            <ol class="app-timeline">
                {move || shown().into_iter().map(|e| {
                    let (edit, remove) = (e.clone(), e.id.clone());
                    let when = format!("{}{}", human_date(&e.date), if e.time.is_empty() { String::new() } else { format!(" at {}", e.time) });
                    view! {
                        <li class="app-timeline__entry">
                            <h3 class="app-heading-s">{format!("{}, {when}", e.kind.label())}</h3>
                            {(!e.who.is_empty() || !e.organisation.is_empty()).then(|| view! {
                                <p class="app-meta">{[e.who.clone(), e.organisation.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")}</p>
                            })}
                            {(!e.said.is_empty()).then(|| view! { <p class="app-summary-list__value"><strong>"Said: "</strong>{e.said.clone()}</p> })}
                            {(!e.agreed.is_empty()).then(|| view! { <p class="app-summary-list__value"><strong>"Agreed: "</strong>{e.agreed.clone()}</p> })}
                            {(!e.actions.is_empty()).then(|| view! {
                                <ul>{e.actions.iter().map(|a| view! {
                                    <li>{a.what.clone()}{(!a.by.is_empty()).then(|| format!(" (by {})", human_date(&a.by)))}</li>
                                }).collect_view()}</ul>
                            })}
                            <div class="app-button-group app-no-print">
                                <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                                    draft.set(edit.clone());
                                    crate::ui::nav::focus_fragment("entry-form-title");
                                }>"Change"</button>
                                <button type="button" class="app-button app-button--warning" on:click=move |_| {
                                    let id = remove.clone();
                                    store.snapshot.update(|s| s.data.notebook.retain(|e| e.id != id));
                                    status.set("Entry deleted.".into());
                                }>"Delete"</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <Show when=move || { count() > 0 && shown().is_empty() }>
                <p>"No entries match your search."</p>
            </Show>
        </section>
        <section class="app-no-print" aria-labelledby="free-notes-title">
            <h2 class="app-heading-m" id="free-notes-title">"Free notes"</h2>
            <TextArea id="notes".to_owned() label="Anything else you want to write down".to_owned() hint="Harbour saves every change on this phone as you type.".to_owned() value=notes
                on_input=Callback::new(move |v: String| store.snapshot.update(|s| s.data.notes = v)) rows=8/>
        </section>
    }
}
