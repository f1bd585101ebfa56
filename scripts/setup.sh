#!/usr/bin/env bash
# Installs what is missing to build, serve and test Harbour, and nothing that is already
# there. Only package registries are needed (crates.io, npm, Debian): no tool is downloaded
# from anywhere else. Rust tools are built once per machine into a per-user cache, one
# folder per tool and version, and reused by every clone:
#   ${HARBOUR_TOOLS:-${XDG_CACHE_HOME:-~/.cache}/harbour/tools}/<tool>-<version>/bin
# (delete that folder to rebuild them). npm tools go into node_modules/.
# Source it to get PATH set: `. scripts/setup.sh`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${HARBOUR_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/harbour/tools}"
mkdir -p "$tools"

# Trunk is for development only (scripts/dev.sh installs it the first time it is run).
trunk_version="0.21.14"
# wasm-opt, native: binaryen 116 as the crates.io package `wasm-opt` (the one cargo-leptos
# uses) builds it. Debian's binaryen (108) breaks wasm-bindgen's output; npm's (132) runs in
# Node, half a second or more per file, minutes for Harbour's 190 chunks.
wasm_opt_version="0.116.1"
# wasm-bindgen-cli at exactly the version in Cargo.lock.
wbg_version="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$root/Cargo.lock")"
# The release build (tools/build) is keyed by a hash of its own source and lockfile.
build_version="$(cd "$root/tools/build" && cat Cargo.toml Cargo.lock $(find src -type f | sort) | sha256sum | cut -c1-12)"
trunk_dir="$tools/trunk-$trunk_version"
wbg_dir="$tools/wasm-bindgen-$wbg_version"
wasm_opt_dir="$tools/wasm-opt-$wasm_opt_version"
build_dir="$tools/harbour-build-$build_version"

export PATH="$build_dir/bin:$trunk_dir/bin:$wbg_dir/bin:$wasm_opt_dir/bin:$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Rust's wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 Rust target"
  rustup target add wasm32-unknown-unknown
fi

# Without --locked: wasm-bindgen-cli's own lockfile pins a crate the registry no longer has.
if [ ! -x "$wbg_dir/bin/wasm-bindgen" ]; then
  say "installing wasm-bindgen-cli $wbg_version into $wbg_dir (about 4 minutes, once per machine)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-bindgen-cli --version "=$wbg_version" --root "$wbg_dir"
fi

if [ ! -x "$wasm_opt_dir/bin/wasm-opt" ]; then
  say "installing wasm-opt (binaryen 116) into $wasm_opt_dir (about 8 minutes, once per machine)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-opt --version "=$wasm_opt_version" --locked --root "$wasm_opt_dir"
fi

if [ ! -x "$build_dir/bin/harbour-build" ]; then
  say "building the release build tool into $build_dir (about 1 minute, once per machine)"
  cargo install --path "$root/tools/build" --locked --root "$build_dir" \
    --target-dir "$tools/build/harbour-build"
fi

# npm tools: esbuild, Playwright's driver, axe-core, Lighthouse.
if [ ! -x "$root/node_modules/.bin/esbuild" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  say "installing npm tools"
  (cd "$root" && npm ci --no-audit --no-fund)
fi

# Debian's Chromium and ChromeDriver for every browser test.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Chromium and ChromeDriver from Debian"
  export DEBIAN_FRONTEND=noninteractive
  sudo_if_needed apt-get install -y chromium chromium-driver \
    || { sudo_if_needed apt-get update && sudo_if_needed apt-get install -y chromium chromium-driver; }
fi

# Fetch crates first, so builds need no network.
(cd "$root" && cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked)
