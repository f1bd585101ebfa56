//! The shape of everything Harbour stores for her, at the newest schema.
//!
//! Every struct denies unknown fields and has no defaults: stored data of the wrong shape is
//! refused (and kept as a recovery copy) rather than half-read and then overwritten.

use crate::domain::child_plan::ChildPlan;
use crate::domain::drafts::Drafts;
use crate::domain::journey::Journey;
use crate::domain::letters::LettersData;
use crate::domain::nation::Residence;
use crate::domain::notebook::{KeyDate, NoteEntry};
use crate::domain::plan::SafetyPlan;
use crate::domain::share::Contact;
use serde::{Deserialize, Serialize};

/// The neutral page quick exit goes to unless she picks another.
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.co.uk/weather";

/// Settings Harbour needs before anything is unlocked, so they are stored in the clear.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicSettings {
    /// Where quick exit goes.
    pub exit_url: String,
    /// Show a neutral title and icon ("Notes") instead of Harbour's.
    pub discreet: bool,
    /// With the lock on, lock after this many minutes without use.
    pub lock_minutes: u32,
}

/// The idle time before Harbour locks, unless she chooses another.
pub const DEFAULT_LOCK_MINUTES: u32 = 5;

impl Default for PublicSettings {
    fn default() -> Self {
        Self {
            exit_url: DEFAULT_EXIT_URL.to_owned(),
            discreet: false,
            lock_minutes: DEFAULT_LOCK_MINUTES,
        }
    }
}

/// What she writes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppData {
    /// Free notes from the notebook page.
    pub notes: String,
    /// The household safety plan (schema 2).
    pub plan: SafetyPlan,
    /// A talking-to-children plan per child (schema 3).
    pub children: Vec<ChildPlan>,
    /// Her own contacts (schema 4).
    pub contacts: Vec<Contact>,
    /// Her case notebook (schema 5).
    pub notebook: Vec<NoteEntry>,
    /// Key dates (schema 5).
    pub dates: Vec<KeyDate>,
    /// Where she lives, so she sees her nation's law and services (schema 6). Kept with her
    /// data rather than the clear settings: nothing needs it before unlock, and where she
    /// lives is hers to keep private.
    pub nation: Residence,
    /// The stage she marked on each journey, the police case and children's social care
    /// (schema [`crate::domain::migrate::JOURNEY_SCHEMA`]).
    pub journey: Journey,
    /// Her details for letters, her letter drafts, her statement for meetings and her
    /// questions for each kind of meeting (schema 9).
    pub letters: LettersData,
    /// What she typed into forms she has not saved or added yet (schema
    /// [`crate::domain::migrate::DRAFTS_SCHEMA`]).
    pub drafts: Drafts,
}

/// One saved state: the clear settings and her data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    pub public: PublicSettings,
    pub data: AppData,
}
