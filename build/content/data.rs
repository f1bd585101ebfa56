//! The TOML content files as Rust types, and the checks each must pass.

use serde::Deserialize;
use std::collections::BTreeSet;

pub use super::sources::{check_keys, is_date, Sources};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    pub term: Vec<TermEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermEntry {
    /// The nations this text is true for (required: an empty or missing list fails with a
    /// message naming the entry).
    #[serde(default)]
    pub nations: Vec<String>,
    pub id: String,
    pub term: String,
    pub stands_for: Option<String>,
    pub means: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub also: Vec<String>,
    /// Link this term automatically in guide pages (default true). Off for words that also
    /// have an everyday meaning ("charge").
    pub autolink: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionsFile {
    pub list: Vec<QuestionListEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionListEntry {
    /// The nations this text is true for (required: an empty or missing list fails with a
    /// message naming the entry).
    #[serde(default)]
    pub nations: Vec<String>,
    pub id: String,
    pub title: String,
    pub intro: String,
    pub sources: Vec<String>,
    pub questions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServicesFile {
    pub service: Vec<ServiceEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceEntry {
    pub id: String,
    /// An earlier id, kept so that links written with it (`/services#<former_id>`) still work.
    pub former_id: Option<String>,
    pub name: String,
    pub run_by: Option<String>,
    pub offers: String,
    pub for_whom: String,
    pub phone: Option<String>,
    pub text: Option<String>,
    pub text_body: Option<String>,
    pub web: Option<String>,
    pub email: Option<String>,
    pub hours: Option<String>,
    pub cost: Option<String>,
    pub nations: Vec<String>,
    pub categories: Vec<String>,
    pub sources: Vec<String>,
    pub checked: Option<String>,
    #[serde(default)]
    pub unconfirmed: Vec<String>,
    pub note: Option<String>,
    #[serde(default)]
    pub emergency: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyPlanFile {
    pub situation: Vec<SituationEntry>,
    pub section: Vec<SectionEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SituationEntry {
    pub id: String,
    pub label: String,
    pub hint: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionEntry {
    /// The nations this text is true for (required: an empty or missing list fails with a
    /// message naming the entry).
    #[serde(default)]
    pub nations: Vec<String>,
    pub id: String,
    pub title: String,
    pub why: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub rule: Vec<RuleEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleEntry {
    pub id: String,
    pub text: String,
    pub situations: Vec<String>,
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildrenFile {
    pub general: Vec<GeneralEntry>,
    pub band: Vec<BandEntry>,
    pub afterwards: AfterwardsEntry,
    pub school: SchoolEntry,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneralEntry {
    /// The nations this text is true for (required: an empty or missing list fails with a
    /// message naming the entry).
    #[serde(default)]
    pub nations: Vec<String>,
    pub id: String,
    pub title: String,
    pub body: String,
    pub sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandEntry {
    /// The nations this text is true for (required: an empty or missing list fails with a
    /// message naming the entry).
    #[serde(default)]
    pub nations: Vec<String>,
    pub id: String,
    pub label: String,
    pub understands: String,
    pub say: Vec<String>,
    pub avoid: Vec<String>,
    pub sources: Vec<String>,
    pub phrase: Vec<PhraseEntry>,
    pub question: Vec<QuestionEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseEntry {
    pub text: String,
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionEntry {
    pub ask: String,
    pub answer: String,
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AfterwardsEntry {
    pub signs: Vec<String>,
    pub follow_up: Vec<String>,
    pub news: String,
    pub sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchoolEntry {
    pub body: String,
    pub sources: Vec<String>,
}

pub const NATIONS: &[&str] = &["england", "wales", "scotland", "northern-ireland"];
pub const CATEGORIES: &[&str] = &[
    "for-me",
    "for-children",
    "person-arrested",
    "advice",
    "crisis",
];
pub const UNCONFIRMABLE: &[&str] = &["phone", "text", "web", "email", "hours", "cost"];
pub const SITUATIONS: &[&str] = &["moved-out", "at-home", "supervised-elsewhere"];
pub const PLAN_SECTIONS: &[&str] = &[
    "household",
    "where-things-stand",
    "contact",
    "home",
    "devices",
    "outside",
    "children-know",
    "worries",
    "support",
    "review",
];
pub const BANDS: &[&str] = &["under-5", "5-8", "9-12", "13-17", "adult"];

/// Checks a `nations` list: at least one, each one of [`NATIONS`]. Everything she reads
/// must say where it is true, so that she sees her own nation's version.
pub fn check_nations(place: &str, nations: &[String], errors: &mut Vec<String>) {
    if nations.is_empty() {
        errors.push(format!(
            "{place}: no nations: list the nations this is true for ({})",
            NATIONS.join(", ")
        ));
    }
    for n in nations {
        if !NATIONS.contains(&n.as_str()) {
            errors.push(format!(
                "{place}: nation {n:?} is not one of {}",
                NATIONS.join(", ")
            ));
        }
    }
}

/// Checks ids are unique lowercase slugs.
pub fn check_ids<'a>(
    place: &str,
    ids: impl Iterator<Item = &'a str>,
    errors: &mut Vec<String>,
) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    for id in ids {
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !id.starts_with('-');
        if !ok {
            errors.push(format!(
                "{place}: id {id:?} must be lowercase letters, digits and -"
            ));
        }
        if !seen.insert(id.to_owned()) {
            errors.push(format!("{place}: id {id:?} is used twice"));
        }
    }
    seen
}

pub use super::phone::{is_text_number, is_uk_phone};

/// Checks one service.
pub fn check_service(s: &ServiceEntry, sources: &Sources, errors: &mut Vec<String>) {
    let place = format!("services.toml [{}]", s.id);
    let mut bad = |what: String| errors.push(format!("{place}: {what}"));
    if s.name.trim().is_empty() || s.offers.trim().is_empty() || s.for_whom.trim().is_empty() {
        bad("needs a name, what it offers and who it is for".into());
    }
    if let Some(p) = &s.phone {
        if !is_uk_phone(p) {
            bad(format!("phone {p:?} is not a UK phone number"));
        }
    }
    if let Some(t) = &s.text {
        if !is_text_number(t) {
            bad(format!("text {t:?} is not a number to text"));
        }
    }
    if let Some(w) = &s.web {
        if !w.starts_with("https://") && !w.starts_with("http://") {
            bad(format!("web {w:?} is not a web address"));
        }
    }
    if let Some(e) = &s.email {
        if !e.contains('@') || e.contains(' ') {
            bad(format!("email {e:?} is not an email address"));
        }
    }
    if s.phone.is_none() && s.text.is_none() && s.web.is_none() && s.email.is_none() {
        bad("no way to reach it (phone, text, web or email)".into());
    }
    for n in &s.nations {
        if !NATIONS.contains(&n.as_str()) {
            bad(format!("unknown nation {n:?}"));
        }
    }
    if s.nations.is_empty() {
        bad("no nations".into());
    }
    for c in &s.categories {
        if !CATEGORIES.contains(&c.as_str()) {
            bad(format!(
                "unknown category {c:?} (known: {})",
                CATEGORIES.join(", ")
            ));
        }
    }
    if s.categories.is_empty() {
        bad("no categories".into());
    }
    for u in &s.unconfirmed {
        if !UNCONFIRMABLE.contains(&u.as_str()) {
            bad(format!(
                "unconfirmed {u:?} is not a field that can be unconfirmed"
            ));
        }
    }
    for u in &s.unconfirmed {
        let given = match u.as_str() {
            "phone" => &s.phone,
            "text" => &s.text,
            "web" => &s.web,
            "email" => &s.email,
            "hours" => &s.hours,
            "cost" => &s.cost,
            _ => continue,
        };
        if given.is_none() {
            bad(format!(
                "unconfirmed {u:?} names a field the service does not give"
            ));
        }
    }
    // The day the organisation's own page was read, so a month alone is not enough.
    match &s.checked {
        None => bad("no checked date".into()),
        Some(d) if !is_date(d) || d.len() != 10 => {
            bad(format!("checked {d:?} is not a day (YYYY-MM-DD)"))
        }
        Some(_) => {}
    }
    check_keys(&place, &s.sources, sources, errors);
}

/// Adds each service's former id to the ids links may use, once each and never clashing with
/// a current id.
pub fn add_former_service_ids(
    services: &[ServiceEntry],
    ids: &mut BTreeSet<String>,
    errors: &mut Vec<String>,
) {
    for s in services {
        let Some(former) = &s.former_id else {
            continue;
        };
        let place = format!("services.toml [{}]", s.id);
        if former.is_empty()
            || !former
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            errors.push(format!(
                "{place}: former_id {former:?} must be lowercase letters, digits and -"
            ));
        } else if !ids.insert(former.clone()) {
            errors.push(format!(
                "{place}: former_id {former:?} is already an id or another former_id"
            ));
        }
    }
}
