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

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
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

impl fmt::Display for LoadError {
    /// A message for the site owner or publisher (console, error event).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network(detail) => write!(
                f,
                "the article could not be fetched ({detail}); check the URL and the CORS headers of its server"
            ),
            LoadError::Timeout { after_ms } => {
                write!(f, "the article server did not answer within {after_ms} ms")
            }
            LoadError::Http { status } => write!(f, "the article server answered HTTP {status}"),
            LoadError::Json(detail) => write!(f, "the response is not valid JSON: {detail}"),
            LoadError::Schema(problems) => {
                write!(f, "the article JSON is not valid ({} problem", problems.len())?;
                if problems.len() != 1 {
                    f.write_str("s")?;
                }
                f.write_str(")")?;
                for p in problems.iter().take(20) {
                    write!(f, "\n- {p}")?;
                }
                if problems.len() > 20 {
                    write!(f, "\n- … and {} more", problems.len() - 20)?;
                }
                Ok(())
            }
            LoadError::Version(found) => write!(
                f,
                "article format version {found} is not supported by this widget (it reads version 1)"
            ),
        }
    }
}
