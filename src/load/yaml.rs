//! The one door to YAML: parse text into typed values with bounded work,
//! and turn parser errors into the project's file:line:column errors.

use serde::de::DeserializeOwned;
use serde_saphyr::budget::BudgetBreach;
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
    /// Total text of all scalars, counting each use of an alias: what an
    /// alias bomb inflates. `load` ties it to `--max-input-mb`.
    pub max_scalar_bytes: usize,
}

impl Default for YamlLimits {
    fn default() -> Self {
        YamlLimits {
            max_depth: 64,
            max_nodes: 5_000_000,
            max_aliases: 1_000,
            max_scalar_bytes: 64 * 1024 * 1024,
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
            max_total_scalar_bytes: limits.max_scalar_bytes,
        },
        strict_booleans: true,
    };
    serde_saphyr::from_str_with_options(text, opts).map_err(|e| translate(origin, text, &e, limits))
}

/// The built-in data files, each with the JSON the build made of it:
/// (YAML text, JSON text).
const PRECOMPILED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/data.rs"));

/// Parses YAML data compiled into the binary (taxonomy, cues, word lists).
/// It cannot be wrong at run time without being wrong in every test, so a
/// failure is a bug in the build and panics with the parser's message.
/// Start-up cost: the text of a built-in data file is read from the JSON
/// the build made of it.
pub fn built_in<T: DeserializeOwned>(what: &str, text: &str) -> T {
    if let Some((_, json)) = PRECOMPILED.iter().find(|(yaml, _)| *yaml == text) {
        return serde_json::from_str(json)
            .unwrap_or_else(|e| panic!("the built-in {what} is invalid: {e}"));
    }
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
            c if crate::render::escape::is_unsafe(c)
                || matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}') =>
            {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn translate(origin: &str, text: &str, err: &YamlError, limits: YamlLimits) -> Error {
    let (line, column) = err
        .without_snippet()
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((0, 0));
    let (message, hint) = describe(original(err), limits);
    Error::Input(Box::new(InputError {
        path: origin.to_string(),
        line,
        column,
        message,
        hint,
        excerpt: excerpt(text, line),
    }))
}

/// The error under any snippet and alias wrappers: what actually went wrong.
fn original(mut err: &YamlError) -> &YamlError {
    loop {
        match err {
            YamlError::WithSnippet { error, .. } | YamlError::AliasError { error, .. } => {
                err = error
            }
            other => return other,
        }
    }
}

/// A short message for the error and, where one helps, a hint.
fn describe(err: &YamlError, limits: YamlLimits) -> (String, Option<String>) {
    let structural = || {
        Some("readouts are shallow lists of claims; deep nesting, alias expansion and huge node counts are refused".to_string())
    };
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
        YamlError::Unexpected { expected, .. } => (
            match *expected {
                "mapping start" => "expected a mapping (`key: value` lines) here".to_string(),
                "sequence start" => "expected a list (`- item` lines) here".to_string(),
                "string scalar" => "expected text here, not a list or mapping".to_string(),
                other => format!("expected {other} here"),
            },
            None,
        ),
        YamlError::NullIntoString { .. } => (
            "expected text here, found an empty value".to_string(),
            Some("write the value after the colon, or remove the key".to_string()),
        ),
        YamlError::InvalidScalar { ty, .. } if ty.starts_with('u') || ty.starts_with('i') => {
            ("expected a whole number here".to_string(), None)
        }
        YamlError::MultipleDocuments { .. }
        | YamlError::Budget {
            breach: BudgetBreach::Documents { .. },
            ..
        } => (
            "more than one YAML document (`---`) in the file".to_string(),
            Some("a readout file holds one document".to_string()),
        ),
        YamlError::Budget { breach, .. } => (budget_message(breach, limits), structural()),
        YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. } => (
            format!(
                "aliases expand too far: {}",
                strip_location(&err.to_string())
            ),
            structural(),
        ),
        other => {
            let message = strip_location(&other.to_string());
            // The parser's own guard against deep flow nesting (`[[[[...`).
            if message.contains("recursion limit") {
                (
                    format!("nesting deeper than {} levels", limits.max_depth),
                    structural(),
                )
            } else if message.starts_with("tabs disallowed") {
                (
                    message,
                    Some(
                        "indent with spaces: YAML does not allow tabs for indentation".to_string(),
                    ),
                )
            } else {
                (message, None)
            }
        }
    }
}

/// Which structural limit a document broke, in the user's terms.
fn budget_message(breach: &BudgetBreach, limits: YamlLimits) -> String {
    match breach {
        BudgetBreach::Depth { .. } => {
            format!("nesting deeper than {} levels", limits.max_depth)
        }
        BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => {
            format!("document has more than {} YAML nodes", limits.max_nodes)
        }
        BudgetBreach::Aliases { .. } | BudgetBreach::AliasAnchorRatio { .. } => {
            format!(
                "document uses more than {} aliases (`*name`), or far more aliases than anchors",
                limits.max_aliases
            )
        }
        BudgetBreach::Anchors { .. } => {
            format!(
                "document defines more than {} anchors (`&name`)",
                limits.max_aliases
            )
        }
        BudgetBreach::ScalarBytes { .. } => format!(
            "document text, counting each use of an alias, exceeds the input limit of {} MB (raise it with --max-input-mb)",
            limits.max_scalar_bytes / (1024 * 1024)
        ),
        BudgetBreach::Documents { .. } => {
            "more than one YAML document (`---`) in the file".to_string()
        }
        other => format!("document exceeds a structural limit ({other:?})"),
    }
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
    fn the_json_of_each_data_file_holds_what_its_yaml_does() {
        assert!(PRECOMPILED.len() >= 8, "every file of src/data");
        for (yaml, json) in PRECOMPILED {
            let from_yaml: serde_json::Value =
                parse("data", yaml, YamlLimits::default()).expect("YAML parses");
            let from_json: serde_json::Value = serde_json::from_str(json).expect("JSON parses");
            assert_eq!(from_yaml, from_json);
        }
    }

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
