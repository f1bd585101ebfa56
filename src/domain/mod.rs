//! Pure logic: the data she writes, how it is stored, migrated and merged. No browser code.

pub mod backup;
pub mod child_plan;
pub mod choice;
pub mod data;
pub mod date;
pub mod discreet;
pub mod drafts;
pub mod envelope;
pub mod exit_shortcut;
pub mod field;
pub mod journey;
pub mod letters;
pub mod lookalike;
pub mod merge;
pub mod migrate;
pub mod nation;
pub mod notebook;
pub mod passphrase;
pub mod phone;
pub mod plan;
pub mod reading;
pub mod route;
pub mod sealed;
pub mod share;
pub mod sync;
pub mod text;
