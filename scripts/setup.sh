#!/usr/bin/env bash
# Idempotent set-up for a fresh machine (and a no-op-fast one for a prepared one):
#   1. npm dependencies (npm ci when package-lock.json changed since the last install)
#   2. Debian's Chromium (+ driver) for Playwright, via apt, when missing
#   3. the project virtualenv .venv with the pinned Python client libraries; it also provides the offline
#      Discovery snapshot (googleapiclient/discovery_cache/documents/*.json)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
stamp_dir="$root/.cache/setup"
mkdir -p "$stamp_dir"

say() { printf '[setup] %s\n' "$*"; }
hash_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

# 1. npm
npm_hash=$(hash_of package.json package-lock.json)
if [ ! -d node_modules ] || [ "$(cat "$stamp_dir/npm" 2>/dev/null)" != "$npm_hash" ]; then
  # Not `npm ci`: it refuses the lockfile because mockttp's OPTIONAL dependency tls-impersonate@^0.2.1 is not
  # served by the registry reachable here (only 0.1.0 is). `npm install --no-save` installs exactly the locked
  # versions of everything else, skips that optional package, and never rewrites package-lock.json.
  say "installing npm dependencies (locked versions)"
  npm install --no-save --no-audit --no-fund --loglevel=error
  echo "$npm_hash" > "$stamp_dir/npm"
else
  say "npm dependencies up to date"
fi

# 2. Chromium for the end-to-end tests (Playwright cannot download its own browsers here)
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then sudo_cmd=""; else sudo_cmd="sudo"; fi
  say "installing Debian chromium + chromium-driver"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
else
  say "chromium present: $(/usr/bin/chromium --version 2>/dev/null || echo unknown)"
fi

# 3. Python virtualenv
py_hash=$(hash_of python/requirements.txt python/constraints.txt)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp_dir/venv" 2>/dev/null)" != "$py_hash" ]; then
  say "creating .venv with the pinned client libraries"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r python/requirements.txt -c python/constraints.txt
  echo "$py_hash" > "$stamp_dir/venv"
else
  say "python venv up to date"
fi
docs=$(ls -d .venv/lib/python3*/site-packages/googleapiclient/discovery_cache/documents 2>/dev/null | head -n 1)
if [ -z "$docs" ]; then
  echo "[setup] error: the Discovery snapshot was not found in .venv (google-api-python-client missing?)" >&2
  exit 1
fi
say "offline Discovery snapshot: $(ls "$docs" | grep -c '\.json$') files in $docs"
