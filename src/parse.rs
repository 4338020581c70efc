//! Article JSON v1 → [`Article`]: parsing and validation in one walk.
//!
//! Strict where the contract is strict (required fields, types, version,
//! limits), tolerant where it is tolerant (unknown fields ignored, unknown
//! block types skipped, absent optional fields). Every problem is reported
//! with its JSON path, all of them, not only the first; things that are
//! dropped rather than refused (a disallowed URL, an unparseable date) are
//! warnings.

use crate::cat;
use crate::json::{self, Map, Value};

use crate::error::{LoadError, Problem, ProblemKind};
use crate::limits::{MAX_JSON_BYTES, 
    DEFAULT_CURRENCY, DEFAULT_FREQUENCY_CAP_DAYS, DEFAULT_REMIND_LATER_DAYS, MAX_AFTER_PARAGRAPH, MAX_BODY_BLOCKS,
    MAX_FREQUENCY_CAP_DAYS, MAX_FREQUENCY_CAP_VIEWS, MAX_HEADING_LEVEL, MAX_IMAGE_SIZE, MAX_REMIND_LATER_DAYS,
    MIN_AFTER_PARAGRAPH, MIN_FREQUENCY_CAP_DAYS, MIN_FREQUENCY_CAP_VIEWS, MIN_HEADING_LEVEL, MIN_IMAGE_SIZE,
    MIN_REMIND_LATER_DAYS,
};
use crate::model::*;
use crate::time::parse_rfc3339;
use crate::url_policy::{allow, UrlUse};

/// Larger responses are refused (a `schema` error), as the contract says;
/// the embed layer's fetch caps the body at the same size.
/// The article format version this code reads.
pub const VERSION: u64 = 1;

/// A valid article and what was dropped or ignored on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub article: Article,
    pub warnings: Vec<Problem>,
}

/// Parses article JSON text. `source_url` is the absolute URL the JSON was
/// fetched from; relative URLs in the article resolve against it.
pub fn parse_article(text: &str, source_url: Option<&str>) -> Result<Parsed, LoadError> {
    if text.len() > MAX_JSON_BYTES {
        return Err(too_large(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = json::parse(text).map_err(|e| LoadError::Json(e.describe()))?;
    from_value(&value, source_url)
}

/// Parses article JSON bytes as received: they must be UTF-8, as JSON is
/// (invalid bytes are a `json` error, not silently replaced).
pub fn parse_article_bytes(bytes: &[u8], source_url: Option<&str>) -> Result<Parsed, LoadError> {
    if bytes.len() > MAX_JSON_BYTES {
        return Err(too_large(bytes.len()));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_article(text, source_url),
        Err(e) => Err(LoadError::Json(cat!("the response is not UTF-8 (invalid bytes at offset ", e.valid_up_to(), ")"))),
    }
}

fn too_large(bytes: usize) -> LoadError {
    LoadError::Schema(vec![Problem::new(
        ProblemKind::TooLarge,
        String::new(),
        cat!("the article JSON is ", bytes, " bytes; at most ", MAX_JSON_BYTES, " render"),
    )])
}

/// Validates an already-parsed JSON value.
pub fn from_value(value: &Value, source_url: Option<&str>) -> Result<Parsed, LoadError> {
    let Some(root) = value.as_object() else {
        return Err(LoadError::Schema(vec![Problem::new(
            ProblemKind::Invalid,
            String::new(),
            cat!("the article must be a JSON object, found ", type_name(value)),
        )]));
    };
    match root.get("version") {
        None => {}
        Some(v) if v.as_u64() == Some(VERSION) => {}
        Some(v) => {
            let mut found = cat!(v);
            if found.len() > 40 {
                found = cat!(found.chars().take(40).collect::<String>(), "…");
            }
            return Err(LoadError::Version(found));
        }
    }
    let mut w = Walker { base: source_url, problems: Vec::new(), warnings: Vec::new() };
    let article = w.article(root);
    if w.problems.is_empty() {
        Ok(Parsed { article, warnings: w.warnings })
    } else {
        Err(LoadError::Schema(w.problems))
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Where a value sits in the article JSON, such as `body[3].content[0].href`.
/// A chain of borrowed steps: the text is only built when a problem or a
/// warning is recorded, not for every value walked.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

const ROOT: Path<'static> = Path::Root;
/// The donation object, parent of most of the ask's fields.
const DONATION: Path<'static> = Path::top("donation");

impl<'a> Path<'a> {
    /// A member of the top-level object.
    const fn top(key: &'static str) -> Path<'static> {
        Path::Key(&Path::Root, key)
    }

    fn key<'b>(&'b self, key: &'b str) -> Path<'b> {
        Path::Key(self, key)
    }

    fn index(&self, i: usize) -> Path<'_> {
        Path::Index(self, i)
    }
}

impl crate::text::Piece for Path<'_> {
    fn push_to(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(Path::Root, key) => out.push_str(key),
            Path::Key(parent, key) => {
                parent.push_to(out);
                out.push('.');
                out.push_str(key);
            }
            Path::Index(parent, i) => {
                parent.push_to(out);
                out.push('[');
                crate::text::push_u64(out, *i as u64);
                out.push(']');
            }
        }
    }
}

type Obj<'a> = Map<'a>;

struct Walker<'a> {
    base: Option<&'a str>,
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
}

impl Walker<'_> {
    fn problem(&mut self, path: Path<'_>, message: impl Into<String>) {
        self.problems.push(Problem::new(ProblemKind::Invalid, cat!(path), message.into()));
    }

    fn warn(&mut self, path: Path<'_>, message: impl Into<String>) {
        self.warn_as(ProblemKind::Dropped, path, message);
    }

    fn warn_as(&mut self, kind: ProblemKind, path: Path<'_>, message: impl Into<String>) {
        self.warnings.push(Problem::new(kind, cat!(path), message.into()));
    }

    fn wrong_type(&mut self, path: Path<'_>, expected: &str, found: &Value) {
        self.problem(path, cat!("expected ", expected, ", found ", type_name(found)));
    }

    /// An optional field: absent and `null` are both "not given".
    fn field<'v>(obj: &'v Obj, key: &str) -> Option<&'v Value<'v>> {
        obj.get(key).filter(|v| !v.is_null())
    }

    fn opt_string(&mut self, obj: &Obj, key: &str, parent: Path<'_>) -> Option<String> {
        let v = Self::field(obj, key)?;
        match v.as_str() {
            Some(s) if s.trim().is_empty() => None,
            Some(s) => Some(s.to_owned()),
            None => {
                self.wrong_type(parent.key(key), "a string", v);
                None
            }
        }
    }

    fn req_string(&mut self, obj: &Obj, key: &str, parent: Path<'_>) -> Option<String> {
        let path = parent.key(key);
        match Self::field(obj, key) {
            None => {
                self.problem(path, "is required");
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.problem(path, "must not be empty");
                None
            }
            Some(_) => self.opt_string(obj, key, parent),
        }
    }

    fn opt_url(&mut self, obj: &Obj, key: &str, parent: Path<'_>, usage: UrlUse) -> Option<String> {
        let raw = self.opt_string(obj, key, parent)?;
        self.check_url(&raw, parent.key(key), usage)
    }

    fn check_url(&mut self, raw: &str, path: Path<'_>, usage: UrlUse) -> Option<String> {
        match allow(raw, self.base, usage) {
            Ok(url) => Some(url),
            Err(why) => {
                self.warn(path, cat!("URL dropped: ", why));
                None
            }
        }
    }

    fn opt_bool(&mut self, obj: &Obj, key: &str, parent: Path<'_>) -> Option<bool> {
        let v = Self::field(obj, key)?;
        let b = v.as_bool();
        if b.is_none() {
            self.wrong_type(parent.key(key), "true or false", v);
        }
        b
    }

    /// A finite, non-negative number.
    fn opt_amount(&mut self, obj: &Obj, key: &str, parent: Path<'_>) -> Option<f64> {
        let v = Self::field(obj, key)?;
        self.amount(v, parent.key(key))
    }

    fn amount(&mut self, v: &Value, path: Path<'_>) -> Option<f64> {
        match v.as_f64() {
            Some(n) if n.is_finite() && n >= 0.0 => Some(n),
            Some(_) => {
                self.problem(path, "must be a number of at least 0");
                None
            }
            None => {
                self.wrong_type(path, "a number", v);
                None
            }
        }
    }

    /// A whole number in `min..=max`.
    fn opt_count(&mut self, obj: &Obj, key: &str, parent: Path<'_>, min: u32, max: u32) -> Option<u32> {
        let v = Self::field(obj, key)?;
        let path = parent.key(key);
        match v.as_u64() {
            Some(n) if (u64::from(min)..=u64::from(max)).contains(&n) => u32::try_from(n).ok(),
            _ if v.is_number() => {
                self.problem(path, cat!("must be a whole number from ", min, " to ", max));
                None
            }
            _ => {
                self.wrong_type(path, "a whole number", v);
                None
            }
        }
    }

    fn opt_object<'v>(&mut self, obj: &'v Obj, key: &str, parent: Path<'_>) -> Option<&'v Obj<'v>> {
        let v = Self::field(obj, key)?;
        let o = v.as_object();
        if o.is_none() {
            self.wrong_type(parent.key(key), "an object", v);
        }
        o
    }

    fn opt_array<'v>(&mut self, obj: &'v Obj, key: &str, parent: Path<'_>) -> Option<&'v Vec<Value<'v>>> {
        let v = Self::field(obj, key)?;
        let a = v.as_array();
        if a.is_none() {
            self.wrong_type(parent.key(key), "an array", v);
        }
        a
    }

    /// Calls `f` on each element of an array that must hold objects, in
    /// order, reporting the elements that are not objects.
    fn each_object(&mut self, items: &[Value], parent: Path<'_>, mut f: impl FnMut(&mut Self, Path<'_>, &Obj)) {
        for (i, item) in items.iter().enumerate() {
            let path = parent.index(i);
            match item.as_object() {
                Some(o) => f(self, path, o),
                None => self.wrong_type(path, "an object", item),
            }
        }
    }

    fn opt_date(&mut self, obj: &Obj, key: &str, parent: Path<'_>) -> Option<crate::time::Timestamp> {
        let raw = self.opt_string(obj, key, parent)?;
        let parsed = parse_rfc3339(&raw);
        if parsed.is_none() {
            self.warn(parent.key(key), "not an RFC 3339 date; it is not shown");
        }
        parsed
    }

    fn article(&mut self, root: &Obj) -> Article {
        let headline = self.req_string(root, "headline", ROOT).unwrap_or_default();
        let body = match Self::field(root, "body") {
            None => {
                self.problem(Path::top("body"), "is required");
                Vec::new()
            }
            Some(Value::Array(blocks)) if blocks.len() > MAX_BODY_BLOCKS => {
                let message = cat!("has ", blocks.len(), " blocks; at most ", MAX_BODY_BLOCKS, " render");
                self.problems.push(Problem::new(ProblemKind::TooLarge, "body".to_owned(), message));
                Vec::new()
            }
            Some(Value::Array(blocks)) => self.body(blocks),
            Some(other) => {
                self.wrong_type(Path::top("body"), "an array of blocks", other);
                Vec::new()
            }
        };
        Article {
            id: self.opt_string(root, "id", ROOT),
            url: self.opt_url(root, "url", ROOT, UrlUse::Link),
            lang: self.opt_string(root, "lang", ROOT),
            publisher: self.opt_object(root, "publisher", ROOT).and_then(|p| self.publisher(p)),
            section: self.opt_string(root, "section", ROOT),
            headline,
            standfirst: self.opt_string(root, "standfirst", ROOT),
            dateline: self.opt_string(root, "dateline", ROOT),
            date_published: self.opt_date(root, "datePublished", ROOT),
            date_modified: self.opt_date(root, "dateModified", ROOT),
            authors: self.authors(root),
            image: self.opt_object(root, "image", ROOT).and_then(|i| self.image(i, Path::top("image"))),
            notices: self.notices(root),
            body,
            related: self.related(root),
            donation: self.opt_object(root, "donation", ROOT).and_then(|d| self.donation(d)),
        }
    }

    fn publisher(&mut self, obj: &Obj) -> Option<Publisher> {
        let name = self.req_string(obj, "name", Path::top("publisher"))?;
        Some(Publisher {
            name,
            url: self.opt_url(obj, "url", Path::top("publisher"), UrlUse::Link),
            logo: self.opt_url(obj, "logo", Path::top("publisher"), UrlUse::Image),
        })
    }

    fn authors(&mut self, root: &Obj) -> Vec<Author> {
        let Some(items) = self.opt_array(root, "authors", ROOT) else { return Vec::new() };
        let mut out = Vec::new();
        self.each_object(items, Path::top("authors"), |w, path, obj| {
            if let Some(name) = w.req_string(obj, "name", path) {
                let url = w.opt_url(obj, "url", path, UrlUse::Link);
                out.push(Author { name, url });
            }
        });
        out
    }

    fn image(&mut self, obj: &Obj, path: Path<'_>) -> Option<Image> {
        let raw = self.req_string(obj, "src", path)?;
        let src = self.check_url(&raw, path.key("src"), UrlUse::Image);
        let alt = self.opt_string(obj, "alt", path).unwrap_or_default();
        let caption = self.opt_string(obj, "caption", path);
        let credit = self.opt_string(obj, "credit", path);
        let width = self.opt_count(obj, "width", path, MIN_IMAGE_SIZE, MAX_IMAGE_SIZE);
        let height = self.opt_count(obj, "height", path, MIN_IMAGE_SIZE, MAX_IMAGE_SIZE);
        Some(Image { src: src?, alt, caption, credit, width, height })
    }

    fn notices(&mut self, root: &Obj) -> Vec<Notice> {
        let Some(items) = self.opt_array(root, "notices", ROOT) else { return Vec::new() };
        let mut out = Vec::new();
        self.each_object(items, Path::top("notices"), |w, path, obj| {
            let kind = match w.opt_string(obj, "kind", path).as_deref() {
                None | Some("info") => NoticeKind::Info,
                Some("warning") => NoticeKind::Warning,
                Some(other) => {
                    w.warn(path.key("kind"), cat!("unknown notice kind \"", other, "\"; shown as info"));
                    NoticeKind::Info
                }
            };
            if let Some(text) = w.req_string(obj, "text", path) {
                out.push(Notice { kind, text });
            }
        });
        out
    }

    fn body(&mut self, blocks: &[Value]) -> Vec<Block> {
        let mut out = Vec::with_capacity(blocks.len());
        self.each_object(blocks, Path::top("body"), |w, path, obj| {
            let kind = match Self::field(obj, "type") {
                Some(Value::String(s)) => s.as_ref(),
                Some(other) => return w.wrong_type(path.key("type"), "a string", other),
                None => return w.problem(path.key("type"), "is required"),
            };
            let block = match kind {
                "paragraph" => w.content(obj, path).map(Block::Paragraph),
                "heading" => w.heading(obj, path),
                "quote" => w.content(obj, path).map(|content| Block::Quote {
                    content,
                    cite: w.opt_string(obj, "cite", path),
                }),
                "list" => w.list(obj, path),
                "image" => w.image(obj, path).map(Block::Image),
                other => {
                    w.warn_as(ProblemKind::UnknownBlockType, path, cat!("unknown block type \"", other, "\" skipped"));
                    None
                }
            };
            out.extend(block);
        });
        out
    }

    fn heading(&mut self, obj: &Obj, path: Path<'_>) -> Option<Block> {
        let level = match Self::field(obj, "level") {
            None => MIN_HEADING_LEVEL,
            Some(v) => match v.as_u64() {
                Some(n) if n < u64::from(MIN_HEADING_LEVEL) => {
                    let message = cat!("level ", n, " shown as ", MIN_HEADING_LEVEL, " (the headline is level 1)");
                    self.warn(path.key("level"), message);
                    MIN_HEADING_LEVEL
                }
                Some(n) if n > u64::from(MAX_HEADING_LEVEL) => {
                    self.warn(path.key("level"), cat!("level ", n, " shown as ", MAX_HEADING_LEVEL));
                    MAX_HEADING_LEVEL
                }
                Some(n) => u8::try_from(n).unwrap_or(MAX_HEADING_LEVEL),
                None => {
                    let expected = cat!("a whole number from ", MIN_HEADING_LEVEL, " to ", MAX_HEADING_LEVEL);
                    self.wrong_type(path.key("level"), &expected, v);
                    return None;
                }
            },
        };
        let content = self.content(obj, path)?;
        Some(Block::Heading { level, content })
    }

    fn list(&mut self, obj: &Obj, path: Path<'_>) -> Option<Block> {
        let ordered = self.opt_bool(obj, "ordered", path).unwrap_or(false);
        let items_path = path.key("items");
        let items = match Self::field(obj, "items") {
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(items_path, "an array", other);
                return None;
            }
            None => {
                self.problem(items_path, "is required");
                return None;
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.extend(self.inlines(item, items_path.index(i)));
        }
        Some(Block::List { ordered, items: out })
    }

    /// A block's `content` (required).
    fn content(&mut self, obj: &Obj, path: Path<'_>) -> Option<Vec<Inline>> {
        let content_path = path.key("content");
        match Self::field(obj, "content") {
            Some(v) => self.inlines(v, content_path),
            None => {
                self.problem(content_path, "is required");
                None
            }
        }
    }

    /// Inline content: an array of strings and `{text, marks?, href?}` runs.
    fn inlines(&mut self, v: &Value, path: Path<'_>) -> Option<Vec<Inline>> {
        let Some(items) = v.as_array() else {
            self.wrong_type(path, "an array of text runs", v);
            return None;
        };
        let mut runs = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let run_path = path.index(i);
            match item {
                Value::String(s) => runs.push(Inline::plain(s.as_ref())),
                Value::Object(o) => runs.extend(self.run(o, run_path)),
                other => self.wrong_type(run_path, "a string or a text run object", other),
            }
        }
        Some(runs)
    }

    fn run(&mut self, obj: &Obj, path: Path<'_>) -> Option<Inline> {
        let text_path = path.key("text");
        let text = match Self::field(obj, "text") {
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                self.wrong_type(text_path, "a string", other);
                return None;
            }
            None => {
                self.problem(text_path, "is required");
                return None;
            }
        };
        let mut run = Inline::plain(text);
        if let Some(marks) = self.opt_array(obj, "marks", path) {
            for (i, mark) in marks.iter().enumerate() {
                match mark.as_str() {
                    Some("strong") => run.strong = true,
                    Some("em") => run.em = true,
                    Some(other) => self.warn(path.key("marks").index(i), cat!("unknown mark \"", other, "\" ignored")),
                    None => self.wrong_type(path.key("marks").index(i), "a string", mark),
                }
            }
        }
        run.href = self.opt_url(obj, "href", path, UrlUse::InlineLink);
        Some(run)
    }

    fn related(&mut self, root: &Obj) -> Vec<Related> {
        let Some(items) = self.opt_array(root, "related", ROOT) else { return Vec::new() };
        let mut out = Vec::new();
        self.each_object(items, Path::top("related"), |w, path, obj| out.extend(w.related_item(path, obj)));
        out
    }

    fn related_item(&mut self, path: Path<'_>, obj: &Obj) -> Option<Related> {
        let headline = self.req_string(obj, "headline", path)?;
        Some(Related {
            headline,
            url: self.opt_url(obj, "url", path, UrlUse::Link),
            image: self.opt_url(obj, "image", path, UrlUse::Image),
            date_published: self.opt_date(obj, "datePublished", path),
        })
    }

    /// `donation.variants`: each needs a unique `id` and a `weight` above 0;
    /// its copy fields have the base copy's types.
    fn variants(&mut self, obj: &Obj) -> Vec<Variant> {
        let Some(items) = self.opt_array(obj, "variants", DONATION) else { return Vec::new() };
        let parent = DONATION.key("variants");
        let mut out: Vec<Variant> = Vec::new();
        self.each_object(items, parent, |w, path, v| {
            let id = w.req_string(v, "id", path);
            let weight = match Self::field(v, "weight") {
                None => Some(1.0),
                Some(value) => match value.as_f64() {
                    Some(n) if n.is_finite() && n > 0.0 => Some(n),
                    Some(_) => {
                        w.problem(path.key("weight"), "must be a number greater than 0");
                        None
                    }
                    None => {
                        w.wrong_type(path.key("weight"), "a number", value);
                        None
                    }
                },
            };
            let paragraphs = w.opt_array(v, "paragraphs", path).map(|items| {
                let mut texts = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item.as_str() {
                        Some(s) => texts.push(s.to_owned()),
                        None => w.wrong_type(path.key("paragraphs").index(i), "a string", item),
                    }
                }
                texts
            });
            let heading = w.opt_string(v, "heading", path);
            let highlight = w.opt_string(v, "highlight", path);
            let cta = w.opt_object(v, "cta", path).and_then(|c| {
                let cta_path = path.key("cta");
                let raw = w.req_string(c, "url", cta_path)?;
                let label = w.opt_string(c, "label", cta_path);
                let url = w.check_url(&raw, cta_path.key("url"), UrlUse::Link)?;
                Some(Cta { label, url })
            });
            if let Some(id) = &id {
                if out.iter().any(|o| &o.id == id) {
                    w.problem(path.key("id"), cat!("\"", id, "\" is used by another variant"));
                    return;
                }
            }
            if let (Some(id), Some(weight)) = (id, weight) {
                out.push(Variant { id, weight, heading, paragraphs, highlight, cta });
            }
        });
        out
    }

    fn donation(&mut self, obj: &Obj) -> Option<Donation> {
        let banner = self.opt_object(obj, "banner", DONATION).and_then(|b| {
            let path = DONATION.key("banner");
            let text = self.req_string(b, "text", path)?;
            Some(Banner { text, cta: self.opt_string(b, "cta", path) })
        });
        let paragraphs = match self.opt_array(obj, "paragraphs", DONATION) {
            None => Vec::new(),
            Some(items) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item.as_str() {
                        Some(s) => out.push(s.to_owned()),
                        None => self.wrong_type(DONATION.key("paragraphs").index(i), "a string", item),
                    }
                }
                out
            }
        };
        let currency = match self.opt_string(obj, "currency", DONATION) {
            None => DEFAULT_CURRENCY.to_owned(),
            Some(c) if c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()) => c.to_ascii_uppercase(),
            Some(c) => {
                self.problem(DONATION.key("currency"), cat!("\"", c, "\" is not an ISO 4217 currency code"));
                DEFAULT_CURRENCY.to_owned()
            }
        };
        let cta = self.opt_object(obj, "cta", DONATION).and_then(|c| {
            let path = DONATION.key("cta");
            let raw = self.req_string(c, "url", path)?;
            let label = self.opt_string(c, "label", path);
            let url = self.check_url(&raw, path.key("url"), UrlUse::Link)?;
            Some(Cta { label, url })
        });
        let ticker = self.opt_object(obj, "ticker", DONATION).and_then(|t| {
            let path = DONATION.key("ticker");
            let raised = self.opt_amount(t, "raised", path);
            let goal = self.opt_amount(t, "goal", path);
            let label = self.opt_string(t, "label", path);
            match (raised, goal) {
                (Some(raised), Some(goal)) if goal > 0.0 => Some(Ticker { raised, goal, label }),
                (Some(_), Some(_)) => {
                    self.problem(path.key("goal"), "must be greater than 0");
                    None
                }
                (r, g) => {
                    if r.is_none() && t.get("raised").is_none() {
                        self.problem(path.key("raised"), "is required");
                    }
                    if g.is_none() && t.get("goal").is_none() {
                        self.problem(path.key("goal"), "is required");
                    }
                    None
                }
            }
        });
        let frequencies = self.frequencies(obj);
        let payment_methods = match self.opt_array(obj, "paymentMethods", DONATION) {
            None => Vec::new(),
            Some(items) => {
                let mut out = Vec::new();
                let methods = DONATION.key("paymentMethods");
                for (i, item) in items.iter().enumerate() {
                    let path = methods.index(i);
                    match item.as_str().map(|s| (s, PaymentMethod::parse(s))) {
                        Some((_, Some(m))) if !out.contains(&m) => out.push(m),
                        Some((_, Some(_))) => {}
                        Some((s, None)) => self.warn(path, cat!("unknown payment method \"", s, "\" ignored")),
                        None => self.wrong_type(path, "a string", item),
                    }
                }
                out
            }
        };
        let remind_later = self.opt_object(obj, "remindLater", DONATION).map(|r| {
            let path = DONATION.key("remindLater");
            RemindLater {
                prompt: self.opt_string(r, "prompt", path),
                label: self.opt_string(r, "label", path),
                days: self
                    .opt_count(r, "days", path, MIN_REMIND_LATER_DAYS, MAX_REMIND_LATER_DAYS)
                    .unwrap_or(DEFAULT_REMIND_LATER_DAYS),
            }
        });
        let variants = self.variants(obj);
        let frequency_cap = self.opt_object(obj, "frequencyCap", DONATION).and_then(|c| {
            let path = DONATION.key("frequencyCap");
            let views = self.opt_count(c, "views", path, MIN_FREQUENCY_CAP_VIEWS, MAX_FREQUENCY_CAP_VIEWS);
            let days = self.opt_count(c, "days", path, MIN_FREQUENCY_CAP_DAYS, MAX_FREQUENCY_CAP_DAYS);
            Some(FrequencyCap { views: views?, days: days.unwrap_or(DEFAULT_FREQUENCY_CAP_DAYS) })
        });
        Some(Donation {
            banner,
            heading: self.opt_string(obj, "heading", DONATION),
            paragraphs,
            highlight: self.opt_string(obj, "highlight", DONATION),
            currency,
            frequencies,
            cta,
            ticker,
            payment_methods,
            remind_later,
            placement: self.placement(obj),
            frequency_cap,
            variants,
        })
    }

    fn frequencies(&mut self, obj: &Obj) -> Vec<Frequency> {
        let Some(items) = self.opt_array(obj, "frequencies", DONATION) else { return Vec::new() };
        let mut out: Vec<Frequency> = Vec::new();
        self.each_object(items, DONATION.key("frequencies"), |w, path, f| {
            let freq = w.frequency(path, f, &out);
            out.extend(freq);
        });
        out
    }

    /// One entry of `frequencies`; `seen` are the ones already read.
    fn frequency(&mut self, path: Path<'_>, f: &Obj, seen: &[Frequency]) -> Option<Frequency> {
        let id_raw = self.req_string(f, "id", path)?;
        let Some(id) = FrequencyId::parse(&id_raw) else {
            self.warn(path.key("id"), cat!("unknown frequency \"", id_raw, "\" skipped (use one-off, monthly or annual)"));
            return None;
        };
        if seen.iter().any(|s| s.id == id) {
            self.warn(path.key("id"), cat!("frequency \"", id_raw, "\" repeated; skipped"));
            return None;
        }
        let amounts_path = path.key("amounts");
        let mut amounts = Vec::new();
        match Self::field(f, "amounts") {
            Some(Value::Array(values)) => {
                for (i, v) in values.iter().enumerate() {
                    match self.amount(v, amounts_path.index(i)) {
                        Some(a) if a > 0.0 => amounts.push(a),
                        Some(_) => self.problem(amounts_path.index(i), "must be greater than 0"),
                        None => {}
                    }
                }
            }
            Some(other) => self.wrong_type(amounts_path, "an array of numbers", other),
            None => self.problem(amounts_path, "is required"),
        }
        let default = self.opt_amount(f, "default", path).and_then(|d| {
            if amounts.contains(&d) {
                Some(d)
            } else {
                self.warn(path.key("default"), "is not one of the amounts; ignored");
                None
            }
        });
        (!amounts.is_empty()).then_some(Frequency { id, amounts, default })
    }

    fn placement(&mut self, obj: &Obj) -> Placement {
        let path = DONATION.key("placement");
        match Self::field(obj, "placement") {
            None => Placement::End,
            Some(Value::String(s)) if s == "end" => Placement::End,
            Some(Value::Object(o)) if o.contains_key("afterParagraph") => {
                match self.opt_count(o, "afterParagraph", path, MIN_AFTER_PARAGRAPH, MAX_AFTER_PARAGRAPH) {
                    Some(n) => Placement::AfterParagraph(n),
                    None => Placement::End,
                }
            }
            Some(other) => {
                self.problem(path, cat!("expected \"end\" or {\"afterParagraph\": N}, found ", type_name(other)));
                Placement::End
            }
        }
    }
}

#[cfg(test)]
mod tests;
