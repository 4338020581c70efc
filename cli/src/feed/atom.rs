//! Atom (RFC 4287), read as a stream: `feed/entry`, with `content` and
//! `summary` of `type="html"`, `"xhtml"` or text, `<category term>`,
//! `published`/`updated`, `author/name` and `author/uri`, `link
//! rel="alternate"` (and an image `link rel="enclosure"` or Media RSS).
//! The feed's `title`, alternate link, `logo` and `xml:lang` describe the
//! publisher.

use std::io::Read;

use super::rss::media_image;
use super::xml::{Node, Step, Xml, ATOM};
use super::{Body, Emit, Entry, FeedDate, FeedInfo, Found, ImageRef, Person, Stop, Text};

pub fn read(input: Box<dyn Read + Send>, name: &str, emit: &mut Emit<'_>) -> Result<FeedInfo, Stop> {
    let mut xml = Xml::new(input, name, "Atom");
    let mut info = FeedInfo::default();
    let mut path: Vec<String> = Vec::new();
    let mut seen_root = false;
    loop {
        match xml.step()? {
            Step::Start(start) => {
                let node = &start.node;
                if path.is_empty() {
                    seen_root = true;
                    if !node.is(ATOM, "feed") {
                        let hint = if node.name == "rss" { " (an RSS feed? use --from rss)" } else { "" };
                        return Err(xml.not_this_format(node, hint));
                    }
                    info.lang = node.attr("xml:lang").map(str::to_owned);
                }
                let in_feed = path.len() == 1 && node.ns == ATOM;
                if in_feed && node.name == "entry" {
                    let entry = xml.node(start)?;
                    emit(found(&entry)).map_err(|_| Stop::Halted)?;
                } else if in_feed && ["title", "link", "logo", "icon"].contains(&node.name.as_str()) {
                    let node = xml.node(start)?;
                    feed_info(&mut info, &node);
                } else if !start.empty {
                    path.push(node.name.clone());
                }
            }
            Step::End => {
                path.pop();
            }
            Step::Eof => return xml.end_of_input(&path, seen_root, "feed", info),
        }
    }
}

fn feed_info(info: &mut FeedInfo, node: &Node) {
    match node.name.as_str() {
        "title" => info.title = text(node, "title").map(|t| t.value),
        "link" if is_alternate(node) => info.link = node.attr("href").map(str::to_owned),
        "logo" => info.logo = node.text(),
        "icon" if info.logo.is_none() => info.logo = node.text(),
        _ => {}
    }
}

fn is_alternate(link: &Node) -> bool {
    matches!(link.attr("rel"), None | Some("alternate"))
}

/// One `<entry>`: its id and id sources, and the entry.
pub fn found(entry: &Node) -> Found {
    let guid = entry.text_of(ATOM, "id");
    let alternates: Vec<&Node> = entry.all(ATOM, "link").filter(|l| is_alternate(l)).collect();
    let link = alternates
        .iter()
        .find(|l| l.attr("type").is_none_or(|t| t.contains("html")))
        .or(alternates.first())
        .and_then(|l| l.attr("href"))
        .map(str::to_owned);
    let title = entry.first(ATOM, "title").and_then(|t| text(t, "title"));
    let id_sources = [guid.clone(), link.clone(), title.as_ref().map(|t| t.value.clone())].into_iter().flatten().collect();
    let published = date(entry, "published");
    let updated = date(entry, "updated");
    let body = Entry {
        link,
        title,
        summary: entry.first(ATOM, "summary").and_then(|s| text(s, "summary")),
        content: entry.first(ATOM, "content").and_then(|c| text(c, "content")),
        modified: updated.clone().filter(|_| published.is_some()),
        published: published.or(updated),
        authors: entry.all(ATOM, "author").filter_map(person).collect(),
        categories: entry
            .all(ATOM, "category")
            .filter_map(|c| c.attr("label").or(c.attr("term")).map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned))
            .collect(),
        image: media_image(entry).or_else(|| enclosure_image(entry)),
        // The feed's xml:lang is the feed's (under the site file's), not the entry's own.
        lang: entry.attr("xml:lang").map(str::to_owned),
    };
    Found { guid, id_sources, body: Body::Entry(Box::new(body)) }
}

/// A text construct by its `type`: `html` (escaped markup), `xhtml` (markup
/// inline) or `text`. Out-of-line content (`src=`) and other media types
/// are not text.
fn text(node: &Node, field: &'static str) -> Option<Text> {
    if node.attr("src").is_some() {
        return None;
    }
    match node.attr("type").unwrap_or("text") {
        "html" | "text/html" => node.text().map(|t| Text::html(t, field)),
        "xhtml" | "application/xhtml+xml" => Some(Text::html(node.inner_markup(), field)),
        "text" | "text/plain" => node.text().map(|t| Text::plain(t, field)),
        _ => None,
    }
}

fn date(entry: &Node, field: &'static str) -> Option<FeedDate> {
    entry.text_of(ATOM, field).map(|raw| FeedDate { raw, field, rfc2822: false })
}

fn person(author: &Node) -> Option<Person> {
    Some(Person { name: author.text_of(ATOM, "name")?, url: author.text_of(ATOM, "uri") })
}

fn enclosure_image(entry: &Node) -> Option<ImageRef> {
    entry
        .all(ATOM, "link")
        .filter(|l| l.attr("rel") == Some("enclosure") && l.attr("type").is_some_and(|t| t.starts_with("image/")))
        .find_map(|l| Some(ImageRef { url: l.attr("href")?.to_owned(), ..ImageRef::default() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> (Result<FeedInfo, Stop>, Vec<Found>) {
        let mut items = Vec::new();
        let result = read(Box::new(std::io::Cursor::new(text.as_bytes().to_vec())), "feed.atom", &mut |f| {
            items.push(f);
            Ok(())
        });
        (result, items)
    }

    #[test]
    fn entries_and_feed_are_read() {
        let (info, items) = read_str(
            r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"><title>Blog</title>
<link rel="self" href="https://b.example/feed"/><link href="https://b.example/"/>
<entry><id>tag:b.example,2024:1</id><title type="html">A &lt;em&gt;b&lt;/em&gt;</title>
<link rel="alternate" type="text/html" href="https://b.example/1"/>
<published>2024-03-01T09:00:00Z</published><updated>2024-03-02T09:00:00Z</updated>
<author><name>Ann</name><uri>https://b.example/ann</uri></author>
<category term="energy" label="Energy"/><category term="oil"/>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div></content></entry>
<entry xml:lang="fr"><id>2</id><title>T</title><updated>2024-03-03T09:00:00Z</updated><content>plain</content></entry>
</feed>"#,
        );
        let info = info.unwrap();
        assert_eq!((info.title.as_deref(), info.link.as_deref(), info.lang.as_deref()), (Some("Blog"), Some("https://b.example/"), Some("de")));
        let Body::Entry(one) = &items[0].body else { panic!("an entry") };
        assert_eq!(one.title, Some(Text::html("A <em>b</em>", "title")));
        assert_eq!(one.link.as_deref(), Some("https://b.example/1"));
        assert_eq!(one.content, Some(Text::html("<div><p>x</p></div>", "content")));
        assert_eq!(one.categories, ["Energy", "oil"]);
        assert_eq!(one.modified.as_ref().map(|d| d.raw.as_str()), Some("2024-03-02T09:00:00Z"));
        assert_eq!(one.lang, None, "the feed's language is not the entry's own");
        let Body::Entry(two) = &items[1].body else { panic!("an entry") };
        assert_eq!(two.published.as_ref().map(|d| d.field), Some("updated"), "updated stands in for published");
        assert_eq!(two.modified, None);
        assert_eq!(two.content, Some(Text::plain("plain", "content")));
        assert_eq!(two.lang.as_deref(), Some("fr"));
    }

    #[test]
    fn an_rss_feed_is_not_atom() {
        let (r, _) = read_str("<rss version=\"2.0\"><channel/></rss>");
        assert!(matches!(r, Err(Stop::Bad(e)) if e.to_string().contains("use --from rss")));
    }
}
