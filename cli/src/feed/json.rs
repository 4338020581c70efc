//! JSON Feed 1.1 and WordPress `wp/v2/posts` lists, read as a stream with
//! serde: each item is deserialized, handed over and dropped before the
//! next is read, so memory holds one item, not the feed. Syntax errors
//! carry serde_json's line and column.

use std::fmt;
use std::io::{BufRead, BufReader, Read};

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer as _};
use serde_json::Value;

use super::{Body, Emit, Entry, FeedDate, FeedInfo, Found, ImageRef, Person, Stop, Text};
use crate::error::CliError;

/// Which list the items are in, and how each becomes a [`Found`].
#[derive(Clone, Copy)]
enum Kind {
    JsonFeed,
    WordPress,
}

/// The state a streaming visitor shares with its caller.
struct Sink<'s, 'e> {
    emit: &'s mut Emit<'e>,
    kind: Kind,
    info: FeedInfo,
    version: Option<String>,
    halted: bool,
    /// A WordPress error response met in place of a list.
    refused: Option<String>,
}

pub fn read_json_feed(input: Box<dyn Read + Send>, name: &str, emit: &mut Emit<'_>) -> Result<FeedInfo, Stop> {
    let sink = stream(input, name, "JSON Feed", Kind::JsonFeed, emit)?;
    match sink.version.as_deref() {
        Some(v) if v.contains("jsonfeed.org/version/") => Ok(sink.info),
        _ => Err(Stop::Bad(CliError::invalid(format!(
            "{name}: not a JSON Feed: its \"version\" must be a https://jsonfeed.org/version/… URL"
        )))),
    }
}

pub fn read_wordpress(input: Box<dyn Read + Send>, name: &str, emit: &mut Emit<'_>) -> Result<FeedInfo, Stop> {
    let sink = stream(input, name, "WordPress posts JSON", Kind::WordPress, emit)?;
    match sink.refused {
        Some(message) => Err(Stop::Bad(CliError::invalid(format!("{name}: the input is a WordPress error response: {message}")))),
        None => Ok(sink.info),
    }
}

fn stream<'s, 'e>(
    input: Box<dyn Read + Send>,
    name: &str,
    what: &str,
    kind: Kind,
    emit: &'s mut Emit<'e>,
) -> Result<Sink<'s, 'e>, Stop> {
    let mut sink = Sink { emit, kind, info: FeedInfo::default(), version: None, halted: false, refused: None };
    let mut reader = BufReader::with_capacity(64 * 1024, input);
    // A UTF-8 byte order mark is not JSON; editors on Windows write one.
    if reader.fill_buf().is_ok_and(|head| head.starts_with(b"\xEF\xBB\xBF")) {
        reader.consume(3);
    }
    let mut de = serde_json::Deserializer::from_reader(reader);
    let result = match kind {
        Kind::JsonFeed => (&mut de).deserialize_map(Top(&mut sink)),
        Kind::WordPress => (&mut de).deserialize_any(Top(&mut sink)),
    }
    .and_then(|()| de.end());
    match result {
        Ok(()) => Ok(sink),
        Err(_) if sink.halted => Err(Stop::Halted),
        Err(e) if e.is_io() => Err(Stop::Bad(CliError::Io(format!("cannot read {name}: {e}")))),
        Err(e) => Err(Stop::Bad(CliError::invalid(format!("{name}: not valid {what}: {e}")))),
    }
}

/// The top level: a JSON Feed object, or a WordPress list (or one post).
struct Top<'a, 's, 'e>(&'a mut Sink<'s, 'e>);

impl<'de> Visitor<'de> for Top<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.kind {
            Kind::JsonFeed => f.write_str("a JSON Feed object"),
            Kind::WordPress => f.write_str("a list of WordPress posts"),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Items(self.0).visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let sink = self.0;
        if let Kind::WordPress = sink.kind {
            // One post (or an error response) instead of a list.
            let post = Value::deserialize(de::value::MapAccessDeserializer::new(map))?;
            if let Some(message) = post.get("code").and(post.get("message")).and_then(Value::as_str) {
                sink.refused = Some(message.to_owned());
                return Ok(());
            }
            return sink.take(post).map_err(de::Error::custom);
        }
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "items" => map.next_value_seed(Items(sink))?,
                "version" => sink.version = map.next_value::<Value>()?.as_str().map(str::to_owned),
                "title" => sink.info.title = string(&map.next_value::<Value>()?),
                "home_page_url" => sink.info.link = string(&map.next_value::<Value>()?),
                "language" => sink.info.lang = string(&map.next_value::<Value>()?),
                "icon" => sink.info.logo = string(&map.next_value::<Value>()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// The items array: each element read whole, handed over, dropped.
struct Items<'a, 's, 'e>(&'a mut Sink<'s, 'e>);

impl<'de> DeserializeSeed<'de> for Items<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Items<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of items")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element::<Value>()? {
            self.0.take(item).map_err(de::Error::custom)?;
        }
        Ok(())
    }
}

impl Sink<'_, '_> {
    fn take(&mut self, item: Value) -> Result<(), &'static str> {
        let found = match self.kind {
            Kind::JsonFeed => json_feed_item(item),
            Kind::WordPress => wordpress_post(item),
        };
        (self.emit)(found).map_err(|_| {
            self.halted = true;
            "the batch stopped"
        })
    }
}

fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn field(item: &Value, key: &str) -> Option<String> {
    item.get(key).and_then(string)
}

/// A JSON Feed 1.1 item (1.0's `author` too).
fn json_feed_item(item: Value) -> Found {
    if !item.is_object() {
        return Found { guid: None, id_sources: Vec::new(), body: Body::Broken("the item is not a JSON object".into()) };
    }
    let guid = field(&item, "id");
    let link = field(&item, "url").or_else(|| field(&item, "external_url"));
    let title = field(&item, "title");
    let content = match (field(&item, "content_html"), field(&item, "content_text")) {
        (Some(html), _) => Some(Text::html(html, "content_html")),
        (None, Some(text)) => Some(Text::plain(text, "content_text")),
        (None, None) => None,
    };
    let people = item.get("authors").and_then(Value::as_array).cloned().unwrap_or_default();
    let authors = people.iter().chain(item.get("author")).filter_map(|p| Some(Person { name: field(p, "name")?, url: field(p, "url") }));
    let date = |key: &'static str| field(&item, key).map(|raw| FeedDate { raw, field: key, rfc2822: false });
    let entry = Entry {
        link: link.clone(),
        title: title.clone().map(|t| Text::plain(t, "title")),
        summary: field(&item, "summary").map(|s| Text::plain(s, "summary")),
        content,
        published: date("date_published"),
        modified: date("date_modified"),
        authors: authors.collect(),
        categories: item.get("tags").and_then(Value::as_array).into_iter().flatten().filter_map(string).collect(),
        image: field(&item, "image")
            .or_else(|| field(&item, "banner_image"))
            .map(|url| ImageRef { url, ..ImageRef::default() }),
        lang: field(&item, "language"),
    };
    let id_sources = [guid.clone(), link, title].into_iter().flatten().collect();
    Found { guid, id_sources, body: Body::Entry(Box::new(entry)) }
}

/// A `wp/v2/posts` post: its id is its `slug`, else its link, else `post-<id>`.
fn wordpress_post(post: Value) -> Found {
    if !post.is_object() {
        return Found { guid: None, id_sources: Vec::new(), body: Body::Broken("the post is not a JSON object".into()) };
    }
    let number = field(&post, "id");
    let guid = post.get("guid").and_then(|g| g.get("rendered")).and_then(string).or_else(|| number.clone());
    let id_sources = [field(&post, "slug"), field(&post, "link"), number.map(|n| format!("post-{n}"))].into_iter().flatten().collect();
    Found { guid, id_sources, body: Body::WordPress(post) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(kind: &str, text: &str) -> (Result<FeedInfo, Stop>, Vec<Found>) {
        let mut items = Vec::new();
        let input: Box<dyn Read + Send> = Box::new(std::io::Cursor::new(text.as_bytes().to_vec()));
        let mut emit = |f| {
            items.push(f);
            Ok(())
        };
        let result = match kind {
            "jsonfeed" => read_json_feed(input, "feed.json", &mut emit),
            _ => read_wordpress(input, "posts.json", &mut emit),
        };
        (result, items)
    }

    fn message(r: Result<FeedInfo, Stop>) -> String {
        match r {
            Err(Stop::Bad(e)) => e.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn json_feed_items_are_read_in_order_whatever_the_key_order() {
        let (info, items) = run(
            "jsonfeed",
            "\u{feff}{\"items\":[{\"id\":1,\"title\":\"A\",\"content_html\":\"<p>x</p>\",\"tags\":[\"t\"],\"authors\":[{\"name\":\"N\"}]},\
             \"oops\",{\"id\":\"b\",\"content_text\":\"y\"}],\"title\":\"Site\",\"version\":\"https://jsonfeed.org/version/1.1\"}",
        );
        assert_eq!(info.unwrap().title.as_deref(), Some("Site"));
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].guid.as_deref(), Some("1"));
        let Body::Entry(a) = &items[0].body else { panic!("an entry") };
        assert_eq!(a.content, Some(Text::html("<p>x</p>", "content_html")));
        assert_eq!((a.categories.as_slice(), a.authors[0].name.as_str()), (&["t".to_owned()][..], "N"));
        assert!(matches!(&items[1].body, Body::Broken(_)));
    }

    #[test]
    fn json_errors_have_line_and_column_and_a_version_is_required() {
        let (r, _) = run("jsonfeed", "{\"version\":\"https://jsonfeed.org/version/1.1\",\n\"items\":[{\"id\":1},\n{\"id\" 2}]}");
        let m = message(r);
        assert!(m.starts_with("feed.json: not valid JSON Feed: expected `:` at line 3 column 7"), "{m}");
        let (r, _) = run("jsonfeed", "{\"items\":[]}");
        assert!(message(r).contains("not a JSON Feed"));
        let (r, _) = run("jsonfeed", "[]");
        assert!(message(r).contains("expected a JSON Feed object"));
    }

    #[test]
    fn wordpress_lists_single_posts_and_error_responses() {
        let (r, items) = run("wordpress", r#"[{"id":7,"slug":"a","title":{"rendered":"A"}},{"id":8}]"#);
        assert!(r.is_ok());
        assert_eq!(items[0].id_sources, ["a", "post-7"]);
        assert_eq!(items[1].guid.as_deref(), Some("8"));
        let (r, items) = run("wordpress", r#"{"id":7,"title":{"rendered":"A"}}"#);
        assert!(r.is_ok() && items.len() == 1);
        let (r, _) = run("wordpress", r#"{"code":"rest_no_route","message":"No route."}"#);
        assert!(message(r).contains("WordPress error response: No route."));
    }
}
