//! A plan for talking to one child: the age band from their age, the phrases and answers
//! she chooses and rewrites, the topics she works through, validation, what changed since
//! a saved version, and a plain-text copy.

pub use crate::domain::field::FieldError;

use crate::domain::choice::choice;
use serde::{Deserialize, Serialize};

/// Age bands, as the guidance in `content/children.toml` is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgeBand {
    Under5,
    From5To8,
    From9To12,
    From13To17,
    Adult,
}

impl AgeBand {
    pub const ALL: [AgeBand; 5] = [
        Self::Under5,
        Self::From5To8,
        Self::From9To12,
        Self::From13To17,
        Self::Adult,
    ];

    /// The band for an age in years.
    pub fn from_age(years: u32) -> Self {
        match years {
            0..=4 => Self::Under5,
            5..=8 => Self::From5To8,
            9..=12 => Self::From9To12,
            13..=17 => Self::From13To17,
            _ => Self::Adult,
        }
    }

    /// The id the content uses.
    pub fn id(self) -> &'static str {
        match self {
            Self::Under5 => "under-5",
            Self::From5To8 => "5-8",
            Self::From9To12 => "9-12",
            Self::From13To17 => "13-17",
            Self::Adult => "adult",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Under5 => "Under 5",
            Self::From5To8 => "5 to 8",
            Self::From9To12 => "9 to 12",
            Self::From13To17 => "13 to 17",
            Self::Adult => "Adult children",
        }
    }
}

/// Oldest age Harbour takes (adult children are included).
pub const MAX_AGE: u32 = 60;

/// An age as typed: "7", " 7 ", "7 years".
pub fn parse_age(text: &str) -> Result<u32, String> {
    let t = text.trim();
    let t = t
        .strip_suffix("years")
        .or_else(|| t.strip_suffix("year"))
        .unwrap_or(t)
        .trim();
    if t.is_empty() {
        return Err("Enter the child's age".into());
    }
    match t.parse::<u32>() {
        Ok(n) if n <= MAX_AGE => Ok(n),
        Ok(_) => Err(format!("Age must be {MAX_AGE} or under")),
        Err(_) => Err("Age must be a number, like 7".into()),
    }
}

choice! {
    /// Something the child may already know or have seen (she ticks any of them).
    pub enum ChildKnows {
        Search = "search" => "The police searching the home",
        Arrest = "arrest" => "The arrest",
        MovedOut = "moved-out" => "Someone moving out",
        News = "news" => "Something in the news or online",
        NotSure = "not-sure" => "I am not sure what they know",
    }
}

choice! {
    /// What happened to a version of a child's plan she saved.
    pub enum ChildVersionKind {
        Shared = "shared" => "I shared it with someone",
        Agreed = "agreed" => "It was agreed",
    }
}

/// One plan per child.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildPlan {
    pub id: String,
    pub body: ChildPlanBody,
    pub versions: Vec<ChildPlanVersion>,
}

/// Everything she writes for one child (a version freezes a copy).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildPlanBody {
    /// First name or initials.
    pub name: String,
    pub age: String,
    /// What the child calls the person arrested ("Dad", "Mark"): fills `{name}`.
    pub calls_him: String,
    /// What she ticked, in the order she ticked it.
    pub knows: Vec<ChildKnows>,
    pub knows_more: String,
    pub vulnerable: String,
    pub phrases: Vec<ChosenText>,
    pub own_words: String,
    pub when_where: String,
    pub with_whom: String,
    pub if_upset: String,
    pub questions: Vec<PlannedAnswer>,
    pub trusted_adults: String,
    pub school_dsl: String,
    pub afterwards_watch: String,
    pub follow_up: String,
    pub news_plan: String,
    pub school_who_tells: String,
    pub school_what: String,
    pub school_contact: String,
}

/// A phrase she will use: from a suggestion (`from` = its index in the band's list, as
/// text) or her own (`from` = "").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChosenText {
    pub id: String,
    pub from: String,
    pub text: String,
}

/// A question the child may ask, with her answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlannedAnswer {
    pub id: String,
    pub from: String,
    pub ask: String,
    pub answer: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildPlanVersion {
    pub id: String,
    pub kind: ChildVersionKind,
    pub date: String,
    pub note: String,
    pub body: ChildPlanBody,
}

impl crate::domain::versions::SavedVersion for ChildPlanVersion {
    type Body = ChildPlanBody;
    fn how(&self) -> &'static str {
        // The stored ids are the words the line uses.
        self.kind.id()
    }
    fn date(&self) -> &str {
        &self.date
    }
    fn body(&self) -> &ChildPlanBody {
        &self.body
    }
}

/// Stands in for `{name}` until she says what the child calls him.
pub const NAME_PLACEHOLDER: &str = "[his name]";

/// A suggested phrase or question with `{name}` filled in.
pub fn fill(text: &str, calls_him: &str) -> String {
    let name = calls_him.trim();
    text.replace(
        "{name}",
        if name.is_empty() {
            NAME_PLACEHOLDER
        } else {
            name
        },
    )
}

/// Like [`fill`], for compiled HTML: the name is escaped first.
pub fn fill_html(html: &str, calls_him: &str) -> String {
    let escaped = calls_him
        .trim()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    fill(html, &escaped)
}

impl ChildPlanBody {
    /// The band from the age, if the age is valid.
    pub fn band(&self) -> Option<AgeBand> {
        parse_age(&self.age).ok().map(AgeBand::from_age)
    }

    /// How the plan names the child.
    pub fn display_name(&self) -> &str {
        if self.name.trim().is_empty() {
            "this child"
        } else {
            self.name.trim()
        }
    }

    /// What the child may know, in words, in the order the list offers them.
    pub fn knows_labels(&self) -> Vec<&'static str> {
        ChildKnows::ALL
            .iter()
            .filter(|k| self.knows.contains(k))
            .map(|k| k.label())
            .collect()
    }

    /// Ticks or unticks one thing the child may know.
    pub fn set_knows(&mut self, what: ChildKnows, on: bool) {
        self.knows.retain(|k| *k != what);
        if on {
            self.knows.push(what);
        }
    }

    /// True if suggestion `index` is among her phrases.
    pub fn has_phrase(&self, index: usize) -> bool {
        self.phrases.iter().any(|p| p.from == index.to_string())
    }

    /// Adds (with a new `id`) or removes suggested phrase `index` whose text is `text`.
    pub fn toggle_phrase(&mut self, index: usize, text: &str, on: bool, id: String) {
        let key = index.to_string();
        self.phrases.retain(|p| p.from != key);
        if on {
            self.phrases.push(ChosenText {
                id,
                from: key,
                text: fill(text, &self.calls_him),
            });
        }
    }

    /// True if suggested question `index` is among her planned answers.
    pub fn has_question(&self, index: usize) -> bool {
        self.questions.iter().any(|q| q.from == index.to_string())
    }

    /// Adds or removes suggested question `index`, starting from the suggested answer.
    pub fn toggle_question(&mut self, index: usize, ask: &str, answer: &str, on: bool, id: String) {
        let key = index.to_string();
        self.questions.retain(|q| q.from != key);
        if on {
            self.questions.push(PlannedAnswer {
                id,
                from: key,
                ask: fill(ask, &self.calls_him),
                answer: fill(answer, &self.calls_him),
            });
        }
    }
}

/// Longest text in one field.
pub const MAX_TEXT: usize = 4_000;

/// What must be fixed on a topic's page.
pub fn validate_topic(plan: &ChildPlanBody, topic: Topic) -> Vec<FieldError> {
    let mut out = Vec::new();
    let mut push =
        |field: &str, message: String| out.push(FieldError::new(field.to_owned(), message));
    match topic {
        Topic::About => {
            if plan.name.trim().is_empty() {
                push(
                    "child-name",
                    "Enter the child's first name or initials".into(),
                );
            } else if plan.name.chars().count() > 40 {
                push(
                    "child-name",
                    "The name must be 40 characters or fewer".into(),
                );
            }
            if let Err(why) = parse_age(&plan.age) {
                push("child-age", why);
            }
            if plan.calls_him.chars().count() > 40 {
                push("calls-him", "This must be 40 characters or fewer".into());
            }
        }
        Topic::Say => {
            for (i, p) in plan.phrases.iter().enumerate() {
                if p.text.trim().is_empty() {
                    push(
                        &format!("phrase-{}", p.id),
                        format!("Phrase {}: write it in your words, or untick it", i + 1),
                    );
                }
            }
        }
        Topic::Questions => {
            for (i, q) in plan.questions.iter().enumerate() {
                if q.ask.trim().is_empty() {
                    push(
                        &format!("ask-{}", q.id),
                        format!("Question {}: write the question, or remove it", i + 1),
                    );
                }
            }
        }
        _ => {}
    }
    for (field, text) in text_fields(plan) {
        if text.chars().count() > MAX_TEXT {
            push(
                field,
                format!("This must be {MAX_TEXT} characters or fewer"),
            );
        }
    }
    out
}

/// Every free-text field with its id, for limits and the diff.
pub(crate) fn text_fields(p: &ChildPlanBody) -> [(&'static str, &String); 13] {
    [
        ("knows-more", &p.knows_more),
        ("vulnerable", &p.vulnerable),
        ("own-words", &p.own_words),
        ("when-where", &p.when_where),
        ("with-whom", &p.with_whom),
        ("if-upset", &p.if_upset),
        ("trusted-adults", &p.trusted_adults),
        ("school-dsl", &p.school_dsl),
        ("afterwards-watch", &p.afterwards_watch),
        ("follow-up", &p.follow_up),
        ("news-plan", &p.news_plan),
        ("school-who-tells", &p.school_who_tells),
        ("school-what", &p.school_what),
    ]
}

/// Labels for the fields in the diff and the text copy.
pub fn label(field: &str) -> &'static str {
    match field {
        "knows-more" => "What they know or may have seen",
        "vulnerable" => "Anything that makes them more vulnerable",
        "own-words" => "In my own words",
        "when-where" => "When and where",
        "with-whom" => "Who will be with me",
        "if-upset" => "If one of us gets upset",
        "trusted-adults" => "Trusted adults they can talk to",
        "school-dsl" => "The school's safeguarding lead",
        "afterwards-watch" => "Signs I will watch for",
        "follow-up" => "Follow-up conversations",
        "news-plan" => "If it reaches the news or social media",
        "school-who-tells" => "Who tells the school",
        "school-what" => "What the school is told",
        "school-contact" => "School contact",
        _ => "",
    }
}

/// How far a topic has got.
pub fn done(plan: &ChildPlanBody, topic: Topic) -> bool {
    let filled = |s: &String| !s.trim().is_empty();
    match topic {
        Topic::About => validate_topic(plan, Topic::About).is_empty(),
        Topic::Guidance => plan.band().is_some(),
        Topic::Say => !plan.phrases.is_empty() || filled(&plan.own_words),
        Topic::Questions => !plan.questions.is_empty(),
        Topic::TalkTo => filled(&plan.trusted_adults) || filled(&plan.school_dsl),
        Topic::Afterwards => {
            filled(&plan.afterwards_watch) || filled(&plan.follow_up) || filled(&plan.news_plan)
        }
        Topic::School => {
            filled(&plan.school_who_tells)
                || filled(&plan.school_what)
                || filled(&plan.school_contact)
        }
    }
}

mod text;
mod topic;

pub use text::{changes, to_text};
pub use topic::Topic;

#[cfg(test)]
mod tests;
