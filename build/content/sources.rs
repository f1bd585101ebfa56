//! The source registry (`sources.toml` and `sources/*.toml`): each source's dates, and the
//! rule that every source is cited somewhere. Addresses are checked by `hosts`.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// Every source, by key.
pub type Sources = BTreeMap<String, SourceEntry>;

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    pub title: String,
    /// The publisher's own https address.
    pub url: String,
    /// The publisher's own date: "2025-05-14", "2025-05", "2025" or "undated".
    pub published: String,
    /// The day its text was read for Harbour: "2026-12-04".
    pub read: Option<String>,
    /// Anything a checker needs to know (where the text was read, what it covers).
    pub note: Option<String>,
    /// The old name of `read`, which stamped a month on every source whether or not it was
    /// read. Kept only to say it is gone: the build rejects it.
    pub checked: Option<toml::Value>,
    /// The file it is defined in ("sources.toml", "sources/law-ew.toml"), for messages.
    #[serde(skip)]
    pub file: String,
}

/// The earliest and latest read dates the build accepts. A read date before 2000 or after
/// the end of the year Harbour is being written in is a typo, not a reading.
pub const READ_FROM: &str = "2000-01-01";
pub const READ_UNTIL: &str = "2026-12-31";

fn digits(s: &str, len: usize, lo: u32, hi: u32) -> bool {
    s.len() == len
        && s.chars().all(|c| c.is_ascii_digit())
        && (lo..=hi).contains(&s.parse().unwrap_or(0))
}

/// "2026-11" or "2026-11-23", a real month and day.
pub fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [y, m] => digits(y, 4, 1900, 2100) && digits(m, 2, 1, 12),
        [y, m, d] => {
            let days = match m.parse::<u32>().unwrap_or(0) {
                2 => 29,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            digits(y, 4, 1900, 2100) && digits(m, 2, 1, 12) && digits(d, 2, 1, days)
        }
        _ => false,
    }
}

/// A full date, "2026-12-04".
pub fn is_full_date(text: &str) -> bool {
    text.len() == 10 && is_date(text)
}

/// A publisher's own date: "2025-05-14", "2025-05", "2025" or "undated". No "c. 2012":
/// a guessed date is not the publisher's; say "undated" and put the guess in `note`.
pub fn is_published(text: &str) -> bool {
    text == "undated" || digits(text, 4, 1900, 2100) || is_date(text)
}

/// Checks each source's title, dates and fields. (Its address is checked by `hosts`.)
pub fn check_sources(sources: &Sources, errors: &mut Vec<String>) {
    for (key, s) in sources {
        let mut bad = |what: String| errors.push(format!("{} [{key}]: {what}", s.file));
        if s.title.trim().is_empty() {
            bad("no title".into());
        }
        if s.checked.is_some() {
            bad("`checked` is no longer used: give `read`, the day you read its text".into());
        }
        if !is_published(&s.published) {
            bad(format!(
                "published {:?} must be the publisher's date (YYYY-MM-DD, YYYY-MM or YYYY) or \"undated\"",
                s.published
            ));
        }
        match &s.read {
            None => bad("no read date: give `read`, the day you read its text (YYYY-MM-DD)".into()),
            Some(d) if !is_full_date(d) => bad(format!("read {d:?} is not a full date YYYY-MM-DD")),
            Some(d) if d.as_str() < READ_FROM || d.as_str() > READ_UNTIL => bad(format!(
                "read {d:?} is not between {READ_FROM} and {READ_UNTIL}"
            )),
            // Text order is date order here, and a month or year compares as earlier than
            // any day in it, so a page published "2026-12" may be read on "2026-12-04".
            Some(d) if is_date(&s.published) && s.published.as_str() > d.as_str() => bad(format!(
                "published {:?} is after read {d:?}: it cannot have been read before it was published",
                s.published
            )),
            Some(_) => {}
        }
        if s.note.as_deref().is_some_and(|n| n.trim().is_empty()) {
            bad("note is empty: leave it out or say something".into());
        }
    }
}

/// Checks that every key exists and that there is at least one.
pub fn check_keys(place: &str, keys: &[String], sources: &Sources, errors: &mut Vec<String>) {
    if keys.is_empty() {
        errors.push(format!("{place}: no sources"));
    }
    for key in keys {
        if !sources.contains_key(key) {
            errors.push(format!("{place}: source {key:?} is not in sources.toml"));
        }
    }
}

/// Fails every source nothing cites: a source in the registry is there because some page,
/// term, service, question list, plan section or children's entry stands on it. An unused
/// one is either forgotten (delete it) or a citation is missing.
pub fn check_every_source_cited(
    sources: &Sources,
    cited: &BTreeSet<String>,
    errors: &mut Vec<String>,
) {
    for (key, s) in sources.iter().filter(|(k, _)| !cited.contains(*k)) {
        errors.push(format!(
            "{} [{key}]: nothing cites this source: cite it or delete it",
            s.file
        ));
    }
}

/// Every source key something cites: guide pages, glossary terms, question lists,
/// services, safety-plan sections and rules, and the children's guidance.
pub fn cited_by(
    pages: &[super::guide::Page],
    terms: &[super::data::TermEntry],
    lists: &[super::data::QuestionListEntry],
    services: &[super::data::ServiceEntry],
    plan: Option<&super::data::SafetyPlanFile>,
    children: Option<&super::data::ChildrenFile>,
) -> BTreeSet<String> {
    let mut keys: BTreeSet<String> = BTreeSet::new();
    for p in pages {
        keys.extend(p.front.sources.iter().chain(&p.cited).cloned());
    }
    keys.extend(terms.iter().flat_map(|t| t.sources.iter().cloned()));
    keys.extend(lists.iter().flat_map(|l| l.sources.iter().cloned()));
    keys.extend(services.iter().flat_map(|s| s.sources.iter().cloned()));
    for section in plan.iter().flat_map(|p| &p.section) {
        keys.extend(section.sources.iter().cloned());
        keys.extend(section.rule.iter().map(|r| r.source.clone()));
    }
    if let Some(c) = children {
        for g in &c.general {
            keys.extend(g.sources.iter().cloned());
        }
        for b in &c.band {
            keys.extend(b.sources.iter().cloned());
            keys.extend(b.phrase.iter().map(|p| p.source.clone()));
            keys.extend(b.question.iter().map(|q| q.source.clone()));
        }
        keys.extend(c.afterwards.sources.iter().cloned());
        keys.extend(c.school.sources.iter().cloned());
    }
    keys
}
