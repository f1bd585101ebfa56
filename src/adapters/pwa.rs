//! The service worker: registration (so Harbour opens offline) and the update flow (a new
//! version waits until she chooses to reload).

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Browsers without service workers (or with them blocked) lack the property.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|has| *has)?;
    Some(navigator.service_worker())
}

/// Registers `sw.js` under `base` and calls `on_update_ready` when a new version has
/// installed and is waiting. Errors are returned, not thrown: Harbour works without it.
pub async fn register(base: &str, on_update_ready: impl Fn() + 'static) -> Result<(), String> {
    let workers = container().ok_or("this browser has no service workers")?;
    let promise = workers.register(&format!("{base}sw.js"));
    let registration: ServiceWorkerRegistration = JsFuture::from(promise)
        .await
        .map_err(|e| format!("{e:?}"))?
        // Some browsers (and automation that blocks workers) resolve with nothing.
        .dyn_into()
        .map_err(|_| "the browser gave no service worker registration".to_owned())?;
    let on_update_ready = std::rc::Rc::new(on_update_ready);
    // A version that installed while no tab was open is already waiting.
    if registration.waiting().is_some() && workers.controller().is_some() {
        on_update_ready();
    }
    let reg = registration.clone();
    let on_found = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let worker = installing.clone();
        let ready = on_update_ready.clone();
        let on_state = Closure::<dyn Fn()>::new(move || {
            let has_controller = container().and_then(|c| c.controller()).is_some();
            if worker.state() == ServiceWorkerState::Installed && has_controller {
                ready();
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
    Ok(())
}

/// Tells the waiting version to take over, then reloads once it has.
pub async fn apply_update(base: &str) -> Result<(), String> {
    let workers = container().ok_or("no service workers")?;
    let registration: ServiceWorkerRegistration =
        JsFuture::from(workers.get_registration_with_document_url(base))
            .await
            .map_err(|e| format!("{e:?}"))?
            .dyn_into()
            .map_err(|_| "no registration".to_owned())?;
    let waiting: ServiceWorker = registration.waiting().ok_or("nothing waiting")?;
    let on_change = Closure::once_into_js(crate::adapters::browser::reload);
    workers.set_oncontrollerchange(Some(on_change.unchecked_ref()));
    waiting
        .post_message(&JsValue::from_str("skip-waiting"))
        .map_err(|e| format!("{e:?}"))
}
