//! The passphrase lock: turning it on, off or changing the passphrase (each one atomic
//! write), unlocking, and locking after idle time, on quick exit and when the page comes
//! back from the back-forward cache.

use super::codec::{self, Codec};
use super::port::LockKey;
use super::{LockState, Store};
use crate::adapters::{browser, crypto, listen, storage};
use crate::domain::envelope::{self, Loaded, UnlockError, STORAGE_KEY};
use crate::domain::sync::{Change, Event};
use leptos::prelude::*;
use std::time::Duration;
use zeroize::Zeroize;

/// Why the lock could not do what she asked, in plain words.
pub type LockError = String;

/// Why Harbour did not unlock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnlockRefused {
    /// Said as it is (a wrong passphrase, a part that did not download, …).
    Message(String),
    /// The passphrase is right, but her clear settings were changed while Harbour was
    /// locked (by something other than Harbour): what changed, one line each. Nothing was
    /// opened; she can choose to put her own settings back and open.
    SettingsChanged(Vec<String>),
}

/// Said if the part of Harbour that does the locking could not be fetched.
pub(super) const NOT_LOADED: &str =
    "Part of Harbour did not download, perhaps because the phone is offline. Check your connection and try again. Nothing has been changed.";

/// The codec (it holds the encryption), loaded if it is not here yet.
pub(super) async fn codec() -> Result<Codec, LockError> {
    codec::load().await.map_err(|_| NOT_LOADED.to_owned())
}

pub(super) const NOT_SAVED: &str =
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
        let mut owned: Vec<listen::Owned> = activity_events()
            .into_iter()
            .map(|name| listen::on_window(name, move || last_activity.set_value(browser::now_ms())))
            .collect();
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
        owned.extend(listen::every(Duration::from_secs(5), check));
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
        owned.push(listen::on_window("visibilitychange", move || {
            if browser::is_hidden() {
                cover();
            } else {
                uncover_after(false);
            }
        }));
        owned.push(listen::on_window("pagehide", cover));
        // A page restored from the back-forward cache may be seen by someone else.
        owned.push(listen::on_pageshow(move |persisted| {
            if persisted {
                uncover_after(true);
            }
        }));
        self.own(owned);
    }

    /// Locks now (if unlocked): saves, seals what is in memory, forgets the key and her data.
    pub fn lock(self) {
        // Silence first: nothing is read aloud once she has locked.
        crate::adapters::speech::silence();
        if self.lock_state.get_untracked() == LockState::Unlocked {
            self.dispatch(Event::Lock);
        }
    }

    /// Unlocks with her passphrase. A wrong one changes nothing. If her clear settings were
    /// changed while locked, nothing is opened unless `put_back_settings`: then her own
    /// settings (the ones sealed with her data) are put back and it opens.
    pub async fn unlock(
        self,
        mut passphrase: String,
        put_back_settings: bool,
    ) -> Result<(), UnlockRefused> {
        let result = self.unlock_with(&passphrase, put_back_settings).await;
        passphrase.zeroize();
        result
    }

    async fn unlock_with(self, passphrase: &str, put_back: bool) -> Result<(), UnlockRefused> {
        let codec = codec().await.map_err(UnlockRefused::Message)?;
        // Prefer what storage holds now (another tab may have saved since), unless this tab
        // holds newer words it could not save.
        let (held, newer) = self.driver.with_value(|d| match d.machine.sealed() {
            Some((sealed, newer)) => (Some(sealed.clone()), newer),
            None => (None, false),
        });
        let stored = match newer {
            true => None,
            false => storage::read(STORAGE_KEY)
                .ok()
                .flatten()
                .map(|raw| (codec.load)(Some(&raw))),
        };
        let locked = match stored {
            Some(Loaded::Locked(locked)) => Some(locked),
            Some(Loaded::Ready { .. }) => {
                // The lock was turned off in another tab: taking in its save opens this tab.
                self.dispatch(Event::StorageChanged(Change::Written));
                if self.lock_state.get_untracked() != LockState::Locked {
                    return Ok(());
                }
                held
            }
            _ => held,
        };
        let Some(locked) = locked else {
            return Err(UnlockRefused::Message(
                "Harbour could not find your locked notes on this phone.".into(),
            ));
        };
        let derivation = (codec.derivation)(&locked.sealed.kdf)
            .map_err(|_| UnlockRefused::Message(WRONG.to_owned()))?;
        let key = crypto::derive_key(passphrase, &derivation)
            .await
            .map_err(UnlockRefused::Message)?;
        let opened = match (codec.open_locked)(&locked, &key) {
            Err(UnlockError::SettingsChanged(found)) if put_back => {
                (codec.open_locked)(&found.restored, &key).map(|o| (o, true))
            }
            other => other.map(|o| (o, false)),
        };
        match opened {
            Ok((opened, put_back)) => {
                let unsaved = newer || put_back || opened.migrated_from.is_some();
                let kdf = locked.sealed.kdf.clone();
                self.driver
                    .update_value(|d| d.keys.current = Some(LockKey { key, kdf }));
                self.dispatch(Event::Unlocked {
                    doc: opened.snapshot,
                    unsaved,
                });
                if let Some(before) = opened.before {
                    self.keep_copy_as(codec, envelope::BEFORE_MIGRATION_KEY, &before);
                }
                self.seal_clear_copies(codec);
                Ok(())
            }
            Err(UnlockError::WrongPassphrase) => Err(UnlockRefused::Message(WRONG.into())),
            Err(UnlockError::SettingsChanged(found)) => {
                Err(UnlockRefused::SettingsChanged(found.changes))
            }
            Err(UnlockError::Unreadable(why)) => Err(UnlockRefused::Message(format!(
                "Your passphrase is right, but what was saved could not be read ({why}). It has not been changed."
            ))),
        }
    }
}
