//! Whole-word phrase matching over tokens, shared by topics, cues and parties.
//! Indexed by first word so that tagging costs about one hash lookup per word.

use compact_str::CompactString;

use super::fasthash::FxHashMap;
use super::text::{Token, tokens, word_key, word_prefix};

#[derive(Debug, Clone)]
struct Word {
    text: CompactString,
    /// `word_key` of the word lowercased, as a token's `key` is: compared
    /// before the text, and the phrase's index key when it comes first.
    key: u64,
    /// `cyber*`: any word starting with `cyber`.
    prefix: bool,
    /// Written with no lowercase letters ("US", "PLA"): match that capitalisation only.
    exact_case: bool,
}

impl Word {
    fn matches(&self, t: &Token) -> bool {
        if self.exact_case {
            return if self.prefix {
                t.orig.starts_with(self.text.as_str())
            } else {
                t.orig == self.text
            };
        }
        if self.prefix {
            t.norm.starts_with(self.text.as_str())
        } else {
            // The hashes differ for nearly every other word: no string compared.
            t.key == self.key && t.norm == self.text
        }
    }
}

#[derive(Debug, Clone)]
struct Phrase<T> {
    words: Vec<Word>,
    source: String,
    value: T,
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
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    phrases: Vec<Phrase<T>>,
    /// `word_key` of the first word (lowercased, exact) → phrase indexes.
    by_word: FxHashMap<u64, Vec<usize>>,
    /// First word is a prefix pattern: `word_key` of its first three
    /// letters → phrase indexes.
    by_prefix: FxHashMap<u64, Vec<usize>>,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            phrases: Vec::new(),
            by_word: FxHashMap::default(),
            by_prefix: FxHashMap::default(),
        }
    }
}

/// The `by_prefix` key of a phrase's first (wildcard) word, as a token's
/// `prefix_key` is made: the prefix of the lowercased word.
fn prefix_key(s: &str) -> u64 {
    word_key(word_prefix(&s.to_lowercase()))
}

impl<T> PhraseSet<T> {
    /// Adds `phrase`; returns false when it has no words to match.
    pub fn insert(&mut self, phrase: &str, value: T) -> bool {
        let words = plain_words(phrase).unwrap_or_else(|| written_words(phrase));
        if words.is_empty() {
            return false;
        }
        let index = self.phrases.len();
        let first = &words[0];
        if first.prefix {
            self.by_prefix
                .entry(prefix_key(&first.text))
                .or_default()
                .push(index);
        } else {
            self.by_word.entry(first.key).or_default().push(index);
        }
        self.phrases.push(Phrase {
            words,
            source: phrase.trim().to_string(),
            value,
        });
        true
    }

    /// Every match in `toks`, in order of start position then phrase length (longest first).
    pub fn find_all<'a>(&'a self, toks: &[Token]) -> Vec<Match<'a, T>> {
        let mut out = Vec::new();
        for (i, tok) in toks.iter().enumerate() {
            let exact = self.by_word.get(&tok.key).into_iter().flatten();
            // Most sets have no prefix patterns: skip that lookup for them.
            let prefixed = if self.by_prefix.is_empty() {
                None
            } else {
                self.by_prefix.get(&tok.prefix_key)
            };
            let prefixed = prefixed.into_iter().flatten();
            for &p in exact.chain(prefixed) {
                let phrase = &self.phrases[p];
                let n = phrase.words.len();
                if i + n <= toks.len()
                    && phrase
                        .words
                        .iter()
                        .zip(&toks[i..i + n])
                        .all(|(w, t)| w.matches(t))
                {
                    out.push(Match {
                        start: i,
                        len: n,
                        phrase: &phrase.source,
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

/// A phrase's words as the tokenizer splits them, with its wildcards and
/// its capitalisation rule.
fn written_words(phrase: &str) -> Vec<Word> {
    let exact_case =
        phrase.chars().any(char::is_alphabetic) && !phrase.chars().any(char::is_lowercase);
    // A word ending in `*` matches any word that starts with it
    // ("manag* the competition" finds "managing the competition").
    let word = |t: Token| Word {
        key: t.key,
        text: if exact_case { t.orig } else { t.norm },
        prefix: false,
        exact_case,
    };
    let body = phrase.trim_end().trim_end_matches('*');
    let mut words: Vec<Word> = tokens(body).into_iter().map(word).collect();
    if body.contains('*') {
        // A star inside the phrase: mark each starred word's last token.
        let mut at = 0;
        for written in phrase.split_whitespace() {
            at += tokens(written.trim_end_matches('*')).len();
            if written.ends_with('*')
                && let Some(w) = at.checked_sub(1).and_then(|i| words.get_mut(i))
            {
                w.prefix = true;
            }
        }
    } else if let Some(last) = words.last_mut() {
        last.prefix = body.len() < phrase.trim_end().len();
    }
    words
}

/// The words of a phrase written plainly, in lowercase ASCII letters and
/// digits with at most a closing `*` per word ("climate", "manag* the
/// competition"): split without the tokenizer, which most of the thousand
/// keywords compiled at start-up do not need. `None` for anything else.
fn plain_words(phrase: &str) -> Option<Vec<Word>> {
    phrase
        .split_whitespace()
        .map(|written| {
            let text = written.strip_suffix('*').unwrap_or(written);
            let plain = !text.is_empty()
                && text
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
            plain.then(|| Word {
                key: word_key(text),
                text: CompactString::from(text),
                prefix: text.len() < written.len(),
                exact_case: false,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn plain_phrases_split_as_the_tokenizer_splits_them() {
        let view = |w: &[Word]| -> Vec<(String, u64, bool, bool)> {
            w.iter()
                .map(|w| (w.text.to_string(), w.key, w.prefix, w.exact_case))
                .collect()
        };
        let taxonomy = crate::normalize::taxonomy::Taxonomy::built_in();
        let mut plain = 0;
        let samples = [
            "manag* the competition",
            "cyber*",
            "cop28",
            "2024",
            "  two  words ",
        ];
        let written = taxonomy
            .topics
            .iter()
            .flat_map(|t| t.keywords.iter().chain(&t.aliases).chain([&t.label]))
            .map(String::as_str)
            .chain(samples);
        for phrase in written {
            if let Some(words) = plain_words(phrase) {
                plain += 1;
                assert_eq!(view(&words), view(&written_words(phrase)), "{phrase}");
            }
        }
        // Most keywords take the short way; the rest are not plain.
        assert!(plain > 500, "{plain}");
        for other in ["U.S.", "mil-mil", "China's", "a**", "*", "Trade, tariffs"] {
            assert!(plain_words(other).is_none(), "{other}");
        }
    }
}
