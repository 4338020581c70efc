//! What the RSS and Atom readers share: quick-xml's streaming reader over
//! a line-counting buffer (so an error's byte position becomes a line and
//! column), and one element at a time read into a small tree ([`Node`]),
//! the item being read and nothing else.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

use super::Stop;
use crate::error::CliError;

pub const ATOM: &str = "http://www.w3.org/2005/Atom";
pub const CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
pub const DC: &str = "http://purl.org/dc/elements/1.1/";
pub const MEDIA: &str = "http://search.yahoo.com/mrss/";

/// How many newline positions are kept to turn an error's byte position
/// into a line and column (errors are reported at or near the end of what
/// was read, so recent lines suffice).
const RECENT_LINES: usize = 1 << 16;
/// Deeper elements inside one item make the feed an error, so hostile
/// nesting cannot exhaust memory or the stack.
const MAX_DEPTH: usize = 100;

/// A buffered reader that counts lines as the parser consumes bytes.
pub struct Lines<R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    cap: usize,
    offset: u64,
    newlines: u64,
    recent: VecDeque<u64>,
}

impl<R: Read> Lines<R> {
    pub fn new(inner: R) -> Self {
        Lines { inner, buf: vec![0; 64 * 1024].into_boxed_slice(), pos: 0, cap: 0, offset: 0, newlines: 0, recent: VecDeque::new() }
    }

    /// The 1-based line and column (in bytes) of byte `offset`, when it is
    /// recent enough to be known exactly.
    pub fn line_column(&self, offset: u64) -> Option<(u64, u64)> {
        let after = self.recent.iter().rev().take_while(|&&nl| nl >= offset).count() as u64;
        let truncated = self.newlines > self.recent.len() as u64;
        let before = self.recent.iter().rev().find(|&&nl| nl < offset).copied();
        if truncated && before.is_none() {
            return None;
        }
        let line = self.newlines - after + 1;
        let column = offset - before.map_or(0, |nl| nl + 1) + 1;
        Some((line, column))
    }
}

impl<R: Read> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.cap {
            self.cap = self.inner.read(&mut self.buf)?;
            self.pos = 0;
        }
        Ok(&self.buf[self.pos..self.cap])
    }

    fn consume(&mut self, amt: usize) {
        let end = (self.pos + amt).min(self.cap);
        for (i, &b) in self.buf[self.pos..end].iter().enumerate() {
            if b == b'\n' {
                self.newlines += 1;
                if self.recent.len() == RECENT_LINES {
                    self.recent.pop_front();
                }
                self.recent.push_back(self.offset + i as u64);
            }
        }
        self.offset += (end - self.pos) as u64;
        self.pos = end;
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(out.len());
            out[..n].copy_from_slice(&available[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

/// One element and everything inside it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Node {
    /// The namespace URI, empty when none.
    pub ns: String,
    pub name: String,
    /// Attributes by their name as written (`href`, `xml:lang`).
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Child>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Child {
    Text(String),
    Element(Node),
}

impl Node {
    pub fn is(&self, ns: &str, name: &str) -> bool {
        self.ns == ns && self.name == name
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().filter_map(|c| match c {
            Child::Element(e) => Some(e),
            Child::Text(_) => None,
        })
    }

    pub fn all<'a>(&'a self, ns: &'a str, name: &'a str) -> impl Iterator<Item = &'a Node> {
        self.elements().filter(move |e| e.is(ns, name))
    }

    pub fn first(&self, ns: &str, name: &str) -> Option<&Node> {
        self.elements().find(|e| e.is(ns, name))
    }

    /// The element's own text (CDATA included), trimmed; `None` when empty.
    pub fn text(&self) -> Option<String> {
        let mut out = String::new();
        for c in &self.children {
            if let Child::Text(t) = c {
                out.push_str(t);
            }
        }
        let out = out.trim();
        (!out.is_empty()).then(|| out.to_owned())
    }

    /// The text of the first child `ns:name`.
    pub fn text_of(&self, ns: &str, name: &str) -> Option<String> {
        self.first(ns, name).and_then(Node::text)
    }

    /// The element's content as markup (Atom `type="xhtml"`): children
    /// written back with text and attribute values escaped.
    pub fn inner_markup(&self) -> String {
        let mut out = String::new();
        for c in &self.children {
            match c {
                Child::Text(t) => out.push_str(&quick_xml::escape::escape(t.as_str())),
                Child::Element(e) => e.write_markup(&mut out),
            }
        }
        out
    }

    fn write_markup(&self, out: &mut String) {
        out.push('<');
        out.push_str(&self.name);
        for (k, v) in &self.attrs {
            if !k.starts_with("xmlns") {
                out.push_str(&format!(" {k}=\"{}\"", quick_xml::escape::escape(v.as_str())));
            }
        }
        out.push('>');
        out.push_str(&self.inner_markup());
        out.push_str(&format!("</{}>", self.name));
    }
}

/// An element start met at the feed's top levels.
pub struct Start {
    pub node: Node,
    /// `<x/>`: the node is complete.
    pub empty: bool,
}

/// What the readers see of the feed outside the items.
pub enum Step {
    Start(Start),
    End,
    Eof,
}

/// quick-xml's namespace-aware reader over the feed, with errors that name
/// the feed and a line and column.
pub struct Xml {
    reader: NsReader<Lines<Box<dyn Read + Send>>>,
    buf: Vec<u8>,
    name: String,
    what: &'static str,
}

impl Xml {
    /// `what` names the format in messages ("RSS", "Atom").
    pub fn new(input: Box<dyn Read + Send>, name: &str, what: &'static str) -> Xml {
        let mut reader = NsReader::from_reader(Lines::new(input));
        reader.config_mut().check_comments = false;
        Xml { reader, buf: Vec::with_capacity(8 * 1024), name: name.to_owned(), what }
    }

    /// The next element start or end outside an item; text, comments and
    /// declarations between them are skipped.
    pub fn step(&mut self) -> Result<Step, Stop> {
        let mut buf = std::mem::take(&mut self.buf);
        let step = self.step_with(&mut buf);
        self.buf = buf;
        step
    }

    fn step_with(&mut self, buf: &mut Vec<u8>) -> Result<Step, Stop> {
        loop {
            buf.clear();
            match self.reader.read_event_into(buf) {
                Ok(Event::Start(e)) => return Ok(Step::Start(Start { node: self.head(&e)?, empty: false })),
                Ok(Event::Empty(e)) => return Ok(Step::Start(Start { node: self.head(&e)?, empty: true })),
                Ok(Event::End(_)) => return Ok(Step::End),
                Ok(Event::Eof) => return Ok(Step::Eof),
                Ok(_) => {}
                Err(e) => return Err(self.error(&e.to_string(), self.reader.error_position())),
            }
        }
    }

    /// The whole element that `start` opened.
    pub fn node(&mut self, start: Start) -> Result<Node, Stop> {
        if start.empty {
            return Ok(start.node);
        }
        let mut buf = std::mem::take(&mut self.buf);
        let node = self.node_with(start.node, &mut buf);
        self.buf = buf;
        node
    }

    fn node_with(&mut self, head: Node, buf: &mut Vec<u8>) -> Result<Node, Stop> {
        let mut stack = vec![head];
        loop {
            buf.clear();
            let event = match self.reader.read_event_into(buf) {
                Ok(event) => event,
                Err(e) => return Err(self.error(&e.to_string(), self.reader.error_position())),
            };
            let top = stack.len() - 1;
            match event {
                Event::Start(_) if stack.len() >= MAX_DEPTH => {
                    let why = format!("elements nested more than {MAX_DEPTH} deep");
                    return Err(self.error(&why, self.reader.buffer_position()));
                }
                Event::Start(e) => stack.push(self.head(&e)?),
                Event::Empty(e) => {
                    let node = self.head(&e)?;
                    stack[top].children.push(Child::Element(node));
                }
                Event::End(_) => {
                    let Some(done) = stack.pop() else { continue };
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(Child::Element(done)),
                        None => return Ok(done),
                    }
                }
                Event::Text(t) => push_text(&mut stack[top], &self.decoded(t.xml10_content())?),
                Event::CData(t) => push_text(&mut stack[top], &self.decoded(t.xml10_content())?),
                Event::GeneralRef(r) => {
                    let text = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => {
                            let name = self.decoded(r.decode())?;
                            quick_xml::escape::resolve_xml_entity(&name).map_or_else(|| format!("&{name};"), str::to_owned)
                        }
                        Err(e) => return Err(self.error(&e.to_string(), self.reader.buffer_position())),
                    };
                    push_text(&mut stack[top], &text);
                }
                Event::Eof => {
                    let open = stack.last().map_or("", |n| n.name.as_str()).to_owned();
                    return Err(self.error(&format!("the file ends inside <{open}>"), self.reader.buffer_position()));
                }
                _ => {}
            }
        }
    }

    /// An element's name, namespace and attributes.
    fn head(&self, e: &BytesStart<'_>) -> Result<Node, Stop> {
        let (ns, local) = self.reader.resolver().resolve_element(e.name());
        let ns = match ns {
            ResolveResult::Bound(ns) => String::from_utf8_lossy(ns.as_ref()).into_owned(),
            _ => String::new(),
        };
        let mut node = Node { ns, name: String::from_utf8_lossy(local.as_ref()).into_owned(), ..Node::default() };
        for attr in e.attributes() {
            let attr = attr.map_err(|err| self.error(&err.to_string(), self.reader.buffer_position()))?;
            let value = attr
                .decoded_and_normalized_value(quick_xml::XmlVersion::Implicit1_0, self.reader.decoder())
                .map_err(|err| self.error(&err.to_string(), self.reader.buffer_position()))?;
            node.attrs.push((String::from_utf8_lossy(attr.key.as_ref()).into_owned(), value.into_owned()));
        }
        Ok(node)
    }

    fn decoded<'t, E: std::fmt::Display>(
        &self,
        text: Result<std::borrow::Cow<'t, str>, E>,
    ) -> Result<std::borrow::Cow<'t, str>, Stop> {
        text.map_err(|e| self.error(&e.to_string(), self.reader.buffer_position()))
    }

    /// A malformed feed: `FEED: not a well-formed RSS feed: line L, column C: why`.
    pub fn error(&self, why: &str, offset: u64) -> Stop {
        let at = match self.reader.get_ref().line_column(offset) {
            Some((line, column)) => format!("line {line}, column {column}"),
            None => format!("byte {}", offset + 1),
        };
        Stop::Bad(CliError::invalid(format!("{}: not a well-formed {} feed: {at}: {why}", self.name, self.what)))
    }

    /// The feed ends with `open` still open.
    pub fn unclosed(&self, open: &str) -> Stop {
        self.error(&format!("the file ends inside <{open}>"), self.reader.buffer_position())
    }

    /// The end of the input with the elements in `path` still open: `done`
    /// when none is and the root `<root>` was seen, else the error saying why.
    pub fn end_of_input<T>(&self, path: &[String], seen_root: bool, root: &str, done: T) -> Result<T, Stop> {
        match path.last() {
            Some(open) => Err(self.unclosed(open)),
            None if !seen_root => Err(self.error(&format!("the file has no <{root}> element"), 0)),
            None => Ok(done),
        }
    }

    /// The feed is XML but not of this format: no line needed.
    pub fn not_this_format(&self, root: &Node, hint: &str) -> Stop {
        Stop::Bad(CliError::invalid(format!(
            "{}: not an {} feed: the root element is <{}>{hint}",
            self.name, self.what, root.name
        )))
    }
}

fn push_text(node: &mut Node, text: &str) {
    if let Some(Child::Text(last)) = node.children.last_mut() {
        last.push_str(text);
    } else {
        node.children.push(Child::Text(text.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xml(text: &str) -> Xml {
        Xml::new(Box::new(io::Cursor::new(text.as_bytes().to_vec())), "feed.xml", "RSS")
    }

    fn first_node(text: &str) -> Result<Node, Stop> {
        let mut x = xml(text);
        match x.step()? {
            Step::Start(start) => x.node(start),
            _ => panic!("a start"),
        }
    }

    fn message(stop: Stop) -> String {
        match stop {
            Stop::Bad(e) => e.to_string(),
            Stop::Halted => "halted".into(),
        }
    }

    #[test]
    fn an_element_is_read_with_text_cdata_entities_and_namespaces() {
        let node = first_node(
            "<item xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><title>A &amp; B &#8211; C</title>\
             <content:encoded><![CDATA[<p>x</p>]]></content:encoded><link href=\"h?a=1&amp;b=2\"/></item>",
        )
        .unwrap();
        assert_eq!(node.text_of("", "title").as_deref(), Some("A & B – C"));
        assert_eq!(node.text_of(CONTENT, "encoded").as_deref(), Some("<p>x</p>"));
        assert_eq!(node.first("", "link").and_then(|l| l.attr("href")), Some("h?a=1&b=2"));
    }

    #[test]
    fn xhtml_content_is_written_back_as_markup() {
        let node = first_node("<content><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>a &lt; <b>b</b></p></div></content>").unwrap();
        assert_eq!(node.inner_markup(), "<div><p>a &lt; <b>b</b></p></div>");
    }

    #[test]
    fn errors_give_the_line_and_column() {
        let e = message(first_node("<item>\n  <title>x</title>\n  <link>y</lnk>\n</item>").unwrap_err());
        assert!(e.starts_with("feed.xml: not a well-formed RSS feed: line 3, column 10: "), "{e}");
        let e = message(first_node("<item>\n<title>x").unwrap_err());
        assert!(e.contains("line 2, column 9: the file ends inside <title>"), "{e}");
    }

    #[test]
    fn line_counting_survives_small_buffers() {
        let mut lines = Lines::new(io::Cursor::new(b"ab\ncd\n\nef".to_vec()));
        let mut all = Vec::new();
        lines.read_to_end(&mut all).unwrap();
        assert_eq!(lines.line_column(0), Some((1, 1)));
        assert_eq!(lines.line_column(4), Some((2, 2)));
        assert_eq!(lines.line_column(7), Some((4, 1)));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = format!("<item>{}</item>", "<a>".repeat(MAX_DEPTH + 5));
        assert!(message(first_node(&text).unwrap_err()).contains("nested more than"));
    }
}
