#!/usr/bin/env bash
# Runs `next build` unless $NEXT_DIST_DIR (default .next) already holds a build of exactly these sources.
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${NEXT_DIST_DIR:-.next}"
inputs=()
for p in app components lib public proxy.ts instrumentation.ts next.config.js tsconfig.json package-lock.json; do [ -e "$p" ] && inputs+=("$p"); done
src_hash=$(find "${inputs[@]}" -type f ! -name '*.test.ts' ! -path '*/__expected__/*' -print0 | LC_ALL=C sort -z \
  | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
if [ -f "$dist/BUILD_ID" ] && [ "$(cat "$dist/.source-hash" 2>/dev/null)" = "$src_hash" ]; then
  echo "[build] production build up to date"
else
  echo "[build] next build"
  # next build (output tracing) panics on a .venv symlink that points outside the project: set it aside meanwhile.
  if [ -L .venv ]; then
    mv .venv .venv.build-aside
    trap 'mv .venv.build-aside .venv' EXIT
  fi
  NEXT_TELEMETRY_DISABLED=1 npx next build
  echo "$src_hash" > "$dist/.source-hash"
fi
