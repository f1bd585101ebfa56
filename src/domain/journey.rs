//! "Where am I?": the two journeys (the police case and children's social care), the stage
//! she marked on each, and her key dates placed on the track they belong to.
//!
//! The stages themselves are content (`content/journey.toml`, compiled into
//! [`crate::content::JOURNEY`]); what she marked is stored in her data as a stage id, so a
//! corrected stage name needs no migration.

use crate::content::{Stage, JOURNEY};
use crate::domain::nation::Nation;
use crate::domain::notebook::{DateKind, KeyDate};
use crate::domain::plan::CaseStatus;
use serde::{Deserialize, Serialize};

/// What she marked on each track: "" (not marked), [`UNKNOWN`] ("I do not know"), or a
/// stage id from `content/journey.toml`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journey {
    pub police: String,
    pub care: String,
}

/// Stored when she chose "I do not know".
pub const UNKNOWN: &str = "unknown";

/// One of the two journeys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Track {
    Police,
    Care,
}

impl Track {
    pub const ALL: [Track; 2] = [Track::Police, Track::Care];

    /// The id content uses: "police", "care".
    pub fn id(self) -> &'static str {
        match self {
            Track::Police => "police",
            Track::Care => "care",
        }
    }

    /// Its heading.
    pub fn name(self) -> &'static str {
        match self {
            Track::Police => "The police case",
            Track::Care => "Children's social care",
        }
    }

    /// The track a kind of key date belongs on, if any: bail and court dates on the police
    /// case; conferences, core groups and reviews of the safety plan with social care.
    pub fn of_date_kind(kind: DateKind) -> Option<Track> {
        match kind {
            DateKind::BailReturn | DateKind::Court => Some(Track::Police),
            DateKind::Conference | DateKind::CoreGroup | DateKind::PlanReview => Some(Track::Care),
            DateKind::Meeting | DateKind::ReplyDue | DateKind::Other | DateKind::NotChosen => None,
        }
    }
}

impl Journey {
    /// What she marked on `track`.
    pub fn marked(&self, track: Track) -> &str {
        match track {
            Track::Police => &self.police,
            Track::Care => &self.care,
        }
    }

    /// Marks `value` (a stage id, [`UNKNOWN`] or "") on `track`.
    pub fn mark(&mut self, track: Track, value: &str) {
        let slot = match track {
            Track::Police => &mut self.police,
            Track::Care => &mut self.care,
        };
        value.clone_into(slot);
    }
}

/// The nation whose stages she sees: hers, or England and Wales while she has not said
/// (for social care, England's).
pub fn shown_nation(nation: Option<Nation>) -> Nation {
    nation.unwrap_or(Nation::England)
}

/// The stages of `track` for `nation` (England and Wales when `None`), in order.
pub fn stages(nation: Option<Nation>, track: Track) -> Vec<&'static Stage> {
    let id = shown_nation(nation).id();
    JOURNEY
        .iter()
        .filter(|s| s.track == track.id() && s.nations.contains(&id))
        .collect()
}

/// Where she is on one track, as far as she said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Position {
    /// She has not marked this track (or marked a stage of another nation's journey).
    NotMarked,
    /// She said "I do not know".
    Unknown,
    /// At stage `index` of the track's stages.
    At(usize),
}

/// Where she is on `track`, given what she marked.
pub fn position(journey: &Journey, nation: Option<Nation>, track: Track) -> Position {
    let marked = journey.marked(track);
    if marked == UNKNOWN {
        return Position::Unknown;
    }
    match stages(nation, track).iter().position(|s| s.id == marked) {
        Some(i) => Position::At(i),
        None => Position::NotMarked,
    }
}

/// "Now" and "Next" for one track, once she has marked it: the stage she is at and the one
/// after (`None` at the last stage).
pub fn now_and_next(
    journey: &Journey,
    nation: Option<Nation>,
    track: Track,
) -> Option<(&'static str, Option<&'static str>)> {
    let list = stages(nation, track);
    match position(journey, nation, track) {
        Position::NotMarked => None,
        Position::Unknown => Some(("I do not know", list.first().map(|s| s.name))),
        Position::At(i) => Some((list[i].name, list.get(i + 1).map(|s| s.name))),
    }
}

/// The stage Harbour suggests for the police case from where things stand in her safety
/// plan (she confirms it), if the plan says.
pub fn suggested_police_stage(status: CaseStatus, nation: Option<Nation>) -> Option<&'static str> {
    use CaseStatus::{Bail, Charged, Convicted, NotChosen, NotKnown, Rui};
    let nation = shown_nation(nation);
    let id = match (status, nation) {
        (NotKnown, _) => return Some(UNKNOWN),
        (Bail | Rui, Nation::Scotland) => "sc-liberation",
        (Bail | Rui, Nation::NorthernIreland) => "ni-bail",
        (Bail | Rui, _) => "ew-bail",
        (Charged, Nation::Scotland) => "sc-court",
        (Charged, Nation::NorthernIreland) => "ni-court",
        (Charged, _) => "ew-court",
        (Convicted, Nation::Scotland) => "sc-sentence",
        (Convicted, Nation::NorthernIreland) => "ni-sentence",
        (Convicted, _) => "ew-sentence",
        (NotChosen, _) => return None,
    };
    // Only a stage that exists for her nation.
    stages(Some(nation), Track::Police)
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.id)
}

/// Her key dates that belong on `track`: those from `today` on (soonest first; the first is
/// "next"), then the past ones (latest first).
pub fn dates_on<'a>(
    dates: &'a [KeyDate],
    track: Track,
    today: &str,
) -> (Vec<&'a KeyDate>, Vec<&'a KeyDate>) {
    let mut upcoming: Vec<&KeyDate> = Vec::new();
    let mut past: Vec<&KeyDate> = Vec::new();
    for d in dates
        .iter()
        .filter(|d| Track::of_date_kind(d.kind) == Some(track))
    {
        if d.date.as_str() >= today {
            upcoming.push(d);
        } else {
            past.push(d);
        }
    }
    upcoming.sort_by(|a, b| (&a.date, &a.time).cmp(&(&b.date, &b.time)));
    past.sort_by(|a, b| (&b.date, &b.time).cmp(&(&a.date, &a.time)));
    (upcoming, past)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(id: &str, kind: DateKind, on: &str) -> KeyDate {
        KeyDate {
            id: id.into(),
            kind,
            date: on.into(),
            ..KeyDate::default()
        }
    }

    #[test]
    fn each_nation_has_its_own_stages_and_no_nation_shows_england_and_wales() {
        let names = |n: Option<Nation>, t: Track| -> Vec<&str> {
            stages(n, t).iter().map(|s| s.name).collect()
        };
        let scotland = names(Some(Nation::Scotland), Track::Care);
        assert!(
            scotland.contains(&"The Children's Reporter"),
            "{scotland:?}"
        );
        assert!(scotland.contains(&"Children's hearing"));
        let police = names(Some(Nation::Scotland), Track::Police);
        assert!(police.contains(&"The Procurator Fiscal decides"));
        let ni = names(Some(Nation::NorthernIreland), Track::Police);
        assert!(ni.contains(&"The Public Prosecution Service decides"));
        assert_eq!(
            names(None, Track::Police),
            names(Some(Nation::Wales), Track::Police)
        );
        assert_eq!(
            names(None, Track::Care),
            names(Some(Nation::England), Track::Care)
        );
        assert_ne!(
            names(None, Track::Care),
            names(Some(Nation::Wales), Track::Care)
        );
        for n in Nation::ALL {
            for t in Track::ALL {
                assert!(!stages(Some(n), t).is_empty(), "{n:?} {t:?}");
            }
        }
    }

    #[test]
    fn now_and_next_follow_what_she_marked() {
        let mut j = Journey::default();
        assert_eq!(now_and_next(&j, None, Track::Police), None);
        j.mark(Track::Police, "ew-bail");
        assert_eq!(
            now_and_next(&j, None, Track::Police),
            Some((
                "Bail, or released under investigation",
                Some("The decision")
            ))
        );
        j.mark(Track::Police, "ew-sentence");
        assert_eq!(
            now_and_next(&j, None, Track::Police),
            Some(("Report and sentence", None))
        );
        j.mark(Track::Care, UNKNOWN);
        assert_eq!(position(&j, None, Track::Care), Position::Unknown);
        // A stage from another nation's journey is not where she is in this one.
        j.mark(Track::Care, "sc-hearing");
        assert_eq!(position(&j, None, Track::Care), Position::NotMarked);
        assert_eq!(
            position(&j, Some(Nation::Scotland), Track::Care),
            Position::At(4)
        );
    }

    #[test]
    fn key_dates_go_on_their_track_and_the_soonest_is_next() {
        let dates = vec![
            date("a", DateKind::Conference, "2027-01-20"),
            date("b", DateKind::BailReturn, "2027-02-14"),
            date("c", DateKind::CoreGroup, "2027-01-05"),
            date("d", DateKind::Conference, "2026-11-01"),
            date("e", DateKind::Other, "2027-01-01"),
        ];
        let (next, past) = dates_on(&dates, Track::Care, "2026-12-05");
        let ids: Vec<&str> = next.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["c", "a"]);
        assert_eq!(past.len(), 1);
        let (next, _) = dates_on(&dates, Track::Police, "2026-12-05");
        assert_eq!(next[0].id, "b");
    }

    #[test]
    fn the_safety_plan_suggests_a_police_stage() {
        assert_eq!(
            suggested_police_stage(CaseStatus::Bail, None),
            Some("ew-bail")
        );
        assert_eq!(
            suggested_police_stage(CaseStatus::Bail, Some(Nation::Scotland)),
            Some("sc-liberation")
        );
        assert_eq!(
            suggested_police_stage(CaseStatus::Charged, Some(Nation::NorthernIreland)),
            Some("ni-court")
        );
        assert_eq!(
            suggested_police_stage(CaseStatus::NotKnown, None),
            Some(UNKNOWN)
        );
        assert_eq!(suggested_police_stage(CaseStatus::NotChosen, None), None);
    }
}
