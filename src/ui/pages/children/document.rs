//! A child's plan as a document to print or copy, its versions, and every child's plan
//! together.

use super::read_child;
use crate::adapters::browser;
use crate::domain::child_plan::{
    changes, label, to_text, ChildPlan, ChildPlanBody, ChildPlanVersion, ChildVersionKind,
};
use crate::domain::drafts::{DraftKey, ShortFields};
use crate::ui::components::form::choice_options;
use crate::ui::components::kept::Kept;
use crate::ui::components::listen::Listen;
use crate::ui::components::page::{use_page_title, BackLink};
use crate::ui::components::version_form::SaveVersionFields;
use crate::ui::store::use_store;
use leptos::prelude::*;

/// One child's plan, laid out for reading and printing.
#[component]
fn Doc(body: ChildPlanBody, label_text: String, #[prop(default = 2)] level: u8) -> impl IntoView {
    let knows = body.knows_labels();
    let mut rows: Vec<(String, String)> = vec![
        (
            "Age".into(),
            format!(
                "{}{}",
                body.age.trim(),
                body.band()
                    .map(|b| format!(" ({})", b.label()))
                    .unwrap_or_default()
            ),
        ),
        ("What they call him".into(), body.calls_him.clone()),
        ("What they know or may have seen".into(), knows.join(", ")),
    ];
    for id in [
        "knows-more",
        "vulnerable",
        "own-words",
        "when-where",
        "with-whom",
        "if-upset",
        "trusted-adults",
        "school-dsl",
        "afterwards-watch",
        "follow-up",
        "news-plan",
        "school-who-tells",
        "school-what",
        "school-contact",
    ] {
        let value = match id {
            "knows-more" => &body.knows_more,
            "vulnerable" => &body.vulnerable,
            "own-words" => &body.own_words,
            "when-where" => &body.when_where,
            "with-whom" => &body.with_whom,
            "if-upset" => &body.if_upset,
            "trusted-adults" => &body.trusted_adults,
            "school-dsl" => &body.school_dsl,
            "afterwards-watch" => &body.afterwards_watch,
            "follow-up" => &body.follow_up,
            "news-plan" => &body.news_plan,
            "school-who-tells" => &body.school_who_tells,
            "school-what" => &body.school_what,
            _ => &body.school_contact,
        };
        rows.push((label(id).to_owned(), value.clone()));
    }
    let title = format!("Talking to {}", body.display_name());
    let calls = body.calls_him.clone();
    let fill = move |s: &str| crate::domain::child_plan::fill(s, &calls);
    let heading = if level == 1 {
        view! { <h1 class="app-heading-l">{title}</h1> }.into_any()
    } else {
        view! { <h2 class="app-heading-l">{title}</h2> }.into_any()
    };
    view! {
        <article class="app-document app-document--child">
            {heading}
            <p class="app-document__meta">{label_text}</p>
            <dl>
                {rows.into_iter().filter(|(_, v)| !v.trim().is_empty()).map(|(k, v)| view! {
                    <dt class="app-summary-list__key">{k}</dt><dd class="app-summary-list__value">{v}</dd>
                }).collect_view()}
            </dl>
            {body.band().and_then(|b| crate::content::BANDS.iter().find(|x| x.id == b.id())).map(|band| view! {
                <h3 class="app-heading-m">{format!("What helps at this age ({})", band.label)}</h3>
                <div class="app-prose" inner_html=crate::domain::child_plan::fill_html(band.understands_html, &body.calls_him)></div>
                <h4 class="app-heading-s">"What helps"</h4>
                <ul>{band.say.iter().map(|s| view! { <li>{fill(s)}</li> }).collect_view()}</ul>
                <h4 class="app-heading-s">"What to avoid"</h4>
                <ul>{band.avoid.iter().map(|s| view! { <li>{fill(s)}</li> }).collect_view()}</ul>
                {(level == 1).then(|| view! {
                    <crate::ui::components::sources::SourceList keys=band.sources prefix=format!("band-{}-src", band.id) heading="Where this comes from"/>
                })}
            })}
            {(!body.phrases.is_empty()).then(|| view! {
                <h3 class="app-heading-m">"What I will say"</h3>
                <ul>{body.phrases.iter().map(|p| view! { <li>{p.text.clone()}</li> }).collect_view()}</ul>
            })}
            {(!body.questions.is_empty()).then(|| view! {
                <h3 class="app-heading-m">"Questions they might ask"</h3>
                <dl>{body.questions.iter().map(|q| view! {
                    <dt class="app-summary-list__key">{q.ask.clone()}</dt><dd class="app-summary-list__value">{q.answer.clone()}</dd>
                }).collect_view()}</dl>
            })}
        </article>
    }
}

fn version_label(plan: &ChildPlan, today: &str) -> String {
    crate::ui::components::page::version_label(&plan.versions, &plan.body, today)
}

#[component]
pub fn ChildDocument(id: String) -> impl IntoView {
    let store = use_store();
    let today = browser::today();
    let plan = {
        let id = id.clone();
        move || read_child(store, &id, Clone::clone).unwrap_or_default()
    };
    // Not her child's name: the browser's history keeps page titles.
    use_page_title(|| "Plan for talking to a child".to_owned());
    let status = RwSignal::new(String::new());
    // The version form, kept in her data (under this child) as she types.
    let blank = || ShortFields {
        choice: ChildVersionKind::Shared.id().to_owned(),
        ..ShortFields::default()
    };
    let form = Kept::short(DraftKey::child_version(&id), blank());
    let copy = {
        let plan = plan.clone();
        move |_| {
            let text = to_text(&plan().body);
            leptos::task::spawn_local(async move {
                status.set(match browser::copy_text(&text).await {
                    Ok(()) => "Copied.".into(),
                    Err(_) => "Your browser did not let Harbour copy. Select the text and copy it yourself.".into(),
                });
            });
        }
    };
    let mark = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let ShortFields {
                choice: k, text: n, ..
            } = form.get_untracked();
            // The kept choice is always a radio's value; the form starts at "shared".
            let kind = ChildVersionKind::from_id(&k).unwrap_or(ChildVersionKind::Shared);
            let (v, date) = (browser::new_id(), browser::today());
            let id = id.clone();
            store.snapshot.update(|s| {
                if let Some(c) = s.data.children.iter_mut().find(|c| c.id == id) {
                    let body = c.body.clone();
                    c.versions.push(ChildPlanVersion {
                        id: v,
                        kind,
                        date,
                        note: n,
                        body,
                    });
                }
            });
            form.clear(blank());
            status.set("Saved this version.".into());
        }
    };
    let back = format!("/children/{id}");
    let doc = {
        let (plan, today) = (plan.clone(), today.clone());
        move || {
            let p = plan();
            view! { <Doc label_text=version_label(&p, &today) body=p.body level=1/> }
        }
    };
    let diff = {
        let plan = plan.clone();
        move || {
            let p = plan();
            p.versions
                .last()
                .map(|v| changes(&v.body, &p.body))
                .unwrap_or_default()
        }
    };
    view! {
        <div class="app-no-print"><BackLink to=back/></div>
        <Listen own_words=true/>
        {doc}
        <div class="app-no-print">
            <p class="app-status" role="status">{move || status.get()}</p>
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=|_| browser::print()>"Print or save as PDF"</button>
                <button type="button" class="app-button app-button--secondary" on:click=copy>"Copy as text"</button>
            </div>
            <Show when={ let d = diff.clone(); move || !d().is_empty() }>
                <h2 class="app-heading-m">"Changes since your last saved version"</h2>
                <ul>{let d = diff.clone(); move || d().into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            </Show>
            <h2 class="app-heading-m">"Save this version"</h2>
            <form on:submit=mark novalidate>
                <SaveVersionFields prefix="child-version" options={choice_options::<ChildVersionKind>()}
                    note_label="Who with (optional)" form blank=blank() status/>
            </form>
        </div>
    }
}

/// Every child's plan in one document.
#[component]
pub fn AllPlans() -> impl IntoView {
    use_page_title(|| "Every child's plan".to_owned());
    let store = use_store();
    let today = browser::today();
    let plans = move || store.snapshot.with(|s| s.data.children.clone());
    view! {
        <div class="app-no-print"><BackLink to="/children" text="All children"/></div>
        <h1 class="app-heading-l">"Plans for talking to the children"</h1>
        <Listen own_words=true/>
        {move || plans().into_iter().map(|p| view! { <Doc label_text=version_label(&p, &today) body=p.body/> }).collect_view()}
        <div class="app-no-print">
            <button type="button" class="app-button" on:click=|_| browser::print()>"Print or save as PDF"</button>
        </div>
    }
}
