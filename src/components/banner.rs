//! The slim donation banner above the article ("Enjoying ad-free content?").


use yew::prelude::*;

use crate::context::use_view_context;
use crate::model::ArticleRef;

#[derive(Properties, PartialEq)]
pub struct DonationBannerProps {
    pub article: ArticleRef,
    /// The reader dismissed the banner.
    pub on_dismiss: Callback<()>,
}

#[function_component]
pub fn DonationBanner(props: &DonationBannerProps) -> Html {
    let strings = use_view_context().lang.strings();
    let Some(donation) = props.article.donation.as_ref() else { return Html::default() };
    let Some(banner) = donation.banner.as_ref() else { return Html::default() };
    let cta = donation.cta.as_ref().map(|cta| {
        let label = banner.cta.clone().or_else(|| cta.label.clone()).unwrap_or_else(|| strings.support_us.to_owned());
        html! { <a class="banner-cta" href={cta.url.clone()} target="_blank" rel="noopener noreferrer">{ label }</a> }
    });
    let onclick = props.on_dismiss.reform(|_: MouseEvent| ());
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
