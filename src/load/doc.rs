//! A readout file as written, with the position of every value `check` may
//! point an error at: what both YAML readers (the full parser and the fast
//! path for plain files) hand to the schema check.

use super::schema::{RawClaim, RawMeeting, RawParticipant, RawReadout, RawSource};

/// 1-based line and column of a value in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pos {
    pub line: u64,
    pub column: u64,
}

impl Pos {
    pub fn line(self) -> u64 {
        self.line
    }
    pub fn column(self) -> u64 {
        self.column
    }
}

impl From<serde_saphyr::Location> for Pos {
    fn from(l: serde_saphyr::Location) -> Pos {
        Pos {
            line: l.line(),
            column: l.column(),
        }
    }
}

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct At<T> {
    pub value: T,
    pub referenced: Pos,
}

impl<T> From<serde_saphyr::Spanned<T>> for At<T> {
    fn from(s: serde_saphyr::Spanned<T>) -> At<T> {
        At {
            value: s.value,
            referenced: s.referenced.into(),
        }
    }
}

#[derive(Debug, PartialEq)]
pub(super) struct Doc {
    pub readout: Option<At<u32>>,
    pub meeting: Option<DocMeeting>,
    pub source: DocSource,
    pub participants: Option<Vec<DocParticipant>>,
    pub claims: Option<At<Vec<At<DocClaim>>>>,
    pub statement: Option<At<String>>,
}

#[derive(Debug, Default, PartialEq)]
pub(super) struct DocMeeting {
    pub title: Option<String>,
    pub date: Option<At<String>>,
    pub place: Option<String>,
}

#[derive(Debug, PartialEq)]
pub(super) struct DocSource {
    pub side: At<String>,
    pub issuer: Option<String>,
    pub spokesperson: Option<String>,
    pub url: Option<String>,
    pub published: Option<At<String>>,
}

#[derive(Debug, Default, PartialEq)]
pub(super) struct DocParticipant {
    pub name: String,
    pub role: Option<String>,
    pub side: Option<String>,
}

#[derive(Debug, PartialEq)]
pub(super) struct DocClaim {
    pub id: Option<At<String>>,
    pub text: At<String>,
    pub speaker: Option<String>,
    pub quote: Option<String>,
    pub topic: Option<String>,
    pub stance: Option<At<String>>,
}

impl From<RawReadout> for Doc {
    fn from(r: RawReadout) -> Doc {
        Doc {
            readout: r.readout.map(At::from),
            meeting: r.meeting.map(|m: RawMeeting| DocMeeting {
                title: m.title,
                date: m.date.map(At::from),
                place: m.place,
            }),
            source: {
                let s: RawSource = r.source;
                DocSource {
                    side: s.side.into(),
                    issuer: s.issuer,
                    spokesperson: s.spokesperson,
                    url: s.url,
                    published: s.published.map(At::from),
                }
            },
            participants: r.participants.map(|ps| {
                ps.into_iter()
                    .map(|p: RawParticipant| DocParticipant {
                        name: p.name,
                        role: p.role,
                        side: p.side,
                    })
                    .collect()
            }),
            claims: r.claims.map(|list| At {
                referenced: list.referenced.into(),
                value: list
                    .value
                    .into_iter()
                    .map(|c| At {
                        referenced: c.referenced.into(),
                        value: claim(c.value),
                    })
                    .collect(),
            }),
            statement: r.statement.map(At::from),
        }
    }
}

fn claim(c: RawClaim) -> DocClaim {
    DocClaim {
        id: c.id.map(At::from),
        text: c.text.into(),
        speaker: c.speaker,
        quote: c.quote,
        topic: c.topic,
        stance: c.stance.map(At::from),
    }
}
