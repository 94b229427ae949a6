//! Keystroke to frame: for every screen, one key (update) plus one full draw, with an
//! assessment of all five instruments and 12 respondents — beside, in the same run, the
//! baseline the goal is measured against: drawing a full-screen wrapped paragraph of the
//! same size. Goal: every screen within 3× its baseline, at 80×24 and at 200×60.

use criterion::{Criterion, criterion_group, criterion_main};
use goudenoor::app::{Model, Msg, Opened, Page, Step, update};
use goudenoor::domain::Instruments;
use goudenoor::fixtures::sample_assessment_with;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::{Paragraph, Wrap};
use std::path::PathBuf;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn workshop_model() -> Model {
    let instruments = Instruments::embedded();
    let all: Vec<String> = instruments.iter().map(|i| i.id.clone()).collect();
    let mut model = Model::new(instruments, PathBuf::from("/data"));
    model.time_zone = jiff::tz::TimeZone::UTC;
    update(
        &mut model,
        Msg::Opened(Box::new(Opened {
            path: PathBuf::from("/data/x.ron"),
            assessment: sample_assessment_with(instruments, &all, 12),
            read_only: true,
            reason: None,
        })),
    );
    model
}

/// The first step of each kind of screen.
fn screens(model: &Model) -> Vec<(&'static str, Option<usize>)> {
    let steps = model.steps();
    let find = |f: &dyn Fn(&Step) -> bool| steps.iter().position(f);
    vec![
        ("home", None),
        (
            "grid",
            find(&|s| matches!(s, Step::Page(_, Page::GridItem(_)))),
        ),
        (
            "norm",
            find(&|s| matches!(s, Step::Page(_, Page::NormPart(3)))),
        ),
        (
            "fields",
            find(&|s| matches!(s, Step::Page(_, Page::Fields))),
        ),
        (
            "section",
            find(&|s| matches!(s, Step::Page(_, Page::Section(2)))),
        ),
        (
            "calculator",
            find(&|s| matches!(s, Step::Page(_, Page::Calculator))),
        ),
        (
            "measurements",
            find(&|s| matches!(s, Step::Page(_, Page::Measurements))),
        ),
        ("model", find(&|s| matches!(s, Step::Page(_, Page::Model)))),
        ("team", find(&|s| matches!(s, Step::Team))),
        ("actions", find(&|s| matches!(s, Step::Actions))),
        ("results", find(&|s| matches!(s, Step::Results))),
    ]
}

fn text_of(width: u16, height: u16) -> String {
    let words = "Klachten zijn kansen om de dienstverlening te verbeteren en klanten te behouden ";
    words.repeat(usize::from(width) * usize::from(height) / words.len() + 1)
}

fn frames(c: &mut Criterion) {
    let base = workshop_model();
    for (w, h) in SIZES {
        let text = text_of(w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        c.bench_function(&format!("baseline paragraph {w}x{h}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| {
                        frame.render_widget(
                            Paragraph::new(text.as_str()).wrap(Wrap { trim: true }),
                            frame.area(),
                        )
                    })
                    .unwrap();
            })
        });
        for (name, step) in screens(&base) {
            let mut model = base.clone();
            match step {
                Some(step) => {
                    update(&mut model, Msg::GoToStep(step));
                }
                None => model.session = None,
            }
            update(&mut model, Msg::Resize(w, h));
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            let mut down = true;
            c.bench_function(&format!("keystroke {name} {w}x{h}"), |b| {
                b.iter(|| {
                    update(&mut model, if down { Msg::Down } else { Msg::Up });
                    down = !down;
                    terminal
                        .draw(|frame| {
                            goudenoor::ui::draw(&model, frame.area(), frame.buffer_mut());
                        })
                        .unwrap();
                })
            });
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_millis(300)).measurement_time(std::time::Duration::from_secs(1));
    targets = frames
}
criterion_main!(benches);
