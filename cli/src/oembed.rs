//! `article-embed oembed FILE --src URL --bundle URL [--maxwidth N]`: an
//! oEmbed 1.0 `rich` response for the article, whose `html` is the embed
//! code, so CMSs that speak oEmbed (WordPress, Ghost, Medium…) can embed it
//! from a URL. Serve it from the endpoint a discovery
//! `<link rel="alternate" type="application/json+oembed">` names.

use std::process::ExitCode;

use article_embed::model::Article;
use serde::Serialize;

use crate::args::OembedArgs;
use crate::error::{write_output, CliError};
use crate::snippet::{embed_code, load};

/// The width when the consumer gives no `maxwidth`.
pub const DEFAULT_WIDTH: u32 = 550;

pub fn run(args: &OembedArgs) -> Result<ExitCode, CliError> {
    let embed = &args.embed;
    let article = load(&embed.file, &embed.src)?;
    let html = embed_code(&article, &embed.src, &embed.bundle, &[], None);
    let mut text = serde_json::to_string_pretty(&response(&article, &html, args.maxwidth))
        .map_err(|e| CliError::invalid(format!("{}: the oEmbed response cannot be written: {e}", embed.file)))?;
    text.push('\n');
    write_output(None, &text)?;
    Ok(ExitCode::SUCCESS)
}

/// An oEmbed 1.0 `rich` response, fields in the specification's order.
#[derive(Debug, Serialize)]
pub struct Response {
    version: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    author_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnail_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnail_width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnail_height: Option<u32>,
    html: String,
    width: u32,
    /// Always `null`: the article's height depends on its text and the
    /// width it gets.
    height: Option<u32>,
}

/// The oEmbed response for `article` with `html` as its embed code.
pub fn response(article: &Article, html: &str, width: u32) -> Response {
    let names: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
    let thumbnail = article.image.as_ref().and_then(|i| Some((i.src.clone(), i.width?, i.height?)));
    let (thumbnail_url, thumbnail_width, thumbnail_height) = match thumbnail {
        Some((url, w, h)) => (Some(url), Some(w), Some(h)),
        None => (None, None, None),
    };
    Response {
        version: "1.0",
        kind: "rich",
        title: article.headline.clone(),
        author_name: (!names.is_empty()).then(|| names.join(", ")),
        author_url: article.authors.first().and_then(|a| a.url.clone()),
        provider_name: article.publisher.as_ref().map(|p| p.name.clone()),
        provider_url: article.publisher.as_ref().and_then(|p| p.url.clone()),
        thumbnail_url,
        thumbnail_width,
        thumbnail_height,
        html: html.trim_end().to_owned(),
        width,
        height: None,
    }
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
        let v = serde_json::to_value(response(&article, "<blockquote></blockquote>", 400)).unwrap();
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
