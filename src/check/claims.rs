//! The claims of one archived readout as the check holds them: the keys of
//! every claim (topic, stance, terms), which the check reads for all of
//! history, and the full normalized claims, which only the claims it reports
//! or compares need. From the cache, the full claims stay encoded until first
//! asked for: a warm check decodes a few readouts' worth, not the archive's.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::normalize::NormClaim;
use crate::normalize::cues::Polarity;
use crate::normalize::stance::Voice;

/// Whose stance a claim states, relative to its readout's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoiceKey {
    /// Both sides together.
    Joint,
    /// The readout's own side.
    Own,
    /// Another party the readout reports.
    Other,
}

/// What the check needs of a claim's stance before it has the claim itself:
/// enough to pick a readout's stance on a topic, and to rule out a
/// contradiction (see `matches::could_contradict`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StanceKey {
    pub polarity: Polarity,
    pub voice: VoiceKey,
    /// The claim denies something.
    pub denial: bool,
}

impl StanceKey {
    /// The stance key of a claim of a readout of `side`.
    pub fn of(c: &NormClaim, side: &str) -> StanceKey {
        StanceKey {
            polarity: c.stance.polarity,
            voice: match &c.stance.voice {
                Voice::Joint => VoiceKey::Joint,
                Voice::Party(p) if p == side => VoiceKey::Own,
                Voice::Party(_) => VoiceKey::Other,
            },
            denial: c.stance.denial.is_some(),
        }
    }
}

/// What the check reads of every claim of history.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Key {
    /// Span of the topic id in `words`; None when no topic was recognised.
    pub(super) topic: Option<Range<u32>>,
    /// Spans of the terms, as `spans[terms]`.
    pub(super) terms: Range<u32>,
    pub(super) stance: StanceKey,
}

/// The claims of one readout: keys always, full claims on demand.
#[derive(Debug, Clone)]
pub struct Claims {
    pub(super) keys: Vec<Key>,
    /// Topic ids and terms of every claim, one after another: one allocation
    /// a readout rather than one a word.
    pub(super) words: String,
    pub(super) spans: Vec<Range<u32>>,
    full: OnceLock<Vec<NormClaim>>,
    /// The full claims as the cache holds them, until decoded.
    pub(super) encoded: Option<(Arc<Vec<u8>>, Range<usize>)>,
}

impl PartialEq for Claims {
    fn eq(&self, other: &Claims) -> bool {
        self.keys == other.keys
            && self.words == other.words
            && self.spans == other.spans
            && self.full() == other.full()
    }
}

impl Claims {
    /// The claims of a readout of `side`, just normalized. The full claims
    /// are kept encoded, as the cache holds them: a few readouts' worth are
    /// ever read again, and encoded they take a fifth of the memory.
    pub fn of(side: &str, full: Vec<NormClaim>) -> Claims {
        let mut claims = Claims::empty();
        for c in &full {
            let topic = c.topic.as_ref().map(|t| claims.push_word(&t.id));
            let start = claims.spans.len() as u32;
            for t in &c.terms {
                let span = claims.push_word(t);
                claims.spans.push(span);
            }
            claims.keys.push(Key {
                topic,
                terms: start..claims.spans.len() as u32,
                stance: StanceKey::of(c, side),
            });
        }
        let block = super::codec::encode_full(&full);
        let len = block.len();
        claims.encoded = Some((Arc::new(block), 0..len));
        claims
    }

    pub(super) fn empty() -> Claims {
        Claims {
            keys: Vec::new(),
            words: String::new(),
            spans: Vec::new(),
            full: OnceLock::new(),
            encoded: None,
        }
    }

    pub(super) fn push_word(&mut self, w: &str) -> Range<u32> {
        let start = self.words.len() as u32;
        self.words.push_str(w);
        start..self.words.len() as u32
    }

    fn word(&self, span: &Range<u32>) -> &str {
        // Spans were checked against `words` when decoded (see `codec`).
        self.words
            .get(span.start as usize..span.end as usize)
            .unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The topic id of claim `i`.
    pub fn topic(&self, i: usize) -> Option<&str> {
        self.keys[i].topic.as_ref().map(|s| self.word(s))
    }

    /// The topic ids of the claims, in order.
    pub fn topics(&self) -> impl Iterator<Item = Option<&str>> {
        (0..self.len()).map(|i| self.topic(i))
    }

    /// The terms of claim `i` (sorted and unique, as normalization made them).
    pub fn terms(&self, i: usize) -> impl ExactSizeIterator<Item = &str> {
        let r = &self.keys[i].terms;
        self.spans[r.start as usize..r.end as usize]
            .iter()
            .map(|s| self.word(s))
    }

    pub fn stance(&self, i: usize) -> StanceKey {
        self.keys[i].stance
    }

    /// The full claims, decoded from the cache the first time they are asked for.
    pub fn full(&self) -> &[NormClaim] {
        self.full.get_or_init(|| {
            let Some((bytes, range)) = &self.encoded else {
                return Vec::new();
            };
            // The cache file's checksum was verified when it was opened, and
            // the keys decoded, so these bytes are what this build wrote.
            super::codec::full_claims(&bytes[range.clone()], self).unwrap_or_default()
        })
    }

    /// The full claims if decoded, else their encoded bytes (to copy them
    /// into a new cache file as they are).
    pub(super) fn parts(&self) -> (Option<&[NormClaim]>, Option<&[u8]>) {
        (
            self.full.get().map(Vec::as_slice),
            self.encoded.as_ref().map(|(b, r)| &b[r.clone()]),
        )
    }
}
