use super::*;

fn block(kind: Kind, text: &str, ancestors: &[&str]) -> Block {
    Block {
        kind,
        text: text.to_owned(),
        ancestors: ancestors.iter().map(|a| (*a).to_owned()).collect(),
        skip: false,
    }
}

fn main_block(kind: Kind, text: &str) -> Block {
    block(kind, text, &["html", "body", "main", "div"])
}

fn voice(name: &str, lang: &str, local: bool) -> Voice {
    Voice {
        name: name.to_owned(),
        lang: lang.to_owned(),
        local,
    }
}

fn texts(plan: &Plan) -> Vec<&str> {
    plan.pieces.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn sentences_end_at_stops_followed_by_a_capital() {
    assert_eq!(
        sentences("The police may call. They will ask questions! Will I be told? Yes."),
        [
            "The police may call.",
            "They will ask questions!",
            "Will I be told?",
            "Yes."
        ]
    );
}

#[test]
fn abbreviations_do_not_end_a_sentence() {
    assert_eq!(
        sentences("Mr. Jones and Dr. Patel spoke to Mrs. Ahmed. Then they left."),
        [
            "Mr. Jones and Dr. Patel spoke to Mrs. Ahmed.",
            "Then they left."
        ]
    );
    assert_eq!(
        sentences("Bring papers, e.g. Letters from the court. Also i.e. Anything official."),
        [
            "Bring papers, e.g. Letters from the court.",
            "Also i.e. Anything official."
        ]
    );
    assert_eq!(
        sentences("They came at 6 a.m. Nobody was up. Call after 2 p.m. Monday to Friday."),
        [
            "They came at 6 a.m. Nobody was up.",
            "Call after 2 p.m. Monday to Friday."
        ]
    );
    assert_eq!(
        sentences("Ask J. Smith at the office. She knows."),
        ["Ask J. Smith at the office.", "She knows."]
    );
}

#[test]
fn numbers_and_money_do_not_end_a_sentence() {
    assert_eq!(
        sentences("It takes 3.5 weeks. The fine was £1,000.50 in total. 2 people came."),
        [
            "It takes 3.5 weeks.",
            "The fine was £1,000.50 in total.",
            "2 people came."
        ]
    );
    assert_eq!(
        sentences("Section 47.1 of the act. £1,000 is the limit."),
        ["Section 47.1 of the act.", "£1,000 is the limit."]
    );
}

#[test]
fn quotes_and_brackets_stay_with_their_sentence() {
    assert_eq!(
        sentences("She said \"no comment.\" Then she left. (It was late.) \"Why?\" he asked."),
        [
            "She said \"no comment.\"",
            "Then she left.",
            "(It was late.)",
            "\"Why?\" he asked."
        ]
    );
}

#[test]
fn white_space_is_tidied_and_empty_text_gives_nothing() {
    assert_eq!(sentences("  One\n  line.\tTwo  "), ["One line.", "Two"]);
    assert!(sentences("   ").is_empty());
}

#[test]
fn a_long_sentence_is_cut_at_commas_then_spaces_and_nothing_is_over_the_limit() {
    let clause = "when the police have finished looking at the devices they took";
    let long = format!("{clause}, {clause}, {clause}, {clause}, {clause}, {clause}.");
    let parts = cut(&long);
    assert!(parts.len() >= 2, "{parts:?}");
    assert!(
        parts.iter().all(|p| p.chars().count() <= MAX_CHARS),
        "{parts:?}"
    );
    assert!(parts[0].ends_with(','), "cut after a comma: {}", parts[0]);
    assert_eq!(parts.join(" "), long, "nothing lost");

    let words = "word ".repeat(200);
    let parts = cut(&words);
    assert!(parts.iter().all(|p| p.chars().count() <= MAX_CHARS));
    assert_eq!(parts.join(" "), words.trim());

    let one = "x".repeat(700);
    let parts = cut(&one);
    assert_eq!(parts.len(), 3);
    assert_eq!(parts.concat(), one);

    let accents = "é".repeat(400);
    assert!(cut(&accents).iter().all(|p| p.chars().count() <= MAX_CHARS));
}

#[test]
fn the_plan_reads_headings_paragraphs_and_list_items_in_order() {
    let blocks = [
        main_block(Kind::Heading, "After an arrest"),
        main_block(
            Kind::Paragraph,
            "This page is for England. It explains bail.",
        ),
        main_block(Kind::Heading, "What bail means"),
        main_block(Kind::ListItem, "He must live at an address."),
        main_block(Kind::ListItem, "He may not contact some people."),
        main_block(Kind::Heading, "What next"),
        main_block(Kind::Paragraph, "Wait for a letter."),
    ];
    let plan = plan(&blocks);
    assert_eq!(
        texts(&plan),
        [
            "After an arrest",
            "This page is for England.",
            "It explains bail.",
            "What bail means",
            "He must live at an address.",
            "He may not contact some people.",
            "What next",
            "Wait for a letter."
        ]
    );
    let blocks_of: Vec<usize> = plan.pieces.iter().map(|p| p.block).collect();
    assert_eq!(blocks_of, [0, 1, 1, 2, 3, 4, 5, 6]);
    let sections: Vec<usize> = plan.pieces.iter().map(|p| p.section).collect();
    assert_eq!(sections, [0, 0, 0, 1, 1, 1, 2, 2]);
    assert_eq!(plan.next_section(1), Some(3));
    assert_eq!(plan.next_section(4), Some(6));
    assert_eq!(plan.next_section(7), None);
    assert_eq!(plan.previous(3), 2);
    assert_eq!(plan.previous(0), 0);
}

#[test]
fn text_before_the_first_heading_is_its_own_section() {
    let blocks = [
        main_block(Kind::Paragraph, "Back to the list."),
        main_block(Kind::Heading, "Title"),
        main_block(Kind::Paragraph, "Body."),
    ];
    let plan = plan(&blocks);
    assert_eq!(plan.next_section(0), Some(1));
    assert_eq!(plan.pieces[1].text, "Title");
}

#[test]
fn nothing_outside_main_or_in_nav_header_footer_or_hidden_is_read() {
    let mut hidden = main_block(Kind::Paragraph, "Only for discreet mode.");
    hidden.skip = true;
    let blocks = [
        block(Kind::Paragraph, "Quick exit", &["html", "body", "header"]),
        block(
            Kind::ListItem,
            "Settings",
            &["html", "body", "footer", "ul"],
        ),
        block(Kind::Paragraph, "Not in main", &["html", "body", "div"]),
        block(
            Kind::ListItem,
            "Next page",
            &["html", "body", "main", "nav", "ul"],
        ),
        block(
            Kind::Paragraph,
            "Listen",
            &["html", "body", "main", "aside"],
        ),
        block(
            Kind::Paragraph,
            "Play",
            &["html", "body", "main", "div", "button"],
        ),
        block(
            Kind::Paragraph,
            "A form's words",
            &["html", "body", "main", "form"],
        ),
        hidden,
        main_block(Kind::Paragraph, "   "),
        main_block(Kind::Paragraph, "—"),
        main_block(Kind::Paragraph, "The one thing to read."),
    ];
    let plan = plan(&blocks);
    assert_eq!(texts(&plan), ["The one thing to read."]);
    assert_eq!(plan.pieces[0].block, 10);
    assert!(super::plan(&blocks[..10]).is_empty());
}

#[test]
fn every_piece_of_a_long_page_is_within_the_limit() {
    let long = "This is a sentence with quite a few words in it, and a comma or two, which goes on for some time without a stop ".repeat(6);
    let blocks = [
        main_block(Kind::Heading, "Heading"),
        main_block(Kind::Paragraph, &long),
        main_block(Kind::ListItem, &long),
    ];
    let plan = plan(&blocks);
    assert!(plan.pieces.len() > 3);
    assert!(plan
        .pieces
        .iter()
        .all(|p| p.text.chars().count() <= MAX_CHARS && !p.text.is_empty()));
}

#[test]
fn tags_map_to_kinds() {
    assert_eq!(Kind::from_tag("H2"), Some(Kind::Heading));
    assert_eq!(Kind::from_tag("p"), Some(Kind::Paragraph));
    assert_eq!(Kind::from_tag("LI"), Some(Kind::ListItem));
    assert_eq!(Kind::from_tag("dt"), Some(Kind::Paragraph));
    assert_eq!(Kind::from_tag("dd"), Some(Kind::Paragraph));
    assert_eq!(Kind::from_tag("div"), None);
}

#[test]
fn the_voice_is_local_english_and_british_first() {
    let voices = [
        voice("Google UK English Female", "en-GB", false),
        voice(
            "Microsoft Sonia Online (Natural) - English (United Kingdom)",
            "en-GB",
            false,
        ),
        voice("Microsoft David - English (United States)", "en-US", true),
        voice("Microsoft Hazel - English (United Kingdom)", "en-GB", true),
        voice("Thomas", "fr-FR", true),
    ];
    assert_eq!(choose_voice(&voices), Some(3));
    assert_eq!(
        choose_voice(&voices[..3]),
        Some(2),
        "US English if no British"
    );
    assert_eq!(choose_voice(&voices[..2]), None, "never a network voice");
    assert_eq!(
        choose_voice(&voices[4..]),
        None,
        "never a voice for another language"
    );
    assert_eq!(choose_voice(&[]), None);
}

#[test]
fn voices_named_as_network_voices_are_refused_even_when_called_local() {
    let voices = [
        voice("Google UK English Female", "en-GB", true),
        voice(
            "Microsoft Libby Online (Natural) - English (United Kingdom)",
            "en-GB",
            true,
        ),
        voice("English United Kingdom", "en_GB", true),
    ];
    assert!(!usable(&voices[0]));
    assert!(!usable(&voices[1]));
    assert_eq!(choose_voice(&voices), Some(2));
}

#[test]
fn language_tags_are_read_in_every_spelling() {
    for lang in ["en-GB", "en_GB", "en-gb", "eng-GBR-f000"] {
        let v = voice("Local", lang, true);
        assert!(usable(&v), "{lang}");
        assert_eq!(utterance_lang(&v), "en-GB", "{lang}");
        assert_eq!(
            choose_voice(&[voice("US", "en-US", true), v]),
            Some(1),
            "{lang}"
        );
    }
    assert_eq!(utterance_lang(&voice("US", "en-US", true)), "en-US");
    assert_eq!(utterance_lang(&voice("US", "eng-USA", true)), "en");
    assert!(!usable(&voice("Welsh", "cy-GB", true)));
    assert!(!usable(&voice("Empty", "", true)));
}

#[test]
fn speeds_are_slower_normal_faster() {
    assert_eq!(SPEEDS, [0.8, 1.0, 1.2]);
}
