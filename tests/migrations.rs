//! Stored data from every schema Harbour ever wrote still opens, unchanged in meaning.
//!
//! `tests/fixtures/schema-N.json` is a frozen copy of what schema N wrote: never edit one.
//! `schema-N.expected.json` is what it must become at the newest schema.

use harbour::domain::data::{AppData, PublicSettings, Snapshot};
use harbour::domain::envelope::{encode, load, Loaded};
use harbour::domain::migrate::{
    self, check_order, migrate_with, MigrateError, Migration, FIRST, LATEST,
};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::path::Path;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_schema_has_a_frozen_fixture_that_opens() {
    for schema in FIRST..=LATEST {
        let stored = fixture(&format!("schema-{schema}.json"));
        let expected: Snapshot =
            serde_json::from_str(&fixture(&format!("schema-{schema}.expected.json"))).unwrap();
        match load(Some(&stored)) {
            Loaded::Ready {
                snapshot,
                migrated_from,
                ..
            } => {
                assert_eq!(snapshot, expected, "schema {schema}");
                assert_eq!(migrated_from, (schema != LATEST).then_some(schema));
            }
            other => panic!("schema {schema} fixture did not open: {other:?}"),
        }
    }
}

#[test]
fn where_she_lives_is_asked_after_migration_and_kept_once_answered() {
    use harbour::domain::nation::Residence;
    let nation = |name: &str| match load(Some(&fixture(name))) {
        Loaded::Ready { snapshot, .. } => snapshot.data.nation,
        other => panic!("{name} did not open: {other:?}"),
    };
    // Data from before schema 6 has not answered: Harbour asks her once.
    for schema in FIRST..6 {
        assert_eq!(
            nation(&format!("schema-{schema}.json")),
            Residence::NotAnswered
        );
    }
    assert_eq!(nation("schema-6.json"), Residence::Scotland);
    // An answer Harbour never offered is refused (and kept aside), not guessed at.
    let odd = fixture("schema-6.json").replace("\"nation\":\"scotland\"", "\"nation\":\"ulster\"");
    assert!(matches!(load(Some(&odd)), Loaded::Unreadable { .. }));
}

#[test]
fn where_she_is_on_each_journey_starts_unmarked_and_is_kept_once_marked() {
    use harbour::domain::journey::{Journey, UNKNOWN};
    use harbour::domain::migrate::JOURNEY_SCHEMA;
    let journey = |name: &str| match load(Some(&fixture(name))) {
        Loaded::Ready { snapshot, .. } => snapshot.data.journey,
        other => panic!("{name} did not open: {other:?}"),
    };
    // Data from before the journey has nothing marked, and everything else is kept (the
    // expected files check that).
    for schema in FIRST..JOURNEY_SCHEMA {
        assert_eq!(
            journey(&format!("schema-{schema}.json")),
            Journey::default()
        );
    }
    let marked = journey(&format!("schema-{JOURNEY_SCHEMA}.json"));
    assert_eq!(marked.police, "sc-liberation");
    assert_eq!(marked.care, UNKNOWN);
    // Data already at this schema with no journey is refused (and kept aside), not guessed.
    let text = fixture(&format!("schema-{JOURNEY_SCHEMA}.json"));
    let without = text.replace(
        ",\"journey\":{\"police\":\"sc-liberation\",\"care\":\"unknown\"}",
        "",
    );
    assert_ne!(without, text);
    assert!(matches!(load(Some(&without)), Loaded::Unreadable { .. }));
    // The migration refuses data that already has a journey.
    let doc = json!({"public": {}, "data": {"journey": {"police": "x", "care": ""}}});
    assert!(migrate::migrate(doc, JOURNEY_SCHEMA - 1).is_err());
}

#[test]
fn the_real_migrations_are_ordered_and_described() {
    check_order(migrate::MIGRATIONS, FIRST).unwrap();
    assert_eq!(LATEST, FIRST + migrate::MIGRATIONS.len() as u32);
}

fn add_field(mut doc: Value) -> Result<Value, String> {
    doc["data"]["added"] = json!(true);
    Ok(doc)
}
fn rename_field(mut doc: Value) -> Result<Value, String> {
    let data = doc["data"].as_object_mut().ok_or("no data")?;
    let old = data.remove("old").ok_or("no old field")?;
    data.insert("new".into(), old);
    Ok(doc)
}

const TEST_STEPS: &[Migration] = &[
    Migration {
        from: 1,
        title: "add",
        description: "adds a field",
        apply: add_field,
    },
    Migration {
        from: 2,
        title: "rename",
        description: "renames old to new",
        apply: rename_field,
    },
];

#[test]
fn the_runner_applies_steps_in_order_from_the_stored_schema() {
    let doc = json!({"public": {}, "data": {"old": "her words"}});
    let out = migrate_with(TEST_STEPS, 1, doc, 1).unwrap();
    assert_eq!(
        out,
        json!({"public": {}, "data": {"new": "her words", "added": true}})
    );
    let doc = json!({"public": {}, "data": {"old": "x"}});
    let out = migrate_with(TEST_STEPS, 1, doc, 2).unwrap();
    assert_eq!(out, json!({"public": {}, "data": {"new": "x"}}));
    let latest = json!({"data": {"new": 1}});
    assert_eq!(
        migrate_with(TEST_STEPS, 1, latest.clone(), 3).unwrap(),
        latest
    );
}

#[test]
fn the_runner_refuses_newer_unknown_and_malformed() {
    let doc = json!({"data": {}});
    assert_eq!(
        migrate_with(TEST_STEPS, 1, doc.clone(), 4),
        Err(MigrateError::TooNew {
            found: 4,
            latest: 3
        })
    );
    assert_eq!(
        migrate_with(TEST_STEPS, 1, doc.clone(), 0),
        Err(MigrateError::Unknown { found: 0 })
    );
    assert!(matches!(
        migrate_with(TEST_STEPS, 1, doc, 2),
        Err(MigrateError::Failed { from: 2, .. })
    ));
}

#[test]
fn check_order_finds_gaps_and_missing_descriptions() {
    let gap = [Migration {
        from: 2,
        ..TEST_STEPS[0]
    }];
    assert!(check_order(&gap, 1).is_err());
    let undescribed = [Migration {
        description: " ",
        ..TEST_STEPS[0]
    }];
    assert!(check_order(&undescribed, 1).is_err());
    assert!(check_order(TEST_STEPS, 1).is_ok());
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![".*", "[\\PC\\n\"\\\\]{0,200}"]
}

proptest! {
    /// Whatever she writes survives being stored and read back.
    #[test]
    fn any_snapshot_survives_storage(notes in any_text(), exit in any_text(), discreet in any::<bool>()) {
        let snapshot = Snapshot {
            public: PublicSettings { exit_url: exit, discreet, lock_minutes: 5 },
            data: AppData { notes, ..AppData::default() },
        };
        let text = encode(&snapshot, "2026-11-23T00:00:00Z");
        match load(Some(&text)) {
            Loaded::Ready { snapshot: back, .. } => prop_assert_eq!(back, snapshot),
            other => prop_assert!(false, "did not load: {:?}", other),
        }
    }

    /// No stored text, however damaged, makes loading panic.
    #[test]
    fn any_text_loads_without_panicking(text in any_text()) {
        let _ = load(Some(&text));
    }
}

#[test]
fn contacts_from_links_keep_their_mark_and_older_ones_are_not_marked() {
    let contacts = |name: &str| match load(Some(&fixture(name))) {
        Loaded::Ready { snapshot, .. } => snapshot
            .data
            .contacts
            .iter()
            .map(|c| (c.id.clone(), c.from_link))
            .collect::<Vec<_>>(),
        other => panic!("{name} did not open: {other:?}"),
    };
    // Before schema 7 Harbour did not record where a contact came from: none is marked.
    for schema in 4..7 {
        assert!(contacts(&format!("schema-{schema}.json"))
            .iter()
            .all(|(_, from_link)| !from_link));
    }
    assert_eq!(
        contacts("schema-7.json"),
        vec![("k1".to_owned(), false), ("k2".to_owned(), true)]
    );
    // A contact that already carries the mark is not the shape schema 6 wrote.
    let six =
        fixture("schema-6.json").replace("\"id\":\"k1\",", "\"id\":\"k1\",\"from_link\":true,");
    assert!(matches!(load(Some(&six)), Loaded::Unreadable { .. }));
}

#[test]
fn letters_start_empty_after_migration_and_are_kept_once_written() {
    use harbour::domain::letters::LettersData;
    let letters = |name: &str| match load(Some(&fixture(name))) {
        Loaded::Ready { snapshot, .. } => snapshot.data.letters,
        other => panic!("{name} did not open: {other:?}"),
    };
    // The letters schema is the last one this branch adds; the lead may renumber it.
    let letters_schema = migrate::MIGRATIONS
        .iter()
        .find(|m| m.title == "Add letters and meetings")
        .unwrap()
        .from
        + 1;
    for schema in FIRST..letters_schema {
        assert_eq!(
            letters(&format!("schema-{schema}.json")),
            LettersData::default()
        );
    }
    let kept = letters(&format!("schema-{letters_schema}.json"));
    assert_eq!(kept.details.name, "Jo Bloggs");
    assert_eq!(kept.details.children[1].name, "Ali");
    assert_eq!(kept.drafts[0].sent, "2026-12-07");
    assert_eq!(kept.drafts[1].get("language"), "Polski – “ąę”");
    assert_eq!(kept.statement[1].text, "Someone to talk to.");
    assert_eq!(kept.meetings[0].ticked, ["q1", "q3"]);
    // A field Harbour never wrote is refused (and kept aside), not dropped.
    let odd = fixture(&format!("schema-{letters_schema}.json")).replace(
        "\"school_lead\":\"Mrs Patel\"",
        "\"school_lead\":\"Mrs Patel\",\"x\":1",
    );
    assert!(matches!(load(Some(&odd)), Loaded::Unreadable { .. }));
}

#[test]
fn drafts_start_empty_after_migration_and_are_kept_once_typed() {
    use harbour::domain::drafts::{DraftKey, Drafts};
    use harbour::domain::migrate::DRAFTS_SCHEMA;
    let drafts = |name: &str| match load(Some(&fixture(name))) {
        Loaded::Ready { snapshot, .. } => snapshot.data.drafts,
        other => panic!("{name} did not open: {other:?}"),
    };
    // Older data had no unsaved forms kept: it gets none (and the expected files check
    // that everything else is kept).
    for schema in FIRST..DRAFTS_SCHEMA {
        assert_eq!(drafts(&format!("schema-{schema}.json")), Drafts::default());
    }
    let kept = drafts(&format!("schema-{DRAFTS_SCHEMA}.json"));
    let entry = kept.entry.as_ref().unwrap();
    assert_eq!(
        entry.said,
        "Half-written: she said “the plan” would be £0 —"
    );
    assert_eq!(entry.actions[0].what, "Ring back");
    assert_eq!(kept.date.as_ref().unwrap().place, "Magistrates’ court");
    assert_eq!(kept.contact.as_ref().unwrap().id, "k1");
    assert_eq!(kept.link.as_ref().unwrap().area, "Leeds");
    assert_eq!(
        kept.short(&DraftKey::child_version("c1")).unwrap().text,
        "Polski – “ąę”"
    );
    assert_eq!(
        kept.short(&DraftKey::decision("conference")).unwrap().date,
        "2026-12-03"
    );
    // A form Harbour never kept is refused (and kept aside), not dropped.
    let text = fixture(&format!("schema-{DRAFTS_SCHEMA}.json"));
    let odd = text.replace("\"short\":[", "\"other\":null,\"short\":[");
    assert_ne!(odd, text);
    assert!(matches!(load(Some(&odd)), Loaded::Unreadable { .. }));
    // Data already at this schema with no drafts is refused, not guessed.
    let start = text.find(",\"drafts\":").unwrap();
    let without = format!("{}}}}}\n", &text[..start]);
    assert!(matches!(load(Some(&without)), Loaded::Unreadable { .. }));
    // The migration refuses data that already has drafts.
    let doc = json!({"public": {}, "data": {"drafts": {}}});
    assert!(migrate::migrate(doc, DRAFTS_SCHEMA - 1).is_err());
}

#[test]
fn each_save_names_where_it_came_from_from_the_lineage_schema_on() {
    use harbour::domain::migrate::LINEAGE_SCHEMA;
    let lineage = |name: &str| match load(Some(&fixture(name))) {
        Loaded::Ready { lineage, .. } => lineage,
        other => panic!("{name} did not open: {other:?}"),
    };
    // Older saves have none; the fixture's two ids are read in order.
    assert!(lineage(&format!("schema-{}.json", LINEAGE_SCHEMA - 1)).is_empty());
    assert_eq!(
        lineage(&format!("schema-{LINEAGE_SCHEMA}.json")),
        ["5f0c2a9e81d4b7c3", "a3e19b0d6c7f2e58"]
    );
}
