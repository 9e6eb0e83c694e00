#!/usr/bin/env bash
# Starts the explorer at http://localhost:${PORT:-3000} (production build). Works offline: the Discovery source
# defaults to `auto` (live Google with a short timeout, then the local snapshot installed by scripts/setup.sh).
# Runs the standalone server (`output: "standalone"`): `next start` only warns that it does not support that
# output (it still serves it, which the e2e suite and the benchmarks rely on), and server.js is what production runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-if-stale.sh
dist="${NEXT_DIST_DIR:-.next}"
standalone="$dist/standalone"
# Next's docs: public/ and <distDir>/static are not part of the standalone folder; they go beside server.js.
rm -rf "$standalone/public" "$standalone/$dist/static"
[ -d public ] && cp -r public "$standalone/public"
cp -r "$dist/static" "$standalone/$dist/static"
# server.js changes into its own folder, where the project's .venv is not: name the snapshot folder explicitly.
if [ -z "${EXPLORER_SNAPSHOT_DIR:-}" ]; then
  for d in "$PWD"/.venv/lib/python3.*/site-packages/googleapiclient/discovery_cache/documents; do
    [ -d "$d" ] && export EXPLORER_SNAPSHOT_DIR="$d"
  done
fi
# HOSTNAME is what server.js binds to; a container's HOSTNAME (its id) would make it unreachable from outside.
PORT="${PORT:-3000}" HOSTNAME="${HOST:-0.0.0.0}" exec node "$standalone/server.js"
