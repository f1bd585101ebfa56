//! Guide pages: front matter, the Markdown body and the rules each page must keep.

use super::data::{check_keys, is_date, Sources, NATIONS};
use super::markdown::{render, Context, Options_};
use super::outdated::outdated;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

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

/// A compiled guide page: one version of the page for its slug.
pub struct Page {
    pub slug: String,
    /// "" for `<slug>.md`; the rest of the name for `<slug>.<variant>.md` ("scotland").
    pub variant: String,
    pub front: FrontMatter,
    pub html: String,
    /// Source keys in citation order.
    pub cited: Vec<String>,
    /// The file's name without `.md` ("police.scotland").
    pub file: String,
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

/// A guide file's slug and variant from its name without `.md`: "police" is the page
/// `police`; "police.scotland" is its Scotland version. The guide lists one entry per slug.
pub fn slug_and_variant(stem: &str) -> (&str, &str) {
    stem.split_once('.').unwrap_or((stem, ""))
}

/// The nations each slug's versions cover, from the files' front matter (`(stem, text)`),
/// so links to `/guide/<slug>/<nation>` can be checked before any page is rendered.
/// Front matter that does not parse is reported when the page itself is compiled.
pub fn nations_by_slug(files: &[(String, String)]) -> BTreeMap<String, BTreeSet<String>> {
    let mut covered: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (stem, text) in files {
        let nations = split_front_matter(text)
            .ok()
            .and_then(|(front, _)| toml::from_str::<FrontMatter>(front).ok())
            .map(|f| f.nations)
            .unwrap_or_default();
        let (slug, _) = slug_and_variant(stem);
        covered.entry(slug.to_owned()).or_default().extend(nations);
    }
    covered
}

/// The rules for a slug's versions: no two cover the same nation, and all share one place
/// in the contents (`order`), which no other slug has.
pub fn check_versions(pages: &[Page], errors: &mut Vec<String>) {
    let mut by_slug: BTreeMap<&str, Vec<&Page>> = BTreeMap::new();
    for page in pages {
        by_slug.entry(&page.slug).or_default().push(page);
    }
    let mut orders: BTreeMap<u32, &str> = BTreeMap::new();
    for (slug, versions) in &by_slug {
        let order = versions[0].front.order;
        if versions.iter().any(|v| v.front.order != order) {
            errors.push(format!(
                "content/guide/{slug}.*.md: the versions of {slug:?} must share one order"
            ));
        }
        if let Some(other) = orders.insert(order, slug) {
            errors.push(format!(
                "content/guide: {other:?} and {slug:?} have the same order {order}"
            ));
        }
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        for version in versions {
            for nation in &version.front.nations {
                if let Some(first) = seen.insert(nation, &version.file) {
                    errors.push(format!(
                        "content/guide/{}.md: {nation} is already covered by content/guide/{first}.md (versions of one page must not overlap in nations)",
                        version.file
                    ));
                }
            }
        }
    }
}

/// Compiles one page from its file's name without `.md` (`police`, `police.scotland`).
/// Problems go into `errors`, prefixed with the file.
pub fn compile_page(
    stem: &str,
    text: &str,
    sources: &Sources,
    ctx: &Context,
    errors: &mut Vec<String>,
) -> Option<Page> {
    let place = format!("content/guide/{stem}.md");
    let (slug, variant) = slug_and_variant(stem);
    let is_id = |s: &str| {
        !s.is_empty()
            && !s.starts_with('-')
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    if !is_id(slug) || !(variant.is_empty() || is_id(variant)) {
        errors.push(format!(
            "{place}: name a guide file <page>.md or <page>.<version>.md, in lowercase letters, digits and -"
        ));
    }
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
        variant: variant.to_owned(),
        file: stem.to_owned(),
        front,
        html: rendered.html,
        cited: rendered.cited,
    })
}
