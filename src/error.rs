//! The one error type of the library: what went wrong, and where.

use std::fmt;

/// Everything that can stop a command. Input errors carry file, line and column.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    /// A file was read but its content is not acceptable.
    #[error("{0}")]
    Input(Box<InputError>),
    /// A command-line value that clap cannot check by itself.
    #[error("{0}")]
    Usage(String),
}

/// A problem in an input file, pointed at precisely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    /// 1-based; 0 when the problem has no position (empty file, binary data).
    pub line: u64,
    pub column: u64,
    pub message: String,
    /// A suggestion such as "did you mean `claims`?".
    pub hint: Option<String>,
    /// The offending line, already escaped for the terminal.
    pub excerpt: Option<String>,
}

impl Error {
    /// An input error at a position, without hint or excerpt.
    pub fn input(path: &str, line: u64, column: u64, message: impl Into<String>) -> Self {
        Error::Input(Box::new(InputError {
            path: path.to_string(),
            line,
            column,
            message: message.into(),
            hint: None,
            excerpt: None,
        }))
    }

    /// An I/O error on `path`, worded for people rather than `errno`.
    pub fn io(path: &str, err: &std::io::Error) -> Self {
        use std::io::ErrorKind::*;
        let message = match err.kind() {
            NotFound => "no such file".to_string(),
            PermissionDenied => "permission denied".to_string(),
            IsADirectory => "is a directory, expected a readout file".to_string(),
            _ => err.to_string(),
        };
        Error::Io {
            path: path.to_string(),
            message,
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: {}",
                self.path, self.line, self.column, self.message
            )?;
        } else {
            write!(f, "{}: {}", self.path, self.message)?;
        }
        if let Some(excerpt) = &self.excerpt {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            let caret_pad = " ".repeat(self.column.saturating_sub(1) as usize);
            write!(f, "\n{pad} |\n{gutter} | {excerpt}\n{pad} | {caret_pad}^")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {hint}")?;
        }
        Ok(())
    }
}

/// Result with the library's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
