//! Instant offline search across the guide and the glossary.
//!
//! The index is built once, on the first search, from the compiled guide HTML (split at
//! its `h2` sections) and the glossary. A search matches entries containing every word of
//! the query, whatever the case, and ranks title matches first. Every nation's version of a
//! page is indexed; what is for her nation comes first, and the rest says which nations it
//! is for.

use super::{guide_versions, GLOSSARY, GUIDE};
use crate::domain::nation::Nation;
use std::sync::OnceLock;

/// Something search can find.
#[derive(Debug)]
pub struct Entry {
    /// Where it lives: "Police investigation" or "Glossary".
    pub place: String,
    /// The section heading or term.
    pub title: String,
    /// The in-app address: "/guide/police#bail" or "/glossary#rui".
    pub href: String,
    /// The plain text.
    pub text: String,
    /// The nations it is for (empty: not said, so for anyone).
    pub nations: &'static [&'static str],
    title_lower: String,
    text_lower: String,
}

/// A search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub place: String,
    pub title: String,
    pub href: String,
    /// A short extract around the first match.
    pub snippet: String,
    /// The nations it is for (empty: not said, so for anyone).
    pub nations: &'static [&'static str],
}

impl Hit {
    /// True when it is for `nation` (or says no nation).
    pub fn is_for(&self, nation: Nation) -> bool {
        self.nations.is_empty() || self.nations.contains(&nation.id())
    }

    /// True when it is for every nation of the UK (or says no nation).
    pub fn is_for_all(&self) -> bool {
        Nation::ALL.into_iter().all(|n| self.is_for(n))
    }
}

static INDEX: OnceLock<Vec<Entry>> = OnceLock::new();

/// Every searchable entry (built on first use).
pub fn index() -> &'static [Entry] {
    INDEX.get_or_init(build)
}

fn entry(
    place: &str,
    title: &str,
    href: String,
    text: String,
    nations: &'static [&'static str],
) -> Entry {
    Entry {
        nations,
        place: place.to_owned(),
        title_lower: title.to_lowercase(),
        title: title.to_owned(),
        href,
        text_lower: text.to_lowercase(),
        text,
    }
}

fn build() -> Vec<Entry> {
    let mut entries = Vec::new();
    for page in GUIDE {
        // A page with versions links to this version's own address.
        let address = match page.nations.first() {
            Some(nation) if guide_versions(page.slug).nth(1).is_some() => {
                format!("/guide/{}/{nation}", page.slug)
            }
            _ => format!("/guide/{}", page.slug),
        };
        for (id, heading, html) in sections(page.html) {
            let href = match id {
                Some(id) => format!("{address}#{id}"),
                None => address.clone(),
            };
            let title = heading.unwrap_or_else(|| page.title.to_owned());
            entries.push(entry(
                page.title,
                &title,
                href,
                plain_text(html),
                page.nations,
            ));
        }
    }
    for term in GLOSSARY {
        let mut text = String::from(term.means);
        for also in std::iter::once(&term.stands_for).chain(term.also) {
            text.push(' ');
            text.push_str(also);
        }
        entries.push(entry(
            "Words and what they mean",
            term.term,
            format!("/glossary#{}", term.id),
            text,
            term.nations,
        ));
    }
    entries
}

/// Splits guide HTML at its `<h2 id="…">` headings: (id, heading text, section HTML).
pub fn sections(html: &str) -> Vec<(Option<&str>, Option<String>, &str)> {
    let mut out = Vec::new();
    let mut starts: Vec<usize> = html.match_indices("<h2 id=\"").map(|(i, _)| i).collect();
    starts.push(html.len());
    if starts[0] > 0 {
        out.push((None, None, &html[..starts[0]]));
    }
    for pair in starts.windows(2) {
        let part = &html[pair[0]..pair[1]];
        let id_start = "<h2 id=\"".len();
        let id_end = part[id_start..].find('"').map(|i| i + id_start);
        let heading_end = part.find("</h2>");
        if let (Some(id_end), Some(heading_end)) = (id_end, heading_end) {
            let heading_start = part[..heading_end].find('>').map_or(0, |i| i + 1);
            out.push((
                Some(&part[id_start..id_end]),
                Some(plain_text(&part[heading_start..heading_end])),
                &part[heading_end..],
            ));
        }
    }
    out
}

/// The text of some HTML: tags dropped, the few entities the build writes decoded, citation
/// numbers dropped.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        // Citations: <sup class="app-cite">…</sup> carry only a number.
        if tail.starts_with("<sup") {
            rest = tail.find("</sup>").map_or("", |i| &tail[i + 6..]);
            continue;
        }
        let close = tail.find('>').map_or(tail.len(), |i| i + 1);
        if tail.starts_with("</p") || tail.starts_with("</li") || tail.starts_with("<br") {
            out.push(' ');
        }
        rest = &tail[close..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Entries matching every word of `query`, best first, at most `limit`. With her nation,
/// what is for her nation comes before what is not.
pub fn search(query: &str, limit: usize, nation: Option<Nation>) -> Vec<Hit> {
    search_in(index(), query, limit, nation)
}

/// [`search`] over any entries (for tests).
pub fn search_in(entries: &[Entry], query: &str, limit: usize, nation: Option<Nation>) -> Vec<Hit> {
    let query = query.to_lowercase();
    let words: Vec<&str> = query.split_whitespace().collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, &Entry)> = entries
        .iter()
        .filter_map(|e| {
            let mut score = 0;
            for w in &words {
                let in_title = e.title_lower.contains(w);
                let in_text = e.text_lower.matches(w).take(5).count();
                if !in_title && in_text == 0 {
                    return None;
                }
                score += if in_title { 20 } else { 0 } + in_text;
            }
            if e.title_lower == query {
                score += 100;
            }
            Some((score, e))
        })
        .collect();
    // Stable: equal scores keep the guide's own order.
    let elsewhere =
        |e: &Entry| nation.is_some_and(|n| !e.nations.is_empty() && !e.nations.contains(&n.id()));
    scored.sort_by_key(|(score, e)| (elsewhere(e), std::cmp::Reverse(*score)));
    scored
        .into_iter()
        .take(limit)
        .map(|(_, e)| Hit {
            place: e.place.clone(),
            title: e.title.clone(),
            href: e.href.clone(),
            snippet: snippet(&e.text, &e.text_lower, words[0]),
            nations: e.nations,
        })
        .collect()
}

/// About 160 characters of `text` around the first `word`, on word boundaries.
fn snippet(text: &str, lower: &str, word: &str) -> String {
    const WIDTH: usize = 160;
    // Lowercasing can change byte offsets outside ASCII; fall back to the start then.
    let at = if lower.len() == text.len() {
        lower.find(word).unwrap_or(0)
    } else {
        0
    };
    let mut start = at.saturating_sub(WIDTH / 3);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    if start > 0 {
        start = text[start..].find(' ').map_or(start, |i| start + i + 1);
    }
    let mut end = (start + WIDTH).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < text.len() {
        end = text[..end].rfind(' ').unwrap_or(end);
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(text[start..end].trim());
    if end < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_tags_and_citations() {
        let html = "<p>Bail is 3 months.<sup class=\"app-cite\"><a href=\"#src-1\">1</a></sup> It can be &quot;extended&quot; &amp; changed.</p><ul><li>One</li><li>Two</li></ul>";
        assert_eq!(
            plain_text(html),
            "Bail is 3 months. It can be \"extended\" & changed. One Two"
        );
    }

    #[test]
    fn sections_split_at_h2() {
        let html = "<p>Intro</p><h2 id=\"a\">First <a href=\"x\">part</a></h2><p>One</p><h2 id=\"b\">Second</h2><p>Two</p>";
        let s = sections(html);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].0, None);
        assert_eq!(s[1].0, Some("a"));
        assert_eq!(s[1].1.as_deref(), Some("First part"));
        assert!(s[2].2.contains("Two"));
    }

    #[test]
    fn every_guide_page_and_term_is_indexed() {
        let index = index();
        for page in GUIDE {
            assert!(index
                .iter()
                .any(|e| e.href.starts_with(&format!("/guide/{}", page.slug))));
        }
        assert_eq!(
            index
                .iter()
                .filter(|e| e.href.starts_with("/glossary#"))
                .count(),
            GLOSSARY.len()
        );
    }

    #[test]
    fn finds_terms_and_guide_sections_in_any_case() {
        let hits = search("released under investigation", 10, None);
        assert!(hits.iter().any(|h| h.href == "/glossary#rui"), "{hits:#?}");
        assert!(hits.iter().any(|h| h.href.starts_with("/guide/police")));
        let upper = search("RELEASED UNDER INVESTIGATION", 10, None);
        assert_eq!(hits, upper);
    }

    #[test]
    fn every_word_must_match() {
        assert!(search("bail zzzzqqq", 10, None).is_empty());
        assert!(search("   ", 10, None).is_empty());
        assert!(!search("bail", 10, None).is_empty());
    }

    #[test]
    fn snippets_show_the_match() {
        let hits = search("section 47", 5, None);
        assert!(!hits.is_empty());
        assert!(
            hits[0].snippet.to_lowercase().contains("section 47")
                || hits[0].title.to_lowercase().contains("section 47")
        );
        assert!(hits.iter().all(|h| h.snippet.chars().count() <= 170));
    }

    #[test]
    fn her_nation_comes_first_and_others_say_where_they_are_for() {
        let entries = vec![
            entry(
                "Police",
                "Bail in Scotland",
                "/guide/police/scotland".into(),
                "bail".into(),
                &["scotland"],
            ),
            entry(
                "Police",
                "Bail",
                "/guide/police/england".into(),
                "bail bail".into(),
                &["england", "wales"],
            ),
            entry(
                "Glossary",
                "Bail",
                "/glossary#bail".into(),
                "bail".into(),
                &[],
            ),
        ];
        let hrefs = |nation| {
            search_in(&entries, "bail", 10, nation)
                .into_iter()
                .map(|h| h.href)
                .collect::<Vec<_>>()
        };
        // Not said: by score only.
        assert_eq!(
            hrefs(None),
            [
                "/guide/police/england",
                "/glossary#bail",
                "/guide/police/scotland"
            ]
        );
        assert_eq!(
            hrefs(Some(Nation::Scotland)),
            [
                "/glossary#bail",
                "/guide/police/scotland",
                "/guide/police/england"
            ]
        );
        let wales = hrefs(Some(Nation::Wales));
        assert_eq!(wales[2], "/guide/police/scotland", "{wales:?}");
        let hits = search_in(&entries, "bail", 10, None);
        assert!(hits[2].is_for(Nation::Scotland) && !hits[2].is_for(Nation::Wales));
        assert!(hits[1].is_for_all() && !hits[0].is_for_all());
    }

    #[test]
    fn odd_queries_do_not_panic() {
        for q in ["é", "ß", "İ", "<", "&", "\u{1F600}", "a", "’", "[^", "\\"] {
            let _ = search(q, 20, Some(Nation::Wales));
        }
    }
}
