#!/usr/bin/env bash
# Bundles the explorer's ECharts subset (vendor/echarts-entry.mjs) from the pinned npm
# package with the pinned esbuild: vendor/dist/echarts.min.js, which index.html serves.
# Quick and idempotent: rebuilds only when the entry or the lock file is newer.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=vendor/dist/echarts.min.js
if [ -f "$out" ] && [ "$out" -nt vendor/echarts-entry.mjs ] && [ "$out" -nt package-lock.json ]; then
  exit 0
fi
mkdir -p vendor/dist
node_modules/.bin/esbuild vendor/echarts-entry.mjs --bundle --minify --format=iife --target=es2018 \
  --outfile="$out" --log-level=warning
echo "built $out ($(wc -c < "$out") bytes)"
