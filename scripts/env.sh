# Sourced by scripts/setup.sh, serve.sh and test.sh: the environment trunk and the tests need.
# Usable by hand too:  source scripts/env.sh
ESG_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ESG_ROOT
# node_modules/.bin first: wasm-opt must be binaryen 132 from npm, not Debian's binaryen 108.
case ":$PATH:" in
  *":$ESG_ROOT/node_modules/.bin:"*) ;;
  *) PATH="$ESG_ROOT/node_modules/.bin:$PATH" ;;
esac
case ":$PATH:" in
  *":$HOME/.cargo/bin:"*) ;;
  *) PATH="$PATH:$HOME/.cargo/bin" ;;
esac
export PATH
# trunk otherwise asks crates.io for a newer trunk on every run.
export TRUNK_SKIP_VERSION_CHECK=true
# Debian's Chromium for Playwright and wasm-bindgen-test (never a downloaded browser).
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
