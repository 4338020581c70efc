//! `--from jsonld`: schema.org `NewsArticle` (or any `…Article`,
//! `BlogPosting`) JSON-LD, from an HTML page's
//! `<script type="application/ld+json">` blocks or a bare JSON-LD file.
//!
//! The article is the first object whose `@type` is an article type,
//! looked for in top-level arrays, `@graph` arrays and nested objects
//! (`mainEntity`); `{"@id": …}` references to other nodes (authors,
//! publisher, image) are followed. The body is the page's `<article>`
//! paragraphs when they hold at least half the text of `articleBody`,
//! else `articleBody` split into paragraphs on blank lines.

use std::collections::HashMap;

use article_embed::limits::{MAX_IMAGE_SIZE, MIN_IMAGE_SIZE};
use article_embed::model::{Article, Author, Block, Image, Inline, Publisher};
use article_embed::url_policy::UrlUse;
use scraper::{Html, Selector};
use serde_json::Value;

use super::{clean, date, slug, slug_of_url, url, Warnings};
use crate::error::CliError;
use crate::html;

/// Nodes nested deeper than this are not indexed for `@id` references.
const MAX_INDEX_DEPTH: usize = 32;

pub fn convert(input: &str, warnings: &mut Warnings) -> Result<Article, CliError> {
    let trimmed = input.trim_start_matches('\u{feff}').trim_start();
    let (nodes, page) = if trimmed.starts_with('{') || trimmed.starts_with('[') {
        (vec![super::parse_json(trimmed, "JSON-LD")?], None)
    } else {
        let page = Html::parse_document(input);
        (scripts(&page, warnings), Some(page))
    };
    let index = Index::new(&nodes);
    let Some(node) = nodes.iter().find_map(find_article) else {
        return Err(CliError::invalid(if page.is_some() {
            "no NewsArticle (or other Article) object in the page's <script type=\"application/ld+json\"> blocks"
        } else {
            "no NewsArticle (or other Article) object in the JSON-LD"
        }));
    };
    let headline = string(node, "headline")
        .or_else(|| string(node, "name"))
        .ok_or_else(|| CliError::invalid("the NewsArticle has no headline"))?;

    let mut a = super::article(headline);
    a.url = link(node).and_then(|u| url(&u, None, UrlUse::Link, "url", warnings));
    let base = a.url.clone();
    let base = base.as_deref();
    a.id = string(node, "identifier")
        .and_then(|s| slug(&s))
        .or_else(|| a.url.as_deref().and_then(slug_of_url))
        .or_else(|| slug(&a.headline));
    a.lang = string(node, "inLanguage");
    a.section = first(node.get("articleSection")).and_then(|v| v.as_str()).and_then(clean);
    a.standfirst = string(node, "description");
    a.date_published = string(node, "datePublished").and_then(|d| date(&d, "datePublished", warnings));
    a.date_modified = string(node, "dateModified").and_then(|d| date(&d, "dateModified", warnings));
    a.authors = many(node.get("author")).filter_map(|v| person(index.resolve(v), base, warnings)).collect();
    a.publisher = node
        .get("publisher")
        .map(|p| index.resolve(first(Some(p)).unwrap_or(p)))
        .and_then(|p| publisher(p, &index, base, warnings));
    a.image = first(node.get("image")).and_then(|i| image(index.resolve(i), base, warnings));
    a.body = body(node, page.as_ref(), base, warnings);
    Ok(a)
}

/// Every JSON-LD block of the page, parsed; broken ones are skipped with a warning.
fn scripts(page: &Html, warnings: &mut Warnings) -> Vec<Value> {
    let Ok(selector) = Selector::parse("script[type]") else { return Vec::new() };
    let mut out = Vec::new();
    for (i, script) in page.select(&selector).enumerate() {
        let kind = script.attr("type").unwrap_or("").trim().to_ascii_lowercase();
        if !kind.starts_with("application/ld+json") {
            continue;
        }
        let text: String = script.text().collect();
        match serde_json::from_str::<Value>(text.trim()) {
            Ok(v) => out.push(v),
            Err(e) => warnings.warn(format!("skipped JSON-LD block {} (not JSON: {e})", i + 1)),
        }
    }
    out
}

/// The article types this converter reads (with or without a schema.org prefix).
fn is_article_type(t: &str) -> bool {
    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
    t.ends_with("Article") || t == "BlogPosting" || t == "LiveBlogPosting" || t == "Report"
}

fn types(node: &Value) -> impl Iterator<Item = &str> {
    many(node.get("@type")).filter_map(Value::as_str)
}

/// The first article object, depth first, the node itself before its children.
fn find_article(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(o) => {
            if types(v).any(is_article_type) {
                return Some(v);
            }
            if let Some(graph) = o.get("@graph") {
                if let Some(found) = find_article(graph) {
                    return Some(found);
                }
            }
            o.iter().filter(|(k, _)| k.as_str() != "@graph").find_map(|(_, child)| find_article(child))
        }
        _ => None,
    }
}

/// Every node with an `@id`, to follow `{"@id": …}` references.
struct Index<'v>(HashMap<&'v str, &'v Value>);

impl<'v> Index<'v> {
    fn new(roots: &'v [Value]) -> Self {
        fn walk<'v>(v: &'v Value, map: &mut HashMap<&'v str, &'v Value>, depth: usize) {
            if depth > MAX_INDEX_DEPTH {
                return;
            }
            match v {
                Value::Array(items) => items.iter().for_each(|i| walk(i, map, depth + 1)),
                Value::Object(o) => {
                    if let Some(id) = o.get("@id").and_then(Value::as_str) {
                        // The fullest description of a node wins over a bare reference.
                        let better = map.get(id).is_none_or(|old| old.as_object().map_or(0, |m| m.len()) < o.len());
                        if better {
                            map.insert(id, v);
                        }
                    }
                    o.values().for_each(|c| walk(c, map, depth + 1));
                }
                _ => {}
            }
        }
        let mut map = HashMap::new();
        roots.iter().for_each(|r| walk(r, &mut map, 0));
        Index(map)
    }

    /// The node a bare `{"@id": …}` reference points to, else the value itself.
    fn resolve(&self, v: &'v Value) -> &'v Value {
        match v.as_object() {
            Some(o) if o.len() == 1 => {
                o.get("@id").and_then(Value::as_str).and_then(|id| self.0.get(id).copied()).unwrap_or(v)
            }
            _ => v,
        }
    }
}

/// A value or each element of an array value.
fn many(v: Option<&Value>) -> impl Iterator<Item = &Value> {
    let items: &[Value] = match v {
        Some(Value::Array(items)) => items,
        Some(v) => std::slice::from_ref(v),
        None => &[],
    };
    items.iter()
}

fn first(v: Option<&Value>) -> Option<&Value> {
    many(v).next()
}

fn string(node: &Value, key: &str) -> Option<String> {
    node.get(key).and_then(Value::as_str).and_then(clean)
}

/// A URL given as a string or as an object with `@id`/`url`.
fn url_like(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Object(o) => o
            .get("url")
            .or_else(|| o.get("contentUrl"))
            .or_else(|| o.get("@id"))
            .and_then(Value::as_str)
            .and_then(clean),
        _ => None,
    }
}

fn link(node: &Value) -> Option<String> {
    string(node, "url").or_else(|| node.get("mainEntityOfPage").and_then(url_like))
}

fn person(v: &Value, base: Option<&str>, warnings: &mut Warnings) -> Option<Author> {
    match v {
        Value::String(name) => clean(name).map(|name| Author { name, url: None }),
        Value::Object(_) => {
            let name = string(v, "name")?;
            let url = string(v, "url").and_then(|u| url(&u, base, UrlUse::Link, "author url", warnings));
            Some(Author { name, url })
        }
        _ => None,
    }
}

fn publisher(v: &Value, index: &Index<'_>, base: Option<&str>, warnings: &mut Warnings) -> Option<Publisher> {
    let name = match v {
        Value::String(s) => return clean(s).map(|name| Publisher { name, url: None, logo: None }),
        _ => string(v, "name")?,
    };
    Some(Publisher {
        name,
        url: string(v, "url").and_then(|u| url(&u, base, UrlUse::Link, "publisher url", warnings)),
        logo: first(v.get("logo"))
            .map(|l| index.resolve(l))
            .and_then(url_like)
            .and_then(|u| url(&u, base, UrlUse::Image, "publisher logo", warnings)),
    })
}

/// A width or height: a number, a numeric string, or `{"value": N}`.
fn size(v: Option<&Value>) -> Option<u32> {
    let n = match v? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().trim_end_matches("px").parse().ok(),
        Value::Object(o) => return size(o.get("value")),
        _ => None,
    }?;
    u32::try_from(n).ok().filter(|n| (MIN_IMAGE_SIZE..=MAX_IMAGE_SIZE).contains(n))
}

fn image(v: &Value, base: Option<&str>, warnings: &mut Warnings) -> Option<Image> {
    let src = url(&url_like(v)?, base, UrlUse::Image, "image", warnings)?;
    Some(Image {
        src,
        alt: String::new(),
        caption: string(v, "caption").or_else(|| string(v, "description")),
        credit: string(v, "creditText"),
        width: size(v.get("width")),
        height: size(v.get("height")),
    })
}

fn body(node: &Value, page: Option<&Html>, base: Option<&str>, warnings: &mut Warnings) -> Vec<Block> {
    let from_text = node.get("articleBody").and_then(Value::as_str).map(split_paragraphs).unwrap_or_default();
    let text_len: usize = from_text.iter().map(String::len).sum();
    let from_page = page.and_then(|p| {
        let selector = Selector::parse("article").ok()?;
        let article = p.select(&selector).next()?;
        let mut page_warnings = Warnings::default();
        let blocks = html::paragraphs_of(article, base, "<article>", &mut page_warnings);
        let len: usize = blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(runs) => runs.iter().map(|r| r.text.len()).sum(),
                _ => 0,
            })
            .sum();
        (len > 0 && len * 2 >= text_len).then(|| {
            page_warnings.iter().for_each(|w| warnings.warn(w));
            blocks
        })
    });
    if let Some(blocks) = from_page {
        return blocks;
    }
    if from_text.is_empty() {
        warnings.warn("no articleBody and no <article> paragraphs: the body is empty");
    }
    from_text.into_iter().map(|p| Block::Paragraph(vec![Inline::plain(p)])).collect()
}

/// Plain text → paragraphs: blank lines separate them; text with no blank
/// line but several lines has one paragraph per line.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n");
    let mut paragraphs: Vec<String> = text.split("\n\n").filter_map(clean).collect();
    if paragraphs.len() == 1 && text.trim().contains('\n') {
        paragraphs = text.lines().filter_map(clean).collect();
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert_str(input: &str) -> (Result<Article, CliError>, Vec<String>) {
        let mut w = Warnings::default();
        let r = convert(input, &mut w);
        (r, w.iter().map(str::to_owned).collect())
    }

    #[test]
    fn article_is_found_in_a_graph_and_references_are_followed() {
        let input = r##"{"@context":"https://schema.org","@graph":[
            {"@type":"Organization","@id":"#org","name":"The Paper","url":"https://paper.example","logo":{"@id":"#logo"}},
            {"@type":"ImageObject","@id":"#logo","url":"https://paper.example/logo.png"},
            {"@type":"WebPage","@id":"https://paper.example/a"},
            {"@type":["NewsArticle"],"headline":"H","url":"https://paper.example/a/story.html",
             "author":[{"@id":"#p1"},"Plain Name"],"publisher":{"@id":"#org"},
             "articleBody":"One.\n\nTwo."},
            {"@type":"Person","@id":"#p1","name":"Ann Writer","url":"/people/ann"}]}"##;
        let (a, _) = convert_str(input);
        let a = a.unwrap();
        assert_eq!(a.headline, "H");
        assert_eq!(a.id.as_deref(), Some("story"));
        assert_eq!(a.authors[0].name, "Ann Writer");
        assert_eq!(a.authors[0].url.as_deref(), Some("https://paper.example/people/ann"));
        assert_eq!(a.authors[1].name, "Plain Name");
        let p = a.publisher.unwrap();
        assert_eq!((p.name.as_str(), p.logo.as_deref()), ("The Paper", Some("https://paper.example/logo.png")));
        assert_eq!(a.body.len(), 2);
    }

    #[test]
    fn schema_org_prefixed_and_nested_main_entity_types_are_found() {
        let input = r#"{"@type":"WebPage","mainEntity":{"@type":"schema:ReportageNewsArticle","headline":"Deep"}}"#;
        assert_eq!(convert_str(input).0.unwrap().headline, "Deep");
    }

    #[test]
    fn no_article_or_no_headline_is_an_error() {
        let (r, _) = convert_str(r#"{"@type":"Recipe","name":"Soup"}"#);
        assert_eq!(r.unwrap_err(), CliError::invalid("no NewsArticle (or other Article) object in the JSON-LD"));
        let (r, _) = convert_str(r#"{"@type":"NewsArticle"}"#);
        assert_eq!(r.unwrap_err(), CliError::invalid("the NewsArticle has no headline"));
    }

    #[test]
    fn article_body_without_blank_lines_splits_on_lines() {
        assert_eq!(split_paragraphs("a\nb\r\nc"), ["a", "b", "c"]);
        assert_eq!(split_paragraphs("a\nstill a\n\nb"), ["a still a", "b"]);
    }

    #[test]
    fn image_forms_string_object_and_array_take_the_first() {
        for image in [
            r#""https://x.example/i.jpg""#,
            r#"{"url":"https://x.example/i.jpg","width":"800"}"#,
            r#"["https://x.example/i.jpg","https://x.example/2.jpg"]"#,
        ] {
            let input = format!(r#"{{"@type":"Article","headline":"H","image":{image}}}"#);
            assert_eq!(convert_str(&input).0.unwrap().image.unwrap().src, "https://x.example/i.jpg", "{image}");
        }
    }
}
