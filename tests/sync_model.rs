//! Model-based test of the store's state machine (src/domain/sync.rs): two or three tabs
//! over a simulated storage that fails in every way the store handles (quota full, storage
//! blocked, cleared while open, unreadable or newer-schema data, old-schema data to bring
//! up to date, a crash between any two writes, storage events arriving late and out of
//! order, the lock turned on, off, locked and unlocked in any tab). Each tab reads
//! Harbour's key through its own view, which another tab's write reaches late, as the
//! browser passes local storage between processes: a tab can read a stale value and save
//! over a save it has not seen, and the storage event comes later still. After every step
//! it checks that no word she typed is lost: each version is in storage, or in a kept copy
//! (and a copy is announced when it is made), or still in a tab's memory; and a tab that
//! dies holding the only copy of a word had told her it was not saving (or the word was
//! typed less than the save delay before).
//!
//! Forgiven, as no tab could prevent it: what only storage held when something outside
//! Harbour destroyed it, or when a tab saved over a save its view did not show yet; and
//! what a tab drops or dies holding before news of such a loss reaches it. Once a save
//! made unseen reaches a tab, its lineage tells the tab, which must keep the words.
//!
//! Cases: 10,000 in `cargo test`; more with `SYNC_CASES=100000 cargo test --test
//! sync_model`. The count is printed (to the terminal, so it shows without
//! `--nocapture`). A failure prints the shortest sequence of steps found.

use harbour::domain::sync::{
    Change, Command, Copy, Event, Health, LockState, Machine, Notice, Port, Read, WriteError,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, RngSeed, TestCaseError, TestError, TestRunner};
use std::collections::{BTreeMap, VecDeque};
use std::io::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// How often the interesting things happened, to show the cases reach them.
static STEPS: AtomicUsize = AtomicUsize::new(0);
static CONFLICT_COPIES: AtomicUsize = AtomicUsize::new(0);
static RECOVERED_COPIES: AtomicUsize = AtomicUsize::new(0);
static LOCKED_BY_OTHER: AtomicUsize = AtomicUsize::new(0);
static CRASHES: AtomicUsize = AtomicUsize::new(0);
static FAULT_STATES: AtomicUsize = AtomicUsize::new(0);
static UNSEEN_SAVES: AtomicUsize = AtomicUsize::new(0);

/// Her data in the model: a few fields, each holding one traceable word.
type Doc = BTreeMap<u8, String>;

const FIELDS: u8 = 3;
const RECOVERY: &str = "harbour:recovery:";

/// Stored text in the model: `v1|<lineage>|<fields>` in the clear, `S|…` sealed (the
/// lineage's ids are hex, so they never look like a word).
fn encode(doc: &Doc, sealed: bool, lineage: &[String]) -> String {
    let body: Vec<String> = doc.iter().map(|(f, w)| format!("{f}={w}")).collect();
    let tag = if sealed { "S" } else { "v1" };
    format!("{tag}|{}|{}", lineage.join(","), body.join(";"))
}

/// The document and lineage of a stored text with the format tag `tag`.
fn parse(raw: &str, tag: &str) -> Option<(Doc, Vec<String>)> {
    let (lineage, body) = raw.strip_prefix(tag)?.strip_prefix('|')?.split_once('|')?;
    let lineage = lineage
        .split(',')
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .collect();
    Some((parse_body(body)?, lineage))
}

fn parse_body(body: &str) -> Option<Doc> {
    let mut doc = Doc::new();
    for part in body.split(';').filter(|p| !p.is_empty()) {
        let (f, w) = part.split_once('=')?;
        doc.insert(f.parse().ok()?, w.to_owned());
    }
    Some(doc)
}

/// Per-field three-way merge: a field both changed differently keeps ours (a conflict).
fn merge(base: &Doc, ours: &Doc, theirs: &Doc) -> (Doc, bool) {
    let mut out = Doc::new();
    let mut conflict = false;
    for f in 0..FIELDS {
        let (b, o, t) = (base.get(&f), ours.get(&f), theirs.get(&f));
        let v = if o == b {
            t
        } else if t == b || t == o {
            o
        } else {
            conflict = true;
            o
        };
        if let Some(v) = v {
            out.insert(f, v.clone());
        }
    }
    (out, conflict)
}

/// The browser's storage. Harbour's key is shared by every tab only here; each tab reads it
/// through its own view (see [`Tab::view`]). Kept copies and the full and blocked states
/// are seen by every tab at once (copies have names no two tabs share, so a late view of
/// them could not lose one).
#[derive(Default)]
struct Storage {
    /// Harbour's key, as the browser holds it after the last write.
    main: Option<String>,
    /// How many writes to Harbour's key (each numbered by this, in the browser's order).
    writes: u64,
    copies: BTreeMap<String, String>,
    full: bool,
    blocked: bool,
    /// Save ids handed out so far (the model's randomness, repeatable).
    save_ids: u64,
}

/// One tab's driver state around its machine.
struct Tab {
    machine: Machine<Doc, Doc>,
    /// What she has now: the page's, lent to the machine with each event, as the driver
    /// lends the snapshot's signal.
    doc: Doc,
    /// Holds the lock key (the model has one passphrase).
    key: bool,
    /// The key a rekey switches to.
    new_key: bool,
    old_key: bool,
    /// What this tab's browser process shows of Harbour's key: its own writes at once,
    /// another's only when it arrives here (in `coming`). Two tabs can each save before
    /// seeing the other's save.
    view: Option<String>,
    /// The number of the write `view` shows.
    view_write: u64,
    /// Writes by others (numbered, with the text written) not in `view` yet, oldest first.
    coming: VecDeque<(u64, Option<String>)>,
    /// Storage events not delivered yet.
    inbox: VecDeque<News>,
    codec_requested: bool,
    notices: Vec<Notice>,
    unreadable: Option<String>,
    /// Words typed since the save timer last fired (a crash may lose these: unavoidable).
    recent: Vec<String>,
    /// The event being delivered is news of a fault from outside Harbour.
    hearing_fault: bool,
    /// The event being delivered is news of a save that replaced one unseen.
    hearing_race: bool,
}

/// A storage event on its way to a tab.
#[derive(Clone, Debug)]
struct News {
    change: Change,
    /// The write to Harbour's key it is news of (0 for kept copies).
    write: u64,
    /// News of a fault from outside Harbour (storage cleared or overwritten).
    fault: bool,
    /// News of a save by a tab whose view did not show the save it replaced yet. Until a
    /// tab has it, it cannot know its saved words are gone; once it has it, its lineage
    /// says so, and the tab must keep them.
    race: bool,
}

impl Tab {
    fn new() -> Self {
        Self {
            machine: Machine::new(),
            doc: Doc::default(),
            key: false,
            new_key: false,
            old_key: false,
            view: None,
            view_write: 0,
            coming: VecDeque::new(),
            inbox: VecDeque::new(),
            codec_requested: false,
            notices: Vec::new(),
            unreadable: None,
            recent: Vec::new(),
            hearing_fault: false,
            hearing_race: false,
        }
    }

    /// Everything of hers this tab holds in memory, as text to search.
    fn memory(&self) -> String {
        let mut out = encode(&self.doc, false, &[]);
        for d in self.machine.held_words() {
            out += &encode(d, false, &[]);
        }
        for c in self.machine.held() {
            match c {
                Copy::Raw(r) => out += r,
                Copy::Doc(d) => out += &encode(d, false, &[]),
            }
        }
        if let Some((s, _)) = self.machine.sealed() {
            out += &encode(s, false, &[]);
        }
        if let Some(u) = &self.unreadable {
            out += u;
        }
        out
    }

    /// Brings `view` up to write `upto`: what has arrived here by then.
    fn catch_up_to(&mut self, upto: u64) {
        while let Some((write, text)) = self.coming.front().cloned() {
            if write > upto {
                break;
            }
            self.coming.pop_front();
            // Older than this tab's own later write: the browser has that one now.
            if write > self.view_write {
                self.view = text;
                self.view_write = write;
            }
        }
    }

    /// True when news has not reached this tab yet that words it saw stored were lost
    /// through no tab's fault (so, dying now, it could not have known they were only here).
    fn not_heard_of_loss(&self) -> bool {
        self.inbox.iter().any(|news| news.fault || news.race)
    }

    /// True when she has been told this tab is not saving what it holds.
    fn told(&self) -> bool {
        *self.machine.health() != Health::Saving || self.notices.contains(&Notice::LockedByOtherTab)
    }
}

/// The port a tab's machine uses, over the shared storage. `budget` writes succeed; after
/// that the tab has crashed and no further write lands.
struct SimPort<'a> {
    storage: &'a mut Storage,
    tab: &'a mut Tab,
    budget: Option<u32>,
    crashed: bool,
    /// Storage events for the other tabs, with the text written to Harbour's key.
    sent: Vec<(News, Option<String>)>,
    /// What this tab's writes replaced that its view did not show (it never saw it).
    replaced_unseen: Vec<String>,
    /// Kept copies made during this step.
    kept: Vec<String>,
}

impl SimPort<'_> {
    /// True when this write may land (and counts it).
    fn spend(&mut self) -> bool {
        match &mut self.budget {
            Some(0) => {
                self.crashed = true;
                false
            }
            Some(n) => {
                *n -= 1;
                true
            }
            None => true,
        }
    }
}

impl Port<Doc, Doc> for SimPort<'_> {
    fn read(&mut self) -> Result<Option<String>, WriteError> {
        if self.storage.blocked {
            return Err(WriteError::Unavailable);
        }
        Ok(self.tab.view.clone())
    }

    fn is_empty(&mut self) -> bool {
        !self.storage.blocked && self.tab.view.is_none() && self.storage.copies.is_empty()
    }

    fn decode(&mut self, raw: &str) -> Read<Doc, Doc> {
        if let Some((doc, lineage)) = parse(raw, "v1") {
            return Read::Ready {
                doc,
                migrated: false,
                lineage,
            };
        }
        if let Some((doc, lineage)) = parse(raw, "v0") {
            return Read::Ready {
                doc,
                migrated: true,
                lineage,
            };
        }
        if let Some((doc, lineage)) = parse(raw, "S") {
            return Read::Locked {
                opened: self.tab.key.then(|| doc.clone()),
                sealed: doc,
                shown: Doc::new(),
                lineage,
            };
        }
        if raw.starts_with("NEWER") {
            return Read::TooNew {
                schema: 99,
                shown: Doc::new(),
            };
        }
        Read::Unreadable
    }

    fn merge(&mut self, base: &Doc, ours: &Doc, theirs: &Doc) -> (Doc, bool) {
        merge(base, ours, theirs)
    }

    fn write(&mut self, doc: &Doc, lineage: &[String]) -> Result<String, WriteError> {
        if self.storage.blocked {
            return Err(WriteError::Unavailable);
        }
        if self.storage.full {
            return Err(WriteError::Quota);
        }
        let text = encode(doc, self.tab.key, lineage);
        if self.spend() {
            let unseen = self.tab.view_write < self.storage.writes;
            if unseen {
                UNSEEN_SAVES.fetch_add(1, Relaxed);
                self.replaced_unseen
                    .push(self.storage.main.clone().unwrap_or_default());
            }
            self.storage.main = Some(text.clone());
            self.storage.writes += 1;
            self.tab.view = Some(text.clone());
            self.tab.view_write = self.storage.writes;
            let news = News {
                change: Change::Written,
                write: self.storage.writes,
                fault: false,
                race: unseen,
            };
            self.sent.push((news, Some(text.clone())));
        }
        Ok(text)
    }

    fn save_id(&mut self) -> [u8; 8] {
        self.storage.save_ids += 1;
        self.storage.save_ids.to_be_bytes()
    }

    fn copy_exists(&mut self, name: &str) -> bool {
        self.storage.copies.contains_key(name)
    }

    fn keep_copy(&mut self, name: &str, what: &Copy<Doc>) -> bool {
        if self.storage.blocked || self.storage.full {
            return false;
        }
        let text = match what {
            Copy::Raw(r) => r.clone(),
            Copy::Doc(d) => encode(d, self.tab.key, &[]),
        };
        if self.spend() {
            self.storage.copies.insert(name.to_owned(), text);
            let news = News {
                change: Change::Copies,
                write: 0,
                fault: false,
                race: false,
            };
            self.sent.push((news, None));
            self.kept.push(name.to_owned());
        }
        true
    }

    fn seal(&mut self, doc: &Doc) -> Option<Doc> {
        self.tab.key.then(|| doc.clone())
    }

    fn while_locked(&mut self, _doc: &Doc) -> Doc {
        Doc::new()
    }

    fn switch_lock(&mut self, to_new: bool) {
        self.tab.key = if to_new {
            self.tab.new_key
        } else {
            self.tab.old_key
        };
    }
}

#[derive(Clone, Debug)]
enum Fault {
    Full(bool),
    Blocked(bool),
    Cleared,
    Corrupt,
    Newer,
}

#[derive(Clone, Debug)]
enum Step {
    Open,
    Edit(u8),
    Timer,
    Hide,
    Close,
    Visible,
    /// Another tab's write reaches this tab (its event comes later, with `Deliver`).
    Arrive,
    Deliver(u8),
    Codec(bool),
    Lock,
    Unlock,
    LockOn,
    LockOff,
    SaveAgain,
    Discard,
    Fault(Fault),
}

#[derive(Clone, Debug)]
struct Action {
    tab: u8,
    step: Step,
    /// Crash the tab after this many writes during the step.
    crash: Option<u8>,
}

fn step_strategy() -> impl Strategy<Value = Step> {
    prop_oneof![
        2 => Just(Step::Open),
        12 => (0..FIELDS).prop_map(Step::Edit),
        6 => Just(Step::Timer),
        2 => Just(Step::Hide),
        1 => Just(Step::Close),
        1 => Just(Step::Visible),
        8 => any::<u8>().prop_map(Step::Deliver),
        3 => Just(Step::Arrive),
        // Codec loads succeed more often than they fail.
        3 => prop_oneof![4 => Just(true), 1 => Just(false)].prop_map(Step::Codec),
        1 => Just(Step::Lock),
        2 => Just(Step::Unlock),
        1 => Just(Step::LockOn),
        1 => Just(Step::LockOff),
        1 => Just(Step::SaveAgain),
        1 => Just(Step::Discard),
        1 => any::<bool>().prop_map(|on| Step::Fault(Fault::Full(on))),
        1 => any::<bool>().prop_map(|on| Step::Fault(Fault::Blocked(on))),
        1 => Just(Step::Fault(Fault::Cleared)),
        1 => Just(Step::Fault(Fault::Corrupt)),
        1 => Just(Step::Fault(Fault::Newer)),
    ]
}

fn action_strategy() -> impl Strategy<Value = Action> {
    (
        0..3u8,
        step_strategy(),
        prop_oneof![20 => Just(None), 1 => (0..3u8).prop_map(Some)],
    )
        .prop_map(|(tab, step, crash)| Action { tab, step, crash })
}

fn initial_strategy() -> impl Strategy<Value = u8> {
    0..5u8
}

/// What is known about one word.
struct Word {
    /// Someone saw it and replaced it (so it may go).
    superseded: bool,
    /// Lost to a fault outside Harbour (storage cleared or overwritten by something else),
    /// or downloaded by her.
    forgiven: bool,
    /// Was in storage when something outside Harbour destroyed it: a tab that dies before
    /// it hears of that could not have known its copy is the only one.
    exposed: bool,
}

struct World {
    storage: Storage,
    tabs: Vec<Option<Tab>>,
    words: BTreeMap<String, Word>,
    next_word: u32,
    now: u64,
}

impl World {
    fn new(initial: u8) -> Self {
        let mut world = Self {
            storage: Storage::default(),
            tabs: (0..3).map(|_| None).collect(),
            words: BTreeMap::new(),
            next_word: 0,
            now: 1_000,
        };
        if initial == 0 {
            return world;
        }
        let w = world.word();
        world.storage.main = match initial {
            1 => Some(format!("v1||0={w}")),
            2 => Some(format!("v0||1={w}")),
            3 => Some(format!("garbage {w}")),
            0 => None,
            _ => Some(format!("NEWER {w}")),
        };
        world
    }

    fn word(&mut self) -> String {
        self.next_word += 1;
        let w = format!("w{}x", self.next_word);
        self.words.insert(
            w.clone(),
            Word {
                superseded: false,
                forgiven: false,
                exposed: false,
            },
        );
        w
    }

    /// Feeds `event` to tab `i`'s machine and carries out its commands, as the driver does.
    fn feed(&mut self, i: usize, event: Event<Doc>, crash: Option<u8>) -> Result<(), String> {
        let Some(mut tab) = self.tabs[i].take() else {
            return Ok(());
        };
        // A tab that has not heard yet that something outside Harbour destroyed what was
        // stored cannot know that words it last saw stored are now only in its memory.
        let unaware =
            std::mem::take(&mut tab.hearing_fault) || tab.inbox.iter().any(|news| news.fault);
        // Dying while it takes in a save that replaced words unseen, it could not tell her.
        let hearing_race = std::mem::take(&mut tab.hearing_race);
        let before = tab.memory();
        let told_before = tab.told();
        let mut port = SimPort {
            storage: &mut self.storage,
            tab: &mut tab,
            budget: crash.map(u32::from),
            crashed: false,
            sent: Vec::new(),
            replaced_unseen: Vec::new(),
            kept: Vec::new(),
        };
        let mut machine = std::mem::take(&mut port.tab.machine);
        let mut doc = std::mem::take(&mut port.tab.doc);
        let commands = machine.handle(&mut doc, event, self.now, &mut port);
        let (crashed, sent, kept) = (port.crashed, port.sent, port.kept);
        let replaced_unseen = port.replaced_unseen;
        tab.machine = machine;
        tab.doc = doc;
        for (j, other) in self.tabs.iter_mut().enumerate() {
            if let (Some(other), true) = (other, j != i) {
                for (news, text) in &sent {
                    if news.change == Change::Written {
                        other.coming.push_back((news.write, text.clone()));
                    }
                    other.inbox.push_back(news.clone());
                }
            }
        }
        for gone in &replaced_unseen {
            self.unseen_loss(gone, &tab);
        }
        if crashed {
            // It died before its write landed: what she had been told is as before.
            self.tabs[i] = Some(tab);
            self.forgive_unaware(unaware, &before);
            let unaware = unaware
                || hearing_race
                || self.tabs[i].as_ref().is_some_and(Tab::not_heard_of_loss);
            return self.crash_told(i, told_before, unaware, &before);
        }
        if tab.machine.timer_running() {
            // What is unsaved while the timer runs is written when it fires: a crash before
            // then loses it, as it loses words typed moments ago.
            let stored = self.stored();
            let mine = tab.memory();
            for w in self.words.keys() {
                if mine.contains(w.as_str()) && !stored.contains(w.as_str()) {
                    tab.recent.push(w.clone());
                }
            }
        }
        let mut told = Vec::new();
        for command in commands {
            match command {
                Command::Notify(n) => {
                    match &n {
                        Notice::ConflictKept { .. } => CONFLICT_COPIES.fetch_add(1, Relaxed),
                        Notice::Recovered { .. } => RECOVERED_COPIES.fetch_add(1, Relaxed),
                        Notice::LockedByOtherTab => LOCKED_BY_OTHER.fetch_add(1, Relaxed),
                        Notice::Deleted => 0,
                    };
                    if let Notice::Recovered { key } | Notice::ConflictKept { key } = &n {
                        told.push(key.clone());
                    }
                    if n == Notice::Deleted {
                        tab.notices.clear();
                    }
                    tab.notices.push(n);
                }
                Command::LockState(LockState::Locked) => tab.key = false,
                Command::LockState(LockState::Off) => tab.key = false,
                Command::LoadCodec => tab.codec_requested = true,
                Command::HoldUnreadable(text) => tab.unreadable = Some(text),
                Command::Health(h) => {
                    if !matches!(h, Health::Saving | Health::Opening) {
                        FAULT_STATES.fetch_add(1, Relaxed);
                    }
                    if h == Health::Saving {
                        tab.unreadable = None;
                    }
                }
                _ => {}
            }
        }
        for name in kept {
            if name.starts_with(RECOVERY) && !told.contains(&name) {
                return Err(format!("tab {i} kept copy {name} without telling her"));
            }
        }
        self.tabs[i] = Some(tab);
        self.forgive_unaware(unaware, &before);
        Ok(())
    }

    /// A tab that had not heard yet that something outside Harbour destroyed what was
    /// stored dropped words it believed stored: not Harbour's doing.
    fn forgive_unaware(&mut self, unaware: bool, before: &str) {
        if unaware {
            let all = self.everywhere();
            for (w, word) in self.words.iter_mut() {
                if word.exposed && before.contains(w.as_str()) && !all.contains(w.as_str()) {
                    word.forgiven = true;
                }
            }
        }
    }

    /// Tab `i` dies at once: no save as it closes. What only it held is lost, which is
    /// allowed only if she had been told it was not saving, or was typed moments ago.
    fn crash(&mut self, i: usize) -> Result<(), String> {
        let told = self.tabs[i].as_ref().is_some_and(Tab::told);
        let unaware = self.tabs[i].as_ref().is_some_and(Tab::not_heard_of_loss);
        self.crash_told(i, told, unaware, "")
    }

    /// Tab `i` dies, having `told` her it was not saving or not; `held` is what it held
    /// before the step it died in (after a crash mid-step its machine went on as if the
    /// lost write had landed).
    fn crash_told(
        &mut self,
        i: usize,
        told: bool,
        unaware: bool,
        held: &str,
    ) -> Result<(), String> {
        let Some(tab) = self.tabs[i].take() else {
            return Ok(());
        };
        CRASHES.fetch_add(1, Relaxed);
        let mine = tab.memory() + held;
        let elsewhere = self.everywhere();
        for (w, word) in self.words.iter_mut() {
            if word.superseded || word.forgiven || !mine.contains(w.as_str()) {
                continue;
            }
            if elsewhere.contains(w.as_str()) {
                continue;
            }
            if told || tab.recent.contains(w) || (word.exposed && unaware) {
                word.forgiven = true;
            } else {
                return Err(format!(
                    "tab {i} crashed holding the only copy of {w}, health {:?}, without telling her",
                    tab.machine.health()
                ));
            }
        }
        Ok(())
    }

    /// Everything stored, as text to search.
    fn stored(&self) -> String {
        let mut out = self.storage.main.clone().unwrap_or_default();
        for c in self.storage.copies.values() {
            out += "\n";
            out += c;
        }
        out
    }

    /// Everything stored or held by a live tab, as text to search.
    fn everywhere(&self) -> String {
        let mut out = self.stored();
        for tab in self.tabs.iter().flatten() {
            out += "\n";
            out += &tab.memory();
        }
        out
    }

    /// Something outside Harbour destroyed what storage held: forgive the words only it
    /// had (she cannot blame Harbour for those), keep checking the rest.
    fn outside_loss(&mut self, clears_copies: bool) {
        let mut held = String::new();
        for tab in self.tabs.iter().flatten() {
            held += &tab.memory();
        }
        let mut gone = self.storage.main.clone().unwrap_or_default();
        if clears_copies {
            for c in self.storage.copies.values() {
                gone += "\n";
                gone += c;
            }
        }
        self.lost(&gone, &held);
    }

    /// A save by a tab whose view had not shown it yet replaced `gone` (the browser's race
    /// between processes): the tab that wrote `gone` finds out from the lineage when the
    /// save reaches it, but a word no live tab holds (`writer` is the tab that saved) was
    /// lost with no tab able to know.
    fn unseen_loss(&mut self, gone: &str, writer: &Tab) {
        let mut held = writer.memory();
        for tab in self.tabs.iter().flatten() {
            held += &tab.memory();
        }
        self.lost(gone, &held);
    }

    /// Storage lost `gone` through no tab's fault: its words may be lost by a tab that has
    /// not heard yet, and those no tab `held` are forgiven.
    fn lost(&mut self, gone: &str, held: &str) {
        for (w, word) in self.words.iter_mut() {
            if gone.contains(w.as_str()) {
                word.exposed = true;
                if !held.contains(w.as_str()) {
                    word.forgiven = true;
                }
            }
        }
    }

    fn check(&self) -> Result<(), String> {
        let all = self.everywhere();
        for (w, word) in &self.words {
            if !word.superseded && !word.forgiven && !all.contains(w.as_str()) {
                return Err(format!(
                    "{w} is lost: storage {:?}, copies {:?}",
                    self.storage.main, self.storage.copies
                ));
            }
        }
        Ok(())
    }

    fn act(&mut self, a: &Action) -> Result<(), String> {
        self.now += 37;
        let i = usize::from(a.tab);
        if let Step::Open = a.step {
            if self.tabs[i].is_none() {
                let mut tab = Tab::new();
                // A tab opening reads storage as the browser holds it now.
                tab.view = self.storage.main.clone();
                tab.view_write = self.storage.writes;
                self.tabs[i] = Some(tab);
                self.feed(i, Event::Start, a.crash)?;
            }
            return Ok(());
        }
        if let Step::Fault(f) = &a.step {
            match f {
                Fault::Full(on) => self.storage.full = *on,
                Fault::Blocked(on) => self.storage.blocked = *on,
                Fault::Cleared => {
                    self.outside_loss(true);
                    // The copies go too: what only they held is forgiven below.
                    self.storage.copies.clear();
                    self.outside_write(None, Change::Cleared);
                    self.forgive_unheld();
                }
                Fault::Corrupt | Fault::Newer => {
                    self.outside_loss(false);
                    let w = self.word();
                    let text = match f {
                        Fault::Corrupt => format!("garbage {w}"),
                        _ => format!("NEWER {w}"),
                    };
                    self.outside_write(Some(text), Change::Written);
                }
            }
            return Ok(());
        }
        let Some(tab) = self.tabs[i].as_mut() else {
            return Ok(());
        };
        let health = tab.machine.health().clone();
        let locked = tab.machine.lock_state() == LockState::Locked;
        let event = match &a.step {
            Step::Edit(field) => {
                // Pages that change her data wait until the store is open and unlocked.
                if matches!(health, Health::Opening | Health::NotOpened) || locked {
                    None
                } else {
                    let mut doc = tab.doc.clone();
                    let w = {
                        self.next_word += 1;
                        format!("w{}x", self.next_word)
                    };
                    if let Some(old) = doc.insert(*field, w.clone()) {
                        if let Some(word) = self.words.get_mut(&old) {
                            word.superseded = true;
                        }
                    }
                    self.words.insert(
                        w.clone(),
                        Word {
                            superseded: false,
                            forgiven: false,
                            exposed: false,
                        },
                    );
                    let tab = self.tabs[i].as_mut().expect("live");
                    tab.recent.push(w);
                    tab.doc = doc;
                    Some(Event::Edited)
                }
            }
            Step::Timer => tab.machine.timer_running().then_some(Event::TimerFired),
            Step::Hide => Some(Event::Hidden),
            Step::Close => {
                self.feed(i, Event::Hidden, a.crash)?;
                return self.crash(i);
            }
            Step::Visible => Some(Event::Visible),
            Step::Arrive => {
                // The next write reaches this tab before its storage event does.
                if let Some(&(write, _)) = tab.coming.front() {
                    tab.catch_up_to(write);
                }
                None
            }
            Step::Deliver(n) => {
                if tab.inbox.is_empty() {
                    None
                } else {
                    // Out of order: any pending event, not the oldest.
                    let k = usize::from(*n) % tab.inbox.len();
                    tab.inbox.remove(k).map(|news| {
                        // The browser fires the event once the write has reached the tab.
                        tab.catch_up_to(news.write);
                        tab.hearing_fault = news.fault;
                        tab.hearing_race = news.race;
                        Event::StorageChanged(news.change)
                    })
                }
            }
            Step::Codec(ok) => match health {
                Health::Opening if tab.codec_requested => Some(if *ok {
                    Event::CodecLoaded
                } else {
                    Event::CodecFailed
                }),
                Health::NotOpened => Some(Event::RetryOpen),
                _ => None,
            },
            Step::Lock => Some(Event::Lock),
            Step::Unlock => {
                if !locked {
                    None
                } else if let Some((sealed, true)) = tab.machine.sealed() {
                    tab.key = true;
                    Some(Event::Unlocked {
                        doc: sealed.clone(),
                        unsaved: true,
                    })
                } else {
                    let stored = if self.storage.blocked {
                        None
                    } else {
                        tab.view.clone()
                    };
                    match stored.as_deref() {
                        Some(t) if t.starts_with("S|") => {
                            tab.key = true;
                            Some(Event::Unlocked {
                                doc: parse(t, "S").expect("model text").0,
                                unsaved: false,
                            })
                        }
                        // The lock was turned off in another tab.
                        Some(t) if t.starts_with("v") => {
                            Some(Event::StorageChanged(Change::Written))
                        }
                        _ => tab.machine.sealed().map(|(s, _)| {
                            tab.key = true;
                            Event::Unlocked {
                                doc: s.clone(),
                                unsaved: false,
                            }
                        }),
                    }
                }
            }
            Step::LockOn | Step::LockOff => {
                let on = matches!(a.step, Step::LockOn);
                let from = if on {
                    LockState::Off
                } else {
                    LockState::Unlocked
                };
                if tab.machine.lock_state() != from
                    || matches!(health, Health::Opening | Health::NotOpened)
                {
                    None
                } else {
                    tab.old_key = tab.key;
                    tab.new_key = on;
                    Some(Event::Rekey { on })
                }
            }
            Step::SaveAgain => {
                matches!(health, Health::Cleared | Health::Failed(_)).then_some(Event::SaveAgain)
            }
            Step::Discard => {
                if health == Health::UnreadableNotKept {
                    // She downloaded it: what it held is hers, outside Harbour.
                    let text = tab.unreadable.clone().unwrap_or_default();
                    for (w, word) in self.words.iter_mut() {
                        if text.contains(w.as_str()) {
                            word.forgiven = true;
                        }
                    }
                    Some(Event::DiscardUnreadable)
                } else {
                    None
                }
            }
            Step::Open | Step::Fault(_) => None,
        };
        let flushes = matches!(event, Some(Event::TimerFired | Event::Hidden));
        match event {
            Some(e) => self.feed(i, e, a.crash)?,
            None if a.crash.is_some() => return self.crash(i),
            None => {}
        }
        if flushes {
            if let Some(tab) = self.tabs[i].as_mut() {
                tab.recent.clear();
            }
        }
        Ok(())
    }

    /// Something outside Harbour writes (or removes) Harbour's key: every tab hears of it
    /// later, as news of a fault.
    fn outside_write(&mut self, text: Option<String>, change: Change) {
        self.storage.main = text.clone();
        self.storage.writes += 1;
        let write = self.storage.writes;
        for tab in self.tabs.iter_mut().flatten() {
            tab.coming.push_back((write, text.clone()));
            tab.inbox.push_back(News {
                change,
                write,
                fault: true,
                race: false,
            });
        }
    }

    /// After storage (and its copies) is emptied by something else: forgive what no live
    /// tab holds.
    fn forgive_unheld(&mut self) {
        let all = self.everywhere();
        for (w, word) in self.words.iter_mut() {
            if !all.contains(w.as_str()) {
                word.forgiven = true;
            }
        }
    }
}

fn run(initial: u8, actions: &[Action]) -> Result<(), TestCaseError> {
    let mut world = World::new(initial);
    // Two tabs open and read what is stored before the generated steps.
    for tab in 0..2 {
        for step in [Step::Open, Step::Codec(true)] {
            world
                .act(&Action {
                    tab,
                    step,
                    crash: None,
                })
                .map_err(TestCaseError::fail)?;
        }
    }
    for (n, a) in actions.iter().enumerate() {
        STEPS.fetch_add(1, Relaxed);
        world
            .act(a)
            .and_then(|()| world.check())
            .map_err(|why| TestCaseError::fail(format!("step {n} {a:?}: {why}")))?;
    }
    Ok(())
}

/// The generator's seed: fixed by default, so a run can be repeated exactly (and CI does not
/// pass or fail by chance); `SYNC_SEED=random`, or a number, explores other cases. A random
/// seed is drawn here, not by proptest, so a failure can name it to run again.
fn seed() -> u64 {
    match std::env::var("SYNC_SEED").ok().as_deref() {
        None => SEED,
        Some(n) => n.parse().unwrap_or_else(|_| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(SEED, |t| t.as_nanos() as u64)
        }),
    }
}

/// The default seed.
const SEED: u64 = 26;

fn cases() -> u32 {
    std::env::var("SYNC_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

#[test]
fn no_word_she_typed_is_lost() {
    let cases = cases();
    let seed = seed();
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        // ChaCha (the default) dominates the run time in a debug build.
        rng_algorithm: RngAlgorithm::XorShift,
        rng_seed: RngSeed::Fixed(seed),
        ..Config::default()
    });
    let strategy = (
        initial_strategy(),
        proptest::collection::vec(action_strategy(), 1..60),
    );
    let result = runner.run(&strategy, |(initial, actions)| run(initial, &actions));
    // Straight to the terminal: shown by plain `cargo test`, which captures println!.
    let _ = writeln!(
        std::io::stderr().lock(),
        "sync model: {cases} generated cases of two or three tabs (SYNC_CASES=N for more, \
         SYNC_SEED=random for others; seed {seed}): \
         {} steps, {} conflict copies, {} unreadable copies, {} locked by another tab, \
         {} tabs crashed or closed, {} fault states shown, {} saves over one not seen yet",
        STEPS.load(Relaxed),
        CONFLICT_COPIES.load(Relaxed),
        RECOVERED_COPIES.load(Relaxed),
        LOCKED_BY_OTHER.load(Relaxed),
        CRASHES.load(Relaxed),
        FAULT_STATES.load(Relaxed),
        UNSEEN_SAVES.load(Relaxed),
    );
    match result {
        Ok(()) => {}
        Err(TestError::Fail(why, (initial, actions))) => {
            panic!(
                "a word was lost (SYNC_SEED={seed}): {why}\ninitial {initial}, steps:\n{actions:#?}"
            )
        }
        Err(e) => panic!("{e}"),
    }
}

/// Found by a random-seed run on 2026-12-05: storage is cleared from outside while tab 1
/// holds a saved word and an unsaved one; tab 0, which never saw tab 1's save, turns the
/// lock on and writes its own (empty) data; tab 1 is locked by it and holds its unsaved
/// words. Measured against its last save, they would merge on unlock as if tab 0 had
/// deleted the saved word. Tab 0's save does not carry tab 1's save id in its lineage, so
/// tab 1 measures them against what it last read instead, and keeps both words.
#[test]
fn a_save_that_did_not_see_this_tabs_save_does_not_delete_its_words() {
    let steps = [
        (1, Step::Edit(0)),
        (1, Step::Timer),
        (1, Step::Edit(1)),
        (0, Step::Fault(Fault::Cleared)),
        (0, Step::LockOn),
        // The clear, then tab 0's save, reach tab 1 (tab 0 never sees tab 1's save).
        (1, Step::Arrive),
        (1, Step::Arrive),
        (1, Step::LockOn),
        (1, Step::Deliver(6)),
        (1, Step::Unlock),
    ];
    replay(&steps);
}

/// Found by a random run once tabs saw storage late: tab 1 saves a word and closes; tab 2
/// opens and reads it; tab 0, which never saw it, saves a word in the same field. Tab 1 is
/// gone, so only tab 2 can keep its word: tab 0's save does not follow from the save tab 2
/// read, so tab 2 keeps both (a conflict copy) and saves again.
#[test]
fn a_save_that_did_not_see_a_save_this_tab_read_does_not_delete_its_words() {
    replay(&[
        (1, Step::Edit(0)),
        (1, Step::Close),
        (0, Step::Edit(0)),
        (2, Step::Open),
        (2, Step::Codec(true)),
        (0, Step::Timer),
        (2, Step::Deliver(0)),
    ]);
}

/// Tab 2 saves a word and closes; tab 1 reads it and saves a word of its own; tab 0, which
/// saw neither save, saves. Tab 0's save did not see what tab 1 had read either, so tab 1
/// cannot measure its words against that: all it holds is unsaved again, and tab 2's word
/// is kept.
#[test]
fn a_save_that_did_not_see_what_this_tab_read_before_saving_does_not_delete_it() {
    replay(&[
        (2, Step::Open),
        (2, Step::Edit(0)),
        (2, Step::Close),
        (1, Step::Deliver(0)),
        (1, Step::Edit(1)),
        (1, Step::Timer),
        (0, Step::Edit(2)),
        (0, Step::Timer),
        (1, Step::Deliver(0)),
    ]);
}

/// Found by a random-seed run (SYNC_SEED=1796523661041397990): tab 1's word and tab 0's
/// conflict in one field; tab 1 keeps tab 0's side as a copy. Storage is cleared from
/// outside, copies and all; tab 0, which has not heard of it, saves that side again and
/// closes. Tab 1 must not take the conflict as settled (its copy is gone): it keeps a copy
/// again before writing its own word over it.
#[test]
fn a_conflict_whose_copy_was_cleared_is_not_settled() {
    replay_from(
        1,
        &[
            (0, Step::Edit(2)),
            (0, Step::Timer),
            (1, Step::Edit(2)),
            (0, Step::Edit(0)),
            (0, Step::Timer),
            (0, Step::Fault(Fault::Cleared)),
            (1, Step::Deliver(3)),
            (0, Step::Edit(0)),
            (1, Step::Open),
            (0, Step::Fault(Fault::Cleared)),
            (0, Step::Close),
            (1, Step::Deliver(91)),
            (1, Step::Timer),
        ],
    );
}

/// Found by a random-seed run (SYNC_SEED=1796541507477929307, 100,000 cases): tab 0 saves
/// a word; storage is cleared from outside; tab 1, which never saw that save, turns the lock
/// on; tab 0 is locked by it while holding that word and a new one. Storage lost the saved
/// word, so tab 0 must measure what it holds against nothing: on unlock, merged with what
/// tab 1 sealed, the word must not look deleted.
#[test]
fn words_held_while_locked_count_as_unsaved_after_a_clear() {
    replay_from(
        2,
        &[
            (0, Step::Edit(1)),
            (0, Step::Timer),
            (1, Step::Deliver(0)),
            (0, Step::Fault(Fault::Cleared)),
            (1, Step::LockOn),
            (0, Step::Edit(2)),
            (0, Step::Deliver(71)),
            (0, Step::Deliver(0)),
            (0, Step::Deliver(13)),
            (0, Step::Unlock),
        ],
    );
}

/// Runs `steps` (tab, step) from empty storage, as a generated case is run.
fn replay(steps: &[(u8, Step)]) {
    replay_from(0, steps)
}

/// Runs `steps` (tab, step) from the stored data `initial` names (see `World::new`).
fn replay_from(initial: u8, steps: &[(u8, Step)]) {
    let actions: Vec<Action> = steps
        .iter()
        .map(|(tab, step)| Action {
            tab: *tab,
            step: step.clone(),
            crash: None,
        })
        .collect();
    if let Err(why) = run(initial, &actions) {
        panic!("{why}");
    }
}
