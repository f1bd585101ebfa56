//! Harbour's long-form content, compiled from `content/` by `build.rs`: the guide as HTML,
//! and the glossary, services, questions and plan material as plain data. No Markdown or
//! TOML parser ships; this module only describes and looks up what was generated.

pub mod search;

use crate::domain::date::MONTHS;
use crate::domain::nation::Nation;

/// A source Harbour cites.
#[derive(Debug)]
pub struct Source {
    pub key: &'static str,
    pub title: &'static str,
    pub url: &'static str,
    /// When the source itself is dated: "2023-03-30", "2023", "c. 2012–13" or "undated".
    pub published: &'static str,
    /// The day Harbour read its text ("2026-12-04").
    pub read: &'static str,
}

/// A page of the crisis guide, in one version: a page whose law differs between nations
/// has a version for each (`police.md` for England and Wales, `police.scotland.md`, …),
/// sharing its slug.
#[derive(Debug)]
pub struct GuidePage {
    pub slug: &'static str,
    /// "" for the page's own file, else the version's name ("scotland").
    pub variant: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub nations: &'static [&'static str],
    pub last_reviewed: &'static str,
    /// The body as HTML: `h2` sections with ids, citations linking to `#src-N`, glossary
    /// terms and in-app links relative to the app's base.
    pub html: &'static str,
    /// Source keys in citation order (citation N is `sources[N - 1]`).
    pub sources: &'static [&'static str],
}

/// A glossary entry.
#[derive(Debug)]
pub struct Term {
    pub id: &'static str,
    pub term: &'static str,
    /// What the letters stand for ("" when not an acronym).
    pub stands_for: &'static str,
    pub means: &'static str,
    pub sources: &'static [&'static str],
    pub also: &'static [&'static str],
    /// The nations where the term is used (empty: not said).
    pub nations: &'static [&'static str],
}

/// A "questions to ask" list.
#[derive(Debug)]
pub struct QuestionList {
    pub id: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub questions: &'static [&'static str],
    pub sources: &'static [&'static str],
}

/// A service in the directory. Empty strings mean "not known".
#[derive(Debug)]
pub struct Service {
    pub id: &'static str,
    /// An earlier id that links may still use ("" when none).
    pub former_id: &'static str,
    pub name: &'static str,
    pub run_by: &'static str,
    pub offers: &'static str,
    pub for_whom: &'static str,
    pub phone: &'static str,
    pub text: &'static str,
    pub text_body: &'static str,
    pub web: &'static str,
    pub email: &'static str,
    pub hours: &'static str,
    pub cost: &'static str,
    pub nations: &'static [&'static str],
    pub categories: &'static [&'static str],
    pub sources: &'static [&'static str],
    pub checked: &'static str,
    /// Fields that could not be read on the organisation's own website ("phone", "hours", …).
    pub unconfirmed: &'static [&'static str],
    pub note: &'static str,
    pub emergency: bool,
}

/// Her situation at the start of the safety plan.
#[derive(Debug)]
pub struct Situation {
    pub id: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
}

/// A section of the safety plan.
#[derive(Debug)]
pub struct PlanSection {
    pub id: &'static str,
    pub title: &'static str,
    /// "Why this matters", as HTML; citations link to `#why-<id>-src-N`.
    pub why_html: &'static str,
    pub sources: &'static [&'static str],
    pub rules: &'static [Rule],
}

/// A suggested rule she can pick, edit or replace.
#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    /// In her voice; `{person}` is the name she gives the person arrested.
    pub text: &'static str,
    /// Situations in which it starts ticked.
    pub situations: &'static [&'static str],
    pub source: &'static str,
}

/// Guidance on talking to children that applies at any age.
#[derive(Debug)]
pub struct ChildGuidance {
    pub id: &'static str,
    pub title: &'static str,
    pub html: &'static str,
    pub sources: &'static [&'static str],
}

/// What to say to a child of an age band.
#[derive(Debug)]
pub struct Band {
    pub id: &'static str,
    pub label: &'static str,
    pub understands_html: &'static str,
    pub say: &'static [&'static str],
    pub avoid: &'static [&'static str],
    pub sources: &'static [&'static str],
    pub phrases: &'static [Phrase],
    pub questions: &'static [ChildQuestion],
}

/// An example phrase; `{name}` is what the child calls the person arrested.
#[derive(Debug)]
pub struct Phrase {
    pub text: &'static str,
    pub source: &'static str,
}

/// A question a child may ask, with a suggested answer.
#[derive(Debug)]
pub struct ChildQuestion {
    pub ask: &'static str,
    pub answer: &'static str,
    pub source: &'static str,
}

/// After the conversation: signs to watch, follow-ups, the news.
#[derive(Debug)]
pub struct Afterwards {
    pub signs: &'static [&'static str],
    pub follow_up: &'static [&'static str],
    pub news_html: &'static str,
    pub sources: &'static [&'static str],
}

/// Telling the school.
#[derive(Debug)]
pub struct School {
    pub html: &'static str,
    pub sources: &'static [&'static str],
}

/// A stage of the police case or of children's social care, for the nations it names
/// (`content/journey.toml`, shown on the journey page).
#[derive(Debug)]
pub struct Stage {
    pub id: &'static str,
    /// "police" or "care".
    pub track: &'static str,
    pub nations: &'static [&'static str],
    pub name: &'static str,
    pub what: &'static str,
    /// The usual timing, or "It varies." where no source gives one.
    pub timing: &'static str,
    /// Where it can go next ("" when it simply goes on).
    pub branches: &'static str,
    pub sources: &'static [&'static str],
    /// The guide page for this stage (an in-app path).
    pub guide: &'static str,
    /// The part of Harbour that helps now, and that link's words.
    pub help: &'static str,
    pub help_text: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// The source with this key.
pub fn source(key: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.key == key)
}

impl GuidePage {
    /// True when this version is for `nation`.
    pub fn covers(&self, nation: Nation) -> bool {
        self.nations.contains(&nation.id())
    }
}

/// The guide's pages in order, one per slug (the first version of each).
pub fn guide_pages() -> Vec<&'static GuidePage> {
    first_versions(GUIDE)
}

/// Every version of the page `slug`, its own file first.
pub fn guide_versions(slug: &str) -> impl Iterator<Item = &'static GuidePage> + '_ {
    GUIDE.iter().filter(move |p| p.slug == slug)
}

/// The version of `slug` for `nation`, if there is one.
pub fn guide_page_in(slug: &str, nation: Nation) -> Option<&'static GuidePage> {
    guide_versions(slug).find(|p| p.covers(nation))
}

/// The version of `slug` to show her: the one for her nation; when she has not said, or no
/// version is for her nation, the one for England; failing that, the first.
pub fn guide_page(slug: &str, nation: Option<Nation>) -> Option<&'static GuidePage> {
    pick_version(GUIDE, slug, nation)
}

fn first_versions(pages: &'static [GuidePage]) -> Vec<&'static GuidePage> {
    let mut out: Vec<&'static GuidePage> = Vec::new();
    for page in pages {
        if !out.iter().any(|p| p.slug == page.slug) {
            out.push(page);
        }
    }
    out
}

fn pick_version(
    pages: &'static [GuidePage],
    slug: &str,
    nation: Option<Nation>,
) -> Option<&'static GuidePage> {
    let versions = || pages.iter().filter(|p| p.slug == slug);
    let covering = |n: Nation| versions().find(|p| p.covers(n));
    nation
        .and_then(covering)
        .or_else(|| covering(Nation::England))
        .or_else(|| versions().next())
}

/// The glossary entry with this id.
pub fn term(id: &str) -> Option<&'static Term> {
    GLOSSARY.iter().find(|t| t.id == id)
}

/// The service with this id.
pub fn service(id: &str) -> Option<&'static Service> {
    SERVICES.iter().find(|s| s.id == id)
}

/// A source's dates in words: "published 30 March 2023; read for Harbour 4 December 2026".
pub fn source_dates(source: &Source) -> String {
    let published = if source.published == "undated" {
        "undated".to_owned()
    } else {
        format!("published {}", human_date(source.published))
    };
    format!("{published}; read for Harbour {}", human_date(source.read))
}

/// "2023-03-30" → "30 March 2023"; "2023-03" → "March 2023"; anything else as it is.
pub fn human_date(date: &str) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
            .copied()
    };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => match (month(m), d.parse::<u32>()) {
            (Some(m), Ok(d)) => format!("{d} {m} {y}"),
            _ => date.to_owned(),
        },
        [y, m] if y.len() == 4 && m.len() == 2 => match month(m) {
            Some(m) => format!("{m} {y}"),
            None => date.to_owned(),
        },
        _ => date.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn page(
        slug: &'static str,
        variant: &'static str,
        nations: &'static [&'static str],
    ) -> GuidePage {
        GuidePage {
            slug,
            variant,
            title: "",
            summary: "",
            nations,
            last_reviewed: "",
            html: "",
            sources: &[],
        }
    }

    static PAGES: &[GuidePage] = &[
        page("police", "", &["england", "wales"]),
        page("police", "northern-ireland", &["northern-ireland"]),
        page("police", "scotland", &["scotland"]),
        page("care", "wales", &["wales"]),
        page("care", "scotland", &["scotland"]),
    ];

    #[test]
    fn her_nation_picks_the_version_of_a_page() {
        let pick = |slug, nation| pick_version(PAGES, slug, nation).map(|p| p.variant);
        assert_eq!(pick("police", Some(Nation::Scotland)), Some("scotland"));
        assert_eq!(
            pick("police", Some(Nation::NorthernIreland)),
            Some("northern-ireland")
        );
        assert_eq!(pick("police", Some(Nation::Wales)), Some(""));
        // Not said: England's version.
        assert_eq!(pick("police", None), Some(""));
        // No version for her nation, or none for England: England's, else the first.
        assert_eq!(pick("care", Some(Nation::England)), Some("wales"));
        assert_eq!(pick("care", None), Some("wales"));
        assert_eq!(pick("care", Some(Nation::Scotland)), Some("scotland"));
        assert_eq!(pick("nothing", None), None);
    }

    #[test]
    fn the_contents_list_one_entry_per_page() {
        let slugs: Vec<&str> = first_versions(PAGES).iter().map(|p| p.slug).collect();
        assert_eq!(slugs, ["police", "care"]);
        let real: Vec<&str> = guide_pages().iter().map(|p| p.slug).collect();
        let mut unique = real.clone();
        unique.dedup();
        assert_eq!(real, unique);
        assert!(GUIDE.iter().all(|p| real.contains(&p.slug)));
    }

    #[test]
    fn dates_read_as_words() {
        assert_eq!(human_date("2023-03-30"), "30 March 2023");
        assert_eq!(human_date("2026-11"), "November 2026");
        assert_eq!(human_date("c. 2012–13"), "c. 2012–13");
        assert_eq!(human_date("2023"), "2023");
    }
}
