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

use yew::prelude::*;

use super::{page, services, Widget};
use crate::components::WidgetEvent;
use crate::config::Config;

#[derive(Properties, PartialEq, Clone)]
pub struct ArticleEmbedProps {
    /// The article JSON URL, absolute or relative to the page.
    pub src: AttrValue,
    /// The other options, named and valued as the embed's attributes
    /// (`theme`, `lang`, `donate`, `related`, `dnt`, `timeout`).
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
    pub timeout: Option<AttrValue>,
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
}

#[function_component]
pub fn ArticleEmbed(props: &ArticleEmbedProps) -> Html {
    let (config, _warnings) = Config::from_attrs(|name| {
        let value = match name {
            "src" => Some(&props.src),
            "theme" => props.theme.as_ref(),
            "lang" => props.lang.as_ref(),
            "donate" => props.donate.as_ref(),
            "related" => props.related.as_ref(),
            "dnt" => props.dnt.as_ref(),
            "timeout" => props.timeout.as_ref(),
            _ => None,
        };
        value.map(|v| v.to_string())
    });
    let document = web_sys::window().and_then(|w| w.document());
    let src = page::resolve(&props.src, document.as_ref());
    html! {
        <Widget
            src={AttrValue::from(src)}
            services={services::services(config.dnt)}
            {config}
            on_event={props.on_event.clone()}
            partner_host={page::partner_host()}
        />
    }
}
