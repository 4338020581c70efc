//! The loading state: grey bars shaped like an article, sized so the page
//! does not jump when the article arrives.

use yew::prelude::*;

use crate::i18n::Lang;

/// The skeleton; `card` is the `card` layout's smaller shape. Keyed, so the
/// error state or the article that follows it replaces it rather than
/// patching its elements.
pub fn skeleton(card: bool, lang: Lang) -> Html {
    let bars = html! {
        <>
            <span class="visually-hidden">{ lang.strings().loading }</span>
            <div class="bar bar-title" aria-hidden="true"></div>
            <div class="bar bar-title short" aria-hidden="true"></div>
            <div class="bar bar-meta" aria-hidden="true"></div>
            <div class="bar" aria-hidden="true"></div>
            <div class="bar" aria-hidden="true"></div>
            <div class="bar" aria-hidden="true"></div>
            <div class="bar short" aria-hidden="true"></div>
        </>
    };
    // Literal classes (see `block::figure`).
    if card {
        html! { <div key="skeleton" class="skeleton skeleton-card" role="status" aria-busy="true">{ bars }</div> }
    } else {
        html! { <div key="skeleton" class="skeleton" role="status" aria-busy="true">{ bars }</div> }
    }
}
