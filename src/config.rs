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

/// How much of the article the embed shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// The whole article.
    #[default]
    Full,
    /// The header and the first blocks, then "Continue reading".
    Excerpt,
    /// A compact link preview: no body, no ask.
    Card,
}

impl Layout {
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Full => "full",
            Layout::Excerpt => "excerpt",
            Layout::Card => "card",
        }
    }
}

/// Default for `related`, and the most it shows.
pub const DEFAULT_RELATED: u32 = 3;
pub const MAX_RELATED: u32 = 50;
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
    pub layout: Layout,
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
            layout: Layout::Full,
        }
    }
}

/// One embed option: the single description every reader of options is
/// derived from or tested against (`Config::from_attrs`, the `<ArticleEmbed>`
/// component's props, the CLI's `snippet` flags, the docs' and README's
/// tables, `www/embed.js`'s observed attributes).
pub struct EmbedOption {
    /// The custom element's attribute; the blockquote's is `data-` + this.
    pub name: &'static str,
    /// The fixed values it accepts; empty when the value is free-form.
    pub choices: &'static [&'static str],
    /// What it accepts, as the docs' table says it (Markdown). Native
    /// builds only: the bundle never shows it.
    #[cfg(not(target_arch = "wasm32"))]
    pub values: &'static str,
    /// Its default, as the docs' table says it (Markdown); a warning about an
    /// invalid value names it.
    pub default: &'static str,
    /// Reads a present value into the config; `false` (leaving the config
    /// as it was) when it is invalid.
    read: fn(&mut Config, &str) -> bool,
}

/// The embed's options, in the docs' order.
pub const OPTIONS: &[EmbedOption] = &[
    EmbedOption {
        name: "src",
        choices: &[],
        #[cfg(not(target_arch = "wasm32"))]
        values: "article JSON URL, absolute or relative to the page",
        default: "required",
        read: |c, v| {
            let v = v.trim();
            c.src = (!v.is_empty()).then(|| v.to_owned());
            true
        },
    },
    EmbedOption {
        name: "theme",
        choices: &["light", "dark", "auto"],
        #[cfg(not(target_arch = "wasm32"))]
        values: "`light`, `dark`, `auto`",
        default: "`auto`: follows the reader's system setting, live",
        read: |c, v| {
            c.theme = match v.trim().to_ascii_lowercase().as_str() {
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                "auto" | "" => Theme::Auto,
                _ => return false,
            };
            true
        },
    },
    EmbedOption {
        name: "lang",
        choices: &[],
        #[cfg(not(target_arch = "wasm32"))]
        values: "UI language: `en`, `ru`, `uk`, `kk`, `de`, `fr`, `es`, `ar` (a tag like `ru-RU` or `es-419` picks its language)",
        default: "the article's `lang`, else your page's `<html lang>`, else `en`",
        read: |c, v| {
            if v.trim().is_empty() {
                return true;
            }
            match Lang::from_tag(v) {
                Some(lang) => {
                    c.lang = Some(lang);
                    true
                }
                None => false,
            }
        },
    },
    EmbedOption {
        name: "donate",
        choices: &["on", "off"],
        #[cfg(not(target_arch = "wasm32"))]
        values: "`on`, `off`",
        default: "`on` when the article has a donation ask",
        read: |c, v| {
            c.donate = match v.trim().to_ascii_lowercase().as_str() {
                "on" | "true" => Some(true),
                "off" | "false" => Some(false),
                "" => None,
                _ => return false,
            };
            true
        },
    },
    EmbedOption {
        name: "related",
        choices: &[],
        #[cfg(not(target_arch = "wasm32"))]
        values: "maximum number of related links; `0` hides them",
        default: "`3`",
        read: |c, v| match crate::num::parse_u32(v.trim()) {
            Some(n) => {
                c.related = n.min(MAX_RELATED);
                true
            }
            None => false,
        },
    },
    EmbedOption {
        name: "dnt",
        choices: &["true", "false"],
        #[cfg(not(target_arch = "wasm32"))]
        values: "`true`",
        default: "off. With `true` the widget writes nothing to any storage (the reader's \"Remind me later\" then lasts until the page is left)",
        read: |c, v| {
            c.dnt = match v.trim().to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" | "" => true,
                "false" | "0" | "no" => false,
                _ => return false,
            };
            true
        },
    },
    EmbedOption {
        name: "layout",
        choices: &["full", "excerpt", "card"],
        #[cfg(not(target_arch = "wasm32"))]
        values: "`full`, `excerpt` (the first blocks, then \"Continue reading\"), `card` (a compact preview)",
        default: "`full`",
        read: |c, v| {
            c.layout = match v.trim().to_ascii_lowercase().as_str() {
                "full" | "" => Layout::Full,
                "excerpt" => Layout::Excerpt,
                "card" => Layout::Card,
                _ => return false,
            };
            true
        },
    },
    EmbedOption {
        name: "timeout",
        choices: &[],
        #[cfg(not(target_arch = "wasm32"))]
        values: "milliseconds to wait for the article, 1000–60000",
        default: "`10000`",
        read: |c, v| match crate::num::parse_u32(v.trim()) {
            Some(ms) => {
                c.timeout_ms = ms.clamp(MIN_TIMEOUT_MS, MAX_TIMEOUT_MS);
                true
            }
            None => false,
        },
    },
];

impl EmbedOption {
    /// The option named `name`.
    pub fn named(name: &str) -> Option<&'static EmbedOption> {
        OPTIONS.iter().find(|o| o.name == name)
    }
}

impl Config {
    /// Reads the options through `attr` (an attribute getter); returns the
    /// config and one warning per invalid value (which leaves the default).
    pub fn from_attrs(attr: impl Fn(&str) -> Option<String>) -> (Config, Vec<String>) {
        let mut warnings = Vec::new();
        let mut config = Config::default();
        for option in OPTIONS {
            let Some(value) = attr(option.name) else { continue };
            if !(option.read)(&mut config, &value) {
                warnings.push(crate::cat!("invalid ", option.name, "=\"", value, "\"; using the default (", option.default.replace('`', ""), ")"));
            }
        }
        (config, warnings)
    }
}

/// The options as the Markdown table in README.md and docs/embedding.md
/// (a test keeps both equal to it).
#[cfg(not(target_arch = "wasm32"))]
pub fn markdown_table() -> String {
    let mut table = String::from("| attribute | values | default |\n|---|---|---|\n");
    for o in OPTIONS {
        table.push_str(&format!("| `data-{}` | {} | {} |\n", o.name, o.values, o.default));
    }
    table
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
    fn every_option_has_a_reader_and_a_unique_name() {
        for (i, o) in OPTIONS.iter().enumerate() {
            assert!(OPTIONS[..i].iter().all(|p| p.name != o.name), "{} twice", o.name);
            for choice in o.choices {
                let (_, w) = read(&[(o.name, choice)]);
                assert!(w.is_empty(), "{}={choice}: {w:?}", o.name);
            }
        }
    }

    #[test]
    fn the_docs_text_of_numeric_options_states_the_constants() {
        let related = EmbedOption::named("related").map(|o| o.default);
        assert_eq!(related, Some(format!("`{DEFAULT_RELATED}`").as_str()));
        let timeout = EmbedOption::named("timeout");
        assert_eq!(timeout.map(|o| o.default), Some(format!("`{DEFAULT_TIMEOUT_MS}`").as_str()));
        assert!(timeout.is_some_and(|o| o.values.contains(&format!("{MIN_TIMEOUT_MS}–{MAX_TIMEOUT_MS}"))));
    }

    #[test]
    fn the_lang_option_names_every_ui_language() {
        let values = EmbedOption::named("lang").map_or("", |o| o.values);
        for lang in Lang::ALL {
            assert!(values.contains(&format!("`{}`", lang.code())), "{values}");
        }
    }

    #[test]
    fn a_warning_names_the_option_the_value_and_the_default() {
        let (_, w) = read(&[("theme", "neon")]);
        assert_eq!(w, ["invalid theme=\"neon\"; using the default (auto: follows the reader's system setting, live)"]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn docs_tables_are_the_options_table() {
        let table = markdown_table();
        for doc in ["README.md", "docs/embedding.md"] {
            let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(doc)).unwrap_or_default();
            assert!(text.contains(&table), "{doc} must contain the options table exactly as config::markdown_table() writes it:\n{table}");
        }
    }

    #[test]
    fn the_loader_observes_exactly_the_options() {
        let loader = include_str!("../www/embed.js");
        let names: Vec<String> = OPTIONS.iter().map(|o| format!("\"{}\"", o.name)).collect();
        let expected = format!("var OPTIONS = [{}];", names.join(", "));
        assert!(loader.contains(&expected), "www/embed.js must declare {expected}");
    }

    #[test]
    fn invalid_values_fall_back_with_one_warning_each() {
        let (c, w) = read(&[("theme", "neon"), ("lang", "xx"), ("donate", "maybe"), ("related", "-1"), ("dnt", "perhaps"), ("timeout", "soon")]);
        assert_eq!(c, Config::default());
        assert_eq!(w.len(), 6, "{w:?}");
    }
}
