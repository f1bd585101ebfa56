//! Changing the lock: turning it on or off and changing the passphrase. Each re-writes her
//! data in one write and every kept copy to match, so nothing stored is left in the clear
//! under the lock or openable with an old passphrase; a failed write puts everything back.

use super::codec::{self, Codec};
use super::lock::{codec, LockError, NOT_LOADED, NOT_SAVED};
use super::sealing::undo_rewrites;
use super::{Lock, LockState, Store, Sync};
use crate::adapters::crypto;
use crate::domain::sealed::{self, Key};
use leptos::prelude::*;
use zeroize::Zeroize;

impl Store {
    /// Turns the lock on: derives a key from a new passphrase, seals every kept copy, then
    /// re-writes her data sealed in one write (so closing the tab midway leaves the old
    /// copy whole).
    pub async fn turn_lock_on(self, mut passphrase: String) -> Result<(), LockError> {
        let result = self.turn_lock_on_with(&passphrase).await;
        passphrase.zeroize();
        result
    }

    async fn turn_lock_on_with(self, passphrase: &str) -> Result<(), LockError> {
        if let Some(problem) = sealed::passphrase_problem(passphrase) {
            return Err(problem);
        }
        let codec = codec().await?;
        let salt = crypto::random_bytes()?;
        let kdf = (codec.new_kdf)(salt);
        let derivation = (codec.derivation)(&kdf)?;
        let key = crypto::derive_key(passphrase, &derivation).await?;
        self.rekey(Lock::Unlocked { key, kdf }, LockState::Unlocked)
    }

    /// Turns the lock off: re-writes her data in the clear in one write, then her kept
    /// copies.
    pub fn turn_lock_off(self) -> Result<(), LockError> {
        self.rekey(Lock::Off, LockState::Off)
    }

    /// Changes the passphrase: checks the current one, then re-seals every kept copy and
    /// re-writes her data sealed with a key from the new one (new salt), so nothing stored
    /// opens with the old passphrase.
    pub async fn change_passphrase(
        self,
        mut current: String,
        mut new: String,
    ) -> Result<(), LockError> {
        let result = self.change_passphrase_with(&current, &new).await;
        current.zeroize();
        new.zeroize();
        result
    }

    async fn change_passphrase_with(self, current: &str, new: &str) -> Result<(), LockError> {
        if let Some(problem) = sealed::passphrase_problem(new) {
            return Err(problem);
        }
        let current_kdf = self.sync.with_value(|s| match &s.lock {
            Lock::Unlocked { kdf, .. } => Some(kdf.clone()),
            _ => None,
        });
        let Some(current_kdf) = current_kdf else {
            return Err("Unlock Harbour first.".into());
        };
        let codec = codec().await?;
        let derivation = (codec.derivation)(&current_kdf)?;
        let check = crypto::derive_key(current, &derivation).await?;
        if !self.holds_key(codec, &check) {
            return Err("Your current passphrase is not right. Nothing has been changed.".into());
        }
        let kdf = (codec.new_kdf)(crypto::random_bytes()?);
        let derivation = (codec.derivation)(&kdf)?;
        let key = crypto::derive_key(new, &derivation).await?;
        self.rekey(Lock::Unlocked { key, kdf }, LockState::Unlocked)
    }

    fn holds_key(self, codec: Codec, candidate: &Key) -> bool {
        self.sync.with_value(|s| match &s.lock {
            Lock::Unlocked { key, kdf } => (codec.same_key)(key, kdf, candidate),
            _ => false,
        })
    }

    /// Switches the lock and writes everything under the new lock: her data in one write,
    /// and every kept copy. Sealing (lock on, new passphrase) re-writes the copies first,
    /// unsealing (lock off) her data first, so an interrupted change never leaves a copy
    /// in the clear beside sealed data. If a write fails, everything is put back as it was
    /// and the old lock stays.
    fn rekey(self, lock: Lock, state: LockState) -> Result<(), LockError> {
        if self.lock_state.get_untracked() == LockState::Locked {
            return Err("Unlock Harbour first.".into());
        }
        // Take in anything another tab saved first, under the lock it was saved with (after
        // the switch, its text would look like the other tab changing the lock).
        let Some(codec) = codec::loaded() else {
            return Err(NOT_LOADED.into());
        };
        if self.health.get_untracked().may_write() && !self.catch_up(codec) {
            // The other tab locked Harbour, or is a newer version: leave everything as it is.
            return Err(NOT_SAVED.into());
        }
        let rewrites = self.sync.with_value(|s| {
            let old_key = match &s.lock {
                Lock::Unlocked { key, .. } => Some(key),
                _ => None,
            };
            self.rewrites(codec, old_key, &lock)
        });
        let copies_first = matches!(lock, Lock::Unlocked { .. });
        if copies_first && self.apply_rewrites(&rewrites).is_err() {
            return Err(NOT_SAVED.into());
        }
        let old = self
            .sync
            .try_update_value(|s: &mut Sync| std::mem::replace(&mut s.lock, lock));
        self.sync.update_value(|s| s.force = true);
        if self.health.get_untracked().may_write() {
            self.write();
        }
        let written = !self.sync.with_value(|s| s.force);
        if written && !copies_first && self.apply_rewrites(&rewrites).is_err() {
            // Her data is written in the clear; the copies stay sealed and can still be
            // downloaded and opened with the passphrase.
            leptos::logging::warn!("Harbour: kept copies could not be unsealed");
        }
        if !written {
            // Not written: put the old lock back so memory and storage agree.
            if copies_first {
                undo_rewrites(&rewrites);
            }
            if let Some(old) = old {
                self.sync.update_value(|s| {
                    s.lock = old;
                    s.force = false;
                });
            }
            return Err(NOT_SAVED.into());
        }
        self.refresh_recovery_keys();
        // Setting an equal value would still re-render everything that reads it.
        if self.lock_state.get_untracked() != state {
            self.lock_state.set(state);
        }
        Ok(())
    }
}
