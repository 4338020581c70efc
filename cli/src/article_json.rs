//! Writes an [`Article`] as article JSON v1, fields in the contract's order
//! and with its camelCase names (CONTRACT.md section 3).
//!
//! The converters build the widget's own model and this module is the only
//! place that knows the wire names, so a converted file always reads back as
//! the article it was built from. Converters never produce `related` or
//! `donation`; neither is written.

use article_embed::model::{Article, Author, Block, Image, Inline, NoticeKind, Publisher};

use crate::json::{Json, Obj};

/// The article as article JSON v1, `"version": 1` first.
pub fn article(a: &Article) -> Json {
    Json::object()
        .set("version", 1u32)
        .opt("id", a.id.clone())
        .opt("url", a.url.clone())
        .opt("lang", a.lang.clone())
        .opt("publisher", a.publisher.as_ref().map(publisher))
        .opt("section", a.section.clone())
        .set("headline", a.headline.clone())
        .opt("standfirst", a.standfirst.clone())
        .opt("dateline", a.dateline.clone())
        .opt("datePublished", a.date_published.as_ref().map(|t| t.raw.clone()))
        .opt("dateModified", a.date_modified.as_ref().map(|t| t.raw.clone()))
        .list("authors", a.authors.iter().map(author).collect())
        .opt("image", a.image.as_ref().map(image))
        .list(
            "notices",
            a.notices
                .iter()
                .map(|n| {
                    let kind = match n.kind {
                        NoticeKind::Info => "info",
                        NoticeKind::Warning => "warning",
                    };
                    Json::object().set("kind", kind).set("text", n.text.clone()).into()
                })
                .collect(),
        )
        .set("body", Json::Arr(a.body.iter().map(block).collect()))
        .into()
}

fn publisher(p: &Publisher) -> Obj {
    Json::object().set("name", p.name.clone()).opt("url", p.url.clone()).opt("logo", p.logo.clone())
}

fn author(a: &Author) -> Json {
    Json::object().set("name", a.name.clone()).opt("url", a.url.clone()).into()
}

fn image_fields(obj: Obj, i: &Image) -> Obj {
    obj.set("src", i.src.clone())
        .opt("alt", Some(i.alt.clone()).filter(|a| !a.is_empty()))
        .opt("caption", i.caption.clone())
        .opt("credit", i.credit.clone())
        .opt("width", i.width)
        .opt("height", i.height)
}

fn image(i: &Image) -> Obj {
    image_fields(Json::object(), i)
}

/// One body block, `"type"` first.
pub fn block(b: &Block) -> Json {
    let obj = Json::object();
    match b {
        Block::Paragraph(runs) => obj.set("type", "paragraph").set("content", inlines(runs)),
        Block::Heading { level, content } => {
            obj.set("type", "heading").set("level", *level).set("content", inlines(content))
        }
        Block::Quote { content, cite } => {
            obj.set("type", "quote").set("content", inlines(content)).opt("cite", cite.clone())
        }
        Block::List { ordered, items } => obj
            .set("type", "list")
            .set("ordered", *ordered)
            .set("items", Json::Arr(items.iter().map(|item| inlines(item)).collect())),
        Block::Image(i) => image_fields(obj.set("type", "image"), i),
    }
    .into()
}

/// Inline content: plain runs as strings, the others as `{text, marks?, href?}`.
fn inlines(runs: &[Inline]) -> Json {
    Json::Arr(runs.iter().map(run).collect())
}

fn run(r: &Inline) -> Json {
    if !r.strong && !r.em && r.href.is_none() {
        return Json::Str(r.text.clone());
    }
    let mut marks = Vec::new();
    if r.strong {
        marks.push(Json::from("strong"));
    }
    if r.em {
        marks.push(Json::from("em"));
    }
    Json::object().set("text", r.text.clone()).list("marks", marks).opt("href", r.href.clone()).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_embed::parse::from_value;
    use article_embed::time::parse_rfc3339;

    fn sample() -> Article {
        Article {
            id: Some("x".into()),
            url: Some("https://news.example/x".into()),
            headline: "H".into(),
            date_published: parse_rfc3339("2012-01-11T09:00:00Z"),
            body: vec![
                Block::Paragraph(vec![
                    Inline::plain("a "),
                    Inline { text: "b".into(), strong: true, em: true, href: Some("https://e.example/".into()) },
                ]),
                Block::Heading { level: 3, content: vec![Inline::plain("h")] },
                Block::Quote { content: vec![Inline::plain("q")], cite: Some("c".into()) },
                Block::List { ordered: true, items: vec![vec![Inline::plain("1")], vec![Inline::plain("2")]] },
                Block::Image(Image {
                    src: "https://news.example/i.jpg".into(),
                    alt: "alt".into(),
                    caption: Some("cap".into()),
                    credit: None,
                    width: Some(800),
                    height: Some(600),
                }),
            ],
            ..Article::default()
        }
    }

    #[test]
    fn written_article_reads_back_as_the_same_article() {
        let a = sample();
        let parsed = from_value(&(&article(&a).to_value()).into(), None).unwrap();
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        assert_eq!(parsed.article, a);
    }

    #[test]
    fn version_comes_first_and_names_are_camel_case() {
        let text = article(&sample()).pretty();
        assert!(text.starts_with("{\n  \"version\": 1,"), "{text}");
        assert!(text.contains("\"datePublished\": \"2012-01-11T09:00:00Z\""));
        assert!(text.contains("\"marks\": [\n            \"strong\",\n            \"em\"\n          ]"), "{text}");
    }

    #[test]
    fn plain_runs_are_strings() {
        let j = block(&Block::Paragraph(vec![Inline::plain("just text")])).to_value();
        assert_eq!(j, serde_json::json!({"type": "paragraph", "content": ["just text"]}));
    }
}
