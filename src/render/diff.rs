//! Word-level differences between two paired claims, with `similar`.

use similar::{ChangeTag, TextDiff};

/// One run of words: kept, only in the left claim, or only in the right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chunk {
    Same(String),
    Left(String),
    Right(String),
}

/// Claims longer than this together (in bytes) are not word-diffed: the diff
/// takes time proportional to length times differences, which on megabyte
/// claims runs to minutes. Real claims are a few hundred bytes.
pub const MAX_DIFF_BYTES: usize = 32 * 1024;

/// The word diff of `left` against `right`, adjacent words of a kind merged.
/// Past [`MAX_DIFF_BYTES`] the diff is coarse: all of `left` out, all of `right` in.
pub fn words(left: &str, right: &str) -> Vec<Chunk> {
    if left.len() + right.len() > MAX_DIFF_BYTES {
        return vec![
            Chunk::Left(left.to_string()),
            Chunk::Right(right.to_string()),
        ];
    }
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
    fn long_claims_get_a_coarse_diff() {
        let (a, b) = ("a ".repeat(MAX_DIFF_BYTES), "b ".repeat(MAX_DIFF_BYTES));
        assert_eq!(
            words(&a, &b),
            [Chunk::Left(a.clone()), Chunk::Right(b.clone())]
        );
    }

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
