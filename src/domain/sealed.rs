//! Encryption at rest: what she writes, sealed with AES-256-GCM under a key derived from
//! her passphrase. Pure: the key (from PBKDF2 in the browser) and the random IV arrive as
//! arguments, so this is tested and fuzzed natively.
//!
//! The passphrase is checked only by decrypting: no hash of it is stored. The algorithm and
//! the KDF parameters are stored with the data so they can be raised later.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use std::fmt;
use zeroize::Zeroize;

/// The cipher Harbour writes.
pub const CIPHER: &str = "AES-256-GCM";
/// The key derivation Harbour writes (WebCrypto's PBKDF2 with HMAC-SHA-256).
pub const KDF: &str = "PBKDF2-SHA256";
/// OWASP's figure for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet).
pub const ITERATIONS: u32 = 600_000;
/// Stored data asking for fewer iterations is refused: it would make guessing cheap.
pub const MIN_ITERATIONS: u32 = 100_000;
/// Stored data asking for more is refused too: a tampered figure must not hang the phone.
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// Bytes of random salt.
pub const SALT_LEN: usize = 16;
/// Bytes of random IV (96 bits, as GCM wants).
pub const IV_LEN: usize = 12;
/// The shortest passphrase Harbour accepts, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// How the key was derived, stored beside the data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KdfParams {
    pub name: String,
    pub iterations: u32,
    /// Base64.
    pub salt: String,
}

/// Her data, sealed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sealed {
    pub cipher: String,
    pub kdf: KdfParams,
    /// Base64 of the 12-byte IV, fresh for every write.
    pub iv: String,
    /// Base64 of the ciphertext and its 16-byte tag.
    pub data: String,
}

/// A 256-bit key, wiped from memory when dropped.
#[derive(Clone)]
pub struct Key([u8; 32]);

impl Key {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Key(bytes)
    }
}

impl Drop for Key {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(hidden)")
    }
}

/// Why sealed data could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// Not Harbour's sealed format, or damaged.
    Malformed(String),
    /// The key does not open it: a wrong passphrase (or changed data).
    WrongKey,
}

/// The checked parameters to derive a key with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derivation {
    pub iterations: u32,
    pub salt: Vec<u8>,
}

/// Checks stored KDF parameters before any work is done with them.
pub fn derivation(kdf: &KdfParams) -> Result<Derivation, OpenError> {
    if kdf.name != KDF {
        return Err(OpenError::Malformed(format!(
            "unknown key derivation {:?}",
            kdf.name
        )));
    }
    if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&kdf.iterations) {
        return Err(OpenError::Malformed(format!(
            "{} iterations is outside {MIN_ITERATIONS}..={MAX_ITERATIONS}",
            kdf.iterations
        )));
    }
    let salt = B64
        .decode(&kdf.salt)
        .map_err(|_| OpenError::Malformed("salt is not base64".into()))?;
    if !(SALT_LEN..=64).contains(&salt.len()) {
        return Err(OpenError::Malformed("salt has the wrong length".into()));
    }
    Ok(Derivation {
        iterations: kdf.iterations,
        salt,
    })
}

/// New KDF parameters for a fresh salt.
pub fn new_kdf(salt: [u8; SALT_LEN]) -> KdfParams {
    KdfParams {
        name: KDF.to_owned(),
        iterations: ITERATIONS,
        salt: B64.encode(salt),
    }
}

/// Seals `plaintext` with `key` and a fresh random `iv`. `context` is authenticated but not
/// encrypted (Harbour passes the schema), so sealed data cannot be moved between contexts.
pub fn seal(
    plaintext: &[u8],
    key: &Key,
    kdf: &KdfParams,
    iv: [u8; IV_LEN],
    context: &[u8],
) -> Sealed {
    let cipher = Aes256Gcm::new(&key.0.into());
    // Encryption with a valid key and nonce cannot fail for inputs this size.
    let data = cipher
        .encrypt(
            Nonce::from_slice(&iv),
            Payload {
                msg: plaintext,
                aad: context,
            },
        )
        .unwrap_or_default();
    Sealed {
        cipher: CIPHER.to_owned(),
        kdf: kdf.clone(),
        iv: B64.encode(iv),
        data: B64.encode(data),
    }
}

/// Opens sealed data with `key`.
pub fn open(sealed: &Sealed, key: &Key, context: &[u8]) -> Result<Vec<u8>, OpenError> {
    if sealed.cipher != CIPHER {
        return Err(OpenError::Malformed(format!(
            "unknown cipher {:?}",
            sealed.cipher
        )));
    }
    let iv = B64
        .decode(&sealed.iv)
        .map_err(|_| OpenError::Malformed("IV is not base64".into()))?;
    if iv.len() != IV_LEN {
        return Err(OpenError::Malformed("IV has the wrong length".into()));
    }
    let data = B64
        .decode(&sealed.data)
        .map_err(|_| OpenError::Malformed("data is not base64".into()))?;
    if data.len() < 16 {
        return Err(OpenError::Malformed("data is too short".into()));
    }
    let cipher = Aes256Gcm::new(&key.0.into());
    cipher
        .decrypt(
            Nonce::from_slice(&iv),
            Payload {
                msg: &data,
                aad: context,
            },
        )
        .map_err(|_| OpenError::WrongKey)
}

/// Why a passphrase is not accepted, in plain words, or `None` if it is fine.
pub fn passphrase_problem(passphrase: &str) -> Option<String> {
    let chars = passphrase.chars().count();
    if passphrase.trim().is_empty() {
        return Some("Enter a passphrase".into());
    }
    if chars < MIN_PASSPHRASE_CHARS {
        return Some(format!(
            "Your passphrase must be at least {MIN_PASSPHRASE_CHARS} characters. It is {chars} now."
        ));
    }
    None
}

#[cfg(test)]
mod tests {
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
}
