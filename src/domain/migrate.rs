//! Ordered, pure migrations of stored data from each older schema to the newest.
//!
//! A migration takes the stored document `{ "public": …, "data": … }` at schema `from` and
//! returns it at schema `from + 1`. Each is described in plain words and tested against a
//! frozen fixture in `tests/fixtures/`. Never edit a migration once released: add a new one.

use serde_json::Value;
use std::fmt;

/// One step from schema `from` to `from + 1`.
pub struct Migration {
    pub from: u32,
    pub title: &'static str,
    pub description: &'static str,
    pub apply: fn(Value) -> Result<Value, String>,
}

/// The first schema Harbour ever wrote.
pub const FIRST: u32 = 1;

/// Every migration, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 1,
        title: "Add the safety plan",
        description: "Adds an empty household safety plan beside her notes.",
        apply: add_safety_plan,
    },
    Migration {
        from: 2,
        title: "Add children's plans",
        description: "Adds an empty list of talking-to-children plans.",
        apply: add_children,
    },
    Migration {
        from: 3,
        title: "Add her contacts",
        description: "Adds an empty list of her own contacts.",
        apply: add_contacts,
    },
    Migration {
        from: 4,
        title: "Add the notebook and key dates",
        description:
            "Adds empty lists of notebook entries and key dates. Her free notes stay as they are.",
        apply: add_notebook_and_dates,
    },
    Migration {
        from: 5,
        title: "Add where she lives",
        description: "Adds her nation as not answered yet, so Harbour asks her once. Nothing she wrote changes.",
        apply: add_nation,
    },
    Migration {
        from: 6,
        title: "Mark contacts added from a link",
        description: "Each contact gets a mark for \"added from a link, not checked yet\". Older contacts are not marked, because Harbour did not record where they came from.",
        apply: mark_contacts_from_links,
    },
    Migration {
        from: JOURNEY_SCHEMA - 1,
        title: "Add where she is on each journey",
        description: "Adds the police case and children's social care as not marked yet. Nothing she wrote changes.",
        apply: add_journey,
    },
    Migration {
        from: 8,
        title: "Add letters and meetings",
        description: "Adds empty details for letters, no letters, an empty statement and no meeting questions. Nothing she wrote changes.",
        apply: add_letters,
    },
    Migration {
        from: DRAFTS_SCHEMA - 1,
        title: "Keep unsaved forms",
        description: "Adds an empty place for what she types into a form before she saves it (a notebook entry, a key date, a contact, a link, a note on a version, what was decided). Older data had no unsaved forms kept, so it gets none. Nothing she wrote changes.",
        apply: add_drafts,
    },
    Migration {
        from: 10,
        title: "Mark each save with where it came from",
        description: "From now on each save names the saves it follows from (its lineage, outside her data), so a tab can tell when another tab saved over its words without seeing them, and keep both. Older saves have no lineage. Nothing she wrote changes.",
        apply: lineage_outside_data,
    },
];

/// The schema that added each save's lineage (see `domain::envelope`). Its number lives
/// only here (and in the fixture's file name), so it is simple to renumber.
pub const LINEAGE_SCHEMA: u32 = 11;

/// 10 → 11: the lineage is part of the envelope, not of her data, so the data is as it was.
fn lineage_outside_data(doc: Value) -> Result<Value, String> {
    Ok(doc)
}

/// The schema that added drafts (`data.drafts`). Its number lives only here (and in the
/// fixture's file name), so it is simple to renumber.
pub const DRAFTS_SCHEMA: u32 = 10;

/// 9 → 10: no forms kept, exactly as the drafts schema writes an empty `drafts`.
fn add_drafts(doc: Value) -> Result<Value, String> {
    add_empty(
        doc,
        "drafts",
        serde_json::json!({"entry": null, "date": null, "contact": null, "link": null, "short": []}),
    )
}

/// The schema that added the journey (`data.journey`). Its number lives only here (and in
/// the fixture's file name), so it is simple to renumber.
pub const JOURNEY_SCHEMA: u32 = 8;

/// 7 → 8: nothing marked yet on either journey ("" is "not marked").
fn add_journey(doc: Value) -> Result<Value, String> {
    add_empty(
        doc,
        "journey",
        serde_json::json!({"police": "", "care": ""}),
    )
}

/// 6 → 7: no contact is known to have come from a link before this schema kept the mark.
fn mark_contacts_from_links(mut doc: Value) -> Result<Value, String> {
    let contacts = doc
        .get_mut("data")
        .and_then(|d| d.get_mut("contacts"))
        .and_then(Value::as_array_mut)
        .ok_or("no contacts list")?;
    for contact in contacts {
        let contact = contact
            .as_object_mut()
            .ok_or("a contact is not an object")?;
        if contact.contains_key("from_link") {
            return Err("a contact already has from_link".into());
        }
        contact.insert("from_link".into(), Value::Bool(false));
    }
    Ok(doc)
}

/// 8 → 9: an empty `letters` object, exactly as the letters schema first wrote one.
fn add_letters(doc: Value) -> Result<Value, String> {
    add_empty(
        doc,
        "letters",
        serde_json::json!({
            "details": {
                "name": "", "born": "", "address": "", "phone": "", "email": "",
                "children": [],
                "council": "", "social_worker": "", "reference": "",
                "force": "", "crime_number": "", "school": "", "school_lead": ""
            },
            "drafts": [],
            "statement": [],
            "meetings": []
        }),
    )
}

/// 5 → 6: she has not said where she lives yet ("" is "not answered").
fn add_nation(doc: Value) -> Result<Value, String> {
    add_empty(doc, "nation", serde_json::json!(""))
}

/// 4 → 5: no notebook entries or dates yet.
fn add_notebook_and_dates(doc: Value) -> Result<Value, String> {
    let doc = add_empty(doc, "notebook", serde_json::json!([]))?;
    add_empty(doc, "dates", serde_json::json!([]))
}

/// 3 → 4: no contacts yet.
fn add_contacts(doc: Value) -> Result<Value, String> {
    add_empty(doc, "contacts", serde_json::json!([]))
}

/// 2 → 3: no children's plans yet.
fn add_children(doc: Value) -> Result<Value, String> {
    add_empty(doc, "children", serde_json::json!([]))
}

/// Adds `key` with `value` to the data, refusing if it is already there.
fn add_empty(mut doc: Value, key: &str, value: Value) -> Result<Value, String> {
    let data = doc
        .get_mut("data")
        .and_then(Value::as_object_mut)
        .ok_or("no data object")?;
    if data.contains_key(key) {
        return Err(format!("already has {key}"));
    }
    data.insert(key.into(), value);
    Ok(doc)
}

/// 1 → 2: an empty plan, exactly as schema 2 wrote one.
fn add_safety_plan(doc: Value) -> Result<Value, String> {
    add_empty(
        doc,
        "plan",
        serde_json::json!({
            "body": {
                "situation": "",
                "person": "",
                "household": {"adults": [], "children": [], "other_children": ""},
                "standing": {"status": "", "conditions": "", "agreement": "", "orders": "", "bail_return": "", "next_meeting": ""},
                "contact": {"lives_at_home": "", "supervisors": [], "overnight": ""},
                "review": {"date": "", "agreed_by": ""},
                "sections": []
            },
            "versions": []
        }),
    )
}

/// The schema this build writes.
pub const LATEST: u32 = FIRST + MIGRATIONS.len() as u32;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrateError {
    /// Written by a newer Harbour: this build must not touch it.
    TooNew { found: u32, latest: u32 },
    /// A schema number Harbour never wrote.
    Unknown { found: u32 },
    /// A migration refused the data (it is not the shape that schema had).
    Failed { from: u32, reason: String },
}

impl fmt::Display for MigrateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooNew { found, latest } => write!(
                f,
                "saved by a newer version of Harbour (format {found}; this version knows up to {latest})"
            ),
            Self::Unknown { found } => write!(f, "format {found} is not one Harbour ever used"),
            Self::Failed { from, reason } => {
                write!(f, "could not update it from format {from}: {reason}")
            }
        }
    }
}

/// Brings `doc` from schema `from` up to [`LATEST`].
pub fn migrate(doc: Value, from: u32) -> Result<Value, MigrateError> {
    migrate_with(MIGRATIONS, FIRST, doc, from)
}

/// The migration runner, separate from the real list so its rules can be tested.
pub fn migrate_with(
    list: &[Migration],
    first: u32,
    mut doc: Value,
    from: u32,
) -> Result<Value, MigrateError> {
    let latest = first + list.len() as u32;
    if from > latest {
        return Err(MigrateError::TooNew {
            found: from,
            latest,
        });
    }
    if from < first {
        return Err(MigrateError::Unknown { found: from });
    }
    for step in list.iter().skip((from - first) as usize) {
        doc = (step.apply)(doc).map_err(|reason| MigrateError::Failed {
            from: step.from,
            reason,
        })?;
    }
    Ok(doc)
}

/// Checks that a list is ordered and has no gaps, starting at `first`.
pub fn check_order(list: &[Migration], first: u32) -> Result<(), String> {
    for (i, step) in list.iter().enumerate() {
        let expected = first + i as u32;
        if step.from != expected {
            return Err(format!(
                "migration {i} ({}) starts at {} but should start at {expected}",
                step.title, step.from
            ));
        }
        if step.title.trim().is_empty() || step.description.trim().is_empty() {
            return Err(format!("migration from {} has no description", step.from));
        }
    }
    Ok(())
}
