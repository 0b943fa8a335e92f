//! How much of the hand-encoded corpus (`readouts/`) `readout extract` finds
//! in the raw source texts: claim coverage, extra claims, speakers, and the
//! voice (whose position a claim states) that compare then sees.
//! Prints a table (`cargo test --test extract_corpus -- --nocapture`) and
//! holds floors so that a regression in splitting or attribution fails.

use std::collections::BTreeSet;

use readout::Taxonomy;
use readout::extract::{Options, extract};
use readout::load::{Limits, load_path};
use readout::normalize::{NormReadout, normalize, terms, text::tokens};

/// Corpus folder, source folder; the 2024-05-31 pair is hand-encoded from a
/// news article that tells both sides at once, not from two readouts.
const PAIRS: &[(&str, &str)] = &[
    ("2022-03-18-video-call", "biden-xi-vtc-2022-03-18"),
    ("2022-06-10-singapore", "austin-wei-singapore-2022-06-10"),
    ("2022-07-28-phone-call", "biden-xi-call-2022-07-28"),
    ("2022-11-22-siem-reap", "austin-wei-siemreap-2022-11-22"),
    ("2023-06-19-beijing", "blinken-wangyi-beijing-2023-06-19"),
    ("2023-09-17-malta", "sullivan-wangyi-malta-2023-09-17"),
    ("2023-12-21-video-call", "brown-liuzhenli-vtc-2023-12-21"),
    ("2024-04-16-video-call", "austin-dong-vtc-2024-04-16"),
    ("2025-09-09-video-call", "hegseth-dong-vtc-2025-09-09"),
];

/// Share of a hand claim's content words an extracted claim must hold to cover it.
const COVER: f64 = 0.6;

fn words(text: &str) -> BTreeSet<String> {
    terms(&tokens(text)).into_iter().collect()
}

fn covers(extracted: &BTreeSet<String>, hand: &BTreeSet<String>) -> bool {
    !hand.is_empty() && hand.intersection(extracted).count() as f64 / hand.len() as f64 >= COVER
}

fn same_speaker(a: &str, b: &str) -> bool {
    let wa: BTreeSet<String> = a.split_whitespace().map(|w| w.to_lowercase()).collect();
    b.split_whitespace()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase) && wa.contains(&w.to_lowercase()))
        || a.eq_ignore_ascii_case(b)
}

#[derive(Default)]
struct Tally {
    hand: usize,
    covered: usize,
    extracted: usize,
    matched: usize,
    hand_speakers: usize,
    speakers_agree: usize,
    /// Covered hand claims whose voice (the side whose position it states) normalize
    /// finds the same in the extracted claim.
    voices_agree: usize,
}

fn tally(hand: &NormReadout, got: &NormReadout, t: &mut Tally) {
    let (hn, gn) = (&hand.claims, &got.claims);
    let hand = &hand.readout.claims;
    let got = &got.readout.claims;
    let hw: Vec<BTreeSet<String>> = hand.iter().map(|c| words(&c.text)).collect();
    let gw: Vec<BTreeSet<String>> = got.iter().map(|c| words(&c.text)).collect();
    t.hand += hand.len();
    t.extracted += got.len();
    for (i, (h, hs)) in hand.iter().zip(&hw).enumerate() {
        let Some(k) = gw.iter().position(|g| covers(g, hs)) else {
            continue;
        };
        t.covered += 1;
        if hn[i].stance.voice == gn[k].stance.voice {
            t.voices_agree += 1;
        }
        if let Some(speaker) = &h.speaker {
            t.hand_speakers += 1;
            if got[k]
                .speaker
                .as_deref()
                .is_some_and(|s| same_speaker(s, speaker))
            {
                t.speakers_agree += 1;
            }
        }
    }
    t.matched += gw
        .iter()
        .filter(|g| hw.iter().any(|h| covers(g, h)))
        .count();
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

#[test]
fn extract_finds_the_hand_encoded_claims() {
    let limits = Limits::default();
    let taxonomy = Taxonomy::built_in();
    let mut total = Tally::default();
    println!(
        "{:<24} {:>4} {:>6} {:>7} {:>8} {:>8}",
        "pair/side", "hand", "found", "covered", "matched", "speakers"
    );
    for (corpus, source) in PAIRS {
        for (side_file, side) in [("us", "United States"), ("cn", "China")] {
            let hand = load_path(&format!("readouts/{corpus}/{side_file}.yaml"), &limits)
                .expect("corpus loads");
            let text =
                std::fs::read_to_string(format!("tests/fixtures/sources/{source}/{side_file}.txt"))
                    .expect("source");
            let opts = Options {
                side: side.into(),
                ..Options::default()
            };
            let x = extract(source, &text, &opts, &taxonomy, &limits).expect("extracts");
            let mut t = Tally::default();
            tally(&normalize(&hand, &taxonomy), &x.normalized, &mut t);
            println!(
                "{:<24} {:>4} {:>6} {:>6.0}% {:>7.0}% {:>5}/{:<3}",
                format!("{corpus}/{side_file}"),
                t.hand,
                t.extracted,
                pct(t.covered, t.hand),
                pct(t.matched, t.extracted),
                t.speakers_agree,
                t.hand_speakers
            );
            total.hand += t.hand;
            total.covered += t.covered;
            total.extracted += t.extracted;
            total.matched += t.matched;
            total.hand_speakers += t.hand_speakers;
            total.speakers_agree += t.speakers_agree;
            total.voices_agree += t.voices_agree;
        }
    }
    let coverage = pct(total.covered, total.hand);
    let matched = pct(total.matched, total.extracted);
    let speakers = pct(total.speakers_agree, total.hand_speakers);
    let voices = pct(total.voices_agree, total.covered);
    println!(
        "total: {} hand claims, {:.1}% covered; {} extracted, {:.1}% match a hand claim; speakers {}/{} = {:.1}%; voices {}/{} = {:.1}%",
        total.hand,
        coverage,
        total.extracted,
        matched,
        total.speakers_agree,
        total.hand_speakers,
        speakers,
        total.voices_agree,
        total.covered,
        voices
    );
    assert!(coverage >= 85.0, "coverage fell to {coverage:.1}%");
    assert!(matched >= 60.0, "matched fell to {matched:.1}%");
    assert!(speakers >= 60.0, "speaker agreement fell to {speakers:.1}%");
    assert!(voices >= 85.0, "voice agreement fell to {voices:.1}%");
}
