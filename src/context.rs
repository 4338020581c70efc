//! What the views share: the [`ViewContext`] every component, view function
//! and hook reads (language, services, event sink, id prefix), and the
//! [`WidgetEvent`]s the widget reports to its host. Neither the components
//! nor the hooks own it, so they do not import each other for it. It is
//! handed down as a prop and an argument, not through a Yew context: the
//! provider component and its lookups cost Wasm bytes (size log row 22).

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
    Donate { amount: f64, currency: String, frequency: FrequencyId, href: String, variant: Option<String> },
    /// `until` is an ISO 8601 date.
    RemindLater { until: String },
    Link { href: String, kind: LinkKind },
    /// The reader opened the rest of an `excerpt`.
    Expand,
    /// The ask was shown (at least half in view), once per embed per page view.
    Impression { variant: Option<String> },
    /// The reader closed the donation banner; `until` is an ISO 8601 date.
    Dismiss { until: String },
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
    /// A click handler that tells the host the reader followed `href`.
    pub fn link_reporter(&self, href: &str, kind: LinkKind) -> Callback<MouseEvent> {
        let on_event = self.on_event.clone();
        let href = href.to_owned();
        Callback::from(move |_: MouseEvent| on_event.emit(WidgetEvent::Link { href: href.clone(), kind }))
    }

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

/// One public `article-embed:*` DOM event: a row of the contract's events
/// table (CONTRACT.md section 2, README's and docs/embedding.md's "Events").
/// `dist/article-embed.d.ts` is generated from [`EVENTS`] by `tests/types.rs`,
/// which also keeps the names the embed layer and the loader dispatch in it.
#[derive(Clone, Copy, Debug)]
pub struct EventSpec {
    /// The event's type: `article-embed:` and its name.
    pub name: &'static str,
    /// The name of its `detail` type in the declarations (`RenderedDetail`).
    pub detail: &'static str,
    /// The `detail`'s fields as TypeScript: a name (with `?` when the field
    /// may be absent) and its type.
    pub fields: &'static [(&'static str, &'static str)],
    /// When it fires, for the declarations' doc comments.
    pub doc: &'static str,
}

/// The contract's events table: every event the widget (through
/// `web::embed::dispatch`) or the loader (`www/embed.js`, which fires
/// `article-embed:error` with kind `network` when the bundle cannot load)
/// dispatches on an embed's element, `bubbles: true, composed: true`.
///
/// Not in it: `article-embed:scan`, which is internal. A second copy of
/// `embed.js` dispatches it on `document` to ask the first copy to look for
/// new placeholders; it has no `detail` and is no part of the public API.
pub const EVENTS: &[EventSpec] = &[
    EventSpec {
        name: "article-embed:rendered",
        detail: "RenderedDetail",
        fields: &[("src", "string"), ("id", "string | null")],
        doc: "The article has rendered. `id` is the article's `id`, or `null`.",
    },
    EventSpec {
        name: "article-embed:error",
        detail: "ErrorDetail",
        fields: &[
            ("src", "string"),
            ("kind", "\"network\" | \"timeout\" | \"http\" | \"json\" | \"schema\" | \"version\""),
            ("status?", "number"),
            ("message", "string"),
        ],
        doc: "The article could not be shown; the fallback stays visible. `status` is the HTTP status for kind `http`.",
    },
    EventSpec {
        name: "article-embed:donate",
        detail: "DonateDetail",
        fields: &[
            ("src", "string"),
            ("amount", "number"),
            ("currency", "string"),
            ("frequency", "\"one-off\" | \"monthly\" | \"annual\""),
            ("href", "string"),
            ("variant", "string | null"),
        ],
        doc: "The reader clicked the donate button. `variant` is the A/B variant id, or `null`.",
    },
    EventSpec {
        name: "article-embed:remind-later",
        detail: "RemindLaterDetail",
        fields: &[("src", "string"), ("until", "string")],
        doc: "The reader chose \"Remind me later\". `until` is an ISO 8601 date.",
    },
    EventSpec {
        name: "article-embed:link",
        detail: "LinkDetail",
        fields: &[("src", "string"), ("href", "string"), ("kind", "\"related\" | \"canonical\"")],
        doc: "The reader followed a related link or the link to the article.",
    },
    EventSpec {
        name: "article-embed:impression",
        detail: "ImpressionDetail",
        fields: &[("src", "string"), ("variant", "string | null")],
        doc: "The ask was shown (at least half of it in view), once per embed per page view.",
    },
    EventSpec {
        name: "article-embed:dismiss",
        detail: "DismissDetail",
        fields: &[("src", "string"), ("until", "string")],
        doc: "The reader closed the donation banner. `until` is an ISO 8601 date.",
    },
    EventSpec {
        name: "article-embed:expand",
        detail: "ExpandDetail",
        fields: &[("src", "string")],
        doc: "The reader opened the rest of an `excerpt`.",
    },
];
