//! Pure logic: the data she writes, how it is stored, migrated and merged. No browser code.

pub mod data;
pub mod envelope;
pub mod exit_shortcut;
pub mod merge;
pub mod migrate;
pub mod route;
pub mod sealed;
