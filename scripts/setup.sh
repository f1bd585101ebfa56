#!/usr/bin/env bash
# Installs what is missing to build, serve and test Harbour, and nothing that is already
# there. Only package registries are needed (crates.io, npm, Debian): no tool is downloaded
# from anywhere else. Tools go into .tools/ (Rust) and node_modules/ (npm).
# Source it to get PATH set: `. scripts/setup.sh`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
# scripts/shim first: its wasm-bindgen splits the app into chunks before the real one runs.
export PATH="$root/scripts/shim:$tools/bin:$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Rust's wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 Rust target"
  rustup target add wasm32-unknown-unknown
fi

# Trunk 0.21.14 (0.22 needs a newer rustc than this machine has).
trunk_version="0.21.14"
if [ "$(trunk --version 2>/dev/null)" != "trunk $trunk_version" ]; then
  say "installing Trunk $trunk_version (about 9 minutes, once)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$trunk_version" --locked --root "$tools"
fi

# wasm-bindgen-cli at exactly the version in Cargo.lock. Without --locked: its own lockfile
# pins a crate the registry no longer has.
wbg_version="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$root/Cargo.lock")"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg_version" ]; then
  say "installing wasm-bindgen-cli $wbg_version (about 4 minutes, once)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-bindgen-cli --version "=$wbg_version" --root "$tools"
fi

# The split step's own tool (tools/wasm-split), rebuilt when its source changes.
split_tool="$tools/bin/harbour-wasm-split"
if [ ! -x "$split_tool" ] || [ -n "$(find "$root/tools/wasm-split" -path "$root/tools/wasm-split/target" -prune -o -type f -newer "$split_tool" -print -quit)" ]; then
  say "building the wasm split tool (about 1 minute, once)"
  cargo install --path "$root/tools/wasm-split" --locked --force --root "$tools" \
    --target-dir "$root/target/tools"
fi

# npm tools: wasm-opt (binaryen), Playwright's driver, axe-core, Lighthouse.
if [ ! -x "$root/node_modules/.bin/wasm-opt" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
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

# Trunk builds offline (cargo --offline), so fetch crates first.
(cd "$root" && cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked)
