//! The command line, defined once: every subcommand and flag with its help
//! text (clap derive). `article-embed --help`, `article-embed <COMMAND>
//! --help`, the usage errors and their exit status 2 are all generated from
//! these definitions. A FILE or INPUT of `-` is standard input.

use std::path::PathBuf;

use article_embed::config::{Config, EmbedOption, OPTIONS};
use clap::error::ErrorKind;
use clap::{Arg, ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::convert::Format;
use crate::oembed::DEFAULT_WIDTH;
use crate::snippet::embed_url;

/// The publisher's tool for article-embed: check article JSON, convert
/// articles to it, and print the embed code, an oEmbed response or the
/// JSON Schema.
#[derive(Debug, Parser)]
#[command(name = "article-embed", version, arg_required_else_help = true, after_help = EXIT_STATUS)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

const EXIT_STATUS: &str = "Exit status: 0 success, 1 invalid input, 2 usage error or unreadable file.";

impl Cli {
    /// The command line, or clap's usage error (exit 2) for what the
    /// definitions alone cannot say: a feed format without `--out-dir`.
    pub fn parse_checked() -> Cli {
        let cli = Cli::parse();
        if let Err(e) = cli.check() {
            e.exit();
        }
        cli
    }

    fn check(&self) -> Result<(), clap::Error> {
        let Command::Convert(args) = &self.command else { return Ok(()) };
        let usage = |message: String| Err(Cli::command().error(ErrorKind::MissingRequiredArgument, message));
        match (args.from, &args.batch.out_dir) {
            (from, None) if from.is_feed() => usage(format!("--from {} reads a whole feed: give --out-dir <DIR>", from.name())),
            (from, Some(_)) if !from.is_feed() && from != Format::WordPress => {
                usage(format!("--from {} converts one article: --out-dir is for rss, atom, jsonfeed and wordpress", from.name()))
            }
            _ => Ok(()),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check article JSON files with the widget's own validation.
    ///
    /// Prints every problem with its JSON path. Exit 0 when every file is
    /// valid (warnings allowed), 1 when one is not, 2 when one cannot be read.
    Validate(ValidateArgs),
    /// Convert an article, or a whole feed, to article JSON v1.
    ///
    /// One article: writes to standard output, or to --output. What cannot
    /// be converted is reported as `warning: …` on standard error. Exit 1
    /// when the input holds no article that can be converted.
    ///
    /// A whole feed (--out-dir DIR): every item of an RSS, Atom or JSON Feed,
    /// or every post of a WordPress list, becomes DIR/<id>.json, with related
    /// links from the same feed and DIR/index.json (newest first). A bad item
    /// is reported with its number and guid and skipped (exit 1); a
    /// malformed feed writes nothing.
    Convert(ConvertArgs),
    /// Print the embed code for an article JSON file.
    Snippet(SnippetArgs),
    /// Print an oEmbed 1.0 rich response (JSON) for an article JSON file.
    Oembed(OembedArgs),
    /// Print the JSON Schema of article JSON v1.
    Schema,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Article JSON files to check (`-` for standard input).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<String>,
    /// Fail on warnings too (use it in CI).
    #[arg(long)]
    pub strict: bool,
    /// The URL the JSON will be served from: relative URLs in the article
    /// resolve against it, as the widget resolves them.
    #[arg(long, value_name = "URL")]
    pub base: Option<String>,
}

#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// The format of INPUT.
    #[arg(short = 'f', long, value_name = "FORMAT")]
    pub from: Format,
    /// The article, or with --out-dir the feed, to convert (`-` for standard input).
    #[arg(value_name = "INPUT")]
    pub input: String,
    /// Write the article JSON to OUT instead of standard output (one article).
    #[arg(short = 'o', long, value_name = "OUT", conflicts_with = "out_dir")]
    pub output: Option<String>,
    #[command(flatten)]
    pub batch: BatchArgs,
}

/// `convert --out-dir`: a whole feed at once.
#[derive(Debug, Args)]
#[command(next_help_heading = "A whole feed (rss, atom, jsonfeed, wordpress)")]
pub struct BatchArgs {
    /// Convert every item into DIR: DIR/<id>.json each and DIR/index.json.
    /// Existing files of those names are replaced; nothing else is removed.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Merge a site file into every article: its publisher, lang, notices
    /// and donation, as article JSON fields; an item's own values win.
    #[arg(long, value_name = "FILE", requires = "out_dir")]
    pub site: Option<String>,
    /// Convert N items at a time [default: the number of CPUs].
    #[arg(short = 'j', long, value_name = "N", requires = "out_dir", value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub jobs: Option<u16>,
    /// Where DIR will be served: also write DIR/<id>.oembed.json, an oEmbed
    /// response whose embed code loads URL/<id>.json (needs --bundle).
    #[arg(long, value_name = "URL", requires_all = ["out_dir", "bundle"], value_parser = embed_url)]
    pub oembed_base: Option<String>,
    /// The URL of `embed.js`, for the oEmbed responses (needs --oembed-base).
    #[arg(long, value_name = "URL", requires = "oembed_base", value_parser = embed_url)]
    pub bundle: Option<String>,
}

/// An article JSON file and the two URLs of its embed code.
#[derive(Debug, Args)]
pub struct EmbedArgs {
    /// The article JSON file (`-` for standard input).
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Where FILE will be served (the embed's `data-src`): http(s), or
    /// relative to the page.
    #[arg(long, value_name = "URL", value_parser = embed_url)]
    pub src: String,
    /// The URL of `embed.js`: http(s), or relative to the page.
    #[arg(long, value_name = "URL", value_parser = embed_url)]
    pub bundle: String,
}

#[derive(Debug, Args)]
pub struct SnippetArgs {
    #[command(flatten)]
    pub embed: EmbedArgs,
    #[command(flatten)]
    pub options: EmbedOptions,
    /// Put a server-rendered copy of the article inside the fallback, for
    /// readers without WebAssembly and for crawlers.
    #[arg(long)]
    pub full: bool,
}

/// The embed options other than `src`, one `--NAME VALUE` flag each, made
/// from the widget's options table (`article_embed::config::OPTIONS`), so
/// the command line never lists an option of its own.
#[derive(Debug, Default)]
pub struct EmbedOptions(pub Vec<(&'static str, String)>);

impl EmbedOptions {
    fn flags() -> impl Iterator<Item = &'static EmbedOption> {
        OPTIONS.iter().filter(|o| o.name != "src")
    }

    /// The options as the widget reads them.
    pub fn config(&self) -> Config {
        Config::from_attrs(|name| self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone())).0
    }
}

impl FromArgMatches for EmbedOptions {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        Ok(EmbedOptions(
            Self::flags().filter_map(|o| Some((o.name, matches.get_one::<String>(o.name)?.clone()))).collect(),
        ))
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for EmbedOptions {
    fn augment_args(command: clap::Command) -> clap::Command {
        Self::flags().fold(command, |command, option| {
            let plain = |text: &str| text.replace('`', "");
            command.arg(
                Arg::new(option.name)
                    .long(option.name)
                    .value_name("VALUE")
                    .help(format!("The embed's data-{}: {} (default: {})", option.name, plain(option.values), plain(option.default)))
                    .value_parser(move |value: &str| -> Result<String, String> {
                        // The widget's own reader decides what is valid.
                        let (_, warnings) = Config::from_attrs(|name| (name == option.name).then(|| value.to_owned()));
                        match warnings.first() {
                            None => Ok(value.trim().to_owned()),
                            Some(warning) => Err(warning.clone()),
                        }
                    }),
            )
        })
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        Self::augment_args(command)
    }
}

#[derive(Debug, Args)]
pub struct OembedArgs {
    #[command(flatten)]
    pub embed: EmbedArgs,
    #[command(flatten)]
    pub options: EmbedOptions,
    /// The response's width in pixels: pass the consumer's `maxwidth` through.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_WIDTH, value_parser = clap::value_parser!(u32).range(1..))]
    pub maxwidth: u32,
    /// The consumer's `maxheight`: with --iframe, the frame's height is at
    /// most N (the frame page then asks its parent for the height it needs).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub maxheight: Option<u32>,
    /// Answer with an <iframe> of frame.html instead of the embed code, for
    /// CMSs that accept only iframes from a discovered provider (WordPress).
    #[arg(long)]
    pub iframe: bool,
    /// The URL of frame.html, for --iframe: http(s), or relative to the page
    /// [default: frame.html next to --bundle].
    #[arg(long, value_name = "URL", requires = "iframe", value_parser = embed_url)]
    pub frame: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::error::ErrorKind;
    use clap::CommandFactory;

    fn parse(list: &[&str]) -> Result<Cli, clap::Error> {
        let cli = Cli::try_parse_from(std::iter::once("article-embed").chain(list.iter().copied()))?;
        cli.check()?;
        Ok(cli)
    }

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn options_flags_and_positionals_in_any_order() {
        let Ok(Cli { command: Command::Convert(a) }) = parse(&["convert", "in.html", "-f", "jsonld", "-o", "out.json"])
        else {
            panic!("convert parses");
        };
        assert_eq!((a.from, a.input.as_str(), a.output.as_deref()), (Format::JsonLd, "in.html", Some("out.json")));
        let Ok(Cli { command: Command::Validate(v) }) = parse(&["validate", "--base=https://n.example/", "a", "--strict", "b"])
        else {
            panic!("validate parses");
        };
        assert_eq!(v.files, ["a", "b"]);
        assert!(v.strict);
        assert_eq!(v.base.as_deref(), Some("https://n.example/"));
    }

    #[test]
    fn dash_is_a_file_and_double_dash_ends_options() {
        let Ok(Cli { command: Command::Validate(v) }) = parse(&["validate", "-", "--", "--weird-name.json"]) else {
            panic!("validate parses");
        };
        assert_eq!(v.files, ["-", "--weird-name.json"]);
    }

    #[test]
    fn format_names_and_aliases_are_accepted() {
        for (name, want) in [
            ("jsonld", Format::JsonLd),
            ("json-ld", Format::JsonLd),
            ("wordpress", Format::WordPress),
            ("wp", Format::WordPress),
            ("guardian", Format::Guardian),
            ("text", Format::Text),
            ("txt", Format::Text),
        ] {
            let Ok(Cli { command: Command::Convert(a) }) = parse(&["convert", "--from", name, "x"]) else {
                panic!("{name} parses");
            };
            assert_eq!(a.from, want);
        }
        for (name, want) in [("rss", Format::Rss), ("atom", Format::Atom), ("jsonfeed", Format::JsonFeed), ("json-feed", Format::JsonFeed)] {
            let Ok(Cli { command: Command::Convert(a) }) = parse(&["convert", "--from", name, "x", "--out-dir", "d"]) else {
                panic!("{name} parses");
            };
            assert_eq!(a.from, want);
        }
    }

    #[test]
    fn unknown_missing_repeated_and_bad_values_are_usage_errors() {
        for bad in [
            &["validate", "--nope", "a"][..],
            &["validate"],
            &["convert", "--from", "text"],
            &["convert", "--from", "pdf", "x"],
            &["convert", "--from", "text", "--from", "jsonld", "x"],
            &["validate", "--strict=yes", "a"],
            &["snippet", "a.json", "--src", "javascript:alert(1)", "--bundle", "e.js"],
            &["oembed", "a.json", "--src", "a.json", "--bundle", "e.js", "--maxwidth", "0"],
            &["schema", "extra"],
            &["convert", "--from", "rss", "feed.xml"],
            &["convert", "--from", "json-feed", "feed.json", "-o", "a.json"],
            &["convert", "--from", "text", "a.txt", "--out-dir", "d"],
            &["convert", "--from", "rss", "f", "--out-dir", "d", "-o", "a.json"],
            &["convert", "--from", "wordpress", "f", "--site", "s.json"],
            &["convert", "--from", "rss", "f", "--out-dir", "d", "--oembed-base", "https://n.example/"],
            &["convert", "--from", "rss", "f", "--out-dir", "d", "--bundle", "e.js"],
            &["convert", "--from", "rss", "f", "--out-dir", "d", "--jobs", "0"],
            &["convert", "--from", "rss", "f", "--out-dir", "d", "--oembed-base", "javascript:x", "--bundle", "e.js"],
        ] {
            let e = parse(bad).err();
            assert!(e.as_ref().is_some_and(|e| e.exit_code() == 2), "{bad:?}: {e:?}");
        }
    }

    #[test]
    fn batch_flags_parse() {
        let Ok(Cli { command: Command::Convert(a) }) = parse(&[
            "convert", "-f", "wp", "posts.json", "--out-dir", "out", "--site", "site.json", "-j", "4",
            "--oembed-base", "https://n.example/embed/", "--bundle", "https://cdn.example/embed.js",
        ]) else {
            panic!("a batch parses");
        };
        let b = a.batch;
        assert_eq!(b.out_dir, Some(PathBuf::from("out")));
        assert_eq!((b.site.as_deref(), b.jobs), (Some("site.json"), Some(4u16)));
        assert_eq!(b.oembed_base.as_deref(), Some("https://n.example/embed/"));
        assert_eq!(b.bundle.as_deref(), Some("https://cdn.example/embed.js"));
    }

    #[test]
    fn maxwidth_defaults_to_the_oembed_width() {
        let Ok(Cli { command: Command::Oembed(o) }) = parse(&["oembed", "a.json", "--src", "a.json", "--bundle", "e.js"])
        else {
            panic!("oembed parses");
        };
        assert_eq!(o.maxwidth, DEFAULT_WIDTH);
        assert_eq!((o.embed.src.as_str(), o.embed.bundle.as_str()), ("a.json", "e.js"));
    }

    #[test]
    fn no_arguments_show_help_as_an_error() {
        let e = parse(&[]).err();
        assert_eq!(e.as_ref().map(clap::Error::kind), Some(ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand));
        assert_eq!(e.map(|e| e.exit_code()), Some(2));
    }
}
