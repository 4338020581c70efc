//! The widget's root element: the theme, and the UI language with its
//! writing direction, for every render path (the browser's and the server's).

use yew::prelude::*;

use crate::context::use_view_context;

#[derive(Properties, PartialEq)]
pub struct RootProps {
    /// `light`, `dark` or `auto`; none on the server (the host page styles
    /// a server-rendered fallback).
    #[prop_or_default]
    pub theme: Option<&'static str>,
    /// `full`, `excerpt` or `card`, for the stylesheet.
    #[prop_or_default]
    pub layout: Option<&'static str>,
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn Root(props: &RootProps) -> Html {
    let lang = use_view_context().lang;
    html! {
        <div class="ae" part="root" data-theme={props.theme} data-layout={props.layout} lang={lang.code()} dir={lang.dir()}>
            { props.children.clone() }
        </div>
    }
}
