//! Publisher notices shown above the body ("Our journalism is banned in …").

use yew::prelude::*;

use crate::model::{Notice, NoticeKind};

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
}

#[function_component]
pub fn Notices(props: &NoticesProps) -> Html {
    let items = props.notices.iter().map(|n| {
        let class = match n.kind {
            NoticeKind::Info => "notice",
            NoticeKind::Warning => "notice warning",
        };
        html! { <p class={class} role="note">{ n.text.clone() }</p> }
    });
    html! { { for items } }
}
