//! Support-worker links and her own contacts. A link carries one service's details in the
//! URL fragment (never sent to any server): versioned, compact, size-limited and checked
//! for damage. Also the QR code for a link, as SVG.

pub use crate::domain::field::FieldError;

use crate::domain::choice::choice;
use crate::domain::phone::is_uk_phone;
use crate::domain::text::{self, Field};
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

/// The fragment's name: `#add=1.…`.
pub const FRAGMENT_KEY: &str = "add=";
/// The only format version so far.
pub const VERSION: u32 = 1;
/// Longer fragments are refused before any decoding work. The longest valid service (every
/// field full of 4-byte characters) needs about 2,300; plain text needs under 1,000.
pub const MAX_FRAGMENT: usize = 2_500;

/// A service, as a support worker shares it (also kept as a draft while the link is being
/// made, so it derives serde; the link itself has its own compact encoding).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedService {
    pub name: String,
    pub phone: String,
    pub hours: String,
    pub area: String,
    pub note: String,
}

/// Most characters in each field.
pub const LIMITS: [(&str, usize); 5] = [
    ("name", 80),
    ("phone", 20),
    ("hours", 80),
    ("area", 80),
    ("note", 280),
];

impl SharedService {
    fn fields(&self) -> [&String; 5] {
        [&self.name, &self.phone, &self.hours, &self.area, &self.note]
    }
}

/// What must be fixed before a link can be made (and what makes a received one invalid).
pub fn validate(s: &SharedService) -> Vec<FieldError> {
    let mut out = Vec::new();
    if s.name.trim().is_empty() {
        out.push(FieldError::new("name", "Enter your organisation's name"));
    }
    if !s.phone.trim().is_empty() && !is_uk_phone(s.phone.trim()) {
        out.push(FieldError::new(
            "phone",
            "Enter a UK phone number, like 0808 1000 900",
        ));
    }
    for ((field, max), value) in LIMITS.iter().zip(s.fields()) {
        if value.chars().count() > *max {
            out.push(FieldError::new(
                *field,
                format!("This must be {max} characters or fewer"),
            ));
        }
        let kind = if *field == "note" {
            Field::Notes
        } else {
            Field::Line
        };
        if let Some(message) = text::problem(value, kind) {
            out.push(FieldError::new(*field, message));
        }
    }
    out
}

/// Why a link could not be read. Nothing is stored in any of these cases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    NotAHarbourLink,
    UnknownVersion(u32),
    TooLong,
    Damaged,
    Invalid(Vec<FieldError>),
}

impl LinkError {
    /// What to tell her, in plain words.
    pub fn message(&self) -> String {
        match self {
            Self::NotAHarbourLink => "This link does not have a service in it.".into(),
            Self::UnknownVersion(_) => "This link was made by a newer version of Harbour. Reload Harbour to get the newest version, then open the link again.".into(),
            Self::TooLong => "This link is too long to be a Harbour service link. It may have been changed.".into(),
            Self::Damaged => "This link is damaged or has been changed, so Harbour cannot trust it. Ask the person who sent it for a new one.".into(),
            Self::Invalid(problems) if problems.iter().any(|p| p.message == text::HIDDEN_CHARACTERS) => "This link has characters that cannot be seen, or that change the direction of the text. They can make a name look like another one, so Harbour will not add it. Ask the person who sent it for a new one.".into(),
            Self::Invalid(_) => "This link's details are not right, so Harbour cannot add them. Ask the person who sent it for a new one.".into(),
        }
    }
}

/// CRC-32 (IEEE). It detects damage (a mistyped or cut-off link), not deliberate forgery:
/// anyone can make a valid link, so nothing is stored without her yes after she has seen
/// every field.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Fields are joined by the ASCII unit separator, which validation never lets in.
const SEPARATOR: char = '\u{1f}';

/// The fragment (without `#`) for a service: `add=1.<base64url(fields + CRC-32)>`.
pub fn encode(s: &SharedService) -> String {
    let joined = s.fields().map(|f| f.as_str()).join(&SEPARATOR.to_string());
    let mut bytes = joined.into_bytes();
    let crc = crc32(&bytes);
    bytes.extend_from_slice(&crc.to_be_bytes());
    format!("{FRAGMENT_KEY}{VERSION}.{}", B64.encode(bytes))
}

/// Reads a fragment (with or without `#`). Anything a tracker appends after `&` is ignored.
pub fn decode(fragment: &str) -> Result<SharedService, LinkError> {
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLong);
    }
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let payload = fragment
        .strip_prefix(FRAGMENT_KEY)
        .ok_or(LinkError::NotAHarbourLink)?;
    let payload = payload.split('&').next().unwrap_or_default();
    let (version, data) = payload.split_once('.').ok_or(LinkError::Damaged)?;
    let version: u32 = version.parse().map_err(|_| LinkError::Damaged)?;
    if version != VERSION {
        return Err(if version > VERSION {
            LinkError::UnknownVersion(version)
        } else {
            LinkError::Damaged
        });
    }
    let bytes = B64.decode(data).map_err(|_| LinkError::Damaged)?;
    if bytes.len() < 4 {
        return Err(LinkError::Damaged);
    }
    let (body, check) = bytes.split_at(bytes.len() - 4);
    if crc32(body).to_be_bytes() != check {
        return Err(LinkError::Damaged);
    }
    let text = std::str::from_utf8(body).map_err(|_| LinkError::Damaged)?;
    let parts: Vec<&str> = text.split(SEPARATOR).collect();
    let [name, phone, hours, area, note] = parts.as_slice() else {
        return Err(LinkError::Damaged);
    };
    let service = SharedService {
        name: (*name).to_owned(),
        phone: (*phone).to_owned(),
        hours: (*hours).to_owned(),
        area: (*area).to_owned(),
        note: (*note).to_owned(),
    };
    let problems = validate(&service);
    if problems.is_empty() {
        Ok(service)
    } else {
        Err(LinkError::Invalid(problems))
    }
}

/// A full link: the app's "add a service" address plus the fragment.
pub fn link(add_service_url: &str, s: &SharedService) -> String {
    format!("{add_service_url}#{}", encode(s))
}

/// A QR code for `text` as a complete `<svg>` (attributes only: the app's CSP allows no
/// inline styles).
pub fn qr_svg(text: &str, label: &str) -> Result<String, String> {
    use qrcodegen::{QrCode, QrCodeEcc};
    let code = QrCode::encode_text(text, QrCodeEcc::Medium)
        .or_else(|_| QrCode::encode_text(text, QrCodeEcc::Low))
        .map_err(|_| "This is too long for a QR code.".to_owned())?;
    let quiet = 4;
    let size = code.size() + quiet * 2;
    let mut path = String::new();
    for y in 0..code.size() {
        for x in 0..code.size() {
            if code.get_module(x, y) {
                path.push_str(&format!("M{} {}h1v1h-1z", x + quiet, y + quiet));
            }
        }
    }
    let label = label
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;");
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{label}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#ffffff\"/><path d=\"{path}\" fill=\"#000000\"/></svg>"
    ))
}

choice! {
    /// Who a contact is to her. Until she says, a contact is called "Contact". A support
    /// worker's link carries no role (only the service's details): a contact added from one
    /// is always a [`Role::SupportWorker`], so no role ever arrives from someone else.
    pub enum Role: NotChosen => "Contact" {
        SocialWorker = "social-worker" => "Social worker",
        DutyTeam = "duty-team" => "Out-of-hours duty team",
        Solicitor = "solicitor" => "Solicitor",
        SchoolDsl = "school-dsl" => "School safeguarding lead",
        Gp = "gp" => "GP",
        OffenderManager = "offender-manager" => "Offender manager",
        Police = "police" => "Police officer",
        SupportWorker = "support-worker" => "Support worker or service",
        Other = "other" => "Someone else",
    }
}

/// One of her own contacts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub id: String,
    pub role: Role,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub notes: String,
    /// Added from a support worker's link and not yet checked by her with the organisation
    /// itself: a link can name any number, so Harbour keeps saying so until she has checked.
    pub from_link: bool,
}

/// What must be fixed in a contact.
pub fn validate_contact(c: &Contact) -> Vec<FieldError> {
    let mut out = Vec::new();
    if c.name.trim().is_empty() && c.role == Role::NotChosen {
        out.push(FieldError::new(
            "contact-name",
            "Enter a name, or choose who they are",
        ));
    }
    if !c.phone.trim().is_empty() && !is_uk_phone(c.phone.trim()) {
        out.push(FieldError::new(
            "contact-phone",
            "Enter a UK phone number, like 01632 960 001",
        ));
    }
    let email = c.email.trim();
    if !email.is_empty()
        && (!email.contains('@')
            || email.contains(' ')
            || email.starts_with('@')
            || email.ends_with('@'))
    {
        out.push(FieldError::new(
            "contact-email",
            "Enter an email address, like name@example.org",
        ));
    }
    for (field, value, max) in [
        ("contact-name", &c.name, 80),
        ("contact-notes", &c.notes, 2_000),
    ] {
        if value.chars().count() > max {
            out.push(FieldError::new(
                field,
                format!("This must be {max} characters or fewer"),
            ));
        }
    }
    for (field, value, kind) in [
        ("contact-name", &c.name, Field::Line),
        ("contact-phone", &c.phone, Field::Line),
        ("contact-email", &c.email, Field::Line),
        ("contact-notes", &c.notes, Field::Notes),
    ] {
        if let Some(message) = text::problem(value, kind) {
            out.push(FieldError::new(field, message));
        }
    }
    out
}

impl Contact {
    /// A contact from a support worker's link.
    pub fn from_shared(id: String, s: &SharedService) -> Self {
        let notes: Vec<String> = [("Hours", &s.hours), ("Area", &s.area), ("", &s.note)]
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| {
                if k.is_empty() {
                    v.trim().to_owned()
                } else {
                    format!("{k}: {}", v.trim())
                }
            })
            .collect();
        Contact {
            id,
            role: Role::SupportWorker,
            name: s.name.trim().to_owned(),
            phone: s.phone.trim().to_owned(),
            email: String::new(),
            notes: notes.join("\n"),
            from_link: true,
        }
    }
}

#[cfg(test)]
mod tests;
