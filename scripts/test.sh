#!/usr/bin/env bash
# The one test command (npm test): unit + engine + type checks + build + real-browser e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
bash scripts/ensure-chromium.sh
echo "== unit and engine tests (vitest)"
npx vitest run
echo "== type checks (engine alone, whole project, Svelte components)"
npx tsc -p tsconfig.engine.json
npx tsc -p tsconfig.json
npm run -s check
echo "== lint (eslint, prettier)"
npx eslint .
npx prettier --check .
echo "== e2e in Chromium"
bash scripts/e2e.sh
