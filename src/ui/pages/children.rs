//! Talking-to-children plans, one per child.

use crate::ui::components::page::{use_page_title, ComingSoon};
use leptos::prelude::*;

#[component]
pub fn ChildrenPage() -> impl IntoView {
    use_page_title(|| "Talking to your children".to_owned());
    view! {
        <h1 class="app-heading-l">"Talking to your children"</h1>
        <ComingSoon what="A plan for each child: what to say at their age, questions they might ask and your answers, who they can talk to, and what to tell the school.">
            <p>"Children can call Childline free, any time, on "<a href="tel:08001111">"0800 1111"</a>"."</p>
        </ComingSoon>
    }
}
