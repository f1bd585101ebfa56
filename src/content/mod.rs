//! Harbour's long-form content, compiled from `content/` by `build.rs`: the guide as HTML,
//! and the glossary, services, questions and plan material as plain data. No Markdown or
//! TOML parser ships; this module only describes and looks up what was generated.

pub mod search;

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

/// A page of the crisis guide.
#[derive(Debug)]
pub struct GuidePage {
    pub slug: &'static str,
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

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// The source with this key.
pub fn source(key: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.key == key)
}

/// The guide page with this slug.
pub fn guide_page(slug: &str) -> Option<&'static GuidePage> {
    GUIDE.iter().find(|p| p.slug == slug)
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
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
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

    #[test]
    fn dates_read_as_words() {
        assert_eq!(human_date("2023-03-30"), "30 March 2023");
        assert_eq!(human_date("2026-11"), "November 2026");
        assert_eq!(human_date("c. 2012–13"), "c. 2012–13");
        assert_eq!(human_date("2023"), "2023");
    }
}
