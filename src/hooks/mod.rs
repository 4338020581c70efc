//! Hooks: the only place components reach side effects, and only through
//! what the embed layer (or a test) provides.

mod use_ask;
mod use_first_visible;
mod use_online;
mod use_snooze;
pub use use_ask::{use_ask, AskAudience};
pub use use_first_visible::use_first_visible;
pub use use_online::use_online;
pub use use_snooze::{use_snooze, UseSnooze};

#[cfg(target_arch = "wasm32")]
mod use_article;
#[cfg(target_arch = "wasm32")]
pub use use_article::{use_article, LoadState};
