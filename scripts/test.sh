#!/usr/bin/env bash
# Full check: setup, format, lint, host tests, release build, browser tests.
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

T0=$SECONDS
CURRENT=""
section() {
  CURRENT="$1"
  printf '\n==================== %s ====================\n' "$1"
}
on_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    printf '\n!!! FAILED in section "%s" (exit %s) after %ss\n' "$CURRENT" "$rc" "$((SECONDS - T0))" >&2
  fi
}
trap on_exit EXIT
timed() {
  local t=$SECONDS
  "$@"
  printf -- '--- %s: %ss\n' "$CURRENT" "$((SECONDS - t))"
}

section "setup"
timed bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

section "cargo fmt --check"
timed cargo fmt --all --check

section "cargo clippy (host)"
timed cargo clippy --workspace --all-targets --offline -- -D warnings

section "cargo test (host)"
timed cargo test --workspace --offline

section "trunk build --release"
rm -rf dist
timed trunk build --release
ls -l dist

section "browser tests (node --test)"
mkdir -p test-results
timed node --test --test-reporter=spec tests/browser/

printf '\nALL CHECKS PASSED in %ss\n' "$((SECONDS - T0))"
