use super::*;
use crate::content::{self, BANDS};
use proptest::prelude::*;

#[test]
fn ages_map_to_bands() {
    assert_eq!(AgeBand::from_age(0), AgeBand::Under5);
    assert_eq!(AgeBand::from_age(4), AgeBand::Under5);
    assert_eq!(AgeBand::from_age(5), AgeBand::From5To8);
    assert_eq!(AgeBand::from_age(12), AgeBand::From9To12);
    assert_eq!(AgeBand::from_age(13), AgeBand::From13To17);
    assert_eq!(AgeBand::from_age(17), AgeBand::From13To17);
    assert_eq!(AgeBand::from_age(18), AgeBand::Adult);
}

#[test]
fn ages_are_read_as_typed() {
    assert_eq!(parse_age(" 7 "), Ok(7));
    assert_eq!(parse_age("7 years"), Ok(7));
    assert_eq!(parse_age("1 year"), Ok(1));
    assert_eq!(parse_age(""), Err("Enter the child's age".into()));
    assert_eq!(
        parse_age("seven"),
        Err("Age must be a number, like 7".into())
    );
    assert!(parse_age("-1").is_err());
    assert!(parse_age("120").is_err());
}

#[test]
fn every_band_has_guidance_six_phrases_and_six_questions_with_sources() {
    for band in AgeBand::ALL {
        let b = BANDS
            .iter()
            .find(|b| b.id == band.id())
            .unwrap_or_else(|| panic!("no content for {}", band.id()));
        assert!(
            !b.understands_html.is_empty() && !b.say.is_empty() && !b.avoid.is_empty(),
            "{}",
            b.id
        );
        assert!(b.phrases.len() >= 6, "{} phrases", b.id);
        assert!(b.questions.len() >= 6, "{} questions", b.id);
        for tag in b
            .phrases
            .iter()
            .map(|p| p.source)
            .chain(b.questions.iter().map(|q| q.source))
        {
            assert!(
                content::source(tag).is_some(),
                "{}: source {tag} ships",
                b.id
            );
        }
        for text in b
            .phrases
            .iter()
            .map(|p| p.text)
            .chain(b.questions.iter().flat_map(|q| [q.ask, q.answer]))
        {
            assert!(!fill(text, "Dad").contains("{name}"), "{text}");
            assert!(!fill(text, "").contains('{'), "{text}");
        }
    }
}

#[test]
fn guidance_html_is_filled_safely() {
    for b in BANDS {
        assert!(
            !fill_html(b.understands_html, "<b>").contains("{name}"),
            "{}",
            b.id
        );
        assert!(
            !fill_html(b.understands_html, "<b>").contains("<b>"),
            "the name is escaped"
        );
    }
}

#[test]
fn fill_uses_what_the_child_calls_him() {
    assert_eq!(
        fill("Is {name} going to prison?", "Dad"),
        "Is Dad going to prison?"
    );
    assert_eq!(
        fill("Is {name} going to prison?", " "),
        "Is [his name] going to prison?"
    );
}

#[test]
fn picking_phrases_and_questions() {
    let mut p = ChildPlanBody {
        calls_him: "Mark".into(),
        ..Default::default()
    };
    p.toggle_phrase(2, "{name} is talking to the police.", true, "a".into());
    assert!(p.has_phrase(2));
    assert_eq!(p.phrases[0].text, "Mark is talking to the police.");
    p.toggle_phrase(2, "x", false, String::new());
    assert!(!p.has_phrase(2));
    p.toggle_question(
        0,
        "Will {name} come home?",
        "Not for now.",
        true,
        "q".into(),
    );
    assert_eq!(p.questions[0].ask, "Will Mark come home?");
    assert!(p.has_question(0));
}

#[test]
fn validation_speaks_plainly() {
    let p = ChildPlanBody::default();
    let e = validate_topic(&p, Topic::About);
    assert_eq!(e[0].message, "Enter the child's first name or initials");
    assert_eq!(e[1].message, "Enter the child's age");
    let p = ChildPlanBody {
        name: "J".into(),
        age: "4".into(),
        ..Default::default()
    };
    assert!(validate_topic(&p, Topic::About).is_empty());
    assert_eq!(p.band(), Some(AgeBand::Under5));
    let mut p = p;
    p.phrases.push(ChosenText {
        id: "x".into(),
        from: String::new(),
        text: " ".into(),
    });
    assert_eq!(
        validate_topic(&p, Topic::Say)[0].message,
        "Phrase 1: write it in your words, or untick it"
    );
}

#[test]
fn topics_go_in_order() {
    assert_eq!(Topic::About.next(), Some(Topic::Guidance));
    assert_eq!(Topic::School.next(), None);
    assert_eq!(Topic::About.previous(), None);
    for t in Topic::ALL {
        assert_eq!(Topic::from_slug(t.slug()), Some(t));
    }
}

#[test]
fn changes_and_text() {
    let old = ChildPlanBody {
        name: "J".into(),
        age: "4".into(),
        ..Default::default()
    };
    let mut new = old.clone();
    new.when_where = "Saturday, in the park".into();
    new.toggle_phrase(0, "You did nothing wrong.", true, "p".into());
    let c = changes(&old, &new);
    assert!(
        c.contains(&"When and where: added “Saturday, in the park”".to_owned()),
        "{c:?}"
    );
    assert!(c.contains(&"Added phrase: “You did nothing wrong.”".to_owned()));
    assert!(changes(&new, &new).is_empty());
    // What they know, in the words she ticked.
    let mut knows = new.clone();
    knows.set_knows(ChildKnows::Search, true);
    knows.set_knows(ChildKnows::News, true);
    assert!(
        changes(&new, &knows).contains(
            &"What they know: added “The police searching the home, Something in the news or online”"
                .to_owned()
        ),
        "{:?}",
        changes(&new, &knows)
    );
    let t = to_text(&new);
    assert!(t.starts_with("TALKING TO J"));
    assert!(t.contains("Age group: Under 5"));
    assert!(t.contains("- You did nothing wrong."));
}

proptest! {
    #[test]
    fn any_age_has_one_band_and_bands_rise_with_age(a in 0u32..200, b in 0u32..200) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let index = |x| AgeBand::ALL.iter().position(|band| *band == AgeBand::from_age(x)).unwrap();
        prop_assert!(index(lo) <= index(hi));
    }

    #[test]
    fn any_child_plan_survives_storage(name in ".{0,30}", age in ".{0,5}", text in "[\\PC\\n]{0,100}", id in "[a-z0-9]{1,12}") {
        use crate::domain::data::{AppData, Snapshot};
        use crate::domain::envelope::{encode, load, Loaded};
        let mut body = ChildPlanBody { name, age, own_words: text.clone(), ..Default::default() };
        body.questions.push(PlannedAnswer { id: id.clone(), from: "1".into(), ask: text.clone(), answer: text });
        let plan = ChildPlan { id, body: body.clone(), versions: vec![ChildPlanVersion { id: "v".into(), kind: ChildVersionKind::Shared, date: "2026-11-23".into(), note: String::new(), body }] };
        let snapshot = Snapshot { data: AppData { children: vec![plan.clone()], ..AppData::default() }, ..Snapshot::default() };
        match load(Some(&encode(&snapshot, "t"))) {
            Loaded::Ready { snapshot: back, .. } => prop_assert_eq!(&back.data.children[0], &plan),
            other => prop_assert!(false, "did not load: {:?}", other),
        }
    }
}

#[test]
fn the_lists_she_picks_from_are_stored_as_before() {
    use crate::domain::choice::tests::stored_as;
    stored_as::<ChildKnows>(&["search", "arrest", "moved-out", "news", "not-sure"]);
    stored_as::<ChildVersionKind>(&["shared", "agreed"]);
}

#[test]
fn what_they_know_reads_in_the_order_offered() {
    let mut body = ChildPlanBody::default();
    body.set_knows(ChildKnows::News, true);
    body.set_knows(ChildKnows::Search, true);
    body.set_knows(ChildKnows::Arrest, true);
    body.set_knows(ChildKnows::Arrest, false);
    assert_eq!(body.knows, [ChildKnows::News, ChildKnows::Search]);
    assert_eq!(
        serde_json::to_string(&body.knows).unwrap(),
        r#"["news","search"]"#
    );
    assert_eq!(
        body.knows_labels(),
        [
            "The police searching the home",
            "Something in the news or online"
        ]
    );
}
