//! The only code that touches the browser: storage, time, downloads, quick exit, the service
//! worker, speech. Adapters hold no signals and render nothing; they return `Result`s.

pub mod browser;
pub mod crypto;
pub mod exit;
pub mod listen;
pub mod page;
pub mod pwa;
pub mod speech;
pub mod storage;
pub mod wipe;
