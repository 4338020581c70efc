//! `article-embed oembed FILE --src URL --bundle URL [--maxwidth N]`: an
//! oEmbed 1.0 `rich` response for the article, whose `html` is the embed
//! code, so CMSs that speak oEmbed (WordPress, Ghost, Medium…) can embed it
//! from a URL. Serve it from the endpoint a discovery
//! `<link rel="alternate" type="application/json+oembed">` names.
//!
//! With `--iframe [--frame URL] [--maxheight N]` the `html` is an `<iframe>`
//! of the bundle's `frame.html` instead (the article and the embed options in
//! its query), which WordPress keeps from a discovered provider, where it
//! strips scripts; the frame page then reports its height to WordPress
//! through the `#?secret=` messages.

use std::process::ExitCode;

use article_embed::model::Article;
use serde::Serialize;

use crate::args::OembedArgs;
use crate::error::{write_output, CliError};
use crate::snippet::{embed_code, escape, load};

/// The width when the consumer gives no `maxwidth`.
pub const DEFAULT_WIDTH: u32 = 550;
/// The iframe's height before the frame page reports its own (at most the
/// consumer's `maxheight`).
pub const DEFAULT_FRAME_HEIGHT: u32 = 600;
/// The sandbox the iframe asks for: scripts, and links that open outside it.
pub const SANDBOX: &str = "allow-scripts allow-popups allow-popups-to-escape-sandbox";

pub fn run(args: &OembedArgs) -> Result<ExitCode, CliError> {
    let embed = &args.embed;
    let article = load(&embed.file, &embed.src)?;
    let options = &args.options.0;
    let response = if args.iframe {
        if !embed.src.contains("://") {
            eprintln!("warning: with --iframe a relative --src is read relative to frame.html, not to the page");
        }
        let frame = args.frame.clone().unwrap_or_else(|| frame_next_to(&embed.bundle));
        let height = args.maxheight.map_or(DEFAULT_FRAME_HEIGHT, |max| max.min(DEFAULT_FRAME_HEIGHT));
        let html = iframe_code(&article, &embed.src, &frame, options, args.maxwidth, height);
        response(&article, &html, args.maxwidth).with_height(height)
    } else {
        response(&article, &embed_code(&article, &embed.src, &embed.bundle, options, None), args.maxwidth)
    };
    let mut text = serde_json::to_string_pretty(&response)
        .map_err(|e| CliError::invalid(format!("{}: the oEmbed response cannot be written: {e}", embed.file)))?;
    text.push('\n');
    write_output(None, &text)?;
    Ok(ExitCode::SUCCESS)
}

/// `frame.html` in the directory of `bundle` (the URL of `embed.js`).
pub fn frame_next_to(bundle: &str) -> String {
    let path = &bundle[..bundle.find(['?', '#']).unwrap_or(bundle.len())];
    let dir = match path.rfind('/') {
        // Not the `//` of `https://host`: a bundle URL names a file.
        Some(i) if !path[..=i].ends_with("://") => &path[..=i],
        _ if path.contains("://") => return format!("{path}/frame.html"),
        _ => "",
    };
    format!("{dir}frame.html")
}

/// `text` percent-encoded for a URL's query (everything but `A–Z a–z 0–9 - . _ ~`).
fn query_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The URL of the frame page showing `src` with `options` (the embed
/// options given, in the table's order).
pub fn frame_url(frame: &str, src: &str, options: &[(&str, String)]) -> String {
    let mut url = format!("{frame}{}src={}", if frame.contains('?') { '&' } else { '?' }, query_value(src));
    for (name, value) in options {
        url.push_str(&format!("&{name}={}", query_value(value)));
    }
    url
}

/// The `<iframe>` of the frame page for `article`: every attribute value
/// escaped; `title` is the headline (the frame's accessible name).
pub fn iframe_code(article: &Article, src: &str, frame: &str, options: &[(&str, String)], width: u32, height: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"{width}\" height=\"{height}\" loading=\"lazy\" sandbox=\"{SANDBOX}\" frameborder=\"0\"></iframe>",
        escape(&frame_url(frame, src, options)),
        escape(&article.headline),
    )
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
    /// `null` for the embed code: the article's height depends on its text
    /// and the width it gets. An iframe's initial height with `--iframe`.
    height: Option<u32>,
}

impl Response {
    /// The response with a fixed `height` (an iframe's).
    pub fn with_height(mut self, height: u32) -> Response {
        self.height = Some(height);
        self
    }
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

    #[test]
    fn the_frame_page_defaults_to_the_bundle_directory() {
        for (bundle, frame) in [
            ("https://cdn.news.example/article-embed/embed.js", "https://cdn.news.example/article-embed/frame.html"),
            ("https://cdn.news.example/embed.js?v=2#x", "https://cdn.news.example/frame.html"),
            ("https://cdn.news.example", "https://cdn.news.example/frame.html"),
            ("//cdn.news.example/ae/embed.js", "//cdn.news.example/ae/frame.html"),
            ("/ae/embed.js", "/ae/frame.html"),
            ("embed.js", "frame.html"),
        ] {
            assert_eq!(frame_next_to(bundle), frame, "{bundle}");
        }
    }

    #[test]
    fn the_frame_url_carries_the_src_and_the_options_encoded() {
        let options = [("theme", "dark".to_owned()), ("lang", "es-419".to_owned())];
        assert_eq!(
            frame_url("https://cdn.example/frame.html", "https://n.example/a b.json?x=1&y=é", &options),
            "https://cdn.example/frame.html?src=https%3A%2F%2Fn.example%2Fa%20b.json%3Fx%3D1%26y%3D%C3%A9&theme=dark&lang=es-419"
        );
        assert_eq!(frame_url("frame.html?v=2", "a.json", &[]), "frame.html?v=2&src=a.json");
    }

    #[test]
    fn the_iframe_escapes_every_attribute_value() {
        let article = Article { headline: "Tom & \"Jerry\" <b>'s</b>".into(), ..Article::default() };
        let html = iframe_code(&article, "https://n.example/a.json", "https://cdn.example/f.html?a=1&b=\"", &[], 550, 600);
        assert_eq!(
            html,
            "<iframe src=\"https://cdn.example/f.html?a=1&amp;b=&quot;&amp;src=https%3A%2F%2Fn.example%2Fa.json\" \
             title=\"Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;\" width=\"550\" height=\"600\" loading=\"lazy\" \
             sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\" frameborder=\"0\"></iframe>"
        );
        let v = serde_json::to_value(response(&article, &html, 550).with_height(600)).unwrap();
        assert_eq!((v["width"].as_u64(), v["height"].as_u64()), (Some(550), Some(600)));
    }
}
