//! The error state: a reader-facing message, a retry button, and the
//! site owner's fallback link (the original blockquote, slotted in).

use yew::prelude::*;

use crate::error::{ErrorKind, LoadError};
use crate::i18n::Lang;
use crate::url_policy::{host_of, origin_of};

/// What the error view shows.
pub struct ErrorViewProps<'a> {
    pub error: &'a LoadError,
    pub on_retry: &'a Callback<()>,
    /// The browser is offline: say so (the widget retries when it is back).
    pub offline: bool,
    /// The article JSON's URL: its site is the last-resort fallback link when
    /// the page gave none.
    pub src: Option<&'a str>,
}

/// The error state (a function, not a component: see
/// [`notices`](super::notices)). Keyed, like the skeleton.
pub fn error_view(props: ErrorViewProps<'_>, lang: Lang) -> Html {
    let strings = lang.strings();
    let message = match props.error.kind() {
        ErrorKind::Network | ErrorKind::Timeout if props.offline => strings.error_offline,
        ErrorKind::Network => strings.error_network,
        ErrorKind::Timeout => strings.error_timeout,
        ErrorKind::Http => strings.error_http,
        ErrorKind::Json | ErrorKind::Schema | ErrorKind::Version => strings.error_content,
    };
    let onclick = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div key="error" class="error" role="alert" data-kind={props.error.kind().as_str()}>
            <p class="error-message">{ message }</p>
            // The site owner's fallback (their blockquote and link) is slotted
            // in; without one, a link to the publisher's site stands in.
            <div class="fallback">
                <slot>
                    if let Some(origin) = props.src.and_then(origin_of) {
                        <a href={origin.to_owned()} target="_blank" rel="noopener noreferrer">
                            { super::article_view::read_on(strings.read_on, host_of(origin).unwrap_or(origin).to_owned()) }
                        </a>
                    }
                </slot>
            </div>
            <button type="button" class="retry" {onclick}>{ strings.retry }</button>
        </div>
    }
}
