//! The one versioned envelope everything is stored in, and how a stored text is read back.
//!
//! Stored under [`STORAGE_KEY`] as `{ "schema": n, "saved_at": "…", "public": {…}, "data":
//! {…} }`, or, with the lock on, with `"sealed": {…}` (see [`crate::domain::sealed`]) in
//! place of `"data"`. Reading never guesses: a text that is not exactly this shape is
//! reported as unreadable so the caller can keep it as a recovery copy, and a newer schema
//! is reported so the caller leaves it alone.

use crate::domain::data::{AppData, PublicSettings, Snapshot};
use crate::domain::migrate::{self, MigrateError, LATEST};
use crate::domain::sealed::{self, KdfParams, Key, OpenError, Sealed, IV_LEN};
use serde::Serialize;
use serde_json::{Map, Value};

/// The localStorage key holding the envelope.
pub const STORAGE_KEY: &str = "harbour";
/// Prefix of keys holding copies of stored text Harbour could not read.
pub const RECOVERY_PREFIX: &str = "harbour:recovery:";
/// Every key Harbour writes starts with this.
pub const KEY_PREFIX: &str = "harbour";

/// Sealed data, waiting for her passphrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Locked {
    pub schema: u32,
    /// The clear settings as stored (migrated with the data once it is opened).
    pub public_raw: Value,
    /// The clear settings, read as well as this version can (for quick exit and disguise
    /// while locked).
    pub public: PublicSettings,
    pub sealed: Sealed,
}

/// What a stored text turned out to be.
// Made once per read and matched at once, so the size of the largest variant costs nothing.
#[allow(clippy::large_enum_variant)]
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
    /// Encrypted: needs her passphrase.
    Locked(Locked),
    /// Not Harbour's envelope, or damaged. `reason` is for the message and the log.
    Unreadable { reason: String },
    /// Written by a newer Harbour. The clear settings are passed on when they can be read, so
    /// quick exit still goes where she chose.
    TooNew {
        schema: u32,
        public: Option<PublicSettings>,
    },
}

/// A snapshot ready to be written in the clear.
#[derive(Serialize)]
pub struct Stored<'a> {
    schema: u32,
    saved_at: &'a str,
    public: &'a PublicSettings,
    data: &'a AppData,
}

/// A snapshot ready to be written sealed.
#[derive(Serialize)]
pub struct StoredSealed<'a> {
    schema: u32,
    saved_at: &'a str,
    public: &'a PublicSettings,
    sealed: Sealed,
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

/// The authenticated context of sealed data: it cannot be moved to another schema.
fn context(schema: u32) -> Vec<u8> {
    format!("harbour:{schema}").into_bytes()
}

/// What to write for `snapshot` with the lock on: `data` sealed under `key` with a fresh
/// random `iv`.
pub fn stored_sealed<'a>(
    snapshot: &'a Snapshot,
    saved_at: &'a str,
    key: &Key,
    kdf: &KdfParams,
    iv: [u8; IV_LEN],
) -> StoredSealed<'a> {
    // Serializing plain structs of strings cannot fail.
    let plaintext = serde_json::to_vec(&snapshot.data).unwrap_or_default();
    StoredSealed {
        schema: LATEST,
        saved_at,
        public: &snapshot.public,
        sealed: sealed::seal(&plaintext, key, kdf, iv, &context(LATEST)),
    }
}

/// The stored text for a snapshot at the newest schema, in the clear.
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
    if schema > LATEST {
        return Ok(Loaded::TooNew {
            schema,
            public: serde_json::from_value(public).ok(),
        });
    }
    let data = envelope.remove("data");
    let sealed = envelope.remove("sealed");
    if let Some(extra) = envelope.keys().next() {
        return Err(format!("unexpected field {extra:?}"));
    }
    match (data, sealed) {
        (Some(data), None) => {
            let (snapshot, migrated_from) = open_doc(public, data, schema)?;
            Ok(Loaded::Ready {
                snapshot,
                saved_at,
                migrated_from,
            })
        }
        (None, Some(sealed)) => {
            if schema < migrate::FIRST {
                return Err(format!("format {schema} is not one Harbour ever used"));
            }
            let sealed: Sealed = serde_json::from_value(sealed)
                .map_err(|e| format!("sealed data has the wrong shape ({e})"))?;
            sealed::derivation(&sealed.kdf).map_err(|e| format!("{e:?}"))?;
            Ok(Loaded::Locked(Locked {
                schema,
                public: serde_json::from_value(public.clone()).unwrap_or_default(),
                public_raw: public,
                sealed,
            }))
        }
        (Some(_), Some(_)) => Err("both data and sealed data".into()),
        (None, None) => Err("no data".into()),
    }
}

/// Migrates and reads `{public, data}` stored at `schema`.
fn open_doc(public: Value, data: Value, schema: u32) -> Result<(Snapshot, Option<u32>), String> {
    let doc = Value::Object(Map::from_iter([
        ("public".to_owned(), public),
        ("data".to_owned(), data),
    ]));
    let doc = migrate::migrate(doc, schema).map_err(|e| match e {
        MigrateError::TooNew { .. }
        | MigrateError::Unknown { .. }
        | MigrateError::Failed { .. } => e.to_string(),
    })?;
    let snapshot: Snapshot =
        serde_json::from_value(doc).map_err(|e| format!("wrong shape ({e})"))?;
    Ok((snapshot, (schema != LATEST).then_some(schema)))
}

/// A snapshot as the document migrations and backups work on: `{ "public", "data" }`.
pub fn document(snapshot: &Snapshot) -> Value {
    serde_json::to_value(snapshot).unwrap_or(Value::Null)
}

/// Reads a document stored at `schema` (a backup, a merge), bringing it up to date.
pub fn read_document(doc: &Value, schema: u32) -> Result<Snapshot, String> {
    let public = doc.get("public").cloned().ok_or("no public settings")?;
    let data = doc.get("data").cloned().ok_or("no data")?;
    open_doc(public, data, schema).map(|(snapshot, _)| snapshot)
}

/// Why sealed data did not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnlockError {
    /// The passphrase (key) is wrong. Nothing was changed.
    WrongPassphrase,
    /// It opened but is not Harbour's data (or its format is damaged).
    Unreadable(String),
}

/// Opens locked data with `key`: the snapshot, and the schema it was migrated from.
pub fn open_locked(locked: &Locked, key: &Key) -> Result<(Snapshot, Option<u32>), UnlockError> {
    let plaintext =
        sealed::open(&locked.sealed, key, &context(locked.schema)).map_err(|e| match e {
            OpenError::WrongKey => UnlockError::WrongPassphrase,
            OpenError::Malformed(why) => UnlockError::Unreadable(why),
        })?;
    let data: Value = serde_json::from_slice(&plaintext)
        .map_err(|e| UnlockError::Unreadable(format!("not valid JSON ({e})")))?;
    open_doc(locked.public_raw.clone(), data, locked.schema).map_err(UnlockError::Unreadable)
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
            } => {
                assert_eq!(snapshot, sample());
                assert_eq!(saved_at, "2026-11-23T21:00:00.000Z");
                assert_eq!(migrated_from, None);
            }
            other => panic!("expected Ready, got {other:?}"),
        }
    }

    #[test]
    fn sealed_round_trips_and_hides_her_words() {
        let key = Key::from_bytes([9; 32]);
        let kdf = new_kdf([4; SALT_LEN]);
        let text =
            serde_json::to_string(&stored_sealed(&sample(), "t", &key, &kdf, [5; IV_LEN])).unwrap();
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
        let (snapshot, migrated) = open_locked(&locked, &key).unwrap();
        assert_eq!(snapshot, sample());
        assert_eq!(migrated, None);
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
            format!(
                r#"{{"schema":1,"saved_at":"x",{public},"data":{{"notes":""}},"sealed":{{}}}}"#
            ),
            format!(
                r#"{{"schema":1,"saved_at":"x",{public},"sealed":{{"cipher":"AES-256-GCM"}}}}"#
            ),
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
}
