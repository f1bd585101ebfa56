//! Where she lives: change the answer she gave on the home page (or give it here).

use crate::domain::nation::Residence;
use crate::ui::components::form::Radios;
use crate::ui::components::nation::{showing, WHY_WE_ASK};
use crate::ui::store::use_store;
use leptos::prelude::*;

#[component]
pub fn NationSettings() -> impl IntoView {
    let store = use_store();
    let answer = move || store.snapshot.with(|s| s.data.nation);
    let options = Residence::CHOICES
        .into_iter()
        .map(|r| (r.id(), r.label().to_owned()))
        .collect();
    let choose = Callback::new(move |id: String| {
        if let Some(choice) = Residence::from_id(&id) {
            store.snapshot.update(|s| s.data.nation = choice);
        }
    });
    let status = move || {
        if answer().answered() {
            showing(answer())
        } else {
            "You have not said where you live, so Harbour shows information for England.".to_owned()
        }
    };
    view! {
        <section class="app-settings-section" id="nation" aria-labelledby="nation-title">
            <h2 class="app-heading-m" id="nation-title">"Where you live"</h2>
            <p>"Harbour shows the guide, words and services for the part of the UK you choose. Your answer stays on this phone with your notes, and is locked with them if you use a passphrase."</p>
            <Radios
                name="settings-nation".to_owned()
                legend="Where do you live?".to_owned()
                hint=WHY_WE_ASK.to_owned()
                options
                value=Signal::derive(move || answer().id().to_owned())
                on_change=choose
            />
            <p class="app-status" role="status">{status}</p>
        </section>
    }
}
