//! The tool's own failures and the exit code each one means.
//!
//! `0` success; `1` the input is not a valid article or cannot be converted;
//! `2` a file cannot be read or written. (`convert --out-dir` exits 1 when
//! an item of the feed was skipped, the others being written.) (A wrong command line is clap's
//! usage error, also `2`, before any command runs: see [`crate::args`].)

use std::fmt;
use std::process::ExitCode;

#[derive(Debug, PartialEq)]
pub enum CliError {
    /// A file that cannot be read or written: exit 2.
    Io(String),
    /// Input that is not what it should be (not JSON, no article, invalid): exit 1.
    Invalid(String),
}

impl CliError {
    pub fn invalid(message: impl Into<String>) -> Self {
        CliError::Invalid(message.into())
    }

    pub fn exit_code(&self) -> ExitCode {
        match self {
            CliError::Io(_) => ExitCode::from(2),
            CliError::Invalid(_) => ExitCode::from(1),
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Io(m) | CliError::Invalid(m) => f.write_str(m),
        }
    }
}

/// Reads a whole input file as text; `-` is standard input.
pub fn read_input(path: &str) -> Result<String, CliError> {
    use std::io::Read;
    if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| CliError::Io(format!("cannot read standard input: {e}")))?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|e| CliError::Io(format!("cannot read {path}: {e}")))
}

/// Opens an input file for streaming; `-` is standard input.
pub fn open_input(path: &str) -> Result<Box<dyn std::io::Read + Send>, CliError> {
    if path == "-" {
        return Ok(Box::new(std::io::stdin()));
    }
    match std::fs::File::open(path) {
        Ok(file) if file.metadata().is_ok_and(|m| m.is_dir()) => Err(CliError::Io(format!("cannot read {path}: it is a directory"))),
        Ok(file) => Ok(Box::new(file)),
        Err(e) => Err(CliError::Io(format!("cannot read {path}: {e}"))),
    }
}

/// Replaces the file at `path` with `text` whole or not at all: written to
/// a temporary file beside it (`.<name>.tmp-<pid>`), then renamed over it.
pub fn write_atomic(path: &std::path::Path, text: &str) -> Result<(), CliError> {
    write_atomic_with(path, |out| out.write_all(text.as_bytes()))
}

/// [`write_atomic`] for output written piece by piece by `write`.
pub fn write_atomic_with(
    path: &std::path::Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), CliError> {
    use std::io::Write;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let result = std::fs::File::create(&temp)
        .and_then(|file| {
            let mut out = std::io::BufWriter::new(file);
            write(&mut out)?;
            out.flush()
        })
        .and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(|e| CliError::Io(format!("cannot write {}: {e}", path.display())))
}

/// Writes `text` to `path`, or to standard output when there is none.
pub fn write_output(path: Option<&str>, text: &str) -> Result<(), CliError> {
    use std::io::Write;
    match path {
        Some(p) if p != "-" => std::fs::write(p, text).map_err(|e| CliError::Io(format!("cannot write {p}: {e}"))),
        _ => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| CliError::Io(format!("cannot write to standard output: {e}")))
        }
    }
}
