//! A deterministic synthetic archive of readout files, for tests, the
//! benchmark and `examples/gen_archive.rs`: readouts alternate between the
//! two sides, two accounts a meeting, meetings two days apart from 2010.

#![allow(dead_code)] // each user (test, bench, example) calls a different part

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Deserialize)]
struct Vocabulary {
    topics: Vec<Vec<String>>,
    sides: Vec<Side>,
    stances: Vec<String>,
    negations: Vec<String>,
    tails: Vec<String>,
}

#[derive(Deserialize)]
struct Side {
    side: String,
    issuer: String,
    tag: String,
    speakers: Vec<String>,
}

/// SplitMix64: tiny, fast, and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[(self.next() % list.len() as u64) as usize]
    }
}

fn vocabulary() -> Vocabulary {
    serde_saphyr::from_str(include_str!("vocabulary.yaml")).expect("the vocabulary is valid YAML")
}

/// The civil date `days` after 2010-01-01.
fn date(days: i64) -> (i64, String) {
    // Days since 1970-01-01 to (y, m, d): Howard Hinnant's algorithm.
    let z = days + 14_610 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, format!("{y:04}-{m:02}-{d:02}"))
}

/// The `i`-th readout of the archive: its path under the archive and its text.
fn readout(v: &Vocabulary, rng: &mut Rng, i: usize, claims: usize) -> (PathBuf, String) {
    let side = &v.sides[i % 2];
    let meeting = i / 2;
    let (year, day) = date(meeting as i64 * 2);
    let mut text = format!(
        "readout: 1\nmeeting:\n  title: Meeting {meeting}\n  date: {day}\n  place: Singapore\nsource:\n  side: {}\n  issuer: {}\nclaims:\n",
        side.side, side.issuer
    );
    for j in 0..claims {
        let phrases = rng.pick(&v.topics);
        let who = rng.pick(&side.speakers);
        let neg = rng.pick(&v.negations);
        let stance = rng.pick(&v.stances);
        let verb = if neg.is_empty() {
            stance.clone()
        } else {
            format!("{neg} accept claims about")
        };
        let claim =
            format!("{who} {verb} {}{}.", rng.pick(phrases), rng.pick(&v.tails)).replace('"', "'");
        text.push_str(&format!(
            "  - id: {}-{}\n    text: \"{claim}\"\n",
            side.tag,
            j + 1
        ));
    }
    (
        PathBuf::from(year.to_string()).join(format!("{day}-{meeting}-{}.yaml", side.tag)),
        text,
    )
}

/// Writes `readouts` readouts of `claims` claims each under `dir`; returns the files.
pub fn write(
    dir: &Path,
    readouts: usize,
    claims: usize,
    seed: u64,
) -> std::io::Result<Vec<PathBuf>> {
    let v = vocabulary();
    let mut rng = Rng::new(seed);
    let mut files = Vec::with_capacity(readouts);
    for i in 0..readouts {
        let (rel, text) = readout(&v, &mut rng, i, claims);
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, text)?;
        files.push(path);
    }
    Ok(files)
}
