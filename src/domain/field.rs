//! One problem with one field of a form: what the error summary lists and the field shows.

/// A problem with one field. `field` is the id of the input it belongs to, so the error
/// summary can link to it and the page can put the message beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}
