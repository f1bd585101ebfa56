//! The storage adapter in a real browser (headless Chromium through wasm-bindgen-test).
//! Run: cargo test --target wasm32-unknown-unknown --test web
#![cfg(target_arch = "wasm32")]

use harbour::adapters::storage::{self, StorageError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

#[wasm_bindgen_test]
fn probe_succeeds_and_leaves_nothing_behind() {
    clear();
    storage::probe().unwrap();
    assert!(storage::keys_with_prefix("harbour").is_empty());
}

#[wasm_bindgen_test]
fn raw_text_round_trips_exactly() {
    clear();
    storage::probe().unwrap();
    let text = "{\"schema\":1, broken… “quotes” \u{1F600}\n";
    storage::write_raw("harbour:test", text).unwrap();
    assert_eq!(
        storage::read("harbour:test").unwrap().as_deref(),
        Some(text)
    );
    storage::remove("harbour:test").unwrap();
    assert_eq!(storage::read("harbour:test").unwrap(), None);
}

#[wasm_bindgen_test]
fn clear_settings_are_read_from_an_envelope_without_the_codec() {
    let text = r#"{"schema":5,"saved_at":"t","public":{"exit_url":"https://example.org/","discreet":true,"lock_minutes":15},"sealed":{}}"#;
    let public = storage::read_public(text).expect("the clear settings are read");
    assert_eq!(public.exit_url, "https://example.org/");
    assert!(public.discreet);
    assert_eq!(public.lock_minutes, 15);
}

#[wasm_bindgen_test]
fn clear_settings_of_the_wrong_shape_are_not_guessed() {
    for text in [
        "",
        "{",
        "null",
        "[1]",
        r#"{"public":null}"#,
        r#"{"public":{"exit_url":"a","discreet":true}}"#,
        r#"{"public":{"exit_url":1,"discreet":true,"lock_minutes":5}}"#,
        r#"{"public":{"exit_url":"a","discreet":"yes","lock_minutes":5}}"#,
        r#"{"public":{"exit_url":"a","discreet":true,"lock_minutes":-1}}"#,
        r#"{"public":{"exit_url":"a","discreet":true,"lock_minutes":1.5}}"#,
        r#"{"public":{"exit_url":"a","discreet":true,"lock_minutes":"5"}}"#,
    ] {
        assert_eq!(storage::read_public(text), None, "{text:?} is not read");
    }
}

#[wasm_bindgen_test]
fn lists_only_keys_with_the_prefix() {
    clear();
    storage::write_raw("harbour:recovery:1", "a").unwrap();
    storage::write_raw("harbour:recovery:2", "b").unwrap();
    storage::write_raw("other", "c").unwrap();
    let mut keys = storage::keys_with_prefix("harbour:recovery:");
    keys.sort();
    assert_eq!(keys, vec!["harbour:recovery:1", "harbour:recovery:2"]);
    clear();
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_quota_and_keeps_the_old_value() {
    clear();
    storage::write_raw("harbour", "last good copy").unwrap();
    // Fill storage with 1 MB blocks until the browser refuses.
    let block = "x".repeat(1 << 20);
    let mut filled = 0;
    loop {
        match storage::write_raw(&format!("filler:{filled}"), &block) {
            Ok(()) => filled += 1,
            Err(StorageError::Quota) => break,
            Err(other) => panic!("expected a quota error, got {other:?}"),
        }
        assert!(filled < 64, "storage never filled up");
    }
    let big = "y".repeat(1 << 20);
    assert_eq!(
        storage::write_raw("harbour", &big),
        Err(StorageError::Quota)
    );
    assert_eq!(
        storage::read("harbour").unwrap().as_deref(),
        Some("last good copy")
    );
    clear();
}

#[wasm_bindgen_test]
async fn pbkdf2_in_the_browser_matches_the_rfc_7914_vector() {
    use harbour::adapters::crypto::derive_key;
    use harbour::domain::sealed::{new_kdf, open, seal, Derivation, Key, SALT_LEN};
    // RFC 7914 section 11: PBKDF2-HMAC-SHA256, P = "passwd", S = "salt", c = 1; the first
    // 32 bytes of the 64-byte output.
    let expected: [u8; 32] = [
        0x55, 0xac, 0x04, 0x6e, 0x56, 0xe3, 0x08, 0x9f, 0xec, 0x16, 0x91, 0xc2, 0x25, 0x44, 0xb6,
        0x05, 0xf9, 0x41, 0x85, 0x21, 0x6d, 0xde, 0x04, 0x65, 0xe6, 0x8b, 0x9d, 0x57, 0xc2, 0x0d,
        0xac, 0xbc,
    ];
    let derived = derive_key(
        "passwd",
        &Derivation {
            iterations: 1,
            salt: b"salt".to_vec(),
        },
    )
    .await
    .unwrap();
    // Keys cannot be read back; equal keys open each other's sealed data.
    let kdf = new_kdf([0; SALT_LEN]);
    let sealed = seal(b"probe", &derived, &kdf, [0; 12], b"test");
    assert_eq!(
        open(&sealed, &Key::from_bytes(expected), b"test").unwrap(),
        b"probe"
    );
}

#[wasm_bindgen_test]
fn random_bytes_are_random() {
    use harbour::adapters::crypto::random_bytes;
    let a: [u8; 16] = random_bytes().unwrap();
    let b: [u8; 16] = random_bytes().unwrap();
    assert_ne!(a, b);
}
