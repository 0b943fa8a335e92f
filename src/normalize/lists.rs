//! One sentence that lists several subjects becomes one claim per subject.

use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListFile {
    introducers: Vec<String>,
}

fn introducers() -> &'static [String] {
    static LIST: OnceLock<Vec<String>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut file: ListFile =
            crate::load::yaml::built_in("list introducers", include_str!("../data/lists.yaml"));
        // Longest first, so "also discussed" wins over "discussed".
        file.introducers.sort_by_key(|s| std::cmp::Reverse(s.len()));
        file.introducers
    })
}

/// The fewest items that make a list: two could be one subject ("peace and stability").
const MIN_ITEMS: usize = 3;

/// Splits a sentence such as "The two sides discussed A, B, C and other issues."
/// into "The two sides discussed A.", "The two sides discussed B.", ...; any
/// other sentence comes back whole.
pub fn split_list(sentence: &str) -> Vec<String> {
    let lower = sentence.to_lowercase();
    let Some((start, end)) = introducers().iter().find_map(|intro| {
        let at = find_word(&lower, intro)?;
        Some((at, at + intro.len()))
    }) else {
        return vec![sentence.to_string()];
    };
    let prefix = sentence[..end].trim_end();
    let body = sentence[end..].trim().trim_end_matches(['.', ';']);
    if start == 0 || body.contains(['"', '\u{201C}', '(']) {
        return vec![sentence.to_string()];
    }
    let mut items: Vec<&str> = body.split(", ").map(str::trim).collect();
    if let Some(last) = items.pop() {
        // "C and other issues" is two items; "and" elsewhere joins one subject.
        let last = last.strip_prefix("and ").unwrap_or(last);
        match last.split_once(" and ") {
            Some((a, b)) if items.len() >= MIN_ITEMS - 2 => {
                items.push(a);
                items.push(b);
            }
            _ => items.push(last),
        }
    }
    let items: Vec<&str> = items
        .into_iter()
        .map(|i| i.trim_start_matches("and ").trim())
        .filter(|i| !i.is_empty())
        .collect();
    if items.len() < MIN_ITEMS {
        return vec![sentence.to_string()];
    }
    items
        .iter()
        .map(|item| format!("{prefix} {item}."))
        .collect()
}

/// Byte offset of `word` in `text` at word boundaries.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let at = from + i;
        let before = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = text[at + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_subjects_becomes_one_claim_each() {
        let s = "The two sides also discussed the situation in the Asia-Pacific region, Ukraine, the Korean Peninsula and other international and regional issues.";
        assert_eq!(
            split_list(s),
            [
                "The two sides also discussed the situation in the Asia-Pacific region.",
                "The two sides also discussed Ukraine.",
                "The two sides also discussed the Korean Peninsula.",
                "The two sides also discussed other international and regional issues.",
            ]
        );
    }

    #[test]
    fn other_sentences_stay_whole() {
        for s in [
            "The two sides discussed peace and stability.",
            "Austin discussed Taiwan, Ukraine.",
            "They said \"we discussed a, b, c\".",
            "Discussed matters were many, varied, and long.",
        ] {
            assert_eq!(split_list(s), [s]);
        }
    }
}
