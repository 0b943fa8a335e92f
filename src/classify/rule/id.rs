//! The rules that relate two claims, by their stable ids: the contract of
//! the JSON report (`"rule": "mutual-blame"`) and the report's legend.

use std::fmt;

use schemars::JsonSchema;
use serde::Serialize;

use crate::classify::Relation;

/// The rule that decided how two claims relate. The kebab-case id is a
/// contract of the JSON report (`"rule": "mutual-blame"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// Each side's criticism is aimed at the other.
    MutualBlame,
    /// One side denies what the other asserts of it, or what the other
    /// criticises in words about the same thing.
    Denial,
    /// One side criticises the conduct the other asserts of itself.
    OpposedCharacterization,
    /// Both speak to the same point, one for it and one against it.
    OppositeStances,
    /// Both accounts report one party's words, with opposite stances.
    ReportedDifferently,
    /// Both make the same point with a compatible stance.
    SharedPoint,
    /// Both criticise the same third party on the same point.
    SharedCriticism,
    /// Both speak to the topic but share no point and do not conflict.
    NoSharedPoint,
}

impl Rule {
    pub const ALL: [Rule; 8] = [
        Rule::MutualBlame,
        Rule::Denial,
        Rule::OpposedCharacterization,
        Rule::OppositeStances,
        Rule::ReportedDifferently,
        Rule::SharedPoint,
        Rule::SharedCriticism,
        Rule::NoSharedPoint,
    ];

    /// The stable id, as in the JSON report.
    pub fn id(self) -> &'static str {
        match self {
            Rule::MutualBlame => "mutual-blame",
            Rule::Denial => "denial",
            Rule::OpposedCharacterization => "opposed-characterization",
            Rule::OppositeStances => "opposite-stances",
            Rule::ReportedDifferently => "reported-differently",
            Rule::SharedPoint => "shared-point",
            Rule::SharedCriticism => "shared-criticism",
            Rule::NoSharedPoint => "no-shared-point",
        }
    }

    /// What the rule means, for the report's legend and the docs.
    pub fn meaning(self) -> &'static str {
        match self {
            Rule::MutualBlame => "each side blames the other",
            Rule::Denial => "one side denies what the other asserts or criticises",
            Rule::OpposedCharacterization => {
                "one side criticises the conduct the other asserts of itself"
            }
            Rule::OppositeStances => "the same point, one side for it and the other against it",
            Rule::ReportedDifferently => "the accounts report one party's words differently",
            Rule::SharedPoint => "both make the same point with a compatible stance",
            Rule::SharedCriticism => "both criticise the same third party on the same point",
            Rule::NoSharedPoint => "both speak to the topic but share no point",
        }
    }

    pub fn relation(self) -> Relation {
        match self {
            Rule::MutualBlame
            | Rule::Denial
            | Rule::OpposedCharacterization
            | Rule::OppositeStances
            | Rule::ReportedDifferently => Relation::Contradiction,
            Rule::SharedPoint | Rule::SharedCriticism => Relation::Agreement,
            Rule::NoSharedPoint => Relation::Divergence,
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
