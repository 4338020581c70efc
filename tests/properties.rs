//! Property tests over generated input: the validator never panics, every
//! problem it reports points into the input, and every article built from
//! the schema's wire types validates.
#![cfg(not(target_arch = "wasm32"))]

use article_embed::error::LoadError;
use article_embed::parse::{from_value, parse_article};
use article_embed::wire;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

const BASE: &str = "https://news.example/embed/a.json";

/// Keys the format knows, so generated objects often hit real fields.
const KEYS: &[&str] = &[
    "version", "id", "url", "lang", "publisher", "name", "logo", "section", "headline", "standfirst",
    "dateline", "datePublished", "dateModified", "authors", "image", "src", "alt", "caption", "credit",
    "width", "height", "notices", "kind", "text", "body", "type", "content", "marks", "href", "level",
    "cite", "ordered", "items", "related", "donation", "banner", "cta", "heading", "paragraphs",
    "highlight", "currency", "frequencies", "amounts", "default", "label", "ticker", "raised", "goal",
    "paymentMethods", "remindLater", "prompt", "days", "placement", "afterParagraph", "frequencyCap",
    "views", "zzz",
];

const STRINGS: &[&str] = &[
    "", " ", "paragraph", "heading", "quote", "list", "image", "end", "monthly", "one-off", "annual",
    "strong", "em", "visa", "USD", "info", "warning", "javascript:alert(1)", "https://a.example/x",
    "/rel", "mailto:a@b.example", "2012-01-11T09:00:00Z", "<script>alert(1)</script>", "\u{feff}x",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e6f64..1e6).prop_map(|n| json!(n)),
        (0u32..6).prop_map(|n| json!(n)),
        prop::sample::select(STRINGS).prop_map(|s| json!(s)),
        ".{0,12}".prop_map(Value::String),
    ]
}

fn article_shaped() -> impl Strategy<Value = Value> {
    let value = leaf().prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    });
    prop::collection::vec((prop::sample::select(KEYS), value), 0..10).prop_map(|pairs| {
        let mut map: Map<String, Value> = pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        map.entry("version").or_insert(json!(1));
        Value::Object(map)
    })
}

/// Looks up a path such as `body[3].content[0].href` in `root`.
fn lookup<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut current = root;
    for part in path.split('.') {
        let (key, indices) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            current = current.get(key)?;
        }
        for index in indices.split(']').filter(|s| !s.is_empty()) {
            current = current.get(index.trim_start_matches('[').parse::<usize>().ok()?)?;
        }
    }
    Some(current)
}

fn parent_of(path: &str) -> &str {
    match path.rfind(['.', '[']) {
        Some(i) => &path[..i],
        None => "",
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics_and_problem_paths_point_into_the_input(value in article_shaped()) {
        match from_value(&(&value).into(), Some(BASE)) {
            Err(LoadError::Schema(problems)) => {
                prop_assert!(!problems.is_empty());
                for p in problems {
                    if p.path.is_empty() { continue; }
                    let found = lookup(&value, &p.path).is_some()
                        || (p.message == "is required" && (parent_of(&p.path).is_empty() || lookup(&value, parent_of(&p.path)).is_some()));
                    prop_assert!(found, "{} does not point into {}", p, value);
                }
            }
            Err(LoadError::Version(_)) | Ok(_) => {}
            Err(other) => prop_assert!(false, "unexpected error kind: {other:?}"),
        }
        // The same value as text goes through the same path.
        let text = value.to_string();
        let _ = parse_article(&text, Some(BASE));
    }

    #[test]
    fn articles_built_from_the_wire_types_always_validate(article in wire_article()) {
        let text = serde_json::to_string(&article).unwrap();
        let parsed = parse_article(&text, Some(BASE));
        prop_assert!(parsed.is_ok(), "{:?}\n{}", parsed.err(), text);
        let parsed = parsed.unwrap();
        prop_assert_eq!(&parsed.article.headline, &article.headline);
        prop_assert_eq!(parsed.article.body.len(), article.body.len());
        prop_assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    }
}

fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,.'<>&\"-]{1,24}".prop_filter("not blank", |s| !s.trim().is_empty())
}

fn url() -> impl Strategy<Value = String> {
    prop::sample::select(&["https://news.example/a", "/relative/path", "../up", "http://cdn.example/i.png"][..]).prop_map(str::to_owned)
}

fn content() -> impl Strategy<Value = wire::Content> {
    prop::collection::vec(
        prop_oneof![
            text().prop_map(wire::InlineNode::Text),
            (text(), any::<bool>(), any::<bool>(), prop::option::of(url())).prop_map(|(text, strong, em, href)| {
                let mut marks = Vec::new();
                if strong { marks.push(wire::Mark::Strong); }
                if em { marks.push(wire::Mark::Em); }
                wire::InlineNode::Run(wire::Run { text, marks, href })
            }),
        ],
        0..4,
    )
}

fn image() -> impl Strategy<Value = wire::Image> {
    (url(), prop::option::of(text()), prop::option::of(1u32..5000), prop::option::of(1u32..5000)).prop_map(|(src, alt, width, height)| {
        wire::Image { src, alt, caption: None, credit: None, width, height }
    })
}

fn block() -> impl Strategy<Value = wire::Block> {
    prop_oneof![
        content().prop_map(|content| wire::Block::Paragraph { content }),
        (prop::option::of(2u8..=4), content()).prop_map(|(level, content)| wire::Block::Heading { level, content }),
        (content(), prop::option::of(text())).prop_map(|(content, cite)| wire::Block::Quote { content, cite }),
        (any::<bool>(), prop::collection::vec(content(), 0..4)).prop_map(|(ordered, items)| wire::Block::List { ordered, items }),
        image().prop_map(wire::Block::Image),
    ]
}

fn donation() -> impl Strategy<Value = wire::Donation> {
    let frequency = (prop::sample::select(&[wire::FrequencyId::OneOff, wire::FrequencyId::Monthly, wire::FrequencyId::Annual][..]), prop::collection::vec(1u32..500, 1..4))
        .prop_map(|(id, amounts)| {
            let amounts: Vec<f64> = amounts.into_iter().map(f64::from).collect();
            wire::Frequency { id, default: amounts.first().copied(), amounts }
        });
    (
        prop::option::of(text()),
        prop::collection::vec(frequency, 0..3),
        prop::option::of(prop::sample::select(&["USD", "EUR", "gbp", "RUB"][..])),
        prop::option::of((0u32..10_000, 1u32..10_000)),
        prop::option::of(1u32..20),
    )
        .prop_map(|(heading, mut frequencies, currency, ticker, after)| {
            // One entry per frequency id, as the format says.
            let mut seen = Vec::new();
            frequencies.retain(|f| if seen.contains(&f.id) { false } else { seen.push(f.id); true });
            wire::Donation {
                heading,
                frequencies,
                currency: currency.map(str::to_owned),
                ticker: ticker.map(|(raised, goal)| wire::Ticker { raised: f64::from(raised), goal: f64::from(goal), label: None }),
                placement: after.map(|n| wire::Placement::AfterParagraph { after_paragraph: n }),
                cta: Some(wire::Cta { label: None, url: "/donate".into() }),
                ..wire::Donation::default()
            }
        })
}

fn wire_article() -> impl Strategy<Value = wire::Article> {
    (text(), prop::collection::vec(block(), 0..12), prop::option::of(donation()), prop::option::of(url()), prop::option::of(image()))
        .prop_map(|(headline, body, donation, url, image)| wire::Article {
            version: Some(1),
            headline,
            body,
            donation,
            url,
            image,
            date_published: Some("2012-01-11T09:00:00Z".into()),
            ..wire::Article::default()
        })
}
