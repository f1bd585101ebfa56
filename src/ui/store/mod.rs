//! The app's one store: her data in a signal, saved automatically, and every storage fault
//! turned into a message that destroys nothing.
//!
//! Saving: a change is written at most [`SAVE_DELAY_MS`] after it is made, and at once when
//! the page is hidden or closed. Faults: unreadable data is copied aside before Harbour
//! starts clean; a newer schema, blocked storage, a full quota or storage cleared under us
//! switch to working in memory, with a message, and never overwrite the last good copy.
//! Saving is in `save.rs`; with the lock on, what is written is sealed (see `lock.rs`), and
//! everything written under the lock is encoded in `sealing.rs`; other tabs are in `tabs.rs`.
//! Turning her data into stored text is the codec's job (`codec.rs`, a chunk of its own).

mod codec;
mod lock;
mod open;
mod rekey;
mod save;
mod sealing;
mod tabs;

use open::open;

pub use crate::domain::sync::LockState;
pub use codec::load as load_codec;
pub use lock::UnlockRefused;
pub use tabs::{broadcast, EXIT, WIPED};

use crate::adapters::listen::{self, Owned};
use crate::adapters::{browser, storage};
use crate::domain::data::Snapshot;
use crate::domain::envelope::{self, KEY_PREFIX, STORAGE_KEY};
use crate::domain::sealed::{KdfParams, Key};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

pub use crate::domain::sync::{Health, Notice, SAVE_DELAY_MS};

/// Whether the browser promised to keep Harbour's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    Unknown,
    Granted,
    NotGranted,
}

/// The store, shared through context (all fields are `Copy` handles).
#[derive(Clone, Copy)]
pub struct Store {
    pub snapshot: RwSignal<Snapshot>,
    /// Discreet mode, separately so that pages re-render only when it changes.
    pub discreet: Memo<bool>,
    /// In discreet mode, true while the plain "Notes" cover shows instead of the page: from
    /// the start of each visit until she opens it, and again after "Delete everything".
    /// Kept in memory only (the lock screen covers for it while locked).
    pub covered: RwSignal<bool>,
    pub health: RwSignal<Health>,
    pub lock_state: RwSignal<LockState>,
    pub notices: RwSignal<Vec<Notice>>,
    pub persistence: RwSignal<Persistence>,
    /// The keys of every kept copy (see [`envelope::is_kept_copy`]), for Settings.
    pub recovery_keys: RwSignal<Vec<String>>,
    /// The unreadable text when it could not be kept in storage, so she can download it.
    pub unreadable_text: StoredValue<Option<String>>,
    sync: StoredValue<Sync, LocalStorage>,
}

/// The state of the lock, with the secret parts that never reach a signal.
enum Lock {
    Off,
    Unlocked {
        key: Key,
        kdf: KdfParams,
    },
    /// `unsaved` is true when the sealed copy held here is newer than storage's. `held`
    /// is what this tab had not saved when another tab locked Harbour or changed the
    /// passphrase (this tab had no key to seal it with): it is merged in when she unlocks
    /// here, and never written while locked.
    Locked {
        locked: envelope::Locked,
        unsaved: bool,
        held: Option<Box<Held>>,
    },
}

/// Bookkeeping that is not shown: what was last written, and the pending save.
struct Sync {
    /// The snapshot as last written to (or read from) storage.
    base: Snapshot,
    /// True once Harbour's key should exist in storage.
    expect_stored: bool,
    pending: Option<TimeoutHandle>,
    asked_persistence: bool,
    /// Write even if nothing changed (she asked to save again, or the lock changed).
    force: bool,
    /// The stored text as this tab last read or wrote it. Storage holding anything else
    /// means another tab saved since, even if its storage event has not arrived yet.
    seen: Option<String>,
    /// The lineage of `seen` (see `domain::envelope`): a save here follows from it.
    lineage: Vec<String>,
    /// The id of this tab's last save, until it takes in another tab's save.
    mine: Option<String>,
    /// Her data as this tab last read it from storage (at start, or another tab's save).
    /// If another tab saved without seeing this tab's saves since (two browser processes
    /// can both save before either hears of the other), those saves are this tab's
    /// unsaved words again, changed from this.
    synced: Snapshot,
    /// The id of the save `synced` was read from (none for nothing stored, or a save from
    /// before lineages).
    synced_from: Option<String>,
    lock: Lock,
    /// Kept copies (key, clear text) waiting for a key to seal them with: written when she
    /// unlocks here.
    waiting_copies: Vec<(String, String)>,
    /// The kept copy holding their side of the last conflict this tab merged (see
    /// `domain::sync`): once it is gone, that conflict is not settled.
    settled_by: Option<String>,
    /// The store's listeners and timers: removed when the store goes.
    owned: Vec<Owned>,
}

impl Sync {
    /// `doc` is her data as this tab has just read it from storage (`lineage` is already
    /// that of the save it came from, or empty): what its own saves since are changes from.
    fn read_as_stored(&mut self, doc: Snapshot) {
        self.synced = doc;
        self.synced_from = self.lineage.last().cloned();
    }

    /// Storage no longer holds what this tab saved or read: everything in memory is
    /// unsaved, changed from nothing, including words held from another tab's lock. (As
    /// `domain::sync`'s `nothing_saved`, whose model test found words lost without it.)
    fn nothing_saved(&mut self) {
        self.base = Snapshot::default();
        self.synced = Snapshot::default();
        self.mine = None;
        self.settled_by = None;
        if let Lock::Locked {
            held: Some(held), ..
        } = &mut self.lock
        {
            held.base = Snapshot::default();
        }
    }
}

/// Words this tab had not saved when it was locked from another tab, and what they were
/// changed from (for the merge when she unlocks).
struct Held {
    base: Snapshot,
    ours: Snapshot,
}

/// Provides the store to the app. Call once, at the top.
pub fn provide_store() -> Store {
    let store = open();
    provide_context(store);
    store.watch();
    store
}

/// The store from context.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

impl Store {
    /// Starts autosave and listens for the page closing and for other tabs.
    fn watch(self) {
        Effect::new(move |_| {
            self.snapshot.track();
            self.schedule();
        });
        let flush = move || self.save_now();
        let owned = vec![
            listen::on_window("pagehide", flush),
            listen::on_window("visibilitychange", move || {
                if browser::is_hidden() {
                    self.save_now();
                } else {
                    self.check_still_stored();
                }
            }),
            listen::on_storage(move |key, new_value| self.on_storage_event(key, new_value)),
        ];
        self.own(owned);
        self.watch_lock();
        tabs::listen(self);
        if self.health.get_untracked().may_write() {
            self.ask_persistence_once();
        }
    }

    /// Keeps listeners and timers for as long as the store lives.
    fn own(self, owned: impl IntoIterator<Item = Owned>) {
        self.sync.update_value(|s| s.owned.extend(owned));
    }

    fn on_storage_event(self, key: Option<String>, new_value: Option<String>) {
        if matches!(
            self.health.get_untracked(),
            Health::Opening | Health::NotOpened
        ) {
            // Not read yet: opening reads storage as it is then, so nothing is missed.
            return;
        }
        match key.as_deref() {
            // clear(): everything went, from another tab or the browser.
            None => {
                if self.sync.with_value(|s| s.expect_stored)
                    && self.health.get_untracked().may_write()
                {
                    self.storage_cleared();
                }
                self.refresh_recovery_keys();
            }
            Some(STORAGE_KEY) => match new_value {
                None => {
                    if self.health.get_untracked().may_write() {
                        self.storage_cleared();
                    }
                }
                Some(_) => tabs::adopt_external(self),
            },
            Some(k) if envelope::is_kept_copy(k) => self.refresh_recovery_keys(),
            Some(_) => {}
        }
    }

    /// Storage lost what this tab saved: nothing here counts as saved, and writing pauses
    /// until she chooses to save again.
    pub(super) fn storage_cleared(self) {
        self.sync.update_value(Sync::nothing_saved);
        self.health.set(Health::Cleared);
    }

    fn ask_persistence_once(self) {
        let first = self.sync.with_value(|s| !s.asked_persistence);
        if !first {
            return;
        }
        self.sync.update_value(|s| s.asked_persistence = true);
        leptos::task::spawn_local(async move {
            let answer = match storage::request_persistence().await {
                Some(true) => Persistence::Granted,
                Some(false) => Persistence::NotGranted,
                None => Persistence::Unknown,
            };
            self.persistence.set(answer);
        });
    }

    /// Re-reads which kept copies exist (in storage's order: the settings page, which
    /// lists them, sorts them, so the shell carries no sort code for it).
    pub fn refresh_recovery_keys(self) {
        if storage::probe().is_ok() {
            let keys: Vec<String> = storage::keys_with_prefix(KEY_PREFIX)
                .into_iter()
                .filter(|k| envelope::is_kept_copy(k))
                .collect();
            if self.recovery_keys.with_untracked(|k| *k != keys) {
                self.recovery_keys.set(keys);
            }
        }
    }

    /// What she has now, for a download (loading the codec first if it is not here yet):
    /// the text, and whether it is sealed (it is while the lock is on).
    pub async fn current_for_download(self) -> Option<(String, bool)> {
        let codec = codec::load().await.ok()?;
        (codec.download_text)(self, codec)
    }

    /// True while what is stored has not been read yet (see [`Health::Opening`]).
    pub fn is_opening(self) -> bool {
        matches!(self.health.get(), Health::Opening | Health::NotOpened)
    }

    /// Adds a notice (once).
    pub fn notify(self, notice: Notice) {
        self.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }

    /// Dismisses a notice.
    pub fn dismiss(self, notice: &Notice) {
        self.notices.update(|n| n.retain(|x| x != notice));
    }

    /// Forgets everything in memory after "Delete everything" (here or in another tab),
    /// without writing: Harbour starts clean. In discreet mode the page stays discreet,
    /// behind its cover, until it is closed (the choice is saved again only if she writes
    /// something new), so what follows the deletion does not name Harbour either.
    pub fn reset_after_wipe(self) {
        let fresh = Snapshot {
            public: crate::domain::data::PublicSettings {
                discreet: self.snapshot.with_untracked(|s| s.public.discreet),
                ..Default::default()
            },
            ..Snapshot::default()
        };
        self.sync.update_value(|s| {
            if let Some(handle) = s.pending.take() {
                handle.clear();
            }
            s.base = fresh.clone();
            s.expect_stored = false;
            s.force = false;
            s.lock = Lock::Off;
            s.seen = None;
            s.lineage.clear();
            s.mine = None;
            s.read_as_stored(fresh.clone());
            s.waiting_copies.clear();
            s.settled_by = None;
        });
        self.snapshot.set(fresh);
        self.covered.set(true);
        self.lock_state.set(LockState::Off);
        self.health.set(Health::Saving);
        self.unreadable_text.set_value(None);
        self.recovery_keys.set(Vec::new());
        self.notices.set(vec![Notice::Deleted]);
    }
}
