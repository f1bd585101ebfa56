//! Services: the directory (emergency numbers first, filtered by need and nation), her own
//! contacts, and support-worker links.

mod contacts;
mod share;

pub use contacts::ContactsPage;
use contacts::FromLinkMark;
pub use share::{AddServicePage, SharePage};

use crate::adapters::browser;
use crate::content::{self, Service, SERVICES};
use crate::domain::nation::in_words;
use crate::domain::phone::{sms_href, tel_href};
use crate::ui::components::page::use_page_title;
use crate::ui::nav::href;
use crate::ui::store::use_store;
use leptos::prelude::*;

const NEEDS: &[(&str, &str)] = &[
    ("", "Everything"),
    ("for-me", "Support for me"),
    ("for-children", "Support for the children"),
    ("person-arrested", "Help for the person arrested"),
    ("advice", "Advice on social services and the law"),
    ("crisis", "Help now, day or night"),
];
const NATIONS: &[(&str, &str)] = &[
    ("", "Anywhere in the UK"),
    ("england", "England"),
    ("wales", "Wales"),
    ("scotland", "Scotland"),
    ("northern-ireland", "Northern Ireland"),
];

/// Shown beside a detail that could not be read on the organisation's own website.
const NOT_CHECKED: &str = "We could not check this on the organisation's own website";

fn not_confirmed(s: &Service, field: &str) -> impl IntoView {
    s.unconfirmed
        .contains(&field)
        .then(|| view! { " " <span class="app-tag app-tag--warning">{NOT_CHECKED}</span> })
}

/// The warning for a number shown as a button, which has no row of its own.
fn number_not_confirmed(s: &Service, field: &'static str, what: &'static str) -> impl IntoView {
    s.unconfirmed.contains(&field).then(
        || view! { <p><span class="app-tag app-tag--warning">{what} ": " {NOT_CHECKED}</span></p> },
    )
}

/// One service, with ways to reach it.
#[component]
fn ServiceCard(service: &'static Service) -> impl IntoView {
    let copied = RwSignal::new(false);
    let sources = service
        .sources
        .iter()
        .filter_map(|k| content::source(k))
        .map(|s| format!("{} ({})", s.title, content::source_dates(s)))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <li class="app-service" id=service.id tabindex="-1">
            // A link written with the service's earlier id lands on its name.
            <h3 class="app-heading-m" id=(!service.former_id.is_empty()).then_some(service.former_id) tabindex=(!service.former_id.is_empty()).then_some("-1")>{service.name}</h3>
            {(!service.run_by.is_empty()).then(|| view! { <p class="app-meta">"Run by " {service.run_by}</p> })}
            <p>{service.offers}</p>
            <p><strong>"For: "</strong>{service.for_whom}</p>
            <div class="app-button-group">
                {(!service.phone.is_empty()).then(|| view! {
                    <a class="app-button" href=tel_href(service.phone)>"Call " {service.phone}</a>
                })}
                {(!service.text.is_empty()).then(|| view! {
                    <a class="app-button app-button--secondary" href=sms_href(service.text, service.text_body)>
                        {if service.text_body.is_empty() { format!("Text {}", service.text) } else { format!("Text {} to {}", service.text_body, service.text) }}
                    </a>
                })}
                {(!service.phone.is_empty()).then(|| view! {
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                        leptos::task::spawn_local(async move {
                            copied.set(browser::copy_text(service.phone).await.is_ok());
                        });
                    }>{move || if copied.get() { "Number copied" } else { "Copy number" }}</button>
                })}
            </div>
            {number_not_confirmed(service, "phone", "Phone number")}
            {number_not_confirmed(service, "text", "Text number")}
            <dl class="app-service__details">
                {(!service.hours.is_empty()).then(|| view! { <dt>"Open"</dt><dd>{service.hours}{not_confirmed(service, "hours")}</dd> })}
                {(!service.cost.is_empty()).then(|| view! { <dt>"Cost"</dt><dd>{service.cost}{not_confirmed(service, "cost")}</dd> })}
                {(!service.web.is_empty()).then(|| view! { <dt>"Website"</dt><dd><a href=service.web rel="noreferrer">{service.web.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/')}</a>{not_confirmed(service, "web")}</dd> })}
                {(!service.email.is_empty()).then(|| view! { <dt>"Email"</dt><dd><a href=format!("mailto:{}", service.email)>{service.email}</a>{not_confirmed(service, "email")}</dd> })}
                <dt>"Covers"</dt><dd>{in_words(service.nations)}</dd>
            </dl>
            {(!service.note.is_empty()).then(|| view! { <p>{service.note}</p> })}
            <p class="app-meta">"Last checked " {content::human_date(service.checked)} ". Source: " {sources}</p>
        </li>
    }
}

#[component]
pub fn ServicesPage() -> impl IntoView {
    use_page_title(|| "Help and services".to_owned());
    let store = use_store();
    let need = RwSignal::new(String::new());
    // Her nation's services by default (services for the whole UK list every nation, so
    // they stay); she can widen it to anywhere.
    let home = store.snapshot.with_untracked(|s| s.data.nation.nation());
    let nation = RwSignal::new(home.map_or_else(String::new, |n| n.id().to_owned()));
    let emergency: Vec<&'static Service> = SERVICES.iter().filter(|s| s.emergency).collect();
    let shown = move || {
        let (need, nation) = (need.get(), nation.get());
        // Emergency services are listed here too, so their details and checked dates show.
        SERVICES
            .iter()
            .filter(|s| need.is_empty() || s.categories.contains(&need.as_str()))
            .filter(|s| nation.is_empty() || s.nations.contains(&nation.as_str()))
            .collect::<Vec<_>>()
    };
    let contacts = move || store.snapshot.with(|s| s.data.contacts.clone());
    let select = |id: &'static str,
                  label: &'static str,
                  options: &'static [(&'static str, &'static str)],
                  value: RwSignal<String>| {
        view! {
            <div class="app-form-group">
                <label class="app-label" for=id>{label}</label>
                <select class="app-select" id=id on:change:target=move |ev| value.set(ev.target().value())>
                    {options.iter().map(|(v, l)| view! { <option value=*v selected=move || value.get() == *v>{*l}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <h1 class="app-heading-l">"Help and services"</h1>
        <section class="app-notice app-notice--warning" aria-labelledby="emergency-title">
            <h2 class="app-notice__title" id="emergency-title">"If you need help now"</h2>
            <ul class="app-emergency">
                {emergency.into_iter().map(|s| view! {
                    <li>
                        <a class="app-button app-button--warning" href=tel_href(s.phone)>{format!("{} {}", s.name, s.phone)}</a>
                        <span class="app-emergency__for">{s.for_whom}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="my-contacts-title">
            <h2 class="app-heading-m" id="my-contacts-title">"Your contacts"</h2>
            <Show when=move || !contacts().is_empty() fallback=|| view! {
                <p>"Keep your own contacts here, such as your social worker and the out-of-hours duty team. They stay on this phone."</p>
            }>
                <ul class="app-link-list">
                    {move || contacts().into_iter().map(|c| {
                        let who = if c.name.trim().is_empty() { c.role.label().to_owned() } else { format!("{} ({})", c.name.trim(), c.role.label()) };
                        view! {
                            <li>
                                {who} " "
                                {(!c.phone.is_empty()).then(|| view! { <a href=tel_href(&c.phone)>"Call " {c.phone.clone()}</a> })}
                                {c.from_link.then(|| view! { <FromLinkMark/> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <p><a href=href("/contacts")>"Add or change your contacts"</a></p>
        </section>
        <h2 class="app-heading-m">"Services that can help"</h2>
        <p>"These organisations help families like yours. We read each number and opening time on the organisation's own website, on the day shown under “Last checked”. We cannot ring them to check. Where we could not check something on the organisation's own website, it says so."</p>
        <p>"Numbers and times change. If a number does not work, search for the organisation's name to find its own website."</p>
        <div class="app-filters">
            {select("need", "What do you need?", NEEDS, need)}
            {select("nation", "Where do you live?", NATIONS, nation)}
        </div>
        <p class="app-status" role="status" id="services-count">{move || match shown().len() { 1 => "1 service".to_owned(), n => format!("{n} services") }}</p>
        <ul class="app-services">
            {move || shown().into_iter().map(|s| view! { <ServiceCard service=s/> }).collect_view()}
        </ul>
        <p><a href=href("/share")>"For support workers: share your service, or share Harbour"</a></p>
    }
}
