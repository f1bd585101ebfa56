//! The choosable parts of a child's plan: example phrases and questions for the age band,
//! each editable once ticked, and questions she adds herself.

use super::{edit_child, read_child};
use crate::adapters::browser::new_id;
use crate::content::Band;
use crate::domain::child_plan::{fill, PlannedAnswer};
use crate::ui::components::form::{error_for, TextArea, TextInput};
use crate::ui::store::use_store;
use leptos::prelude::*;

type Errors = RwSignal<Vec<(String, String)>>;

/// Example phrases for the age band: tick, then put in her own words.
#[component]
pub fn Phrases(id: String, band: &'static Band, errors: Errors) -> impl IntoView {
    let store = use_store();
    let calls_him = {
        let id = id.clone();
        move || read_child(store, &id, |c| c.body.calls_him.clone()).unwrap_or_default()
    };
    view! {
        <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend"><h2 class="app-heading-m">"Words you could use"</h2></legend>
            <span class="app-hint">"Tick the ones that feel right, then change the words so they sound like you."</span>
            {band.phrases.iter().enumerate().map(|(i, phrase)| {
                let (a, b, c, d) = (id.clone(), id.clone(), id.clone(), id.clone());
                let calls = calls_him.clone();
                let on = move || read_child(store, &a, |x| x.body.has_phrase(i)).unwrap_or(false);
                let input_id = format!("use-phrase-{i}");
                let from = i.to_string();
                let from_read = from.clone();
                let field = Signal::derive(move || read_child(store, &c, |x| x.body.phrases.iter().find(|p| p.from == from_read).map(|p| format!("phrase-{}", p.id))).flatten().unwrap_or_default());
                view! {
                    <div class="app-rule">
                        <div class="app-choice">
                            <input class="app-choice__input" type="checkbox" id=input_id.clone() prop:checked=on.clone()
                                on:change:target=move |ev| {
                                    let checked = ev.target().checked();
                                    edit_child(store, &b, |p| p.toggle_phrase(i, phrase.text, checked, new_id()));
                                }/>
                            <label class="app-choice__label" for=input_id>{move || fill(phrase.text, &calls())}</label>
                        </div>
                        <Show when=on.clone()>
                            {
                                let (read_id, write_id, from_r, from_w) = (d.clone(), d.clone(), from.clone(), from.clone());
                                view! {
                                    <div class="app-rule__edit">
                                        <TextArea
                                            id=field.get_untracked()
                                            label="In your words".to_owned()
                                            plain_label=true
                                            rows=2
                                            value=Signal::derive(move || read_child(store, &read_id, |x| x.body.phrases.iter().find(|p| p.from == from_r).map(|p| p.text.clone())).flatten().unwrap_or_default())
                                            on_input=Callback::new(move |v: String| { let f = from_w.clone(); edit_child(store, &write_id, move |p| if let Some(x) = p.phrases.iter_mut().find(|x| x.from == f) { x.text = v; }) })
                                            error=Signal::derive(move || { let f = field.get(); errors.with(|e| e.iter().find(|(k, _)| *k == f).map(|(_, m)| m.clone())) })
                                        />
                                    </div>
                                }
                            }
                        </Show>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// Questions children of this age often ask, with suggested answers to adapt.
#[component]
pub fn SuggestedQuestions(id: String, band: &'static Band) -> impl IntoView {
    let store = use_store();
    view! {
        <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend"><h2 class="app-heading-m">"Questions children this age often ask"</h2></legend>
            <span class="app-hint">"Tick the ones you want to be ready for. Each comes with a suggested answer you can change."</span>
            {band.questions.iter().enumerate().map(|(i, q)| {
                let (a, b, c, d) = (id.clone(), id.clone(), id.clone(), id.clone());
                let on = move || read_child(store, &a, |x| x.body.has_question(i)).unwrap_or(false);
                let label = move || read_child(store, &c, |x| fill(q.ask, &x.body.calls_him)).unwrap_or_default();
                let input_id = format!("use-question-{i}");
                let from = i.to_string();
                view! {
                    <div class="app-rule">
                        <div class="app-choice">
                            <input class="app-choice__input" type="checkbox" id=input_id.clone() prop:checked=on.clone()
                                on:change:target=move |ev| {
                                    let checked = ev.target().checked();
                                    edit_child(store, &b, |p| p.toggle_question(i, q.ask, q.answer, checked, new_id()));
                                }/>
                            <label class="app-choice__label" for=input_id>{label}</label>
                        </div>
                        <Show when=on.clone()>
                            {
                                let (read_id, write_id, from_r, from_w) = (d.clone(), d.clone(), from.clone(), from.clone());
                                view! {
                                    <div class="app-rule__edit">
                                        <TextArea
                                            id=format!("answer-{i}")
                                            label="Your answer".to_owned()
                                            plain_label=true
                                            rows=3
                                            value=Signal::derive(move || read_child(store, &read_id, |x| x.body.questions.iter().find(|p| p.from == from_r).map(|p| p.answer.clone())).flatten().unwrap_or_default())
                                            on_input=Callback::new(move |v: String| { let f = from_w.clone(); edit_child(store, &write_id, move |p| if let Some(x) = p.questions.iter_mut().find(|x| x.from == f) { x.answer = v; }) })
                                        />
                                    </div>
                                }
                            }
                        </Show>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// Questions she adds herself.
#[component]
pub fn OwnQuestions(id: String, errors: Errors) -> impl IntoView {
    let store = use_store();
    let list_id = id.clone();
    let ids = move || {
        read_child(store, &list_id, |c| {
            c.body
                .questions
                .iter()
                .filter(|q| q.from.is_empty())
                .map(|q| q.id.clone())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    let add_id = id.clone();
    view! {
        <h2 class="app-heading-m">"Other questions you expect"</h2>
        <For each=ids key=|q| q.clone() let:q>
            {
                let (c1, c2, c3, c4, c5) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                let (q1, q2, q3, q4, q5) = (q.clone(), q.clone(), q.clone(), q.clone(), q.clone());
                view! {
                    <div class="app-item">
                        <TextInput id=format!("ask-{q}") label="The question".to_owned()
                            value=Signal::derive(move || read_child(store, &c1, |c| c.body.questions.iter().find(|x| x.id == q1).map(|x| x.ask.clone())).flatten().unwrap_or_default())
                            on_input=Callback::new(move |v: String| { let q2 = q2.clone(); edit_child(store, &c2, move |p| if let Some(x) = p.questions.iter_mut().find(|x| x.id == q2) { x.ask = v; }) })
                            error=error_for(errors, format!("ask-{q}"))/>
                        <TextArea id=format!("own-answer-{q}") label="Your answer".to_owned() rows=3
                            value=Signal::derive(move || read_child(store, &c3, |c| c.body.questions.iter().find(|x| x.id == q3).map(|x| x.answer.clone())).flatten().unwrap_or_default())
                            on_input=Callback::new(move |v: String| { let q4 = q4.clone(); edit_child(store, &c4, move |p| if let Some(x) = p.questions.iter_mut().find(|x| x.id == q4) { x.answer = v; }) })/>
                        <button type="button" class="app-button app-button--secondary" on:click=move |_| { let q5 = q5.clone(); edit_child(store, &c5, move |p| p.questions.retain(|x| x.id != q5)) }>"Remove this question"</button>
                    </div>
                }
            }
        </For>
        <button type="button" id="add-question" class="app-button app-button--secondary" on:click=move |_| {
            edit_child(store, &add_id, |p| p.questions.push(PlannedAnswer { id: new_id(), ..PlannedAnswer::default() }));
        }>"Add a question"</button>
    }
}
