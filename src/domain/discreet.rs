//! Discreet mode's words: messages written with Harbour's name say "this app" instead, so
//! nothing shown while she is in discreet mode names Harbour.

const NAME: &str = "Harbour";

/// `text` with every "Harbour" replaced by "this app" ("This app" where a sentence starts).
pub fn without_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(NAME) {
        out.push_str(&rest[..at]);
        let before = out.trim_end();
        let starts_sentence = before.is_empty() || before.ends_with(['.', '!', '?']);
        out.push_str(if starts_sentence {
            "This app"
        } else {
            "this app"
        });
        rest = &rest[at + NAME.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::without_name;

    #[test]
    fn the_name_becomes_this_app_with_a_capital_where_a_sentence_starts() {
        assert_eq!(
            without_name("Harbour couldn't save. Your browser is not letting Harbour's copy stay."),
            "This app couldn't save. Your browser is not letting this app's copy stay."
        );
        assert_eq!(
            without_name("A new version of Harbour is ready"),
            "A new version of this app is ready"
        );
    }

    #[test]
    fn text_without_the_name_is_unchanged() {
        assert_eq!(
            without_name("Locked in another tab"),
            "Locked in another tab"
        );
        assert_eq!(without_name(""), "");
    }
}
