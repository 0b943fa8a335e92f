//! `readout compare` of the flagship pair, in process: load both files,
//! compare, render the text report. The built-in data is read once per
//! process, so this is the work after start-up; the whole process against
//! `diff -u` is timed by bench/speed.py.
//!
//! cargo bench --bench compare

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use readout::load::{Limits, load_path};
use readout::render::{self, Format};
use readout::{Taxonomy, compare};

const LEFT: &str = "readouts/2024-05-31-singapore/us.yaml";
const RIGHT: &str = "readouts/2024-05-31-singapore/cn.yaml";

fn flagship(taxonomy: &Taxonomy) -> usize {
    let limits = Limits::default();
    let left = load_path(LEFT, &limits).expect("flagship loads");
    let right = load_path(RIGHT, &limits).expect("flagship loads");
    let report = compare(&left, &right, taxonomy);
    let mut out = Vec::new();
    render::render(&report, Format::Text, false, &render::Made::at(0), &mut out)
        .expect("renders into memory");
    out.len()
}

fn benches(c: &mut Criterion) {
    let taxonomy = Taxonomy::built_in();
    c.bench_function("compare/flagship", |b| {
        b.iter(|| black_box(flagship(&taxonomy)))
    });
}

criterion_group!(compare_benches, benches);
criterion_main!(compare_benches);
