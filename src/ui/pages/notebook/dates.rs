//! Key dates: entered once, shown as coming up on the front page, each savable to her
//! calendar as a file she chooses to download.

use crate::adapters::browser;
use crate::content::human_date;
use crate::domain::notebook::{
    ics, ics_filename, upcoming_then_past, validate_date, DateKind, KeyDate,
};
use crate::ui::components::form::{error_for, ErrorSummary, TextArea, TextInput};
use crate::ui::components::kept::{ClearForm, Kept};
use crate::ui::components::page::use_page_title;
use crate::ui::store::use_store;
use leptos::prelude::*;

/// How a date reads in a list.
pub fn describe(d: &KeyDate) -> String {
    let what = if d.title.trim().is_empty() {
        d.kind.label().to_owned()
    } else {
        d.title.trim().to_owned()
    };
    let time = if d.time.is_empty() {
        String::new()
    } else {
        format!(" at {}", d.time)
    };
    format!("{what}: {}{time}", human_date(&d.date))
}

#[component]
fn DateItem(date: KeyDate) -> impl IntoView {
    let store = use_store();
    let (file_date, remove) = (date.clone(), date.id.clone());
    view! {
        <li class="app-item">
            <h3 class="app-heading-s">{describe(&date)}</h3>
            {(!date.place.is_empty()).then(|| view! { <p>{date.place.clone()}</p> })}
            {(!date.notes.is_empty()).then(|| view! { <p class="app-summary-list__value">{date.notes.clone()}</p> })}
            <div class="app-button-group">
                <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                    let text = ics(&file_date, "calendar.invalid", &browser::now_ics_stamp());
                    let _ = browser::download(&ics_filename(&file_date), "text/calendar", &text);
                }>"Save to my calendar"</button>
                <button type="button" class="app-button app-button--warning" on:click=move |_| {
                    let id = remove.clone();
                    store.snapshot.update(|s| s.data.dates.retain(|d| d.id != id));
                }>"Delete"</button>
            </div>
        </li>
    }
}

#[component]
pub fn DatesPage() -> impl IntoView {
    use_page_title(|| "Key dates".to_owned());
    let store = use_store();
    let today = browser::today();
    let blank = || KeyDate {
        kind: DateKind::BailReturn,
        ..KeyDate::default()
    };
    // The date being added, kept in her data as she types.
    let draft = Kept::new(blank(), |d| d.date.clone(), |d, v| d.date = v);
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let status = RwSignal::new(String::new());
    let field = |get: fn(&KeyDate) -> &String, set: fn(&mut KeyDate, String)| {
        (
            Signal::derive(move || draft.with(|d| get(d).clone())),
            Callback::new(move |v: String| draft.update(|d| set(d, v))),
        )
    };
    let (title, set_title) = field(|d| &d.title, |d, v| d.title = v);
    let (date, set_date) = field(|d| &d.date, |d, v| d.date = v);
    let (time, set_time) = field(|d| &d.time, |d, v| d.time = v);
    let (place, set_place) = field(|d| &d.place, |d, v| d.place = v);
    let (notes, set_notes) = field(|d| &d.notes, |d, v| d.notes = v);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut d = draft.get_untracked();
        let found = validate_date(&d);
        errors.set(found.into_iter().map(|e| (e.field, e.message)).collect());
        if errors.with_untracked(Vec::is_empty) {
            d.id = browser::new_id();
            status.set(format!("Added: {}", describe(&d)));
            store.snapshot.update(|s| s.data.dates.push(d));
            draft.clear(blank());
        }
    };
    let lists = Memo::new(move |_| {
        store.snapshot.with(|s| {
            let (future, past) = upcoming_then_past(&s.data.dates, &today);
            (
                future.into_iter().cloned().collect::<Vec<_>>(),
                past.into_iter().cloned().collect::<Vec<_>>(),
            )
        })
    });
    view! {
        <h1 class="app-heading-l">"Key dates"</h1>
        <p class="app-lead">"Keep the dates that matter in one place: bail return, court, conferences, core groups and plan reviews. The next ones show on Harbour's front page."</p>
        <p class="app-status" role="status">{move || status.get()}</p>
        <h2 class="app-heading-m">"Coming up"</h2>
        <Show when=move || !lists.get().0.is_empty() fallback=|| view! { <p>"No dates coming up."</p> }>
            <ul class="app-contacts">{move || lists.get().0.into_iter().map(|d| view! { <DateItem date=d/> }).collect_view()}</ul>
        </Show>
        <p class="app-hint">"“Save to my calendar” downloads a small calendar file. Opening it adds the date to your phone's calendar, where other people who use your phone may see it. It is called “Appointment” unless you give it a name, and does not say what it is for."</p>
        <h2 class="app-heading-m">"Add a date"</h2>
        <ErrorSummary errors=errors/>
        <form on:submit=add novalidate>
            <div class="app-form-group">
                <label class="app-label" for="date-kind">"What is it?"</label>
                <select class="app-select" id="date-kind" on:change:target=move |ev| {
                    if let Some(kind) = DateKind::from_id(&ev.target().value()) { draft.update(|d| d.kind = kind) }
                }>
                    {DateKind::ALL.iter().map(|&kind| view! { <option value=kind.id() selected=move || draft.with(|d| d.kind == kind)>{kind.label()}</option> }).collect_view()}
                </select>
            </div>
            <TextInput id="date-title".to_owned() label="A name for it (optional)".to_owned() value=title on_input=set_title error=error_for(errors, "date-title".to_owned())/>
            <TextInput id="date-date".to_owned() label="Date".to_owned() kind="date" width="app-input--date" value=date on_input=set_date error=error_for(errors, "date-date".to_owned())/>
            <TextInput id="date-time".to_owned() label="Time (optional)".to_owned() kind="time" width="app-input--date" value=time on_input=set_time error=error_for(errors, "date-time".to_owned())/>
            <TextInput id="date-place".to_owned() label="Where (optional)".to_owned() value=place on_input=set_place error=error_for(errors, "date-place".to_owned())/>
            <TextArea id="date-notes".to_owned() label="Notes (optional)".to_owned() value=notes on_input=set_notes error=error_for(errors, "date-notes".to_owned()) rows=2/>
            <div class="app-button-group">
                <button type="submit" id="add-date" class="app-button">"Add date"</button>
                <ClearForm id="discard-date".to_owned() shown=move || draft.is_kept()
                    on_clear=Callback::new(move |()| {
                        draft.clear(blank());
                        status.set("Date cleared.".into());
                    })/>
            </div>
        </form>
        <Show when=move || !lists.get().1.is_empty()>
            <h2 class="app-heading-m">"Past dates"</h2>
            <ul class="app-contacts">{move || lists.get().1.into_iter().map(|d| view! { <DateItem date=d/> }).collect_view()}</ul>
        </Show>
    }
}
