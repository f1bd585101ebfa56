//! Backup files: everything she has, sealed with a passphrase she types (the same scheme as
//! the lock), to move to another device. Reading one checks its format before any key work,
//! and a wrong passphrase, a damaged, cut-short, foreign or newer file changes nothing.

use crate::domain::sealed::{self, KdfParams, Key, OpenError, Sealed, IV_LEN};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub const FORMAT: &str = "harbour-backup";
pub const VERSION: u32 = 1;
/// Larger files are refused before they are parsed.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// A backup file as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupFile {
    pub format: String,
    pub version: u32,
    /// When it was made (ISO time).
    pub created: String,
    /// The data schema inside.
    pub schema: u32,
    pub cipher: String,
    pub kdf: KdfParams,
    pub iv: String,
    pub data: String,
}

/// Why a file could not be used. Nothing is changed in any of these cases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge,
    NotAFile,
    Foreign,
    NewerVersion(u32),
    NewerSchema(u32),
    Damaged(String),
    WrongPassphraseOrDamaged,
}

impl ImportError {
    /// What to tell her.
    pub fn message(&self) -> String {
        match self {
            Self::TooLarge => "This file is too big to be a Harbour backup.".into(),
            Self::NotAFile | Self::Foreign => "This is not a Harbour backup file. Choose the file Harbour made when you backed up.".into(),
            Self::NewerVersion(_) | Self::NewerSchema(_) => "This backup was made by a newer version of Harbour. Reload Harbour to get the newest version, then try again.".into(),
            Self::Damaged(_) => "This backup file is damaged or incomplete, so Harbour cannot read it.".into(),
            Self::WrongPassphraseOrDamaged => "The passphrase is wrong, or the file is damaged. Check the passphrase and try again.".into(),
        }
    }
}

/// The authenticated header: editing any of it makes the file refuse to open.
fn header(file_schema: u32, created: &str) -> Vec<u8> {
    format!("{FORMAT}|{VERSION}|{file_schema}|{created}").into_bytes()
}

/// A backup file for `doc` (`{ "public": …, "data": … }` at `schema`), sealed with `key`
/// (from her passphrase and `kdf`'s fresh salt) and a fresh `iv`.
pub fn export(
    doc: &Value,
    schema: u32,
    created: &str,
    key: &Key,
    kdf: &KdfParams,
    iv: [u8; IV_LEN],
) -> String {
    let plaintext = serde_json::to_vec(doc).unwrap_or_default();
    let sealed = sealed::seal(&plaintext, key, kdf, iv, &header(schema, created));
    let file = BackupFile {
        format: FORMAT.into(),
        version: VERSION,
        created: created.into(),
        schema,
        cipher: sealed.cipher,
        kdf: sealed.kdf,
        iv: sealed.iv,
        data: sealed.data,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a file's outside, checking everything that can be checked without the key.
pub fn parse(text: &str, latest_schema: u32) -> Result<BackupFile, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge);
    }
    let value: Value = serde_json::from_str(text).map_err(|_| ImportError::NotAFile)?;
    let Value::Object(map) = &value else {
        return Err(ImportError::NotAFile);
    };
    if map.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::Foreign);
    }
    match map.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(VERSION) => {
            return Err(ImportError::NewerVersion(
                u32::try_from(v).unwrap_or(u32::MAX),
            ))
        }
        Some(v) if v == u64::from(VERSION) => {}
        _ => return Err(ImportError::Damaged("no version".into())),
    }
    let file: BackupFile =
        serde_json::from_value(value).map_err(|e| ImportError::Damaged(e.to_string()))?;
    if file.schema > latest_schema {
        return Err(ImportError::NewerSchema(file.schema));
    }
    if file.schema == 0 {
        return Err(ImportError::Damaged("no schema".into()));
    }
    sealed::derivation(&file.kdf).map_err(|e| ImportError::Damaged(format!("{e:?}")))?;
    Ok(file)
}

/// Opens a parsed file with the key from her passphrase: the stored document.
pub fn open(file: &BackupFile, key: &Key) -> Result<Value, ImportError> {
    let sealed = Sealed {
        cipher: file.cipher.clone(),
        kdf: file.kdf.clone(),
        iv: file.iv.clone(),
        data: file.data.clone(),
    };
    let plaintext =
        sealed::open(&sealed, key, &header(file.schema, &file.created)).map_err(|e| match e {
            OpenError::WrongKey => ImportError::WrongPassphraseOrDamaged,
            OpenError::Malformed(why) => ImportError::Damaged(why),
        })?;
    let doc: Value =
        serde_json::from_slice(&plaintext).map_err(|e| ImportError::Damaged(e.to_string()))?;
    if !doc.get("data").is_some_and(Value::is_object)
        || !doc.get("public").is_some_and(Value::is_object)
    {
        return Err(ImportError::Damaged("not Harbour's data".into()));
    }
    Ok(doc)
}

/// Friendly names for what a document holds.
const NAMES: &[(&str, &str)] = &[
    ("notebook", "notebook entries"),
    ("dates", "key dates"),
    ("contacts", "contacts"),
    ("children", "children's plans"),
];

/// What a document holds, for the preview: ("notebook entries", 3), …, plus whether there
/// is a safety plan and notes.
pub fn summary(doc: &Value) -> Vec<(String, usize)> {
    let data = doc.get("data");
    let mut out: Vec<(String, usize)> = NAMES
        .iter()
        .map(|(key, name)| {
            (
                (*name).to_owned(),
                data.and_then(|d| d.get(key))
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len),
            )
        })
        .collect();
    let plan_started = data
        .and_then(|d| d.pointer("/plan/body/situation"))
        .and_then(Value::as_str)
        .is_some_and(|s| !s.is_empty());
    out.push(("safety plan".into(), usize::from(plan_started)));
    let notes = data
        .and_then(|d| d.get("notes"))
        .and_then(Value::as_str)
        .is_some_and(|s| !s.trim().is_empty());
    out.push(("page of free notes".into(), usize::from(notes)));
    out
}

/// Merges `incoming` into `current` under "data", losing nothing of `current`: lists of
/// items with an "id" gain the items with new ids (an item already here stays as it is
/// here); objects merge key by key; text keeps `current`'s when it has any; anything else
/// keeps `current`'s. The clear settings are `current`'s.
pub fn merge(current: &Value, incoming: &Value) -> Value {
    let mut out = current.clone();
    if let (Some(cur), Some(inc)) = (current.get("data"), incoming.get("data")) {
        out["data"] = merge_value(cur, inc);
    }
    out
}

fn merge_value(cur: &Value, inc: &Value) -> Value {
    match (cur, inc) {
        (Value::Object(c), Value::Object(i)) => {
            let mut out = Map::new();
            for (k, v) in c {
                out.insert(
                    k.clone(),
                    match i.get(k) {
                        Some(iv) => merge_value(v, iv),
                        None => v.clone(),
                    },
                );
            }
            for (k, v) in i {
                if !c.contains_key(k) {
                    out.insert(k.clone(), v.clone());
                }
            }
            Value::Object(out)
        }
        (Value::Array(c), Value::Array(i)) if keyed(c) && keyed(i) => {
            let mut out = c.clone();
            for item in i {
                if !c.iter().any(|x| x.get("id") == item.get("id")) {
                    out.push(item.clone());
                }
            }
            Value::Array(out)
        }
        (Value::String(c), Value::String(_)) if !c.trim().is_empty() => cur.clone(),
        (Value::String(_), Value::String(_)) => inc.clone(),
        _ => cur.clone(),
    }
}

fn keyed(items: &[Value]) -> bool {
    items
        .iter()
        .all(|v| v.get("id").and_then(Value::as_str).is_some())
}

#[cfg(test)]
mod tests;
