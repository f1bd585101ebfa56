//! Pages that load on demand: each area of Harbour is a separate wasm chunk, fetched the
//! first time she opens it, so the first visit downloads only the shell (home, storage).
//! The lock screen is lazy too (a first visit never shows it), in the codec's module: it
//! needs the codec to unlock, and a split point of its own made every page share more,
//! smaller chunks with it (more files to fetch). The service worker precaches every chunk,
//! so all of it works offline after one visit. Without the `split` feature (native builds,
//! browser tests, and `trunk serve` for development) these are plain calls: the split
//! macro would otherwise leave the chunk loader's placeholder import in the wasm, and the
//! page could not start.
//!
//! Every page here can change her data, so none is shown until the store codec (its own
//! chunk, see `ui::store::codec`) has loaded too: a change is then always saved at once,
//! also as the page closes. It is fetched alongside the page's chunk.

use crate::domain::data::Snapshot;
use crate::domain::route::Route;
use crate::ui::pages;
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
#[cfg(feature = "split")]
use wasm_split_helpers::wasm_split;
use wasm_split_helpers::SplitLoaderError;

/// A page's chunk: awaited in the split build, where the split function is async.
macro_rules! chunk {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let page = $call.await;
        #[cfg(not(feature = "split"))]
        let page = $call;
        page
    }};
}

/// What loads on demand: a page, a part of the home page, or the lock screen.
#[derive(Clone, PartialEq)]
enum Part {
    Page(Route),
    HomePart(HomePart),
    LockScreen,
}

/// A part of the home page that only her own data fills (see [`HomePartLazy`]).
#[derive(Clone, Copy, PartialEq)]
pub enum HomePart {
    /// "Your safety plan is due for review".
    PlanReviewDue,
    /// "Now: … Next: …" for the police case and social care.
    JourneySummary,
    /// Her key dates in the next 30 days.
    ComingUp,
}

/// A part, built once its chunk has loaded.
async fn load_part(part: Part) -> Result<AnyView, SplitLoaderError> {
    match part {
        Part::Page(route) => load_page(route).await,
        // With the notebook's chunk, opening the home page with notes saved fetched 109 files
        // (254 KB brotli) rather than 48: these parts have a small chunk of their own.
        Part::HomePart(part) => chunk!(home_part(part)),
        Part::LockScreen => chunk!(lock_screen()),
    }
}

// In the codec's module, not one of its own: see the module's notes.
#[cfg_attr(feature = "split", wasm_split(codec, fallible))]
fn lock_screen() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <pages::lock::LockScreen/> }.into_any())
}

/// The page for a lazy route, built once its chunk has loaded (grouped by area, so pages
/// that share components share a chunk).
async fn load_page(route: Route) -> Result<AnyView, SplitLoaderError> {
    match route {
        Route::Guide
        | Route::GuidePage(_)
        | Route::GuideVersion(..)
        | Route::Glossary
        | Route::Search
        | Route::Questions => chunk!(guide_page(route)),
        Route::SafetyPlan(_) => chunk!(safety_plan_page(route)),
        Route::Children(_) => chunk!(children_page(route)),
        Route::Services | Route::Contacts | Route::Share | Route::AddService => {
            chunk!(services_page(route))
        }
        // The journey shares the notebook's chunk: its own chunk made the first visit about
        // 1.6 KB (brotli) larger, from the split step's extra shared chunks and their stubs.
        Route::Notebook | Route::Dates | Route::Journey => chunk!(notebook_page(route)),
        Route::Safety | Route::Settings => chunk!(settings_page(route)),
        Route::Letters | Route::Letter(_) | Route::Meetings | Route::Statement => {
            chunk!(letters_page(route))
        }
        Route::Home | Route::NotFound => Ok(().into_any()),
    }
}

#[cfg_attr(feature = "split", wasm_split(guide, fallible))]
fn guide_page(route: Route) -> Result<AnyView, SplitLoaderError> {
    Ok(match route {
        Route::GuidePage(slug) => view! { <pages::guide::GuideArticlePage slug/> }.into_any(),
        Route::GuideVersion(slug, nation) => {
            view! { <pages::guide::GuideArticlePage slug nation/> }.into_any()
        }
        Route::Glossary => view! { <pages::guide::GlossaryPage/> }.into_any(),
        Route::Search => view! { <pages::guide::SearchPage/> }.into_any(),
        Route::Questions => view! { <pages::guide::QuestionsPage/> }.into_any(),
        _ => view! { <pages::guide::GuideIndexPage/> }.into_any(),
    })
}

#[cfg_attr(feature = "split", wasm_split(safety_plan, fallible))]
fn safety_plan_page(route: Route) -> Result<AnyView, SplitLoaderError> {
    let rest = match route {
        Route::SafetyPlan(rest) => rest,
        _ => Vec::new(),
    };
    Ok(view! { <pages::safety_plan::SafetyPlanPage rest/> }.into_any())
}

#[cfg_attr(feature = "split", wasm_split(children, fallible))]
fn children_page(route: Route) -> Result<AnyView, SplitLoaderError> {
    let rest = match route {
        Route::Children(rest) => rest,
        _ => Vec::new(),
    };
    Ok(view! { <pages::children::ChildrenPage rest/> }.into_any())
}

#[cfg_attr(feature = "split", wasm_split(services, fallible))]
fn services_page(route: Route) -> Result<AnyView, SplitLoaderError> {
    Ok(match route {
        Route::Contacts => view! { <pages::services::ContactsPage/> }.into_any(),
        Route::Share => view! { <pages::services::SharePage/> }.into_any(),
        Route::AddService => view! { <pages::services::AddServicePage/> }.into_any(),
        _ => view! { <pages::services::ServicesPage/> }.into_any(),
    })
}

#[cfg_attr(feature = "split", wasm_split(notebook, fallible))]
fn notebook_page(route: Route) -> Result<AnyView, SplitLoaderError> {
    Ok(match route {
        Route::Dates => view! { <pages::notebook::DatesPage/> }.into_any(),
        Route::Journey => view! { <pages::journey::JourneyPage/> }.into_any(),
        _ => view! { <pages::notebook::NotebookPage/> }.into_any(),
    })
}

#[cfg_attr(feature = "split", wasm_split(home_parts, fallible))]
fn home_part(part: HomePart) -> Result<AnyView, SplitLoaderError> {
    Ok(match part {
        HomePart::PlanReviewDue => view! { <pages::home::PlanReviewDue/> }.into_any(),
        HomePart::ComingUp => view! { <pages::home::ComingUp/> }.into_any(),
        HomePart::JourneySummary => view! { <pages::journey::JourneySummary/> }.into_any(),
    })
}

#[cfg_attr(feature = "split", wasm_split(letters, fallible))]
fn letters_page(route: Route) -> Result<AnyView, SplitLoaderError> {
    Ok(match route {
        Route::Letter(kind) => view! { <pages::letters::LetterPage kind/> }.into_any(),
        Route::Meetings => view! { <pages::letters::meetings::MeetingsPage/> }.into_any(),
        Route::Statement => view! { <pages::letters::meetings::StatementPage/> }.into_any(),
        _ => view! { <pages::letters::LettersPage/> }.into_any(),
    })
}

#[cfg_attr(feature = "split", wasm_split(settings, fallible))]
fn settings_page(route: Route) -> Result<AnyView, SplitLoaderError> {
    Ok(match route {
        Route::Safety => view! { <pages::safety::SafetyPage/> }.into_any(),
        _ => view! { <pages::settings::SettingsPage/> }.into_any(),
    })
}

/// A part of the home page that only her own data fills. Its code is in a small chunk of
/// its own, fetched only once `when` says she has something for it (so never on a first
/// visit), and the shell carries only the check. While it loads, or if it cannot, the home
/// page shows nothing there.
#[component]
pub fn HomePartLazy(part: HomePart, when: fn(&Snapshot) -> bool) -> impl IntoView {
    let store = crate::ui::store::use_store();
    view! {
        <Show when=move || store.snapshot.with(when)>
            {lazy_part(Part::HomePart(part))}
        </Show>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Loading {
    Waiting,
    Ready,
    Failed,
}

/// Shows a lazy route's page: a short "Loading" line while its chunk arrives (from the
/// service worker's cache once installed, so this is brief), then the page. If the chunk
/// cannot be fetched (offline before the first visit finished caching), says so and offers
/// to try again; nothing she wrote is touched.
#[component]
pub fn LazyPage(route: Route) -> impl IntoView {
    lazy_part(Part::Page(route))
}

/// The lock screen, from the codec's chunk (unlocking needs the codec). Her data has
/// already gone from the page when this shows; the title says "Locked" (or "Notes" in
/// discreet mode) at once, before the chunk arrives.
#[component]
pub fn LazyLockScreen() -> impl IntoView {
    crate::ui::components::page::use_page_title(|| "Locked".to_owned());
    lazy_part(Part::LockScreen)
}

/// Shows a lazy part: see [`LazyPage`].
fn lazy_part(part: Part) -> impl IntoView {
    let state = RwSignal::new(Loading::Waiting);
    let page = StoredValue::new_local(None::<AnyView>);
    // Part of a page (see `HomePartLazy`): nothing while it loads or if it fails.
    let in_page = matches!(part, Part::HomePart(_));
    let part = StoredValue::new(part);
    // The page is built under this component's owner, also when "Try again" runs from a
    // click (which has no owner), so it finds the store and is cleaned up when she leaves.
    let owner = Owner::current().unwrap_or_default();
    let load = move || {
        state.set(Loading::Waiting);
        let part = part.get_value();
        // Start fetching the codec now, so it downloads alongside the page's chunk; the
        // second call below waits for this one rather than fetching again.
        leptos::task::spawn_local(async {
            let _ = crate::ui::store::load_codec().await;
        });
        let scoped = owner.with(|| {
            ScopedFuture::new(async move {
                let view = load_part(part).await;
                let codec = crate::ui::store::load_codec().await;
                match (view, codec) {
                    (Ok(view), Ok(_)) => {
                        page.set_value(Some(view));
                        state.set(Loading::Ready);
                    }
                    _ => state.set(Loading::Failed),
                }
            })
        });
        leptos::task::spawn_local(scoped);
    };
    load();
    move || match state.get() {
        Loading::Waiting | Loading::Failed if in_page => ().into_any(),
        Loading::Waiting => view! { <PageLoading/> }.into_any(),
        Loading::Ready => page
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        Loading::Failed => {
            let retry = load.clone();
            view! { <NotLoaded retry/> }.into_any()
        }
    }
}

/// Said when part of Harbour could not be fetched, with a button to try again.
#[component]
pub fn NotLoaded(retry: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    view! {
        <div class="app-notice app-notice--warning" role="alert">
            // Both wordings; discreet mode's class on <html> shows one.
            <h1 class="app-heading-l">
                <span class="app-if-open">"This part of Harbour did not load"</span>
                <span class="app-if-discreet">"This part did not load"</span>
            </h1>
            <p class="app-body">
                "It needs to be online once to save this part on your phone. "
                "What you wrote is safe. Check your connection and try again."
            </p>
            <button type="button" class="app-button" on:click=move |_| retry()>
                "Try again"
            </button>
        </div>
    }
}

/// "Loading…", while a page's chunk (or what reads her saved notes) arrives.
#[component]
pub fn PageLoading() -> impl IntoView {
    view! { <p class="app-body app-loading" role="status">"Loading…"</p> }
}
