#!/usr/bin/env bash
# Installs what is missing, then runs every check and test Harbour has:
# formatting and lints, native tests (domain, content, migrations, boundaries), browser
# tests of the adapters (wasm-bindgen-test in headless Chromium), a release build, and the
# end-to-end tests in headless Chromium (screenshots land in tests/e2e/artifacts/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/setup.sh"
cd "$root"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --check

step "lints (native and wasm)"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins --test web --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins --features split --locked -- -D warnings

step "native tests"
cargo test --locked

step "browser tests of the adapters (wasm-bindgen-test, headless Chromium)"
# The runner gives the headless page 20 s by default; more room for a busy 2-core machine.
# ("Failed to detect test as having been run" can also mean the page threw on load: the
# wasm imported something the test page does not have, such as a chunk loader.)
WASM_BINDGEN_TEST_TIMEOUT=180 CHROMEDRIVER="$(command -v chromedriver)" cargo test --target wasm32-unknown-unknown --test web --locked

step "release build"
harbour-build release

step "end-to-end tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/

echo
echo "All tests passed."
