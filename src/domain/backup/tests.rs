use super::*;
use crate::domain::sealed::{new_kdf, SALT_LEN};
use serde_json::json;

fn doc() -> Value {
    json!({"public": {"exit_url": "x", "discreet": false, "lock_minutes": 5},
           "data": {"notes": "CANARY", "notebook": [{"id": "1", "said": "a"}], "dates": [], "contacts": [], "children": [],
                    "plan": {"body": {"situation": "at-home"}, "versions": []}}})
}

fn make() -> (String, Key) {
    let key = Key::from_bytes([5; 32]);
    (
        export(
            &doc(),
            5,
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
    let file = parse(&text, 5).unwrap();
    assert_eq!(open(&file, &key).unwrap(), doc());
    assert_eq!(
        open(&file, &Key::from_bytes([6; 32])),
        Err(ImportError::WrongPassphraseOrDamaged)
    );
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
        parse(r#"{"format":"harbour-backup","version":2}"#, 5),
        Err(ImportError::NewerVersion(2))
    );
    let (text, _) = make();
    assert_eq!(parse(&text, 4), Err(ImportError::NewerSchema(5)));
    assert!(matches!(
        parse(&text.replace("600000", "1"), 5),
        Err(ImportError::Damaged(_))
    ));
    assert_eq!(
        parse(&"x".repeat(MAX_BYTES + 1), 5),
        Err(ImportError::TooLarge)
    );
}

#[test]
fn every_truncation_is_refused_cleanly() {
    let (text, key) = make();
    for len in 0..text.len() {
        if !text.is_char_boundary(len) {
            continue;
        }
        if let Ok(file) = parse(&text[..len], 5) {
            assert!(open(&file, &key).is_err(), "a file cut at {len} opened");
        }
    }
}

#[test]
fn changed_bytes_and_header_edits_are_caught() {
    let (text, key) = make();
    let file = parse(&text, 5).unwrap();
    let mut edited = file.clone();
    edited.created = "2020-01-01T00:00:00Z".into();
    assert_eq!(
        open(&edited, &key),
        Err(ImportError::WrongPassphraseOrDamaged),
        "the header is authenticated"
    );
    let mut edited = file.clone();
    edited.schema = 4;
    assert_eq!(
        open(&edited, &key),
        Err(ImportError::WrongPassphraseOrDamaged)
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
fn the_summary_counts_what_is_inside() {
    let s = summary(&doc());
    assert!(s.contains(&("notebook entries".to_owned(), 1)));
    assert!(s.contains(&("key dates".to_owned(), 0)));
    assert!(s.contains(&("safety plan".to_owned(), 1)));
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
    use crate::domain::data::{AppData, Snapshot};
    use crate::domain::envelope::{document, read_document};
    use crate::domain::migrate::LATEST;
    use crate::domain::notebook::NoteEntry;
    let snapshot = Snapshot {
        data: AppData {
            notes: "CANARY".into(),
            notebook: vec![NoteEntry {
                id: "1".into(),
                date: "2026-11-23".into(),
                said: "x".into(),
                ..Default::default()
            }],
            ..AppData::default()
        },
        ..Snapshot::default()
    };
    let key = Key::from_bytes([1; 32]);
    let text = export(
        &document(&snapshot),
        LATEST,
        "t",
        &key,
        &new_kdf([1; SALT_LEN]),
        [1; IV_LEN],
    );
    let back = read_document(&open(&parse(&text, LATEST).unwrap(), &key).unwrap(), LATEST).unwrap();
    assert_eq!(back, snapshot);
    let mut other = Snapshot::default();
    other.data.notebook.push(NoteEntry {
        id: "2".into(),
        date: "2026-11-24".into(),
        said: "y".into(),
        ..Default::default()
    });
    let merged = read_document(&merge(&document(&other), &document(&snapshot)), LATEST).unwrap();
    assert_eq!(merged.data.notebook.len(), 2);
    assert_eq!(merged.data.notes, "CANARY");
}

#[test]
fn where_she_lives_travels_in_a_backup_and_fills_in_only_an_unanswered_device() {
    use crate::domain::data::Snapshot;
    use crate::domain::envelope::{document, read_document};
    use crate::domain::migrate::LATEST;
    use crate::domain::nation::Residence;
    let mut snapshot = Snapshot::default();
    snapshot.data.nation = Residence::Scotland;
    let key = Key::from_bytes([2; 32]);
    let text = export(
        &document(&snapshot),
        LATEST,
        "t",
        &key,
        &new_kdf([2; SALT_LEN]),
        [2; IV_LEN],
    );
    let back = read_document(&open(&parse(&text, LATEST).unwrap(), &key).unwrap(), LATEST).unwrap();
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
