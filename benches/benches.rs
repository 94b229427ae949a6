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

/// A filled-in answer sheet of the default instruments: `rows` respondents, all named
/// alike when `same_name`.
fn answer_sheet(instruments: &Instruments, rows: usize, same_name: bool) -> Vec<u8> {
    let ids = goudenoor::domain::default_instruments();
    let mut sheet = goudenoor::import::blank_sheet(instruments, &ids);
    for n in 0..rows {
        let name = if same_name {
            "Deelnemer".to_string()
        } else {
            format!("Deelnemer {n}")
        };
        let mut cells = vec![name];
        cells.extend(
            (0..18).map(|i| ["aardig", "goed", "prima", "goud", ""][(i + n) % 5].to_string()),
        );
        cells.extend((0..18).map(|i| ["ja", "nee", ""][(i + n) % 3].to_string()));
        cells.push(format!("{}", 80 + n % 20));
        sheet.push_str(&cells.join(","));
        sheet.push('\n');
    }
    sheet.into_bytes()
}

/// What `goudenoor import` does with a sheet's bytes, short of saving: decode, parse, and
/// add the respondents to an assessment.
fn import_scale(c: &mut Criterion) {
    let instruments = Instruments::embedded();
    let ids = goudenoor::domain::default_instruments();
    let target = goudenoor::domain::Assessment::new(
        "Workshop",
        "",
        instruments,
        &ids,
        goudenoor::fixtures::fixed_time(),
    );
    let mut group = c.benchmark_group("parse + import sheet");
    group.sample_size(10);
    for rows in [1_000, 10_000] {
        for same_name in [false, true] {
            let bytes = answer_sheet(instruments, rows, same_name);
            let label = if same_name {
                format!("{rows} rows, one name")
            } else {
                format!("{rows} rows")
            };
            group.bench_function(label, |b| {
                b.iter(|| {
                    let (text, _) = goudenoor::import::decode_text(black_box(&bytes)).unwrap();
                    let respondents =
                        goudenoor::import::parse_sheet(instruments, &ids, &text).unwrap();
                    let mut assessment = target.clone();
                    goudenoor::import::import_into(&mut assessment, respondents).len()
                })
            });
        }
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

criterion_group!(benches, store, list_big, import_scale, workshop);
criterion_main!(benches);
