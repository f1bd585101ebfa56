//! Compiles `content/` (Markdown and TOML) into Rust statics, so no parser ships in the
//! wasm. Fails the build, listing every problem, when content breaks a rule (a page without
//! sources, a source without a date, a broken link, a skipped heading, an undefined term,
//! an outdated fact, a malformed phone number…). The rules live in `build/content/`.

#[path = "build/content/mod.rs"]
mod content;

use std::path::Path;

fn main() {
    // Read when the script runs, not baked in when it is compiled: a build script compiled
    // in one checkout and reused from a copied target/ would otherwise read the other
    // checkout's content (it did, after a target/ was copied between worktrees).
    let manifest_dir =
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir);
    let dir = root.join("content");
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src/domain/route.rs");
    println!("cargo:rerun-if-changed=src/domain/phone.rs");
    match content::compile(&dir) {
        Ok(compiled) => {
            for file in &compiled.files {
                println!("cargo:rerun-if-changed={}", file.display());
            }
            let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
                .join("content.rs");
            std::fs::write(&out, compiled.rust).expect("write generated content");
        }
        Err(errors) => {
            eprintln!("\nHarbour's content has {} problem(s):", errors.len());
            for e in &errors {
                eprintln!("  - {e}");
            }
            eprintln!();
            std::process::exit(1);
        }
    }
}
