//! `<ArticleEmbed src=… />`: the widget as a Yew component, for Rust apps
//! that render it themselves instead of using the loader.
//!
//! ```ignore
//! use article_embed::ArticleEmbed;
//! use yew::prelude::*;
//!
//! #[function_component]
//! fn Page() -> Html {
//!     html! { <ArticleEmbed src="https://news.example/embed/four-officers.json" theme="dark" /> }
//! }
//! ```
//!
//! It renders in place (no shadow root): the host app includes
//! [`crate::STYLESHEET`] (for example as a constructable stylesheet on its own
//! shadow root, or in its CSS bundle) and receives the widget's events
//! through `on_event`.

use std::cell::Cell;

use yew::prelude::*;

use super::{page, services, Widget};
use crate::context::WidgetEvent;
use crate::config::Config;

#[derive(Properties, PartialEq, Clone)]
pub struct ArticleEmbedProps {
    /// The article JSON URL, absolute or relative to the page.
    pub src: AttrValue,
    /// The other options, named and valued as the embed's attributes
    /// (`theme`, `lang`, `donate`, `related`, `dnt`, `layout`, `timeout`).
    #[prop_or_default]
    pub theme: Option<AttrValue>,
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    #[prop_or_default]
    pub donate: Option<AttrValue>,
    #[prop_or_default]
    pub related: Option<AttrValue>,
    #[prop_or_default]
    pub dnt: Option<AttrValue>,
    #[prop_or_default]
    pub layout: Option<AttrValue>,
    #[prop_or_default]
    pub timeout: Option<AttrValue>,
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
}

impl ArticleEmbedProps {
    /// The prop that carries the embed option `name` (see
    /// [`crate::config::OPTIONS`]; a test checks that every option has one).
    pub fn option(&self, name: &str) -> Option<&AttrValue> {
        match name {
            "src" => Some(&self.src),
            "theme" => self.theme.as_ref(),
            "lang" => self.lang.as_ref(),
            "donate" => self.donate.as_ref(),
            "related" => self.related.as_ref(),
            "dnt" => self.dnt.as_ref(),
            "layout" => self.layout.as_ref(),
            "timeout" => self.timeout.as_ref(),
            _ => None,
        }
    }
}

thread_local! {
    static INSTANCES: Cell<u32> = const { Cell::new(0) };
}

/// A prefix no other `<ArticleEmbed>` in this document has: they render in
/// place, without a shadow root of their own, so their ids must differ.
fn next_id_prefix() -> AttrValue {
    let n = INSTANCES.with(|c| {
        let n = c.get().wrapping_add(1);
        c.set(n);
        n
    });
    AttrValue::from(crate::cat!("article-embed-", n))
}

#[function_component]
pub fn ArticleEmbed(props: &ArticleEmbedProps) -> Html {
    let id_prefix = use_memo((), |()| next_id_prefix());
    let (config, _warnings) = Config::from_attrs(|name| props.option(name).map(|v| v.as_str().to_owned()));
    let document = web_sys::window().and_then(|w| w.document());
    let src = page::resolve(&props.src, document.as_ref());
    html! {
        <Widget
            src={AttrValue::from(src)}
            services={services::services(config.dnt)}
            {config}
            on_event={props.on_event.clone()}
            partner_host={page::partner_host()}
            id_prefix={(*id_prefix).clone()}
        />
    }
}
