//! The embed's options, read from its element's attributes into a typed value.
//!
//! Attribute names are those of the custom element (`src`, `theme`, …); the
//! loader copies a blockquote's `data-*` options onto the element it creates.
//! An invalid value falls back to the default with a warning.

use crate::i18n::Lang;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// Default for `related`.
pub const DEFAULT_RELATED: u32 = 3;
/// Default time limit for one article fetch, and its bounds for `timeout`.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;
pub const MIN_TIMEOUT_MS: u32 = 1_000;
pub const MAX_TIMEOUT_MS: u32 = 60_000;

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The article JSON URL as written (resolved by the embed layer).
    pub src: Option<String>,
    pub theme: Theme,
    /// `None`: the article's `lang`, else the page's, else English.
    pub lang: Option<Lang>,
    /// `None`: on when the article has a donation.
    pub donate: Option<bool>,
    pub related: u32,
    /// Do not track: nothing is written to any storage.
    pub dnt: bool,
    /// Time limit for fetching the article, in milliseconds.
    pub timeout_ms: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            src: None,
            theme: Theme::Auto,
            lang: None,
            donate: None,
            related: DEFAULT_RELATED,
            dnt: false,
            timeout_ms: DEFAULT_TIMEOUT_MS,
        }
    }
}

impl Config {
    /// Reads the options through `attr` (an attribute getter); returns the
    /// config and one warning per invalid value.
    pub fn from_attrs(attr: impl Fn(&str) -> Option<String>) -> (Config, Vec<String>) {
        let mut warnings = Vec::new();
        let mut invalid = |name: &str, value: &str, default: &str| {
            warnings.push(format!("invalid {name}=\"{value}\"; using {default}"));
        };
        let mut config = Config::default();
        config.src = attr("src").map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        if let Some(v) = attr("theme") {
            match v.trim().to_ascii_lowercase().as_str() {
                "light" => config.theme = Theme::Light,
                "dark" => config.theme = Theme::Dark,
                "auto" | "" => config.theme = Theme::Auto,
                _ => invalid("theme", &v, "auto"),
            }
        }
        if let Some(v) = attr("lang").filter(|v| !v.trim().is_empty()) {
            match Lang::from_tag(&v) {
                Some(lang) => config.lang = Some(lang),
                None => invalid("lang", &v, "the article's language"),
            }
        }
        if let Some(v) = attr("donate") {
            match v.trim().to_ascii_lowercase().as_str() {
                "on" | "true" => config.donate = Some(true),
                "off" | "false" => config.donate = Some(false),
                "" => {}
                _ => invalid("donate", &v, "on when the article has a donation"),
            }
        }
        if let Some(v) = attr("related") {
            match v.trim().parse::<u32>() {
                Ok(n) => config.related = n.min(50),
                Err(_) => invalid("related", &v, "3"),
            }
        }
        if let Some(v) = attr("dnt") {
            match v.trim().to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" | "" => config.dnt = true,
                "false" | "0" | "no" => config.dnt = false,
                _ => invalid("dnt", &v, "false"),
            }
        }
        if let Some(v) = attr("timeout") {
            match v.trim().parse::<u32>() {
                Ok(ms) => config.timeout_ms = ms.clamp(MIN_TIMEOUT_MS, MAX_TIMEOUT_MS),
                Err(_) => invalid("timeout", &v, "10000"),
            }
        }
        (config, warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> (Config, Vec<String>) {
        Config::from_attrs(|name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn defaults_without_attributes() {
        let (c, w) = read(&[]);
        assert_eq!(c, Config::default());
        assert!(w.is_empty());
    }

    #[test]
    fn every_option_is_read() {
        let (c, w) = read(&[("src", " a.json "), ("theme", "Dark"), ("lang", "ru-RU"), ("donate", "off"), ("related", "0"), ("dnt", "true"), ("timeout", "2500")]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.src.as_deref(), Some("a.json"));
        assert_eq!(c.theme, Theme::Dark);
        assert_eq!(c.lang, Some(Lang::Ru));
        assert_eq!(c.donate, Some(false));
        assert_eq!(c.related, 0);
        assert!(c.dnt);
        assert_eq!(c.timeout_ms, 2500);
    }

    #[test]
    fn timeout_is_bounded_to_a_sane_range() {
        assert_eq!(read(&[("timeout", "5")]).0.timeout_ms, MIN_TIMEOUT_MS);
        assert_eq!(read(&[("timeout", "999999")]).0.timeout_ms, MAX_TIMEOUT_MS);
    }

    #[test]
    fn invalid_values_fall_back_with_one_warning_each() {
        let (c, w) = read(&[("theme", "neon"), ("lang", "xx"), ("donate", "maybe"), ("related", "-1"), ("dnt", "perhaps"), ("timeout", "soon")]);
        assert_eq!(c, Config::default());
        assert_eq!(w.len(), 6, "{w:?}");
    }
}
