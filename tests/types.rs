//! The TypeScript declarations site owners get (`dist/article-embed.d.ts`,
//! committed as `www/article-embed.d.ts`) are generated from the two Rust
//! tables they describe: `config::OPTIONS` (the element's attributes) and
//! `context::EVENTS` (the contract's events and their `detail`s). The
//! committed file must equal the generated text; refresh it with
//! `UPDATE_TYPES=1 cargo test --test types`. The other tests keep `EVENTS`
//! equal to what the embed layer and the loader actually dispatch.
#![cfg(not(target_arch = "wasm32"))]

use article_embed::config::OPTIONS;
use article_embed::context::{LinkKind, EVENTS};
use article_embed::error::ErrorKind;
use article_embed::model::FrequencyId;

const TYPES_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/article-embed.d.ts");
const PREFIX: &str = "article-embed:";
/// The loader's internal event (a second copy of embed.js asking the first
/// to rescan); documented on `EVENTS`, deliberately not declared.
const INTERNAL_EVENTS: &[&str] = &["article-embed:scan"];

/// Markdown from the tables, as a one-line doc comment's text.
fn doc(text: &str) -> String {
    text.replace("*/", "*\\/")
}

fn union(values: &[&str]) -> String {
    values.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(" | ")
}

/// The declarations, from `OPTIONS` and `EVENTS`.
fn declarations() -> String {
    let mut out = String::new();
    out.push_str(
        "// TypeScript declarations for article-embed: the <article-embed> element, its\n\
         // options (attributes), its events and window.ArticleEmbed.\n\
         //\n\
         // Generated from the widget's own tables (src/config.rs OPTIONS and\n\
         // src/context.rs EVENTS) by tests/types.rs: do not edit by hand; run\n\
         // `UPDATE_TYPES=1 cargo test --test types` after changing either table.\n\
         //\n\
         // A bundler picks this file up through the package's \"types\"; a page that\n\
         // loads embed.js with a <script> tag adds\n\
         // `/// <reference types=\"article-embed\" />` (or lists \"article-embed\" in\n\
         // tsconfig's compilerOptions.types).\n\n",
    );

    out.push_str(
        "/**\n\
         \x20* The options of `<article-embed>`. They are attributes only: the element\n\
         \x20* has no properties of its own beyond `HTMLElement`'s, so set them with\n\
         \x20* `setAttribute` or as JSX attributes. What each accepts and its default:\n\
         \x20* docs/embedding.md, \"Options\". An invalid value falls back to the\n\
         \x20* default with a console warning. Options with a fixed set of values are\n\
         \x20* typed as that set; the others (a URL, a language tag, a number) as text.\n\
         \x20*/\n\
         export interface ArticleEmbedAttributes {\n",
    );
    for option in OPTIONS {
        let ty = if option.choices.is_empty() { "string".to_owned() } else { union(option.choices) };
        out.push_str(&format!("  {}?: {ty};\n", option.name));
    }
    out.push_str("}\n\n");

    out.push_str("/** The name of an option of `<article-embed>`. */\n");
    out.push_str("export type ArticleEmbedOption = keyof ArticleEmbedAttributes;\n\n");

    for event in EVENTS {
        out.push_str(&format!("/** The `detail` of `{}`. */\nexport interface {} {{\n", event.name, event.detail));
        for (field, ty) in event.fields {
            out.push_str(&format!("  {field}: {ty};\n"));
        }
        out.push_str("}\n\n");
    }

    out.push_str(
        "/**\n\
         \x20* Every event of an embed: a `CustomEvent` dispatched on its element with\n\
         \x20* `bubbles: true, composed: true`, so one listener on `document` hears every\n\
         \x20* embed.\n\
         \x20*/\n\
         export interface ArticleEmbedEventMap {\n",
    );
    for event in EVENTS {
        out.push_str(&format!("  /** {} */\n  \"{}\": CustomEvent<{}>;\n", doc(event.doc), event.name, event.detail));
    }
    out.push_str("}\n\n");
    out.push_str("/** The name of an event of `<article-embed>`. */\n");
    out.push_str("export type ArticleEmbedEventName = keyof ArticleEmbedEventMap;\n\n");

    out.push_str(
        "/**\n\
         \x20* The `<article-embed>` element. It adds no properties or methods to\n\
         \x20* `HTMLElement`: its options are the attributes of `ArticleEmbedAttributes`,\n\
         \x20* its events those of `ArticleEmbedEventMap` (typed on every element and on\n\
         \x20* `document` through `HTMLElementEventMap` and `DocumentEventMap`).\n\
         \x20*/\n\
         export interface ArticleEmbedElement extends HTMLElement {}\n\n\
         /** One embed's outcome, from `ArticleEmbed.load`. */\n\
         export interface ArticleEmbedLoadResult {\n\
         \x20 element: ArticleEmbedElement;\n\
         \x20 /** `true` when it rendered, `false` when it failed (see its `article-embed:error`) or has no `src`. */\n\
         \x20 ok: boolean;\n\
         }\n\n\
         /** `window.ArticleEmbed`, the one global embed.js defines. */\n\
         export interface ArticleEmbedApi {\n\
         \x20 /**\n\
         \x20  * Renders the embeds under `root` (default: the document) now rather than\n\
         \x20  * when they come near the viewport, upgrading placeholder blockquotes;\n\
         \x20  * resolves when each has rendered or failed. Calling it again is harmless.\n\
         \x20  */\n\
         \x20 load(root?: ParentNode): Promise<ArticleEmbedLoadResult[]>;\n\
         \x20 /** The widget's version (the crate's). */\n\
         \x20 readonly version: string;\n\
         }\n\n\
         declare global {\n\
         \x20 interface HTMLElementTagNameMap {\n\
         \x20   \"article-embed\": ArticleEmbedElement;\n\
         \x20 }\n\n",
    );
    for map in ["HTMLElementEventMap", "DocumentEventMap"] {
        out.push_str(&format!("  interface {map} {{\n"));
        for event in EVENTS {
            out.push_str(&format!("    \"{}\": CustomEvent<{}>;\n", event.name, event.detail));
        }
        out.push_str("  }\n\n");
    }
    out.push_str(
        "  interface Window {\n\
         \x20   /**\n\
         \x20    * Defined once embed.js has run; `undefined` before (the script is\n\
         \x20    * `async`) and in browsers too old for the widget.\n\
         \x20    */\n\
         \x20   readonly ArticleEmbed?: ArticleEmbedApi;\n\
         \x20 }\n\
         }\n",
    );
    out
}

/// Fails when the committed declarations differ from the generated ones.
#[test]
fn committed_declarations_match_the_tables() {
    let generated = declarations();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(TYPES_PATH, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(TYPES_PATH).unwrap_or_default();
    assert!(
        committed == generated,
        "www/article-embed.d.ts is out of date; run UPDATE_TYPES=1 cargo test --test types"
    );
}

#[test]
fn every_option_is_an_optional_attribute_typed_by_its_choices() {
    let text = declarations();
    for option in OPTIONS {
        let ty = if option.choices.is_empty() { "string".to_owned() } else { union(option.choices) };
        assert!(text.contains(&format!("  {}?: {ty};\n", option.name)), "{} is not declared as {ty}", option.name);
    }
    let theme = OPTIONS.iter().find(|o| o.name == "theme").map(|o| o.choices);
    assert_eq!(theme, Some(&["light", "dark", "auto"][..]));
}

#[test]
fn events_are_unique_prefixed_and_start_with_src() {
    for (i, event) in EVENTS.iter().enumerate() {
        assert!(event.name.starts_with(PREFIX), "{}", event.name);
        assert!(EVENTS[..i].iter().all(|e| e.name != event.name && e.detail != event.detail), "{} twice", event.name);
        assert_eq!(event.fields.first(), Some(&("src", "string")), "{}: detail starts with src", event.name);
        assert!(!INTERNAL_EVENTS.contains(&event.name), "{} is internal", event.name);
    }
}

/// The unions in the declarations are the Rust enums' wire names. (The
/// matches are exhaustive: a new variant fails to compile here.)
#[test]
fn detail_unions_are_the_rust_enums() {
    let kinds = [ErrorKind::Network, ErrorKind::Timeout, ErrorKind::Http, ErrorKind::Json, ErrorKind::Schema, ErrorKind::Version];
    for kind in kinds {
        match kind {
            ErrorKind::Network | ErrorKind::Timeout | ErrorKind::Http | ErrorKind::Json | ErrorKind::Schema | ErrorKind::Version => {}
        }
    }
    let frequencies = [FrequencyId::OneOff, FrequencyId::Monthly, FrequencyId::Annual];
    for frequency in frequencies {
        match frequency {
            FrequencyId::OneOff | FrequencyId::Monthly | FrequencyId::Annual => {}
        }
    }
    let links = [LinkKind::Related, LinkKind::Canonical];
    for link in links {
        match link {
            LinkKind::Related | LinkKind::Canonical => {}
        }
    }
    let field = |event: &str, name: &str| {
        EVENTS
            .iter()
            .find(|e| e.name == event)
            .and_then(|e| e.fields.iter().find(|(f, _)| *f == name))
            .map(|(_, ty)| ty.to_string())
    };
    let names = |v: Vec<&'static str>| Some(union(&v));
    assert_eq!(field("article-embed:error", "kind"), names(kinds.iter().map(|k| k.as_str()).collect()));
    assert_eq!(field("article-embed:donate", "frequency"), names(frequencies.iter().map(|f| f.as_str()).collect()));
    assert_eq!(field("article-embed:link", "kind"), names(links.iter().map(|k| k.as_str()).collect()));
}

/// The event names `web::embed::dispatch` fires: each match arm of its body
/// ends in the name as a bare string literal (`"rendered"`), which the
/// function prefixes with `article-embed:`.
fn dispatched_by_the_widget() -> Vec<String> {
    let source = include_str!("../src/web/embed.rs");
    let start = source.find("fn dispatch(").expect("src/web/embed.rs has no fn dispatch");
    let body = &source[start..];
    let end = body.find("\n}\n").map_or(body.len(), |i| i + 3);
    let body = &body[..end];
    assert!(
        body.contains("[\"article-embed:\", name].concat()"),
        "dispatch no longer names its events as [\"article-embed:\", name].concat(); update tests/types.rs"
    );
    body.lines()
        .map(str::trim)
        .filter(|line| line.len() > 2 && line.starts_with('"') && line.ends_with('"') && !line[1..line.len() - 1].contains('"'))
        .map(|line| format!("{PREFIX}{}", &line[1..line.len() - 1]))
        .collect()
}

/// Every event name in the loader: each string literal `"article-embed:…"`
/// made of lower-case letters and hyphens (not its messages, which start
/// with `article-embed: `).
fn named_by_the_loader() -> Vec<String> {
    let source = include_str!("../www/embed.js");
    let needle = format!("\"{PREFIX}");
    let mut names = Vec::new();
    let mut rest = source;
    while let Some(i) = rest.find(&needle) {
        let after = &rest[i + 1..];
        let end = after.find('"').unwrap_or(after.len());
        let literal = &after[..end];
        let name = &literal[PREFIX.len()..];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            names.push(literal.to_owned());
        }
        rest = &after[end..];
    }
    names
}

#[test]
fn every_event_the_widget_dispatches_is_in_the_table() {
    let names = dispatched_by_the_widget();
    for core in ["rendered", "error", "donate", "remind-later", "link"] {
        assert!(names.contains(&format!("{PREFIX}{core}")), "dispatch does not fire {PREFIX}{core}? found {names:?}");
    }
    for name in &names {
        assert!(EVENTS.iter().any(|e| e.name == name), "src/web/embed.rs dispatches {name}, which context::EVENTS (and so the declarations) lacks");
    }
}

#[test]
fn every_event_the_loader_names_is_in_the_table_or_internal() {
    let names = named_by_the_loader();
    assert!(names.iter().any(|n| n == "article-embed:error"), "the loader fires article-embed:error when the bundle cannot load");
    assert!(names.iter().any(|n| n == "article-embed:scan"), "the loader's second copy asks the first to rescan");
    for name in &names {
        assert!(
            EVENTS.iter().any(|e| e.name == name) || INTERNAL_EVENTS.contains(&name.as_str()),
            "www/embed.js names {name}, which is neither in context::EVENTS nor an internal event"
        );
    }
    let declarations = declarations();
    for internal in INTERNAL_EVENTS {
        assert!(!declarations.contains(internal), "{internal} is internal and must not be declared");
    }
}
