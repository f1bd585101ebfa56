//! Harbour: private, offline help for a partner after an arrest for viewing child abuse images.
//!
//! `domain` and `content` are pure Rust (tested natively). `adapters` is the only code that
//! touches the browser, and `ui` holds the Leptos components and pages; both exist only when
//! built for wasm.

pub mod content;
pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod adapters;
#[cfg(target_arch = "wasm32")]
pub mod ui;
