//! The one versioned envelope everything is stored in, and how a stored text is read back.
//!
//! Stored as `{ "schema": n, "saved_at": "…", "public": {…}, "data": {…} }` under
//! [`STORAGE_KEY`]. Reading never guesses: a text that is not exactly this shape is reported
//! as unreadable so the caller can keep it as a recovery copy, and a newer schema is reported
//! so the caller leaves it alone.

use crate::domain::data::{AppData, PublicSettings, Snapshot};
use crate::domain::migrate::{self, MigrateError, LATEST};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The localStorage key holding the envelope.
pub const STORAGE_KEY: &str = "harbour";
/// Prefix of keys holding copies of stored text Harbour could not read.
pub const RECOVERY_PREFIX: &str = "harbour:recovery:";
/// Every key Harbour writes starts with this.
pub const KEY_PREFIX: &str = "harbour";

/// What a stored text turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    /// Read (and brought up to date if it was older).
    Ready {
        snapshot: Snapshot,
        saved_at: String,
        migrated_from: Option<u32>,
    },
    /// Not Harbour's envelope, or damaged. `reason` is for the message and the log.
    Unreadable { reason: String },
    /// Written by a newer Harbour. The clear settings are passed on when they can be read, so
    /// quick exit still goes where she chose.
    TooNew {
        schema: u32,
        public: Option<PublicSettings>,
    },
}

/// A snapshot ready to be written: serializes to the stored text at the newest schema.
#[derive(Serialize)]
pub struct Stored<'a> {
    schema: u32,
    saved_at: &'a str,
    public: &'a PublicSettings,
    data: &'a AppData,
}

/// What to write for `snapshot`, stamped with `saved_at`.
pub fn stored<'a>(snapshot: &'a Snapshot, saved_at: &'a str) -> Stored<'a> {
    Stored {
        schema: LATEST,
        saved_at,
        public: &snapshot.public,
        data: &snapshot.data,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    public: PublicSettings,
    data: AppData,
}

/// The stored text for a snapshot at the newest schema.
pub fn encode(snapshot: &Snapshot, saved_at: &str) -> String {
    // Serializing plain structs of strings and bools cannot fail.
    serde_json::to_string(&stored(snapshot, saved_at)).unwrap_or_default()
}

/// Reads a stored text (or its absence).
pub fn load(raw: Option<&str>) -> Loaded {
    let Some(text) = raw else {
        return Loaded::Empty;
    };
    match read(text) {
        Ok(loaded) => loaded,
        Err(reason) => Loaded::Unreadable { reason },
    }
}

fn read(text: &str) -> Result<Loaded, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON ({e})"))?;
    let Value::Object(mut envelope) = value else {
        return Err("not a JSON object".into());
    };
    let schema = take_schema(&mut envelope)?;
    let saved_at = match envelope.remove("saved_at") {
        Some(Value::String(s)) => s,
        Some(_) => return Err("saved_at is not text".into()),
        None => return Err("no saved_at".into()),
    };
    let public = envelope.remove("public").ok_or("no public settings")?;
    let data = envelope.remove("data").ok_or("no data")?;
    if let Some(extra) = envelope.keys().next() {
        return Err(format!("unexpected field {extra:?}"));
    }
    let doc = Value::Object(Map::from_iter([
        ("public".to_owned(), public),
        ("data".to_owned(), data),
    ]));
    let doc = match migrate::migrate(doc.clone(), schema) {
        Ok(doc) => doc,
        Err(MigrateError::TooNew { found, .. }) => {
            let public = doc
                .get("public")
                .and_then(|p| serde_json::from_value(p.clone()).ok());
            return Ok(Loaded::TooNew {
                schema: found,
                public,
            });
        }
        Err(e) => return Err(e.to_string()),
    };
    let doc: Doc = serde_json::from_value(doc).map_err(|e| format!("wrong shape ({e})"))?;
    Ok(Loaded::Ready {
        snapshot: Snapshot {
            public: doc.public,
            data: doc.data,
        },
        saved_at,
        migrated_from: (schema != LATEST).then_some(schema),
    })
}

fn take_schema(envelope: &mut Map<String, Value>) -> Result<u32, String> {
    match envelope.remove("schema") {
        Some(Value::Number(n)) => n
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| format!("schema {n} is not a version number")),
        Some(_) => Err("schema is not a number".into()),
        None => Err("no schema number".into()),
    }
}

/// The key for a new recovery copy. `stamp` makes it unique (the time, in milliseconds).
pub fn recovery_key(stamp: u64) -> String {
    format!("{RECOVERY_PREFIX}{stamp}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Snapshot {
        Snapshot {
            public: PublicSettings::default(),
            data: AppData {
                notes: "Bail return 3 March. Ask about the school.".into(),
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
            } => {
                assert_eq!(snapshot, sample());
                assert_eq!(saved_at, "2026-11-23T21:00:00.000Z");
                assert_eq!(migrated_from, None);
            }
            other => panic!("expected Ready, got {other:?}"),
        }
    }

    #[test]
    fn nothing_stored_is_empty() {
        assert_eq!(load(None), Loaded::Empty);
    }

    #[test]
    fn garbage_and_wrong_shapes_are_unreadable() {
        for text in [
            "",
            "{",
            "null",
            "[1,2]",
            "\"harbour\"",
            r#"{"schema":1}"#,
            r#"{"schema":"1","saved_at":"x","public":{"exit_url":"a","discreet":false},"data":{"notes":""}}"#,
            r#"{"schema":1,"saved_at":"x","public":{"exit_url":"a","discreet":false},"data":{"notes":42}}"#,
            r#"{"schema":1,"saved_at":"x","public":{"exit_url":"a","discreet":false},"data":{}}"#,
            r#"{"schema":1,"saved_at":"x","public":{"exit_url":"a","discreet":false},"data":{"notes":"","x":1}}"#,
            r#"{"schema":1,"saved_at":"x","public":{"exit_url":"a","discreet":false},"data":{"notes":""},"more":1}"#,
            r#"{"schema":0,"saved_at":"x","public":{"exit_url":"a","discreet":false},"data":{"notes":""}}"#,
            r#"{"schema":-1,"saved_at":"x","public":{},"data":{}}"#,
            r#"{"schema":1.5,"saved_at":"x","public":{},"data":{}}"#,
        ] {
            assert!(
                matches!(load(Some(text)), Loaded::Unreadable { .. }),
                "{text:?} should be unreadable"
            );
        }
    }

    #[test]
    fn newer_schema_is_left_alone_but_its_exit_setting_is_kept() {
        let text = format!(
            r#"{{"schema":{},"saved_at":"x","public":{{"exit_url":"https://example.org/","discreet":true}},"data":{{"future":[1]}}}}"#,
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
}
