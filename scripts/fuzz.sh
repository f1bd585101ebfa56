#!/usr/bin/env bash
# The long fuzz run: 1,000,000 cases per decoder (or FUZZ_CASES), release build. Prints
# the number of cases and panics for each.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
FUZZ_CASES="${FUZZ_CASES:-1000000}" cargo test --release --test fuzz -- --nocapture --test-threads=2 2>&1 | grep -E '^FUZZ|test result|panicked'
