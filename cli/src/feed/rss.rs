//! RSS 2.0, read as a stream: `rss/channel/item`, with `content:encoded`,
//! `category`, `guid`, `pubDate` (RFC 2822), `dc:creator`, and images from
//! `media:content`, `enclosure` or `media:thumbnail`. The channel's `title`,
//! `link`, `language` and `image/url` describe the publisher.

use std::io::Read;

use super::xml::{Node, Step, Xml, CONTENT, DC, MEDIA};
use super::{Body, Emit, Entry, FeedDate, FeedInfo, Found, ImageRef, Person, Stop, Text};

pub fn read(input: Box<dyn Read + Send>, name: &str, emit: &mut Emit<'_>) -> Result<FeedInfo, Stop> {
    let mut xml = Xml::new(input, name, "RSS");
    let mut info = FeedInfo::default();
    // The names of the elements open around the reader, outside items.
    let mut path: Vec<String> = Vec::new();
    let mut seen_root = false;
    loop {
        match xml.step()? {
            Step::Start(start) => {
                let element = start.node.name.clone();
                let in_channel = path.len() == 2 && path[1] == "channel" && start.node.ns.is_empty();
                seen_root = true;
                if path.is_empty() && element != "rss" {
                    let hint = if element == "feed" { " (an Atom feed? use --from atom)" } else { "" };
                    return Err(xml.not_this_format(&start.node, hint));
                }
                if in_channel && element == "item" {
                    let item = xml.node(start)?;
                    emit(found(&item)).map_err(|_| Stop::Halted)?;
                } else if in_channel && ["title", "link", "language", "image"].contains(&element.as_str()) {
                    let node = xml.node(start)?;
                    channel_info(&mut info, &node);
                } else if !start.empty {
                    path.push(element);
                }
            }
            Step::End => {
                path.pop();
            }
            Step::Eof => return xml.end_of_input(&path, seen_root, "rss", info),
        }
    }
}

fn channel_info(info: &mut FeedInfo, node: &Node) {
    match node.name.as_str() {
        "title" => info.title = node.text(),
        "link" => info.link = node.text(),
        "language" => info.lang = node.text(),
        "image" => info.logo = node.text_of("", "url"),
        _ => {}
    }
}

/// One `<item>`: its guid and id sources, and the entry.
pub fn found(item: &Node) -> Found {
    let guid = item.text_of("", "guid");
    let permalink = item
        .first("", "guid")
        .filter(|g| g.attr("isPermaLink") != Some("false"))
        .and_then(Node::text)
        .filter(|g| g.starts_with("http://") || g.starts_with("https://"));
    let link = item.text_of("", "link").or(permalink);
    let title = item.text_of("", "title");
    let id_sources = [guid.clone(), link.clone(), title.clone()].into_iter().flatten().collect();
    let entry = entry(item, link, title);
    Found { guid, id_sources, body: Body::Entry(Box::new(entry)) }
}

fn entry(item: &Node, link: Option<String>, title: Option<String>) -> Entry {
    let description = item.text_of("", "description");
    let (content, summary) = match item.text_of(CONTENT, "encoded") {
        Some(encoded) => (Some(Text::html(encoded, "content:encoded")), description.map(|d| Text::html(d, "description"))),
        None => (description.map(|d| Text::html(d, "description")), None),
    };
    let published = match item.text_of("", "pubDate") {
        Some(raw) => Some(FeedDate { raw, field: "pubDate", rfc2822: true }),
        None => item.text_of(DC, "date").map(|raw| FeedDate { raw, field: "dc:date", rfc2822: false }),
    };
    let mut authors: Vec<Person> =
        item.all(DC, "creator").filter_map(Node::text).map(|name| Person { name, url: None }).collect();
    if authors.is_empty() {
        authors.extend(item.text_of("", "author").and_then(|a| author_name(&a)).map(|name| Person { name, url: None }));
    }
    Entry {
        link,
        title: title.map(|t| Text::plain(t, "title")),
        summary,
        content,
        published,
        modified: None,
        authors,
        categories: item.all("", "category").filter_map(Node::text).collect(),
        image: media_image(item).or_else(|| enclosure_image(item)),
        lang: None,
    }
}

/// RSS `author` is an e-mail address with the name in brackets:
/// `desk@news.example (Aigerim Nurlanovna)`; the name, else the text
/// when it is not an address.
fn author_name(author: &str) -> Option<String> {
    match (author.find('('), author.rfind(')')) {
        (Some(open), Some(close)) if open < close => Some(author[open + 1..close].trim().to_owned()).filter(|n| !n.is_empty()),
        _ => (!author.contains('@')).then(|| author.to_owned()),
    }
}

fn is_image(node: &Node) -> bool {
    node.attr("medium") == Some("image") || node.attr("type").is_some_and(|t| t.starts_with("image/"))
}

fn sized(node: &Node, url: String) -> ImageRef {
    let size = |name: &str| node.attr(name).and_then(|v| v.trim().parse().ok());
    ImageRef { url, width: size("width"), height: size("height"), alt: None }
}

/// `media:content` (also inside `media:group`), else `media:thumbnail`
/// (Media RSS, used by RSS and Atom feeds alike).
pub fn media_image(item: &Node) -> Option<ImageRef> {
    let groups = item.all(MEDIA, "group");
    let contents = item.all(MEDIA, "content").chain(groups.flat_map(|g| g.all(MEDIA, "content")));
    let mut contents = contents.filter(|c| is_image(c) || c.attr("medium").is_none() && c.attr("type").is_none());
    let content = contents.find_map(|c| Some(sized(c, c.attr("url")?.to_owned())));
    content.or_else(|| item.all(MEDIA, "thumbnail").find_map(|t| Some(sized(t, t.attr("url")?.to_owned()))))
}

fn enclosure_image(item: &Node) -> Option<ImageRef> {
    item.all("", "enclosure").filter(|e| is_image(e)).find_map(|e| Some(ImageRef { url: e.attr("url")?.to_owned(), ..ImageRef::default() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> (Result<FeedInfo, Stop>, Vec<Found>) {
        let mut items = Vec::new();
        let result = read(Box::new(std::io::Cursor::new(text.as_bytes().to_vec())), "feed.xml", &mut |f| {
            items.push(f);
            Ok(())
        });
        (result, items)
    }

    fn entry_of(found: &Found) -> &Entry {
        match &found.body {
            Body::Entry(e) => e,
            other => panic!("an entry: {other:?}"),
        }
    }

    #[test]
    fn items_and_channel_are_read() {
        let (info, items) = read_str(
            r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>The Steppe Herald</title><link>https://steppe.example/</link><language>en-GB</language>
<image><url>https://steppe.example/logo.png</url><title>x</title><link>y</link></image>
<item><title>One &amp; two</title><guid isPermaLink="false">42</guid><link>https://steppe.example/one</link>
<description>Short.</description><content:encoded><![CDATA[<p>Body</p>]]></content:encoded>
<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><dc:creator>A</dc:creator><dc:creator>B</dc:creator>
<category>Politics</category><category>Kazakhstan</category>
<media:content url="https://steppe.example/i.jpg" medium="image" width="800" height="600"/></item>
<item><guid>https://steppe.example/two</guid><author>desk@steppe.example (Desk)</author>
<enclosure url="https://steppe.example/two.png" type="image/png" length="1"/></item>
</channel></rss>"#,
        );
        let info = info.unwrap();
        assert_eq!(info.title.as_deref(), Some("The Steppe Herald"));
        assert_eq!(info.logo.as_deref(), Some("https://steppe.example/logo.png"));
        assert_eq!(info.lang.as_deref(), Some("en-GB"));
        assert_eq!(items.len(), 2);
        let one = entry_of(&items[0]);
        assert_eq!(items[0].guid.as_deref(), Some("42"));
        assert_eq!(one.title, Some(Text::plain("One & two", "title")));
        assert_eq!(one.content, Some(Text::html("<p>Body</p>", "content:encoded")));
        assert_eq!(one.summary, Some(Text::html("Short.", "description")));
        assert_eq!(one.categories, ["Politics", "Kazakhstan"]);
        assert_eq!(one.authors.len(), 2);
        assert_eq!(one.image.as_ref().map(|i| (i.width, i.height)), Some((Some(800), Some(600))));
        let two = entry_of(&items[1]);
        assert_eq!(two.link.as_deref(), Some("https://steppe.example/two"), "a permalink guid is the link");
        assert_eq!(two.authors[0].name, "Desk");
        assert_eq!(two.image.as_ref().map(|i| i.url.as_str()), Some("https://steppe.example/two.png"));
        assert_eq!(items[1].id_sources[0], "https://steppe.example/two");
    }

    #[test]
    fn other_roots_and_unclosed_feeds_are_errors() {
        let (r, _) = read_str("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>");
        assert!(matches!(r, Err(Stop::Bad(e)) if e.to_string().contains("<feed> (an Atom feed? use --from atom)")));
        let (r, items) = read_str("<rss><channel>\n<item><title>a</title></item>\n");
        assert_eq!(items.len(), 1);
        assert!(matches!(r, Err(Stop::Bad(e)) if e.to_string().contains("line 3, column 1: the file ends inside <channel>")));
    }
}
