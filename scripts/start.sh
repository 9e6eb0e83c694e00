#!/usr/bin/env bash
# Starts the explorer at http://localhost:${PORT:-3000} (production build). Works offline: the Discovery source
# defaults to `auto` (live Google with a short timeout, then the local snapshot installed by scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-if-stale.sh
exec npx next start -p "${PORT:-3000}"
