//! Whole-word phrase matching over tokens, shared by topics, cues and parties.
//! Indexed by first word so that tagging costs about one hash lookup per word.

use std::collections::hash_map::Entry;
use std::ops::Range;

use super::fasthash::FxHashMap;
use super::phrase_table::push_built_in_words;
use super::phrase_words::{Word, push_words};
use super::text::{Token, lowercased, word_key, word_prefix};

#[derive(Debug, Clone)]
struct Phrase<T> {
    /// Its words, a range of the set's `words`.
    words: [At; 2],
    /// The phrase as written (trimmed), a range of the set's `sources`.
    source: [At; 2],
    /// The next phrase indexed under the same key, in the order inserted.
    next: Option<At>,
    value: T,
}

/// A place in a set's lists. Half the size of a `usize`: the taxonomy's
/// sets are built at every start, and smaller entries are fewer pages of
/// memory to touch.
type At = u32;

fn at(n: usize) -> At {
    At::try_from(n).expect("a phrase set holds fewer than 4 billion words")
}

fn range([from, to]: [At; 2]) -> Range<usize> {
    from as usize..to as usize
}

/// The phrases indexed under one key: the first and the last inserted,
/// linked by `Phrase::next`. A list per key was an allocation for each of
/// the thousand first words of the taxonomy, at every start.
#[derive(Debug, Clone, Copy)]
struct Chain {
    first: At,
    last: At,
}

/// One place a phrase matched: token range, the phrase as written, its value.
#[derive(Debug, Clone, Copy)]
pub struct Match<'a, T> {
    pub start: usize,
    pub len: usize,
    pub phrase: &'a str,
    pub value: &'a T,
}

/// A set of phrases, each carrying a value, matched on whole words.
///
/// The words and the texts of all its phrases are kept end to end in one
/// list and one string: the built-in sets hold some 1,700 phrases, built
/// at every start, and an allocation for each phrase was most of that.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    phrases: Vec<Phrase<T>>,
    words: Vec<Word>,
    sources: String,
    /// `word_key` of the first word (lowercased, exact) → its phrases.
    by_word: FxHashMap<u64, Chain>,
    /// First word is a prefix pattern: `word_key` of its first three
    /// letters → its phrases.
    by_prefix: FxHashMap<u64, Chain>,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            phrases: Vec::new(),
            words: Vec::new(),
            sources: String::new(),
            by_word: FxHashMap::default(),
            by_prefix: FxHashMap::default(),
        }
    }
}

/// The `by_prefix` key of a phrase's first (wildcard) word, as a token's
/// `prefix_key` is made: the prefix of the lowercased word.
fn prefix_key(s: &str) -> u64 {
    word_key(word_prefix(&lowercased(s)))
}

/// Words and bytes a phrase has, or a little more, on average (1.8 and 15
/// in the built-in data): room enough that a set built from a list of
/// known length is not copied as it grows.
const WORDS_PER_PHRASE: usize = 2;
const BYTES_PER_PHRASE: usize = 16;

/// Phrases that begin with the same word: the taxonomy's 1,041 phrases
/// begin with some 600 words, so an index with room for half as many keys
/// as phrases is not rebuilt as it grows, nor twice the memory it needs.
const PHRASES_PER_FIRST_WORD: usize = 2;

impl<T> PhraseSet<T> {
    /// An empty set with room for `phrases` phrases.
    pub fn with_capacity(phrases: usize) -> Self {
        PhraseSet {
            phrases: Vec::with_capacity(phrases),
            words: Vec::with_capacity(phrases * WORDS_PER_PHRASE),
            sources: String::with_capacity(phrases * BYTES_PER_PHRASE),
            by_word: FxHashMap::with_capacity_and_hasher(
                phrases / PHRASES_PER_FIRST_WORD,
                Default::default(),
            ),
            by_prefix: FxHashMap::default(),
        }
    }

    /// Adds `phrase`; returns false when it has no words to match.
    pub fn insert(&mut self, phrase: &str, value: T) -> bool {
        let start = self.words.len();
        if !push_built_in_words(phrase, &mut self.words) {
            push_words(phrase, &mut self.words);
        }
        let Some(first) = self.words.get(start) else {
            return false;
        };
        let index = at(self.phrases.len());
        let (by, key) = if first.prefix {
            (&mut self.by_prefix, prefix_key(&first.text))
        } else {
            (&mut self.by_word, first.key)
        };
        match by.entry(key) {
            Entry::Occupied(mut chain) => {
                let last = std::mem::replace(&mut chain.get_mut().last, index);
                self.phrases[last as usize].next = Some(index);
            }
            Entry::Vacant(chain) => {
                chain.insert(Chain {
                    first: index,
                    last: index,
                });
            }
        }
        let from = self.sources.len();
        self.sources.push_str(phrase.trim());
        self.phrases.push(Phrase {
            words: [at(start), at(self.words.len())],
            source: [at(from), at(self.sources.len())],
            next: None,
            value,
        });
        true
    }

    /// The phrases indexed under one key, in the order inserted.
    fn chain(&self, chain: Option<&Chain>) -> impl Iterator<Item = &Phrase<T>> {
        std::iter::successors(chain.map(|c| &self.phrases[c.first as usize]), |p| {
            p.next.map(|n| &self.phrases[n as usize])
        })
    }

    /// Every match in `toks`, in order of start position then phrase length (longest first).
    pub fn find_all<'a>(&'a self, toks: &[Token]) -> Vec<Match<'a, T>> {
        let mut out = Vec::new();
        for (i, tok) in toks.iter().enumerate() {
            let exact = self.chain(self.by_word.get(&tok.key));
            // Most sets have no prefix patterns: skip that lookup for them.
            let prefixed = if self.by_prefix.is_empty() {
                None
            } else {
                self.by_prefix.get(&tok.prefix_key)
            };
            for phrase in exact.chain(self.chain(prefixed)) {
                let words = &self.words[range(phrase.words)];
                let n = words.len();
                if i + n <= toks.len()
                    && words.iter().zip(&toks[i..i + n]).all(|(w, t)| w.matches(t))
                {
                    out.push(Match {
                        start: i,
                        len: n,
                        phrase: &self.sources[range(phrase.source)],
                        value: &phrase.value,
                    });
                }
            }
        }
        out.sort_by(|a, b| a.start.cmp(&b.start).then(b.len.cmp(&a.len)));
        out
    }

    /// Matches with overlaps removed: at each position the longest phrase wins.
    pub fn find_longest<'a>(&'a self, toks: &[Token]) -> Vec<Match<'a, T>> {
        let mut out: Vec<Match<'a, T>> = Vec::new();
        let mut covered = 0;
        for m in self.find_all(toks) {
            if m.start >= covered {
                covered = m.start + m.len;
                out.push(m);
            } else if let Some(last) = out.last_mut() {
                // A longer phrase that starts inside the previous one replaces
                // it only if it reaches further and starts at the same word.
                if m.start == last.start && m.len > last.len {
                    covered = m.start + m.len;
                    *last = m;
                }
            }
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::text::tokens;

    fn set(phrases: &[&str]) -> PhraseSet<usize> {
        let mut s = PhraseSet::default();
        for (i, p) in phrases.iter().enumerate() {
            s.insert(p, i);
        }
        s
    }

    fn found(s: &PhraseSet<usize>, text: &str) -> Vec<String> {
        s.find_longest(&tokens(text))
            .iter()
            .map(|m| m.phrase.to_string())
            .collect()
    }

    #[test]
    fn whole_words_longest_first() {
        let s = set(&["south china sea", "china", "sea"]);
        assert_eq!(
            found(&s, "In the South China Sea, China"),
            ["south china sea", "china"]
        );
        assert!(found(&s, "Chinatown seas").is_empty());
    }

    #[test]
    fn prefixes_and_exact_case() {
        let s = set(&["cyber*", "US", "AI"]);
        assert_eq!(found(&s, "cyberattacks on us by the US"), ["cyber*", "US"]);
        assert_eq!(found(&s, "said AI, not ai"), ["AI"]);
        // Any word of a phrase may be a prefix, the first one too.
        let s = set(&["manag* the competition"]);
        assert_eq!(
            found(&s, "managing the competition, managed the competition"),
            ["manag* the competition", "manag* the competition"]
        );
        assert!(found(&s, "manage competition").is_empty());
    }
}
