//! Guide pages: front matter, the Markdown body and the rules each page must keep.

use super::data::{check_keys, is_date, Sources, NATIONS};
use super::markdown::{render, Context, Options_};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    pub summary: String,
    pub nations: Vec<String>,
    pub sources: Vec<String>,
    pub last_reviewed: String,
    pub order: u32,
}

/// A compiled guide page.
pub struct Page {
    pub slug: String,
    pub front: FrontMatter,
    pub html: String,
    /// Source keys in citation order.
    pub cited: Vec<String>,
}

/// The heading every guide page ends with.
pub const LAST_SECTION: &str = "What you can do now";

/// Words that state outdated facts as current. Checked case-insensitively, as whole words.
pub const OUTDATED: &[&str] = &[
    "sopo",
    "sopos",
    "rsho",
    "rshos",
    "sexual offences prevention order",
    "risk of sexual harm order",
    "five-level",
    "five level",
    "5-level",
    "level 4",
    "level 5",
    "copine",
];

/// The 2011 guidance's old office numbers (digits only).
pub const OLD_NUMBERS: &[&str] = &["01372847187", "01372847188", "02082565940"];

/// Finds outdated facts in a text: old terms and old phone numbers.
pub fn outdated(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    for term in OUTDATED {
        let mut from = 0;
        while let Some(at) = lower[from..].find(term) {
            let start = from + at;
            let end = start + term.len();
            let before = lower[..start].chars().last();
            let after = lower[end..].chars().next();
            if !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
            {
                found.push(format!("outdated: {term:?}"));
                break;
            }
            from = end;
        }
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    for number in OLD_NUMBERS {
        if digits.contains(number) {
            found.push(format!("outdated: the old office number {number}"));
        }
    }
    found
}

/// Splits `+++` TOML front matter from the body.
pub fn split_front_matter(text: &str) -> Result<(&str, &str), String> {
    let rest = text
        .strip_prefix("+++\n")
        .ok_or("a guide page starts with +++ front matter")?;
    let end = rest
        .find("\n+++\n")
        .ok_or("front matter is not closed with +++")?;
    Ok((&rest[..end], &rest[end + 5..]))
}

/// Compiles one page. Problems go into `errors`, prefixed with the file.
pub fn compile_page(
    slug: &str,
    text: &str,
    sources: &Sources,
    ctx: &Context,
    errors: &mut Vec<String>,
) -> Option<Page> {
    let place = format!("content/guide/{slug}.md");
    let mut bad = |what: String| errors.push(format!("{place}: {what}"));
    let (front, body) = match split_front_matter(text) {
        Ok(parts) => parts,
        Err(why) => {
            bad(why);
            return None;
        }
    };
    let front: FrontMatter = match toml::from_str(front) {
        Ok(f) => f,
        Err(e) => {
            bad(format!("front matter: {e}"));
            return None;
        }
    };
    if front.title.trim().is_empty() || front.summary.trim().is_empty() {
        bad("needs a title and a summary".into());
    }
    if front.nations.is_empty() || front.nations.iter().any(|n| !NATIONS.contains(&n.as_str())) {
        bad(format!("nations must be some of {}", NATIONS.join(", ")));
    }
    if !is_date(&front.last_reviewed) {
        bad(format!(
            "last_reviewed {:?} is not a date",
            front.last_reviewed
        ));
    }
    for problem in outdated(text) {
        bad(problem);
    }
    let rendered = render(
        body,
        ctx,
        &Options_ {
            cite_prefix: "src",
            autolink: true,
            headings: true,
            number_by: None,
        },
    );
    for e in rendered.errors {
        bad(e);
    }
    let mut place_errors = Vec::new();
    check_keys(&place, &front.sources, sources, &mut place_errors);
    errors.extend(place_errors);
    let mut bad = |what: String| errors.push(format!("{place}: {what}"));
    for key in &rendered.cited {
        if !front.sources.contains(key) {
            bad(format!("cites [^{key}] but does not list it in sources"));
        }
    }
    for key in &front.sources {
        if !rendered.cited.contains(key) {
            bad(format!("lists source {key:?} but never cites it"));
        }
    }
    match rendered.headings.iter().rfind(|(level, _)| *level == 2) {
        Some((_, text)) if text == LAST_SECTION => {}
        _ => bad(format!("the last ## section must be \"{LAST_SECTION}\"")),
    }
    Some(Page {
        slug: slug.to_owned(),
        front,
        html: rendered.html,
        cited: rendered.cited,
    })
}
