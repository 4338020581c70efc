//! The article format's limits and defaults, each named once.
//!
//! The validator ([`crate::parse`]), the JSON Schema's attributes
//! ([`crate::wire`]), the publisher CLI's converters and the components use
//! these names rather than repeating the numbers, so the format cannot say
//! one thing in the schema and another in the widget (CONTRACT.md section 3).

/// Article JSON larger than this many bytes is refused (a `schema` error).
pub const MAX_JSON_BYTES: usize = 2 * 1024 * 1024;

/// Bodies with more blocks than this are refused (a `schema` error).
pub const MAX_BODY_BLOCKS: usize = 5_000;

/// The smallest image `width`/`height` in pixels that is kept.
pub const MIN_IMAGE_SIZE: u32 = 1;
/// The largest image `width`/`height` in pixels that is kept.
pub const MAX_IMAGE_SIZE: u32 = 20_000;

/// The heading levels of the body: the headline is the only level 1, so
/// levels below are shown as this one (and an absent level is this one).
pub const MIN_HEADING_LEVEL: u8 = 2;
/// Deeper headings are shown as this level.
pub const MAX_HEADING_LEVEL: u8 = 4;

/// "Remind me later" hides the ask for at least this many days.
pub const MIN_REMIND_LATER_DAYS: u32 = 1;
/// "Remind me later" hides the ask for at most this many days (ten years).
pub const MAX_REMIND_LATER_DAYS: u32 = 3_650;
/// Days "Remind me later" hides the ask when `remindLater.days` is absent.
pub const DEFAULT_REMIND_LATER_DAYS: u32 = 30;

/// The fewest showings a frequency cap (`frequencyCap.views`) allows.
pub const MIN_FREQUENCY_CAP_VIEWS: u32 = 1;
/// The most showings a frequency cap (`frequencyCap.views`) can name.
pub const MAX_FREQUENCY_CAP_VIEWS: u32 = 10_000;
/// The shortest frequency-cap window (`frequencyCap.days`), in days.
pub const MIN_FREQUENCY_CAP_DAYS: u32 = 1;
/// The longest frequency-cap window (`frequencyCap.days`), in days.
pub const MAX_FREQUENCY_CAP_DAYS: u32 = 3_650;
/// The frequency-cap window when `frequencyCap.days` is absent, in days.
pub const DEFAULT_FREQUENCY_CAP_DAYS: u32 = 30;

/// The first paragraph the ask can follow (`placement.afterParagraph`).
pub const MIN_AFTER_PARAGRAPH: u32 = 1;
/// The largest `placement.afterParagraph` accepted.
pub const MAX_AFTER_PARAGRAPH: u32 = 100_000;

/// The donation currency when `donation.currency` is absent (ISO 4217).
pub const DEFAULT_CURRENCY: &str = "USD";

/// The largest amount the "Other amount" field accepts.
pub const MAX_OTHER_AMOUNT: f64 = 1_000_000.0;

// The format puts no cap on `related`: how many related links an embed shows
// is its `related` option (`config::DEFAULT_RELATED`, `config::MAX_RELATED`).
