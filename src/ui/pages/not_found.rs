//! The page for an address Harbour does not have.

use crate::ui::components::page::use_page_title;
use crate::ui::nav::href;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_page_title(|| "Page not found".to_owned());
    view! {
        <h1 class="app-heading-l">"Page not found"</h1>
        <p>"Harbour has no page at this address. If you typed it, check it is right."</p>
        <p><a href=href("/")>"Go to the start of Harbour"</a></p>
    }
}
