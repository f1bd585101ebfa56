//! Encryption at rest: what she writes, sealed with AES-256-GCM under a key derived from
//! her passphrase. Pure: the key (from PBKDF2 in the browser) and the random IV arrive as
//! arguments, so this is tested and fuzzed natively.
//!
//! The passphrase is checked only by decrypting: no hash of it is stored. The algorithm and
//! the KDF parameters are stored with the data so they can be raised later.
//!
//! Two sealed formats, named by the `cipher` field:
//! - format 1, [`CIPHER`]: one seal, with a fixed context as associated data. Backup files
//!   and kept copies use it (their header is the context); stored data written before
//!   sealed format 2 is still read.
//! - format 2, [`CIPHER_BOUND`]: stored data with its clear header (the schema, the time and
//!   her clear settings) bound to it as associated data, so the header cannot be changed or
//!   swapped for an older one unnoticed. Two seals under the one key: the header itself
//!   (which proves the key is right and keeps the true header), then the data with the
//!   header as associated data. So a wrong passphrase and a changed header are told apart,
//!   and the true settings can be put back.
//!
//! The key lives in one heap allocation, is never cloned and is wiped when dropped; the
//! cipher's own key schedule is wiped too (the `zeroize` features in Cargo.toml).

use aes_gcm::aead::generic_array::GenericArray;
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use std::fmt;
use zeroize::Zeroize;

/// Sealed format 1: one AES-256-GCM seal.
pub const CIPHER: &str = "AES-256-GCM";
/// Sealed format 2: the header sealed, then the data sealed with the header as associated
/// data (see the module notes). Older Harbours read the envelope, find the cipher unknown
/// when she unlocks, and change nothing.
pub const CIPHER_BOUND: &str = "AES-256-GCM/2";
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
/// Bytes of random IV for sealed format 2: one IV for the header, one for the data.
pub const BOUND_IV_LEN: usize = 2 * IV_LEN;
/// The associated data of the header seal in sealed format 2.
const HEADER_CONTEXT: &[u8] = b"sealed-header:2";
/// Bytes of GCM's tag.
const TAG_LEN: usize = 16;
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

/// A 256-bit key. Its bytes live in one heap allocation (moving a `Key` moves a pointer,
/// leaving no copy behind), it cannot be cloned, and it is wiped when dropped.
pub struct Key(Box<[u8; 32]>);

impl Key {
    /// An all-zero key, to be filled in place with [`Key::bytes_mut`].
    pub fn zeroed() -> Self {
        Key(Box::new([0; 32]))
    }

    /// The key's bytes, to fill in place (so they are never copied out of it).
    pub fn bytes_mut(&mut self) -> &mut [u8; 32] {
        &mut self.0
    }

    /// A key from `bytes`, which are wiped once copied in (tests and fixtures).
    pub fn from_bytes(mut bytes: [u8; 32]) -> Self {
        let mut key = Key::zeroed();
        key.bytes_mut().copy_from_slice(&bytes);
        bytes.zeroize();
        key
    }

    /// The cipher for this key, made from the key where it lies (no copy of the bytes).
    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new(GenericArray::from_slice(self.0.as_slice()))
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
    let data = encrypt(key, &iv, plaintext, context);
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
    if data.len() < TAG_LEN {
        return Err(OpenError::Malformed("data is too short".into()));
    }
    decrypt(key, &iv, &data, context)
}

fn encrypt(key: &Key, iv: &[u8; IV_LEN], msg: &[u8], aad: &[u8]) -> Vec<u8> {
    // Encryption with a valid key and nonce cannot fail for inputs this size.
    key.cipher()
        .encrypt(Nonce::from_slice(iv), Payload { msg, aad })
        .unwrap_or_default()
}

fn decrypt(key: &Key, iv: &[u8], msg: &[u8], aad: &[u8]) -> Result<Vec<u8>, OpenError> {
    key.cipher()
        .decrypt(Nonce::from_slice(iv), Payload { msg, aad })
        .map_err(|_| OpenError::WrongKey)
}

/// Seals `plaintext` in sealed format 2, with `header` bound to it as associated data.
/// `ivs` are fresh random bytes: the header's IV, then the data's.
pub fn seal_bound(
    header: &[u8],
    plaintext: &[u8],
    key: &Key,
    kdf: &KdfParams,
    ivs: [u8; BOUND_IV_LEN],
) -> Sealed {
    let (header_iv, data_iv) = ivs.split_at(IV_LEN);
    let mut header_iv_bytes = [0; IV_LEN];
    header_iv_bytes.copy_from_slice(header_iv);
    let mut data_iv_bytes = [0; IV_LEN];
    data_iv_bytes.copy_from_slice(data_iv);
    let sealed_header = encrypt(key, &header_iv_bytes, header, HEADER_CONTEXT);
    let sealed_data = encrypt(key, &data_iv_bytes, plaintext, header);
    // A header is a few hundred bytes; its length always fits.
    let header_len = u32::try_from(sealed_header.len()).unwrap_or(u32::MAX);
    let mut data = header_len.to_be_bytes().to_vec();
    data.extend_from_slice(&sealed_header);
    data.extend_from_slice(&sealed_data);
    Sealed {
        cipher: CIPHER_BOUND.to_owned(),
        kdf: kdf.clone(),
        iv: B64.encode(ivs),
        data: B64.encode(data),
    }
}

/// Sealed format 2, opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    /// The header as it was sealed (the true one, whatever the clear copy now says).
    pub header: Vec<u8>,
    pub data: Vec<u8>,
}

/// Opens sealed format 2 with `key`: [`OpenError::WrongKey`] if the key does not open the
/// header, [`OpenError::Malformed`] if the header opens but the data does not belong to it.
pub fn open_bound(sealed: &Sealed, key: &Key) -> Result<Bound, OpenError> {
    if sealed.cipher != CIPHER_BOUND {
        return Err(OpenError::Malformed(format!(
            "unknown cipher {:?}",
            sealed.cipher
        )));
    }
    let ivs = B64
        .decode(&sealed.iv)
        .map_err(|_| OpenError::Malformed("IV is not base64".into()))?;
    if ivs.len() != BOUND_IV_LEN {
        return Err(OpenError::Malformed("IV has the wrong length".into()));
    }
    let data = B64
        .decode(&sealed.data)
        .map_err(|_| OpenError::Malformed("data is not base64".into()))?;
    let Some((len, rest)) = data.split_first_chunk::<4>() else {
        return Err(OpenError::Malformed("data is too short".into()));
    };
    let header_len = u32::from_be_bytes(*len) as usize;
    if header_len < TAG_LEN || rest.len() < header_len + TAG_LEN {
        return Err(OpenError::Malformed("data is too short".into()));
    }
    let (sealed_header, sealed_data) = rest.split_at(header_len);
    let header = decrypt(key, &ivs[..IV_LEN], sealed_header, HEADER_CONTEXT)?;
    let data = decrypt(key, &ivs[IV_LEN..], sealed_data, &header)
        .map_err(|_| OpenError::Malformed("the data does not belong with its header".into()))?;
    Ok(Bound { header, data })
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
mod tests;
