//! Delete everything: all of Harbour's storage on this device, its caches and its service
//! worker. Files she downloaded are hers and are not touched (the app says so).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Clears localStorage and sessionStorage, deletes every cache and unregisters every
/// service worker of this origin. Carries on past a failure and reports the first.
pub async fn delete_everything() -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let mut first_error: Option<String> = None;
    let mut note = |e: String| {
        first_error.get_or_insert(e);
    };
    match window.local_storage() {
        Ok(Some(storage)) => {
            if storage.clear().is_err() {
                note("could not clear storage".into());
            }
        }
        _ => note("storage is blocked".into()),
    }
    if let Ok(Some(session)) = window.session_storage() {
        let _ = session.clear();
    }
    if let Ok(caches) = window.caches() {
        if let Ok(keys) = JsFuture::from(caches.keys()).await {
            for key in js_sys::Array::from(&keys).iter() {
                if let Some(name) = key.as_string() {
                    if JsFuture::from(caches.delete(&name)).await.is_err() {
                        note(format!("could not delete cache {name}"));
                    }
                }
            }
        }
    }
    let navigator = window.navigator();
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        if let Ok(registrations) =
            JsFuture::from(navigator.service_worker().get_registrations()).await
        {
            for registration in js_sys::Array::from(&registrations).iter() {
                if let Ok(registration) =
                    registration.dyn_into::<web_sys::ServiceWorkerRegistration>()
                {
                    if let Ok(promise) = registration.unregister() {
                        if JsFuture::from(promise).await.is_err() {
                            note("could not remove the offline copy".into());
                        }
                    }
                }
            }
        }
    }
    match first_error {
        None => Ok(()),
        Some(e) => Err(e),
    }
}
