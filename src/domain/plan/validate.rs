//! What must be fixed in the safety plan, in plain English, field by field.

pub use crate::domain::field::FieldError;

use super::{PlanBody, Situation};
use crate::domain::date::Date;

/// Longest text Harbour takes in one field.
pub const MAX_TEXT: usize = 4_000;
/// Longest name or initials.
pub const MAX_NAME: usize = 60;

/// A real date as YYYY-MM-DD (what `<input type=date>` gives): see [`Date::parse`].
pub fn is_date(text: &str) -> bool {
    Date::parse(text).is_some()
}

/// An age in years, as typed: "7", " 7 ", "7 years".
pub fn parse_age(text: &str) -> Result<u32, String> {
    let t = text
        .trim()
        .trim_end_matches("years")
        .trim_end_matches("year")
        .trim();
    if t.is_empty() {
        return Err("Enter the child's age".into());
    }
    match t.parse::<u32>() {
        Ok(n) if n <= 30 => Ok(n),
        Ok(_) => Err("Age must be 30 or under".into()),
        Err(_) => Err("Age must be a number, like 7".into()),
    }
}

fn long(field: &str, text: &str, out: &mut Vec<FieldError>) {
    if text.chars().count() > MAX_TEXT {
        out.push(FieldError::new(
            field,
            format!("This must be {MAX_TEXT} characters or fewer"),
        ));
    }
}

/// Problems on the first page: her situation.
pub fn start(plan: &PlanBody) -> Vec<FieldError> {
    let mut out = Vec::new();
    if plan.situation == Situation::NotChosen {
        out.push(FieldError::new(
            "situation",
            "Select the one that is closest to your situation now",
        ));
    }
    if plan.person.chars().count() > MAX_NAME {
        out.push(FieldError::new(
            "person",
            format!("The name must be {MAX_NAME} characters or fewer"),
        ));
    }
    out
}

/// Problems in one section.
pub fn section(plan: &PlanBody, id: &str) -> Vec<FieldError> {
    let mut out = Vec::new();
    match id {
        "household" => {
            for (i, a) in plan.household.adults.iter().enumerate() {
                let n = i + 1;
                if a.name.trim().is_empty() {
                    out.push(FieldError::new(
                        format!("adult-{}-name", a.id),
                        format!("Enter the name of adult {n}, or remove them"),
                    ));
                } else if a.name.chars().count() > MAX_NAME {
                    out.push(FieldError::new(
                        format!("adult-{}-name", a.id),
                        format!("Adult {n}'s name must be {MAX_NAME} characters or fewer"),
                    ));
                }
            }
            for (i, c) in plan.household.children.iter().enumerate() {
                let n = i + 1;
                if c.name.trim().is_empty() {
                    out.push(FieldError::new(
                        format!("child-{}-name", c.id),
                        format!("Enter child {n}'s first name or initials"),
                    ));
                } else if c.name.chars().count() > MAX_NAME {
                    out.push(FieldError::new(
                        format!("child-{}-name", c.id),
                        format!("Child {n}'s name must be {MAX_NAME} characters or fewer"),
                    ));
                }
                if let Err(why) = parse_age(&c.age) {
                    out.push(FieldError::new(
                        format!("child-{}-age", c.id),
                        format!("Child {n}: {}", why.to_lowercase_first()),
                    ));
                }
            }
            long("other-children", &plan.household.other_children, &mut out);
        }
        "where-things-stand" => {
            // Where the case stands is a `CaseStatus`, so it cannot hold an unknown value.
            let s = &plan.standing;
            for (field, value, label) in [
                ("bail-return", &s.bail_return, "bail return date"),
                ("next-meeting", &s.next_meeting, "date of the next meeting"),
            ] {
                if !value.is_empty() && !is_date(value) {
                    out.push(FieldError::new(
                        field,
                        format!("The {label} must be a real date"),
                    ));
                }
            }
            long("conditions", &s.conditions, &mut out);
            long("agreement", &s.agreement, &mut out);
            long("orders", &s.orders, &mut out);
        }
        "contact" => {
            for (i, s) in plan.contact.supervisors.iter().enumerate() {
                if s.name.trim().is_empty() {
                    out.push(FieldError::new(
                        format!("supervisor-{}-name", s.id),
                        format!("Enter the name of supervisor {}, or remove them", i + 1),
                    ));
                }
            }
            long("overnight", &plan.contact.overnight, &mut out);
        }
        "review" => {
            if !plan.review.date.is_empty() && !is_date(&plan.review.date) {
                out.push(FieldError::new(
                    "review-date",
                    "The review date must be a real date",
                ));
            }
            long("agreed-by", &plan.review.agreed_by, &mut out);
        }
        _ => {}
    }
    if let Some(rules) = plan.section(id) {
        for (i, r) in rules.rules.iter().enumerate() {
            if r.text.trim().is_empty() {
                let what = if r.from.is_empty() {
                    "your rule"
                } else {
                    "the rule"
                };
                out.push(FieldError::new(
                    format!("rule-{}", r.id),
                    format!("Rule {}: write {what}, or remove it", i + 1),
                ));
            } else {
                long(&format!("rule-{}", r.id), &r.text, &mut out);
            }
        }
        long(&format!("{id}-notes"), &rules.notes, &mut out);
    }
    out
}

/// Everything that must be fixed before the plan is marked agreed or sent.
pub fn before_marking(plan: &PlanBody, sections: &[&str]) -> Vec<FieldError> {
    let mut out = start(plan);
    for id in sections {
        out.extend(section(plan, id));
    }
    if plan.review.date.is_empty() {
        out.push(FieldError::new(
            "review-date",
            "Enter the date the plan will be reviewed",
        ));
    }
    out
}

trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowerFirst for String {
    fn to_lowercase_first(&self) -> String {
        let mut c = self.chars();
        match c.next() {
            Some(f) => f.to_lowercase().chain(c).collect(),
            None => String::new(),
        }
    }
}
