//! The passphrase lock: turning it on, off or changing the passphrase (each one atomic
//! write), unlocking, and locking after idle time, on quick exit and when the page comes
//! back from the back-forward cache.

use super::codec::{self, Codec};
use super::{Lock, Notice, Store, Sync};
use crate::adapters::{browser, crypto, storage};
use crate::domain::data::Snapshot;
use crate::domain::envelope::{Loaded, UnlockError, STORAGE_KEY};
use crate::domain::sealed::{self, Key};
use leptos::ev;
use leptos::leptos_dom::helpers::{set_interval_with_handle, window_event_listener};
use leptos::prelude::*;
use std::time::Duration;

/// What the UI may know about the lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockState {
    /// No passphrase: stored in the clear.
    Off,
    /// On, and open.
    Unlocked,
    /// On, and closed: her data is not in memory.
    Locked,
}

/// Why the lock could not do what she asked, in plain words.
pub type LockError = String;

/// Said if the part of Harbour that does the locking could not be fetched.
const NOT_LOADED: &str =
    "Part of Harbour did not download, perhaps because the phone is offline. Check your connection and try again. Nothing has been changed.";

/// The codec (it holds the encryption), loaded if it is not here yet.
async fn codec() -> Result<Codec, LockError> {
    codec::load().await.map_err(|_| NOT_LOADED.to_owned())
}

const NOT_SAVED: &str =
    "Harbour could not save the change, so it has not been made. Your notes are as they were.";

const WRONG: &str =
    "That passphrase did not open Harbour. Check it and try again. Nothing has been changed.";

fn activity_events() -> [&'static str; 4] {
    ["pointerdown", "keydown", "input", "scroll"]
}

impl Store {
    /// Idle locking and back-forward-cache locking.
    pub(super) fn watch_lock(self) {
        let last_activity = StoredValue::new(browser::now_ms());
        for name in activity_events() {
            std::mem::forget(leptos::leptos_dom::helpers::window_event_listener_untyped(
                name,
                move |_| {
                    last_activity.set_value(browser::now_ms());
                },
            ));
        }
        let check = move || {
            if self.lock_state.get_untracked() != LockState::Unlocked {
                return;
            }
            let minutes = self
                .snapshot
                .with_untracked(|s| s.public.lock_minutes)
                .max(1);
            if browser::now_ms() - last_activity.get_value() >= f64::from(minutes) * 60_000.0 {
                self.lock();
            }
        };
        // Runs for the app's lifetime (the handle is never cleared).
        let _ = set_interval_with_handle(check, Duration::from_secs(5));
        // Hidden (another app, the tab switcher, another tab) with the lock open: cover
        // everything at once, so the phone's snapshot of the page shows nothing of hers.
        // Coming back: lock first if her idle time ran out while away (timers barely run
        // while hidden), and only then uncover, on the next frame, when the lock screen is
        // already in place; the cover is what paints first.
        let cover = move || {
            if self.lock_state.get_untracked() == LockState::Unlocked {
                browser::set_privacy_cover(true);
            }
        };
        let uncover_after = move |lock_now: bool| {
            if lock_now {
                self.lock();
            } else {
                check();
            }
            leptos::leptos_dom::helpers::request_animation_frame(|| {
                browser::set_privacy_cover(false)
            });
        };
        std::mem::forget(window_event_listener(ev::visibilitychange, move |_| {
            if browser::is_hidden() {
                cover();
            } else {
                uncover_after(false);
            }
        }));
        std::mem::forget(window_event_listener(ev::pagehide, move |_| cover()));
        // A page restored from the back-forward cache may be seen by someone else.
        std::mem::forget(window_event_listener(ev::pageshow, move |e| {
            if e.persisted() {
                uncover_after(true);
            }
        }));
    }

    /// Locks now (if unlocked): saves, seals what is in memory, forgets the key and her data.
    pub fn lock(self) {
        if self.lock_state.get_untracked() != LockState::Unlocked {
            return;
        }
        // Unlocked means the codec opened her data, so it is here.
        let Some(codec) = codec::loaded() else {
            return;
        };
        self.save_now();
        let unsaved = self.has_unsaved();
        let sealed_text = self.snapshot.with_untracked(|snap| {
            self.sync.with_value(|s| match &s.lock {
                Lock::Unlocked { key, kdf } => crypto::random_bytes()
                    .ok()
                    .map(|iv| (codec.encode_sealed)(snap, &browser::now_iso(), key, kdf, iv)),
                _ => None,
            })
        });
        let locked = match sealed_text.as_deref().map(|t| (codec.load)(Some(t))) {
            Some(Loaded::Locked(locked)) => locked,
            // Sealing cannot fail with a held key; if it somehow did, keep her words open
            // rather than lose them.
            _ => return,
        };
        let public = self.snapshot.with_untracked(|s| s.public.clone());
        let cleared = Snapshot {
            public,
            ..Snapshot::default()
        };
        self.sync.update_value(|s| {
            // Dropping the old `Lock::Unlocked` wipes the key.
            s.lock = Lock::Locked { locked, unsaved };
            s.base = cleared.clone();
            s.force = false;
        });
        self.snapshot.set(cleared);
        self.lock_state.set(LockState::Locked);
    }

    /// Unlocks with her passphrase. A wrong one changes nothing.
    pub async fn unlock(self, passphrase: String) -> Result<(), LockError> {
        let codec = codec().await?;
        // Prefer what storage holds now (another tab may have saved since), unless this tab
        // holds newer words it could not save.
        let held = self.sync.with_value(|s| match &s.lock {
            Lock::Locked {
                locked,
                unsaved: true,
            } => Some(locked.clone()),
            _ => None,
        });
        let had_unsaved = held.is_some();
        let locked = match held {
            Some(l) => l,
            None => match storage::read(STORAGE_KEY)
                .ok()
                .flatten()
                .map(|raw| (codec.load)(Some(&raw)))
            {
                Some(Loaded::Locked(l)) => l,
                Some(Loaded::Ready { snapshot, .. }) => {
                    // The lock was turned off in another tab.
                    self.adopt_unlocked(snapshot, Lock::Off, false);
                    return Ok(());
                }
                _ => match self.sync.with_value(|s| match &s.lock {
                    Lock::Locked { locked, .. } => Some(locked.clone()),
                    _ => None,
                }) {
                    Some(l) => l,
                    None => {
                        return Err("Harbour could not find your locked notes on this phone.".into())
                    }
                },
            },
        };
        let derivation = (codec.derivation)(&locked.sealed.kdf).map_err(|_| WRONG.to_owned())?;
        let key = crypto::derive_key(&passphrase, &derivation).await?;
        match (codec.open_locked)(&locked, &key) {
            Ok((snapshot, migrated_from)) => {
                let unsaved = had_unsaved || migrated_from.is_some();
                let kdf = locked.sealed.kdf.clone();
                self.adopt_unlocked(snapshot, Lock::Unlocked { key, kdf }, unsaved);
                Ok(())
            }
            Err(UnlockError::WrongPassphrase) => Err(WRONG.into()),
            Err(UnlockError::Unreadable(why)) => Err(format!(
                "Your passphrase is right, but what was saved could not be read ({why}). It has not been changed."
            )),
        }
    }

    fn adopt_unlocked(self, snapshot: Snapshot, lock: Lock, unsaved: bool) {
        let state = match lock {
            Lock::Off => LockState::Off,
            _ => LockState::Unlocked,
        };
        self.sync.update_value(|s| {
            s.base = if unsaved {
                Snapshot::default()
            } else {
                snapshot.clone()
            };
            s.force = unsaved;
            s.lock = lock;
        });
        self.snapshot.set(snapshot);
        self.lock_state.set(state);
        self.dismiss(&Notice::LockedByOtherTab);
        if unsaved {
            self.save_now();
        }
    }

    /// Turns the lock on: derives a key from a new passphrase and re-writes everything
    /// sealed, in one write (so closing the tab midway leaves the old copy whole).
    pub async fn turn_lock_on(self, passphrase: String) -> Result<(), LockError> {
        if let Some(problem) = sealed::passphrase_problem(&passphrase) {
            return Err(problem);
        }
        let codec = codec().await?;
        let salt = crypto::random_bytes()?;
        let kdf = (codec.new_kdf)(salt);
        let derivation = (codec.derivation)(&kdf)?;
        let key = crypto::derive_key(&passphrase, &derivation).await?;
        self.rekey(Lock::Unlocked { key, kdf }, LockState::Unlocked)
    }

    /// Turns the lock off: re-writes everything in the clear, in one write.
    pub fn turn_lock_off(self) -> Result<(), LockError> {
        self.rekey(Lock::Off, LockState::Off)
    }

    /// Changes the passphrase: checks the current one, then re-writes everything sealed with
    /// a key from the new one (new salt), in one write.
    pub async fn change_passphrase(self, current: String, new: String) -> Result<(), LockError> {
        if let Some(problem) = sealed::passphrase_problem(&new) {
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
        let check = crypto::derive_key(&current, &derivation).await?;
        if !self.holds_key(codec, &check) {
            return Err("Your current passphrase is not right. Nothing has been changed.".into());
        }
        let kdf = (codec.new_kdf)(crypto::random_bytes()?);
        let derivation = (codec.derivation)(&kdf)?;
        let key = crypto::derive_key(&new, &derivation).await?;
        self.rekey(Lock::Unlocked { key, kdf }, LockState::Unlocked)
    }

    fn holds_key(self, codec: Codec, candidate: &Key) -> bool {
        self.sync.with_value(|s| match &s.lock {
            Lock::Unlocked { key, kdf } => (codec.same_key)(key, kdf, candidate),
            _ => false,
        })
    }

    /// Switches the lock and writes everything once under the new lock. If the write fails
    /// the old lock stays, and storage still holds the old copy whole.
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
        let old = self
            .sync
            .try_update_value(|s: &mut Sync| std::mem::replace(&mut s.lock, lock));
        self.sync.update_value(|s| s.force = true);
        if self.health.get_untracked().may_write() {
            self.write();
        }
        if self.sync.with_value(|s| s.force) {
            // Not written: put the old lock back so memory and storage agree.
            if let Some(old) = old {
                self.sync.update_value(|s| {
                    s.lock = old;
                    s.force = false;
                });
            }
            return Err(NOT_SAVED.into());
        }
        // Setting an equal value would still re-render everything that reads it.
        if self.lock_state.get_untracked() != state {
            self.lock_state.set(state);
        }
        Ok(())
    }
}
