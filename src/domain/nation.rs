//! The four nations of the UK, whose law and services differ, and where she said she lives.
//! Shared with the content build, which checks links to a guide page's nation versions.

use serde::{Deserialize, Serialize};

/// A nation of the UK, by the id content uses ("england", "northern-ireland").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Nation {
    England,
    Wales,
    Scotland,
    NorthernIreland,
}

impl Nation {
    /// Every nation, in the order Harbour lists them.
    pub const ALL: [Nation; 4] = [
        Nation::England,
        Nation::Wales,
        Nation::Scotland,
        Nation::NorthernIreland,
    ];

    /// The id used in content and addresses: "northern-ireland".
    pub fn id(self) -> &'static str {
        match self {
            Nation::England => "england",
            Nation::Wales => "wales",
            Nation::Scotland => "scotland",
            Nation::NorthernIreland => "northern-ireland",
        }
    }

    /// Its name: "Northern Ireland".
    pub fn name(self) -> &'static str {
        match self {
            Nation::England => "England",
            Nation::Wales => "Wales",
            Nation::Scotland => "Scotland",
            Nation::NorthernIreland => "Northern Ireland",
        }
    }

    /// The nation with this id, if it is one.
    pub fn from_id(id: &str) -> Option<Nation> {
        Nation::ALL.into_iter().find(|n| n.id() == id)
    }
}

/// "England and Wales" from ["england", "wales"]; unknown ids as they are.
pub fn in_words(ids: &[&str]) -> String {
    let names: Vec<&str> = ids
        .iter()
        .map(|id| match Nation::from_id(id) {
            Some(nation) => nation.name(),
            None => id,
        })
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Where she said she lives. Stored in her data as text: "" until she answers, then
/// "not-sure" or a nation's id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Residence {
    /// She has not answered yet: Harbour asks, once, on the home page.
    #[default]
    #[serde(rename = "")]
    NotAnswered,
    /// She answered "Not sure".
    NotSure,
    England,
    Wales,
    Scotland,
    NorthernIreland,
}

impl Residence {
    /// The answers she can give, in the order they are offered.
    pub const CHOICES: [Residence; 5] = [
        Residence::England,
        Residence::Wales,
        Residence::Scotland,
        Residence::NorthernIreland,
        Residence::NotSure,
    ];

    /// The nation she named, if she named one.
    pub fn nation(self) -> Option<Nation> {
        match self {
            Residence::NotAnswered | Residence::NotSure => None,
            Residence::England => Some(Nation::England),
            Residence::Wales => Some(Nation::Wales),
            Residence::Scotland => Some(Nation::Scotland),
            Residence::NorthernIreland => Some(Nation::NorthernIreland),
        }
    }

    /// True once she has answered (a nation or "Not sure").
    pub fn answered(self) -> bool {
        self != Residence::NotAnswered
    }

    /// The id of this answer: "scotland", "not-sure" ("" before she answers).
    pub fn id(self) -> &'static str {
        match self.nation() {
            Some(nation) => nation.id(),
            None if self == Residence::NotSure => "not-sure",
            None => "",
        }
    }

    /// The answer with this id ("scotland", "not-sure"), if it is one she can give.
    pub fn from_id(id: &str) -> Option<Residence> {
        Residence::CHOICES.into_iter().find(|r| r.id() == id)
    }

    /// How the answer reads as a choice: "Scotland", "Not sure".
    pub fn label(self) -> &'static str {
        match self.nation() {
            Some(nation) => nation.name(),
            None => "Not sure",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_names_go_both_ways() {
        for nation in Nation::ALL {
            assert_eq!(Nation::from_id(nation.id()), Some(nation));
        }
        assert_eq!(
            Nation::from_id("northern-ireland").unwrap().name(),
            "Northern Ireland"
        );
        assert_eq!(Nation::from_id("ulster"), None);
        assert_eq!(Nation::from_id(""), None);
    }

    #[test]
    fn nations_read_as_words() {
        assert_eq!(in_words(&["england", "wales"]), "England and Wales");
        assert_eq!(
            in_words(&["wales", "scotland", "northern-ireland"]),
            "Wales, Scotland and Northern Ireland"
        );
        assert_eq!(in_words(&["scotland"]), "Scotland");
        assert_eq!(in_words(&[]), "");
    }

    #[test]
    fn her_answer_is_stored_as_plain_text() {
        let stored = |r: Residence| serde_json::to_string(&r).unwrap();
        assert_eq!(stored(Residence::NotAnswered), "\"\"");
        assert_eq!(stored(Residence::NotSure), "\"not-sure\"");
        assert_eq!(stored(Residence::NorthernIreland), "\"northern-ireland\"");
        for r in Residence::CHOICES
            .into_iter()
            .chain([Residence::NotAnswered])
        {
            assert_eq!(stored(r), format!("\"{}\"", r.id()));
            let back: Residence = serde_json::from_str(&stored(r)).unwrap();
            assert_eq!(back, r);
        }
        assert!(serde_json::from_str::<Residence>("\"ulster\"").is_err());
    }

    #[test]
    fn only_a_named_nation_is_a_nation() {
        assert_eq!(Residence::Scotland.nation(), Some(Nation::Scotland));
        assert_eq!(Residence::NotSure.nation(), None);
        assert!(Residence::NotSure.answered());
        assert!(!Residence::NotAnswered.answered());
        assert_eq!(Residence::NotSure.label(), "Not sure");
        for r in Residence::CHOICES {
            assert_eq!(Residence::from_id(r.id()), Some(r));
        }
        assert_eq!(Residence::from_id(""), None);
        assert_eq!(Residence::from_id("ulster"), None);
    }
}
