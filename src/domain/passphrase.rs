//! How easy a passphrase is to guess, said plainly. Everything is on her phone, so nothing
//! limits how many guesses someone makes: the weakest are refused, weak ones warned about.
//!
//! A small estimate written for Harbour rather than a general strength library: it refuses
//! the 10,000 most common passwords (also with capitals, spaces, numbers or symbols added,
//! letters swapped for look-alike digits, or repeated), simple patterns (one key held down,
//! 12345, abcde, rows of the keyboard) and anything under
//! [`MIN_PASSPHRASE_CHARS`](crate::domain::sealed::MIN_PASSPHRASE_CHARS) characters; and it
//! warns unless there are 4 or more words (or 16 or more characters of 3 kinds). Only the
//! settings chunk calls it, so the list is downloaded only by those who open Settings.
//!
//! The list: the first 10,000 entries of `passwords.json` in the npm package
//! `@zxcvbn-ts/language-common` 4.1.3 (MIT licence, copyright Dan Wheeler and Dropbox,
//! Inc., and zxcvbn-ts; see `passphrase/COMMON-PASSWORDS-LICENSE`), a list ranked by how
//! often each password was found in leaked password lists, lower-cased and sorted.

use crate::domain::sealed::MIN_PASSPHRASE_CHARS;

/// The 10,000 most common passwords, lower case, one a line, sorted.
const COMMON: &str = include_str!("passphrase/common-passwords.txt");

/// Keyboard rows and counting runs: a passphrase inside one of these (either way round) is
/// a pattern, not a secret.
const RUNS: &[&str] = &[
    "1234567890",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "abcdefghijklmnopqrstuvwxyz",
    "qazwsxedcrfvtgbyhnujmikolp",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
];

/// What Harbour makes of a passphrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Strength {
    /// Not accepted, and why.
    Refused(String),
    /// Accepted, with a warning.
    Weak(String),
    /// Fine.
    Strong,
}

const COMMON_MESSAGE: &str = "This is one of the most common passwords, so it is easy to guess. Use 4 or more ordinary words that do not go together, like “kettle tuesday blue garden”.";
const PATTERN_MESSAGE: &str =
    "This is a simple pattern, so it is easy to guess. Use 4 or more ordinary words.";
const WEAK_MESSAGE: &str = "This could be guessed: use 4 or more words. A few ordinary words that do not go together are easy to remember and hard to guess.";

/// How strong `passphrase` is, with the reason said plainly.
pub fn strength(passphrase: &str) -> Strength {
    if passphrase.trim().is_empty() {
        return Strength::Refused("Enter a passphrase".into());
    }
    if is_common(passphrase) {
        return Strength::Refused(COMMON_MESSAGE.into());
    }
    if is_pattern(&squash(passphrase)) {
        return Strength::Refused(PATTERN_MESSAGE.into());
    }
    let chars = passphrase.chars().count();
    if chars < MIN_PASSPHRASE_CHARS {
        return Strength::Refused(format!(
            "Too short: use 4 or more words. It must be at least {MIN_PASSPHRASE_CHARS} characters, and it is {chars} now."
        ));
    }
    if words(passphrase) >= 4 || (chars >= 16 && kinds(passphrase) >= 3) {
        Strength::Strong
    } else {
        Strength::Weak(WEAK_MESSAGE.into())
    }
}

/// Lower case with spaces and the usual separators taken out.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Digits and symbols people put for look-alike letters, put back.
fn unswap(text: &str, one: char) -> String {
    text.chars()
        .map(|c| match c {
            '@' | '4' => 'a',
            '3' => 'e',
            '1' | '!' => one,
            '0' => 'o',
            '$' | '5' => 's',
            '7' => 't',
            other => other,
        })
        .collect()
}

/// Without digits and symbols at either end ("Password2024!" → "password").
fn trimmed(text: &str) -> &str {
    text.trim_matches(|c: char| !c.is_alphabetic())
}

/// The shortest piece that `text` repeats ("passwordpassword" → "password").
fn unit(text: &str) -> &str {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for len in 1..=chars.len() / 2 {
        if chars.len() % len == 0 {
            let end = chars[len].0;
            let piece = &text[..end];
            if piece.repeat(chars.len() / len) == text {
                return piece;
            }
        }
    }
    text
}

fn listed(candidate: &str) -> bool {
    candidate.chars().count() >= 4 && COMMON.lines().any(|line| line == candidate)
}

/// True when `passphrase`, or an easy variation of it, is on the list.
pub fn is_common(passphrase: &str) -> bool {
    let squashed = squash(passphrase);
    let mut candidates = vec![passphrase.to_lowercase(), squashed.clone()];
    for one in ['i', 'l'] {
        candidates.push(unswap(&squashed, one));
    }
    let more: Vec<String> = candidates
        .iter()
        .flat_map(|c| {
            [
                trimmed(c).to_owned(),
                unit(c).to_owned(),
                unit(trimmed(c)).to_owned(),
            ]
        })
        .collect();
    candidates.extend(more);
    candidates.iter().any(|c| listed(c))
}

/// True for one key held down, a short piece repeated, or a run along the keyboard or
/// the alphabet (either way round).
fn is_pattern(squashed: &str) -> bool {
    if squashed.is_empty() {
        return false;
    }
    if unit(squashed).chars().count() <= 3 {
        return true;
    }
    let reversed: String = squashed.chars().rev().collect();
    RUNS.iter()
        .any(|run| run.contains(squashed) || run.contains(reversed.as_str()))
}

/// How many words: runs of letters.
fn words(text: &str) -> usize {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .count()
}

/// How many kinds of character: lower case, capitals, digits, symbols (spaces are not
/// counted: they only separate words).
fn kinds(text: &str) -> usize {
    [
        text.chars().any(char::is_lowercase),
        text.chars().any(char::is_uppercase),
        text.chars().any(|c| c.is_ascii_digit()),
        text.chars()
            .any(|c| !c.is_alphanumeric() && !c.is_whitespace()),
    ]
    .iter()
    .filter(|&&k| k)
    .count()
}

#[cfg(test)]
mod tests;
