//! The README's DuckDB example, run for real: the corpus's claims as JSON
//! lines, queried with the `duckdb` Python package. Skipped (with a note)
//! where the package is missing, unless READOUT_REQUIRE_DUCKDB is set, as CI
//! sets it.

use std::process::Command;

/// The query the README shows, over the file it writes.
const QUERY: &str =
    "SELECT side, topic, count(*) FROM read_json_auto('claims.jsonl') GROUP BY ALL ORDER BY 3 DESC";

fn duckdb_available() -> bool {
    Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The corpus files of one side, sorted, as the shell expands `readouts/*/NAME`.
fn corpus(name: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir("readouts")
        .expect("corpus")
        .filter_map(|e| e.ok())
        .map(|e| e.path().join(name))
        .filter(|p| p.is_file())
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    files
}

#[test]
fn the_readme_duckdb_query_runs_over_the_corpus() {
    let readme = std::fs::read_to_string("README.md").expect("README");
    assert!(
        readme.contains(QUERY),
        "the README shows the query this test runs"
    );
    assert!(
        readme.contains("readout claims readouts/*/us.yaml readouts/*/cn.yaml -o claims.jsonl")
    );
    if !duckdb_available() {
        assert!(
            std::env::var_os("READOUT_REQUIRE_DUCKDB").is_none(),
            "READOUT_REQUIRE_DUCKDB is set but the duckdb Python package is not importable"
        );
        eprintln!("note: skipped: the duckdb Python package is not installed (pip install duckdb)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let root = std::env::current_dir().expect("cwd");
    let files: Vec<String> = [corpus("us.yaml"), corpus("cn.yaml")].concat();
    assert!(files.len() >= 2, "the corpus has readouts");
    let status = Command::new(assert_cmd::cargo::cargo_bin("readout"))
        .current_dir(&root)
        .arg("claims")
        .args(&files)
        .arg("-o")
        .arg(dir.path().join("claims.jsonl"))
        .status()
        .expect("runs");
    assert!(status.success());
    // Run from the temporary directory, so the query reads the file by the
    // README's relative name.
    let script = format!(
        "import duckdb\nfor side, topic, n in duckdb.sql({QUERY:?}).fetchall():\n    print(side, topic, n, sep='\\t')\n"
    );
    let out = Command::new("python3")
        .current_dir(dir.path())
        .args(["-c", &script])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "query failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = String::from_utf8(out.stdout).expect("UTF-8");
    let parsed: Vec<(&str, &str, u64)> = rows
        .lines()
        .map(|l| {
            let mut f = l.split('\t');
            let (side, topic, n) = (f.next(), f.next(), f.next());
            (
                side.expect("side"),
                topic.expect("topic"),
                n.and_then(|n| n.parse().ok()).expect("a count"),
            )
        })
        .collect();
    for side in ["United States", "China"] {
        assert!(
            parsed.iter().any(|(s, _, n)| *s == side && *n > 0),
            "no rows for {side}:\n{rows}"
        );
    }
    let counts: Vec<u64> = parsed.iter().map(|r| r.2).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "ordered by count");
}
