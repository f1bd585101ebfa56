//! Using Harbour safely: what quick exit and Harbour's storage do, and what they do not.

use crate::ui::components::page::use_page_title;
use crate::ui::nav::href;
use leptos::prelude::*;

#[component]
pub fn SafetyPage() -> impl IntoView {
    use_page_title(|| "Using Harbour safely".to_owned());
    view! {
        <h1 class="app-heading-l">"Using Harbour safely"</h1>
        <p class="app-lead">"Harbour keeps what you write on this phone only. Nobody else can see it unless they use this phone."</p>
        <h2 class="app-heading-m">"Quick exit"</h2>
        <p>"The red Quick exit button at the top of every page leaves Harbour at once and opens a weather page instead. Harbour does not add its pages to your Back button, so pressing Back afterwards does not show what you were reading or writing."</p>
        <p>"Quick exit does not delete your browser's history. Someone who looks at the history list can still see that you visited Harbour."</p>
        <h2 class="app-heading-m">"If you share this phone"</h2>
        <ul>
            <li>"Private or incognito browsing keeps Harbour out of your history, but everything you write is deleted when you close the window."</li>
            <li>"Files you download from Harbour stay in your downloads list and files app until you delete them."</li>
            <li>"If you add Harbour to your home screen, its name and icon stay there until you remove it."</li>
        </ul>
        <p>"More privacy settings, such as a passphrase lock and a neutral name, are coming to "<a href=href("/settings")>"Settings"</a>"."</p>
    }
}
