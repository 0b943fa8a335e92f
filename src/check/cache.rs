//! The cache of normalized readouts, keyed by the blake3 hash of each file's
//! content, so that a repeat check reads the files but parses none it has
//! already seen. One cache file per archive, in a compact binary form.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::claims::Claims;
use super::codec::{Reader, Writer};
use crate::Taxonomy;
use crate::error::Error;
use crate::load::Limits;
use crate::normalize::fasthash::FxHashMap;

/// A blake3 hash: of a file's content, or of what normalization depends on.
pub type Hash = [u8; 32];

/// What the check keeps of one archived readout.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Canonical side ("United States").
    pub side: String,
    pub issuer: Option<String>,
    /// `meeting.date`, else `source.published`, as written.
    pub date: Option<String>,
    pub title: Option<String>,
    /// The other party, from the participants (canonical).
    pub counterpart: Option<String>,
    /// Normalized claims; None when the check did not need them (other sides).
    pub claims: Option<Claims>,
}

/// Bumped whenever the binary layout or what an entry holds changes.
const FORMAT: u32 = 5;
const MAGIC: &[u8] = b"readout check cache\n";

/// The entries of one archive, loaded from and saved to one file.
#[derive(Debug, Default)]
pub struct Cache {
    path: Option<PathBuf>,
    fingerprint: Hash,
    // Keys are content hashes: the Fx hash of them is as good as any, and
    // no order depends on it (the file is written in key order).
    entries: FxHashMap<Hash, Arc<Entry>>,
    changed: bool,
}

impl Cache {
    /// A cache that remembers nothing and saves nothing (`--no-cache`).
    pub fn disabled() -> Cache {
        Cache::default()
    }

    /// The cache of the archive made of `paths`, in directory `dir`. A
    /// missing, unreadable, corrupt or stale cache file (one written for other
    /// built-in data or another `--topics`) is an empty cache, never an error.
    pub fn open(dir: &Path, paths: &[String], fingerprint: Hash) -> Cache {
        let mut names = blake3::Hasher::new();
        for p in paths {
            let canonical = Path::new(p)
                .canonicalize()
                .unwrap_or_else(|_| PathBuf::from(p));
            names.update(canonical.to_string_lossy().as_bytes());
            names.update(b"\n");
        }
        let hex = names.finalize().to_hex();
        let path = dir.join(format!("check-{}.bin", &hex[..16]));
        let entries = std::fs::read(&path)
            .ok()
            .and_then(|bytes| decode_file(Arc::new(bytes), &fingerprint))
            .unwrap_or_default();
        Cache {
            path: Some(path),
            fingerprint,
            entries,
            changed: false,
        }
    }

    /// Whether entries are kept at all (not with `--no-cache`).
    pub fn is_enabled(&self) -> bool {
        self.path.is_some()
    }

    /// Where the cache is kept, if anywhere.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The key of a file's content.
    pub fn key(content: &[u8]) -> Hash {
        *blake3::hash(content).as_bytes()
    }

    /// What loading and normalization depend on: the program version, the
    /// built-in and user data, and the claim limit (a cached readout was
    /// checked against it). A cache written under another fingerprint is stale.
    pub fn fingerprint(taxonomy: &Taxonomy, limits: &Limits) -> Hash {
        let mut h = blake3::Hasher::new();
        h.update(&FORMAT.to_le_bytes());
        h.update(&(limits.max_claims as u64).to_le_bytes());
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        // The program itself: a rebuild with other rules or data must not
        // reuse what an earlier build normalized.
        if let Some(exe) = std::env::current_exe()
            .ok()
            .and_then(|p| std::fs::read(p).ok())
        {
            h.update(blake3::hash(&exe).as_bytes());
        }
        h.update(
            serde_json::to_string(&taxonomy.topics)
                .unwrap_or_default()
                .as_bytes(),
        );
        // A topics file's lists of kinds of words (events, whom a matter
        // touches, the meeting itself, who acts, places, offices) change
        // how claims are filed too: each list hashed under its own name.
        let kinds = [
            ("situational", taxonomy.situational()),
            ("actors", taxonomy.actors()),
            ("occasions", taxonomy.occasions()),
            ("parties", taxonomy.parties()),
            ("places", taxonomy.places()),
            (
                "offices",
                taxonomy.offices.iter().map(String::as_str).collect(),
            ),
            (
                "everywhere",
                taxonomy.everywhere.iter().map(String::as_str).collect(),
            ),
            (
                "many_areas",
                taxonomy.many_areas.iter().map(String::as_str).collect(),
            ),
        ];
        for (kind, words) in kinds {
            h.update(kind.as_bytes());
            for word in words {
                h.update(b"\n");
                h.update(word.as_bytes());
            }
            h.update(b"\0");
        }
        for data in [
            include_str!("../data/cues.yaml"),
            include_str!("../data/stopwords.yaml"),
            include_str!("../data/abbreviations.yaml"),
            include_str!("../data/lists.yaml"),
        ] {
            h.update(data.as_bytes());
        }
        *h.finalize().as_bytes()
    }

    pub fn get(&self, key: &Hash) -> Option<Arc<Entry>> {
        self.entries.get(key).cloned()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Keeps exactly the entries of this scan; notes whether that differs
    /// from what was loaded, so an unchanged cache is not rewritten.
    pub fn replace(&mut self, kept: Vec<(Hash, Arc<Entry>)>) {
        let mut next = FxHashMap::default();
        next.reserve(kept.len());
        for (k, e) in kept {
            next.insert(k, e);
        }
        let same = next.len() == self.entries.len()
            && next
                .iter()
                .all(|(k, e)| self.entries.get(k).is_some_and(|old| Arc::ptr_eq(old, e)));
        self.changed |= !same;
        self.entries = next;
    }

    /// Writes the cache file (atomically) when it changed.
    pub fn save(&self) -> Result<(), Error> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        if !self.changed {
            return Ok(());
        }
        let shown = path.to_string_lossy();
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(&dir.to_string_lossy(), &e))?;
        }
        let bytes = encode_file(&self.entries, &self.fingerprint);
        crate::output::write_atomic(path, &bytes).map_err(|e| Error::io(&shown, &e))
    }
}

fn encode_file(entries: &FxHashMap<Hash, Arc<Entry>>, fingerprint: &Hash) -> Vec<u8> {
    let mut keys: Vec<&Hash> = entries.keys().collect();
    keys.sort();
    let bodies: Vec<Vec<u8>> = keys
        .par_iter()
        .map(|k| {
            let mut w = Writer::default();
            w.entry(&entries[*k]);
            w.0
        })
        .collect();
    let mut body = Vec::with_capacity(bodies.iter().map(|b| b.len() + 40).sum::<usize>() + 8);
    body.extend_from_slice(&(keys.len() as u64).to_le_bytes());
    for (k, b) in keys.into_iter().zip(bodies) {
        body.extend_from_slice(k);
        body.extend_from_slice(&(b.len() as u64).to_le_bytes());
        body.extend_from_slice(&b);
    }
    let mut out = Vec::with_capacity(body.len() + HEADER);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(fingerprint);
    out.extend_from_slice(blake3::hash(&body).as_bytes());
    out.extend_from_slice(&body);
    out
}

/// Magic, format, fingerprint and the checksum of the rest.
const HEADER: usize = MAGIC.len() + 4 + 32 + 32;

/// The entries of a cache file; None when it is not one this build wrote
/// for this fingerprint, or any byte of it changed. Full claims are decoded
/// later, from the file's bytes (see [`Claims::full`]): the checksum makes
/// sure they are the bytes written, as the keys decoded now could not.
fn decode_file(bytes: Arc<Vec<u8>>, fingerprint: &Hash) -> Option<FxHashMap<Hash, Arc<Entry>>> {
    let mut r = Reader::new(&bytes);
    if r.take(MAGIC.len())? != MAGIC || r.u32()? != FORMAT || r.take(32)? != fingerprint {
        return None;
    }
    let checksum = r.take(32)?;
    if blake3::hash(&bytes[HEADER..]).as_bytes() != checksum {
        return None;
    }
    let n = r.u64()?;
    let mut parts: Vec<(Hash, std::ops::Range<usize>)> = Vec::new();
    for _ in 0..n {
        let key: Hash = r.take(32)?.try_into().ok()?;
        let len = usize::try_from(r.u64()?).ok()?;
        let start = r.pos;
        r.take(len)?;
        parts.push((key, start..start + len));
    }
    if r.pos != bytes.len() {
        return None;
    }
    let decoded: Option<Vec<(Hash, Arc<Entry>)>> = parts
        .into_par_iter()
        .map(|(k, range)| {
            let end = range.end;
            let mut r = Reader::within(&bytes, range)?;
            let e = r.entry(&bytes)?;
            (r.pos == end).then(|| (k, Arc::new(e)))
        })
        .collect();
    Some(decoded?.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_str;
    use crate::normalize::normalize;

    fn entry() -> Entry {
        let r = load_str(
            "t",
            // Every kind of topic filing (fallback, keyword with alternatives,
            // context, override) and a self-assertion, so the codec meets them all.
            "source: {side: US}\nclaims:\n  - {text: Austin asked China to stop.}\n  - {text: Austin raised concerns about Taiwan., speaker: Austin}\n  - {text: Austin made clear the US will continue to operate in the South China Sea and keep military communication open.}\n  - {text: Lunch followed.}\n  - {text: The two sides agreed., topic: AI, stance: welcome}\n",
            &Limits::default(),
        )
        .expect("loads");
        Entry {
            side: "United States".into(),
            issuer: None,
            date: Some("2024-05-31".into()),
            title: Some("Talks".into()),
            counterpart: Some("China".into()),
            claims: Some(Claims::of(
                "United States",
                normalize(&r, &Taxonomy::built_in()).claims,
            )),
        }
    }

    #[test]
    fn the_test_entry_covers_every_field() {
        use crate::normalize::TopicSource::*;
        let claims = entry().claims.expect("claims").full().to_vec();
        let sources: Vec<_> = claims
            .iter()
            .filter_map(|c| c.topic.as_ref().map(|t| t.source))
            .collect();
        for s in [Fallback, Keyword, Context, Override] {
            assert!(sources.contains(&s), "{s:?} in {sources:?}");
        }
        assert!(claims.iter().any(|c| !c.alternatives.is_empty()));
        assert!(claims.iter().any(|c| c.stance.asserts_conduct));
    }

    #[test]
    fn a_topics_file_with_other_kinds_of_words_is_another_fingerprint() {
        let dir = tempfile::tempdir().expect("tempdir");
        let built_in = Cache::fingerprint(&Taxonomy::built_in(), &Limits::default());
        for list in [
            "situational",
            "actors",
            "occasions",
            "parties",
            "places",
            "offices",
        ] {
            let path = dir.path().join(format!("{list}.yaml"));
            std::fs::write(&path, format!("{list}: [skirmish]\ntopics: []\n")).expect("write");
            let more = Taxonomy::with_file(path.to_str().expect("utf-8"), &Limits::default())
                .expect("topics file");
            assert_ne!(
                Cache::fingerprint(&more, &Limits::default()),
                built_in,
                "a topics file's {list} change the fingerprint"
            );
        }
    }

    #[test]
    fn entries_survive_a_round_trip_through_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fp = Cache::fingerprint(&Taxonomy::built_in(), &Limits::default());
        let paths = vec!["archive".to_string()];
        let mut cache = Cache::open(dir.path(), &paths, fp);
        assert!(cache.is_empty());
        let key = Cache::key(b"content");
        cache.replace(vec![(key, Arc::new(entry()))]);
        cache.save().expect("save");
        let again = Cache::open(dir.path(), &paths, fp);
        assert_eq!(again.get(&key).as_deref(), Some(&entry()));
        let stale = Cache::open(dir.path(), &paths, [0; 32]);
        assert!(stale.is_empty(), "another fingerprint is a stale cache");
    }

    #[test]
    fn a_corrupt_cache_file_is_an_empty_cache() {
        let mut entries = FxHashMap::default();
        entries.insert([1; 32], Arc::new(entry()));
        let fp = [7; 32];
        let bytes = encode_file(&entries, &fp);
        assert!(decode_file(Arc::new(bytes.clone()), &fp).is_some());
        for cut in [10, bytes.len() / 2, bytes.len() - 1] {
            assert!(
                decode_file(Arc::new(bytes[..cut].to_vec()), &fp).is_none(),
                "truncated at {cut}"
            );
        }
        // Any changed byte, in the keys or in the full claims decoded only
        // later, makes the whole file stale.
        for at in [HEADER - 1, HEADER + 50, bytes.len() / 2, bytes.len() - 40] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0xff;
            assert!(
                decode_file(Arc::new(flipped), &fp).is_none(),
                "byte {at} changed"
            );
        }
    }

    #[test]
    fn full_claims_stay_encoded_until_asked_for_and_are_copied_as_they_are() {
        let mut entries = FxHashMap::default();
        entries.insert([1; 32], Arc::new(entry()));
        let fp = [7; 32];
        let bytes = encode_file(&entries, &fp);
        let decoded = decode_file(Arc::new(bytes.clone()), &fp).expect("decodes");
        let claims = decoded[&[1; 32]].claims.as_ref().expect("claims");
        assert!(claims.parts().0.is_none(), "not decoded yet");
        // Written again without being decoded: the same file.
        assert_eq!(encode_file(&decoded, &fp), bytes);
        let want = entry().claims.expect("claims");
        assert_eq!(claims.full(), want.full());
        for i in 0..want.len() {
            assert_eq!(claims.topic(i), want.topic(i));
            assert!(claims.terms(i).eq(want.terms(i)));
            assert_eq!(claims.stance(i), want.stance(i));
        }
    }
}
