//! Deriving an agenda from a corpus: the topics raised in at least one pair
//! in `one_in` of the pairs of a meeting type. The built-in agendas are
//! this rule's output on `readouts/`, and a test holds them to it.

use crate::model::Readout;
use crate::normalize::taxonomy::Taxonomy;

use super::builtin::Definition;

/// Whether a pair of accounts is of the type `def` describes: either
/// account was issued by one of its issuers.
pub fn is_of_type(def: &Definition, pair: [&Readout; 2]) -> bool {
    pair.iter().any(|r| {
        r.source
            .issuer
            .as_deref()
            .is_some_and(|i| def.issuers.iter().any(|x| x.eq_ignore_ascii_case(i.trim())))
    })
}

/// For each topic of the taxonomy (in its order), in how many of `pairs` it
/// is raised: the comparison files a claim of either account under it.
pub fn raised(pairs: &[[&Readout; 2]], taxonomy: &Taxonomy) -> Vec<(String, usize)> {
    let mut raised = vec![0usize; taxonomy.topics.len()];
    for [left, right] in pairs {
        let report = crate::compare(left, right, taxonomy);
        for (i, t) in taxonomy.topics.iter().enumerate() {
            if report.topics.iter().any(|r| !r.adhoc && r.topic == t.id) {
                raised[i] += 1;
            }
        }
    }
    taxonomy
        .topics
        .iter()
        .map(|t| t.id.clone())
        .zip(raised)
        .collect()
}

/// The topics of the taxonomy (in its order) raised in at least one pair in
/// `one_in` of `pairs`.
pub fn derive(pairs: &[[&Readout; 2]], one_in: usize, taxonomy: &Taxonomy) -> Vec<String> {
    raised(pairs, taxonomy)
        .into_iter()
        // "At least one in three", in integers: n * 3 >= pairs.
        .filter(|(_, n)| *n > 0 && n * one_in.max(1) >= pairs.len())
        .map(|(id, _)| id)
        .collect()
}
