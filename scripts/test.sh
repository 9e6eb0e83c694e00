#!/usr/bin/env bash
# The whole test suite: set-up, static checks, unit tests (Vitest, including the verbatim snippet runs against the
# fake Google), the all-methods sweep on one method per API (verify:sample), production build, end-to-end
# (Playwright).
# Prints one closing line "tests: N passed, N failed" summed over Vitest and Playwright.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/setup.sh || exit 1

reports=.cache/test-reports
rm -rf "$reports"; mkdir -p "$reports"
failed_steps=()
step() {
  local name=$1; shift
  local t0=$SECONDS
  echo "::: $name"
  if "$@"; then echo "::: $name ok ($((SECONDS - t0)) s)"; else echo "::: $name FAILED ($((SECONDS - t0)) s)"; failed_steps+=("$name"); fi
}

step lint npx eslint . --max-warnings=0
step format npx prettier --check . --log-level warn
step typecheck npx tsc --noEmit
step gen-check npm run --silent gen:check
step unit npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"
step verify-sample npm run --silent verify:sample
step build bash scripts/build-if-stale.sh
if [[ " ${failed_steps[*]-} " == *" build "* ]]; then
  echo "::: e2e skipped: the build failed"
else
  step e2e env PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" npx playwright test --reporter=list,json
fi

node scripts/summarize-tests.mjs "$reports/vitest.json" "$reports/playwright.json"
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "failed steps: ${failed_steps[*]}"
  exit 1
fi
