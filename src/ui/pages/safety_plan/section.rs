//! One section of the plan: why it matters, its own questions (for the household, where
//! things stand, contact and review), suggested rules to tick and edit, her own rules.

use super::questions::{ContactQuestions, HouseholdQuestions, ReviewQuestions, StandingQuestions};
use super::{edit, read, section_at};
use crate::adapters::browser::new_id;
use crate::content::{PlanSection, PLAN_SECTIONS};
use crate::domain::plan::{fill, validate, ChosenRule, Suggestion};
use crate::ui::components::form::{error_for, ErrorSummary, TextArea};
use crate::ui::components::page::{use_page_title, BackLink};
use crate::ui::components::sources::SourceList;
use crate::ui::nav::navigator;
use crate::ui::store::{use_store, Store};
use leptos::prelude::*;

type Errors = RwSignal<Vec<(String, String)>>;

fn text_of(
    store: Store,
    f: impl Fn(&crate::domain::plan::PlanBody) -> String + Send + Sync + 'static,
) -> Signal<String> {
    Signal::derive(move || read(store, &f))
}

#[component]
pub fn SectionPage(index: usize) -> impl IntoView {
    let section = section_at(index);
    use_page_title(move || section.title.to_owned());
    let store = use_store();
    let errors: Errors = RwSignal::new(Vec::new());
    let go = navigator();
    let back = if index == 0 {
        "/safety-plan/start".to_owned()
    } else {
        format!("/safety-plan/{}", PLAN_SECTIONS[index - 1].id)
    };
    let next = PLAN_SECTIONS.get(index + 1).map_or_else(
        || "/safety-plan/check".to_owned(),
        |s| format!("/safety-plan/{}", s.id),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = read(store, |p| validate::section(p, section.id));
        errors.set(found.into_iter().map(|e| (e.field, e.message)).collect());
        if errors.with_untracked(Vec::is_empty) {
            go(&next);
        }
    };
    view! {
        <BackLink to=back/>
        <ErrorSummary errors=errors/>
        <span class="app-caption">{format!("Section {} of {}", index + 1, PLAN_SECTIONS.len())}</span>
        <h1 class="app-heading-l">{section.title}</h1>
        <details class="app-details" open=index == 0>
            <summary class="app-details__summary">"Why this matters"</summary>
            <div class="app-details__text">
                <div class="app-prose" inner_html=section.why_html></div>
                <SourceList keys=section.sources prefix=format!("why-{}-src", section.id) heading="Where this comes from"/>
            </div>
        </details>
        <form on:submit=submit novalidate>
            {match section.id {
                "household" => view! { <HouseholdQuestions errors/> }.into_any(),
                "where-things-stand" => view! { <StandingQuestions errors/> }.into_any(),
                "contact" => view! { <ContactQuestions errors/> }.into_any(),
                "review" => view! { <ReviewQuestions errors/> }.into_any(),
                _ => ().into_any(),
            }}
            <SuggestedRules section errors/>
            <OwnRules section errors/>
            <TextArea
                id=format!("{}-notes", section.id)
                label="Anything else for this section (optional)".to_owned()
                value=text_of(store, move |p| p.section(section.id).map(|s| s.notes.clone()).unwrap_or_default())
                on_input=Callback::new(move |v| edit(store, |p| p.section_mut(section.id).notes = v))
                error=error_for(errors, format!("{}-notes", section.id))
                rows=3
            />
            <button type="submit" class="app-button">"Continue"</button>
        </form>
    }
}

/// The suggested rules for a section: tick to use, then change the words if she likes.
#[component]
fn SuggestedRules(section: &'static PlanSection, errors: Errors) -> impl IntoView {
    let store = use_store();
    if section.rules.is_empty() {
        return ().into_any();
    }
    let items = section
        .rules
        .iter()
        .map(|rule| {
            let suggestion = Suggestion { section: section.id, id: rule.id, text: rule.text, situations: rule.situations };
            let checkbox = format!("use-{}", rule.id);
            let rule_id = format!("suggested-{}", rule.id);
            let on = move || read(store, |p| p.has_suggestion(section.id, rule.id));
            let label = move || read(store, |p| fill(rule.text, &p.person));
            let field = format!("rule-{rule_id}");
            let value_id = rule_id.clone();
            let value = Signal::derive(move || {
                read(store, |p| p.section(section.id).and_then(|s| s.rules.iter().find(|r| r.id == value_id)).map(|r| r.text.clone()).unwrap_or_default())
            });
            let edit_id = rule_id.clone();
            view! {
                <div class="app-rule">
                    <div class="app-choice">
                        <input
                            class="app-choice__input"
                            type="checkbox"
                            id=checkbox.clone()
                            prop:checked=on
                            on:change:target=move |ev| {
                                let checked = ev.target().checked();
                                edit(store, |p| p.toggle_suggestion(&suggestion, checked));
                            }
                        />
                        <label class="app-choice__label" for=checkbox>{label}</label>
                    </div>
                    <Show when=on>
                        <div class="app-rule__edit">
                            <TextArea
                                id=field.clone()
                                label="In your words (optional)".to_owned()
                                plain_label=true
                                value=value
                                on_input=Callback::new({
                                    let edit_id = edit_id.clone();
                                    move |v: String| {
                                        let edit_id = edit_id.clone();
                                        edit(store, move |p| {
                                            if let Some(r) = p.section_mut(section.id).rules.iter_mut().find(|r| r.id == edit_id) {
                                                r.text = v;
                                            }
                                        })
                                    }
                                })
                                error=error_for(errors, field.clone())
                                rows=2
                            />
                        </div>
                    </Show>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend"><h2 class="app-heading-m">"Suggested rules"</h2></legend>
            <span class="app-hint">"Tick the rules that fit your family. You can change the words."</span>
            {items}
        </fieldset>
    }
    .into_any()
}

/// Rules she writes herself.
#[component]
fn OwnRules(section: &'static PlanSection, errors: Errors) -> impl IntoView {
    let store = use_store();
    let ids = move || {
        read(store, |p| {
            p.section(section.id)
                .map(|s| {
                    s.rules
                        .iter()
                        .filter(|r| r.from.is_empty())
                        .map(|r| r.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <h2 class="app-heading-m">"Your own rules"</h2>
        <For each=ids key=|id| id.clone() let:id>
            {
                let field = format!("rule-{id}");
                let (read_id, edit_id, remove_id) = (id.clone(), id.clone(), id.clone());
                view! {
                    <div class="app-item">
                        <TextArea
                            id=field.clone()
                            label="Your rule".to_owned()
                            value=Signal::derive(move || read(store, |p| p.section(section.id).and_then(|s| s.rules.iter().find(|r| r.id == read_id)).map(|r| r.text.clone()).unwrap_or_default()))
                            on_input=Callback::new(move |v: String| {
                                let edit_id = edit_id.clone();
                                edit(store, move |p| {
                                    if let Some(r) = p.section_mut(section.id).rules.iter_mut().find(|r| r.id == edit_id) {
                                        r.text = v;
                                    }
                                })
                            })
                            error=error_for(errors, field)
                            rows=2
                        />
                        <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                            let remove_id = remove_id.clone();
                            edit(store, move |p| p.section_mut(section.id).rules.retain(|r| r.id != remove_id));
                        }>"Remove this rule"</button>
                    </div>
                }
            }
        </For>
        <button type="button" id="add-rule" class="app-button app-button--secondary" on:click=move |_| {
            let id = new_id();
            edit(store, |p| p.section_mut(section.id).rules.push(ChosenRule { id, from: String::new(), text: String::new() }));
        }>"Add a rule of your own"</button>
    }
}
