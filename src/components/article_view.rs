//! The whole article: banner, header, notices, body with the ask at its
//! placement, canonical link, related links. In the `excerpt` layout, the
//! body stops after its first blocks at a "Continue reading" button that
//! reveals the rest in place.


use web_sys::wasm_bindgen::JsCast;
use yew::prelude::*;

use super::block::figure;
use super::{block_view, donation_banner, notices, related_list, DonationAsk};
use crate::context::{LinkKind, ViewContext, WidgetEvent};
use crate::format;
use crate::i18n;
use crate::hooks::{use_ask, use_snooze};
use crate::model::{Article, ArticleRef, Block, Placement};
use crate::snooze::{self, Target};
use crate::time::CivilDate;
use crate::url_policy::{host_of, origin_of};

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub article: ArticleRef,
    /// Language, services, event sink and id prefix; the default is English
    /// with no services (a server render).
    #[prop_or_default]
    pub ctx: ViewContext,
    /// Show the donation banner and ask (when the article has them).
    #[prop_or(true)]
    pub donate: bool,
    /// At most this many related links; 0 hides them.
    #[prop_or(crate::config::DEFAULT_RELATED)]
    pub related: u32,
    /// The `excerpt` layout: the first [`EXCERPT_BLOCKS`] blocks, then
    /// "Continue reading"; the ask only once the rest is open.
    #[prop_or_default]
    pub excerpt: bool,
}

/// How many body blocks an excerpt shows before "Continue reading".
pub const EXCERPT_BLOCKS: usize = 3;

/// The origin that scopes the donation's stored state: the CTA's, else the
/// article's, else none.
fn donation_origin(article: &Article) -> AttrValue {
    let url = article.donation.as_ref().and_then(|d| d.cta.as_ref()).map(|c| c.url.as_str());
    let origin = url.or(article.url.as_deref()).and_then(origin_of).unwrap_or("");
    AttrValue::from(origin.to_owned())
}

#[function_component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let ctx = &props.ctx;
    let article = &props.article;
    let strings = ctx.lang.strings();
    let origin = donation_origin(article);
    let ask = use_snooze(ctx.services.clone(), origin.clone(), Target::Ask);
    let audience = use_ask(ctx.services.clone(), article.clone(), origin.clone());
    let variant_id = article.donation.as_ref().and_then(|d| audience.variant_of(d)).map(|v| v.id.clone());
    let banner = use_snooze(ctx.services.clone(), origin.clone(), Target::Banner);
    let capped = use_state(|| {
        let (Some(s), Some(cap)) = (ctx.services.as_ref(), article.donation.as_ref().and_then(|d| d.frequency_cap)) else {
            return false;
        };
        snooze::capped(&*s.store, &origin, s.clock.now_ms(), cap.views, cap.days)
    });

    // An excerpt holds its rest (and the ask with it) until the reader opens it.
    let expanded = use_state(|| !props.excerpt);
    let collapsed = props.excerpt && !*expanded;
    let donation = article.donation.as_ref().filter(|_| props.donate);
    let ask_allowed = donation.is_some() && ask.until.is_none() && !*capped && !collapsed;
    let banner_shown = donation.is_some_and(|d| d.banner.is_some()) && ask.until.is_none() && banner.until.is_none();

    // How long "Remind me later" and the banner's dismiss last.
    let days = donation.and_then(|d| d.remind_later.as_ref()).map_or(crate::limits::DEFAULT_REMIND_LATER_DAYS, |r| r.days);
    let on_remind = snooze_reported(ask.snooze.clone(), days, ctx, |until| WidgetEvent::RemindLater { until });
    // A showing of the ask: an impression for the host, and a view towards
    // the frequency cap.
    let on_seen = {
        let services = ctx.services.clone();
        let cap = article.donation.as_ref().and_then(|d| d.frequency_cap);
        let origin = origin.clone();
        let on_event = ctx.on_event.clone();
        let variant = variant_id.clone();
        Callback::from(move |()| {
            on_event.emit(WidgetEvent::Impression { variant: variant.clone() });
            if let (Some(s), Some(cap)) = (services.as_ref(), cap) {
                snooze::record_view(&*s.store, &origin, s.clock.now_ms(), cap.days);
            }
        })
    };
    // After "Remind me later", focus moves to the confirmation that replaced
    // the ask (it is also a live region), so keyboard users are not lost.
    let status_ref = use_node_ref();
    {
        let status_ref = status_ref.clone();
        use_effect_with(ask.just_snoozed, move |snoozed| {
            if *snoozed {
                if let Some(el) = status_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let on_dismiss_banner = snooze_reported(banner.snooze.clone(), days, ctx, |until| WidgetEvent::Dismiss { until });

    let ask_html = if ask_allowed {
        html! { <DonationAsk article={article.clone()} ctx={ctx.clone()} {on_remind} {on_seen} audience={audience.clone()} /> }
    } else if ask.just_snoozed {
        let until = ask.until.map(|u| format::date(CivilDate::from_unix_ms(u), ctx.lang)).unwrap_or_default();
        let days = ctx.lang.count(&strings.days, u64::from(days));
        html! {
            <p class="snoozed" role="status" tabindex="-1" ref={status_ref.clone()}>
                { i18n::fill(strings.snoozed, &[("days", &days), ("date", &until)]) }
            </p>
        }
    } else {
        Html::default()
    };

    // Where the ask goes: after the Nth paragraph, else at the end.
    let after = match donation.map(|d| d.placement) {
        Some(Placement::AfterParagraph(n)) => {
            let mut seen = 0;
            article.body.iter().position(|b| {
                seen += usize::from(matches!(b, Block::Paragraph(_)));
                matches!(b, Block::Paragraph(_)) && seen == n as usize
            })
        }
        _ => None,
    };
    let first_paragraph = article.body.iter().position(|b| matches!(b, Block::Paragraph(_)));
    let dateline = article.dateline.as_deref();
    let block = |(i, block): (usize, &Block)| {
        let dateline = if Some(i) == first_paragraph { dateline } else { None };
        let view = block_view(block, dateline);
        if Some(i) == after {
            html! { <>{ view }{ ask_html.clone() }</> }
        } else {
            view
        }
    };
    let shown = if props.excerpt { EXCERPT_BLOCKS.min(article.body.len()) } else { article.body.len() };
    let blocks = article.body[..shown].iter().enumerate().map(block);
    let has_rest = shown < article.body.len();
    let rest_id = ctx.id("rest");
    let rest_ref = use_node_ref();
    // Opening the rest moves focus to its first block, so keyboard and
    // screen-reader users carry on reading where the button was.
    {
        let rest_ref = rest_ref.clone();
        use_effect_with(*expanded, move |open| {
            if *open {
                if let Some(first) = rest_ref.cast::<web_sys::Element>().and_then(|r| r.first_element_child()) {
                    let _ = first.set_attribute("tabindex", "-1");
                    if let Ok(first) = first.dyn_into::<web_sys::HtmlElement>() {
                        let _ = first.focus();
                    }
                }
            }
        });
    }
    let rest = (props.excerpt && has_rest).then(|| {
        let blocks = (*expanded).then(|| article.body[shown..].iter().enumerate().map(|(i, b)| block((i + shown, b))));
        html! {
            <div id={rest_id.clone()} class="body-rest" hidden={collapsed} ref={rest_ref.clone()}>
                { for blocks.into_iter().flatten() }
            </div>
        }
    });
    let continue_reading = (collapsed && has_rest).then(|| {
        // Rendered on a server (a fallback for readers without WebAssembly):
        // nothing can open the rest in place, so the article's page does.
        if ctx.services.is_none() {
            return match &article.url {
                Some(url) => html! { <p class="continue"><a href={url.clone()}>{ strings.continue_reading }</a></p> },
                None => Html::default(),
            };
        }
        let onclick = {
            let expanded = expanded.clone();
            let on_event = ctx.on_event.clone();
            Callback::from(move |_: MouseEvent| {
                expanded.set(true);
                on_event.emit(WidgetEvent::Expand);
            })
        };
        html! {
            <p class="continue">
                <button type="button" class="continue-reading" aria-expanded="false" aria-controls={rest_id.clone()} {onclick}>
                    { strings.continue_reading }
                </button>
            </p>
        }
    });

    let canonical = article.url.as_ref().map(|url| {
        let name = article
            .publisher
            .as_ref()
            .map(|p| p.name.clone())
            .or_else(|| host_of(url).map(str::to_owned))
            .unwrap_or_default();
        let onclick = ctx.link_reporter(url, LinkKind::Canonical);
        html! {
            <p class="canonical">
                <a href={url.clone()} target="_blank" rel="noopener noreferrer" {onclick}>
                    { read_on(strings.read_on, name) }
                </a>
            </p>
        }
    });

    let headline_id = ctx.id("headline");
    html! {
        <>
            if let Some(donation) = donation.filter(|_| banner_shown) {
                { donation_banner(donation, &on_dismiss_banner, ctx.lang) }
            }
            <article class="article" part="article" aria-labelledby={headline_id.clone()}>
                <header class="article-header">
                    if let Some(section) = &article.section {
                        <p class="section">{ section.clone() }</p>
                    }
                    <h1 id={headline_id} class="headline" part="headline" lang={article.lang.clone()}>{ article.headline.clone() }</h1>
                    if let Some(standfirst) = &article.standfirst {
                        <p class="standfirst" lang={article.lang.clone()}>{ standfirst.clone() }</p>
                    }
                    { meta(article, ctx) }
                </header>
                { notices(&article.notices) }
                if let Some(image) = &article.image { { figure(image, true) } }
                // The article's language may differ from the UI's (an English
                // article on an Arabic page): its text says so itself.
                <div class="body" part="body" lang={article.lang.clone()}>
                    { for blocks }
                    { for rest }
                </div>
                { for continue_reading }
                if !collapsed {
                    if after.is_none() { { ask_html } }
                    { for canonical }
                }
            </article>
            if !collapsed && props.related > 0 && !article.related.is_empty() {
                { related_list(&article.related, props.related, ctx) }
            }
        </>
    }
}

/// Byline, publisher and dates.
fn meta(article: &Article, ctx: &crate::context::ViewContext) -> Html {
    let strings = ctx.lang.strings();
    let authors = article.authors.iter().enumerate().map(|(i, a)| {
        let sep = if i == 0 { "" } else { ", " };
        let name = match &a.url {
            Some(url) => html! { <a href={url.clone()} rel="author noopener noreferrer" target="_blank">{ a.name.clone() }</a> },
            None => html! { { a.name.clone() } },
        };
        html! { <>{ sep }{ name }</> }
    });
    let published = article.date_published.as_ref().map(|t| {
        html! { <time datetime={t.raw.clone()}>{ format::date(t.date, ctx.lang) }</time> }
    });
    let modified = article
        .date_modified
        .as_ref()
        .filter(|m| article.date_published.as_ref().is_none_or(|p| p.date != m.date))
        .map(|t| {
            html! {
                <span class="updated">
                    { strings.updated }{ " " }
                    <time datetime={t.raw.clone()}>{ format::date(t.date, ctx.lang) }</time>
                </span>
            }
        });
    if article.authors.is_empty() && published.is_none() && article.publisher.is_none() {
        return Html::default();
    }
    html! {
        <div class="meta">
            if !article.authors.is_empty() {
                <address class="byline">{ strings.by }{ " " }<bdi>{ for authors }</bdi></address>
            }
            if let Some(p) = &article.publisher {
                <bdi class="publisher">{ p.name.clone() }</bdi>
            }
            { for published }
            { for modified }
        </div>
    }
}

/// "Read on {site}" in the UI language, the site's name isolated from the
/// text around it (a Latin name inside Arabic, or the reverse).
pub(crate) fn read_on(template: &'static str, site: String) -> Html {
    let (before, after) = i18n::around(template, "site");
    html! { <>{ before }<bdi>{ site }</bdi>{ after }</> }
}

/// Snoozes for `days` and tells the host until when (an ISO 8601 date), as
/// `event` says it: "Remind me later" and closing the banner.
fn snooze_reported(
    snooze: Callback<u32>,
    days: u32,
    ctx: &crate::context::ViewContext,
    event: fn(String) -> WidgetEvent,
) -> Callback<()> {
    let on_event = ctx.on_event.clone();
    let services = ctx.services.clone();
    Callback::from(move |()| {
        snooze.emit(days);
        let now = services.as_ref().map_or(0.0, |s| s.clock.now_ms());
        let until = CivilDate::from_unix_ms(now + f64::from(days) * crate::time::DAY_MS).iso();
        on_event.emit(event(until));
    })
}
