//! Kept copies when the lock changes: turning the lock on or off, changing the passphrase
//! and unlocking re-write every kept copy to match (sealed files that open with her
//! passphrase while the lock is on, clear text while it is off), so nothing stored is left
//! in the clear under the lock or openable with an old passphrase. Also what she has now
//! and her kept copies, for a download. (Her data and new copies are written by the
//! machine, through `port.rs`.)

use super::codec::{self, Codec};
use super::port::{sealed_copy, BrowserPort, LockKey};
use super::Store;
use crate::adapters::{browser, storage};
use crate::domain::envelope;
use crate::domain::sealed::Key;
use crate::domain::sync::{Copy, Port};
use leptos::prelude::*;

/// A kept copy as stored, and what to write in its place.
pub(super) struct Rewrite {
    key: String,
    was: String,
    now: String,
}

impl Store {
    /// What she has now, for a download: (text, sealed). Sealed with her lock key while
    /// the lock is on, so it opens by bringing it back with her passphrase.
    pub(super) fn download_text(self, codec: Codec) -> Option<(String, bool)> {
        // Nothing of hers is in memory while locked: nothing to encode.
        if self.lock_state.get_untracked() == super::LockState::Locked {
            return None;
        }
        let clear = self
            .snapshot
            .with_untracked(|snap| (codec.encode)(snap, &browser::now_iso()));
        self.driver.with_value(|d| match &d.keys.current {
            None => Some((clear, false)),
            Some(k) => sealed_copy(codec, &clear, k).map(|text| (text, true)),
        })
    }

    /// Keeps `clear_text` under `name`, under the current lock; true when it is written.
    pub(super) fn keep_copy_as(self, codec: Codec, name: &str, clear_text: &str) -> bool {
        let kept = self
            .driver
            .try_update_value(|d| {
                BrowserPort::new(Some(codec), &mut d.keys, d.usable)
                    .keep_copy(name, &Copy::Raw(clear_text.to_owned()))
            })
            .unwrap_or(false);
        self.refresh_recovery_keys();
        kept
    }

    /// How every kept copy must be re-written to go from the lock `old_key` opens (`None`:
    /// the lock was off, or only clear copies are to be sealed) to `new` (`None`: off).
    /// Copies that `old_key` cannot open are left as they are: they stay sealed.
    pub(super) fn rewrites(
        self,
        codec: Codec,
        old_key: Option<&Key>,
        new: Option<&LockKey>,
    ) -> Vec<Rewrite> {
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
                    None => clear,
                    Some(k) => sealed_copy(codec, &clear, k)?,
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

    /// With the lock on and open here: seals any kept copy still in the clear (left by an
    /// older Harbour, an interrupted change, or kept while the lock was changing).
    pub(super) fn seal_clear_copies(self, codec: Codec) {
        let rewrites = self.driver.with_value(|d| {
            d.keys
                .current
                .as_ref()
                .map(|k| self.rewrites(codec, None, Some(k)))
                .unwrap_or_default()
        });
        let _ = self.apply_rewrites(&rewrites);
        self.refresh_recovery_keys();
    }
}

/// Puts back the copies as they were.
pub(super) fn undo_rewrites(rewrites: &[Rewrite]) {
    for r in rewrites {
        let _ = storage::write_raw(&r.key, &r.was);
    }
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
