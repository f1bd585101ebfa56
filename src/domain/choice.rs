//! Lists she picks from (a kind of entry, a role, where the police case stands) as enums,
//! each declared once, with every choice's stored id and label, by the [`choice!`] macro.
//!
//! The ids are the exact strings Harbour has always stored, so stored data, backups, links
//! and the frozen migration fixtures read and write byte for byte as before. A list she can
//! leave unanswered has a "not chosen" variant, stored as "" (as before), which is the
//! default; it is not in `ALL` and `from_id("")` is `None`, because it is not a choice she
//! can pick.
//!
//! An id the enum does not know fails to deserialize ("unknown variant"). Stored data cannot
//! hold one, because the schema gate refuses data from a newer Harbour; if it ever did, the
//! whole document would be refused and kept as a recovery copy, like any data of the wrong
//! shape, rather than half-read and then overwritten.

/// What every list she picks from offers, for code that works on any of them (the UI's
/// radios and selects, the tests). Each enum also has these as inherent items, so callers
/// need not import this trait.
pub trait Choice: Copy + Eq + 'static {
    /// The choices she can pick, in the order they are offered.
    const ALL: &'static [Self];
    /// The id stored in her data and used as the HTML `value`.
    fn id(self) -> &'static str;
    /// The words she sees for this choice.
    fn label(self) -> &'static str;
    /// The choice with this id, if it is one she can pick.
    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.id() == id)
    }
}

/// Declares a list she picks from: the enum, its serde names, ids, labels, `ALL`, `from_id`
/// and its [`Choice`] impl, from one table. `enum Name: NotChosen => "label"` adds a
/// default variant stored as "" (with the label shown while nothing is chosen).
///
/// ```ignore
/// choice! {
///     /// Who a contact is to her.
///     pub enum Role: NotChosen => "Contact" {
///         SocialWorker = "social-worker" => "Social worker",
///         Gp = "gp" => "GP",
///     }
/// }
/// ```
macro_rules! choice {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident $(: $unset:ident => $unset_label:literal)? {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident = $id:literal => $label:literal,
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
        $vis enum $name {
            $(
                /// Not chosen yet: stored as "".
                #[serde(rename = "")]
                $unset,
            )?
            $(
                $(#[$variant_meta])*
                #[serde(rename = $id)]
                $variant,
            )+
        }

        $(
            impl Default for $name {
                fn default() -> Self {
                    Self::$unset
                }
            }
        )?

        impl $name {
            /// The choices she can pick, in the order they are offered.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The id stored in her data and used as the HTML `value`.
            pub const fn id(self) -> &'static str {
                match self {
                    $(Self::$unset => "",)?
                    $(Self::$variant => $id,)+
                }
            }

            /// The words she sees for this choice.
            pub const fn label(self) -> &'static str {
                match self {
                    $(Self::$unset => $unset_label,)?
                    $(Self::$variant => $label,)+
                }
            }

            /// The choice with this id, if it is one she can pick ("" and unknown ids are
            /// `None`).
            pub fn from_id(id: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|c| c.id() == id)
            }
        }

        impl $crate::domain::choice::Choice for $name {
            const ALL: &'static [Self] = $name::ALL;
            fn id(self) -> &'static str {
                $name::id(self)
            }
            fn label(self) -> &'static str {
                $name::label(self)
            }
        }
    };
}

pub(crate) use choice;

#[cfg(test)]
pub(crate) mod tests {
    use super::Choice;
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use std::fmt::Debug;

    /// Checks a list against the exact JSON strings Harbour stores today, in the order the
    /// UI offers them: a wrong rename, a missing choice or a changed order fails here.
    pub(crate) fn stored_as<T>(expected: &[&str])
    where
        T: Choice + Serialize + DeserializeOwned + Debug,
    {
        let ids: Vec<&str> = T::ALL.iter().map(|c| c.id()).collect();
        assert_eq!(ids, expected, "ids in the order offered");
        for (&choice, &id) in T::ALL.iter().zip(expected) {
            let json = serde_json::to_string(&choice).expect("serializes");
            assert_eq!(json, format!("\"{id}\""), "{choice:?} is stored as today");
            let back: T = serde_json::from_str(&json).expect("reads back");
            assert_eq!(back, choice);
            assert_eq!(T::from_id(id), Some(choice));
            assert!(!choice.label().is_empty(), "{choice:?} has a label");
        }
        refuses_unknown::<T>();
    }

    /// An id no list has is refused, both from stored JSON and from a form's value.
    pub(crate) fn refuses_unknown<T>()
    where
        T: Choice + DeserializeOwned + Debug,
    {
        for unknown in ["not-a-choice", "Social worker", " bail"] {
            assert_eq!(T::from_id(unknown), None);
            let read = serde_json::from_str::<T>(&format!("\"{unknown}\""));
            let why = read.expect_err("an unknown id is refused").to_string();
            assert!(why.contains("unknown variant"), "{why}");
        }
    }

    /// A list she can leave unanswered stores "not chosen" as "", starts there, and does not
    /// offer it as a choice.
    pub(crate) fn not_chosen_is_empty<T>(unset: T)
    where
        T: Choice + Default + Serialize + DeserializeOwned + Debug,
    {
        assert_eq!(T::default(), unset);
        assert_eq!(serde_json::to_string(&unset).expect("serializes"), "\"\"");
        assert_eq!(serde_json::from_str::<T>("\"\"").expect("reads"), unset);
        assert_eq!(unset.id(), "");
        assert_eq!(T::from_id(""), None);
        assert!(!T::ALL.contains(&unset));
    }
}
