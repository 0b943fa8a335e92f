//! The archive: find the readout files under the paths given, then read,
//! load and normalize them in parallel, through the cache.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;

use super::cache::{Cache, Entry, Hash};
use super::claims::Claims;
use crate::Taxonomy;
use crate::error::Error;
use crate::load::{self, Limits};
use crate::model::Readout;
use crate::normalize::cues::Cues;
use crate::normalize::normalize_claims_unmatched;

/// One readout of the archive, as the check sees it.
#[derive(Debug, Clone)]
pub struct Archived {
    /// The path it was found at.
    pub file: String,
    pub entry: Arc<Entry>,
}

impl Archived {
    /// The claims, normalized; empty when they were not needed.
    pub fn claims(&self) -> &Claims {
        static NONE: std::sync::LazyLock<Claims> = std::sync::LazyLock::new(Claims::empty);
        self.entry.claims.as_ref().unwrap_or(&NONE)
    }
}

/// A file of the archive that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Skipped {
    pub file: String,
    pub error: String,
}

/// What scanning the archive found.
#[derive(Debug, Default)]
pub struct Scan {
    /// Readouts in file order.
    pub readouts: Vec<Archived>,
    pub skipped: Vec<Skipped>,
    /// YAML files that are not readouts.
    pub ignored: Vec<String>,
    /// Files whose entry came from the cache.
    pub cached: usize,
}

/// Readout files under `paths`: files as given, directories searched
/// recursively for `*.yaml` and `*.yml`, each file once, sorted per path.
/// `exclude` (the new readout itself) is left out.
pub fn find_files(paths: &[String], exclude: Option<&Path>) -> Result<Vec<String>, Error> {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| Error::io(p, &e))?;
        // (path, canonical path) of each file
        let mut found: Vec<(PathBuf, PathBuf)> = Vec::new();
        if meta.is_dir() {
            let mut dirs_seen = HashSet::new();
            walk(Path::new(p), &mut dirs_seen, &mut found)?;
            found.sort();
        } else {
            let f = PathBuf::from(p);
            found.push((f.clone(), f.canonicalize().unwrap_or(f)));
        }
        for (f, canonical) in found {
            if Some(&canonical) == exclude.as_ref() || !seen.insert(canonical) {
                continue;
            }
            out.push(f.to_string_lossy().into_owned());
        }
    }
    Ok(out)
}

fn walk(
    dir: &Path,
    dirs_seen: &mut HashSet<PathBuf>,
    out: &mut Vec<(PathBuf, PathBuf)>,
) -> Result<(), Error> {
    // Symbolic links may loop back; visit each real directory once.
    let real = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    if !dirs_seen.insert(real.clone()) {
        return Ok(());
    }
    let shown = dir.to_string_lossy();
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(&shown, &e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(&shown, &e))?;
        let path = entry.path();
        // The directory listing tells a plain file from the rest without a
        // system call a file; only a link (or an unknown type) is looked up.
        let plain_file = entry.file_type().is_ok_and(|t| t.is_file());
        if plain_file {
            if is_readout_name(&path) {
                // Not a link, in a directory already resolved: its real path
                // is that directory's, joined with its name.
                out.push((path, real.join(entry.file_name())));
            }
            continue;
        }
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, dirs_seen, out)?;
        } else if is_readout_name(&path) {
            let canonical = path.canonicalize().unwrap_or_else(|_| path.clone());
            out.push((path, canonical));
        }
    }
    Ok(())
}

fn is_readout_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// What scanning needs besides the files.
pub struct ScanOptions<'a> {
    pub taxonomy: &'a Taxonomy,
    pub limits: &'a Limits,
    /// Whether the claims of a readout of this (canonical) side and date
    /// (as written) are needed.
    pub needs_claims: &'a (dyn Fn(&str, Option<&str>) -> bool + Sync),
    /// Called once per file done, from any thread.
    pub progress: &'a (dyn Fn() + Sync),
}

/// Reads every file in parallel; an entry whose content hash is in `cache`
/// (with claims, when they are needed) is not parsed again. New entries are
/// added to `cache`; entries of files no longer seen are dropped from it.
pub fn scan(files: &[String], cache: &mut Cache, opts: &ScanOptions) -> Scan {
    let results: Vec<(String, Outcome)> = files
        .par_iter()
        .map(|file| {
            let r = one(file, cache, opts);
            (opts.progress)();
            (file.clone(), r)
        })
        .collect();
    let mut scan = Scan::default();
    let mut kept = Vec::with_capacity(results.len());
    for (file, r) in results {
        match r {
            Outcome::Loaded(hash, entry, hit) => {
                scan.cached += usize::from(hit);
                if let Some(hash) = hash {
                    kept.push((hash, Arc::clone(&entry)));
                }
                scan.readouts.push(Archived { file, entry });
            }
            Outcome::NotReadout => scan.ignored.push(file),
            Outcome::Bad(e) => scan.skipped.push(Skipped {
                file,
                error: e.to_string(),
            }),
        }
    }
    cache.replace(kept);
    scan
}

enum Outcome {
    /// The content hash (none without a cache), the entry, and whether it
    /// came from the cache.
    Loaded(Option<Hash>, Arc<Entry>, bool),
    /// YAML that is not a readout at all (an analyst's notes, expected answers).
    NotReadout,
    Bad(Error),
}

fn one(file: &str, cache: &Cache, opts: &ScanOptions) -> Outcome {
    let text = match load::read_text(file, opts.limits) {
        Ok(t) => t,
        Err(e) => return Outcome::Bad(e),
    };
    // Without a cache (`--no-cache`) no file needs its content hash.
    let hash = cache.is_enabled().then(|| Cache::key(text.as_bytes()));
    if let Some(entry) = hash.and_then(|h| cache.get(&h))
        && (entry.claims.is_some() || !(opts.needs_claims)(&entry.side, entry.date.as_deref()))
    {
        return Outcome::Loaded(hash, entry, true);
    }
    match load::load_str(file, &text, opts.limits) {
        Ok(readout) => Outcome::Loaded(hash, Arc::new(entry_of(&readout, opts)), false),
        Err(_) if !looks_like_readout(&text) => Outcome::NotReadout,
        Err(e) => Outcome::Bad(e),
    }
}

/// Whether a file that failed to load was meant as a readout: it has one of
/// the keys only a readout has at its top level. Other YAML files in an
/// archive directory are not readouts and are ignored, not reported as bad.
fn looks_like_readout(text: &str) -> bool {
    text.lines().any(|l| {
        ["source:", "claims:", "statement:", "readout:"]
            .iter()
            .any(|k| l.starts_with(k))
    })
}

/// The cache entry of a loaded readout.
pub fn entry_of(readout: &Readout, opts: &ScanOptions) -> Entry {
    let side = Cues::get().canonical_party(&readout.source.side);
    let date = readout
        .meeting
        .date
        .clone()
        .or(readout.source.published.clone());
    let claims = (opts.needs_claims)(&side, date.as_deref())
        .then(|| Claims::of(&side, normalize_claims_unmatched(readout, opts.taxonomy).1));
    Entry {
        counterpart: counterpart(readout, &side),
        side,
        issuer: readout.source.issuer.clone(),
        date,
        title: readout.meeting.title.clone(),
        claims,
    }
}

/// The other party of a readout, from its participants: the first side
/// named there that is not the readout's own (canonical).
pub fn counterpart(readout: &Readout, own: &str) -> Option<String> {
    let cues = Cues::get();
    readout
        .participants
        .iter()
        .filter_map(|p| p.side.as_deref())
        .map(|s| cues.canonical_party(s))
        .find(|s| s != own)
}

/// The day of a date (`2024-05-31`, or the start of `2024-05-31T10:00`):
/// what history is ordered by. None when the date is not ISO 8601.
pub fn day(date: &str) -> Option<&str> {
    let d = date.trim().get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_iso_dates_only() {
        assert_eq!(day("2024-05-31"), Some("2024-05-31"));
        assert_eq!(day(" 2024-05-31T10:00Z"), Some("2024-05-31"));
        assert_eq!(day("31 May 2024"), None);
        assert_eq!(day("2024-5-31"), None);
    }

    #[test]
    fn finds_yaml_files_recursively_and_excludes_the_new_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).expect("mkdir");
        for f in ["x.yaml", "a/y.YML", "a/b/z.yaml", "a/b/notes.txt"] {
            std::fs::write(dir.path().join(f), "x").expect("write");
        }
        let root = dir.path().to_string_lossy().into_owned();
        let files = find_files(
            std::slice::from_ref(&root),
            Some(&dir.path().join("x.yaml")),
        )
        .expect("walk");
        let names: Vec<_> = files
            .iter()
            .map(|f| f.trim_start_matches(&root).to_string())
            .collect();
        assert_eq!(names, ["/a/b/z.yaml", "/a/y.YML"]);
        assert!(find_files(&[format!("{root}/missing")], None).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_file_reached_twice_through_links_is_found_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real");
        std::fs::create_dir_all(&real).expect("mkdir");
        std::fs::write(real.join("a.yaml"), "x").expect("write");
        std::os::unix::fs::symlink(&real, dir.path().join("linked-dir")).expect("link");
        std::os::unix::fs::symlink(real.join("a.yaml"), dir.path().join("b.yaml")).expect("link");
        let root = dir.path().to_string_lossy().into_owned();
        let files = find_files(std::slice::from_ref(&root), None).expect("walk");
        assert_eq!(files.len(), 1, "{files:?}");
        let linked = dir.path().join("linked-dir").to_string_lossy().into_owned();
        let excluded = find_files(&[linked], Some(&real.join("a.yaml"))).expect("walk");
        assert!(excluded.is_empty(), "{excluded:?}");
    }

    #[test]
    fn other_yaml_is_not_a_readout() {
        assert!(looks_like_readout("readout: 1\nsource: {side: US\n"));
        assert!(looks_like_readout("claims:\n  - text: [\n"));
        assert!(!looks_like_readout(
            "left: us.yaml\ngroups:\n  - topic: x\n"
        ));
    }
}
