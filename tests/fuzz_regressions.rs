//! Every input in tests/fixtures/fuzz-regressions/ goes through the fuzz
//! target's pipeline (load, compare with itself and with a fixed readout,
//! render every format) without a panic, a hang or a lost claim.

use std::sync::mpsc;
use std::time::Duration;

use readout::load::{self, Limits};
use readout::render::{self, Format};
use readout::{Taxonomy, compare};

/// The fixed readout the fuzz target compares against.
const OTHER: &str = "source: {side: China}\nclaims:\n  - {id: cn-1, text: China firmly opposes U.S. arms sales to Taiwan.}\n  - {id: cn-2, text: Both sides agreed to maintain military communication.}\n";

/// Far beyond what any of these inputs needs now; only a return of the
/// runaway behaviour they once caused reaches it.
const HANG: Duration = Duration::from_secs(300);

fn pipeline(name: &str, bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let limits = Limits::default();
    let Ok(readout) = load::load_str(name, text, &limits) else {
        return;
    };
    let other = load::load_str("other.yaml", OTHER, &limits).expect("the fixed readout is valid");
    let taxonomy = Taxonomy::built_in();
    for (l, r) in [(&readout, &other), (&other, &readout), (&readout, &readout)] {
        let report = compare(l, r, &taxonomy);
        let filed: usize = report.topics.iter().map(|t| t.left.len()).sum();
        assert_eq!(filed, l.claims.len(), "{name}: every claim filed");
        for format in [Format::Text, Format::Json, Format::Markdown, Format::Html] {
            render::render(&report, format, true, &render::Made::at(0), &mut Vec::new())
                .expect("renders into memory");
        }
    }
}

#[test]
fn fuzz_regressions_run_clean() {
    let mut n = 0;
    for entry in std::fs::read_dir("tests/fixtures/fuzz-regressions").expect("directory") {
        let path = entry.expect("entry").path();
        if path.file_name().is_some_and(|f| f == "README.md") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read");
        let name = path.display().to_string();
        let (tx, rx) = mpsc::channel();
        let worker_name = name.clone();
        std::thread::spawn(move || {
            pipeline(&worker_name, &bytes);
            let _ = tx.send(());
        });
        match rx.recv_timeout(HANG) {
            Ok(()) => n += 1,
            Err(mpsc::RecvTimeoutError::Timeout) => panic!("{name}: no answer within {HANG:?}"),
            Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{name}: panicked"),
        }
    }
    assert!(n >= 1, "regression inputs: {n}");
}
