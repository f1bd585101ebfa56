//! Letters she can send, filled from details she types once; her statement for a meeting;
//! and when a reply is due. Harbour never sends anything: she prints, copies or shares.
//!
//! A letter is a list of paragraphs of text and gaps. A gap is a detail she has not filled
//! in yet: it stays visible in the letter ("[your address]"), and printing warns about it.

pub mod dates;
pub mod meetings;
#[cfg(test)]
mod tests;

use crate::domain::nation::Nation;
use serde::{Deserialize, Serialize};

/// Everything stored for letters and meetings (schema 7).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LettersData {
    /// Her details, typed once and used in every letter.
    pub details: Details,
    /// One draft per kind of letter she has started, by kind id.
    pub drafts: Vec<Draft>,
    /// "What I want the meeting to know", one answer per prompt id.
    pub statement: Vec<Entry>,
    /// Her questions for each kind of meeting, by meeting id.
    pub meetings: Vec<MeetingPrep>,
}

/// Her details. Every field may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Details {
    pub name: String,
    /// YYYY-MM-DD or free text.
    pub born: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub children: Vec<ChildDetail>,
    /// The council (or, in Northern Ireland, the Health and Social Care Trust).
    pub council: String,
    pub social_worker: String,
    /// The council's reference.
    pub reference: String,
    /// The police force.
    pub force: String,
    /// The police reference (crime number).
    pub crime_number: String,
    pub school: String,
    /// The school's safeguarding lead.
    pub school_lead: String,
}

/// A child's name and date of birth.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildDetail {
    pub id: String,
    pub name: String,
    pub born: String,
}

/// A letter she has started.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The kind of letter, by its id ("records-council"); one draft per kind. Named `id`
    /// so two tabs' changes merge draft by draft.
    pub id: String,
    /// The date she sends it (YYYY-MM-DD), or "".
    pub sent: String,
    /// This letter's own fields, by field id.
    pub fields: Vec<Entry>,
}

/// One answer, by the id of its field or prompt. (A list rather than a map: the shell
/// compares and copies her data on every change, and a list of these costs less code.)
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    pub text: String,
}

impl Draft {
    /// The value of one of this letter's fields ("" if not written).
    pub fn get(&self, id: &str) -> &str {
        self.fields
            .iter()
            .find(|e| e.id == id)
            .map_or("", |e| e.text.as_str())
    }

    /// Sets one of this letter's fields.
    pub fn set(&mut self, id: &str, text: String) {
        match self.fields.iter_mut().find(|e| e.id == id) {
            Some(e) => e.text = text,
            None => self.fields.push(Entry {
                id: id.to_owned(),
                text,
            }),
        }
    }
}

/// Her questions for one kind of meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingPrep {
    /// The kind of meeting, by its id; one per kind.
    pub id: String,
    /// Suggested questions she ticked, by their id.
    pub ticked: Vec<String>,
    /// Questions she wrote or edited.
    pub own: Vec<String>,
}

/// The details she can fill in, by id, with their labels (children are separate).
pub const DETAIL_FIELDS: &[(&str, &str)] = &[
    ("name", "Your full name"),
    ("born", "Your date of birth"),
    ("address", "Your address"),
    ("phone", "Your phone number"),
    ("email", "Your email address"),
    ("council", "The council (or Trust)"),
    ("social_worker", "The social worker's name"),
    ("reference", "The council's reference number"),
    ("force", "The police force"),
    ("crime_number", "The police reference (crime number)"),
    ("school", "The school"),
    ("school_lead", "The school's safeguarding lead"),
];

impl Details {
    /// The value of a detail by its id ("" for an unknown id).
    pub fn get(&self, id: &str) -> &str {
        match id {
            "name" => &self.name,
            "born" => &self.born,
            "address" => &self.address,
            "phone" => &self.phone,
            "email" => &self.email,
            "council" => &self.council,
            "social_worker" => &self.social_worker,
            "reference" => &self.reference,
            "force" => &self.force,
            "crime_number" => &self.crime_number,
            "school" => &self.school,
            "school_lead" => &self.school_lead,
            _ => "",
        }
    }

    /// Sets a detail by its id (an unknown id changes nothing).
    pub fn set(&mut self, id: &str, value: String) {
        let field = match id {
            "name" => &mut self.name,
            "born" => &mut self.born,
            "address" => &mut self.address,
            "phone" => &mut self.phone,
            "email" => &mut self.email,
            "council" => &mut self.council,
            "social_worker" => &mut self.social_worker,
            "reference" => &mut self.reference,
            "force" => &mut self.force,
            "crime_number" => &mut self.crime_number,
            "school" => &mut self.school,
            "school_lead" => &mut self.school_lead,
            _ => return,
        };
        *field = value;
    }
}

/// A kind of letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    SarCouncil,
    SarPolice,
    Reports,
    Complaint,
    MeetingNeeds,
    School,
    Seized,
}

/// How a letter-only field is typed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Text,
    Date,
    Long,
    YesNo,
}

/// Where the law or guidance for a letter is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Basis {
    /// One line: what it is and what it gives her.
    pub text: &'static str,
    /// The primary source, if Harbour has one for her nation.
    pub link: Option<(&'static str, &'static str)>,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::SarCouncil,
        Kind::SarPolice,
        Kind::Reports,
        Kind::Complaint,
        Kind::MeetingNeeds,
        Kind::School,
        Kind::Seized,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Kind::SarCouncil => "records-council",
            Kind::SarPolice => "records-police",
            Kind::Reports => "reports",
            Kind::Complaint => "complaint",
            Kind::MeetingNeeds => "meeting-needs",
            Kind::School => "school",
            Kind::Seized => "items-taken",
        }
    }

    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// Its name in the list of letters.
    pub fn title(self) -> &'static str {
        match self {
            Kind::SarCouncil => "Ask the council for a copy of your records",
            Kind::SarPolice => "Ask the police for a copy of your records",
            Kind::Reports => "Ask for reports, minutes or the plan",
            Kind::Complaint => "Make a complaint",
            Kind::MeetingNeeds => "Ask for an advocate, an interpreter or a new date",
            Kind::School => "A note to the school's safeguarding lead",
            Kind::Seized => "Ask the police for a record of what they took",
        }
    }

    /// A word for it in neutral places (discreet mode, file names).
    pub fn neutral_title(self) -> &'static str {
        match self {
            Kind::SarCouncil | Kind::SarPolice => "Records request",
            Kind::Reports => "Papers request",
            Kind::Complaint => "Complaint",
            Kind::MeetingNeeds => "Meeting request",
            Kind::School => "School note",
            Kind::Seized => "Items record request",
        }
    }

    /// Whether a reply is due by the subject access rule.
    pub fn has_due_date(self) -> bool {
        matches!(self, Kind::SarCouncil | Kind::SarPolice)
    }

    /// The details this letter uses, by id.
    pub fn details_used(self) -> &'static [&'static str] {
        match self {
            Kind::SarCouncil => &[
                "name",
                "born",
                "address",
                "email",
                "council",
                "social_worker",
                "reference",
            ],
            Kind::SarPolice => &["name", "born", "address", "email", "force", "crime_number"],
            Kind::Reports => &["name", "phone", "email", "social_worker"],
            Kind::Complaint => &["name", "address", "phone", "email", "council", "reference"],
            Kind::MeetingNeeds => &["name", "phone", "email", "social_worker"],
            Kind::School => &["name", "phone", "school", "school_lead", "social_worker"],
            Kind::Seized => &["name", "address", "phone", "email", "force", "crime_number"],
        }
    }

    /// Whether the letter names her children.
    pub fn uses_children(self) -> bool {
        !matches!(self, Kind::SarPolice | Kind::Seized)
    }

    /// This letter's own fields: (id, label, input).
    pub fn fields(self) -> &'static [(&'static str, &'static str, Input)] {
        match self {
            Kind::SarCouncil => &[(
                "since",
                "From what date? (leave empty for everything)",
                Input::Date,
            )],
            Kind::SarPolice => &[],
            Kind::Reports => &[
                (
                    "meeting",
                    "Which meeting? (for example, the review conference)",
                    Input::Text,
                ),
                ("meeting_date", "The date of the meeting", Input::Date),
                ("by", "The date you would like the reports by", Input::Date),
            ],
            Kind::Complaint => &[
                (
                    "happened",
                    "What happened, with dates, in order (facts only)",
                    Input::Long,
                ),
                (
                    "effect",
                    "How this affected you and your children",
                    Input::Long,
                ),
                ("want", "What you would like to happen", Input::Long),
            ],
            Kind::MeetingNeeds => &[
                ("meeting", "Which meeting?", Input::Text),
                ("meeting_date", "The date of the meeting", Input::Date),
                ("advocate", "I would like an advocate", Input::YesNo),
                (
                    "language",
                    "I need an interpreter for this language",
                    Input::Text,
                ),
                (
                    "cannot_come",
                    "If you cannot come: why (in a few words)",
                    Input::Text,
                ),
                ("other_dates", "Dates you can come instead", Input::Text),
                (
                    "supporter",
                    "The name of someone you will bring to support you",
                    Input::Text,
                ),
            ],
            Kind::School => &[(
                "collect",
                "Who may collect the children from school",
                Input::Text,
            )],
            Kind::Seized => &[("taken_on", "The date things were taken", Input::Date)],
        }
    }

    /// The law or guidance behind the letter, in one line, for her nation.
    pub fn basis(self, nation: Option<Nation>) -> Basis {
        const GDPR15: &str = "https://www.legislation.gov.uk/eur/2016/679/article/15";
        const DPA45: &str = "https://www.legislation.gov.uk/ukpga/2018/12/section/45";
        match (self, nation) {
            (Kind::SarCouncil, _) => Basis {
                text: "UK GDPR Article 15 gives you the right to a copy of the personal information an organisation holds about you. This applies across the UK.",
                link: Some(("UK GDPR, Article 15 (legislation.gov.uk)", GDPR15)),
            },
            (Kind::SarPolice, _) => Basis {
                text: "The Data Protection Act 2018, section 45, gives you the right to ask the police for the personal information they hold about you. This applies across the UK.",
                link: Some(("Data Protection Act 2018, section 45 (legislation.gov.uk)", DPA45)),
            },
            (Kind::Reports | Kind::MeetingNeeds, Some(Nation::England) | None) => Basis {
                text: "No law sets this letter out, but you can ask. In England, the national guidance is Working Together to Safeguard Children 2023. Your area's own procedures say when reports are shared.",
                link: Some((
                    "Working Together to Safeguard Children 2023 (GOV.UK)",
                    "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
                )),
            },
            (Kind::Reports | Kind::MeetingNeeds, Some(Nation::Wales)) => Basis {
                text: "No law sets this letter out, but you can ask. In Wales, the guidance is the Wales Safeguarding Procedures.",
                link: Some((
                    "Wales Safeguarding Procedures (safeguarding.wales)",
                    "https://safeguarding.wales/en/chi-i/chi-i-c3pt2/c3pt2-p13",
                )),
            },
            (Kind::Reports | Kind::MeetingNeeds, Some(Nation::Scotland)) => Basis {
                text: "No law sets this letter out, but you can ask. In Scotland, the guidance is the National Guidance for Child Protection in Scotland.",
                link: Some((
                    "National Guidance for Child Protection in Scotland 2021, updated 2023 (gov.scot)",
                    "https://www.gov.scot/publications/national-guidance-child-protection-scotland-2021-updated-2023/",
                )),
            },
            (Kind::Reports | Kind::MeetingNeeds, Some(Nation::NorthernIreland)) => Basis {
                text: "No law sets this letter out, but you can ask. In Northern Ireland, the guidance is the regional child protection procedures.",
                link: Some((
                    "SBNI Regional Child Protection Procedures (proceduresonline.com)",
                    "https://www.proceduresonline.com/sbni/p_ch_protection_conf.html",
                )),
            },
            (Kind::Complaint, Some(Nation::England) | None) => Basis {
                text: "In England, the Children Act 1989, section 26(3), says councils must have a procedure for complaints about children's services. A complaint about a child protection conference usually goes a different way: ask the conference chair.",
                link: Some((
                    "Children Act 1989, section 26 (legislation.gov.uk)",
                    "https://www.legislation.gov.uk/ukpga/1989/41/section/26",
                )),
            },
            (Kind::Complaint, Some(Nation::Wales)) => Basis {
                text: "In Wales, the Social Services and Well-being (Wales) Act 2014, section 174, says councils must have a procedure for complaints about services for children.",
                link: Some((
                    "Social Services and Well-being (Wales) Act 2014, section 174 (legislation.gov.uk)",
                    "https://www.legislation.gov.uk/anaw/2014/4/section/174",
                )),
            },
            (Kind::Complaint, Some(Nation::Scotland)) => Basis {
                text: "In Scotland, ask the council for its social work complaints procedure. Harbour has not yet checked the law behind it, so it gives no link here.",
                link: None,
            },
            (Kind::Complaint, Some(Nation::NorthernIreland)) => Basis {
                text: "In Northern Ireland, ask the Health and Social Care Trust for its complaints procedure. Harbour has not yet checked the law behind it, so it gives no link here.",
                link: None,
            },
            (Kind::School, Some(Nation::England) | None) => Basis {
                text: "No law sets this letter out. In England, Keeping Children Safe in Education says every school must have a designated safeguarding lead.",
                link: Some((
                    "Keeping Children Safe in Education (GOV.UK)",
                    "https://www.gov.uk/government/publications/keeping-children-safe-in-education--2",
                )),
            },
            (Kind::School, Some(_)) => Basis {
                text: "No law sets this letter out. Ask the school who looks after safeguarding there. Harbour has not yet checked the guidance for your nation, so it gives no link here.",
                link: None,
            },
            (Kind::Seized, Some(Nation::England | Nation::Wales) | None) => Basis {
                text: "In England and Wales, the Police and Criminal Evidence Act 1984, section 21, says police must give the person living there a record of what they took, if asked, within a reasonable time.",
                link: Some((
                    "Police and Criminal Evidence Act 1984, section 21 (legislation.gov.uk)",
                    "https://www.legislation.gov.uk/ukpga/1984/60/section/21",
                )),
            },
            (Kind::Seized, Some(_)) => Basis {
                text: "You can ask. Harbour has not yet checked the law on this for your nation, so it gives no link here.",
                link: None,
            },
        }
    }

    /// What not to write, for this letter.
    pub fn do_not_write(self) -> &'static [&'static str] {
        const ALWAYS: [&str; 4] = [
            "Nothing about what he is accused of, or what you think he did.",
            "Nothing about what you saw, or did not see, on any device.",
            "No guesses. Only facts and dates you are sure of.",
            "Keep a copy of this letter and of every reply.",
        ];
        match self {
            Kind::Complaint => &[
                "Nothing about what he is accused of, or what you think he did.",
                "Nothing about what you saw, or did not see, on any device.",
                "No guesses and no insults. Only facts and dates, in order.",
                "If there is a court case or a pre-proceedings meeting about the children, ask a solicitor before you send it.",
                "Keep a copy of this letter and of every reply.",
            ],
            Kind::School => &[
                "Do not name the offence or give details of the case.",
                "Do not ask the school to keep things from the social worker. It cannot.",
                "Keep a copy of this letter and of every reply.",
            ],
            _ => &ALWAYS,
        }
    }
}

/// A piece of a letter: her words, or a gap she has not filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// What belongs here: "your address".
    Gap(&'static str),
}

/// A paragraph: lines of pieces.
pub type Paragraph = Vec<Vec<Piece>>;

/// A letter, ready to show, print or copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub paragraphs: Vec<Paragraph>,
}

impl Letter {
    /// The letter as plain text: gaps as "[your address]".
    pub fn plain(&self) -> String {
        self.paragraphs
            .iter()
            .map(|p| {
                p.iter()
                    .map(|line| {
                        line.iter()
                            .map(|piece| match piece {
                                Piece::Text(t) => t.clone(),
                                Piece::Gap(label) => format!("[{label}]"),
                            })
                            .collect::<String>()
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// The gaps still to fill, each once, in order.
    pub fn gaps(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        for piece in self.paragraphs.iter().flatten().flatten() {
            if let Piece::Gap(label) = piece {
                if !out.contains(label) {
                    out.push(*label);
                }
            }
        }
        out
    }
}

fn t(text: impl Into<String>) -> Piece {
    Piece::Text(text.into())
}

/// Her value, or a gap.
fn v(value: &str, gap: &'static str) -> Piece {
    let value = value.trim();
    if value.is_empty() {
        Piece::Gap(gap)
    } else {
        Piece::Text(value.to_owned())
    }
}

/// A date as "4 January 2027" when it is one, else as she typed it, else a gap.
fn d(value: &str, gap: &'static str) -> Piece {
    match dates::Date::parse(value.trim()) {
        Some(date) => {
            let long = date.long();
            // Drop the weekday: "4 January 2027".
            t(long.split_once(' ').map_or(long.as_str(), |(_, rest)| rest))
        }
        None => v(value, gap),
    }
}

/// Her children as "Sam Smith (born 1 May 2015) and Ali Smith (born 2 June 2018)".
fn children(details: &Details) -> Vec<Piece> {
    let named: Vec<&ChildDetail> = details
        .children
        .iter()
        .filter(|c| !c.name.trim().is_empty() || !c.born.trim().is_empty())
        .collect();
    if named.is_empty() {
        return vec![Piece::Gap("your children's names and dates of birth")];
    }
    let mut out = Vec::new();
    for (i, child) in named.iter().enumerate() {
        if i > 0 {
            out.push(t(if i + 1 == named.len() { " and " } else { ", " }));
        }
        out.push(v(&child.name, "child's name"));
        out.push(t(" (born "));
        out.push(d(&child.born, "date of birth"));
        out.push(t(")"));
    }
    out
}

/// Just the children's first names or names, for "my children" in running text.
fn children_names(details: &Details) -> Piece {
    let names: Vec<&str> = details
        .children
        .iter()
        .map(|c| c.name.trim())
        .filter(|n| !n.is_empty())
        .collect();
    match names.as_slice() {
        [] => Piece::Gap("your children's names"),
        [one] => t(*one),
        [rest @ .., last] => t(format!("{} and {last}", rest.join(", "))),
    }
}

/// "Yours sincerely," her name, and the date.
fn sign_off(details: &Details, sent: &str, with_contact: bool) -> Vec<Paragraph> {
    let mut lines = vec![
        vec![t("Yours sincerely,")],
        vec![v(&details.name, "your name")],
    ];
    if with_contact {
        lines.push(vec![t("Phone: "), v(&details.phone, "your phone number")]);
        lines.push(vec![t("Email: "), v(&details.email, "your email address")]);
    }
    lines.push(vec![d(sent, "the date you send it")]);
    vec![lines]
}

/// A line with one piece per paragraph.
fn para(pieces: Vec<Piece>) -> Paragraph {
    vec![pieces]
}

fn field<'a>(draft: &'a Draft, id: &str) -> &'a str {
    draft.get(id)
}

/// Builds the letter from her details and the draft's own fields.
pub fn build(kind: Kind, details: &Details, draft: &Draft, nation: Option<Nation>) -> Letter {
    let mut p: Vec<Paragraph> = Vec::new();
    let f = |id: &str| field(draft, id);
    match kind {
        Kind::SarCouncil => {
            p.push(vec![
                vec![
                    t("To: The Data Protection Officer, "),
                    v(&details.council, "the council"),
                ],
                vec![t("Subject access request")],
            ]);
            p.push(para(vec![t("Dear Data Protection Officer,")]));
            p.push(para(vec![
                t("I am asking for a copy of the personal information "),
                v(&details.council, "the council"),
                t(" holds about me. This is a subject access request under Article 15 of the UK GDPR."),
            ]));
            p.push(vec![
                vec![t("My name: "), v(&details.name, "your name")],
                vec![
                    t("My date of birth: "),
                    d(&details.born, "your date of birth"),
                ],
                vec![t("My address: "), v(&details.address, "your address")],
            ]);
            let mut kids = vec![t(
                "As their parent, I also ask for the information you hold about my children: ",
            )];
            kids.extend(children(details));
            kids.push(t("."));
            p.push(para(kids));
            let mut what = vec![t(
                "Please include case notes, assessments, reports, minutes of meetings, plans, letters and emails",
            )];
            if f("since").trim().is_empty() {
                what.push(t("."));
            } else {
                what.push(t(", from "));
                what.push(d(f("since"), "the start date"));
                what.push(t(" to today."));
            }
            p.push(para(what));
            p.push(vec![
                vec![
                    t("Social worker: "),
                    v(&details.social_worker, "the social worker's name"),
                ],
                vec![
                    t("Reference: "),
                    v(&details.reference, "the council's reference number"),
                ],
            ]);
            p.push(para(vec![
                t("Please send the information by email to "),
                v(&details.email, "your email address"),
                t(". Please tell me if you need proof of who I am."),
            ]));
            p.push(para(vec![t(
                "You have one calendar month to reply. If you need longer, please tell me why within that month. If you hold anything back, please tell me what and why.",
            )]));
            p.extend(sign_off(details, &draft.sent, false));
        }
        Kind::SarPolice => {
            p.push(vec![
                vec![
                    t("To: The Data Protection Officer, "),
                    v(&details.force, "the police force"),
                ],
                vec![t("Request for my personal information")],
            ]);
            p.push(para(vec![t("Dear Data Protection Officer,")]));
            p.push(para(vec![
                t("I am asking for a copy of the personal information "),
                v(&details.force, "the police force"),
                t(" holds about me. This is a request under section 45 of the Data Protection Act 2018."),
            ]));
            p.push(vec![
                vec![t("My name: "), v(&details.name, "your name")],
                vec![
                    t("My date of birth: "),
                    d(&details.born, "your date of birth"),
                ],
                vec![t("My address: "), v(&details.address, "your address")],
                vec![
                    t("Reference: "),
                    v(&details.crime_number, "the police reference"),
                ],
            ]);
            p.push(para(vec![
                t("Please send the information by email to "),
                v(&details.email, "your email address"),
                t(". Please tell me if you need proof of who I am."),
            ]));
            p.push(para(vec![t(
                "You have one calendar month to reply. If you need longer, please tell me why within that month. If you hold anything back, please tell me what and why, if you can.",
            )]));
            p.extend(sign_off(details, &draft.sent, false));
        }
        Kind::Reports => {
            p.push(para(vec![
                t("Dear "),
                v(&details.social_worker, "the social worker's name"),
                t(","),
            ]));
            p.push(para(vec![
                t("The "),
                v(f("meeting"), "which meeting"),
                t(" for "),
                children_names(details),
                t(" is on "),
                d(f("meeting_date"), "the date of the meeting"),
                t("."),
            ]));
            p.push(para(vec![
                t("Please send me the reports for the meeting, and any assessment, by "),
                d(f("by"), "the date you need them by"),
                t(", so I have time to read them."),
            ]));
            p.push(para(vec![t(
                "After the meeting, please send me the decisions, the minutes and the plan.",
            )]));
            p.push(para(vec![t(
                "If I find anything that is wrong, I would like my comments added to the record.",
            )]));
            p.extend(sign_off(details, &draft.sent, true));
        }
        Kind::Complaint => {
            p.push(vec![
                vec![
                    t("To: The Complaints Manager, "),
                    v(&details.council, "the council"),
                ],
                vec![t("Formal complaint")],
            ]);
            p.push(para(vec![t("Dear Complaints Manager,")]));
            let route = match nation {
                Some(Nation::England) | None => "the Children Act 1989 complaints procedure",
                Some(Nation::Wales) => "the social services complaints procedure",
                Some(Nation::Scotland) => "your social work complaints procedure",
                Some(Nation::NorthernIreland) => "the Trust's complaints procedure",
            };
            p.push(para(vec![t(format!(
                "Please treat this as a formal complaint under {route}."
            ))]));
            let mut me = vec![t("I am the parent of ")];
            me.extend(children(details));
            me.push(t(
                ". I want the best for my children and I want to work with you.",
            ));
            p.push(para(me));
            p.push(vec![vec![
                t("Reference: "),
                v(&details.reference, "the council's reference number"),
            ]]);
            p.push(vec![
                vec![t("What happened:")],
                vec![v(f("happened"), "what happened, with dates")],
            ]);
            p.push(vec![
                vec![t("How this affected us:")],
                vec![v(f("effect"), "how it affected you")],
            ]);
            p.push(vec![
                vec![t("What I would like:")],
                vec![v(f("want"), "what you would like to happen")],
            ]);
            p.push(para(vec![t(
                "Please tell me who is dealing with my complaint, and when I can expect a reply.",
            )]));
            let mut end = sign_off(details, &draft.sent, true);
            end[0].insert(2, vec![v(&details.address, "your address")]);
            p.extend(end);
        }
        Kind::MeetingNeeds => {
            p.push(para(vec![
                t("Dear "),
                v(&details.social_worker, "the social worker's name"),
                t(","),
            ]));
            p.push(para(vec![
                t("About the "),
                v(f("meeting"), "which meeting"),
                t(" for "),
                children_names(details),
                t(" on "),
                d(f("meeting_date"), "the date of the meeting"),
                t(":"),
            ]));
            let mut asked = false;
            if f("advocate") == "yes" {
                asked = true;
                p.push(para(vec![t(
                    "I would like an advocate to help me. Can you arrange one, or tell me who can?",
                )]));
            }
            if !f("language").trim().is_empty() {
                asked = true;
                p.push(para(vec![
                    t("I need an interpreter for "),
                    t(f("language").trim()),
                    t(". Please can it be someone who does not know my family."),
                ]));
            }
            if !f("cannot_come").trim().is_empty() {
                asked = true;
                p.push(para(vec![
                    t("I cannot come on that date because "),
                    t(f("cannot_come").trim()),
                    t(". I can come on "),
                    v(f("other_dates"), "dates you can come"),
                    t("."),
                ]));
            }
            if !f("supporter").trim().is_empty() {
                asked = true;
                p.push(para(vec![
                    t("I will bring "),
                    t(f("supporter").trim()),
                    t(" to support me."),
                ]));
            }
            if !asked {
                p.push(para(vec![Piece::Gap(
                    "what you need: an advocate, an interpreter or a new date",
                )]));
            }
            p.push(para(vec![t(
                "Please let me know as soon as you can. Thank you.",
            )]));
            p.extend(sign_off(details, &draft.sent, true));
        }
        Kind::School => {
            p.push(vec![vec![v(&details.school, "the school")]]);
            p.push(para(vec![
                t("Dear "),
                v(&details.school_lead, "the safeguarding lead's name"),
                t(","),
            ]));
            p.push(para(vec![
                t("I am the parent of "),
                children_names(details),
                t(". Our family is getting help from children's services at the moment. The social worker is "),
                v(&details.social_worker, "the social worker's name"),
                t(", if you need to speak to them."),
            ]));
            p.push(para(vec![t(
                "Please can this stay between the staff who need to know.",
            )]));
            p.push(para(vec![
                t("Only these people may collect my children from school: "),
                v(f("collect"), "who may collect them"),
                t("."),
            ]));
            p.push(para(vec![t(
                "If you notice any change in my children, please tell me. If they need someone to talk to at school, I would be grateful.",
            )]));
            p.extend(sign_off(details, &draft.sent, true));
        }
        Kind::Seized => {
            p.push(vec![
                vec![
                    t("To: The officer in charge, "),
                    v(&details.force, "the police force"),
                ],
                vec![
                    t("Reference: "),
                    v(&details.crime_number, "the police reference"),
                ],
            ]);
            p.push(para(vec![t("Dear officer in charge,")]));
            p.push(para(vec![
                t("Please send me a record of what was taken from "),
                v(&details.address, "your address"),
                t(" on "),
                d(f("taken_on"), "the date things were taken"),
                t(". I live there."),
            ]));
            p.push(para(vec![t(
                "Please also tell me how I can see, get copies of, or get back things that belong to me.",
            )]));
            p.extend(sign_off(details, &draft.sent, true));
        }
    }
    Letter { paragraphs: p }
}
