//! Agenda: the topics a meeting is expected to cover, from a file or built
//! in for a meeting type, and which of them neither account mentions
//! (`compare --agenda`). Silence on both sides is itself a finding.

pub mod builtin;
pub mod derive;

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::Serialize;
use serde_saphyr::Spanned;

use crate::error::{Error, InputError};
use crate::load::suggest::did_you_mean;
use crate::load::{Limits, read_text, yaml};
use crate::model::Readout;
use crate::normalize::taxonomy::Taxonomy;
use crate::normalize::{TopicSource, normalize};
use crate::nway::NwayReport;
use crate::report::Report;

/// An agenda: topic ids of the taxonomy in force, in the agenda's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agenda {
    /// The built-in agenda's name, or the file it was read from.
    pub name: String,
    pub topics: Vec<String>,
}

/// What `--agenda` adds to the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AgendaReport {
    /// The built-in agenda's name ("us-china-defense") or the file given.
    pub name: String,
    /// The agenda's topic ids, in its order.
    pub topics: Vec<String>,
    /// Agenda topics that no account mentions (neither, of two): no claim
    /// is filed under them or names them, in the agenda's order.
    pub not_mentioned: Vec<AgendaTopic>,
}

/// A topic of the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AgendaTopic {
    pub topic: String,
    pub label: String,
}

impl Agenda {
    /// The agenda `--agenda VALUE` names: the file at VALUE when there is
    /// one, else the built-in agenda of that name.
    pub fn resolve(value: &str, taxonomy: &Taxonomy, limits: &Limits) -> Result<Agenda, Error> {
        if std::path::Path::new(value).is_file() {
            return Agenda::from_file(value, taxonomy, limits);
        }
        if let Some(a) = builtin::get(value) {
            return Ok(a);
        }
        let names = builtin::names();
        let hint = did_you_mean(value, &names)
            .map(|n| format!("did you mean `{n}`?"))
            .unwrap_or_else(|| format!("built-in agendas: {}", names.join(", ")));
        Err(Error::Usage(format!(
            "--agenda {value}: no such file, and no built-in agenda of that name; {hint}"
        )))
    }

    /// An agenda file: a YAML list of topic ids. An id the taxonomy lacks is
    /// an error at its line and column, with the closest id as a hint.
    pub fn from_file(path: &str, taxonomy: &Taxonomy, limits: &Limits) -> Result<Agenda, Error> {
        let text = read_text(path, limits)?;
        let ids: Vec<Spanned<String>> = yaml::parse(path, &text, limits.yaml)?;
        if ids.is_empty() {
            return Err(Error::input(
                path,
                0,
                0,
                "the agenda lists no topics: expected a YAML list of topic ids",
            ));
        }
        let mut topics = Vec::with_capacity(ids.len());
        for id in ids {
            let want = id.value.trim();
            if taxonomy.get(want).is_none() {
                let loc = id.referenced;
                return Err(Error::Input(Box::new(InputError {
                    path: path.to_string(),
                    line: loc.line(),
                    column: loc.column(),
                    message: format!("unknown topic `{want}`"),
                    hint: Some(hint(want, taxonomy)),
                    excerpt: crate::load::excerpt(&text, loc.line()),
                })));
            }
            if !topics.iter().any(|t| t == want) {
                topics.push(want.to_string());
            }
        }
        Ok(Agenda {
            name: path.to_string(),
            topics,
        })
    }
}

/// "did you mean `taiwan`?" for a misspelt id, a label or an alias; else
/// where the ids are listed.
fn hint(name: &str, taxonomy: &Taxonomy) -> String {
    let ids: Vec<&str> = taxonomy.topics.iter().map(|t| t.id.as_str()).collect();
    did_you_mean(name, &ids)
        .or_else(|| {
            taxonomy
                .resolve(name)
                .map(|i| taxonomy.topics[i].id.as_str())
        })
        .map(|id| format!("did you mean `{id}`?"))
        .unwrap_or_else(|| "`readout topics` lists the topic ids".to_string())
}

/// Adds the agenda to `report`: the agenda topics that no claim of
/// `readouts` is filed under or names among its topics.
pub fn apply(report: &mut Report, agenda: &Agenda, readouts: &[&Readout], taxonomy: &Taxonomy) {
    let filed = report.topics.iter().map(|t| t.topic.as_str());
    report.agenda = Some(not_mentioned(agenda, filed, readouts, taxonomy));
}

/// [`apply`] for three or more accounts: the agenda topics no account mentions.
pub fn apply_n(
    report: &mut NwayReport,
    agenda: &Agenda,
    readouts: &[&Readout],
    taxonomy: &Taxonomy,
) {
    let filed = report.topics.iter().map(|t| t.topic.as_str());
    report.agenda = Some(not_mentioned(agenda, filed, readouts, taxonomy));
}

/// The agenda's topics that are neither `filed` (a report's topics) nor
/// named by any claim of `readouts`. A report keeps only each claim's
/// filing, so the readouts are normalized again for the topics a claim
/// names besides.
fn not_mentioned<'a>(
    agenda: &Agenda,
    filed: impl Iterator<Item = &'a str>,
    readouts: &[&Readout],
    taxonomy: &Taxonomy,
) -> AgendaReport {
    let mut mentioned: HashSet<String> = filed.map(str::to_string).collect();
    for r in readouts {
        for c in normalize(r, taxonomy).claims {
            for tag in c.topic.iter().chain(&c.alternatives) {
                if tag.source != TopicSource::Context {
                    mentioned.insert(tag.id.clone());
                }
            }
        }
    }
    let not_mentioned = agenda
        .topics
        .iter()
        .filter(|id| !mentioned.contains(*id))
        .map(|id| AgendaTopic {
            topic: id.clone(),
            label: taxonomy
                .get(id)
                .map_or_else(|| id.clone(), |t| t.label.clone()),
        })
        .collect();
    AgendaReport {
        name: agenda.name.clone(),
        topics: agenda.topics.clone(),
        not_mentioned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_str;

    #[test]
    fn topics_no_claim_names_are_not_mentioned() {
        let limits = Limits::default();
        let us = load_str(
            "us.yaml",
            "source: {side: United States}\nclaims:\n  - {id: us-1, text: Austin raised concerns about activity around the Taiwan Strait.}\n",
            &limits,
        )
        .expect("valid");
        let cn = load_str(
            "cn.yaml",
            "source: {side: China}\nclaims:\n  - {id: cn-1, text: Dong said the South China Sea is calm.}\n",
            &limits,
        )
        .expect("valid");
        let taxonomy = Taxonomy::built_in();
        let mut report = crate::compare(&us, &cn, &taxonomy);
        let agenda = Agenda {
            name: "test".into(),
            topics: vec!["taiwan".into(), "south-china-sea".into(), "nuclear".into()],
        };
        apply(&mut report, &agenda, &[&us, &cn], &taxonomy);
        let a = report.agenda.expect("applied");
        let ids: Vec<&str> = a.not_mentioned.iter().map(|t| t.topic.as_str()).collect();
        assert_eq!(ids, ["nuclear"]);
    }
}
