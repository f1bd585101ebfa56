//! Markdown to HTML for Harbour's content, with its house rules: `[^KEY]` citations,
//! glossary terms linked on first use, in-app links checked and made relative to the app's
//! base, headings given ids and kept in order, and no raw HTML.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeStream};
use std::collections::{BTreeMap, BTreeSet};

/// A glossary entry as the renderer needs it.
pub struct GlossaryTerm {
    pub id: String,
    /// The term and its other spellings.
    pub words: Vec<Word>,
    pub autolink: bool,
}

/// One spelling of a term. Acronyms ("RUI", "S17") match exactly; words and phrases match
/// whatever their case.
pub struct Word {
    pub text: String,
    pub lower: String,
    pub exact: bool,
}

impl Word {
    pub fn new(text: &str) -> Self {
        Word {
            text: text.to_owned(),
            lower: text.to_lowercase(),
            exact: text.chars().any(|c| c.is_ascii_uppercase()) && text == text.to_uppercase(),
        }
    }
}

/// What links may point at inside the app.
#[derive(Default)]
pub struct Targets {
    /// Each guide page's slug, with the nations its versions cover.
    pub guide: BTreeMap<String, BTreeSet<String>>,
    pub glossary: BTreeSet<String>,
    pub services: BTreeSet<String>,
    pub questions: BTreeSet<String>,
    pub plan_sections: BTreeSet<String>,
}

/// Everything the renderer checks against.
pub struct Context<'a> {
    pub source_keys: &'a BTreeSet<String>,
    pub glossary: &'a [GlossaryTerm],
    /// Acronyms the text may use: glossary terms and a few plain words in capitals.
    pub acronyms: &'a BTreeSet<String>,
    pub targets: &'a Targets,
}

/// How one piece of Markdown is rendered.
pub struct Options_<'a> {
    /// Citation N links to `#{cite_prefix}-N`.
    pub cite_prefix: &'a str,
    /// Link glossary terms on first use.
    pub autolink: bool,
    /// Headings are allowed (guide pages) or not (short fields).
    pub headings: bool,
    /// Number citations by their place in this list of sources (fields, whose source list
    /// is shown as given); without it, by the order they are first cited (guide pages).
    pub number_by: Option<&'a [String]>,
}

/// The result of rendering.
#[derive(Default)]
pub struct Rendered {
    pub html: String,
    /// Cited source keys, in the order they are first cited (citation N is `cited[N - 1]`).
    pub cited: Vec<String>,
    /// Headings: level (2 = `##`) and text.
    pub headings: Vec<(u8, String)>,
    pub errors: Vec<String>,
}

/// Renders `markdown`. Errors are collected in the result, not returned early, so one run of
/// the build reports every problem.
pub fn render(markdown: &str, ctx: &Context, opts: &Options_) -> Rendered {
    let mut out = Rendered::default();
    let mut linked_terms: BTreeSet<String> = BTreeSet::new();
    let mut heading_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut last_level = 1u8;
    let mut events: Vec<Event> = Vec::new();
    let mut heading: Option<(u8, Vec<Event>, String)> = None;
    let mut link_depth = 0usize;

    let parser = Parser::new_ext(markdown, Options::ENABLE_SMART_PUNCTUATION);
    for event in TextMergeStream::new(parser) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = heading_number(level);
                if !opts.headings {
                    out.errors.push("headings are not allowed here".into());
                }
                if level == 1 {
                    out.errors
                        .push("use ## for headings: the title is the page's only h1".into());
                } else if level > last_level + 1 {
                    out.errors.push(format!(
                        "heading level skipped: h{last_level} is followed by h{level}"
                    ));
                }
                last_level = level;
                heading = Some((level, Vec::new(), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, inner, text)) = heading.take() {
                    let id = unique_id(&slug(&text), &mut heading_ids);
                    events.push(Event::Html(format!("<h{level} id=\"{id}\">").into()));
                    events.extend(inner);
                    events.push(Event::Html(format!("</h{level}>\n").into()));
                    out.headings.push((level, text));
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                link_depth += 1;
                let href = check_link(&dest_url, ctx, &mut out.errors);
                push(&mut heading, &mut events, Event::InlineHtml(href.into()));
            }
            Event::End(TagEnd::Link) => {
                link_depth -= 1;
                push(&mut heading, &mut events, Event::InlineHtml("</a>".into()));
            }
            Event::Text(text) => {
                lint_text(&strip_citations(&text), ctx, &mut out.errors);
                if let Some((_, _, heading_text)) = heading.as_mut() {
                    heading_text.push_str(&text);
                }
                let in_heading = heading.is_some();
                let html = inline(
                    &text,
                    ctx,
                    opts,
                    InlineState {
                        cite: !in_heading && link_depth == 0,
                        autolink: opts.autolink && !in_heading && link_depth == 0,
                    },
                    &mut linked_terms,
                    &mut out,
                );
                push(&mut heading, &mut events, Event::InlineHtml(html.into()));
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                out.errors
                    .push("raw HTML is not allowed in content: use Markdown".into());
            }
            Event::Start(Tag::Image { .. }) => {
                out.errors.push("images are not allowed in content".into());
            }
            Event::Code(code) => {
                lint_text(&code, ctx, &mut out.errors);
                push(&mut heading, &mut events, Event::Code(code));
            }
            other => push(&mut heading, &mut events, other),
        }
    }
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
    out
}

fn push<'a>(
    heading: &mut Option<(u8, Vec<Event<'a>>, String)>,
    events: &mut Vec<Event<'a>>,
    e: Event<'a>,
) {
    match heading {
        Some((_, inner, _)) => inner.push(e),
        None => events.push(e),
    }
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// A heading's text as an id: "What you can do now" → "what-you-can-do-now".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn unique_id(base: &str, seen: &mut BTreeMap<String, usize>) -> String {
    let n = seen.entry(base.to_owned()).or_insert(0);
    *n += 1;
    if *n == 1 {
        base.to_owned()
    } else {
        format!("{base}-{n}")
    }
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Checks a link and returns its opening tag. In-app links ("/guide/police") become
/// relative ("guide/police") so they follow the app's `<base href>`.
fn check_link(dest: &str, ctx: &Context, errors: &mut Vec<String>) -> String {
    if dest.starts_with("https://") || dest.starts_with("http://") {
        return format!("<a href=\"{}\" rel=\"noreferrer\">", escape(dest));
    }
    if dest.starts_with("tel:") || dest.starts_with("mailto:") || dest.starts_with("sms:") {
        return format!("<a href=\"{}\">", escape(dest));
    }
    let Some(path) = dest.strip_prefix('/') else {
        errors.push(format!(
            "link {dest:?}: in-app links start with / (for example /guide/police)"
        ));
        return "<a>".into();
    };
    if let Err(why) = check_target(dest, ctx) {
        errors.push(format!("broken link {dest:?}: {why}"));
    }
    let relative = if path.is_empty() { "./" } else { path };
    format!("<a href=\"{}\">", escape(relative))
}

/// Checks that an in-app address goes to a page (and anchor) that exists.
pub fn check_target(dest: &str, ctx: &Context) -> Result<(), String> {
    use super::route::{parse, Route};
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let t = ctx.targets;
    let known = |set: &BTreeSet<String>, id: &str, what: &str| {
        if set.contains(id) {
            Ok(())
        } else {
            Err(format!("there is no {what} {id:?}"))
        }
    };
    match (parse(path), fragment) {
        (Route::NotFound, _) => Err("no such page".into()),
        (Route::GuidePage(slug), None) if t.guide.contains_key(&slug) => Ok(()),
        (Route::GuideVersion(slug, nation), None) => match t.guide.get(&slug) {
            Some(nations) if nations.contains(nation.id()) => Ok(()),
            Some(_) => Err(format!(
                "no version of guide page {slug:?} is for {}",
                nation.name()
            )),
            None => Err(format!("there is no guide page {slug:?}")),
        },
        (Route::GuidePage(slug), None) => Err(format!("there is no guide page {slug:?}")),
        (Route::Glossary, Some(id)) => known(&t.glossary, id, "glossary term"),
        (Route::Services, Some(id)) => known(&t.services, id, "service"),
        (Route::Questions, Some(id)) => known(&t.questions, id, "questions list"),
        (Route::SafetyPlan(rest), None) => match rest.as_slice() {
            [] => Ok(()),
            [section] => known(&t.plan_sections, section, "safety-plan section"),
            _ => Err("no such safety-plan page".into()),
        },
        (_, None) => Ok(()),
        (_, Some(_)) => Err(
            "links to a part of a page work only for /glossary, /services and /questions".into(),
        ),
    }
}

/// The text without its `[^KEY]` citations.
fn strip_citations(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("[^") {
        out.push_str(&rest[..start]);
        match rest[start..].find(']') {
            Some(len) => rest = &rest[start + len + 1..],
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Flags capitalised words that are not explained in the glossary.
pub fn lint_text(text: &str, ctx: &Context, errors: &mut Vec<String>) {
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        let capitals = word.chars().filter(|c| c.is_ascii_uppercase()).count();
        let acronym = word.len() >= 2
            && word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && (capitals >= 2 || word.chars().any(|c| c.is_ascii_digit()))
            && word.chars().next().is_some_and(|c| c.is_ascii_uppercase());
        if acronym && !ctx.acronyms.contains(word) {
            errors.push(format!("{word:?} is used but not defined in the glossary"));
        }
    }
}

#[derive(Clone, Copy)]
struct InlineState {
    cite: bool,
    autolink: bool,
}

/// Turns text into HTML: escapes it, renders `[^KEY]` citations and links glossary terms.
fn inline(
    text: &str,
    ctx: &Context,
    opts: &Options_,
    state: InlineState,
    linked: &mut BTreeSet<String>,
    out: &mut Rendered,
) -> String {
    let mut html = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("[^") {
        let Some(len) = rest[start..].find(']') else {
            break;
        };
        let key = &rest[start + 2..start + len];
        html.push_str(&terms(&rest[..start], ctx, state.autolink, linked));
        if !state.cite {
            out.errors
                .push(format!("citation [^{key}] inside a heading or link"));
        }
        if !ctx.source_keys.contains(key) {
            out.errors
                .push(format!("citation [^{key}]: no such source in sources.toml"));
        }
        if !out.cited.iter().any(|k| k == key) {
            out.cited.push(key.to_owned());
        }
        let n = match opts.number_by {
            Some(listed) => match listed.iter().position(|k| k == key) {
                Some(i) => i + 1,
                None => {
                    out.errors
                        .push(format!("cites [^{key}] but does not list it in sources"));
                    0
                }
            },
            None => out.cited.iter().position(|k| k == key).map_or(0, |i| i + 1),
        };
        html.push_str(&format!(
            "<sup class=\"app-cite\"><a href=\"#{p}-{n}\" aria-label=\"source {n}\">{n}</a></sup>",
            p = opts.cite_prefix
        ));
        rest = &rest[start + len + 1..];
    }
    html.push_str(&terms(rest, ctx, state.autolink, linked));
    html
}

/// Escapes `text`, linking the first use on the page of each glossary term.
fn terms(text: &str, ctx: &Context, autolink: bool, linked: &mut BTreeSet<String>) -> String {
    if !autolink {
        return escape(text);
    }
    let lower = text.to_lowercase();
    // Lowercasing can change byte lengths outside ASCII; then match exactly only.
    let same_shape = lower.len() == text.len();
    let mut html = String::new();
    let mut i = 0;
    let mut plain_from = 0;
    while i < text.len() {
        if !text.is_char_boundary(i) || (i > 0 && is_word_char(text[..i].chars().last())) {
            i += 1;
            continue;
        }
        let mut found: Option<(usize, &str)> = None;
        for term in ctx
            .glossary
            .iter()
            .filter(|t| t.autolink && !linked.contains(&t.id))
        {
            for word in &term.words {
                let end = i + word.text.len();
                if end > text.len() || !text.is_char_boundary(end) {
                    continue;
                }
                let hit = if word.exact || !same_shape {
                    text[i..end] == word.text
                } else {
                    lower.get(i..end) == Some(word.lower.as_str())
                };
                if hit
                    && !is_word_char(text[end..].chars().next())
                    && found.is_none_or(|(len, _)| word.text.len() > len)
                {
                    found = Some((word.text.len(), term.id.as_str()));
                }
            }
        }
        if let Some((len, id)) = found {
            html.push_str(&escape(&text[plain_from..i]));
            html.push_str(&format!(
                "<a class=\"app-term\" href=\"glossary#{id}\">{}</a>",
                escape(&text[i..i + len])
            ));
            linked.insert(id.to_owned());
            i += len;
            plain_from = i;
        } else {
            i += 1;
        }
    }
    html.push_str(&escape(&text[plain_from..]));
    html
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-')
}
