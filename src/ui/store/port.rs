//! The machine's [`Port`] in the browser: local storage through the storage adapter, and
//! the codec for reading, merging and encoding. Everything written goes through here, under
//! the lock this tab holds: in the clear with no key, sealed with one (her data as a sealed
//! envelope, kept copies as sealed files that open with her passphrase).

use super::codec::Codec;
use crate::adapters::storage::{self, StorageError};
use crate::adapters::{browser, crypto};
use crate::domain::data::Snapshot;
use crate::domain::envelope::{Loaded, Locked, STORAGE_KEY};
use crate::domain::sealed::{KdfParams, Key};
use crate::domain::sync::{Copy, Port, Read, WriteError};

/// The key her passphrase made, with the parameters it was made with.
pub(super) struct LockKey {
    pub key: Key,
    pub kdf: KdfParams,
}

/// The keys this tab holds. Never in a signal; dropping a key wipes it.
#[derive(Default)]
pub(super) struct Keys {
    /// What writes are sealed with (none: the lock is off, or closed here).
    pub current: Option<LockKey>,
    /// While the lock changes: the key it changes to (`current` the old one) until the
    /// machine switches, then the old one, until the change is written or put back.
    pub other: Option<LockKey>,
    switched: bool,
}

impl Keys {
    /// Forgets every key (locking, or everything deleted).
    pub fn wipe(&mut self) {
        *self = Self::default();
    }

    /// Holds `next` aside for a change of lock (`None`: turning it off).
    pub fn change_to(&mut self, next: Option<LockKey>) {
        self.other = next;
        self.switched = false;
    }

    /// The change of lock is over, written or put back: the key not in use goes.
    pub fn changed(&mut self) {
        self.other = None;
        self.switched = false;
    }
}

/// Storage and the codec for one call of the machine.
pub(super) struct BrowserPort<'a> {
    /// `None` only for the calls made before the codec is here, which read and nothing else.
    codec: Option<Codec>,
    keys: &'a mut Keys,
    /// False when the browser blocks storage (then nothing here touches it).
    usable: bool,
}

impl<'a> BrowserPort<'a> {
    pub fn new(codec: Option<Codec>, keys: &'a mut Keys, usable: bool) -> Self {
        Self {
            codec,
            keys,
            usable,
        }
    }

    /// `clear` as stored under the current lock: as it is, or as a sealed file.
    fn under_lock(&self, codec: Codec, clear: String) -> Option<String> {
        match &self.keys.current {
            None => Some(clear),
            Some(k) => sealed_copy(codec, &clear, k),
        }
    }
}

/// `clear` as a sealed file that opens with the passphrase `k` was made from.
pub(super) fn sealed_copy(codec: Codec, clear: &str, k: &LockKey) -> Option<String> {
    let iv = crypto::random_bytes().ok()?;
    Some((codec.seal_copy)(
        clear,
        &browser::now_iso(),
        &k.key,
        &k.kdf,
        iv,
    ))
}

fn write_error(error: StorageError) -> WriteError {
    match error {
        StorageError::Quota => WriteError::Quota,
        StorageError::Unavailable(_) => WriteError::Unavailable,
        StorageError::Failed(why) => WriteError::Failed(why),
    }
}

/// What may show while locked, or while a newer Harbour's data is left alone: her clear
/// settings only.
pub(super) fn shown(public: crate::domain::data::PublicSettings) -> Snapshot {
    Snapshot {
        public,
        ..Snapshot::default()
    }
}

impl Port<Snapshot, Locked> for BrowserPort<'_> {
    fn read(&mut self) -> Result<Option<String>, WriteError> {
        if !self.usable {
            return Err(WriteError::Unavailable);
        }
        storage::read(STORAGE_KEY).map_err(write_error)
    }

    fn is_empty(&mut self) -> bool {
        self.usable && storage::is_empty()
    }

    fn decode(&mut self, raw: &str) -> Read<Snapshot, Locked> {
        let Some(codec) = self.codec else {
            // Not reached (the driver waits for the codec before any event that reads her
            // data); if it were, leaving storage alone is the safe answer.
            return Read::TooNew {
                schema: 0,
                shown: Snapshot::default(),
            };
        };
        match (codec.load)(Some(raw)) {
            Loaded::Empty => Read::Empty,
            Loaded::Ready {
                snapshot,
                migrated_from,
                lineage,
                ..
            } => Read::Ready {
                doc: snapshot,
                migrated: migrated_from.is_some(),
                lineage,
            },
            Loaded::Locked(locked) => {
                let opened = self
                    .keys
                    .current
                    .as_ref()
                    .and_then(|k| (codec.open_locked)(&locked, &k.key).ok())
                    .map(|opened| opened.snapshot);
                Read::Locked {
                    opened,
                    shown: shown(locked.public.clone()),
                    lineage: locked.lineage.clone(),
                    sealed: locked,
                }
            }
            Loaded::Unreadable { reason } => {
                leptos::logging::warn!("Harbour: stored data unreadable: {reason}");
                Read::Unreadable
            }
            Loaded::TooNew { schema, public } => Read::TooNew {
                schema,
                shown: shown(public.unwrap_or_default()),
            },
        }
    }

    fn merge(&mut self, base: &Snapshot, ours: &Snapshot, theirs: &Snapshot) -> (Snapshot, bool) {
        match self.codec {
            Some(codec) => {
                let merged = (codec.merge)(base, ours, theirs);
                let conflict = !merged.conflicts.is_empty();
                (merged.value, conflict)
            }
            None => (ours.clone(), true),
        }
    }

    fn write(&mut self, doc: &Snapshot, lineage: &[String]) -> Result<String, WriteError> {
        let Some(codec) = self.codec.filter(|_| self.usable) else {
            return Err(WriteError::Unavailable);
        };
        let now = browser::now_iso();
        let text = match &self.keys.current {
            None => (codec.encode_saved)(doc, &now, lineage),
            Some(k) => {
                let ivs = crypto::random_bytes().map_err(WriteError::Failed)?;
                (codec.encode_sealed_saved)(doc, &now, lineage, &k.key, &k.kdf, ivs)
            }
        };
        storage::write_raw(STORAGE_KEY, &text).map_err(write_error)?;
        Ok(text)
    }

    fn save_id(&mut self) -> [u8; 8] {
        // Random, or (without randomness) the time: it only has to differ from other saves.
        crypto::random_bytes().unwrap_or_else(|_| (browser::now_ms() as u64).to_le_bytes())
    }

    fn copy_exists(&mut self, name: &str) -> bool {
        self.usable && matches!(storage::read(name), Ok(Some(_)))
    }

    fn keep_copy(&mut self, name: &str, what: &Copy<Snapshot>) -> bool {
        let Some(codec) = self.codec.filter(|_| self.usable) else {
            return false;
        };
        let clear = match what {
            Copy::Raw(raw) => raw.clone(),
            Copy::Doc(doc) => (codec.encode)(doc, &browser::now_iso()),
        };
        let Some(text) = self.under_lock(codec, clear) else {
            return false;
        };
        storage::write_raw(name, &text).is_ok()
            && storage::read(name).ok().flatten().as_deref() == Some(text.as_str())
    }

    fn seal(&mut self, doc: &Snapshot) -> Option<Locked> {
        let codec = self.codec?;
        let k = self.keys.current.as_ref()?;
        let ivs = crypto::random_bytes().ok()?;
        let text = (codec.encode_sealed_saved)(doc, &browser::now_iso(), &[], &k.key, &k.kdf, ivs);
        match (codec.load)(Some(&text)) {
            Loaded::Locked(locked) => Some(locked),
            _ => None,
        }
    }

    fn while_locked(&mut self, doc: &Snapshot) -> Snapshot {
        shown(doc.public.clone())
    }

    fn switch_lock(&mut self, to_new: bool) {
        if to_new != self.keys.switched {
            std::mem::swap(&mut self.keys.current, &mut self.keys.other);
            self.keys.switched = to_new;
        }
    }
}
