# The Wasm bundle's build environment, sourced by `make dist` (and the
# benchmark's floor, scripts/yew-floor.sh); scripts/setup.sh installs the
# toolchain named here. A pinned nightly rebuilds std for the bundle with
# panics as immediate aborts, without panic locations and without `Debug`
# formatting: 13.7 kB gzip of std the widget never uses; and with std's
# `optimize_for_size` feature, its smaller variants of sorting and number
# formatting (0.9 kB; docs/PERFORMANCE.md, size log rows 13 and 21). Native
# builds and every test stay on stable.
WASM_TOOLCHAIN=nightly-2026-10-29
export RUSTUP_TOOLCHAIN="$WASM_TOOLCHAIN"
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
