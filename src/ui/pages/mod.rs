//! One page per route. Pages read the store and content and compose components.

pub mod children;
pub mod cover;
pub mod guide;
pub mod home;
pub mod journey;
pub mod letters;
pub mod lock;
pub mod not_found;
pub mod notebook;
pub mod safety;
pub mod safety_plan;
pub mod services;
pub mod settings;
