//! Opening the store: reading what is stored and turning each fault into a state and a
//! message, without destroying anything.
//!
//! With nothing stored (a first visit) or storage blocked, the store is open at once. With
//! something stored, it is `Opening` until the codec chunk has loaded and read it: nothing
//! is written meanwhile, and pages that change her data wait (see `ui::lazy`). Her clear
//! settings (disguise, quick exit) are read at once, so nothing flickers.

use super::codec::{self, Codec};
use super::{Health, Lock, LockState, Notice, Persistence, Store, Sync};
use crate::adapters::{browser, storage};
use crate::domain::data::Snapshot;
use crate::domain::envelope::{Loaded, BEFORE_MIGRATION_KEY, STORAGE_KEY};
use leptos::prelude::*;

/// The store as far as it can be opened without the codec.
pub(super) fn open() -> Store {
    let stored = storage::probe().and_then(|()| storage::read(STORAGE_KEY));
    let (public, health) = match &stored {
        Err(_) => (Default::default(), Health::Unavailable),
        Ok(None) => (Default::default(), Health::Saving),
        Ok(Some(raw)) => (
            storage::read_public(raw).unwrap_or_default(),
            Health::Opening,
        ),
    };
    let snapshot = RwSignal::new(Snapshot {
        public,
        ..Snapshot::default()
    });
    let store = Store {
        snapshot,
        discreet: Memo::new(move |_| snapshot.with(|s| s.public.discreet)),
        covered: RwSignal::new(browser::has_root_class("app-covered")),
        health: RwSignal::new(health.clone()),
        lock_state: RwSignal::new(LockState::Off),
        notices: RwSignal::new(Vec::new()),
        persistence: RwSignal::new(Persistence::Unknown),
        recovery_keys: RwSignal::new(Vec::new()),
        unreadable_text: StoredValue::new(None),
        sync: StoredValue::new_local(Sync {
            base: Snapshot::default(),
            expect_stored: false,
            pending: None,
            asked_persistence: false,
            force: false,
            lock: Lock::Off,
            seen: None,
            lineage: Vec::new(),
            mine: None,
            synced: Snapshot::default(),
            synced_from: None,
            waiting_copies: Vec::new(),
            settled_by: None,
            owned: Vec::new(),
        }),
    };
    if health != Health::Unavailable {
        store.refresh_recovery_keys();
    }
    if health == Health::Opening {
        store.finish_opening();
    }
    store
}

impl Store {
    /// Loads the codec and reads what is stored. If the codec cannot be fetched, the store
    /// stays closed (`NotOpened`) and writes nothing; she can try again.
    pub(super) fn finish_opening(self) {
        leptos::task::spawn_local(async move {
            let loaded = codec::load().await;
            // Something else settled the store meanwhile (another tab deleted everything).
            if self.health.get_untracked() != Health::Opening {
                return;
            }
            match loaded {
                // Read again now: another tab may have saved while the chunk loaded.
                Ok(codec) => match storage::read(STORAGE_KEY) {
                    Ok(raw) => (codec.apply_read)(self, codec, (codec.load)(raw.as_deref()), raw),
                    Err(_) => self.health.set(Health::Unavailable),
                },
                Err(_) => self.health.set(Health::NotOpened),
            }
        });
    }

    /// She asked to try opening again after the codec could not be fetched.
    pub fn retry_open(self) {
        if self.health.get_untracked() == Health::NotOpened {
            self.health.set(Health::Opening);
            self.finish_opening();
        }
    }
}

/// Puts what was read into the store. (The lock is off until this has run, so a copy kept
/// here is kept as it was stored: with the lock on, the stored text was sealed already.)
pub(super) fn apply(store: Store, codec: Codec, loaded: Loaded, raw: Option<String>) {
    let mut notices = Vec::new();
    let mut expect_stored = false;
    let mut base = Snapshot::default();
    let mut lock = Lock::Off;
    let mut lineage = Vec::new();
    let (snapshot, health) = match loaded {
        Loaded::Empty => (Snapshot::default(), Health::Saving),
        Loaded::Ready {
            snapshot,
            migrated_from,
            lineage: read,
            ..
        } => {
            expect_stored = true;
            lineage = read;
            if migrated_from.is_some() {
                if let Some(raw) = &raw {
                    store.keep_copy_as(codec, BEFORE_MIGRATION_KEY, raw);
                }
            } else {
                base = snapshot.clone();
            }
            (snapshot, Health::Saving)
        }
        Loaded::Locked(locked) => {
            expect_stored = true;
            lineage = locked.lineage.clone();
            let snapshot = Snapshot {
                public: locked.public.clone(),
                ..Snapshot::default()
            };
            base = snapshot.clone();
            lock = Lock::Locked {
                locked,
                unsaved: false,
                held: None,
            };
            (snapshot, Health::Saving)
        }
        Loaded::Unreadable { reason } => {
            leptos::logging::warn!("Harbour: stored data unreadable: {reason}");
            let raw = raw.clone().unwrap_or_default();
            match store.keep_copy(codec, &raw) {
                Some(key) => {
                    notices.push(Notice::Recovered { key });
                    (Snapshot::default(), Health::Saving)
                }
                None => {
                    store.unreadable_text.set_value(Some(raw));
                    (Snapshot::default(), Health::UnreadableNotKept)
                }
            }
        }
        Loaded::TooNew { schema, public } => {
            let snapshot = Snapshot {
                public: public.unwrap_or_default(),
                ..Snapshot::default()
            };
            base = snapshot.clone();
            (snapshot, Health::TooNew { schema })
        }
    };
    let locked = matches!(lock, Lock::Locked { .. });
    store.sync.update_value(|s| {
        s.base = base;
        s.expect_stored = expect_stored;
        s.force = false;
        s.lock = lock;
        s.seen = raw;
        s.lineage = lineage;
        s.mine = None;
        s.read_as_stored(snapshot.clone());
    });
    store.snapshot.set(snapshot);
    if locked {
        store.lock_state.set(LockState::Locked);
    }
    for notice in notices {
        store.notify(notice);
    }
    store.refresh_recovery_keys();
    let writable = health.may_write();
    store.health.set(health);
    if writable {
        // Data brought up to date from an older schema differs from `base`, so the autosave
        // the snapshot change schedules writes it back.
        store.ask_persistence_once();
    }
}
