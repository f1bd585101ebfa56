//! Opening the store: the machine's start, before the codec is here.
//!
//! With nothing stored (a first visit) or storage blocked, the store is open at once. With
//! something stored, it is `Opening` until the codec chunk has loaded and the machine has
//! read it: nothing is written meanwhile, and pages that change her data wait (see
//! `ui::lazy`). Her clear settings (disguise, quick exit) are read at once, so nothing
//! flickers.

use super::{Driver, Health, LockState, Persistence, Store};
use crate::adapters::{browser, storage};
use crate::domain::data::Snapshot;
use crate::domain::envelope::STORAGE_KEY;
use crate::domain::sync::Machine;
use leptos::prelude::*;

/// The store as far as it can be opened without the codec, before the machine's start:
/// her clear settings only.
pub(super) fn open() -> Store {
    let usable = storage::probe().is_ok();
    let public = usable
        .then(|| storage::read(STORAGE_KEY).ok().flatten())
        .flatten()
        .and_then(|raw| storage::read_public(&raw))
        .unwrap_or_default();
    let snapshot = RwSignal::new(Snapshot {
        public,
        ..Snapshot::default()
    });
    Store {
        snapshot,
        discreet: Memo::new(move |_| snapshot.with(|s| s.public.discreet)),
        covered: RwSignal::new(browser::has_root_class("app-covered")),
        health: RwSignal::new(Health::Opening),
        lock_state: RwSignal::new(LockState::Off),
        notices: RwSignal::new(Vec::new()),
        persistence: RwSignal::new(Persistence::Unknown),
        recovery_keys: RwSignal::new(Vec::new()),
        unreadable_text: StoredValue::new(None),
        driver: StoredValue::new_local(Driver {
            machine: Machine::new(),
            keys: Default::default(),
            usable,
            pending: None,
            asked_persistence: false,
            owned: Vec::new(),
        }),
    }
}

impl Store {
    /// Reads what is stored (the machine's start), then listens for the page closing and
    /// for other tabs.
    pub(super) fn begin(self) {
        self.run(|machine, _, port| machine.start(port));
        self.watch();
    }
}
