//! The URL allowlist: which URLs from article JSON may become links or images.
//!
//! Defaults, all written down here and nowhere else:
//! - `http:` and `https:` URLs with a host are allowed everywhere;
//! - relative URLs are resolved against the article JSON's own URL;
//! - `mailto:` is allowed for inline links in body text only;
//! - every other scheme (`javascript:`, `data:`, `vbscript:`, `file:`, …),
//!   URLs carrying credentials (`https://user:pw@host`), control characters
//!   and anything that does not resolve is rejected.
//!
//! Before the scheme is read the string is cleaned the way browsers clean it
//! (leading/trailing spaces and controls stripped, tabs and newlines removed,
//! backslashes read as slashes), so `java\tscript:` cannot slip through.

use std::fmt;

/// Where a URL is going to be used; decides which schemes are allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlUse {
    /// A link outside body text: canonical, publisher, author, related, CTA.
    Link,
    /// A link in the body's inline text.
    InlineLink,
    /// An image source.
    Image,
}

/// Why a URL was dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlRejection {
    Empty,
    SchemeNotAllowed(String),
    ControlCharacter,
    Credentials,
    NoHost,
    /// A relative URL with nothing to resolve it against.
    NoBase,
}

impl crate::text::Piece for UrlRejection {
    fn push_to(&self, out: &mut String) {
        match self {
            UrlRejection::Empty => out.push_str("the URL is empty"),
            UrlRejection::SchemeNotAllowed(s) => {
                out.push_str(&crate::cat!("the scheme \"", s, ":\" is not allowed (use http or https)"))
            }
            UrlRejection::ControlCharacter => out.push_str("the URL contains control characters"),
            UrlRejection::Credentials => out.push_str("URLs with a user name or password are not allowed"),
            UrlRejection::NoHost => out.push_str("the URL has no host"),
            UrlRejection::NoBase => out.push_str("a relative URL cannot be resolved here"),
        }
    }
}

impl fmt::Display for UrlRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::cat!(self))
    }
}

/// Checks `raw` against the allowlist for `usage` and returns it absolute.
///
/// `base` is the absolute URL that relative URLs resolve against (the
/// article JSON's URL); it is itself expected to be an allowed http(s) URL.
pub fn allow(raw: &str, base: Option<&str>, usage: UrlUse) -> Result<String, UrlRejection> {
    let cleaned = clean(raw)?;
    match scheme_of(&cleaned) {
        Some(scheme) => {
            let rest = &cleaned[scheme.len() + 1..];
            match scheme.as_str() {
                "http" | "https" => absolute_http(&scheme, rest),
                "mailto" if usage == UrlUse::InlineLink => Ok(["mailto:", rest].concat()),
                _ => Err(UrlRejection::SchemeNotAllowed(scheme)),
            }
        }
        None => {
            let base = base.ok_or(UrlRejection::NoBase)?;
            let base = allow(base, None, UrlUse::Link).map_err(|_| UrlRejection::NoBase)?;
            resolve(&base, &cleaned)
        }
    }
}

/// Strips what browsers strip, and refuses what they would choke on.
fn clean(raw: &str) -> Result<String, UrlRejection> {
    let trimmed = raw.trim_matches(|c: char| c <= ' ');
    if trimmed.is_empty() {
        return Err(UrlRejection::Empty);
    }
    let mut out = String::with_capacity(trimmed.len());
    for c in trimmed.chars() {
        match c {
            '\t' | '\n' | '\r' => {}
            '\\' => out.push('/'),
            c if c.is_control() => return Err(UrlRejection::ControlCharacter),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// The lower-cased scheme, when the string starts with one.
fn scheme_of(s: &str) -> Option<String> {
    let colon = s.find(':')?;
    let candidate = &s[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    let valid = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| candidate.to_ascii_lowercase())
}

fn absolute_http(scheme: &str, rest: &str) -> Result<String, UrlRejection> {
    let after = rest.trim_start_matches('/');
    let authority_end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let authority = &after[..authority_end];
    if authority.contains('@') {
        return Err(UrlRejection::Credentials);
    }
    if authority.is_empty() || authority.starts_with(':') {
        return Err(UrlRejection::NoHost);
    }
    let tail = &after[authority_end..];
    let tail = if tail.is_empty() { "/" } else { tail };
    let (path, suffix) = split_path(tail);
    let path = if path.is_empty() { "/".to_owned() } else { remove_dot_segments(path) };
    let url = [scheme, "://", &authority.to_ascii_lowercase(), &path, suffix].concat();
    Ok(encode_unsafe(&url))
}

/// Percent-encodes the characters a browser would encode anyway (space,
/// quotes, angle brackets, braces…), so a URL never carries markup-looking text.
fn encode_unsafe(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' | '"' | '\'' | '<' | '>' | '`' | '{' | '}' | '|' | '^' => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                let byte = c as u8; // all ASCII
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0xF)]));
            }
            c => out.push(c),
        }
    }
    out
}

/// Splits a path-and-after into the path and its `?query#fragment`.
fn split_path(s: &str) -> (&str, &str) {
    let end = s.find(['?', '#']).unwrap_or(s.len());
    (&s[..end], &s[end..])
}

/// Resolves a relative reference against an allowed absolute http(s) URL.
fn resolve(base: &str, relative: &str) -> Result<String, UrlRejection> {
    let scheme_end = crate::text::find_str(base, "://").ok_or(UrlRejection::NoBase)?;
    let scheme = &base[..scheme_end];
    let after = &base[scheme_end + 3..];
    let authority_end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let origin = &base[..scheme_end + 3 + authority_end];
    let (base_path, base_suffix) = split_path(&after[authority_end..]);
    let base_query = base_suffix.split('#').next().unwrap_or("");

    if let Some(rest) = relative.strip_prefix("//") {
        return absolute_http(scheme, rest);
    }
    let joined = if relative.starts_with('/') {
        [origin, relative].concat()
    } else if relative.starts_with('?') {
        [origin, base_path, relative].concat()
    } else if relative.starts_with('#') {
        [origin, base_path, base_query, relative].concat()
    } else {
        let dir = &base_path[..base_path.bytes().rposition(|b| b == b'/').map_or(0, |i| i + 1)];
        let dir = if dir.is_empty() { "/" } else { dir };
        [origin, dir, relative].concat()
    };
    absolute_http(scheme, &joined[scheme_end + 1..])
}

/// RFC 3986 section 5.2.4, on a path that starts with `/`.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    // A path that ends in `.` or `..` ends in a directory: a slash follows.
    let mut trailing_slash = false;
    for seg in path.get(1..).unwrap_or("").split('/') {
        match seg {
            "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
        trailing_slash = matches!(seg, "." | "..");
    }
    let mut result = String::with_capacity(path.len());
    for seg in &out {
        result.push('/');
        result.push_str(seg);
    }
    if trailing_slash || result.is_empty() {
        result.push('/');
    }
    result
}

/// The origin (`https://host:port`) of an allowed absolute URL.
pub fn origin_of(url: &str) -> Option<&str> {
    let scheme_end = crate::text::find_str(url, "://")?;
    let after = &url[scheme_end + 3..];
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    Some(&url[..scheme_end + 3 + end])
}

/// The host (without port) of an allowed absolute URL.
pub fn host_of(url: &str) -> Option<&str> {
    let origin = origin_of(url)?;
    let authority = &origin[crate::text::find_str(origin, "://")? + 3..];
    Some(match authority.bytes().rposition(|b| b == b':') {
        Some(i) if !authority.ends_with(']') => &authority[..i],
        _ => authority,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://news.example/embed/four-officers.json";

    struct Case {
        title: &'static str,
        input: &'static str,
        usage: UrlUse,
        expected: Result<&'static str, UrlRejection>,
    }

    fn check(cases: &[Case]) {
        for case in cases {
            let got = allow(case.input, Some(BASE), case.usage);
            let expected = case.expected.clone().map(str::to_owned);
            assert_eq!(got, expected, "{}: {:?}", case.title, case.input);
        }
    }

    fn rejected(scheme: &str) -> Result<&'static str, UrlRejection> {
        Err(UrlRejection::SchemeNotAllowed(scheme.to_owned()))
    }

    #[test]
    fn allowlist_table() {
        use UrlUse::*;
        check(&[
            Case { title: "https passes", input: "https://news.example/a", usage: Link, expected: Ok("https://news.example/a") },
            Case { title: "http passes", input: "HTTP://News.Example", usage: Image, expected: Ok("http://news.example/") },
            Case { title: "relative file", input: "logo.svg", usage: Image, expected: Ok("https://news.example/embed/logo.svg") },
            Case { title: "root relative", input: "/2012/01/a", usage: Link, expected: Ok("https://news.example/2012/01/a") },
            Case { title: "parent relative", input: "../i/a.jpg", usage: Image, expected: Ok("https://news.example/i/a.jpg") },
            Case { title: "protocol relative", input: "//cdn.example/x.png", usage: Image, expected: Ok("https://cdn.example/x.png") },
            Case { title: "query only", input: "?page=2", usage: Link, expected: Ok("https://news.example/embed/four-officers.json?page=2") },
            Case { title: "dots cannot climb above root", input: "/../../etc", usage: Link, expected: Ok("https://news.example/etc") },
            Case { title: "dot segments (RFC 3986 5.2.4)", input: "/a/b/c/./../../g", usage: Link, expected: Ok("https://news.example/a/g") },
            Case { title: "a trailing .. ends in a directory", input: "/a/b/..", usage: Link, expected: Ok("https://news.example/a/") },
            Case { title: "a trailing . ends in a directory", input: "/a/b/.", usage: Link, expected: Ok("https://news.example/a/b/") },
            Case { title: "a dot segment mid-path leaves no slash", input: "/a/./b", usage: Link, expected: Ok("https://news.example/a/b") },
            Case { title: "a trailing slash stays", input: "/a/b/", usage: Link, expected: Ok("https://news.example/a/b/") },
            Case { title: "dot segments with a query", input: "/a/../b?x=1", usage: Link, expected: Ok("https://news.example/b?x=1") },
            Case { title: "mailto inline", input: "mailto:desk@news.example", usage: InlineLink, expected: Ok("mailto:desk@news.example") },
            Case { title: "mailto not for images", input: "mailto:desk@news.example", usage: Image, expected: rejected("mailto") },
            Case { title: "mailto not for cta", input: "mailto:desk@news.example", usage: Link, expected: rejected("mailto") },
            Case { title: "javascript", input: "javascript:alert(1)", usage: InlineLink, expected: rejected("javascript") },
            Case { title: "javascript mixed case", input: "JaVaScRiPt:alert(1)", usage: Link, expected: rejected("javascript") },
            Case { title: "javascript with tab", input: "java\tscript:alert(1)", usage: Link, expected: rejected("javascript") },
            Case { title: "javascript with newline", input: "java\nscript:alert(1)", usage: Link, expected: rejected("javascript") },
            Case { title: "javascript leading space", input: "  \u{1}javascript:alert(1)", usage: Link, expected: rejected("javascript") },
            Case { title: "data html", input: "data:text/html,<script>alert(1)</script>", usage: Link, expected: rejected("data") },
            Case { title: "data image", input: "data:image/svg+xml;base64,AAAA", usage: Image, expected: rejected("data") },
            Case { title: "vbscript", input: "vbscript:msgbox", usage: Link, expected: rejected("vbscript") },
            Case { title: "file", input: "file:///etc/passwd", usage: Link, expected: rejected("file") },
            Case { title: "blob", input: "blob:https://news.example/x", usage: Image, expected: rejected("blob") },
            Case { title: "credentials", input: "https://news.example@evil.example/", usage: Link, expected: Err(UrlRejection::Credentials) },
            Case { title: "no host", input: "https://", usage: Link, expected: Err(UrlRejection::NoHost) },
            Case { title: "extra slashes skipped as browsers do", input: "https:///news.example/a", usage: Link, expected: Ok("https://news.example/a") },
            Case { title: "empty", input: "   ", usage: Link, expected: Err(UrlRejection::Empty) },
            Case { title: "inner control character", input: "https://a.example/\u{7f}", usage: Link, expected: Err(UrlRejection::ControlCharacter) },
            Case { title: "markup in a path is encoded", input: "/a b/<x>\"q\"", usage: Link, expected: Ok("https://news.example/a%20b/%3Cx%3E%22q%22") },
            Case { title: "backslash host trick", input: "/\\evil.example/x", usage: Link, expected: Ok("https://evil.example/x") },
        ]);
    }

    #[test]
    fn relative_url_without_base_is_rejected() {
        assert_eq!(allow("/a", None, UrlUse::Link), Err(UrlRejection::NoBase));
        assert_eq!(allow("/a", Some("javascript:x"), UrlUse::Link), Err(UrlRejection::NoBase));
    }

    #[test]
    fn origin_and_host() {
        assert_eq!(origin_of("https://news.example:8443/donate?x"), Some("https://news.example:8443"));
        assert_eq!(host_of("https://news.example:8443/donate"), Some("news.example"));
        assert_eq!(host_of("https://news.example"), Some("news.example"));
    }
}
