//! What she has typed into a form but not saved or added yet (schema
//! [`crate::domain::migrate::DRAFTS_SCHEMA`]).
//!
//! Drafts are part of her data, so they are saved as she types, sealed under the lock,
//! included in backups and removed by "Delete everything", like every other word she writes.
//! Each form has its own typed place: the big forms a field each, the short forms (a note on
//! a version of a plan, what was decided at a meeting) a list keyed by a [`DraftKey`].

use crate::domain::notebook::{KeyDate, NoteEntry};
use crate::domain::share::{Contact, SharedService};
use serde::{Deserialize, Serialize};

/// Her unsaved forms. `None` (or no short draft) is an empty form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drafts {
    /// The notebook entry being written (its `id` is set when she is changing a saved one).
    pub entry: Option<NoteEntry>,
    /// The key date being added.
    pub date: Option<KeyDate>,
    /// The contact being added (or changed, when its `id` is set).
    pub contact: Option<Contact>,
    /// The service a support worker is making a link for.
    pub link: Option<SharedService>,
    /// The short forms, one entry per form that has text.
    pub short: Vec<ShortDraft>,
}

/// Which short form a [`ShortDraft`] belongs to. Stored as a plain string (`"plan-version"`,
/// `"child-version:<child id>"`, `"decision:<meeting id>"`), so it keys a list that two tabs
/// can merge entry by entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DraftKey(String);

impl DraftKey {
    /// The note on a version of the household safety plan.
    pub fn plan_version() -> Self {
        Self("plan-version".to_owned())
    }
    /// The note on a version of one child's plan.
    pub fn child_version(child: &str) -> Self {
        Self(format!("child-version:{child}"))
    }
    /// What was decided at one kind of meeting.
    pub fn decision(meeting: &str) -> Self {
        Self(format!("decision:{meeting}"))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A short form's fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShortDraft {
    pub id: DraftKey,
    /// A choice in the form, or "": the id of a
    /// [`PlanVersionKind`](crate::domain::plan::PlanVersionKind) or a
    /// [`ChildVersionKind`](crate::domain::child_plan::ChildVersionKind). Kept as the id,
    /// as the radio gives it, because every short form shares this shape; the page turns it
    /// into its kind when she saves.
    pub choice: String,
    /// A date in the form (YYYY-MM-DD), or "".
    pub date: String,
    /// What she wrote.
    pub text: String,
}

/// A short form's fields without its key, as the page holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShortFields {
    pub choice: String,
    pub date: String,
    pub text: String,
}

impl Drafts {
    /// The short form's kept fields, if any.
    pub fn short(&self, key: &DraftKey) -> Option<ShortFields> {
        self.short
            .iter()
            .find(|d| d.id == *key)
            .map(|d| ShortFields {
                choice: d.choice.clone(),
                date: d.date.clone(),
                text: d.text.clone(),
            })
    }

    /// Keeps (or with `None`, clears) a short form's fields.
    pub fn set_short(&mut self, key: &DraftKey, fields: Option<ShortFields>) {
        match (self.short.iter_mut().find(|d| d.id == *key), fields) {
            (Some(d), Some(f)) => {
                d.choice = f.choice;
                d.date = f.date;
                d.text = f.text;
            }
            (None, Some(f)) => self.short.push(ShortDraft {
                id: key.clone(),
                choice: f.choice,
                date: f.date,
                text: f.text,
            }),
            (_, None) => self.short.retain(|d| d.id != *key),
        }
    }

    /// No form has anything kept.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Applies an edit to a kept form: starts from the kept fields or else `blank`, and keeps the
/// result only if it differs from `blank` (a form she emptied again keeps nothing).
pub fn edit<T: Clone + PartialEq>(kept: Option<T>, blank: &T, f: impl FnOnce(&mut T)) -> Option<T> {
    let mut value = kept.unwrap_or_else(|| blank.clone());
    f(&mut value);
    (value != *blank).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::notebook::EntryKind;

    fn fields(text: &str) -> ShortFields {
        ShortFields {
            choice: "agreed".into(),
            date: String::new(),
            text: text.into(),
        }
    }

    #[test]
    fn a_short_draft_is_kept_changed_and_cleared_by_its_key() {
        let mut d = Drafts::default();
        let plan = DraftKey::plan_version();
        let child = DraftKey::child_version("c1");
        d.set_short(&plan, Some(fields("With Ms A")));
        d.set_short(&child, Some(fields("Shared")));
        d.set_short(&plan, Some(fields("With Ms A and Mr B")));
        assert_eq!(d.short(&plan), Some(fields("With Ms A and Mr B")));
        assert_eq!(d.short(&child), Some(fields("Shared")));
        assert_eq!(d.short(&DraftKey::child_version("c2")), None);
        assert_eq!(d.short.len(), 2);
        d.set_short(&plan, None);
        assert_eq!(d.short(&plan), None);
        d.set_short(&child, None);
        assert!(d.is_empty());
    }

    #[test]
    fn an_edit_keeps_a_changed_form_and_nothing_for_a_blank_one() {
        let blank = NoteEntry {
            kind: EntryKind::Meeting,
            ..NoteEntry::default()
        };
        let kept = edit(None, &blank, |e| e.said = "She will write.".into());
        assert_eq!(
            kept.as_ref().map(|e| e.said.as_str()),
            Some("She will write.")
        );
        assert_eq!(kept.as_ref().map(|e| e.kind.id()), Some("meeting"));
        // Typing on keeps the earlier fields.
        let kept = edit(kept, &blank, |e| e.who = "Ms A".into()).unwrap();
        assert_eq!(
            (kept.said.as_str(), kept.who.as_str()),
            ("She will write.", "Ms A")
        );
        // Emptied again: nothing kept.
        let kept = edit(Some(kept), &blank, |e| {
            e.said.clear();
            e.who.clear();
        });
        assert_eq!(kept, None);
    }

    #[test]
    fn keys_are_stored_as_stable_plain_strings() {
        let mut d = Drafts::default();
        d.set_short(&DraftKey::decision("conference"), Some(fields("x")));
        d.set_short(&DraftKey::child_version("c1"), Some(fields("y")));
        d.set_short(&DraftKey::plan_version(), Some(fields("z")));
        let json = serde_json::to_value(&d).unwrap();
        let ids: Vec<&str> = json["short"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap())
            .collect();
        assert_eq!(
            ids,
            ["decision:conference", "child-version:c1", "plan-version"]
        );
        assert_eq!(
            serde_json::to_string(&Drafts::default()).unwrap(),
            r#"{"entry":null,"date":null,"contact":null,"link":null,"short":[]}"#
        );
        let back: Drafts = serde_json::from_value(json).unwrap();
        assert_eq!(back, d);
    }

    #[test]
    fn two_tabs_typing_into_different_forms_keep_both_drafts() {
        use crate::domain::data::AppData;
        use crate::domain::merge::merge;
        let base = AppData::default();
        let mut ours = base.clone();
        ours.drafts.entry = Some(NoteEntry {
            said: "typed here".into(),
            ..NoteEntry::default()
        });
        ours.drafts
            .set_short(&DraftKey::plan_version(), Some(fields("ours")));
        let mut theirs = base.clone();
        theirs.drafts.date = Some(KeyDate {
            place: "typed there".into(),
            ..KeyDate::default()
        });
        theirs
            .drafts
            .set_short(&DraftKey::decision("conference"), Some(fields("theirs")));
        let m = merge(&base, &ours, &theirs);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let d = m.value.drafts;
        assert_eq!(d.entry.unwrap().said, "typed here");
        assert_eq!(d.date.unwrap().place, "typed there");
        assert_eq!(d.short.len(), 2);
    }

    #[test]
    fn saving_an_entry_clears_its_draft_and_keeps_the_others() {
        use crate::domain::data::AppData;
        let mut data = AppData::default();
        let blank = NoteEntry::default();
        data.drafts.entry = edit(None, &blank, |e| e.said = "words".into());
        data.drafts.date = edit(None, &KeyDate::default(), |d| d.notes = "bring it".into());
        // As the page saves: the entry goes into the notebook, its draft is cleared.
        let entry = data.drafts.entry.take().unwrap();
        data.notebook.push(entry);
        assert_eq!(data.notebook[0].said, "words");
        assert_eq!(data.drafts.entry, None);
        assert_eq!(data.drafts.date.as_ref().unwrap().notes, "bring it");
        // Deleting everything (a fresh AppData) leaves no draft.
        assert!(AppData::default().drafts.is_empty());
    }

    #[test]
    fn drafts_are_sealed_under_the_lock_and_carried_by_a_backup() {
        use crate::domain::backup::{self, Contents};
        use crate::domain::data::{AppData, Snapshot};
        use crate::domain::envelope::{self, Loaded};
        use crate::domain::migrate::LATEST;
        use crate::domain::sealed::{new_kdf, Key, BOUND_IV_LEN, IV_LEN, SALT_LEN};
        let mut data = AppData::default();
        data.drafts.entry = Some(NoteEntry {
            said: "CANARY-DRAFT".into(),
            ..NoteEntry::default()
        });
        data.drafts
            .set_short(&DraftKey::plan_version(), Some(fields("CANARY-SHORT")));
        let snapshot = Snapshot {
            data,
            ..Snapshot::default()
        };
        let key = Key::from_bytes([9; 32]);
        let kdf = new_kdf([4; SALT_LEN]);
        let sealed = envelope::encode_sealed(&snapshot, "t", &key, &kdf, [5; BOUND_IV_LEN]);
        assert!(
            !sealed.contains("CANARY"),
            "no draft in the clear under the lock"
        );
        let Loaded::Locked(locked) = envelope::load(Some(&sealed)) else {
            panic!("expected Locked");
        };
        assert_eq!(
            envelope::open_locked(&locked, &key).unwrap().snapshot,
            snapshot
        );
        let clear = envelope::encode(&snapshot, "t");
        let file = backup::export(&clear, "t", &key, &kdf, [2; IV_LEN]);
        assert!(!file.contains("CANARY"), "the backup is sealed");
        let opened = backup::open(&backup::parse(&file, LATEST).unwrap(), &key).unwrap();
        assert_eq!(opened, Contents::Snapshot(Box::new(snapshot)));
    }

    #[test]
    fn an_unknown_field_in_a_draft_is_refused() {
        let text = r#"{"entry":null,"date":null,"contact":null,"link":null,"short":[],"other":1}"#;
        assert!(serde_json::from_str::<Drafts>(text).is_err());
    }
}
