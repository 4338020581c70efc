#!/usr/bin/env bash
# Builds bench/yew-floor (the smallest Yew app) the way the widget's release
# bundle is built, and prints its sizes: the floor under any Yew bundle.
# Needs the tools of scripts/setup.sh (make setup).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
target="$root/target/yew-floor"
out="$target/out"

# The bundle's toolchain and flags (the pinned nightly, build-std).
source "$root/scripts/wasm-env.sh"
cargo build --quiet --locked --release --target wasm32-unknown-unknown \
  --manifest-path "$root/bench/yew-floor/Cargo.toml" --target-dir "$target"
rm -rf "$out"
wasm-bindgen --target web --out-dir "$out" "$target/wasm32-unknown-unknown/release/yew_floor.wasm"
# The same optimisation as the widget (index.html: data-wasm-opt="z",
# data-wasm-opt-params="--converge").
wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/yew_floor_bg.wasm" -o "$out/yew_floor_bg.wasm"
# The same minification as scripts/postbuild.mjs: short Wasm import and
# export names (renamed in the glue to match), then terser.
node --input-type=module -e '
  import { readFileSync, writeFileSync } from "node:fs";
  import { shortenNames } from "'"$root"'/scripts/postbuild.mjs";
  const [glue, wasm] = process.argv.slice(1);
  writeFileSync(glue, shortenNames(readFileSync(glue, "utf8"), wasm));
' "$out/yew_floor.js" "$out/yew_floor_bg.wasm"
terser "$out/yew_floor.js" --module --ecma 2020 --compress passes=2 --mangle -o "$out/yew_floor.js"

total=0
printf '%-22s %10s %10s\n' file raw "gzip -9"
for f in yew_floor.js yew_floor_bg.wasm; do
  raw=$(wc -c <"$out/$f")
  gz=$(gzip -9c "$out/$f" | wc -c)
  total=$((total + gz))
  printf '%-22s %10s %10s\n' "$f" "$raw" "$gz"
done
printf '%-22s %10s %10s\n' "total (no loader)" "" "$total"
