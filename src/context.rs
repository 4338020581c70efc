//! What the Yew tree shares: the [`ViewContext`] every component and hook
//! reads (language, services, event sink, id prefix), and the
//! [`WidgetEvent`]s the widget reports to its host. Neither the components
//! nor the hooks own it, so they do not import each other for it.

use yew::prelude::*;

use crate::error::LoadError;
use crate::i18n::Lang;
use crate::model::FrequencyId;
use crate::services::Services;

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
    Donate { amount: f64, currency: String, frequency: FrequencyId, href: String },
    /// `until` is an ISO 8601 date.
    RemindLater { until: String },
    Link { href: String, kind: LinkKind },
}

/// What every component may read: language, services, the event sink and
/// the id namespace.
#[derive(Clone, Default, PartialEq)]
pub struct ViewContext {
    pub lang: Lang,
    /// Clock and storage; `None` when rendering on a server.
    pub services: Option<Services>,
    pub on_event: Callback<WidgetEvent>,
    /// The partner page's host, for `utm_source`.
    pub partner_host: Option<AttrValue>,
    /// Prefixes every `id`, `for`, `aria-*` reference and radio-group `name`
    /// the components write (as ammonia's `id_prefix`), so two widgets in
    /// one document never share one. Empty means [`DEFAULT_ID_PREFIX`],
    /// which is enough inside a shadow root of its own.
    pub id_prefix: AttrValue,
}

/// The id prefix of a widget in a shadow root of its own.
pub const DEFAULT_ID_PREFIX: &str = "ae";

impl ViewContext {
    /// The document-unique form of the component-local id `name`.
    pub fn id(&self, name: &str) -> AttrValue {
        let prefix = if self.id_prefix.is_empty() { DEFAULT_ID_PREFIX } else { self.id_prefix.as_str() };
        let mut id = String::with_capacity(prefix.len() + 1 + name.len());
        id.push_str(prefix);
        id.push('-');
        id.push_str(name);
        AttrValue::from(id)
    }
}

/// The context, or a default one (English, no services) when none is given.
#[hook]
pub fn use_view_context() -> ViewContext {
    use_context::<ViewContext>().unwrap_or_default()
}
