//! `mount(element)`: the one entry point the loader (embed.js) calls, and
//! the event bridge from the widget to the host page.

use wasm_bindgen::prelude::*;
use yew::AttrValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use super::{page, services, style, Widget, WidgetProps};
use crate::context::WidgetEvent;
use crate::config::Config;

/// A mounted widget; the loader keeps it to update or unmount it.
#[wasm_bindgen]
pub struct Embed {
    host: HtmlElement,
    app: Option<yew::AppHandle<Widget>>,
    /// The option warnings in force, already printed: an update prints only
    /// new ones (a value that was fixed and then broken again is new).
    warned: Vec<String>,
}

#[wasm_bindgen]
impl Embed {
    /// Re-reads the element's attributes and re-renders: a new `theme` or
    /// `lang` applies at once; a new `src` loads that article.
    pub fn update(&mut self) {
        match (self.app.as_mut(), props_for(&self.host, &mut self.warned)) {
            (Some(app), Some(props)) => app.update(props),
            // Mounted before it had a `src`: render now that it has one.
            (None, Some(props)) => self.app = render(&self.host, props).ok(),
            (_, None) => {}
        }
    }

    /// Removes the widget's tree; the element keeps its fallback content.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// The crate version, for `window.ArticleEmbed.version`.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_owned()
}

/// Renders the article embed into `host`'s open shadow root (attaching one
/// if needed). Options are read from `host`'s attributes.
#[wasm_bindgen]
pub fn mount(host: HtmlElement) -> Result<Embed, JsValue> {
    let mut warned = Vec::new();
    let Some(props) = props_for(&host, &mut warned) else {
        web_sys::console::warn_1(&"article-embed: no src; nothing to render".into());
        return Ok(Embed { host, app: None, warned });
    };
    let app = render(&host, props)?;
    Ok(Embed { host, app: Some(app), warned })
}

/// Attaches (or reuses) the open shadow root, adopts the stylesheet and
/// renders the widget into it.
fn render(host: &HtmlElement, props: WidgetProps) -> Result<yew::AppHandle<Widget>, JsValue> {
    let document = host.owner_document().ok_or("no document")?;
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    style::adopt(&root);
    root.set_text_content(None);
    let container = document.create_element("div")?;
    container.set_class_name("ae-mount");
    root.append_child(&container)?;
    Ok(yew::Renderer::<Widget>::with_root_and_props(container, props).render())
}

/// The widget's props for `host`: its options, the page's services and an
/// event callback that dispatches on `host`. `None` without a `src`. Prints
/// each invalid option's warning once while it stays in force (`warned`).
fn props_for(host: &HtmlElement, warned: &mut Vec<String>) -> Option<WidgetProps> {
    let (config, warnings) = Config::from_attrs(|name| host.get_attribute(name));
    for warning in warnings.iter().filter(|w| !warned.contains(w)) {
        web_sys::console::warn_1(&crate::cat!("article-embed: ", warning).into());
    }
    *warned = warnings;
    let raw_src = config.src.clone()?;
    let document = host.owner_document()?;
    let src = page::resolve(&raw_src, Some(&document));
    let on_event = {
        let host = host.clone();
        let src = src.clone();
        yew::Callback::from(move |event: WidgetEvent| dispatch(&host, &src, &event))
    };
    Some(WidgetProps {
        src: src.into(),
        services: services::services(config.dnt),
        config,
        on_event,
        partner_host: page::partner_host(),
        page_lang: page::lang(&document),
        id_prefix: AttrValue::default(),
    })
}

fn set(target: &js_sys::Object, key: &str, value: impl Into<JsValue>) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), &value.into());
}

/// Fires the contract's `article-embed:*` event for `event` on `host`.
pub(crate) fn dispatch(host: &web_sys::EventTarget, src: &str, event: &WidgetEvent) {
    let detail = js_sys::Object::new();
    set(&detail, "src", src);
    let name = match event {
        WidgetEvent::Rendered { id } => {
            set(&detail, "id", id.as_deref().map_or(JsValue::NULL, JsValue::from_str));
            "rendered"
        }
        WidgetEvent::Error(error) => {
            set(&detail, "kind", error.kind().as_str());
            if let Some(status) = error.status() {
                set(&detail, "status", status);
            }
            let message = error.describe();
            web_sys::console::warn_1(&crate::cat!("article-embed: ", src, ": ", message).into());
            set(&detail, "message", message);
            "error"
        }
        WidgetEvent::Donate { amount, currency, frequency, href, variant } => {
            set(&detail, "amount", *amount);
            set(&detail, "currency", currency.as_str());
            set(&detail, "frequency", frequency.as_str());
            set(&detail, "href", href.as_str());
            set(&detail, "variant", variant.as_deref().map_or(JsValue::NULL, JsValue::from_str));
            "donate"
        }
        WidgetEvent::Impression { variant } => {
            set(&detail, "variant", variant.as_deref().map_or(JsValue::NULL, JsValue::from_str));
            "impression"
        }
        WidgetEvent::Dismiss { until } => {
            set(&detail, "until", until.as_str());
            "dismiss"
        }
        WidgetEvent::RemindLater { until } => {
            set(&detail, "until", until.as_str());
            "remind-later"
        }
        WidgetEvent::Link { href, kind } => {
            set(&detail, "href", href.as_str());
            set(&detail, "kind", kind.as_str());
            "link"
        }
        WidgetEvent::Expand => "expand",
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(&["article-embed:", name].concat(), &init) {
        let _ = host.dispatch_event(&event);
    }
}
