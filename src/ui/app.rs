//! The app shell: store, address, layout and the route table.

use crate::domain::route::{self, Route};
use crate::ui::components::layout::{Footer, Header, SkipLink};
use crate::ui::components::notices::{NoticeList, StorageBanner, UpdateBanner};
use crate::ui::components::soon::{when_started, Soon};
use crate::ui::lazy;
use crate::ui::nav;
use crate::ui::nav::use_location;
use crate::ui::pages;
use crate::ui::store::{provide_store_soon, Health};
use leptos::prelude::*;

/// The whole app. `intro` is the home page's static introduction, taken from index.html.
#[component]
pub fn App(intro: String) -> impl IntoView {
    let store = provide_store_soon();
    provide_context(pages::home::HomeIntro(intro));
    let update_ready = RwSignal::new(false);
    provide_context(crate::ui::components::notices::UpdateReady(update_ready));
    crate::ui::components::layout::apply_disguise(store);
    register_service_worker(update_ready);
    nav::provide_location();
    // In discreet mode she may open the static page's plain cover while the app is built.
    when_started(move || {
        let covered = crate::adapters::browser::has_root_class("app-covered");
        if store.covered.get_untracked() != covered {
            store.covered.set(covered);
        }
    });

    view! { <Shell/> }
}

/// Layout, focus on navigation, and the routes.
#[component]
fn Shell() -> impl IntoView {
    let store = crate::ui::store::use_store();
    // What fills the page: a memo, so that a change which leaves the same screen (turning
    // discreet mode on while she reads, say) does not rebuild the page she is on.
    let screen = Memo::new(move |_| {
        if store.lock_state.get() == crate::ui::store::LockState::Locked {
            Screen::Lock
        } else if store.discreet.get() && store.covered.get() {
            Screen::Cover
        } else {
            Screen::Page
        }
    });
    nav::intercept_links();
    focus_on_navigation();
    view! {
        <SkipLink/>
        // As Harbour starts, the header and the page are each built in a task of their own.
        <Soon>
            <Header/>
        </Soon>
        <main id="main" class="app-main" tabindex="-1">
            <UpdateBanner/>
            <StorageBanner/>
            <NoticeList/>
            <Soon>
                {move || match screen.get() {
                    Screen::Lock => view! { <lazy::LazyLockScreen/> }.into_any(),
                    Screen::Cover => view! { <pages::cover::CoverPage/> }.into_any(),
                    Screen::Page => view! { <PageSwitch/> }.into_any(),
                }}
            </Soon>
        </main>
        // Below the page: built in a task of its own as Harbour starts.
        <Soon>
            <Footer/>
        </Soon>
    }
}

/// The lock screen, discreet mode's plain cover, or the page she asked for.
#[derive(Clone, Copy, PartialEq)]
enum Screen {
    Lock,
    Cover,
    Page,
}

/// Shows the page for the current address (see `ui::nav`: one match, no router crate).
#[component]
fn PageSwitch() -> impl IntoView {
    let location = use_location();
    let current = Memo::new(move |_| {
        let path = location.pathname.get();
        let inner = path
            .strip_prefix(&nav::router_base())
            .unwrap_or(&path)
            .to_owned();
        route::parse(&inner)
    });
    // Pages that change her data are built only once what is stored has been read. A memo,
    // so that other changes of health (a full quota, say) do not rebuild the page.
    let store = crate::ui::store::use_store();
    let gate = Memo::new(move |_| {
        store.health.with(|h| match h {
            Health::Opening => Gate::Opening,
            Health::NotOpened => Gate::NotOpened,
            _ => Gate::Open,
        })
    });
    move || match current.get() {
        Route::Home => view! { <pages::home::HomePage/> }.into_any(),
        Route::NotFound => view! { <pages::not_found::NotFoundPage/> }.into_any(),
        route => match gate.get() {
            Gate::Open => view! { <lazy::LazyPage route/> }.into_any(),
            Gate::Opening => view! { <lazy::PageLoading/> }.into_any(),
            Gate::NotOpened => {
                view! { <lazy::NotLoaded retry=move || store.retry_open()/> }.into_any()
            }
        },
    }
}

/// Whether what is stored has been read (see `Health::Opening`).
#[derive(Clone, Copy, PartialEq)]
enum Gate {
    Open,
    Opening,
    NotOpened,
}

/// After an in-app navigation, moves focus to the new page's heading so screen readers
/// announce it, as a full page load would.
fn focus_on_navigation() {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        let hash = location.hash.get();
        if !hash.is_empty() && hash.len() > 1 {
            // A link to a part of a page (a glossary term, a guide section).
            focus_fragment_when_shown(hash[1..].to_owned(), 120);
        } else if previous.is_some_and(|p| p != path) {
            focus_heading_when_shown(120);
        }
        path
    });
}

/// Focuses the part of the page a link points to, once it is on screen.
fn focus_fragment_when_shown(id: String, frames: u32) {
    each_frame_until(frames, move || nav::focus_fragment(&id));
}

/// Focuses the page's heading once it is on screen: at once for pages in the shell, or
/// after a lazily loaded page's chunk arrives.
pub(crate) fn focus_heading_when_shown(frames: u32) {
    each_frame_until(frames, || crate::adapters::page::focus_first("#main h1"));
}

/// Runs `done` on each of the next `frames` animation frames until it returns true (about
/// two seconds for 120 frames): a lazily loaded page's elements appear only once its chunk
/// has arrived.
fn each_frame_until(frames: u32, mut done: impl FnMut() -> bool + 'static) {
    leptos::leptos_dom::helpers::request_animation_frame(move || {
        if !done() && frames > 1 {
            each_frame_until(frames - 1, done);
        }
    });
}

/// Registers the service worker (offline use and updates) in a task of its own once the
/// first screen is on, so that it does not lengthen the start.
fn register_service_worker(update_ready: RwSignal<bool>) {
    when_started(move || {
        leptos::leptos_dom::helpers::set_timeout(
            move || register_service_worker_now(update_ready),
            std::time::Duration::ZERO,
        )
    });
}

fn register_service_worker_now(update_ready: RwSignal<bool>) {
    leptos::task::spawn_local(async move {
        let result =
            crate::adapters::pwa::register(nav::base(), move || update_ready.set(true)).await;
        if let Err(why) = result {
            leptos::logging::log!("Harbour works without offline support here: {why}");
        }
    });
}
