//! `article-embed convert --from FORMAT INPUT [-o OUT]`: publishers' articles
//! in other formats → article JSON v1.
//!
//! Each converter builds the widget's own [`Article`] model; the result is
//! written through the serde wire types ([`article_embed::wire`]) and read
//! back with the widget's validation (`parse::parse_article`) before anything
//! is written, so a converted file is one the widget accepts. What a
//! converter leaves out is said on standard error as `warning: …`, never
//! silently.
//!
//! With `--out-dir DIR`, a whole feed (`rss`, `atom`, `jsonfeed`, or a
//! `wordpress` list) is converted, one article per item: see `feed/`.

mod guardian;
mod jsonld;
mod text;
pub mod wordpress;

pub use jsonld::split_paragraphs;

use std::process::ExitCode;

use article_embed::error::LoadError;
use article_embed::model::Article;
use article_embed::parse::parse_article;
use article_embed::time::{parse_rfc3339, Timestamp};
use article_embed::url_policy::{allow, UrlUse};
use article_embed::wire;

use crate::args::ConvertArgs;
use crate::error::{read_input, write_output, CliError};

/// The input formats `--from` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// An HTML page with schema.org JSON-LD, or a JSON-LD file (also: json-ld).
    #[value(name = "jsonld", alias = "json-ld")]
    JsonLd,
    /// A WordPress wp/v2/posts item, best fetched with _embed; with --out-dir, every post of a list (also: wp).
    #[value(name = "wordpress", alias = "wp")]
    WordPress,
    /// A Guardian Content API item response.
    Guardian,
    /// A plain-text article (also: txt).
    #[value(alias = "txt")]
    Text,
    /// An RSS 2.0 feed, every item (needs --out-dir).
    Rss,
    /// An Atom feed, every entry (needs --out-dir).
    Atom,
    /// A JSON Feed 1.1, every item (needs --out-dir; also: json-feed).
    #[value(name = "jsonfeed", alias = "json-feed")]
    JsonFeed,
}

impl Format {
    /// Its name on the command line.
    pub fn name(self) -> String {
        clap::ValueEnum::to_possible_value(&self).map(|v| v.get_name().to_owned()).unwrap_or_default()
    }

    /// A whole feed: converted only with `--out-dir`.
    pub fn is_feed(self) -> bool {
        matches!(self, Format::Rss | Format::Atom | Format::JsonFeed)
    }
}

/// What a converter dropped or guessed, printed as `warning: …` lines.
#[derive(Debug, Default)]
pub struct Warnings(Vec<String>);

impl Warnings {
    pub fn warn(&mut self, message: impl Into<String>) {
        self.0.push(message.into());
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

pub fn run(args: &ConvertArgs) -> Result<ExitCode, CliError> {
    if let Some(dir) = &args.batch.out_dir {
        return crate::feed::batch::run(args, dir);
    }
    let text = read_input(&args.input)?;
    let mut warnings = Warnings::default();
    let result = convert(args.from, &text, &mut warnings);
    for w in warnings.iter() {
        eprintln!("warning: {w}");
    }
    let json = result?;
    write_output(args.output.as_deref(), &json)?;
    Ok(ExitCode::SUCCESS)
}

/// Converts `input` and checks the result with the widget's validation:
/// the article JSON text, or why there is none.
pub fn convert(format: Format, input: &str, warnings: &mut Warnings) -> Result<String, CliError> {
    let article = match format {
        Format::JsonLd => jsonld::convert(input, warnings)?,
        Format::WordPress => wordpress::convert(input, warnings)?,
        Format::Guardian => guardian::convert(input, warnings)?,
        Format::Text => text::convert(input, warnings)?,
        feed => return Err(CliError::invalid(format!("--from {} reads a whole feed: give --out-dir DIR", feed.name()))),
    };
    let json = article_json(&article)?;
    check(&json, None, warnings)?;
    Ok(json)
}

/// Checks article JSON text with the widget's validation, as the widget
/// would read it from `base`: the article it reads, or every problem.
/// Validation warnings are added to `warnings`.
pub fn check(json: &str, base: Option<&str>, warnings: &mut Warnings) -> Result<Article, CliError> {
    match parse_article(json, base) {
        Ok(parsed) => {
            for w in &parsed.warnings {
                warnings.warn(format!("validation: {w}"));
            }
            Ok(parsed.article)
        }
        Err(LoadError::Schema(problems)) => {
            let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
            Err(CliError::invalid(format!("the converted article is not valid:\n{}", lines.join("\n"))))
        }
        Err(other) => Err(CliError::invalid(format!("the converted article is not valid: {other}"))),
    }
}

/// The article as article JSON v1 text: the wire types pretty-printed, keys
/// in the contract's order (`"version"` first, `"type"` first in a block),
/// with a final newline.
pub fn article_json(article: &Article) -> Result<String, CliError> {
    let mut text = serde_json::to_string_pretty(&wire::Article::from(article))
        .map_err(|e| CliError::invalid(format!("the converted article cannot be written as JSON: {e}")))?;
    text.push('\n');
    Ok(text)
}

/// Parses input that must be JSON, with a one-line error naming the format.
pub fn parse_json(input: &str, what: &str) -> Result<serde_json::Value, CliError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    serde_json::from_str(input).map_err(|e| CliError::invalid(format!("the input is not valid {what}: {e}")))
}

/// Text as the article model wants it: whitespace runs (including no-break
/// spaces) collapsed to one space, trimmed; `None` when nothing is left.
pub fn clean(text: &str) -> Option<String> {
    let out = text.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    (!out.is_empty()).then_some(out)
}

/// A URL the widget will accept, resolved against `base`; a rejected one is
/// dropped with a warning naming `what` it was.
pub fn url(raw: &str, base: Option<&str>, usage: UrlUse, what: &str, warnings: &mut Warnings) -> Option<String> {
    match allow(raw, base, usage) {
        Ok(url) => Some(url),
        Err(why) => {
            warnings.warn(format!("dropped {what} \"{}\": {why}", shorten(raw)));
            None
        }
    }
}

/// An RFC 3339 timestamp from the date formats publishers use: RFC 3339 as
/// is; a date alone (midnight UTC); a date-time without a zone (read as UTC,
/// with a warning); `+0300` offsets; minutes without seconds.
pub fn date(raw: &str, what: &str, warnings: &mut Warnings) -> Option<Timestamp> {
    let raw = raw.trim();
    if let Some(t) = parse_rfc3339(raw) {
        return Some(t);
    }
    let b = raw.as_bytes();
    let is_date = |s: &[u8]| s.len() == 10 && s[4] == b'-' && s[7] == b'-';
    let candidate = if is_date(b) {
        Some(format!("{raw}T00:00:00Z"))
    } else if b.len() >= 16 && is_date(&b[..10]) && (b[10] == b'T' || b[10] == b' ') {
        let (date, rest) = raw.split_at(10);
        let rest = &rest[1..];
        let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
        let (time, zone) = rest.split_at(zone_at);
        let time = if time.len() == 5 { format!("{time}:00") } else { time.to_owned() };
        let zone = match zone {
            "" => {
                warnings.warn(format!("{what} \"{raw}\" has no time zone; read as UTC"));
                "Z".to_owned()
            }
            z if z.len() == 5 && z[1..].bytes().all(|b| b.is_ascii_digit()) => format!("{}:{}", &z[..3], &z[3..]),
            z => z.to_owned(),
        };
        Some(format!("{date}T{time}{zone}"))
    } else {
        None
    };
    let parsed = candidate.as_deref().and_then(parse_rfc3339);
    if parsed.is_none() {
        warnings.warn(format!("dropped {what} \"{}\": not a date", shorten(raw)));
    }
    parsed
}

/// A URL-safe id from a headline or a URL path segment: lower-case ASCII
/// letters and digits joined by `-`.
pub fn slug(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') && (c.is_whitespace() || "-_./:'’".contains(c)) {
            out.push('-');
        }
        if out.len() >= 80 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    (!out.is_empty()).then_some(out)
}

/// The last path segment of a URL, without an extension: the usual article slug.
pub fn slug_of_url(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?;
    let after_host = path.split_once("://").map_or(path, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    let last = after_host.trim_end_matches('/').rsplit('/').next()?;
    let last = last.rsplit_once('.').map_or(last, |(stem, ext)| if ext.len() <= 5 { stem } else { last });
    slug(last)
}

/// At most 80 characters of `text`, for messages.
pub fn shorten(text: &str) -> String {
    if text.chars().count() <= 80 {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(80).collect::<String>())
    }
}

/// An article with only a headline, ready for a converter to fill in.
pub fn article(headline: String) -> Article {
    Article { headline, ..Article::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publisher_date_formats_become_rfc_3339() {
        let mut w = Warnings::default();
        let cases = [
            ("2012-01-11T09:00:00Z", "2012-01-11T09:00:00Z"),
            ("2012-01-11", "2012-01-11T00:00:00Z"),
            ("2012-01-11T09:00:00+0300", "2012-01-11T09:00:00+03:00"),
            ("2012-01-11T09:00+03:00", "2012-01-11T09:00:00+03:00"),
            ("2012-01-11 09:00:00", "2012-01-11T09:00:00Z"),
        ];
        for (raw, want) in cases {
            assert_eq!(date(raw, "datePublished", &mut w).map(|t| t.raw), Some(want.to_owned()), "{raw}");
        }
        assert_eq!(w.iter().count(), 1, "only the zone-less date warns");
        assert_eq!(date("yesterday", "datePublished", &mut w), None);
        assert_eq!(date("2012-01-11T09:00:00+0é0", "datePublished", &mut w), None, "no panic on odd bytes");
        assert!(w.iter().last().unwrap().contains("not a date"));
    }

    #[test]
    fn slugs_are_lower_case_ascii_words() {
        assert_eq!(
            slug("Four Officers Prosecuted for Kazakh Riot Shootings").as_deref(),
            Some("four-officers-prosecuted-for-kazakh-riot-shootings")
        );
        assert_eq!(
            slug_of_url("https://news.example/2012/01/11/four-officers.html?x=1").as_deref(),
            Some("four-officers")
        );
        assert_eq!(slug_of_url("https://news.example/a/b/").as_deref(), Some("b"));
        assert_eq!(slug("—"), None);
    }

    #[test]
    fn disallowed_urls_are_dropped_with_a_warning() {
        let mut w = Warnings::default();
        assert_eq!(url("javascript:alert(1)", None, UrlUse::Link, "url", &mut w), None);
        assert_eq!(
            url("/x", Some("https://news.example/a/b"), UrlUse::Link, "url", &mut w).as_deref(),
            Some("https://news.example/x")
        );
        assert_eq!(
            w.iter().collect::<Vec<_>>(),
            ["dropped url \"javascript:alert(1)\": the scheme \"javascript:\" is not allowed (use http or https)"]
        );
    }

    /// What the converters build: blocks of every kind, marks and links.
    fn converted() -> Article {
        use article_embed::model::{Block, Image, Inline};
        Article {
            id: Some("x".into()),
            url: Some("https://news.example/x".into()),
            date_published: parse_rfc3339("2012-01-11T09:00:00Z"),
            body: vec![
                Block::Paragraph(vec![
                    Inline::plain("a "),
                    Inline { text: "b".into(), strong: true, em: true, href: Some("https://e.example/".into()) },
                ]),
                Block::Heading { level: 3, content: vec![Inline::plain("h")] },
                Block::Quote { content: vec![Inline::plain("q")], cite: Some("c".into()) },
                Block::List { ordered: true, items: vec![vec![Inline::plain("1")], vec![Inline::plain("2")]] },
                Block::Image(Image {
                    src: "https://news.example/i.jpg".into(),
                    alt: "alt".into(),
                    caption: Some("cap".into()),
                    credit: None,
                    width: Some(800),
                    height: Some(600),
                }),
            ],
            ..article("H".into())
        }
    }

    #[test]
    fn written_article_reads_back_as_the_same_article() {
        let a = converted();
        let parsed = parse_article(&article_json(&a).unwrap(), None).unwrap();
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        assert_eq!(parsed.article, a);
    }

    #[test]
    fn version_comes_first_and_names_are_camel_case() {
        let text = article_json(&converted()).unwrap();
        assert!(text.starts_with("{\n  \"version\": 1,\n  \"id\": \"x\",\n  \"url\""), "{text}");
        assert!(text.ends_with("}\n"), "{text}");
        assert!(text.contains("\"datePublished\": \"2012-01-11T09:00:00Z\""));
        assert!(text.contains("{\n      \"type\": \"heading\",\n      \"level\": 3,"), "{text}");
        assert!(text.contains("\"marks\": [\n            \"strong\",\n            \"em\"\n          ]"), "{text}");
    }

    #[test]
    fn whitespace_and_no_break_spaces_collapse() {
        assert_eq!(clean(" a\u{a0} b\n\tc ").as_deref(), Some("a b c"));
        assert_eq!(clean(" \u{a0} "), None);
    }
}
