//! The runtime carries out effects with a real store: the app's answers reach the disk.

mod common;

use common::*;
use crossterm::event::KeyCode;
use goudenoor::app::{Effect, Msg, Runtime, update};
use goudenoor::domain::{Level, default_instruments};
use goudenoor::store::Store;

fn runtime() -> (tempfile::TempDir, Runtime) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, Runtime::new(store, instruments()))
}

/// Run effects until nothing is left, feeding replies back, as the terminal loop does.
fn settle(model: &mut goudenoor::app::Model, runtime: &mut Runtime, effects: Vec<Effect>) {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        if matches!(effect, Effect::Quit | Effect::SaveSoon) {
            continue;
        }
        if let Some(reply) = runtime.run(effect) {
            queue.extend(update(model, reply));
        }
    }
}

fn create(title: &str) -> Effect {
    Effect::Create {
        title: title.into(),
        organisation: String::new(),
        instruments: default_instruments(),
    }
}

#[test]
fn created_assessment_is_saved_and_reopens_with_its_answers() {
    let (_dir, mut rt) = runtime();
    let mut model = home_model();
    let effects = type_text(&mut model, "nTitel");
    settle(&mut model, &mut rt, effects);
    let effects = press(
        &mut model,
        &[KeyCode::Enter, KeyCode::Enter, KeyCode::Enter],
    );
    settle(&mut model, &mut rt, effects);
    assert!(model.session.is_some());
    let effects = type_text(&mut model, "4");
    settle(&mut model, &mut rt, effects);
    assert!(model.last_saved.is_some());
    let effects = press(&mut model, &[KeyCode::Esc]);
    settle(&mut model, &mut rt, effects);
    assert_eq!(model.home.entries.len(), 1);
    let listing = model.home.entries[0].listing.as_ref().unwrap();
    assert_eq!(listing.title, "Titel");
    assert_eq!(listing.columns[0].value.as_deref(), Some("4,0"));

    let effects = press(&mut model, &[KeyCode::Enter]);
    settle(&mut model, &mut rt, effects);
    let session = model.session.as_ref().unwrap();
    assert_eq!(
        session.answers().of("gouden-oor").level("go1"),
        Level::new(4)
    );
}

#[test]
fn after_esc_the_highlight_is_on_the_assessment_that_was_open() {
    let (_dir, mut rt) = runtime();
    let mut model = home_model();
    for title in ["Aap", "Beer", "Cavia", "Das"] {
        settle(&mut model, &mut rt, vec![create(title), Effect::Close]);
    }
    settle(&mut model, &mut rt, vec![Effect::List]);
    let entries = &model.home.entries;
    assert_eq!(entries.len(), 4);
    let target = entries
        .iter()
        .position(|e| e.listing.as_ref().unwrap().title == "Cavia")
        .unwrap();
    model.home.selected = target;
    let effects = press(&mut model, &[KeyCode::Enter]);
    settle(&mut model, &mut rt, effects);
    // An answer moves it to the top of the list (most recently changed first).
    let effects = type_text(&mut model, "2");
    settle(&mut model, &mut rt, effects);
    let effects = press(&mut model, &[KeyCode::Esc]);
    settle(&mut model, &mut rt, effects);
    let selected = &model.home.entries[model.home.selected];
    assert_eq!(selected.listing.as_ref().unwrap().title, "Cavia");
}

#[test]
fn undo_reaches_the_disk() {
    let (_dir, mut rt) = runtime();
    let mut model = home_model();
    settle(&mut model, &mut rt, vec![create("Ongedaan")]);
    let path = model.session.as_ref().unwrap().path.clone();
    let effects = type_text(&mut model, "3");
    settle(&mut model, &mut rt, effects);
    let effects = type_text(&mut model, "u");
    settle(&mut model, &mut rt, effects);
    let on_disk = goudenoor::store::load(&path).unwrap();
    assert_eq!(
        on_disk.respondents[0].answers.of("gouden-oor").level("go1"),
        None
    );
}

#[test]
fn a_note_reaches_the_disk_after_the_pause() {
    let (_dir, mut rt) = runtime();
    let mut model = home_model();
    settle(&mut model, &mut rt, vec![create("Notitie")]);
    let path = model.session.as_ref().unwrap().path.clone();
    type_text(&mut model, "e");
    let effects = type_text(&mut model, "bewijs");
    assert!(effects.iter().all(|e| *e == Effect::SaveSoon));
    settle(&mut model, &mut rt, effects);
    let effects = update(&mut model, Msg::SaveDue);
    settle(&mut model, &mut rt, effects);
    let on_disk = goudenoor::store::load(&path).unwrap();
    assert_eq!(
        on_disk.respondents[0].answers.of("gouden-oor").note("go1"),
        "bewijs"
    );
}

#[test]
fn rename_and_trash_go_through_the_store() {
    let (dir, mut rt) = runtime();
    let mut model = home_model();
    settle(&mut model, &mut rt, vec![create("Oud")]);
    settle(&mut model, &mut rt, vec![Effect::Close, Effect::List]);
    let path = model.home.entries[0].path.clone();
    settle(
        &mut model,
        &mut rt,
        vec![
            Effect::Rename {
                path: path.clone(),
                title: "Nieuw".into(),
                organisation: "Org".into(),
            },
            Effect::List,
        ],
    );
    let listing = model.home.entries[0].listing.as_ref().unwrap();
    assert_eq!(listing.title, "Nieuw");
    assert_eq!(listing.organisation, "Org");
    assert_eq!(model.home.entries[0].path, path, "the file name stays");
    settle(
        &mut model,
        &mut rt,
        vec![Effect::Trash(path.clone()), Effect::List],
    );
    assert!(model.home.entries.is_empty());
    assert!(dir.path().join("prullenbak").read_dir().unwrap().count() >= 1);
}

#[test]
fn second_instance_opens_read_only() {
    let (dir, mut first) = runtime();
    let mut model = home_model();
    settle(&mut model, &mut first, vec![create("Gedeeld")]);
    let path = model.session.as_ref().unwrap().path.clone();
    let mut second = Runtime::new(Store::open(dir.path()).unwrap(), instruments());
    match second.open(&path) {
        Msg::Opened(opened) => assert!(opened.read_only),
        other => panic!("{other:?}"),
    }
}

#[test]
fn opening_a_damaged_file_reports_it() {
    let (dir, mut rt) = runtime();
    let path = dir.path().join("kapot.ron");
    std::fs::write(&path, "(format: 2, title: ").unwrap();
    match rt.open(&path) {
        Msg::Failed(message) => assert!(message.contains("kapot.ron"), "{message}"),
        other => panic!("{other:?}"),
    }
    let entries = rt.list();
    assert!(entries[0].listing.is_err());
}

#[test]
fn a_deleted_assessment_is_put_back_from_the_trash_in_the_app() {
    let (dir, mut rt) = runtime();
    let mut model = home_model();
    settle(&mut model, &mut rt, vec![create("Nulmeting")]);
    let effects = update(&mut model, Msg::Back);
    settle(&mut model, &mut rt, effects);
    let path = dir.path().join("nulmeting.ron");
    settle(
        &mut model,
        &mut rt,
        vec![Effect::Trash(path.clone()), Effect::List],
    );
    assert!(!path.exists());
    // A new one takes the name meanwhile: putting back never overwrites it.
    settle(&mut model, &mut rt, vec![create("Nulmeting")]);
    let effects = update(&mut model, Msg::Back);
    settle(&mut model, &mut rt, effects);
    let taken = std::fs::read(&path).unwrap();
    let effects = press(&mut model, &[KeyCode::Char('p')]);
    settle(&mut model, &mut rt, effects);
    assert!(
        matches!(&model.home.dialog, Some(goudenoor::app::Dialog::Trash { entries, .. }) if entries.len() == 1),
        "{:?}",
        model.home.dialog
    );
    let screen = screen(&mut model, 100, 30);
    assert!(
        screen.contains("Prullenbak") && screen.contains("Nulmeting"),
        "{screen}"
    );
    let effects = press(&mut model, &[KeyCode::Enter]);
    settle(&mut model, &mut rt, effects);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        taken,
        "the newer file is untouched"
    );
    let restored = dir.path().join("nulmeting-2.ron");
    assert!(restored.exists(), "put back under a free name");
    assert_eq!(model.home.entries.len(), 2);
    assert!(
        matches!(&model.notice, Some(goudenoor::app::Notice::Info(t)) if t.contains("Teruggezet"))
    );
    // An empty trash says so.
    let effects = press(&mut model, &[KeyCode::Char('p')]);
    settle(&mut model, &mut rt, effects);
    assert!(matches!(&model.notice, Some(goudenoor::app::Notice::Info(t)) if t.contains("leeg")));
}

#[test]
fn an_export_names_every_file_it_wrote_and_the_status_shows_it_whole() {
    let (dir, runtime) = runtime();
    let folder = dir.path().join("Documenten");
    let written = vec![
        folder.join("nulmeting-2026-12-07.html"),
        folder.join("nulmeting-klachtenprocedure-2026-12-07.html"),
    ];
    let answer = written.clone();
    let mut runtime = runtime.with_exporter(Box::new(move |_, _| Ok(answer.clone())));
    let mut model = opened(blank());
    go(&mut model, |s| s == goudenoor::app::Step::Results);
    let effects = type_text(&mut model, "x");
    settle(&mut model, &mut runtime, effects);
    let text = screen(&mut model, 80, 24);
    let flat = text
        .lines()
        .map(|l| l.trim_matches('"').trim())
        .collect::<Vec<_>>()
        .join(" ");
    for path in &written {
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(flat.contains(name.as_ref()), "{name}:\n{text}");
    }
    assert!(flat.contains("concept klachtenprocedure"), "{text}");
    assert!(
        flat.replace(' ', "")
            .contains(&folder.display().to_string().replace(' ', "")),
        "the folder, whole:\n{text}"
    );
}
