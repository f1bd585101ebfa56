//! Does a support-worker link look like a service in Harbour's own list? Anyone can make a
//! link, so one that uses the name or number of the police, the NSPCC or another listed
//! service gets a prominent warning: Harbour has not checked it, and she should check the
//! number with the organisation itself.

use crate::domain::share::SharedService;
use crate::domain::text::{fold, phone_digits};

/// A service in Harbour's list, as far as this check needs it.
#[derive(Clone, Copy, Debug)]
pub struct Listed<'a> {
    pub name: &'a str,
    pub run_by: &'a str,
    /// Its phone and text numbers.
    pub numbers: [&'a str; 2],
}

/// Numbers that are never a local service's own: emergency and national lines.
const RESERVED_NUMBERS: &[&str] = &["999", "112", "101", "111", "116123", "116111"];

/// Words too common in service names to say which service is meant on their own.
const COMMON_WORDS: &[&str] = &[
    "about",
    "accountability",
    "adult",
    "advice",
    "adviceline",
    "after",
    "arrest",
    "circles",
    "citizens",
    "course",
    "crisis",
    "emergency",
    "families",
    "family",
    "fire",
    "forum",
    "forward",
    "foundation",
    "friends",
    "group",
    "groups",
    "help",
    "helpline",
    "inform",
    "infoline",
    "knock",
    "line",
    "lives",
    "local",
    "mind",
    "not",
    "now",
    "protective",
    "rights",
    "safer",
    "service",
    "services",
    "shout",
    "stop",
    "support",
    "talking",
    "therapy",
    "victim",
    "women",
    "your",
];

/// The part of a name before any explanation ("Police: not an emergency" → "Police").
fn core(name: &str) -> &str {
    name.split([':', ',', '(']).next().unwrap_or(name).trim()
}

/// Words of a listed service's name that point to it alone ("police", "nspcc"). Who runs
/// it counts only as a whole name (people's names are too common on their own).
fn telling_words(listed: &Listed) -> Vec<String> {
    listed
        .name
        .split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| w.chars().count() >= 4 && !COMMON_WORDS.contains(&w.as_str()))
        .collect()
}

/// The listed services `link` looks like, by name or number (their names, in list order).
pub fn resembles<'a>(link: &SharedService, listed: &[Listed<'a>]) -> Vec<&'a str> {
    let digits = phone_digits(&link.phone);
    let folded_name = fold(&link.name);
    let link_words: Vec<String> = link
        .name
        .split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect();
    let mut found: Vec<&'a str> = listed
        .iter()
        .filter(|l| {
            let same_number = !digits.is_empty()
                && l.numbers
                    .iter()
                    .any(|n| !n.is_empty() && phone_digits(n) == digits);
            let names_it = [core(l.name), core(l.run_by)].iter().any(|n| {
                let n = fold(n);
                n.chars().count() >= 5 && folded_name.contains(&n)
            });
            let telling = telling_words(l)
                .iter()
                .any(|w| link_words.iter().any(|lw| lw == w));
            same_number || names_it || telling
        })
        .map(|l| l.name)
        .collect();
    if found.is_empty() && RESERVED_NUMBERS.contains(&digits.as_str()) {
        found.push("an emergency or national number");
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &[Listed] = &[
        Listed {
            name: "Police, fire or ambulance: emergency",
            run_by: "",
            numbers: ["999", ""],
        },
        Listed {
            name: "Police: not an emergency",
            run_by: "",
            numbers: ["101", ""],
        },
        Listed {
            name: "NSPCC Helpline",
            run_by: "NSPCC (National Society for the Prevention of Cruelty to Children)",
            numbers: ["0808 800 5000", ""],
        },
        Listed {
            name: "Stop It Now helpline",
            run_by: "Lucy Faithfull Foundation",
            numbers: ["0808 1000 900", ""],
        },
        Listed {
            name: "Safer Lives",
            run_by: "",
            numbers: ["", ""],
        },
        Listed {
            name: "Shout",
            run_by: "",
            numbers: ["", "85258"],
        },
    ];

    fn link(name: &str, phone: &str) -> SharedService {
        SharedService {
            name: name.into(),
            phone: phone.into(),
            ..Default::default()
        }
    }

    #[test]
    fn names_of_listed_services_are_found() {
        assert_eq!(
            resembles(&link("Police", ""), LIST),
            vec![
                "Police, fire or ambulance: emergency",
                "Police: not an emergency"
            ]
        );
        assert_eq!(
            resembles(&link("N.S.P.C.C.", ""), LIST),
            vec!["NSPCC Helpline"]
        );
        assert_eq!(
            resembles(&link("West Yorkshire Police family team", ""), LIST).len(),
            2
        );
        assert_eq!(
            resembles(&link("Lucy Faithfull Foundation", ""), LIST),
            vec!["Stop It Now helpline"]
        );
        assert_eq!(
            resembles(&link("Safer Lives Leeds", ""), LIST),
            vec!["Safer Lives"]
        );
    }

    #[test]
    fn numbers_of_listed_services_are_found() {
        assert_eq!(
            resembles(&link("Families Together", "999"), LIST),
            vec!["Police, fire or ambulance: emergency"]
        );
        assert_eq!(
            resembles(&link("Our line", "0808 1000 900"), LIST),
            vec!["Stop It Now helpline"]
        );
        assert_eq!(
            resembles(&link("Our line", "+44 808 1000 900"), LIST),
            vec!["Stop It Now helpline"]
        );
        assert_eq!(
            resembles(&link("Our line", "111"), LIST),
            vec!["an emergency or national number"]
        );
    }

    #[test]
    fn an_ordinary_local_service_is_not_flagged() {
        for name in [
            "Families After Arrest",
            "Leeds Family Support Service",
            "Helpline for partners",
            "Mind the Gap counselling",
            "Emergency Duty Team",
            "Lucy's group",
            "The Foundation Trust",
        ] {
            assert!(
                resembles(&link(name, "0113 496 0000"), LIST).is_empty(),
                "{name}"
            );
        }
    }
}
