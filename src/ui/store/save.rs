//! Saving: a change is written at most [`SAVE_DELAY_MS`] after it is made and at once on
//! request (the page hidden or closed), only when it changed and writing is allowed, after
//! taking in anything another tab saved that this one has not seen.

use super::codec::{self, Codec};
use super::{Health, Lock, Store, SAVE_DELAY_MS};
use crate::adapters::{storage, storage::StorageError};
use crate::domain::envelope::STORAGE_KEY;
use leptos::leptos_dom::helpers::set_timeout_with_handle;
use leptos::prelude::*;
use std::time::Duration;

impl Store {
    pub(super) fn schedule(self) {
        let has_pending = self.sync.with_value(|s| s.pending.is_some());
        if has_pending {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                self.sync.update_value(|s| s.pending = None);
                self.save_now();
            },
            Duration::from_millis(SAVE_DELAY_MS),
        )
        .ok();
        self.sync.update_value(|s| s.pending = handle);
    }

    /// Writes the current snapshot now if it changed and writing is allowed.
    pub fn save_now(self) {
        if let Some(handle) = self.sync.try_update_value(|s| s.pending.take()).flatten() {
            handle.clear();
        }
        if !self.may_write_now() || !self.has_unsaved() {
            return;
        }
        if self.cleared_under_us() {
            self.storage_cleared();
            return;
        }
        self.write();
    }

    pub(super) fn write(self) {
        let Some(codec) = codec::loaded() else {
            // Every page that changes her data waits for the codec, so this is not expected.
            // If it happens, say so, and save once it has loaded.
            self.health
                .set(Health::Failed("part of Harbour is still loading".into()));
            leptos::task::spawn_local(async move {
                if codec::load().await.is_ok() {
                    self.save_now();
                }
            });
            return;
        };
        if !self.catch_up(codec) {
            return;
        }
        // Taking in the other tab's save may have left nothing of ours to write.
        if !self.has_unsaved() {
            return;
        }
        let text = self
            .snapshot
            .with_untracked(|snap| (codec.encode_save)(self, codec, snap))
            .map_err(StorageError::Failed);
        let result = text.and_then(|text| match text {
            Some((text, lineage)) => {
                storage::write_raw(STORAGE_KEY, &text).map(|()| Some((text, lineage)))
            }
            None => Ok(None),
        });
        let next = match result {
            Ok(written) => {
                let snap = self.snapshot.get_untracked();
                self.sync.update_value(|s| {
                    s.base = snap;
                    s.expect_stored = true;
                    s.force = false;
                    if let Some((text, lineage)) = written {
                        s.seen = Some(text);
                        s.mine = lineage.last().cloned();
                        s.lineage = lineage;
                    }
                });
                self.ask_persistence_once();
                Health::Saving
            }
            Err(StorageError::Quota) => Health::Full,
            Err(StorageError::Unavailable(_)) => Health::Unavailable,
            Err(StorageError::Failed(why)) => Health::Failed(why),
        };
        if self.health.get_untracked() != next {
            self.health.set(next);
        }
    }

    /// Before writing: if another tab saved since this one last read or wrote (its storage
    /// event can arrive after this tab's own save), takes its changes first, so that a write
    /// never replaces words this tab has not seen. A conflict keeps the other version as a
    /// copy and says so. False when this tab must not write now (it was locked by the other
    /// tab, or the other tab is a newer Harbour).
    pub(super) fn catch_up(self, codec: Codec) -> bool {
        if let Some(current) = self.unseen_stored() {
            (codec.adopt)(self, codec, current);
        }
        self.may_write_now()
    }

    /// What storage holds, if it is not the text this tab last read or wrote: another tab
    /// saved since.
    pub(super) fn unseen_stored(self) -> Option<String> {
        let current = storage::read(STORAGE_KEY).ok().flatten()?;
        self.sync
            .with_value(|s| s.seen.as_deref() != Some(current.as_str()))
            .then_some(current)
    }

    /// True when this tab holds changes storage does not (or must write anyway).
    pub(super) fn has_unsaved(self) -> bool {
        self.snapshot
            .with_untracked(|snap| self.sync.with_value(|s| s.force || *snap != s.base))
    }

    /// True when saving is allowed now: storage is usable and this tab is not locked.
    fn may_write_now(self) -> bool {
        let locked = self
            .sync
            .with_value(|s| matches!(s.lock, Lock::Locked { .. }));
        self.health.get_untracked().may_write() && !locked
    }

    /// True when storage has been emptied since Harbour wrote to it. Checked before every
    /// save, so it counts keys rather than reading her (possibly large) data back.
    fn cleared_under_us(self) -> bool {
        self.sync.with_value(|s| s.expect_stored) && storage::is_empty()
    }

    /// The thorough check (is Harbour's own key still there?), when she comes back to the tab.
    pub(super) fn check_still_stored(self) {
        let gone = self.sync.with_value(|s| s.expect_stored)
            && matches!(storage::read(STORAGE_KEY), Ok(None));
        if self.health.get_untracked() == Health::Saving && gone {
            self.storage_cleared();
        }
    }

    /// She chose to write again after storage was cleared, or after a failure.
    pub fn save_again(self) {
        self.health.set(Health::Saving);
        self.sync.update_value(|s| {
            // The copy on disk is gone or unreadable: write ours even if nothing changed.
            s.expect_stored = false;
            s.force = true;
        });
        self.save_now();
    }

    /// She downloaded (or gave up) the unreadable text that could not be kept: go on saving,
    /// which replaces it.
    pub fn discard_unreadable(self) {
        self.unreadable_text.set_value(None);
        self.save_again();
    }
}
