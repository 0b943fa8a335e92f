//! The plain data a readout file holds, as the later stages see it.

use serde::Serialize;

/// One official account of a meeting, loaded and checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readout {
    /// Where the readout came from, as the user named it (`-` for stdin).
    pub origin: String,
    /// Schema version of the file.
    pub version: u32,
    pub meeting: Meeting,
    pub source: Source,
    pub participants: Vec<Participant>,
    /// Claims in file order: explicit `claims:` first, then sentences of `statement:`.
    pub claims: Vec<Claim>,
}

/// What the meeting was; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Meeting {
    pub title: Option<String>,
    pub date: Option<String>,
    pub place: Option<String>,
}

/// Whose account this is.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Source {
    pub side: String,
    pub issuer: Option<String>,
    pub spokesperson: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// Someone who took part in the meeting.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Participant {
    pub name: String,
    pub role: Option<String>,
    pub side: Option<String>,
}

/// One statement of the account, with the analyst's optional overrides.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Claim {
    pub id: String,
    pub text: String,
    pub speaker: Option<String>,
    pub quote: Option<String>,
    /// Analyst override of topic tagging (a topic id, label or alias, or a new name).
    pub topic: Option<String>,
    /// Analyst override of stance detection (a stance name from the cue data).
    pub stance: Option<String>,
    /// 1-based line of the claim in its file (0 when unknown).
    pub line: u64,
}
