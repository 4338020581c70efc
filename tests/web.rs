//! Browser tests of the hooks and DOM glue (wasm-bindgen-test in headless
//! Chromium): the widget mounted in a shadow root, loading, clicking.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use article_embed::components::{ArticleView, ViewContext};
use article_embed::snooze::{MemoryStore, Services, Store};
use article_embed::web::{mount, Widget, WidgetProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, ShadowRoot};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;

use common::{seed, FixedClock, NOW, SEED};

/// A host element with an open shadow root and a mount point inside it.
fn shadow_host() -> (HtmlElement, ShadowRoot, Element) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let root = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    let mount_point = document.create_element("div").unwrap();
    root.append_child(&mount_point).unwrap();
    (host, root, mount_point)
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

/// Waits until `selector` matches inside `root`, up to about two seconds.
async fn wait_for(root: &ShadowRoot, selector: &str) -> Element {
    for _ in 0..100 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        settle().await;
    }
    panic!("{selector} never appeared");
}

#[derive(Properties, PartialEq)]
struct HarnessProps {
    context: ViewContext,
}

#[function_component]
fn Harness(props: &HarnessProps) -> Html {
    let article = seed();
    html! {
        <ContextProvider<ViewContext> context={props.context.clone()}>
            <ArticleView {article} />
        </ContextProvider<ViewContext>>
    }
}

#[wasm_bindgen_test]
async fn article_renders_in_a_shadow_root_and_remind_later_hides_the_ask() {
    let (_host, root, mount_point) = shadow_host();
    let store = Rc::new(MemoryStore::default());
    let events = Rc::new(std::cell::RefCell::new(Vec::new()));
    let context = ViewContext {
        services: Some(Services { clock: Rc::new(FixedClock), store: store.clone() }),
        on_event: {
            let events = events.clone();
            Callback::from(move |e| events.borrow_mut().push(e))
        },
        ..ViewContext::default()
    };
    yew::Renderer::<Harness>::with_root_and_props(mount_point, HarnessProps { context }).render();
    let h1 = wait_for(&root, "h1").await;
    assert_eq!(h1.text_content().unwrap(), "Four Officers Prosecuted for Kazakh Riot Shootings");
    assert!(root.query_selector(".ask").unwrap().is_some());
    assert!(root.query_selector(".banner").unwrap().is_some());

    let button: HtmlElement = root.query_selector(".remind-later").unwrap().unwrap().unchecked_into();
    button.click();
    settle().await;

    assert!(root.query_selector(".ask").unwrap().is_none(), "the ask is hidden");
    assert!(root.query_selector(".banner").unwrap().is_none(), "the banner is hidden too");
    let status = root.query_selector(".snoozed[role=status]").unwrap().expect("a confirmation");
    assert!(status.text_content().unwrap().contains("we'll ask again after"));
    let until: f64 = store.get("article-embed:snooze:https://news.example").unwrap().parse().unwrap();
    assert_eq!(until, NOW + 30.0 * 86_400_000.0);
    assert!(events.borrow().iter().any(|e| matches!(
        e,
        article_embed::components::WidgetEvent::RemindLater { until } if until == "2023-12-14"
    )));
}

#[wasm_bindgen_test]
async fn widget_loads_an_article_from_its_src() {
    let (_host, root, mount_point) = shadow_host();
    let src = format!("data:application/json,{}", js_sys::encode_uri_component(SEED));
    let rendered = Rc::new(std::cell::Cell::new(false));
    let props = WidgetProps {
        src: src.into(),
        config: Default::default(),
        services: Services { clock: Rc::new(FixedClock), store: Rc::new(MemoryStore::default()) },
        on_event: {
            let rendered = rendered.clone();
            Callback::from(move |e| {
                if matches!(e, article_embed::components::WidgetEvent::Rendered { .. }) {
                    rendered.set(true);
                }
            })
        },
        partner_host: None,
        page_lang: None,
    };
    yew::Renderer::<Widget>::with_root_and_props(mount_point, props).render();
    wait_for(&root, ".article h1").await;
    settle().await;
    assert!(rendered.get(), "the rendered event fired");
    assert_eq!(root.query_selector_all(".body p").unwrap().length(), 18);
}

#[wasm_bindgen_test]
async fn bad_json_shows_the_error_state_with_the_fallback_slot() {
    let (_host, root, mount_point) = shadow_host();
    let errors = Rc::new(std::cell::RefCell::new(Vec::new()));
    let props = WidgetProps {
        src: "data:application/json,%7B%22headline%22%3A".into(),
        config: Default::default(),
        services: Services { clock: Rc::new(FixedClock), store: Rc::new(MemoryStore::default()) },
        on_event: {
            let errors = errors.clone();
            Callback::from(move |e| {
                if let article_embed::components::WidgetEvent::Error(e) = e {
                    errors.borrow_mut().push(e.kind().as_str());
                }
            })
        },
        partner_host: None,
        page_lang: None,
    };
    yew::Renderer::<Widget>::with_root_and_props(mount_point, props).render();
    let error = wait_for(&root, ".error").await;
    assert_eq!(error.get_attribute("data-kind").as_deref(), Some("json"));
    assert!(root.query_selector(".error slot").unwrap().is_some());
    assert!(root.query_selector("button.retry").unwrap().is_some());
    settle().await;
    assert_eq!(*errors.borrow(), ["json"]);
}

#[wasm_bindgen_test]
async fn mount_reads_options_from_attributes_and_adopts_the_stylesheet() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    let src = format!("data:application/json,{}", js_sys::encode_uri_component(SEED));
    host.set_attribute("src", &src).unwrap();
    host.set_attribute("theme", "dark").unwrap();
    host.set_attribute("lang", "ru").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let _embed = mount(host.clone()).unwrap();
    let root = host.shadow_root().expect("an open shadow root");
    let ae = wait_for(&root, ".ae[data-theme=dark][lang=ru]").await;
    wait_for(&root, ".article h1").await;
    assert!(ae.text_content().unwrap().contains("Читайте также"));
    assert_eq!(root.adopted_style_sheets().length(), 1);
    assert!(root.query_selector("style, [style]").unwrap().is_none(), "no inline styles");
}

#[wasm_bindgen_test]
async fn article_embed_component_renders_for_rust_apps() {
    #[function_component]
    fn App() -> Html {
        let src = format!("data:application/json,{}", js_sys::encode_uri_component(SEED));
        html! { <article_embed::ArticleEmbed src={src} theme="dark" related="1" /> }
    }
    let (_host, root, mount_point) = shadow_host();
    yew::Renderer::<App>::with_root(mount_point).render();
    wait_for(&root, ".ae[data-theme=dark] .article h1").await;
    assert_eq!(root.query_selector_all(".related li").unwrap().length(), 1);
}
