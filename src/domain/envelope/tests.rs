use super::*;
use crate::domain::sealed::{new_kdf, SALT_LEN};

fn sample() -> Snapshot {
    Snapshot {
        public: PublicSettings::default(),
        data: AppData {
            notes: "Bail return 3 March. Ask about the school.".into(),
            ..AppData::default()
        },
    }
}

#[test]
fn round_trips_at_latest() {
    let text = encode(&sample(), "2026-11-23T21:00:00.000Z");
    match load(Some(&text)) {
        Loaded::Ready {
            snapshot,
            saved_at,
            migrated_from,
            lineage,
        } => {
            assert_eq!(snapshot, sample());
            assert_eq!(saved_at, "2026-11-23T21:00:00.000Z");
            assert!(lineage.is_empty(), "a copy has no lineage");
            assert_eq!(migrated_from, None);
        }
        other => panic!("expected Ready, got {other:?}"),
    }
}

#[test]
fn sealed_round_trips_and_hides_her_words() {
    let key = Key::from_bytes([9; 32]);
    let kdf = new_kdf([4; SALT_LEN]);
    let text = encode_sealed(&sample(), "t", &key, &kdf, [5; BOUND_IV_LEN]);
    assert!(
        !text.contains("Bail return"),
        "the canary is not in the stored text"
    );
    let Loaded::Locked(locked) = load(Some(&text)) else {
        panic!("expected Locked");
    };
    assert_eq!(
        locked.public,
        sample().public,
        "the clear settings are readable while locked"
    );
    let opened = open_locked(&locked, &key).unwrap();
    assert_eq!(opened.snapshot, sample());
    assert_eq!(opened.migrated_from, None);
    assert_eq!(opened.before, None);
    assert_eq!(
        open_locked(&locked, &Key::from_bytes([8; 32])),
        Err(UnlockError::WrongPassphrase)
    );
}

#[test]
fn nothing_stored_is_empty() {
    assert_eq!(load(None), Loaded::Empty);
}

#[test]
fn garbage_and_wrong_shapes_are_unreadable() {
    let public = r#""public":{"exit_url":"a","discreet":false,"lock_minutes":5}"#;
    for text in [
        "".to_owned(),
        "{".to_owned(),
        "null".to_owned(),
        "[1,2]".to_owned(),
        "\"harbour\"".to_owned(),
        r#"{"schema":1}"#.to_owned(),
        format!(r#"{{"schema":"1","saved_at":"x",{public},"data":{{"notes":""}}}}"#),
        format!(r#"{{"schema":1,"saved_at":"x",{public},"data":{{"notes":42}}}}"#),
        format!(r#"{{"schema":1,"saved_at":"x",{public},"data":{{}}}}"#),
        format!(r#"{{"schema":1,"saved_at":"x",{public},"data":{{"notes":"","x":1}}}}"#),
        format!(r#"{{"schema":1,"saved_at":"x",{public},"data":{{"notes":""}},"more":1}}"#),
        format!(r#"{{"schema":0,"saved_at":"x",{public},"data":{{"notes":""}}}}"#),
        format!(r#"{{"schema":1,"saved_at":"x",{public}}}"#),
        format!(r#"{{"schema":1,"saved_at":"x",{public},"data":{{"notes":""}},"sealed":{{}}}}"#),
        format!(r#"{{"schema":1,"saved_at":"x",{public},"sealed":{{"cipher":"AES-256-GCM"}}}}"#),
        format!(
            r#"{{"schema":1,"saved_at":"x",{public},"sealed":{{"cipher":"AES-256-GCM","kdf":{{"name":"PBKDF2-SHA256","iterations":1,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="}},"iv":"","data":""}}}}"#
        ),
        r#"{"schema":-1,"saved_at":"x","public":{},"data":{}}"#.to_owned(),
        r#"{"schema":1.5,"saved_at":"x","public":{},"data":{}}"#.to_owned(),
    ] {
        assert!(
            matches!(load(Some(&text)), Loaded::Unreadable { .. }),
            "{text:?} should be unreadable"
        );
    }
}

#[test]
fn newer_schema_is_left_alone_but_its_exit_setting_is_kept() {
    let text = format!(
        r#"{{"schema":{},"saved_at":"x","public":{{"exit_url":"https://example.org/","discreet":true,"lock_minutes":5}},"data":{{"future":[1]}}}}"#,
        LATEST + 1
    );
    match load(Some(&text)) {
        Loaded::TooNew { schema, public } => {
            assert_eq!(schema, LATEST + 1);
            assert_eq!(public.unwrap().exit_url, "https://example.org/");
        }
        other => panic!("expected TooNew, got {other:?}"),
    }
}

fn sealed_sample(public: PublicSettings) -> (String, Key) {
    let key = Key::from_bytes([9; 32]);
    let snapshot = Snapshot { public, ..sample() };
    let text = encode_sealed(
        &snapshot,
        "t",
        &key,
        &new_kdf([4; SALT_LEN]),
        [5; BOUND_IV_LEN],
    );
    (text, key)
}

fn locked(text: &str) -> Locked {
    match load(Some(text)) {
        Loaded::Locked(locked) => locked,
        other => panic!("expected Locked, got {other:?}"),
    }
}

#[test]
fn changed_clear_settings_are_caught_said_and_can_be_put_back() {
    let chosen = PublicSettings {
        exit_url: "https://www.bbc.co.uk/weather".into(),
        discreet: true,
        lock_minutes: 1,
    };
    let (text, key) = sealed_sample(chosen.clone());
    let tampered = text
        .replace("\"discreet\":true", "\"discreet\":false")
        .replace("https://www.bbc.co.uk/weather", "https://tracker.example/")
        .replace("\"lock_minutes\":1", "\"lock_minutes\":60");
    assert_ne!(tampered, text);
    let Err(UnlockError::SettingsChanged(found)) = open_locked(&locked(&tampered), &key) else {
        panic!("changed settings must not open");
    };
    assert_eq!(
        found.changes,
        vec![
            "Quick exit was set to open https://tracker.example/. You chose https://www.bbc.co.uk/weather.",
            "Discreet mode was turned off. You had it on.",
            "The time before it locks was set to 60 minutes. You chose 1.",
        ]
    );
    assert_eq!(found.restored.public, chosen, "her own settings are kept");
    let opened = open_locked(&found.restored, &key).unwrap();
    assert_eq!(opened.snapshot.public, chosen);
    assert_eq!(opened.snapshot.data, sample().data);
    assert_eq!(
        open_locked(&locked(&tampered), &Key::from_bytes([8; 32])),
        Err(UnlockError::WrongPassphrase),
        "a wrong passphrase is still told apart from changed settings"
    );
}

#[test]
fn settings_put_back_to_an_older_value_or_a_changed_time_are_caught() {
    let (text, key) = sealed_sample(PublicSettings::default());
    let (older, _) = sealed_sample(PublicSettings {
        discreet: true,
        ..PublicSettings::default()
    });
    // The clear part of another save, with this save's sealed data.
    let mut rolled: Value = serde_json::from_str(&text).unwrap();
    let other: Value = serde_json::from_str(&older).unwrap();
    rolled["public"] = other["public"].clone();
    let rolled = serde_json::to_string(&rolled).unwrap();
    assert!(matches!(
        open_locked(&locked(&rolled), &key),
        Err(UnlockError::SettingsChanged(_))
    ));
    let retimed = text.replace("\"saved_at\":\"t\"", "\"saved_at\":\"u\"");
    let Err(UnlockError::SettingsChanged(found)) = open_locked(&locked(&retimed), &key) else {
        panic!("a changed header must not open");
    };
    assert_eq!(
        found.changes,
        vec!["The saved details that are not locked were changed."]
    );
}

#[test]
fn sealed_data_moved_under_another_header_does_not_open() {
    let (a, key) = sealed_sample(PublicSettings::default());
    let (b, _) = sealed_sample(PublicSettings {
        lock_minutes: 30,
        ..PublicSettings::default()
    });
    let a: Value = serde_json::from_str(&a).unwrap();
    let mut mixed: Value = serde_json::from_str(&b).unwrap();
    // Keep b's sealed header (it matches b's clear header) but a's sealed data.
    let sealed_a: Sealed = serde_json::from_value(a["sealed"].clone()).unwrap();
    let mut sealed_b: Sealed = serde_json::from_value(mixed["sealed"].clone()).unwrap();
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let (da, db) = (
        b64.decode(&sealed_a.data).unwrap(),
        b64.decode(&sealed_b.data).unwrap(),
    );
    let header_end = |d: &[u8]| 4 + u32::from_be_bytes(d[..4].try_into().unwrap()) as usize;
    let mut spliced = db[..header_end(&db)].to_vec();
    spliced.extend_from_slice(&da[header_end(&da)..]);
    sealed_b.data = b64.encode(spliced);
    mixed["sealed"] = serde_json::to_value(&sealed_b).unwrap();
    let result = open_locked(&locked(&serde_json::to_string(&mixed).unwrap()), &key);
    assert!(
        matches!(result, Err(UnlockError::Unreadable(_))),
        "{result:?}"
    );
}

#[test]
fn data_sealed_in_format_1_still_opens() {
    // Sealed format 1, as Harbour wrote it before format 2: frozen, never edit.
    let text = include_str!("../../../tests/fixtures/sealed-1.json");
    let opened = open_locked(&locked(text), &Key::from_bytes([7; 32])).unwrap();
    assert_eq!(opened.snapshot.data.notes, "CANARY sealed in format 1");
    assert_eq!(opened.migrated_from, (LATEST != 5).then_some(5));
    if LATEST != 5 {
        assert!(opened.before.unwrap().contains("CANARY sealed in format 1"));
    }
    assert_eq!(
        open_locked(&locked(text), &Key::from_bytes([8; 32])),
        Err(UnlockError::WrongPassphrase)
    );
}

#[test]
fn a_save_carries_its_lineage_clear_or_sealed() {
    let lineage = next_lineage(&["a".into(), "b".into()], [0xab, 0, 1, 2, 3, 4, 5, 0xff]);
    assert_eq!(lineage, ["a", "b", "ab000102030405ff"]);
    let text = encode_saved(&sample(), "t", &lineage);
    let Loaded::Ready { lineage: read, .. } = load(Some(&text)) else {
        panic!("did not open");
    };
    assert_eq!(read, lineage);
    let key = Key::from_bytes([9; 32]);
    let kdf = new_kdf([4; SALT_LEN]);
    let text = encode_sealed_saved(&sample(), "t", &lineage, &key, &kdf, [5; BOUND_IV_LEN]);
    let Loaded::Locked(locked) = load(Some(&text)) else {
        panic!("did not open sealed");
    };
    assert_eq!(locked.lineage, lineage);
    assert_eq!(open_locked(&locked, &key).unwrap().snapshot, sample());
}

#[test]
fn a_lineage_keeps_only_the_newest_ids() {
    let long: Vec<String> = (0..40).map(|i| i.to_string()).collect();
    let lineage = next_lineage(&long, [0; 8]);
    assert_eq!(lineage.len(), LINEAGE_LEN);
    assert_eq!(lineage.last().map(String::as_str), Some("0000000000000000"));
    assert_eq!(lineage[LINEAGE_LEN - 2], "39");
}

#[test]
fn a_save_follows_from_the_saves_in_its_lineage_only() {
    let first = next_lineage(&[], [1; 8]);
    let second = next_lineage(&first, [2; 8]);
    assert!(follows_from(&second, &first[0]));
    assert!(follows_from(&second, &second[1]));
    let elsewhere = next_lineage(&[], [3; 8]);
    assert!(!follows_from(&elsewhere, &first[0]));
    assert!(!follows_from(&[], &first[0]));
}

#[test]
fn a_lineage_of_the_wrong_shape_or_at_an_older_schema_is_refused_not_guessed() {
    let text = encode_saved(&sample(), "t", &["a".into()]);
    for bad in [
        text.replace(r#""lineage":["a"]"#, r#""lineage":"a""#),
        text.replace(r#""lineage":["a"]"#, r#""lineage":[1]"#),
        text.replace(
            &format!(r#""schema":{LATEST}"#),
            &format!(r#""schema":{}"#, LINEAGE_SCHEMA - 1),
        ),
    ] {
        assert_ne!(bad, text);
        assert!(
            matches!(load(Some(&bad)), Loaded::Unreadable { .. }),
            "{bad}"
        );
    }
}
