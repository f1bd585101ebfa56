//! The only code that touches the browser: storage, time, downloads, quick exit, the service
//! worker. Adapters hold no signals and render nothing; they return `Result`s.

pub mod browser;
pub mod crypto;
pub mod exit;
pub mod pwa;
pub mod storage;
pub mod wipe;
