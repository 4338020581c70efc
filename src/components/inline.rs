//! Inline runs: text with strong/em marks and links.

use yew::prelude::*;
use yew::virtual_dom::VText;

use crate::model::Inline;

/// Renders runs of inline text. Text is always text: Yew escapes it.
pub fn inlines(runs: &[Inline]) -> Html {
    runs.iter().map(run).collect()
}

/// One run. Text goes straight into a text node (one copy, no formatting):
/// an article has up to 5,000 blocks of these.
pub fn run(r: &Inline) -> Html {
    let mut node: Html = VText::new(r.text.as_str()).into();
    if r.em {
        node = html! { <em>{ node }</em> };
    }
    if r.strong {
        node = html! { <strong>{ node }</strong> };
    }
    match &r.href {
        Some(href) if href.starts_with("mailto:") => html! { <a href={AttrValue::from(href.as_str())}>{ node }</a> },
        Some(href) => html! {
            <a href={AttrValue::from(href.as_str())} target="_blank" rel="noopener noreferrer">{ node }</a>
        },
        None => node,
    }
}
