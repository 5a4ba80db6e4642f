#!/usr/bin/env bash
# Performance benchmark (not part of scripts/test.sh: it takes ~5 min and its numbers
# depend on the machine). Prints a Markdown report on stdout; logs go to stderr.
#
#   bash scripts/bench.sh > bench.md
#
# 1. builds the release site into a separate directory ($BENCH_DIST, default
#    /tmp/esg-bench-dist; dist/ is left alone),
# 2. serves it gzip-compressed on 127.0.0.1 with scripts/static-server.mjs,
# 3. runs Lighthouse (npm lighthouse, pinned in package.json) 3× per page (the 18 view
#    pages, zh-hant/… and en/…, and two widgets) with the mobile preset and simulated
#    throttling, on Debian's Chromium ($CHROME_PATH),
# 4. lists raw and gzip bytes of every file in the build,
# 5. times view and language switches in Chromium (click → next paint, click → charts
#    drawn; median of 5).
#
# Options (environment): BENCH_DIST=DIR, BENCH_SKIP_BUILD=1 (measure BENCH_DIST as it is),
# RUNS=3 (Lighthouse runs per page), SAMPLES=5 (clicks per switch),
# PAGES=zh-hant/,en/board/,… (Lighthouse), VIEWS=overview,environment,social,governance (switches).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

BENCH_DIST="${BENCH_DIST:-/tmp/esg-bench-dist}"
bash scripts/setup.sh >&2
# shellcheck source=scripts/env.sh
source scripts/env.sh

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "[bench] trunk build --release --dist $BENCH_DIST" >&2
  trunk build --release --dist "$BENCH_DIST" >&2
fi
exec node scripts/bench.mjs --dist "$BENCH_DIST" --runs "${RUNS:-3}" --samples "${SAMPLES:-5}" \
  --views "${VIEWS:-overview,environment,social,governance}" ${PAGES:+--pages "$PAGES"}
