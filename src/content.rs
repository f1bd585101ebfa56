//! Harbour's long-form content, compiled from `content/` by `build.rs` (no parser ships).
