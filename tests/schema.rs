//! The published JSON Schema and the wire types it is generated from stay in
//! step with the validator.
#![cfg(not(target_arch = "wasm32"))]

use article_embed::parse::parse_article;
use article_embed::wire;

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/schema/article-v1.json");

/// Fails when the committed schema differs from the one the wire types
/// generate. Refresh it with `UPDATE_SCHEMA=1 cargo test --test schema`.
#[test]
fn committed_schema_matches_the_wire_types() {
    let generated = wire::json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(SCHEMA_PATH).unwrap();
    assert!(
        committed == generated,
        "www/schema/article-v1.json is out of date; run UPDATE_SCHEMA=1 cargo test --test schema"
    );
}

#[test]
fn demo_articles_conform_to_the_wire_types() {
    for (name, json) in [
        ("four-officers", include_str!("../www/articles/four-officers.json")),
        ("every-block", include_str!("../www/articles/every-block.json")),
    ] {
        let article: Result<wire::Article, _> = serde_json::from_str(json);
        assert!(article.is_ok(), "{name}: {:?}", article.err());
        let parsed = parse_article(json, Some("https://news.example/embed/a.json"));
        assert!(parsed.as_ref().is_ok_and(|p| p.warnings.is_empty()), "{name}: {parsed:?}");
    }
}

#[test]
fn schema_names_every_block_type_and_required_field() {
    let schema = wire::json_schema();
    for needle in ["\"paragraph\"", "\"heading\"", "\"quote\"", "\"list\"", "\"image\"", "\"afterParagraph\"", "\"frequencyCap\"", "\"remindLater\""] {
        assert!(schema.contains(needle), "schema lacks {needle}");
    }
    let value: serde_json::Value = serde_json::from_str(&schema).unwrap();
    assert_eq!(value["required"], serde_json::json!(["headline", "body"]));
}
