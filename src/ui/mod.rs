//! The Leptos app: components (props only), pages (one per route) and the store.

pub mod app;
pub mod components;
pub mod lazy;
pub mod nav;
pub mod pages;
pub mod store;

use crate::adapters::browser;
use leptos::prelude::*;

thread_local! {
    /// The app, kept for the life of the page: dropping it would take the app off the page.
    static APP: std::cell::RefCell<Option<Box<dyn std::any::Any>>> =
        const { std::cell::RefCell::new(None) };
}

/// Starts Harbour: shows a message instead of a dead page if anything panics; then builds
/// the app and puts it in place of the static HTML.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("Harbour stopped: {info}");
        show_failure();
    }));
    nav::init_base(browser::base_path());
    // The app is built out of sight, in a few short tasks after the one that instantiated its
    // module (a long task holds up her first tap; see `components::soon`), while the static
    // page stays on screen; then it takes the static page's place in one step.
    leptos::leptos_dom::helpers::set_timeout(
        || {
            let intro = browser::static_intro().unwrap_or_default();
            let Some(offstage) = browser::offstage() else {
                return;
            };
            let app = leptos::mount::mount_to(
                offstage.clone(),
                move || view! { <app::App intro=intro/> },
            );
            APP.with(|kept| *kept.borrow_mut() = Some(Box::new(app)));
            components::soon::when_started(move || {
                browser::replace_static_shell(&offstage);
                browser::set_root_class("app-started", true);
            });
            components::soon::mark_started_soon();
        },
        std::time::Duration::ZERO,
    );
}

/// Shows the "Harbour has stopped working" box (plain DOM: the app may be broken).
fn show_failure() {
    let text =
        "<div class=\"app-main\"><div class=\"app-notice app-notice--warning\" role=\"alert\">\
        <h2 class=\"app-heading-m\">Harbour has stopped working</h2>\
        <p>Something went wrong. What you wrote before this moment is saved on this phone.</p>\
        <p><a href=\"./\">Reload Harbour</a>. In an emergency call <a href=\"tel:999\">999</a>.</p>\
        </div></div>";
    // In discreet mode not even this names Harbour.
    let html = if browser::has_root_class("app-discreet") {
        crate::domain::discreet::without_name(text)
    } else {
        text.to_owned()
    };
    crate::adapters::page::prepend_html(&html);
}
