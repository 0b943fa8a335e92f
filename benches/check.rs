//! `readout check` on synthetic archives (the generator of the tests): cold
//! (every file parsed and normalized), warm (normalized claims from the
//! cache), and how both grow with the size of the archive, up to the
//! 10,000 readouts of the reference archive (bench/speed.py times the
//! whole process against the peer, and up to 100,000).
//!
//! cargo bench --bench check

#[path = "../tests/support/archive.rs"]
mod archive;

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use readout::Taxonomy;
use readout::check::cache::Cache;
use readout::check::{CheckOptions, archive::find_files, check};
use readout::load::{Limits, load_path};

const SIZES: [usize; 4] = [500, 1_000, 2_000, 10_000];
const CLAIMS: usize = 20;

fn run(dir: &Path, cache_dir: Option<&Path>, taxonomy: &Taxonomy) -> usize {
    let limits = Limits::default();
    let root = dir.join("archive").to_string_lossy().into_owned();
    let new = dir.join("new.yaml");
    let readout = load_path(&new.to_string_lossy(), &limits).expect("new readout loads");
    let files = find_files(std::slice::from_ref(&root), None).expect("archive");
    let mut cache = match cache_dir {
        Some(c) => Cache::open(
            c,
            std::slice::from_ref(&root),
            Cache::fingerprint(taxonomy, &Limits::default()),
        ),
        None => Cache::disabled(),
    };
    let opts = CheckOptions {
        taxonomy,
        limits: &limits,
        window: None,
        recent: 3,
        any_counterpart: false,
    };
    let report = check(&readout, &files, &mut cache, &opts, &|| {}).expect("check runs");
    cache.save().expect("cache saved");
    report.closest.len()
}

fn benches(c: &mut Criterion) {
    let taxonomy = Taxonomy::built_in();
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    for n in SIZES {
        let dir = tmp.path().join(n.to_string());
        let files =
            archive::write(&dir.join("archive"), n + 1, CLAIMS, 7).expect("archive written");
        // The last readout written is the new one: move it out of the archive.
        let last = files.last().expect("files");
        std::fs::rename(last, dir.join("new.yaml")).expect("new readout");
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("cold", n), &dir, |b, dir| {
            b.iter(|| black_box(run(dir, None, &taxonomy)))
        });
        let cache = dir.join("cache");
        run(&dir, Some(&cache), &taxonomy);
        group.bench_with_input(BenchmarkId::new("warm", n), &dir, |b, dir| {
            b.iter(|| black_box(run(dir, Some(&cache), &taxonomy)))
        });
    }
    group.finish();
}

criterion_group!(check_benches, benches);
criterion_main!(check_benches);
