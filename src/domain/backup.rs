//! Sealed files: backups (everything she has, sealed with a passphrase she types, to move
//! to another device) and kept copies while the lock is on (sealed with her lock key, so a
//! downloaded copy opens by bringing it back with her passphrase). Reading one checks its
//! format before any key work, and a wrong passphrase, a damaged, cut-short, foreign or
//! newer file changes nothing.
//!
//! Version 2 (written now) holds a stored text: her data as Harbour stores it in the clear
//! (the envelope, with its schema), or, for a kept copy of something Harbour could not read,
//! that text as it was. Its format marker names nothing, so the file does not say what it
//! is for. Version 1 files (marker `harbour-backup`, a document and its schema) still open.

use crate::domain::data::Snapshot;
use crate::domain::envelope::{self, Loaded};
use crate::domain::sealed::{self, KdfParams, Key, OpenError, Sealed, IV_LEN};
use crate::domain::{notebook, share};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The format marker of the files Harbour writes.
pub const FORMAT: &str = "notes-backup";
pub const VERSION: u32 = 2;
/// The format marker of version 1 files, still read.
pub const FORMAT_V1: &str = "harbour-backup";
/// Larger files are refused before they are parsed.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// A sealed file as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupFile {
    pub format: String,
    pub version: u32,
    /// When it was made (ISO time).
    pub created: String,
    /// Version 1 only: the data schema inside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<u32>,
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
fn header(file: &BackupFile) -> Vec<u8> {
    match file.schema {
        Some(schema) => format!("{}|{}|{schema}|{}", file.format, file.version, file.created),
        None => format!("{}|{}|{}", file.format, file.version, file.created),
    }
    .into_bytes()
}

/// A sealed file holding `stored_text`, sealed with `key` (from her passphrase and `kdf`'s
/// salt) and a fresh `iv`.
pub fn export(
    stored_text: &str,
    created: &str,
    key: &Key,
    kdf: &KdfParams,
    iv: [u8; IV_LEN],
) -> String {
    let mut file = BackupFile {
        format: FORMAT.into(),
        version: VERSION,
        created: created.into(),
        schema: None,
        cipher: String::new(),
        kdf: kdf.clone(),
        iv: String::new(),
        data: String::new(),
    };
    let sealed = sealed::seal(stored_text.as_bytes(), key, kdf, iv, &header(&file));
    file.cipher = sealed.cipher;
    file.iv = sealed.iv;
    file.data = sealed.data;
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// True when `text` looks like a sealed file (a kept copy sealed under the lock), without
/// checking it further.
pub fn is_sealed_file(text: &str) -> bool {
    serde_json::from_str::<Value>(text).is_ok_and(|v| {
        v.get("format")
            .and_then(Value::as_str)
            .is_some_and(|f| f == FORMAT || f == FORMAT_V1)
    })
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
    let expected_version = match map.get("format").and_then(Value::as_str) {
        Some(FORMAT) => VERSION,
        Some(FORMAT_V1) => 1,
        _ => return Err(ImportError::Foreign),
    };
    match map.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(expected_version) => {
            return Err(ImportError::NewerVersion(
                u32::try_from(v).unwrap_or(u32::MAX),
            ))
        }
        Some(v) if v == u64::from(expected_version) => {}
        _ => return Err(ImportError::Damaged("no version".into())),
    }
    let file: BackupFile =
        serde_json::from_value(value).map_err(|e| ImportError::Damaged(e.to_string()))?;
    match (file.version, file.schema) {
        (1, Some(schema)) if schema > latest_schema => {
            return Err(ImportError::NewerSchema(schema))
        }
        (1, Some(0) | None) => return Err(ImportError::Damaged("no schema".into())),
        (1, Some(_)) | (_, None) => {}
        (_, Some(_)) => return Err(ImportError::Damaged("a schema outside".into())),
    }
    sealed::derivation(&file.kdf).map_err(|e| ImportError::Damaged(format!("{e:?}")))?;
    Ok(file)
}

/// What a sealed file holds, opened.
#[derive(Clone, Debug, PartialEq)]
pub enum Contents {
    /// Her data, brought up to date.
    Snapshot(Box<Snapshot>),
    /// A kept copy of text Harbour could not read: she can download it as it is.
    Text(String),
}

/// Opens a parsed file with the key from her passphrase.
pub fn open(file: &BackupFile, key: &Key) -> Result<Contents, ImportError> {
    let plaintext = open_raw(file, key)?;
    if file.version == 1 {
        let doc: Value =
            serde_json::from_slice(&plaintext).map_err(|e| ImportError::Damaged(e.to_string()))?;
        let schema = file.schema.unwrap_or_default();
        return envelope::read_document(&doc, schema)
            .map(|s| Contents::Snapshot(Box::new(s)))
            .map_err(ImportError::Damaged);
    }
    let text = String::from_utf8(plaintext).map_err(|e| ImportError::Damaged(e.to_string()))?;
    match envelope::load(Some(&text)) {
        Loaded::Ready { snapshot, .. } => Ok(Contents::Snapshot(Box::new(snapshot))),
        Loaded::TooNew { schema, .. } => Err(ImportError::NewerSchema(schema)),
        Loaded::Empty | Loaded::Locked(_) | Loaded::Unreadable { .. } => Ok(Contents::Text(text)),
    }
}

/// Opens a file's sealed bytes with `key` (the stored text for version 2).
pub fn open_raw(file: &BackupFile, key: &Key) -> Result<Vec<u8>, ImportError> {
    let sealed = Sealed {
        cipher: file.cipher.clone(),
        kdf: file.kdf.clone(),
        iv: file.iv.clone(),
        data: file.data.clone(),
    };
    sealed::open(&sealed, key, &header(file)).map_err(|e| match e {
        OpenError::WrongKey => ImportError::WrongPassphraseOrDamaged,
        OpenError::Malformed(why) => ImportError::Damaged(why),
    })
}

/// What in a backup does not pass the checks she gets when she types it (the same
/// validators: contacts and key dates), one line each; empty when all is well. Positions
/// are given, never the text, which may be made to look like something else.
pub fn problems(snapshot: &Snapshot) -> Vec<String> {
    let contacts = snapshot
        .data
        .contacts
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            share::validate_contact(c)
                .first()
                .map(|e| format!("Contact {}: {}", i + 1, sentence(&e.message)))
        });
    let dates = snapshot.data.dates.iter().enumerate().filter_map(|(i, d)| {
        notebook::validate_date(d)
            .first()
            .map(|e| format!("Key date {}: {}", i + 1, sentence(&e.message)))
    });
    contacts.chain(dates).collect()
}

/// A message as a sentence ending in a full stop.
fn sentence(message: &str) -> String {
    if message.ends_with('.') {
        message.to_owned()
    } else {
        format!("{message}.")
    }
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
