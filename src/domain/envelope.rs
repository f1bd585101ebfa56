//! The one versioned envelope everything is stored in, and how a stored text is read back.
//!
//! Stored under [`STORAGE_KEY`] as `{ "schema": n, "saved_at": "…", "public": {…}, "data":
//! {…} }`, or, with the lock on, with `"sealed": {…}` (see [`crate::domain::sealed`]) in
//! place of `"data"`. Reading never guesses: a text that is not exactly this shape is
//! reported as unreadable so the caller can keep it as a recovery copy, and a newer schema
//! is reported so the caller leaves it alone.
//!
//! Sealed data is written in sealed format 2: the clear header (`schema`, `saved_at`,
//! `public`) is bound to the sealed data as associated data. If the clear header was
//! changed while Harbour was locked (a setting edited, or put back to an older value),
//! the right passphrase still opens the sealed header, the difference is found, and
//! Harbour refuses to open until she chooses to put her own settings back
//! ([`UnlockError::SettingsChanged`]); nothing is deleted. Data sealed in format 1 (before
//! this) is still opened; it has no bound header, and the next save writes format 2.
//! Not caught: the whole stored text swapped for an older one Harbour wrote itself.
//!
//! From schema [`LINEAGE_SCHEMA`], each save also carries its `lineage`: a random id for
//! itself after the ids of the saves it follows from (at most [`LINEAGE_LEN`], oldest
//! first). Two tabs in different browser processes can both save before either sees the
//! other's save (the browser passes local storage between processes later), so a tab
//! cannot tell from storage alone whether a later save took in its own: the lineage says
//! so. It names nothing of hers and is not bound to the sealed data: changing it can only
//! make Harbour keep an extra copy.

use crate::domain::data::{AppData, PublicSettings, Snapshot};
use crate::domain::migrate::{self, MigrateError, LATEST, LINEAGE_SCHEMA};
use crate::domain::sealed::{self, KdfParams, Key, OpenError, Sealed, BOUND_IV_LEN};
use serde::Serialize;
use serde_json::{Map, Value};

/// The localStorage key holding the envelope.
pub const STORAGE_KEY: &str = "harbour";
/// Prefix of keys holding kept copies: stored text Harbour could not read, another tab's
/// version after a conflict, and words not saved when another tab locked Harbour.
pub const RECOVERY_PREFIX: &str = "harbour:recovery:";
/// The key of the copy kept of what was stored before data was brought up to date.
pub const BEFORE_MIGRATION_KEY: &str = "harbour:before-migration";
/// Every key Harbour writes starts with this.
pub const KEY_PREFIX: &str = "harbour";
/// How many save ids a lineage keeps: enough for every save another tab can make before
/// this one hears of the first (a tab hears within a few hundred milliseconds).
pub const LINEAGE_LEN: usize = 16;

/// Sealed data, waiting for her passphrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Locked {
    pub schema: u32,
    pub saved_at: String,
    /// The clear settings as stored (migrated with the data once it is opened).
    pub public_raw: Value,
    /// The clear settings, read as well as this version can (for quick exit and disguise
    /// while locked).
    pub public: PublicSettings,
    pub sealed: Sealed,
    /// The ids of this save and those it follows from (see the module's notes).
    pub lineage: Vec<String>,
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
        /// The ids of this save and those it follows from (see the module's notes).
        lineage: Vec<String>,
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
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    lineage: &'a [String],
    public: &'a PublicSettings,
    data: &'a AppData,
}

/// A snapshot ready to be written sealed.
#[derive(Serialize)]
pub struct StoredSealed<'a> {
    schema: u32,
    saved_at: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    lineage: &'a [String],
    public: &'a PublicSettings,
    sealed: Sealed,
}

/// What to write for `snapshot`, stamped with `saved_at` and its `lineage` (empty for a
/// copy or a download, which no tab merges from).
pub fn stored<'a>(snapshot: &'a Snapshot, saved_at: &'a str, lineage: &'a [String]) -> Stored<'a> {
    Stored {
        schema: LATEST,
        saved_at,
        lineage,
        public: &snapshot.public,
        data: &snapshot.data,
    }
}

/// The associated data of sealed format 1: it cannot be moved to another schema.
fn context_v1(schema: u32) -> Vec<u8> {
    format!("harbour:{schema}").into_bytes()
}

/// The clear header as bound to sealed data (format 2): JSON with its keys in a fixed
/// order, so the same header always gives the same bytes.
fn header(schema: u32, saved_at: &str, public: &Value) -> Vec<u8> {
    // A Value object keeps its keys sorted; serializing it cannot fail.
    serde_json::to_vec(&serde_json::json!({
        "schema": schema,
        "saved_at": saved_at,
        "public": public,
    }))
    .unwrap_or_default()
}

/// What to write for `snapshot` with the lock on: `data` sealed under `key` with fresh
/// random `ivs`, and the clear header bound to it.
pub fn stored_sealed<'a>(
    snapshot: &'a Snapshot,
    saved_at: &'a str,
    lineage: &'a [String],
    key: &Key,
    kdf: &KdfParams,
    ivs: [u8; BOUND_IV_LEN],
) -> StoredSealed<'a> {
    // Serializing plain structs of strings cannot fail.
    let plaintext = serde_json::to_vec(&snapshot.data).unwrap_or_default();
    let public = serde_json::to_value(&snapshot.public).unwrap_or(Value::Null);
    StoredSealed {
        schema: LATEST,
        saved_at,
        lineage,
        public: &snapshot.public,
        sealed: sealed::seal_bound(
            &header(LATEST, saved_at, &public),
            &plaintext,
            key,
            kdf,
            ivs,
        ),
    }
}

/// The stored text for a snapshot, sealed (see [`stored_sealed`]), with no lineage.
pub fn encode_sealed(
    snapshot: &Snapshot,
    saved_at: &str,
    key: &Key,
    kdf: &KdfParams,
    ivs: [u8; BOUND_IV_LEN],
) -> String {
    encode_sealed_saved(snapshot, saved_at, &[], key, kdf, ivs)
}

/// The stored text for a save of `snapshot`, sealed, with its lineage.
pub fn encode_sealed_saved(
    snapshot: &Snapshot,
    saved_at: &str,
    lineage: &[String],
    key: &Key,
    kdf: &KdfParams,
    ivs: [u8; BOUND_IV_LEN],
) -> String {
    // Serializing plain structs of strings cannot fail.
    serde_json::to_string(&stored_sealed(snapshot, saved_at, lineage, key, kdf, ivs))
        .unwrap_or_default()
}

/// The stored text for a snapshot at the newest schema, in the clear, with no lineage (a
/// copy, a download).
pub fn encode(snapshot: &Snapshot, saved_at: &str) -> String {
    encode_saved(snapshot, saved_at, &[])
}

/// The stored text for a save of `snapshot`, in the clear, with its lineage.
pub fn encode_saved(snapshot: &Snapshot, saved_at: &str, lineage: &[String]) -> String {
    // Serializing plain structs of strings and bools cannot fail.
    serde_json::to_string(&stored(snapshot, saved_at, lineage)).unwrap_or_default()
}

/// The lineage of a new save that follows from `seen` (the lineage of the text this tab
/// last read or wrote): `seen`'s newest ids, then a fresh id, `random` in hex.
pub fn next_lineage(seen: &[String], random: [u8; 8]) -> Vec<String> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let id = random
        .iter()
        .flat_map(|b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]])
        .map(char::from)
        .collect();
    let keep = seen.len().min(LINEAGE_LEN - 1);
    let mut lineage = seen[seen.len() - keep..].to_vec();
    lineage.push(id);
    lineage
}

/// True when a save with `lineage` follows from the save `id`: whoever wrote it had taken
/// that save in first. False means it was written without seeing it.
pub fn follows_from(lineage: &[String], id: &str) -> bool {
    lineage.iter().any(|earlier| earlier == id)
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
    let lineage = take_lineage(&mut envelope, schema)?;
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
                lineage,
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
                saved_at,
                public: serde_json::from_value(public.clone()).unwrap_or_default(),
                public_raw: public,
                sealed,
                lineage,
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
#[derive(Debug, Clone, PartialEq)]
pub enum UnlockError {
    /// The passphrase (key) is wrong. Nothing was changed.
    WrongPassphrase,
    /// It opened but is not Harbour's data (or its format is damaged).
    Unreadable(String),
    /// The passphrase is right, but the clear header (her settings) is not the one sealed
    /// with the data: it was changed while Harbour was locked. Nothing was opened.
    SettingsChanged(Box<SettingsChanged>),
}

/// What was found when the clear settings did not match the sealed ones.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsChanged {
    /// What changed, in plain words, one line each.
    pub changes: Vec<String>,
    /// The locked data with its true header put back: it opens with the same key.
    pub restored: Locked,
}

/// Locked data opened.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub snapshot: Snapshot,
    /// The schema it was brought up from, if it was older.
    pub migrated_from: Option<u32>,
    /// When it was brought up to date: what was stored before, as it would be stored in the
    /// clear (to be kept, sealed, as the copy from before the update).
    pub before: Option<String>,
}

/// Opens locked data with `key`.
pub fn open_locked(locked: &Locked, key: &Key) -> Result<Opened, UnlockError> {
    let data = if locked.sealed.cipher == sealed::CIPHER_BOUND {
        let bound = sealed::open_bound(&locked.sealed, key).map_err(unlock_error)?;
        let clear = header(locked.schema, &locked.saved_at, &locked.public_raw);
        if bound.header != clear {
            return Err(settings_changed(locked, &bound.header));
        }
        bound.data
    } else {
        sealed::open(&locked.sealed, key, &context_v1(locked.schema)).map_err(unlock_error)?
    };
    let data: Value = serde_json::from_slice(&data)
        .map_err(|e| UnlockError::Unreadable(format!("not valid JSON ({e})")))?;
    let before = (locked.schema != LATEST).then(|| {
        serde_json::to_string(&serde_json::json!({
            "schema": locked.schema,
            "saved_at": locked.saved_at,
            "public": locked.public_raw,
            "data": data,
        }))
        .unwrap_or_default()
    });
    let (snapshot, migrated_from) = open_doc(locked.public_raw.clone(), data, locked.schema)
        .map_err(UnlockError::Unreadable)?;
    Ok(Opened {
        snapshot,
        migrated_from,
        before,
    })
}

fn unlock_error(e: OpenError) -> UnlockError {
    match e {
        OpenError::WrongKey => UnlockError::WrongPassphrase,
        OpenError::Malformed(why) => UnlockError::Unreadable(why),
    }
}

/// The header sealed with the data differs from the clear one: say what changed, and keep
/// the locked data with its true header to open if she chooses.
fn settings_changed(locked: &Locked, true_header: &[u8]) -> UnlockError {
    let parsed: Option<(u32, String, Value)> = serde_json::from_slice::<Value>(true_header)
        .ok()
        .and_then(|h| {
            let schema = u32::try_from(h.get("schema")?.as_u64()?).ok()?;
            let saved_at = h.get("saved_at")?.as_str()?.to_owned();
            Some((schema, saved_at, h.get("public")?.clone()))
        });
    let Some((schema, saved_at, public_raw)) = parsed else {
        return UnlockError::Unreadable("its sealed header is not readable".into());
    };
    let public: PublicSettings = serde_json::from_value(public_raw.clone()).unwrap_or_default();
    let changes = describe_changes(&public, &locked.public);
    UnlockError::SettingsChanged(Box::new(SettingsChanged {
        changes,
        restored: Locked {
            schema,
            saved_at,
            public_raw,
            public,
            sealed: locked.sealed.clone(),
            lineage: locked.lineage.clone(),
        },
    }))
}

/// What differs between the settings she chose (`chosen`) and what is stored (`found`),
/// in plain words. Never empty: a change elsewhere in the header is said too.
pub fn describe_changes(chosen: &PublicSettings, found: &PublicSettings) -> Vec<String> {
    let mut out = Vec::new();
    if chosen.exit_url != found.exit_url {
        out.push(format!(
            "Quick exit was set to open {}. You chose {}.",
            found.exit_url, chosen.exit_url
        ));
    }
    if chosen.discreet != found.discreet {
        out.push(if chosen.discreet {
            "Discreet mode was turned off. You had it on.".to_owned()
        } else {
            "Discreet mode was turned on. You had it off.".to_owned()
        });
    }
    if chosen.lock_minutes != found.lock_minutes {
        out.push(format!(
            "The time before it locks was set to {} minutes. You chose {}.",
            found.lock_minutes, chosen.lock_minutes
        ));
    }
    if out.is_empty() {
        out.push("The saved details that are not locked were changed.".to_owned());
    }
    out
}

/// The lineage, from the schema that added it on (a list of text; absent means empty, as
/// in a copy).
fn take_lineage(envelope: &mut Map<String, Value>, schema: u32) -> Result<Vec<String>, String> {
    match envelope.remove("lineage") {
        None => Ok(Vec::new()),
        Some(_) if schema < LINEAGE_SCHEMA => Err("unexpected field \"lineage\"".into()),
        Some(Value::Array(ids)) => ids
            .into_iter()
            .map(|id| match id {
                Value::String(id) => Ok(id),
                _ => Err("lineage holds something other than text".to_owned()),
            })
            .collect(),
        Some(_) => Err("lineage is not a list".into()),
    }
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

/// True for the key of a copy Harbour keeps (listed in Settings, sealed under the lock).
pub fn is_kept_copy(key: &str) -> bool {
    key.starts_with(RECOVERY_PREFIX) || key == BEFORE_MIGRATION_KEY
}

#[cfg(test)]
mod tests;
