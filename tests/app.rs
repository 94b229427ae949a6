//! The app driven by keys and clicks: messages, effects and what ends up on screen.

mod common;

use common::*;
use crossterm::event::KeyCode;
use goudenoor::app::{Column, Dialog, Effect, HomeEntry, Listing, Msg, Notice, Page, Step, update};
use goudenoor::domain::{Level, Status};
use goudenoor::fixtures::{fixed_time, sample_assessment};
use std::path::PathBuf;

const GO: &str = "gouden-oor";
const STV: &str = "stv-kfm";

fn listing(title: &str) -> HomeEntry {
    HomeEntry {
        slug: goudenoor::store::slugify(title),
        path: PathBuf::from(format!("/data/{}.ron", goudenoor::store::slugify(title))),
        listing: Ok(Listing {
            title: title.into(),
            organisation: "Org".into(),
            updated: fixed_time(),
            progress: 40,
            respondents: 1,
            columns: vec![Column {
                short: "GO".into(),
                value: Some("2,3".into()),
                ..Default::default()
            }],
            ..Default::default()
        }),
    }
}

fn level(a: &goudenoor::domain::Assessment, id: &str) -> Option<Level> {
    a.respondents[0].answers.of(GO).level(id)
}

fn status(a: &goudenoor::domain::Assessment, id: &str) -> Status {
    a.respondents[0].answers.of(STV).status(id)
}

fn norm_part(model: &mut goudenoor::app::Model, part: usize) {
    go(model, |s| s == Step::Page(1, Page::NormPart(part)));
}

#[test]
fn new_assessment_asks_title_organisation_and_instruments() {
    let mut model = home_model();
    type_text(&mut model, "n");
    assert!(matches!(model.home.dialog, Some(Dialog::New { .. })));
    type_text(&mut model, "Nulmeting Q1");
    assert!(
        press(&mut model, &[KeyCode::Enter]).is_empty(),
        "Enter moves to the organisation"
    );
    type_text(&mut model, "Zorg & Co");
    assert!(
        press(&mut model, &[KeyCode::Enter]).is_empty(),
        "Enter moves to the instruments"
    );
    // Add the third instrument of the registry.
    press(
        &mut model,
        &[KeyCode::Down, KeyCode::Down, KeyCode::Char(' ')],
    );
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert_eq!(
        effects,
        [Effect::Create {
            title: "Nulmeting Q1".into(),
            organisation: "Zorg & Co".into(),
            instruments: vec![GO.into(), STV.into(), "klachtenprocedure".into()],
        }]
    );
    assert!(model.home.dialog.is_none());
}

#[test]
fn new_assessment_without_title_is_not_created() {
    let mut model = home_model();
    type_text(&mut model, "n");
    press(&mut model, &[KeyCode::Tab, KeyCode::Tab]);
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
    assert!(
        press(&mut model, &[KeyCode::Enter]).is_empty(),
        "Enter moves to the organisation"
    );
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert_eq!(
        effects,
        [
            Effect::Rename {
                path: PathBuf::from("/data/tweede.ron"),
                title: "Later".into(),
                organisation: "Org".into(),
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
        .of_mut(GO)
        .set_level("go1", Level::new(2));
    let model = opened(assessment);
    assert_eq!(model.step(), Some(Step::Page(0, Page::GridItem(1))));
}

#[test]
fn number_keys_set_the_current_level_and_save() {
    let mut model = opened(blank());
    let effects = type_text(&mut model, "3");
    assert_eq!(level(saved(&effects).expect("saved"), "go1"), Level::new(3));
    let effects = type_text(&mut model, "0");
    assert_eq!(level(saved(&effects).expect("saved"), "go1"), None);
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
    assert_eq!(level(saved(&effects).unwrap(), "go1"), Level::new(3));
}

#[test]
fn d_sets_and_clears_the_ambition_under_the_cursor() {
    let mut model = opened(blank());
    press(&mut model, &[KeyCode::Down, KeyCode::Down, KeyCode::Down]);
    let effects = type_text(&mut model, "d");
    let ambition = |effects: &[Effect]| {
        saved(effects).unwrap().respondents[0]
            .answers
            .of(GO)
            .ambition("go1")
    };
    assert_eq!(ambition(&effects), Level::new(4));
    let effects = type_text(&mut model, "d");
    assert_eq!(ambition(&effects), None);
}

#[test]
fn note_is_saved_after_a_pause_on_closing_and_esc_closes_the_editor() {
    let mut model = opened(blank());
    type_text(&mut model, "e");
    let effects = type_text(&mut model, "Zie q3");
    assert_eq!(effects, vec![Effect::SaveSoon; 6], "no save per keystroke");
    let effects = update(&mut model, Msg::SaveDue);
    let note = |effects: &[Effect]| {
        saved(effects).unwrap().respondents[0]
            .answers
            .of(GO)
            .note("go1")
            .to_string()
    };
    assert_eq!(note(&effects), "Zie q3", "saved after the pause");
    assert!(
        update(&mut model, Msg::SaveDue).is_empty(),
        "nothing to save twice"
    );
    press(&mut model, &[KeyCode::Enter]);
    type_text(&mut model, "x");
    let effects = press(&mut model, &[KeyCode::Esc]);
    assert_eq!(note(&effects), "Zie q3\nx", "closing the editor saves");
    assert!(model.session.as_ref().unwrap().editor.is_none());
    assert!(
        model.session.is_some(),
        "Esc in the editor does not leave the assessment"
    );
}

#[test]
fn quitting_while_a_note_waits_saves_it() {
    let mut model = opened(blank());
    type_text(&mut model, "e");
    type_text(&mut model, "bewijs");
    let effects = type_text(&mut model, "q");
    assert!(saved(&effects).is_none(), "q types a q in the note");
    let ctrl_c = crossterm::event::Event::Key(crossterm::event::KeyEvent::new(
        KeyCode::Char('c'),
        crossterm::event::KeyModifiers::CONTROL,
    ));
    let effects = feed(&mut model, [ctrl_c]);
    assert_eq!(
        saved(&effects).unwrap().respondents[0]
            .answers
            .of(GO)
            .note("go1"),
        "bewijsq"
    );
    assert_eq!(&effects[1..], [Effect::Close, Effect::Quit]);
}

#[test]
fn tab_and_shift_tab_walk_the_steps_and_never_lock() {
    let mut model = opened(blank());
    press(&mut model, &[KeyCode::BackTab]);
    assert_eq!(model.step(), Some(Step::Page(0, Page::GridItem(0))));
    press(&mut model, &[KeyCode::Tab; 20]);
    assert_eq!(model.step(), Some(Step::Results));
    screen(&mut model, 80, 24);
    press(&mut model, &[KeyCode::PageUp]);
    assert_eq!(model.step(), Some(Step::Results), "PgUp scrolls on results");
    press(&mut model, &[KeyCode::BackTab]);
    assert_eq!(model.step(), Some(Step::Actions));
    press(&mut model, &[KeyCode::BackTab]);
    assert_eq!(model.step(), Some(Step::Page(1, Page::NormPart(3))));
    press(&mut model, &[KeyCode::PageUp]);
    assert_eq!(model.step(), Some(Step::Page(1, Page::NormPart(2))));
}

#[test]
fn criteria_are_marked_met_not_met_and_open() {
    let mut model = opened(blank());
    norm_part(&mut model, 1);
    assert_eq!(model.session.as_ref().unwrap().cursor, 1, "first criterion");
    let effects = type_text(&mut model, "v");
    assert_eq!(status(saved(&effects).unwrap(), "II.2"), Status::Met);
    press(&mut model, &[KeyCode::Up]);
    let effects = type_text(&mut model, "n");
    assert_eq!(status(saved(&effects).unwrap(), "II.2"), Status::NotMet);
    press(&mut model, &[KeyCode::Up]);
    let effects = type_text(&mut model, "o");
    assert_eq!(status(saved(&effects).unwrap(), "II.2"), Status::Open);
    let effects = type_text(&mut model, " ");
    assert_eq!(status(saved(&effects).unwrap(), "II.2"), Status::Met);
    let effects = type_text(&mut model, " ");
    assert_eq!(status(saved(&effects).unwrap(), "II.2"), Status::NotMet);
}

#[test]
fn entering_a_part_puts_the_cursor_on_the_first_open_criterion_and_v_moves_on() {
    let mut a = blank();
    let first: Vec<String> = instruments().get(STV).unwrap().norm().unwrap().parts[0]
        .criteria
        .iter()
        .take(1)
        .map(|c| c.id.clone())
        .collect();
    for id in &first {
        a.respondents[0]
            .answers
            .of_mut(STV)
            .set_status(id, Status::Met);
    }
    let mut model = opened(a);
    norm_part(&mut model, 0);
    assert_eq!(
        model.session.as_ref().unwrap().cursor,
        2,
        "row 0 is the introduction, row 1 is answered"
    );
    type_text(&mut model, "v");
    assert_eq!(model.session.as_ref().unwrap().cursor, 3, "v moves on");
    type_text(&mut model, "n");
    assert_eq!(model.session.as_ref().unwrap().cursor, 4, "n moves on");
    type_text(&mut model, "o");
    assert_eq!(model.session.as_ref().unwrap().cursor, 4, "o stays");
}

#[test]
fn i_folds_the_introduction() {
    let mut model = opened(blank());
    norm_part(&mut model, 0);
    assert!(model.session.as_ref().unwrap().intro_open);
    type_text(&mut model, "i");
    assert!(!model.session.as_ref().unwrap().intro_open);
    press(&mut model, &[KeyCode::Up, KeyCode::Enter]);
    assert!(
        model.session.as_ref().unwrap().intro_open,
        "Enter on the introduction row unfolds it"
    );
}

#[test]
fn response_percentage_is_entered_on_part_four_and_bad_input_stays() {
    let mut model = opened(blank());
    norm_part(&mut model, 3);
    type_text(&mut model, "p");
    type_text(&mut model, "85");
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert_eq!(
        saved(&effects).unwrap().respondents[0]
            .answers
            .of(STV)
            .number("IV.4.pct"),
        Some(85.0)
    );
    for bad in ["abc", "120"] {
        type_text(&mut model, "p");
        press(&mut model, &[KeyCode::Backspace; 4]);
        type_text(&mut model, bad);
        let effects = press(&mut model, &[KeyCode::Enter]);
        assert!(effects.is_empty(), "{bad} is refused");
        let editor = model
            .session
            .as_ref()
            .unwrap()
            .editor
            .as_ref()
            .expect("the editor stays open");
        assert_eq!(editor.input.text(), bad, "the input is kept");
        assert!(editor.error.is_some(), "and says what is wrong");
        let text = screen(&mut model, 80, 24);
        assert!(text.contains(bad), "{text}");
        press(&mut model, &[KeyCode::Esc]);
    }
    assert_eq!(
        model
            .session
            .as_ref()
            .unwrap()
            .answers()
            .of(STV)
            .number("IV.4.pct"),
        Some(85.0)
    );
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
fn esc_on_the_home_screen_does_not_quit() {
    let mut model = home_model();
    update(&mut model, Msg::Listed(vec![listing("Eerste")]));
    let effects = press(&mut model, &[KeyCode::Esc]);
    assert!(effects.is_empty(), "{effects:?}");
    assert!(matches!(&model.notice, Some(Notice::Info(t)) if t.contains("q")));
}

#[test]
fn after_esc_the_home_screen_selects_the_assessment_that_was_open() {
    let mut model = home_model();
    let entries = vec![listing("Eerste"), listing("Tweede"), listing("Derde")];
    update(&mut model, Msg::Listed(entries.clone()));
    update(
        &mut model,
        Msg::Opened(Box::new(goudenoor::app::Opened {
            path: PathBuf::from("/data/derde.ron"),
            assessment: blank(),
            read_only: false,
            reason: None,
        })),
    );
    let effects = press(&mut model, &[KeyCode::Esc]);
    assert_eq!(effects, [Effect::Close, Effect::List]);
    update(&mut model, Msg::Listed(entries));
    assert_eq!(model.home.selected, 2);
}

#[test]
fn help_opens_with_question_mark_and_a_key_closes_it() {
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
            reason: None,
        })),
    );
    assert!(matches!(&model.notice, Some(Notice::Info(t)) if t.contains("Alleen-lezen")));
    let effects = type_text(&mut model, "2");
    assert!(saved(&effects).is_none());
    assert_eq!(
        model
            .session
            .as_ref()
            .unwrap()
            .answers()
            .of(GO)
            .level("go1"),
        Level::new(2)
    );
}

#[test]
fn save_failure_keeps_answers_in_memory_and_says_so() {
    let mut model = opened(blank());
    type_text(&mut model, "2");
    update(
        &mut model,
        Msg::SaveFailed("Opslaan in /data/x.ron is mislukt: schijf vol".into()),
    );
    assert_eq!(
        model
            .session
            .as_ref()
            .unwrap()
            .answers()
            .of(GO)
            .level("go1"),
        Level::new(2)
    );
    let text = screen(&mut model, 80, 24);
    assert!(text.contains("schijf vol"), "{text}");
    // Quitting now asks first.
    assert!(type_text(&mut model, "q").is_empty());
    assert_eq!(model.home.dialog, Some(Dialog::QuitUnsaved));
    let text = screen(&mut model, 80, 24);
    assert!(text.contains("opnieuw opslaan"), "{text}");
    let effects = type_text(&mut model, "o");
    assert!(saved(&effects).is_some(), "o tries to save again");
    assert_eq!(&effects[1..], [Effect::Close, Effect::Quit]);
}

#[test]
fn undo_reverts_the_last_change_and_saves() {
    let mut model = opened(blank());
    type_text(&mut model, "2");
    let effects = type_text(&mut model, "4");
    assert_eq!(level(saved(&effects).unwrap(), "go1"), Level::new(4));
    let effects = type_text(&mut model, "u");
    assert_eq!(
        level(saved(&effects).expect("undo saves"), "go1"),
        Level::new(2)
    );
    let effects = type_text(&mut model, "u");
    assert_eq!(level(saved(&effects).unwrap(), "go1"), None);
    let effects = type_text(&mut model, "u");
    assert!(effects.is_empty(), "nothing left to undo");
    assert!(matches!(&model.notice, Some(Notice::Info(t)) if t.contains("Niets")));
}

#[test]
fn clicking_a_card_chooses_that_level() {
    let mut model = opened(blank());
    let text = screen(&mut model, 80, 24);
    let row = text
        .lines()
        .position(|l| l.contains("1 aardig"))
        .expect("card 1 visible");
    let effects = click(&mut model, 40, row as u16 + 1);
    assert_eq!(level(saved(&effects).unwrap(), "go1"), Level::new(1));
    let text = screen(&mut model, 80, 24);
    let row = text
        .lines()
        .position(|l| l.contains("2 goed"))
        .expect("card 2 visible");
    let effects = click(&mut model, 40, row as u16);
    assert_eq!(level(saved(&effects).unwrap(), "go1"), Level::new(2));
}

#[test]
fn clicking_the_side_panel_jumps_to_a_step() {
    let mut model = opened(blank());
    let text = screen(&mut model, 80, 24);
    let row = text
        .lines()
        .position(|l| l.contains("III Lerende"))
        .expect("part III in the side panel");
    click(&mut model, 5, row as u16);
    assert_eq!(model.step(), Some(Step::Page(1, Page::NormPart(2))));
    let text = screen(&mut model, 80, 24);
    let row = text
        .lines()
        .position(|l| l.contains("Resultaten"))
        .expect("results in the side panel");
    click(&mut model, 5, row as u16);
    assert_eq!(model.step(), Some(Step::Results));
}

#[test]
fn clicking_a_criterion_cycles_it() {
    let mut model = opened(blank());
    norm_part(&mut model, 0);
    type_text(&mut model, "i"); // fold the introduction
    let text = screen(&mut model, 80, 24);
    let row = text
        .lines()
        .position(|l| l.contains("I.2 "))
        .unwrap_or_else(|| panic!("I.2 on screen:\n{text}"));
    let effects = click(&mut model, 50, row as u16 + 1);
    assert_eq!(status(saved(&effects).unwrap(), "I.2"), Status::Met);
    assert_eq!(model.session.as_ref().unwrap().cursor, 1);
}

#[test]
fn results_scroll_stops_at_the_end_and_end_goes_there() {
    let mut model = opened(sample_assessment(instruments(), 1));
    go(&mut model, |s| s == Step::Results);
    screen(&mut model, 80, 24);
    let max = model.viewport.max_scroll;
    assert!(max > 0, "the results are longer than a screen");
    press(&mut model, &[KeyCode::End]);
    assert_eq!(
        model.session.as_ref().unwrap().scroll,
        max,
        "End goes to the end"
    );
    press(&mut model, &[KeyCode::Home]);
    assert_eq!(model.session.as_ref().unwrap().scroll, 0);
    press(&mut model, &[KeyCode::PageDown; 60]);
    let bottom = model.session.as_ref().unwrap().scroll;
    assert_eq!(bottom, max);
    press(&mut model, &[KeyCode::PageDown]);
    assert_eq!(model.session.as_ref().unwrap().scroll, bottom);
    press(&mut model, &[KeyCode::Up]);
    assert_eq!(model.session.as_ref().unwrap().scroll, bottom - 1);
    assert_eq!(model.step(), Some(Step::Results));
}

#[test]
fn small_window_asks_for_a_larger_one() {
    let mut model = opened(blank());
    let text = screen(&mut model, 60, 20);
    assert!(text.contains("te klein"), "{text}");
    assert!(text.contains("80×24"));
}

#[test]
fn behind_a_too_small_window_only_q_acts() {
    let mut model = home_model();
    update(
        &mut model,
        Msg::Listed(vec![listing("Eerste"), listing("Tweede")]),
    );
    screen(&mut model, 60, 20);
    for keys in ["x", "j", "n", "/", "r", "+"] {
        let effects = type_text(&mut model, keys);
        assert!(effects.is_empty(), "{keys}: {effects:?}");
        let effects = press(&mut model, &[KeyCode::Enter, KeyCode::Esc, KeyCode::Delete]);
        assert!(effects.is_empty(), "{keys}: {effects:?}");
    }
    assert!(model.home.dialog.is_none(), "no dialog opened unseen");
    assert!(model.home.filter.is_none());
    assert_eq!(model.home.selected, 0);
    assert_eq!(type_text(&mut model, "q"), [Effect::Quit]);

    let mut session = opened(blank());
    screen(&mut session, 79, 24);
    let effects = type_text(&mut session, "3dxvn");
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(
        session
            .session
            .as_ref()
            .unwrap()
            .answers()
            .of(GO)
            .level("go1"),
        None
    );
    assert!(press(&mut session, &[KeyCode::Esc, KeyCode::Tab]).is_empty());
    assert_eq!(session.step(), Some(Step::Page(0, Page::GridItem(0))));
}

#[test]
fn g_and_capital_g_jump_to_the_first_step_and_the_results() {
    let mut model = opened(blank());
    update(&mut model, Msg::GoToStep(5));
    type_text(&mut model, "G");
    assert_eq!(model.step(), Some(Step::Results));
    type_text(&mut model, "g");
    assert_eq!(model.step(), Some(Step::Page(0, Page::GridItem(0))));
    // The keys the help names with them do the same.
    update(&mut model, Msg::GoToStep(5));
    press(&mut model, &[KeyCode::End]);
    assert_eq!(model.step(), Some(Step::Results));
    update(&mut model, Msg::GoToStep(10));
    press(&mut model, &[KeyCode::Home]);
    assert_eq!(model.step(), Some(Step::Page(0, Page::GridItem(0))));
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    use crossterm::event::{Event, KeyEvent, KeyModifiers};
    let ctrl_c = || Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let mut model = opened(blank());
    type_text(&mut model, "3");
    assert_eq!(feed(&mut model, [ctrl_c()]), [Effect::Close, Effect::Quit]);

    let mut home = home_model();
    type_text(&mut home, "nhalf");
    assert_eq!(
        feed(&mut home, [ctrl_c()]),
        [Effect::Quit],
        "also from a dialog"
    );
}

#[test]
fn slash_filters_the_home_list_as_you_type() {
    let mut model = home_model();
    update(
        &mut model,
        Msg::Listed(vec![listing("Eerste"), listing("Tweede"), listing("Derde")]),
    );
    type_text(&mut model, "/");
    type_text(&mut model, "twe");
    assert_eq!(model.home.visible(), [1], "filtered while typing");
    assert_eq!(model.home.selected, 1);
    let text = screen(&mut model, 80, 24);
    assert!(text.contains("Tweede"), "{text}");
    assert!(!text.contains("Eerste"), "{text}");
    assert!(!text.contains("Derde"), "{text}");
    // The short name counts too.
    press(&mut model, &[KeyCode::Backspace; 3]);
    type_text(&mut model, "derde");
    assert_eq!(model.home.visible(), [2]);
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert_eq!(effects, [Effect::Open(PathBuf::from("/data/derde.ron"))]);
}

#[test]
fn a_new_action_closed_before_anything_was_typed_is_not_kept() {
    let mut model = opened(blank());
    go(&mut model, |s| s == Step::Actions);
    type_text(&mut model, "n");
    assert_eq!(model.session.as_ref().unwrap().assessment.actions.len(), 1);
    let effects = press(&mut model, &[KeyCode::Esc]);
    let session = model.session.as_ref().unwrap();
    assert!(session.editor.is_none(), "Esc closes the editor");
    assert!(session.assessment.actions.is_empty(), "nothing kept");
    assert!(saved(&effects).is_none());
    // With a text typed, Esc keeps the action.
    type_text(&mut model, "n");
    type_text(&mut model, "Klachtvisie schrijven");
    let effects = press(&mut model, &[KeyCode::Esc]);
    assert_eq!(
        saved(&effects).unwrap().actions[0].what,
        "Klachtvisie schrijven"
    );
}

#[test]
fn a_part_provisional_only_for_its_measurement_says_so_not_nog_0_open() {
    let mut a = blank();
    for id in ["IV.1a", "IV.1b", "IV.2", "IV.3", "IV.4"] {
        a.respondents[0]
            .answers
            .of_mut(STV)
            .set_status(id, Status::Met);
    }
    let mut model = opened(a);
    norm_part(&mut model, 3);
    let text = screen(&mut model, 100, 30);
    assert!(
        text.contains("Voorlopig tot de meting is ingevuld"),
        "{text}"
    );
    assert!(!text.contains("Nog 0"), "{text}");
}

#[test]
fn message_clauses_become_sentences_and_counts_agree() {
    use goudenoor::text::{count, sentence};
    assert_eq!(
        sentence("moet ten minste 1 zijn"),
        "Moet ten minste 1 zijn."
    );
    assert_eq!(
        sentence("De bewaartermijn is ten minste één jaar. Vul 1 of meer in."),
        "De bewaartermijn is ten minste één jaar. Vul 1 of meer in."
    );
    assert_eq!(sentence("  "), "");
    assert_eq!(count(1, "actie", "acties"), "1 actie");
    assert_eq!(count(0, "actie", "acties"), "0 acties");
    use goudenoor::text::shorten;
    assert_eq!(shorten("kort", 10), "kort");
    assert_eq!(
        shorten("Medewerkers zijn geselecteerd en opgeleid", 30),
        "Medewerkers zijn geselecteerd…"
    );
    // One long word is cut inside it rather than losing most of the room.
    assert_eq!(shorten("Klachtenmanagementsysteem", 10), "Klachtenma…");
}

#[test]
fn a_number_dialogs_error_is_shown_in_full_at_80_columns() {
    let mut model = opened(blank());
    norm_part(&mut model, 3);
    type_text(&mut model, "p");
    type_text(&mut model, "abc");
    press(&mut model, &[KeyCode::Enter]);
    let text = screen(&mut model, 80, 24);
    // Wrapped inside the dialog, not cut at its edge.
    assert!(
        text.contains("\"abc\" is geen getal; vul een getal in (leeg:")
            && text.contains("│ wissen)."),
        "{text}"
    );
}

#[test]
fn an_empty_procedure_field_is_warned_about_once_on_the_results() {
    let mut model = opened(blank_with(&["klachtenprocedure"]));
    go(&mut model, |s| s == Step::Results);
    let text = screen(&mut model, 120, 400);
    let label = &instruments()
        .get("klachtenprocedure")
        .unwrap()
        .checklist()
        .unwrap()
        .fields[0]
        .label;
    let warning = format!("{label}: nog niet ingevuld");
    assert_eq!(text.matches(&warning).count(), 1, "{text}");
}

#[test]
fn the_hint_bar_follows_the_new_assessment_dialog() {
    let mut model = home_model();
    type_text(&mut model, "n");
    type_text(&mut model, "Nulmeting");
    press(&mut model, &[KeyCode::Tab, KeyCode::Tab]);
    let text = screen(&mut model, 100, 30);
    let hints = text.lines().last().unwrap();
    assert!(hints.contains("Spatie kies"), "{hints}");
    assert!(
        !hints.contains("nieuwe beoordeling"),
        "not the home keys: {hints}"
    );
}

#[test]
fn choosing_a_next_step_on_the_results_scrolls_it_into_view() {
    let mut model = opened(goudenoor::fixtures::sample_assessment(instruments(), 1));
    go(&mut model, |s| s == Step::Results);
    screen(&mut model, 80, 24);
    assert_eq!(model.session.as_ref().unwrap().scroll, 0);
    // The next steps sit far below the first screen; n selects the next one.
    for _ in 0..3 {
        type_text(&mut model, "n");
        let text = screen(&mut model, 80, 24);
        // Drawn again after the view said where the selection is, as the loop does.
        let text = if text.contains('▶') {
            text
        } else {
            screen(&mut model, 80, 24)
        };
        assert!(
            text.contains('▶'),
            "the selected step is on screen:\n{text}"
        );
    }
    assert!(model.session.as_ref().unwrap().scroll > 0);
}

#[test]
fn a_checklist_sections_score_stays_whole_at_80_columns() {
    let mut model = opened(blank_with(&["klachtenprocedure"]));
    let list = instruments()
        .get("klachtenprocedure")
        .unwrap()
        .checklist()
        .unwrap();
    // The section with the longest title.
    let (index, _) = list
        .sections
        .iter()
        .enumerate()
        .max_by_key(|(_, s)| s.title.chars().count())
        .unwrap();
    go(&mut model, |s| s == Step::Page(0, Page::Section(index)));
    type_text(&mut model, "1");
    let text = screen(&mut model, 80, 24);
    let header = text.lines().nth(1).unwrap();
    assert!(
        header.contains("op orde (") && header.contains("%)"),
        "{header}"
    );
}

#[test]
fn a_notice_ends_with_the_next_key_but_a_failed_save_stays() {
    let mut model = opened(blank());
    update(&mut model, Msg::Info("Rapport geschreven: x.html".into()));
    assert!(model.notice.is_some());
    // Drawing, resizing and the runtime's replies leave it standing...
    screen(&mut model, 80, 24);
    update(&mut model, Msg::SaveDue);
    assert!(model.notice.is_some());
    // ...the user's next key ends it.
    press(&mut model, &[KeyCode::Down]);
    assert_eq!(model.notice, None);

    update(
        &mut model,
        Msg::SaveFailed("Opslaan in /data/x.ron is mislukt: schijf vol".into()),
    );
    press(&mut model, &[KeyCode::Down]);
    assert!(
        matches!(&model.notice, Some(Notice::Error(e)) if e.contains("schijf vol")),
        "{:?}",
        model.notice
    );
}

#[test]
fn an_action_names_the_items_it_serves_as_the_reports_do() {
    let mut model = opened(blank());
    model
        .session
        .as_mut()
        .unwrap()
        .assessment
        .actions
        .push(goudenoor::domain::Action {
            what: "Klanten terugbellen".into(),
            items: vec!["go2".into(), "IV.2".into()],
            owner: String::new(),
            deadline: None,
            status: Default::default(),
            note: String::new(),
            from_round: None,
        });
    go(&mut model, |s| s == Step::Actions);
    let text = screen(&mut model, 100, 30);
    let result = goudenoor::domain::result::build(
        goudenoor::domain::Instruments::embedded(),
        &model.session.as_ref().unwrap().assessment,
    );
    let expected = format!(
        "voor: {}, {}",
        result.item_label("go2"),
        result.item_label("IV.2")
    );
    assert!(!expected.contains("go2"), "{expected}");
    assert!(text.contains(&expected), "{expected}:\n{text}");
}

#[test]
fn a_dialog_does_not_offer_help_it_cannot_open() {
    let mut model = home_model();
    update(&mut model, Msg::NewAssessment);
    for _ in 0..3 {
        let text = screen(&mut model, 80, 24);
        let hints = text.lines().last().unwrap_or_default();
        assert!(!hints.contains("hulp"), "{hints}");
        press(&mut model, &[KeyCode::Tab]);
    }
    assert!(matches!(model.home.dialog, Some(Dialog::New { .. })));
}

#[test]
fn actions_past_their_deadline_stand_out_when_today_is_known() {
    let mut model = opened(sample_assessment(instruments(), 1));
    model.session.as_mut().unwrap().assessment.actions = goudenoor::fixtures::sample_actions();
    go(&mut model, |s| s == Step::Actions);
    // Without a date (as in tests), nothing is late.
    let text = screen(&mut model, 100, 30);
    assert!(!text.contains("te laat"), "{text}");
    // 01-02-2027: the first action (31-01-2027, bezig) is late; the klaar one never is.
    model.today = Some(jiff::civil::date(2027, 2, 1));
    let text = screen(&mut model, 100, 30);
    assert!(text.contains("· 1 te laat"), "{text}");
    assert!(text.contains("31-01-2027 !"), "{text}");
    assert!(!text.contains("15-03-2027 !"), "{text}");
}
