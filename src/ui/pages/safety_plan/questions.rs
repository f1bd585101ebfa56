//! The plan's own questions in four sections: the household, where things stand, contact
//! and supervision, and review.

use super::{edit, read};
use crate::adapters::browser::new_id;
use crate::domain::plan::{
    Adult, CaseStatus, HouseholdChild, LivesAtHome, Supervisor, SupervisorAgreed,
};
use crate::ui::components::form::{choice_options, error_for, Radios, TextArea, TextInput};
use crate::ui::store::use_store;
use leptos::prelude::*;

type Errors = RwSignal<Vec<(String, String)>>;

#[component]
pub fn HouseholdQuestions(errors: Errors) -> impl IntoView {
    let store = use_store();
    let children = move || {
        read(store, |p| {
            p.household
                .children
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let adults = move || {
        read(store, |p| {
            p.household
                .adults
                .iter()
                .map(|a| a.id.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h2 class="app-heading-m">"Children"</h2>
        <p class="app-hint">"Use first names or initials. Full names are not needed."</p>
        <For each=children key=|id| id.clone() let:id>
            {
                let (a, b, c, d, e) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                view! {
                    <div class="app-item">
                        <TextInput
                            id=format!("child-{id}-name")
                            label="First name or initials".to_owned()
                            value=Signal::derive(move || read(store, |p| p.household.children.iter().find(|x| x.id == a).map(|x| x.name.clone()).unwrap_or_default()))
                            on_input=Callback::new(move |v: String| { let b = b.clone(); edit(store, move |p| if let Some(x) = p.household.children.iter_mut().find(|x| x.id == b) { x.name = v; }) })
                            error=error_for(errors, format!("child-{id}-name"))
                        />
                        <TextInput
                            id=format!("child-{id}-age")
                            label="Age".to_owned()
                            value=Signal::derive(move || read(store, |p| p.household.children.iter().find(|x| x.id == c).map(|x| x.age.clone()).unwrap_or_default()))
                            on_input=Callback::new(move |v: String| { let d = d.clone(); edit(store, move |p| if let Some(x) = p.household.children.iter_mut().find(|x| x.id == d) { x.age = v; }) })
                            error=error_for(errors, format!("child-{id}-age"))
                            width="app-input--short"
                        />
                        <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                            let e = e.clone();
                            edit(store, move |p| p.household.children.retain(|x| x.id != e));
                        }>"Remove this child"</button>
                    </div>
                }
            }
        </For>
        <button type="button" id="add-child" class="app-button app-button--secondary" on:click=move |_| {
            let id = new_id();
            edit(store, |p| p.household.children.push(HouseholdChild { id, ..Default::default() }));
        }>"Add a child"</button>
        <h2 class="app-heading-m">"Adults in the home"</h2>
        <For each=adults key=|id| id.clone() let:id>
            {
                let (a, b, c, d, e) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                view! {
                    <div class="app-item">
                        <TextInput
                            id=format!("adult-{id}-name")
                            label="Name".to_owned()
                            value=Signal::derive(move || read(store, |p| p.household.adults.iter().find(|x| x.id == a).map(|x| x.name.clone()).unwrap_or_default()))
                            on_input=Callback::new(move |v: String| { let b = b.clone(); edit(store, move |p| if let Some(x) = p.household.adults.iter_mut().find(|x| x.id == b) { x.name = v; }) })
                            error=error_for(errors, format!("adult-{id}-name"))
                        />
                        <TextInput
                            id=format!("adult-{id}-relationship")
                            label="Who they are to the children (optional)".to_owned()
                            value=Signal::derive(move || read(store, |p| p.household.adults.iter().find(|x| x.id == c).map(|x| x.relationship.clone()).unwrap_or_default()))
                            on_input=Callback::new(move |v: String| { let d = d.clone(); edit(store, move |p| if let Some(x) = p.household.adults.iter_mut().find(|x| x.id == d) { x.relationship = v; }) })
                        />
                        <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                            let e = e.clone();
                            edit(store, move |p| p.household.adults.retain(|x| x.id != e));
                        }>"Remove this adult"</button>
                    </div>
                }
            }
        </For>
        <button type="button" id="add-adult" class="app-button app-button--secondary" on:click=move |_| {
            let id = new_id();
            edit(store, |p| p.household.adults.push(Adult { id, ..Default::default() }));
        }>"Add an adult"</button>
        <TextArea
            id="other-children".to_owned()
            label="Other children the person arrested sees or may see".to_owned()
            hint="For example grandchildren, nieces and nephews, friends' children, or children at his work, church, clubs or sport.".to_owned()
            value=Signal::derive(move || read(store, |p| p.household.other_children.clone()))
            on_input=Callback::new(move |v| edit(store, |p| p.household.other_children = v))
            error=error_for(errors, "other-children".to_owned())
        />
    }
}

#[component]
pub fn StandingQuestions(errors: Errors) -> impl IntoView {
    let store = use_store();
    let field = move |id: &'static str,
                      label: &'static str,
                      hint: Option<&'static str>,
                      get: fn(&crate::domain::plan::Standing) -> &String,
                      set: fn(&mut crate::domain::plan::Standing, String)| {
        view! {
            <TextArea
                id=id.to_owned()
                label=label.to_owned()
                hint=hint.unwrap_or_default().to_owned()
                value=Signal::derive(move || read(store, |p| get(&p.standing).clone()))
                on_input=Callback::new(move |v| edit(store, |p| set(&mut p.standing, v)))
                error=error_for(errors, id.to_owned())
                rows=3
            />
        }
    };
    let date = move |id: &'static str,
                     label: &'static str,
                     get: fn(&crate::domain::plan::Standing) -> &String,
                     set: fn(&mut crate::domain::plan::Standing, String)| {
        view! {
            <TextInput
                id=id.to_owned()
                label=label.to_owned()
                kind="date"
                width="app-input--date"
                value=Signal::derive(move || read(store, |p| get(&p.standing).clone()))
                on_input=Callback::new(move |v| edit(store, |p| set(&mut p.standing, v)))
                error=error_for(errors, id.to_owned())
            />
        }
    };
    view! {
        <Radios
            name="status".to_owned()
            legend="Where does the police case stand?".to_owned()
            options={choice_options::<CaseStatus>()}
            value=Signal::derive(move || read(store, |p| p.standing.status.id().to_owned()))
            on_change=Callback::new(move |v: String| if let Some(status) = CaseStatus::from_id(&v) { edit(store, |p| p.standing.status = status) })
            error=error_for(errors, "status".to_owned())
        />
        {field("conditions", "Bail conditions (optional)", Some("Write them as the police gave them, if you know them."), |s| &s.conditions, |s, v| s.conditions = v)}
        {field("agreement", "Any agreement with children's social care (optional)", None, |s| &s.agreement, |s, v| s.agreement = v)}
        {field("orders", "Court orders or conditions, once known (optional)", Some("For example a Sexual Harm Prevention Order (SHPO) and what it says."), |s| &s.orders, |s, v| s.orders = v)}
        {date("bail-return", "Bail return date (optional)", |s| &s.bail_return, |s, v| s.bail_return = v)}
        {date("next-meeting", "Date of the next meeting with children's social care (optional)", |s| &s.next_meeting, |s, v| s.next_meeting = v)}
    }
}

#[component]
pub fn ContactQuestions(errors: Errors) -> impl IntoView {
    let store = use_store();
    let person = move || read(store, |p| p.person_name().to_owned());
    let supervisors = move || {
        read(store, |p| {
            p.contact
                .supervisors
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Radios
            name="lives-at-home".to_owned()
            legend=format!("Does {} live at home?", read(store, |p| p.person_name().to_owned()))
            options={choice_options::<LivesAtHome>()}
            value=Signal::derive(move || read(store, |p| p.contact.lives_at_home.id().to_owned()))
            on_change=Callback::new(move |v: String| if let Some(lives) = LivesAtHome::from_id(&v) { edit(store, |p| p.contact.lives_at_home = lives) })
            error=error_for(errors, "lives-at-home".to_owned())
        />
        <h2 class="app-heading-m">"Who supervises contact"</h2>
        <p class="app-hint">{move || format!("People who will be there whenever {} is with the children.", person())}</p>
        <For each=supervisors key=|id| id.clone() let:id>
            {
                let (a, b, c, d, e) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                view! {
                    <div class="app-item">
                        <TextInput
                            id=format!("supervisor-{id}-name")
                            label="Name".to_owned()
                            value=Signal::derive(move || read(store, |p| p.contact.supervisors.iter().find(|x| x.id == a).map(|x| x.name.clone()).unwrap_or_default()))
                            on_input=Callback::new(move |v: String| { let b = b.clone(); edit(store, move |p| if let Some(x) = p.contact.supervisors.iter_mut().find(|x| x.id == b) { x.name = v; }) })
                            error=error_for(errors, format!("supervisor-{id}-name"))
                        />
                        <Radios
                            name=format!("supervisor-{id}-agreed")
                            legend="Has children's social care agreed them?".to_owned()
                            options={choice_options::<SupervisorAgreed>()}
                            value=Signal::derive(move || read(store, |p| p.contact.supervisors.iter().find(|x| x.id == c).map(|x| x.agreed.id().to_owned()).unwrap_or_default()))
                            on_change=Callback::new(move |v: String| { let d = d.clone(); let Some(agreed) = SupervisorAgreed::from_id(&v) else { return }; edit(store, move |p| if let Some(x) = p.contact.supervisors.iter_mut().find(|x| x.id == d) { x.agreed = agreed; }) })
                        />
                        <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                            let e = e.clone();
                            edit(store, move |p| p.contact.supervisors.retain(|x| x.id != e));
                        }>"Remove this supervisor"</button>
                    </div>
                }
            }
        </For>
        <button type="button" id="add-supervisor" class="app-button app-button--secondary" on:click=move |_| {
            let id = new_id();
            edit(store, |p| p.contact.supervisors.push(Supervisor { id, ..Default::default() }));
        }>"Add a supervisor"</button>
        <TextArea
            id="overnight".to_owned()
            label="Overnight stays (optional)".to_owned()
            value=Signal::derive(move || read(store, |p| p.contact.overnight.clone()))
            on_input=Callback::new(move |v| edit(store, |p| p.contact.overnight = v))
            error=error_for(errors, "overnight".to_owned())
            rows=2
        />
    }
}

#[component]
pub fn ReviewQuestions(errors: Errors) -> impl IntoView {
    let store = use_store();
    view! {
        <TextInput
            id="review-date".to_owned()
            label="When will the plan be reviewed?".to_owned()
            hint="Harbour shows a reminder on its front page once this date has passed.".to_owned()
            kind="date"
            width="app-input--date"
            value=Signal::derive(move || read(store, |p| p.review.date.clone()))
            on_input=Callback::new(move |v| edit(store, |p| p.review.date = v))
            error=error_for(errors, "review-date".to_owned())
        />
        <TextInput
            id="agreed-by".to_owned()
            label="Who agreed the plan (optional)".to_owned()
            hint="For example your social worker's name. There are spaces to sign on the printed plan.".to_owned()
            value=Signal::derive(move || read(store, |p| p.review.agreed_by.clone()))
            on_input=Callback::new(move |v| edit(store, |p| p.review.agreed_by = v))
            error=error_for(errors, "agreed-by".to_owned())
        />
    }
}
