//! Changing the lock: turning it on or off and changing the passphrase. Each re-writes her
//! data in one write and every kept copy to match, so nothing stored is left in the clear
//! under the lock or openable with an old passphrase; a failed write puts everything back.

use super::codec::{self, Codec};
use super::lock::{codec, LockError, NOT_LOADED, NOT_SAVED};
use super::port::LockKey;
use super::sealing::undo_rewrites;
use super::{LockState, Store};
use crate::adapters::crypto;
use crate::domain::sealed::{self, Key};
use crate::domain::sync::{Command, Event};
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
        self.rekey(Some(LockKey { key, kdf }))
    }

    /// Turns the lock off: re-writes her data in the clear in one write, then her kept
    /// copies.
    pub fn turn_lock_off(self) -> Result<(), LockError> {
        self.rekey(None)
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
        let current_kdf = self
            .driver
            .with_value(|d| d.keys.current.as_ref().map(|k| k.kdf.clone()));
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
        self.rekey(Some(LockKey { key, kdf }))
    }

    fn holds_key(self, codec: Codec, candidate: &Key) -> bool {
        self.driver.with_value(|d| {
            d.keys
                .current
                .as_ref()
                .is_some_and(|k| (codec.same_key)(&k.key, &k.kdf, candidate))
        })
    }

    /// Switches the lock and writes everything under the new lock (`None`: off): her data
    /// in one write (the machine's [`Event::Rekey`], which first takes in what another tab
    /// saved, under the lock it was saved with), and every kept copy. Sealing (lock on, new
    /// passphrase) re-writes the copies first, unsealing (lock off) her data first, so an
    /// interrupted change never leaves a copy in the clear beside sealed data. If a write
    /// fails, everything is put back as it was and the old lock stays.
    fn rekey(self, next: Option<LockKey>) -> Result<(), LockError> {
        if self.lock_state.get_untracked() == LockState::Locked {
            return Err("Unlock Harbour first.".into());
        }
        let Some(codec) = codec::loaded() else {
            return Err(NOT_LOADED.into());
        };
        let sealing = next.is_some();
        let rewrites = self.driver.with_value(|d| {
            let old_key = d.keys.current.as_ref().map(|k| &k.key);
            self.rewrites(codec, old_key, next.as_ref())
        });
        if sealing && self.apply_rewrites(&rewrites).is_err() {
            return Err(NOT_SAVED.into());
        }
        self.driver.update_value(|d| d.keys.change_to(next));
        let written = self
            .dispatch(Event::Rekey { on: sealing })
            .contains(&Command::Rekeyed(true));
        // The key not in use now goes: the old one, or the new one that was not written.
        self.driver.update_value(|d| d.keys.changed());
        if !written {
            if sealing {
                undo_rewrites(&rewrites);
            }
            return Err(NOT_SAVED.into());
        }
        if sealing {
            // A copy kept while taking in another tab's save was kept under the old lock.
            self.seal_clear_copies(codec);
        } else if self.apply_rewrites(&rewrites).is_err() {
            // Her data is written in the clear; the copies stay sealed and can still be
            // downloaded and opened with the passphrase.
            leptos::logging::warn!("Harbour: kept copies could not be unsealed");
        }
        self.refresh_recovery_keys();
        Ok(())
    }
}
