//! `--from wordpress`: a WordPress REST API post (`/wp-json/wp/v2/posts/ID`,
//! best with `?_embed`), or the first post of a list (`/posts?slug=…`).
//! With `--out-dir`, every post of a list goes through [`convert_post`]
//! (see `feed/`).
//!
//! `title.rendered` and `excerpt.rendered` are HTML and become text;
//! `content.rendered` becomes body blocks; `date_gmt`/`modified_gmt` are UTC
//! without a zone and get a `Z`; the embedded author, featured image and
//! first category give the byline, lead image and section.

use article_embed::limits::{MAX_IMAGE_SIZE, MIN_IMAGE_SIZE};
use article_embed::model::{Article, Author, Image};
use article_embed::url_policy::UrlUse;
use serde_json::Value;

use super::{clean, date, slug, url, Warnings};
use crate::error::CliError;
use crate::html;

pub fn convert(input: &str, warnings: &mut Warnings) -> Result<Article, CliError> {
    let value = super::parse_json(input, "WordPress post JSON")?;
    let post = match &value {
        Value::Array(posts) => {
            if posts.len() > 1 {
                warnings.warn(format!(
                    "the input is a list of {} posts; converting the first (--out-dir DIR converts them all)",
                    posts.len()
                ));
            }
            posts.first().ok_or_else(|| CliError::invalid("the input is an empty list of posts"))?
        }
        v => v,
    };
    convert_post(post, warnings)
}

/// One post of the REST API.
pub fn convert_post(post: &Value, warnings: &mut Warnings) -> Result<Article, CliError> {
    if let Some(message) = post.get("code").and(post.get("message")).and_then(Value::as_str) {
        return Err(CliError::invalid(format!("the input is a WordPress error response: {message}")));
    }
    let headline = rendered(post, "title")
        .and_then(|t| html::text(&t))
        .ok_or_else(|| CliError::invalid("not a WordPress post: it has no title.rendered"))?;

    let mut a = super::article(headline);
    a.url = str_at(post, &["link"]).and_then(|u| url(&u, None, UrlUse::Link, "link", warnings));
    let base = a.url.clone();
    let base = base.as_deref();
    a.id = str_at(post, &["slug"]).and_then(|s| slug(&s)).or_else(|| slug(&a.headline));
    // WordPress ends automatic excerpts with " […]".
    a.standfirst = rendered(post, "excerpt").and_then(|e| html::text(&e)).and_then(|e| {
        let cut = e.strip_suffix("[…]").or_else(|| e.strip_suffix("[...]")).unwrap_or(&e);
        clean(cut)
    });
    a.date_published = gmt(post, "date_gmt", "date", warnings);
    a.date_modified = gmt(post, "modified_gmt", "modified", warnings);
    let embedded = post.get("_embedded");
    a.authors = embedded
        .and_then(|e| e.get("author"))
        .and_then(|list| list.get(0))
        .and_then(|au| {
            let name = str_at(au, &["name"])?;
            let url = str_at(au, &["link"]).and_then(|u| url(&u, base, UrlUse::Link, "author link", warnings));
            Some(Author { name, url })
        })
        .into_iter()
        .collect();
    a.image = embedded
        .and_then(|e| e.get("wp:featuredmedia"))
        .and_then(|list| list.get(0))
        .and_then(|m| featured(m, base, warnings));
    a.section = embedded.and_then(|e| e.get("wp:term")).and_then(Value::as_array).and_then(|groups| {
        groups.iter().flat_map(|g| g.as_array().into_iter().flatten()).find_map(|term| {
            (term.get("taxonomy").and_then(Value::as_str) == Some("category"))
                .then(|| str_at(term, &["name"]).and_then(|n| html::text(&n)))?
        })
    });
    match rendered(post, "content") {
        Some(content) => a.body = html::blocks(&content, base, "content.rendered", warnings),
        None => warnings.warn("the post has no content.rendered: the body is empty"),
    }
    Ok(a)
}

/// The post's categories and tags, for related links: their names when
/// the post was fetched with `_embed`, else their numeric ids.
pub fn terms(post: &Value) -> Vec<String> {
    let groups = post.get("_embedded").and_then(|e| e.get("wp:term")).and_then(Value::as_array);
    if let Some(groups) = groups {
        return groups
            .iter()
            .flat_map(|g| g.as_array().into_iter().flatten())
            .filter(|t| matches!(t.get("taxonomy").and_then(Value::as_str), Some("category" | "post_tag")))
            .filter_map(|t| str_at(t, &["name"]).and_then(|n| html::text(&n)))
            .collect();
    }
    let ids = |key: &str, prefix: &str| -> Vec<String> {
        let list = post.get(key).and_then(Value::as_array).into_iter().flatten();
        list.filter_map(Value::as_u64).map(|n| format!("{prefix} {n}")).collect()
    };
    [ids("categories", "category"), ids("tags", "tag")].concat()
}

/// `post[key].rendered`.
fn rendered(post: &Value, key: &str) -> Option<String> {
    post.get(key)?.get("rendered")?.as_str().map(str::to_owned)
}

fn str_at(v: &Value, path: &[&str]) -> Option<String> {
    let mut cur = v;
    for key in path {
        cur = cur.get(key)?;
    }
    cur.as_str().and_then(clean)
}

/// A `*_gmt` date (UTC without a zone, so `Z` is added); the local date
/// without a zone when there is no GMT one.
fn gmt(
    post: &Value,
    gmt_key: &str,
    local_key: &str,
    warnings: &mut Warnings,
) -> Option<article_embed::time::Timestamp> {
    match str_at(post, &[gmt_key]) {
        Some(d) if !d.ends_with('Z') && !d.contains('+') => date(&format!("{d}Z"), gmt_key, warnings),
        Some(d) => date(&d, gmt_key, warnings),
        None => str_at(post, &[local_key]).and_then(|d| date(&d, local_key, warnings)),
    }
}

fn featured(m: &Value, base: Option<&str>, warnings: &mut Warnings) -> Option<Image> {
    let raw = str_at(m, &["source_url"])?;
    let src = url(&raw, base, UrlUse::Image, "featured media source_url", warnings)?;
    let size = |key: &str| {
        m.get("media_details")?
            .get(key)?
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (MIN_IMAGE_SIZE..=MAX_IMAGE_SIZE).contains(n))
    };
    Some(Image {
        src,
        alt: str_at(m, &["alt_text"]).unwrap_or_default(),
        caption: m.get("caption").and_then(|c| c.get("rendered")).and_then(Value::as_str).and_then(html::text),
        credit: None,
        width: size("width"),
        height: size("height"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_entities_are_decoded_and_tags_stripped() {
        let mut w = Warnings::default();
        let a = convert(
            r#"{"title":{"rendered":"Rock &amp; Roll <em>Now</em> &#8211; Live"},"content":{"rendered":"<p>x</p>"}}"#,
            &mut w,
        )
        .unwrap();
        assert_eq!(a.headline, "Rock & Roll Now – Live");
    }

    #[test]
    fn gmt_dates_get_a_zone_and_excerpt_loses_its_ellipsis() {
        let mut w = Warnings::default();
        let a = convert(
            r#"{"title":{"rendered":"T"},"date_gmt":"2024-03-01T10:00:00","excerpt":{"rendered":"<p>Summary here [&hellip;]</p>\n"}}"#,
            &mut w,
        )
        .unwrap();
        assert_eq!(a.date_published.unwrap().raw, "2024-03-01T10:00:00Z");
        assert_eq!(a.standfirst.as_deref(), Some("Summary here"));
    }

    #[test]
    fn terms_are_names_when_embedded_else_ids() {
        let post: Value = serde_json::from_str(
            r#"{"categories":[3],"_embedded":{"wp:term":[[{"taxonomy":"category","name":"Energy &amp; Oil"}],
               [{"taxonomy":"post_tag","name":"Caspian"},{"taxonomy":"region","name":"x"}]]}}"#,
        )
        .unwrap();
        assert_eq!(terms(&post), ["Energy & Oil", "Caspian"]);
        let post: Value = serde_json::from_str(r#"{"categories":[3],"tags":[7,8]}"#).unwrap();
        assert_eq!(terms(&post), ["category 3", "tag 7", "tag 8"]);
    }

    #[test]
    fn error_responses_and_posts_without_title_are_errors() {
        let mut w = Warnings::default();
        let e =
            convert(r#"{"code":"rest_post_invalid_id","message":"Invalid post ID.","data":{"status":404}}"#, &mut w)
                .unwrap_err();
        assert_eq!(e, CliError::invalid("the input is a WordPress error response: Invalid post ID."));
        let e = convert(r#"{"id":1}"#, &mut w).unwrap_err();
        assert_eq!(e, CliError::invalid("not a WordPress post: it has no title.rendered"));
    }
}
