//! Components: they take props (or read the store through a `use_` hook in the layout
//! pieces that every page shares) and render; no page logic here.

pub mod form;
pub mod kept;
pub mod layout;
pub mod listen;
pub mod nation;
pub mod notices;
pub mod page;
pub mod soon;
pub mod sources;
pub mod version_form;
