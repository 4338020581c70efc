//! The embed layer: everything that touches the host page. It reads an
//! element's options, attaches the shadow root, adopts the shared stylesheet,
//! mounts the Yew tree, and turns widget events into DOM events. It never
//! renders markup itself.

mod component;
mod embed;
mod page;
mod services;
mod style;
mod widget;

pub use component::{ArticleEmbed, ArticleEmbedProps};
pub use embed::{mount, Embed};
pub use widget::{Widget, WidgetProps};
