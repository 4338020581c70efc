//! `article-embed convert --from rss|atom|jsonfeed|wordpress FEED --out-dir DIR`:
//! a whole site's articles from its feed in one command.
//!
//! One streaming reader per format ([`rss`], [`atom`], [`json`]) hands the
//! items, one at a time, to the batch ([`batch`]): items are converted in
//! parallel ([`entry`], or `convert/wordpress.rs` for WordPress posts),
//! each validated by the widget's own validation, then written with their
//! related links ([`related`]), the site file merged in ([`site`]), under
//! ids safe as file names ([`ids`]), with `index.json` ([`write`]).
//! Memory holds the items in flight and a few lines of metadata per item,
//! never the whole feed.

pub mod atom;
pub mod batch;
pub mod date;
pub mod entry;
pub mod ids;
pub mod json;
pub mod progress;
pub mod related;
pub mod rss;
pub mod site;
pub mod write;
pub mod xml;

use std::io::Read;

use crate::convert::Format;
use crate::error::CliError;

/// A field's text as the feed gives it, with the field's name for warnings.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    pub value: String,
    /// HTML (RSS `description`, Atom `type="html"`, `content_html`), else plain text.
    pub html: bool,
    pub field: &'static str,
}

impl Text {
    pub fn plain(value: impl Into<String>, field: &'static str) -> Text {
        Text { value: value.into(), html: false, field }
    }

    pub fn html(value: impl Into<String>, field: &'static str) -> Text {
        Text { value: value.into(), html: true, field }
    }
}

/// A date as written, and how to read it.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedDate {
    pub raw: String,
    pub field: &'static str,
    /// RSS `pubDate` (RFC 2822); else RFC 3339 or a near form.
    pub rfc2822: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Person {
    pub name: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImageRef {
    pub url: String,
    pub width: Option<u64>,
    pub height: Option<u64>,
    pub alt: Option<String>,
}

/// An RSS item, Atom entry or JSON Feed item in common terms: what
/// [`entry::convert`] turns into an article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entry {
    pub link: Option<String>,
    pub title: Option<Text>,
    pub summary: Option<Text>,
    pub content: Option<Text>,
    pub published: Option<FeedDate>,
    pub modified: Option<FeedDate>,
    pub authors: Vec<Person>,
    /// Categories or tags, in the feed's order; the first is the section.
    pub categories: Vec<String>,
    pub image: Option<ImageRef>,
    pub lang: Option<String>,
}

/// What an item is, as read.
#[derive(Debug)]
pub enum Body {
    Entry(Box<Entry>),
    /// A `wp/v2/posts` post, converted by `convert/wordpress.rs`.
    WordPress(serde_json::Value),
    /// An item that cannot be read (a JSON item that is not an object): why.
    Broken(String),
}

/// One item as a reader found it.
#[derive(Debug)]
pub struct Found {
    /// Its guid (RSS), id (Atom, JSON Feed, WordPress), for messages.
    pub guid: Option<String>,
    /// What its file id is made from, best first (see [`ids`]).
    pub id_sources: Vec<String>,
    pub body: Body,
}

/// What the feed says about the site as a whole: the publisher and
/// language under the site file's and the items' own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeedInfo {
    pub title: Option<String>,
    pub link: Option<String>,
    pub logo: Option<String>,
    pub lang: Option<String>,
}

/// The batch stopped taking items (another part of it failed).
#[derive(Debug)]
pub struct Halted;

/// Why a reader stopped early.
#[derive(Debug)]
pub enum Stop {
    /// The feed is malformed or cannot be read.
    Bad(CliError),
    /// The batch stopped taking items.
    Halted,
}

impl From<CliError> for Stop {
    fn from(e: CliError) -> Self {
        Stop::Bad(e)
    }
}

/// How a reader hands over each item, in feed order.
pub type Emit<'a> = dyn FnMut(Found) -> Result<(), Halted> + 'a;

/// Reads the feed `input` (named `name` in messages) of `format`, handing
/// every item to `emit`; the feed's own metadata at the end.
pub fn read(format: Format, input: Box<dyn Read + Send>, name: &str, emit: &mut Emit<'_>) -> Result<FeedInfo, Stop> {
    match format {
        Format::Rss => rss::read(input, name, emit),
        Format::Atom => atom::read(input, name, emit),
        Format::JsonFeed => json::read_json_feed(input, name, emit),
        Format::WordPress => json::read_wordpress(input, name, emit),
        other => Err(Stop::Bad(CliError::invalid(format!("--from {} converts one article: it has no --out-dir mode", other.name())))),
    }
}
