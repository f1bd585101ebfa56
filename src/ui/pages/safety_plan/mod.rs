//! The household safety plan builder: a start page (her situation), one page per section,
//! check your answers, the plan document (print, copy) and its versions.

mod check;
mod document;
mod questions;
mod section;
mod start;

use crate::content::{PlanSection, PLAN_SECTIONS};
use crate::domain::plan::{PlanBody, Suggestion};
use crate::ui::store::Store;
use leptos::prelude::*;

/// Every suggested rule, as the plan model takes them.
pub fn suggestions() -> Vec<Suggestion<'static>> {
    PLAN_SECTIONS
        .iter()
        .flat_map(|s| {
            s.rules.iter().map(move |r| Suggestion {
                section: s.id,
                id: r.id,
                text: r.text,
                situations: r.situations,
            })
        })
        .collect()
}

/// A section's title by id.
pub fn section_title(id: &str) -> String {
    PLAN_SECTIONS
        .iter()
        .find(|s| s.id == id)
        .map_or_else(|| id.to_owned(), |s| s.title.to_owned())
}

/// Reads the plan.
pub fn read<T>(store: Store, f: impl FnOnce(&PlanBody) -> T) -> T {
    store.snapshot.with(|s| f(&s.data.plan.body))
}

/// Changes the plan.
pub fn edit(store: Store, f: impl FnOnce(&mut PlanBody)) {
    store.snapshot.update(|s| f(&mut s.data.plan.body));
}

/// The page for `/safety-plan/…`.
#[component]
pub fn SafetyPlanPage(rest: Vec<String>) -> impl IntoView {
    match rest
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] => view! { <start::Overview/> }.into_any(),
        ["start"] => view! { <start::SituationPage/> }.into_any(),
        ["check"] => view! { <check::CheckAnswers/> }.into_any(),
        ["plan"] => view! { <document::PlanDocument/> }.into_any(),
        ["versions"] => view! { <document::Versions/> }.into_any(),
        [id] => match PLAN_SECTIONS.iter().position(|s| s.id == *id) {
            Some(index) => view! { <section::SectionPage index/> }.into_any(),
            None => view! { <crate::ui::pages::not_found::NotFoundPage/> }.into_any(),
        },
        _ => view! { <crate::ui::pages::not_found::NotFoundPage/> }.into_any(),
    }
}

/// The section at `index`.
pub fn section_at(index: usize) -> &'static PlanSection {
    &PLAN_SECTIONS[index]
}
