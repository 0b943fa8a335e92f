//! The cue lexicon's own checks: it compiles, its cue terms are the
//! stems of its cue words, and the overrides name its kinds.

use super::*;

#[test]
fn lexicon_compiles_and_canonicalises_sides() {
    let c = Cues::get();
    assert!(c.kind("concern").is_some());
    assert_eq!(c.canonical_party("U.S."), "United States");
    assert_eq!(c.canonical_party("PRC"), "China");
    assert_eq!(c.canonical_party("Narnia"), "Narnia");
}

#[test]
fn cue_terms_are_the_stems_of_cue_words() {
    let stem = crate::normalize::text::stem;
    // Every stem of a cue word, and no other word, is a cue term.
    let words: Vec<&str> = Cues::get()
        .cue_words
        .iter()
        .flat_map(|c| c.trim_end_matches('*').split(' '))
        .filter(|w| w.len() > 3)
        .collect();
    for w in &words {
        assert!(Cues::is_cue_term(&stem(w)), "{w}");
    }
    for other in ["taiwan", "fentanyl", "y", "", "polic", "policy"] {
        let is_stem = words.iter().any(|w| stem(w) == other);
        assert_eq!(Cues::is_cue_term(other), is_stem, "{other:?}");
    }
    assert!(Cues::is_cue_term("concern"));
}

#[test]
fn override_names_include_kinds() {
    let names = override_names();
    assert!(names.iter().any(|n| n == "concern"));
    assert_eq!(override_polarity("welcome"), Some(Polarity::Positive));
}
