//! Reading a page aloud: what to say, in which pieces, and with which voice. Pure: the
//! browser side (src/adapters/speech.rs) hands over the page's blocks and the device's
//! voices, and speaks the pieces this plans.
//!
//! - Only the page's main content is read, in document order: headings, paragraphs and
//!   list items. Nothing from the header (quick exit, 999), navigation, footer, anything
//!   hidden, or anything marked not to be read (the reading controls themselves).
//! - Each piece is one sentence, at most [`MAX_CHARS`] characters (a longer sentence is cut
//!   at a semicolon, comma or space). Short pieces make pausing (cancel and remember) work
//!   the same everywhere and avoid Chrome's cut-off on long utterances.
//! - Only a voice that runs on the device is ever used: `localService`, English, en-GB
//!   first. Never a network voice (Chrome's "Google …", Edge's "Online (Natural)"), and
//!   never the browser's default choice.

/// The longest piece spoken at once, in characters.
pub const MAX_CHARS: usize = 300;

/// The reading speeds she can choose: slower, normal, faster.
pub const SPEEDS: [f32; 3] = [0.8, 1.0, 1.2];

/// What kind of block a piece of the page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A heading (h1–h6): starts a section.
    Heading,
    /// A paragraph (or one half of a term and its description).
    Paragraph,
    /// One item of a list.
    ListItem,
}

impl Kind {
    /// The kind for an element's tag name (any case), if it is one that is read.
    pub fn from_tag(tag: &str) -> Option<Kind> {
        match tag.to_ascii_lowercase().as_str() {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(Kind::Heading),
            // A plan's "term: what she wrote" rows are read as paragraphs.
            "p" | "dt" | "dd" => Some(Kind::Paragraph),
            "li" => Some(Kind::ListItem),
            _ => None,
        }
    }
}

/// One block of the page as the browser found it.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// Heading, paragraph or list item.
    pub kind: Kind,
    /// Its text as shown (hidden parts left out).
    pub text: String,
    /// The tag names of the elements around it, outermost first (lower case).
    pub ancestors: Vec<String>,
    /// True when it, or something around it, is hidden or marked not to be read.
    pub skip: bool,
}

/// Elements whose content is never read, even inside main.
const NEVER_INSIDE: [&str; 7] = [
    "nav", "header", "footer", "aside", "button", "form", "dialog",
];

/// True when a block is part of the page's main content and may be read.
pub fn readable(block: &Block) -> bool {
    !block.skip
        && block.ancestors.iter().any(|a| a == "main")
        && !block
            .ancestors
            .iter()
            .any(|a| NEVER_INSIDE.contains(&a.as_str()))
        && block.text.chars().any(char::is_alphanumeric)
}

/// One thing to say.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// What is spoken.
    pub text: String,
    /// Which of the blocks given to [`plan`] it comes from (for the highlight).
    pub block: usize,
    /// Which section it is in: 0 before the first heading, then one more at each heading.
    pub section: usize,
}

/// What to say for a page, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// The pieces, in reading order.
    pub pieces: Vec<Piece>,
}

impl Plan {
    /// The first piece of the section after the one `at` is in, if there is one.
    pub fn next_section(&self, at: usize) -> Option<usize> {
        let section = self.pieces.get(at)?.section;
        self.pieces.iter().position(|p| p.section > section)
    }

    /// The piece before `at` (the first one stays the first one).
    pub fn previous(&self, at: usize) -> usize {
        at.saturating_sub(1)
            .min(self.pieces.len().saturating_sub(1))
    }

    /// True when there is nothing to read.
    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }
}

/// The pieces to say for a page's blocks: the readable ones, in order, each cut into
/// sentences of at most [`MAX_CHARS`] characters.
pub fn plan(blocks: &[Block]) -> Plan {
    let mut pieces = Vec::new();
    let mut section = 0;
    let mut seen_heading = false;
    for (index, block) in blocks.iter().enumerate() {
        if !readable(block) {
            continue;
        }
        if block.kind == Kind::Heading {
            if seen_heading || !pieces.is_empty() {
                section += 1;
            }
            seen_heading = true;
        }
        for text in sentences(&block.text) {
            for part in cut(&text) {
                pieces.push(Piece {
                    text: part,
                    block: index,
                    section,
                });
            }
        }
    }
    Plan { pieces }
}

/// Words that end with a full stop but do not end a sentence (compared without the stop,
/// ignoring case).
const ABBREVIATIONS: [&str; 24] = [
    "mr", "mrs", "ms", "dr", "prof", "st", "e.g", "i.e", "eg", "ie", "a.m", "p.m", "no", "nos",
    "vs", "approx", "cf", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
];

/// `text` as sentences, with runs of white space made single spaces. A full stop, question
/// or exclamation mark (with any closing quotes or brackets) followed by a space ends a
/// sentence, unless the word it ends is a known abbreviation ("Dr.", "e.g.", "a.m.") or a
/// single letter (an initial). A stop inside a number ("3.5", "£1,000.50") is not followed
/// by a space, so it never ends one.
pub fn sentences(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        current.push(word);
        let last = i + 1 == words.len();
        if last || ends_sentence(word, words[i + 1]) {
            out.push(current.join(" "));
            current.clear();
        }
    }
    out
}

/// True when `word` ends a sentence and `next` starts another.
fn ends_sentence(word: &str, next: &str) -> bool {
    let core = word.trim_end_matches(['"', '\'', '’', '”', ')', ']']);
    let Some(mark) = core.chars().last() else {
        return false;
    };
    if !matches!(mark, '.' | '!' | '?' | '…') {
        return false;
    }
    let starts_new = next
        .trim_start_matches(['"', '\'', '‘', '“', '(', '['])
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '£');
    if !starts_new {
        return false;
    }
    if mark == '.' {
        let stem = core
            .trim_end_matches('.')
            .trim_start_matches(['"', '\'', '‘', '“', '(', '[']);
        let lower = stem.to_lowercase();
        if ABBREVIATIONS.contains(&lower.as_str()) {
            return false;
        }
        // An initial: "J. Smith".
        if stem.chars().count() == 1 && stem.chars().all(char::is_alphabetic) {
            return false;
        }
    }
    true
}

/// A sentence cut into pieces of at most [`MAX_CHARS`] characters: at the last semicolon,
/// colon or comma that fits, else at the last space, else (one very long word) anywhere.
pub fn cut(sentence: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = sentence.trim();
    while rest.chars().count() > MAX_CHARS {
        let limit = rest
            .char_indices()
            .nth(MAX_CHARS)
            .map_or(rest.len(), |(i, _)| i);
        let head = &rest[..limit];
        let at = [";", ":", ","]
            .iter()
            .filter_map(|mark| head.rfind(&format!("{mark} ")).map(|i| i + 1))
            .filter(|&i| i > MAX_CHARS / 3)
            .max()
            .or_else(|| head.rfind(' ').filter(|&i| i > 0))
            .unwrap_or(limit);
        out.push(rest[..at].trim().to_owned());
        rest = rest[at..].trim_start();
    }
    if !rest.is_empty() {
        out.push(rest.to_owned());
    }
    out
}

/// A voice the device offers, as the browser describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Voice {
    /// Its name ("Microsoft Hazel - English (United Kingdom)").
    pub name: String,
    /// Its language tag ("en-GB"; some browsers write "en_GB" or "eng-GBR-f000").
    pub lang: String,
    /// The browser's `localService`: true when it runs on the device.
    pub local: bool,
}

/// Names of voices that send the text to a server even if a browser calls them local.
const NETWORK_NAMES: [&str; 3] = ["google", "online", "natural"];

/// True when Harbour may speak with this voice: on the device, English, and not one of the
/// known network voices.
pub fn usable(voice: &Voice) -> bool {
    let name = voice.name.to_lowercase();
    voice.local && is_english(&voice.lang) && !NETWORK_NAMES.iter().any(|n| name.contains(n))
}

fn is_english(lang: &str) -> bool {
    let lang = lang.to_ascii_lowercase();
    lang == "en" || lang.starts_with("en-") || lang.starts_with("en_") || lang.starts_with("eng")
}

fn is_british(lang: &str) -> bool {
    let lang = lang.to_ascii_lowercase().replace('_', "-");
    lang.starts_with("en-gb") || lang.starts_with("eng-gb")
}

/// The voice to read with, as an index into `voices`: the first usable British English
/// one, else the first usable English one, else none (then nothing is read).
pub fn choose_voice(voices: &[Voice]) -> Option<usize> {
    let usable: Vec<usize> = (0..voices.len()).filter(|&i| usable(&voices[i])).collect();
    usable
        .iter()
        .copied()
        .find(|&i| is_british(&voices[i].lang))
        .or_else(|| usable.first().copied())
}

/// The language tag to give the utterance with the chosen voice (Android follows the tag,
/// not the voice): the voice's own, written "en-GB" style.
pub fn utterance_lang(voice: &Voice) -> String {
    let lang = voice.lang.replace('_', "-");
    if is_british(&lang) {
        "en-GB".to_owned()
    } else if lang.to_ascii_lowercase().starts_with("en-") || lang.eq_ignore_ascii_case("en") {
        lang
    } else {
        "en".to_owned()
    }
}

#[cfg(test)]
mod tests;
