//! WebCrypto: the passphrase-to-key step (PBKDF2-SHA256, native speed) and random bytes.
//! The sealing itself is pure Rust in `domain::sealed`, so saving stays synchronous.

use crate::domain::sealed::{Derivation, Key};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn crypto() -> Result<web_sys::Crypto, String> {
    web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(|_| "this browser has no Web Crypto".to_owned())
}

/// `N` random bytes from the browser's CSPRNG.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], String> {
    let mut bytes = [0u8; N];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| "could not get random bytes".to_owned())?;
    Ok(bytes)
}

/// Derives the 256-bit key for `passphrase` (takes a fraction of a second by design).
pub async fn derive_key(passphrase: &str, derivation: &Derivation) -> Result<Key, String> {
    let subtle = crypto()?.subtle();
    if !web_sys::window().is_some_and(|w| w.is_secure_context()) {
        return Err("the passphrase lock needs a secure (https) connection".into());
    }
    let usages = js_sys::Array::of1(&JsValue::from_str("deriveBits"));
    // The browser's copy of the passphrase is wiped as soon as it has been taken in.
    let passphrase_bytes = js_sys::Uint8Array::from(passphrase.as_bytes());
    let imported = subtle.import_key_with_str("raw", &passphrase_bytes, "PBKDF2", false, &usages);
    passphrase_bytes.fill(0, 0, passphrase_bytes.length());
    let material = JsFuture::from(imported.map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into::<web_sys::CryptoKey>();
    let salt = js_sys::Uint8Array::from(derivation.salt.as_slice());
    let params = web_sys::Pbkdf2Params::new(
        "PBKDF2",
        &JsValue::from_str("SHA-256"),
        derivation.iterations,
        &salt,
    );
    let bits = JsFuture::from(
        subtle
            .derive_bits_with_object(&params, &material, 256)
            .map_err(|e| format!("{e:?}"))?,
    )
    .await
    .map_err(|e| format!("{e:?}"))?;
    let bytes = js_sys::Uint8Array::new(&bits);
    if bytes.length() != 32 {
        return Err("the browser returned a key of the wrong size".into());
    }
    // Copied straight into the key's own memory, so no other copy is left in wasm.
    let mut key = Key::zeroed();
    bytes.copy_to(key.bytes_mut());
    // Wipe the browser's copy of the key bits too.
    bytes.fill(0, 0, 32);
    Ok(key)
}
