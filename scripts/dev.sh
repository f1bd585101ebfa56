#!/usr/bin/env bash
# Development: serves an unsplit debug build with live reload on http://127.0.0.1:8080
# (`trunk serve`, with Trunk's own loader; no CSP and nothing kept offline). Installs Trunk
# into the per-user tool cache the first time (about 9 minutes, once per machine).
# For the release build, as she gets it, use ./scripts/serve.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/setup.sh"
cd "$root"
if [ ! -x "$trunk_dir/bin/trunk" ]; then
  say "installing Trunk $trunk_version into $trunk_dir (about 9 minutes, once per machine)"
  # Trunk 0.21.14: 0.22 needs a newer rustc than this machine has.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$trunk_version" --locked --root "$trunk_dir"
fi
exec trunk serve "$@"
