//! The home page: what Harbour is for, and the way to its four parts.

use crate::domain::data::Snapshot;
use crate::domain::nation::Residence;
use crate::ui::components::nation::{question_html, showing};
use crate::ui::components::page::use_page_title;
use crate::ui::components::soon::Soon;
use crate::ui::lazy::{HomePart, HomePartLazy};
use crate::ui::nav::href;
use crate::ui::store::{load_codec, use_store, LockState};
use leptos::prelude::*;

/// The introduction from index.html (the same words show before and after the app loads).
#[derive(Clone)]
pub struct HomeIntro(pub String);

#[component]
pub fn HomePage() -> impl IntoView {
    use_page_title(|| "Home".to_owned());
    let intro = use_context::<HomeIntro>().map(|i| i.0).unwrap_or_default();
    if intro.is_empty() {
        // index.html always carries the introduction; this is only a fallback.
        return view! {
            <h1 class="app-heading-xl">"Harbour"</h1>
            <p><a href=href("/guide")>"What is happening"</a></p>
        }
        .into_any();
    }
    let store = use_store();
    // The parts only her own data fills load with a small chunk of their own (see
    // `HomePartLazy`).
    let has_review_date = |s: &Snapshot| !s.data.plan.body.review.date.is_empty();
    let has_marked =
        |s: &Snapshot| !s.data.journey.police.is_empty() || !s.data.journey.care.is_empty();
    let has_dates = |s: &Snapshot| !s.data.dates.is_empty();
    view! {
        <HomePartLazy part=HomePart::PlanReviewDue when=has_review_date/>
        <div inner_html=intro></div>
        // What follows the introduction (the static page's words) is built in tasks of its
        // own as Harbour starts (see `Soon`).
        <Soon>
            <WhereYouLive/>
            <HomePartLazy part=HomePart::JourneySummary when=has_marked/>
            <HomePartLazy part=HomePart::ComingUp when=has_dates/>
            <ul class="app-link-list">
                <li><a href=href("/notebook")>"Your notebook: what was said and agreed"</a></li>
                <li><a href=href("/dates")>"Key dates"</a></li>
                <li><a href=href("/journey")>"Where you are: the police case and social care at a glance"</a></li>
                <li><a href=href("/meetings")>"Prepare for a meeting"</a></li>
                <li><a href=href("/letters")>"Letters"</a></li>
            </ul>
        </Soon>
        <Soon>
            <Show when=move || store.lock_state.get() == LockState::Off && !store.is_opening()>
                <div class="app-notice">
                    <h2 class="app-notice__title">"Keep Harbour private"</h2>
                    <p>"If someone else may use this phone, you can lock Harbour with a passphrase so nobody else can read what you write."</p>
                    <p><a href=href("/settings")>"Set up a passphrase lock"</a></p>
                </div>
            </Show>
        </Soon>
    }
    .into_any()
}

/// "Your safety plan is due for review", once its review date has passed (from the
/// home parts' chunk: see `HomePartLazy`).
#[component]
pub fn PlanReviewDue() -> impl IntoView {
    let store = use_store();
    let today = crate::adapters::browser::today();
    let review_due = move || store.snapshot.with(|s| s.data.plan.review_due(&today));
    view! {
        <Show when=review_due>
            <div class="app-notice app-notice--warning">
                <h2 class="app-notice__title">"Your safety plan is due for review"</h2>
                <p>"The review date in your plan has passed. Check it still fits, and talk to your social worker about any changes."</p>
                <p><a href=href("/safety-plan")>"Review your safety plan"</a></p>
            </div>
        </Show>
    }
}

/// The dates in the next 30 days (from the home parts' chunk: see `HomePartLazy`).
#[component]
pub fn ComingUp() -> impl IntoView {
    let store = use_store();
    let today = crate::adapters::browser::today();
    let soon = Memo::new(move |_| {
        store.snapshot.with(|s| {
            crate::domain::notebook::coming_up(&s.data.dates, &today, 30)
                .into_iter()
                .map(crate::ui::pages::notebook::describe)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !soon.with(Vec::is_empty)>
            <section class="app-notice" aria-labelledby="coming-up-title">
                <h2 class="app-notice__title" id="coming-up-title">"Coming up"</h2>
                <ul>{move || soon.get().into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                <p><a href=href("/dates")>"All key dates"</a></p>
            </section>
        </Show>
    }
}

/// Asks once, gently, where she lives; once she has answered, one line says whose
/// information she sees, with a way to change it.
#[component]
fn WhereYouLive() -> impl IntoView {
    let store = use_store();
    let answer = move || store.snapshot.with(|s| s.data.nation);
    // Once it is known she has not answered, the question stays (showing her answer) until
    // she leaves the page: moving through radios with the arrow keys chooses each in turn,
    // and the question must not vanish under her at the first one.
    let asking = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || (!store.is_opening() && !answer().answered())
    });
    let not_saved = RwSignal::new(false);
    let choose = move |ev: leptos::ev::Event| {
        let Some(choice) = Residence::from_id(&event_target_value(&ev)) else {
            return;
        };
        // Her data is written by the codec, a chunk a first visit has not fetched yet.
        leptos::task::spawn_local(async move {
            let loaded = load_codec().await.is_ok();
            not_saved.set(!loaded);
            if loaded {
                store.snapshot.update(|s| s.data.nation = choice);
            }
        });
    };
    let status = move || {
        if not_saved.get() {
            "Harbour could not save your answer. Check your connection and try again.".to_owned()
        } else if answer().answered() {
            format!("Saved. {}", showing(answer()))
        } else {
            String::new()
        }
    };
    move || {
        if asking.get() {
            view! {
                <div class="app-notice" id="where-you-live">
                    <div on:change=choose inner_html=question_html("home-nation")></div>
                    <p class="app-status" role="status">{status}</p>
                </div>
            }
            .into_any()
        } else if answer().answered() {
            view! {
                <p class="app-meta" id="where-you-live">
                    {showing(answer())} " "
                    <a href=href("/settings#nation")>"Change"<span class="app-visually-hidden">" where you live"</span></a>
                </p>
            }
            .into_any()
        } else {
            ().into_any()
        }
    }
}
