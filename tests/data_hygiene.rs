//! The topic and cue data hold reading rules, not sentences: a phrase of
//! three or more words that occurs in exactly one claim of the corpus was
//! lifted from that claim (unless it is a proper name, listed under `names:`
//! in topics.yaml), and a wildcard must not reach words it does not mean.

use std::collections::BTreeSet;
use std::path::Path;

use readout::Taxonomy;
use readout::load::yaml::{YamlLimits, parse};
use readout::load::{Limits, load_str};
use readout::normalize::cues::Polarity;
use readout::normalize::normalize;
use readout::normalize::phrases::PhraseSet;
use readout::normalize::text::tokens;
use serde_json::Value;

fn data(name: &str) -> Value {
    let path = format!("src/data/{name}");
    let text = std::fs::read_to_string(&path).expect("data file");
    parse(&path, &text, YamlLimits::default()).expect("data file parses")
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Every phrase of the stance cues and the topic keywords, with where it is.
fn phrases() -> Vec<(String, String)> {
    let cues = data("cues.yaml");
    let mut out = Vec::new();
    for (kind, k) in cues["stances"].as_object().expect("stances") {
        for c in strings(&k["cues"]) {
            out.push((format!("cue `{kind}`"), c));
        }
    }
    for list in [
        "denials",
        "disowning",
        "no_one",
        "assurances",
        "other_senses",
        "announcements",
        "speech_verbs",
        "joint_voices",
        "beneficiaries",
        "rights",
        "self_defence",
        "harm_to_civilians",
        "talks_manner",
        "stated_policy",
    ] {
        for c in strings(&cues[list]) {
            out.push((list.to_string(), c));
        }
    }
    // Words of harm, whose object a criticism defends.
    for c in strings(&data("harm.yaml")["verbs"]) {
        out.push(("harm `verbs`".to_string(), c));
    }
    // The intensity scale's own words: cues it levels and words of retaliation.
    let intensity = data("intensity.yaml");
    for list in ["cues", "measures"] {
        for phrase in intensity[list].as_object().expect(list).keys() {
            out.push((format!("intensity `{list}`"), phrase.clone()));
        }
    }
    // The phrases that speak of many areas at once, which move a claim.
    for c in strings(&data("topics.yaml")["many_areas"]) {
        out.push(("topics `many_areas`".to_string(), c));
    }
    for t in data("topics.yaml")["topics"].as_array().expect("topics") {
        let id = t["id"].as_str().unwrap_or_default();
        for k in strings(&t["keywords"]) {
            out.push((format!("topic `{id}`"), k));
        }
    }
    out
}

/// The text of every claim of every readout in the corpus.
fn corpus_claims() -> Vec<String> {
    let mut claims = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir("readouts")
        .expect("readouts/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        // Every account of the meeting: the pair, and a third account where
        // there is one (not the analyst's answer).
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("a meeting folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .filter(|p| p.file_name().is_some_and(|n| n != "expected.yaml"))
            .collect();
        files.sort();
        for path in files {
            if !Path::new(&path).is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("readout");
            let r = load_str(&path.display().to_string(), &text, &Limits::default())
                .expect("corpus readout loads");
            claims.extend(r.claims.into_iter().map(|c| c.text));
        }
    }
    claims
}

#[test]
fn no_long_phrase_is_lifted_from_a_single_claim() {
    let names: BTreeSet<String> = strings(&data("topics.yaml")["names"]).into_iter().collect();
    let claims: Vec<_> = corpus_claims().iter().map(|c| tokens(c)).collect();
    assert!(claims.len() > 300, "the corpus is there");
    let mut lifted = Vec::new();
    for (place, phrase) in phrases() {
        if phrase.split_whitespace().count() < 3 || names.contains(&phrase) {
            continue;
        }
        let mut set = PhraseSet::default();
        set.insert(&phrase, ());
        let hits = claims
            .iter()
            .filter(|c| !set.find_longest(c).is_empty())
            .count();
        if hits == 1 {
            lifted.push(format!("{place}: \"{phrase}\""));
        }
    }
    assert!(
        lifted.is_empty(),
        "phrases of three or more words found in exactly one corpus claim \
         (make them a general rule, or list a proper name under `names:`):\n{}",
        lifted.join("\n")
    );
}

/// Words a wildcard may reach by accident: nouns and adjectives that share
/// a stem with a cue verb but take no position ("Central Committee",
/// "the promotion of trade", "the opposite direction", "an urgent matter").
const FALSE_FRIENDS: &[&str] = &[
    "committee",
    "committees",
    "commission",
    "commissioner",
    "promotion",
    "promotions",
    "opposite",
    "urgent",
    "urgently",
    "urgency",
    "based",
    "honorable",
    "honorary",
    "honorific",
    "supporter",
    "warner",
    "blameless",
    "restaurant",
    "resolution",
    // "Areas of disagreement" are a subject of the talks, not a stance.
    "disagreement",
    "disagreements",
];

#[test]
fn wildcards_do_not_reach_false_friends() {
    let found = reached(phrases(), FALSE_FRIENDS);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Adjectives of harm: their next word is what is criticised ("destabilizing
/// actions"), not what is harmed, so no word of harm may reach them; and
/// nouns that only look like harm ("harmony").
const HARM_FALSE_FRIENDS: &[&str] = &[
    "destabilizing",
    "destabilising",
    "threatening",
    "damaging",
    "disruptive",
    "harmony",
    "harmonious",
    "harmful",
];

#[test]
fn words_of_harm_do_not_reach_adjectives() {
    let harm: Vec<(String, String)> = strings(&data("harm.yaml")["verbs"])
        .into_iter()
        .map(|w| ("harm `verbs`".to_string(), w))
        .collect();
    assert!(harm.len() > 10, "the words of harm are there");
    // Whole words too: an explicit form must not be an adjective either.
    let mut found = reached(harm.clone(), HARM_FALSE_FRIENDS);
    for (place, phrase) in &harm {
        if HARM_FALSE_FRIENDS.contains(&phrase.as_str()) {
            found.push(format!("{place}: \"{phrase}\""));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Each phrase whose wildcard reaches one of `friends`.
fn reached(phrases: Vec<(String, String)>, friends: &[&str]) -> Vec<String> {
    let mut reached = Vec::new();
    for (place, phrase) in phrases {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let mut set = PhraseSet::default();
        set.insert(&phrase, ());
        // Each wildcard word of the phrase, in turn, replaced by the false
        // friend (the other words as written, without their stars).
        for (k, _) in words.iter().enumerate().filter(|(_, w)| w.ends_with('*')) {
            for word in friends {
                let text: Vec<&str> = words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        if i == k {
                            word
                        } else {
                            w.trim_end_matches('*')
                        }
                    })
                    .collect();
                if !set.find_longest(&tokens(&text.join(" "))).is_empty() {
                    reached.push(format!("{place}: \"{phrase}\" matches \"{word}\""));
                }
            }
        }
    }
    reached
}

fn polarity_of(side: &str, text: &str) -> Polarity {
    let yaml = format!("source: {{side: {side}}}\nclaims:\n  - text: \"{text}\"\n");
    let r = load_str("test", &yaml, &Limits::default()).expect("loads");
    normalize(&r, &Taxonomy::built_in()).claims[0]
        .stance
        .polarity
}

#[test]
fn titles_and_nouns_take_no_stance() {
    for text in [
        "Wang Yi, Member of the Political Bureau of the CPC Central Committee, met Blinken.",
        "He Lifeng, Vice Premier and member of the Political Bureau of the Committee, met Yellen.",
        "Blinken met the chairman of the Securities Regulatory Commission.",
    ] {
        assert_eq!(polarity_of("China", text), Polarity::Neutral, "{text}");
    }
    // The same stems as verbs do take a position.
    assert_eq!(
        polarity_of("China", "China is committed to stable relations."),
        Polarity::Positive
    );
    assert_eq!(
        polarity_of("China", "China opposes the sanctions."),
        Polarity::Critical
    );
}

/// A word listed as a kind of word (an event, whom a matter touches, the
/// meeting itself, who is to act, a place) changes how its topic's matches
/// are read: one that no topic has as a keyword or alias does nothing, and
/// is a slip.
#[test]
fn every_kind_of_word_is_a_keyword() {
    let topics = data("topics.yaml");
    let mut keywords: BTreeSet<String> = BTreeSet::new();
    for t in topics["topics"].as_array().expect("topics") {
        for list in ["keywords", "aliases"] {
            keywords.extend(strings(&t[list]).iter().map(|k| k.to_lowercase()));
        }
        keywords.extend(t["label"].as_str().map(str::to_lowercase));
    }
    let mut strays = Vec::new();
    for kind in ["situational", "actors", "occasions", "parties", "places"] {
        let words = strings(&topics[kind]);
        assert!(!words.is_empty(), "topics.yaml lists `{kind}`");
        for w in words {
            if !keywords.contains(&w.to_lowercase()) {
                strays.push(format!("{kind}: {w}"));
            }
        }
    }
    assert!(
        strays.is_empty(),
        "listed but no topic's keyword: {strays:?}"
    );
}
