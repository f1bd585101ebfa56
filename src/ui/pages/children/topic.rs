//! One topic of a child's plan. Fields are described as data (label, hint, and plain
//! function pointers to read and write them), so every topic shares one rendering path.

use super::choices::{OwnQuestions, Phrases, SuggestedQuestions};
use super::{edit_child, read_child};
use crate::content::{Band, AFTERWARDS, BANDS, CHILD_GUIDANCE, SCHOOL};
use crate::domain::child_plan::{fill, validate_topic, AgeBand, ChildKnows, ChildPlanBody, Topic};
use crate::ui::components::form::{error_for, ErrorSummary, TextArea, TextInput};
use crate::ui::components::page::{use_page_title, BackLink};
use crate::ui::components::sources::SourceList;
use crate::ui::nav::{href, navigator};
use crate::ui::store::use_store;
use leptos::prelude::*;

type Errors = RwSignal<Vec<(String, String)>>;

/// A text field of the plan.
struct Field {
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    /// 0 for a one-line input.
    rows: u32,
    get: fn(&ChildPlanBody) -> &String,
    set: fn(&mut ChildPlanBody, String),
}

const ABOUT: &[Field] = &[
    Field {
        id: "child-name",
        label: "The child's first name or initials",
        hint: "Full names are not needed.",
        rows: 0,
        get: |p| &p.name,
        set: |p, v| p.name = v,
    },
    Field {
        id: "child-age",
        label: "Their age",
        hint: "In years, like 7.",
        rows: 0,
        get: |p| &p.age,
        set: |p, v| p.age = v,
    },
    Field {
        id: "calls-him",
        label: "What do they call the person arrested?",
        hint: "For example Dad, or his first name. Harbour uses it in the example words.",
        rows: 0,
        get: |p| &p.calls_him,
        set: |p, v| p.calls_him = v,
    },
];
const ABOUT_MORE: &[Field] = &[
    Field {
        id: "knows-more",
        label: "Anything else they know or may have seen (optional)",
        hint: "",
        rows: 3,
        get: |p| &p.knows_more,
        set: |p, v| p.knows_more = v,
    },
    Field {
        id: "vulnerable",
        label: "Anything that makes them more vulnerable (optional)",
        hint: "For example a disability, or needing help to communicate.",
        rows: 3,
        get: |p| &p.vulnerable,
        set: |p, v| p.vulnerable = v,
    },
];
const SAY: &[Field] = &[
    Field {
        id: "own-words",
        label: "In your own words (optional)",
        hint: "",
        rows: 4,
        get: |p| &p.own_words,
        set: |p, v| p.own_words = v,
    },
    Field {
        id: "when-where",
        label: "When and where you will talk (optional)",
        hint: "A calm, private time. Side by side, on a walk or in the car, can feel easier.",
        rows: 2,
        get: |p| &p.when_where,
        set: |p, v| p.when_where = v,
    },
    Field {
        id: "with-whom",
        label: "Who will be with you (optional)",
        hint: "",
        rows: 0,
        get: |p| &p.with_whom,
        set: |p, v| p.with_whom = v,
    },
    Field {
        id: "if-upset",
        label: "What you will do if you or they get upset (optional)",
        hint: "",
        rows: 3,
        get: |p| &p.if_upset,
        set: |p, v| p.if_upset = v,
    },
];
const TALK_TO: &[Field] = &[
    Field {
        id: "trusted-adults",
        label: "Trusted adults they can talk to (optional)",
        hint:
            "Someone outside the family helps, such as a relative, a friend's parent or a teacher.",
        rows: 3,
        get: |p| &p.trusted_adults,
        set: |p, v| p.trusted_adults = v,
    },
    Field {
        id: "school-dsl",
        label: "The school's designated safeguarding lead (optional)",
        hint: "The member of staff who deals with children's safety.",
        rows: 0,
        get: |p| &p.school_dsl,
        set: |p, v| p.school_dsl = v,
    },
];
const AFTER: &[Field] = &[
    Field {
        id: "afterwards-watch",
        label: "Signs you will watch for (optional)",
        hint: "",
        rows: 3,
        get: |p| &p.afterwards_watch,
        set: |p, v| p.afterwards_watch = v,
    },
    Field {
        id: "follow-up",
        label: "When you will talk again (optional)",
        hint: "",
        rows: 3,
        get: |p| &p.follow_up,
        set: |p, v| p.follow_up = v,
    },
    Field {
        id: "news-plan",
        label: "What you will do if it reaches the news or social media (optional)",
        hint: "",
        rows: 3,
        get: |p| &p.news_plan,
        set: |p, v| p.news_plan = v,
    },
];
const SCHOOL_FIELDS: &[Field] = &[
    Field {
        id: "school-who-tells",
        label: "Who will tell the school (optional)",
        hint: "",
        rows: 0,
        get: |p| &p.school_who_tells,
        set: |p, v| p.school_who_tells = v,
    },
    Field {
        id: "school-what",
        label: "What the school will be told (optional)",
        hint: "",
        rows: 3,
        get: |p| &p.school_what,
        set: |p, v| p.school_what = v,
    },
    Field {
        id: "school-contact",
        label: "Your contact at the school (optional)",
        hint: "",
        rows: 0,
        get: |p| &p.school_contact,
        set: |p, v| p.school_contact = v,
    },
];

/// Renders fields of one child's plan.
#[component]
fn Fields(id: String, fields: &'static [Field], errors: Errors) -> impl IntoView {
    let store = use_store();
    fields
        .iter()
        .map(|f| {
            let (read_id, write_id) = (id.clone(), id.clone());
            let value = Signal::derive(move || read_child(store, &read_id, |c| (f.get)(&c.body).clone()).unwrap_or_default());
            let on_input = Callback::new(move |v: String| edit_child(store, &write_id, |p| (f.set)(p, v)));
            let hint = (!f.hint.is_empty()).then(|| f.hint.to_owned());
            let error = error_for(errors, f.id.to_owned());
            if f.rows == 0 {
                view! { <TextInput id=f.id.to_owned() label=f.label.to_owned() value on_input error hint=hint.unwrap_or_default()/> }.into_any()
            } else {
                view! { <TextArea id=f.id.to_owned() label=f.label.to_owned() value on_input error hint=hint.unwrap_or_default() rows=f.rows/> }.into_any()
            }
        })
        .collect_view()
}

fn band_content(band: AgeBand) -> Option<&'static Band> {
    BANDS.iter().find(|b| b.id == band.id())
}

#[component]
pub fn TopicPage(id: String, topic: Topic) -> impl IntoView {
    let store = use_store();
    let errors: Errors = RwSignal::new(Vec::new());
    let go = navigator();
    let name = {
        let id = id.clone();
        Signal::derive(move || {
            read_child(store, &id, |c| c.body.display_name().to_owned()).unwrap_or_default()
        })
    };
    use_page_title(move || topic.title().to_owned());
    let band = {
        let id = id.clone();
        Signal::derive(move || read_child(store, &id, |c| c.body.band()).flatten())
    };
    let calls_him = {
        let id = id.clone();
        Signal::derive(move || {
            read_child(store, &id, |c| c.body.calls_him.clone()).unwrap_or_default()
        })
    };
    let back = match topic.previous() {
        Some(t) => format!("/children/{id}/{}", t.slug()),
        None => format!("/children/{id}"),
    };
    let next = match topic.next() {
        Some(t) => format!("/children/{id}/{}", t.slug()),
        None => format!("/children/{id}/plan"),
    };
    let submit = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let found =
                read_child(store, &id, |c| validate_topic(&c.body, topic)).unwrap_or_default();
            errors.set(found.into_iter().map(|e| (e.field, e.message)).collect());
            if errors.with_untracked(Vec::is_empty) {
                go(&next);
            }
        }
    };
    let needs_age = {
        let id = id.clone();
        move || {
            view! {
                <p class="app-notice">"Enter "{name.get()}"'s age first, so Harbour can show what fits. "
                    <a href=href(&format!("/children/{id}/about"))>"Go to About this child"</a></p>
            }
        }
    };
    let body = match topic {
        Topic::About => view! {
            <Fields id=id.clone() fields=ABOUT errors/>
            <KnowsChoices id=id.clone()/>
            <Fields id=id.clone() fields=ABOUT_MORE errors/>
        }
        .into_any(),
        Topic::Guidance => view! {
            {move || match band.get().and_then(band_content) {
                Some(b) => view! { <BandGuidance band=b calls_him=calls_him.get()/> }.into_any(),
                None => needs_age().into_any(),
            }}
            <h2 class="app-heading-m">"For every age"</h2>
            {CHILD_GUIDANCE.iter().map(|g| view! {
                <details class="app-details">
                    <summary class="app-details__summary">{g.title}</summary>
                    <div class="app-details__text">
                        <div class="app-prose" inner_html=g.html></div>
                        <SourceList keys=g.sources prefix=format!("general-{}-src", g.id) heading="Where this comes from"/>
                    </div>
                </details>
            }).collect_view()}
        }
        .into_any(),
        Topic::Say => {
            let id2 = id.clone();
            view! {
                {move || match band.get().and_then(band_content) {
                    Some(b) => view! { <Phrases id=id2.clone() band=b errors/> }.into_any(),
                    None => needs_age().into_any(),
                }}
                <Fields id=id.clone() fields=SAY errors/>
            }
            .into_any()
        }
        Topic::Questions => {
            let id2 = id.clone();
            view! {
                {move || match band.get().and_then(band_content) {
                    Some(b) => view! { <SuggestedQuestions id=id2.clone() band=b/> }.into_any(),
                    None => needs_age().into_any(),
                }}
                <OwnQuestions id=id.clone() errors/>
            }
            .into_any()
        }
        Topic::TalkTo => view! {
            <p>"Tell "{move || name.get()}" who they can talk to, and that they will never be in trouble for talking to a safe adult."</p>
            <p>"Childline is free and open day and night for anyone under 19: "<a href="tel:08001111">"0800 1111"</a>"."</p>
            <Fields id=id.clone() fields=TALK_TO errors/>
        }
        .into_any(),
        Topic::Afterwards => view! {
            <h2 class="app-heading-m">"Signs to watch for"</h2>
            <ul>{AFTERWARDS.signs.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
            <h2 class="app-heading-m">"Ideas for talking again"</h2>
            <ul>{AFTERWARDS.follow_up.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
            <h2 class="app-heading-m">"If it reaches the news or social media"</h2>
            <div class="app-prose" inner_html=AFTERWARDS.news_html></div>
            <SourceList keys=AFTERWARDS.sources prefix="afterwards-src".to_owned() heading="Where this comes from"/>
            <Fields id=id.clone() fields=AFTER errors/>
        }
        .into_any(),
        Topic::School => view! {
            <div class="app-prose" inner_html=SCHOOL.html></div>
            <SourceList keys=SCHOOL.sources prefix="school-src".to_owned() heading="Where this comes from"/>
            <Fields id=id.clone() fields=SCHOOL_FIELDS errors/>
        }
        .into_any(),
    };
    view! {
        <BackLink to=back/>
        <ErrorSummary errors=errors/>
        <span class="app-caption">{move || format!("Talking to {}: part {} of {}", name.get(), topic.index() + 1, Topic::ALL.len())}</span>
        <h1 class="app-heading-l">{topic.title()}</h1>
        <form on:submit=submit novalidate>
            {body}
            <button type="submit" class="app-button">"Continue"</button>
        </form>
    }
}

/// What children of this age understand, what helps and what to avoid.
#[component]
fn BandGuidance(band: &'static Band, calls_him: String) -> impl IntoView {
    let understands = crate::domain::child_plan::fill_html(band.understands_html, &calls_him);
    let (c1, c2) = (calls_him.clone(), calls_him);
    view! {
        <p class="app-caption">"Age group: "{band.label}</p>
        <div class="app-prose" inner_html=understands></div>
        <h2 class="app-heading-m">"What helps"</h2>
        <ul>{band.say.iter().map(|s| view! { <li>{fill(s, &c1)}</li> }).collect_view()}</ul>
        <h2 class="app-heading-m">"What to avoid"</h2>
        <ul>{band.avoid.iter().map(|s| view! { <li>{fill(s, &c2)}</li> }).collect_view()}</ul>
        <SourceList keys=band.sources prefix=format!("band-{}-src", band.id) heading="Where this comes from"/>
    }
}

/// What the child may already know.
#[component]
fn KnowsChoices(id: String) -> impl IntoView {
    let store = use_store();
    view! {
        <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend">"What do they already know, or may have seen? (optional)"</legend>
            <span class="app-hint">"Tick all that apply."</span>
            {ChildKnows::ALL.iter().map(|&what| {
                let (read_id, write_id) = (id.clone(), id.clone());
                let input_id = format!("knows-{}", what.id());
                view! {
                    <div class="app-choice">
                        <input class="app-choice__input" type="checkbox" id=input_id.clone()
                            prop:checked=move || read_child(store, &read_id, |c| c.body.knows.contains(&what)).unwrap_or(false)
                            on:change:target=move |ev| {
                                let on = ev.target().checked();
                                edit_child(store, &write_id, |p| p.set_knows(what, on));
                            }
                        />
                        <label class="app-choice__label" for=input_id>{what.label()}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
