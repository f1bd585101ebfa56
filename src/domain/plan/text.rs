//! The plan as plain text, to paste into an email.

use super::{PlanBody, SupervisorAgreed};
use std::fmt::Write;

fn line(out: &mut String, label: &str, value: &str) {
    if !value.trim().is_empty() {
        let _ = writeln!(out, "{label}: {}", value.trim());
    }
}

/// The plan as text. `sections` gives each section's id and title in order; `situation`
/// is her situation in words; `version` describes this copy ("Draft, 23 November 2026").
pub fn to_text(
    plan: &PlanBody,
    sections: &[(&str, &str)],
    situation: &str,
    version: &str,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "HOUSEHOLD SAFETY PLAN");
    let _ = writeln!(out, "{version}");
    let names: Vec<&str> = plan
        .household
        .children
        .iter()
        .map(|c| c.name.trim())
        .filter(|n| !n.is_empty())
        .collect();
    if !names.is_empty() {
        let _ = writeln!(out, "Children: {}", names.join(", "));
    }
    line(&mut out, "Situation", situation);
    for (id, title) in sections {
        let _ = writeln!(
            out,
            "\n{}\n{}",
            title.to_uppercase(),
            "-".repeat(title.chars().count())
        );
        match *id {
            "household" => {
                for a in &plan.household.adults {
                    let rel = if a.relationship.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", a.relationship.trim())
                    };
                    let _ = writeln!(out, "Adult: {}{rel}", a.name.trim());
                }
                for c in &plan.household.children {
                    let _ = writeln!(out, "Child: {}, age {}", c.name.trim(), c.age.trim());
                }
                line(
                    &mut out,
                    "Other children the person arrested sees or may see",
                    &plan.household.other_children,
                );
            }
            "where-things-stand" => {
                let s = &plan.standing;
                line(&mut out, "Police case", s.status.label());
                line(&mut out, "Bail conditions", &s.conditions);
                line(
                    &mut out,
                    "Agreement with children's social care",
                    &s.agreement,
                );
                line(&mut out, "Court orders and conditions", &s.orders);
                line(&mut out, "Bail return date", &s.bail_return);
                line(&mut out, "Next meeting", &s.next_meeting);
            }
            "contact" => {
                line(
                    &mut out,
                    &format!("Does {} live at home", plan.person_name()),
                    plan.contact.lives_at_home.label(),
                );
                for s in &plan.contact.supervisors {
                    let agreed = match s.agreed {
                        SupervisorAgreed::Yes => "agreed by children's social care",
                        SupervisorAgreed::No => "not agreed by children's social care",
                        SupervisorAgreed::NotYet => "not yet agreed by children's social care",
                        SupervisorAgreed::NotAnswered => "",
                    };
                    let _ = writeln!(
                        out,
                        "Supervisor: {}{}",
                        s.name.trim(),
                        if agreed.is_empty() {
                            String::new()
                        } else {
                            format!(" ({agreed})")
                        }
                    );
                }
                line(&mut out, "Overnight stays", &plan.contact.overnight);
            }
            "review" => {
                line(&mut out, "Review date", &plan.review.date);
                line(&mut out, "Agreed by", &plan.review.agreed_by);
            }
            _ => {}
        }
        if let Some(rules) = plan.section(id) {
            for r in rules.rules.iter().filter(|r| !r.text.trim().is_empty()) {
                let _ = writeln!(out, "- {}", r.text.trim());
            }
            line(&mut out, "Also", &rules.notes);
        }
    }
    let _ = writeln!(out, "\nSigned: ____________________   Date: __________");
    let _ = writeln!(out, "Signed: ____________________   Date: __________");
    out
}
