use super::dates::*;
use super::*;
use crate::domain::nation::Nation::{self, *};

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn due(received: &str, nation: Nation) -> String {
    reply_due(date(received), nation).due.iso()
}

#[test]
fn dates_parse_only_when_real() {
    assert_eq!(date("2028-02-29").day, 29);
    for bad in [
        "2027-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-1-01",
        "26-01-01",
        "",
        "2026-01-01x",
        "2026-01-32",
    ] {
        assert_eq!(Date::parse(bad), None, "{bad}");
    }
    assert_eq!(date("2026-12-05").long(), "Saturday 5 December 2026");
    assert_eq!(date("2027-01-04").long(), "Monday 4 January 2027");
    assert_eq!(date("2026-12-31").next().iso(), "2027-01-01");
}

#[test]
fn a_reply_is_due_on_the_same_date_next_month() {
    let d = reply_due(date("2026-09-03"), England);
    assert_eq!(d.due.iso(), "2026-10-05", "3 October 2026 is a Saturday");
    assert_eq!(due("2026-10-06", England), "2026-11-06");
    assert!(reply_due(date("2026-10-06"), England).moved.is_empty());
    // Across the year end.
    assert_eq!(due("2026-12-15", England), "2027-01-15");
}

#[test]
fn a_month_with_no_such_date_gives_its_last_day() {
    // 31 January 2027 -> no 31 February -> 28 February 2027 is a Sunday -> Monday 1 March.
    let d = reply_due(date("2027-01-31"), England);
    assert_eq!(d.due.iso(), "2027-03-01");
    assert!(d.moved[0].contains("February has no 31st"), "{:?}", d.moved);
    // 31 March 2027 -> 30 April 2027, a Friday.
    assert_eq!(due("2027-03-31", Scotland), "2027-04-30");
    // 31 August 2026 -> 30 September 2026, a Wednesday.
    assert_eq!(due("2026-08-31", Wales), "2026-09-30");
    assert_eq!(date("2026-05-31").add_months(1).iso(), "2026-06-30");
}

#[test]
fn leap_years_have_a_29_february() {
    assert!(is_leap(2028) && !is_leap(2027) && is_leap(2000) && !is_leap(2100));
    assert_eq!(date("2028-01-31").add_months(1).iso(), "2028-02-29");
    assert_eq!(date("2028-01-29").add_months(1).iso(), "2028-02-29");
    assert_eq!(date("2027-01-29").add_months(1).iso(), "2027-02-28");
    // 29 February 2028 is a Tuesday, so the reply is due that day; but Harbour does not
    // list 2028's bank holidays, and says so.
    let d = reply_due(date("2028-01-31"), England);
    assert_eq!(d.due.iso(), "2028-02-29");
    assert!(!d.holidays_known);
    // From 29 February, a month on is 29 March.
    assert_eq!(date("2028-02-29").add_months(1).iso(), "2028-03-29");
}

#[test]
fn weekends_move_it_to_the_monday() {
    assert!(date("2026-12-05").is_weekend());
    assert!(date("2026-12-06").is_weekend());
    assert!(!date("2026-12-07").is_weekend());
    assert_eq!(date("2027-02-05").weekday(), 4, "a Friday");
    // 6 March 2027 is a Saturday.
    let d = reply_due(date("2027-02-06"), NorthernIreland);
    assert_eq!(d.due.iso(), "2027-03-08");
    assert_eq!(d.moved.len(), 2, "Saturday and Sunday: {:?}", d.moved);
}

#[test]
fn bank_holidays_differ_by_nation() {
    // Easter Monday 2026: a bank holiday except in Scotland.
    for n in [England, Wales, NorthernIreland] {
        assert_eq!(due("2026-03-06", n), "2026-04-07", "{n:?}");
    }
    assert_eq!(due("2026-03-06", Scotland), "2026-04-06");
    // St Andrew's Day, Monday 30 November 2026: Scotland only.
    assert_eq!(due("2026-10-30", Scotland), "2026-12-01");
    assert_eq!(due("2026-10-30", England), "2026-11-30");
    // Saturday 2 January 2027: Monday 4 January is a holiday in Scotland only.
    assert_eq!(due("2026-12-02", England), "2027-01-04");
    assert_eq!(due("2026-12-02", Scotland), "2027-01-05");
    let s = reply_due(date("2026-12-02"), Scotland);
    assert!(
        s.moved.iter().any(|m| m.contains("2nd January")),
        "{:?}",
        s.moved
    );
    // 13 July 2026 (substitute for the 12th, a Sunday) and 17 March 2027: Northern Ireland.
    assert_eq!(due("2026-06-13", NorthernIreland), "2026-07-14");
    assert_eq!(due("2026-06-13", England), "2026-07-13");
    assert_eq!(due("2027-02-17", NorthernIreland), "2027-03-18");
    assert_eq!(due("2027-02-17", Wales), "2027-03-17");
    // The first Monday in August in Scotland, the last in the rest of the UK.
    assert_eq!(due("2026-07-03", Scotland), "2026-08-04");
    assert_eq!(due("2026-07-03", England), "2026-08-03");
    assert_eq!(due("2026-07-31", England), "2026-09-01");
    assert_eq!(due("2026-07-31", Scotland), "2026-08-31");
    // Christmas 2026: Friday, then the weekend, then Boxing Day's substitute Monday.
    for n in Nation::ALL {
        assert_eq!(due("2026-11-25", n), "2026-12-29", "{n:?}");
    }
    // Christmas 2027 falls on a Saturday: substitute days 27 and 28 December.
    assert_eq!(due("2027-11-25", England), "2027-12-29");
}

#[test]
fn the_extension_is_two_further_months() {
    let d = reply_due(date("2026-01-31"), England);
    assert_eq!(d.due.iso(), "2026-03-02");
    assert_eq!(d.extended.iso(), "2026-04-30");
    // 3 December 2026 + 3 months = Wednesday 3 March 2027.
    assert_eq!(
        reply_due(date("2026-12-03"), Scotland).extended.iso(),
        "2027-03-03"
    );
    // 5 January 2027 + 3 months = Monday 5 April 2027 (not Easter in 2027).
    assert_eq!(
        reply_due(date("2027-01-05"), England).extended.iso(),
        "2027-04-05"
    );
    assert!(reply_due(date("2027-01-05"), England).holidays_known);
    assert!(!reply_due(date("2027-11-05"), England).holidays_known);
}

/// Easter Sunday by the anonymous Gregorian algorithm.
fn easter(y: i32) -> Date {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y, month as u32, day as u32).unwrap()
}

fn shift(date: Date, days: i32) -> Date {
    if days >= 0 {
        (0..days).fold(date, |d, _| d.next())
    } else {
        // The date whose `-days` successors reach `date`, searched from a month before.
        let mut probe = date.add_months(11);
        probe = Date::new(probe.year - 1, probe.month, 1).unwrap();
        while shift(probe, -days) != date {
            probe = probe.next();
        }
        probe
    }
}

/// The first Monday on or after the 1st of a month, or the last Monday in it.
fn monday(year: i32, month: u32, last: bool) -> Date {
    let mut found = None;
    let mut d = Date::new(year, month, 1).unwrap();
    while d.month == month {
        if d.weekday() == 0 {
            if !last {
                return d;
            }
            found = Some(d);
        }
        d = d.next();
    }
    found.unwrap()
}

/// A fixed-date holiday, moved to the next free weekday when it falls at a weekend.
fn substitute(d: Date, taken: &[Date]) -> Date {
    let mut day = d;
    while day.is_weekend() || taken.contains(&day) {
        day = day.next();
    }
    day
}

/// The lists match the rules they follow (a check on typing them in, not a source).
#[test]
fn the_holiday_lists_follow_the_rules() {
    for (index, nation) in [England, Scotland, NorthernIreland].into_iter().enumerate() {
        for year in HOLIDAY_YEARS {
            let mut expected: Vec<Date> = Vec::new();
            let new_year = substitute(Date::new(year, 1, 1).unwrap(), &[]);
            expected.push(new_year);
            if nation == Scotland {
                let second = substitute(Date::new(year, 1, 2).unwrap(), &expected);
                expected.push(second);
            }
            if nation == NorthernIreland {
                expected.push(substitute(Date::new(year, 3, 17).unwrap(), &expected));
            }
            let e = easter(year);
            expected.push(shift(e, -2));
            if nation != Scotland {
                expected.push(shift(e, 1));
            }
            expected.push(monday(year, 5, false));
            expected.push(monday(year, 5, true));
            if nation == NorthernIreland {
                expected.push(substitute(Date::new(year, 7, 12).unwrap(), &expected));
            }
            expected.push(monday(year, 8, nation != Scotland));
            if nation == Scotland {
                expected.push(substitute(Date::new(year, 11, 30).unwrap(), &expected));
            }
            let christmas = substitute(Date::new(year, 12, 25).unwrap(), &expected);
            expected.push(christmas);
            expected.push(substitute(Date::new(year, 12, 26).unwrap(), &expected));
            expected.sort();
            let listed: Vec<Date> = BANK_HOLIDAYS[index]
                .iter()
                .map(|(d, _)| date(d))
                .filter(|d| d.year == year)
                .collect();
            assert_eq!(listed, expected, "{nation:?} {year}");
        }
    }
    // Wales shares England's list.
    assert_eq!(
        bank_holiday(date("2026-04-06"), Wales),
        Some("Easter Monday")
    );
}

fn full() -> Details {
    Details {
        name: "Jo Bloggs".into(),
        born: "1990-05-01".into(),
        address: "1 High Street, Townley, AB1 2CD".into(),
        phone: "07700 900123".into(),
        email: "jo@example.org".into(),
        children: vec![
            ChildDetail {
                id: "c1".into(),
                name: "Sam Bloggs".into(),
                born: "2015-03-02".into(),
            },
            ChildDetail {
                id: "c2".into(),
                name: "Ali Bloggs".into(),
                born: "2018-07-09".into(),
            },
        ],
        council: "Townley Council".into(),
        social_worker: "Ms Amara Khan".into(),
        reference: "CS-4471".into(),
        force: "Townley Police".into(),
        crime_number: "TP/123/26".into(),
        school: "Townley Primary".into(),
        school_lead: "Mrs Patel".into(),
    }
}

fn full_draft(kind: Kind) -> Draft {
    let mut draft = Draft {
        id: kind.id().into(),
        sent: "2026-12-07".into(),
        fields: Vec::new(),
    };
    for (id, _, input) in kind.fields() {
        let value = match input {
            Input::Date => "2026-12-14",
            Input::YesNo => "yes",
            _ => "something she wrote",
        };
        draft.set(id, value.to_owned());
    }
    draft
}

#[test]
fn every_letter_with_all_her_details_has_no_gaps() {
    for kind in Kind::ALL {
        for nation in [Some(England), Some(Scotland), None] {
            let letter = build(kind, &full(), &full_draft(kind), nation);
            assert_eq!(letter.gaps(), Vec::<&str>::new(), "{kind:?}");
            let text = letter.plain();
            assert!(!text.contains('['), "{kind:?}: {text}");
            assert!(text.contains("Jo Bloggs"), "{kind:?}");
            assert!(text.contains("7 December 2026"), "{kind:?}: the date sent");
            for id in kind.details_used() {
                let value = full().get(id).to_owned();
                let shown = match Date::parse(&value) {
                    Some(_) => "1 May 1990".to_owned(),
                    None => value,
                };
                assert!(text.contains(&shown), "{kind:?} lacks {id}: {text}");
            }
            if kind.uses_children() {
                assert!(
                    text.contains("Sam Bloggs") && text.contains("Ali Bloggs"),
                    "{kind:?}"
                );
            }
        }
    }
}

#[test]
fn every_letter_with_none_of_her_details_shows_each_gap() {
    for kind in Kind::ALL {
        let empty = Draft {
            id: kind.id().into(),
            ..Draft::default()
        };
        let letter = build(kind, &Details::default(), &empty, Some(Wales));
        let gaps = letter.gaps();
        assert!(gaps.contains(&"your name"), "{kind:?}: {gaps:?}");
        assert!(gaps.contains(&"the date you send it"), "{kind:?}: {gaps:?}");
        let text = letter.plain();
        assert!(text.contains("[your name]"), "{kind:?}: {text}");
        for gap in &gaps {
            assert!(text.contains(&format!("[{gap}]")), "{kind:?}: {gap}");
        }
        if kind.uses_children() {
            assert!(text.contains("[your children's"), "{kind:?}: {text}");
        }
    }
}

#[test]
fn some_details_fill_in_and_the_rest_stay_gaps() {
    let some = Details {
        name: "Jo Bloggs".into(),
        children: vec![ChildDetail {
            id: "c1".into(),
            name: "Sam".into(),
            born: String::new(),
        }],
        council: "Townley Council".into(),
        ..Details::default()
    };
    let draft = Draft {
        id: "records-council".into(),
        sent: "2026-12-07".into(),
        fields: Vec::new(),
    };
    let letter = build(Kind::SarCouncil, &some, &draft, Some(England));
    let text = letter.plain();
    assert!(
        text.contains("To: The Data Protection Officer, Townley Council"),
        "{text}"
    );
    assert!(text.contains("My name: Jo Bloggs"));
    assert!(text.contains("My address: [your address]"));
    assert!(
        text.contains("my children: Sam (born [date of birth])."),
        "{text}"
    );
    assert!(
        text.contains("plans, letters and emails."),
        "no start date: everything"
    );
    assert_eq!(
        letter.gaps(),
        vec![
            "your date of birth",
            "your address",
            "date of birth",
            "the social worker's name",
            "the council's reference number",
            "your email address"
        ]
    );

    // The meeting letter asks only for what she ticked or typed.
    let mut draft = Draft {
        id: "meeting-needs".into(),
        ..Draft::default()
    };
    draft.set("language", "Polish".to_owned());
    draft.set("language", "Polish".to_owned());
    assert_eq!(draft.fields.len(), 1, "set twice, kept once");
    let text = build(Kind::MeetingNeeds, &some, &draft, Some(England)).plain();
    assert!(text.contains("I need an interpreter for Polish."), "{text}");
    assert!(!text.contains("advocate"), "{text}");
    assert!(!text.contains("cannot come"), "{text}");
    assert!(
        text.contains("About the [which meeting] for Sam on [the date of the meeting]:"),
        "{text}"
    );
}

#[test]
fn each_letter_says_what_it_is_under() {
    let text = |kind, nation| build(kind, &full(), &full_draft(kind), nation).plain();
    assert!(text(Kind::SarCouncil, Some(Scotland)).contains("Article 15 of the UK GDPR"));
    assert!(
        text(Kind::SarPolice, Some(England)).contains("section 45 of the Data Protection Act 2018")
    );
    assert!(text(Kind::Complaint, Some(England)).contains("Children Act 1989 complaints procedure"));
    assert!(text(Kind::Complaint, Some(Scotland)).contains("social work complaints procedure"));
    assert!(
        text(Kind::Seized, Some(Wales)).contains("a record of what was taken from 1 High Street")
    );
    // A legal basis line for every letter and nation; a link only where Harbour checked one.
    for kind in Kind::ALL {
        for nation in Nation::ALL.map(Some).into_iter().chain([None]) {
            let basis = kind.basis(nation);
            assert!(!basis.text.is_empty());
            if let Some((_, url)) = basis.link {
                assert!(url.starts_with("https://"), "{url}");
            }
        }
        assert!(!kind.do_not_write().is_empty());
        assert_eq!(Kind::from_id(kind.id()), Some(kind));
    }
    assert!(Kind::Seized.basis(Some(Scotland)).link.is_none());
    assert!(Kind::Seized.basis(Some(Wales)).text.contains("section 21"));
}

#[test]
fn details_are_read_and_set_by_id() {
    let mut d = Details::default();
    for (id, _) in DETAIL_FIELDS {
        d.set(id, format!("v-{id}"));
    }
    for (id, _) in DETAIL_FIELDS {
        assert_eq!(d.get(id), format!("v-{id}"));
    }
    d.set("nope", "x".into());
    assert_eq!(d.get("nope"), "");
}
