//! What changed between two versions of the plan, in plain words.

use super::PlanBody;

/// One change, for the "what changed since" list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Where: "Contact and supervision", "Review".
    pub place: String,
    /// What: "Added: …", "Removed: …", "Changed from … to …".
    pub what: String,
}

fn change(place: &str, what: String) -> Change {
    Change {
        place: place.to_owned(),
        what,
    }
}

fn text_field(place: &str, label: &str, old: &str, new: &str, out: &mut Vec<Change>) {
    let (o, n) = (old.trim(), new.trim());
    if o == n {
        return;
    }
    let what = match (o.is_empty(), n.is_empty()) {
        (true, _) => format!("{label}: added “{n}”"),
        (_, true) => format!("{label}: removed “{o}”"),
        _ => format!("{label}: changed from “{o}” to “{n}”"),
    };
    out.push(change(place, what));
}

/// Changes from `old` to `new`. `section_title` names a section id for the reader.
pub fn changes(
    old: &PlanBody,
    new: &PlanBody,
    section_title: impl Fn(&str) -> String,
) -> Vec<Change> {
    let mut out = Vec::new();
    // Choices read as the words she picked (an unanswered one reads as nothing).
    text_field(
        "Your situation",
        "Situation",
        old.situation.label(),
        new.situation.label(),
        &mut out,
    );
    text_field(
        "Your situation",
        "Name used for the person arrested",
        &old.person,
        &new.person,
        &mut out,
    );

    let household = section_title("household");
    for c in &new.household.children {
        match old.household.children.iter().find(|o| o.id == c.id) {
            None => out.push(change(
                &household,
                format!("Added child: {} ({})", c.name, c.age),
            )),
            Some(o) if o != c => out.push(change(
                &household,
                format!(
                    "Changed child: {} ({}) to {} ({})",
                    o.name, o.age, c.name, c.age
                ),
            )),
            _ => {}
        }
    }
    for o in old
        .household
        .children
        .iter()
        .filter(|o| !new.household.children.iter().any(|c| c.id == o.id))
    {
        out.push(change(&household, format!("Removed child: {}", o.name)));
    }
    for a in &new.household.adults {
        match old.household.adults.iter().find(|o| o.id == a.id) {
            None => out.push(change(&household, format!("Added adult: {}", a.name))),
            Some(o) if o != a => out.push(change(
                &household,
                format!("Changed adult: {} to {}", o.name, a.name),
            )),
            _ => {}
        }
    }
    for o in old
        .household
        .adults
        .iter()
        .filter(|o| !new.household.adults.iter().any(|a| a.id == o.id))
    {
        out.push(change(&household, format!("Removed adult: {}", o.name)));
    }
    text_field(
        &household,
        "Other children",
        &old.household.other_children,
        &new.household.other_children,
        &mut out,
    );

    let standing = section_title("where-things-stand");
    text_field(
        &standing,
        "Police case",
        old.standing.status.label(),
        new.standing.status.label(),
        &mut out,
    );
    text_field(
        &standing,
        "Bail conditions",
        &old.standing.conditions,
        &new.standing.conditions,
        &mut out,
    );
    text_field(
        &standing,
        "Agreement with children's social care",
        &old.standing.agreement,
        &new.standing.agreement,
        &mut out,
    );
    text_field(
        &standing,
        "Court orders",
        &old.standing.orders,
        &new.standing.orders,
        &mut out,
    );
    text_field(
        &standing,
        "Bail return date",
        &old.standing.bail_return,
        &new.standing.bail_return,
        &mut out,
    );
    text_field(
        &standing,
        "Next meeting",
        &old.standing.next_meeting,
        &new.standing.next_meeting,
        &mut out,
    );

    let contact = section_title("contact");
    text_field(
        &contact,
        "Lives at home",
        old.contact.lives_at_home.label(),
        new.contact.lives_at_home.label(),
        &mut out,
    );
    for s in &new.contact.supervisors {
        match old.contact.supervisors.iter().find(|o| o.id == s.id) {
            None => out.push(change(&contact, format!("Added supervisor: {}", s.name))),
            Some(o) if o != s => out.push(change(
                &contact,
                format!("Changed supervisor: {} to {}", o.name, s.name),
            )),
            _ => {}
        }
    }
    for o in old
        .contact
        .supervisors
        .iter()
        .filter(|o| !new.contact.supervisors.iter().any(|s| s.id == o.id))
    {
        out.push(change(&contact, format!("Removed supervisor: {}", o.name)));
    }
    text_field(
        &contact,
        "Overnight stays",
        &old.contact.overnight,
        &new.contact.overnight,
        &mut out,
    );

    let mut ids: Vec<&str> = new
        .sections
        .iter()
        .chain(&old.sections)
        .map(|s| s.id.as_str())
        .collect();
    ids.dedup();
    let mut seen = Vec::new();
    for id in ids {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let title = section_title(id);
        let empty = Default::default();
        let o = old.section(id).unwrap_or(&empty);
        let n = new.section(id).unwrap_or(&empty);
        for r in &n.rules {
            match o.rules.iter().find(|x| x.id == r.id) {
                None => out.push(change(&title, format!("Added rule: {}", r.text.trim()))),
                Some(x) if x.text.trim() != r.text.trim() => out.push(change(
                    &title,
                    format!("Changed rule: “{}” to “{}”", x.text.trim(), r.text.trim()),
                )),
                _ => {}
            }
        }
        for x in o
            .rules
            .iter()
            .filter(|x| !n.rules.iter().any(|r| r.id == x.id))
        {
            out.push(change(&title, format!("Removed rule: {}", x.text.trim())));
        }
        text_field(&title, "Anything else", &o.notes, &n.notes, &mut out);
    }

    let review = section_title("review");
    text_field(
        &review,
        "Review date",
        &old.review.date,
        &new.review.date,
        &mut out,
    );
    text_field(
        &review,
        "Agreed by",
        &old.review.agreed_by,
        &new.review.agreed_by,
        &mut out,
    );
    out
}
