//! The stored-text codec, in a wasm chunk of its own: reading and writing the envelope
//! (serde_json and the serde code of the whole data model), migrations, merging two tabs'
//! changes, and AES-GCM with its key checks.
//!
//! Why a chunk: this is about a third of what the shell would otherwise download, and a
//! first visit (nothing stored) needs none of it. The store loads it at start only when
//! something is stored, and every page that can change her data waits for it before it
//! shows (see `ui::lazy`), so it is always here before there is anything to save. Once
//! loaded, its functions are plain synchronous calls, so a save as the page closes still
//! completes. The service worker precaches it with the rest of the build.
//!
//! The split happens only with the `split` feature, which the Trunk build turns on
//! (index.html). Without it (browser tests, the benchmark) the codec is a plain call: an
//! unsplit wasm cannot load a chunk, and would fail to start.

use super::port::BrowserPort;
use super::Store;
use crate::domain::backup;
use crate::domain::data::Snapshot;
use crate::domain::envelope::{self, Loaded, Locked, Opened, UnlockError};
use crate::domain::merge::{self, Merged};
use crate::domain::migrate::LATEST;
use crate::domain::sealed::{self, Derivation, KdfParams, Key, BOUND_IV_LEN, IV_LEN, SALT_LEN};
use crate::domain::sync::{Command, Event, Machine};
use std::cell::OnceCell;
#[cfg(feature = "split")]
use wasm_split_helpers::wasm_split;
use wasm_split_helpers::SplitLoaderError;

/// Seals a save: (snapshot, saved at, lineage, key, key parameters, fresh IVs) to text.
pub type EncodeSealed =
    fn(&Snapshot, &str, &[String], &Key, &KdfParams, [u8; BOUND_IV_LEN]) -> String;

/// The machine's handling of one event (`domain::sync::Machine::handle`).
pub(super) type Handle = fn(
    &mut Machine<Snapshot, Locked>,
    &mut Snapshot,
    Event<Snapshot>,
    u64,
    &mut BrowserPort<'_>,
) -> Vec<Command>;

/// Everything that turns her data into stored text and back. Plain function pointers into
/// the chunk: callable synchronously once it has loaded.
#[derive(Clone, Copy)]
pub struct Codec {
    /// Reads a stored text (or its absence).
    pub load: fn(Option<&str>) -> Loaded,
    /// The stored text of a snapshot, in the clear.
    pub encode: fn(&Snapshot, &str) -> String,
    /// The lineage of a new save that follows from the given one, its id from random bytes.
    pub next_lineage: fn(&[String], [u8; 8]) -> Vec<String>,
    /// The stored text of a save, in the clear, with its lineage.
    pub encode_saved: fn(&Snapshot, &str, &[String]) -> String,
    /// The stored text of a save, with its lineage, sealed under a key with fresh IVs.
    pub encode_sealed_saved: EncodeSealed,
    /// Opens sealed data with a key.
    pub open_locked: fn(&Locked, &Key) -> Result<Opened, UnlockError>,
    /// A kept copy's clear text, sealed as a file that opens with her passphrase (made
    /// at the given time, with a fresh IV).
    pub seal_copy: fn(&str, &str, &Key, &KdfParams, [u8; IV_LEN]) -> String,
    /// A sealed kept copy's clear text, if the key opens it.
    pub open_copy: fn(&str, &Key) -> Option<String>,
    /// True when a kept copy is sealed.
    pub is_sealed_copy: fn(&str) -> bool,
    /// The store's machine, which runs only once this chunk is here, lives in it too, so
    /// the shell does not carry it (the shell calls only its opening steps).
    pub(super) handle: Handle,
    /// What she has now, for a download (`Store::download_text`).
    pub(super) download_text: fn(Store, Codec) -> Option<(String, bool)>,
    /// Three-way merge of another tab's save.
    pub merge: fn(&Snapshot, &Snapshot, &Snapshot) -> Merged<Snapshot>,
    /// New key-derivation parameters for a fresh salt.
    pub new_kdf: fn([u8; SALT_LEN]) -> KdfParams,
    /// Checked key-derivation parameters, or why they are refused.
    pub derivation: fn(&KdfParams) -> Result<Derivation, String>,
    /// True when `candidate` is the same key as the held one.
    pub same_key: fn(&Key, &KdfParams, &Key) -> bool,
}

thread_local! {
    static LOADED: OnceCell<Codec> = const { OnceCell::new() };
}

/// The codec, if its chunk has loaded.
pub fn loaded() -> Option<Codec> {
    LOADED.with(|cell| cell.get().copied())
}

/// The codec, loading its chunk the first time (from the service worker's cache once
/// installed). Fails only if the chunk cannot be fetched; a later call tries again.
pub async fn load() -> Result<Codec, SplitLoaderError> {
    if let Some(codec) = loaded() {
        return Ok(codec);
    }
    #[cfg(feature = "split")]
    let codec = codec_chunk().await?;
    #[cfg(not(feature = "split"))]
    let codec = codec_chunk()?;
    LOADED.with(|cell| *cell.get_or_init(|| codec));
    Ok(codec)
}

// The function pointers are taken inside the split function's body, so the splitter sees
// them as this chunk's code and moves what they reach out of the shell.
#[cfg_attr(feature = "split", wasm_split(codec, fallible))]
fn codec_chunk() -> Result<Codec, SplitLoaderError> {
    Ok(Codec {
        load: envelope::load,
        encode: envelope::encode,
        next_lineage: envelope::next_lineage,
        encode_saved: envelope::encode_saved,
        encode_sealed_saved: envelope::encode_sealed_saved,
        open_locked: envelope::open_locked,
        seal_copy: backup::export,
        open_copy,
        is_sealed_copy: backup::is_sealed_file,
        handle: |machine, doc, event, now_ms, port| machine.handle(doc, event, now_ms, port),
        download_text: Store::download_text,
        merge: merge::merge::<Snapshot>,
        new_kdf: sealed::new_kdf,
        derivation: |kdf| sealed::derivation(kdf).map_err(|e| format!("{e:?}")),
        same_key,
    })
}

fn open_copy(text: &str, key: &Key) -> Option<String> {
    let file = backup::parse(text, LATEST).ok()?;
    String::from_utf8(backup::open_raw(&file, key).ok()?).ok()
}

/// Seals a probe with the held key and opens it with the candidate: equal keys only.
fn same_key(held: &Key, kdf: &KdfParams, candidate: &Key) -> bool {
    let probe = sealed::seal(b"probe", held, kdf, [0; IV_LEN], b"probe");
    sealed::open(&probe, candidate, b"probe").is_ok()
}
