//! Everything Harbour writes under the lock, in one place: the stored text of her data, and
//! the copies it keeps (kept copies: unreadable text, another tab's version after a
//! conflict, the copy from before an update). With the lock off both are clear text; with
//! it on, her data is sealed (see `domain::envelope`) and every kept copy is a sealed file
//! (see `domain::backup`) that opens by bringing it back with her passphrase. Turning the
//! lock on or off, changing the passphrase and unlocking re-write the kept copies to match.

use super::codec::{self, Codec};
use super::{tabs, Held, Lock, Store};
use crate::adapters::{browser, crypto, storage};
use crate::domain::data::Snapshot;
use crate::domain::envelope;
use crate::domain::sealed::Key;
use leptos::prelude::*;

/// A kept copy as stored, and what to write in its place.
pub(super) struct Rewrite {
    key: String,
    was: String,
    now: String,
}

impl Store {
    /// A save of `snap` under the current lock: its stored text (clear, sealed, or `None`
    /// while locked: nothing is written then) and its lineage, which follows from the text
    /// this tab last read or wrote.
    pub(super) fn encode_under_lock(
        self,
        codec: Codec,
        snap: &Snapshot,
    ) -> Result<Option<(String, Vec<String>)>, String> {
        let now = browser::now_iso();
        // A fresh id for this save: random, or (without randomness) the time.
        let random = crypto::random_bytes::<8>()
            .unwrap_or_else(|_| (browser::now_ms() as u64).to_le_bytes());
        let lineage = self
            .sync
            .with_value(|s| (codec.next_lineage)(&s.lineage, random));
        self.sync
            .with_value(|s| match &s.lock {
                Lock::Off => Ok(Some((codec.encode_saved)(snap, &now, &lineage))),
                Lock::Unlocked { key, kdf } => crypto::random_bytes().map(|ivs| {
                    Some((codec.encode_sealed_saved)(
                        snap, &now, &lineage, key, kdf, ivs,
                    ))
                }),
                Lock::Locked { .. } => Ok(None),
            })
            .map(|text| text.map(|text| (text, lineage)))
    }

    /// What she has now, for a download: (text, sealed). Sealed with her lock key while
    /// the lock is on, so it opens by bringing it back with her passphrase.
    pub(super) fn download_text(self, codec: Codec) -> Option<(String, bool)> {
        let clear = self
            .snapshot
            .with_untracked(|snap| (codec.encode)(snap, &browser::now_iso()));
        self.sync.with_value(|s| match &s.lock {
            Lock::Off => Some((clear, false)),
            Lock::Unlocked { key, kdf } => crypto::random_bytes().ok().map(|iv| {
                (
                    (codec.seal_copy)(&clear, &browser::now_iso(), key, kdf, iv),
                    true,
                )
            }),
            Lock::Locked { .. } => None,
        })
    }

    /// Keeps `clear_text` as a new kept copy (sealed while the lock is on) and returns its
    /// key. While this tab is locked it has no key to seal with: the copy waits in memory
    /// and is written once she unlocks here.
    pub(super) fn keep_copy(self, codec: Codec, clear_text: &str) -> Option<String> {
        let key = envelope::recovery_key(browser::now_ms() as u64);
        self.keep_copy_as(codec, &key, clear_text).then_some(key)
    }

    /// Keeps `clear_text` under `name`; true when it is written (and reads back the same).
    pub(super) fn keep_copy_as(self, codec: Codec, name: &str, clear_text: &str) -> bool {
        let text = self.sync.with_value(|s| match &s.lock {
            Lock::Off => Some(clear_text.to_owned()),
            Lock::Unlocked { key, kdf } => sealed_copy(codec, clear_text, key, kdf),
            Lock::Locked { .. } => None,
        });
        let Some(text) = text else {
            self.sync.update_value(|s| {
                s.waiting_copies
                    .push((name.to_owned(), clear_text.to_owned()));
            });
            return false;
        };
        let kept = storage::write_raw(name, &text).is_ok()
            && storage::read(name).ok().flatten().as_deref() == Some(text.as_str());
        self.refresh_recovery_keys();
        kept
    }

    /// Writes the copies that waited for her to unlock, sealed now.
    pub(super) fn write_waiting_copies(self, codec: Codec) {
        let waiting = self
            .sync
            .try_update_value(|s| std::mem::take(&mut s.waiting_copies))
            .unwrap_or_default();
        for (name, text) in waiting {
            self.keep_copy_as(codec, &name, &text);
        }
    }

    /// How every kept copy must be re-written to go from the lock `old_key` opens (`None`:
    /// the lock was off, or only clear copies are to be sealed) to `new`. Copies that
    /// `old_key` cannot open are left as they are: they stay sealed.
    pub(super) fn rewrites(self, codec: Codec, old_key: Option<&Key>, new: &Lock) -> Vec<Rewrite> {
        let names: Vec<String> = storage::keys_with_prefix(envelope::KEY_PREFIX)
            .into_iter()
            .filter(|k| envelope::is_kept_copy(k))
            .collect();
        names
            .into_iter()
            .filter_map(|name| {
                let was = storage::read(&name).ok().flatten()?;
                let clear = if (codec.is_sealed_copy)(&was) {
                    (codec.open_copy)(&was, old_key?)?
                } else {
                    was.clone()
                };
                let now = match new {
                    Lock::Off => clear,
                    Lock::Unlocked { key, kdf } => sealed_copy(codec, &clear, key, kdf)?,
                    Lock::Locked { .. } => return None,
                };
                (now != was).then_some(Rewrite {
                    key: name,
                    was,
                    now,
                })
            })
            .collect()
    }

    /// Writes `rewrites`. If one fails, puts back every copy already written and says so.
    pub(super) fn apply_rewrites(self, rewrites: &[Rewrite]) -> Result<(), ()> {
        for (i, r) in rewrites.iter().enumerate() {
            if storage::write_raw(&r.key, &r.now).is_err() {
                undo_rewrites(&rewrites[..i]);
                return Err(());
            }
        }
        Ok(())
    }

    /// After unlocking: seals any kept copy still in the clear (left by an older Harbour or
    /// an interrupted change), and writes the copies that waited for the key.
    fn tidy_copies_after_unlock(self, codec: Codec) {
        let rewrites = self.sync.with_value(|s| match &s.lock {
            Lock::Unlocked { .. } => self.rewrites(codec, None, &s.lock),
            _ => Vec::new(),
        });
        let _ = self.apply_rewrites(&rewrites);
        self.write_waiting_copies(codec);
        self.refresh_recovery_keys();
    }
}

/// After an unlock (or finding the lock turned off in another tab): keeps `before` (what
/// was stored before data was brought up to date) as a sealed copy, seals kept copies
/// still in the clear, writes copies that waited for the key, and merges in the words
/// `held` while locked against `theirs`, what was opened.
pub(super) fn after_unlock(
    store: Store,
    codec: Codec,
    before: Option<String>,
    held: Option<Box<Held>>,
    theirs: Snapshot,
) {
    if let Some(before) = before {
        store.keep_copy_as(codec, envelope::BEFORE_MIGRATION_KEY, &before);
    }
    store.tidy_copies_after_unlock(codec);
    if held.is_some() {
        tabs::bring_back(store, held);
        tabs::merge_in(store, codec, theirs);
    }
}

/// Puts back the copies as they were.
pub(super) fn undo_rewrites(rewrites: &[Rewrite]) {
    for r in rewrites {
        let _ = storage::write_raw(&r.key, &r.was);
    }
}

fn sealed_copy(
    codec: Codec,
    clear: &str,
    key: &Key,
    kdf: &crate::domain::sealed::KdfParams,
) -> Option<String> {
    let iv = crypto::random_bytes().ok()?;
    Some((codec.seal_copy)(clear, &browser::now_iso(), key, kdf, iv))
}

impl Store {
    /// A kept copy, for a download: its text as stored, and whether it is sealed (then it
    /// opens by bringing it back as a backup with her passphrase).
    pub fn kept_copy_for_download(self, key: &str) -> Option<(String, bool)> {
        let text = storage::read(key).ok().flatten()?;
        let sealed = codec::loaded().is_some_and(|codec| (codec.is_sealed_copy)(&text));
        Some((text, sealed))
    }
}
