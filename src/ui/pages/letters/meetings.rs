//! "Prepare for a meeting": one card per kind of meeting for where she lives, with her
//! questions (tick, change, add), and a "what was decided" note into her notebook; and her
//! statement, "What I want the meeting to know", which prints on one page.

use crate::adapters::browser;
use crate::content::{self, source_dates};
use crate::domain::drafts::{DraftKey, ShortFields};
use crate::domain::letters::meetings::{
    case_warning, decision_entry, local_procedures, meetings_for, Meeting, STATEMENT_PROMPTS,
};
use crate::domain::nation::Nation;
use crate::ui::components::form::{TextArea, TextInput};
use crate::ui::components::kept::{ClearForm, Kept};
use crate::ui::components::page::{use_page_title, BackLink};
use crate::ui::nav::href;
use crate::ui::store::{use_store, Store};
use leptos::prelude::*;

fn nation(store: Store) -> Option<Nation> {
    store.snapshot.with(|s| s.data.nation.nation())
}

/// The list of meetings for her nation.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    use_page_title(|| "Prepare for a meeting".to_owned());
    let store = use_store();
    let named = nation(store);
    let showing = match named {
        Some(n) => view! {
            <p class="app-body" id="meetings-nation">"Showing the meetings in " {n.name()} ". "
                <a href=href("/settings#nation")>"Change"<span class="app-visually-hidden">" where you live"</span></a></p>
        }
        .into_any(),
        None => view! {
            <p class="app-body" id="meetings-nation">"You have not said where you live, so this shows England and Wales. "
                <a href=href("/settings#nation")>"Choose where you live"</a></p>
        }
        .into_any(),
    };
    let cards = meetings_for(named)
        .into_iter()
        .map(|m| view! { <MeetingCard meeting=m/> })
        .collect_view();
    view! {
        <BackLink to="/"/>
        <h1 class="app-heading-xl">"Prepare for a meeting"</h1>
        <p class="app-body">"Decisions about your children are made in meetings, often at a few days' notice. For each one: what it is for, who is there, when it usually happens, what you can ask for, and your questions."</p>
        {showing}
        <p class="app-body"><a href=href("/meetings/statement")>"What I want the meeting to know: write your statement"</a></p>
        <div class="app-inset" id="meetings-local"><p>{local_procedures(named)}</p></div>
        {cards}
    }
}

/// One meeting: facts, her questions, and a note of what was decided.
#[component]
fn MeetingCard(meeting: &'static Meeting) -> impl IntoView {
    let store = use_store();
    let mid = meeting.id;
    let list = |items: &'static [&'static str]| {
        items
            .iter()
            .map(|line| view! { <li>{*line}</li> })
            .collect_view()
    };
    let sources = meeting
        .sources
        .iter()
        .filter_map(|key| content::source(key))
        .map(|s| {
            view! { <li><a href=s.url rel="noreferrer">{s.title}</a><span class="app-meta">" ("{source_dates(s)}")"</span></li> }
        })
        .collect_view();
    let ticked = move |qid: &'static str| {
        store
            .snapshot
            .with(|s| s.data.letters.prep(mid).ticked.iter().any(|t| t == qid))
    };
    let questions = meeting
        .questions
        .iter()
        .map(|(qid, text)| {
            let (qid, text) = (*qid, *text);
            let box_id = format!("q-{mid}-{qid}");
            view! {
                <li class="app-choice">
                    <input class="app-choice__input" type="checkbox" id=box_id.clone()
                        prop:checked=move || ticked(qid)
                        on:change:target=move |ev| {
                            let on = ev.target().checked();
                            store.snapshot.update(|s| s.data.letters.prep_mut(mid).set_ticked(qid, on));
                        }/>
                    <label class="app-choice__label" for=box_id>{text}</label>
                    <button type="button" class="app-button app-button--secondary app-button--small" on:click=move |_| {
                        store.snapshot.update(|s| {
                            let prep = s.data.letters.prep_mut(mid);
                            prep.set_ticked(qid, false);
                            prep.own.push(text.to_owned());
                        });
                    }>"Change"<span class="app-visually-hidden">{format!(": {text}")}</span></button>
                </li>
            }
        })
        .collect_view();
    let own_count = Memo::new(move |_| store.snapshot.with(|s| s.data.letters.prep(mid).own.len()));
    // "What was decided", kept in her data (under this meeting) as she types.
    let blank = || ShortFields {
        date: browser::today(),
        ..ShortFields::default()
    };
    let form = Kept::short(DraftKey::decision(mid), blank());
    let status = RwSignal::new(String::new());
    let add_note = move |_| {
        let ShortFields { text, date, .. } = form.get_untracked();
        if text.trim().is_empty() {
            status.set("Write what was decided first.".to_owned());
            return;
        }
        let entry = decision_entry(browser::new_id(), meeting, &date, &text);
        store.snapshot.update(|s| s.data.notebook.push(entry));
        form.clear(blank());
        status.set("Added to your notebook.".to_owned());
    };
    view! {
        <section class="app-card app-meeting" id=format!("meeting-{mid}") aria-labelledby=format!("meeting-{mid}-h")>
            <h2 class="app-heading-l" id=format!("meeting-{mid}-h")>{meeting.name}</h2>
            <h3 class="app-heading-s">"What it is for"</h3>
            <p class="app-body">{meeting.what}</p>
            <h3 class="app-heading-s">"Who is there"</h3>
            <p class="app-body">{meeting.who}</p>
            <h3 class="app-heading-s">"When"</h3>
            <p class="app-body">{meeting.when}</p>
            <h3 class="app-heading-s">"What you can ask for"</h3>
            <ul>{list(meeting.ask)}</ul>
            <h3 class="app-heading-s">"What to bring"</h3>
            <ul>{list(meeting.bring)}</ul>
            <h3 class="app-heading-s">"Your questions"</h3>
            <p class="app-body">"Tick the ones you want to ask. Change any of them, or add your own."</p>
            <ul class="app-questions">{questions}</ul>
            <For each=move || 0..own_count.get() key=|n| *n let:n>
                <div class="app-item">
                    <TextInput id=format!("own-{mid}-{n}") label=format!("Your question {}", n + 1)
                        value=Signal::derive(move || store.snapshot.with(|s| s.data.letters.prep(mid).own.get(n).cloned().unwrap_or_default()))
                        on_input=Callback::new(move |v: String| store.snapshot.update(|s| {
                            if let Some(q) = s.data.letters.prep_mut(mid).own.get_mut(n) { *q = v; }
                        }))/>
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                        store.snapshot.update(|s| {
                            let own = &mut s.data.letters.prep_mut(mid).own;
                            if n < own.len() { own.remove(n); }
                        });
                    }>{format!("Remove question {}", n + 1)}</button>
                </div>
            </For>
            <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                store.snapshot.update(|s| s.data.letters.prep_mut(mid).own.push(String::new()));
            }>"Add a question"<span class="app-visually-hidden">{format!(" for: {}", meeting.name)}</span></button>
            <h3 class="app-heading-s">"Afterwards: what was decided"</h3>
            <TextArea id=format!("decided-{mid}") label="What was decided".to_owned()
                value=Signal::derive(move || form.with(|f| f.text.clone())) on_input=Callback::new(move |v| form.update(|f| f.text = v)) rows=3/>
            <TextInput id=format!("decided-date-{mid}") label="The date of the meeting".to_owned() kind="date"
                value=Signal::derive(move || form.with(|f| f.date.clone())) on_input=Callback::new(move |v| form.update(|f| f.date = v))/>
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=add_note>"Add to my notebook"<span class="app-visually-hidden">{format!(": {}", meeting.name)}</span></button>
                <ClearForm id=format!("discard-decided-{mid}") shown=move || form.is_kept() context=meeting.name.to_string()
                    on_clear=Callback::new(move |()| {
                        form.clear(blank());
                        status.set("Cleared.".to_owned());
                    })/>
            </div>
            <p class="app-status" role="status">{move || status.get()}
                {move || (status.get() == "Added to your notebook.").then(|| view! { " "<a href=href("/notebook")>"Open your notebook"</a> })}</p>
            <h3 class="app-heading-s">"Where this comes from"</h3>
            <ul class="app-meta">{sources}</ul>
        </section>
    }
}

/// Her statement: guided prompts, a warning when she writes about the case, one A4 page.
#[component]
pub fn StatementPage() -> impl IntoView {
    use_page_title(|| "What I want the meeting to know".to_owned());
    let store = use_store();
    let get = move |id: &'static str| {
        store
            .snapshot
            .with(|s| s.data.letters.statement_get(id).to_owned())
    };
    let fields = STATEMENT_PROMPTS
        .iter()
        .map(|(id, label, hint)| {
            let id = *id;
            let warn = Memo::new(move |_| case_warning(&get(id)));
            view! {
                <TextArea id=format!("statement-{id}") label=(*label).to_owned() hint=(*hint).to_owned()
                    value=Signal::derive(move || get(id))
                    on_input=Callback::new(move |v: String| store.snapshot.update(|s| s.data.letters.statement_set(id, v)))
                    rows=4/>
                <Show when=move || warn.get().is_some()>
                    <div class="app-notice app-notice--warning" id=format!("statement-warning-{id}") role="status">
                        <p>{move || warn.get().unwrap_or_default()}</p>
                    </div>
                </Show>
            }
        })
        .collect_view();
    let name = move || store.snapshot.with(|s| s.data.letters.details.name.clone());
    let set_name =
        Callback::new(move |v: String| store.snapshot.update(|s| s.data.letters.details.name = v));
    let today = browser::today();
    let printed_date =
        crate::domain::letters::dates::Date::parse(&today).map_or(today.clone(), |d| d.long());
    let document = move || {
        STATEMENT_PROMPTS
            .iter()
            .filter_map(|(id, label, _)| {
                let text = get(id);
                (!text.trim().is_empty()).then(|| {
                    view! {
                        <h2 class="app-heading-s">{*label}</h2>
                        <p class="app-letter__para app-summary-list__value">{text}</p>
                    }
                })
            })
            .collect_view()
    };
    view! {
        <div class="app-no-print">
            <BackLink to="/meetings" text="Prepare for a meeting"/>
            <h1 class="app-heading-xl">"What I want the meeting to know"</h1>
            <p class="app-body">"A short statement in your own words. Write as much or as little as you like under each heading. It prints on one page to hand round or read out."</p>
            <div class="app-inset">
                <p>"Keep to your children and your family. The meeting is not about the police case, and what you write may be shared."</p>
            </div>
            <TextInput id="statement-name".to_owned() label="Your name".to_owned() value=Signal::derive(name) on_input=set_name/>
            {fields}
            <h2 class="app-heading-m">"Your statement"</h2>
        </div>
        <div class="app-document app-letter app-statement" id="statement-text" role="region" aria-label="Your statement">
            <h2 class="app-heading-m">"What I want the meeting to know"</h2>
            <p class="app-document__meta">{move || { let n = name(); if n.trim().is_empty() { "[your name]".to_owned() } else { n } }}" · "{printed_date}</p>
            {document}
        </div>
        <div class="app-no-print">
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=move |_| browser::print()>"Print or save as PDF"</button>
            </div>
            <p class="app-body">"Keep a copy. Take it with you to the meeting."</p>
        </div>
    }
}
