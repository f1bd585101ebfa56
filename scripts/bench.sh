#!/usr/bin/env bash
# Prints Harbour's figures: first-visit bytes (raw, gzip, brotli), Lighthouse mobile scores
# with LCP and TBT, offline reopen time, and the time of one autosave of a large plan.
# Not a test: nothing here passes or fails on a number.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/setup.sh"
cd "$root"
harbour-build release >/dev/null
node scripts/bench.mjs
echo
echo "Autosave of a large plan (release wasm, headless Chromium, 200 saves):"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --release --target wasm32-unknown-unknown --test bench_web -- --nocapture 2>/dev/null | grep '^BENCH' || true
