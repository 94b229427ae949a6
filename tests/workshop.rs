//! Workshop mode in the app: respondents, the overview, agreement, import; and in reports.

mod common;

use common::*;
use crossterm::event::KeyCode;
use goudenoor::app::{Effect, Msg, Notice, Page, Step, TeamMode, update};
use goudenoor::domain::{Level, Respondent, Status};
use goudenoor::fixtures::sample_assessment;

const GO: &str = "gouden-oor";
const STV: &str = "stv-kfm";

fn workshop() -> goudenoor::domain::Assessment {
    let mut a = sample_assessment(instruments(), 4);
    a.respondents[0].name = "Anna".into();
    a.respondents[1].name = "Bert".into();
    a.respondents[2].name = "Carla".into();
    a.respondents[3].name = "Dirk".into();
    a
}

fn team_step(model: &mut goudenoor::app::Model) {
    go(model, |s| s == Step::Team);
}

fn row_of(model: &goudenoor::app::Model, item: &str) -> usize {
    let session = model.session.as_ref().unwrap();
    goudenoor::app::team::team_rows(instruments(), session)
        .iter()
        .position(|r| r.item == item)
        .expect("a row")
}

#[test]
fn a_solo_check_has_no_workshop_step() {
    let model = opened(blank());
    assert!(!model.steps().contains(&Step::Team));
    assert_eq!(model.steps().len(), 15);
    let model = opened(workshop());
    assert_eq!(model.steps().len(), 16);
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
    assert_eq!(
        saved.respondents[1].answers.of(GO).level("go1"),
        Level::new(4)
    );
    assert_eq!(
        saved.respondents[0].answers.of(GO).level("go1"),
        workshop().respondents[0].answers.of(GO).level("go1")
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
fn brackets_say_why_they_do_nothing_on_the_overview() {
    let mut model = opened(workshop());
    team_step(&mut model);
    let before = model.session.as_ref().unwrap().respondent;
    assert!(type_text(&mut model, "]").is_empty());
    assert_eq!(model.session.as_ref().unwrap().respondent, before);
    assert!(
        matches!(&model.notice, Some(Notice::Info(t)) if t.contains("[ en ]")),
        "{:?}",
        model.notice
    );
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
        Msg::Imported(
            vec![Respondent {
                name: "Anna".into(),
                answers: Default::default(),
            }],
            vec![],
        ),
    );
    assert_eq!(saved(&effects).unwrap().respondents[4].name, "Anna (2)");
    let popup = model.popup.as_ref().expect("a renamed name is pointed out");
    assert!(
        popup.lines.iter().any(|l| l.contains("Anna (2)")),
        "{popup:?}"
    );
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
fn overview_sets_agreed_answers_and_d_then_a_digit_the_ambition() {
    let mut model = opened(workshop());
    team_step(&mut model);
    let agreed = |effects: &[Effect]| saved(effects).unwrap().agreed.clone();
    let effects = type_text(&mut model, "3");
    assert_eq!(agreed(&effects).of(GO).level("go1"), Level::new(3));
    assert!(
        type_text(&mut model, "d").is_empty(),
        "d waits for the level"
    );
    let effects = type_text(&mut model, "3");
    let a = agreed(&effects);
    assert_eq!(
        a.of(GO).ambition("go1"),
        Level::new(3),
        "d then 3 sets the ambition"
    );
    assert_eq!(a.of(GO).level("go1"), Level::new(3), "the level stays");
    let effects = type_text(&mut model, "2");
    assert_eq!(
        agreed(&effects).of(GO).level("go1"),
        Level::new(2),
        "after the ambition digits set the level again"
    );
    let effects = type_text(&mut model, "0");
    assert_eq!(agreed(&effects).of(GO).level("go1"), None);
    // Down to the first criterion row.
    let first_criterion = row_of(&model, "I.2");
    press(&mut model, &[KeyCode::Down; 9][..first_criterion]);
    let effects = type_text(&mut model, "n");
    assert_eq!(agreed(&effects).of(STV).status("I.2"), Status::NotMet);
}

#[test]
fn accepting_proposals_prefills_from_median_and_majority() {
    let mut model = opened(workshop());
    team_step(&mut model);
    type_text(&mut model, "4");
    let effects = type_text(&mut model, "A");
    let agreed = &saved(&effects).unwrap().agreed;
    assert_eq!(
        agreed.of(GO).level("go1"),
        Level::new(4),
        "accepting all keeps what was agreed"
    );
    let session = model.session.as_ref().unwrap();
    let proposal = goudenoor::domain::aggregate::proposal(
        instruments(),
        &session.included,
        &workshop().respondents,
    );
    assert_eq!(agreed.of(GO).level("go2"), proposal.of(GO).level("go2"));
    assert_eq!(agreed.of(STV).status("I.3"), proposal.of(STV).status("I.3"));
    match &model.notice {
        Some(Notice::Info(t)) => {
            let n: usize = t
                .split_whitespace()
                .next()
                .and_then(|w| w.parse().ok())
                .unwrap_or_else(|| panic!("A says how many: {t}"));
            assert!(n > 10 && t.contains("overgenomen"), "{t}");
        }
        other => panic!("{other:?}"),
    }
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert_eq!(
        saved(&effects).unwrap().agreed.of(GO).level("go1"),
        proposal.of(GO).level("go1"),
        "Enter takes the proposal"
    );
}

#[test]
fn enter_on_a_tie_says_the_votes_are_equal() {
    let mut a = workshop();
    for (i, r) in a.respondents.iter_mut().enumerate() {
        r.answers.of_mut(STV).set_status(
            "I.2",
            if i % 2 == 0 {
                Status::Met
            } else {
                Status::NotMet
            },
        );
    }
    let mut model = opened(a);
    team_step(&mut model);
    let row = row_of(&model, "I.2");
    press(&mut model, &[KeyCode::Down; 20][..row]);
    let effects = press(&mut model, &[KeyCode::Enter]);
    assert!(effects.is_empty(), "nothing taken");
    assert!(
        matches!(&model.notice, Some(Notice::Info(t)) if t.contains("staken")),
        "{:?}",
        model.notice
    );
}

#[test]
fn page_down_scrolls_the_overview_and_stays_on_it() {
    let mut model = opened(workshop());
    team_step(&mut model);
    screen(&mut model, 80, 24);
    press(&mut model, &[KeyCode::PageDown]);
    assert_eq!(
        model.step(),
        Some(Step::Team),
        "PgDn does not leave the table"
    );
    let row = model.session.as_ref().unwrap().team_row;
    assert!(row > 5, "a page down: {row}");
    let text = screen(&mut model, 80, 24);
    assert!(
        !text.contains("Klacht → Feedback"),
        "the first row scrolled away:\n{text}"
    );
    press(&mut model, &[KeyCode::PageUp]);
    assert_eq!(model.session.as_ref().unwrap().team_row, 0);
}

#[test]
fn sorting_puts_the_largest_disagreement_first() {
    let mut a = workshop();
    let items: Vec<String> = instruments()
        .get(GO)
        .unwrap()
        .grid()
        .unwrap()
        .items
        .iter()
        .map(|i| i.id.clone())
        .collect();
    for r in &mut a.respondents {
        for id in &items {
            r.answers.of_mut(GO).set_level(id, Level::new(2));
        }
        for c in instruments().get(STV).unwrap().items() {
            r.answers.of_mut(STV).clear(c.id);
        }
    }
    // go7: 1 and 4 → range 3, the only disagreement.
    a.respondents[0]
        .answers
        .of_mut(GO)
        .set_level("go7", Level::new(1));
    a.respondents[1]
        .answers
        .of_mut(GO)
        .set_level("go7", Level::new(4));
    let mut model = opened(a);
    team_step(&mut model);
    type_text(&mut model, "s");
    let session = model.session.as_ref().unwrap();
    let rows = goudenoor::app::team::team_rows(instruments(), session);
    assert_eq!(rows[0].item, "go7");
    assert_eq!(rows[1].item, "go1", "the rest keep their order");
}

#[test]
fn anonymous_letters_hide_names() {
    let mut model = opened(workshop());
    team_step(&mut model);
    let with_names = screen(&mut model, 120, 40);
    assert!(with_names.contains("Anna"));
    type_text(&mut model, "a");
    let anonymous = screen(&mut model, 120, 40);
    assert!(!anonymous.contains("Anna"), "{anonymous}");
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
    go(&mut results, |s| s == Step::Results);
    insta::assert_snapshot!("team_results_120x40", screen(&mut results, 120, 40));
}

#[test]
fn a_norm_page_in_a_workshop_says_who_answers() {
    let mut model = opened(workshop());
    go(&mut model, |s| s == Step::Page(1, Page::NormPart(0)));
    let text = screen(&mut model, 80, 24);
    assert!(
        text.lines().next().unwrap().contains("antwoorden van Anna"),
        "{text}"
    );
}

#[test]
fn too_few_answers_is_said_whole_at_80_columns() {
    // Of four, only Anna answered shift 5 and criterion I.5: no proposal for either.
    let mut a = workshop();
    for r in a.respondents.iter_mut().skip(1) {
        r.answers.of_mut(GO).set_level("go5", None);
        r.answers.of_mut(STV).set_status("I.5", Status::Open);
    }
    a.respondents[0]
        .answers
        .of_mut(STV)
        .set_status("I.5", Status::Met);
    let mut model = opened(a);
    team_step(&mut model);
    for item in ["go5", "I.5"] {
        let row = row_of(&model, item);
        update(&mut model, Msg::PickRow(row));
        let mut text = String::new();
        for _ in 0..12 {
            text = screen(&mut model, 80, 24);
            if text.contains("(1 van 4)") {
                break;
            }
            press(&mut model, &[KeyCode::PageDown]);
        }
        assert!(text.contains("te weinig (1 van 4)"), "{item}:\n{text}");
    }
}

#[test]
fn a_shared_first_name_keeps_the_whole_name_in_the_legend() {
    let mut a = sample_assessment(instruments(), 8);
    let names = [
        "Frank Phone",
        "Frank de Wit",
        "Anna Jansen",
        "Bert Smit",
        "Carla Bos",
        "Dirk Mol",
        "Eva Kok",
        "Gijs Dam",
    ];
    for (r, name) in a.respondents.iter_mut().zip(names) {
        r.name = name.into();
    }
    let mut model = opened(a);
    team_step(&mut model);
    let text = screen(&mut model, 120, 40);
    // The two Franks by their whole names; the others by first name alone.
    assert!(text.contains("Frank Phone"), "{text}");
    assert!(text.contains("Frank de Wit"), "{text}");
    assert!(!text.contains("Anna Jansen"), "{text}");
    assert!(text.contains("Anna"), "{text}");
}

/// Four respondents who answer every shift "goed" and meet every criterion, except:
/// go5 answered by one (no proposal, too few answers), I.3 split 2–2 (no proposal, a
/// tie), I.5 met by one; go1 agreed by the group.
fn workshop_with_gaps() -> goudenoor::domain::Assessment {
    use goudenoor::domain::ItemKind;
    let mut a = workshop();
    for (i, r) in a.respondents.iter_mut().enumerate() {
        for inst in [GO, STV] {
            for item in instruments().get(inst).unwrap().items() {
                let answers = r.answers.of_mut(inst);
                match item.kind {
                    ItemKind::Level { .. } => answers.set_level(item.id, Level::new(2)),
                    ItemKind::Criterion => answers.set_status(item.id, Status::Met),
                    ItemKind::Measurement(_) => answers.set_number(item.id, Some(95.0)),
                    _ => {}
                }
            }
        }
        let go = r.answers.of_mut(GO);
        if i > 0 {
            go.set_level("go5", None);
        }
        let stv = r.answers.of_mut(STV);
        stv.set_status(
            "I.3",
            if i % 2 == 0 {
                Status::Met
            } else {
                Status::NotMet
            },
        );
        stv.set_status("I.5", if i == 0 { Status::Met } else { Status::Open });
    }
    a.agreed.of_mut(GO).set_level("go1", Level::new(3));
    a
}

fn report_of(a: &goudenoor::domain::Assessment, format: goudenoor::report::Format) -> String {
    let bytes = goudenoor::report::render(
        instruments(),
        a,
        format,
        goudenoor::report::Options::default(),
    );
    String::from_utf8(bytes).unwrap()
}

/// The text with its wrapping undone: one space between words.
fn unwrapped(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn reports_mark_a_proposal_only_where_there_is_one_and_say_why_not() {
    use goudenoor::report::Format;
    let a = workshop_with_gaps();
    let txt = unwrapped(&report_of(&a, Format::Text));
    assert!(
        txt.contains("Regels → Ruimte [geen voorstel: te weinig antwoorden (1 van 4)]"),
        "{txt}"
    );
    assert!(
        txt.contains("I.3 Open voor feedback, helder beleid, integrale sturing: open [geen voorstel: gelijke stand]"),
        "{txt}"
    );
    assert!(
        txt.contains(
            "I.5 Cultuur van levenslang leren: open [geen voorstel: te weinig antwoorden (1 van 4)]"
        ),
        "{txt}"
    );
    assert!(!txt.contains("open [voorstel]"), "{txt}");
    assert!(txt.contains("Klacht → Feedback [akkoord]"), "{txt}");
    assert!(
        txt.contains("I.2 Beleidsplan, sturing en betrokken topmanagement: voldaan [voorstel]"),
        "{txt}"
    );
    // The spread gives the same reasons.
    assert!(txt.contains("voorstel gelijke stand"), "{txt}");
    assert!(
        txt.contains("voorstel te weinig antwoorden (1 van 4)"),
        "{txt}"
    );

    let md = report_of(&a, Format::Md);
    let line = |start: &str| -> &str {
        md.lines()
            .find(|l| l.starts_with(start) && !l.contains("mediaan") && !l.contains(" · "))
            .unwrap_or_else(|| panic!("{start} in {md}"))
    };
    assert!(line("| 5 ").contains("| geen voorstel: te weinig antwoorden (1 van 4) |"));
    assert!(line("| I.3 ").contains("| geen voorstel: gelijke stand"));
    assert!(line("| I.2 ").contains("| voorstel "));
    assert!(line("| 1 ").contains("| akkoord "));

    let html = report_of(&a, Format::Html);
    assert!(html.contains(
        r#"<span class="source geen">geen voorstel</span><br><span class="why">gelijke stand</span>"#
    ));
    assert!(html.contains(
        r#"<span class="source geen">geen voorstel</span><br><span class="why">te weinig antwoorden (1 van 4)</span>"#
    ));
    let json: serde_json::Value = serde_json::from_str(&report_of(&a, Format::Json)).unwrap();
    let stv = json["spread"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == STV)
        .unwrap();
    let i3 = stv["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "I.3")
        .unwrap();
    assert_eq!(i3["proposal"], serde_json::Value::Null);
    assert_eq!(i3["no_proposal"], "gelijke stand");
}

/// A line of "Zo is dit gemaakt" in the Markdown report, where each is one bullet.
fn made_line(md: &str, start: &str) -> String {
    md.lines()
        .find_map(|l| l.strip_prefix("- ").filter(|l| l.starts_with(start)))
        .unwrap_or_else(|| panic!("{start} in {md}"))
        .to_string()
}

#[test]
fn how_it_was_made_counts_the_same_items_and_names_those_without_a_proposal() {
    use goudenoor::report::Format;
    let a = workshop_with_gaps();
    let md = report_of(&a, Format::Md);
    // 9 shifts and 18 criteria; IV.4's measured percentage is no item of either line.
    let complete = made_line(&md, "Volledigheid: ");
    assert!(
        complete.contains(" van 27 onderdelen beantwoord"),
        "{complete}"
    );
    let agreement = made_line(&md, "Eensgezindheid: ");
    // The team differs on I.3 only; go1 agreed; go5 (1 of 4), I.3 (2–2) and I.5 (1 of
    // 4) have no proposal; the other 23 follow it.
    assert_eq!(
        agreement,
        "Eensgezindheid: bij 1 van 27 onderdelen verschilt het team; 1 in de groep vastgesteld, 23 volgen het voorstel (mediaan en meerderheid), 3 zonder voorstel (te weinig antwoorden of gelijke stand)"
    );
    let json: serde_json::Value = serde_json::from_str(&report_of(&a, Format::Json)).unwrap();
    let agreement = &json["summary"]["agreement"];
    assert_eq!(agreement["items"], 27);
    assert_eq!(agreement["items"], json["summary"]["answerable"]);
    assert_eq!(agreement["agreed"], 1);
    assert_eq!(agreement["proposed"], 23);
    assert_eq!(agreement["no_proposal"], 3);
}

#[test]
fn how_it_was_made_says_which_items_nobody_in_the_team_answers() {
    use goudenoor::report::Format;
    let ids: Vec<String> = instruments().iter().map(|i| i.id.clone()).collect();
    let a = goudenoor::fixtures::sample_assessment_with(instruments(), &ids, 4);
    let md = report_of(&a, Format::Md);
    let json: serde_json::Value = serde_json::from_str(&report_of(&a, Format::Json)).unwrap();
    let total = json["summary"]["answerable"].as_u64().unwrap() as usize;
    let items = json["summary"]["agreement"]["items"].as_u64().unwrap() as usize;
    // The business case's inputs and measurements are the organisation's figures.
    let figures = instruments().get("businesscase").unwrap().items().len();
    assert_eq!(total - items, figures);
    let agreement = made_line(&md, "Eensgezindheid: ");
    assert!(
        agreement.contains(&format!(
            " van de {items} onderdelen die de deelnemers beantwoorden (de overige {figures} zijn gegevens van de organisatie) verschilt het team; "
        )),
        "{agreement}"
    );
}
