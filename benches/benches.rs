//! Speed goals: saving and loading a full workshop assessment, and rendering every
//! screen well under a millisecond per frame.

use criterion::{Criterion, criterion_group, criterion_main};
use goudenoor::app::{Model, Msg, Opened, update};
use goudenoor::domain::{Instruments, stv_summary};
use goudenoor::fixtures::sample_assessment;
use goudenoor::store::{Store, load};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::PathBuf;

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

fn scoring(c: &mut Criterion) {
    let instruments = Instruments::embedded();
    let assessment = sample_assessment(instruments, 1);
    let answers = &assessment.respondents[0].answers;
    c.bench_function("stv summary", |b| {
        b.iter(|| stv_summary(&instruments.stv, black_box(answers)))
    });
}

fn render(c: &mut Criterion) {
    let instruments = Instruments::embedded();
    let mut model = Model::new(instruments, PathBuf::from("/data"));
    model.time_zone = jiff::tz::TimeZone::UTC;
    update(
        &mut model,
        Msg::Opened(Box::new(Opened {
            path: PathBuf::from("/data/x.ron"),
            assessment: sample_assessment(instruments, 1),
            read_only: false,
        })),
    );
    let screens = [
        ("home", None),
        ("shift", Some(0)),
        ("part II", Some(10)),
        ("part IV", Some(12)),
        ("results", Some(13)),
    ];
    for (name, step) in screens {
        let mut model = model.clone();
        match step {
            Some(step) => {
                update(&mut model, Msg::GoToStep(step));
            }
            None => model.session = None,
        }
        for (w, h) in [(80, 24), (200, 60)] {
            update(&mut model, Msg::Resize(w, h));
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            c.bench_function(&format!("render {name} {w}x{h}"), |b| {
                b.iter(|| {
                    terminal
                        .draw(|frame| frame.render_widget(&model, frame.area()))
                        .unwrap();
                })
            });
        }
    }
}

fn workshop(c: &mut Criterion) {
    let instruments = Instruments::embedded();
    let team = sample_assessment(instruments, 1000).respondents;
    c.bench_function("aggregate 1000 respondents", |b| {
        b.iter(|| goudenoor::domain::aggregate::proposal(instruments, black_box(&team)))
    });
    let mut sheet = goudenoor::import::blank_sheet(instruments);
    for n in 0..1000 {
        let mut cells = vec![format!("Deelnemer {n}")];
        cells.extend(
            (0..18).map(|i| ["aardig", "goed", "prima", "goud", ""][(i + n) % 5].to_string()),
        );
        cells.extend((0..18).map(|i| ["ja", "nee", ""][(i + n) % 3].to_string()));
        cells.push(format!("{}", 80 + n % 20));
        sheet.push_str(&cells.join(","));
        sheet.push('\n');
    }
    c.bench_function("import 1000-row sheet", |b| {
        b.iter(|| goudenoor::import::parse_sheet(instruments, black_box(&sheet)).unwrap())
    });
}

/// A filled-in answer sheet of `rows` respondents; `same_name` gives them all one name,
/// which import numbers "Deelnemer", "Deelnemer (2)", ….
fn answer_sheet(instruments: &Instruments, rows: usize, same_name: bool) -> Vec<u8> {
    let mut sheet = goudenoor::import::blank_sheet(instruments);
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
    let target = goudenoor::domain::Assessment::new(
        "Workshop",
        "",
        instruments,
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
                    let respondents = goudenoor::import::parse_sheet(instruments, &text).unwrap();
                    let mut assessment = target.clone();
                    goudenoor::import::import_into(&mut assessment, respondents).len()
                })
            });
        }
    }
    group.finish();
}

fn render_workshop_and_compare(c: &mut Criterion) {
    let instruments = Instruments::embedded();
    let mut model = Model::new(instruments, PathBuf::from("/data"));
    model.time_zone = jiff::tz::TimeZone::UTC;
    let team = sample_assessment(instruments, 12);
    update(
        &mut model,
        Msg::Opened(Box::new(Opened {
            path: PathBuf::from("/data/x.ron"),
            assessment: team.clone(),
            read_only: false,
        })),
    );
    let team_step = model
        .steps()
        .iter()
        .position(|s| *s == goudenoor::app::Step::Team)
        .unwrap();
    update(&mut model, Msg::GoToStep(team_step));
    let mut compare_model = Model::new(instruments, PathBuf::from("/data"));
    let mut later = team.clone();
    later.respondents.truncate(3);
    update(
        &mut compare_model,
        Msg::Compared(Box::new(goudenoor::app::CompareView {
            a_title: team.title.clone(),
            b_title: later.title.clone(),
            a_date: team.updated,
            b_date: later.updated,
            before: team.result_answers(instruments),
            after: later.result_answers(instruments),
            comparison: goudenoor::domain::compare::compare(instruments, &team, &later),
            scroll: 0,
        })),
    );
    for (name, model) in [("workshop 12", &mut model), ("compare", &mut compare_model)] {
        for (w, h) in [(80, 24), (200, 60)] {
            update(model, Msg::Resize(w, h));
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            c.bench_function(&format!("render {name} {w}x{h}"), |b| {
                b.iter(|| {
                    terminal
                        .draw(|frame| frame.render_widget(&*model, frame.area()))
                        .unwrap();
                })
            });
        }
    }
}

criterion_group!(
    benches,
    store,
    scoring,
    render,
    render_workshop_and_compare,
    workshop,
    import_scale
);
criterion_main!(benches);
