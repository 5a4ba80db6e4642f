#!/usr/bin/env bash
# Build the release site and serve dist/ at http://127.0.0.1:8080/ (Ctrl-C stops).
#   bash scripts/serve.sh                  # PORT=8081 / BASE=/esg/2022/ to change
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
trunk build --release
PORT="${PORT:-8080}"
BASE="${BASE:-/}"
echo
echo "Open http://127.0.0.1:${PORT}${BASE}"
exec node scripts/static-server.mjs --root dist --base "$BASE" --port "$PORT"
