//! Rounds: starting the next one, grouping them, and comparing two.

mod common;

use common::*;
use crossterm::event::KeyCode;
use goudenoor::app::{Effect, Msg, Notice, Runtime, update};
use goudenoor::domain::compare::compare;
use goudenoor::domain::{Assessment, Level, Series, Status};
use goudenoor::fixtures::{fixed_time, sample_assessment};
use goudenoor::report::{CompareFormat, render_comparison};
use goudenoor::store::Store;

fn round_one() -> Assessment {
    let mut a = blank();
    let answers = &mut a.respondents[0].answers;
    for (id, level) in [("go1", 1), ("go2", 2), ("go3", 3), ("go4", 4)] {
        answers.edit_shift(id, |s| {
            s.level = Level::new(level);
            s.ambition = Level::new(3);
            s.note = "oude notitie".into();
        });
    }
    for id in ["I.2", "II.2", "III.2", "IV.1a"] {
        answers.edit_criterion(id, |c| {
            c.status = Status::Met;
            c.note = "oud bewijs".into();
        });
    }
    a.series = Some(Series {
        id: "reeks-x".into(),
        round: 1,
    });
    a
}

fn round_two() -> Assessment {
    let mut b = round_one().next_round(
        instruments(),
        Series {
            id: "reeks-x".into(),
            round: 2,
        },
        false,
        fixed_time(),
    );
    let answers = &mut b.respondents[0].answers;
    answers.edit_shift("go1", |s| s.level = Level::new(3));
    answers.edit_shift("go4", |s| s.level = Level::new(2));
    answers.edit_criterion("I.3", |c| c.status = Status::Met);
    b
}

#[test]
fn next_round_starts_from_results_and_ambitions_without_notes() {
    let b = round_one().next_round(
        instruments(),
        Series {
            id: "reeks-x".into(),
            round: 2,
        },
        false,
        fixed_time(),
    );
    assert_eq!(b.title, "Nulmeting 2026 (ronde 2)");
    assert_eq!(
        b.series,
        Some(Series {
            id: "reeks-x".into(),
            round: 2
        })
    );
    let answers = &b.respondents[0].answers;
    assert_eq!(answers.level("go3"), Level::new(3));
    assert_eq!(answers.ambition("go3"), Level::new(3));
    assert_eq!(answers.status("I.2"), Status::Met);
    assert_eq!(answers.shift("go3").note, "");
    assert_eq!(answers.criteria["I.2"].note, "");
    let again = b.next_round(
        instruments(),
        Series {
            id: "reeks-x".into(),
            round: 3,
        },
        false,
        fixed_time(),
    );
    assert_eq!(
        again.title, "Nulmeting 2026 (ronde 3)",
        "no piling up of suffixes"
    );
}

#[test]
fn a_blank_next_round_has_no_answers() {
    let b = round_one().next_round(
        instruments(),
        Series {
            id: "reeks-x".into(),
            round: 2,
        },
        true,
        fixed_time(),
    );
    assert!(b.respondents[0].answers.is_empty());
    assert_eq!(b.organisation, round_one().organisation);
}

#[test]
fn a_workshop_round_starts_from_what_the_group_agreed() {
    let mut a = sample_assessment(instruments(), 3);
    a.agreed.edit_shift("go1", |s| s.level = Level::new(4));
    let b = a.next_round(
        instruments(),
        Series {
            id: "r".into(),
            round: 2,
        },
        false,
        fixed_time(),
    );
    assert_eq!(b.respondents.len(), 1);
    assert_eq!(b.respondents[0].answers.level("go1"), Level::new(4));
}

#[test]
fn comparison_shows_changes_totals_and_achieved_steps() {
    let c = compare(instruments(), &round_one(), &round_two());
    assert!(c.caveats.is_empty(), "{:?}", c.caveats);
    let go1 = &c.shifts[0];
    assert_eq!(
        (go1.before, go1.after, go1.delta()),
        (Level::new(1), Level::new(3), Some(2))
    );
    assert_eq!(c.shifts[3].delta(), Some(-2));
    assert_eq!(c.shifts[8].delta(), None, "not answered in either");
    assert_eq!(c.parts[0].before, Some(2));
    assert_eq!(c.parts[0].after, Some(3));
    assert!(c.achieved.iter().any(|s| s.starts_with("1 Feedback")));
    assert!(c.achieved.iter().any(|s| s.starts_with("I Beleid")));
    assert!(c.open.iter().any(|s| s.starts_with("2 Beleving")));
    assert_eq!(
        goudenoor::domain::compare::signed(c.mean_before.unwrap(), c.mean_after.unwrap()),
        "0,0"
    );
}

#[test]
fn unrelated_assessments_are_compared_with_a_caveat() {
    let mut other = round_two();
    other.series = None;
    let c = compare(instruments(), &round_one(), &other);
    assert!(
        c.caveats
            .iter()
            .any(|c| c.contains("niet bij dezelfde reeks"))
    );
    assert_eq!(c.shifts.len(), 9);
}

#[test]
fn what_cannot_be_compared_is_said() {
    let mut other = round_two();
    other.instruments.retain(|i| i.id != "stv-kfm");
    let c = compare(instruments(), &round_one(), &other);
    assert!(c.parts.is_empty());
    assert!(c.caveats.iter().any(|c| c.contains("niet in beide")));
    let mut newer = round_two();
    newer.instruments[0].version = 2;
    let c = compare(instruments(), &round_one(), &newer);
    assert!(
        c.caveats
            .iter()
            .any(|c| c.contains("versie 1 tegenover versie 2"))
    );
    assert_eq!(c.shifts.len(), 9, "same ids are still compared");
}

#[test]
fn golden_compare_formats() {
    for (format, name) in [
        (CompareFormat::Text, "compare_text"),
        (CompareFormat::Md, "compare_md"),
        (CompareFormat::Json, "compare_json"),
        (CompareFormat::Html, "compare_html"),
    ] {
        insta::assert_snapshot!(
            name,
            render_comparison(instruments(), &round_one(), &round_two(), format)
        );
    }
}

#[test]
fn compare_json_reads_back() {
    let text = render_comparison(
        instruments(),
        &round_one(),
        &round_two(),
        CompareFormat::Json,
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema"], "goudenoor-compare/1");
    assert_eq!(v["shifts"][0]["change"], 2);
    assert_eq!(v["second"]["round"], 2);
    assert!(v["shifts"][8]["change"].is_null());
}

fn store_with_rounds() -> (tempfile::TempDir, Runtime) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut first = blank();
    first.respondents[0]
        .answers
        .edit_shift("go1", |s| s.level = Level::new(1));
    store.create(&first).unwrap();
    (dir, Runtime::new(store, instruments()))
}

fn open_round(rt: &mut Runtime, from: &std::path::Path, blank: bool) -> goudenoor::app::Opened {
    match rt.run(Effect::NewRound {
        from: from.to_path_buf(),
        blank,
    }) {
        Some(Msg::Opened(opened)) => *opened,
        other => panic!("{other:?}"),
    }
}

#[test]
fn rounds_are_linked_numbered_and_grouped() {
    let (dir, mut rt) = store_with_rounds();
    let first = dir.path().join("nulmeting-2026.ron");
    let second = open_round(&mut rt, &first, false);
    rt.run(Effect::Close);
    assert_eq!(second.assessment.series.as_ref().unwrap().round, 2);
    assert_eq!(
        goudenoor::store::load(&first)
            .unwrap()
            .series
            .unwrap()
            .round,
        1,
        "the source joined the series"
    );
    // A round started from round 1 again is numbered after the last one.
    let third = open_round(&mut rt, &first, true);
    rt.run(Effect::Close);
    assert_eq!(third.assessment.series.as_ref().unwrap().round, 3);
    // Something unrelated in between.
    rt.run(Effect::Create {
        title: "Los".into(),
        organisation: String::new(),
    });
    rt.run(Effect::Close);
    let entries = rt.list();
    let rounds: Vec<Option<u32>> = entries
        .iter()
        .map(|e| e.listing.as_ref().unwrap().series.as_ref().map(|s| s.round))
        .collect();
    let at = rounds.iter().position(|r| *r == Some(1)).unwrap();
    assert_eq!(&rounds[at..at + 3], [Some(1), Some(2), Some(3)]);
}

#[test]
fn links_survive_renames_and_deletions() {
    let (dir, mut rt) = store_with_rounds();
    let first = dir.path().join("nulmeting-2026.ron");
    let second = open_round(&mut rt, &first, false).path;
    rt.run(Effect::Close);
    let third = open_round(&mut rt, &first, false).path;
    rt.run(Effect::Close);
    rt.run(Effect::Rename {
        path: first.clone(),
        title: "Heel andere titel".into(),
    });
    rt.run(Effect::Trash(second));
    let entries = rt.list();
    assert_eq!(entries.len(), 2);
    let mut model = home_model();
    update(&mut model, Msg::Listed(entries));
    let index = model
        .home
        .entries
        .iter()
        .position(|e| e.path == third)
        .unwrap();
    model.home.selected = index;
    let effects = type_text(&mut model, "c");
    assert_eq!(
        effects,
        [Effect::Compare { a: first, b: third }],
        "round 3 compares with round 1"
    );
}

#[test]
fn compare_without_a_previous_round_explains_marking() {
    let (_dir, rt) = store_with_rounds();
    let mut model = home_model();
    update(&mut model, Msg::Listed(rt.list()));
    assert!(type_text(&mut model, "c").is_empty());
    assert!(matches!(&model.notice, Some(Notice::Info(t)) if t.contains("Markeer")));
}

#[test]
fn marked_assessment_is_compared_with_the_selected_one() {
    let mut model = home_model();
    let entries = (0..2)
        .map(|i| goudenoor::app::HomeEntry {
            slug: format!("b{i}"),
            path: format!("/data/b{i}.ron").into(),
            listing: Ok(goudenoor::app::runtime_listing(instruments(), &blank())),
        })
        .collect();
    update(&mut model, Msg::Listed(entries));
    type_text(&mut model, "m");
    press(&mut model, &[KeyCode::Down]);
    let effects = type_text(&mut model, "c");
    assert_eq!(
        effects,
        [Effect::Compare {
            a: "/data/b0.ron".into(),
            b: "/data/b1.ron".into()
        }]
    );
}

#[test]
fn new_round_dialog_offers_results_or_blank() {
    let (_dir, rt) = store_with_rounds();
    let mut model = home_model();
    update(&mut model, Msg::Listed(rt.list()));
    type_text(&mut model, "+");
    let effects = type_text(&mut model, "b");
    assert!(matches!(
        &effects[..],
        [Effect::NewRound { blank: true, .. }]
    ));
    type_text(&mut model, "+");
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert!(matches!(
        &effects[..],
        [Effect::NewRound { blank: false, .. }]
    ));
    type_text(&mut model, "+");
    assert!(press(&mut model, &[KeyCode::Esc]).is_empty());
}

#[test]
fn compare_screen_snapshots_and_scrolls() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let a = store.create(&round_one()).unwrap().path().to_path_buf();
    let b = store.create(&round_two()).unwrap().path().to_path_buf();
    let mut rt = Runtime::new(store, instruments());
    let mut model = home_model();
    let reply = rt.run(Effect::Compare { a, b }).unwrap();
    update(&mut model, reply);
    assert!(model.compare.is_some());
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("compare_screen_{w}x{h}"), screen(&mut model, w, h));
    }
    resize(&mut model, 80, 24);
    press(&mut model, &[KeyCode::PageDown; 5]);
    let bottom = model.compare.as_ref().unwrap().scroll;
    assert!(bottom > 0);
    press(&mut model, &[KeyCode::PageDown]);
    assert_eq!(model.compare.as_ref().unwrap().scroll, bottom);
    press(&mut model, &[KeyCode::Esc]);
    assert!(model.compare.is_none());
}
