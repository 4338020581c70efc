//! The configurator (`www/publish.html`) builds its controls from
//! `www/options.json`, a machine-readable copy of `config::OPTIONS` (and of
//! the UI languages, `i18n::Lang::ALL`), copied into `dist/` by the build.
//! The committed file must equal the text generated here; refresh it with
//! `UPDATE_OPTIONS=1 cargo test --test options_json`.
#![cfg(not(target_arch = "wasm32"))]

use article_embed::config::{Config, EmbedOption, MAX_RELATED, MAX_TIMEOUT_MS, MIN_TIMEOUT_MS, OPTIONS};
use article_embed::i18n::Lang;
use serde_json::{json, Value};

const OPTIONS_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/options.json");

/// The option's value when the attribute is absent, as attribute text: the
/// choice that reads as the default config, else the default's text when it
/// is a plain number; `null` when the default depends on the article or the
/// page (`donate`, `lang`) or is not a value (`src`).
fn default_value(option: &EmbedOption) -> Value {
    let defaults = Config::default();
    if !option.choices.is_empty() {
        return option
            .choices
            .iter()
            .find(|c| Config::from_attrs(|name| (name == option.name).then(|| (**c).to_owned())).0 == defaults)
            .map_or(Value::Null, |c| json!(c));
    }
    let plain = option.default.trim_matches('`');
    match plain.parse::<u32>() {
        Ok(_) => json!(plain),
        Err(_) => Value::Null,
    }
}

/// The bounds of the numeric options (`config`'s constants).
fn range(option: &EmbedOption) -> Option<(u32, u32)> {
    match option.name {
        "related" => Some((0, MAX_RELATED)),
        "timeout" => Some((MIN_TIMEOUT_MS, MAX_TIMEOUT_MS)),
        _ => None,
    }
}

fn generated() -> String {
    let options: Vec<Value> = OPTIONS
        .iter()
        .map(|o| {
            let mut entry = json!({
                "name": o.name,
                "attribute": format!("data-{}", o.name),
                "choices": o.choices,
                "values": o.values,
                "default": o.default,
                "defaultValue": default_value(o),
            });
            if let Some((min, max)) = range(o) {
                entry["min"] = json!(min);
                entry["max"] = json!(max);
            }
            if o.name == "lang" {
                entry["languages"] = json!(Lang::ALL.iter().map(|l| l.code()).collect::<Vec<_>>());
            }
            entry
        })
        .collect();
    let doc = json!({
        "comment": "Generated from src/config.rs OPTIONS and src/i18n.rs Lang::ALL by tests/options_json.rs (UPDATE_OPTIONS=1 cargo test --test options_json); do not edit.",
        "options": options,
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

#[test]
fn committed_options_json_matches_the_table() {
    let text = generated();
    if std::env::var_os("UPDATE_OPTIONS").is_some() {
        std::fs::write(OPTIONS_PATH, &text).unwrap();
    }
    let committed = std::fs::read_to_string(OPTIONS_PATH).unwrap_or_default();
    assert!(committed == text, "www/options.json is out of date; run UPDATE_OPTIONS=1 cargo test --test options_json");
}

#[test]
fn defaults_are_read_from_the_config() {
    let doc: Value = serde_json::from_str(&generated()).unwrap();
    let default_of = |name: &str| {
        doc["options"].as_array().unwrap().iter().find(|o| o["name"] == name).map(|o| o["defaultValue"].clone()).unwrap()
    };
    assert_eq!(default_of("theme"), json!("auto"));
    assert_eq!(default_of("layout"), json!("full"));
    assert_eq!(default_of("dnt"), json!("false"));
    assert_eq!(default_of("related"), json!("3"));
    assert_eq!(default_of("donate"), Value::Null);
    assert_eq!(default_of("lang"), Value::Null);
    assert_eq!(default_of("src"), Value::Null);
}

#[test]
fn every_language_is_listed_and_readable() {
    let doc: Value = serde_json::from_str(&generated()).unwrap();
    let lang = doc["options"].as_array().unwrap().iter().find(|o| o["name"] == "lang").unwrap();
    let codes: Vec<&str> = lang["languages"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert_eq!(codes, ["en", "ru", "uk", "kk", "de", "fr", "es", "ar"]);
    for code in codes {
        let (config, warnings) = Config::from_attrs(|name| (name == "lang").then(|| code.to_owned()));
        assert!(warnings.is_empty() && config.lang.map(Lang::code) == Some(code), "{code}");
        assert!(lang["values"].as_str().unwrap().contains(&format!("`{code}`")), "{code} is in the values text");
    }
}
