//! Harbour open in more than one tab: another tab's saves reach this one (merged, never a
//! silent loss), and quick exit or "Delete everything" in one tab reaches them all.

use super::codec::{self, Codec};
use super::{Health, Held, Lock, LockState, Notice, Store};
use crate::adapters::{browser, exit, listen, storage};
use crate::domain::data::Snapshot;
use crate::domain::envelope::{follows_from, Loaded};
use leptos::prelude::*;

/// Another tab used quick exit: leave too.
pub const EXIT: &str = "exit";
/// Another tab deleted everything: forget it here too.
pub const WIPED: &str = "wiped";

/// Tells every other Harbour tab something (never this one).
pub fn broadcast(message: &str) {
    listen::tell_tabs(message);
}

/// Listens to the other tabs for as long as the store lives.
pub(super) fn listen(store: Store) {
    let channel = listen::listen_to_tabs(move |message| match message.as_str() {
        EXIT => store.leave(),
        WIPED => store.reset_after_wipe(),
        _ => {}
    });
    store.own(channel);
}

impl Store {
    /// Quick exit in this tab (here, or heard from another tab): stops any reading aloud,
    /// hides the page at once, saves and locks (forgetting the key), empties the page,
    /// then replaces it in the history with the neutral page she chose.
    pub fn leave(self) {
        // Silence first: the neutral site can take seconds to load while a voice carries on.
        crate::adapters::speech::silence();
        // Once is enough: a second leaving (another tab's message arriving now, say) would
        // cancel the first navigation and start it again.
        if browser::has_root_class("app-exiting") {
            return;
        }
        browser::set_root_class("app-exiting", true);
        let url = self.snapshot.with_untracked(|s| s.public.exit_url.clone());
        self.save_now();
        self.lock();
        exit::blank_page();
        browser::replace_location(&url);
    }
}

/// Another tab saved: take its changes, keeping ours where both changed the same thing.
/// What storage holds now is read, not the event's value: events can arrive after this
/// tab's own later save, and a stale one must not replace newer words.
pub(super) fn adopt_external(store: Store) {
    let Some(codec) = codec::loaded() else {
        // Without the codec this tab cannot have unsaved changes (every page that changes
        // her data waits for it), so read what is stored afresh, as at start: nothing is
        // written until that has worked, and a failure says so and offers to try again.
        store.health.set(Health::Opening);
        store.finish_opening();
        return;
    };
    if let Some(current) = store.unseen_stored() {
        (codec.adopt)(store, codec, current);
    }
}

/// Takes in `raw`, the stored text another tab saved.
pub(super) fn adopt(store: Store, codec: Codec, raw: String) {
    let loaded = (codec.load)(Some(&raw));
    let lineage = match &loaded {
        Loaded::Ready { lineage, .. } => lineage.clone(),
        Loaded::Locked(locked) => locked.lineage.clone(),
        _ => Vec::new(),
    };
    store.sync.update_value(|s| {
        s.seen = Some(raw.clone());
        // The newest save this tab knows of (its own last one, or the one it last read) is
        // not in what replaced it: the other tab saved without seeing it. What this tab
        // holds as saved is unsaved here again, so the merge below keeps it or keeps a
        // copy, and it is saved again: changed from what this tab last read when only its
        // own saves since were missed (the other tab had read that too), and from nothing
        // otherwise. (The rule `domain::sync` keeps, which its model test proved: checking
        // only this tab's own save lost words when three tabs raced.)
        let mine = s.mine.take();
        if s.lineage
            .last()
            .is_some_and(|newest| !follows_from(&lineage, newest))
        {
            let read_it_too = s
                .synced_from
                .as_ref()
                .is_none_or(|read| follows_from(&lineage, read));
            s.base = if mine.is_some() && read_it_too {
                s.synced.clone()
            } else {
                Snapshot::default()
            };
        }
        s.lineage = lineage;
    });
    let raw = raw.as_str();
    match loaded {
        Loaded::Ready {
            snapshot: theirs, ..
        } => {
            if store.sync.with_value(|s| !matches!(s.lock, Lock::Off)) {
                // The lock was turned off in another tab: words held while locked come back.
                let held = store
                    .sync
                    .try_update_value(|s| match std::mem::replace(&mut s.lock, Lock::Off) {
                        Lock::Locked { held, .. } => held,
                        _ => None,
                    })
                    .flatten();
                bring_back(store, held);
                store.lock_state.set(LockState::Off);
            }
            merge_in(store, codec, theirs);
        }
        Loaded::Locked(locked) => {
            let opened = store.sync.with_value(|s| match &s.lock {
                Lock::Unlocked { key, .. } => Some((codec.open_locked)(&locked, key)),
                _ => None,
            });
            match opened {
                Some(Ok(theirs)) => merge_in(store, codec, theirs.snapshot),
                // Our key no longer opens it (passphrase changed there), or the lock was
                // turned on there: lock here. Words not saved yet cannot be sealed (this tab
                // has no key, or only the old one), so they are held here, never written
                // in the clear or under the old passphrase, and merged in when she unlocks.
                Some(Err(_)) | None => {
                    let was_open = store.lock_state.get_untracked() != LockState::Locked;
                    let held = if was_open {
                        store.notify(Notice::LockedByOtherTab);
                        unsaved_words(store)
                    } else {
                        store.sync.with_value(|s| match &s.lock {
                            Lock::Locked { held: Some(h), .. } => Some(Box::new(Held {
                                base: h.base.clone(),
                                ours: h.ours.clone(),
                            })),
                            _ => None,
                        })
                    };
                    let public = locked.public.clone();
                    store.sync.update_value(|s| {
                        s.lock = Lock::Locked {
                            locked,
                            unsaved: false,
                            held,
                        };
                        s.base = Snapshot {
                            public: public.clone(),
                            ..Snapshot::default()
                        };
                        s.read_as_stored(s.base.clone());
                        s.force = false;
                    });
                    store.snapshot.set(Snapshot {
                        public,
                        ..Snapshot::default()
                    });
                    store.lock_state.set(LockState::Locked);
                }
            }
        }
        Loaded::TooNew { schema, .. } => store.health.set(Health::TooNew { schema }),
        Loaded::Unreadable { .. } => {
            if let Some(key) = store.keep_copy(codec, raw) {
                store.notify(Notice::Recovered { key });
            }
        }
        Loaded::Empty => {}
    }
}

/// Puts words held while locked back as this tab's unsaved changes, ready to be merged.
pub(super) fn bring_back(store: Store, held: Option<Box<Held>>) {
    if let Some(held) = held {
        let Held { base, ours } = *held;
        store.sync.update_value(|s| s.base = base);
        store.snapshot.set(ours);
    }
}

/// What this tab has not saved yet, if anything, to hold while it is locked.
fn unsaved_words(store: Store) -> Option<Box<Held>> {
    let (ours, base) = (
        store.snapshot.get_untracked(),
        store.sync.with_value(|s| s.base.clone()),
    );
    (ours != base).then(|| Box::new(Held { base, ours }))
}

/// Takes in `theirs` (another tab's save), merged with what this tab has not saved. A
/// conflict keeps their version as a copy (sealed while the lock is on) and says so.
pub(super) fn merge_in(store: Store, codec: Codec, theirs: Snapshot) {
    let settled_by = store.sync.with_value(|s| s.settled_by.clone());
    if settled_by.is_some_and(|copy| matches!(storage::read(&copy), Ok(None))) {
        // Their side of the last conflict is no longer kept (storage was cleared): nothing
        // here counts as agreed with storage, so the merge keeps every word again.
        store.sync.update_value(|s| s.nothing_saved());
    }
    let ours = store.snapshot.get_untracked();
    let base = store.sync.with_value(|s| s.base.clone());
    store.sync.update_value(|s| {
        s.base = theirs.clone();
        s.read_as_stored(theirs.clone());
        s.expect_stored = true;
    });
    if store.health.get_untracked() == Health::Cleared {
        store.health.set(Health::Saving);
    }
    if ours == base {
        store.snapshot.set(theirs);
        return;
    }
    let merged = (codec.merge)(&base, &ours, &theirs);
    if !merged.conflicts.is_empty() {
        let text = (codec.encode)(&theirs, &crate::adapters::browser::now_iso());
        if let Some(key) = store.keep_copy(codec, &text) {
            store
                .sync
                .update_value(|s| s.settled_by = Some(key.clone()));
            store.notify(Notice::ConflictKept { key });
        }
    }
    store.snapshot.set(merged.value);
}
