//! The article as the widget renders it: plain, already-validated data.
//!
//! Nothing here touches the browser or does I/O. Values in these types have
//! passed [`crate::parse`]: every URL is allowlisted and absolute, every date
//! parsed, every string is text (never HTML).

use std::ops::Deref;
use std::rc::Rc;

use crate::time::Timestamp;

/// A parsed article as the components share it. Articles never change once
/// parsed, so two are the same article when they are the same parse: equality
/// is identity, and a re-render never compares a whole article (5,000
/// blocks, perhaps) field by field.
#[derive(Clone, Debug)]
pub struct ArticleRef(pub Rc<Article>);

impl PartialEq for ArticleRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for ArticleRef {
    type Target = Article;

    fn deref(&self) -> &Article {
        &self.0
    }
}

impl From<Rc<Article>> for ArticleRef {
    fn from(article: Rc<Article>) -> Self {
        ArticleRef(article)
    }
}

/// One article, as described by article JSON v1.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub id: Option<String>,
    /// Canonical URL of the article on the publisher's site.
    pub url: Option<String>,
    pub lang: Option<String>,
    pub publisher: Option<Publisher>,
    pub section: Option<String>,
    pub headline: String,
    pub standfirst: Option<String>,
    pub dateline: Option<String>,
    pub date_published: Option<Timestamp>,
    pub date_modified: Option<Timestamp>,
    pub authors: Vec<Author>,
    pub image: Option<Image>,
    pub notices: Vec<Notice>,
    pub body: Vec<Block>,
    pub related: Vec<Related>,
    pub donation: Option<Donation>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Publisher {
    pub name: String,
    pub url: Option<String>,
    pub logo: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Author {
    pub name: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub src: String,
    /// Empty when the JSON gives none: the image is then decorative.
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Warning,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

/// A run of inline text with optional emphasis and link.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inline {
    pub text: String,
    pub strong: bool,
    pub em: bool,
    pub href: Option<String>,
}

impl Inline {
    pub fn plain(text: impl Into<String>) -> Self {
        Inline { text: text.into(), ..Inline::default() }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// Level 2 to 4: the headline is the article's only level 1.
    Heading { level: u8, content: Vec<Inline> },
    Quote { content: Vec<Inline>, cite: Option<String> },
    List { ordered: bool, items: Vec<Vec<Inline>> },
    Image(Image),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Related {
    pub headline: String,
    pub url: Option<String>,
    pub image: Option<String>,
    pub date_published: Option<Timestamp>,
}

/// The reader-revenue ask and its optional banner.
#[derive(Clone, Debug, PartialEq)]
pub struct Donation {
    pub banner: Option<Banner>,
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
    pub highlight: Option<String>,
    /// ISO 4217 code, upper case.
    pub currency: String,
    pub frequencies: Vec<Frequency>,
    pub cta: Option<Cta>,
    pub ticker: Option<Ticker>,
    pub payment_methods: Vec<PaymentMethod>,
    pub remind_later: Option<RemindLater>,
    pub placement: Placement,
    pub frequency_cap: Option<FrequencyCap>,
    /// A/B variants of the ask's copy; empty: the base copy only.
    pub variants: Vec<Variant>,
}

/// Alternative copy for the ask, shown to a share of readers by weight.
/// A field that is set replaces the base copy's.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    pub id: String,
    /// Greater than 0; shares are relative to the sum of all weights.
    pub weight: f64,
    pub heading: Option<String>,
    pub paragraphs: Option<Vec<String>>,
    pub highlight: Option<String>,
    pub cta: Option<Cta>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Banner {
    pub text: String,
    pub cta: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FrequencyId {
    OneOff,
    Monthly,
    Annual,
}

impl FrequencyId {
    pub fn as_str(self) -> &'static str {
        match self {
            FrequencyId::OneOff => "one-off",
            FrequencyId::Monthly => "monthly",
            FrequencyId::Annual => "annual",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "one-off" => Some(FrequencyId::OneOff),
            "monthly" => Some(FrequencyId::Monthly),
            "annual" => Some(FrequencyId::Annual),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Frequency {
    pub id: FrequencyId,
    pub amounts: Vec<f64>,
    pub default: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cta {
    /// The link text; the UI language's "Support us" when absent.
    pub label: Option<String>,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ticker {
    pub raised: f64,
    pub goal: f64,
    pub label: Option<String>,
}

// Its wire names (`apple-pay`, …) are declared here once, for `Self::parse`
// and, natively, for the serde wire types and the JSON Schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema),
    serde(rename_all = "kebab-case")
)]
pub enum PaymentMethod {
    Visa,
    Mastercard,
    Amex,
    Paypal,
    ApplePay,
    GooglePay,
    Card,
}

impl PaymentMethod {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "visa" => PaymentMethod::Visa,
            "mastercard" => PaymentMethod::Mastercard,
            "amex" => PaymentMethod::Amex,
            "paypal" => PaymentMethod::Paypal,
            "apple-pay" => PaymentMethod::ApplePay,
            "google-pay" => PaymentMethod::GooglePay,
            "card" => PaymentMethod::Card,
            _ => return None,
        })
    }

    /// The accessible name of the badge.
    pub fn name(self) -> &'static str {
        match self {
            PaymentMethod::Visa => "Visa",
            PaymentMethod::Mastercard => "Mastercard",
            PaymentMethod::Amex => "American Express",
            PaymentMethod::Paypal => "PayPal",
            PaymentMethod::ApplePay => "Apple Pay",
            PaymentMethod::GooglePay => "Google Pay",
            PaymentMethod::Card => "Card",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct RemindLater {
    pub prompt: Option<String>,
    /// The button text; the UI language's "Remind me later" when absent.
    pub label: Option<String>,
    pub days: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    End,
    /// After the Nth paragraph (1-based); past the last, it falls back to the end.
    AfterParagraph(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrequencyCap {
    pub views: u32,
    pub days: u32,
}

impl Article {
    /// The paragraphs' text, concatenated run by run (for tests and summaries).
    pub fn paragraph_texts(&self) -> impl Iterator<Item = String> + '_ {
        self.body.iter().filter_map(|block| match block {
            Block::Paragraph(runs) => Some(runs.iter().map(|r| r.text.as_str()).collect()),
            _ => None,
        })
    }
}
