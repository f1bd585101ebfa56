//! The one check for characters in text fields, used wherever text comes in: what she
//! types, what a support-worker link carries and what a backup brings back. Characters
//! that change the direction of text, or that cannot be seen, are refused: with them a
//! name can look like another one ("Police" spelt backwards and turned round), hide words,
//! or make two different names look the same.

/// What she is told when a field has such characters.
pub const HIDDEN_CHARACTERS: &str =
    "This has characters that cannot be seen, or that change the direction of the text. Delete it and type it again.";

/// Which characters a field may hold besides ordinary ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// One line: names, numbers, places. Only visible characters.
    Line,
    /// Longer notes: new lines too, and the two joiners (U+200C, U+200D) that emoji such
    /// as 👩‍👧 and some scripts need (they cannot reorder or hide text).
    Notes,
}

/// True for characters that change the direction of text: the embeddings and overrides
/// (U+202A–U+202E), the isolates (U+2066–U+2069) and the direction marks (U+200E, U+200F,
/// U+061C).
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// True for characters that take no space and cannot be seen: zero-width spaces and
/// joiners (U+200B–U+200D), the invisible operators and word joiner (U+2060–U+2064), the
/// deprecated format characters (U+206A–U+206F), the byte-order mark (U+FEFF), the soft
/// hyphen (U+00AD), the Mongolian vowel separator (U+180E), the combining grapheme joiner
/// (U+034F), and the tag characters (U+E0000–U+E007F), which can carry hidden text.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{180E}'
            | '\u{034F}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// True when `c` may not be in a field of kind `field`.
fn refused(c: char, field: Field) -> bool {
    match field {
        Field::Line => c.is_control() || is_direction_control(c) || is_invisible(c),
        Field::Notes => {
            (c.is_control() && c != '\n' && c != '\r')
                || is_direction_control(c)
                || (is_invisible(c) && !matches!(c, '\u{200C}' | '\u{200D}'))
        }
    }
}

/// Why `text` cannot be used in a field of kind `field`, or `None` if it can.
pub fn problem(text: &str, field: Field) -> Option<&'static str> {
    text.chars()
        .any(|c| refused(c, field))
        .then_some(HIDDEN_CHARACTERS)
}

/// Letters and digits only, lower case: how two names are compared, so spacing, case and
/// punctuation cannot make a name look new.
pub fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The digits of a phone number, with a UK "+44" or "0044" turned back into "0".
pub fn phone_digits(text: &str) -> String {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let plus = text.trim_start().starts_with('+');
    if plus && digits.starts_with("44") {
        format!("0{}", &digits[2..])
    } else if let Some(rest) = digits.strip_prefix("0044") {
        format!("0{rest}")
    } else {
        digits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_in_any_language_passes() {
        for ok in [
            "Families After Arrest",
            "Siân O’Brien-Jones",
            "Ysgol Gymraeg Caerdydd",
            "Zoë & Chloé",
            "مركز الدعم",
            "0808 1000 900",
        ] {
            assert_eq!(problem(ok, Field::Line), None, "{ok:?}");
        }
        assert_eq!(problem("Line one\nline two 👩‍👧", Field::Notes), None);
    }

    #[test]
    fn direction_overrides_and_isolates_are_refused_everywhere() {
        for c in ('\u{202A}'..='\u{202E}').chain('\u{2066}'..='\u{2069}') {
            let text = format!("Pol{c}ice");
            assert_eq!(
                problem(&text, Field::Line),
                Some(HIDDEN_CHARACTERS),
                "{c:?}"
            );
            assert_eq!(
                problem(&text, Field::Notes),
                Some(HIDDEN_CHARACTERS),
                "{c:?}"
            );
        }
        // "Police" written backwards after a right-to-left override shows as "Police".
        assert!(problem("\u{202E}ecilop", Field::Line).is_some());
    }

    #[test]
    fn invisible_and_format_characters_are_refused() {
        let mut refused: Vec<char> = ('\u{200B}'..='\u{200F}')
            .chain('\u{2060}'..='\u{2064}')
            .collect();
        refused.extend([
            '\u{FEFF}',
            '\u{00AD}',
            '\u{E0001}',
            '\u{E0041}',
            '\u{E007F}',
        ]);
        for c in refused {
            assert!(
                problem(&format!("NSP{c}CC"), Field::Line).is_some(),
                "{c:?}"
            );
        }
        assert!(
            problem("a\u{0007}b", Field::Line).is_some(),
            "control characters"
        );
        assert!(
            problem("two\nlines", Field::Line).is_some(),
            "one line only"
        );
    }

    #[test]
    fn notes_keep_the_joiners_emoji_need_but_nothing_else_hidden() {
        assert_eq!(problem("👨‍👩‍👧 and می‌خواهم", Field::Notes), None);
        assert!(problem("a\u{200B}b", Field::Notes).is_some());
        assert!(problem("a\u{2066}b", Field::Notes).is_some());
        assert!(problem("👨‍👩‍👧", Field::Line).is_some(), "not in a name");
    }

    #[test]
    fn names_and_numbers_are_compared_plainly() {
        assert_eq!(fold("N.S.P.C.C. Helpline"), "nspcchelpline");
        assert_eq!(phone_digits("0808 1000 900"), "08081000900");
        assert_eq!(phone_digits("+44 808 1000 900"), "08081000900");
        assert_eq!(phone_digits("0044 808 1000 900"), "08081000900");
        assert_eq!(phone_digits("999"), "999");
    }
}
