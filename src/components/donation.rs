//! The donation ask: heading, appeal, ticker, choice cards, CTA, payment
//! methods and "Remind me later".


use yew::prelude::*;

use super::ticker_view;
use crate::context::{ViewContext, WidgetEvent};
use crate::donate::{donate_href, parse_amount, with_query, AmountError, DonateChoice};
use crate::ask;
use crate::hooks::{use_first_visible, AskAudience};
use crate::format;
use crate::i18n::{self, Strings};
use crate::model::{ArticleRef, Donation, FrequencyId, PaymentMethod};

#[derive(Properties, PartialEq)]
pub struct DonationAskProps {
    pub article: ArticleRef,
    #[prop_or_default]
    pub ctx: ViewContext,
    /// The reader chose "Remind me later".
    pub on_remind: Callback<()>,
    /// The ask was shown: it entered the viewport for the first time.
    #[prop_or_default]
    pub on_seen: Callback<()>,
    /// The reader's A/B variant and article count.
    #[prop_or_default]
    pub audience: AskAudience,
}

/// The amount the reader picked: one of the offered amounts, or their own.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Pick {
    Preset(f64),
    Other,
}

/// The reader's current choice: frequency and amount.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Choice {
    frequency: FrequencyId,
    pick: Pick,
}

fn default_choice(donation: &Donation, frequency: Option<FrequencyId>) -> Option<Choice> {
    let f = match frequency {
        Some(id) => donation.frequencies.iter().find(|f| f.id == id)?,
        None => donation.frequencies.first()?,
    };
    let amount = f.default.or_else(|| f.amounts.first().copied())?;
    Some(Choice { frequency: f.id, pick: Pick::Preset(amount) })
}

fn frequency_label(id: FrequencyId, s: &Strings) -> &'static str {
    match id {
        FrequencyId::OneOff => s.one_off,
        FrequencyId::Monthly => s.monthly,
        FrequencyId::Annual => s.annual,
    }
}

fn amount_message(error: AmountError, s: &Strings) -> &'static str {
    match error {
        AmountError::Empty => s.amount_empty,
        AmountError::NotANumber => s.amount_invalid,
        AmountError::NotPositive => s.amount_not_positive,
        AmountError::TooLarge => s.amount_too_large,
    }
}

#[function_component]
pub fn DonationAsk(props: &DonationAskProps) -> Html {
    let ctx = &props.ctx;
    let strings = ctx.lang.strings();
    let choice = {
        let article = props.article.clone();
        use_state(move || article.donation.as_ref().and_then(|d| default_choice(d, None)))
    };
    let other_text = use_state(String::new);
    let section = use_node_ref();
    use_first_visible(section.clone(), props.on_seen.clone());
    let Some(donation) = props.article.donation.as_ref() else { return Html::default() };
    let variant = props.audience.variant_of(donation);
    let variant_id = variant.map(|v| v.id.clone());
    let lang = ctx.lang;
    let copy = ask::copy(donation, variant, props.audience.count, |n| format::number(n as f64, lang));
    let frequency_name = ctx.id("frequency");
    let amount_name = ctx.id("amount");
    let other_id = ctx.id("other");
    let other_error_id = ctx.id("other-error");
    let heading_id = ctx.id("ask-heading");

    // The amount the CTA carries, or why there is none yet.
    let amount: Option<Result<f64, AmountError>> = choice.map(|c| match c.pick {
        Pick::Preset(a) => Ok(a),
        Pick::Other => parse_amount(&other_text),
    });

    let frequency_group = (donation.frequencies.len() > 1).then(|| {
        let radios = donation.frequencies.iter().map(|f| {
            let checked = choice.is_some_and(|c| c.frequency == f.id);
            let onchange = {
                let choice = choice.clone();
                let article = props.article.clone();
                let id = f.id;
                Callback::from(move |_: Event| {
                    choice.set(article.donation.as_ref().and_then(|d| default_choice(d, Some(id))));
                })
            };
            html! {
                <label class="card">
                    <input type="radio" name={frequency_name.clone()} value={f.id.as_str()} {checked} {onchange} />
                    <span>{ frequency_label(f.id, strings) }</span>
                </label>
            }
        });
        html! {
            <fieldset class="choices frequencies">
                <legend>{ strings.frequency_legend }</legend>
                { for radios }
            </fieldset>
        }
    });

    let amount_group = choice.and_then(|c| donation.frequencies.iter().find(|f| f.id == c.frequency)).map(|f| {
        let radios = f.amounts.iter().map(|&value| {
            let checked = choice.is_some_and(|c| c.pick == Pick::Preset(value));
            let onchange = {
                let choice = choice.clone();
                let frequency = f.id;
                Callback::from(move |_: Event| choice.set(Some(Choice { frequency, pick: Pick::Preset(value) })))
            };
            html! {
                <label class="card">
                    <input type="radio" name={amount_name.clone()} value={format::plain(value)} {checked} {onchange} />
                    <span>{ format::money(value, &donation.currency, ctx.lang) }</span>
                </label>
            }
        });
        let other_checked = choice.is_some_and(|c| c.pick == Pick::Other);
        let on_other = {
            let choice = choice.clone();
            let frequency = f.id;
            Callback::from(move |_: Event| choice.set(Some(Choice { frequency, pick: Pick::Other })))
        };
        let on_input = {
            let other_text = other_text.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                    other_text.set(input.value());
                }
            })
        };
        let error = match amount {
            Some(Err(e)) if other_checked && !other_text.is_empty() => Some(amount_message(e, strings)),
            _ => None,
        };
        html! {
            <fieldset class="choices amounts">
                <legend>{ strings.amount_legend }</legend>
                { for radios }
                <label class="card">
                    <input type="radio" name={amount_name.clone()} value="other" checked={other_checked} onchange={on_other} />
                    <span>{ strings.other_amount }</span>
                </label>
                if other_checked {
                    <div class="other-amount">
                        <label for={other_id.clone()}>{ i18n::fill(strings.amount_label, &[("currency", &donation.currency)]) }</label>
                        <input id={other_id.clone()} type="text" inputmode="decimal" autocomplete="off"
                            value={(*other_text).clone()} oninput={on_input}
                            aria-invalid={error.is_some().to_string()}
                            aria-describedby={error.map(|_| other_error_id.clone())} />
                        if let Some(message) = error {
                            <p id={other_error_id.clone()} class="field-error" role="alert">{ message }</p>
                        }
                    </div>
                }
            </fieldset>
        }
    });

    let cta = copy.cta.as_ref().map(|cta| {
        let label = cta.label.clone().unwrap_or_else(|| strings.support_us.to_owned());
        let (Some(c), Some(Ok(value))) = (*choice, amount) else {
            if choice.is_some() {
                // "Other" with no valid amount yet: nothing to follow.
                return html! { <a class="cta" part="cta" role="link" aria-disabled="true">{ label }</a> };
            }
            let href = with_query(&cta.url, &[("utm_medium", "article-embed")]);
            return html! { <a class="cta" part="cta" href={href} target="_blank" rel="noopener noreferrer">{ label }</a> };
        };
        let href = donate_href(
            &cta.url,
            &DonateChoice {
                amount: value,
                frequency: c.frequency,
                currency: &donation.currency,
                partner_host: ctx.partner_host.as_deref(),
                campaign: props.article.id.as_deref(),
                variant: variant_id.as_deref(),
            },
        );
        let onclick = {
            let on_event = ctx.on_event.clone();
            let href = href.clone();
            let currency = donation.currency.clone();
            let variant = variant_id.clone();
            Callback::from(move |_: MouseEvent| {
                on_event.emit(WidgetEvent::Donate {
                    amount: value,
                    currency: currency.clone(),
                    frequency: c.frequency,
                    href: href.clone(),
                    variant: variant.clone(),
                })
            })
        };
        html! {
            <a class="cta" part="cta" href={href} target="_blank" rel="noopener noreferrer" {onclick}>{ label }</a>
        }
    });

    let remind = donation.remind_later.as_ref().map(|r| {
        let onclick = props.on_remind.reform(|_: MouseEvent| ());
        html! {
            <p class="remind">
                if let Some(prompt) = &r.prompt { <span>{ prompt.clone() }</span>{ " " } }
                <button type="button" class="remind-later" {onclick}>
                    { r.label.clone().unwrap_or_else(|| strings.remind_later.to_owned()) }
                </button>
            </p>
        }
    });

    html! {
        <section class="ask" part="donation" aria-labelledby={heading_id.clone()} ref={section}>
            <h2 id={heading_id}>
                { copy.heading.clone().unwrap_or_else(|| strings.donation_region.to_owned()) }
            </h2>
            { for copy.paragraphs.iter().map(|p| html! { <p>{ p.clone() }</p> }) }
            if let Some(highlight) = &copy.highlight {
                <p class="highlight"><span>{ highlight.clone() }</span></p>
            }
            if let Some(ticker) = &donation.ticker {
                { ticker_view(ticker, &donation.currency, ctx.lang) }
            }
            { for frequency_group }
            { for amount_group }
            { for cta }
            if !donation.payment_methods.is_empty() {
                <ul class="payment-methods" aria-label={strings.payment_methods}>
                    { for donation.payment_methods.iter().map(|m| html! { <li>{ badge(*m) }</li> }) }
                </ul>
            }
            { for remind }
        </section>
    }
}

/// A small payment-method badge drawn for this project.
fn badge(method: PaymentMethod) -> Html {
    let (bg, fg, text) = match method {
        PaymentMethod::Visa => ("#1a1f71", "#ffffff", "VISA"),
        PaymentMethod::Mastercard => ("#252525", "#ffffff", ""),
        PaymentMethod::Amex => ("#1f72cd", "#ffffff", "AMEX"),
        PaymentMethod::Paypal => ("#ffffff", "#003087", "PayPal"),
        PaymentMethod::ApplePay => ("#000000", "#ffffff", "Pay"),
        PaymentMethod::GooglePay => ("#ffffff", "#3c4043", "G Pay"),
        PaymentMethod::Card => ("#e8eaed", "#3c4043", "CARD"),
    };
    let extra = match method {
        PaymentMethod::Mastercard => html! {
            <>
                <circle cx="20" cy="15" r="8" fill="#eb001b" />
                <circle cx="28" cy="15" r="8" fill="#f79e1b" fill-opacity="0.9" />
            </>
        },
        PaymentMethod::ApplePay => html! {
            <path d="M13 10.5c.6-.8 1-1.8.9-2.8-.9 0-2 .6-2.6 1.4-.6.7-1 1.7-.9 2.7 1 .1 2-.5 2.6-1.3zm.9 1.4c-1.4-.1-2.6.8-3.3.8-.7 0-1.7-.8-2.8-.7-1.5 0-2.8.8-3.5 2.1-1.5 2.6-.4 6.4 1.1 8.5.7 1 1.5 2.1 2.6 2.1 1 0 1.4-.7 2.7-.7 1.2 0 1.6.7 2.7.7 1.1 0 1.8-1 2.5-2.1.8-1.2 1.1-2.3 1.1-2.4 0 0-2.2-.8-2.2-3.3 0-2.1 1.7-3 1.8-3.1-1-1.4-2.5-1.6-2.7-1.7z" fill={fg} />
        },
        _ => Html::default(),
    };
    let x = if method == PaymentMethod::ApplePay { "31" } else { "24" };
    html! {
        <svg class="badge" viewBox="0 0 48 30" width="48" height="30" role="img" aria-label={method.name()}>
            <rect x="0.5" y="0.5" width="47" height="29" rx="4" fill={bg} stroke="#c4c7cc" />
            { extra }
            if !text.is_empty() {
                <text x={x} y="19.5" text-anchor="middle" font-family="Arial, Helvetica, sans-serif"
                    font-size="10" font-weight="700" fill={fg}>{ text }</text>
            }
        </svg>
    }
}
