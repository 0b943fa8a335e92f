//! The agenda as the reports word it (`compare --agenda`), shared by the
//! text, Markdown and HTML renderers.

use super::plural;
use crate::agenda::AgendaReport;

/// The heading, matrix cell and note of an agenda topic nobody raised.
pub const NOT_MENTIONED: &str = "not mentioned by either account";
/// The same, in a report of three or more accounts.
pub const NOT_MENTIONED_ANY: &str = "not mentioned by any account";

/// "2 agenda topics not mentioned by either account (agenda
/// us-china-defense)", or that every agenda topic is mentioned.
pub fn summary(a: &AgendaReport) -> String {
    summary_as(a, NOT_MENTIONED)
}

/// [`summary`] worded `not_mentioned` ([`NOT_MENTIONED_ANY`] for three or
/// more accounts).
pub fn summary_as(a: &AgendaReport, not_mentioned: &str) -> String {
    if a.not_mentioned.is_empty() {
        format!(
            "every topic of the agenda {} is mentioned ({})",
            a.name,
            plural(a.topics.len(), "topic")
        )
    } else {
        format!(
            "{} {not_mentioned} (agenda {})",
            plural(a.not_mentioned.len(), "agenda topic"),
            a.name
        )
    }
}
