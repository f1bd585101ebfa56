use super::*;
use crate::domain::data::AppData;
use crate::domain::envelope::{document, encode};
use crate::domain::migrate::LATEST;
use crate::domain::notebook::{DateKind, KeyDate, NoteEntry};
use crate::domain::sealed::{new_kdf, SALT_LEN};
use crate::domain::share::{Contact, Role};
use serde_json::json;

fn snapshot() -> Snapshot {
    Snapshot {
        data: AppData {
            notes: "CANARY".into(),
            notebook: vec![NoteEntry {
                id: "1".into(),
                date: "2026-11-23".into(),
                said: "a".into(),
                ..Default::default()
            }],
            ..AppData::default()
        },
        ..Snapshot::default()
    }
}

fn make() -> (String, Key) {
    let key = Key::from_bytes([5; 32]);
    let stored = encode(&snapshot(), "2026-11-23T21:00:00Z");
    (
        export(
            &stored,
            "2026-11-23T21:00:00Z",
            &key,
            &new_kdf([1; SALT_LEN]),
            [2; IV_LEN],
        ),
        key,
    )
}

#[test]
fn round_trip() {
    let (text, key) = make();
    assert!(!text.contains("CANARY"), "the contents are sealed");
    let file = parse(&text, LATEST).unwrap();
    assert_eq!(
        open(&file, &key).unwrap(),
        Contents::Snapshot(Box::new(snapshot()))
    );
    assert_eq!(
        open(&file, &Key::from_bytes([6; 32])),
        Err(ImportError::WrongPassphraseOrDamaged)
    );
}

#[test]
fn the_file_names_nothing() {
    let (text, _) = make();
    assert!(
        !text.to_lowercase().contains("harbour"),
        "a backup never names the app: {text}"
    );
    assert!(text.contains("\"format\": \"notes-backup\""));
}

#[test]
fn a_version_1_backup_still_opens() {
    // Made by Harbour before version 2 (marker "harbour-backup"): frozen, never edit.
    let text = include_str!("../../../tests/fixtures/backup-1.json");
    let file = parse(text, LATEST).unwrap();
    let Contents::Snapshot(snapshot) = open(&file, &Key::from_bytes([5; 32])).unwrap() else {
        panic!("a version 1 backup holds her data");
    };
    assert_eq!(snapshot.data.notes, "CANARY in a version 1 backup");
    assert_eq!(snapshot.data.contacts[0].name, "Ms A");
    assert_eq!(
        open(&file, &Key::from_bytes([6; 32])),
        Err(ImportError::WrongPassphraseOrDamaged)
    );
}

#[test]
fn a_kept_copy_of_unreadable_text_opens_as_that_text() {
    let key = Key::from_bytes([5; 32]);
    let raw = "{\"schema\":1, broken CANARY";
    let text = export(raw, "t", &key, &new_kdf([1; SALT_LEN]), [3; IV_LEN]);
    assert!(is_sealed_file(&text));
    assert!(!is_sealed_file(raw));
    let file = parse(&text, LATEST).unwrap();
    assert_eq!(open(&file, &key).unwrap(), Contents::Text(raw.into()));
    assert_eq!(open_raw(&file, &key).unwrap(), raw.as_bytes());
}

#[test]
fn foreign_newer_and_broken_files_are_refused_before_any_key_work() {
    assert_eq!(parse("not json", 5), Err(ImportError::NotAFile));
    assert_eq!(parse("[1]", 5), Err(ImportError::NotAFile));
    assert_eq!(
        parse(r#"{"format":"something-else"}"#, 5),
        Err(ImportError::Foreign)
    );
    assert_eq!(
        parse(r#"{"format":"notes-backup","version":3}"#, 5),
        Err(ImportError::NewerVersion(3))
    );
    assert_eq!(
        parse(r#"{"format":"harbour-backup","version":2}"#, 5),
        Err(ImportError::NewerVersion(2))
    );
    let v1 = include_str!("../../../tests/fixtures/backup-1.json");
    assert_eq!(parse(v1, 4), Err(ImportError::NewerSchema(5)));
    let (text, _) = make();
    assert!(matches!(
        parse(&text.replace("600000", "1"), 5),
        Err(ImportError::Damaged(_))
    ));
    assert!(matches!(
        parse(
            &text.replace("\"version\": 2,", "\"version\": 2, \"schema\": 5,"),
            5
        ),
        Err(ImportError::Damaged(_))
    ));
    assert_eq!(
        parse(&"x".repeat(MAX_BYTES + 1), 5),
        Err(ImportError::TooLarge)
    );
}

#[test]
fn a_newer_schema_inside_is_said_after_opening() {
    let key = Key::from_bytes([5; 32]);
    let stored = format!(
        r#"{{"schema":{},"saved_at":"t","public":{{"exit_url":"x","discreet":false,"lock_minutes":5}},"data":{{}}}}"#,
        LATEST + 1
    );
    let text = export(&stored, "t", &key, &new_kdf([1; SALT_LEN]), [3; IV_LEN]);
    let file = parse(&text, LATEST).unwrap();
    assert_eq!(open(&file, &key), Err(ImportError::NewerSchema(LATEST + 1)));
}

#[test]
fn every_truncation_is_refused_cleanly() {
    let (text, key) = make();
    for len in 0..text.len() {
        if !text.is_char_boundary(len) {
            continue;
        }
        if let Ok(file) = parse(&text[..len], LATEST) {
            assert!(open(&file, &key).is_err(), "a file cut at {len} opened");
        }
    }
}

#[test]
fn changed_bytes_and_header_edits_are_caught() {
    let (text, key) = make();
    let file = parse(&text, LATEST).unwrap();
    let mut edited = file.clone();
    edited.created = "2020-01-01T00:00:00Z".into();
    assert_eq!(
        open(&edited, &key),
        Err(ImportError::WrongPassphraseOrDamaged),
        "the header is authenticated"
    );
    let bytes: Vec<char> = file.data.chars().collect();
    for i in (0..bytes.len()).step_by(7) {
        let mut changed = bytes.clone();
        changed[i] = if changed[i] == 'A' { 'B' } else { 'A' };
        let f = BackupFile {
            data: changed.into_iter().collect(),
            ..file.clone()
        };
        assert!(open(&f, &key).is_err());
    }
}

#[test]
fn imported_contacts_and_dates_pass_the_checks_typed_ones_do() {
    let mut s = snapshot();
    assert!(problems(&s).is_empty());
    s.data.contacts.push(Contact {
        id: "c1".into(),
        role: Role::SupportWorker,
        name: "Safe name".into(),
        ..Default::default()
    });
    s.data.contacts.push(Contact {
        id: "c2".into(),
        role: Role::SupportWorker,
        name: "\u{202E}ecilop".into(),
        ..Default::default()
    });
    s.data.dates.push(KeyDate {
        id: "d1".into(),
        kind: DateKind::Court,
        date: "2026-02-30".into(),
        ..Default::default()
    });
    s.data.dates.push(KeyDate {
        id: "d2".into(),
        kind: DateKind::Court,
        date: "2026-02-03".into(),
        place: "Court\u{200B}3".into(),
        ..Default::default()
    });
    assert_eq!(
        problems(&s),
        vec![
            "Contact 2: This has characters that cannot be seen, or that change the direction of the text. Delete it and type it again.",
            "Key date 1: The date must be a real date.",
            "Key date 2: This has characters that cannot be seen, or that change the direction of the text. Delete it and type it again.",
        ]
    );
}

#[test]
fn the_summary_counts_what_is_inside() {
    let s = summary(&document(&snapshot()));
    assert!(s.contains(&("notebook entries".to_owned(), 1)));
    assert!(s.contains(&("key dates".to_owned(), 0)));
    assert!(s.contains(&("safety plan".to_owned(), 0)));
    assert!(s.contains(&("page of free notes".to_owned(), 1)));
}

#[test]
fn merging_keeps_everything_here_and_adds_what_is_new() {
    let current = json!({"public": {"p": 1}, "data": {"notes": "mine", "notebook": [{"id": "1", "said": "here"}], "contacts": [],
        "plan": {"body": {"situation": "", "sections": [{"id": "home", "rules": [{"id": "r1", "text": "mine"}]}]}}}});
    let incoming = json!({"public": {"p": 2}, "data": {"notes": "theirs", "notebook": [{"id": "1", "said": "there"}, {"id": "2", "said": "new"}],
        "contacts": [{"id": "c"}], "plan": {"body": {"situation": "at-home", "sections": [{"id": "home", "rules": [{"id": "r2", "text": "theirs"}]}, {"id": "devices", "rules": []}]}}}});
    let m = merge(&current, &incoming);
    assert_eq!(
        m["public"],
        json!({"p": 1}),
        "settings stay as they are here"
    );
    assert_eq!(m["data"]["notes"], "mine");
    assert_eq!(
        m["data"]["notebook"],
        json!([{"id": "1", "said": "here"}, {"id": "2", "said": "new"}])
    );
    assert_eq!(m["data"]["contacts"], json!([{"id": "c"}]));
    assert_eq!(
        m["data"]["plan"]["body"]["situation"], "at-home",
        "empty text is filled from the backup"
    );
    assert_eq!(m["data"]["plan"]["body"]["sections"][1]["id"], "devices");
    assert_eq!(
        m["data"]["plan"]["body"]["sections"][0]["rules"],
        json!([{"id": "r1", "text": "mine"}]),
        "an item here stays as it is here"
    );
}

#[test]
fn messages_are_plain() {
    for e in [
        ImportError::TooLarge,
        ImportError::Foreign,
        ImportError::NewerSchema(9),
        ImportError::Damaged("x".into()),
        ImportError::WrongPassphraseOrDamaged,
    ] {
        assert!(e.message().ends_with('.'));
    }
}

#[test]
fn a_real_snapshot_survives_backup_and_merge() {
    let (text, key) = make();
    let Contents::Snapshot(back) = open(&parse(&text, LATEST).unwrap(), &key).unwrap() else {
        panic!("expected her data");
    };
    assert_eq!(*back, snapshot());
    let mut other = Snapshot::default();
    other.data.notebook.push(NoteEntry {
        id: "2".into(),
        date: "2026-11-24".into(),
        said: "y".into(),
        ..Default::default()
    });
    let merged =
        crate::domain::envelope::read_document(&merge(&document(&other), &document(&back)), LATEST)
            .unwrap();
    assert_eq!(merged.data.notebook.len(), 2);
    assert_eq!(merged.data.notes, "CANARY");
}

#[test]
fn where_she_lives_travels_in_a_backup_and_fills_in_only_an_unanswered_device() {
    use crate::domain::data::Snapshot;
    use crate::domain::envelope::{document, read_document};
    use crate::domain::nation::Residence;
    let mut snapshot = Snapshot::default();
    snapshot.data.nation = Residence::Scotland;
    let key = Key::from_bytes([2; 32]);
    let stored = encode(&snapshot, "t");
    let text = export(&stored, "t", &key, &new_kdf([2; SALT_LEN]), [2; IV_LEN]);
    let Ok(Contents::Snapshot(back)) = open(&parse(&text, LATEST).unwrap(), &key) else {
        panic!("the backup opens as her data");
    };
    assert_eq!(back.data.nation, Residence::Scotland);
    // Restored onto a phone where she has not answered: the backup's answer is taken.
    let fresh = Snapshot::default();
    let merged = read_document(&merge(&document(&fresh), &document(&back)), LATEST).unwrap();
    assert_eq!(merged.data.nation, Residence::Scotland);
    // Where she has answered, her answer on this phone stays.
    let mut here = Snapshot::default();
    here.data.nation = Residence::Wales;
    let merged = read_document(&merge(&document(&here), &document(&back)), LATEST).unwrap();
    assert_eq!(merged.data.nation, Residence::Wales);
}
