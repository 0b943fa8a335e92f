//! The built-in agendas (`src/data/agendas.yaml`): one per meeting type,
//! each derived from the corpus (see `derive`).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::Agenda;

const BUILT_IN: &str = include_str!("../data/agendas.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgendaFile {
    agendas: BTreeMap<String, Definition>,
}

/// A built-in agenda and the rule it was derived by.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// What meetings it is for.
    pub about: String,
    /// A pair of the corpus is of this type when either account's
    /// `source.issuer` is one of these.
    pub issuers: Vec<String>,
    /// A topic raised in at least one pair in `one_in` is on the agenda.
    pub one_in: usize,
    /// The derived topics, in taxonomy order.
    pub topics: Vec<String>,
}

/// Every built-in agenda by name.
pub fn all() -> &'static BTreeMap<String, Definition> {
    static FILE: OnceLock<AgendaFile> = OnceLock::new();
    &FILE
        .get_or_init(|| crate::load::yaml::built_in("agendas", BUILT_IN))
        .agendas
}

/// The names of the built-in agendas, sorted.
pub fn names() -> Vec<&'static str> {
    all().keys().map(String::as_str).collect()
}

/// The built-in agenda called `name`.
pub fn get(name: &str) -> Option<Agenda> {
    all().get(name).map(|d| Agenda {
        name: name.to_string(),
        topics: d.topics.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Taxonomy;

    #[test]
    fn every_built_in_agenda_names_topics_of_the_built_in_taxonomy() {
        let taxonomy = Taxonomy::built_in();
        assert!(!all().is_empty());
        for (name, d) in all() {
            assert!(d.one_in >= 1, "{name}");
            for id in &d.topics {
                assert!(taxonomy.get(id).is_some(), "{name}: unknown topic `{id}`");
            }
        }
    }
}
