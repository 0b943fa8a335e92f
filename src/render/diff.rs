//! Word-level differences between two paired claims, with `similar`.

use similar::{ChangeTag, TextDiff};

/// One run of words: kept, only in the left claim, or only in the right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chunk {
    Same(String),
    Left(String),
    Right(String),
}

/// The word diff of `left` against `right`, adjacent words of a kind merged.
pub fn words(left: &str, right: &str) -> Vec<Chunk> {
    let diff = TextDiff::from_words(left, right);
    let mut out: Vec<Chunk> = Vec::new();
    for change in diff.iter_all_changes() {
        let s = change.value();
        let merged = match (out.last_mut(), change.tag()) {
            (Some(Chunk::Same(t)), ChangeTag::Equal)
            | (Some(Chunk::Left(t)), ChangeTag::Delete)
            | (Some(Chunk::Right(t)), ChangeTag::Insert) => {
                t.push_str(s);
                true
            }
            _ => false,
        };
        if !merged {
            out.push(match change.tag() {
                ChangeTag::Equal => Chunk::Same(s.to_string()),
                ChangeTag::Delete => Chunk::Left(s.to_string()),
                ChangeTag::Insert => Chunk::Right(s.to_string()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_changed_words() {
        let d = words("Austin raised concerns", "Dong raised objections");
        assert_eq!(
            d,
            [
                Chunk::Left("Austin".into()),
                Chunk::Right("Dong".into()),
                Chunk::Same(" raised ".into()),
                Chunk::Left("concerns".into()),
                Chunk::Right("objections".into()),
            ]
        );
    }
}
