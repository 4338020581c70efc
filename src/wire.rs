//! Article JSON v1 as serde types: the source of the published JSON Schema
//! (`www/schema/article-v1.json`) and of valid-by-construction test articles.
//!
//! The widget itself never deserializes into these types (it walks the JSON
//! in [`crate::parse`] to report every problem with its path); tests keep the
//! two in step: every article built from these types must pass the walker,
//! and the committed schema must equal the one generated from them.
//! The publisher CLI writes articles through these types
//! (`wire::Article::from(&article)`): fields are declared in the contract's
//! order (CONTRACT.md section 3), which is the order serde writes them in,
//! and a block's `type` comes first. Limits come from [`crate::limits`].
//! Native builds only.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::limits::{
    MAX_AFTER_PARAGRAPH, MAX_BODY_BLOCKS, MAX_FREQUENCY_CAP_DAYS, MAX_FREQUENCY_CAP_VIEWS, MAX_HEADING_LEVEL,
    MAX_IMAGE_SIZE, MAX_REMIND_LATER_DAYS, MIN_AFTER_PARAGRAPH, MIN_FREQUENCY_CAP_DAYS, MIN_FREQUENCY_CAP_VIEWS,
    MIN_HEADING_LEVEL, MIN_IMAGE_SIZE, MIN_REMIND_LATER_DAYS,
};
use crate::model;
use crate::parse::VERSION;

/// An article, version 1.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(title = "Article JSON v1", description = "An article for article-embed. Unknown fields are ignored; unknown block types are skipped.")]
pub struct Article {
    /// Format version; anything but 1 is a `version` error.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = VERSION, max = VERSION))]
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
    #[schemars(length(max = MAX_BODY_BLOCKS))]
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
    #[schemars(range(min = MIN_IMAGE_SIZE, max = MAX_IMAGE_SIZE))]
    pub width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = MIN_IMAGE_SIZE, max = MAX_IMAGE_SIZE))]
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
        #[schemars(range(min = MIN_HEADING_LEVEL, max = MAX_HEADING_LEVEL))]
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
    /// A/B variants of the ask's copy: each browser is assigned one by weight,
    /// stably; a variant's fields replace the base copy's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct Variant {
    /// Unique among the variants; sent as `utm_content` and in events.
    #[schemars(length(min = 1))]
    pub id: String,
    /// Greater than 0 (default 1): the variant's share is its weight over
    /// the sum of all weights.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "number::option")]
    #[schemars(range(min = 0.0))]
    pub weight: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraphs: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub highlight: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cta: Option<Cta>,
}

impl From<&model::Variant> for Variant {
    fn from(v: &model::Variant) -> Self {
        Variant {
            id: v.id.clone(),
            weight: Some(v.weight),
            heading: v.heading.clone(),
            paragraphs: v.paragraphs.clone(),
            highlight: v.highlight.clone(),
            cta: v.cta.as_ref().map(Cta::from),
        }
    }
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
    #[serde(serialize_with = "number::list")]
    pub amounts: Vec<f64>,
    /// One of `amounts`, preselected.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "number::option")]
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
    #[serde(serialize_with = "number::one")]
    pub raised: f64,
    /// Greater than 0.
    #[schemars(range(min = 0.0))]
    #[serde(serialize_with = "number::one")]
    pub goal: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// The model's own enum: its serde names are declared on it (native only).
pub use crate::model::PaymentMethod;

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
pub struct RemindLater {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Days the ask stays hidden; 30 when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = MIN_REMIND_LATER_DAYS, max = MAX_REMIND_LATER_DAYS))]
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
        #[schemars(range(min = MIN_AFTER_PARAGRAPH, max = MAX_AFTER_PARAGRAPH))]
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
    #[schemars(range(min = MIN_FREQUENCY_CAP_VIEWS, max = MAX_FREQUENCY_CAP_VIEWS))]
    pub views: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = MIN_FREQUENCY_CAP_DAYS, max = MAX_FREQUENCY_CAP_DAYS))]
    pub days: Option<u32>,
}

/// The JSON Schema of article JSON v1, as published in `www/schema/`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Article);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

// The model → the wire: what the publisher CLI writes. Every value the model
// holds is written, so the text reads back through `parse` as the same
// article; what the model leaves empty (no alt text, no marks, no authors)
// is left out.

impl From<&model::Article> for Article {
    fn from(a: &model::Article) -> Self {
        Article {
            version: u32::try_from(VERSION).ok(),
            id: a.id.clone(),
            url: a.url.clone(),
            lang: a.lang.clone(),
            publisher: a.publisher.as_ref().map(Publisher::from),
            section: a.section.clone(),
            headline: a.headline.clone(),
            standfirst: a.standfirst.clone(),
            dateline: a.dateline.clone(),
            date_published: a.date_published.as_ref().map(|t| t.raw.clone()),
            date_modified: a.date_modified.as_ref().map(|t| t.raw.clone()),
            authors: a.authors.iter().map(Author::from).collect(),
            image: a.image.as_ref().map(Image::from),
            notices: a.notices.iter().map(Notice::from).collect(),
            body: a.body.iter().map(Block::from).collect(),
            related: a.related.iter().map(Related::from).collect(),
            donation: a.donation.as_ref().map(Donation::from),
        }
    }
}

impl From<&model::Publisher> for Publisher {
    fn from(p: &model::Publisher) -> Self {
        Publisher { name: p.name.clone(), url: p.url.clone(), logo: p.logo.clone() }
    }
}

impl From<&model::Author> for Author {
    fn from(a: &model::Author) -> Self {
        Author { name: a.name.clone(), url: a.url.clone() }
    }
}

impl From<&model::Image> for Image {
    fn from(i: &model::Image) -> Self {
        Image {
            src: i.src.clone(),
            alt: Some(i.alt.clone()).filter(|alt| !alt.is_empty()),
            caption: i.caption.clone(),
            credit: i.credit.clone(),
            width: i.width,
            height: i.height,
        }
    }
}

impl From<model::NoticeKind> for NoticeKind {
    fn from(kind: model::NoticeKind) -> Self {
        match kind {
            model::NoticeKind::Info => NoticeKind::Info,
            model::NoticeKind::Warning => NoticeKind::Warning,
        }
    }
}

impl From<&model::Notice> for Notice {
    fn from(n: &model::Notice) -> Self {
        Notice { kind: Some(n.kind.into()), text: n.text.clone() }
    }
}

/// Plain runs as strings, the others as `{text, marks?, href?}`.
impl From<&model::Inline> for InlineNode {
    fn from(r: &model::Inline) -> Self {
        if !r.strong && !r.em && r.href.is_none() {
            return InlineNode::Text(r.text.clone());
        }
        let marks = [(r.strong, Mark::Strong), (r.em, Mark::Em)].into_iter().filter_map(|(on, m)| on.then_some(m));
        InlineNode::Run(Run { text: r.text.clone(), marks: marks.collect(), href: r.href.clone() })
    }
}

fn content(runs: &[model::Inline]) -> Content {
    runs.iter().map(InlineNode::from).collect()
}

impl From<&model::Block> for Block {
    fn from(b: &model::Block) -> Self {
        match b {
            model::Block::Paragraph(runs) => Block::Paragraph { content: content(runs) },
            model::Block::Heading { level, content: runs } => Block::Heading { level: Some(*level), content: content(runs) },
            model::Block::Quote { content: runs, cite } => Block::Quote { content: content(runs), cite: cite.clone() },
            model::Block::List { ordered, items } => {
                Block::List { ordered: *ordered, items: items.iter().map(|item| content(item)).collect() }
            }
            model::Block::Image(i) => Block::Image(i.into()),
        }
    }
}

impl From<&model::Related> for Related {
    fn from(r: &model::Related) -> Self {
        Related {
            headline: r.headline.clone(),
            url: r.url.clone(),
            image: r.image.clone(),
            date_published: r.date_published.as_ref().map(|t| t.raw.clone()),
        }
    }
}

impl From<&model::Donation> for Donation {
    fn from(d: &model::Donation) -> Self {
        Donation {
            banner: d.banner.as_ref().map(Banner::from),
            heading: d.heading.clone(),
            paragraphs: d.paragraphs.clone(),
            highlight: d.highlight.clone(),
            currency: Some(d.currency.clone()),
            frequencies: d.frequencies.iter().map(Frequency::from).collect(),
            cta: d.cta.as_ref().map(Cta::from),
            ticker: d.ticker.as_ref().map(Ticker::from),
            payment_methods: d.payment_methods.clone(),
            remind_later: d.remind_later.as_ref().map(RemindLater::from),
            placement: Some(d.placement.into()),
            frequency_cap: d.frequency_cap.as_ref().map(FrequencyCap::from),
            variants: d.variants.iter().map(Variant::from).collect(),
        }
    }
}

impl From<&model::Banner> for Banner {
    fn from(b: &model::Banner) -> Self {
        Banner { text: b.text.clone(), cta: b.cta.clone() }
    }
}

impl From<model::FrequencyId> for FrequencyId {
    fn from(id: model::FrequencyId) -> Self {
        match id {
            model::FrequencyId::OneOff => FrequencyId::OneOff,
            model::FrequencyId::Monthly => FrequencyId::Monthly,
            model::FrequencyId::Annual => FrequencyId::Annual,
        }
    }
}

impl From<&model::Frequency> for Frequency {
    fn from(f: &model::Frequency) -> Self {
        Frequency { id: f.id.into(), amounts: f.amounts.clone(), default: f.default }
    }
}

impl From<&model::Cta> for Cta {
    fn from(c: &model::Cta) -> Self {
        Cta { label: c.label.clone(), url: c.url.clone() }
    }
}

impl From<&model::Ticker> for Ticker {
    fn from(t: &model::Ticker) -> Self {
        Ticker { raised: t.raised, goal: t.goal, label: t.label.clone() }
    }
}

impl From<&model::RemindLater> for RemindLater {
    fn from(r: &model::RemindLater) -> Self {
        RemindLater { prompt: r.prompt.clone(), label: r.label.clone(), days: Some(r.days) }
    }
}

impl From<model::Placement> for Placement {
    fn from(p: model::Placement) -> Self {
        match p {
            model::Placement::End => Placement::End(PlacementEnd::End),
            model::Placement::AfterParagraph(after_paragraph) => Placement::AfterParagraph { after_paragraph },
        }
    }
}

impl From<&model::FrequencyCap> for FrequencyCap {
    fn from(c: &model::FrequencyCap) -> Self {
        FrequencyCap { views: c.views, days: Some(c.days) }
    }
}

/// Numbers as a publisher writes them: a whole amount as `2`, not `2.0`
/// (serde_json writes every `f64` with a fraction); `2.5` stays `2.5`.
mod number {
    use serde::ser::{SerializeSeq, Serializer};

    /// Whole numbers up to 2^53 (exact in an `f64`) are written as integers.
    pub fn one<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
        if value.fract() == 0.0 && value.abs() <= 9_007_199_254_740_992.0 {
            s.serialize_i64(*value as i64)
        } else {
            s.serialize_f64(*value)
        }
    }

    pub fn option<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => one(v, s),
            None => s.serialize_none(),
        }
    }

    pub fn list<S: Serializer>(values: &[f64], s: S) -> Result<S::Ok, S::Error> {
        struct Number(f64);
        impl serde::Serialize for Number {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                one(&self.0, s)
            }
        }
        let mut seq = s.serialize_seq(Some(values.len()))?;
        for v in values {
            seq.serialize_element(&Number(*v))?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Inline, NoticeKind as Kind};
    use crate::parse::parse_article;
    use crate::time::parse_rfc3339;

    /// An article with every field the model has, as `parse` builds it.
    fn full() -> model::Article {
        let image = model::Image {
            src: "https://news.example/i.jpg".into(),
            alt: "alt".into(),
            caption: Some("cap".into()),
            credit: None,
            width: Some(800),
            height: Some(600),
        };
        model::Article {
            id: Some("x".into()),
            url: Some("https://news.example/x".into()),
            lang: Some("en".into()),
            publisher: Some(model::Publisher { name: "P".into(), url: None, logo: Some("https://news.example/l.svg".into()) }),
            section: Some("S".into()),
            headline: "H".into(),
            standfirst: Some("St".into()),
            dateline: Some("ALMATY".into()),
            date_published: parse_rfc3339("2012-01-11T09:00:00Z"),
            date_modified: parse_rfc3339("2012-01-11T12:30:00+06:00"),
            authors: vec![model::Author { name: "A".into(), url: Some("https://news.example/a".into()) }],
            image: Some(model::Image { alt: String::new(), ..image.clone() }),
            notices: vec![model::Notice { kind: Kind::Warning, text: "N".into() }],
            body: vec![
                model::Block::Paragraph(vec![
                    Inline::plain("a "),
                    Inline { text: "b".into(), strong: true, em: true, href: Some("https://e.example/".into()) },
                    Inline { text: "c".into(), em: true, ..Inline::default() },
                ]),
                model::Block::Heading { level: 3, content: vec![Inline::plain("h")] },
                model::Block::Quote { content: vec![Inline::plain("q")], cite: Some("c".into()) },
                model::Block::List { ordered: true, items: vec![vec![Inline::plain("1")], vec![Inline::plain("2")]] },
                model::Block::Image(image),
            ],
            related: vec![model::Related {
                headline: "R".into(),
                url: Some("https://news.example/r".into()),
                image: None,
                date_published: parse_rfc3339("2011-12-17T10:00:00Z"),
            }],
            donation: Some(model::Donation {
                banner: Some(model::Banner { text: "B".into(), cta: Some("Support".into()) }),
                heading: Some("Hd".into()),
                paragraphs: vec!["p1".into(), "p2".into()],
                highlight: Some("hl".into()),
                currency: "EUR".into(),
                frequencies: vec![
                    model::Frequency { id: model::FrequencyId::Monthly, amounts: vec![2.0, 5.5], default: Some(5.5) },
                    model::Frequency { id: model::FrequencyId::OneOff, amounts: vec![10.0], default: None },
                ],
                cta: Some(model::Cta { label: None, url: "https://news.example/donate".into() }),
                ticker: Some(model::Ticker { raised: 6400.0, goal: 10000.0, label: Some("L".into()) }),
                payment_methods: vec![model::PaymentMethod::Visa, model::PaymentMethod::ApplePay],
                remind_later: Some(model::RemindLater { prompt: Some("Pr".into()), label: None, days: 7 }),
                placement: model::Placement::AfterParagraph(2),
                frequency_cap: Some(model::FrequencyCap { views: 4, days: 30 }),
                variants: vec![],
            }),
        }
    }

    fn write(a: &model::Article) -> String {
        serde_json::to_string_pretty(&Article::from(a)).unwrap()
    }

    #[test]
    fn written_article_reads_back_as_the_same_article() {
        for a in [full(), model::Article { headline: "Only".into(), ..model::Article::default() }] {
            let parsed = parse_article(&write(&a), None).unwrap();
            assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
            assert_eq!(parsed.article, a);
        }
    }

    #[test]
    fn keys_are_written_in_the_contracts_order() {
        let text = write(&full());
        let order = [
            "version", "id", "url", "lang", "publisher", "section", "headline", "standfirst", "dateline",
            "datePublished", "dateModified", "authors", "image", "notices", "body", "related", "donation",
        ];
        let top: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("  \"")?.split_once('"').map(|(k, _)| k))
            .collect();
        assert_eq!(top, order, "{text}");
        assert!(text.starts_with("{\n  \"version\": 1,"), "{text}");
        let donation = [
            "banner", "heading", "paragraphs", "highlight", "currency", "frequencies", "cta", "ticker",
            "paymentMethods", "remindLater", "placement", "frequencyCap",
        ];
        let inner: Vec<&str> = text
            .split("\"donation\": {")
            .nth(1)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.strip_prefix("    \"")?.split_once('"').map(|(k, _)| k))
            .collect();
        assert_eq!(inner, donation, "{text}");
    }

    #[test]
    fn whole_amounts_are_written_without_a_fraction() {
        let mut a = full();
        if let Some(d) = a.donation.as_mut() {
            d.variants = vec![model::Variant { id: "b".into(), weight: 2.0, heading: Some("V".into()), paragraphs: None, highlight: None, cta: None }];
        }
        let text = serde_json::to_string(&Article::from(&a)).unwrap();
        for written in [r#""amounts":[2,5.5]"#, r#""default":5.5"#, r#""amounts":[10]"#, r#""raised":6400"#, r#""goal":10000"#, r#""weight":2"#] {
            assert!(text.contains(written), "{written} in {text}");
        }
        assert!(!text.contains(".0,") && !text.contains(".0]") && !text.contains(".0}"), "{text}");
    }

    #[test]
    fn a_block_starts_with_its_type_and_plain_runs_are_strings() {
        let b = model::Block::Image(model::Image {
            src: "https://n.example/i.jpg".into(),
            alt: String::new(),
            caption: None,
            credit: None,
            width: None,
            height: Some(5),
        });
        assert_eq!(serde_json::to_string(&Block::from(&b)).unwrap(), r#"{"type":"image","src":"https://n.example/i.jpg","height":5}"#);
        let p = model::Block::Paragraph(vec![Inline::plain("just text"), Inline { text: "x".into(), strong: true, ..Inline::default() }]);
        assert_eq!(
            serde_json::to_string(&Block::from(&p)).unwrap(),
            r#"{"type":"paragraph","content":["just text",{"text":"x","marks":["strong"]}]}"#
        );
    }
}
