//! Validation tests: the seed article, and tables of bad input.

use super::*;
use crate::error::ErrorKind;

const SEED: &str = include_str!("../../www/articles/four-officers.json");
const BASE: &str = "https://news.example/embed/four-officers.json";

fn parse(json: &str) -> Result<Parsed, LoadError> {
    parse_article(json, Some(BASE))
}

/// Problems of a schema error, as `path: message` lines.
fn problems(json: &str) -> Vec<String> {
    match parse(json) {
        Err(LoadError::Schema(problems)) => problems.iter().map(ToString::to_string).collect(),
        other => panic!("expected a schema error, got {other:?}"),
    }
}

fn warnings(json: &str) -> Vec<String> {
    match parse(json) {
        Ok(parsed) => parsed.warnings.iter().map(ToString::to_string).collect(),
        Err(e) => panic!("expected success, got {e}"),
    }
}

fn article(json: &str) -> Article {
    match parse(json) {
        Ok(parsed) => parsed.article,
        Err(e) => panic!("expected success, got {e}"),
    }
}

/// A minimal valid article with one extra top-level member.
fn with(member: &str) -> String {
    format!(r#"{{"version":1,"headline":"H","body":[{{"type":"paragraph","content":["p"]}}],{member}}}"#)
}

/// A minimal valid article whose body is `blocks`.
fn body(blocks: &str) -> String {
    format!(r#"{{"version":1,"headline":"H","body":[{blocks}]}}"#)
}

#[test]
fn seed_article_parses_completely_without_warnings() {
    let parsed = parse(SEED).expect("the seed article is valid");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let a = parsed.article;
    assert_eq!(a.headline, "Four Officers Prosecuted for Kazakh Riot Shootings");
    assert_eq!(a.dateline.as_deref(), Some("ALMATY"));
    assert_eq!(a.body.len(), 18);
    assert_eq!(a.related.len(), 4);
    assert_eq!(a.notices.len(), 1);
    let d = a.donation.expect("donation");
    assert!(d.banner.is_some());
    assert_eq!(d.highlight.as_deref(), Some("If you can, please support us monthly starting from just $2."));
    assert_eq!(d.frequencies[0].id, FrequencyId::Monthly);
    assert_eq!(d.frequencies[0].default, Some(5.0));
    assert_eq!(d.payment_methods.len(), 6);
    assert_eq!(d.remind_later.map(|r| r.days), Some(30));
    assert_eq!(d.frequency_cap, Some(FrequencyCap { views: 4, days: 30 }));
}

#[test]
fn missing_headline_and_body_are_both_reported() {
    assert_eq!(problems(r#"{"version":1}"#), ["headline: is required", "body: is required"]);
}

#[test]
fn empty_headline_is_a_schema_error() {
    assert_eq!(problems(r#"{"headline":"  ","body":[]}"#), ["headline: must not be empty"]);
}

#[test]
fn version_other_than_one_is_a_version_error() {
    for (json, found) in [
        (r#"{"version":2,"headline":"H","body":[]}"#, "2"),
        (r#"{"version":"1","headline":"H","body":[]}"#, "\"1\""),
        (r#"{"version":1.5,"headline":"H","body":[]}"#, "1.5"),
    ] {
        match parse(json) {
            Err(LoadError::Version(v)) => assert_eq!(v, found),
            other => panic!("{json}: {other:?}"),
        }
    }
}

#[test]
fn missing_version_is_read_as_version_one() {
    assert!(parse(r#"{"headline":"H","body":[]}"#).is_ok());
}

#[test]
fn schema_problems_carry_json_paths() {
    let json = body(
        r#"{"type":"paragraph","content":["ok"]},
           {"type":"paragraph"},
           {"type":"paragraph","content":"text"},
           {"type":"paragraph","content":["a", 5, {"marks":["strong"]}]},
           {"type":"list","items":[["x"], "y"]},
           {"type":"image","alt":"no src"},
           {"content":["no type"]},
           7"#,
    );
    assert_eq!(
        problems(&json),
        [
            "body[1].content: is required",
            "body[2].content: expected an array of text runs, found a string",
            "body[3].content[1]: expected a string or a text run object, found a number",
            "body[3].content[2].text: is required",
            "body[4].items[1]: expected an array of text runs, found a string",
            "body[5].src: is required",
            "body[6].type: is required",
            "body[7]: expected an object, found a number",
        ]
    );
}

#[test]
fn wrong_types_at_each_level_are_schema_errors() {
    let cases: &[(&str, &str)] = &[
        (r#"{"headline":5,"body":[]}"#, "headline: expected a string, found a number"),
        (r#"{"headline":"H","body":{}}"#, "body: expected an array of blocks, found an object"),
        (&with(r#""publisher":"TMT""#), "publisher: expected an object, found a string"),
        (&with(r#""publisher":{"url":"https://a.example"}"#), "publisher.name: is required"),
        (&with(r#""authors":{"name":"x"}"#), "authors: expected an array, found an object"),
        (&with(r#""authors":[{"name":1}]"#), "authors[0].name: expected a string, found a number"),
        (&with(r#""image":{"src":"a.jpg","width":"wide"}"#), "image.width: expected a whole number, found a string"),
        (&with(r#""image":{"src":"a.jpg","width":-3}"#), "image.width: must be a whole number from 1 to 20000"),
        (&with(r#""notices":[{"kind":"info"}]"#), "notices[0].text: is required"),
        (&with(r#""related":[{"url":"/x"}]"#), "related[0].headline: is required"),
        (&with(r#""donation":[]"#), "donation: expected an object, found an array"),
        (&with(r#""donation":{"currency":"dollars"}"#), "donation.currency: \"dollars\" is not an ISO 4217 currency code"),
        (&with(r#""donation":{"frequencies":[{"id":"monthly","amounts":[2,"5"]}]}"#), "donation.frequencies[0].amounts[1]: expected a number, found a string"),
        (&with(r#""donation":{"frequencies":[{"id":"monthly","amounts":[0]}]}"#), "donation.frequencies[0].amounts[0]: must be greater than 0"),
        (&with(r#""donation":{"ticker":{"raised":5}}"#), "donation.ticker.goal: is required"),
        (&with(r#""donation":{"ticker":{"raised":5,"goal":0}}"#), "donation.ticker.goal: must be greater than 0"),
        (&with(r#""donation":{"placement":"middle"}"#), "donation.placement: expected \"end\" or {\"afterParagraph\": N}, found a string"),
        (&with(r#""donation":{"placement":{"afterParagraph":0}}"#), "donation.placement.afterParagraph: must be a whole number from 1 to 100000"),
        (&body(r#"{"type":"list","ordered":"yes","items":[]}"#), "body[0].ordered: expected true or false, found a string"),
        (&body(r#"{"type":"heading","level":"2","content":["x"]}"#), "body[0].level: expected a whole number from 2 to 4, found a string"),
        (&body(r#"{"type":5}"#), "body[0].type: expected a string, found a number"),
    ];
    for (json, expected) in cases {
        assert_eq!(problems(json), [*expected], "{json}");
    }
}

#[test]
fn nulls_are_absent_optional_fields_but_not_required_ones() {
    let a = article(r#"{"version":1,"headline":"H","body":[],"standfirst":null,"image":null,"donation":null,"authors":null}"#);
    assert_eq!(a.standfirst, None);
    assert_eq!(a.image, None);
    assert_eq!(a.donation, None);
    assert_eq!(problems(r#"{"headline":null,"body":null}"#), ["headline: is required", "body: is required"]);
}

#[test]
fn unknown_fields_are_ignored_and_unknown_blocks_skipped_with_a_warning() {
    let json = r#"{"version":1,"headline":"H","extra":{"deep":[1,2]},"body":[
        {"type":"paragraph","content":["a"],"color":"red"},
        {"type":"video","src":"https://v.example/x.mp4"},
        {"type":"paragraph","content":["b"]}]}"#;
    let parsed = parse(json).expect("valid");
    assert_eq!(parsed.article.body.len(), 2);
    assert_eq!(
        parsed.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["body[1]: unknown block type \"video\" skipped"]
    );
}

#[test]
fn every_block_type_is_read() {
    let a = article(&body(
        r#"{"type":"paragraph","content":["a ",{"text":"b","marks":["strong","em"],"href":"/x"}]},
           {"type":"heading","level":3,"content":["h"]},
           {"type":"quote","content":["q"],"cite":"c"},
           {"type":"list","ordered":true,"items":[["one"],["two"]]},
           {"type":"image","src":"i/2.jpg","alt":"alt","caption":"cap","credit":"cr","width":800,"height":533}"#,
    ));
    assert_eq!(
        a.body,
        [
            Block::Paragraph(vec![
                Inline::plain("a "),
                Inline { text: "b".into(), strong: true, em: true, href: Some("https://news.example/x".into()) },
            ]),
            Block::Heading { level: 3, content: vec![Inline::plain("h")] },
            Block::Quote { content: vec![Inline::plain("q")], cite: Some("c".into()) },
            Block::List { ordered: true, items: vec![vec![Inline::plain("one")], vec![Inline::plain("two")]] },
            Block::Image(Image {
                src: "https://news.example/embed/i/2.jpg".into(),
                alt: "alt".into(),
                caption: Some("cap".into()),
                credit: Some("cr".into()),
                width: Some(800),
                height: Some(533),
            }),
        ]
    );
}

#[test]
fn heading_levels_outside_two_to_four_are_clamped_with_a_warning() {
    let parsed = parse(&body(r#"{"type":"heading","level":1,"content":["a"]},{"type":"heading","level":6,"content":["b"]}"#)).unwrap();
    assert!(matches!(parsed.article.body[0], Block::Heading { level: 2, .. }));
    assert!(matches!(parsed.article.body[1], Block::Heading { level: 4, .. }));
    assert_eq!(parsed.warnings.len(), 2);
}

#[test]
fn disallowed_urls_drop_the_link_keep_the_text_and_warn() {
    let json = body(r#"{"type":"paragraph","content":[{"text":"click","href":"javascript:alert(1)"}]}"#);
    let parsed = parse(&json).unwrap();
    assert_eq!(parsed.article.body, [Block::Paragraph(vec![Inline::plain("click")])]);
    assert_eq!(
        parsed.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["body[0].content[0].href: URL dropped: the scheme \"javascript:\" is not allowed (use http or https)"]
    );
}

#[test]
fn disallowed_image_source_drops_the_image() {
    let parsed = parse(&body(r#"{"type":"image","src":"data:image/png;base64,AAAA","alt":"x"}"#)).unwrap();
    assert!(parsed.article.body.is_empty());
    assert_eq!(parsed.warnings.len(), 1);
    let a = article(&with(r#""image":{"src":"javascript:x"},"related":[{"headline":"r","url":"vbscript:x","image":"data:x"}]"#));
    assert_eq!(a.image, None);
    assert_eq!(a.related[0].url, None);
    assert_eq!(a.related[0].image, None);
}

#[test]
fn mailto_only_for_inline_links() {
    let a = article(&with(r#""url":"mailto:a@b.example","donation":{"cta":{"url":"mailto:a@b.example"}}"#));
    assert_eq!(a.url, None);
    assert_eq!(a.donation.unwrap().cta, None);
    let a = article(&body(r#"{"type":"paragraph","content":[{"text":"mail","href":"mailto:a@b.example"}]}"#));
    assert_eq!(a.body, [Block::Paragraph(vec![Inline { text: "mail".into(), href: Some("mailto:a@b.example".into()), ..Inline::default() }])]);
}

#[test]
fn relative_urls_resolve_against_the_json_url() {
    let a = article(&with(r#""url":"../2012/01/11/a","publisher":{"name":"P","logo":"/logo.svg"}"#));
    assert_eq!(a.url.as_deref(), Some("https://news.example/2012/01/11/a"));
    assert_eq!(a.publisher.unwrap().logo.as_deref(), Some("https://news.example/logo.svg"));
}

#[test]
fn unparseable_dates_are_warnings_and_not_shown() {
    let parsed = parse(&with(r#""datePublished":"11 Jan 2012","dateModified":"2012-01-11T12:30:00Z""#)).unwrap();
    assert_eq!(parsed.article.date_published, None);
    assert!(parsed.article.date_modified.is_some());
    assert_eq!(
        parsed.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["datePublished: not an RFC 3339 date; it is not shown"]
    );
}

#[test]
fn unknown_frequencies_payment_methods_and_marks_are_warnings() {
    let w = warnings(&with(
        r#""donation":{"frequencies":[{"id":"weekly","amounts":[1]},{"id":"monthly","amounts":[2,5],"default":7}],
            "paymentMethods":["visa","bitcoin","visa"]},
          "standfirst":"s""#,
    ));
    assert_eq!(
        w,
        [
            "donation.frequencies[0].id: unknown frequency \"weekly\" skipped (use one-off, monthly or annual)",
            "donation.frequencies[1].default: is not one of the amounts; ignored",
            "donation.paymentMethods[1]: unknown payment method \"bitcoin\" ignored",
        ]
    );
}

#[test]
fn placement_after_paragraph_is_read() {
    let a = article(&with(r#""donation":{"placement":{"afterParagraph":3}}"#));
    assert_eq!(a.donation.unwrap().placement, Placement::AfterParagraph(3));
}

#[test]
fn too_many_blocks_is_a_schema_error() {
    let blocks = vec![r#"{"type":"paragraph","content":["x"]}"#; MAX_BODY_BLOCKS + 1].join(",");
    assert_eq!(problems(&body(&blocks)), [format!("body: has {} blocks; at most 5000 render", MAX_BODY_BLOCKS + 1)]);
    let blocks = vec![r#"{"type":"paragraph","content":["x"]}"#; MAX_BODY_BLOCKS].join(",");
    assert_eq!(article(&body(&blocks)).body.len(), MAX_BODY_BLOCKS);
}

#[test]
fn too_many_bytes_is_a_schema_error() {
    let big = format!(r#"{{"headline":"{}","body":[]}}"#, "x".repeat(crate::limits::MAX_JSON_BYTES));
    let p = problems(&big);
    assert_eq!(p.len(), 1);
    assert!(p[0].contains("at most 2097152 render"), "{p:?}");
}

/// The bad-input table: none of these may panic, and each ends in the
/// expected error kind.
#[test]
fn bad_input_table() {
    let deep_array = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_body = format!(r#"{{"headline":"H","body":[{{"type":"paragraph","content":{}}}]}}"#, "[".repeat(5_000));
    let huge_string = format!(r#"{{"headline":"{}","body":[]}}"#, "a".repeat(10 * 1024 * 1024));
    let cases: Vec<(&str, String, ErrorKind)> = vec![
        ("empty", String::new(), ErrorKind::Json),
        ("whitespace", "  \n ".into(), ErrorKind::Json),
        ("truncated", SEED[..SEED.len() / 2].into(), ErrorKind::Json),
        ("html error page", "<!doctype html><h1>502 Bad Gateway</h1>".into(), ErrorKind::Json),
        ("null", "null".into(), ErrorKind::Schema),
        ("array root", "[]".into(), ErrorKind::Schema),
        ("string root", r#""article""#.into(), ErrorKind::Schema),
        ("number root", "1".into(), ErrorKind::Schema),
        ("deep nesting", deep_array, ErrorKind::Json),
        ("deep nesting in body", deep_body, ErrorKind::Json),
        ("10 MB string", huge_string, ErrorKind::Schema),
        ("number too large", r#"{"headline":"H","body":[],"version":1e999}"#.into(), ErrorKind::Json),
        ("trailing garbage", r#"{"headline":"H","body":[]} x"#.into(), ErrorKind::Json),
        ("comments", r#"{"headline":"H", /* c */ "body":[]}"#.into(), ErrorKind::Json),
        ("lone surrogate escape", r#"{"headline":"\ud800","body":[]}"#.into(), ErrorKind::Json),
    ];
    for (title, input, kind) in cases {
        match parse(&input) {
            Err(e) => assert_eq!(e.kind(), kind, "{title}: {e}"),
            Ok(_) => panic!("{title}: expected a {} error", kind.as_str()),
        }
    }
}

#[test]
fn byte_order_mark_is_accepted() {
    assert!(parse(&format!("\u{feff}{}", body(""))).is_ok());
}

#[test]
fn duplicate_keys_take_the_last_value() {
    assert_eq!(article(r#"{"headline":"first","headline":"second","body":[]}"#).headline, "second");
}

#[test]
fn invalid_utf8_bytes_are_a_json_error() {
    let bytes = b"{\"headline\":\"caf\xe9\",\"body\":[]}";
    let e = parse_article_bytes(bytes, Some(BASE)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Json);
    assert_eq!(e.to_string(), "the response is not valid JSON: the response is not UTF-8 (invalid bytes at offset 16)");
}

#[test]
fn valid_bytes_parse_like_text() {
    assert_eq!(parse_article_bytes(SEED.as_bytes(), Some(BASE)).unwrap(), parse(SEED).unwrap());
    let e = parse_article_bytes(&vec![b' '; crate::limits::MAX_JSON_BYTES + 10], Some(BASE)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Schema);
}

#[test]
fn markup_in_text_stays_text() {
    let a = article(r#"{"headline":"<script>alert(1)</script>","body":[{"type":"paragraph","content":["<img src=x onerror=alert(1)>"]}]}"#);
    assert_eq!(a.headline, "<script>alert(1)</script>");
    assert_eq!(a.body, [Block::Paragraph(vec![Inline::plain("<img src=x onerror=alert(1)>")])]);
}

#[test]
fn error_messages_name_the_problem_for_site_owners() {
    let e = parse(r#"{"version":1}"#).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Schema);
    assert_eq!(e.to_string(), "the article JSON is not valid (2 problems)\n- headline: is required\n- body: is required");
    let e = parse(r#"{"version":3,"headline":"H","body":[]}"#).unwrap_err();
    assert_eq!(e.to_string(), "article format version 3 is not supported by this widget (it reads version 1)");
}
