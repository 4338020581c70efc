//! Browser tests of the hooks and DOM glue (wasm-bindgen-test in headless
//! Chromium): the widget mounted in a shadow root, loading, clicking.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use article_embed::components::ArticleView;
use article_embed::context::ViewContext;
use article_embed::services::{MemoryStore, Services, Store};
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
        <ArticleView {article} ctx={props.context.clone()} />
    }
}

#[wasm_bindgen_test]
async fn article_renders_in_a_shadow_root_and_remind_later_hides_the_ask() {
    let (_host, root, mount_point) = shadow_host();
    let store = Rc::new(MemoryStore::default());
    let events = Rc::new(std::cell::RefCell::new(Vec::new()));
    let context = ViewContext {
        services: Some(Services { clock: Rc::new(FixedClock), store: store.clone(), random: || 0.25, persistent: true }),
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
    assert!(status.text_content().unwrap().contains("we'll ask again in 30 days"));
    let until: f64 = store.get("article-embed:snooze:https://news.example").unwrap().parse().unwrap();
    assert_eq!(until, NOW + 30.0 * 86_400_000.0);
    assert!(events.borrow().iter().any(|e| matches!(
        e,
        article_embed::context::WidgetEvent::RemindLater { until } if until == "2023-12-14"
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
        services: Services { clock: Rc::new(FixedClock), store: Rc::new(MemoryStore::default()), random: || 0.25, persistent: true },
        on_event: {
            let rendered = rendered.clone();
            Callback::from(move |e| {
                if matches!(e, article_embed::context::WidgetEvent::Rendered { .. }) {
                    rendered.set(true);
                }
            })
        },
        partner_host: None,
        page_lang: None,
        id_prefix: Default::default(),
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
        services: Services { clock: Rc::new(FixedClock), store: Rc::new(MemoryStore::default()), random: || 0.25, persistent: true },
        on_event: {
            let errors = errors.clone();
            Callback::from(move |e| {
                if let article_embed::context::WidgetEvent::Error(e) = e {
                    errors.borrow_mut().push(e.kind().as_str());
                }
            })
        },
        partner_host: None,
        page_lang: None,
        id_prefix: Default::default(),
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

#[wasm_bindgen_test]
async fn two_article_embed_components_share_no_id_name_or_reference() {
    #[function_component]
    fn App() -> Html {
        let src = format!("data:application/json,{}", js_sys::encode_uri_component(SEED));
        html! {
            <>
                <article_embed::ArticleEmbed src={src.clone()} />
                <article_embed::ArticleEmbed src={src} />
            </>
        }
    }
    let (_host, root, mount_point) = shadow_host();
    yew::Renderer::<App>::with_root(mount_point).render();
    wait_for(&root, ".ae + .ae .article h1, .ae .article h1").await;
    settle().await;
    assert_eq!(root.query_selector_all(".article h1").unwrap().length(), 2, "both rendered");
    let ids = root.query_selector_all("[id]").unwrap();
    let mut seen = std::collections::HashSet::new();
    for i in 0..ids.length() {
        let id = ids.item(i).unwrap().dyn_into::<web_sys::Element>().unwrap().id();
        assert!(seen.insert(id.clone()), "id {id} is used twice");
    }
    assert!(seen.len() >= 4, "the article and the ask write ids: {seen:?}");
    for attr in ["for", "aria-labelledby", "aria-describedby", "aria-controls"] {
        let refs = root.query_selector_all(&format!("[{attr}]")).unwrap();
        for i in 0..refs.length() {
            let el = refs.item(i).unwrap().dyn_into::<web_sys::Element>().unwrap();
            for id in el.get_attribute(attr).unwrap().split_whitespace() {
                assert!(seen.contains(id), "{attr}={id} resolves to no element");
            }
        }
    }
    let groups = root.query_selector_all(".ae").unwrap();
    let names: Vec<String> = (0..groups.length())
        .filter_map(|i| groups.item(i)?.dyn_into::<web_sys::Element>().ok()?.query_selector("input[type=radio]").ok()??.get_attribute("name"))
        .collect();
    assert_eq!(names.len(), 2, "each ask has a radio group");
    assert_ne!(names[0], names[1], "radio groups of two embeds are separate");
}

#[wasm_bindgen_test]
fn article_embed_props_carry_every_embed_option() {
    let props = yew::props!(article_embed::ArticleEmbedProps {
        src: "s",
        theme: Some(AttrValue::from("t")),
        lang: Some(AttrValue::from("l")),
        donate: Some(AttrValue::from("d")),
        related: Some(AttrValue::from("r")),
        dnt: Some(AttrValue::from("n")),
        layout: Some(AttrValue::from("y")),
        timeout: Some(AttrValue::from("o")),
    });
    for option in article_embed::config::OPTIONS {
        assert!(props.option(option.name).is_some(), "<ArticleEmbed> has no prop for the option {}", option.name);
    }
}
