//! Services: the directory, her contacts, and support-worker links.

use crate::ui::components::page::{use_page_title, ComingSoon};
use leptos::prelude::*;

/// The numbers that must always be one tap away.
#[component]
fn EmergencyNumbers() -> impl IntoView {
    view! {
        <div class="app-notice">
            <h2 class="app-notice__title">"If you need help now"</h2>
            <ul>
                <li><a href="tel:999">"999"</a>": police, ambulance or fire, if anyone is in danger now."</li>
                <li><a href="tel:101">"101"</a>": police, when it is not an emergency."</li>
                <li><a href="tel:08001111">"0800 1111"</a>": Childline, for children and young people, free, day and night."</li>
                <li><a href="tel:116123">"116 123"</a>": Samaritans, for anyone who needs to talk, free, day and night."</li>
            </ul>
        </div>
    }
}

#[component]
pub fn ServicesPage() -> impl IntoView {
    use_page_title(|| "Help and services".to_owned());
    view! {
        <h1 class="app-heading-l">"Help and services"</h1>
        <EmergencyNumbers/>
        <ComingSoon what="A list of services for you, for your children and for the person arrested, with numbers you can tap and the date each was last checked.">
            <p>"The Stop It Now helpline gives free, confidential advice to partners and families: "<a href="tel:08081000900">"0808 1000 900"</a>"."</p>
        </ComingSoon>
    }
}

#[component]
pub fn ContactsPage() -> impl IntoView {
    use_page_title(|| "Your contacts".to_owned());
    view! {
        <h1 class="app-heading-l">"Your contacts"</h1>
        <ComingSoon what="Your own list of contacts, such as your social worker, the out-of-hours duty team, a solicitor and the school's safeguarding lead, kept only on this phone.">
            <p>"Until then, you can keep them in your "<a href=crate::ui::nav::href("/notebook")>"notebook"</a>"."</p>
        </ComingSoon>
    }
}

#[component]
pub fn SharePage() -> impl IntoView {
    use_page_title(|| "Share Harbour".to_owned());
    view! {
        <h1 class="app-heading-l">"Share Harbour"</h1>
        <ComingSoon what="For support workers: a link and a QR code that open Harbour with your service's details ready to add. No personal information travels in the link.">
            <p>"For now, share the address of this page."</p>
        </ComingSoon>
    }
}

#[component]
pub fn AddServicePage() -> impl IntoView {
    use_page_title(|| "Add a service".to_owned());
    view! {
        <h1 class="app-heading-l">"Add a service"</h1>
        <ComingSoon what="When a support worker shares a link with you, Harbour will show their service here and ask before adding it to your contacts.">
            <p>"Nothing from a link is saved unless you say yes."</p>
        </ComingSoon>
    }
}
