//! The content rules from issue 14, each tested by breaking a copy of the content: hosts
//! and their owners, sources' dates, nations on everything she reads, outdated terms per
//! nation, and every source cited. Part of the `content` test (see tests/content.rs).

use super::{assert_caught, content, edit, errors_after, PAGE};
use std::fs;
use std::path::Path;

// ---------------------------------------------------------------------------------------
// Sources she can trust and tap: hosts, dates, nations, outdated terms per nation, and
// every source cited. These add to a copy of the content rather than edit it, so they keep
// working while writers change the words.

/// A source entry in TOML, read today, with the given extra or replaced lines.
fn source(key: &str, url: &str, published: &str, read: &str) -> String {
    format!(
        "\n[{key}]\ntitle = \"Test source\"\nurl = \"{url}\"\npublished = \"{published}\"\n{read}\n"
    )
}

fn append(dir: &Path, file: &str, text: &str) {
    let path = dir.join(file);
    let mut all = fs::read_to_string(&path).unwrap_or_default();
    all.push_str(text);
    fs::write(&path, all).unwrap();
}

/// Adds a paragraph to the police page, just before its last section.
fn add_to_page(dir: &Path, text: &str) {
    edit(
        dir,
        PAGE,
        "## What you can do now",
        &format!("{text}\n\n## What you can do now"),
    );
}

/// Deletes the first line of `file` that starts with `start`.
fn delete_line(dir: &Path, file: &str, start: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap();
    let at = text
        .lines()
        .position(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("{file} has no line starting {start:?}"));
    let kept: Vec<&str> = text
        .lines()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .map(|(_, l)| l)
        .collect();
    fs::write(&path, kept.join("\n") + "\n").unwrap();
}

const TODAY: &str = "read = \"2026-12-04\"";

#[test]
fn a_source_on_a_host_outside_the_allow_list_fails() {
    let errors = errors_after("host", |d| {
        append(
            d,
            "sources.toml",
            &source(
                "Mirror-Test",
                "https://docs.mirror.example/copy",
                "2024",
                TODAY,
            ),
        )
    });
    assert_caught(
        &errors,
        "sources.toml [Mirror-Test]: \"https://docs.mirror.example/copy\": host \"docs.mirror.example\" is not in source-hosts.toml",
    );
}

#[test]
fn a_link_in_a_page_to_a_host_outside_the_allow_list_fails() {
    let errors = errors_after("pagehost", |d| {
        add_to_page(d, "See [this copy](https://scraper.example/page).")
    });
    assert_caught(
        &errors,
        "content/guide/police.md: \"https://scraper.example/page\": host \"scraper.example\" is not in source-hosts.toml",
    );
}

#[test]
fn a_plain_http_link_anywhere_fails() {
    let errors = errors_after("httpsource", |d| {
        append(
            d,
            "sources.toml",
            &source("Http-Test", "http://www.gov.uk/x", "2024", TODAY),
        )
    });
    assert_caught(
        &errors,
        "sources.toml [Http-Test]: url \"http://www.gov.uk/x\" must be the publisher's own https:// address",
    );
    let errors = errors_after("httppage", |d| {
        add_to_page(d, "See [GOV.UK](http://www.gov.uk/police-bail).")
    });
    assert_caught(
        &errors,
        "content/guide/police.md: \"http://www.gov.uk/police-bail\" is a plain http:// link",
    );
    let errors = errors_after("httpglossary", |d| {
        append(
            d,
            "glossary.toml",
            "\n[[term]]\nnations = [\"england\"]\nid = \"zz-test\"\nterm = \"zz test\"\nmeans = \"See http://www.gov.uk/x for more.\"\nsources = [\"SIN-help\"]\n",
        )
    });
    assert_caught(
        &errors,
        "content/glossary.toml: \"http://www.gov.uk/x\" is a plain http:// link",
    );
}

#[test]
fn a_listed_host_nothing_links_to_fails() {
    let errors = errors_after("deadhost", |d| {
        append(
            d,
            "source-hosts.toml",
            "\n[[host]]\nhost = \"www.unused.example\"\nowner = \"Nobody\"\nkind = \"charity\"\n",
        )
    });
    assert_caught(
        &errors,
        "source-hosts.toml [www.unused.example]: nothing links to this host",
    );
    let errors = errors_after("badkind", |d| {
        append(
            d,
            "source-hosts.toml",
            "\n[[host]]\nhost = \"www.kind.example\"\nowner = \"Nobody\"\nkind = \"blog\"\n",
        )
    });
    assert_caught(
        &errors,
        "kind \"blog\" is not one of primary, official, charity, research, professional, press",
    );
}

#[test]
fn a_source_without_its_dates_fails() {
    let cases = [
        (
            "noread",
            source("Date-Test", "https://www.stopitnow.org.uk/x", "2024", ""),
            "no read date",
        ),
        (
            "shortread",
            source(
                "Date-Test",
                "https://www.stopitnow.org.uk/x",
                "2024",
                "read = \"2026-11\"",
            ),
            "read \"2026-11\" is not a full date YYYY-MM-DD",
        ),
        (
            "futureread",
            source(
                "Date-Test",
                "https://www.stopitnow.org.uk/x",
                "2024",
                "read = \"2027-01-05\"",
            ),
            "read \"2027-01-05\" is not between 2000-01-01 and 2026-12-31",
        ),
        (
            "oldfield",
            source(
                "Date-Test",
                "https://www.stopitnow.org.uk/x",
                "2024",
                "checked = \"2026-11\"",
            ),
            "`checked` is no longer used",
        ),
        (
            "guessed",
            source(
                "Date-Test",
                "https://www.stopitnow.org.uk/x",
                "c. 2010",
                TODAY,
            ),
            "published \"c. 2010\" must be the publisher's date",
        ),
        (
            "nopublished",
            source("Date-Test", "https://www.stopitnow.org.uk/x", "", TODAY),
            "published \"\" must be the publisher's date",
        ),
        (
            "readbefore",
            source(
                "Date-Test",
                "https://www.stopitnow.org.uk/x",
                "2026-12-05",
                TODAY,
            ),
            "published \"2026-12-05\" is after read \"2026-12-04\"",
        ),
    ];
    for (name, entry, expect) in cases {
        let errors = errors_after(name, |d| append(d, "sources.toml", &entry));
        assert_caught(&errors, &format!("sources.toml [Date-Test]: {expect}"));
    }
    // "undated" and a bare year are the publisher's own dates too.
    let errors = errors_after("undated", |d| {
        append(
            d,
            "sources.toml",
            &source(
                "Date-Test",
                "https://www.stopitnow.org.uk/x",
                "undated",
                TODAY,
            ),
        )
    });
    assert!(
        !errors.iter().any(|e| e.contains("published")),
        "{errors:#?}"
    );
}

#[test]
fn a_source_without_an_address_needs_a_note() {
    let errors = errors_after("nourl", |d| {
        append(
            d,
            "sources.toml",
            &source("Offline-Test", "", "undated", TODAY),
        )
    });
    assert_caught(&errors, "sources.toml [Offline-Test]: no url");
}

#[test]
fn sources_may_live_in_their_own_files_but_once() {
    // A source defined in content/sources/*.toml is found like any other.
    let errors = errors_after("ownfile", |d| {
        fs::create_dir_all(d.join("sources")).unwrap();
        append(
            d,
            "sources/test-area.toml",
            &source("Area-Test", "https://www.stopitnow.org.uk/x", "2024", TODAY),
        );
    });
    assert_caught(
        &errors,
        "sources/test-area.toml [Area-Test]: nothing cites this source",
    );
    let errors = errors_after("twice", |d| {
        fs::create_dir_all(d.join("sources")).unwrap();
        append(
            d,
            "sources/test-area.toml",
            &source("SIN-help", "https://www.stopitnow.org.uk/x", "2024", TODAY),
        );
    });
    assert_caught(
        &errors,
        "content/sources/test-area.toml: [SIN-help] is defined twice",
    );
}

#[test]
fn a_source_nothing_cites_fails() {
    let errors = errors_after("unused", |d| {
        append(
            d,
            "sources.toml",
            &source(
                "Unused-Test",
                "https://www.stopitnow.org.uk/x",
                "2024",
                TODAY,
            ),
        )
    });
    assert_caught(
        &errors,
        "sources.toml [Unused-Test]: nothing cites this source: cite it or delete it",
    );
}

#[test]
fn everything_she_reads_says_which_nations_it_is_true_for() {
    for (name, file, place) in [
        ("nationsterm", "glossary.toml", "glossary.toml ["),
        ("nationslist", "questions.toml", "questions.toml ["),
        ("nationsplan", "safety-plan.toml", "safety-plan.toml ["),
        ("nationschild", "children.toml", "children.toml ["),
        (
            "nationspage",
            PAGE,
            "content/guide/police.md: nations must be",
        ),
    ] {
        let errors = errors_after(name, |d| delete_line(d, file, "nations = ["));
        assert!(
            errors.iter().any(|e| e.starts_with(place)
                && (e.contains("no nations") || e.contains("nations must be"))),
            "{file}: expected a missing-nations error, got {errors:#?}"
        );
    }
    // Both the children's general entries and its age bands need them.
    let errors = errors_after("nationsband", |d| {
        let path = d.join("children.toml");
        let text = fs::read_to_string(&path).unwrap();
        let band = text.find("[[band]]").unwrap();
        let line = band + text[band..].find("nations = [").unwrap();
        let end = line + text[line..].find('\n').unwrap() + 1;
        fs::write(&path, format!("{}{}", &text[..line], &text[end..])).unwrap();
    });
    assert_caught(&errors, "children.toml [band under-5]: no nations");
}

#[test]
fn outdated_terms_are_checked_against_the_nations_a_text_is_for() {
    use content::outdated::outdated;
    let nations = |n: &[&str]| n.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    // SOPOs were replaced in England and Wales (2015) and Scotland (2023), not in NI.
    assert!(!outdated("He has a SOPO.", &nations(&["england"])).is_empty());
    assert!(!outdated("He has a SOPO.", &nations(&["scotland"])).is_empty());
    assert!(outdated("He has a SOPO.", &nations(&["northern-ireland"])).is_empty());
    // A text for several nations fails if the term is outdated in any of them.
    let found = outdated(
        "A risk of sexual harm order",
        &nations(&["wales", "northern-ireland"]),
    );
    assert!(
        found.iter().any(|f| f.contains("outdated in wales")),
        "{found:?}"
    );
    // England keeps no child protection register; Wales does.
    assert!(!outdated("the child protection register", &nations(&["england"])).is_empty());
    assert!(outdated("the child protection register", &nations(&["wales"])).is_empty());
    // Source keys in citations are names, not statements.
    assert!(outdated("Guidance says so.[^Seed-LSCB]", &nations(&["england"])).is_empty());
    // Old phone numbers are outdated everywhere.
    assert!(!outdated("Call 01372 847187.", &nations(&["northern-ireland"])).is_empty());

    // In the content: a glossary term for Northern Ireland may name the SOPO...
    let term = |nations: &str| {
        format!(
            "\n[[term]]\nnations = [{nations}]\nid = \"zz-sopo\"\nterm = \"zz sopo\"\nmeans = \"In Northern Ireland a court can make a SOPO.\"\nsources = [\"SIN-help\"]\n"
        )
    };
    let errors = errors_after("sopoterm-ni", |d| {
        append(d, "glossary.toml", &term("\"northern-ireland\""))
    });
    assert!(
        !errors.iter().any(|e| e.contains("outdated")),
        "{errors:#?}"
    );
    // ...but not one for England, and not a page for England and Wales.
    let errors = errors_after("sopoterm-en", |d| {
        append(
            d,
            "glossary.toml",
            &term("\"england\", \"northern-ireland\""),
        )
    });
    assert_caught(
        &errors,
        "content/glossary.toml: [zz-sopo] outdated in england: \"sopo\"",
    );
    let errors = errors_after("sopopage", |d| add_to_page(d, "He may get a SOPO."));
    assert_caught(
        &errors,
        "content/guide/police.md: outdated in england, wales: \"sopo\"",
    );
}
