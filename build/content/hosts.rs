//! The hosts Harbour may link to (`source-hosts.toml`), each with its owner and kind, and
//! the checks that every link to another website goes to one of them, over https. She may
//! tap any link in Harbour at 3 a.m.: it must go to the publisher's own site, never a
//! mirror, scraper, wiki, archive, document-sharing site or staging host.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostsFile {
    pub host: Vec<HostEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostEntry {
    /// Exactly as in the address: "www.legislation.gov.uk" (a bare "legislation.gov.uk" is
    /// another entry).
    pub host: String,
    /// Who publishes there: "The National Archives, for the UK Government".
    pub owner: String,
    /// One of [`KINDS`].
    pub kind: String,
}

/// What kind of publisher a host belongs to.
/// - primary: legislation, governments and their departments, prosecutors (CPS, PPS NI,
///   COPFS), SCRA, the Sentencing Councils and the courts;
/// - official: other public bodies (police forces, councils, safeguarding partnerships,
///   inspectorates, the NHS);
/// - charity: charities and voluntary organisations;
/// - research: universities, journals and research bodies;
/// - professional: firms and professional bodies (law firms): explainers only;
/// - press: newspapers, broadcasters and trade press: reports, never the rule itself.
pub const KINDS: &[&str] = &[
    "primary",
    "official",
    "charity",
    "research",
    "professional",
    "press",
];

/// The allow-list, and which of its hosts the content links to.
pub struct AllowList {
    hosts: BTreeMap<String, HostEntry>,
    used: BTreeSet<String>,
}

impl AllowList {
    /// Checks the list's own entries and builds it.
    pub fn new(file: HostsFile, errors: &mut Vec<String>) -> Self {
        let mut hosts = BTreeMap::new();
        for entry in file.host {
            let place = format!("source-hosts.toml [{}]", entry.host);
            let h = &entry.host;
            let well_formed = !h.is_empty()
                && h.contains('.')
                && h.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
            if !well_formed {
                errors.push(format!(
                    "{place}: a host is lowercase letters, digits, dots and -, with no https:// or path"
                ));
            }
            if entry.owner.trim().is_empty() {
                errors.push(format!("{place}: say who owns it"));
            }
            if !KINDS.contains(&entry.kind.as_str()) {
                errors.push(format!(
                    "{place}: kind {:?} is not one of {}",
                    entry.kind,
                    KINDS.join(", ")
                ));
            }
            if let Some(old) = hosts.insert(entry.host.clone(), entry) {
                errors.push(format!("source-hosts.toml: {:?} is listed twice", old.host));
            }
        }
        AllowList {
            hosts,
            used: BTreeSet::new(),
        }
    }

    /// Checks one address given as a field (a source's `url`): it must be a whole https
    /// address on an allowed host.
    pub fn check_url(&mut self, place: &str, url: &str, errors: &mut Vec<String>) {
        if url.starts_with("https://") && !url.contains(char::is_whitespace) {
            self.check_text(place, url, errors);
        } else {
            errors.push(format!(
                "{place}: url {url:?} must be the publisher's own https:// address"
            ));
        }
    }

    /// Checks every link in a text: no `http://`, and every `https://` host in the list.
    pub fn check_text(&mut self, place: &str, text: &str, errors: &mut Vec<String>) {
        for (at, url) in links(text) {
            if at.starts_with("http://") {
                errors.push(format!(
                    "{place}: {url:?} is a plain http:// link: use the publisher's https:// address"
                ));
                continue;
            }
            let host = host_of(url);
            if self.hosts.contains_key(&host) {
                self.used.insert(host);
            } else {
                errors.push(format!(
                    "{place}: {url:?}: host {host:?} is not in source-hosts.toml (link only to the publisher's own site, and add its host there with its owner)"
                ));
            }
        }
    }

    /// Fails each listed host nothing links to: the list says who Harbour sends her to, so
    /// it must not keep hosts that are no longer used.
    pub fn check_all_used(&self, errors: &mut Vec<String>) {
        for host in self.hosts.keys().filter(|h| !self.used.contains(*h)) {
            errors.push(format!(
                "source-hosts.toml [{host}]: nothing links to this host: delete it"
            ));
        }
    }
}

/// Each `http://` or `https://` link in `text` (any case), as (the text from its start, the
/// address up to the first character that cannot be part of it).
fn links(text: &str) -> Vec<(String, &str)> {
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("http") {
        let start = from + at;
        let rest = &lower[start..];
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let len = text[start..]
                .find(|c: char| c.is_whitespace() || "\"'<>()[]{}\\`|".contains(c))
                .unwrap_or(text.len() - start);
            let url = text[start..start + len].trim_end_matches(['.', ',', ';', ':', '!', '?']);
            found.push((rest.get(..8).unwrap_or(rest).to_owned(), url));
            from = start + len.max(1);
        } else {
            from = start + 4;
        }
    }
    found
}

/// The host of an address: "https://www.gov.uk/x?y" → "www.gov.uk".
pub fn host_of(url: &str) -> String {
    let after = url.split_once("://").map_or(url, |(_, rest)| rest);
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let authority = &after[..end];
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next().unwrap_or(host);
    host.trim_end_matches('.').to_ascii_lowercase()
}
