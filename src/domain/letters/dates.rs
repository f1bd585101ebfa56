//! When a reply to a subject access request is due, by the regulator's rule: the same date
//! next month; the last day of that month if it has no such date; the next working day if
//! that falls on a weekend or a bank holiday where she lives. The organisation may take two
//! further months if the request is complex, and must tell her why within the first month.
//!
//! Bank holidays are listed per nation for 2026 and 2027, as published by GOV.UK
//! (<https://www.gov.uk/bank-holidays>). Outside those years only weekends are skipped, and
//! [`DueDate::holidays_known`] says so.

use crate::domain::nation::Nation;

pub use crate::domain::date::{is_leap, Date, MONTHS};

/// Which bank-holiday list applies: England and Wales share one.
fn division(nation: Nation) -> usize {
    match nation {
        Nation::England | Nation::Wales => 0,
        Nation::Scotland => 1,
        Nation::NorthernIreland => 2,
    }
}

/// The years the lists below cover.
pub const HOLIDAY_YEARS: std::ops::RangeInclusive<i32> = 2026..=2027;

/// Bank holidays in 2026 and 2027, as GOV.UK lists them: [England and Wales, Scotland,
/// Northern Ireland]. Substitute days (when a holiday falls at a weekend) are the dates
/// listed, not the weekend dates.
pub const BANK_HOLIDAYS: [&[(&str, &str)]; 3] = [
    &[
        ("2026-01-01", "New Year's Day"),
        ("2026-04-03", "Good Friday"),
        ("2026-04-06", "Easter Monday"),
        ("2026-05-04", "Early May bank holiday"),
        ("2026-05-25", "Spring bank holiday"),
        ("2026-08-31", "Summer bank holiday"),
        ("2026-12-25", "Christmas Day"),
        ("2026-12-28", "Boxing Day (substitute day)"),
        ("2027-01-01", "New Year's Day"),
        ("2027-03-26", "Good Friday"),
        ("2027-03-29", "Easter Monday"),
        ("2027-05-03", "Early May bank holiday"),
        ("2027-05-31", "Spring bank holiday"),
        ("2027-08-30", "Summer bank holiday"),
        ("2027-12-27", "Christmas Day (substitute day)"),
        ("2027-12-28", "Boxing Day (substitute day)"),
    ],
    &[
        ("2026-01-01", "New Year's Day"),
        ("2026-01-02", "2nd January"),
        ("2026-04-03", "Good Friday"),
        ("2026-05-04", "Early May bank holiday"),
        ("2026-05-25", "Spring bank holiday"),
        ("2026-08-03", "Summer bank holiday"),
        ("2026-11-30", "St Andrew's Day"),
        ("2026-12-25", "Christmas Day"),
        ("2026-12-28", "Boxing Day (substitute day)"),
        ("2027-01-01", "New Year's Day"),
        ("2027-01-04", "2nd January (substitute day)"),
        ("2027-03-26", "Good Friday"),
        ("2027-05-03", "Early May bank holiday"),
        ("2027-05-31", "Spring bank holiday"),
        ("2027-08-02", "Summer bank holiday"),
        ("2027-11-30", "St Andrew's Day"),
        ("2027-12-27", "Christmas Day (substitute day)"),
        ("2027-12-28", "Boxing Day (substitute day)"),
    ],
    &[
        ("2026-01-01", "New Year's Day"),
        ("2026-03-17", "St Patrick's Day"),
        ("2026-04-03", "Good Friday"),
        ("2026-04-06", "Easter Monday"),
        ("2026-05-04", "Early May bank holiday"),
        ("2026-05-25", "Spring bank holiday"),
        (
            "2026-07-13",
            "Battle of the Boyne (Orangemen's Day) (substitute day)",
        ),
        ("2026-08-31", "Summer bank holiday"),
        ("2026-12-25", "Christmas Day"),
        ("2026-12-28", "Boxing Day (substitute day)"),
        ("2027-01-01", "New Year's Day"),
        ("2027-03-17", "St Patrick's Day"),
        ("2027-03-26", "Good Friday"),
        ("2027-03-29", "Easter Monday"),
        ("2027-05-03", "Early May bank holiday"),
        ("2027-05-31", "Spring bank holiday"),
        ("2027-07-12", "Battle of the Boyne (Orangemen's Day)"),
        ("2027-08-30", "Summer bank holiday"),
        ("2027-12-27", "Christmas Day (substitute day)"),
        ("2027-12-28", "Boxing Day (substitute day)"),
    ],
];

/// The bank holiday on this date where she lives, if there is one.
pub fn bank_holiday(date: Date, nation: Nation) -> Option<&'static str> {
    let iso = date.iso();
    BANK_HOLIDAYS[division(nation)]
        .iter()
        .find(|(d, _)| *d == iso)
        .map(|(_, name)| *name)
}

/// Not a weekend and not a bank holiday where she lives.
pub fn is_working_day(date: Date, nation: Nation) -> bool {
    !date.is_weekend() && bank_holiday(date, nation).is_none()
}

/// This date if it is a working day, else the next one.
pub fn next_working_day(mut date: Date, nation: Nation) -> Date {
    while !is_working_day(date, nation) {
        date = date.next();
    }
    date
}

/// When a reply to a subject access request is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueDate {
    /// The date they get it.
    pub received: Date,
    /// The reply is due by this date.
    pub due: Date,
    /// Why it moved from the same date next month, if it did: "Saturday",
    /// "Easter Monday", or "no 31 February" style reasons.
    pub moved: Vec<String>,
    /// If they say it is complex, the latest date with the two further months.
    pub extended: Date,
    /// False when a date falls outside the years whose bank holidays Harbour lists.
    pub holidays_known: bool,
}

/// One month from `received` (and three, with the extension), by the rule above.
pub fn reply_due(received: Date, nation: Nation) -> DueDate {
    let mut moved = Vec::new();
    let same = received.add_months(1);
    if same.day != received.day {
        moved.push(format!(
            "{} has no {}, so it is the last day of that month",
            MONTHS[same.month as usize - 1],
            if received.day == 31 {
                "31st"
            } else if received.day == 30 {
                "30th"
            } else {
                "29th"
            }
        ));
    }
    let due = next_working_day(same, nation);
    let mut day = same;
    while day < due {
        if let Some(name) = bank_holiday(day, nation) {
            moved.push(format!("{} is a bank holiday ({name})", day.long()));
        } else if day.is_weekend() {
            moved.push(format!("{} falls at a weekend", day.long()));
        }
        day = day.next();
    }
    let extended = next_working_day(received.add_months(3), nation);
    let holidays_known = [received, due, extended]
        .iter()
        .all(|d| HOLIDAY_YEARS.contains(&d.year));
    DueDate {
        received,
        due,
        moved,
        extended,
        holidays_known,
    }
}
