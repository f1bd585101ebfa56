//! The crisis guide, glossary, search and "questions to ask".

use crate::ui::components::page::{use_page_title, ComingSoon};
use leptos::prelude::*;

#[component]
pub fn GuidePage() -> impl IntoView {
    use_page_title(|| "What is happening".to_owned());
    view! {
        <h1 class="app-heading-l">"What is happening"</h1>
        <ComingSoon what="A plain guide to what happens now and next: the police investigation, court, children's social care, your rights and looking after yourself. Every fact will show its source and date.">
            <p>"Until then, the Stop It Now helpline gives free, confidential advice to partners and families: "<a href="tel:08081000900">"0808 1000 900"</a>"."</p>
        </ComingSoon>
    }
}

#[component]
pub fn GlossaryPage() -> impl IntoView {
    use_page_title(|| "Words and what they mean".to_owned());
    view! {
        <h1 class="app-heading-l">"Words and what they mean"</h1>
        <ComingSoon what="Plain explanations of the words and letters professionals use, such as RUI, SHPO and section 47.">
            <p>"If someone uses a word you don't know, it is fine to ask them what it means."</p>
        </ComingSoon>
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    use_page_title(|| "Search".to_owned());
    view! {
        <h1 class="app-heading-l">"Search"</h1>
        <ComingSoon what="Search across the guide and the word list, on this phone, without the internet.">
            <p>"Nothing you search for will leave this phone."</p>
        </ComingSoon>
    }
}

#[component]
pub fn QuestionsPage() -> impl IntoView {
    use_page_title(|| "Questions to ask".to_owned());
    view! {
        <h1 class="app-heading-l">"Questions to ask"</h1>
        <ComingSoon what="Lists of questions to ask the police, your social worker and a solicitor, that you can copy into your notes.">
            <p>"Meanwhile, it helps to write down each question before a meeting, and the answer you are given."</p>
        </ComingSoon>
    }
}
