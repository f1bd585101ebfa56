//! UK phone numbers as people write them: the one rule used by the content build (services)
//! and by the app (contacts, support-worker links).

/// A UK phone number as written for people: 999, 101, 116 123, 0800 1111, 0808 1000 900,
/// 01235 816050, 18001 101 (textphone), +44 1372 847 161.
pub fn is_uk_phone(text: &str) -> bool {
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '+')
        || text.trim() != text
    {
        return false;
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if let Some(rest) = text.strip_prefix("+44") {
        let n: String = rest.chars().filter(char::is_ascii_digit).collect();
        return n.len() == 10 && !n.starts_with('0');
    }
    if text.contains('+') {
        return false;
    }
    match digits.as_str() {
        "999" | "112" | "101" | "111" => true,
        d if d.len() == 6 && d.starts_with("116") => true,
        d if d.starts_with("18001") => is_uk_phone(text.trim_start_matches("18001").trim()),
        // Childline's short freephone number.
        "08001111" => true,
        d => d.starts_with('0') && !d.starts_with("00") && (d.len() == 10 || d.len() == 11),
    }
}

/// A number to text: a 5-digit short code or a UK mobile.
pub fn is_text_number(text: &str) -> bool {
    let digits: String = text.chars().filter(|c| *c != ' ').collect();
    digits.chars().all(|c| c.is_ascii_digit())
        && (digits.len() == 5 || (digits.len() == 11 && digits.starts_with("07")))
}

/// The `tel:` address for a number: digits only, keeping a leading + for +44.
pub fn tel_href(phone: &str) -> String {
    let plus = if phone.trim_start().starts_with('+') {
        "+"
    } else {
        ""
    };
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    format!("tel:{plus}{digits}")
}

/// The `sms:` address for a number, with a message body when there is one.
pub fn sms_href(number: &str, body: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    if body.is_empty() {
        format!("sms:{digits}")
    } else {
        let encoded: String = body
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        format!("sms:{digits}?body={encoded}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        for ok in [
            "999",
            "101",
            "116 123",
            "0800 1111",
            "0808 1000 900",
            "01235 816050",
            "18001 101",
            "+44 1372 847 161",
            "0300 123 3393",
        ] {
            assert!(is_uk_phone(ok), "{ok}");
        }
        for bad in [
            "",
            "12345",
            "0800",
            "+1 555 123 4567",
            "0808-1000-900",
            "08081000900x",
            " 999",
            "00 44 123",
        ] {
            assert!(!is_uk_phone(bad), "{bad}");
        }
    }

    #[test]
    fn hrefs() {
        assert_eq!(tel_href("0808 1000 900"), "tel:08081000900");
        assert_eq!(tel_href("+44 1372 847 161"), "tel:+441372847161");
        assert_eq!(sms_href("85258", "SHOUT"), "sms:85258?body=SHOUT");
        assert_eq!(sms_href("85 258", ""), "sms:85258");
    }
}
