//! The words of every phrase of the built-in data, split at build time:
//! build.rs runs `phrase_words` (the same file, included) on each string of
//! `src/data/*.yaml`. Every command starts by building the phrase sets of
//! the taxonomy and the cue lexicon, some 2,000 phrases; copying their
//! words from this table costs a fraction of splitting them again.

use std::sync::OnceLock;

use compact_str::CompactString;

use super::phrase_words::Word;
use super::text::word_key;

/// A built-in phrase: its text, a range of `TEXT`, and its words, a range
/// of `WORDS`.
struct TablePhrase {
    text: [u32; 2],
    words: [u32; 2],
}

/// A word as `phrase_words` splits it, its text a range of `TEXT`.
struct TableWord {
    text: [u32; 2],
    key: u64,
    prefix: bool,
    exact_case: bool,
}

include!(concat!(env!("OUT_DIR"), "/phrase_table.rs"));

/// Appends the words of `phrase` to `out` if it is a phrase of the built-in
/// data; false, with nothing appended, otherwise.
pub(crate) fn push_built_in_words(phrase: &str, out: &mut Vec<Word>) -> bool {
    let Some(entry) = find(phrase) else {
        return false;
    };
    out.extend(WORDS[range(entry.words)].iter().map(|w| Word {
        text: CompactString::from(&TEXT[range(w.text)]),
        key: w.key,
        prefix: w.prefix,
        exact_case: w.exact_case,
    }));
    true
}

/// The table's entry for `phrase`, found by `word_key` of the phrase.
fn find(phrase: &str) -> Option<&'static TablePhrase> {
    // The keys are the build machine's: where words hash otherwise (a
    // target of another word width), the table is not used.
    static SAME_HASH: OnceLock<bool> = OnceLock::new();
    if !*SAME_HASH.get_or_init(|| word_key(HASH_PROBE) == HASH_PROBE_KEY) {
        return None;
    }
    let mask = SLOTS.len() - 1;
    let mut at = word_key(phrase) as usize & mask;
    loop {
        let entry = PHRASES.get(usize::from(SLOTS[at]).checked_sub(1)?)?;
        if &TEXT[range(entry.text)] == phrase {
            return Some(entry);
        }
        at = (at + 1) & mask;
    }
}

/// A range of the table, kept as two `u32`: half the size, and the table
/// is read at every start.
fn range([from, to]: [u32; 2]) -> std::ops::Range<usize> {
    from as usize..to as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::phrase_words::push_words;

    fn view(words: &[Word]) -> Vec<(String, u64, bool, bool)> {
        words
            .iter()
            .map(|w| (w.text.to_string(), w.key, w.prefix, w.exact_case))
            .collect()
    }

    #[test]
    fn the_table_splits_each_phrase_as_the_runtime_does() {
        assert!(PHRASES.len() > 1500, "{}", PHRASES.len());
        for entry in &PHRASES {
            let phrase = &TEXT[range(entry.text)];
            let (mut built, mut now) = (Vec::new(), Vec::new());
            assert!(push_built_in_words(phrase, &mut built), "{phrase:?}");
            push_words(phrase, &mut now);
            assert_eq!(view(&built), view(&now), "{phrase:?}");
        }
    }

    #[test]
    fn the_built_in_phrases_are_in_the_table() {
        let taxonomy = crate::normalize::taxonomy::Taxonomy::built_in();
        let written = taxonomy
            .topics
            .iter()
            .flat_map(|t| t.keywords.iter().chain(&t.aliases).chain([&t.label]))
            .chain(&taxonomy.offices)
            .chain(&taxonomy.everywhere);
        for phrase in written {
            assert!(find(phrase).is_some(), "{phrase:?}");
        }
    }

    #[test]
    fn other_phrases_are_not() {
        for phrase in [
            "",
            "Narnia",
            "taiwan ",
            "TAIWAN",
            "a phrase of no data file",
        ] {
            assert!(!push_built_in_words(phrase, &mut Vec::new()), "{phrase:?}");
        }
    }
}
