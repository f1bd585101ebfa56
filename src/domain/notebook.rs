//! Her case notebook (what was said and agreed, by whom, and what she must do) and the
//! key dates (bail return, court, conferences), with search, "coming up" and calendar
//! files.

pub use crate::domain::field::FieldError;

use crate::domain::choice::choice;
use crate::domain::plan::validate::is_date;
use crate::domain::text::{self, Field};
use serde::{Deserialize, Serialize};

choice! {
    /// A kind of notebook entry. The form starts at a meeting; an entry made without one
    /// (`NoteEntry::default()`) is "not chosen", stored as "" as before, and has no label.
    pub enum EntryKind: NotChosen => "" {
        Meeting = "meeting" => "Meeting",
        Call = "call" => "Phone call",
        Visit = "visit" => "Home visit",
        Letter = "letter" => "Letter or email",
        Other = "other" => "Something else",
    }
}

choice! {
    /// A kind of key date. "Not chosen" is allowed when she gives the date a name.
    pub enum DateKind: NotChosen => "" {
        BailReturn = "bail-return" => "Bail return",
        Court = "court" => "Court hearing",
        Conference = "conference" => "Child protection conference",
        CoreGroup = "core-group" => "Core group meeting",
        PlanReview = "plan-review" => "Safety plan review",
        Meeting = "meeting" => "Meeting",
        ReplyDue = "reply-due" => "Reply due",
        Other = "other" => "Something else",
    }
}

/// One thing that happened: a meeting, call, visit or letter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteEntry {
    pub id: String,
    pub kind: EntryKind,
    /// YYYY-MM-DD.
    pub date: String,
    /// HH:MM or "".
    pub time: String,
    pub who: String,
    pub organisation: String,
    pub said: String,
    pub agreed: String,
    pub actions: Vec<Action>,
}

/// Something she must do, and by when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: String,
    pub what: String,
    /// YYYY-MM-DD or "".
    pub by: String,
    pub done: bool,
}

/// A date that matters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyDate {
    pub id: String,
    pub kind: DateKind,
    pub title: String,
    pub date: String,
    pub time: String,
    pub place: String,
    pub notes: String,
}

/// "HH:MM", 00:00 to 23:59.
pub fn is_time(text: &str) -> bool {
    let Some((h, m)) = text.split_once(':') else {
        return false;
    };
    h.len() == 2
        && m.len() == 2
        && h.parse::<u32>().is_ok_and(|h| h < 24)
        && m.parse::<u32>().is_ok_and(|m| m < 60)
}

/// Longest text in one field.
pub const MAX_TEXT: usize = 10_000;

/// What must be fixed in an entry.
pub fn validate_entry(e: &NoteEntry) -> Vec<FieldError> {
    let mut out = Vec::new();
    if e.date.is_empty() {
        out.push(FieldError::new("entry-date", "Enter the date"));
    } else if !is_date(&e.date) {
        out.push(FieldError::new(
            "entry-date",
            "The date must be a real date",
        ));
    }
    if !e.time.is_empty() && !is_time(&e.time) {
        out.push(FieldError::new(
            "entry-time",
            "The time must be a real time, like 14:30",
        ));
    }
    let empty = [&e.who, &e.organisation, &e.said, &e.agreed]
        .iter()
        .all(|t| t.trim().is_empty())
        && e.actions.iter().all(|a| a.what.trim().is_empty());
    if empty {
        out.push(FieldError::new(
            "entry-said",
            "Write who it was with, or what was said or agreed",
        ));
    }
    for (field, text) in [
        ("entry-said", &e.said),
        ("entry-agreed", &e.agreed),
        ("entry-who", &e.who),
        ("entry-organisation", &e.organisation),
    ] {
        if text.chars().count() > MAX_TEXT {
            out.push(FieldError::new(
                field,
                "This is too long: keep it under 10,000 characters",
            ));
        }
    }
    for (i, a) in e.actions.iter().enumerate() {
        if !a.by.is_empty() && !is_date(&a.by) {
            out.push(FieldError::new(
                format!("action-{}-by", a.id),
                format!("Action {}: the date must be a real date", i + 1),
            ));
        }
    }
    out
}

/// What must be fixed in a key date.
pub fn validate_date(d: &KeyDate) -> Vec<FieldError> {
    let mut out = Vec::new();
    if d.date.is_empty() {
        out.push(FieldError::new("date-date", "Enter the date"));
    } else if !is_date(&d.date) {
        out.push(FieldError::new("date-date", "The date must be a real date"));
    }
    if !d.time.is_empty() && !is_time(&d.time) {
        out.push(FieldError::new(
            "date-time",
            "The time must be a real time, like 10:00",
        ));
    }
    if d.kind == DateKind::NotChosen && d.title.trim().is_empty() {
        out.push(FieldError::new(
            "date-kind",
            "Choose what the date is for, or give it a name",
        ));
    }
    for (field, text, kind) in [
        ("date-title", &d.title, Field::Line),
        ("date-place", &d.place, Field::Line),
        ("date-notes", &d.notes, Field::Notes),
    ] {
        if let Some(message) = text::problem(text, kind) {
            out.push(FieldError::new(field, message));
        }
        if text.chars().count() > MAX_TEXT {
            out.push(FieldError::new(
                field,
                "This is too long: keep it under 10,000 characters",
            ));
        }
    }
    out
}

/// Newest first (date, then time); the same moment keeps the order she added them.
pub fn timeline(entries: &[NoteEntry]) -> Vec<&NoteEntry> {
    let mut out: Vec<&NoteEntry> = entries.iter().collect();
    out.sort_by(|a, b| (&b.date, &b.time).cmp(&(&a.date, &a.time)));
    out
}

fn entry_text(e: &NoteEntry) -> String {
    let mut text = [e.kind.label(), &e.who, &e.organisation, &e.said, &e.agreed].join(" ");
    for a in &e.actions {
        text.push(' ');
        text.push_str(&a.what);
    }
    text.to_lowercase()
}

/// Entries containing every word of `query` (any case), newest first.
pub fn search<'a>(entries: &'a [NoteEntry], query: &str) -> Vec<&'a NoteEntry> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    timeline(entries)
        .into_iter()
        .filter(|e| {
            let text = entry_text(e);
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect()
}

/// Dates from `today` to `days` days ahead, soonest first.
pub fn coming_up<'a>(dates: &'a [KeyDate], today: &str, days: u32) -> Vec<&'a KeyDate> {
    let mut end = today.to_owned();
    for _ in 0..days {
        end = next_day(&end);
    }
    let mut out: Vec<&KeyDate> = dates
        .iter()
        .filter(|d| d.date.as_str() >= today && d.date <= end)
        .collect();
    out.sort_by(|a, b| (&a.date, &a.time).cmp(&(&b.date, &b.time)));
    out
}

/// Every date from today on, soonest first, then the past ones, latest first.
pub fn upcoming_then_past<'a>(
    dates: &'a [KeyDate],
    today: &str,
) -> (Vec<&'a KeyDate>, Vec<&'a KeyDate>) {
    let (mut future, mut past): (Vec<&KeyDate>, Vec<&KeyDate>) =
        dates.iter().partition(|d| d.date.as_str() >= today);
    future.sort_by(|a, b| (&a.date, &a.time).cmp(&(&b.date, &b.time)));
    past.sort_by(|a, b| (&b.date, &b.time).cmp(&(&a.date, &a.time)));
    (future, past)
}

/// The day after a YYYY-MM-DD date (leap years included). Invalid input comes back as it is.
pub fn next_day(date: &str) -> String {
    crate::domain::date::Date::parse(date).map_or_else(|| date.to_owned(), |d| d.next().iso())
}

/// Escapes an iCalendar TEXT value.
fn ics_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 3.1).
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

/// What a calendar event is called unless she gives it a title: it says nothing of what the
/// date is for ("Bail return", "Court hearing" would tell anyone who sees her calendar).
pub const NEUTRAL_EVENT: &str = "Appointment";

/// A calendar file (.ics) with one event for `date`. Nothing in it says what it is for or
/// where it came from: it may be seen in her calendar or downloads. The event is called
/// [`NEUTRAL_EVENT`] unless she wrote her own title; the kind of date she chose stays in
/// Harbour. Without a time it is an all-day event; with one, a "floating" local time
/// (Harbour has no time-zone data offline, and the date is UK local time, which is what her
/// calendar will show).
pub fn ics(date: &KeyDate, uid_domain: &str, now_utc: &str) -> String {
    let day = date.date.replace('-', "");
    let summary = if date.title.trim().is_empty() {
        NEUTRAL_EVENT.to_owned()
    } else {
        date.title.trim().to_owned()
    };
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Calendar//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}@{uid_domain}", date.id),
        format!("DTSTAMP:{now_utc}"),
    ];
    if is_time(&date.time) {
        let start = format!("{day}T{}00", date.time.replace(':', ""));
        lines.push(format!("DTSTART:{start}"));
        lines.push(format!("DTEND:{start}"));
    } else {
        lines.push(format!("DTSTART;VALUE=DATE:{day}"));
        lines.push(format!(
            "DTEND;VALUE=DATE:{}",
            next_day(&date.date).replace('-', "")
        ));
    }
    lines.push(format!("SUMMARY:{}", ics_text(&summary)));
    if !date.place.trim().is_empty() {
        lines.push(format!("LOCATION:{}", ics_text(date.place.trim())));
    }
    if !date.notes.trim().is_empty() {
        lines.push(format!("DESCRIPTION:{}", ics_text(date.notes.trim())));
    }
    lines.push("END:VEVENT".to_owned());
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

/// A safe, neutral file name for a date's calendar file: the downloads list may be seen by
/// someone else, so it names neither Harbour nor the kind of date ("court", "bail").
pub fn ics_filename(date: &KeyDate) -> String {
    format!(
        "{}-appointment.ics",
        date.date
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '-')
            .collect::<String>()
    )
}

#[cfg(test)]
mod tests;
