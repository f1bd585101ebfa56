//! Reading the content files, and the link checks that run over whole files: every source's
//! address, and every link in every other file the build read.

use super::data::Sources;
use super::hosts;
use std::fs;
use std::path::{Path, PathBuf};

pub fn read(path: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<String>) -> Option<String> {
    files.push(path.to_owned());
    match fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) => {
            errors.push(format!("{}: {e}", path.display()));
            None
        }
    }
}

pub fn parse<T: serde::de::DeserializeOwned>(
    name: &str,
    text: Option<String>,
    errors: &mut Vec<String>,
) -> Option<T> {
    match toml::from_str(&text?) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(format!("content/{name}: {e}"));
            None
        }
    }
}

/// The `.toml` files in `dir` (none if it does not exist), by name.
pub fn toml_files_in(dir: &Path, errors: &mut Vec<String>) -> Vec<(String, PathBuf)> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter_map(|p| Some((p.file_name()?.to_str()?.to_owned(), p)))
        .collect();
    if found.is_empty() {
        errors.push(format!("{}: no .toml files", dir.display()));
    }
    found.sort();
    found
}

/// Checks each source's address (and any address in its note) against the allow-list. A
/// source with no address must say in its note where its text can be read.
pub fn check_source_links(
    sources: &Sources,
    allowed: &mut hosts::AllowList,
    errors: &mut Vec<String>,
) {
    for (key, s) in sources {
        let place = format!("{} [{key}]", s.file);
        if s.url.is_empty() {
            if s.note.is_none() {
                errors.push(format!(
                    "{place}: no url: give the publisher's https:// address, or say in `note` where the text can be read"
                ));
            }
        } else {
            allowed.check_url(&place, &s.url, errors);
        }
        if let Some(note) = &s.note {
            allowed.check_text(&place, note, errors);
        }
    }
}

/// Checks the links in every file read (`files`) except the source registry, whose
/// addresses `check_source_links` checks entry by entry: guide Markdown, the glossary,
/// services' web addresses and any other text. (Each file is read once more; they are small.)
pub fn check_links_in_files(
    dir: &Path,
    files: &[PathBuf],
    allowed: &mut hosts::AllowList,
    errors: &mut Vec<String>,
) {
    let registry = dir.join("sources");
    for path in files.iter().filter(|p| {
        !p.starts_with(&registry)
            && !p.ends_with("sources.toml")
            && !p.ends_with("source-hosts.toml")
    }) {
        if let Ok(text) = fs::read_to_string(path) {
            let place = path.strip_prefix(dir).unwrap_or(path).display();
            allowed.check_text(&format!("content/{place}"), &text, errors);
        }
    }
}

/// Reads `source-hosts.toml` into the allow-list (an empty list when it cannot be read; the
/// problem is in `errors`).
pub fn read_allow_list(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<String>,
) -> hosts::AllowList {
    let text = read(&dir.join("source-hosts.toml"), files, errors);
    let file: Option<hosts::HostsFile> = parse("source-hosts.toml", text, errors);
    hosts::AllowList::new(
        file.unwrap_or(hosts::HostsFile { host: Vec::new() }),
        errors,
    )
}

/// Parses `sources.toml` (its text already read) and adds the sources in
/// `content/sources/*.toml`. Each entry records the file it came from, for messages.
pub fn read_sources(
    dir: &Path,
    text: Option<String>,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<String>,
) -> Sources {
    let mut sources: Sources = parse("sources.toml", text, errors).unwrap_or_default();
    for entry in sources.values_mut() {
        entry.file = "sources.toml".into();
    }
    // More sources may sit in content/sources/*.toml, one file per area, so writers working
    // on different pages do not edit the same file. A key may be defined only once.
    for (name, path) in toml_files_in(&dir.join("sources"), errors) {
        let more: Option<Sources> = parse(
            &format!("sources/{name}"),
            read(&path, files, errors),
            errors,
        );
        for (key, mut entry) in more.unwrap_or_default() {
            entry.file = format!("sources/{name}");
            if sources.insert(key.clone(), entry).is_some() {
                errors.push(format!("content/sources/{name}: [{key}] is defined twice"));
            }
        }
    }
    sources
}
