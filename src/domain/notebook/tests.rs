use super::*;

fn entry(id: &str, date: &str, time: &str, said: &str) -> NoteEntry {
    NoteEntry {
        id: id.into(),
        kind: EntryKind::Meeting,
        date: date.into(),
        time: time.into(),
        said: said.into(),
        ..Default::default()
    }
}

#[test]
fn entries_need_a_date_and_something_written() {
    let e = NoteEntry::default();
    let v = validate_entry(&e);
    assert_eq!(v[0].message, "Enter the date");
    assert_eq!(
        v[1].message,
        "Write who it was with, or what was said or agreed"
    );
    let mut e = entry("1", "2026-02-30", "25:00", "x");
    let v = validate_entry(&e);
    assert_eq!(v[0].message, "The date must be a real date");
    assert_eq!(v[1].message, "The time must be a real time, like 14:30");
    e.date = "2026-02-28".into();
    e.time = "09:05".into();
    assert!(validate_entry(&e).is_empty());
    e.actions.push(Action {
        id: "a".into(),
        what: "Send letter".into(),
        by: "soon".into(),
        done: false,
    });
    assert_eq!(
        validate_entry(&e)[0].message,
        "Action 1: the date must be a real date"
    );
}

#[test]
fn the_timeline_is_newest_first_and_search_needs_every_word() {
    let entries = vec![
        entry("a", "2026-01-02", "09:00", "Bail conditions explained"),
        entry("b", "2026-03-01", "", "Social worker visit about school"),
        entry("c", "2026-01-02", "15:00", "Called the school"),
    ];
    let ids: Vec<&str> = timeline(&entries).iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["b", "c", "a"]);
    let found: Vec<&str> = search(&entries, "SCHOOL")
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(found, ["b", "c"]);
    assert_eq!(search(&entries, "school visit").len(), 1);
    assert_eq!(search(&entries, "").len(), 3);
    assert!(search(&entries, "nothing-like-this").is_empty());
}

#[test]
fn dates_coming_up() {
    let d = |id: &str, date: &str| KeyDate {
        id: id.into(),
        kind: DateKind::Court,
        date: date.into(),
        ..Default::default()
    };
    let dates = vec![
        d("past", "2026-11-01"),
        d("today", "2026-11-23"),
        d("soon", "2026-12-10"),
        d("later", "2027-03-01"),
    ];
    let ids: Vec<&str> = coming_up(&dates, "2026-11-23", 30)
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(ids, ["today", "soon"]);
    let (future, past) = upcoming_then_past(&dates, "2026-11-23");
    assert_eq!(future.len(), 3);
    assert_eq!(past[0].id, "past");
    assert!(validate_date(&KeyDate::default()).len() == 2);
}

#[test]
fn next_day_knows_months_and_leap_years() {
    assert_eq!(next_day("2026-11-23"), "2026-11-24");
    assert_eq!(next_day("2026-11-30"), "2026-12-01");
    assert_eq!(next_day("2026-12-31"), "2027-01-01");
    assert_eq!(next_day("2028-02-28"), "2028-02-29");
    assert_eq!(next_day("2027-02-28"), "2027-03-01");
    assert_eq!(next_day("nonsense"), "nonsense");
}

#[test]
fn calendar_files_follow_rfc_5545() {
    let date = KeyDate {
        id: "abc".into(),
        kind: DateKind::Court,
        title: "".into(),
        date: "2028-02-29".into(),
        time: "".into(),
        place: "Leeds Crown Court; Court 3, Oxford Row".into(),
        notes: "Bring the letter.\nAsk about reports, and the \\ date".into(),
    };
    let ics = ics(&date, "calendar.invalid", "20261123T210000Z");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(
        !ics.to_lowercase().contains("harbour"),
        "a calendar file never names the app"
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "only CRLF line ends"
    );
    assert!(ics.contains("DTSTART;VALUE=DATE:20280229\r\n"));
    assert!(
        ics.contains("DTEND;VALUE=DATE:20280301\r\n"),
        "all day, ending the next day"
    );
    assert!(
        ics.contains("SUMMARY:Appointment\r\n"),
        "an event says nothing of what it is for unless she names it"
    );
    assert!(ics.contains("LOCATION:Leeds Crown Court\\; Court 3\\, Oxford Row\r\n"));
    assert!(ics.contains("UID:abc@calendar.invalid"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "folded: {line:?}");
    }
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains("DESCRIPTION:Bring the letter.\\nAsk about reports\\, and the \\\\ date")
    );
    let timed = super::ics(
        &KeyDate {
            time: "10:30".into(),
            ..date.clone()
        },
        "h",
        "20261123T210000Z",
    );
    assert!(timed.contains("DTSTART:20280229T103000\r\n"));
    assert_eq!(ics_filename(&date), "2028-02-29-appointment.ics");
}

#[test]
fn folding_never_splits_a_character() {
    let date = KeyDate {
        id: "x".into(),
        kind: DateKind::Other,
        title: "é".repeat(100),
        date: "2026-01-01".into(),
        ..Default::default()
    };
    let ics = ics(&date, "h", "20260101T000000Z");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75);
    }
    assert!(ics.replace("\r\n ", "").contains(&"é".repeat(100)));
}

#[test]
fn calendar_files_say_nothing_of_what_the_date_is_for() {
    let words = [
        "harbour",
        "bail",
        "court",
        "police",
        "conference",
        "child",
        "protection",
        "core",
        "safety",
        "plan",
        "key dates",
        "social",
    ];
    for &kind in DateKind::ALL {
        let date = KeyDate {
            id: "x1".into(),
            kind,
            date: "2027-01-05".into(),
            time: "10:00".into(),
            ..Default::default()
        };
        let text = format!(
            "{}{}",
            ics(&date, "calendar.invalid", "20261123T210000Z"),
            ics_filename(&date)
        )
        .to_lowercase();
        for word in words {
            assert!(!text.contains(word), "{kind:?}: {word:?} in {text}");
        }
        assert!(text.contains("summary:appointment\r\n"));
    }
    let named = KeyDate {
        id: "x2".into(),
        kind: DateKind::Court,
        title: "Dentist".into(),
        date: "2027-01-05".into(),
        ..Default::default()
    };
    assert!(ics(&named, "calendar.invalid", "20261123T210000Z").contains("SUMMARY:Dentist\r\n"));
}

#[test]
fn typed_dates_are_checked_for_hidden_characters() {
    let mut date = KeyDate {
        id: "d".into(),
        kind: DateKind::Court,
        date: "2027-01-05".into(),
        ..Default::default()
    };
    assert!(validate_date(&date).is_empty());
    date.title = "Meet\u{202E}ing".into();
    assert_eq!(validate_date(&date)[0].field, "date-title");
    date.title = "Meeting".into();
    date.notes = "Bring 👩‍👧 photos\nand letters".into();
    assert!(validate_date(&date).is_empty(), "notes keep emoji joiners");
    date.kind = DateKind::NotChosen;
    assert!(
        validate_date(&date).is_empty(),
        "a named date needs no kind"
    );
    date.title = String::new();
    assert_eq!(validate_date(&date)[0].field, "date-kind");
}

#[test]
fn the_lists_she_picks_from_are_stored_as_before() {
    use crate::domain::choice::tests::{not_chosen_is_empty, stored_as};
    stored_as::<EntryKind>(&["meeting", "call", "visit", "letter", "other"]);
    not_chosen_is_empty(EntryKind::NotChosen);
    stored_as::<DateKind>(&[
        "bail-return",
        "court",
        "conference",
        "core-group",
        "plan-review",
        "meeting",
        "reply-due",
        "other",
    ]);
    not_chosen_is_empty(DateKind::NotChosen);
    assert_eq!(EntryKind::Letter.label(), "Letter or email");
    assert_eq!(DateKind::Conference.label(), "Child protection conference");
}

#[test]
fn a_date_of_a_kind_no_list_has_is_refused() {
    let json = r#"{"id":"d","kind":"made-up","title":"","date":"2027-01-05","time":"","place":"","notes":""}"#;
    let why = serde_json::from_str::<KeyDate>(json).unwrap_err();
    assert!(
        why.to_string().contains("unknown variant `made-up`"),
        "{why}"
    );
}
