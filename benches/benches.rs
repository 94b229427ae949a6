//! Speed goals of the store and the workshop: saving and loading a workshop assessment,
//! listing a folder with a huge survey, aggregating a team.

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

/// Listing a folder with one huge workshop (the listing cache is warm, as it is after
/// the first `goudenoor list`), and saving that workshop.
fn list_big(c: &mut Criterion) {
    let instruments = Instruments::embedded();
    let mut group = c.benchmark_group("big");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut assessment = sample_assessment(instruments, n);
        for title in ["Klein", "Ook klein"] {
            assessment.title = title.into();
            let mut small = assessment.clone();
            small.respondents.truncate(3);
            drop(store.create(&small).unwrap());
        }
        assessment.title = "Groot".into();
        let mut handle = store.create(&assessment).unwrap();
        if n == 10_000 {
            group.bench_function("save 10000 respondents", |b| {
                b.iter(|| handle.save(black_box(&assessment)).unwrap())
            });
        }
        let path = handle.path().to_path_buf();
        drop(handle);
        if n == 10_000 {
            group.bench_function("load 10000 respondents", |b| {
                b.iter(|| load(black_box(&path)).unwrap())
            });
        }
        // Files not touched for a while, as between sessions.
        for (_, path) in store.slugs().unwrap() {
            let past = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
            let file = std::fs::File::options().write(true).open(path).unwrap();
            file.set_modified(past).unwrap();
        }
        let runtime = goudenoor::app::Runtime::new(store, instruments);
        assert_eq!(runtime.list().len(), 3);
        group.bench_function(format!("list with {n} respondents"), |b| {
            b.iter(|| black_box(runtime.list()))
        });
        let cache = dir.path().join(".goudenoor-cache");
        group.bench_function(format!("list with {n} respondents, cold cache"), |b| {
            b.iter(|| {
                let _ = std::fs::remove_dir_all(&cache);
                black_box(runtime.list())
            })
        });
    }
    group.finish();
}

fn workshop(c: &mut Criterion) {
    let instruments = Instruments::embedded();
    let assessment = sample_assessment(instruments, 1000);
    c.bench_function("results of 1000 respondents", |b| {
        b.iter(|| goudenoor::domain::result::build(instruments, black_box(&assessment)))
    });
}

criterion_group!(benches, store, list_big, workshop);
criterion_main!(benches);
