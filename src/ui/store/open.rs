//! Opening the store: reading what is stored and turning each fault into a state and a
//! message, without destroying anything.

use super::{Health, Lock, LockState, Notice, Persistence, Store, Sync};
use crate::adapters::{browser, storage};
use crate::domain::data::Snapshot;
use crate::domain::envelope::{self, Loaded, STORAGE_KEY};
use leptos::prelude::*;

/// Where a copy is kept of the version that was replaced when data was brought up to date.
const BEFORE_MIGRATION_KEY: &str = "harbour:before-migration";

pub(super) fn open() -> Store {
    let mut notices = Vec::new();
    let mut unreadable_text = None;
    let mut expect_stored = false;
    let mut base = Snapshot::default();
    let mut lock = Lock::Off;
    let (snapshot, health) = match storage::probe().and_then(|()| storage::read(STORAGE_KEY)) {
        Err(_) => (Snapshot::default(), Health::Unavailable),
        Ok(raw) => match envelope::load(raw.as_deref()) {
            Loaded::Empty => (Snapshot::default(), Health::Saving),
            Loaded::Ready {
                snapshot,
                migrated_from,
                ..
            } => {
                expect_stored = true;
                if migrated_from.is_some() {
                    // Keep the old text until the updated one is written; `base` stays
                    // default so the updated version is saved straight away.
                    if let Some(raw) = &raw {
                        let _ = storage::write_raw(BEFORE_MIGRATION_KEY, raw);
                    }
                } else {
                    base = snapshot.clone();
                }
                (snapshot, Health::Saving)
            }
            Loaded::Locked(locked) => {
                expect_stored = true;
                let snapshot = Snapshot {
                    public: locked.public.clone(),
                    ..Snapshot::default()
                };
                base = snapshot.clone();
                lock = Lock::Locked {
                    locked,
                    unsaved: false,
                };
                (snapshot, Health::Saving)
            }
            Loaded::Unreadable { reason } => {
                leptos::logging::warn!("Harbour: stored data unreadable: {reason}");
                let raw = raw.unwrap_or_default();
                match keep_copy(&raw) {
                    Some(key) => {
                        notices.push(Notice::Recovered { key });
                        (Snapshot::default(), Health::Saving)
                    }
                    None => {
                        unreadable_text = Some(raw);
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
        },
    };
    let health_ok = health != Health::Unavailable;
    let lock_state = match lock {
        Lock::Locked { .. } => LockState::Locked,
        _ => LockState::Off,
    };
    let snapshot = RwSignal::new(snapshot);
    let store = Store {
        snapshot,
        discreet: Memo::new(move |_| snapshot.with(|s| s.public.discreet)),
        health: RwSignal::new(health),
        lock_state: RwSignal::new(lock_state),
        notices: RwSignal::new(notices),
        persistence: RwSignal::new(Persistence::Unknown),
        recovery_keys: RwSignal::new(Vec::new()),
        unreadable_text: StoredValue::new(unreadable_text),
        sync: StoredValue::new_local(Sync {
            base,
            expect_stored,
            pending: None,
            asked_persistence: false,
            force: false,
            lock,
        }),
    };
    if health_ok {
        store.refresh_recovery_keys();
    }
    store
}

/// Copies an unreadable stored text to its own key, and checks the copy reads back whole.
pub(super) fn keep_copy(raw: &str) -> Option<String> {
    let key = envelope::recovery_key(browser::now_ms() as u64);
    storage::write_raw(&key, raw).ok()?;
    (storage::read(&key).ok()?.as_deref() == Some(raw)).then_some(key)
}
