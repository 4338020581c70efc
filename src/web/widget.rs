//! The top of the Yew tree in the browser: load state → skeleton, article
//! or error, inside the themed root element.

use yew::prelude::*;

use crate::components::{article_card, error_view, root, skeleton, ArticleView, ErrorViewProps};
use crate::context::{ViewContext, WidgetEvent};
use crate::config::{Config, Layout};
use crate::error::LoadError;
use crate::hooks::{use_article, use_online, LoadState};
use crate::i18n::Lang;
use crate::services::Services;

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// The article JSON URL, absolute.
    pub src: AttrValue,
    pub config: Config,
    pub services: Services,
    pub on_event: Callback<WidgetEvent>,
    #[prop_or_default]
    pub partner_host: Option<AttrValue>,
    /// The host page's `<html lang>`, the last choice for the UI language.
    #[prop_or_default]
    pub page_lang: Option<Lang>,
    /// Prefixes the ids the widget writes; empty (`ae`) in a shadow root.
    #[prop_or_default]
    pub id_prefix: AttrValue,
}

#[function_component]
pub fn Widget(props: &WidgetProps) -> Html {
    let (state, retry) = use_article(props.src.clone(), props.config.timeout_ms);
    {
        let on_event = props.on_event.clone();
        use_effect_with(state.clone(), move |state| match state {
            LoadState::Loaded(article) => on_event.emit(WidgetEvent::Rendered { id: article.id.clone() }),
            LoadState::Failed(error) => on_event.emit(WidgetEvent::Error(error.clone())),
            LoadState::Loading => {}
        });
    }
    // Offline: say so, and load again as soon as the browser is back online.
    let waiting_for_network = matches!(&state, LoadState::Failed(LoadError::Network(_) | LoadError::Timeout { .. }));
    let online = use_online({
        let retry = retry.clone();
        Callback::from(move |()| {
            if waiting_for_network {
                retry.emit(());
            }
        })
    });
    let article_lang = match &state {
        LoadState::Loaded(article) => article.lang.as_deref().and_then(Lang::from_tag),
        _ => None,
    };
    let lang = props.config.lang.or(article_lang).or(props.page_lang).unwrap_or_default();
    let context = ViewContext {
        lang,
        services: Some(props.services.clone()),
        on_event: props.on_event.clone(),
        partner_host: props.partner_host.clone(),
        id_prefix: props.id_prefix.clone(),
    };
    let content = match state {
        LoadState::Loading => skeleton(props.config.layout == Layout::Card, lang),
        LoadState::Loaded(article) => {
            let donate = props.config.donate.unwrap_or(true);
            match props.config.layout {
                Layout::Card => article_card(&article, &context),
                // Keyed by layout: switching to `excerpt` starts it closed.
                layout => html! {
                    <ArticleView key={layout.as_str()} {article} ctx={context.clone()} {donate} related={props.config.related}
                        excerpt={layout == Layout::Excerpt} />
                },
            }
        }
        LoadState::Failed(error) => error_view(
            ErrorViewProps { error: &error, on_retry: &retry, offline: !online, src: Some(&props.src) },
            lang,
        ),
    };
    root(lang, Some(props.config.theme.as_str()), Some(props.config.layout.as_str()), content)
}
