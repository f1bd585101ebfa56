//! A child's plan in words: what changed since a saved version, and a plain-text copy.

use super::{label, text_fields, ChildKnows, ChildPlanBody};

/// What changed between two versions, in plain words.
pub fn changes(old: &ChildPlanBody, new: &ChildPlanBody) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = |label: &str, o: &str, n: &str| {
        let (o, n) = (o.trim(), n.trim());
        if o != n {
            out.push(match (o.is_empty(), n.is_empty()) {
                (true, _) => format!("{label}: added “{n}”"),
                (_, true) => format!("{label}: removed “{o}”"),
                _ => format!("{label}: changed from “{o}” to “{n}”"),
            });
        }
    };
    field("Name", &old.name, &new.name);
    field("Age", &old.age, &new.age);
    field("What they call him", &old.calls_him, &new.calls_him);
    // In the words she ticked, not the ids they are stored as.
    let words = |knows: &[ChildKnows]| {
        knows
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    field("What they know", &words(&old.knows), &words(&new.knows));
    field("School contact", &old.school_contact, &new.school_contact);
    for ((id, o), (_, n)) in text_fields(old).into_iter().zip(text_fields(new)) {
        field(label(id), o, n);
    }
    for p in &new.phrases {
        match old.phrases.iter().find(|x| x.id == p.id) {
            None => out.push(format!("Added phrase: “{}”", p.text.trim())),
            Some(x) if x.text.trim() != p.text.trim() => out.push(format!(
                "Changed phrase: “{}” to “{}”",
                x.text.trim(),
                p.text.trim()
            )),
            _ => {}
        }
    }
    for x in old
        .phrases
        .iter()
        .filter(|x| !new.phrases.iter().any(|p| p.id == x.id))
    {
        out.push(format!("Removed phrase: “{}”", x.text.trim()));
    }
    for q in &new.questions {
        match old.questions.iter().find(|x| x.id == q.id) {
            None => out.push(format!("Added question: “{}”", q.ask.trim())),
            Some(x) if x != q => out.push(format!("Changed the answer to “{}”", q.ask.trim())),
            _ => {}
        }
    }
    for x in old
        .questions
        .iter()
        .filter(|x| !new.questions.iter().any(|q| q.id == x.id))
    {
        out.push(format!("Removed question: “{}”", x.ask.trim()));
    }
    out
}

/// The plan as plain text.
pub fn to_text(plan: &ChildPlanBody) -> String {
    let mut out = format!("TALKING TO {}\n", plan.display_name().to_uppercase());
    let mut line = |label: &str, value: &str| {
        if !value.trim().is_empty() {
            out.push_str(&format!("{label}: {}\n", value.trim()));
        }
    };
    line("Age", &plan.age);
    if let Some(band) = plan.band() {
        line("Age group", band.label());
    }
    line("What they call him", &plan.calls_him);
    line(
        "What they know or may have seen",
        &plan.knows_labels().join(", "),
    );
    for (id, value) in text_fields(plan) {
        line(label(id), value);
    }
    line("School contact", &plan.school_contact);
    if !plan.phrases.is_empty() {
        out.push_str("\nWhat I will say:\n");
        for p in &plan.phrases {
            out.push_str(&format!("- {}\n", p.text.trim()));
        }
    }
    if !plan.questions.is_empty() {
        out.push_str("\nQuestions they might ask:\n");
        for q in &plan.questions {
            out.push_str(&format!("- {}\n  {}\n", q.ask.trim(), q.answer.trim()));
        }
    }
    out
}
