//! A small command-line parser: positional arguments, `--flag`, and
//! `--option VALUE` / `--option=VALUE` / `-o VALUE`, with `--` ending options
//! and `-` meaning standard input. Each subcommand says which options it
//! knows; anything else is a usage error.

use crate::error::CliError;

/// What one subcommand accepts.
pub struct Spec {
    /// Options that take a value, with their short aliases: `("--output", Some("-o"))`.
    pub valued: &'static [(&'static str, Option<&'static str>)],
    /// Options without a value.
    pub flags: &'static [&'static str],
}

#[derive(Debug, Default, PartialEq)]
pub struct Args {
    pub positional: Vec<String>,
    options: Vec<(&'static str, String)>,
    flags: Vec<&'static str>,
}

impl Args {
    /// The value of a valued option, by its long name.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.options.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// A valued option that must be given.
    pub fn required(&self, name: &str) -> Result<&str, CliError> {
        self.value(name).ok_or_else(|| CliError::usage(format!("{name} is required")))
    }

    pub fn flag(&self, name: &str) -> bool {
        self.flags.contains(&name)
    }
}

pub fn parse(args: &[String], spec: &Spec) -> Result<Args, CliError> {
    let mut out = Args::default();
    let mut iter = args.iter();
    let mut only_positional = false;
    while let Some(arg) = iter.next() {
        if only_positional || arg == "-" || !arg.starts_with('-') {
            out.positional.push(arg.clone());
            continue;
        }
        if arg == "--" {
            only_positional = true;
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_owned())),
            _ => (arg.as_str(), None),
        };
        if let Some(&(long, _)) = spec.valued.iter().find(|(long, short)| *long == name || *short == Some(name)) {
            let value = match inline {
                Some(v) => v,
                None => iter.next().cloned().ok_or_else(|| CliError::usage(format!("{name} needs a value")))?,
            };
            if out.value(long).is_some() {
                return Err(CliError::usage(format!("{long} is given twice")));
            }
            out.options.push((long, value));
        } else if let Some(&flag) = spec.flags.iter().find(|f| **f == name) {
            if inline.is_some() {
                return Err(CliError::usage(format!("{flag} takes no value")));
            }
            out.flags.push(flag);
        } else {
            return Err(CliError::usage(format!("unknown option {arg}")));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: Spec = Spec { valued: &[("--from", None), ("--output", Some("-o"))], flags: &["--strict"] };

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn options_flags_and_positionals_in_any_order() {
        let a = parse(&args(&["in.html", "--from", "jsonld", "-o", "out.json", "--strict"]), &SPEC).unwrap();
        assert_eq!(a.positional, ["in.html"]);
        assert_eq!(a.value("--from"), Some("jsonld"));
        assert_eq!(a.value("--output"), Some("out.json"));
        assert!(a.flag("--strict"));
    }

    #[test]
    fn equals_form_and_double_dash() {
        let a = parse(&args(&["--from=text", "--", "--weird-name.txt", "-"]), &SPEC).unwrap();
        assert_eq!(a.value("--from"), Some("text"));
        assert_eq!(a.positional, ["--weird-name.txt", "-"]);
    }

    #[test]
    fn unknown_missing_value_and_repeated_options_are_usage_errors() {
        for bad in [&["--nope"][..], &["--from"], &["--from", "a", "--from", "b"], &["--strict=yes"]] {
            assert!(matches!(parse(&args(bad), &SPEC), Err(CliError::Usage(_))), "{bad:?}");
        }
    }
}
