//! The home page: what Harbour is for, and the way to its four parts.

use crate::ui::components::page::use_page_title;
use crate::ui::nav::href;
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
    view! { <div inner_html=intro></div> }.into_any()
}
