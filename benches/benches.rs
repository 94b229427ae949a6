//! Speed goals of the store and the workshop: saving and loading a workshop assessment,
//! aggregating a team.

use criterion::{Criterion, criterion_group, criterion_main};
use goudenoor::domain::Instruments;
use goudenoor::fixtures::sample_assessment;
use goudenoor::store::{Store, load};
use std::hint::black_box;

fn store(c: &mut Criterion) {
    let instruments = Instruments::embedded();
    let assessment = sample_assessment(instruments, 12);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut handle = store.create(&assessment).unwrap();
    c.bench_function("save 12 respondents", |b| {
        b.iter(|| handle.save(black_box(&assessment)).unwrap())
    });
    let path = handle.path().to_path_buf();
    c.bench_function("load 12 respondents", |b| {
        b.iter(|| load(black_box(&path)).unwrap())
    });
}

fn workshop(c: &mut Criterion) {
    let instruments = Instruments::embedded();
    let assessment = sample_assessment(instruments, 1000);
    c.bench_function("results of 1000 respondents", |b| {
        b.iter(|| goudenoor::domain::result::build(instruments, black_box(&assessment)))
    });
}

criterion_group!(benches, store, workshop);
criterion_main!(benches);
