//! Eval: run compare on every readout pair that has an analyst's answer
//! (`expected.yaml`) and score the verdicts and the alignment against it.

pub mod expected;
pub mod interval;
pub mod metrics;
pub mod render;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Serialize;

use crate::classify::{Side, Verdict};
use crate::error::Error;
use crate::load::Limits;
use crate::normalize::taxonomy::Taxonomy;
use expected::Case;
use metrics::{Scores, Tally};

/// One claim whose predicted verdict is not the analyst's.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Miss {
    pub side: Side,
    pub id: String,
    pub expected: Verdict,
    pub predicted: Verdict,
    /// The analyst's group and the report topic the claim landed in.
    pub expected_topic: String,
    pub predicted_topic: String,
}

/// The score of one pair.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PairResult {
    pub pair: String,
    pub left_claims: usize,
    pub right_claims: usize,
    /// Expected topic verdicts: agreement, contradiction, divergence, omission.
    pub expected_verdicts: [usize; 4],
    pub scores: Scores,
    pub tally: Tally,
    pub misses: Vec<Miss>,
}

/// The score of a whole corpus.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct EvalReport {
    pub pairs: Vec<PairResult>,
    pub overall: Scores,
    pub tally: Tally,
    /// With `eval --interval`: how far the overall figures move when the
    /// pairs are drawn again (see [`interval`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval: Option<interval::Interval>,
}

/// The pair folders `paths` name: a folder holding an `expected.yaml` is one
/// pair; any other folder contributes its subfolders that hold one. Pairs are
/// scored in path order, each once, so `eval readouts` and
/// `eval readouts/2024-*` are both one command.
pub fn pair_dirs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut dirs = Vec::new();
    for path in paths {
        if path.join("expected.yaml").is_file() {
            dirs.push(path.clone());
            continue;
        }
        let entries =
            std::fs::read_dir(path).map_err(|e| Error::io(&path.display().to_string(), &e))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("expected.yaml").is_file())
            .collect();
        if found.is_empty() {
            return Err(Error::Io {
                path: path.display().to_string(),
                message: "no readout pair with an expected.yaml here or in its subdirectories"
                    .into(),
            });
        }
        dirs.append(&mut found);
    }
    dirs.sort();
    dirs.dedup();
    Ok(dirs)
}

/// Scores every pair folder that `paths` name (see [`pair_dirs`]), in name order.
pub fn evaluate(
    paths: &[PathBuf],
    taxonomy: &Taxonomy,
    limits: &Limits,
) -> Result<EvalReport, Error> {
    evaluate_against(paths, None, taxonomy, limits)
}

/// As [`evaluate`], but against another analyst's answers when `key` is
/// given: `key/<pair>/expected.yaml` replaces each pair's own answer, and
/// pairs that analyst has not answered are left out.
pub fn evaluate_against(
    paths: &[PathBuf],
    key: Option<&Path>,
    taxonomy: &Taxonomy,
    limits: &Limits,
) -> Result<EvalReport, Error> {
    let mut results = Vec::new();
    for d in pair_dirs(paths)? {
        let case = expected::load_case(&d, limits)?;
        let Some(case) = keyed(case, key, limits)? else {
            continue;
        };
        results.push(score(&case, taxonomy));
    }
    if let (Some(key), true) = (key, results.is_empty()) {
        return Err(no_answers(key));
    }
    Ok(EvalReport::of(results))
}

/// The case with `key`'s answer in place of its own, or none when `key`
/// has no answer for it; the case itself when there is no key.
fn keyed(mut case: Case, key: Option<&Path>, limits: &Limits) -> Result<Option<Case>, Error> {
    let Some(key) = key else {
        return Ok(Some(case));
    };
    let path = key.join(&case.name).join("expected.yaml");
    if !path.is_file() {
        return Ok(None);
    }
    case.groups = expected::load_answer(&path, &case, limits)?;
    Ok(Some(case))
}

fn no_answers(dir: &Path) -> Error {
    Error::Io {
        path: dir.display().to_string(),
        message: "no answer here for any of the pairs (expected <pair>/expected.yaml)".into(),
    }
}

/// Scores a second analyst's answers instead of the engine: for every pair
/// folder `paths` name, `answers/<pair>/expected.yaml` is read as the
/// prediction. Pairs the second analyst has not answered are left out, so
/// the figure is the two analysts' agreement on the pairs both answered.
/// With `key`, the reference is that analyst's answers instead of each
/// pair's own (see [`evaluate_against`]).
pub fn agreement(
    paths: &[PathBuf],
    answers: &Path,
    key: Option<&Path>,
    limits: &Limits,
) -> Result<EvalReport, Error> {
    let mut results = Vec::new();
    for d in pair_dirs(paths)? {
        let case = expected::load_case(&d, limits)?;
        let Some(case) = keyed(case, key, limits)? else {
            continue;
        };
        let second = answers.join(&case.name).join("expected.yaml");
        if !second.is_file() {
            continue;
        }
        let groups = expected::load_answer(&second, &case, limits)?;
        let predicted = groups
            .iter()
            .flat_map(|g| {
                let left = g.left.iter().map(move |id| ((Side::Left, id.as_str()), g));
                let right = g
                    .right
                    .iter()
                    .map(move |id| ((Side::Right, id.as_str()), g));
                left.chain(right)
            })
            .map(|(key, g)| (key, (g.topic.as_str(), g.verdict)))
            .collect();
        results.push(score_predicted(&case, &predicted));
    }
    if results.is_empty() {
        return Err(no_answers(answers));
    }
    Ok(EvalReport::of(results))
}

impl EvalReport {
    fn of(pairs: Vec<PairResult>) -> Self {
        let mut tally = Tally::default();
        for p in &pairs {
            tally.add(&p.tally);
        }
        EvalReport {
            overall: tally.scores(),
            pairs,
            tally,
            interval: None,
        }
    }
}

/// Runs compare on one case and scores it.
pub fn score(case: &Case, taxonomy: &Taxonomy) -> PairResult {
    let report = crate::compare(&case.left, &case.right, taxonomy);
    // Where each claim landed: (side, id) → (report topic, its verdict).
    let mut predicted: HashMap<(Side, &str), (&str, Verdict)> = HashMap::new();
    for t in &report.topics {
        for id in &t.left {
            predicted.insert((Side::Left, id), (&t.topic, t.verdict));
        }
        for id in &t.right {
            predicted.insert((Side::Right, id), (&t.topic, t.verdict));
        }
    }
    score_predicted(case, &predicted)
}

/// Scores one case against a prediction: where each claim landed, as
/// (side, id) → (topic, that topic's verdict).
fn score_predicted(case: &Case, predicted: &HashMap<(Side, &str), (&str, Verdict)>) -> PairResult {
    let mut tally = Tally::default();
    let mut misses = Vec::new();
    let mut expected_verdicts = [0usize; 4];
    for g in &case.groups {
        if let Some(i) = Verdict::ALL.iter().position(|v| *v == g.verdict) {
            expected_verdicts[i] += 1;
        }
        for (side, ids) in [(Side::Left, &g.left), (Side::Right, &g.right)] {
            for id in ids {
                let (topic, verdict) = predicted
                    .get(&(side, id.as_str()))
                    .copied()
                    .unwrap_or(("", Verdict::Omission));
                tally.claim(g.verdict, verdict);
                if verdict != g.verdict {
                    misses.push(Miss {
                        side,
                        id: id.clone(),
                        expected: g.verdict,
                        predicted: verdict,
                        expected_topic: g.topic.clone(),
                        predicted_topic: topic.to_string(),
                    });
                }
            }
        }
    }
    let group_of = |side: Side, id: &str| {
        case.groups.iter().position(|g| match side {
            Side::Left => g.left.iter().any(|x| x == id),
            Side::Right => g.right.iter().any(|x| x == id),
        })
    };
    for l in &case.left.claims {
        for r in &case.right.claims {
            let same_group = group_of(Side::Left, &l.id).is_some()
                && group_of(Side::Left, &l.id) == group_of(Side::Right, &r.id);
            let same_topic = predicted.get(&(Side::Left, l.id.as_str())).map(|p| p.0)
                == predicted.get(&(Side::Right, r.id.as_str())).map(|p| p.0);
            tally.pair(same_group, same_topic);
        }
    }
    PairResult {
        pair: case.name.clone(),
        left_claims: case.left.claims.len(),
        right_claims: case.right.claims.len(),
        expected_verdicts,
        scores: tally.scores(),
        tally,
        misses,
    }
}
