use super::*;

fn refused(p: &str) -> String {
    match strength(p) {
        Strength::Refused(why) => why,
        other => panic!("{p:?} should be refused, got {other:?}"),
    }
}

#[test]
fn the_most_common_passwords_are_refused_with_the_reason() {
    for p in [
        "password1",
        "password",
        "qwertyuiop",
        "1234567890",
        "iloveyou",
        "trustno1",
        "basketball",
        "manchester",
    ] {
        assert!(
            refused(p).starts_with("This is one of the most common passwords"),
            "{p}: {}",
            refused(p)
        );
    }
}

#[test]
fn common_passwords_dressed_up_are_still_refused() {
    for p in [
        "Password1",
        "PASSWORD123!",
        "P@ssw0rd2024",
        "pass word 1",
        "passwordpassword",
        "Monkey-1234567",
        "!!sunshine!!",
    ] {
        assert!(
            refused(p).starts_with("This is one of the most common passwords"),
            "{p}: {}",
            refused(p)
        );
    }
}

#[test]
fn simple_patterns_are_refused() {
    for p in [
        "aaaaaaaaaaaa",
        "abcabcabcabc",
        "121212121212",
        "zyxwvutsrqpo",
        "asdfghjkl",
        "0987654321",
    ] {
        let why = refused(p);
        assert!(
            why.starts_with("This is a simple pattern")
                || why.starts_with("This is one of the most common"),
            "{p}: {why}"
        );
    }
}

#[test]
fn short_ones_are_refused_with_the_length_said() {
    assert_eq!(
        refused("gr8 k3tl"),
        "Too short: use 4 or more words. It must be at least 10 characters, and it is 8 now."
    );
    assert_eq!(refused("  "), "Enter a passphrase");
}

#[test]
fn fewer_than_four_words_are_warned_about_but_allowed() {
    for p in ["kettle blue garden", "bluekettle77", "Saturday mornings"] {
        assert!(
            matches!(strength(p), Strength::Weak(ref why) if why.contains("use 4 or more words")),
            "{p}: {:?}",
            strength(p)
        );
    }
}

#[test]
fn four_words_or_a_long_mixed_one_are_strong() {
    for p in [
        "kettle tuesday blue garden",
        "correct horse battery staple",
        "Ysgol, mynydd, glaw a choed",
        "x7#Kp9!qLm2$vB4t",
    ] {
        assert_eq!(strength(p), Strength::Strong, "{p}");
    }
}

#[test]
fn the_list_is_sorted_lower_case_and_complete() {
    let lines: Vec<&str> = COMMON.lines().collect();
    assert_eq!(lines.len(), 10_000);
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
    assert!(lines
        .iter()
        .all(|l| *l == l.to_lowercase() && !l.is_empty()));
}
