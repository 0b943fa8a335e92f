//! Words grouped by their first byte: an index of a few hundred words of
//! the built-in data (stance cue words, the stems of the words about the
//! talks), made on first use. Grouping costs a fraction of sorting them,
//! and the words that may begin, or equal, a given word are only those of
//! its first byte.

/// Words, grouped by first byte.
#[derive(Debug)]
pub struct ByInitial<'a> {
    words: Vec<&'a str>,
    /// The words beginning with byte `b` are `words[from[b]..from[b + 1]]`;
    /// the empty word, if any, comes before `from[0]`.
    from: [usize; 257],
}

impl<'a> ByInitial<'a> {
    pub fn new(words: impl IntoIterator<Item = &'a str>) -> ByInitial<'a> {
        let mut words: Vec<&str> = words.into_iter().collect();
        words.sort_unstable_by_key(|w| w.as_bytes().first().copied());
        // One pass over the grouped words: where each byte's group begins.
        let mut from = [0; 257];
        let mut at = 0;
        for (b, from) in from.iter_mut().enumerate() {
            while words
                .get(at)
                .is_some_and(|w| w.as_bytes().first().is_none_or(|&f| usize::from(f) < b))
            {
                at += 1;
            }
            *from = at;
        }
        ByInitial { words, from }
    }

    /// The words with `word`'s first byte, among them all the words `word`
    /// starts with but the empty one; for the empty word, all of them.
    pub fn like(&self, word: &str) -> &[&'a str] {
        match word.as_bytes().first() {
            Some(&b) => &self.words[self.from[usize::from(b)]..self.from[usize::from(b) + 1]],
            None => &self.words,
        }
    }

    /// Whether `word` is one of the words.
    pub fn contains(&self, word: &str) -> bool {
        let same_initial = match word.as_bytes().first() {
            Some(_) => self.like(word),
            None => &self.words[..self.from[0]],
        };
        same_initial.contains(&word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_by_their_first_byte() {
        let words = ["talk", "trad", "", "view", "talk", "ékonomi", "exchang"];
        let index = ByInitial::new(words);
        for w in ["talk", "trad", "", "view", "ékonomi", "exchang"] {
            assert!(index.contains(w), "{w:?}");
        }
        for w in ["tal", "talks", "a", "zebra", "é"] {
            assert!(!index.contains(w), "{w:?}");
        }
        let mut t = index.like("trade").to_vec();
        t.sort_unstable();
        assert_eq!(t, ["talk", "talk", "trad"]);
        assert_eq!(index.like("").len(), words.len());
        assert!(index.like("zebra").is_empty());
    }
}
