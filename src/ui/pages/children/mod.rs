//! Talking to the children: a plan per child, one topic per page, printable per child and
//! all together, with versions.

mod choices;
mod document;
mod topic;

use crate::adapters::browser;
use crate::domain::child_plan::{done, ChildPlan, ChildPlanBody, Topic};
use crate::ui::components::page::use_page_title;
use crate::ui::nav::{href, navigator};
use crate::ui::store::{use_store, Store};
use leptos::prelude::*;

/// Reads one child's plan (None if it does not exist).
pub fn read_child<T>(store: Store, id: &str, f: impl FnOnce(&ChildPlan) -> T) -> Option<T> {
    store
        .snapshot
        .with(|s| s.data.children.iter().find(|c| c.id == id).map(f))
}

/// Changes one child's plan.
pub fn edit_child(store: Store, id: &str, f: impl FnOnce(&mut ChildPlanBody)) {
    store.snapshot.update(|s| {
        if let Some(c) = s.data.children.iter_mut().find(|c| c.id == id) {
            f(&mut c.body);
        }
    });
}

/// The page for `/children/…`.
#[component]
pub fn ChildrenPage(rest: Vec<String>) -> impl IntoView {
    let store = use_store();
    let exists = |id: &str| read_child(store, id, |_| ()).is_some();
    match rest
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] => view! { <ChildList/> }.into_any(),
        ["all"] => view! { <document::AllPlans/> }.into_any(),
        [id] if exists(id) => view! { <ChildOverview id=id.to_string()/> }.into_any(),
        [id, "plan"] if exists(id) => {
            view! { <document::ChildDocument id=id.to_string()/> }.into_any()
        }
        [id, slug] if exists(id) && Topic::from_slug(slug).is_some() => {
            let topic = Topic::from_slug(slug).unwrap_or(Topic::About);
            view! { <topic::TopicPage id=id.to_string() topic/> }.into_any()
        }
        _ => view! { <crate::ui::pages::not_found::NotFoundPage/> }.into_any(),
    }
}

/// Every child's plan, and a way to add one.
#[component]
fn ChildList() -> impl IntoView {
    use_page_title(|| "Talking to your children".to_owned());
    let store = use_store();
    let go = navigator();
    let plans = move || {
        store.snapshot.with(|s| {
            s.data
                .children
                .iter()
                .map(|c| {
                    (
                        c.id.clone(),
                        c.body.display_name().to_owned(),
                        c.body.band().map(|b| b.label()),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let id = browser::new_id();
        store.snapshot.update(|s| {
            s.data.children.push(ChildPlan {
                id: id.clone(),
                ..ChildPlan::default()
            })
        });
        go(&format!("/children/{id}/about"));
    };
    view! {
        <h1 class="app-heading-l">"Talking to your children"</h1>
        <p class="app-lead">"Children cope better when they are told something true, in words that fit their age, by someone who loves them. Harbour helps you plan what to say to each child."</p>
        <p>"Make a plan for each child. You can pick words from examples and change them, plan answers to the questions they might ask, and print the plan."</p>
        <p>"Children and young people can talk to Childline, free, any time, on "<a href="tel:08001111">"0800 1111"</a>"."</p>
        <Show when=move || !plans().is_empty()>
            <h2 class="app-heading-m">"Your plans"</h2>
            <ul class="app-card-list">
                {move || plans().into_iter().map(|(id, name, band)| view! {
                    <li class="app-card">
                        <a class="app-card__link" href=href(&format!("/children/{id}"))>{format!("Talking to {name}")}</a>
                        <p class="app-card__text">{band.map(|b| format!("Age group: {b}")).unwrap_or_else(|| "Age not given yet".to_owned())}</p>
                    </li>
                }).collect_view()}
            </ul>
            <p><a href=href("/children/all")>"Print or copy every child's plan together"</a></p>
        </Show>
        <button type="button" id="add-child-plan" class="app-button" on:click=add>"Start a plan for a child"</button>
    }
}

/// One child's plan: its topics and how far each has got.
#[component]
fn ChildOverview(id: String) -> impl IntoView {
    let store = use_store();
    let name = {
        let id = id.clone();
        move || read_child(store, &id, |c| c.body.display_name().to_owned()).unwrap_or_default()
    };
    // Not her child's name: the browser's history keeps page titles.
    use_page_title(|| "Talking to a child".to_owned());
    let topics = Topic::ALL
        .iter()
        .map(|&t| {
            let id = id.clone();
            let status = {
                let id = id.clone();
                move || read_child(store, &id, |c| done(&c.body, t)).unwrap_or(false)
            };
            view! {
                <li class="app-task-list__item">
                    <a class="app-task-list__link" href=href(&format!("/children/{id}/{}", t.slug()))>{t.title()}</a>
                    <span class="app-tag">{move || if status() { "Done" } else { "Not done yet" }}</span>
                </li>
            }
        })
        .collect_view();
    let delete_id = id.clone();
    let go = navigator();
    let confirming = RwSignal::new(false);
    view! {
        <crate::ui::components::page::BackLink to="/children" text="All children"/>
        <h1 class="app-heading-l">{move || format!("Talking to {}", name())}</h1>
        <ol class="app-task-list">{topics}</ol>
        <p><a class="app-button" href=href(&format!("/children/{id}/plan"))>"See, print or copy this plan"</a></p>
        <Show when=move || confirming.get() fallback=move || view! {
            <button type="button" class="app-button app-button--secondary" on:click=move |_| confirming.set(true)>"Delete this plan"</button>
        }>
            <div class="app-notice app-notice--warning" role="alert">
                <p>"Delete this child's plan? This cannot be undone."</p>
                <div class="app-button-group">
                    <button type="button" class="app-button app-button--warning" on:click={
                        let (delete_id, go) = (delete_id.clone(), go.clone());
                        move |_| {
                            let delete_id = delete_id.clone();
                            store.snapshot.update(move |s| s.data.children.retain(|c| c.id != delete_id));
                            go("/children");
                        }
                    }>"Yes, delete it"</button>
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </div>
            </div>
        </Show>
    }
}
