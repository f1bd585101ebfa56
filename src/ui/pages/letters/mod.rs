//! Letters she can send: her details typed once, each letter filled from them with gaps
//! left visible, the law it rests on, when a reply is due (into her key dates), what not to
//! write, and print, copy or share. Harbour never sends anything.

pub mod meetings;

use crate::adapters::browser;
use crate::domain::letters::dates::{reply_due, Date};
use crate::domain::letters::{
    build, ChildDetail, Draft, Input, Kind, Letter, Piece, DETAIL_FIELDS,
};
use crate::domain::nation::Nation;
use crate::domain::notebook::{DateKind, KeyDate};
use crate::ui::components::form::{TextArea, TextInput};
use crate::ui::components::page::{use_page_title, BackLink};
use crate::ui::nav::href;
use crate::ui::store::{use_store, Store};
use leptos::prelude::*;

/// The list of letters.
#[component]
pub fn LettersPage() -> impl IntoView {
    use_page_title(|| "Letters".to_owned());
    let items = Kind::ALL
        .into_iter()
        .map(|kind| {
            view! { <li><a href=href(&format!("/letters/{}", kind.id()))>{kind.title()}</a></li> }
        })
        .collect_view();
    view! {
        <BackLink to="/"/>
        <h1 class="app-heading-xl">"Letters"</h1>
        <p class="app-body">"Letters and emails you may want to send. Each one fills in your details, which you type once. You check them, print, copy or share the letter yourself. Harbour never sends anything."</p>
        <p class="app-body">"Keep a copy of every letter you send and every reply. Write down the date you sent it."</p>
        <ul class="app-link-list">{items}</ul>
        <div class="app-notice">
            <h2 class="app-notice__title">"This is not legal advice"</h2>
            <p>"If there is a court case about your children, or a letter about pre-proceedings, talk to a family solicitor before you send anything."</p>
        </div>
    }
}

/// Where she lives, or None if she has not said.
fn nation(store: Store) -> Option<Nation> {
    store.snapshot.with(|s| s.data.nation.nation())
}

/// The draft for a kind, or an empty one.
fn draft_of(store: Store, kind: Kind) -> Draft {
    store.snapshot.with(|s| {
        s.data
            .letters
            .drafts
            .iter()
            .find(|d| d.id == kind.id())
            .cloned()
            .unwrap_or_else(|| Draft {
                id: kind.id().to_owned(),
                ..Draft::default()
            })
    })
}

/// Changes the draft for a kind, adding it if it is new.
fn update_draft(store: Store, kind: Kind, change: impl FnOnce(&mut Draft)) {
    store.snapshot.update(|s| {
        let drafts = &mut s.data.letters.drafts;
        let index = match drafts.iter().position(|d| d.id == kind.id()) {
            Some(i) => i,
            None => {
                drafts.push(Draft {
                    id: kind.id().to_owned(),
                    ..Draft::default()
                });
                drafts.len() - 1
            }
        };
        change(&mut drafts[index]);
    });
}

/// The id of the key date that holds a letter's reply date.
fn reply_date_id(kind: Kind) -> String {
    format!("reply-{}", kind.id())
}

/// Puts the reply date in her key dates (or takes it out when there is none).
fn sync_reply_date(store: Store, kind: Kind, due: Option<Date>) {
    let id = reply_date_id(kind);
    store.snapshot.update(|s| {
        let dates = &mut s.data.dates;
        match due {
            Some(due) => {
                let entry = KeyDate {
                    id: id.clone(),
                    kind: DateKind::ReplyDue,
                    title: format!("Reply due: {}", kind.neutral_title().to_lowercase()),
                    date: due.iso(),
                    ..KeyDate::default()
                };
                match dates.iter_mut().find(|d| d.id == id) {
                    Some(existing) => {
                        existing.date = entry.date;
                        existing.title = entry.title;
                    }
                    None => dates.push(entry),
                }
            }
            None => dates.retain(|d| d.id != id),
        }
    });
}

/// One letter.
#[component]
pub fn LetterPage(kind: String) -> impl IntoView {
    let Some(kind) = Kind::from_id(&kind) else {
        use_page_title(|| "Page not found".to_owned());
        return view! {
            <h1 class="app-heading-xl">"Page not found"</h1>
            <p><a href=href("/letters")>"All letters"</a></p>
        }
        .into_any();
    };
    use_page_title(move || kind.title().to_owned());
    let store = use_store();
    let letter = Memo::new(move |_| {
        let draft = draft_of(store, kind);
        let details = store.snapshot.with(|s| s.data.letters.details.clone());
        build(kind, &details, &draft, nation(store))
    });
    let basis = move || kind.basis(nation(store));
    let detail_inputs = kind
        .details_used()
        .iter()
        .map(|id| {
            let id = *id;
            let label = DETAIL_FIELDS
                .iter()
                .find(|(f, _)| *f == id)
                .map_or("", |(_, l)| l);
            let value = Signal::derive(move || {
                store
                    .snapshot
                    .with(|s| s.data.letters.details.get(id).to_owned())
            });
            let set = Callback::new(move |v: String| {
                store.snapshot.update(|s| s.data.letters.details.set(id, v))
            });
            let field_id = format!("detail-{id}");
            if id == "address" {
                view! { <TextArea id=field_id label=label.to_owned() value on_input=set rows=3/> }
                    .into_any()
            } else {
                let kind = match id {
                    "born" => "date",
                    "email" => "email",
                    "phone" => "tel",
                    _ => "text",
                };
                view! { <TextInput id=field_id label=label.to_owned() value on_input=set kind/> }
                    .into_any()
            }
        })
        .collect_view();
    let own_inputs = kind
        .fields()
        .iter()
        .map(|(id, label, input)| {
            let (id, label, input) = (*id, *label, *input);
            let value = Signal::derive(move || {
                draft_of(store, kind).get(id).to_owned()
            });
            let set = Callback::new(move |v: String| {
                update_draft(store, kind, |d| d.set(id, v))
            });
            let field_id = format!("field-{id}");
            match input {
                Input::Long => view! { <TextArea id=field_id label=label.to_owned() value on_input=set rows=5/> }.into_any(),
                Input::Date => view! { <TextInput id=field_id label=label.to_owned() value on_input=set kind="date"/> }.into_any(),
                Input::Text => view! { <TextInput id=field_id label=label.to_owned() value on_input=set/> }.into_any(),
                Input::YesNo => view! {
                    <div class="app-form-group">
                        <div class="app-choice">
                            <input class="app-choice__input" type="checkbox" id=field_id.clone()
                                prop:checked=move || value.get() == "yes"
                                on:change:target=move |ev| set.run(if ev.target().checked() { "yes".to_owned() } else { String::new() })/>
                            <label class="app-choice__label" for=field_id>{label}</label>
                        </div>
                    </div>
                }.into_any(),
            }
        })
        .collect_view();
    let sent = Signal::derive(move || draft_of(store, kind).sent);
    let set_sent = Callback::new(move |v: String| {
        update_draft(store, kind, |d| d.sent = v.clone());
        if kind.has_due_date() {
            let nation = nation(store).unwrap_or(Nation::England);
            sync_reply_date(
                store,
                kind,
                Date::parse(&v).map(|d| reply_due(d, nation).due),
            );
        }
    });
    let do_not = kind
        .do_not_write()
        .iter()
        .map(|line| view! { <li>{*line}</li> })
        .collect_view();
    view! {
        <div class="app-no-print">
            <BackLink to="/letters" text="All letters"/>
            <h1 class="app-heading-xl">{kind.title()}</h1>
            <div class="app-inset" id="letter-basis">
                <p>{move || basis().text}</p>
                {move || basis().link.map(|(name, url)| view! {
                    <p><a href=url rel="noreferrer" target="_blank">{name}<span class="app-visually-hidden">" (opens in a new tab)"</span></a></p>
                })}
            </div>
            <h2 class="app-heading-m">"What not to write"</h2>
            <ul id="letter-do-not">{do_not}</ul>
            <h2 class="app-heading-m">"Check your details"</h2>
            <p class="app-body">"These fill in the letter. Change anything that is wrong. They are kept for your other letters too."</p>
            {detail_inputs}
            {kind.uses_children().then(|| view! { <ChildrenFields/> })}
            {(!kind.fields().is_empty()).then(|| view! { <h2 class="app-heading-m">"For this letter"</h2> })}
            {own_inputs}
            <TextInput id="letter-sent".to_owned() label="The date you send it".to_owned() value=sent on_input=set_sent kind="date"
                hint="If you post it, use the date it will arrive.".to_owned()/>
            {kind.has_due_date().then(|| view! { <DueDate sent/> })}
            <h2 class="app-heading-m">"Your letter"</h2>
        </div>
        <LetterDocument letter/>
        <LetterActions kind letter/>
    }
    .into_any()
}

/// Her children's names and dates of birth, shared by every letter.
#[component]
fn ChildrenFields() -> impl IntoView {
    let store = use_store();
    let ids = Memo::new(move |_| {
        store.snapshot.with(|s| {
            s.data
                .letters
                .details
                .children
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let child = move |id: &str, get: fn(&ChildDetail) -> String| {
        store.snapshot.with(|s| {
            s.data
                .letters
                .details
                .children
                .iter()
                .find(|c| c.id == id)
                .map(get)
                .unwrap_or_default()
        })
    };
    let change = move |id: String, set: fn(&mut ChildDetail, String), v: String| {
        store.snapshot.update(|s| {
            if let Some(c) = s
                .data
                .letters
                .details
                .children
                .iter_mut()
                .find(|c| c.id == id)
            {
                set(c, v);
            }
        })
    };
    view! {
        <h3 class="app-heading-s">"Your children"</h3>
        <For each=move || ids.get().into_iter().enumerate() key=|(_, id)| id.clone() let:item>
            {
                let (n, id) = item;
                let (a, b, c) = (id.clone(), id.clone(), id.clone());
                let (d, e) = (id.clone(), id.clone());
                view! {
                    <fieldset class="app-fieldset app-item">
                        <legend class="app-fieldset__legend">{format!("Child {}", n + 1)}</legend>
                        <TextInput id=format!("child-name-{id}") label="Name".to_owned()
                            value=Signal::derive(move || child(&a, |c| c.name.clone()))
                            on_input=Callback::new(move |v| change(b.clone(), |c, v| c.name = v, v))/>
                        <TextInput id=format!("child-born-{id}") label="Date of birth".to_owned() kind="date"
                            value=Signal::derive(move || child(&c, |c| c.born.clone()))
                            on_input=Callback::new(move |v| change(d.clone(), |c, v| c.born = v, v))/>
                        <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                            let id = e.clone();
                            store.snapshot.update(|s| s.data.letters.details.children.retain(|c| c.id != id));
                        }>{format!("Remove child {}", n + 1)}</button>
                    </fieldset>
                }
            }
        </For>
        <button type="button" class="app-button app-button--secondary" on:click=move |_| {
            store.snapshot.update(|s| s.data.letters.details.children.push(ChildDetail {
                id: browser::new_id(),
                ..ChildDetail::default()
            }));
        }>"Add a child"</button>
    }
}

/// When a reply is due, once she has said when she sends it.
#[component]
fn DueDate(sent: Signal<String>) -> impl IntoView {
    let store = use_store();
    let due = move || {
        let sent = Date::parse(&sent.get())?;
        let named = nation(store);
        Some((reply_due(sent, named.unwrap_or(Nation::England)), named))
    };
    view! {
        <div class="app-inset" id="letter-due" aria-live="polite">
            {move || match due() {
                None => view! {
                    <p>"They have one calendar month to reply. Enter the date you send it, and Harbour works out the date and adds it to your key dates."</p>
                }.into_any(),
                Some((d, named)) => view! {
                    <p><strong>{format!("A reply is due by {}.", d.due.long())}</strong></p>
                    {(!d.moved.is_empty()).then(|| view! {
                        <p>{format!("That is later than the same date next month because {}.", d.moved.join(", and "))}</p>
                    })}
                    <p>{format!("If they say your request is complex, they can take two more months, until {}. They must tell you why before {}.", d.extended.long(), d.due.long())}</p>
                    <p>"The month can also stop while they wait for proof of who you are, or for something they asked you to explain."</p>
                    {named.is_none().then(|| view! {
                        <p>"This uses bank holidays in England and Wales. "<a href=href("/settings")>"Say where you live"</a>" to use your nation's."</p>
                    })}
                    {(!d.holidays_known).then(|| view! {
                        <p>"Harbour knows bank holidays for 2026 and 2027 only. Check this date against the bank holidays where you live."</p>
                    })}
                    <p>"This date is in your "<a href=href("/dates")>"key dates"</a>"."</p>
                }.into_any(),
            }}
        </div>
    }
}

/// The letter as a document: real text, read in order, with gaps marked.
#[component]
fn LetterDocument(letter: Memo<Letter>) -> impl IntoView {
    let paragraphs = move || {
        letter
            .get()
            .paragraphs
            .into_iter()
            .map(|p| {
                let lines = p
                    .into_iter()
                    .enumerate()
                    .map(|(i, line)| {
                        let pieces = line
                            .into_iter()
                            .map(|piece| match piece {
                                Piece::Text(t) => view! { <span>{t}</span> }.into_any(),
                                Piece::Gap(label) => view! {
                                    <mark class="app-gap">{format!("[{label}]")}</mark>
                                }
                                .into_any(),
                            })
                            .collect_view();
                        view! { {(i > 0).then(|| view! { <br/> })}{pieces} }
                    })
                    .collect_view();
                view! { <p class="app-letter__para">{lines}</p> }
            })
            .collect_view()
    };
    view! {
        <div class="app-document app-letter" id="letter-text" role="region" aria-label="Your letter">
            {paragraphs}
        </div>
    }
}

/// Print, copy and share, with a warning before printing a letter with gaps.
#[component]
fn LetterActions(kind: Kind, letter: Memo<Letter>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let confirm = RwSignal::new(false);
    let gaps = Memo::new(move |_| letter.with(Letter::gaps));
    let print = move |_| {
        if gaps.with(Vec::is_empty) {
            confirm.set(false);
            browser::print();
        } else {
            confirm.set(true);
        }
    };
    let copy = move |_| {
        let text = letter.with_untracked(Letter::plain);
        leptos::task::spawn_local(async move {
            status.set(match browser::copy_text(&text).await {
                Ok(()) => "Copied. Paste it into an email or a document.".to_owned(),
                Err(_) => {
                    "Your browser did not let Harbour copy. Select the letter and copy it instead."
                        .to_owned()
                }
            });
        });
    };
    let share = move |_| {
        let text = letter.with_untracked(Letter::plain);
        leptos::task::spawn_local(async move {
            if browser::share_text(kind.neutral_title(), &text)
                .await
                .is_err()
            {
                status.set("Not shared.".to_owned());
            }
        });
    };
    view! {
        <div class="app-no-print">
            <Show when=move || !gaps.with(Vec::is_empty)>
                <p class="app-body" id="letter-gaps">{move || format!(
                    "Still to fill in: {}. Gaps are marked in the letter.",
                    gaps.get().join("; ")
                )}</p>
            </Show>
            <Show when=move || confirm.get()>
                <div class="app-notice app-notice--warning" role="alert">
                    <h2 class="app-notice__title">"This letter still has gaps"</h2>
                    <p>{move || format!("Still to fill in: {}.", gaps.get().join("; "))}</p>
                    <p>"Fill them in above, or print it and write them in by hand."</p>
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                        confirm.set(false);
                        browser::print();
                    }>"Print anyway"</button>
                </div>
            </Show>
            <p class="app-status" role="status">{move || status.get()}</p>
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=print>"Print or save as PDF"</button>
                <button type="button" class="app-button app-button--secondary" on:click=copy>"Copy the text"</button>
                {browser::can_share().then(|| view! {
                    <button type="button" class="app-button app-button--secondary" on:click=share>"Share"</button>
                })}
            </div>
            <p class="app-body">"Keep a copy of this letter and of every reply."</p>
        </div>
    }
}
