//! Fuzz target: arbitrary bytes as a readout file, through load → normalize →
//! compare (against itself and against a fixed valid readout) → every renderer.
//! Any panic, hang or runaway allocation is a bug; errors are fine.

#![no_main]

use libfuzzer_sys::fuzz_target;
use readout::load::{self, Limits};
use readout::render::{self, Format};
use readout::{Taxonomy, compare};

/// A small valid readout to compare the fuzzed one against.
const OTHER: &str = "source: {side: China}\nclaims:\n  - {id: cn-1, text: China firmly opposes U.S. arms sales to Taiwan.}\n  - {id: cn-2, text: Both sides agreed to maintain military communication.}\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let limits = Limits::default();
    let Ok(readout) = load::load_str("fuzz.yaml", text, &limits) else {
        return;
    };
    let other = load::load_str("other.yaml", OTHER, &limits).expect("the fixed readout is valid");
    let taxonomy = Taxonomy::built_in();
    for report in [
        compare(&readout, &other, &taxonomy),
        compare(&other, &readout, &taxonomy),
        compare(&readout, &readout, &taxonomy),
    ] {
        for format in [Format::Text, Format::Json, Format::Markdown, Format::Html] {
            let mut out = Vec::new();
            render::render(&report, format, true, &render::Made::at(0), &mut out)
                .expect("rendering into memory succeeds");
        }
    }
});
