//! One feed item → the widget's [`Article`] model, and the keys (section,
//! categories, tags) that relate it to the rest of the batch.
//!
//! RSS items, Atom entries and JSON Feed items arrive as an [`Entry`];
//! WordPress posts go through `convert/wordpress.rs`, as `--from wordpress`
//! does for one post. HTML bodies are mapped by `html.rs`, plain text is
//! split into paragraphs, dates become RFC 3339, and every URL passes the
//! widget's allowlist (a refused one is dropped with a warning).

use article_embed::limits::{MAX_IMAGE_SIZE, MIN_IMAGE_SIZE};
use article_embed::model::{Article, Author, Block, Image, Inline};
use article_embed::time::Timestamp;
use article_embed::url_policy::UrlUse;

use super::{date, related, Body, Entry, FeedDate, ImageRef, Text};
use crate::convert::{self, clean, split_paragraphs, url, wordpress, Warnings};
use crate::error::CliError;
use crate::html;

/// A converted item: the article, and what relates it to others.
#[derive(Debug)]
pub struct Converted {
    pub article: Article,
    /// The section and every category or tag, normalized ([`related::key`]).
    pub keys: Vec<String>,
}

/// Converts one item as read; an item that cannot be an article is an error.
pub fn convert(body: Body, warnings: &mut Warnings) -> Result<Converted, CliError> {
    match body {
        Body::Entry(entry) => from_entry(&entry, warnings),
        Body::WordPress(post) => {
            let article = wordpress::convert_post(&post, warnings)?;
            let terms = wordpress::terms(&post);
            Ok(Converted { keys: keys(article.section.iter().chain(&terms)), article })
        }
        Body::Broken(why) => Err(CliError::invalid(why)),
    }
}

fn keys<'a>(names: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for key in names.filter_map(|n| related::key(n)) {
        if !out.contains(&key) {
            out.push(key);
        }
    }
    out
}

fn from_entry(e: &Entry, warnings: &mut Warnings) -> Result<Converted, CliError> {
    let headline = e.title.as_ref().and_then(text).ok_or_else(|| CliError::invalid("the item has no title"))?;
    let mut a = convert::article(headline);
    a.url = e.link.as_deref().and_then(|l| url(l, None, UrlUse::Link, "link", warnings));
    let base = a.url.clone();
    let base = base.as_deref();
    a.lang = e.lang.as_deref().and_then(clean);
    a.section = e.categories.first().and_then(|c| clean(c));
    a.date_published = e.published.as_ref().and_then(|d| feed_date(d, warnings));
    a.date_modified = e.modified.as_ref().and_then(|d| feed_date(d, warnings));
    a.authors = e
        .authors
        .iter()
        .filter_map(|p| {
            let name = clean(&p.name)?;
            let url = p.url.as_deref().and_then(|u| url(u, base, UrlUse::Link, "author url", warnings));
            Some(Author { name, url })
        })
        .collect();
    a.image = e.image.as_ref().and_then(|i| image(i, base, warnings));
    // Without a body, the summary is the body rather than the standfirst.
    let (body, standfirst) = match (&e.content, &e.summary) {
        (Some(content), summary) => (Some(content), summary.as_ref()),
        (None, summary) => (summary.as_ref(), None),
    };
    a.standfirst = standfirst.and_then(text).and_then(|s| {
        let cut = s.strip_suffix("[…]").or_else(|| s.strip_suffix("[...]")).unwrap_or(&s);
        clean(cut)
    });
    a.body = match body {
        Some(t) if t.html => html::blocks(&t.value, base, t.field, warnings),
        Some(t) => split_paragraphs(&t.value).into_iter().map(|p| Block::Paragraph(vec![Inline::plain(p)])).collect(),
        None => {
            warnings.warn("the item has no content: the body is empty");
            Vec::new()
        }
    };
    Ok(Converted { keys: keys(e.categories.iter()), article: a })
}

/// A title or summary as text: HTML is stripped and its entities decoded.
fn text(t: &Text) -> Option<String> {
    if t.html {
        html::text(&t.value)
    } else {
        clean(&t.value)
    }
}

fn feed_date(d: &FeedDate, warnings: &mut Warnings) -> Option<Timestamp> {
    if d.rfc2822 {
        if let Some(t) = date::rfc2822(&d.raw) {
            return Some(t);
        }
    }
    convert::date(&d.raw, d.field, warnings)
}

fn image(i: &ImageRef, base: Option<&str>, warnings: &mut Warnings) -> Option<Image> {
    let src = url(&i.url, base, UrlUse::Image, "image", warnings)?;
    let size = |n: Option<u64>| n.and_then(|n| u32::try_from(n).ok()).filter(|n| (MIN_IMAGE_SIZE..=MAX_IMAGE_SIZE).contains(n));
    Some(Image {
        src,
        alt: i.alt.as_deref().and_then(clean).unwrap_or_default(),
        caption: None,
        credit: None,
        width: size(i.width),
        height: size(i.height),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::Person;

    fn entry() -> Entry {
        Entry {
            link: Some("https://n.example/a".into()),
            title: Some(Text::plain(" A  title ", "title")),
            summary: Some(Text::html("<p>Sum &amp; more […]</p>", "description")),
            content: Some(Text::html("<p>Body <a href=\"/x\">link</a></p><script>x</script>", "content:encoded")),
            published: Some(FeedDate { raw: "Tue, 10 Jun 2003 04:00:00 +0300".into(), field: "pubDate", rfc2822: true }),
            modified: None,
            authors: vec![Person { name: "Ann".into(), url: Some("javascript:alert(1)".into()) }],
            categories: vec!["Politics".into(), " politics ".into(), "Oil".into()],
            image: Some(ImageRef { url: "/i.jpg".into(), width: Some(800), height: Some(0), alt: None }),
            lang: Some("en".into()),
        }
    }

    #[test]
    fn an_entry_becomes_an_article_with_keys() {
        let mut w = Warnings::default();
        let c = convert(Body::Entry(Box::new(entry())), &mut w).unwrap();
        let a = c.article;
        assert_eq!(a.headline, "A title");
        assert_eq!(a.standfirst.as_deref(), Some("Sum & more"));
        assert_eq!(a.section.as_deref(), Some("Politics"));
        assert_eq!(a.date_published.as_ref().map(|t| t.raw.as_str()), Some("2003-06-10T04:00:00+03:00"));
        assert_eq!(a.authors, [Author { name: "Ann".into(), url: None }]);
        assert_eq!(a.image.as_ref().map(|i| (i.src.as_str(), i.width, i.height)), Some(("https://n.example/i.jpg", Some(800), None)));
        assert_eq!(a.paragraph_texts().collect::<Vec<_>>(), ["Body link"]);
        assert_eq!(c.keys, ["politics", "oil"]);
        let warnings: Vec<&str> = w.iter().collect();
        assert!(warnings.iter().any(|m| m.contains("author url")), "{warnings:?}");
        assert!(warnings.iter().any(|m| m.contains("content:encoded")), "{warnings:?}");
    }

    #[test]
    fn plain_text_and_summary_only_items() {
        let mut w = Warnings::default();
        let e = Entry { content: Some(Text::plain("One.\n\nTwo.", "content_text")), summary: None, ..entry() };
        let a = convert(Body::Entry(Box::new(e)), &mut w).unwrap().article;
        assert_eq!(a.paragraph_texts().collect::<Vec<_>>(), ["One.", "Two."]);
        let e = Entry { content: None, ..entry() };
        let a = convert(Body::Entry(Box::new(e)), &mut w).unwrap().article;
        assert_eq!((a.standfirst.clone(), a.paragraph_texts().collect::<Vec<_>>()), (None, vec!["Sum & more […]".to_owned()]));
    }

    #[test]
    fn items_without_a_title_or_unreadable_are_errors() {
        let mut w = Warnings::default();
        let e = Entry { title: Some(Text::html("<b> </b>", "title")), ..entry() };
        assert_eq!(convert(Body::Entry(Box::new(e)), &mut w).unwrap_err(), CliError::invalid("the item has no title"));
        assert!(convert(Body::Broken("not an object".into()), &mut w).is_err());
    }
}
