#!/usr/bin/env bash
# Builds the app and drives it in Debian's Chromium with Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d e2e ] || [ -z "$(ls e2e/*.spec.ts 2>/dev/null)" ]; then
  echo "no e2e specs yet"; exit 0
fi
npm run build
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test
