#!/usr/bin/env bash
# Installs every tool the build, demo and tests need, checking versions, so a
# fresh machine needs nothing but Rust (rustup), Node 20 + npm and apt.
# A second run only checks, and takes a second or two.
#
#   scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

command -v cargo >/dev/null || { say "cargo not found: install Rust with rustup first"; exit 1; }
command -v npm >/dev/null || { say "npm not found: install Node.js 20 or later first"; exit 1; }

# 1. The Wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 1b. The pinned nightly the Wasm bundle is built with (scripts/wasm-env.sh):
#     rust-src for -Z build-std (std's own dependencies are vendored in it,
#     so the build needs nothing more from the network) and the Wasm target.
WASM_TOOLCHAIN=$(sed -n 's/^WASM_TOOLCHAIN=//p' scripts/wasm-env.sh)
if ! rustup run "$WASM_TOOLCHAIN" rustc --version >/dev/null 2>&1 \
  || ! rustup component list --toolchain "$WASM_TOOLCHAIN" --installed 2>/dev/null | grep -q '^rust-src' \
  || ! rustup target list --toolchain "$WASM_TOOLCHAIN" --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "installing $WASM_TOOLCHAIN with rust-src and the Wasm target (for the bundle only)"
  rustup toolchain install "$WASM_TOOLCHAIN" --profile minimal --component rust-src --target wasm32-unknown-unknown
fi
wasm_rustc=$(rustup run "$WASM_TOOLCHAIN" rustc --version)
case "$wasm_rustc" in
  *nightly*) ;;
  *) say "unexpected Wasm toolchain: $wasm_rustc"; exit 1 ;;
esac

# 2. Trunk (0.22 needs a newer Rust; 0.21 only builds with --locked).
if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (several minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# 3. wasm-bindgen-cli, pinned to Cargo.lock (also provides wasm-bindgen-test-runner).
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
fi

# 4. npm packages: Playwright, axe-core, binaryen (wasm-opt). Reinstalled when
#    package-lock.json changes.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.lock-sum ] || [ "$(cat node_modules/.lock-sum)" != "$lock_sum" ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
  echo "$lock_sum" > node_modules/.lock-sum
fi
if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION\b"; then
  say "wasm-opt $BINARYEN_VERSION missing from node_modules; run: rm -rf node_modules && scripts/setup.sh"
  exit 1
fi

# 4b. The workspace's crates, so that the offline bundle build (trunk
#     --offline passes --offline to cargo) works on a fresh machine.
cargo fetch --locked --quiet

# 5. Chromium and ChromeDriver from Debian (never a browser download).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi
chromium_version=$(/usr/bin/chromium --version | grep -o '[0-9]*\.[0-9.]*' | head -1)
driver_version=$(/usr/bin/chromedriver --version | grep -o '[0-9]*\.[0-9.]*' | head -1)
if [ "${chromium_version%%.*}" != "${driver_version%%.*}" ]; then
  say "chromium $chromium_version and chromedriver $driver_version differ; upgrading both"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

say "ok ($wasm_rustc for the bundle, trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, wasm-opt $BINARYEN_VERSION, chromium $chromium_version)"
