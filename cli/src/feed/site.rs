//! `--site FILE`: what every article of a site shares (`publisher`, `lang`,
//! `notices`, `donation`, as article JSON fields), merged into each article
//! of a batch. An item's own values win; the site file's come next; the
//! feed's own title, link, logo and language come last.
//!
//! The site file is checked by the widget's own validation, the fields
//! exactly as they would be in an article, so a problem is reported with
//! the file's name and the JSON path (`donation.cta.url`).

use article_embed::error::LoadError;
use article_embed::model::Publisher;
use article_embed::parse::parse_article;
use article_embed::url_policy::UrlUse;
use article_embed::wire;
use serde_json::{Map, Value};

use super::FeedInfo;
use crate::convert::{clean, url, Warnings};
use crate::error::{read_input, CliError};

/// The fields a site file may hold.
pub const FIELDS: [&str; 4] = ["publisher", "lang", "notices", "donation"];

/// A checked site file, as wire fields ready to merge.
#[derive(Clone, Debug, Default)]
pub struct Site {
    pub publisher: Option<wire::Publisher>,
    pub lang: Option<String>,
    pub notices: Vec<wire::Notice>,
    pub donation: Option<wire::Donation>,
}

/// Reads and checks the site file `path`: unreadable is exit 2, invalid is
/// exit 1 (as `validate`). Warnings are returned for the caller to print.
pub fn load(path: &str, warnings: &mut Warnings) -> Result<Site, CliError> {
    let text = read_input(path)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let value: Value = serde_json::from_str(text).map_err(|e| CliError::invalid(format!("{path} is not valid JSON: {e}")))?;
    let Value::Object(fields) = value else {
        return Err(CliError::invalid(format!("{path}: a site file is a JSON object with {}", FIELDS.join(", "))));
    };
    from_fields(path, fields, warnings)
}

fn from_fields(path: &str, fields: Map<String, Value>, warnings: &mut Warnings) -> Result<Site, CliError> {
    // The site's fields inside an article with a placeholder headline, so
    // the widget validates them where they will be, under the same paths.
    let mut article = Map::new();
    article.insert("headline".into(), Value::from("site"));
    article.insert("body".into(), Value::Array(Vec::new()));
    for (key, value) in fields {
        if FIELDS.contains(&key.as_str()) {
            article.insert(key, value);
        } else {
            warnings.warn(format!("{path}: {key}: ignored (a site file holds {})", FIELDS.join(", ")));
        }
    }
    let text = Value::Object(article).to_string();
    match parse_article(&text, None) {
        Ok(parsed) => {
            for w in &parsed.warnings {
                warnings.warn(format!("{path}: {w}"));
            }
            let a = wire::Article::from(&parsed.article);
            Ok(Site { publisher: a.publisher, lang: a.lang, notices: a.notices, donation: a.donation })
        }
        Err(LoadError::Schema(problems)) => {
            let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
            Err(CliError::invalid(format!("{path} is not a valid site file:\n{}", lines.join("\n"))))
        }
        Err(e) => Err(CliError::invalid(format!("{path} is not a valid site file: {e}"))),
    }
}

impl Site {
    /// The feed's own description of the publisher, under the site file's:
    /// what is missing from the site file is taken from the feed.
    pub fn with_feed(mut self, feed: &FeedInfo, warnings: &mut Warnings) -> Site {
        if self.publisher.is_none() {
            let name = feed.title.as_deref().and_then(clean);
            self.publisher = name.map(|name| {
                let link = feed.link.as_deref().and_then(|u| url(u, None, UrlUse::Link, "the feed's link", warnings));
                let logo = feed.logo.as_deref().and_then(|u| url(u, None, UrlUse::Image, "the feed's logo", warnings));
                wire::Publisher::from(&Publisher { name, url: link, logo })
            });
        }
        if self.lang.is_none() {
            self.lang = feed.lang.as_deref().and_then(clean);
        }
        self
    }

    /// Fills what `article` lacks from the site.
    pub fn merge_into(&self, article: &mut wire::Article) {
        if article.publisher.is_none() {
            article.publisher.clone_from(&self.publisher);
        }
        if article.lang.is_none() {
            article.lang.clone_from(&self.lang);
        }
        if article.notices.is_empty() {
            article.notices.clone_from(&self.notices);
        }
        if article.donation.is_none() {
            article.donation.clone_from(&self.donation);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(json: &str) -> (Result<Site, CliError>, Vec<String>) {
        let mut w = Warnings::default();
        let Value::Object(fields) = serde_json::from_str(json).unwrap() else { panic!("an object") };
        let r = from_fields("site.json", fields, &mut w);
        (r, w.iter().map(str::to_owned).collect())
    }

    #[test]
    fn a_site_file_is_validated_with_paths() {
        let (r, _) = site(r#"{"publisher":{"url":"https://n.example/"},"donation":{"currency":"dollars"}}"#);
        let message = r.unwrap_err().to_string();
        assert!(message.starts_with("site.json is not a valid site file:\n  publisher.name: "), "{message}");
        assert!(message.contains("donation.currency"), "{message}");
    }

    #[test]
    fn unknown_fields_are_ignored_with_a_warning() {
        let (r, w) = site(r#"{"publisher":{"name":"P"},"headline":"x","lang":"en"}"#);
        let s = r.unwrap();
        assert_eq!(s.publisher.map(|p| p.name).as_deref(), Some("P"));
        assert_eq!(w, ["site.json: headline: ignored (a site file holds publisher, lang, notices, donation)"]);
    }

    #[test]
    fn the_item_wins_then_the_site_then_the_feed() {
        let (r, _) = site(r#"{"lang":"ru","notices":[{"text":"N"}]}"#);
        let feed = FeedInfo { title: Some("Feed".into()), link: Some("https://f.example/".into()), logo: None, lang: Some("en".into()) };
        let s = r.unwrap().with_feed(&feed, &mut Warnings::default());
        let mut a = wire::Article { lang: Some("kk".into()), ..wire::Article::default() };
        s.merge_into(&mut a);
        assert_eq!(a.lang.as_deref(), Some("kk"));
        assert_eq!(a.publisher.map(|p| p.name).as_deref(), Some("Feed"));
        assert_eq!(a.notices.len(), 1);
        let mut b = wire::Article::default();
        s.merge_into(&mut b);
        assert_eq!(b.lang.as_deref(), Some("ru"));
    }
}
