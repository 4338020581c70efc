//! Publisher notices shown above the body ("Our journalism is banned in …").

use yew::prelude::*;

use crate::model::{Notice, NoticeKind};

/// The notices, in order. A function rather than a component: it has no
/// state, and each Yew component costs about 1 kB of Wasm (size log row 22).
pub fn notices(notices: &[Notice]) -> Html {
    // Literal classes (see `block::figure`).
    let items = notices.iter().map(|n| match n.kind {
        NoticeKind::Info => html! { <p class="notice" role="note">{ n.text.clone() }</p> },
        NoticeKind::Warning => html! { <p class="notice warning" role="note">{ n.text.clone() }</p> },
    });
    html! { { for items } }
}
