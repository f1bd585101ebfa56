//! The store's decisions as a pure state machine: when to write, whether another tab saved
//! first, how to merge, what to keep as a copy, what to tell her, and what to do when
//! storage is blocked, full, cleared or holds what this Harbour cannot read.
//!
//! No browser, no Leptos, no clock, no randomness: events come in with the time as a value
//! ([`Machine::handle`]), a save's random id comes from the port ([`Port::save_id`]), and
//! what the page must do comes out as [`Command`]s. Storage is reached through a [`Port`],
//! synchronous as the browser's local storage is: the store's driver (`ui::store`)
//! implements it with the storage adapter and the codec, and the model-based test
//! (tests/sync_model.rs) with a simulated storage that fails on purpose.
//!
//! The machine is generic over the document `D` (her data; `Snapshot` in the app) and the
//! sealed form `S` it holds while locked, so the test can use small documents whose every
//! word can be traced. Encoding (clear, or sealed under the lock) happens in one place: the
//! port's [`Port::write`] and [`Port::keep_copy`], given what to write and never how.
//!
//! `ui::store` is the driver: it turns what happens in the browser into events, carries out
//! the commands, and holds the lock's key and the timers, which the machine never sees.
//! Only [`Machine::start`] and the few calls beside it run before the codec chunk is there;
//! [`Machine::handle`] runs from that chunk, so the first visit does not carry it.
//!
//! Each save carries its lineage (see [`Machine`] and `domain::envelope`). The model gives
//! each tab its own view of storage that catches up late, as the browser's does for tabs
//! in different processes: a tab can read a stale value and save before it sees another
//! tab's save, whose storage event arrives later. With that, checking only a tab's own
//! last save against the lineage (the store's rule before this machine) lost words the
//! model found: a save that did not follow from a save this tab read (its writer since
//! closed) deleted it, and a tab whose own save was missed took what it had read as saved
//! when the other tab had missed that too. The machine checks the newest save it knows of,
//! own or read (`Machine::overwritten_unseen`). Other cases the model found (the last two
//! kept as regression tests): a conflict copy that cannot be written, unreadable text that cannot be
//! kept, words held after storage was cleared, a locked tab's unsaved sealed words when
//! another tab saves, a conflict whose kept copy was cleared from outside (not settled:
//! `settled_by`), and words held from another tab's lock once storage lost what was saved
//! (measured against nothing, `nothing_saved`, so unlocking cannot merge a lost word away
//! as a deletion).
//!
//! The promise checked by the test: each version she typed is in storage, or in a kept
//! copy (listed in Settings, and announced by a [`Notice`]), or still in a tab's memory
//! while that tab tells her it is not saving ([`Health`] other than `Saving`).

use crate::domain::envelope::{follows_from, next_lineage};

/// A change is on disk at most this long after she makes it.
pub const SAVE_DELAY_MS: u64 = 300;

/// Whether what she writes is reaching the device's storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Health {
    /// Saving normally.
    Saving,
    /// Something is stored and is being read (the codec is loading): nothing is written.
    Opening,
    /// Something is stored, but the codec could not be fetched. Nothing is written.
    NotOpened,
    /// The browser blocks storage: working in memory only.
    Unavailable,
    /// The device's storage is full: the last good copy is kept, new changes are in memory.
    Full,
    /// Saved by a newer Harbour: left untouched, changes are in memory.
    TooNew { schema: u32 },
    /// Storage was emptied while Harbour was open: paused until she says to save again.
    Cleared,
    /// Stored data could not be read and no copy of it could be kept: paused, so it is not
    /// overwritten, until she has downloaded it or says to go on.
    UnreadableNotKept,
    /// Another write failure, with the browser's words.
    Failed(String),
}

impl Health {
    /// True when changes may be written.
    pub fn may_write(&self) -> bool {
        matches!(self, Self::Saving | Self::Full | Self::Failed(_))
    }
}

/// One-off messages she can dismiss.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Stored data could not be read; a copy is kept under `key`.
    Recovered { key: String },
    /// Another tab changed the same thing; its version is kept under `key`.
    ConflictKept { key: String },
    /// Everything was deleted (here or in another tab).
    Deleted,
    /// The passphrase was changed, or the lock turned on, in another tab.
    LockedByOtherTab,
}

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

/// Why a write failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The device's storage is full.
    Quota,
    /// Storage is blocked.
    Unavailable,
    /// Anything else, in the browser's words.
    Failed(String),
}

/// Stored text, read by the codec.
#[derive(Clone, Debug, PartialEq)]
pub enum Read<D, S> {
    /// Nothing stored.
    Empty,
    /// Read (and brought up to date when `migrated`), with the save's lineage (see
    /// [`Machine`]'s notes on it).
    Ready {
        doc: D,
        migrated: bool,
        lineage: Vec<String>,
    },
    /// Sealed. `opened` is what the tab's key opens, if it holds one that does; `shown`
    /// what may show while locked (her clear settings). `lineage` as for `Ready`.
    Locked {
        opened: Option<D>,
        sealed: S,
        shown: D,
        lineage: Vec<String>,
    },
    /// Damaged, or not Harbour's.
    Unreadable,
    /// Written by a newer Harbour. `shown` what may show meanwhile (her clear settings, so
    /// quick exit still goes where she chose).
    TooNew { schema: u32, shown: D },
}

/// What a kept copy holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Copy<D> {
    /// Stored text kept as it was (unreadable, or from before an update).
    Raw(String),
    /// A version of her data (another tab's, after a conflict).
    Doc(D),
}

/// Storage and the codec, as the machine reaches them. Every call is synchronous.
pub trait Port<D, S> {
    /// What is stored under Harbour's key (`Err` when storage is blocked).
    fn read(&mut self) -> Result<Option<String>, WriteError>;
    /// True when storage holds no key at all (cheaper than reading her data back).
    fn is_empty(&mut self) -> bool;
    /// Reads stored text.
    fn decode(&mut self, raw: &str) -> Read<D, S>;
    /// Three-way merge: the merged document and whether both changed the same thing (then
    /// `ours` wins there).
    fn merge(&mut self, base: &D, ours: &D, theirs: &D) -> (D, bool);
    /// Encodes `doc` with its `lineage` under the current lock (clear, or sealed with the
    /// held key) and writes it under Harbour's key. Returns the text written.
    fn write(&mut self, doc: &D, lineage: &[String]) -> Result<String, WriteError>;
    /// Fresh random bytes, the id of the save about to be written (the machine has no
    /// randomness of its own).
    fn save_id(&mut self) -> [u8; 8];
    /// True when a kept copy named `name` exists.
    fn copy_exists(&mut self, name: &str) -> bool;
    /// Writes a kept copy under the current lock; true when it is written and reads back.
    fn keep_copy(&mut self, name: &str, what: &Copy<D>) -> bool;
    /// Seals `doc` in memory with the held key (to lock).
    fn seal(&mut self, doc: &D) -> Option<S>;
    /// What of `doc` may stay in memory while locked (her clear settings).
    fn while_locked(&mut self, doc: &D) -> D;
    /// Rekeying: `true` switches to the new key the driver was given (writes from now on
    /// are under it), `false` puts the old one back.
    fn switch_lock(&mut self, to_new: bool);
}

/// Something that happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Event<D> {
    /// The app started: read what is stored.
    Start,
    /// The codec loaded.
    CodecLoaded,
    /// The codec could not be fetched.
    CodecFailed,
    /// She asked to try opening again.
    RetryOpen,
    /// She changed her data (what she has now is lent with every call: see
    /// [`Machine::handle`]).
    Edited,
    /// The save timer fired.
    TimerFired,
    /// The page was hidden or is closing: save now.
    Hidden,
    /// The page is visible again.
    Visible,
    /// Another tab (or the browser) changed storage.
    StorageChanged(Change),
    /// She chose to save again (after storage was cleared, or a failure).
    SaveAgain,
    /// She downloaded, or gave up, the unreadable text that could not be kept.
    DiscardUnreadable,
    /// She (or the idle timer) locked this tab.
    Lock,
    /// Her passphrase opened `doc` (the key is now held by the driver). `unsaved` when it
    /// must be written back (brought up to date, or settings put back).
    Unlocked { doc: D, unsaved: bool },
    /// Everything was deleted, here or in another tab.
    Wiped { fresh: D },
    /// She turned the lock on or changed the passphrase (`on`, the driver holds the new key
    /// aside) or turned it off: write her data under the new lock. Answered with
    /// [`Command::Rekeyed`].
    Rekey { on: bool },
}

/// How storage changed, from a storage event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Everything went (clear()).
    Cleared,
    /// Harbour's key was removed.
    Removed,
    /// Harbour's key was written.
    Written,
    /// A kept copy changed.
    Copies,
}

/// What the page must do.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show her data again: the machine changed it under her (merged, opened, locked), in
    /// the document lent with the call.
    Show,
    /// Set the saving state shown.
    Health(Health),
    /// Say this, once.
    Notify(Notice),
    /// Set the lock state shown. With `Locked`, the driver forgets the key.
    LockState(LockState),
    /// Start the save timer (if it is not running).
    StartTimer { delay_ms: u64 },
    /// Stop the save timer.
    CancelTimer,
    /// Load the codec, then send [`Event::CodecLoaded`] or [`Event::CodecFailed`].
    LoadCodec,
    /// Re-read the list of kept copies.
    RefreshCopies,
    /// Ask the browser to keep Harbour's data (once).
    AskPersistence,
    /// Keep this unreadable text in memory, for a download.
    HoldUnreadable(String),
    /// The answer to [`Event::Rekey`]: true when written under the new lock; false when
    /// nothing changed.
    Rekeyed(bool),
}

/// Where the lock is, with what is held while locked.
#[derive(Clone, Debug, PartialEq)]
enum Lock<D, S> {
    Off,
    Unlocked,
    /// `unsaved`: the sealed copy held here is newer than storage's. `held`: what this tab
    /// had not saved when another tab locked Harbour (merged in when she unlocks here).
    Locked {
        sealed: S,
        unsaved: bool,
        held: Option<(D, D)>,
    },
}

/// The store's bookkeeping.
///
/// Each save carries its lineage (see `domain::envelope`): its own random id after the ids
/// of the saves it follows from. A tab whose newest known save (its own last one, or the
/// one it last read) is missing from the lineage of the save that replaced it knows the
/// other tab wrote without seeing it (tabs in different browser processes can both save
/// before either hears of the other, and storage cleared from outside hides a save from a
/// tab that had not read it yet): the words it holds as saved are unsaved again, so the
/// merge keeps them.
#[derive(Clone, Debug)]
pub struct Machine<D, S> {
    /// What she has now, during a call: the driver lends it to each call (see
    /// [`Machine::handle`]), so the machine never holds a second copy of her data. Between
    /// calls, an empty document.
    doc: D,
    /// The document as last written to (or read from) storage.
    base: D,
    /// The stored text as this tab last read or wrote it: storage holding anything else
    /// means another tab saved since.
    seen: Option<String>,
    /// The lineage of `seen`: a save here follows from it.
    lineage: Vec<String>,
    /// The id of this tab's last save, until it takes in another tab's save.
    mine: Option<String>,
    /// Her data as this tab last read it from storage (opening, another tab's save,
    /// unlocking): what its own saves since are changes from.
    synced: D,
    /// The id of the save `synced` was read from (none for nothing stored, or a save from
    /// before lineages).
    synced_from: Option<String>,
    /// True once Harbour's key should exist in storage.
    expect_stored: bool,
    /// Write even if nothing changed.
    force: bool,
    health: Health,
    lock: Lock<D, S>,
    timer: bool,
    asked_persistence: bool,
    /// Kept copies waiting for a key to seal them with (written when she unlocks here).
    waiting: Vec<(String, Copy<D>)>,
    /// The last copy stamp used, so two copies never share a name.
    last_stamp: u64,
    /// The kept copy holding their side of the last conflict this tab merged. While it
    /// exists, the merge settled that conflict; once it is gone (storage cleared from
    /// outside), their version saved again by a tab that missed the clear is a conflict
    /// again, not agreement.
    settled_by: Option<String>,
    out: Vec<Command>,
}

impl<D: Clone + PartialEq + Default, S: Clone> Default for Machine<D, S> {
    fn default() -> Self {
        Self::new()
    }
}

impl<D: Clone + PartialEq + Default, S: Clone> Machine<D, S> {
    /// A machine before [`Event::Start`].
    pub fn new() -> Self {
        Self {
            doc: D::default(),
            base: D::default(),
            seen: None,
            lineage: Vec::new(),
            mine: None,
            synced: D::default(),
            synced_from: None,
            expect_stored: false,
            force: false,
            health: Health::Opening,
            lock: Lock::Off,
            timer: false,
            asked_persistence: false,
            waiting: Vec::new(),
            last_stamp: 0,
            settled_by: None,
            out: Vec::new(),
        }
    }

    /// The saving state shown.
    pub fn health(&self) -> &Health {
        &self.health
    }

    /// True while the save timer runs.
    pub fn timer_running(&self) -> bool {
        self.timer
    }

    /// The lock state shown.
    pub fn lock_state(&self) -> LockState {
        match self.lock {
            Lock::Off => LockState::Off,
            Lock::Unlocked => LockState::Unlocked,
            Lock::Locked { .. } => LockState::Locked,
        }
    }

    /// Words this tab holds while locked that storage does not have (held from another
    /// tab's lock, and copies waiting for the key).
    pub fn held(&self) -> Vec<&Copy<D>> {
        self.waiting.iter().map(|(_, c)| c).collect()
    }

    /// Words held while locked from another tab, not saved yet.
    pub fn held_words(&self) -> Vec<&D> {
        let mut out = Vec::new();
        if let Lock::Locked {
            held: Some((_, ours)),
            ..
        } = &self.lock
        {
            out.push(ours);
        }
        out
    }

    /// The sealed copy held while locked, and whether it is newer than storage's (then
    /// unlocking opens it rather than what is stored).
    pub fn sealed(&self) -> Option<(&S, bool)> {
        match &self.lock {
            Lock::Locked {
                sealed, unsaved, ..
            } => Some((sealed, *unsaved)),
            _ => None,
        }
    }

    /// True when this tab holds changes storage does not (or must write anyway).
    fn has_unsaved(&self) -> bool {
        self.force || self.doc != self.base
    }

    /// Handles one event; `doc` is what she has now, lent for the call (swapped in and back,
    /// never copied: her data can be large, and this runs as she types), and changed in place
    /// where the answer says [`Command::Show`]; `now_ms` is the time (names kept copies).
    /// Returns what the page must do, in order.
    pub fn handle(
        &mut self,
        doc: &mut D,
        event: Event<D>,
        now_ms: u64,
        port: &mut impl Port<D, S>,
    ) -> Vec<Command> {
        self.lend(doc, |machine| machine.take(event, now_ms, port))
    }

    /// Runs `call` with `doc` as what she has now, then gives it back.
    fn lend<R>(&mut self, doc: &mut D, call: impl FnOnce(&mut Self) -> R) -> R {
        std::mem::swap(&mut self.doc, doc);
        let out = call(self);
        std::mem::swap(&mut self.doc, doc);
        out
    }

    fn take(&mut self, event: Event<D>, now_ms: u64, port: &mut impl Port<D, S>) -> Vec<Command> {
        match event {
            Event::Start => self.begin(port),
            Event::CodecLoaded => {
                if self.health == Health::Opening {
                    self.open(now_ms, port);
                }
            }
            Event::CodecFailed => self.not_opened(),
            Event::RetryOpen => self.open_again(),
            Event::Edited => self.schedule(),
            Event::TimerFired => {
                self.timer = false;
                self.save_now(now_ms, port);
            }
            Event::Hidden => self.save_now(now_ms, port),
            Event::Visible => {
                let gone = self.expect_stored && matches!(port.read(), Ok(None));
                if self.health == Health::Saving && gone {
                    self.set_health(Health::Cleared);
                }
            }
            Event::StorageChanged(change) => self.storage_changed(change, now_ms, port),
            // Nothing can be written while locked: she unlocks first.
            Event::SaveAgain | Event::DiscardUnreadable
                if matches!(self.lock, Lock::Locked { .. }) => {}
            Event::SaveAgain | Event::DiscardUnreadable => {
                self.set_health(Health::Saving);
                // The copy on disk is gone or unreadable: everything here is unsaved, and
                // written even if unchanged.
                self.expect_stored = false;
                self.nothing_saved();
                self.force = true;
                self.save_now(now_ms, port);
            }
            Event::Lock => self.lock(now_ms, port),
            Event::Unlocked { doc, unsaved } => self.unlocked(doc, unsaved, now_ms, port),
            Event::Rekey { on } => self.rekey(on, now_ms, port),
            Event::Wiped { fresh } => self.forget(fresh),
        }
        std::mem::take(&mut self.out)
    }

    // The events the driver handles before the codec is here (see `ui::store::codec`: the
    // rest of the machine lives in that chunk), each also a public call of its own so the
    // first-visit module does not carry `handle`.

    /// [`Event::Start`].
    pub fn start(&mut self, port: &mut impl Port<D, S>) -> Vec<Command> {
        self.begin(port);
        std::mem::take(&mut self.out)
    }

    /// [`Event::CodecFailed`].
    pub fn codec_failed(&mut self) -> Vec<Command> {
        self.not_opened();
        std::mem::take(&mut self.out)
    }

    /// [`Event::RetryOpen`].
    pub fn retry_open(&mut self) -> Vec<Command> {
        self.open_again();
        std::mem::take(&mut self.out)
    }

    /// [`Event::Wiped`], with what she has now lent as in [`Machine::handle`].
    pub fn wiped(&mut self, doc: &mut D, fresh: D) -> Vec<Command> {
        self.lend(doc, |machine| {
            machine.forget(fresh);
            std::mem::take(&mut machine.out)
        })
    }

    fn not_opened(&mut self) {
        if self.health == Health::Opening {
            self.set_health(Health::NotOpened);
        }
    }

    fn open_again(&mut self) {
        if self.health == Health::NotOpened {
            self.set_health(Health::Opening);
            self.out.push(Command::LoadCodec);
        }
    }

    /// Everything was deleted: starts clean on `fresh`, without writing.
    fn forget(&mut self, fresh: D) {
        self.cancel_timer();
        self.base = fresh.clone();
        self.expect_stored = false;
        self.force = false;
        self.lock = Lock::Off;
        self.seen = None;
        self.lineage.clear();
        self.mine = None;
        self.read_as_stored(fresh.clone());
        self.waiting.clear();
        self.settled_by = None;
        self.show(fresh);
        self.out.push(Command::LockState(LockState::Off));
        self.set_health(Health::Saving);
        self.out.push(Command::Notify(Notice::Deleted));
    }

    fn set_health(&mut self, health: Health) {
        if health == Health::Cleared {
            // Storage lost what this tab last saved: everything in memory is unsaved (held
            // if another tab locks, merged as ours if another tab saves).
            self.nothing_saved();
            if let Lock::Locked { unsaved, .. } = &mut self.lock {
                // The sealed copy held here may be the only one left.
                *unsaved = true;
            }
        }
        if self.health != health {
            self.health = health.clone();
            self.out.push(Command::Health(health));
        }
    }

    /// Storage no longer holds what this tab saved or read: everything in memory is
    /// unsaved, changed from nothing. What it read is forgotten too, so a save that did not
    /// follow from this tab's cannot make some of it look saved by measuring it against
    /// that.
    fn nothing_saved(&mut self) {
        self.base = D::default();
        self.synced = D::default();
        self.mine = None;
        self.settled_by = None;
        // Words held from another tab's lock are measured against nothing too, so merging
        // them on unlock cannot take a word storage lost as one she deleted.
        if let Lock::Locked {
            held: Some((base, _)),
            ..
        } = &mut self.lock
        {
            *base = D::default();
        }
    }

    /// Replaces what she has with `doc`, and has the page show it if it differs.
    fn show(&mut self, doc: D) {
        if self.doc != doc {
            self.doc = doc;
            self.out.push(Command::Show);
        }
    }

    /// Starts the save timer if it is not running.
    fn schedule(&mut self) {
        if !self.timer {
            self.timer = true;
            self.out.push(Command::StartTimer {
                delay_ms: SAVE_DELAY_MS,
            });
        }
    }

    fn cancel_timer(&mut self) {
        if self.timer {
            self.timer = false;
            self.out.push(Command::CancelTimer);
        }
    }

    fn ask_persistence(&mut self) {
        if !self.asked_persistence {
            self.asked_persistence = true;
            self.out.push(Command::AskPersistence);
        }
    }

    /// Opening: with nothing stored or storage blocked the store is open at once; with
    /// something stored it waits for the codec.
    fn begin(&mut self, port: &mut impl Port<D, S>) {
        match port.read() {
            Err(_) => self.set_health(Health::Unavailable),
            Ok(None) => {
                self.health = Health::Saving;
                self.out.push(Command::Health(Health::Saving));
                self.out.push(Command::RefreshCopies);
                self.ask_persistence();
            }
            Ok(Some(_)) => {
                self.health = Health::Opening;
                self.out.push(Command::Health(Health::Opening));
                self.out.push(Command::RefreshCopies);
                self.out.push(Command::LoadCodec);
            }
        }
    }

    /// The codec is here: reads storage again (another tab may have saved meanwhile) and
    /// takes what it holds. Nothing is destroyed: unreadable text is kept as a copy first.
    fn open(&mut self, now_ms: u64, port: &mut impl Port<D, S>) {
        let raw = match port.read() {
            Ok(raw) => raw,
            Err(_) => return self.set_health(Health::Unavailable),
        };
        let read = match &raw {
            Some(text) => port.decode(text),
            None => Read::Empty,
        };
        let mut base = D::default();
        let mut lineage = Vec::new();
        let mut expect_stored = false;
        let mut lock = Lock::Off;
        let mut notices = Vec::new();
        let (doc, health) = match read {
            Read::Empty => (D::default(), Health::Saving),
            Read::Ready {
                doc,
                migrated,
                lineage: read,
            } => {
                expect_stored = true;
                lineage = read;
                if migrated {
                    // Kept before the update is written; `base` stays empty so the update
                    // is written back by the next save.
                    if let Some(raw) = &raw {
                        port.keep_copy(BEFORE_MIGRATION, &Copy::Raw(raw.clone()));
                    }
                } else {
                    base = doc.clone();
                }
                (doc, Health::Saving)
            }
            Read::Locked {
                sealed,
                shown,
                lineage: read,
                ..
            } => {
                expect_stored = true;
                lineage = read;
                base = shown.clone();
                lock = Lock::Locked {
                    sealed,
                    unsaved: false,
                    held: None,
                };
                (shown, Health::Saving)
            }
            Read::Unreadable => {
                let raw = raw.clone().unwrap_or_default();
                match self.keep(now_ms, Copy::Raw(raw.clone()), port) {
                    Some(key) => {
                        notices.push(Notice::Recovered { key });
                        (D::default(), Health::Saving)
                    }
                    None => {
                        self.out.push(Command::HoldUnreadable(raw));
                        (D::default(), Health::UnreadableNotKept)
                    }
                }
            }
            Read::TooNew { schema, shown } => {
                base = shown.clone();
                (shown, Health::TooNew { schema })
            }
        };
        let locked = matches!(lock, Lock::Locked { .. });
        self.base = base;
        self.expect_stored = expect_stored;
        self.force = false;
        self.lock = lock;
        self.seen = raw;
        self.lineage = lineage;
        self.mine = None;
        self.read_as_stored(doc.clone());
        self.show(doc);
        if locked {
            self.out.push(Command::LockState(LockState::Locked));
        }
        for notice in notices {
            self.out.push(Command::Notify(notice));
        }
        self.out.push(Command::RefreshCopies);
        let writable = health.may_write();
        self.set_health(health);
        if writable {
            self.ask_persistence();
            // Data brought up to date differs from `base`: written back now.
            if self.has_unsaved() {
                self.schedule();
            }
        }
    }

    fn may_write_now(&self) -> bool {
        self.health.may_write() && !matches!(self.lock, Lock::Locked { .. })
    }

    /// Writes what she has now if it changed and writing is allowed, after taking in what
    /// another tab saved that this one has not seen.
    fn save_now(&mut self, now_ms: u64, port: &mut impl Port<D, S>) {
        self.cancel_timer();
        if !self.may_write_now() {
            return;
        }
        self.write_waiting(port);
        if !self.has_unsaved() {
            return;
        }
        if self.expect_stored && port.is_empty() {
            // Storage was emptied since Harbour wrote to it.
            return self.set_health(Health::Cleared);
        }
        self.write(now_ms, port);
    }

    fn write(&mut self, now_ms: u64, port: &mut impl Port<D, S>) {
        if !self.catch_up(now_ms, port) {
            return;
        }
        // Taking in the other tab's save may have left nothing of ours to write.
        if !self.has_unsaved() {
            return;
        }
        let lineage = next_lineage(&self.lineage, port.save_id());
        let next = match port.write(&self.doc, &lineage) {
            Ok(text) => {
                self.base = self.doc.clone();
                self.expect_stored = true;
                self.force = false;
                self.seen = Some(text);
                self.mine = lineage.last().cloned();
                self.lineage = lineage;
                // A merge on the way may have started the timer: all is written now.
                self.cancel_timer();
                self.ask_persistence();
                if self.waiting.is_empty() {
                    Health::Saving
                } else {
                    // A copy is still waiting for room: she is told, and it is tried again.
                    Health::Full
                }
            }
            Err(WriteError::Quota) => Health::Full,
            Err(WriteError::Unavailable) => Health::Unavailable,
            Err(WriteError::Failed(why)) => Health::Failed(why),
        };
        self.set_health(next);
    }

    /// Before writing: takes in what another tab saved since this one last read or wrote
    /// (its storage event can arrive after this tab's own save). False when this tab must
    /// not write now.
    fn catch_up(&mut self, now_ms: u64, port: &mut impl Port<D, S>) -> bool {
        if let Some(current) = self.unseen(port) {
            self.adopt(current, now_ms, port);
        }
        self.may_write_now()
    }

    /// What storage holds, if it is not the text this tab last read or wrote.
    fn unseen(&mut self, port: &mut impl Port<D, S>) -> Option<String> {
        let current = match port.read() {
            Ok(current) => current?,
            // Blocked now: nothing can be checked, so nothing is written.
            Err(_) => {
                self.set_health(Health::Unavailable);
                return None;
            }
        };
        (self.seen.as_deref() != Some(current.as_str())).then_some(current)
    }

    fn storage_changed(&mut self, change: Change, now_ms: u64, port: &mut impl Port<D, S>) {
        if matches!(self.health, Health::Opening | Health::NotOpened) {
            // Not read yet: opening reads storage as it is then.
            return;
        }
        match change {
            Change::Cleared => {
                if self.expect_stored && self.health.may_write() {
                    self.set_health(Health::Cleared);
                }
                self.out.push(Command::RefreshCopies);
            }
            Change::Removed => {
                if self.health.may_write() {
                    self.set_health(Health::Cleared);
                }
            }
            Change::Written => {
                // What storage holds now is read, not the event's value: a late event must
                // not replace newer words.
                if let Some(current) = self.unseen(port) {
                    self.adopt(current, now_ms, port);
                }
            }
            Change::Copies => self.out.push(Command::RefreshCopies),
        }
    }

    /// Takes in `raw`, the stored text another tab saved.
    fn adopt(&mut self, raw: String, now_ms: u64, port: &mut impl Port<D, S>) {
        let read = port.decode(&raw);
        let lineage = match &read {
            Read::Ready { lineage, .. } | Read::Locked { lineage, .. } => lineage.clone(),
            _ => Vec::new(),
        };
        self.overwritten_unseen(&lineage, now_ms, port);
        if matches!(read, Read::Ready { .. } | Read::Locked { .. })
            && matches!(self.lock, Lock::Locked { unsaved: true, .. })
        {
            // This tab holds sealed words newer than storage's and no key to open them:
            // they stay sealed here, and what was saved stays unseen, so it is merged with
            // them once she unlocks here.
            return;
        }
        let raw = Stored { raw, lineage };
        match read {
            Read::Ready { doc: theirs, .. } => {
                if !matches!(self.lock, Lock::Off) {
                    // The lock was turned off in another tab: words held come back.
                    if let Lock::Locked {
                        held: Some((base, ours)),
                        ..
                    } = std::mem::replace(&mut self.lock, Lock::Off)
                    {
                        self.base = base;
                        self.doc = ours;
                    }
                    self.out.push(Command::LockState(LockState::Off));
                }
                self.merge_in(Some(raw), theirs, now_ms, port);
            }
            Read::Locked {
                opened: Some(theirs),
                ..
            } if !matches!(self.lock, Lock::Locked { .. }) => {
                self.merge_in(Some(raw), theirs, now_ms, port)
            }
            Read::Locked { sealed, shown, .. } => {
                // Our key does not open it (the passphrase changed there), or the lock was
                // turned on there: lock here. Words not saved yet are held, never written in
                // the clear or under the old passphrase, and merged in when she unlocks.
                self.saw(raw);
                let held = match std::mem::replace(&mut self.lock, Lock::Off) {
                    Lock::Locked { held, .. } => held,
                    _ => {
                        self.out.push(Command::Notify(Notice::LockedByOtherTab));
                        (self.doc != self.base)
                            .then(|| (self.base.clone(), std::mem::take(&mut self.doc)))
                    }
                };
                self.lock = Lock::Locked {
                    sealed,
                    unsaved: false,
                    held,
                };
                self.base = shown.clone();
                self.read_as_stored(shown.clone());
                self.force = false;
                self.show(shown);
                self.out.push(Command::LockState(LockState::Locked));
            }
            Read::TooNew { schema, .. } => {
                self.saw(raw);
                // Storage no longer holds what this tab saved.
                self.nothing_saved();
                self.set_health(Health::TooNew { schema });
            }
            Read::Unreadable => match self.keep(now_ms, Copy::Raw(raw.raw.clone()), port) {
                Some(key) => {
                    self.saw(raw);
                    self.out.push(Command::Notify(Notice::Recovered { key }));
                    // Storage no longer holds what this tab saved: write it back.
                    self.nothing_saved();
                    self.force = true;
                    self.schedule();
                }
                // Not kept: paused, so it is never overwritten, and still unseen, so it is
                // taken in again before the next write. The first such text is held for
                // her to download; a later one stays in storage meanwhile.
                None if self.health == Health::UnreadableNotKept => {}
                None => {
                    // Storage no longer holds what this tab saved.
                    self.nothing_saved();
                    self.out.push(Command::HoldUnreadable(raw.raw));
                    self.set_health(Health::UnreadableNotKept);
                }
            },
            Read::Empty => self.saw(raw),
        }
    }

    /// Another tab's save, with `lineage`, replaced the newest save this tab knows of (its
    /// own last one, or one it read). If that save does not follow from it, the other tab
    /// wrote without seeing it, and what this tab holds as saved is unsaved again, so the
    /// merge keeps it (or keeps a copy) and it is saved again: changed from what this tab
    /// last read when only its own saves since were missed (the other tab had read that),
    /// and changed from nothing otherwise (what the other tab had seen is not known here).
    /// A locked tab has no key to merge with: what storage held before is kept as a copy,
    /// sealed as it was stored, and she is told; failing that, its sealed copy becomes
    /// newer than storage's, merged when she unlocks.
    fn overwritten_unseen(&mut self, lineage: &[String], now_ms: u64, port: &mut impl Port<D, S>) {
        let mine = self.mine.take();
        let Some(newest) = self.lineage.last() else {
            // Nothing with a lineage was stored as far as this tab knows.
            return;
        };
        if follows_from(lineage, newest) {
            return;
        }
        let read_what_this_tab_read = self
            .synced_from
            .as_ref()
            .is_none_or(|read| follows_from(lineage, read));
        let base = if mine.is_some() && read_what_this_tab_read {
            self.synced.clone()
        } else {
            D::default()
        };
        if !matches!(self.lock, Lock::Locked { .. }) {
            self.base = base;
            return;
        }
        // Only sealed text is kept as it was: nothing is written in the clear while locked.
        let sealed =
            (self.seen.clone()).filter(|raw| matches!(port.decode(raw), Read::Locked { .. }));
        match sealed.and_then(|raw| self.keep_as_stored(now_ms, raw, port)) {
            Some(key) => self.out.push(Command::Notify(Notice::ConflictKept { key })),
            // Storage is full or blocked: the sealed copy here is all there is, and she is
            // told it is not saved.
            None => {
                if let Lock::Locked { unsaved, .. } = &mut self.lock {
                    *unsaved = true;
                }
                self.set_health(Health::Full);
            }
        }
    }

    /// `doc` is her data as this tab has just read it from storage (`lineage` is already
    /// that of the save it was read from).
    fn read_as_stored(&mut self, doc: D) {
        self.synced = doc;
        self.synced_from = self.lineage.last().cloned();
    }

    /// The driver opened what storage holds now. If that is a save this tab has not taken
    /// in yet (its event is still on the way), it is checked first for whether it missed
    /// this tab's own, whose sealed copy is dropped on unlocking, and it is what this tab
    /// has seen from now on.
    fn opened_from_storage(&mut self, now_ms: u64, port: &mut impl Port<D, S>) {
        let Some(raw) = self.unseen(port) else {
            return;
        };
        let lineage = match port.decode(&raw) {
            Read::Ready { lineage, .. } | Read::Locked { lineage, .. } => lineage,
            _ => return,
        };
        self.overwritten_unseen(&lineage, now_ms, port);
        self.saw(Stored { raw, lineage });
    }

    /// `stored` is what storage holds as far as this tab knows.
    fn saw(&mut self, stored: Stored) {
        self.seen = Some(stored.raw);
        self.lineage = stored.lineage;
    }

    /// Takes in `theirs` (another tab's save), merged with what this tab has not saved. A
    /// conflict keeps their version as a copy and says so; if the copy cannot be kept,
    /// nothing of theirs is taken yet (storage still has it) and nothing is written.
    /// `raw` is the stored text `theirs` was read from; `None` when it was opened from the
    /// sealed copy held here (unlocking), so it is in memory only.
    fn merge_in(
        &mut self,
        raw: Option<Stored>,
        theirs: D,
        now_ms: u64,
        port: &mut impl Port<D, S>,
    ) {
        if self.health == Health::Cleared {
            self.set_health(Health::Saving);
        }
        if let Some(copy) = &self.settled_by {
            if !port.copy_exists(copy) {
                // Their side of the last conflict is no longer kept: nothing here counts as
                // agreed with storage, so the merge keeps every word again.
                self.nothing_saved();
            }
        }
        if self.doc == self.base {
            if let Some(raw) = raw {
                self.saw(raw);
            }
            self.base = theirs.clone();
            self.read_as_stored(theirs.clone());
            self.expect_stored = true;
            self.show(theirs);
            return;
        }
        let (merged, conflict) = port.merge(&self.base, &self.doc, &theirs);
        if conflict {
            match self.keep(now_ms, Copy::Doc(theirs.clone()), port) {
                Some(key) => {
                    self.settled_by = Some(key.clone());
                    self.out.push(Command::Notify(Notice::ConflictKept { key }));
                }
                // Their version is only in storage: writing would lose it.
                None if raw.is_some() => return self.set_health(Health::Full),
                // Only here: it waits in memory, tried again before each save.
                None => {
                    if !matches!(self.lock, Lock::Locked { .. }) {
                        let name = copy_name(self.last_stamp);
                        self.waiting.push((name, Copy::Doc(theirs.clone())));
                    }
                    self.set_health(Health::Full);
                }
            }
        }
        if let Some(raw) = raw {
            self.saw(raw);
        }
        self.read_as_stored(theirs.clone());
        self.base = theirs;
        self.expect_stored = true;
        self.show(merged);
        // What this tab adds to theirs is written by the next save.
        if self.has_unsaved() {
            self.schedule();
        }
    }

    /// Keeps a copy under a fresh name, or waits for the key while locked. The name, if
    /// written.
    fn keep(&mut self, now_ms: u64, what: Copy<D>, port: &mut impl Port<D, S>) -> Option<String> {
        let name = self.fresh_copy_name(now_ms, port);
        if matches!(self.lock, Lock::Locked { .. }) {
            self.waiting.push((name, what));
            return None;
        }
        let kept = port.keep_copy(&name, &what);
        self.out.push(Command::RefreshCopies);
        kept.then_some(name)
    }

    /// Keeps `raw`, stored text sealed already, as a copy as it is (no key needed). The
    /// name, if written.
    fn keep_as_stored(
        &mut self,
        now_ms: u64,
        raw: String,
        port: &mut impl Port<D, S>,
    ) -> Option<String> {
        let name = self.fresh_copy_name(now_ms, port);
        let kept = port.keep_copy(&name, &Copy::Raw(raw));
        self.out.push(Command::RefreshCopies);
        kept.then_some(name)
    }

    /// A copy name no kept copy has, never used by this tab before.
    fn fresh_copy_name(&mut self, now_ms: u64, port: &mut impl Port<D, S>) -> String {
        let mut stamp = now_ms.max(self.last_stamp + 1);
        while port.copy_exists(&copy_name(stamp)) {
            stamp += 1;
        }
        self.last_stamp = stamp;
        copy_name(stamp)
    }

    /// Writes the copies waiting for a key or for room, and says so for each.
    fn write_waiting(&mut self, port: &mut impl Port<D, S>) {
        if self.waiting.is_empty() {
            return;
        }
        for (name, copy) in std::mem::take(&mut self.waiting) {
            if port.keep_copy(&name, &copy) {
                if matches!(copy, Copy::Doc(_)) {
                    self.settled_by = Some(name.clone());
                }
                self.out.push(Command::Notify(match copy {
                    Copy::Raw(_) => Notice::Recovered { key: name },
                    Copy::Doc(_) => Notice::ConflictKept { key: name },
                }));
            } else {
                // Not written: it waits here still.
                self.waiting.push((name, copy));
            }
        }
        self.out.push(Command::RefreshCopies);
    }

    /// Locks (if unlocked): saves, seals what is in memory, forgets her data.
    fn lock(&mut self, now_ms: u64, port: &mut impl Port<D, S>) {
        if !matches!(self.lock, Lock::Unlocked) {
            return;
        }
        self.save_now(now_ms, port);
        let unsaved = self.has_unsaved();
        // Sealing cannot fail with a held key; if it somehow did, keep her words open.
        let Some(sealed) = port.seal(&self.doc) else {
            return;
        };
        self.lock = Lock::Locked {
            sealed,
            unsaved,
            held: None,
        };
        let shown = port.while_locked(&self.doc);
        self.base = shown.clone();
        self.force = false;
        self.show(shown);
        self.out.push(Command::LockState(LockState::Locked));
    }

    /// Her passphrase opened `doc`: shows it, merges in words held while locked, writes
    /// copies that waited for the key.
    fn unlocked(&mut self, doc: D, unsaved: bool, now_ms: u64, port: &mut impl Port<D, S>) {
        if !unsaved {
            self.opened_from_storage(now_ms, port);
        }
        let held = match std::mem::replace(&mut self.lock, Lock::Unlocked) {
            Lock::Locked { held, .. } => held,
            _ => None,
        };
        self.base = if unsaved { D::default() } else { doc.clone() };
        self.read_as_stored(doc.clone());
        self.mine = None;
        self.force = unsaved;
        self.show(doc.clone());
        self.out.push(Command::LockState(LockState::Unlocked));
        self.write_waiting(port);
        if let Some((base, ours)) = held {
            self.base = base;
            self.doc = ours;
            self.merge_in(None, doc, now_ms, port);
        }
        if self.has_unsaved() {
            self.save_now(now_ms, port);
        }
    }
}

impl<D: Clone + PartialEq + Default, S: Clone> Machine<D, S> {
    /// Turning the lock on or off (or changing the passphrase): takes in what another tab
    /// saved first, under the lock it was saved with, then writes everything under the new
    /// lock in one write. If that cannot be written, the old lock stays.
    fn rekey(&mut self, on: bool, now_ms: u64, port: &mut impl Port<D, S>) {
        if matches!(self.lock, Lock::Locked { .. }) {
            return self.out.push(Command::Rekeyed(false));
        }
        // Another tab's save is taken in under the lock it was saved with (after the switch
        // its text would look like the other tab changing the lock).
        if self.health.may_write() && !self.catch_up(now_ms, port) {
            return self.out.push(Command::Rekeyed(false));
        }
        let old = std::mem::replace(&mut self.lock, if on { Lock::Unlocked } else { Lock::Off });
        port.switch_lock(true);
        let force = self.force;
        self.force = true;
        let written = self.may_write_now() && {
            self.write(now_ms, port);
            !self.force
        };
        if !written {
            port.switch_lock(false);
            self.lock = old;
            self.force = force;
            return self.out.push(Command::Rekeyed(false));
        }
        self.out.push(Command::RefreshCopies);
        self.out.push(Command::LockState(self.lock_state()));
        self.out.push(Command::Rekeyed(true));
    }
}

/// The name of the copy kept of what was stored before data was brought up to date.
pub const BEFORE_MIGRATION: &str = crate::domain::envelope::BEFORE_MIGRATION_KEY;

/// A stored text as this tab read it, with the lineage of the save it holds.
#[derive(Clone, Debug)]
struct Stored {
    raw: String,
    lineage: Vec<String>,
}

fn copy_name(stamp: u64) -> String {
    crate::domain::envelope::recovery_key(stamp)
}
