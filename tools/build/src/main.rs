//! Harbour's release build, top to bottom: the one program that turns the source into `dist/`.
//!
//! `harbour-build release [--public-url /harbour/]`, run from the repository's root after
//! `. scripts/setup.sh` (the public URL, `/` unless given, is the path it is served under):
//!  1. bundles the stylesheets into one (esbuild), named by its hash, with an integrity hash;
//!  2. builds the app's wasm with cargo, with its lazy split points on (`--features split`);
//!  3. splits that wasm into a small first-visit module and lazy chunks (the library
//!     cargo-leptos uses for `cargo leptos build --split`), and optimises each chunk
//!     (wasm-opt: binaryen 116, native, which scripts/setup.sh builds once per machine);
//!  4. runs wasm-bindgen on the first-visit module, and wasm-opt on what it makes;
//!  5. adds the project's own loader, `public/start.js`, and minifies the JavaScript;
//!  6. writes index.html from the project's template (the `data-trunk` lines that
//!     `trunk serve` reads for development become the stylesheet link and the loader's
//!     script tag, and the files they name are copied) and fills in the CSP;
//!  7. writes 404.html (static hosts' fallback for deep links such as /guide/police) and the
//!     service worker's build id and list of files to keep offline;
//!  8. swaps the finished build into `dist/`.
//!
//! Every file of the app (wasm, glue, chunks, chunk loader, start.js) goes into one folder
//! named by the hash of cargo's wasm, `app-<hash>/`, under the name the generated code
//! already knows it by: a new build is a new folder, so a browser never pairs an old chunk
//! with a new app, and nothing is renamed, patched or edited after the tool that made it
//! has written it.
//!
//! `harbour-build style` does step 1 alone: it is `trunk serve`'s pre-build hook, for
//! development (Trunk builds an unsplit app there, with its own loader).

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

type Result<T> = std::result::Result<T, String>;

/// Where the bundled stylesheet goes (index.html's `data-trunk rel="css"` names it too).
const STYLE_OUT: &str = "target/harbour-style/app.css";
/// The finished build.
const DIST: &str = "dist";
/// Where the build is put together before it replaces `dist/`.
const STAGE: &str = "target/harbour-dist";
/// Where the first-visit module waits for wasm-bindgen (it is not shipped as it is).
const SPLIT_WORK: &str = "target/harbour-split";
/// The module wasm-bindgen writes, as the chunk loader imports it.
const APP_NAME: &str = "harbour";
/// The binaryen release whose wasm-opt the build needs (`wasm-opt --version` says
/// "wasm-opt version 116 (version_116)").
/// Debian's (108) breaks wasm-bindgen's output (the app throws `WebAssembly.Table.set():
/// Argument 1 is invalid`), so another on `PATH` must stop the build, not ship it.
const WASM_OPT_RELEASE: &str = "116";
/// What Rust's wasm32 target emits (and every browser Harbour supports runs); not
/// `--all-features`, which lets wasm-opt use encodings browsers do not yet accept.
const CHUNK_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];
/// Harbour loads nothing from any other origin, and runs no inline script.
const CSP: &[&str] = &[
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
    "object-src 'none'",
    "frame-src 'none'",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = Path::new(".");
    let done = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["release"] => release(root, "/"),
        ["release", "--public-url", base] if base.starts_with('/') && base.ends_with('/') => {
            release(root, base)
        }
        ["style"] => style(root).map(|_| ()),
        _ => Err(
            "usage: harbour-build release [--public-url /path/] | style (from the repository's root)"
                .into(),
        ),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("harbour-build: {why}");
            ExitCode::FAILURE
        }
    }
}

/// `base`: the path Harbour is served under, `/` or such as `/harbour/`.
fn release(root: &Path, base: &str) -> Result<()> {
    let template = read_text(&root.join("index.html"))?;
    check_wasm_opt()?;
    let stage = root.join(STAGE);
    remove_dir(&stage)?;
    create_dir(&stage)?;

    // 1. One stylesheet, the only file the first paint waits for besides early.js.
    let css = style(root)?;
    let css_name = format!("app-{}.css", short_hash(&css));
    write(&stage.join(&css_name), &css)?;
    let css_integrity = format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&css))
    );

    // 2. The app's wasm.
    run(Command::new("cargo").current_dir(root).args([
        "build",
        "--release",
        "--locked",
        "--target",
        "wasm32-unknown-unknown",
        "--bin",
        APP_NAME,
        "--features",
        "split",
    ]))?;
    let cargo_wasm = read(&root.join("target/wasm32-unknown-unknown/release/harbour.wasm"))?;
    let app_folder = format!("app-{}", short_hash(&cargo_wasm));
    let app = stage.join(&app_folder);

    // 3. Split it (this needs the relocations `-Clink-args=--emit-relocs` keeps, see
    //    .cargo/config.toml), and optimise each lazy chunk.
    let work = root.join(SPLIT_WORK);
    remove_dir(&work)?;
    create_dir(&work)?;
    let first_visit = work.join("main.wasm");
    let main_module = format!("./{APP_NAME}.js");
    let mut options = wasm_split_cli_support::Options::new(&cargo_wasm);
    options.output_dir = &app;
    options.main_out_path = &first_visit;
    options.main_module = &main_module;
    let split = wasm_split_cli_support::transform(options)
        .map_err(|why| format!("splitting the wasm: {why:?}"))?;
    for chunk in &split.split_modules {
        optimise_chunk(chunk)?;
    }

    // 4. The first-visit module's JavaScript bindings, then its own optimisation. `-Os`, not
    //    `-Oz`: measured on 2026-12-06, the first visit was 0.8 KB (brotli) smaller with it
    //    (size-minded inlining compresses better here); the chunks stay at `-Oz`.
    run(Command::new("wasm-bindgen")
        .arg("--target=web")
        .arg(format!("--out-dir={}", app.display()))
        .arg(format!("--out-name={APP_NAME}"))
        .arg("--no-typescript")
        // The chunks call into the main module through these exports.
        .arg("--keep-lld-exports")
        .arg(&first_visit))?;
    let app_wasm = app.join(format!("{APP_NAME}_bg.wasm"));
    run(Command::new("wasm-opt")
        .arg(format!("--output={}", app_wasm.display()))
        .arg("-Os")
        .arg(&app_wasm))?;

    // 5. The project's loader beside the app's files, and every script minified: ES modules
    //    may have their top-level names shortened; early.js, a classic script, is minified
    //    after it is copied (step 6).
    fs::copy(root.join("public/start.js"), app.join("start.js"))
        .map_err(|why| format!("copying public/start.js: {why}"))?;
    for module in [
        format!("{APP_NAME}.js"),
        "__wasm_split.js".into(),
        "start.js".into(),
    ] {
        minify(&app.join(module), true)?;
    }

    // 6. The page, from the project's template.
    let mut page = String::new();
    let (mut linked_style, mut linked_app) = (false, false);
    for line in template.lines() {
        let tag = line.trim();
        let indent = &line[..line.len() - line.trim_start().len()];
        let out = if tag == "<base data-trunk-public-url>" {
            format!(r#"{indent}<base href="{base}">"#)
        } else if tag.starts_with("<link data-trunk ") {
            match attribute(tag, "rel") {
                Some("css") => {
                    linked_style = true;
                    format!(
                        r#"{indent}<link rel="stylesheet" href="{base}{css_name}" integrity="{css_integrity}">"#
                    )
                }
                Some("rust") => {
                    linked_app = true;
                    format!(
                        r#"{indent}<script type="module" src="/{app_folder}/start.js"></script>"#
                    )
                }
                Some(rel @ ("copy-file" | "copy-dir")) => {
                    let from = root.join(attribute(tag, "href").ok_or(format!(
                        "index.html: a data-trunk {rel} line has no href: {tag}"
                    ))?);
                    let name = from
                        .file_name()
                        .ok_or(format!("index.html: nothing to copy in {tag}"))?;
                    copy(&from, &stage.join(name))?;
                    continue;
                }
                _ => {
                    return Err(format!(
                        "index.html: a data-trunk line this build does not know: {tag}"
                    ))
                }
            }
        } else if tag.contains("data-trunk") && !tag.starts_with("<!--") {
            return Err(format!(
                "index.html: a data-trunk tag must be a <link> on a line of its own: {tag}"
            ));
        } else {
            line.to_owned()
        };
        page.push_str(&out);
        page.push('\n');
    }
    if !(linked_style && linked_app) {
        return Err("index.html must have one data-trunk css line and one rust line".into());
    }
    if page.matches("HARBOUR_CSP").count() != 1 {
        return Err("index.html must hold the HARBOUR_CSP placeholder once".into());
    }
    let page = page.replace("HARBOUR_CSP", &CSP.join("; "));
    minify(&stage.join("early.js"), false)?;

    // 7. The fallback page, and what the service worker keeps for offline use.
    write(&stage.join("index.html"), page.as_bytes())?;
    write(&stage.join("404.html"), page.as_bytes())?;
    let precache: Vec<String> = files_under(&stage)?
        .into_iter()
        .filter(|f| f != "sw.js" && f != "404.html")
        .collect();
    let mut build = Sha256::new();
    for file in &precache {
        build.update(file.as_bytes());
        build.update(read(&stage.join(file))?);
    }
    let build_id = hex(&build.finalize())[..16].to_owned();
    let worker = read_text(&stage.join("sw.js"))?;
    for placeholder in ["HARBOUR_BUILD_ID", "/* HARBOUR_PRECACHE */"] {
        if worker.matches(placeholder).count() != 1 {
            return Err(format!("public/sw.js must hold {placeholder} once"));
        }
    }
    let listed: Vec<String> = precache.iter().map(|f| format!("\"{f}\"")).collect();
    let worker = worker
        .replace("HARBOUR_BUILD_ID", &build_id)
        .replace("/* HARBOUR_PRECACHE */", &listed.join(","));
    write(&stage.join("sw.js"), worker.as_bytes())?;

    // 8. The finished build replaces the last one.
    remove_dir(&root.join(DIST))?;
    fs::rename(&stage, root.join(DIST))
        .map_err(|why| format!("moving the build to dist/: {why}"))?;
    println!(
        "harbour-build: dist/ ready: {app_folder}/ with {} lazy chunks; {} files kept offline; build {build_id}",
        split.split_modules.len(),
        precache.len()
    );
    Ok(())
}

/// Bundles style/app.css and what it imports, in cascade order, into one minified file.
fn style(root: &Path) -> Result<Vec<u8>> {
    run(Command::new("esbuild").current_dir(root).args([
        "style/app.css",
        "--bundle",
        "--minify",
        "--log-level=warning",
        &format!("--outfile={STYLE_OUT}"),
    ]))?;
    read(&root.join(STYLE_OUT))
}

/// Minifies a script in place; `module` for ES modules.
fn minify(path: &Path, module: bool) -> Result<()> {
    let mut esbuild = Command::new("esbuild");
    esbuild
        .arg(path)
        .arg("--minify")
        // wasm-bindgen's glue names the chunk loader once per import it makes of it; that
        // duplicate key in its imports object is harmless (the same module each time).
        .arg("--log-level=error")
        .arg("--allow-overwrite")
        .arg(format!("--outfile={}", path.display()));
    if module {
        esbuild.arg("--format=esm");
    }
    run(&mut esbuild)
}

/// The value of `name="…"` in one HTML tag written on one line.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let length = tag[start..].find('"')?;
    Some(&tag[start..start + length])
}

/// Every file below `dir`, as sorted paths relative to it with `/` between folders.
fn files_under(dir: &Path) -> Result<Vec<String>> {
    let mut found = Vec::new();
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        let entries = fs::read_dir(dir.join(&folder))
            .map_err(|why| format!("listing {}: {why}", folder.display()))?;
        for entry in entries {
            let entry = entry.map_err(|why| format!("listing {}: {why}", folder.display()))?;
            let path = folder.join(entry.file_name());
            if entry.path().is_dir() {
                folders.push(path);
            } else {
                let parts: Vec<String> = path
                    .iter()
                    .map(|p| p.to_string_lossy().into_owned())
                    .collect();
                found.push(parts.join("/"));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// wasm-opt `-Oz` on one lazy chunk, in place. Each chunk keeps a name section from
/// wasm-split that binaryen reads with two warnings (a subsection it does not know, a global
/// it cannot find): harmless, as the output has no names, but 380 lines that would hide a
/// real warning, so those two are left out and anything else wasm-opt says is shown.
fn optimise_chunk(chunk: &Path) -> Result<()> {
    let output = run_captured(
        Command::new("wasm-opt")
            .arg("-Oz")
            .args(CHUNK_FEATURES)
            .arg(chunk)
            .arg("-o")
            .arg(chunk),
    )?;
    let said = String::from_utf8_lossy(&output.stderr);
    for line in said.lines().filter(|line| {
        !(line.starts_with("warning: unknown name subsection")
            || line.starts_with("warning: global index out of bounds in name section"))
    }) {
        eprintln!("{line}");
    }
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "wasm-opt failed on {} ({})",
            chunk.display(),
            output.status
        ))
    }
}

/// Stops the build unless the `wasm-opt` on `PATH` is the binaryen release it is made with.
fn check_wasm_opt() -> Result<()> {
    let output = run_captured(Command::new("wasm-opt").arg("--version"))?;
    let version = String::from_utf8_lossy(&output.stdout);
    let release = version
        .split_whitespace()
        .skip_while(|word| *word != "version")
        .nth(1);
    if release == Some(WASM_OPT_RELEASE) {
        Ok(())
    } else {
        Err(format!(
            "the wasm-opt on PATH says {:?}; this build needs binaryen's version {WASM_OPT_RELEASE} \
             (`. scripts/setup.sh` puts it first on PATH)",
            version.trim()
        ))
    }
}

fn run(command: &mut Command) -> Result<()> {
    let name = command.get_program().to_string_lossy().into_owned();
    let status = command.status().map_err(|why| cannot_run(&name, why))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{name} failed ({status})"))
    }
}

/// Runs `command` with its output captured (its exit status is for the caller to judge).
fn run_captured(command: &mut Command) -> Result<std::process::Output> {
    let name = command.get_program().to_string_lossy().into_owned();
    command.output().map_err(|why| cannot_run(&name, why))
}

fn cannot_run(name: &str, why: std::io::Error) -> String {
    format!("cannot run {name} (is `. scripts/setup.sh` done?): {why}")
}

/// The first 16 hex digits of the SHA-256 of `bytes`: a name that changes with the content.
fn short_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))[..16].to_owned()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|why| format!("reading {}: {why}", path.display()))
}

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|why| format!("reading {}: {why}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    fs::write(path, bytes).map_err(|why| format!("writing {}: {why}", path.display()))
}

fn create_dir(path: &Path) -> Result<()> {
    fs::create_dir_all(path).map_err(|why| format!("creating {}: {why}", path.display()))
}

fn remove_dir(path: &Path) -> Result<()> {
    match fs::remove_dir_all(path) {
        Err(why) if why.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("removing {}: {why}", path.display()))
        }
        _ => Ok(()),
    }
}

/// Copies a file, or a folder and everything in it.
fn copy(from: &Path, to: &Path) -> Result<()> {
    if from.is_dir() {
        create_dir(to)?;
        for file in files_under(from)? {
            let target = to.join(&file);
            if let Some(parent) = target.parent() {
                create_dir(parent)?;
            }
            copy(&from.join(&file), &target)?;
        }
        Ok(())
    } else {
        fs::copy(from, to)
            .map(|_| ())
            .map_err(|why| format!("copying {}: {why}", from.display()))
    }
}
