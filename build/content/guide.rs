//! Guide pages: front matter, the Markdown body and the rules each page must keep.

use super::data::{check_keys, is_date, Sources, NATIONS};
use super::markdown::{render, Context, Options_};
use super::outdated::outdated;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    pub summary: String,
    /// Required: an empty or missing list fails with a message naming the page.
    #[serde(default)]
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
    // Checked against the page's own nations: a term current only in Northern Ireland may
    // appear on Northern Ireland's page. The sources list is keys, not statements.
    let statements = format!("{}\n{}\n{body}", front.title, front.summary);
    for problem in outdated(&statements, &front.nations) {
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
