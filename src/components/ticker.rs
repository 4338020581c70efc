//! The fundraising ticker: raised of goal as a real progress bar.

use yew::prelude::*;

use crate::format;
use crate::i18n::{self, Lang};
use crate::model::Ticker;

/// The ticker of a campaign in `currency` (a function, not a component: see
/// [`notices`](super::notices)).
pub fn ticker_view(t: &Ticker, currency: &str, lang: Lang) -> Html {
    let raised = format::money(t.raised, currency, lang);
    let goal = format::money(t.goal, currency, lang);
    let summary = i18n::fill(lang.strings().raised_of_goal, &[("raised", &raised), ("goal", &goal)]);
    let reached = t.raised >= t.goal;
    let now = t.raised.min(t.goal);
    html! {
        <div class="ticker">
            if let Some(label) = &t.label { <p class="ticker-label">{ label.clone() }</p> }
            // The bar is drawn by a <progress> element so no inline style is
            // needed (strict CSP); the ARIA progressbar carries the values.
            <div class="ticker-bar" role="progressbar"
                aria-valuemin="0"
                aria-valuemax={format::plain(t.goal)}
                aria-valuenow={format::plain(now)}
                aria-valuetext={summary.clone()}
                aria-label={summary.clone()}>
                <progress aria-hidden="true" max={format::plain(t.goal)} value={format::plain(now)}></progress>
            </div>
            <p class="ticker-amounts">
                if reached {
                    <strong>{ lang.strings().goal_reached }</strong>{ " " }
                }
                { summary }
            </p>
        </div>
    }
}
