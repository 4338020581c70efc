//! Why an article could not be shown.
//!
//! One small enum; [`LoadError::kind`] maps one-to-one onto the `kind` of the
//! `article-embed:error` event in the product contract.

use std::fmt;

/// The contract's error kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    Network,
    Timeout,
    Http,
    Json,
    Schema,
    Version,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Network => "network",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Http => "http",
            ErrorKind::Json => "json",
            ErrorKind::Schema => "schema",
            ErrorKind::Version => "version",
        }
    }
}

/// What a validation problem or warning is about, so that callers act on
/// the kind and never on the message's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A missing field, a wrong type or a value out of range: the article
    /// is invalid.
    Invalid,
    /// Over the size or block limits: the article is invalid.
    TooLarge,
    /// A warning: a block of an unknown type was skipped.
    UnknownBlockType,
    /// A warning: a value was dropped (a URL the policy rejects, a date that
    /// does not parse, an ignored field) and the rest renders.
    Dropped,
}

/// One problem found while validating, at a JSON path such as
/// `body[3].content[0].href`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(kind: ProblemKind, path: String, message: String) -> Problem {
        Problem { kind, path, message }
    }
}

/// `path: message`, or the message alone at the top level.
impl crate::text::Piece for Problem {
    fn push_to(&self, out: &mut String) {
        if !self.path.is_empty() {
            out.push_str(&self.path);
            out.push_str(": ");
        }
        out.push_str(&self.message);
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::cat!(self))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The request never got a response (offline, DNS, CORS, reset).
    Network(String),
    /// No response within the time limit.
    Timeout { after_ms: u32 },
    /// A response with a non-success status.
    Http { status: u16 },
    /// The body is not JSON.
    Json(String),
    /// JSON, but not a valid article: every problem found, with its path.
    Schema(Vec<Problem>),
    /// An article format version this widget does not know.
    Version(String),
}

impl LoadError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            LoadError::Network(_) => ErrorKind::Network,
            LoadError::Timeout { .. } => ErrorKind::Timeout,
            LoadError::Http { .. } => ErrorKind::Http,
            LoadError::Json(_) => ErrorKind::Json,
            LoadError::Schema(_) => ErrorKind::Schema,
            LoadError::Version(_) => ErrorKind::Version,
        }
    }

    /// The HTTP status, for `http` errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            LoadError::Http { status } => Some(*status),
            _ => None,
        }
    }
}

impl LoadError {
    /// A message for the site owner or publisher (console, error event);
    /// also the `Display` text.
    pub fn describe(&self) -> String {
        use crate::cat;
        match self {
            LoadError::Network(detail) => cat!(
                "the article could not be fetched (",
                detail,
                "); check the URL and the CORS headers of its server"
            ),
            LoadError::Timeout { after_ms } => cat!("the article server did not answer within ", after_ms, " ms"),
            LoadError::Http { status } => cat!("the article server answered HTTP ", status),
            LoadError::Json(detail) => cat!("the response is not valid JSON: ", detail),
            LoadError::Schema(problems) => {
                let s = if problems.len() == 1 { "" } else { "s" };
                let mut out = cat!("the article JSON is not valid (", problems.len(), " problem", s, ")");
                for p in problems.iter().take(20) {
                    out.push_str("\n- ");
                    crate::text::Piece::push_to(p, &mut out);
                }
                if problems.len() > 20 {
                    out.push_str(&cat!("\n- … and ", problems.len() - 20, " more"));
                }
                out
            }
            LoadError::Version(found) => {
                cat!("article format version ", found, " is not supported by this widget (it reads version 1)")
            }
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}
