//! The widget's root element: the theme, and the UI language with its
//! writing direction, for every render path (the browser's and the server's).

use yew::prelude::*;

use crate::i18n::Lang;

/// The root element around `content`: `theme` is `light`, `dark` or `auto`,
/// none on the server (the host page styles a server-rendered fallback);
/// `layout` is `full`, `excerpt` or `card`, for the stylesheet. A function,
/// not a component (see [`notices`](super::notices)).
pub fn root(lang: Lang, theme: Option<&'static str>, layout: Option<&'static str>, content: Html) -> Html {
    html! {
        <div class="ae" part="root" data-theme={theme} data-layout={layout} lang={lang.code()} dir={lang.dir()}>
            { content }
        </div>
    }
}
