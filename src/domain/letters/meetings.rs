//! "Prepare for a meeting": the meetings about her children, nation by nation, with what
//! each is for, who is there, when it usually happens (with its sources, the same ones the
//! journey and the guide cite), what she can ask for, what to bring, and questions she can
//! tick, change and add to. Also her statement ("What I want the meeting to know") and the
//! gentle warning when she writes about the police case itself.

use super::{Entry, LettersData, MeetingPrep};
use crate::domain::nation::Nation;
use crate::domain::notebook::{EntryKind, NoteEntry};

/// One kind of meeting, for one or more nations.
#[derive(Debug, PartialEq, Eq)]
pub struct Meeting {
    /// Its id, stored with her questions (`letters.meetings[].id`).
    pub id: &'static str,
    pub nations: &'static [Nation],
    pub name: &'static str,
    /// What it is for.
    pub what: &'static str,
    /// Who is there.
    pub who: &'static str,
    /// When it usually happens ("It varies." where no source gives a time).
    pub when: &'static str,
    /// Source keys (in `content/sources*.toml`) for what, who and when.
    pub sources: &'static [&'static str],
    /// What she can ask for. "Ask", never "you have the right", unless a source says so.
    pub ask: &'static [&'static str],
    /// What to bring.
    pub bring: &'static [&'static str],
    /// Suggested questions, by id.
    pub questions: &'static [(&'static str, &'static str)],
}

const EW: &[Nation] = &[Nation::England, Nation::Wales];
const EN: &[Nation] = &[Nation::England];
const WA: &[Nation] = &[Nation::Wales];
const SC: &[Nation] = &[Nation::Scotland];
const NI: &[Nation] = &[Nation::NorthernIreland];

const ASK_CONFERENCE: &[&str] = &[
    "Ask for the report before the meeting, and ask how long before.",
    "Ask if you can bring someone with you for support.",
    "Ask for an interpreter if you need one.",
    "Ask for a new date if you cannot go.",
    "Ask for the minutes and the plan afterwards.",
];

const BRING: &[&str] = &[
    "Your questions and your statement (below).",
    "Letters and papers you have been sent.",
    "Something to write with, or this phone.",
    "Your key dates, so you can agree the next ones.",
];

const Q_CONFERENCE: &[(&str, &str)] = &[
    ("worries", "What exactly are the worries about my children?"),
    ("report", "When will I get the report?"),
    ("decide", "What will the meeting decide, and how?"),
    ("help", "What help can my family get?"),
    ("next", "What happens next, and when?"),
];

/// Every meeting Harbour knows, in the order she is likely to meet them.
pub const MEETINGS: &[Meeting] = &[
    Meeting {
        id: "en-visit",
        nations: EN,
        name: "The social worker's visit and assessment",
        what: "The social worker checks whether a child is at risk of serious harm. They should ask your views and keep you up to date.",
        who: "The social worker and you. Ask whether they want to see your children too, and where.",
        when: "It varies. Ask the social worker when they expect it to end.",
        sources: &["FL-s47"],
        ask: &[
            "Ask what the visit is for and what they will write down.",
            "Ask for an interpreter if you need one.",
            "Ask for a copy of the assessment when it is done.",
        ],
        bring: BRING,
        questions: &[
            ("why", "Why is this assessment happening?"),
            ("end", "When do you expect it to end?"),
            ("see", "Will you see my children, and where?"),
            ("copy", "Will I get a copy of what you write?"),
        ],
    },
    Meeting {
        id: "wa-visit",
        nations: WA,
        name: "The social worker's visit and enquiry",
        what: "Social services check whether a child is at risk. They should explain the purpose of the enquiry, treat you with respect and listen to you.",
        who: "The social worker and you. If you need an interpreter, one must be provided.",
        when: "It varies. Ask the social worker when they expect it to end.",
        sources: &["Wales-s47-family"],
        ask: &[
            "Ask what the visit is for and what they will write down.",
            "Ask for a copy of the assessment when it is done.",
        ],
        bring: BRING,
        questions: &[
            ("why", "Why is this enquiry happening?"),
            ("end", "When do you expect it to end?"),
            ("see", "Will you see my children, and where?"),
            ("copy", "Will I get a copy of what you write?"),
        ],
    },
    Meeting {
        id: "en-conference",
        nations: EN,
        name: "Initial child protection conference",
        what: "It decides whether a child needs a child protection plan. It cannot take a child away.",
        who: "You and the professionals who know your family.",
        when: "Within 15 working days of the strategy discussion.",
        sources: &["Warrington-CPC", "ERSCP", "Sutton-CPC", "FRG-supporter"],
        ask: ASK_CONFERENCE,
        bring: BRING,
        questions: Q_CONFERENCE,
    },
    Meeting {
        id: "wa-conference",
        nations: WA,
        name: "Initial child protection conference",
        what: "Practitioners decide whether the child is at continuing risk of harm. Your views must be taken into account.",
        who: "You and the practitioners who know your family.",
        when: "It varies. Ask the social worker for the date as soon as you can.",
        sources: &["Wales-ICPC", "FRG-supporter"],
        ask: ASK_CONFERENCE,
        bring: BRING,
        questions: Q_CONFERENCE,
    },
    Meeting {
        id: "en-review",
        nations: EN,
        name: "Review conference",
        what: "It checks how the child protection plan is going, and whether it is still needed.",
        who: "You and the professionals who know your family.",
        when: "Within 3 months of the first conference, then at least every 6 months.",
        sources: &["FRG-review"],
        ask: ASK_CONFERENCE,
        bring: BRING,
        questions: &[
            ("better", "What has got better since the last conference?"),
            ("still", "What are you still worried about?"),
            ("end", "What needs to happen for the plan to end?"),
            ("help", "What help can my family get?"),
        ],
    },
    Meeting {
        id: "wa-review",
        nations: WA,
        name: "Review conference",
        what: "It checks how the care and support protection plan is going.",
        who: "You and the practitioners who know your family.",
        when: "The first review is within 3 months, then at least every 6 months.",
        sources: &["Wales-register-plan"],
        ask: ASK_CONFERENCE,
        bring: BRING,
        questions: &[
            ("better", "What has got better since the last conference?"),
            ("still", "What are you still worried about?"),
            ("end", "What needs to happen for the plan to end?"),
        ],
    },
    Meeting {
        id: "ew-core-group",
        nations: EW,
        name: "Core group",
        what: "A smaller group works with you on the detailed plan.",
        who: "You, the social worker and a few practitioners who work with your family.",
        when: "It first meets within 10 working days of the conference.",
        sources: &["NYAS", "Wales-register-plan"],
        ask: &[
            "Ask for a copy of the plan before the meeting.",
            "Ask who will do each thing in the plan, and by when.",
            "Ask for the notes of the meeting afterwards.",
        ],
        bring: BRING,
        questions: &[
            ("who", "Who does each part of the plan?"),
            ("check", "How will we know the plan is working?"),
            ("next", "When do we meet next?"),
        ],
    },
    Meeting {
        id: "en-child-in-need",
        nations: EN,
        name: "Child in need meeting",
        what: "A Child in Need plan gives support under section 17 of the Children Act 1989. It is voluntary, so you can choose whether to take it up.",
        who: "You, the social worker and others who help your children.",
        when: "It varies. Ask the social worker.",
        sources: &["FCR-CA1989-s17", "Bedford-CIN", "FRG-review"],
        ask: &[
            "Ask what support the plan offers.",
            "Ask what happens if you do not take it up.",
            "Ask for a copy of the plan.",
        ],
        bring: BRING,
        questions: &[
            ("support", "What support is in the plan?"),
            ("decline", "What happens if I say no to some of it?"),
            ("review", "When will the plan be reviewed?"),
        ],
    },
    Meeting {
        id: "ew-plo",
        nations: EW,
        name: "Pre-proceedings (PLO) meeting",
        what: "The council may send a letter before proceedings and ask you to a meeting. If you have parental responsibility, you can get free legal advice for it, whatever your income.",
        who: "You, your solicitor if you have one, and people from the council.",
        when: "It varies. The date is in the council's letter.",
        sources: &["NP-FRG-preproceedings", "NP-CLA-reg5", "NP-FRG-legal-aid"],
        ask: &[
            "Take the letter to a family solicitor straight away.",
            "Ask for a new date if your solicitor cannot go.",
            "Ask for the notes of the meeting afterwards.",
        ],
        bring: &[
            "The council's letter.",
            "Your solicitor, or their details.",
            "Your questions and your statement (below).",
        ],
        questions: &[
            ("change", "What do you need to see change?"),
            ("time", "How long do we have?"),
            ("help", "What help will you give us?"),
        ],
    },
    Meeting {
        id: "sc-cppm",
        nations: SC,
        name: "Child Protection Planning Meeting",
        what: "A meeting that decides whether the child needs a child protection plan. You should be helped to take part.",
        who: "You and the professionals who know your family.",
        when: "If there is a child protection investigation, usually within 28 days.",
        sources: &["Scot-NG-timescales", "Scot-NG-2023", "FRG-supporter"],
        ask: ASK_CONFERENCE,
        bring: BRING,
        questions: Q_CONFERENCE,
    },
    Meeting {
        id: "sc-core-group",
        nations: SC,
        name: "Core group",
        what: "A core group works with you on the plan. It is reviewed at later meetings.",
        who: "You, the social worker and a few practitioners who work with your family.",
        when: "It first meets within 15 working days of the meeting.",
        sources: &["Scot-NG-timescales", "Scot-NG-2023"],
        ask: &[
            "Ask for a copy of the plan before the meeting.",
            "Ask who will do each thing in the plan, and by when.",
        ],
        bring: BRING,
        questions: &[
            ("who", "Who does each part of the plan?"),
            ("next", "When do we meet next?"),
        ],
    },
    Meeting {
        id: "sc-hearing",
        nations: SC,
        name: "Children's hearing",
        what: "A private legal meeting. Trained volunteers, called panel members, decide. A hearing can make a compulsory supervision order.",
        who: "Panel members, the Children's Reporter, and you.",
        when: "It varies. The Children's Reporter sends the papers and the date.",
        sources: &["CHS-parents", "SCRA-referred"],
        ask: &[
            "Ask about legal aid for the hearing.",
            "Ask if you can bring someone with you for support.",
            "Ask for a new date if you cannot go.",
        ],
        bring: &[
            "The papers the Reporter sent you.",
            "Your questions and your statement (below).",
        ],
        questions: &[
            ("grounds", "What are the grounds for the hearing?"),
            ("decide", "What can the panel decide?"),
            ("appeal", "What can I do if I do not agree?"),
        ],
    },
    Meeting {
        id: "ni-visit",
        nations: NI,
        name: "The social worker's visit (Article 66 investigation)",
        what: "Social services look into whether a child may be at risk of significant harm.",
        who: "The social worker and you. Ask whether they want to see your children too, and where.",
        when: "Within 15 working days of the referral.",
        sources: &["SBNI-investigation"],
        ask: &[
            "Ask what the visit is for and what they will write down.",
            "Ask for an interpreter if you need one.",
        ],
        bring: BRING,
        questions: &[
            ("why", "Why is this investigation happening?"),
            ("see", "Will you see my children, and where?"),
        ],
    },
    Meeting {
        id: "ni-conference",
        nations: NI,
        name: "Initial child protection case conference",
        what: "Professionals who know the child meet. They decide whether the child's name goes on the register, and what the plan should be.",
        who: "You and the professionals who know your family.",
        when: "It varies. Ask the social worker for the date as soon as you can.",
        sources: &["SBNI-conference", "SBNI-register"],
        ask: ASK_CONFERENCE,
        bring: BRING,
        questions: Q_CONFERENCE,
    },
    Meeting {
        id: "ni-review",
        nations: NI,
        name: "Review case conference",
        what: "It checks how the plan is going, and whether it is still needed.",
        who: "You and the professionals who know your family.",
        when: "First after 3 months, then at least every 6 months.",
        sources: &["SBNI-register"],
        ask: ASK_CONFERENCE,
        bring: BRING,
        questions: &[
            ("better", "What has got better since the last conference?"),
            ("end", "What needs to happen for the plan to end?"),
        ],
    },
];

/// The meetings for where she lives; England and Wales when she has not said (the page says so).
pub fn meetings_for(nation: Option<Nation>) -> Vec<&'static Meeting> {
    MEETINGS
        .iter()
        .filter(|m| match nation {
            Some(n) => m.nations.contains(&n),
            None => m.nations.contains(&Nation::England),
        })
        .collect()
}

/// The meeting with this id.
pub fn meeting(id: &str) -> Option<&'static Meeting> {
    MEETINGS.iter().find(|m| m.id == id)
}

/// Where the timing of papers is set, and how to find her area's procedures.
pub fn local_procedures(nation: Option<Nation>) -> &'static str {
    match nation {
        Some(Nation::Wales) => "Every area in Wales follows the Wales Safeguarding Procedures. When you get the papers can still vary: ask the social worker.",
        Some(Nation::Scotland) => "When you get the papers is set locally. Search for your council's name and \"child protection procedures\", or ask the social worker.",
        Some(Nation::NorthernIreland) => "Every Trust follows the SBNI procedures. When you get the papers can still vary: ask the social worker.",
        _ => "When you get the papers is set by your area's procedures. In one area, parents should get the report at least 48 hours before. Search for your council's name and \"safeguarding children partnership procedures\", or ask the social worker.",
    }
}

/// The prompts for her statement, by id, with a hint.
pub const STATEMENT_PROMPTS: &[(&str, &str, &str)] = &[
    (
        "children",
        "My children",
        "Their names, ages and what they are like.",
    ),
    (
        "safe",
        "What I have done to keep them safe",
        "For example, the plan you agreed, or who looks after them.",
    ),
    (
        "helpers",
        "Who helps us",
        "Family, friends, school, or a service.",
    ),
    (
        "worries",
        "What I understand the worries to be",
        "In your own words. It is fine to say what you do not understand.",
    ),
    (
        "help",
        "What help I need",
        "For example, childcare, money, or someone to talk to.",
    ),
    (
        "questions",
        "My questions",
        "What you want the meeting to answer.",
    ),
];

/// Words that mean she may be writing about the police case itself.
const CASE_WORDS: &[&str] = &[
    "accused",
    "accuse",
    "allegation",
    "images",
    "image",
    "pictures",
    "picture",
    "photos",
    "videos",
    "guilty",
    "innocent",
    "what i saw",
    "i saw",
    "downloaded",
    "his phone",
    "his laptop",
    "his computer",
];

/// The words in `text` that suggest she is writing about the police case itself (empty
/// when none). Whole words only, any case.
pub fn case_words(text: &str) -> Vec<&'static str> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let joined = format!(" {} ", words.join(" "));
    CASE_WORDS
        .iter()
        .filter(|w| joined.contains(&format!(" {w} ")))
        .copied()
        .collect()
}

/// The warning she sees, or None.
pub fn case_warning(text: &str) -> Option<&'static str> {
    (!case_words(text).is_empty()).then_some(
        "It sounds like this is about the police case. The meeting is about your children. Writing about what he is accused of, what you saw or whether he is guilty can be used in ways you do not expect, and can harm the case. You could leave that part out, or ask a solicitor first.",
    )
}

impl LettersData {
    /// One answer in her statement.
    pub fn statement_get(&self, id: &str) -> &str {
        self.statement
            .iter()
            .find(|e| e.id == id)
            .map_or("", |e| e.text.as_str())
    }

    /// Sets one answer in her statement.
    pub fn statement_set(&mut self, id: &str, text: String) {
        match self.statement.iter_mut().find(|e| e.id == id) {
            Some(e) => e.text = text,
            None => self.statement.push(Entry {
                id: id.to_owned(),
                text,
            }),
        }
    }

    /// Her questions for a meeting, or empty ones.
    pub fn prep(&self, id: &str) -> MeetingPrep {
        self.meetings
            .iter()
            .find(|m| m.id == id)
            .cloned()
            .unwrap_or_else(|| MeetingPrep {
                id: id.to_owned(),
                ..MeetingPrep::default()
            })
    }

    /// Changes her questions for a meeting, adding the entry if it is new.
    pub fn prep_mut(&mut self, id: &str) -> &mut MeetingPrep {
        let index = match self.meetings.iter().position(|m| m.id == id) {
            Some(i) => i,
            None => {
                self.meetings.push(MeetingPrep {
                    id: id.to_owned(),
                    ..MeetingPrep::default()
                });
                self.meetings.len() - 1
            }
        };
        &mut self.meetings[index]
    }
}

impl MeetingPrep {
    /// Ticks or unticks a suggested question.
    pub fn set_ticked(&mut self, question: &str, on: bool) {
        self.ticked.retain(|q| q != question);
        if on {
            self.ticked.push(question.to_owned());
        }
    }
}

/// The notebook entry for "what was decided" at a meeting, on `date`.
pub fn decision_entry(id: String, meeting: &Meeting, date: &str, decided: &str) -> NoteEntry {
    NoteEntry {
        id,
        kind: EntryKind::Meeting,
        date: date.to_owned(),
        who: meeting.name.to_owned(),
        agreed: decided.trim().to_owned(),
        ..NoteEntry::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(nation: Option<Nation>) -> Vec<&'static str> {
        meetings_for(nation).iter().map(|m| m.id).collect()
    }

    #[test]
    fn each_nation_has_its_own_meetings_and_plo_only_in_england_and_wales() {
        let en = ids(Some(Nation::England));
        assert!(
            en.contains(&"en-conference")
                && en.contains(&"ew-plo")
                && en.contains(&"en-child-in-need")
        );
        assert!(ids(Some(Nation::Wales)).contains(&"ew-plo"));
        let sc = ids(Some(Nation::Scotland));
        assert!(sc.contains(&"sc-cppm") && sc.contains(&"sc-hearing"));
        assert!(!sc.iter().any(|id| id.contains("plo")));
        assert!(!ids(Some(Nation::NorthernIreland))
            .iter()
            .any(|id| id.contains("plo")));
        assert!(ids(Some(Nation::NorthernIreland)).contains(&"ni-conference"));
        assert_eq!(ids(None), en);
    }

    #[test]
    fn every_meeting_cites_known_sources_and_has_questions() {
        for m in MEETINGS {
            assert!(!m.sources.is_empty(), "{}", m.id);
            for key in m.sources {
                assert!(crate::content::source(key).is_some(), "{}: {key}", m.id);
            }
            assert!(!m.questions.is_empty() && !m.ask.is_empty() && !m.bring.is_empty());
            for line in m.ask {
                assert!(!line.to_lowercase().contains("right"), "{line}");
            }
        }
        let en = meeting("en-conference").unwrap();
        assert_eq!(
            en.when,
            "Within 15 working days of the strategy discussion."
        );
    }

    #[test]
    fn writing_about_the_case_brings_a_gentle_warning() {
        assert_eq!(
            case_words("He is accused of having images"),
            vec!["accused", "images"]
        );
        assert!(case_warning("I don't think he is GUILTY.").is_some());
        assert!(case_warning("What I saw on the screen").is_some());
        assert!(case_warning("Pictures").is_some());
        assert!(case_warning("My children are 4 and 7. Their gran helps us.").is_none());
        // Whole words only: "imagine" is not "image".
        assert!(case_warning("I imagine school will help.").is_none());
        assert!(case_warning("").is_none());
    }

    #[test]
    fn statement_answers_and_ticks_are_kept() {
        let mut data = LettersData::default();
        data.statement_set("children", "Sam, 7".into());
        data.statement_set("children", "Sam, 8".into());
        assert_eq!(data.statement_get("children"), "Sam, 8");
        assert_eq!(data.statement.len(), 1);
        data.prep_mut("en-conference").set_ticked("report", true);
        data.prep_mut("en-conference").set_ticked("report", true);
        assert_eq!(data.prep("en-conference").ticked, vec!["report".to_owned()]);
        data.prep_mut("en-conference").set_ticked("report", false);
        assert!(data.prep("en-conference").ticked.is_empty());
        assert_eq!(STATEMENT_PROMPTS.len(), 6);
    }

    #[test]
    fn a_decision_becomes_a_dated_notebook_meeting_entry() {
        let m = meeting("sc-cppm").unwrap();
        let e = decision_entry("n1".into(), m, "2026-12-05", "  A plan for 3 months. ");
        assert_eq!(e.kind, EntryKind::Meeting);
        assert_eq!(e.date, "2026-12-05");
        assert_eq!(e.who, "Child Protection Planning Meeting");
        assert_eq!(e.agreed, "A plan for 3 months.");
    }
}
