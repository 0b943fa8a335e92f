//! Normalize: turn a loaded readout into topic-tagged, stance-annotated
//! claims with a matching form for comparison.

pub mod cues;
pub mod phrases;
pub mod sentences;
pub mod stance;
pub mod taxonomy;
pub mod text;

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::model::Readout;
use cues::Cues;
use stance::{Speakers, Stance};
use taxonomy::{Taxonomy, simplify};

/// How a claim got its topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicSource {
    /// A keyword or alias of the taxonomy fired.
    Keyword,
    /// The analyst wrote `topic:` on the claim.
    Override,
}

/// The topic a claim was tagged with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicTag {
    /// Taxonomy id, or the simplified name of an analyst's topic the taxonomy lacks.
    pub id: String,
    pub label: String,
    pub source: TopicSource,
    /// The keyword that fired, or the analyst's topic as written.
    pub cue: String,
}

/// A claim ready for alignment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NormClaim {
    pub id: String,
    /// Position in the readout, from 0.
    pub position: usize,
    /// Display text, as written.
    pub text: String,
    /// NFKC, folded quotes and dashes, lowercase, collapsed whitespace.
    pub matching: String,
    pub speaker: Option<String>,
    pub quote: Option<String>,
    pub line: u64,
    /// None when no topic of the taxonomy is recognised.
    pub topic: Option<TopicTag>,
    pub stance: Stance,
    /// Stemmed content words, sorted and unique: what similarity compares.
    #[serde(skip)]
    pub terms: Vec<String>,
}

/// A readout after normalization.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NormReadout {
    pub readout: Readout,
    /// The side, canonical ("U.S." → "United States").
    pub side: String,
    pub claims: Vec<NormClaim>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StopwordFile {
    stopwords: Vec<String>,
}

fn stopwords() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let file: StopwordFile = crate::load::yaml::parse(
            "built-in stopwords",
            include_str!("../data/stopwords.yaml"),
            Default::default(),
        )
        .expect("the built-in stopword list is valid YAML");
        file.stopwords.into_iter().collect()
    })
}

/// Stemmed content words of `text`, sorted and unique.
pub fn terms(toks: &[text::Token]) -> Vec<String> {
    let stop = stopwords();
    let mut out: Vec<String> = toks
        .iter()
        .filter(|t| !stop.contains(&t.norm) && !t.norm.starts_with('\''))
        .map(|t| text::stem(&t.norm))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Normalizes every claim of `readout` against `taxonomy`.
pub fn normalize(readout: &Readout, taxonomy: &Taxonomy) -> NormReadout {
    let cues = Cues::get();
    let side = cues.canonical_party(&readout.source.side);
    let participants = readout
        .participants
        .iter()
        .filter_map(|p| {
            let party = cues.canonical_party(p.side.as_deref()?);
            let words: Vec<String> = text::tokens(&p.name)
                .into_iter()
                .map(|t| t.norm)
                .filter(|w| w.chars().count() > 2 && !stopwords().contains(w))
                .collect();
            Some((words, party))
        })
        .collect();
    let who = Speakers {
        own: &side,
        participants,
    };
    let claims = readout
        .claims
        .iter()
        .enumerate()
        .map(|(position, c)| {
            let toks = text::tokens(&c.text);
            let topic = match &c.topic {
                Some(name) => Some(override_topic(name, taxonomy)),
                None => taxonomy.tag(&toks).map(|tag| {
                    let t = &taxonomy.topics[tag.topic];
                    TopicTag {
                        id: t.id.clone(),
                        label: t.label.clone(),
                        source: TopicSource::Keyword,
                        cue: tag.cue,
                    }
                }),
            };
            NormClaim {
                id: c.id.clone(),
                position,
                text: c.text.clone(),
                matching: text::matching_form(&c.text),
                speaker: c.speaker.clone(),
                quote: c.quote.clone(),
                line: c.line,
                topic,
                stance: stance::detect(&toks, c.speaker.as_deref(), c.stance.as_deref(), &who),
                terms: terms(&toks),
            }
        })
        .collect();
    NormReadout {
        readout: readout.clone(),
        side,
        claims,
    }
}

/// An analyst's `topic:` resolved against the taxonomy, or kept as a new topic.
fn override_topic(name: &str, taxonomy: &Taxonomy) -> TopicTag {
    match taxonomy.resolve(name) {
        Some(i) => {
            let t = &taxonomy.topics[i];
            TopicTag {
                id: t.id.clone(),
                label: t.label.clone(),
                source: TopicSource::Override,
                cue: name.to_string(),
            }
        }
        None => TopicTag {
            id: simplify(name).replace(' ', "-"),
            label: name.trim().to_string(),
            source: TopicSource::Override,
            cue: name.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Limits, load_str};

    #[test]
    fn claims_get_topic_stance_and_terms() {
        let r = load_str(
            "t",
            "source: {side: U.S.}\nclaims:\n  - text: Austin raised concerns about China's nuclear buildup.\n  - {text: Something odd., topic: S. China Sea}\n  - {text: Lunch was served.}\n",
            &Limits::default(),
        )
        .expect("loads");
        let n = normalize(&r, &Taxonomy::built_in());
        assert_eq!(n.side, "United States");
        let c = &n.claims[0];
        assert_eq!(c.topic.as_ref().map(|t| t.id.as_str()), Some("nuclear"));
        assert_eq!(c.stance.target.as_deref(), Some("China"));
        assert!(c.terms.contains(&"concern".to_string()));
        let o = n.claims[1].topic.as_ref().expect("override");
        assert_eq!(
            (o.id.as_str(), o.source),
            ("south-china-sea", TopicSource::Override)
        );
        assert_eq!(n.claims[2].topic, None);
    }
}
