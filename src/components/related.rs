//! "Read more": the related articles.

use yew::prelude::*;

use crate::context::{LinkKind, ViewContext};
use crate::format;
use crate::model::Related;

/// At most `max` related links (a function, not a component: see
/// [`notices`](super::notices)).
pub fn related_list(related: &[Related], max: u32, ctx: &ViewContext) -> Html {
    let items = related.iter().take(max as usize).map(|r| {
        let date = r.date_published.as_ref().map(|t| {
            html! { <time datetime={t.raw.clone()}>{ format::date(t.date, ctx.lang) }</time> }
        });
        let thumb = r.image.as_ref().map(|src| {
            html! { <img class="thumb" src={src.clone()} alt="" width="96" height="64" loading="lazy" decoding="async" /> }
        });
        let title = match &r.url {
            Some(url) => {
                let onclick = ctx.link_reporter(url, LinkKind::Related);
                html! { <a href={url.clone()} target="_blank" rel="noopener noreferrer" {onclick}>{ r.headline.clone() }</a> }
            }
            None => html! { { r.headline.clone() } },
        };
        html! { <li>{ for thumb }<span class="related-text">{ title }{ for date }</span></li> }
    });
    let heading_id = ctx.id("related");
    html! {
        <nav class="related" part="related" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>{ ctx.lang.strings().read_more }</h2>
            <ul>{ for items }</ul>
        </nav>
    }
}
