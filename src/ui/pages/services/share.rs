//! Support-worker links: make one (with a QR code), and accept one. Nothing from a link is
//! stored unless she says yes, and the link's details are then removed from the address.

use crate::adapters::browser;
use crate::content::SERVICES;
use crate::domain::lookalike::{resembles, Listed};
use crate::domain::share::{decode, link, qr_svg, validate, Contact, SharedService};
use crate::ui::components::form::{error_for, ErrorSummary, TextArea, TextInput};
use crate::ui::components::kept::{ClearForm, Kept};
use crate::ui::components::page::use_page_title;
use crate::ui::nav::{base, href};
use crate::ui::store::use_store;
use leptos::prelude::*;

/// A link with its QR code and buttons to copy or share it.
#[component]
fn LinkBox(url: String, label: &'static str) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let qr = qr_svg(&url, &format!("QR code for {label}")).unwrap_or_default();
    let (copy_url, share_url) = (url.clone(), url.clone());
    view! {
        <div class="app-link-box">
            <p class="app-link-box__url"><code>{url}</code></p>
            <div class="app-qr" inner_html=qr></div>
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=move |_| {
                    let url = copy_url.clone();
                    leptos::task::spawn_local(async move {
                        status.set(if browser::copy_text(&url).await.is_ok() { "Link copied.".into() } else { "Your browser did not let Harbour copy. Select the link and copy it.".into() });
                    });
                }>"Copy link"</button>
                {browser::can_share().then(|| view! {
                    <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                        let url = share_url.clone();
                        leptos::task::spawn_local(async move { let _ = browser::share(label, &url).await; });
                    }>"Share"</button>
                })}
            </div>
            <p class="app-status" role="status">{move || status.get()}</p>
        </div>
    }
}

#[component]
pub fn SharePage() -> impl IntoView {
    use_page_title(|| "Share Harbour".to_owned());
    // The service's details, kept as they are typed (making the link does not clear them:
    // she may want to change one and make it again).
    let service = Kept::new(
        SharedService::default(),
        |d| d.link.clone(),
        |d, v| d.link = v,
    );
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let made = RwSignal::new(None::<String>);
    let field = |get: fn(&SharedService) -> &String, set: fn(&mut SharedService, String)| {
        (
            Signal::derive(move || service.with(|s| get(s).clone())),
            Callback::new(move |v: String| {
                service.update(|s| set(s, v));
                made.set(None);
            }),
        )
    };
    let (name, set_name) = field(|s| &s.name, |s, v| s.name = v);
    let (phone, set_phone) = field(|s| &s.phone, |s, v| s.phone = v);
    let (hours, set_hours) = field(|s| &s.hours, |s, v| s.hours = v);
    let (area, set_area) = field(|s| &s.area, |s, v| s.area = v);
    let (note, set_note) = field(|s| &s.note, |s, v| s.note = v);
    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = service.get_untracked();
        let found = validate(&s);
        errors.set(
            found
                .into_iter()
                .map(|e| (format!("share-{}", e.field), e.message))
                .collect(),
        );
        if errors.with_untracked(Vec::is_empty) {
            made.set(Some(link(
                &browser::absolute_url(&format!("{}add-service", base())),
                &s,
            )));
        }
    };
    let app = browser::absolute_url(base());
    view! {
        <h1 class="app-heading-l">"Share Harbour"</h1>
        <h2 class="app-heading-m">"Share Harbour itself"</h2>
        <p>"Show this QR code, or send the link. Harbour opens in the browser and can be added to the home screen."</p>
        <LinkBox url=app label="Harbour"/>
        <h2 class="app-heading-m">"For support workers: share your service"</h2>
        <p>"Make a link that opens Harbour with your service's details ready to add to her contacts. The details travel inside the link itself: nothing is sent to any server, and nothing is saved on her phone unless she chooses to add it."</p>
        <p><strong>"Do not put anything about the person you support in it."</strong>" Anyone who sees the link can read what is in it."</p>
        <ErrorSummary errors=errors/>
        <form on:submit=make novalidate>
            <TextInput id="share-name".to_owned() label="Your organisation's name".to_owned() value=name on_input=set_name error=error_for(errors, "share-name".to_owned())/>
            <TextInput id="share-phone".to_owned() label="Phone (optional)".to_owned() kind="tel" value=phone on_input=set_phone error=error_for(errors, "share-phone".to_owned())/>
            <TextInput id="share-hours".to_owned() label="Opening hours (optional)".to_owned() value=hours on_input=set_hours error=error_for(errors, "share-hours".to_owned())/>
            <TextInput id="share-area".to_owned() label="Area you cover (optional)".to_owned() value=area on_input=set_area error=error_for(errors, "share-area".to_owned())/>
            <TextArea id="share-note".to_owned() label="A short note (optional)".to_owned() hint="Up to 280 characters, for example who to ask for.".to_owned() value=note on_input=set_note error=error_for(errors, "share-note".to_owned()) rows=3/>
            <div class="app-button-group">
                <button type="submit" class="app-button">"Make the link"</button>
                <ClearForm id="discard-link".to_owned() shown=move || service.is_kept()
                    on_clear=Callback::new(move |()| {
                        service.clear(SharedService::default());
                        made.set(None);
                        errors.set(Vec::new());
                    })/>
            </div>
        </form>
        {move || made.get().map(|url| view! {
            <h3 class="app-heading-m" id="made-link">"Your link"</h3>
            <LinkBox url=url label="A service for Harbour"/>
        })}
    }
}

/// What the link held, and what she decided.
#[derive(Clone, PartialEq)]
enum Offer {
    Service(SharedService),
    Problem(String),
    Added,
    Declined,
    Nothing,
}

#[component]
pub fn AddServicePage() -> impl IntoView {
    use_page_title(|| "Add a service".to_owned());
    let store = use_store();
    let fragment = browser::location_hash();
    let offer = RwSignal::new(if fragment.is_empty() {
        Offer::Nothing
    } else {
        match decode(&fragment) {
            Ok(s) => Offer::Service(s),
            Err(e) => {
                browser::clear_hash();
                Offer::Problem(e.message())
            }
        }
    });
    view! {
        <h1 class="app-heading-l">"Add a service"</h1>
        {move || match offer.get() {
            Offer::Service(s) => {
                let keep = s.clone();
                let listed: Vec<Listed> = SERVICES
                    .iter()
                    .map(|l| Listed { name: l.name, run_by: l.run_by, numbers: [l.phone, l.text] })
                    .collect();
                let like = resembles(&s, &listed);
                view! {
                    {(!like.is_empty()).then(|| view! {
                        <div class="app-notice app-notice--warning" role="alert" id="link-lookalike">
                            <h2 class="app-notice__title">"Check this before you use it"</h2>
                            <p>"This link uses the name or number of a service in Harbour's list: " {like.join("; ")} ". Harbour cannot tell whether it really comes from them: anyone can make a link like this."</p>
                            <p>"If you need that service, use the number in "<a href=href("/services")>"Harbour's list of services"</a>", or find it on the organisation's own website."</p>
                        </div>
                    })}
                    <p>"Someone has shared a service with you. Nothing is saved unless you choose to add it."</p>
                    <div class="app-notice" id="link-not-checked">
                        <h2 class="app-notice__title">"Harbour has not checked these details"</h2>
                        <p>"Anyone can make a link like this. Before you call or share anything, check the number with the organisation itself, for example on its own website or in "<a href=href("/services")>"Harbour's list of services"</a>"."</p>
                    </div>
                    <dl class="app-summary-list">
                        {[("Name", s.name.clone()), ("Phone", s.phone.clone()), ("Opening hours", s.hours.clone()), ("Area", s.area.clone()), ("Note", s.note.clone())]
                            .into_iter()
                            .filter(|(_, v)| !v.trim().is_empty())
                            .map(|(k, v)| view! { <div class="app-summary-list__row"><dt class="app-summary-list__key">{k}</dt><dd class="app-summary-list__value">{v}</dd></div> })
                            .collect_view()}
                    </dl>
                    <div class="app-button-group">
                        <button type="button" class="app-button" on:click=move |_| {
                            let contact = Contact::from_shared(browser::new_id(), &keep);
                            store.snapshot.update(|s| s.data.contacts.push(contact));
                            browser::clear_hash();
                            offer.set(Offer::Added);
                        }>"Add to my contacts"</button>
                        <button type="button" class="app-button app-button--secondary" on:click=move |_| {
                            browser::clear_hash();
                            offer.set(Offer::Declined);
                        }>"Do not add it"</button>
                    </div>
                }.into_any()
            }
            Offer::Problem(message) => view! {
                <div class="app-notice app-notice--warning" role="alert">
                    <h2 class="app-notice__title">"Harbour cannot use this link"</h2>
                    <p>{message}</p>
                    <p>"Nothing has been saved or changed."</p>
                </div>
            }.into_any(),
            Offer::Added => view! {
                <p class="app-notice app-notice--success" role="status">"Added to your contacts."</p>
                <p><a href=href("/contacts")>"See your contacts"</a></p>
            }.into_any(),
            Offer::Declined => view! { <p role="status">"Nothing has been saved."</p> }.into_any(),
            Offer::Nothing => view! {
                <p>"When a support worker shares a link with you, Harbour shows their service here and asks before adding it to your contacts."</p>
                <p><a href=href("/services")>"See help and services"</a></p>
            }.into_any(),
        }}
    }
}
