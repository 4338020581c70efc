//! `article-embed validate FILE…`: the widget's own validation, run before
//! publishing, with every problem printed as `FILE: error: PATH: message`.

use std::process::ExitCode;

use article_embed::error::LoadError;
use article_embed::parse::{parse_article, Parsed};

use crate::args::ValidateArgs;
use crate::error::{read_input, CliError};

/// What one file came to.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    Valid,
    Invalid,
    Unreadable,
}

pub fn run(args: &ValidateArgs) -> Result<ExitCode, CliError> {
    let base = args.base.as_deref();
    let mut worst = Outcome::Valid;
    for file in &args.files {
        let outcome = match read_input(file) {
            Ok(text) => {
                let (lines, outcome) = check(&text, base, args.strict);
                for line in lines {
                    println!("{file}: {line}");
                }
                outcome
            }
            Err(e) => {
                eprintln!("error: {e}");
                Outcome::Unreadable
            }
        };
        worst = worst.max(outcome);
    }
    Ok(match worst {
        Outcome::Valid => ExitCode::SUCCESS,
        Outcome::Invalid => ExitCode::from(1),
        Outcome::Unreadable => ExitCode::from(2),
    })
}

/// Validates one article's text: the report lines (without the file name)
/// and whether it passes.
fn check(text: &str, base: Option<&str>, strict: bool) -> (Vec<String>, Outcome) {
    match parse_article(text, base) {
        Ok(Parsed { article, warnings }) => {
            let severity = if strict { "error" } else { "warning" };
            let mut lines: Vec<String> = warnings.iter().map(|w| format!("{severity}: {w}")).collect();
            if strict && !warnings.is_empty() {
                return (lines, Outcome::Invalid);
            }
            let n = warnings.len();
            let tail = match n {
                0 => String::new(),
                1 => ", 1 warning".to_owned(),
                n => format!(", {n} warnings"),
            };
            let blocks = match article.body.len() {
                1 => "1 block".to_owned(),
                n => format!("{n} blocks"),
            };
            lines.push(format!("ok ({blocks}{tail})"));
            (lines, Outcome::Valid)
        }
        Err(LoadError::Schema(problems)) => {
            (problems.iter().map(|p| format!("error: {p}")).collect(), Outcome::Invalid)
        }
        Err(LoadError::Json(detail)) => (vec![format!("error: not valid JSON: {detail}")], Outcome::Invalid),
        Err(e @ LoadError::Version(_)) => (vec![format!("error: version: {e}")], Outcome::Invalid),
        Err(other) => (vec![format!("error: {other}")], Outcome::Invalid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_problem_is_listed_with_its_path() {
        let (lines, outcome) = check(r#"{"body":[{"type":"paragraph","content":[{"href":"x"}]}]}"#, None, false);
        assert_eq!(outcome, Outcome::Invalid);
        assert!(lines.contains(&"error: headline: is required".to_owned()), "{lines:?}");
        assert!(lines.contains(&"error: body[0].content[0].text: is required".to_owned()), "{lines:?}");
    }

    #[test]
    fn warnings_pass_unless_strict() {
        let text = r#"{"headline":"H","url":"javascript:alert(1)","body":[]}"#;
        let (lines, outcome) = check(text, None, false);
        assert_eq!(outcome, Outcome::Valid);
        assert!(lines[0].starts_with("warning: url: URL dropped"), "{lines:?}");
        assert_eq!(lines.last().unwrap(), "ok (0 blocks, 1 warning)");
        let (lines, outcome) = check(text, None, true);
        assert_eq!(outcome, Outcome::Invalid);
        assert!(lines[0].starts_with("error: url:"));
    }

    #[test]
    fn base_resolves_relative_urls_as_the_widget_does() {
        let text = r#"{"headline":"H","url":"/a","body":[]}"#;
        assert_eq!(check(text, None, true).1, Outcome::Invalid);
        assert_eq!(check(text, Some("https://news.example/embed/a.json"), true).1, Outcome::Valid);
    }

    #[test]
    fn wrong_version_and_broken_json_are_errors() {
        assert_eq!(
            check(r#"{"version":2}"#, None, false).0,
            ["error: version: article format version 2 is not supported by this widget (it reads version 1)"]
        );
        assert!(check("{", None, false).0[0].starts_with("error: not valid JSON:"));
    }
}
