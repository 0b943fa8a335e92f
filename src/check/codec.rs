//! The binary form of cache entries: integers in LEB128 (most are the
//! lengths of short words), length-prefixed UTF-8 strings, one tag byte for
//! each option and enum. Reading checks every
//! length against what is left, so a damaged file decodes to None, not a panic.
//! An entry's claims are written twice: their keys, decoded with the entry,
//! then the full claims as one block, decoded only when asked for (see
//! [`Claims`]).

use std::ops::Range;
use std::sync::Arc;

use super::cache::Entry;
use super::claims::{Claims, Key, StanceKey, VoiceKey};
use crate::normalize::cues::Polarity;
use crate::normalize::stance::{Aside, Stance, Voice};
use crate::normalize::{NormClaim, TopicSource, TopicTag};

/// Writes entries into its buffer.
#[derive(Default)]
pub(super) struct Writer(pub(super) Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u64(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
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
                self.keys(claims);
                match claims.parts() {
                    // Still as the old cache file held them: copied, not decoded.
                    (None, Some(encoded)) => {
                        self.u64(encoded.len() as u64);
                        self.0.extend_from_slice(encoded);
                    }
                    _ => {
                        let mut w = Writer::default();
                        w.full(claims.full());
                        self.u64(w.0.len() as u64);
                        self.0.extend_from_slice(&w.0);
                    }
                }
            }
        }
    }
    fn keys(&mut self, claims: &Claims) {
        self.u64(claims.len() as u64);
        for i in 0..claims.len() {
            match claims.topic(i) {
                Some(t) => {
                    self.u8(1);
                    self.str(t);
                }
                None => self.u8(0),
            }
            let stance = claims.stance(i);
            self.u8(stance.polarity as u8);
            self.u8(match stance.voice {
                VoiceKey::Joint => 0,
                VoiceKey::Own => 1,
                VoiceKey::Other => 2,
            });
            self.u8(stance.denial as u8);
            self.u64(claims.terms(i).len() as u64);
            for t in claims.terms(i) {
                self.str(t);
            }
        }
    }
    fn full(&mut self, claims: &[NormClaim]) {
        self.u64(claims.len() as u64);
        for c in claims {
            self.claim(c);
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
        // The matching form is made again from the text, and the terms are
        // the keys': neither is written twice.
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
        self.u8(s.at_no_one as u8);
        self.u64(s.named.len() as u64);
        for p in &s.named {
            self.str(p);
        }
        match &s.aside {
            None => self.u8(0),
            Some(a) => {
                self.u8(1);
                self.str(&a.party);
                self.str(&a.cue);
            }
        }
    }
}

/// The block of an entry's full claims, as the cache file holds it.
pub(super) fn encode_full(claims: &[NormClaim]) -> Vec<u8> {
    let mut w = Writer::default();
    w.full(claims);
    w.0.shrink_to_fit();
    w.0
}

/// The full claims of an entry, from the block [`Writer`] wrote for them
/// and the terms of their keys.
pub(super) fn full_claims(block: &[u8], keys: &Claims) -> Option<Vec<NormClaim>> {
    let mut r = Reader::new(block);
    let n = r.len()?;
    if n != keys.len() {
        return None;
    }
    let mut v = Vec::with_capacity(n);
    for i in 0..n {
        let mut c = r.claim()?;
        c.terms = keys.terms(i).map(str::to_string).collect();
        v.push(c);
    }
    (r.pos == block.len()).then_some(v)
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

    /// A reader of `file[range]` that keeps positions in `file`, so that an
    /// entry's claims can point back into the file they stay encoded in.
    pub(super) fn within(file: &'a [u8], range: Range<usize>) -> Option<Reader<'a>> {
        Some(Reader {
            buf: file.get(..range.end)?,
            pos: range.start,
        })
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
    /// An integer as [`Writer`] writes them (LEB128).
    fn int(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }
    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.int()?).ok()?;
        // A length beyond the remaining bytes is corruption, not an allocation.
        (n <= self.buf.len() - self.pos).then_some(n)
    }
    fn str(&mut self) -> Option<String> {
        self.str_ref().map(str::to_string)
    }
    fn str_ref(&mut self) -> Option<&'a str> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
    fn opt(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(self.str()?)),
            _ => None,
        }
    }
    /// An entry of `file`, whose full claims stay encoded in it.
    pub(super) fn entry(&mut self, file: &Arc<Vec<u8>>) -> Option<Entry> {
        let side = self.str()?;
        let issuer = self.opt()?;
        let date = self.opt()?;
        let title = self.opt()?;
        let counterpart = self.opt()?;
        let claims = match self.u8()? {
            0 => None,
            1 => {
                let mut claims = self.keys()?;
                let n = self.len()?;
                let start = self.pos;
                self.take(n)?;
                claims.encoded = Some((Arc::clone(file), start..start + n));
                Some(claims)
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
    fn keys(&mut self) -> Option<Claims> {
        let mut claims = Claims::empty();
        let n = self.len()?;
        claims.keys.reserve(n);
        for _ in 0..n {
            let topic = match self.u8()? {
                0 => None,
                1 => Some(claims.push_word(self.str_ref()?)),
                _ => return None,
            };
            let polarity = self.polarity()?;
            let voice = match self.u8()? {
                0 => VoiceKey::Joint,
                1 => VoiceKey::Own,
                2 => VoiceKey::Other,
                _ => return None,
            };
            let denial = self.bool()?;
            let terms = self.len()?;
            let start = claims.spans.len() as u32;
            for _ in 0..terms {
                let span = claims.push_word(self.str_ref()?);
                claims.spans.push(span);
            }
            claims.keys.push(Key {
                topic,
                terms: start..claims.spans.len() as u32,
                stance: StanceKey {
                    polarity,
                    voice,
                    denial,
                },
            });
        }
        Some(claims)
    }
    fn polarity(&mut self) -> Option<Polarity> {
        match self.u8()? {
            0 => Some(Polarity::Critical),
            1 => Some(Polarity::Neutral),
            2 => Some(Polarity::Positive),
            _ => None,
        }
    }
    fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
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
        let position = usize::try_from(self.int()?).ok()?;
        let text = self.str()?;
        let matching = crate::normalize::text::matching_form(&text);
        let speaker = self.opt()?;
        let quote = self.opt()?;
        let line = self.int()?;
        let topic = self.topic()?;
        let n = self.len()?;
        let mut alternatives = Vec::with_capacity(n);
        for _ in 0..n {
            alternatives.push(self.topic()??);
        }
        let polarity = self.polarity()?;
        let kind = self.str()?;
        let cue = self.opt()?;
        let voice = match self.u8()? {
            0 => Voice::Joint,
            1 => Voice::Party(self.str()?),
            _ => return None,
        };
        let target = self.opt()?;
        let denial = self.opt()?;
        let asserts_conduct = self.bool()?;
        let at_no_one = self.bool()?;
        let n = self.len()?;
        let mut named = Vec::with_capacity(n);
        for _ in 0..n {
            named.push(self.str()?);
        }
        let aside = match self.u8()? {
            0 => None,
            1 => Some(Aside {
                party: self.str()?,
                cue: self.str()?,
            }),
            _ => return None,
        };
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
                at_no_one,
                named,
                aside,
            },
            terms: Vec::new(),
        })
    }
}
