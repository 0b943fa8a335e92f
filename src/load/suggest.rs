//! "Did you mean ...?" for misspelt keys and names.

/// The candidate closest to `word` by Jaro–Winkler, if it is close enough to
/// be a plausible typo (shared prefix, transposed or missing letters).
pub fn did_you_mean<'a, S: AsRef<str>>(word: &str, candidates: &'a [S]) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .iter()
        .map(|c| {
            (
                strsim::jaro_winkler(&word, &c.as_ref().to_lowercase()),
                c.as_ref(),
            )
        })
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = [
            "readout",
            "meeting",
            "source",
            "participants",
            "claims",
            "statement",
        ];
        assert_eq!(did_you_mean("claim", &keys), Some("claims"));
        assert_eq!(did_you_mean("sourse", &keys), Some("source"));
        assert_eq!(did_you_mean("Statment", &keys), Some("statement"));
        assert_eq!(did_you_mean("zebra", &keys), None);
    }
}
