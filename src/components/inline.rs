//! Inline runs: text with strong/em marks and links.

use yew::prelude::*;

use crate::model::Inline;

/// Renders runs of inline text. Text is always text: Yew escapes it.
pub fn inlines(runs: &[Inline]) -> Html {
    html! { { for runs.iter().map(run) } }
}

fn run(r: &Inline) -> Html {
    let mut node = html! { { r.text.clone() } };
    if r.em {
        node = html! { <em>{ node }</em> };
    }
    if r.strong {
        node = html! { <strong>{ node }</strong> };
    }
    match &r.href {
        Some(href) if href.starts_with("mailto:") => html! { <a href={href.clone()}>{ node }</a> },
        Some(href) => html! {
            <a href={href.clone()} target="_blank" rel="noopener noreferrer">{ node }</a>
        },
        None => node,
    }
}
