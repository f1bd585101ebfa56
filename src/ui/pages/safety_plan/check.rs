//! Check your answers: every answer in the plan, each with a link to change it.

use super::read;
use crate::content::PLAN_SECTIONS;
use crate::domain::plan::{PlanBody, SupervisorAgreed};
use crate::ui::components::page::{use_page_title, BackLink};
use crate::ui::nav::href;
use crate::ui::store::use_store;
use leptos::prelude::*;

/// (question, answer) rows for a section's own questions.
pub fn section_rows(p: &PlanBody, id: &str) -> Vec<(String, String)> {
    let join = |items: Vec<String>| items.join("\n");
    match id {
        "household" => vec![
            (
                "Children".into(),
                join(
                    p.household
                        .children
                        .iter()
                        .map(|c| format!("{}, age {}", c.name.trim(), c.age.trim()))
                        .collect(),
                ),
            ),
            (
                "Adults in the home".into(),
                join(
                    p.household
                        .adults
                        .iter()
                        .map(|a| {
                            if a.relationship.trim().is_empty() {
                                a.name.trim().to_owned()
                            } else {
                                format!("{} ({})", a.name.trim(), a.relationship.trim())
                            }
                        })
                        .collect(),
                ),
            ),
            (
                "Other children the person arrested sees or may see".into(),
                p.household.other_children.clone(),
            ),
        ],
        "where-things-stand" => vec![
            ("Police case".into(), p.standing.status.label().to_owned()),
            ("Bail conditions".into(), p.standing.conditions.clone()),
            (
                "Agreement with children's social care".into(),
                p.standing.agreement.clone(),
            ),
            (
                "Court orders or conditions".into(),
                p.standing.orders.clone(),
            ),
            (
                "Bail return date".into(),
                crate::content::human_date(&p.standing.bail_return),
            ),
            (
                "Next meeting".into(),
                crate::content::human_date(&p.standing.next_meeting),
            ),
        ],
        "contact" => vec![
            (
                format!("Does {} live at home?", p.person_name()),
                p.contact.lives_at_home.label().to_owned(),
            ),
            (
                "Supervisors".into(),
                join(
                    p.contact
                        .supervisors
                        .iter()
                        .map(|s| {
                            let agreed = match s.agreed {
                                SupervisorAgreed::Yes => " (agreed by children's social care)",
                                SupervisorAgreed::NotYet => " (not yet agreed)",
                                SupervisorAgreed::No => " (not agreed)",
                                SupervisorAgreed::NotAnswered => "",
                            };
                            format!("{}{agreed}", s.name.trim())
                        })
                        .collect(),
                ),
            ),
            ("Overnight stays".into(), p.contact.overnight.clone()),
        ],
        "review" => vec![
            (
                "Review date".into(),
                crate::content::human_date(&p.review.date),
            ),
            ("Agreed by".into(), p.review.agreed_by.clone()),
        ],
        _ => vec![],
    }
}

#[component]
pub fn CheckAnswers() -> impl IntoView {
    use_page_title(|| "Check your answers".to_owned());
    let store = use_store();
    let sections = PLAN_SECTIONS
        .iter()
        .map(|s| {
            let change = href(&format!("/safety-plan/{}", s.id));
            let rows = move || {
                read(store, |p| {
                    let mut rows = section_rows(p, s.id);
                    let rules = p.section(s.id);
                    rows.push(("Rules".into(), rules.map(|r| r.rules.iter().map(|r| format!("• {}", r.text.trim())).collect::<Vec<_>>().join("\n")).unwrap_or_default()));
                    rows.push(("Anything else".into(), rules.map(|r| r.notes.clone()).unwrap_or_default()));
                    rows
                })
                .into_iter()
                .map(|(key, value)| {
                    let empty = value.trim().is_empty();
                    let change = change.clone();
                    let what = key.to_lowercase();
                    view! {
                        <div class="app-summary-list__row">
                            <dt class="app-summary-list__key">{key}</dt>
                            <dd class="app-summary-list__value">{if empty { "Not written yet".to_owned() } else { value }}</dd>
                            <dd class="app-summary-list__actions"><a href=change>"Change"<span class="app-visually-hidden">" " {what}</span></a></dd>
                        </div>
                    }
                })
                .collect_view()
            };
            view! {
                <h2 class="app-heading-m">{s.title}</h2>
                <dl class="app-summary-list">{rows}</dl>
            }
        })
        .collect_view();
    view! {
        <BackLink to="/safety-plan"/>
        <h1 class="app-heading-l">"Check your answers"</h1>
        <dl class="app-summary-list">
            <div class="app-summary-list__row">
                <dt class="app-summary-list__key">"Your situation"</dt>
                <dd class="app-summary-list__value">{move || read(store, |p| p.situation.label())}</dd>
                <dd class="app-summary-list__actions"><a href=href("/safety-plan/start")>"Change"<span class="app-visually-hidden">" your situation"</span></a></dd>
            </div>
        </dl>
        {sections}
        <a class="app-button" href=href("/safety-plan/plan")>"Continue to your plan"</a>
    }
}
