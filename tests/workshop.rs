//! Workshop mode in the app: respondents, the overview, agreement, import; and in reports.

mod common;

use common::*;
use crossterm::event::KeyCode;
use goudenoor::app::{Effect, Msg, Notice, Step, TeamMode, update};
use goudenoor::domain::{Level, Respondent, Status};
use goudenoor::fixtures::sample_assessment;
use goudenoor::report::{Format, Options, render};

fn workshop() -> goudenoor::domain::Assessment {
    let mut a = sample_assessment(instruments(), 4);
    a.respondents[0].name = "Anna".into();
    a.respondents[1].name = "Bert".into();
    a.respondents[2].name = "Carla".into();
    a.respondents[3].name = "Dirk".into();
    a
}

fn team_step(model: &mut goudenoor::app::Model) {
    let index = model
        .steps()
        .iter()
        .position(|s| *s == Step::Team)
        .expect("a team step");
    update(model, Msg::GoToStep(index));
}

#[test]
fn a_solo_check_has_no_workshop_step() {
    let model = opened(blank());
    assert!(!model.steps().contains(&Step::Team));
    assert_eq!(model.steps().len(), 14);
    let model = opened(workshop());
    assert_eq!(model.steps().len(), 15);
}

#[test]
fn adding_a_respondent_turns_a_solo_check_into_a_workshop() {
    let mut model = opened(blank());
    type_text(&mut model, "t");
    assert!(model.session.as_ref().unwrap().team.is_some());
    type_text(&mut model, "a");
    type_text(&mut model, "Piet");
    let effects = press(&mut model, &[KeyCode::Enter]);
    let saved = saved(&effects).unwrap();
    assert_eq!(saved.respondents.len(), 2);
    assert_eq!(saved.respondents[1].name, "Piet");
    press(&mut model, &[KeyCode::Enter]);
    let session = model.session.as_ref().unwrap();
    assert_eq!(session.respondent, 1, "Enter makes Piet answer");
    assert!(model.steps().contains(&Step::Team));
}

#[test]
fn answers_go_to_the_respondent_at_the_keyboard() {
    let mut model = opened(workshop());
    update(&mut model, Msg::GoToStep(0));
    type_text(&mut model, "]");
    assert_eq!(model.session.as_ref().unwrap().respondent, 1);
    let effects = type_text(&mut model, "4");
    let saved = saved(&effects).unwrap();
    assert_eq!(saved.respondents[1].answers.level("go1"), Level::new(4));
    assert_eq!(
        saved.respondents[0].answers.level("go1"),
        workshop().respondents[0].answers.level("go1")
    );
    type_text(&mut model, "[[");
    assert_eq!(
        model.session.as_ref().unwrap().respondent,
        3,
        "wraps around"
    );
    let header = screen(&mut model, 100, 30);
    assert!(header.contains("antwoorden van Dirk"), "{header}");
}

#[test]
fn renaming_to_a_taken_name_keeps_both() {
    let mut model = opened(workshop());
    type_text(&mut model, "t");
    press(&mut model, &[KeyCode::Down]);
    type_text(&mut model, "r");
    press(&mut model, &[KeyCode::Backspace; 4]);
    type_text(&mut model, "Anna");
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert_eq!(saved(&effects).unwrap().respondents[1].name, "Anna (2)");
}

#[test]
fn removing_asks_first_and_never_removes_the_last() {
    let mut model = opened(workshop());
    type_text(&mut model, "t");
    type_text(&mut model, "x");
    assert!(matches!(
        model.session.as_ref().unwrap().team.as_ref().unwrap().mode,
        TeamMode::ConfirmRemove
    ));
    assert!(
        type_text(&mut model, "q").is_empty(),
        "any other key cancels"
    );
    type_text(&mut model, "x");
    let effects = type_text(&mut model, "j");
    assert_eq!(saved(&effects).unwrap().respondents.len(), 3);

    let mut solo = opened(blank());
    type_text(&mut solo, "tx");
    assert!(matches!(&solo.notice, Some(Notice::Error(e)) if e.contains("enige")));
}

#[test]
fn import_asks_for_a_path_and_adds_what_the_runtime_reads() {
    let mut model = opened(workshop());
    type_text(&mut model, "ti");
    type_text(&mut model, "/tmp/blad.csv");
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert_eq!(effects, [Effect::ImportFile("/tmp/blad.csv".into())]);
    let effects = update(
        &mut model,
        Msg::Imported(vec![Respondent {
            name: "Anna".into(),
            answers: Default::default(),
        }]),
    );
    assert_eq!(saved(&effects).unwrap().respondents[4].name, "Anna (2)");
    assert!(matches!(&model.notice, Some(Notice::Info(t)) if t.contains("Anna (2)")));
}

#[test]
fn a_refused_import_shows_every_error_until_a_key() {
    let mut model = opened(workshop());
    update(
        &mut model,
        Msg::Popup(goudenoor::app::Popup {
            title: "Antwoordblad geweigerd".into(),
            lines: vec![
                "regel 2, kolom go1: \"9\"".into(),
                "regel 3, kolom I.2: \"x\"".into(),
            ],
        }),
    );
    let text = screen(&mut model, 80, 24);
    assert!(text.contains("regel 3, kolom I.2"), "{text}");
    assert!(
        type_text(&mut model, "4").is_empty(),
        "the key only closes the popup"
    );
    assert!(model.popup.is_none());
}

#[test]
fn overview_sets_agreed_answers() {
    let mut model = opened(workshop());
    team_step(&mut model);
    let effects = type_text(&mut model, "3");
    assert_eq!(saved(&effects).unwrap().agreed.level("go1"), Level::new(3));
    let effects = type_text(&mut model, "dd");
    assert_eq!(
        saved(&effects).unwrap().agreed.ambition("go1"),
        Level::new(2)
    );
    let effects = type_text(&mut model, "0");
    assert_eq!(saved(&effects).unwrap().agreed.level("go1"), None);
    // Down to the first criterion row.
    press(&mut model, &[KeyCode::Down; 9]);
    let effects = type_text(&mut model, "n");
    assert_eq!(
        saved(&effects).unwrap().agreed.status("I.2"),
        Status::NotMet
    );
}

#[test]
fn accepting_proposals_prefills_from_median_and_majority() {
    let mut model = opened(workshop());
    team_step(&mut model);
    type_text(&mut model, "4");
    let effects = type_text(&mut model, "A");
    let agreed = &saved(&effects).unwrap().agreed;
    assert_eq!(
        agreed.level("go1"),
        Level::new(4),
        "accepting all keeps what was agreed"
    );
    let proposal = goudenoor::domain::aggregate::proposal(instruments(), &workshop().respondents);
    assert_eq!(agreed.level("go2"), proposal.level("go2"));
    assert_eq!(agreed.status("I.3"), proposal.status("I.3"));
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert_eq!(
        saved(&effects).unwrap().agreed.level("go1"),
        proposal.level("go1"),
        "Enter takes the proposal"
    );
}

#[test]
fn sorting_puts_the_largest_disagreement_first() {
    let mut a = workshop();
    for r in &mut a.respondents {
        for shift in &instruments().gouden_oor.shifts {
            r.answers.edit_shift(&shift.id, |s| s.level = Level::new(2));
        }
    }
    // go7: 1 and 4 → range 3, the only disagreement.
    a.respondents[0]
        .answers
        .edit_shift("go7", |s| s.level = Level::new(1));
    a.respondents[1]
        .answers
        .edit_shift("go7", |s| s.level = Level::new(4));
    let mut model = opened(a);
    team_step(&mut model);
    type_text(&mut model, "s");
    let session = model.session.as_ref().unwrap();
    let rows = goudenoor::app::team::team_rows(instruments(), session);
    assert_eq!(rows[0], goudenoor::app::team::TeamRow::Shift(6));
    assert_eq!(
        rows[1],
        goudenoor::app::team::TeamRow::Shift(0),
        "the rest keep their order"
    );
}

#[test]
fn anonymous_letters_hide_names() {
    let mut model = opened(workshop());
    model.session.as_mut().unwrap().team_row = 0;
    team_step(&mut model);
    let with_names = screen(&mut model, 120, 40);
    assert!(with_names.contains("Anna"));
    type_text(&mut model, "a");
    let anonymous = screen(&mut model, 120, 40);
    assert!(!anonymous.contains("Anna"), "{anonymous}");
    assert!(anonymous.contains(" A ") || anonymous.contains(" A\n") || anonymous.contains("A  B"));
}

#[test]
fn overview_snapshots() {
    let mut model = opened(workshop());
    team_step(&mut model);
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("team_overview_{w}x{h}"), screen(&mut model, w, h));
    }
    let mut dialog = opened(workshop());
    type_text(&mut dialog, "t");
    insta::assert_snapshot!("team_dialog_80x24", screen(&mut dialog, 80, 24));
    let mut results = opened(workshop());
    update(&mut results, Msg::GoToStep(14));
    insta::assert_snapshot!("team_results_120x40", screen(&mut results, 120, 40));
}

#[test]
fn reports_show_respondents_spread_and_agreement() {
    let mut a = workshop();
    a.agreed.edit_shift("go1", |s| s.level = Level::new(4));
    let md = render(instruments(), &a, Format::Md, Options::default());
    assert!(md.contains("## Workshop: spreiding en akkoord"));
    assert!(
        md.contains("| Shift | Anna | Bert | Carla | Dirk |"),
        "{md}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&render(instruments(), &a, Format::Json, Options::default())).unwrap();
    assert_eq!(json["respondents"].as_array().unwrap().len(), 4);
    assert_eq!(json["agreed"]["gouden_oor"]["shifts"][0]["level"], 4);
    assert!(json["agreed"]["gouden_oor"]["shifts"][1]["level"].is_null());
    assert_eq!(
        json["results"]["gouden_oor"]["shifts"][0]["level"], 4,
        "results use the agreement"
    );
    assert_eq!(
        json["spread"]["shifts"][0]["levels"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    let html = render(instruments(), &a, Format::Html, Options::default());
    assert!(
        html.contains("stroke-linecap=\"round\""),
        "the spread band on the radar"
    );
}

#[test]
fn anonymous_reports_never_name_anyone() {
    let mut a = workshop();
    a.respondents[0]
        .answers
        .edit_shift("go1", |s| s.note = "Ik zag het zelf".into());
    let options = Options {
        color: false,
        anonymous: true,
    };
    for format in [
        Format::Text,
        Format::Md,
        Format::Html,
        Format::Json,
        Format::Csv,
    ] {
        let out = render(instruments(), &a, format, options);
        for name in ["Anna", "Bert", "Carla", "Dirk"] {
            assert!(!out.contains(name), "{name} in {format:?}");
        }
    }
}
