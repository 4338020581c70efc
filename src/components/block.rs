//! One body block: paragraph, heading, quote, list or image.

use yew::prelude::*;

use super::inline::inlines;
use crate::model::{Block, Image};

#[derive(Properties, PartialEq)]
pub struct BlockViewProps {
    pub block: Block,
    /// Shown before the first paragraph's text, as print datelines are.
    #[prop_or_default]
    pub dateline: Option<AttrValue>,
}

#[function_component]
pub fn BlockView(props: &BlockViewProps) -> Html {
    match &props.block {
        Block::Paragraph(runs) => html! {
            <p>
                if let Some(dateline) = &props.dateline {
                    <span class="dateline">{ dateline.clone() }</span>{ " — " }
                }
                { inlines(runs) }
            </p>
        },
        Block::Heading { level, content } => {
            let tag = match level {
                3 => "h3",
                4 => "h4",
                _ => "h2",
            };
            html! { <@{tag} class="subhead">{ inlines(content) }</@> }
        }
        Block::Quote { content, cite } => html! {
            <figure class="quote">
                <blockquote><p>{ inlines(content) }</p></blockquote>
                if let Some(cite) = cite {
                    <figcaption><cite>{ cite.clone() }</cite></figcaption>
                }
            </figure>
        },
        Block::List { ordered, items } => {
            let items = items.iter().map(|item| html! { <li>{ inlines(item) }</li> });
            if *ordered {
                html! { <ol>{ for items }</ol> }
            } else {
                html! { <ul>{ for items }</ul> }
            }
        }
        Block::Image(image) => figure(image, "figure"),
    }
}

/// An image with its caption and credit.
pub fn figure(image: &Image, class: &'static str) -> Html {
    let has_caption = image.caption.is_some() || image.credit.is_some();
    html! {
        <figure class={class}>
            <img
                src={image.src.clone()}
                alt={image.alt.clone()}
                width={image.width.map(|w| w.to_string())}
                height={image.height.map(|h| h.to_string())}
                loading="lazy"
                decoding="async"
            />
            if has_caption {
                <figcaption>
                    if let Some(caption) = &image.caption { <span class="caption">{ caption.clone() }</span> }
                    if let Some(credit) = &image.credit { <span class="credit">{ credit.clone() }</span> }
                </figcaption>
            }
        </figure>
    }
}
