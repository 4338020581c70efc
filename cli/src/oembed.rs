//! `article-embed oembed FILE --src URL --bundle URL [--maxwidth N]`: an
//! oEmbed 1.0 `rich` response for the article, whose `html` is the embed
//! code, so CMSs that speak oEmbed (WordPress, Ghost, Medium…) can embed it
//! from a URL. Serve it from the endpoint a discovery
//! `<link rel="alternate" type="application/json+oembed">` names.

use std::process::ExitCode;

use article_embed::model::Article;

use crate::args::{self, Spec};
use crate::error::{write_output, CliError};
use crate::json::Json;
use crate::snippet::{embed_code, embed_url, load, one_file};

const SPEC: Spec = Spec { valued: &[("--src", None), ("--bundle", None), ("--maxwidth", None)], flags: &[] };

/// The width when the consumer gives no `maxwidth`.
pub const DEFAULT_WIDTH: u32 = 550;

pub fn run(argv: &[String]) -> Result<ExitCode, CliError> {
    let args = args::parse(argv, &SPEC)?;
    let file = one_file(&args.positional, "oembed")?;
    let src = embed_url(args.required("--src")?, "--src")?;
    let bundle = embed_url(args.required("--bundle")?, "--bundle")?;
    let width = match args.value("--maxwidth") {
        None => DEFAULT_WIDTH,
        Some(raw) => raw
            .parse::<u32>()
            .ok()
            .filter(|w| *w > 0)
            .ok_or_else(|| CliError::usage(format!("--maxwidth \"{raw}\" is not a positive whole number")))?,
    };
    let article = load(file, src)?;
    write_output(None, &response(&article, &embed_code(&article, src, bundle, None), width).pretty())?;
    Ok(ExitCode::SUCCESS)
}

/// The oEmbed response. The height is `null`: the article's height depends on
/// its text and the width it gets.
pub fn response(article: &Article, html: &str, width: u32) -> Json {
    let names: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
    let thumbnail = article.image.as_ref().and_then(|i| Some((i.src.clone(), i.width?, i.height?)));
    Json::object()
        .set("version", "1.0")
        .set("type", "rich")
        .set("title", article.headline.clone())
        .opt("author_name", (!names.is_empty()).then(|| names.join(", ")))
        .opt("author_url", article.authors.first().and_then(|a| a.url.clone()))
        .opt("provider_name", article.publisher.as_ref().map(|p| p.name.clone()))
        .opt("provider_url", article.publisher.as_ref().and_then(|p| p.url.clone()))
        .opt("thumbnail_url", thumbnail.as_ref().map(|t| t.0.clone()))
        .opt("thumbnail_width", thumbnail.as_ref().map(|t| t.1))
        .opt("thumbnail_height", thumbnail.as_ref().map(|t| t.2))
        .set("html", html.trim_end())
        .set("width", width)
        .set("height", Json::Null)
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_embed::model::{Author, Publisher};

    #[test]
    fn rich_response_names_author_and_provider() {
        let article = Article {
            headline: "H".into(),
            authors: vec![Author { name: "A".into(), url: None }, Author { name: "B".into(), url: None }],
            publisher: Some(Publisher { name: "P".into(), url: Some("https://p.example/".into()), logo: None }),
            ..Article::default()
        };
        let v = response(&article, "<blockquote></blockquote>", 400).to_value();
        assert_eq!(
            v,
            serde_json::json!({
                "version": "1.0", "type": "rich", "title": "H", "author_name": "A, B",
                "provider_name": "P", "provider_url": "https://p.example/",
                "html": "<blockquote></blockquote>", "width": 400, "height": null
            })
        );
    }
}
