//! Server-side rendering of the article components (native, no browser):
//! the markup a reader gets, checked as text.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use article_embed::components::{root, ArticleView};
use article_embed::context::ViewContext;
use article_embed::i18n::Lang;
use article_embed::model::Article;
use article_embed::parse::parse_article;
use article_embed::services::{MemoryStore, Services, Store};
use article_embed::snooze::{self, Target};
use yew::prelude::*;
use yew::LocalServerRenderer;

mod common;

use common::{seed, FixedClock, BASE, NOW};

#[derive(Properties, PartialEq)]
struct HarnessProps {
    article: Rc<Article>,
    context: ViewContext,
    #[prop_or(true)]
    donate: bool,
    #[prop_or(3)]
    related: u32,
}

#[function_component]
fn Harness(props: &HarnessProps) -> Html {
    html! {
        { root(props.context.lang, None, None, html! {
            <ArticleView article={props.article.clone()} ctx={props.context.clone()} donate={props.donate} related={props.related} />
        }) }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

async fn render(props: HarnessProps) -> String {
    LocalServerRenderer::<Harness>::with_props(props).render().await
}

fn context(lang: Lang, store: Rc<dyn Store>) -> ViewContext {
    ViewContext {
        lang,
        services: Some(Services { clock: Rc::new(FixedClock), store, random: || 0.25, persistent: true }),
        on_event: Callback::noop(),
        partner_host: Some("partner.example".into()),
        id_prefix: Default::default(),
    }
}

#[tokio::test]
async fn seed_article_renders_headline_every_paragraph_related_and_donation() {
    let article = seed();
    let html = render(HarnessProps { article: article.clone(), context: ViewContext::default(), donate: true, related: 3 }).await;
    assert!(html.contains("class=\"headline\">Four Officers Prosecuted for Kazakh Riot Shootings</h1>"), "{html}");
    for paragraph in article.paragraph_texts() {
        // Runs render as separate text nodes; check each piece.
        for piece in paragraph.split("four senior police officers") {
            for piece in piece.split("Zhanaozen") {
                assert!(html.contains(&escape(piece)), "missing paragraph text: {piece}");
            }
        }
    }
    assert!(html.contains("<span class=\"dateline\">ALMATY</span>"));
    assert!(html.contains("<strong>four senior police officers</strong>"));
    assert!(html.contains("<time datetime=\"2012-01-11T09:00:00Z\">January 11, 2012</time>"));
    // Related: three of four, as the default limit says.
    assert!(html.contains("Kazakh Oil Town Riots Leave 11 Dead"));
    assert!(html.contains("Rights Groups Urge Release of Detained Kazakh Activists"));
    assert!(!html.contains("Zhanaozen Mayors Accused"));
    // The donation banner and ask.
    assert!(html.contains("Enjoying ad-free content?"));
    assert!(html.contains("… we have a small favor to ask."));
    assert!(html.contains("If you can, please support us monthly starting from just $2."));
    assert!(html.contains("Not ready to support today?"));
    assert!(html.contains(">Remind me later<") || html.contains("Remind me later"));
    assert!(html.contains("role=\"progressbar\""));
    assert!(html.contains("aria-valuenow=\"6400\""));
    assert!(html.contains("Read on <bdi>The Moscow Times</bdi>"), "the site name is isolated from the text around it");
}

#[tokio::test]
async fn cta_link_carries_the_default_choice_and_attribution() {
    let html = render(HarnessProps {
        article: seed(),
        context: context(Lang::En, Rc::new(MemoryStore::default())),
        donate: true,
        related: 3,
    })
    .await;
    assert!(
        html.contains("href=\"https://news.example/donate?amount=5&amp;frequency=monthly&amp;currency=USD&amp;utm_source=partner.example&amp;utm_medium=article-embed&amp;utm_campaign=four-officers-prosecuted&amp;utm_content=appeal\""),
        "{html}"
    );
}

#[tokio::test]
async fn snoozed_ask_and_banner_are_not_rendered() {
    let store = Rc::new(MemoryStore::default());
    snooze::snooze(&*store, "https://news.example", Target::Ask, NOW - 1000.0, 30);
    let html = render(HarnessProps { article: seed(), context: context(Lang::En, store), donate: true, related: 3 }).await;
    assert!(!html.contains("we have a small favor to ask"));
    assert!(!html.contains("Enjoying ad-free content?"));
    assert!(html.contains("Four Officers Prosecuted"));
}

#[tokio::test]
async fn expired_snooze_shows_the_ask_again() {
    let store = Rc::new(MemoryStore::default());
    snooze::snooze(&*store, "https://news.example", Target::Ask, NOW - 31.0 * 86_400_000.0, 30);
    let html = render(HarnessProps { article: seed(), context: context(Lang::En, store), donate: true, related: 3 }).await;
    assert!(html.contains("we have a small favor to ask"));
}

#[tokio::test]
async fn donate_off_and_related_zero_hide_them() {
    let html = render(HarnessProps { article: seed(), context: ViewContext::default(), donate: false, related: 0 }).await;
    assert!(!html.contains("we have a small favor to ask"));
    assert!(!html.contains("Enjoying ad-free content?"));
    assert!(!html.contains("class=\"related\""));
}

#[tokio::test]
async fn russian_ui_strings_and_dates() {
    let html = render(HarnessProps {
        article: seed(),
        context: context(Lang::Ru, Rc::new(MemoryStore::default())),
        donate: true,
        related: 3,
    })
    .await;
    assert!(html.contains("11 января 2012"), "{html}");
    assert!(html.contains("Читайте также"));
    // Russian leaves four-digit numbers ungrouped.
    assert!(html.contains("6400\u{a0}$ из 10\u{a0}000\u{a0}$"), "{html}");
}

#[tokio::test]
async fn markup_in_article_text_is_escaped() {
    let json = r#"{"headline":"<script>alert(1)</script>","body":[{"type":"paragraph","content":["<img src=x onerror=alert(1)>"]}]}"#;
    let article = Rc::new(parse_article(json, Some(BASE)).expect("valid").article);
    let html = render(HarnessProps { article, context: ViewContext::default(), donate: true, related: 3 }).await;
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<img src=x"));
}

/// An article with `s` in every text field and every URL field.
fn attack_article(s: &str) -> serde_json::Value {
    let run = serde_json::json!({ "text": s, "marks": ["strong"], "href": s });
    serde_json::json!({
        "version": 1, "id": s, "url": s, "lang": s, "section": s, "headline": s, "standfirst": s, "dateline": s,
        "publisher": { "name": s, "url": s, "logo": s },
        "authors": [{ "name": s, "url": s }],
        "image": { "src": s, "alt": s, "caption": s, "credit": s },
        "notices": [{ "kind": "warning", "text": s }],
        "body": [
            { "type": "paragraph", "content": [s, run] },
            { "type": "heading", "level": 2, "content": [s, run] },
            { "type": "quote", "content": [s, run], "cite": s },
            { "type": "list", "ordered": false, "items": [[s], [run]] },
            { "type": "image", "src": s, "alt": s, "caption": s, "credit": s },
            { "type": "image", "src": "https://news.example/i.jpg", "alt": s, "caption": s, "credit": s }
        ],
        "related": [{ "headline": s, "url": s, "image": s }],
        "donation": {
            "banner": { "text": s, "cta": s }, "heading": s, "paragraphs": [s], "highlight": s,
            "frequencies": [{ "id": "monthly", "amounts": [5] }],
            "cta": { "label": s, "url": s }, "ticker": { "raised": 1, "goal": 2, "label": s },
            "remindLater": { "prompt": s, "label": s, "days": 3 }
        }
    })
}

/// Every `href="…"`/`src="…"` value in `html`.
fn url_attributes(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [" href=\"", " src=\""] {
        for (i, _) in html.match_indices(attr) {
            let rest = &html[i + attr.len()..];
            out.push(rest[..rest.find('"').unwrap_or(rest.len())].to_owned());
        }
    }
    out
}

#[tokio::test]
async fn attack_strings_in_every_field_render_as_inert_text() {
    #[derive(serde::Deserialize)]
    struct Attack {
        title: String,
        input: String,
    }
    let attacks: Vec<Attack> = serde_json::from_str(include_str!("data/attacks.json")).unwrap();
    for attack in attacks {
        let value = attack_article(&attack.input);
        let parsed = article_embed::parse::from_value(&(&value).into(), Some(BASE)).unwrap_or_else(|e| panic!("{}: {e}", attack.title));
        let html = render(HarnessProps {
            article: Rc::new(parsed.article),
            context: context(Lang::En, Rc::new(MemoryStore::default())),
            donate: true,
            related: 3,
        })
        .await;
        let lower = html.to_ascii_lowercase();
        for banned in ["<script", "<iframe", "<style", "<svg onload", "<img src=x", "<b>"] {
            assert!(!lower.contains(banned), "{}: {banned} in output", attack.title);
        }
        assert!(!regex_like_event_handler(&lower), "{}: an on* attribute in output", attack.title);
        for url in url_attributes(&html) {
            let allowed = url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:");
            assert!(allowed, "{}: disallowed URL {url:?}", attack.title);
        }
        // The headline shows the attack string as text.
        let headline = format!("class=\"headline\">{}</h1>", escape(&attack.input));
        assert!(html.contains(&headline), "{}: headline not shown as text", attack.title);
    }
}

/// True when an element carries an `on…=` attribute (` onerror=`, ` onload=`).
fn regex_like_event_handler(html: &str) -> bool {
    let bytes = html.as_bytes();
    let mut in_tag = false;
    let mut quote: Option<u8> = None;
    for (i, &b) in bytes.iter().enumerate() {
        match (in_tag, quote, b) {
            (false, _, b'<') => in_tag = true,
            (true, None, b'>') => in_tag = false,
            (true, None, b'"' | b'\'') => quote = Some(b),
            (true, Some(q), c) if c == q => quote = None,
            (true, None, b' ') => {
                let rest = &html[i + 1..];
                let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
                if name.starts_with("on") && rest[name.len()..].starts_with('=') {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Every `id="…"` in `html`, and every id that an attribute refers to.
fn ids_and_references(html: &str) -> (Vec<String>, Vec<String>) {
    let values = |attr: &str| -> Vec<String> {
        html.split(&format!(" {attr}=\"")).skip(1).filter_map(|rest| rest.split('"').next()).map(str::to_owned).collect()
    };
    let refs = ["for", "aria-labelledby", "aria-describedby", "aria-controls"]
        .iter()
        .flat_map(|a| values(a))
        .flat_map(|v| v.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    (values("id"), refs)
}

#[tokio::test]
async fn two_articles_rendered_with_their_own_prefixes_share_no_id() {
    let mut page = String::new();
    for prefix in ["story-a", "story-b"] {
        let context = ViewContext { id_prefix: prefix.into(), ..context(Lang::En, Rc::new(MemoryStore::default())) };
        page.push_str(&render(HarnessProps { article: seed(), context, donate: true, related: 3 }).await);
    }
    let (ids, refs) = ids_and_references(&page);
    assert!(ids.len() >= 4, "{ids:?}");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "an id is used twice: {ids:?}");
    for r in refs {
        assert!(ids.contains(&r), "a reference to {r} resolves to nothing");
    }
    let names: Vec<&str> = page.split(" name=\"").skip(1).filter_map(|r| r.split('"').next()).collect();
    assert!(names.contains(&"story-a-amount") && names.contains(&"story-b-amount"), "{names:?}");
}

#[tokio::test]
async fn every_language_renders_with_its_lang_dir_and_no_english_ui_text() {
    let en = Lang::En.strings();
    let english = [
        en.by, en.read_more, en.frequency_legend, en.amount_legend, en.one_off, en.monthly, en.annual,
        en.payment_methods, en.other_amount, en.dismiss_banner, "Read on", "January",
    ];
    for lang in Lang::ALL {
        let context = context(lang, Rc::new(MemoryStore::default()));
        let html = render(HarnessProps { article: seed(), context, donate: true, related: 3 }).await;
        let root = format!("<div part=\"root\" lang=\"{}\" dir=\"{}\" class=\"ae\">", lang.code(), lang.dir());
        assert!(html.contains(&root), "{lang:?}: {}", &html[..200.min(html.len())]);
        if lang == Lang::En {
            continue;
        }
        for text in english {
            // The seed article's own copy (its donation labels) is the publisher's, not UI text.
            if common::SEED.contains(text) {
                continue;
            }
            assert!(!html.contains(text), "{lang:?} shows the English UI string {text:?}");
        }
        assert!(html.contains(lang.strings().read_more), "{lang:?}");
    }
}

#[tokio::test]
async fn the_ask_never_shows_the_raw_article_count_placeholder() {
    // A fresh store: this is the reader's first article, so the counted
    // paragraph is left out; no store at all (a server render): likewise.
    let fresh = render(HarnessProps { article: seed(), context: context(Lang::En, Rc::new(MemoryStore::default())), donate: true, related: 3 }).await;
    let server = render(HarnessProps { article: seed(), context: ViewContext::default(), donate: true, related: 3 }).await;
    for html in [fresh, server] {
        assert!(!html.contains("%%ARTICLE_COUNT%%"), "{html}");
        assert!(!html.contains("articles from The Moscow Times in the last month"));
    }
    // A reader who saw another of the publisher's articles before.
    let store: Rc<dyn Store> = Rc::new(MemoryStore::default());
    article_embed::ask::count_article(&*store, "https://news.example", "an-earlier-article", NOW - 1000.0);
    let html = render(HarnessProps { article: seed(), context: context(Lang::Ru, store), donate: true, related: 3 }).await;
    assert!(html.contains("You've read 2 articles from The Moscow Times"), "{html}");
}
