//! The one door to YAML: parse text into typed values with bounded work,
//! and turn parser errors into the project's file:line:column errors.

use serde::de::DeserializeOwned;
use serde_saphyr::{Error as YamlError, budget, options};

use super::excerpt;
use super::suggest::did_you_mean;
use crate::error::{Error, InputError};

/// Structural limits on one YAML document; generous for real readouts,
/// tight enough that alias bombs and absurd nesting are refused quickly.
#[derive(Debug, Clone, Copy)]
pub struct YamlLimits {
    pub max_depth: usize,
    pub max_nodes: usize,
    pub max_aliases: usize,
}

impl Default for YamlLimits {
    fn default() -> Self {
        YamlLimits {
            max_depth: 64,
            max_nodes: 5_000_000,
            max_aliases: 1_000,
        }
    }
}

/// Parses `text` (already checked to be UTF-8) as one YAML document of type `T`.
pub fn parse<T: DeserializeOwned>(
    origin: &str,
    text: &str,
    limits: YamlLimits,
) -> Result<T, Error> {
    let opts = options! {
        budget: budget! {
            max_depth: limits.max_depth,
            max_nodes: limits.max_nodes,
            max_events: limits.max_nodes.saturating_mul(3),
            max_aliases: limits.max_aliases,
            max_anchors: limits.max_aliases,
            max_documents: 1,
        },
        strict_booleans: true,
    };
    serde_saphyr::from_str_with_options(text, opts).map_err(|e| translate(origin, text, &e))
}

/// Parses YAML data compiled into the binary (taxonomy, cues, word lists).
/// It cannot be wrong at run time without being wrong in every test, so a
/// failure is a bug in the build and panics with the parser's message.
pub fn built_in<T: DeserializeOwned>(what: &str, text: &str) -> T {
    parse(&format!("built-in {what}"), text, YamlLimits::default())
        .unwrap_or_else(|e| panic!("the built-in {what} is invalid: {e}"))
}

/// Quotes `s` as a YAML double-quoted scalar, escaping everything that is not
/// plain printable text, so that any string survives a round trip.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{FEFF}' || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn translate(origin: &str, text: &str, err: &YamlError) -> Error {
    let inner = err.without_snippet();
    let (line, column) = inner
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((0, 0));
    let (message, hint) = describe(inner);
    Error::Input(Box::new(InputError {
        path: origin.to_string(),
        line,
        column,
        message,
        hint,
        excerpt: excerpt(text, line),
    }))
}

/// A short message for the error and, where one helps, a hint.
fn describe(err: &YamlError) -> (String, Option<String>) {
    match err {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            let hint = did_you_mean(field, expected)
                .map(|s| format!("did you mean `{s}`?"))
                .or_else(|| Some(format!("expected one of: {}", expected.join(", "))));
            (format!("unknown key `{field}`"), hint)
        }
        YamlError::SerdeMissingField { field, .. } => {
            (format!("missing required key `{field}`"), None)
        }
        YamlError::DuplicateMappingKey { key, .. } => (
            match key {
                Some(k) => format!("duplicate key `{k}`"),
                None => "duplicate key".to_string(),
            },
            Some("each key may appear once in a mapping".to_string()),
        ),
        YamlError::Budget { .. }
        | YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. } => (
            format!("document too large or too deeply nested: {}", strip_location(&err.to_string())),
            Some("readouts are shallow lists of claims; aliases, deep nesting and huge node counts are refused".to_string()),
        ),
        _ => (plain_words(&strip_location(&err.to_string())), None),
    }
}

/// The parser speaks of events; say what a writer of YAML would call them.
fn plain_words(msg: &str) -> String {
    msg.replace(
        "expected sequence start",
        "expected a list here (`- item` lines or `[a, b]`)",
    )
    .replace(
        "expected mapping start",
        "expected a mapping here (`key: value` lines or `{key: value}`)",
    )
}

/// serde-saphyr appends " at line L, column C"; we print the position ourselves.
fn strip_location(msg: &str) -> String {
    let first = msg.lines().next().unwrap_or(msg);
    match first.rfind(" at line ") {
        Some(i) => first[..i].to_string(),
        None => first.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_controls_and_quotes() {
        assert_eq!(quote("a\"b\\c\n\u{1b}"), "\"a\\\"b\\\\c\\n\\u001B\"");
    }

    #[test]
    fn quoted_strings_round_trip() {
        let s = "he said: \"no\" \u{7} — ok";
        let back: String = parse("t", &quote(s), YamlLimits::default()).expect("parses");
        assert_eq!(back, s);
    }
}
