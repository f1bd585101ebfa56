use super::diff::changes;
use super::text::to_text;
use super::validate::{is_date, parse_age, section, start};
use super::*;
use crate::domain::data::{AppData, PublicSettings, Snapshot};
use crate::domain::envelope::{encode, load, Loaded};
use proptest::prelude::*;

const SUGGESTIONS: &[Suggestion] = &[
    Suggestion {
        section: "contact",
        id: "contact-supervised",
        text: "{person} will only see the children with a supervisor.",
        situations: &["moved-out", "supervised-elsewhere"],
    },
    Suggestion {
        section: "home",
        id: "home-bathroom",
        text: "{person} will not help with bath time.",
        situations: &["at-home"],
    },
    Suggestion {
        section: "devices",
        id: "devices-shared",
        text: "Computers stay in a shared room.",
        situations: &[],
    },
];

fn plan() -> PlanBody {
    let mut p = PlanBody {
        person: "Mark".into(),
        ..PlanBody::default()
    };
    p.choose_situation(Situation::MovedOut, SUGGESTIONS);
    p
}

#[test]
fn choosing_a_situation_ticks_the_rules_that_usually_apply() {
    let p = plan();
    assert!(p.has_suggestion("contact", "contact-supervised"));
    assert!(!p.has_suggestion("home", "home-bathroom"));
    assert!(
        !p.has_suggestion("devices", "devices-shared"),
        "offered, not ticked"
    );
    assert_eq!(
        p.section("contact").unwrap().rules[0].text,
        "Mark will only see the children with a supervisor."
    );
}

#[test]
fn changing_situation_later_keeps_her_rules() {
    let mut p = plan();
    p.section_mut("contact").rules[0].text = "Mark sees them at his mum's, supervised.".into();
    p.choose_situation(Situation::AtHome, SUGGESTIONS);
    assert_eq!(p.situation, Situation::AtHome);
    assert!(
        !p.has_suggestion("home", "home-bathroom"),
        "no new ticks after the first choice"
    );
    assert_eq!(
        p.section("contact").unwrap().rules[0].text,
        "Mark sees them at his mum's, supervised."
    );
}

#[test]
fn the_default_name_reads_well_at_the_start_of_a_sentence() {
    assert_eq!(
        fill("{person} will not stay over.", ""),
        "The person arrested will not stay over."
    );
    assert_eq!(
        fill("I will tell {person}.", " "),
        "I will tell the person arrested."
    );
}

#[test]
fn renaming_updates_only_unedited_rules() {
    let mut p = plan();
    p.toggle_suggestion(&SUGGESTIONS[1], true);
    p.section_mut("home").rules[0].text.push_str(" Ever.");
    p.rename_person("Dave".into(), SUGGESTIONS);
    assert_eq!(
        p.section("contact").unwrap().rules[0].text,
        "Dave will only see the children with a supervisor."
    );
    assert_eq!(
        p.section("home").unwrap().rules[0].text,
        "Mark will not help with bath time. Ever."
    );
}

#[test]
fn toggling_a_suggestion_adds_and_removes_it() {
    let mut p = plan();
    p.toggle_suggestion(&SUGGESTIONS[2], true);
    assert!(p.has_suggestion("devices", "devices-shared"));
    p.toggle_suggestion(&SUGGESTIONS[2], false);
    assert!(!p.has_suggestion("devices", "devices-shared"));
}

#[test]
fn validation_speaks_plainly() {
    let mut p = PlanBody::default();
    assert_eq!(
        start(&p)[0].message,
        "Select the one that is closest to your situation now"
    );
    p.household.children.push(HouseholdChild {
        id: "a".into(),
        name: "".into(),
        age: "seven".into(),
    });
    let e = section(&p, "household");
    assert_eq!(e[0].field, "child-a-name");
    assert_eq!(e[0].message, "Enter child 1's first name or initials");
    assert_eq!(e[1].message, "Child 1: age must be a number, like 7");
    p.standing.bail_return = "2026-02-30".into();
    assert_eq!(
        section(&p, "where-things-stand")[0].message,
        "The bail return date must be a real date"
    );
    p.section_mut("home").rules.push(ChosenRule {
        id: "r".into(),
        from: String::new(),
        text: " ".into(),
    });
    assert_eq!(
        section(&p, "home")[0].message,
        "Rule 1: write your rule, or remove it"
    );
}

#[test]
fn ages_and_dates() {
    assert_eq!(parse_age(" 7 years"), Ok(7));
    assert!(parse_age("").is_err());
    assert!(parse_age("-1").is_err());
    assert!(parse_age("99").is_err());
    assert!(is_date("2028-02-29"));
    assert!(!is_date("2026-02-29"));
    assert!(!is_date("2026-13-01"));
    assert!(!is_date("26-01-01"));
}

#[test]
fn status_follows_what_is_written() {
    let mut p = PlanBody::default();
    assert_eq!(p.status("household"), Status::NotStarted);
    p.household.children.push(HouseholdChild {
        id: "a".into(),
        name: "A".into(),
        age: "x".into(),
    });
    assert_eq!(p.status("household"), Status::InProgress);
    p.household.children[0].age = "9".into();
    assert_eq!(p.status("household"), Status::Completed);
    assert_eq!(p.status("home"), Status::NotStarted);
    p.section_mut("home").rules.push(ChosenRule {
        id: "r".into(),
        from: String::new(),
        text: "Doors stay open.".into(),
    });
    assert_eq!(p.status("home"), Status::Completed);
}

#[test]
fn the_diff_lists_what_changed() {
    let old = plan();
    let mut new = old.clone();
    new.section_mut("contact").rules[0].text = "Mark sees them only at my mother's.".into();
    new.section_mut("home").rules.push(ChosenRule {
        id: "own".into(),
        from: String::new(),
        text: "Doors open.".into(),
    });
    new.review.date = "2026-12-01".into();
    new.household.children.push(HouseholdChild {
        id: "c".into(),
        name: "J".into(),
        age: "4".into(),
    });
    let c = changes(&old, &new, |id| id.to_owned());
    let text: Vec<String> = c
        .iter()
        .map(|c| format!("{}: {}", c.place, c.what))
        .collect();
    assert!(text.contains(&"contact: Changed rule: “Mark will only see the children with a supervisor.” to “Mark sees them only at my mother's.”".to_owned()), "{text:#?}");
    assert!(text.contains(&"home: Added rule: Doors open.".to_owned()));
    assert!(text.contains(&"review: Review date: added “2026-12-01”".to_owned()));
    assert!(text.contains(&"household: Added child: J (4)".to_owned()));
    assert!(changes(&new, &new, |id| id.to_owned()).is_empty());
}

#[test]
fn the_diff_names_her_choices_in_her_words() {
    let old = plan();
    let mut new = old.clone();
    new.situation = Situation::SupervisedElsewhere;
    new.contact.lives_at_home = LivesAtHome::No;
    let text: Vec<String> = changes(&old, &new, |id| id.to_owned())
        .iter()
        .map(|c| format!("{}: {}", c.place, c.what))
        .collect();
    assert!(
        text.contains(&format!(
            "Your situation: Situation: changed from “{}” to “He sees the children only away from home”",
            old.situation.label()
        )),
        "{text:#?}"
    );
    assert!(
        text.contains(&"contact: Lives at home: added “No”".to_owned())
            || text
                .iter()
                .any(|t| t.starts_with("contact: Lives at home:") && t.ends_with("“No”")),
        "{text:#?}"
    );
    assert!(
        text.iter().all(|t| !t.contains("supervised-elsewhere")),
        "{text:#?}"
    );
}

#[test]
fn versions_freeze_a_copy_and_review_falls_due() {
    let mut s = SafetyPlan {
        body: plan(),
        versions: vec![],
    };
    s.body.review.date = "2026-12-01".into();
    s.mark(
        "v1".into(),
        PlanVersionKind::Agreed,
        "2026-11-23",
        "Social worker",
    );
    s.body.person = "M".into();
    assert_eq!(s.versions[0].body.person, "Mark");
    assert!(!s.review_due("2026-12-01"));
    assert!(s.review_due("2026-12-02"));
}

#[test]
fn the_text_copy_holds_every_answer() {
    let mut p = plan();
    p.household.children.push(HouseholdChild {
        id: "c".into(),
        name: "J".into(),
        age: "4".into(),
    });
    p.section_mut("home").notes = "Bathroom door stays shut.".into();
    let t = to_text(
        &p,
        &[
            ("household", "The household"),
            ("contact", "Contact"),
            ("home", "The home"),
        ],
        "He has moved out",
        "Draft",
    );
    assert!(t.contains("Child: J, age 4"));
    assert!(t.contains("- Mark will only see the children with a supervisor."));
    assert!(t.contains("Also: Bathroom door stays shut."));
    assert!(t.contains("Situation: He has moved out"));
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![".{0,40}", "[\\PC\\n\"\\\\{}]{0,80}"]
}

prop_compose! {
    fn any_plan()(
        situation in prop_oneof![Just(Situation::NotChosen), Just(Situation::AtHome)],
        person in text(),
        child in (text(), text(), text()),
        rule in (text(), text(), text()),
        notes in text(),
        date in text(),
    ) -> SafetyPlan {
        let mut body = PlanBody { situation, person, ..PlanBody::default() };
        body.household.children.push(HouseholdChild { id: child.0, name: child.1, age: child.2 });
        body.sections.push(SectionRules { id: "home".into(), rules: vec![ChosenRule { id: rule.0, from: rule.1, text: rule.2 }], notes });
        body.review.date = date.clone();
        let mut plan = SafetyPlan { body, versions: vec![] };
        plan.mark("v".into(), PlanVersionKind::Sent, &date, "x");
        plan
    }
}

proptest! {
    /// Any plan survives being stored, migrated and read back unchanged.
    #[test]
    fn any_plan_survives_storage(plan in any_plan()) {
        let snapshot = Snapshot { public: PublicSettings::default(), data: AppData { plan: plan.clone(), ..AppData::default() } };
        match load(Some(&encode(&snapshot, "t"))) {
            Loaded::Ready { snapshot: back, .. } => prop_assert_eq!(back.data.plan, plan),
            other => prop_assert!(false, "did not load: {:?}", other),
        }
    }
}

#[test]
fn the_lists_she_picks_from_are_stored_as_before() {
    use crate::domain::choice::tests::{not_chosen_is_empty, stored_as};
    stored_as::<Situation>(&["moved-out", "at-home", "supervised-elsewhere"]);
    not_chosen_is_empty(Situation::NotChosen);
    stored_as::<CaseStatus>(&["bail", "rui", "charged", "convicted", "not-known"]);
    not_chosen_is_empty(CaseStatus::NotChosen);
    stored_as::<LivesAtHome>(&["yes", "no"]);
    not_chosen_is_empty(LivesAtHome::NotAnswered);
    stored_as::<SupervisorAgreed>(&["yes", "not-yet", "no"]);
    not_chosen_is_empty(SupervisorAgreed::NotAnswered);
    stored_as::<PlanVersionKind>(&["agreed", "sent"]);
    assert_eq!(
        CaseStatus::Rui.label(),
        "Released under investigation (no bail)"
    );
    assert_eq!(SupervisorAgreed::NotYet.label(), "Not yet");
}

#[test]
fn a_plan_with_a_value_no_list_has_is_refused_whole() {
    let mut json = serde_json::to_value(SafetyPlan::default()).unwrap();
    json["body"]["standing"]["status"] = "on-remand".into();
    let why = serde_json::from_value::<SafetyPlan>(json).unwrap_err();
    assert!(
        why.to_string().contains("unknown variant `on-remand`"),
        "{why}"
    );
}

/// The situations are offered from the enum, with each hint from the content: the two must
/// name the same situations, in the same order, in the same words.
#[test]
fn the_content_describes_each_situation_in_the_same_words() {
    let content: Vec<(&str, &str)> = crate::content::SITUATIONS
        .iter()
        .map(|s| (s.id, s.label))
        .collect();
    let domain: Vec<(&str, &str)> = Situation::ALL.iter().map(|s| (s.id(), s.label())).collect();
    assert_eq!(domain, content);
}
