//! The Yew components that render an article. They only render what they are
//! given: no fetching, no page scanning, no storage except through the
//! [`Services`](crate::snooze::Services) in the [`ViewContext`].

mod article_view;
mod banner;
mod block;
mod donation;
mod error_view;
mod inline;
mod notices;
mod related;
mod skeleton;
mod ticker;

pub use article_view::{ArticleView, ArticleViewProps};
pub use banner::DonationBanner;
pub use block::block_view;
pub use donation::DonationAsk;
pub use error_view::ErrorView;
pub use notices::Notices;
pub use related::RelatedList;
pub use skeleton::Skeleton;
pub use ticker::TickerView;

use yew::prelude::*;

use crate::error::LoadError;
use crate::i18n::Lang;
use crate::snooze::Services;

/// Which link the reader followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    Related,
    Canonical,
}

impl LinkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Related => "related",
            LinkKind::Canonical => "canonical",
        }
    }
}

/// What the widget tells its host. The embed layer turns these into the
/// contract's `article-embed:*` DOM events (adding `src`).
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    Rendered { id: Option<String> },
    Error(LoadError),
    Donate { amount: f64, currency: String, frequency: &'static str, href: String },
    /// `until` is an ISO 8601 date.
    RemindLater { until: String },
    Link { href: String, kind: LinkKind },
}

/// What every component may read: language, services and the event sink.
#[derive(Clone, Default, PartialEq)]
pub struct ViewContext {
    pub lang: Lang,
    /// Clock and storage; `None` when rendering on a server.
    pub services: Option<Services>,
    pub on_event: Callback<WidgetEvent>,
    /// The partner page's host, for `utm_source`.
    pub partner_host: Option<AttrValue>,
}

/// The context, or a default one (English, no services) when none is given.
#[hook]
pub fn use_view_context() -> ViewContext {
    use_context::<ViewContext>().unwrap_or_default()
}
