//! The error state: a reader-facing message, a retry button, and the
//! site owner's fallback link (the original blockquote, slotted in).

use yew::prelude::*;

use super::use_view_context;
use crate::error::{ErrorKind, LoadError};

#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    pub error: LoadError,
    pub on_retry: Callback<()>,
}

#[function_component]
pub fn ErrorView(props: &ErrorViewProps) -> Html {
    let strings = use_view_context().lang.strings();
    let message = match props.error.kind() {
        ErrorKind::Network => strings.error_network,
        ErrorKind::Timeout => strings.error_timeout,
        ErrorKind::Http => strings.error_http,
        ErrorKind::Json | ErrorKind::Schema | ErrorKind::Version => strings.error_content,
    };
    let onclick = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="error" role="alert" data-kind={props.error.kind().as_str()}>
            <p class="error-message">{ message }</p>
            <div class="fallback"><slot></slot></div>
            <button type="button" class="retry" {onclick}>{ strings.retry }</button>
        </div>
    }
}
