//! The plan as a document to print (A4, no app chrome) or copy as text, marking a version
//! as agreed or sent, and the list of versions with what changed.

use super::check::section_rows;
use super::{read, section_title};
use crate::adapters::browser;
use crate::content::{human_date, PLAN_SECTIONS};
use crate::domain::drafts::{DraftKey, ShortFields};
use crate::domain::plan::{diff, text, validate, PlanBody, PlanVersionKind, SafetyPlan};
use crate::ui::components::form::{choice_options, ErrorSummary};
use crate::ui::components::kept::Kept;
use crate::ui::components::listen::Listen;
use crate::ui::components::page::{use_page_title, BackLink};
use crate::ui::components::version_form::SaveVersionFields;
use crate::ui::nav::href;
use crate::ui::store::use_store;
use leptos::prelude::*;

fn version_label(plan: &SafetyPlan, today: &str) -> String {
    crate::ui::components::page::version_label(&plan.versions, &plan.body, today)
}

/// The plan laid out as a document.
#[component]
fn Document(
    #[prop(into)] body: Signal<PlanBody>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let children = move || {
        body.with(|p| {
            p.household
                .children
                .iter()
                .filter(|c| !c.name.trim().is_empty())
                .map(|c| format!("{} ({})", c.name.trim(), c.age.trim()))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let sections = PLAN_SECTIONS
        .iter()
        .map(|s| {
            let details = move || {
                body.with(|p| section_rows(p, s.id))
                    .into_iter()
                    .filter(|(_, v)| !v.trim().is_empty())
                    .map(|(k, v)| view! { <dt class="app-summary-list__key">{k}</dt><dd class="app-summary-list__value">{v}</dd> })
                    .collect_view()
            };
            let rules = move || {
                body.with(|p| p.section(s.id).map(|r| r.rules.iter().map(|r| r.text.trim().to_owned()).filter(|t| !t.is_empty()).collect::<Vec<_>>()).unwrap_or_default())
                    .into_iter()
                    .map(|t| view! { <li>{t}</li> })
                    .collect_view()
            };
            let notes = move || body.with(|p| p.section(s.id).map(|r| r.notes.trim().to_owned()).unwrap_or_default());
            view! {
                <section class="app-document__section">
                    <h2>{s.title}</h2>
                    <dl>{details}</dl>
                    <ul>{rules}</ul>
                    <Show when=move || !notes().is_empty()><p class="app-summary-list__value">{notes}</p></Show>
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="app-document" aria-labelledby="plan-title">
            <h1 class="app-heading-l" id="plan-title">"Household safety plan"</h1>
            <p class="app-document__meta">{label}</p>
            <Show when=move || !children().is_empty()>
                <p>"Children: " {children}</p>
            </Show>
            <p>"Situation: " {move || body.with(|p| p.situation.label())}</p>
            {sections}
            <div class="app-signatures">
                <h2>"Signatures"</h2>
                {(0..3).map(|_| view! {
                    <div class="app-signatures__line">
                        <span>"Name"</span><span class="app-signatures__blank"></span>
                        <span>"Signed"</span><span class="app-signatures__blank"></span>
                        <span>"Date"</span><span class="app-signatures__blank"></span>
                    </div>
                }).collect_view()}
            </div>
        </article>
    }
}

/// Which page an error belongs to, for links from the plan page.
fn page_for(field: &str, body: &PlanBody) -> String {
    let section = if field == "situation" || field == "person" {
        "start"
    } else if field.starts_with("child-")
        || field.starts_with("adult-")
        || field == "other-children"
    {
        "household"
    } else if [
        "status",
        "conditions",
        "agreement",
        "orders",
        "bail-return",
        "next-meeting",
    ]
    .contains(&field)
    {
        "where-things-stand"
    } else if field.starts_with("supervisor-") || field == "overnight" || field == "lives-at-home" {
        "contact"
    } else if field == "review-date" || field == "agreed-by" {
        "review"
    } else if let Some(rule) = field.strip_prefix("rule-") {
        body.sections
            .iter()
            .find(|s| s.rules.iter().any(|r| r.id == rule))
            .map_or("", |s| s.id.as_str())
    } else {
        PLAN_SECTIONS
            .iter()
            .find(|s| field.starts_with(s.id))
            .map_or("", |s| s.id)
    };
    href(&format!("/safety-plan/{section}#{field}"))
}

#[component]
pub fn PlanDocument() -> impl IntoView {
    use_page_title(|| "Your plan".to_owned());
    let store = use_store();
    let today = browser::today();
    let plan = move || store.snapshot.with(|s| s.data.plan.clone());
    let body = Signal::derive(move || read(store, Clone::clone));
    let label = {
        let today = today.clone();
        Signal::derive(move || version_label(&plan(), &today))
    };
    let status = RwSignal::new(String::new());
    // The version form, kept in her data as she types.
    let blank = || ShortFields {
        choice: PlanVersionKind::Agreed.id().to_owned(),
        ..ShortFields::default()
    };
    let form = Kept::short(DraftKey::plan_version(), blank());
    let problems = RwSignal::new(Vec::<(String, String, String)>::new());
    let copy = move |_| {
        let text = read(store, |p| {
            let titles: Vec<(&str, &str)> = PLAN_SECTIONS.iter().map(|s| (s.id, s.title)).collect();
            text::to_text(p, &titles, p.situation.label(), &label.get_untracked())
        });
        leptos::task::spawn_local(async move {
            status.set(match browser::copy_text(&text).await {
                Ok(()) => "Copied. You can paste the plan into an email or a message.".into(),
                Err(_) => "Your browser did not let Harbour copy. Select the plan's text and copy it yourself.".into(),
            });
        });
    };
    let mark = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let today = browser::today();
        let found: Vec<(String, String, String)> = read(store, |p| {
            let ids: Vec<&str> = PLAN_SECTIONS.iter().map(|s| s.id).collect();
            validate::before_marking(p, &ids)
                .into_iter()
                .map(|e| (page_for(&e.field, p), e.field, e.message))
                .collect()
        });
        problems.set(found);
        if problems.with_untracked(Vec::is_empty) {
            let ShortFields {
                choice: k, text: n, ..
            } = form.get_untracked();
            // The kept choice is always a radio's value; the form starts at "agreed".
            let kind = PlanVersionKind::from_id(&k).unwrap_or(PlanVersionKind::Agreed);
            let id = browser::new_id();
            store
                .snapshot
                .update(|s| s.data.plan.mark(id, kind, &today, &n));
            form.clear(blank());
            status.set(format!(
                "Saved as version {}.",
                store
                    .snapshot
                    .with_untracked(|s| s.data.plan.versions.len())
            ));
        }
    };
    view! {
        <div class="app-no-print">
            <BackLink to="/safety-plan"/>
        </div>
        <Listen own_words=true/>
        <Document body=body label=label/>
        <div class="app-no-print">
            <p class="app-status" role="status">{move || status.get()}</p>
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=|_| browser::print()>"Print or save as PDF"</button>
                <button type="button" class="app-button app-button--secondary" on:click=copy>"Copy as text"</button>
            </div>
            <h2 class="app-heading-m">"Mark this plan as agreed or sent"</h2>
            <p>"Harbour keeps a copy of each version you mark, with its date, so you can see later what changed."</p>
            <Show when=move || !problems.with(Vec::is_empty)>
                <div class="app-error-summary" role="alert">
                    <h3 class="app-heading-m">"Before you mark it, fix these"</h3>
                    <ul class="app-error-summary__list">
                        {move || problems.get().into_iter().map(|(link, _, message)| view! { <li><a href=link>{message}</a></li> }).collect_view()}
                    </ul>
                </div>
            </Show>
            <form on:submit=mark novalidate>
                <SaveVersionFields prefix="version" options={choice_options::<PlanVersionKind>()}
                    note_label="Who with, or sent to whom (optional)" form blank=blank() status/>
            </form>
            <p><a href=href("/safety-plan/versions")>"See all versions and what changed"</a></p>
        </div>
    }
}

#[component]
pub fn Versions() -> impl IntoView {
    use_page_title(|| "Versions of your plan".to_owned());
    let store = use_store();
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let list = move || {
        store.snapshot.with(|s| {
            let plan = &s.data.plan;
            let mut items = Vec::new();
            if let Some(last) = plan.versions.last() {
                let changes = diff::changes(&last.body, &plan.body, section_title);
                if !changes.is_empty() {
                    items.push((
                        "Changes since your last version".to_owned(),
                        String::new(),
                        changes,
                    ));
                }
            }
            for (i, v) in plan.versions.iter().enumerate().rev() {
                let kind = match v.kind {
                    PlanVersionKind::Agreed => "Agreed",
                    PlanVersionKind::Sent => "Sent",
                };
                let title = format!("Version {}: {kind} on {}", i + 1, human_date(&v.date));
                let changes = match i.checked_sub(1).and_then(|j| plan.versions.get(j)) {
                    Some(prev) => diff::changes(&prev.body, &v.body, section_title),
                    None => Vec::new(),
                };
                items.push((title, v.note.clone(), changes));
            }
            items
        })
    };
    view! {
        <BackLink to="/safety-plan"/>
        <ErrorSummary errors=errors/>
        <h1 class="app-heading-l">"Versions of your plan"</h1>
        <Show when=move || store.snapshot.with(|s| s.data.plan.versions.is_empty())>
            <p>"You have not marked a version yet. When a plan is agreed, or you send it to someone, mark it on "<a href=href("/safety-plan/plan")>"your plan"</a>" page."</p>
        </Show>
        {move || list().into_iter().map(|(title, note, changes)| {
            let first = changes.is_empty();
            view! {
                <section class="app-version">
                    <h2 class="app-heading-m">{title}</h2>
                    {(!note.is_empty()).then(|| view! { <p>{note}</p> })}
                    {if first {
                        view! { <p class="app-hint">"No changes from the version before, or this is the first."</p> }.into_any()
                    } else {
                        view! {
                            <ul>{changes.into_iter().map(|c| view! { <li><strong>{c.place}": "</strong>{c.what}</li> }).collect_view()}</ul>
                        }.into_any()
                    }}
                </section>
            }
        }).collect_view()}
    }
}
