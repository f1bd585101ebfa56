//! Terms that state an outdated fact as current, and the nations where each is outdated.
//! Law differs across the UK: an order abolished in England may still be made in Northern
//! Ireland. So a text is checked against the nations it says it is true for, and a term
//! current in one nation is allowed in text for that nation only.

use super::data::NATIONS;

/// One outdated term (in all its spellings), where it is outdated, and why.
pub struct Outdated {
    /// Lowercase; matched case-insensitively as whole words.
    pub words: &'static [&'static str],
    /// The nations where it is no longer current.
    pub outdated_in: &'static [&'static str],
    pub why: &'static str,
}

const EWS: &[&str] = &["england", "wales", "scotland"];
const EW: &[&str] = &["england", "wales"];

/// The table. Each entry's comment gives the primary source for where it is outdated.
pub const OUTDATED: &[Outdated] = &[
    // England and Wales: replaced by the SHPO and SRO on 8 March 2015 (Anti-social
    // Behaviour, Crime and Policing Act 2014, Sch. 5; College of Policing APP "Court orders
    // and notices", https://www.college.police.uk/app/major-investigation-and-public-protection/managing-sexual-offenders-and-violent-offenders/court-orders-and-notices).
    // Scotland: replaced on 31 March 2023 (Abusive Behaviour and Sexual Harm (Scotland) Act
    // 2016 ss.10-40, commenced by SSI 2023/51, https://www.legislation.gov.uk/ssi/2023/51/regulation/4).
    // Northern Ireland still makes SOPOs: the Justice (Sexual Offences and Trafficking
    // Victims) Act (Northern Ireland) 2022 s.25 amends the qualifying offences for them
    // (https://www.legislation.gov.uk/nia/2022/19/section/25), and Sexual Offences Act 2003
    // s.136ZC lets NI courts only vary SHPOs made in England, Wales or Scotland.
    Outdated {
        words: &[
            "sopo",
            "sopos",
            "sexual offences prevention order",
            "sexual offences prevention orders",
        ],
        outdated_in: EWS,
        why: "replaced by the Sexual Harm Prevention Order (SHPO) in England and Wales in 2015 and in Scotland in 2023; still current in Northern Ireland",
    },
    // Same Acts as above: the SRO replaced the RSHO in England and Wales (2015) and Scotland
    // (2023; Explanatory Notes to the 2016 Act, Chapter 4, https://www.legislation.gov.uk/asp/2016/22/notes/division/2/2/4).
    // Northern Ireland's public protection arrangements still manage "persons subject to a
    // Risk of Sexual Harm Order" (PPANI, https://www.publicprotectionni.com/index.php/risk).
    Outdated {
        words: &[
            "rsho",
            "rshos",
            "risk of sexual harm order",
            "risk of sexual harm orders",
        ],
        outdated_in: EWS,
        why: "replaced by the Sexual Risk Order (SRO) in England and Wales in 2015 and in Scotland in 2023; still current in Northern Ireland",
    },
    // England and Wales: repealed with the SOPO on 8 March 2015 (College of Policing APP,
    // above); travel bans are now part of an SHPO. Not checked for Scotland or NI.
    Outdated {
        words: &["foreign travel order", "foreign travel orders"],
        outdated_in: EW,
        why: "replaced in 2015: travel limits are now part of a Sexual Harm Prevention Order",
    },
    // England and Wales: the Sentencing Council's Sexual Offences Definitive Guideline (in
    // force 1 April 2014) grades images as categories A, B and C, replacing the five levels.
    // Scotland: the High Court grades by category A-C (Moore v HM Advocate [2018] HCJAC 40),
    // and the Scottish Sentencing Council's note on HM Advocate v Graham points to the 2014
    // guideline (https://www.scottishsentencingcouncil.org.uk/publications/guideline-judgments/appeals-against-sentence-solemn/hm-advocate-v-graham).
    // Northern Ireland is left out: its Court of Appeal still applies the Oliver levels
    // through AG's Reference (No 8 of 2009) [2009] NICA 52 (see R v Maxwell [2023] NICA 21,
    // which also speaks of "Category A"), so a Northern Ireland text may need them.
    Outdated {
        words: &["five-level", "five level", "5-level", "level 4", "level 5"],
        outdated_in: EWS,
        why: "the old five-level image scale: images are now graded as categories A, B and C",
    },
    // COPINE is a research typology (ten levels) that courts never used as their scale in
    // any nation; naming it suggests a grading she will not meet.
    Outdated {
        words: &["copine"],
        outdated_in: NATIONS,
        why: "a research scale, not how images are graded today (categories A, B and C)",
    },
    // The Criminal Records Bureau and the Independent Safeguarding Authority merged into
    // the Disclosure and Barring Service on 1 December 2012 (Protection of Freedoms Act 2012
    // Part 5). Scotland (Disclosure Scotland) and Northern Ireland (AccessNI) never had them.
    Outdated {
        words: &[
            "crb",
            "criminal records bureau",
            "independent safeguarding authority",
        ],
        outdated_in: NATIONS,
        why: "the Criminal Records Bureau became the Disclosure and Barring Service (DBS) in 2012; Scotland uses Disclosure Scotland and Northern Ireland AccessNI",
    },
    // England stopped keeping child protection registers on 1 April 2008 (Working Together
    // to Safeguard Children 2006): a child now has a child protection plan. Wales (Wales
    // Safeguarding Procedures, https://safeguarding.wales/en/chi-i/chi-i-c4/c4-p12),
    // Scotland and Northern Ireland still keep registers.
    Outdated {
        words: &["child protection register", "child protection registers"],
        outdated_in: &["england"],
        why: "England has had no child protection register since 2008: a child has a child protection plan",
    },
    // England: Local Safeguarding Children Boards were replaced by local safeguarding
    // partners by 29 September 2019 (Children and Social Work Act 2017; Working Together to
    // Safeguard Children 2018). Wales: replaced by Regional Safeguarding Boards under the
    // Social Services and Well-being (Wales) Act 2014, Part 7.
    Outdated {
        words: &[
            "lscb",
            "lscbs",
            "local safeguarding children board",
            "local safeguarding children boards",
        ],
        outdated_in: EW,
        why: "replaced by local safeguarding partners in England (2019) and Regional Safeguarding Boards in Wales (2016)",
    },
];

/// The 2011 guidance's old office numbers (digits only). Outdated everywhere.
pub const OLD_NUMBERS: &[&str] = &["01372847187", "01372847188", "02082565940"];

/// Finds outdated facts in a text that is true for `nations` (all nations when empty):
/// terms outdated in any of them, and old phone numbers. Citations (`[^KEY]`) are skipped:
/// a source's key is a name, not a statement.
pub fn outdated(text: &str, nations: &[String]) -> Vec<String> {
    let text = without_citations(text);
    let lower = text.to_lowercase();
    let applies = |n: &&str| nations.is_empty() || nations.iter().any(|m| m == n);
    let mut found = Vec::new();
    for entry in OUTDATED {
        let hit: Vec<&str> = entry.outdated_in.iter().copied().filter(applies).collect();
        if hit.is_empty() {
            continue;
        }
        if let Some(word) = entry.words.iter().find(|w| has_word(&lower, w)) {
            found.push(format!(
                "outdated in {}: {word:?} ({})",
                hit.join(", "),
                entry.why
            ));
        }
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    for number in OLD_NUMBERS {
        if digits.contains(number) {
            found.push(format!("outdated: the old office number {number}"));
        }
    }
    found
}

/// Whether `word` occurs in `lower` as a whole word.
fn has_word(lower: &str, word: &str) -> bool {
    let mut from = 0;
    while let Some(at) = lower[from..].find(word) {
        let start = from + at;
        let end = start + word.len();
        let before = lower[..start].chars().last();
        let after = lower[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = end;
    }
    false
}

fn without_citations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[^") {
        out.push_str(&rest[..start]);
        match rest[start..].find(']') {
            Some(len) => rest = &rest[start + len + 1..],
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Keys whose values are names (ids, source keys, nations), not statements.
const NAME_KEYS: &[&str] = &[
    "id",
    "sources",
    "source",
    "nations",
    "categories",
    "situations",
];

/// Checks every statement in a TOML file. A table with `nations` is checked against them,
/// and so is everything inside it; text outside any such table is checked against every
/// nation. Problems name the entry (`[id]`) they were found in.
pub fn in_toml(text: &str) -> Vec<String> {
    let Ok(value) = text.parse::<toml::Table>() else {
        return Vec::new(); // the real parse reports the error
    };
    let mut found = Vec::new();
    walk(&toml::Value::Table(value), &[], "", &mut found);
    found
}

fn walk(value: &toml::Value, nations: &[String], place: &str, found: &mut Vec<String>) {
    match value {
        toml::Value::String(s) => {
            for problem in outdated(s, nations) {
                found.push(format!("{place}{problem}"));
            }
        }
        toml::Value::Array(items) => {
            for item in items {
                walk(item, nations, place, found);
            }
        }
        toml::Value::Table(table) => {
            let own: Option<Vec<String>> = table.get("nations").and_then(|n| {
                n.as_array().map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
            });
            let nations = own.as_deref().unwrap_or(nations);
            let place = match table.get("id").and_then(|v| v.as_str()) {
                Some(id) => format!("[{id}] "),
                None => place.to_owned(),
            };
            for (key, v) in table {
                if !NAME_KEYS.contains(&key.as_str()) {
                    walk(v, nations, &place, found);
                }
            }
        }
        _ => {}
    }
}
