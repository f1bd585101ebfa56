//! How Harbour shows where its facts come from: numbered source lists.

use crate::content::{self, source_dates};
use leptos::prelude::*;

/// A numbered list of sources; item N has the id `{prefix}-N`, the target of citation N.
#[component]
pub fn SourceList(
    /// Source keys in citation order.
    keys: &'static [&'static str],
    /// Id prefix, matching the citations in the text ("src").
    prefix: String,
    /// The list's heading.
    #[prop(default = "Sources")]
    heading: &'static str,
) -> impl IntoView {
    let items = keys
        .iter()
        .enumerate()
        .filter_map(|(i, key)| Some((i + 1, content::source(key)?)))
        .map(|(n, s)| {
            let title = if s.url.is_empty() {
                view! { <span>{s.title}</span> }.into_any()
            } else {
                view! { <a href=s.url rel="noreferrer">{s.title}</a> }.into_any()
            };
            view! {
                <li id=format!("{prefix}-{n}") tabindex="-1">
                    {title}
                    <span class="app-meta">" ("{source_dates(s)}")"</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="app-sources" data-no-read="">
            <h2 class="app-heading-s">{heading}</h2>
            <ol>{items}</ol>
        </div>
    }
}
