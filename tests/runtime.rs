//! The runtime carries out effects with a real store: the app's answers reach the disk.

mod common;

use common::*;
use goudenoor::app::{Effect, Msg, Runtime, update};
use goudenoor::domain::Level;
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
        if let Some(reply) = runtime.run(effect) {
            queue.extend(update(model, reply));
        }
    }
}

#[test]
fn created_assessment_is_saved_and_reopens_with_its_answers() {
    let (_dir, mut rt) = runtime();
    let mut model = home_model();
    let effects = type_text(&mut model, "nTitel");
    settle(&mut model, &mut rt, effects);
    let effects = feed(
        &mut model,
        [
            key(crossterm::event::KeyCode::Enter),
            key(crossterm::event::KeyCode::Enter),
        ],
    );
    settle(&mut model, &mut rt, effects);
    assert!(model.session.is_some());
    let effects = type_text(&mut model, "4");
    settle(&mut model, &mut rt, effects);
    assert!(model.last_saved.is_some());
    let effects = feed(&mut model, [key(crossterm::event::KeyCode::Esc)]);
    settle(&mut model, &mut rt, effects);
    assert_eq!(model.home.entries.len(), 1);
    let listing = model.home.entries[0].listing.as_ref().unwrap();
    assert_eq!(listing.title, "Titel");
    assert_eq!(listing.gouden_oor.as_deref(), Some("4,0"));

    let effects = feed(&mut model, [key(crossterm::event::KeyCode::Enter)]);
    settle(&mut model, &mut rt, effects);
    let session = model.session.as_ref().unwrap();
    assert_eq!(session.answers().level("go1"), Level::new(4));
}

#[test]
fn rename_and_trash_go_through_the_store() {
    let (dir, mut rt) = runtime();
    let mut model = home_model();
    settle(
        &mut model,
        &mut rt,
        vec![Effect::Create {
            title: "Oud".into(),
            organisation: String::new(),
        }],
    );
    settle(&mut model, &mut rt, vec![Effect::Close, Effect::List]);
    let path = model.home.entries[0].path.clone();
    settle(
        &mut model,
        &mut rt,
        vec![
            Effect::Rename {
                path: path.clone(),
                title: "Nieuw".into(),
            },
            Effect::List,
        ],
    );
    assert_eq!(
        model.home.entries[0].listing.as_ref().unwrap().title,
        "Nieuw"
    );
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
    settle(
        &mut model,
        &mut first,
        vec![Effect::Create {
            title: "Gedeeld".into(),
            organisation: String::new(),
        }],
    );
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
