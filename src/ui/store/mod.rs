//! The app's one store: her data in a signal, saved automatically, and every storage fault
//! turned into a message that destroys nothing.
//!
//! The decisions are `domain::sync`'s machine (proven natively by tests/sync_model.rs):
//! when to write, whether another tab saved first, how to merge, what to keep as a copy,
//! what to tell her. This module is its driver: it turns what happens in the browser (her
//! edits, the save timer, the page hidden or closing, storage events, lock and unlock)
//! into the machine's events, and carries out its commands with the adapters (signals,
//! timers, notices). Storage and the codec reach the machine through `port.rs`, where
//! everything is written under the lock; the codec (`codec.rs`) is a chunk of its own, and
//! holds the machine's handling too. The lock's key derivation and the re-writing of kept
//! copies when the lock changes are in `lock.rs`, `rekey.rs` and `sealing.rs`; other tabs
//! are in `tabs.rs`.

mod codec;
mod lock;
mod open;
mod port;
mod rekey;
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
use crate::domain::envelope::{self, Locked, KEY_PREFIX, STORAGE_KEY};
use crate::domain::sync::{Change, Command, Event, Machine};
use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use port::{BrowserPort, Keys};
use std::time::Duration;

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
    driver: StoredValue<Driver, LocalStorage>,
}

/// The driver's own state: the machine, and what it must not put in a signal.
struct Driver {
    machine: Machine<Snapshot, Locked>,
    /// The lock's keys (see `port::Keys`).
    keys: Keys,
    /// False when the browser blocks storage.
    usable: bool,
    /// The save timer, while it runs.
    pending: Option<TimeoutHandle>,
    asked_persistence: bool,
    /// The store's listeners and timers: removed when the store goes.
    owned: Vec<Owned>,
}

/// Provides the store, open. Call once, at the top.
pub fn provide_store() -> Store {
    let store = open();
    provide_context(store);
    store.begin();
    store
}

/// As [`provide_store`] for the app as it starts: her clear settings (disguise, quick exit)
/// are read at once, and what is stored is read in the next task, so that building the
/// first screen is a shorter task (see `ui::components::soon`). Until then the store is
/// `Opening`, as while it waits for the codec.
pub fn provide_store_soon() -> Store {
    let store = open();
    provide_context(store);
    let owner = Owner::current().unwrap_or_default();
    leptos::leptos_dom::helpers::set_timeout(move || owner.with(|| store.begin()), Duration::ZERO);
    store
}

/// The store from context.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

impl Store {
    /// Starts autosave and listens for the page closing and for other tabs.
    pub(super) fn watch(self) {
        Effect::new(move |_| {
            self.snapshot.track();
            self.dispatch(Event::Edited);
        });
        let owned = vec![
            listen::on_window("pagehide", move || self.save_now()),
            listen::on_window("visibilitychange", move || {
                if browser::is_hidden() {
                    self.save_now();
                } else {
                    self.dispatch(Event::Visible);
                }
            }),
            listen::on_storage(move |key, new_value| {
                self.on_storage_event(key, new_value.is_none())
            }),
        ];
        self.own(owned);
        self.watch_lock();
        tabs::listen(self);
    }

    /// Keeps listeners and timers for as long as the store lives.
    fn own(self, owned: impl IntoIterator<Item = Owned>) {
        self.driver.update_value(|d| d.owned.extend(owned));
    }

    /// Another tab (or the browser) changed storage. What storage holds now is read, not
    /// the event's value: events can arrive after this tab's own later save.
    fn on_storage_event(self, key: Option<String>, removed: bool) {
        let change = match key.as_deref() {
            // clear(): everything went, from another tab or the browser.
            None => Change::Cleared,
            Some(STORAGE_KEY) if removed => Change::Removed,
            Some(STORAGE_KEY) => Change::Written,
            Some(k) if envelope::is_kept_copy(k) => Change::Copies,
            Some(_) => return,
        };
        self.dispatch(Event::StorageChanged(change));
    }

    /// Hands `event` to the machine, and carries out what it says. Returns its commands.
    ///
    /// Only the opening events run before the codec chunk is here (see `open.rs`). Every
    /// page that changes her data waits for the codec, so no event before it can concern
    /// her words: those that may (another tab saved, she asked to save again) wait for it.
    fn dispatch(self, event: Event<Snapshot>) -> Vec<Command> {
        let Some(codec) = codec::loaded() else {
            let waits = matches!(
                event,
                Event::StorageChanged(Change::Written)
                    | Event::SaveAgain
                    | Event::DiscardUnreadable
            );
            if waits {
                leptos::task::spawn_local(async move {
                    if codec::load().await.is_ok() {
                        self.dispatch(event);
                    }
                });
            } else if matches!(event, Event::StorageChanged(_)) {
                self.refresh_recovery_keys();
            }
            return Vec::new();
        };
        let now_ms = browser::now_ms() as u64;
        self.run(|machine, doc, port| (codec.handle)(machine, doc, event, now_ms, port))
    }

    /// Runs one call of the machine with the browser's port, lending it her data in the
    /// signal (the machine keeps no copy of its own: see `Machine::handle`), then carries
    /// out its commands.
    fn run(
        self,
        call: impl FnOnce(
            &mut Machine<Snapshot, Locked>,
            &mut Snapshot,
            &mut BrowserPort,
        ) -> Vec<Command>,
    ) -> Vec<Command> {
        let codec = codec::loaded();
        let commands = self
            .snapshot
            .try_update_untracked(|doc| {
                self.driver.try_update_value(|d| {
                    let mut port = BrowserPort::new(codec, &mut d.keys, d.usable);
                    call(&mut d.machine, doc, &mut port)
                })
            })
            .flatten()
            .unwrap_or_default();
        for command in &commands {
            self.carry_out(command);
        }
        commands
    }

    fn carry_out(self, command: &Command) {
        match command {
            // The machine changed her data in the signal: pages show it again.
            Command::Show => self.snapshot.notify(),
            Command::Health(health) => {
                if self.health.with_untracked(|h| h != health) {
                    self.health.set(health.clone());
                }
            }
            Command::Notify(notice) => self.notify(notice.clone()),
            Command::LockState(state) => {
                if *state == LockState::Locked {
                    // Dropping a key wipes it.
                    self.driver.update_value(|d| d.keys.wipe());
                } else {
                    self.dismiss(&Notice::LockedByOtherTab);
                }
                if self.lock_state.get_untracked() != *state {
                    self.lock_state.set(*state);
                }
            }
            Command::StartTimer { delay_ms } => self.start_timer(*delay_ms),
            Command::CancelTimer => {
                if let Some(handle) = self.driver.try_update_value(|d| d.pending.take()).flatten() {
                    handle.clear();
                }
            }
            Command::LoadCodec => leptos::task::spawn_local(async move {
                match codec::load().await {
                    Ok(_) => {
                        self.dispatch(Event::CodecLoaded);
                    }
                    Err(_) => {
                        self.run(|machine, _, _| machine.codec_failed());
                    }
                }
            }),
            Command::RefreshCopies => self.refresh_recovery_keys(),
            Command::AskPersistence => self.ask_persistence(),
            Command::HoldUnreadable(raw) => self.unreadable_text.set_value(Some(raw.clone())),
            // The answer to a change of lock, read by `rekey.rs`.
            Command::Rekeyed(_) => {}
        }
    }

    fn start_timer(self, delay_ms: u64) {
        if self.driver.with_value(|d| d.pending.is_some()) {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                self.driver.update_value(|d| d.pending = None);
                self.dispatch(Event::TimerFired);
            },
            Duration::from_millis(delay_ms),
        )
        .ok();
        self.driver.update_value(|d| d.pending = handle);
    }

    /// Writes what she has now, if it changed and writing is allowed (the page is hidden or
    /// closing, or she is leaving).
    pub fn save_now(self) {
        self.dispatch(Event::Hidden);
    }

    /// She chose to write again after storage was cleared, or after a failure.
    pub fn save_again(self) {
        self.dispatch(Event::SaveAgain);
    }

    /// She downloaded (or gave up) the unreadable text that could not be kept: go on saving,
    /// which replaces it.
    pub fn discard_unreadable(self) {
        self.unreadable_text.set_value(None);
        self.dispatch(Event::DiscardUnreadable);
    }

    /// She asked to try opening again after the codec could not be fetched.
    pub fn retry_open(self) {
        self.run(|machine, _, _| machine.retry_open());
    }

    fn ask_persistence(self) {
        let first = self.driver.with_value(|d| !d.asked_persistence);
        if !first {
            return;
        }
        self.driver.update_value(|d| d.asked_persistence = true);
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
        self.driver.update_value(|d| d.keys.wipe());
        self.run(|machine, doc, _| machine.wiped(doc, fresh));
        self.covered.set(true);
        self.unreadable_text.set_value(None);
        self.recovery_keys.set(Vec::new());
        self.notices.set(vec![Notice::Deleted]);
    }
}
