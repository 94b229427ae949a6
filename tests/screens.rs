//! What each screen shows: snapshots at 80×24 and 120×40, and no panic at any size.

mod common;

use common::*;
use crossterm::event::KeyCode;
use goudenoor::app::{HomeEntry, Listing, Model, Msg, update};
use goudenoor::domain::{Level, Status};
use goudenoor::fixtures::{fixed_time, sample_assessment};
use proptest::prelude::*;
use std::path::PathBuf;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snapshot_sizes(name: &str, model: &mut Model) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(model, w, h));
    }
}

fn home_with_entries() -> Model {
    let mut model = home_model();
    update(
        &mut model,
        Msg::Listed(vec![
            HomeEntry {
                slug: "nulmeting-2026".into(),
                path: PathBuf::from("/data/nulmeting-2026.ron"),
                listing: Ok(Listing {
                    title: "Nulmeting 2026".into(),
                    organisation: "Voorbeeld B.V.".into(),
                    updated: fixed_time(),
                    progress: 100,
                    gouden_oor: Some("2,4".into()),
                    stv: Some("3,3".into()),
                    respondents: 1,
                    ..Default::default()
                }),
            },
            HomeEntry {
                slug: "kapot".into(),
                path: PathBuf::from("/data/kapot.ron"),
                listing: Err("/data/kapot.ron is beschadigd: regel 3, kolom 10: Expected string. Het bestand is niet gewijzigd.".into()),
            },
        ]),
    );
    model
}

/// A half-done solo check: some shifts, some criteria, a gap in part I.
fn partly_answered() -> goudenoor::domain::Assessment {
    let mut assessment = blank();
    let answers = &mut assessment.respondents[0].answers;
    for (id, level, ambition) in [("go1", 2, 3), ("go2", 3, 4), ("go3", 1, 3), ("go5", 4, 4)] {
        answers.edit_shift(id, |a| {
            a.level = Level::new(level);
            a.ambition = Level::new(ambition);
        });
    }
    answers.edit_shift("go1", |a| {
        a.note = "Klachten komen vooral per mail binnen.".into()
    });
    for (id, status) in [
        ("I.2", Status::Met),
        ("I.3", Status::NotMet),
        ("I.5", Status::Met),
        ("II.2", Status::Met),
        ("II.3", Status::Met),
        ("II.A", Status::Met),
        ("IV.1a", Status::Met),
        ("IV.4", Status::Met),
    ] {
        answers.edit_criterion(id, |a| a.status = status);
    }
    answers.edit_criterion("I.2", |a| {
        a.note = "Beleidsplan 2026, vastgesteld door de directie".into()
    });
    answers.response_pct = Some(86);
    assessment
}

#[test]
fn home_empty() {
    snapshot_sizes("home_empty", &mut home_model());
}

#[test]
fn home_with_a_broken_file() {
    snapshot_sizes("home_list", &mut home_with_entries());
}

#[test]
fn home_new_dialog() {
    let mut model = home_model();
    type_text(&mut model, "nNulmeting");
    snapshot_sizes("home_new", &mut model);
}

#[test]
fn shift_screen() {
    let mut model = opened(partly_answered());
    update(&mut model, Msg::GoToStep(0));
    snapshot_sizes("shift_go1", &mut model);
}

#[test]
fn shift_note_editor() {
    let mut model = opened(partly_answered());
    update(&mut model, Msg::GoToStep(0));
    type_text(&mut model, "e");
    type_text(&mut model, " En via de telefoon.");
    snapshot_sizes("shift_note", &mut model);
}

#[test]
fn each_norm_part() {
    for (step, name) in [
        (9, "part_i"),
        (10, "part_ii"),
        (11, "part_iii"),
        (12, "part_iv"),
    ] {
        let mut model = opened(partly_answered());
        update(&mut model, Msg::GoToStep(step));
        snapshot_sizes(name, &mut model);
    }
}

#[test]
fn part_with_folded_introduction_and_cursor_on_a_criterion() {
    let mut model = opened(partly_answered());
    update(&mut model, Msg::GoToStep(9));
    press(&mut model, &[KeyCode::Enter, KeyCode::Down, KeyCode::Down]);
    snapshot_sizes("part_i_folded", &mut model);
}

#[test]
fn help_overlay() {
    let mut model = opened(partly_answered());
    type_text(&mut model, "?");
    snapshot_sizes("help", &mut model);
}

#[test]
fn results_partly_answered() {
    let mut model = opened(partly_answered());
    update(&mut model, Msg::GoToStep(13));
    snapshot_sizes("results_partial", &mut model);
}

#[test]
fn results_fully_answered() {
    let mut model = opened(sample_assessment(instruments(), 1));
    update(&mut model, Msg::GoToStep(13));
    snapshot_sizes("results_full", &mut model);
    insta::assert_snapshot!("results_full_200x60", screen(&mut model, 200, 60));
}

#[test]
fn results_of_an_empty_assessment_say_what_is_missing() {
    let mut model = opened(blank());
    update(&mut model, Msg::GoToStep(13));
    let text = screen(&mut model, 80, 24);
    assert!(text.contains("Nog geen shift beantwoord"), "{text}");
    assert!(!text.contains("Gemiddeld 0"), "no misleading zero");
}

#[test]
fn no_color_still_marks_the_selection() {
    let mut model = home_with_entries();
    resize(&mut model, 80, 24);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| f.render_widget(&model, f.area()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let row = (0..24)
        .find(|y| buffer[(0, *y)].symbol() == "N" && buffer[(1, *y)].symbol() == "u")
        .expect("the first entry's row");
    assert!(
        buffer[(0, row)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
    assert!((0..80).all(|x| (0..24).all(|y| buffer[(x, y)].fg == ratatui::style::Color::Reset)));
}

fn all_screens() -> Vec<Model> {
    let mut models = vec![home_model(), home_with_entries()];
    let mut dialog = home_model();
    type_text(&mut dialog, "nTitel");
    models.push(dialog);
    for step in 0..14 {
        let mut model = opened(partly_answered());
        update(&mut model, Msg::GoToStep(step));
        models.push(model.clone());
        type_text(&mut model, "e");
        models.push(model);
    }
    let mut help = opened(blank());
    type_text(&mut help, "?");
    models.push(help);
    models
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn every_screen_renders_at_every_size(width in 1u16..260, height in 1u16..90) {
        for mut model in all_screens() {
            let _ = screen(&mut model, width, height);
        }
    }
}

#[test]
fn every_screen_renders_at_tiny_and_edge_sizes() {
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (79, 24),
        (80, 23),
        (80, 24),
        (81, 25),
        (300, 100),
    ] {
        for mut model in all_screens() {
            let _ = screen(&mut model, w, h);
        }
    }
}
