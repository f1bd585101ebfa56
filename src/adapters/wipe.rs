//! Delete everything: all of Harbour's storage on this device, its caches and its service
//! worker. Files she downloaded are hers and are not touched (the app says so).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How often [`sweep_offline_copy`] looks again (ms), and how many times: every 0.1 s for
/// 3 s, then every 2 s for a minute.
const SWEEPS: [(i32, u32); 2] = [(100, 30), (2_000, 30)];

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

/// After "Delete everything": for a minute, removes again any cache or service worker that
/// appears, often at first, then now and then. In Chromium the deleted cache comes back
/// 0.2 to 0.6 s after the deletion while the page is open, though no Harbour code opens it
/// (traced: no install, no `caches.open`; most likely the browser storing the compiled
/// code of the files that came from it); a service worker's background work can also land
/// late.
pub async fn sweep_offline_copy() {
    for (every_ms, times) in SWEEPS {
        for _ in 0..times {
            crate::adapters::browser::sleep(every_ms).await;
            let _ = delete_offline_copy().await;
        }
    }
}
