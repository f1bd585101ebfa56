//! The plan's front page (its sections and how far each has got) and the first question:
//! her situation, which ticks the rules that usually apply.

use super::{edit, read, suggestions};
use crate::content::{PLAN_SECTIONS, SITUATIONS};
use crate::domain::plan::{validate, Situation, Status};
use crate::ui::components::form::{ErrorSummary, Radios, TextInput};
use crate::ui::components::page::{use_page_title, BackLink};
use crate::ui::nav::{href, navigator};
use crate::ui::store::use_store;
use leptos::prelude::*;

#[component]
pub fn Overview() -> impl IntoView {
    use_page_title(|| "Your household safety plan".to_owned());
    let store = use_store();
    let started = move || read(store, |p| p.situation != Situation::NotChosen);
    view! {
        <h1 class="app-heading-l">"Your household safety plan"</h1>
        <p class="app-lead">"Children's social care may ask you for a written plan for keeping the children safe. Harbour helps you write one, in your own words, section by section."</p>
        <p>"Each section says why it matters and suggests rules that families often use. You can tick them, change the words, or write your own. Everything is saved on this phone as you go, and you can print the plan for a meeting."</p>
        <Show
            when=started
            fallback=|| view! { <a class="app-button" href=href("/safety-plan/start")>"Start your plan"</a> }
        >
            <p>
                "Your situation: " <strong>{move || read(store, |p| p.situation.label())}</strong> " "
                <a href=href("/safety-plan/start")>"Change"<span class="app-visually-hidden">" your situation"</span></a>
            </p>
            <h2 class="app-heading-m">"Sections"</h2>
            <ol class="app-task-list">
                {PLAN_SECTIONS.iter().map(|s| {
                    let status = move || read(store, |p| p.status(s.id));
                    view! {
                        <li class="app-task-list__item">
                            <a class="app-task-list__link" href=href(&format!("/safety-plan/{}", s.id))
                                aria-describedby=format!("status-{}", s.id)>{s.title}</a>
                            <span class="app-tag" id=format!("status-{}", s.id)
                                class:app-tag--done=move || status() == Status::Completed>{move || status().label()}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <ul class="app-link-list">
                <li><a href=href("/safety-plan/check")>"Check your answers"</a></li>
                <li><a href=href("/safety-plan/plan")>"See, print or copy your plan"</a></li>
                <li><a href=href("/safety-plan/versions")>"Versions you have agreed or sent"</a></li>
            </ul>
        </Show>
    }
}

/// "Which is closest to your situation now?"
#[component]
pub fn SituationPage() -> impl IntoView {
    use_page_title(|| "Your situation".to_owned());
    let store = use_store();
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let chosen = RwSignal::new(read(store, |p| p.situation));
    let go = navigator();
    // The content adds a hint to each situation (a content test checks ids and words agree).
    let hint = |s: Situation| {
        SITUATIONS
            .iter()
            .find(|c| c.id == s.id())
            .map_or("", |c| c.hint)
    };
    let options: Vec<(&'static str, String)> = Situation::ALL
        .iter()
        .map(|&s| (s.id(), format!("{} – {}", s.label(), hint(s))))
        .collect();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let situation = chosen.get_untracked();
        if situation != Situation::NotChosen {
            edit(store, |p| p.choose_situation(situation, &suggestions()));
        }
        let found = read(store, validate::start);
        errors.set(found.into_iter().map(|e| (e.field, e.message)).collect());
        if errors.with_untracked(Vec::is_empty) {
            go(&format!("/safety-plan/{}", PLAN_SECTIONS[0].id));
        }
    };
    view! {
        <BackLink to="/safety-plan"/>
        <ErrorSummary errors=errors/>
        <form on:submit=submit novalidate>
            <Radios
                name="situation".to_owned()
                legend="Which is closest to your situation now?".to_owned()
                heading=true
                hint="This ticks the rules that usually fit. You can change every one, and change this answer later.".to_owned()
                options=options
                value=Signal::derive(move || chosen.get().id().to_owned())
                on_change=Callback::new(move |v: String| chosen.set(Situation::from_id(&v).unwrap_or_default()))
                error=Signal::derive(move || errors.with(|e| e.iter().find(|(f, _)| f == "situation").map(|(_, m)| m.clone())))
            />
            <TextInput
                id="person".to_owned()
                label="What should the plan call the person arrested? (optional)".to_owned()
                hint="For example his first name. If you leave this empty, the plan says “the person arrested”.".to_owned()
                value=Signal::derive(move || read(store, |p| p.person.clone()))
                on_input=Callback::new(move |v: String| edit(store, |p| p.rename_person(v, &suggestions())))
                width="app-input--name"
            />
            <button type="submit" class="app-button">"Continue"</button>
        </form>
    }
}
