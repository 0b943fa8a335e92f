//! A phrase as written, split into the words it matches: its wildcards
//! and its capitalisation rule. The build script includes this file to
//! split the built-in phrases once, at build time (`phrase_table`), so
//! that both ways of splitting are one code.

use compact_str::CompactString;

use super::text::{Token, tokens, word_key};

#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub(crate) text: CompactString,
    /// `word_key` of the word lowercased, as a token's `key` is: compared
    /// before the text, and the phrase's index key when it comes first.
    pub(crate) key: u64,
    /// `cyber*`: any word starting with `cyber`.
    pub(crate) prefix: bool,
    /// Written with no lowercase letters ("US", "PLA"): match that capitalisation only.
    pub(crate) exact_case: bool,
}

impl Word {
    pub(crate) fn matches(&self, t: &Token) -> bool {
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

/// Appends the words of `phrase` to `out`.
pub(crate) fn push_words(phrase: &str, out: &mut Vec<Word>) {
    let start = out.len();
    if !push_plain_words(phrase, out) {
        out.truncate(start);
        out.extend(written_words(phrase));
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

/// Appends the words of a phrase written plainly, in lowercase ASCII
/// letters and digits with at most a closing `*` per word ("climate",
/// "manag* the competition"), split without the tokenizer, which most of
/// the thousand keywords compiled at start-up do not need. False, with
/// some words perhaps appended, for anything else.
fn push_plain_words(phrase: &str, out: &mut Vec<Word>) -> bool {
    phrase.split_ascii_whitespace().all(|written| {
        let text = written.strip_suffix('*').unwrap_or(written);
        let plain = !text.is_empty()
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        if plain {
            out.push(Word {
                key: word_key(text),
                text: CompactString::from(text),
                prefix: text.len() < written.len(),
                exact_case: false,
            });
        }
        plain
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
            let mut words = Vec::new();
            if push_plain_words(phrase, &mut words) {
                plain += 1;
                assert_eq!(view(&words), view(&written_words(phrase)), "{phrase}");
            }
        }
        // Most keywords take the short way; the rest are not plain.
        assert!(plain > 500, "{plain}");
        for other in [
            "U.S.",
            "mil-mil",
            "China's",
            "a**",
            "*",
            "Trade, tariffs",
            "two\u{a0}words",
        ] {
            assert!(!push_plain_words(other, &mut Vec::new()), "{other}");
        }
    }
}
