//! The binary form of cache entries: little-endian integers, length-prefixed
//! UTF-8 strings, one tag byte for each option and enum. Reading checks every
//! length against what is left, so a damaged file decodes to None, not a panic.

use super::cache::Entry;
use crate::normalize::cues::Polarity;
use crate::normalize::stance::{Stance, Voice};
use crate::normalize::{NormClaim, TopicSource, TopicTag};

/// Writes entries into its buffer.
#[derive(Default)]
pub(super) struct Writer(pub(super) Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u64(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt(&mut self, s: &Option<String>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }
    pub(super) fn entry(&mut self, e: &Entry) {
        self.str(&e.side);
        self.opt(&e.issuer);
        self.opt(&e.date);
        self.opt(&e.title);
        self.opt(&e.counterpart);
        match &e.claims {
            None => self.u8(0),
            Some(claims) => {
                self.u8(1);
                self.u64(claims.len() as u64);
                for c in claims {
                    self.claim(c);
                }
            }
        }
    }
    fn topic(&mut self, t: Option<&TopicTag>) {
        match t {
            None => self.u8(0),
            Some(t) => {
                self.u8(match t.source {
                    TopicSource::Keyword => 1,
                    TopicSource::Override => 2,
                    TopicSource::Context => 3,
                    TopicSource::Fallback => 4,
                });
                self.str(&t.id);
                self.str(&t.label);
                self.str(&t.cue);
            }
        }
    }
    fn claim(&mut self, c: &NormClaim) {
        self.str(&c.id);
        self.u64(c.position as u64);
        self.str(&c.text);
        self.str(&c.matching);
        self.opt(&c.speaker);
        self.opt(&c.quote);
        self.u64(c.line);
        self.topic(c.topic.as_ref());
        self.u64(c.alternatives.len() as u64);
        for t in &c.alternatives {
            self.topic(Some(t));
        }
        let s = &c.stance;
        self.u8(s.polarity as u8);
        self.str(&s.kind);
        self.opt(&s.cue);
        match &s.voice {
            Voice::Joint => self.u8(0),
            Voice::Party(p) => {
                self.u8(1);
                self.str(p);
            }
        }
        self.opt(&s.target);
        self.opt(&s.denial);
        self.u8(s.asserts_conduct as u8);
        self.u64(s.named.len() as u64);
        for p in &s.named {
            self.str(p);
        }
        self.u64(c.terms.len() as u64);
        for t in &c.terms {
            self.str(t);
        }
    }
}

/// Reads what [`Writer`] wrote; None on any inconsistency.
pub(super) struct Reader<'a> {
    buf: &'a [u8],
    pub(super) pos: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader { buf, pos: 0 }
    }

    pub(super) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.buf.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    pub(super) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub(super) fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        // A length beyond the remaining bytes is corruption, not an allocation.
        (n <= self.buf.len() - self.pos).then_some(n)
    }
    fn str(&mut self) -> Option<String> {
        let n = self.len()?;
        Some(std::str::from_utf8(self.take(n)?).ok()?.to_string())
    }
    fn opt(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(self.str()?)),
            _ => None,
        }
    }
    pub(super) fn entry(&mut self) -> Option<Entry> {
        let side = self.str()?;
        let issuer = self.opt()?;
        let date = self.opt()?;
        let title = self.opt()?;
        let counterpart = self.opt()?;
        let claims = match self.u8()? {
            0 => None,
            1 => {
                let n = self.len()?;
                let mut v = Vec::with_capacity(n);
                for _ in 0..n {
                    v.push(self.claim()?);
                }
                Some(v)
            }
            _ => return None,
        };
        Some(Entry {
            side,
            issuer,
            date,
            title,
            counterpart,
            claims,
        })
    }
    /// A topic tag: Some(None) for "no topic", None on corruption.
    fn topic(&mut self) -> Option<Option<TopicTag>> {
        let source = match self.u8()? {
            0 => return Some(None),
            1 => TopicSource::Keyword,
            2 => TopicSource::Override,
            3 => TopicSource::Context,
            4 => TopicSource::Fallback,
            _ => return None,
        };
        Some(Some(TopicTag {
            source,
            id: self.str()?,
            label: self.str()?,
            cue: self.str()?,
        }))
    }
    fn claim(&mut self) -> Option<NormClaim> {
        let id = self.str()?;
        let position = usize::try_from(self.u64()?).ok()?;
        let text = self.str()?;
        let matching = self.str()?;
        let speaker = self.opt()?;
        let quote = self.opt()?;
        let line = self.u64()?;
        let topic = self.topic()?;
        let n = self.len()?;
        let mut alternatives = Vec::with_capacity(n);
        for _ in 0..n {
            alternatives.push(self.topic()??);
        }
        let polarity = match self.u8()? {
            0 => Polarity::Critical,
            1 => Polarity::Neutral,
            2 => Polarity::Positive,
            _ => return None,
        };
        let kind = self.str()?;
        let cue = self.opt()?;
        let voice = match self.u8()? {
            0 => Voice::Joint,
            1 => Voice::Party(self.str()?),
            _ => return None,
        };
        let target = self.opt()?;
        let denial = self.opt()?;
        let asserts_conduct = match self.u8()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        let n = self.len()?;
        let mut named = Vec::with_capacity(n);
        for _ in 0..n {
            named.push(self.str()?);
        }
        let n = self.len()?;
        let mut terms = Vec::with_capacity(n);
        for _ in 0..n {
            terms.push(self.str()?);
        }
        Some(NormClaim {
            id,
            position,
            text,
            matching,
            speaker,
            quote,
            line,
            topic,
            alternatives,
            stance: Stance {
                polarity,
                kind,
                cue,
                voice,
                target,
                denial,
                asserts_conduct,
                named,
            },
            terms,
        })
    }
}
