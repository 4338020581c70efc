//! `article-embed`: the publisher's command-line tool.
//!
//! It shares the widget's model, validation and Yew components, so what it
//! accepts, writes and renders is exactly what the widget will: `validate`
//! article JSON, `convert` articles from JSON-LD pages, WordPress, the
//! Guardian's API or plain text (or a whole site's from its RSS, Atom,
//! JSON Feed or WordPress list, see [`feed`]), print the embed `snippet` (optionally with
//! a server-rendered copy of the article), an `oembed` response, or the
//! JSON `schema`. The command line is defined in [`args`]. See
//! docs/publishing.md.

mod args;
mod convert;
mod error;
mod feed;
mod html;
mod oembed;
mod snippet;
mod validate;

use std::process::ExitCode;

use args::{Cli, Command};
use error::{write_output, CliError};

fn main() -> ExitCode {
    // Help and --version print and exit 0; a usage error prints clap's
    // message and exits 2.
    let cli = Cli::parse_checked();
    match run(cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            e.exit_code()
        }
    }
}

fn run(command: Command) -> Result<ExitCode, CliError> {
    match command {
        Command::Validate(args) => validate::run(&args),
        Command::Convert(args) => convert::run(&args),
        Command::Snippet(args) => snippet::run(&args),
        Command::Oembed(args) => oembed::run(&args),
        Command::Schema => {
            write_output(None, &article_embed::wire::json_schema())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
