//! The household safety plan: its shape, starting it from her situation, and how complete
//! each section is. Validation, the version diff and the plain-text copy are submodules.

pub mod diff;
pub mod text;
pub mod validate;

use crate::domain::choice::choice;
use serde::{Deserialize, Serialize};

/// What the plan calls the person arrested when she has not given a name.
pub const DEFAULT_PERSON: &str = "the person arrested";

/// The plan, with the versions she has marked as agreed or sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyPlan {
    pub body: PlanBody,
    pub versions: Vec<PlanVersion>,
}

choice! {
    /// Her situation, chosen on the plan's first page. The words match the situations in
    /// `content/safety-plan.toml`, which add a hint to each (a test checks they agree).
    pub enum Situation: NotChosen => "" {
        MovedOut = "moved-out" => "He has moved out",
        AtHome = "at-home" => "He lives at home, with rules in place",
        SupervisedElsewhere = "supervised-elsewhere" => "He sees the children only away from home",
    }
}

/// Everything she writes in the plan (a version freezes a copy of this).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanBody {
    pub situation: Situation,
    /// How the plan names the person arrested ("" = [`DEFAULT_PERSON`]).
    pub person: String,
    pub household: Household,
    pub standing: Standing,
    pub contact: ContactArrangements,
    pub review: Review,
    /// Her rules, one entry per section she has written in.
    pub sections: Vec<SectionRules>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Household {
    pub adults: Vec<Adult>,
    pub children: Vec<HouseholdChild>,
    /// Other children the person arrested sees or may see.
    pub other_children: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adult {
    pub id: String,
    pub name: String,
    pub relationship: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseholdChild {
    pub id: String,
    /// First name or initials (full names are not asked for).
    pub name: String,
    pub age: String,
}

/// Where things stand with the police, the courts and children's social care.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standing {
    pub status: CaseStatus,
    pub conditions: String,
    pub agreement: String,
    pub orders: String,
    /// YYYY-MM-DD or "".
    pub bail_return: String,
    /// YYYY-MM-DD or "".
    pub next_meeting: String,
}

choice! {
    /// Where the police case stands.
    pub enum CaseStatus: NotChosen => "" {
        Bail = "bail" => "On bail, with conditions",
        Rui = "rui" => "Released under investigation (no bail)",
        Charged = "charged" => "Charged, waiting for court",
        Convicted = "convicted" => "Convicted or cautioned",
        NotKnown = "not-known" => "I do not know yet",
    }
}

choice! {
    /// Whether the person arrested lives at home.
    pub enum LivesAtHome: NotAnswered => "" {
        Yes = "yes" => "Yes",
        No = "no" => "No",
    }
}

choice! {
    /// Whether children's social care has agreed a supervisor.
    pub enum SupervisorAgreed: NotAnswered => "" {
        Yes = "yes" => "Yes",
        NotYet = "not-yet" => "Not yet",
        No = "no" => "No",
    }
}

choice! {
    /// What happened to a version of the plan she marked.
    pub enum PlanVersionKind {
        Agreed = "agreed" => "It was agreed",
        Sent = "sent" => "I sent it to someone",
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactArrangements {
    pub lives_at_home: LivesAtHome,
    pub supervisors: Vec<Supervisor>,
    pub overnight: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Supervisor {
    pub id: String,
    pub name: String,
    /// Whether children's social care has agreed them.
    pub agreed: SupervisorAgreed,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// YYYY-MM-DD or "".
    pub date: String,
    pub agreed_by: String,
}

/// Her rules for one section.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionRules {
    /// The section's id.
    pub id: String,
    pub rules: Vec<ChosenRule>,
    /// Anything else she wants to say in this section.
    pub notes: String,
}

/// A rule in her plan: a suggested one (perhaps edited) or her own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChosenRule {
    pub id: String,
    /// The suggested rule's id it came from, or "" for her own.
    pub from: String,
    pub text: String,
}

/// A frozen copy of the plan as agreed with or sent to someone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanVersion {
    pub id: String,
    pub kind: PlanVersionKind,
    /// YYYY-MM-DD.
    pub date: String,
    /// Who it was agreed with or sent to.
    pub note: String,
    pub body: PlanBody,
}

impl crate::domain::versions::SavedVersion for PlanVersion {
    type Body = PlanBody;
    fn how(&self) -> &'static str {
        // The stored ids are the words the line uses.
        self.kind.id()
    }
    fn date(&self) -> &str {
        &self.date
    }
    fn body(&self) -> &PlanBody {
        &self.body
    }
}

/// A suggested rule, as the content gives it (kept separate from `crate::content` types so
/// this module stays testable with any rules).
#[derive(Clone, Copy, Debug)]
pub struct Suggestion<'a> {
    pub section: &'a str,
    pub id: &'a str,
    pub text: &'a str,
    pub situations: &'a [&'a str],
}

/// How far a section has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Completed,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Completed => "Completed",
        }
    }
}

/// `{person}` in a suggested rule, filled with the name she gave.
pub fn fill(text: &str, person: &str) -> String {
    let name = if person.trim().is_empty() {
        DEFAULT_PERSON
    } else {
        person.trim()
    };
    let filled = text.replace("{person}", name);
    // "the person arrested will…" at the start of a sentence needs a capital.
    let mut chars = filled.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => filled,
    }
}

impl PlanBody {
    /// The name the plan uses for the person arrested.
    pub fn person_name(&self) -> &str {
        if self.person.trim().is_empty() {
            DEFAULT_PERSON
        } else {
            self.person.trim()
        }
    }

    /// Changes the name used for the person arrested, updating suggested rules whose words
    /// she has not changed.
    pub fn rename_person(&mut self, person: String, suggestions: &[Suggestion]) {
        let old = std::mem::replace(&mut self.person, person);
        for section in &mut self.sections {
            for rule in section.rules.iter_mut().filter(|r| !r.from.is_empty()) {
                if let Some(s) = suggestions.iter().find(|s| s.id == rule.from) {
                    if rule.text == fill(s.text, &old) {
                        rule.text = fill(s.text, &self.person);
                    }
                }
            }
        }
    }

    /// Her rules for a section (empty if she has not written there).
    pub fn section(&self, id: &str) -> Option<&SectionRules> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Her rules for a section, created empty if needed.
    pub fn section_mut(&mut self, id: &str) -> &mut SectionRules {
        if let Some(i) = self.sections.iter().position(|s| s.id == id) {
            return &mut self.sections[i];
        }
        self.sections.push(SectionRules {
            id: id.to_owned(),
            ..SectionRules::default()
        });
        self.sections.last_mut().expect("just pushed")
    }

    /// Sets her situation. The first time, ticks the suggested rules that usually apply
    /// there (each one editable). Later changes keep every rule she has.
    pub fn choose_situation(&mut self, situation: Situation, suggestions: &[Suggestion]) {
        let first_time = self.situation == Situation::NotChosen
            && self.sections.iter().all(|s| s.rules.is_empty());
        self.situation = situation;
        if !first_time {
            return;
        }
        for s in suggestions
            .iter()
            .filter(|s| s.situations.contains(&situation.id()))
        {
            let text = fill(s.text, &self.person);
            let section = self.section_mut(s.section);
            section.rules.push(ChosenRule {
                id: format!("suggested-{}", s.id),
                from: s.id.to_owned(),
                text,
            });
        }
    }

    /// True if the suggested rule is in her plan.
    pub fn has_suggestion(&self, section: &str, suggestion_id: &str) -> bool {
        self.section(section)
            .is_some_and(|s| s.rules.iter().any(|r| r.from == suggestion_id))
    }

    /// Adds or removes a suggested rule.
    pub fn toggle_suggestion(&mut self, suggestion: &Suggestion, on: bool) {
        let person = self.person.clone();
        let section = self.section_mut(suggestion.section);
        section.rules.retain(|r| r.from != suggestion.id);
        if on {
            section.rules.push(ChosenRule {
                id: format!("suggested-{}", suggestion.id),
                from: suggestion.id.to_owned(),
                text: fill(suggestion.text, &person),
            });
        }
    }

    /// How far a section has got.
    pub fn status(&self, section: &str) -> Status {
        let rules = self.section(section);
        let written = rules.is_some_and(|s| !s.rules.is_empty() || !s.notes.trim().is_empty());
        let structured = match section {
            "household" => {
                !self.household.children.is_empty()
                    || !self.household.adults.is_empty()
                    || !self.household.other_children.trim().is_empty()
            }
            "where-things-stand" => self.standing.status != CaseStatus::NotChosen,
            "contact" => {
                self.contact.lives_at_home != LivesAtHome::NotAnswered
                    || !self.contact.supervisors.is_empty()
            }
            "review" => !self.review.date.is_empty(),
            _ => false,
        };
        if !written && !structured {
            return Status::NotStarted;
        }
        let needed = match section {
            "household" => !self.household.children.is_empty(),
            "where-things-stand" => self.standing.status != CaseStatus::NotChosen,
            "contact" => self.contact.lives_at_home != LivesAtHome::NotAnswered,
            "review" => !self.review.date.is_empty(),
            _ => rules.is_some_and(|s| !s.rules.is_empty()),
        };
        if needed && validate::section(self, section).is_empty() {
            Status::Completed
        } else {
            Status::InProgress
        }
    }
}

impl SafetyPlan {
    /// Freezes the plan as agreed or sent on `date`.
    pub fn mark(&mut self, id: String, kind: PlanVersionKind, date: &str, note: &str) {
        self.versions.push(PlanVersion {
            id,
            kind,
            date: date.to_owned(),
            note: note.to_owned(),
            body: self.body.clone(),
        });
    }

    /// True when a review date is set and has passed (`today` as YYYY-MM-DD).
    pub fn review_due(&self, today: &str) -> bool {
        let date = &self.body.review.date;
        validate::is_date(date) && date.as_str() < today
    }
}

#[cfg(test)]
mod tests;
