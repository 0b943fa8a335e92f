//! The readout file as written (schema version 1), before it is checked.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// Top level of a readout file.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a readout: a mapping with `source` and `claims` or `statement`"
)]
pub(super) struct RawReadout {
    pub readout: Option<Spanned<u32>>,
    pub meeting: Option<RawMeeting>,
    pub source: RawSource,
    pub participants: Option<Vec<RawParticipant>>,
    pub claims: Option<Spanned<Vec<Spanned<RawClaim>>>>,
    pub statement: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a mapping with title, date and place"
)]
pub(super) struct RawMeeting {
    pub title: Option<String>,
    pub date: Option<Spanned<String>>,
    pub place: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a mapping with `side` and optional issuer, spokesperson, url, published"
)]
pub(super) struct RawSource {
    pub side: Spanned<String>,
    pub issuer: Option<String>,
    pub spokesperson: Option<String>,
    pub url: Option<String>,
    pub published: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a participant: a mapping with `name`, role, side"
)]
pub(super) struct RawParticipant {
    pub name: String,
    pub role: Option<String>,
    pub side: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a claim: a mapping with `text` and optional id, speaker, quote, topic, stance"
)]
pub(super) struct RawClaim {
    pub id: Option<Spanned<String>>,
    pub text: Spanned<String>,
    pub speaker: Option<String>,
    pub quote: Option<String>,
    pub topic: Option<String>,
    pub stance: Option<Spanned<String>>,
}
