//! Article JSON v1 as serde types: the source of the published JSON Schema
//! (`www/schema/article-v1.json`) and of valid-by-construction test articles.
//!
//! The widget itself never deserializes into these types (it walks the JSON
//! in [`crate::parse`] to report every problem with its path); tests keep the
//! two in step: every article built from these types must pass the walker,
//! and the committed schema must equal the one generated from them.
//! Native builds only.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An article, version 1.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(title = "Article JSON v1", description = "An article for article-embed. Unknown fields are ignored; unknown block types are skipped.")]
pub struct Article {
    /// Format version; anything but 1 is a `version` error.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 1))]
    pub version: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Canonical URL: http(s), or relative to the JSON's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "uri-reference"))]
    pub url: Option<String>,
    /// BCP 47 language tag of the article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Publisher>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[schemars(length(min = 1))]
    pub headline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standfirst: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date-time"))]
    pub date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date-time"))]
    pub date_modified: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notice>,
    /// At most 5,000 blocks render; more is a `schema` error.
    #[schemars(length(max = 5000))]
    pub body: Vec<Block>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub donation: Option<Donation>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Publisher {
    #[schemars(length(min = 1))]
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "uri-reference"))]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "uri-reference"))]
    pub logo: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Author {
    #[schemars(length(min = 1))]
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "uri-reference"))]
    pub url: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Image {
    #[schemars(extend("format" = "uri-reference"))]
    pub src: String,
    /// Alternative text; omit only for decorative images.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 20000))]
    pub width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 20000))]
    pub height: Option<u32>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NoticeKind {
    Info,
    Warning,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Notice {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<NoticeKind>,
    #[schemars(length(min = 1))]
    pub text: String,
}

/// Inline content: plain strings and text runs. There is no HTML.
pub type Content = Vec<InlineNode>;

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum InlineNode {
    Text(String),
    Run(Run),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    Strong,
    Em,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Run {
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
    /// http(s), relative, or `mailto:`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "uri-reference"))]
    pub href: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Paragraph {
        content: Content,
    },
    Heading {
        #[serde(skip_serializing_if = "Option::is_none")]
        #[schemars(range(min = 2, max = 4))]
        level: Option<u8>,
        content: Content,
    },
    Quote {
        content: Content,
        #[serde(skip_serializing_if = "Option::is_none")]
        cite: Option<String>,
    },
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<Content>,
    },
    Image(Image),
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Related {
    #[schemars(length(min = 1))]
    pub headline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "uri-reference"))]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "uri-reference"))]
    pub image: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date-time"))]
    pub date_published: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Donation {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub banner: Option<Banner>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub highlight: Option<String>,
    /// ISO 4217 code; USD when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Za-z]{3}$"))]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frequencies: Vec<Frequency>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cta: Option<Cta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ticker: Option<Ticker>,
    /// Unknown ids are ignored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payment_methods: Vec<PaymentMethod>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remind_later: Option<RemindLater>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placement: Option<Placement>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frequency_cap: Option<FrequencyCap>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Banner {
    #[schemars(length(min = 1))]
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cta: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum FrequencyId {
    #[serde(rename = "one-off")]
    OneOff,
    #[serde(rename = "monthly")]
    Monthly,
    #[serde(rename = "annual")]
    Annual,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Frequency {
    pub id: FrequencyId,
    /// Amounts offered, in the donation currency; each greater than 0.
    #[schemars(length(min = 1))]
    pub amounts: Vec<f64>,
    /// One of `amounts`, preselected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<f64>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Cta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// http(s) or relative.
    #[schemars(extend("format" = "uri-reference"))]
    pub url: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Ticker {
    #[schemars(range(min = 0.0))]
    pub raised: f64,
    /// Greater than 0.
    #[schemars(range(min = 0.0))]
    pub goal: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PaymentMethod {
    Visa,
    Mastercard,
    Amex,
    Paypal,
    ApplePay,
    GooglePay,
    Card,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RemindLater {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Days the ask stays hidden; 30 when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 3650))]
    pub days: Option<u32>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Placement {
    /// `"end"`: after the body.
    End(PlacementEnd),
    /// After the Nth paragraph.
    AfterParagraph {
        #[serde(rename = "afterParagraph")]
        #[schemars(range(min = 1, max = 100000))]
        after_paragraph: u32,
    },
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, JsonSchema)]
pub enum PlacementEnd {
    #[serde(rename = "end")]
    End,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, JsonSchema)]
pub struct FrequencyCap {
    #[schemars(range(min = 1, max = 10000))]
    pub views: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 3650))]
    pub days: Option<u32>,
}

/// The JSON Schema of article JSON v1, as published in `www/schema/`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Article);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
