//! The JSON contracts: each JSON output's schema identifier, the envelope that
//! writes it as the output's first field, and the JSON Schema of each output,
//! generated from the report types (committed under `docs/schema/`).
//!
//! An identifier names a contract and its major version: fields are added
//! under the same identifier, never renamed or dropped; a change that would
//! break a reader gets a new number.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde::Serialize;

use crate::check::report::CheckReport;
use crate::claims::ClaimRow;
use crate::eval::EvalReport;
use crate::normalize::taxonomy::Topic;
use crate::nway::NwayReport;
use crate::report::Report;

/// `compare --format json`.
pub const COMPARE: &str = "readout/compare/1";
/// `compare A B C ... --format json`: three or more accounts.
pub const COMPARE_N: &str = "readout/compare-n/1";
/// `check --format json`.
pub const CHECK: &str = "readout/check/1";
/// `eval --format json`.
pub const EVAL: &str = "readout/eval/1";
/// `topics --format json`.
pub const TOPICS: &str = "readout/topics/1";
/// Each line of `claims --format jsonl`.
pub const CLAIM: &str = "readout/claim/1";

/// A report with its schema identifier first, then the report's own fields.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Versioned<'a, T> {
    /// The contract this document follows, e.g. `readout/compare/1`.
    pub schema: &'static str,
    #[serde(flatten)]
    pub body: &'a T,
}

impl<'a, T> Versioned<'a, T> {
    pub fn new(schema: &'static str, body: &'a T) -> Self {
        Versioned { schema, body }
    }
}

/// What `topics --format json` writes: the taxonomy in effect.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TopicList<'a> {
    pub topics: &'a [Topic],
}

/// The JSON outputs, one schema each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Compare,
    CompareN,
    Check,
    Eval,
    Topics,
    Claim,
}

impl Output {
    pub const ALL: [Output; 6] = [
        Output::Compare,
        Output::CompareN,
        Output::Check,
        Output::Eval,
        Output::Topics,
        Output::Claim,
    ];

    /// The schema identifier its documents carry.
    pub fn id(self) -> &'static str {
        match self {
            Output::Compare => COMPARE,
            Output::CompareN => COMPARE_N,
            Output::Check => CHECK,
            Output::Eval => EVAL,
            Output::Topics => TOPICS,
            Output::Claim => CLAIM,
        }
    }

    /// The short name: `docs/schema/NAME.schema.json`.
    pub fn name(self) -> &'static str {
        match self {
            Output::Compare => "compare",
            Output::CompareN => "compare-n",
            Output::Check => "check",
            Output::Eval => "eval",
            Output::Topics => "topics",
            Output::Claim => "claim",
        }
    }

    /// What the schema describes.
    fn description(self) -> &'static str {
        match self {
            Output::Compare => "What `readout compare --format json` writes.",
            Output::CompareN => {
                "What `readout compare --format json` writes for three or more accounts."
            }
            Output::Check => "What `readout check --format json` writes.",
            Output::Eval => "What `readout eval --format json` writes.",
            Output::Topics => "What `readout topics --format json` writes: the taxonomy in effect.",
            Output::Claim => {
                "One line of `readout claims --format jsonl`: a claim and its readout."
            }
        }
    }

    /// The JSON Schema (draft 2020-12) of what the output serializes, with
    /// `schema` pinned to the identifier.
    pub fn json_schema(self) -> Schema {
        let generator = SchemaSettings::draft2020_12()
            .for_serialize()
            .into_generator();
        let mut schema = match self {
            Output::Compare => generator.into_root_schema_for::<Versioned<Report>>(),
            Output::CompareN => generator.into_root_schema_for::<Versioned<NwayReport>>(),
            Output::Check => generator.into_root_schema_for::<Versioned<CheckReport>>(),
            Output::Eval => generator.into_root_schema_for::<Versioned<EvalReport>>(),
            Output::Topics => generator.into_root_schema_for::<Versioned<TopicList>>(),
            Output::Claim => generator.into_root_schema_for::<Versioned<ClaimRow>>(),
        };
        schema.insert("title".into(), self.id().into());
        schema.insert("description".into(), self.description().into());
        if let Some(field) = schema
            .get_mut("properties")
            .and_then(|p| p.get_mut("schema"))
            .and_then(|s| s.as_object_mut())
        {
            field.insert("const".into(), self.id().into());
        }
        schema
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_identifier_is_the_first_field() {
        let row = TopicList { topics: &[] };
        let json = serde_json::to_string(&Versioned::new(TOPICS, &row)).expect("serializes");
        assert_eq!(json, r#"{"schema":"readout/topics/1","topics":[]}"#);
    }

    #[test]
    fn each_schema_pins_its_identifier() {
        for output in Output::ALL {
            let schema = output.json_schema();
            assert_eq!(schema.get("title"), Some(&output.id().into()));
            assert_eq!(
                schema
                    .get("properties")
                    .and_then(|p| p["schema"].get("const")),
                Some(&output.id().into()),
                "{}",
                output.name()
            );
            assert!(
                output
                    .id()
                    .starts_with(&format!("readout/{}/", output.name()))
            );
        }
    }
}
