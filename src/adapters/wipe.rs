//! Delete everything: all of Harbour's storage on this device, its caches and its service
//! worker. Files she downloaded are hers and are not touched (the app says so).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How long [`sweep_offline_copy`] keeps watching, and how often it looks.
const SWEEP_MS: i32 = 5_000;
const SWEEP_EVERY_MS: i32 = 250;

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
    if let Err(e) = delete_offline_copy().await {
        note(e);
    }
    match first_error {
        None => Ok(()),
        Some(e) => Err(e),
    }
}

/// Unregisters every service worker of this origin (first, so none of them fills a cache
/// again), then deletes every cache. Reports the first failure.
async fn delete_offline_copy() -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let mut first_error: Option<String> = None;
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
                            first_error.get_or_insert("could not remove the offline copy".into());
                        }
                    }
                }
            }
        }
    }
    if let Ok(caches) = window.caches() {
        if let Ok(keys) = JsFuture::from(caches.keys()).await {
            for key in js_sys::Array::from(&keys).iter() {
                if let Some(name) = key.as_string() {
                    if JsFuture::from(caches.delete(&name)).await.is_err() {
                        first_error.get_or_insert(format!("could not delete cache {name}"));
                    }
                }
            }
        }
    }
    first_error.map_or(Ok(()), Err)
}

/// After "Delete everything": for a few seconds, removes any cache or service worker that
/// appears. The browser finishes some service worker work in the background (an update it
/// had started, or the first copy of the files) and it can land after the deletion.
pub async fn sweep_offline_copy() {
    let mut waited = 0;
    while waited < SWEEP_MS {
        crate::adapters::browser::sleep(SWEEP_EVERY_MS).await;
        waited += SWEEP_EVERY_MS;
        if has_offline_copy().await {
            let _ = delete_offline_copy().await;
        }
    }
}

async fn has_offline_copy() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let caches = match window.caches() {
        Ok(caches) => JsFuture::from(caches.keys())
            .await
            .map(|keys| js_sys::Array::from(&keys).length() > 0)
            .unwrap_or(false),
        Err(_) => false,
    };
    let navigator = window.navigator();
    let workers = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false)
        && JsFuture::from(navigator.service_worker().get_registrations())
            .await
            .map(|r| js_sys::Array::from(&r).length() > 0)
            .unwrap_or(false);
    caches || workers
}
