#!/usr/bin/env bash
# Installs what is missing, builds Harbour for release and serves it on 127.0.0.1.
# Usage: ./scripts/serve.sh [port]   (default 8080)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/setup.sh"
cd "$root"
harbour-build release
exec node scripts/static-server.mjs dist "${1:-8080}"
