//! The boundary rule: pure code (domain, content) never names a browser or UI crate, so it
//! stays testable natively and the browser stays behind the adapters.

use std::fs;
use std::path::{Path, PathBuf};

const FORBIDDEN: &[&str] = &[
    "leptos",
    "web_sys",
    "js_sys",
    "gloo",
    "gloo_storage",
    "wasm_bindgen",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("readable entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Finds the forbidden crate names used as words (not inside longer identifiers).
fn offences(text: &str) -> Vec<&'static str> {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    FORBIDDEN
        .iter()
        .copied()
        .filter(|name| words.contains(name))
        .collect()
}

#[test]
fn pure_code_names_no_browser_or_ui_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/domain"), &mut files);
    rust_files(&root.join("src/content"), &mut files);
    assert!(
        files.len() > 3,
        "expected the domain's files, found {files:?}"
    );
    let mut bad = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("readable file");
        for name in offences(&text) {
            bad.push(format!("{} names {name}", file.display()));
        }
    }
    assert!(
        bad.is_empty(),
        "pure code must stay pure:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_scan_catches_a_use_line() {
    assert_eq!(offences("use leptos::prelude::*;"), vec!["leptos"]);
    assert_eq!(offences("let x = web_sys::window();"), vec!["web_sys"]);
    assert!(offences("let leptos_like = 1; // gloomy").is_empty());
}

/// Browser calls live in src/adapters/ only: the UI names no browser crate and leaks no
/// listener with `forget`, the store included.
#[test]
fn the_ui_calls_the_browser_only_through_the_adapters() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/ui"), &mut files);
    assert!(files.len() > 10, "expected the UI's files, found {files:?}");
    let mut bad = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("readable file");
        for name in offences(&text) {
            if name != "leptos" {
                bad.push(format!("{} names {name}", file.display()));
            }
        }
        if text.contains(".forget()") || text.contains("mem::forget") {
            bad.push(format!("{} forgets something", file.display()));
        }
    }
    assert!(
        bad.is_empty(),
        "only src/adapters/ may call the browser:\n{}",
        bad.join("\n")
    );
}
