//! The content rules: the real content passes them, and each rule catches what it should.
//! Also measures each guide page's reading grade (Flesch-Kincaid) and prints the figures.

#[path = "../build/content/mod.rs"]
#[allow(dead_code)]
mod content;

use std::fs;
use std::path::{Path, PathBuf};

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

// ---------------------------------------------------------------------------------------
// Reading grade. Flesch-Kincaid grade = 0.39 × words/sentence + 11.8 × syllables/word − 15.59.
// Sentences end at . ! ? and at every paragraph, list item and heading. Citations,
// link targets and Markdown punctuation are removed first.

fn syllables(word: &str) -> usize {
    let w: String = word
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_lowercase)
        .collect();
    if w.is_empty() {
        return 0;
    }
    if w.len() <= 3 {
        return 1;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut groups = 0;
    let mut in_group = false;
    for c in w.chars() {
        if vowel(c) && !in_group {
            groups += 1;
        }
        in_group = vowel(c);
    }
    let mut n = groups;
    if w.ends_with('e') && !(w.ends_with("le") || w.ends_with("ee") || w.ends_with("ye")) && n > 1 {
        n -= 1;
    }
    let ted = w.ends_with("ted") || w.ends_with("ded");
    let sibilant_es = ["ses", "xes", "zes", "ches", "shes", "ces", "ges"]
        .iter()
        .any(|e| w.ends_with(e));
    if (w.ends_with("es") || w.ends_with("ed")) && n > 1 && !ted && !sibilant_es {
        n -= 1;
    }
    n.max(1)
}

fn prose(markdown: &str) -> String {
    let mut text = String::new();
    let mut rest = markdown;
    // Drop citations and link targets.
    while let Some(i) = rest.find(['[', ']']) {
        text.push_str(&rest[..i]);
        if rest[i..].starts_with("[^") {
            rest = rest[i..].find(']').map_or("", |j| &rest[i + j + 1..]);
        } else if rest[i..].starts_with("](") {
            rest = rest[i..].find(')').map_or("", |j| &rest[i + j + 1..]);
        } else {
            rest = &rest[i + 1..];
        }
    }
    text.push_str(rest);
    text.chars()
        .map(|c| if "*_`>#|".contains(c) { ' ' } else { c })
        .collect()
}

fn is_block_start(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("- ")
        || t.starts_with("* ")
        || t.starts_with('#')
        || t.split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// (grade, words, sentences)
fn grade(markdown: &str) -> (f64, usize, usize) {
    let text = prose(markdown);
    let mut blocks = vec![String::new()];
    for line in text.lines() {
        if line.trim().is_empty() || is_block_start(line) {
            blocks.push(String::new());
        }
        let last = blocks.last_mut().unwrap();
        last.push(' ');
        last.push_str(line);
    }
    let (mut sentences, mut words, mut syl) = (0usize, 0usize, 0usize);
    for block in &blocks {
        for sentence in block.split_inclusive(['.', '!', '?']) {
            let ws: Vec<&str> = sentence
                .split(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '’' || c == '-'))
                .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
                .collect();
            if ws.is_empty() {
                continue;
            }
            sentences += 1;
            words += ws.len();
            syl += ws.iter().map(|w| syllables(w)).sum::<usize>();
        }
    }
    if words == 0 {
        return (0.0, 0, 0);
    }
    let g = 0.39 * words as f64 / sentences as f64 + 11.8 * syl as f64 / words as f64 - 15.59;
    (g, words, sentences)
}

#[test]
fn syllable_counts_are_sensible() {
    for (word, n) in [
        ("cat", 1),
        ("police", 2),
        ("social", 2),
        ("investigation", 5),
        ("make", 1),
        ("little", 2),
        ("wanted", 2),
        ("jumped", 1),
        ("buses", 2),
    ] {
        assert_eq!(syllables(word), n, "{word}");
    }
    let (g, words, sentences) = grade("The cat sat. The dog ran.\n\n- A list item");
    assert_eq!((words, sentences), (9, 3));
    assert!(g < 1.0);
    let hard = grade("Notwithstanding considerable organisational complexity, multidisciplinary safeguarding arrangements necessitate comprehensive interagency coordination.");
    assert!(hard.0 > 20.0, "{hard:?}");
}

#[test]
fn guide_pages_are_easy_to_read() {
    let compiled = content::compile(&content_dir()).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(
        compiled.guide_bodies.len() >= 10,
        "at least ten guide pages"
    );
    let mut total = 0.0;
    println!("\nFlesch-Kincaid grade of each guide page:");
    for (slug, body) in &compiled.guide_bodies {
        let (g, words, sentences) = grade(body);
        println!("  {g:5.2}  {slug} ({words} words, {sentences} sentences)");
        assert!(
            g <= 9.0,
            "{slug} reads at grade {g:.2}; no page may be above 9"
        );
        total += g;
    }
    let average = total / compiled.guide_bodies.len() as f64;
    println!("  {average:5.2}  average");
    assert!(average <= 7.0, "average grade {average:.2} is above 7");
}

// ---------------------------------------------------------------------------------------
// Each rule, against a copy of the real content with one thing broken.

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// Compiles a copy of the content after `change` edits it, and returns the errors.
fn errors_after(name: &str, change: impl FnOnce(&Path)) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("harbour-content-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&content_dir(), &dir);
    change(&dir);
    let result = content::compile(&dir);
    let _ = fs::remove_dir_all(&dir);
    match result {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    }
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} does not contain {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn assert_caught(errors: &[String], needle: &str) {
    assert!(
        errors.iter().any(|e| e.contains(needle)),
        "expected an error containing {needle:?}, got {errors:#?}"
    );
}

const PAGE: &str = "guide/police.md";

#[test]
fn the_real_content_compiles() {
    assert!(errors_after("clean", |_| {}).is_empty());
}

#[test]
fn a_page_without_sources_fails() {
    let errors = errors_after("nosources", |d| {
        let path = d.join(PAGE);
        let text = fs::read_to_string(&path).unwrap();
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(i) = rest.find("[^") {
            out.push_str(&rest[..i]);
            rest = &rest[i + rest[i..].find(']').unwrap() + 1..];
        }
        out.push_str(rest);
        let start = out.find("sources = [").unwrap();
        let end = start + out[start..].find(']').unwrap() + 1;
        out.replace_range(start..end, "sources = []");
        fs::write(&path, out).unwrap();
    });
    assert_caught(&errors, "content/guide/police.md: no sources");
}

#[test]
fn a_citation_of_an_unknown_source_fails() {
    let errors = errors_after("unknownsource", |d| {
        edit(d, PAGE, "[^Seed-NWG]", "[^Made-Up-2099]")
    });
    assert_caught(&errors, "[^Made-Up-2099]: no such source");
}

#[test]
fn a_broken_internal_link_fails() {
    let errors = errors_after("link", |d| {
        edit(d, PAGE, "](/dates)", "](/guide/no-such-page)")
    });
    assert_caught(&errors, "broken link \"/guide/no-such-page\"");
    let errors = errors_after("anchor", |d| {
        edit(d, PAGE, "](/dates)", "](/glossary#no-such-term)")
    });
    assert_caught(&errors, "there is no glossary term \"no-such-term\"");
}

#[test]
fn a_skipped_heading_level_fails() {
    let errors = errors_after("heading", |d| {
        edit(d, PAGE, "## The search", "#### The search")
    });
    assert_caught(&errors, "heading level skipped");
}

#[test]
fn an_undefined_acronym_fails() {
    let errors = errors_after("acronym", |d| {
        edit(
            d,
            PAGE,
            "## The search\n\n",
            "## The search\n\nAsk the XYZQ.\n\n",
        )
    });
    assert_caught(&errors, "\"XYZQ\" is used but not defined in the glossary");
}

#[test]
fn a_missing_last_section_fails() {
    let errors = errors_after("lastsection", |d| {
        edit(d, PAGE, "## What you can do now", "## Next")
    });
    assert_caught(&errors, "the last ## section must be");
}

#[test]
fn outdated_facts_fail() {
    for (i, (text, expect)) in [
        ("He may get a SOPO.", "\"sopo\""),
        ("An RSHO can be made.", "\"rsho\""),
        (
            "Images were graded on the five-level scale.",
            "\"five-level\"",
        ),
        ("Images at level 4 are serious.", "\"level 4\""),
        ("Call 01372 847187 for help.", "01372847187"),
        ("Call 020 8256 5940.", "02082565940"),
    ]
    .into_iter()
    .enumerate()
    {
        let errors = errors_after(&format!("outdated{i}"), |d| {
            edit(
                d,
                PAGE,
                "## The search\n\n",
                &format!("## The search\n\n{text}\n\n"),
            )
        });
        assert_caught(&errors, expect);
    }
    // MAPPA's levels 1 to 3 are current and allowed.
    assert!(content::outdated::outdated("Most are managed at level 1.", &[]).is_empty());
}

#[test]
fn bad_services_fail() {
    let errors = errors_after("phone", |d| {
        edit(
            d,
            "services.toml",
            "phone = \"0808 1000 900\"",
            "phone = \"0808-1000\"",
        )
    });
    assert_caught(&errors, "is not a UK phone number");
    let errors = errors_after("category", |d| {
        edit(
            d,
            "services.toml",
            "categories = [\"",
            "categories = [\"gossip\", \"",
        )
    });
    assert_caught(&errors, "unknown category \"gossip\"");
    let errors = errors_after("servicedate", |d| {
        edit(
            d,
            "services.toml",
            "checked = \"2026-12-04\"",
            "checked = \"soon\"",
        )
    });
    assert_caught(&errors, "checked \"soon\" is not a day (YYYY-MM-DD)");
    // A service's checked date is the day its own page was read: a month is not enough.
    let errors = errors_after("servicemonth", |d| {
        edit(
            d,
            "services.toml",
            "checked = \"2026-12-04\"",
            "checked = \"2026-12\"",
        )
    });
    assert_caught(&errors, "checked \"2026-12\" is not a day (YYYY-MM-DD)");
    // "Could not check" must name a detail the service actually gives.
    let errors = errors_after("unconfirmedabsent", |d| {
        edit(
            d,
            "services.toml",
            "unconfirmed = []",
            "unconfirmed = [\"email\"]",
        )
    });
    assert_caught(
        &errors,
        "unconfirmed \"email\" names a field the service does not give",
    );
}

#[test]
fn a_former_service_id_keeps_old_links_working() {
    // The real content links to /services#citizens-advice, the England entry's former id.
    let page = fs::read_to_string(content_dir().join("guide/you.md")).unwrap();
    assert!(page.contains("/services#citizens-advice)"));
    assert!(errors_after("formerok", |_| {}).is_empty());
    // Without the former id, that link has nowhere to go.
    let errors = errors_after("formergone", |d| {
        edit(d, "services.toml", "former_id = \"citizens-advice\"\n", "")
    });
    assert_caught(&errors, "citizens-advice");
    // A former id may not clash with a current id.
    let errors = errors_after("formerclash", |d| {
        edit(
            d,
            "services.toml",
            "former_id = \"nspcc\"",
            "former_id = \"childline\"",
        )
    });
    assert_caught(&errors, "former_id \"childline\" is already an id");
}

#[test]
fn every_age_band_has_enough_phrases_and_questions() {
    let errors = errors_after("phrases", |d| {
        let path = d.join("children.toml");
        let text = fs::read_to_string(&path).unwrap();
        // Cut the under-5 band's phrases down to one.
        let start = text.find("[[band.phrase]]").unwrap();
        let end = text[start..].find("[[band.question]]").unwrap() + start;
        let first = text[start + 1..].find("[[band.phrase]]").unwrap() + start + 1;
        fs::write(&path, format!("{}{}", &text[..first], &text[end..])).unwrap();
    });
    assert_caught(&errors, "needs at least 6 phrases and 6 questions");
}

// The rules from issue 14 (hosts, dates, nations, outdated terms per nation, every source
// cited) are tested in tests/content_rules/mod.rs, kept apart so this file stays short.
#[path = "content_rules/mod.rs"]
mod rules;

// Nation versions of a guide page (`<slug>.md` plus `<slug>.<variant>.md`) are tested in
// tests/content_rules/versions.rs.
#[path = "content_rules/versions.rs"]
mod versions;

// ---------------------------------------------------------------------------------------
// The journey's stages (content/journey.toml).

const JOURNEY: &str = "journey.toml";

#[test]
fn a_stage_without_a_source_or_a_nation_fails() {
    let errors = errors_after("stage-nosource", |d| {
        edit(
            d,
            JOURNEY,
            "sources = [\"Knock-early\", \"Seed-NWG\"]\n",
            "",
        );
    });
    assert_caught(&errors, "journey.toml [ew-arrest]: no sources");
    let errors = errors_after("stage-emptysource", |d| {
        edit(
            d,
            JOURNEY,
            "sources = [\"Knock-early\", \"Seed-NWG\"]",
            "sources = []",
        );
    });
    assert_caught(&errors, "journey.toml [ew-arrest]: no sources");
    let errors = errors_after("stage-unknownsource", |d| {
        edit(
            d,
            JOURNEY,
            "\"Knock-early\", \"Seed-NWG\"",
            "\"Nowhere-2099\"",
        );
    });
    assert_caught(&errors, "journey.toml [ew-arrest]");
    let errors = errors_after("stage-nonation", |d| {
        edit(
            d,
            JOURNEY,
            "id = \"sc-hearing\"\ntrack = \"care\"\nnations = [\"scotland\"]\n",
            "id = \"sc-hearing\"\ntrack = \"care\"\n",
        );
    });
    assert_caught(&errors, "journey.toml [sc-hearing]: no nations");
}

#[test]
fn a_bad_stage_fails() {
    let errors = errors_after("stage-track", |d| {
        edit(d, JOURNEY, "track = \"care\"", "track = \"court\"");
    });
    assert_caught(&errors, "is not one of police, care");
    let errors = errors_after("stage-link", |d| {
        edit(
            d,
            JOURNEY,
            "guide = \"/guide/police\"",
            "guide = \"/guide/nope\"",
        );
    });
    assert_caught(&errors, "broken guide link \"/guide/nope\"");
    let errors = errors_after("stage-acronym", |d| {
        edit(
            d,
            JOURNEY,
            "Arrest and interview",
            "Arrest and ZQX interview",
        );
    });
    assert_caught(&errors, "\"ZQX\" is used but not defined");
    // Each nation needs both tracks: Northern Ireland's police stages all moved to Wales.
    let errors = errors_after("stage-track-missing", |d| {
        let path = d.join(JOURNEY);
        let text = fs::read_to_string(&path).unwrap().replace(
            "track = \"police\"\nnations = [\"northern-ireland\"]",
            "track = \"police\"\nnations = [\"wales\"]",
        );
        fs::write(&path, text).unwrap();
    });
    assert_caught(
        &errors,
        "journey.toml: northern-ireland has no stages on the police track",
    );
}

#[test]
fn journey_stages_are_easy_to_read() {
    let text = fs::read_to_string(content_dir().join(JOURNEY)).unwrap();
    let mut prose = String::new();
    for line in text.lines() {
        for field in ["name = ", "what = ", "timing = ", "branches = "] {
            if let Some(value) = line.strip_prefix(field) {
                let value = value.trim_matches('"');
                prose.push_str(value);
                if !value.ends_with('.') {
                    prose.push('.');
                }
                prose.push('\n');
                prose.push('\n');
            }
        }
    }
    let (g, words, sentences) = grade(&prose);
    println!(
        "\nFlesch-Kincaid grade of the journey: {g:.2} ({words} words, {sentences} sentences)"
    );
    assert!(
        g <= 7.0,
        "the journey reads at grade {g:.2}; keep it at 7 or below"
    );
}
