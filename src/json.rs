//! A small, strict JSON parser (RFC 8259) for article JSON.
//!
//! The widget needs only a value tree to walk, so this replaces a general
//! serialization framework in the Wasm bundle (see docs/PERFORMANCE.md).
//! It never panics: nesting is limited to [`MAX_DEPTH`], numbers must be
//! finite, strings must be valid (no lone surrogates, no raw control
//! characters); everything else is an [`Error`] with a line and column.

use std::borrow::Cow;
use std::fmt;

/// Deeper nesting is an error (as in most JSON parsers), so hostile input
/// cannot exhaust the stack.
pub const MAX_DEPTH: usize = 128;

/// A JSON value. Strings and member names borrow from the parsed text
/// unless they contain escapes: parsing allocates only for arrays, objects
/// and escaped strings.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Map<'a>),
}

/// A finite number, remembering whether it was written as an integer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    value: f64,
    integer: bool,
}

/// An object's members in document order. Lookups take the last member of a
/// name, so a duplicated key means its last value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map<'a>(Vec<(Cow<'a, str>, Value<'a>)>);

impl<'a> Map<'a> {
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn insert(&mut self, key: Cow<'a, str>, value: Value<'a>) {
        self.0.push((key, value));
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value<'a>)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }
}

impl<'a> Value<'a> {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Value::Number(_))
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s.as_ref()),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.value),
            _ => None,
        }
    }

    /// The number as a whole `u64`, when it was written as an integer.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) if n.integer && n.value >= 0.0 && n.value <= 9_007_199_254_740_992.0 => Some(n.value as u64),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value<'a>>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map<'a>> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// A member of an object.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.as_object()?.get(key)
    }
}

impl From<f64> for Value<'_> {
    fn from(value: f64) -> Self {
        Value::Number(Number { value, integer: value.fract() == 0.0 })
    }
}

/// Short JSON-like text for messages: numbers and strings as written,
/// containers abbreviated.
impl crate::text::Piece for Value<'_> {
    fn push_to(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => out.push_str(&crate::format::plain(n.value)),
            // Quoted as written, without `{:?}` (its escaping tables would be
            // in the bundle, and the Wasm build compiles `Debug` out).
            Value::String(s) => {
                out.push('"');
                out.push_str(s);
                out.push('"');
            }
            Value::Array(_) => out.push_str("[…]"),
            Value::Object(_) => out.push_str("{…}"),
        }
    }
}

impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::cat!(self))
    }
}

/// Where and why the text is not JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl Error {
    /// `message at line L, column C`; also the `Display` text.
    pub fn describe(&self) -> String {
        crate::cat!(self.message, " at line ", self.line, ", column ", self.column)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

/// Parses one JSON text (surrounded by optional whitespace).
pub fn parse(text: &str) -> Result<Value<'_>, Error> {
    let mut p = Parser { bytes: text.as_bytes(), pos: 0, text };
    p.skip_ws();
    let value = p.value(0)?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.error("trailing characters after the JSON value"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn error(&self, message: &'static str) -> Error {
        let upto = &self.text.as_bytes()[..self.pos.min(self.bytes.len())];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        // Characters, not bytes: every byte but a UTF-8 continuation byte
        // starts one (a position inside a character counts that character).
        let column = upto[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count() + 1;
        Error { message, line, column }
    }

    // The two helpers most bytes go through, marked for inlining: at
    // `opt-level = "z"` a call per byte made parsing slow. (`inline(always)`
    // was 0.5 ms faster on the 1.47 MB bench article and 0.5 kB gzip larger.)
    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn expect_word(&mut self, word: &[u8], value: Value<'a>) -> Result<Value<'a>, Error> {
        if self.bytes[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, Error> {
        match self.peek() {
            None => Err(self.error("unexpected end of input")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.expect_word(b"true", Value::Bool(true)),
            Some(b'f') => self.expect_word(b"false", Value::Bool(false)),
            Some(b'n') => self.expect_word(b"null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value<'a>, Error> {
        if depth > MAX_DEPTH {
            return Err(self.error("nesting is deeper than 128 levels"));
        }
        self.pos += 1;
        let mut map = Map::default();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error(if self.peek().is_none() { "unexpected end of input" } else { "expected a member name in double quotes" }));
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':' after a member name"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth)?;
            map.insert(key, value);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(map));
                }
                None => return Err(self.error("unexpected end of input")),
                Some(_) => return Err(self.error("expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value<'a>, Error> {
        if depth > MAX_DEPTH {
            return Err(self.error("nesting is deeper than 128 levels"));
        }
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error("unexpected end of input")),
                Some(_) => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    fn number(&mut self) -> Result<Value<'a>, Error> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while p.peek().is_some_and(|b| b.is_ascii_digit()) {
                p.pos += 1;
            }
            p.pos > from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if self.peek() == Some(b'0') {
            self.pos += 1;
        } else if !digits(self) {
            return Err(self.error("invalid number"));
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            integer = false;
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            integer = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        let Some(value) = crate::num::parse_json_number(&self.text[start..self.pos], integer) else {
            return Err(self.error("number out of range"));
        };
        Ok(Value::Number(Number { value, integer }))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let hex = self.bytes.get(self.pos..self.pos + 4).ok_or_else(|| self.error("unexpected end of input"))?;
        let mut n = 0u32;
        for &b in hex {
            let d = char::from(b).to_digit(16).ok_or_else(|| self.error("invalid \\u escape"))?;
            n = n * 16 + d;
        }
        self.pos += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            let rest = self.bytes.get(run_start..).unwrap_or_default();
            let run = rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len());
            self.pos += run;
            // A run ends at an ASCII byte or at the end, so both ends are
            // character boundaries. Most strings have no escapes: they are
            // borrowed from the text, not copied.
            let text: &'a str = self.text.get(run_start..self.pos).unwrap_or_default();
            if out.is_empty() && self.peek() == Some(b'"') {
                self.pos += 1;
                return Ok(Cow::Borrowed(text));
            }
            out.push_str(text);
            match self.peek() {
                None => return Err(self.error("unexpected end of input in a string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = self.peek().ok_or_else(|| self.error("unexpected end of input in a string"))?;
                    self.pos += 1;
                    match escaped {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.unicode_escape()?),
                        _ => {
                            self.pos -= 1;
                            return Err(self.error("invalid escape in a string"));
                        }
                    }
                }
                Some(_) => return Err(self.error("control character in a string")),
            }
        }
    }

    /// The character of a `\uXXXX` escape (after `\u`), joining surrogate pairs.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.bytes[self.pos..].starts_with(b"\\u") {
                    return Err(self.error("lone surrogate in a \\u escape"));
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("lone surrogate in a \\u escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("lone surrogate in a \\u escape")),
            c => c,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid \\u escape"))
    }
}

/// Converts from serde_json's tree (native tools that build articles with it).
#[cfg(not(target_arch = "wasm32"))]
impl From<&serde_json::Value> for Value<'static> {
    fn from(v: &serde_json::Value) -> Self {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(Number {
                value: n.as_f64().unwrap_or(f64::NAN),
                integer: n.is_i64() || n.is_u64(),
            }),
            serde_json::Value::String(s) => Value::String(Cow::Owned(s.clone())),
            serde_json::Value::Array(a) => Value::Array(a.iter().map(Value::from).collect()),
            serde_json::Value::Object(o) => Value::Object(Map(o.iter().map(|(k, v)| (Cow::Owned(k.clone()), Value::from(v))).collect())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Value<'_> {
        match parse(text) {
            Ok(v) => v,
            Err(e) => panic!("{text:?}: {e}"),
        }
    }

    fn err(text: &str) -> String {
        match parse(text) {
            Ok(v) => panic!("{text:?} parsed as {v:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn values_of_every_kind() {
        let v = ok(r#" {"a": [1, -2.5e3, true, false, null, "x\n\"y\" \u00e9 \ud83d\ude00"], "b": {}} "#);
        let a = v.get("a").and_then(Value::as_array).unwrap();
        assert_eq!(a[0].as_u64(), Some(1));
        assert_eq!(a[1].as_f64(), Some(-2500.0));
        assert_eq!(a[1].as_u64(), None);
        assert_eq!(a[2].as_bool(), Some(true));
        assert!(a[4].is_null());
        assert_eq!(a[5].as_str(), Some("x\n\"y\" é 😀"));
        assert_eq!(v.get("b"), Some(&Value::Object(Map::default())));
    }

    #[test]
    fn integers_and_floats_are_told_apart() {
        assert_eq!(ok("1").as_u64(), Some(1));
        assert_eq!(ok("1.0").as_u64(), None);
        assert_eq!(ok("1e0").as_u64(), None);
        assert_eq!(ok("-1").as_u64(), None);
        assert_eq!(ok("1.5").to_string(), "1.5");
    }

    #[test]
    fn duplicate_keys_take_the_last_value() {
        assert_eq!(ok(r#"{"k":1,"k":2}"#).get("k").and_then(Value::as_u64), Some(2));
    }

    #[test]
    fn malformed_input_table() {
        let cases = [
            ("", "unexpected end of input at line 1, column 1"),
            ("{", "unexpected end of input at line 1, column 2"),
            ("{\"a\":1,}", "expected a member name in double quotes at line 1, column 8"),
            ("[1,]", "expected a value at line 1, column 4"),
            ("[1 2]", "expected ',' or ']' at line 1, column 4"),
            ("{\"a\" 1}", "expected ':' after a member name at line 1, column 6"),
            ("{'a':1}", "expected a member name in double quotes at line 1, column 2"),
            ("01", "trailing characters after the JSON value at line 1, column 2"),
            ("1.", "invalid number at line 1, column 3"),
            ("-", "invalid number at line 1, column 2"),
            ("1e999", "number out of range at line 1, column 6"),
            ("NaN", "expected a value at line 1, column 1"),
            ("tru", "expected a value at line 1, column 1"),
            ("\"a", "unexpected end of input in a string at line 1, column 3"),
            ("\"\\x\"", "invalid escape in a string at line 1, column 3"),
            ("\"\\ud800\"", "lone surrogate in a \\u escape at line 1, column 8"),
            ("\"\\udc00\"", "lone surrogate in a \\u escape at line 1, column 8"),
            ("\"\\u12\"", "unexpected end of input at line 1, column 4"),
            ("\"\\u12zz\"", "invalid \\u escape at line 1, column 4"),
            ("\"tab\there\"", "control character in a string at line 1, column 5"),
            ("{\n  \"a\": 1\n  \"b\": 2\n}", "expected ',' or '}' at line 3, column 3"),
            ("{} // comment", "trailing characters after the JSON value at line 1, column 4"),
            ("<!doctype html>", "expected a value at line 1, column 1"),
        ];
        for (text, expected) in cases {
            assert_eq!(err(text), expected, "{text:?}");
        }
    }

    #[test]
    fn nesting_is_limited_without_overflowing_the_stack() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(err(&deep).starts_with("nesting is deeper than 128 levels"));
        let ok_depth = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok_depth).is_ok());
        let too_deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(parse(&too_deep).is_err());
    }

    /// Equal values, comparing objects by member name (not order).
    fn same(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
            (Value::Object(x), Value::Object(y)) => {
                x.0.len() == y.0.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
            }
            _ => a == b,
        }
    }

    #[test]
    fn agrees_with_serde_json_on_valid_documents() {
        for text in [
            include_str!("../www/articles/four-officers.json"),
            include_str!("../www/articles/every-block.json"),
            r#"{"n":[0,-3,1e2,1E-2,123456789012,0.1,-7.25],"s":"\\\/\b\f\n\r\t","u":"\u0041\u00DF\u6771\uD834\uDD1E"}"#,
        ] {
            let ours = ok(text);
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert!(same(&ours, &Value::from(&theirs)), "{text}");
        }
    }
}
