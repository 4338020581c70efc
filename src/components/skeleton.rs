//! The loading state: grey bars shaped like an article, sized so the page
//! does not jump when the article arrives.

use yew::prelude::*;

use crate::context::use_view_context;

#[derive(Properties, PartialEq)]
pub struct SkeletonProps {
    /// The `card` layout's smaller shape.
    #[prop_or_default]
    pub card: bool,
}

#[function_component]
pub fn Skeleton(props: &SkeletonProps) -> Html {
    let ctx = use_view_context();
    html! {
        <div class={if props.card { "skeleton skeleton-card" } else { "skeleton" }} role="status" aria-busy="true">
            <span class="visually-hidden">{ ctx.lang.strings().loading }</span>
            <div class="bar bar-title" aria-hidden="true"></div>
            <div class="bar bar-title short" aria-hidden="true"></div>
            <div class="bar bar-meta" aria-hidden="true"></div>
            <div class="bar" aria-hidden="true"></div>
            <div class="bar" aria-hidden="true"></div>
            <div class="bar" aria-hidden="true"></div>
            <div class="bar short" aria-hidden="true"></div>
        </div>
    }
}
