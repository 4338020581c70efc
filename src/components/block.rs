//! One body block: paragraph, heading, quote, list or image.
//!
//! A render function rather than a component: an article has up to 5,000
//! blocks, and rendering them straight from the shared article (no props to
//! clone, no component state) keeps long articles fast.

use yew::prelude::*;
use yew::virtual_dom::{VTag, VText};

use super::inline::{inlines, run};
use crate::model::{Block, Image};

/// Renders `block`; `dateline` is shown before a paragraph's text, as print
/// datelines are.
pub fn block_view(block: &Block, dateline: Option<&str>) -> Html {
    match block {
        Block::Paragraph(runs) => {
            // Built by hand: the runs are the paragraph's own children, not
            // lists nested inside its child list for the renderer to walk.
            let mut p = VTag::new("p");
            if let Some(dateline) = dateline {
                p.add_child(html! { <span class="dateline">{ dateline.to_owned() }</span> });
                p.add_child(VText::new(" — ").into());
            }
            p.add_children(runs.iter().map(run));
            p.into()
        }
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
        Block::Image(image) => figure(image, false),
    }
}

/// An image with its caption and credit; `lead` is the article's lead
/// image (class `lead`), else a body figure (class `figure`). The class is
/// a literal in each branch: a computed `class={…}` goes through Yew's
/// `Classes`, which costs Wasm bytes (size log row 24).
pub fn figure(image: &Image, lead: bool) -> Html {
    let has_caption = image.caption.is_some() || image.credit.is_some();
    let content = html! {
        <>
            <img
                src={image.src.clone()}
                alt={image.alt.clone()}
                width={image.width.map(crate::text::int)}
                height={image.height.map(crate::text::int)}
                loading="lazy"
                decoding="async"
            />
            if has_caption {
                <figcaption>
                    if let Some(caption) = &image.caption { <span class="caption">{ caption.clone() }</span> }
                    if let Some(credit) = &image.credit { <span class="credit">{ credit.clone() }</span> }
                </figcaption>
            }
        </>
    };
    if lead {
        html! { <figure class="lead">{ content }</figure> }
    } else {
        html! { <figure class="figure">{ content }</figure> }
    }
}
