//! The slim donation banner above the article ("Enjoying ad-free content?").


use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::Donation;

/// The banner of `donation`, if it has one; `on_dismiss` when the reader
/// closes it (a function, not a component: see [`notices`](super::notices)).
pub fn donation_banner(donation: &Donation, on_dismiss: &Callback<()>, lang: Lang) -> Html {
    let strings = lang.strings();
    let Some(banner) = donation.banner.as_ref() else { return Html::default() };
    let cta = donation.cta.as_ref().map(|cta| {
        let label = banner.cta.clone().or_else(|| cta.label.clone()).unwrap_or_else(|| strings.support_us.to_owned());
        html! { <a class="banner-cta" href={cta.url.clone()} target="_blank" rel="noopener noreferrer">{ label }</a> }
    });
    let onclick = on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <aside class="banner" part="banner" aria-label={strings.donation_region}>
            <p>{ banner.text.clone() }</p>
            { for cta }
            <button type="button" class="banner-dismiss" aria-label={strings.dismiss_banner} {onclick}>
                <span aria-hidden="true">{ "×" }</span>
            </button>
        </aside>
    }
}
