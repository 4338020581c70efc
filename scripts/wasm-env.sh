# The Wasm bundle's build environment, sourced by `make dist` (and the
# benchmark's floor, scripts/yew-floor.sh); scripts/setup.sh installs the
# toolchain named here. A pinned nightly rebuilds std for the bundle with
# panics as immediate aborts, without panic locations and without `Debug`
# formatting: 13.7 kB gzip of std the widget never uses (docs/PERFORMANCE.md,
# size log). Native builds and every test stay on stable.
WASM_TOOLCHAIN=nightly-2026-10-29
export RUSTUP_TOOLCHAIN="$WASM_TOOLCHAIN"
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
