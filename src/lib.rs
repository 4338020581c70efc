//! article-embed: an article widget that any site embeds with one script tag.
//!
//! The crate has three layers (see ARCHITECTURE.md):
//! - the model ([`model`], [`parse`], [`url_policy`], [`time`], [`format`],
//!   [`i18n`], [`snooze`], [`donate`], [`config`], [`error`]): plain data and
//!   pure functions that build and test natively;
//! - the Yew [`components`] and [`hooks`] that render a parsed article;
//! - the browser-only embed layer (`web`), which reads a placeholder's
//!   options, attaches the shadow root, fetches, mounts and emits events.

pub mod ask;
pub mod config;
pub mod context;
pub mod donate;
pub mod error;
pub mod format;
pub mod i18n;
pub mod json;
pub mod limits;
pub mod model;
pub mod num;
pub mod parse;
pub mod services;
pub mod snooze;
pub mod text;
pub mod time;
pub mod url_policy;
#[cfg(not(target_arch = "wasm32"))]
pub mod wire;

pub mod components;
pub mod hooks;

/// The network: one fetch per article URL, with a time limit and a size cap
/// (browser only).
#[cfg(target_arch = "wasm32")]
pub mod net;
#[cfg(target_arch = "wasm32")]
pub mod web;

/// The widget as a Yew component, for Rust apps (browser builds only).
#[cfg(target_arch = "wasm32")]
pub use web::{ArticleEmbed, ArticleEmbedProps};

/// The bundle's allocator (single-threaded Wasm): talc instead of std's
/// dlmalloc, smaller and faster (docs/PERFORMANCE.md, size log).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The widget's stylesheet, adopted by every shadow root on a page.
/// `styles/widget.css`, minified at build time (build.rs).
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// The version reported as `window.ArticleEmbed.version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
