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
# A run from a clean clone never reuses incremental caches; they were 8 GB of its disk.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

section "cargo fmt --check"
timed cargo fmt --all --check

section "cargo clippy (host)"
timed cargo clippy --workspace --all-targets --offline -- -D warnings

section "cargo test (host)"
# The bad-data corpus test (data/tests/corpus.rs) also writes its files here for the next step.
BAD_CORPUS="$(mktemp -d "${TMPDIR:-/tmp}/esg-bad-corpus.XXXXXX")"
timed env ESG_BAD_CORPUS_DIR="$BAD_CORPUS" cargo test --workspace --offline

section "esg-data validate on bad files (CLI)"
# A few corpus files through `cargo run -p esg-data -- validate PATH`: exit 1 (not a panic),
# and every line names the file.
for name in type-value-integer sum-employees-by-gender-2021 roster-age-band number-leading-zero syntax-deep-nesting; do
  f="$BAD_CORPUS/$name.toml"
  rc=0
  out="$(cargo run -q -p esg-data --offline -- validate "$f" 2>/dev/null)" || rc=$?
  if [ "$rc" -ne 1 ] || [ -z "$out" ] || grep -qv "^$f: " <<<"$out"; then
    printf 'validate %s: exit %s, output:\n%s\n' "$f" "$rc" "$out" >&2
    exit 1
  fi
  printf '%s\n' "$(head -c 200 <<<"$out" | head -1)"
done
rm -rf "$BAD_CORPUS"

section "trunk build --release (fictional fixtures)"
# A site from tests/fixtures/reports (the real 2022 report and a fictional 2023 one that
# restates 2022 figures), never shipped: tests/browser/fixtures.test.mjs reads it from
# ESG_FIXTURE_DIST. Built first, so the shipped build below is the last one the target
# directory holds. Also checks that the build refuses the fixtures without the flag.
refused="$(env -u ESG_ALLOW_FICTIONAL ESG_DATA_DIR=tests/fixtures/reports cargo check -q -p esg-app --offline 2>&1)" && {
  echo "the build accepted fictional data without ESG_ALLOW_FICTIONAL=1" >&2
  exit 1
}
grep -m1 "tests/fixtures/reports/2023.toml: rule \`fictional\`" <<<"$refused" || {
  printf 'the build failed without naming the fictional file:\n%s\n' "$refused" >&2
  exit 1
}
export ESG_FIXTURE_DIST="$PWD/target/esg-fixture-dist"
rm -rf "$ESG_FIXTURE_DIST"
timed env ESG_DATA_DIR=tests/fixtures/reports ESG_ALLOW_FICTIONAL=1 \
  ESG_PUBLIC_URL=https://ir.example.com/esg/2023/ trunk build --release --dist "$ESG_FIXTURE_DIST"

section "trunk build --release"
rm -rf dist
# A public URL, so the pages' canonical, hreflang and preview tags and sitemap.xml are
# written and tested (README: "The site's public URL").
# Only the real reports (data/reports), whatever the caller's environment says.
timed env -u ESG_DATA_DIR -u ESG_ALLOW_FICTIONAL \
  ESG_PUBLIC_URL="${ESG_PUBLIC_URL:-https://ir.example.com/esg/2022/}" trunk build --release
ls -l dist

section "frictionless validate (the shipped and the fixture Data Package)"
# The reference validator on the built Data Package: schema, types, primary key, the CSV's
# size and SHA-256, and the JSON's rows (README: "Data files").
timed .venv-frictionless/bin/frictionless validate dist/data/datapackage.json
# And the fixture site's, which also describes its restatements CSV.
timed .venv-frictionless/bin/frictionless validate "$ESG_FIXTURE_DIST/data/datapackage.json"

section "browser tests (node --test)"
mkdir -p test-results
timed node --test --test-reporter=spec tests/browser/

printf '\nALL CHECKS PASSED in %ss\n' "$((SECONDS - T0))"
