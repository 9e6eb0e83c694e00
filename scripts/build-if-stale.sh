#!/usr/bin/env bash
# Runs `next build` unless .next already holds a build of exactly these sources.
set -euo pipefail
cd "$(dirname "$0")/.."
src_hash=$( (find app components lib public next.config.js tsconfig.json package-lock.json -type f \
  ! -name '*.test.ts' 2>/dev/null | LC_ALL=C sort | xargs cat) | sha256sum | cut -d' ' -f1)
if [ -f .next/BUILD_ID ] && [ "$(cat .next/.source-hash 2>/dev/null)" = "$src_hash" ]; then
  echo "[build] production build up to date"
else
  echo "[build] next build"
  NEXT_TELEMETRY_DISABLED=1 npx next build
  echo "$src_hash" > .next/.source-hash
fi
