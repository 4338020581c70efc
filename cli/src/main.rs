//! `article-embed`: the publisher's command-line tool.
//!
//! It shares the widget's model, validation and Yew components, so what it
//! accepts, writes and renders is exactly what the widget will: `validate`
//! article JSON, `convert` articles from JSON-LD pages, WordPress, the
//! Guardian's API or plain text, print the embed `snippet` (optionally with
//! a server-rendered copy of the article), an `oembed` response, or the
//! JSON `schema`. See docs/publishing.md.

mod args;
mod article_json;
mod convert;
mod error;
mod html;
mod json;
mod oembed;
mod snippet;
mod validate;

use std::process::ExitCode;

use error::{write_output, CliError};

/// The JSON Schema of article JSON v1, as published.
const SCHEMA: &str = include_str!("../../www/schema/article-v1.json");

const HELP: &str = "\
article-embed — the publisher's tool for article-embed

USAGE:
    article-embed <COMMAND> [OPTIONS]

COMMANDS:
    validate FILE… [--strict] [--base URL]
        Check article JSON files with the widget's own validation. Prints every
        problem with its JSON path. Exit 0 when valid (warnings allowed), 1 when
        not, 2 when a file cannot be read. --strict: warnings fail too.
        --base: the URL the JSON will be served from (resolves relative URLs).

    convert --from jsonld|wordpress|guardian|text INPUT [-o OUT]
        Convert an article to article JSON v1 (stdout, or OUT). INPUT may be -
        for standard input. jsonld: an HTML page with schema.org JSON-LD, or a
        JSON-LD file; wordpress: a wp/v2/posts item (best with _embed);
        guardian: a Content API item response; text: a plain-text article.
        What cannot be converted is reported as `warning:` on stderr.

    snippet FILE --src URL --bundle URL [--full]
        Print the embed code for an article JSON file: --src is where the JSON
        is served, --bundle the URL of embed.js. --full puts a server-rendered
        copy of the article inside the fallback for readers without Wasm and
        for crawlers.

    oembed FILE --src URL --bundle URL [--maxwidth N]
        Print an oEmbed 1.0 rich response (JSON) for the article.

    schema
        Print the JSON Schema of article JSON v1.

    help, --help, -h     Print this help.
    --version, -V        Print the version.

EXIT STATUS:
    0 success, 1 invalid input, 2 usage error or unreadable file.
";

fn main() -> ExitCode {
    let mut argv = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.into_string() {
            Ok(a) => argv.push(a),
            Err(bad) => return fail(&CliError::usage(format!("argument {bad:?} is not valid UTF-8"))),
        }
    }
    match run(&argv) {
        Ok(code) => code,
        Err(e) => fail(&e),
    }
}

fn fail(e: &CliError) -> ExitCode {
    eprintln!("error: {e}");
    e.exit_code()
}

fn run(argv: &[String]) -> Result<ExitCode, CliError> {
    let Some((command, rest)) = argv.split_first() else {
        return Err(CliError::usage("no command given"));
    };
    match command.as_str() {
        "validate" => validate::run(rest),
        "convert" => convert::run(rest),
        "snippet" => snippet::run(rest),
        "oembed" => oembed::run(rest),
        "schema" => no_arguments(rest, "schema").and_then(|()| print(SCHEMA)),
        "help" | "--help" | "-h" => print(HELP),
        "--version" | "-V" | "version" => print(&format!("article-embed {}\n", env!("CARGO_PKG_VERSION"))),
        other => Err(CliError::usage(format!("unknown command \"{other}\""))),
    }
}

fn no_arguments(rest: &[String], command: &str) -> Result<(), CliError> {
    match rest.first() {
        None => Ok(()),
        Some(extra) => Err(CliError::usage(format!("{command} takes no arguments (got \"{extra}\")"))),
    }
}

fn print(text: &str) -> Result<ExitCode, CliError> {
    write_output(None, text)?;
    Ok(ExitCode::SUCCESS)
}
