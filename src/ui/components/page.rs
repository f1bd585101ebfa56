//! Page furniture: the document title, back links and honest "coming soon" sections.

use crate::adapters::browser;
use crate::domain::versions::{standing, SavedVersion, Standing};
use crate::ui::nav::href;
use crate::ui::store::{use_store, Store};
use leptos::prelude::*;

/// Sets the document title for this page ("Settings – Harbour"), or "Notes" in discreet
/// mode, which also keeps the browser's history list neutral. A title never holds anything
/// she typed (a child's name, say): the history list keeps titles.
pub fn use_page_title(title: impl Fn() -> String + Send + Sync + 'static) {
    let store = use_store();
    Effect::new(move |_| {
        let text = if store.discreet.get() {
            "Notes".to_owned()
        } else {
            format!("{} – Harbour", title())
        };
        browser::set_title(&text);
    });
}

/// `text` as she should see it: in discreet mode, without Harbour's name (for messages
/// that can show on any page, the lock screen or the cover). Tracks discreet mode.
pub fn discreet_text(store: Store, text: &str) -> String {
    if store.discreet.get() {
        crate::domain::discreet::without_name(text)
    } else {
        text.to_owned()
    }
}

/// A GOV.UK-style back link to a fixed place (not the browser's history).
#[component]
pub fn BackLink(
    /// The in-app route to go back to.
    #[prop(into)]
    to: String,
    /// The link text.
    #[prop(default = "Back")]
    text: &'static str,
) -> impl IntoView {
    view! { <a class="app-back-link" href=href(&to)>{text}</a> }
}

/// What a part of Harbour will do when it is built, and where to get that help today.
#[component]
pub fn ComingSoon(
    /// What this part will do, in one or two sentences.
    what: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="app-notice">
            <h2 class="app-notice__title">"This part of Harbour is still being built"</h2>
            <p>{what}</p>
            {children()}
        </div>
    }
}

/// How a plan document names its version: "Version 2, agreed on 23 November 2026", or
/// "Draft of 24 November 2026, changed since version 2".
pub fn version_label<V: SavedVersion>(versions: &[V], body: &V::Body, today: &str) -> String {
    use crate::content::human_date;
    let Standing {
        count,
        last,
        unchanged,
    } = standing(versions, body);
    match last {
        Some((how, date)) if unchanged => {
            format!("Version {count}, {how} on {}", human_date(date))
        }
        Some(_) => format!(
            "Draft of {}, changed since version {count}",
            human_date(today)
        ),
        None => format!("Draft of {}", human_date(today)),
    }
}
