//! The app driven by keys and clicks: messages, effects and what ends up on screen.

mod common;

use common::*;
use crossterm::event::KeyCode;
use goudenoor::app::{Dialog, Effect, HomeEntry, Listing, Msg, Notice, Step, update};
use goudenoor::domain::{Level, Status};
use goudenoor::fixtures::{fixed_time, sample_assessment};
use std::path::PathBuf;

fn listing(title: &str) -> HomeEntry {
    HomeEntry {
        slug: goudenoor::store::slugify(title),
        path: PathBuf::from(format!("/data/{}.ron", goudenoor::store::slugify(title))),
        listing: Ok(Listing {
            title: title.into(),
            organisation: "Org".into(),
            updated: fixed_time(),
            progress: 40,
            gouden_oor: Some("2,3".into()),
            stv: None,
            respondents: 1,
            ..Default::default()
        }),
    }
}

#[test]
fn new_assessment_asks_title_then_organisation() {
    let mut model = home_model();
    type_text(&mut model, "n");
    assert!(matches!(model.home.dialog, Some(Dialog::New { .. })));
    type_text(&mut model, "Nulmeting Q1");
    assert!(
        press(&mut model, &[KeyCode::Enter]).is_empty(),
        "Enter moves to the organisation"
    );
    type_text(&mut model, "Zorg & Co");
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert_eq!(
        effects,
        [Effect::Create {
            title: "Nulmeting Q1".into(),
            organisation: "Zorg & Co".into()
        }]
    );
    assert!(model.home.dialog.is_none());
}

#[test]
fn new_assessment_without_title_is_not_created() {
    let mut model = home_model();
    type_text(&mut model, "n");
    press(&mut model, &[KeyCode::Tab]);
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert!(effects.is_empty());
    assert!(model.home.dialog.is_some());
    press(&mut model, &[KeyCode::Esc]);
    assert!(model.home.dialog.is_none());
}

#[test]
fn q_in_a_text_field_types_a_q() {
    let mut model = home_model();
    type_text(&mut model, "nq");
    match &model.home.dialog {
        Some(Dialog::New { title, .. }) => assert_eq!(title.text(), "q"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn home_selects_opens_renames_and_deletes() {
    let mut model = home_model();
    update(
        &mut model,
        Msg::Listed(vec![listing("Eerste"), listing("Tweede")]),
    );
    press(&mut model, &[KeyCode::Down]);
    assert_eq!(model.home.selected, 1);
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert_eq!(effects, [Effect::Open(PathBuf::from("/data/tweede.ron"))]);

    type_text(&mut model, "r");
    press(&mut model, &[KeyCode::Backspace; 6]);
    type_text(&mut model, "Later");
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert_eq!(
        effects,
        [
            Effect::Rename {
                path: PathBuf::from("/data/tweede.ron"),
                title: "Later".into()
            },
            Effect::List
        ]
    );

    type_text(&mut model, "x");
    assert!(matches!(
        model.home.dialog,
        Some(Dialog::ConfirmDelete { .. })
    ));
    let effects = type_text(&mut model, "j");
    assert_eq!(
        effects,
        [
            Effect::Trash(PathBuf::from("/data/tweede.ron")),
            Effect::List
        ]
    );
}

#[test]
fn delete_is_cancelled_by_any_other_key() {
    let mut model = home_model();
    update(&mut model, Msg::Listed(vec![listing("Eerste")]));
    type_text(&mut model, "x");
    assert!(type_text(&mut model, "q").is_empty());
    assert!(model.home.dialog.is_none());
}

#[test]
fn broken_entry_shows_its_error_instead_of_opening() {
    let mut model = home_model();
    update(
        &mut model,
        Msg::Listed(vec![HomeEntry {
            slug: "kapot".into(),
            path: PathBuf::from("/data/kapot.ron"),
            listing: Err("/data/kapot.ron is beschadigd: regel 3, kolom 10".into()),
        }]),
    );
    assert!(press(&mut model, &[KeyCode::Enter]).is_empty());
    assert!(matches!(&model.notice, Some(Notice::Error(e)) if e.contains("kapot.ron")));
}

#[test]
fn opening_resumes_at_the_first_unanswered_step() {
    let mut assessment = blank();
    assessment.respondents[0]
        .answers
        .edit_shift("go1", |a| a.level = Level::new(2));
    let model = opened(assessment);
    assert_eq!(model.step(), Some(Step::Shift(1)));
}

#[test]
fn number_keys_set_the_current_level_and_save() {
    let mut model = opened(blank());
    let effects = type_text(&mut model, "3");
    let saved = saved(&effects).expect("saved");
    assert_eq!(saved.respondents[0].answers.level("go1"), Level::new(3));
    let effects = type_text(&mut model, "0");
    assert_eq!(saved_level(&effects), None);
}

fn saved_level(effects: &[Effect]) -> Option<Level> {
    saved(effects).unwrap().respondents[0].answers.level("go1")
}

#[test]
fn arrows_and_enter_choose_a_card() {
    let mut model = opened(blank());
    let effects = press(
        &mut model,
        &[
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Up,
            KeyCode::Enter,
        ],
    );
    assert_eq!(saved_level(&effects), Level::new(3));
}

#[test]
fn d_sets_and_clears_the_ambition_under_the_cursor() {
    let mut model = opened(blank());
    press(&mut model, &[KeyCode::Down, KeyCode::Down, KeyCode::Down]);
    let effects = type_text(&mut model, "d");
    assert_eq!(
        saved(&effects).unwrap().respondents[0]
            .answers
            .ambition("go1"),
        Level::new(4)
    );
    let effects = type_text(&mut model, "d");
    assert_eq!(
        saved(&effects).unwrap().respondents[0]
            .answers
            .ambition("go1"),
        None
    );
}

#[test]
fn note_is_saved_while_typing_and_esc_closes_the_editor() {
    let mut model = opened(blank());
    type_text(&mut model, "e");
    let effects = type_text(&mut model, "Zie q3");
    assert_eq!(effects.len(), 6, "one save per keystroke");
    press(&mut model, &[KeyCode::Enter]);
    let effects = type_text(&mut model, "x");
    assert_eq!(
        saved(&effects).unwrap().respondents[0]
            .answers
            .shift("go1")
            .note,
        "Zie q3\nx"
    );
    press(&mut model, &[KeyCode::Esc]);
    assert!(model.session.as_ref().unwrap().editor.is_none());
    assert!(
        model.session.is_some(),
        "Esc in the editor does not leave the assessment"
    );
}

#[test]
fn tab_and_shift_tab_walk_the_steps_and_never_lock() {
    let mut model = opened(blank());
    press(&mut model, &[KeyCode::BackTab]);
    assert_eq!(model.step(), Some(Step::Shift(0)));
    press(&mut model, &[KeyCode::Tab; 20]);
    assert_eq!(model.step(), Some(Step::Results));
    press(&mut model, &[KeyCode::PageUp]);
    assert_eq!(model.step(), Some(Step::Results), "PgUp scrolls on results");
    press(&mut model, &[KeyCode::BackTab]);
    assert_eq!(model.step(), Some(Step::Part(3)));
    press(&mut model, &[KeyCode::PageUp]);
    assert_eq!(model.step(), Some(Step::Part(2)));
}

#[test]
fn criteria_are_marked_met_not_met_and_open() {
    let mut model = opened(blank());
    update(&mut model, Msg::GoToStep(10));
    assert_eq!(model.step(), Some(Step::Part(1)));
    let status =
        |effects: &[Effect], id: &str| saved(effects).unwrap().respondents[0].answers.status(id);
    let effects = press(&mut model, &[KeyCode::Down]);
    assert!(effects.is_empty());
    let effects = type_text(&mut model, "v");
    assert_eq!(status(&effects, "II.2"), Status::Met);
    let effects = type_text(&mut model, "n");
    assert_eq!(status(&effects, "II.2"), Status::NotMet);
    let effects = type_text(&mut model, " ");
    assert_eq!(status(&effects, "II.2"), Status::Open);
    let effects = type_text(&mut model, " ");
    assert_eq!(status(&effects, "II.2"), Status::Met);
}

#[test]
fn enter_on_the_introduction_folds_it() {
    let mut model = opened(blank());
    update(&mut model, Msg::GoToStep(9));
    assert!(model.session.as_ref().unwrap().intro_open);
    press(&mut model, &[KeyCode::Enter]);
    assert!(!model.session.as_ref().unwrap().intro_open);
    type_text(&mut model, "i");
    assert!(model.session.as_ref().unwrap().intro_open);
}

#[test]
fn response_percentage_is_entered_on_part_four() {
    let mut model = opened(blank());
    update(&mut model, Msg::GoToStep(12));
    type_text(&mut model, "p");
    type_text(&mut model, "85");
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert_eq!(
        saved(&effects).unwrap().respondents[0].answers.response_pct,
        Some(85)
    );
    type_text(&mut model, "p");
    press(&mut model, &[KeyCode::Backspace, KeyCode::Backspace]);
    type_text(&mut model, "abc");
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert!(effects.is_empty());
    assert!(matches!(&model.notice, Some(Notice::Error(e)) if e.contains("abc")));
    assert_eq!(
        model.session.as_ref().unwrap().answers().response_pct,
        Some(85)
    );
}

#[test]
fn percentage_key_does_nothing_on_other_parts() {
    let mut model = opened(blank());
    update(&mut model, Msg::GoToStep(9));
    type_text(&mut model, "p");
    assert!(model.session.as_ref().unwrap().editor.is_none());
}

#[test]
fn esc_goes_home_and_q_quits() {
    let mut model = opened(blank());
    let effects = press(&mut model, &[KeyCode::Esc]);
    assert_eq!(effects, [Effect::Close, Effect::List]);
    assert!(model.session.is_none());
    let effects = type_text(&mut model, "q");
    assert_eq!(effects, [Effect::Quit]);
}

#[test]
fn help_opens_with_question_mark_and_any_key_closes_it() {
    let mut model = opened(blank());
    type_text(&mut model, "?");
    assert!(model.help);
    let effects = type_text(&mut model, "3");
    assert!(
        effects.is_empty(),
        "a key that closes help does nothing else"
    );
    assert!(!model.help);
}

#[test]
fn read_only_sessions_never_emit_saves() {
    let mut model = home_model();
    update(
        &mut model,
        Msg::Opened(Box::new(goudenoor::app::Opened {
            path: PathBuf::from("/data/x.ron"),
            assessment: blank(),
            read_only: true,
        })),
    );
    assert!(matches!(&model.notice, Some(Notice::Info(t)) if t.contains("Alleen-lezen")));
    let effects = type_text(&mut model, "2");
    assert!(saved(&effects).is_none());
    assert_eq!(
        model.session.as_ref().unwrap().answers().level("go1"),
        Level::new(2)
    );
}

#[test]
fn save_failure_keeps_answers_in_memory_and_says_so() {
    let mut model = opened(blank());
    type_text(&mut model, "2");
    update(
        &mut model,
        Msg::Failed("Opslaan in /data/x.ron is mislukt: schijf vol".into()),
    );
    assert_eq!(
        model.session.as_ref().unwrap().answers().level("go1"),
        Level::new(2)
    );
    let text = screen(&mut model, 80, 24);
    assert!(text.contains("schijf vol"), "{text}");
}

#[test]
fn clicking_a_card_chooses_that_level() {
    let mut model = opened(blank());
    resize(&mut model, 80, 24);
    // The first card starts at row 3 in the main panel, right of the 26-column sidebar.
    let effects = click(&mut model, 40, 4);
    assert_eq!(saved_level(&effects), Level::new(1));
    let text = screen(&mut model, 80, 24);
    let row = text
        .lines()
        .position(|l| l.contains("2 goed"))
        .expect("card 2 visible");
    let effects = click(&mut model, 40, row as u16);
    assert_eq!(saved_level(&effects), Level::new(2));
}

#[test]
fn clicking_the_side_panel_jumps_to_a_step() {
    let mut model = opened(blank());
    let text = screen(&mut model, 80, 24);
    let row = text
        .lines()
        .position(|l| l.contains("III Lerende"))
        .unwrap();
    click(&mut model, 5, row as u16);
    assert_eq!(model.step(), Some(Step::Part(2)));
    let row = text.lines().position(|l| l.contains("Resultaten")).unwrap();
    click(&mut model, 5, row as u16);
    assert_eq!(model.step(), Some(Step::Results));
}

#[test]
fn clicking_a_criterion_cycles_it() {
    let mut model = opened(blank());
    update(&mut model, Msg::GoToStep(9));
    press(&mut model, &[KeyCode::Enter]); // fold the introduction
    let text = screen(&mut model, 80, 24);
    let row = text
        .lines()
        .position(|l| l.contains("I.2 · Score 2"))
        .unwrap();
    let effects = click(&mut model, 50, row as u16 + 1);
    assert_eq!(
        saved(&effects).unwrap().respondents[0]
            .answers
            .status("I.2"),
        Status::Met
    );
    assert_eq!(model.session.as_ref().unwrap().row, 1);
}

#[test]
fn results_scroll_stops_at_the_end() {
    let mut model = opened(sample_assessment(instruments(), 1));
    resize(&mut model, 80, 24);
    update(&mut model, Msg::GoToStep(13));
    press(&mut model, &[KeyCode::PageDown; 30]);
    let bottom = model.session.as_ref().unwrap().scroll;
    assert!(bottom > 0);
    press(&mut model, &[KeyCode::PageDown]);
    assert_eq!(model.session.as_ref().unwrap().scroll, bottom);
    press(&mut model, &[KeyCode::Up]);
    assert_eq!(model.session.as_ref().unwrap().scroll, bottom - 1);
}

#[test]
fn small_window_asks_for_a_larger_one() {
    let mut model = opened(blank());
    let text = screen(&mut model, 60, 20);
    assert!(text.contains("te klein"), "{text}");
    assert!(text.contains("80×24"));
}

#[test]
fn g_and_capital_g_jump_to_the_first_step_and_the_results() {
    let mut model = opened(blank());
    update(&mut model, Msg::GoToStep(5));
    type_text(&mut model, "G");
    assert_eq!(model.step(), Some(Step::Results));
    type_text(&mut model, "g");
    assert_eq!(model.step(), Some(Step::Shift(0)));
    press(&mut model, &[KeyCode::End]);
    assert_eq!(model.step(), Some(Step::Results));
}

#[test]
fn ctrl_c_quits_from_anywhere_with_the_note_already_saved() {
    use crossterm::event::{Event, KeyEvent, KeyModifiers};
    let ctrl_c = || Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let mut model = opened(blank());
    type_text(&mut model, "e");
    let effects = type_text(&mut model, "bewijs");
    assert_eq!(
        saved(&effects).unwrap().respondents[0]
            .answers
            .shift("go1")
            .note,
        "bewijs"
    );
    assert_eq!(feed(&mut model, [ctrl_c()]), [Effect::Close, Effect::Quit]);

    let mut home = home_model();
    type_text(&mut home, "nhalf");
    assert_eq!(
        feed(&mut home, [ctrl_c()]),
        [Effect::Quit],
        "also from a dialog"
    );
}
