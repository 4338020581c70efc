//! `--from guardian`: a Guardian Content API single-item response
//! (`/{id}?show-fields=headline,standfirst,body,byline,main,thumbnail&show-tags=contributor`).
//!
//! `response.content` gives the id, `webUrl`, `webPublicationDate`,
//! `sectionName` and `fields`; `fields.body` (HTML) becomes the body,
//! `fields.standfirst` (HTML) text, `fields.main` (an HTML figure) or
//! `fields.thumbnail` the lead image. Authors are the `contributor` tags,
//! else the byline as one name. The publisher is `fields.publication`
//! (at the `webUrl`'s origin).

use article_embed::model::{Article, Author, Image, Publisher};
use article_embed::url_policy::{origin_of, UrlUse};
use serde_json::Value;

use super::{clean, date, url, Warnings};
use crate::error::CliError;
use crate::html;

pub fn convert(input: &str, warnings: &mut Warnings) -> Result<Article, CliError> {
    let value = super::parse_json(input, "Guardian Content API JSON")?;
    let response = value
        .get("response")
        .ok_or_else(|| CliError::invalid("not a Guardian Content API response: no \"response\" object"))?;
    if response.get("status").and_then(Value::as_str) == Some("error") {
        let message = text_at(response, "message").unwrap_or_else(|| "no message".to_owned());
        return Err(CliError::invalid(format!("the input is a Guardian Content API error response: {message}")));
    }
    let content = response.get("content").ok_or_else(|| {
        CliError::invalid(
            "not a Guardian Content API item response: no response.content (search results are not supported)",
        )
    })?;
    let fields = content.get("fields").cloned().unwrap_or(Value::Null);
    let headline = text_at(&fields, "headline")
        .and_then(|h| html::text(&h))
        .or_else(|| text_at(content, "webTitle"))
        .ok_or_else(|| CliError::invalid("the Guardian item has no headline or webTitle"))?;

    let mut a = super::article(headline);
    a.url = text_at(content, "webUrl").and_then(|u| url(&u, None, UrlUse::Link, "webUrl", warnings));
    let base = a.url.clone();
    let base = base.as_deref();
    a.id = text_at(content, "id");
    a.section = text_at(content, "sectionName");
    a.lang = text_at(&fields, "lang");
    a.standfirst = text_at(&fields, "standfirst").and_then(|s| html::text(&s));
    a.date_published = text_at(content, "webPublicationDate").and_then(|d| date(&d, "webPublicationDate", warnings));
    a.date_modified = text_at(&fields, "lastModified").and_then(|d| date(&d, "fields.lastModified", warnings));
    a.publisher = text_at(&fields, "publication").map(|name| Publisher {
        name,
        url: base.and_then(origin_of).map(|o| format!("{o}/")),
        logo: None,
    });
    a.authors = authors(content, &fields, base, warnings);
    a.image = lead_image(&fields, base, warnings);
    match text_at(&fields, "body") {
        Some(body) => a.body = html::blocks(&body, base, "fields.body", warnings),
        None => warnings.warn("the item has no fields.body (ask for show-fields=body): the body is empty"),
    }
    Ok(a)
}

fn text_at(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).and_then(clean)
}

/// The contributor tags, else the byline as one author.
fn authors(content: &Value, fields: &Value, base: Option<&str>, warnings: &mut Warnings) -> Vec<Author> {
    let tags = content.get("tags").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let contributors: Vec<Author> = tags
        .iter()
        .filter(|t| t.get("type").and_then(Value::as_str) == Some("contributor"))
        .filter_map(|t| {
            let name = text_at(t, "webTitle")?;
            let url = text_at(t, "webUrl").and_then(|u| url(&u, base, UrlUse::Link, "contributor webUrl", warnings));
            Some(Author { name, url })
        })
        .collect();
    if !contributors.is_empty() {
        return contributors;
    }
    text_at(fields, "byline").and_then(|b| html::text(&b)).map(|name| Author { name, url: None }).into_iter().collect()
}

/// `fields.main` (an HTML figure, kept when it holds an image), else `fields.thumbnail`.
fn lead_image(fields: &Value, base: Option<&str>, warnings: &mut Warnings) -> Option<Image> {
    let main = text_at(fields, "main").and_then(|m| html::first_image(&m, base, "fields.main", warnings));
    main.or_else(|| {
        let src = url(&text_at(fields, "thumbnail")?, base, UrlUse::Image, "fields.thumbnail", warnings)?;
        Some(Image { src, alt: String::new(), caption: None, credit: None, width: None, height: None })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_response_message_is_reported() {
        let mut w = Warnings::default();
        let e = convert(
            r#"{"response":{"status":"error","message":"The requested resource could not be found."}}"#,
            &mut w,
        )
        .unwrap_err();
        assert_eq!(
            e,
            CliError::invalid(
                "the input is a Guardian Content API error response: The requested resource could not be found."
            )
        );
    }

    #[test]
    fn web_title_is_the_fallback_headline_and_byline_the_fallback_author() {
        let mut w = Warnings::default();
        let a = convert(
            r#"{"response":{"status":"ok","content":{"id":"world/x","webTitle":"Web title","webUrl":"https://www.theguardian.com/world/x","fields":{"byline":"Ann and Bo","body":"<p>Hi</p>"}}}}"#,
            &mut w,
        )
        .unwrap();
        assert_eq!(a.headline, "Web title");
        assert_eq!(a.authors[0].name, "Ann and Bo");
        assert_eq!(a.id.as_deref(), Some("world/x"));
    }
}
