//! The household safety plan builder.

use crate::ui::components::page::{use_page_title, ComingSoon};
use leptos::prelude::*;

#[component]
pub fn SafetyPlanPage() -> impl IntoView {
    use_page_title(|| "Your household safety plan".to_owned());
    view! {
        <h1 class="app-heading-l">"Your household safety plan"</h1>
        <ComingSoon what="A step-by-step way to write a safety plan for your home that social workers will recognise: who lives and visits, contact and supervision, the home, devices, outside the home, what the children know, and what you will do if you are worried. You will be able to print it for a meeting.">
            <p>"Children's social care may ask you for a written plan or agreement. A plan is voluntary: you can ask for changes before you sign it."</p>
        </ComingSoon>
    }
}
