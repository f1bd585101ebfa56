use super::*;

fn key(n: u8) -> Key {
    Key::from_bytes([n; 32])
}

#[test]
fn seals_and_opens() {
    let kdf = new_kdf([7; SALT_LEN]);
    let sealed = seal(b"her words", &key(1), &kdf, [1; IV_LEN], b"harbour:1");
    assert_eq!(open(&sealed, &key(1), b"harbour:1").unwrap(), b"her words");
    assert!(!sealed.data.contains("her words"));
}

#[test]
fn a_fresh_iv_gives_different_ciphertext() {
    let kdf = new_kdf([7; SALT_LEN]);
    let a = seal(b"same", &key(1), &kdf, [1; IV_LEN], b"c");
    let b = seal(b"same", &key(1), &kdf, [2; IV_LEN], b"c");
    assert_ne!(a.iv, b.iv);
    assert_ne!(a.data, b.data);
}

#[test]
fn a_wrong_key_or_context_is_refused() {
    let kdf = new_kdf([7; SALT_LEN]);
    let sealed = seal(b"x", &key(1), &kdf, [1; IV_LEN], b"harbour:1");
    assert_eq!(
        open(&sealed, &key(2), b"harbour:1"),
        Err(OpenError::WrongKey)
    );
    assert_eq!(
        open(&sealed, &key(1), b"harbour:2"),
        Err(OpenError::WrongKey)
    );
}

#[test]
fn every_flipped_byte_is_caught() {
    let kdf = new_kdf([7; SALT_LEN]);
    let sealed = seal(b"some words to protect", &key(1), &kdf, [3; IV_LEN], b"c");
    let bytes = B64.decode(&sealed.data).unwrap();
    for i in 0..bytes.len() {
        let mut changed = bytes.clone();
        changed[i] ^= 0x01;
        let tampered = Sealed {
            data: B64.encode(&changed),
            ..sealed.clone()
        };
        assert_eq!(
            open(&tampered, &key(1), b"c"),
            Err(OpenError::WrongKey),
            "byte {i}"
        );
    }
}

#[test]
fn stored_parameters_are_checked() {
    assert!(derivation(&new_kdf([1; SALT_LEN])).is_ok());
    let mut kdf = new_kdf([1; SALT_LEN]);
    kdf.iterations = 1_000;
    assert!(derivation(&kdf).is_err(), "too few iterations");
    kdf.iterations = u32::MAX;
    assert!(derivation(&kdf).is_err(), "too many iterations");
    let mut kdf = new_kdf([1; SALT_LEN]);
    kdf.name = "MD5".into();
    assert!(derivation(&kdf).is_err());
    kdf = new_kdf([1; SALT_LEN]);
    kdf.salt = "AAAA".into();
    assert!(derivation(&kdf).is_err(), "short salt");
}

#[test]
fn passphrases_must_be_long_enough() {
    assert!(passphrase_problem("").is_some());
    assert!(passphrase_problem("short").unwrap().contains("at least 10"));
    assert!(passphrase_problem("blue kettle tuesday").is_none());
    assert!(
        passphrase_problem("ééééééééééé").is_none(),
        "counted in characters"
    );
}

#[test]
fn the_bound_format_opens_and_keeps_its_header() {
    let kdf = new_kdf([7; SALT_LEN]);
    let sealed = seal_bound(b"header", b"her words", &key(1), &kdf, [4; BOUND_IV_LEN]);
    assert_eq!(sealed.cipher, CIPHER_BOUND);
    let bound = open_bound(&sealed, &key(1)).unwrap();
    assert_eq!(bound.header, b"header");
    assert_eq!(bound.data, b"her words");
    assert!(!sealed.data.contains("her words") && !sealed.data.contains("header"));
    assert_eq!(open_bound(&sealed, &key(2)), Err(OpenError::WrongKey));
    assert!(
        matches!(open(&sealed, &key(1), b"x"), Err(OpenError::Malformed(_))),
        "format 1 code refuses it as an unknown cipher, changing nothing"
    );
}

#[test]
fn every_flipped_byte_of_the_bound_format_is_caught() {
    let kdf = new_kdf([7; SALT_LEN]);
    let sealed = seal_bound(b"head", b"some words", &key(1), &kdf, [5; BOUND_IV_LEN]);
    let bytes = B64.decode(&sealed.data).unwrap();
    for i in 0..bytes.len() {
        let mut changed = bytes.clone();
        changed[i] ^= 0x01;
        let tampered = Sealed {
            data: B64.encode(&changed),
            ..sealed.clone()
        };
        assert!(open_bound(&tampered, &key(1)).is_err(), "byte {i}");
    }
    for len in 0..bytes.len() {
        let cut = Sealed {
            data: B64.encode(&bytes[..len]),
            ..sealed.clone()
        };
        assert!(open_bound(&cut, &key(1)).is_err(), "cut at {len}");
    }
}

#[test]
fn keys_are_filled_in_place_and_not_clonable() {
    let mut key = Key::zeroed();
    key.bytes_mut().copy_from_slice(&[3; 32]);
    let kdf = new_kdf([7; SALT_LEN]);
    let sealed = seal(b"x", &key, &kdf, [1; IV_LEN], b"c");
    assert_eq!(
        open(&sealed, &Key::from_bytes([3; 32]), b"c").unwrap(),
        b"x"
    );
    assert_eq!(format!("{key:?}"), "Key(hidden)");
}
