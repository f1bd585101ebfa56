//! localStorage through gloo-storage, with every failure turned into a value, never a panic.
//!
//! gloo's `LocalStorage::raw()` panics when the browser blocks storage, so [`probe`] checks
//! access first and nothing else here is called unless it succeeded.

use crate::domain::data::PublicSettings;
use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};

/// Why storage could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refuses storage (some private modes, blocked site data).
    Unavailable(String),
    /// The device's storage for this site is full.
    Quota,
    /// Any other failure, with the browser's words.
    Failed(String),
}

const PROBE_KEY: &str = "harbour:probe";

/// Checks that localStorage exists and accepts a write (old Safari private mode throws on
/// every write).
pub fn probe() -> Result<(), StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    let storage = window
        .local_storage()
        .map_err(|e| StorageError::Unavailable(describe(&e)))?
        .ok_or_else(|| StorageError::Unavailable("no localStorage".into()))?;
    storage.set_item(PROBE_KEY, "1").map_err(|e| classify(&e))?;
    storage
        .remove_item(PROBE_KEY)
        .map_err(|e| StorageError::Failed(describe(&e)))?;
    Ok(())
}

/// The raw text stored under `key`, if any. Only call after [`probe`] succeeded.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    LocalStorage::raw()
        .get_item(key)
        .map_err(|e| StorageError::Failed(describe(&e)))
}

/// Stores a raw text under `key`.
pub fn write_raw(key: &str, value: &str) -> Result<(), StorageError> {
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(|e| classify(&e))
}

/// Removes `key`.
pub fn remove(key: &str) -> Result<(), StorageError> {
    LocalStorage::raw()
        .remove_item(key)
        .map_err(|e| StorageError::Failed(describe(&e)))
}

/// True when storage holds no keys at all (it was cleared).
pub fn is_empty() -> bool {
    LocalStorage::raw()
        .length()
        .map(|n| n == 0)
        .unwrap_or(false)
}

/// Every key that starts with `prefix`.
pub fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// Asks the browser to keep Harbour's data even when space runs low. `None` if the browser
/// cannot say.
pub async fn request_persistence() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let already = wasm_bindgen_futures::JsFuture::from(storage.persisted().ok()?)
        .await
        .ok()?
        .as_bool()?;
    if already {
        return Some(true);
    }
    wasm_bindgen_futures::JsFuture::from(storage.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}

fn classify(e: &JsValue) -> StorageError {
    match e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.name())) {
        Some(name) if name == "QuotaExceededError" => StorageError::Quota,
        Some(name) if name == "SecurityError" => StorageError::Unavailable(describe(e)),
        _ => StorageError::Failed(describe(e)),
    }
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| format!("{}: {}", String::from(e.name()), String::from(e.message())))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Her clear settings (quick exit, disguise, lock time) from a stored envelope, read with the
/// browser's own JSON parser so the shell needs no serde code for them. `None` unless all
/// three are there with the right types: the codec reads the envelope properly later, and
/// this is only so that disguise and quick exit are right from the first moment.
pub fn read_public(raw: &str) -> Option<PublicSettings> {
    let envelope = js_sys::JSON::parse(raw).ok()?;
    let public = field(&envelope, "public")?;
    let exit_url = field(&public, "exit_url")?.as_string()?;
    let discreet = field(&public, "discreet")?.as_bool()?;
    let lock_minutes = field(&public, "lock_minutes")?.as_f64()?;
    if !(lock_minutes >= 0.0 && lock_minutes <= f64::from(u32::MAX) && lock_minutes.fract() == 0.0)
    {
        return None;
    }
    Some(PublicSettings {
        exit_url,
        discreet,
        lock_minutes: lock_minutes as u32,
    })
}

fn field(object: &JsValue, name: &str) -> Option<JsValue> {
    if !object.is_object() {
        return None;
    }
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined())
}
