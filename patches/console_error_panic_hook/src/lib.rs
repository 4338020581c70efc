//! The panic hook Yew installs when it renders (`console_error_panic_hook::hook`),
//! with the original crate's API (`hook`, `set_once`).
//!
//! With `-Cpanic=immediate-abort` (the widget's release bundle) a panic aborts
//! at once and no hook runs, so the hook is empty there and its code leaves
//! the bundle. Elsewhere it writes the panic's message and location to the
//! console (wasm32) or to stderr (native).

use std::panic::PanicHookInfo;

/// Reports a panic: `console.error` on wasm32, stderr natively; nothing in
/// an immediate-abort build, where it is never called.
pub fn hook(info: &PanicHookInfo<'_>) {
    #[cfg(not(panic = "immediate-abort"))]
    report(&info.to_string());
    #[cfg(panic = "immediate-abort")]
    let _ = info;
}

/// Installs [`hook`] as the panic hook, once.
pub fn set_once() {
    static SET: std::sync::Once = std::sync::Once::new();
    SET.call_once(|| std::panic::set_hook(Box::new(hook)));
}

#[cfg(all(not(panic = "immediate-abort"), target_arch = "wasm32"))]
fn report(message: &str) {
    web_sys::console::error_1(&message.into());
}

#[cfg(all(not(panic = "immediate-abort"), not(target_arch = "wasm32")))]
fn report(message: &str) {
    eprintln!("{message}");
}
