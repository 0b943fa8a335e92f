//! The one error type of the library: what went wrong, and where.

use std::fmt;

use unicode_width::UnicodeWidthStr;

use crate::render::escape::visible;

/// Everything that can stop a command. Input errors carry file, line and column.
///
/// The `Display` of every variant is safe to print: file names and anything
/// quoted from a file are shown with their control characters escaped.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {}", visible(.path), visible(.message))]
    Io { path: String, message: String },
    /// A file was read but its content is not acceptable.
    #[error("{0}")]
    Input(Box<InputError>),
    /// A command-line value that clap cannot check by itself.
    #[error("{}", visible(.0))]
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
    /// The offending line as written (or its start, when long); `Display`
    /// escapes it and places the caret under the escaped column.
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
        let (path, message) = (visible(&self.path), visible(&self.message));
        if self.line > 0 {
            write!(f, "{path}:{}:{}: {message}", self.line, self.column)?;
        } else {
            write!(f, "{path}: {message}")?;
        }
        if let Some(excerpt) = &self.excerpt {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            write!(f, "\n{pad} |\n{gutter} | {}", visible(excerpt))?;
            // The caret goes under the column as shown, escapes included; a
            // column past the shown part of a long line gets no caret.
            let before = self.column.saturating_sub(1) as usize;
            if before <= excerpt.chars().count() {
                let shown: String = excerpt.chars().take(before).collect();
                // Terminal cells, not characters: CJK text is two cells a character.
                let caret_pad = " ".repeat(visible(&shown).width());
                write!(f, "\n{pad} | {caret_pad}^")?;
            }
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {}", visible(hint))?;
        }
        Ok(())
    }
}

/// Result with the library's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    fn located(excerpt: &str, column: u64) -> InputError {
        InputError {
            path: "r\u{1b}]0;x\u{7}.yaml".to_string(),
            line: 2,
            column,
            message: "unknown key `\u{1b}[2J`".to_string(),
            hint: Some("did you mean `\u{9b}`?".to_string()),
            excerpt: Some(excerpt.to_string()),
        }
    }

    #[test]
    fn display_escapes_everything_from_the_file_once() {
        let shown = located("\tkey: \u{1b}[2J", 7).to_string();
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
        assert!(
            shown.starts_with("r\\x1b]0;x\\x07.yaml:2:7: unknown key `\\x1b[2J`"),
            "{shown}"
        );
        assert!(
            shown.contains("2 | \\tkey: \\x1b[2J\n  |        ^"),
            "caret under the escape: {shown}"
        );
        assert!(shown.ends_with("hint: did you mean `\\x9b`?"), "{shown}");
    }

    #[test]
    fn caret_counts_terminal_cells() {
        let shown = located("台湾: x", 5).to_string();
        assert!(shown.contains("2 | 台湾: x\n  |       ^"), "{shown}");
    }

    #[test]
    fn caret_past_the_shown_excerpt_is_left_out() {
        let shown = located("short", 300).to_string();
        assert!(!shown.contains('^'), "{shown}");
    }

    #[test]
    fn io_and_usage_errors_are_escaped() {
        let io = Error::Io {
            path: "a\u{7}b".into(),
            message: "no such file".into(),
        };
        assert_eq!(io.to_string(), "a\\x07b: no such file");
        assert_eq!(Error::Usage("x\ry".into()).to_string(), "x\\ry");
    }
}
