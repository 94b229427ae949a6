//! The live workshop on the app's side: the questionnaire participants get, their
//! answers applied to their respondent as `goudenoor set` would, and the app turning
//! the server's events into respondents, answers and saves, steered by the
//! facilitator's keys on the workshop step.

mod common;

use common::*;
use crossterm::event::KeyCode;
use goudenoor::app::{
    Effect, LiveControl, LiveStarted, Model, Msg, Notice, Screen, Step, bindings, update,
};
use goudenoor::domain::setting;
use goudenoor::domain::{
    Assessment, Instrument, ItemKind, ItemRef, Level, SOLO_RESPONDENT, Scope, Status,
};
use goudenoor::live::{
    AnswerValue, LiveConfig, LiveEvent, LiveServer, ParticipantId, QKind, Questionnaire,
    WarmupPhase,
};
use goudenoor::live_bridge::{apply, questionnaire, team_view};
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr};

const ALL: [&str; 5] = [
    "gouden-oor",
    "stv-kfm",
    "klachtenprocedure",
    "businesscase",
    "ikm",
];

/// The instruments of `ids`, in registry order.
fn included(ids: &[&str]) -> Vec<&'static Instrument> {
    let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    instruments().selected(&ids).collect()
}

/// Every item id of the questionnaire, in order.
fn item_ids(q: &Questionnaire) -> Vec<String> {
    q.sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|i| i.id.clone())
        .collect()
}

/// The first respondent item of the included instruments that `pick` accepts.
fn first_item(
    ids: &[&str],
    pick: impl Fn(&ItemRef) -> bool,
) -> (&'static Instrument, ItemRef<'static>) {
    included(ids)
        .into_iter()
        .find_map(|inst| {
            inst.items()
                .into_iter()
                .find(|i| i.scope == Scope::Respondent && pick(i))
                .map(|i| (inst, i))
        })
        .expect("the registry has such an item")
}

fn grid_item() -> (&'static Instrument, ItemRef<'static>) {
    first_item(&ALL, |i| matches!(i.kind, ItemKind::Level { .. }))
}

fn criterion() -> (&'static Instrument, ItemRef<'static>) {
    first_item(&ALL, |i| matches!(i.kind, ItemKind::Criterion))
}

fn check_item() -> (&'static Instrument, ItemRef<'static>) {
    first_item(&ALL, |i| matches!(i.kind, ItemKind::Check))
}

fn measurement() -> (&'static Instrument, ItemRef<'static>) {
    first_item(&ALL, |i| matches!(i.kind, ItemKind::Measurement(_)))
}

fn rating() -> (&'static Instrument, ItemRef<'static>) {
    first_item(&ALL, |i| matches!(i.kind, ItemKind::Rating { .. }))
}

/// The words of a text, lower case.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

// ---------------------------------------------------------------------------------
// The questionnaire
// ---------------------------------------------------------------------------------

#[test]
fn questionnaire_holds_every_respondent_item_of_all_five_once_and_nothing_else() {
    let assessment = blank_with(&ALL);
    let q = questionnaire(instruments(), &assessment, false);
    assert_eq!(q.title, assessment.title);
    assert!(!q.anonymous);

    let mut counts: HashMap<String, usize> = HashMap::new();
    for id in item_ids(&q) {
        *counts.entry(id).or_default() += 1;
    }
    let mut respondent_items = 0;
    let mut organisation_items = 0;
    for inst in included(&ALL) {
        for item in inst.items() {
            let seen = counts.get(item.id).copied().unwrap_or(0);
            match item.scope {
                Scope::Respondent => {
                    respondent_items += 1;
                    assert_eq!(seen, 1, "{} {} once", inst.id, item.id);
                }
                Scope::Organisation => {
                    organisation_items += 1;
                    assert_eq!(seen, 0, "{} {} is the organisation's", inst.id, item.id);
                }
            }
        }
    }
    assert!(respondent_items > 0 && organisation_items > 0);
    assert_eq!(
        counts.values().sum::<usize>(),
        respondent_items,
        "no item besides the registry's respondent items"
    );

    // One section per instrument with respondent items, in registry order, titled after it.
    let expected: Vec<&str> = included(&ALL)
        .into_iter()
        .filter(|i| i.items().iter().any(|it| it.scope == Scope::Respondent))
        .map(|i| i.title.as_str())
        .collect();
    let titles: Vec<&str> = q.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, expected);
    assert!(
        expected.len() < ALL.len(),
        "an instrument without respondent items (businesscase) gets no section"
    );
    // Each section holds its own instrument's items.
    for (section, inst) in q.sections.iter().zip(
        included(&ALL)
            .into_iter()
            .filter(|i| i.items().iter().any(|it| it.scope == Scope::Respondent)),
    ) {
        for item in &section.items {
            assert!(inst.item(&item.id).is_some(), "{} in {}", item.id, inst.id);
        }
    }
}

#[test]
fn questionnaire_items_ask_what_the_registry_item_takes() {
    let q = questionnaire(instruments(), &blank_with(&ALL), false);
    for item in q.sections.iter().flat_map(|s| &s.items) {
        let (inst, reg) = instruments().find_item(&item.id).expect("a registry item");
        match (reg.kind, &item.kind) {
            (
                ItemKind::Level { levels: n },
                QKind::Scale {
                    levels,
                    statements,
                    ambition,
                },
            ) => {
                let grid = inst.grid().expect("a grid");
                assert_eq!(levels, &grid.levels);
                assert_eq!(levels.len(), n);
                assert_eq!(statements.len(), n, "{}: a statement per level", item.id);
                assert!(*ambition);
            }
            (ItemKind::Criterion, QKind::Criterion) | (ItemKind::Check, QKind::Check) => {}
            (
                ItemKind::Measurement(m),
                QKind::Number {
                    unit,
                    min,
                    max,
                    whole,
                },
            ) => {
                assert_eq!((unit, *min, *max, *whole), (&m.unit, m.min, m.max, m.whole));
            }
            (ItemKind::Rating { min, max }, QKind::Rating { min: a, max: b }) => {
                assert_eq!((min, max), (*a, *b));
            }
            (kind, q) => panic!("{}: {kind:?} asked as {q:?}", item.id),
        }
    }
}

#[test]
fn each_section_explains_how_to_answer_addressing_the_participant_as_je() {
    let q = questionnaire(instruments(), &blank_with(&ALL), false);
    assert!(!q.sections.is_empty());
    for section in &q.sections {
        let intro = section.intro.as_deref().expect("an intro per section");
        let words = words(intro);
        assert!(
            words.iter().any(|w| w == "je" || w == "jullie"),
            "{}: {intro}",
            section.title
        );
        assert!(
            !words.iter().any(|w| w == "u" || w == "uw"),
            "{}: {intro}",
            section.title
        );
    }
}

#[test]
fn instruments_not_included_are_not_asked() {
    let ids = ["gouden-oor", "ikm"];
    let q = questionnaire(instruments(), &blank_with(&ids), true);
    assert!(q.anonymous);
    let titles: Vec<&str> = q.sections.iter().map(|s| s.title.as_str()).collect();
    let expected: Vec<&str> = included(&ids).iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, expected);
    let asked = item_ids(&q);
    for inst in instruments()
        .iter()
        .filter(|i| !ids.contains(&i.id.as_str()))
    {
        for item in inst.items() {
            assert!(
                !asked.iter().any(|a| a == item.id),
                "{} of {} is not included",
                item.id,
                inst.id
            );
        }
    }
}

#[test]
fn the_questionnaire_of_all_five_can_be_served() {
    let q = questionnaire(instruments(), &blank_with(&ALL), false);
    let config = LiveConfig {
        bind: Some(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        port: Some(0),
        anonymous: false,
    };
    let server = LiveServer::start(config, q, |_| {}).expect("the server accepts it");
    server.stop();
}

// ---------------------------------------------------------------------------------
// Applying an answer
// ---------------------------------------------------------------------------------

/// A valid value for every item of the questionnaire, from its kind.
fn valid_values(q: &Questionnaire) -> Vec<(String, AnswerValue)> {
    let mut out = Vec::new();
    for item in q.sections.iter().flat_map(|s| &s.items) {
        let id = item.id.clone();
        match &item.kind {
            QKind::Scale { levels, .. } => {
                out.push((id.clone(), AnswerValue::Level(1)));
                out.push((id, AnswerValue::Ambition(levels.len() as u8)));
            }
            QKind::Criterion => out.push((id, AnswerValue::Status("not_met".into()))),
            QKind::Check => out.push((id, AnswerValue::Check("deels".into()))),
            QKind::Number { max, .. } => out.push((id, AnswerValue::Number(*max))),
            QKind::Rating { max, .. } => out.push((id, AnswerValue::Level(*max))),
            QKind::Choice { options } => {
                out.push((id, AnswerValue::Choice(options[0].clone())));
            }
        }
    }
    out
}

#[test]
fn every_item_of_the_questionnaire_takes_a_valid_answer() {
    let mut assessment = blank_with(&ALL);
    let q = questionnaire(instruments(), &assessment, false);
    let values = valid_values(&q);
    for (item, value) in &values {
        assert_eq!(
            apply(instruments(), &mut assessment, 0, item, value),
            Ok(()),
            "{item} {value:?}"
        );
    }
    // Every item has an answer now, in the instrument it belongs to.
    let answers = &assessment.respondents[0].answers;
    for item in item_ids(&q) {
        let (inst, _) = instruments().find_item(&item).unwrap();
        assert!(answers.of(&inst.id).get(&item).is_some(), "{item}");
    }
    // Nothing but the respondent's answers changed.
    let blank = blank_with(&ALL);
    assert_eq!(assessment.facts, blank.facts);
    assert_eq!(assessment.agreed, blank.agreed);
}

/// `value` applied as a participant's answer and set with `goudenoor set` on a copy
/// (a solo check: its one respondent) end in the same answers.
fn same_as_set(
    assessment: &mut Assessment,
    item: &str,
    value: AnswerValue,
    set_id: &str,
    text: &str,
) {
    let mut by_set = assessment.clone();
    setting::set(instruments(), &mut by_set, set_id, text)
        .unwrap_or_else(|e| panic!("set {set_id} {text}: {e}"));
    apply(instruments(), assessment, 0, item, &value)
        .unwrap_or_else(|e| panic!("apply {item} {value:?}: {e}"));
    assert_eq!(
        assessment.respondents[0].answers, by_set.respondents[0].answers,
        "{item} {value:?} as `set {set_id} {text}`"
    );
    assert_eq!(*assessment, by_set);
}

#[test]
fn answers_of_each_kind_land_as_goudenoor_set_puts_them() {
    let mut a = blank_with(&ALL);

    let (_, grid) = grid_item();
    let ItemKind::Level { levels } = grid.kind else {
        unreachable!()
    };
    let top = levels as u8;
    let doel = format!("{}_doel", grid.id);
    same_as_set(&mut a, grid.id, AnswerValue::Level(2), grid.id, "2");
    same_as_set(
        &mut a,
        grid.id,
        AnswerValue::Ambition(top),
        &doel,
        &top.to_string(),
    );
    // The level changes, the ambition stays.
    same_as_set(&mut a, grid.id, AnswerValue::Level(1), grid.id, "1");

    let (_, c) = criterion();
    for (status, text) in [
        ("met", "ja"),
        ("not_met", "nee"),
        ("open", "open"),
        ("met", "met"),
    ] {
        same_as_set(&mut a, c.id, AnswerValue::Status(status.into()), c.id, text);
    }

    let (_, check) = check_item();
    for answer in ["ja", "deels", "nee", "nvt", "open", "nee"] {
        same_as_set(
            &mut a,
            check.id,
            AnswerValue::Check(answer.into()),
            check.id,
            answer,
        );
    }

    let (_, m) = measurement();
    let ItemKind::Measurement(def) = m.kind else {
        unreachable!()
    };
    for v in [def.min, ((def.min + def.max) / 2.0).floor(), def.max] {
        same_as_set(&mut a, m.id, AnswerValue::Number(v), m.id, &v.to_string());
    }

    let (_, r) = rating();
    let ItemKind::Rating { min, max } = r.kind else {
        unreachable!()
    };
    for n in [max, min] {
        same_as_set(&mut a, r.id, AnswerValue::Level(n), r.id, &n.to_string());
    }

    // Clearing is `set ID ""`.
    same_as_set(&mut a, c.id, AnswerValue::Clear, c.id, "");
    same_as_set(
        &mut a,
        m.id,
        AnswerValue::Number(def.max),
        m.id,
        &def.max.to_string(),
    );
    same_as_set(&mut a, m.id, AnswerValue::Clear, m.id, "");
}

#[test]
fn a_note_keeps_the_answer_and_an_empty_note_removes_only_the_note() {
    let mut a = blank_with(&ALL);
    let (inst, grid) = grid_item();
    setting::set(instruments(), &mut a, grid.id, "3").unwrap();
    apply(
        instruments(),
        &mut a,
        0,
        grid.id,
        &AnswerValue::Note("Zie de klachtnotitie".into()),
    )
    .unwrap();
    let answers = a.respondents[0].answers.of(&inst.id);
    assert_eq!(answers.note(grid.id), "Zie de klachtnotitie");
    assert_eq!(answers.level(grid.id), Level::new(3));

    let (cinst, c) = criterion();
    // A note on an item not answered yet: the item is still open.
    apply(
        instruments(),
        &mut a,
        0,
        c.id,
        &AnswerValue::Note("Navragen".into()),
    )
    .unwrap();
    let answers = a.respondents[0].answers.of(&cinst.id);
    assert_eq!(answers.note(c.id), "Navragen");
    assert_eq!(answers.status(c.id), Status::Open);
    apply(
        instruments(),
        &mut a,
        0,
        c.id,
        &AnswerValue::Status("met".into()),
    )
    .unwrap();
    assert_eq!(
        a.respondents[0].answers.of(&cinst.id).note(c.id),
        "Navragen"
    );

    let (kinst, check) = check_item();
    apply(
        instruments(),
        &mut a,
        0,
        check.id,
        &AnswerValue::Note("alleen intern".into()),
    )
    .unwrap();
    assert_eq!(
        a.respondents[0].answers.of(&kinst.id).note(check.id),
        "alleen intern"
    );

    apply(
        instruments(),
        &mut a,
        0,
        grid.id,
        &AnswerValue::Note(String::new()),
    )
    .unwrap();
    let answers = a.respondents[0].answers.of(&inst.id);
    assert_eq!(answers.note(grid.id), "");
    assert_eq!(answers.level(grid.id), Level::new(3));
}

#[test]
fn answers_go_to_the_respondent_given_and_no_other() {
    let mut a = blank_with(&ALL);
    a.add_respondents(
        ["Anna", "Bram", "Chris"]
            .iter()
            .map(|n| goudenoor::domain::Respondent {
                name: n.to_string(),
                answers: Default::default(),
            })
            .collect(),
    );
    assert_eq!(a.respondents.len(), 3, "the solo placeholder made way");
    let (inst, grid) = grid_item();
    apply(instruments(), &mut a, 1, grid.id, &AnswerValue::Level(2)).unwrap();
    assert_eq!(
        a.respondents[1].answers.of(&inst.id).level(grid.id),
        Level::new(2)
    );
    assert!(a.respondents[0].answers.is_empty());
    assert!(a.respondents[2].answers.is_empty());
    assert!(
        a.agreed.is_empty(),
        "not the agreed answers, as `set` would in a workshop"
    );
}

/// An assessment with answers to every kind of item, to see that a refused answer
/// leaves them all as they were.
fn answered() -> Assessment {
    let mut a = blank_with(&ALL);
    let q = questionnaire(instruments(), &a, false);
    for (item, value) in valid_values(&q) {
        apply(instruments(), &mut a, 0, &item, &value).unwrap();
    }
    a
}

/// `value` for `item` is refused with a Dutch message that mentions `mention`, and
/// the assessment stays exactly as it was.
fn refused(item: &str, value: AnswerValue, mention: &str) {
    let mut a = answered();
    let before = a.clone();
    let result = apply(instruments(), &mut a, 0, item, &value);
    let message = result.expect_err(&format!("{item} {value:?} is refused"));
    assert!(
        message.contains(mention),
        "{item} {value:?}: \"{message}\" mentions {mention}"
    );
    assert!(
        [
            "niet", "geen", "een", "moet", "verwacht", "buiten", "bestaat"
        ]
        .iter()
        .any(|w| words(&message).iter().any(|m| m == w)),
        "a Dutch message: {message}"
    );
    assert_eq!(a, before, "{item} {value:?} changed nothing");
}

#[test]
fn out_of_range_and_unknown_values_are_refused_and_change_nothing() {
    let (_, grid) = grid_item();
    refused(grid.id, AnswerValue::Level(9), "9");
    refused(grid.id, AnswerValue::Ambition(9), "9");

    let (_, m) = measurement();
    let ItemKind::Measurement(def) = m.kind else {
        unreachable!()
    };
    let beyond = def.max + 1.0;
    refused(
        m.id,
        AnswerValue::Number(beyond),
        &goudenoor::domain::format_number(beyond, 4),
    );
    let below = def.min - 1.0;
    refused(
        m.id,
        AnswerValue::Number(below),
        &goudenoor::domain::format_number(below, 4),
    );

    let (_, r) = rating();
    let ItemKind::Rating { max, .. } = r.kind else {
        unreachable!()
    };
    refused(r.id, AnswerValue::Level(max + 1), &(max + 1).to_string());
    refused(r.id, AnswerValue::Ambition(max), "doel");

    let (_, c) = criterion();
    refused(c.id, AnswerValue::Status("misschien".into()), "misschien");
    let (_, check) = check_item();
    refused(check.id, AnswerValue::Check("soms".into()), "soms");

    refused("bestaat-niet", AnswerValue::Level(1), "bestaat-niet");
}

#[test]
fn answers_of_the_wrong_kind_are_refused_and_change_nothing() {
    let (_, grid) = grid_item();
    let (_, c) = criterion();
    let (_, m) = measurement();
    // The message says why; the app's notice names the item.
    refused(grid.id, AnswerValue::Status("met".into()), "soort");
    refused(c.id, AnswerValue::Level(2), "soort");
    refused(c.id, AnswerValue::Number(3.0), "soort");
    refused(m.id, AnswerValue::Level(2), "soort");
    // No respondent item of the registry is a choice: a choice is never stored.
    let q = questionnaire(instruments(), &blank_with(&ALL), false);
    assert!(
        !q.sections
            .iter()
            .flat_map(|s| &s.items)
            .any(|i| matches!(i.kind, QKind::Choice { .. }))
    );
    refused(grid.id, AnswerValue::Choice("E-mail".into()), "E-mail");
}

#[test]
fn items_outside_the_assessment_and_unknown_respondents_are_refused() {
    // As `set` does: an item of an instrument the assessment does not include.
    let mut a = blank_with(&["gouden-oor"]);
    let (_, c) = criterion();
    let before = a.clone();
    let mut by_set = a.clone();
    assert!(setting::set(instruments(), &mut by_set, c.id, "ja").is_err());
    let message = apply(
        instruments(),
        &mut a,
        0,
        c.id,
        &AnswerValue::Status("met".into()),
    )
    .expect_err("not part of this assessment");
    assert!(message.contains(c.id), "{message}");
    assert_eq!(a, before);

    let (_, grid) = grid_item();
    assert!(apply(instruments(), &mut a, 1, grid.id, &AnswerValue::Level(1)).is_err());
    assert_eq!(a, before);

    // The organisation's own figures are no participant's answer (`set` puts them in
    // the facts, once).
    let (org, value) = included(&ALL)
        .into_iter()
        .flat_map(|inst| inst.items())
        .find_map(|item| match (item.scope, item.kind) {
            (Scope::Organisation, ItemKind::Measurement(m)) => Some((item.id, m.min)),
            (Scope::Organisation, ItemKind::Input(i)) => Some((item.id, i.min)),
            _ => None,
        })
        .expect("an organisation figure");
    let mut a = blank_with(&ALL);
    let before = a.clone();
    let message = apply(instruments(), &mut a, 0, org, &AnswerValue::Number(value))
        .expect_err("not a participant's answer");
    assert!(message.contains(org), "{message}");
    assert_eq!(a, before);
    let mut by_set = a.clone();
    setting::set(instruments(), &mut by_set, org, &value.to_string()).unwrap();
    assert!(
        by_set.respondents[0].answers.is_empty(),
        "`set` keeps it out too"
    );
}

// ---------------------------------------------------------------------------------
// The app
// ---------------------------------------------------------------------------------

const CODE: &str = "K7PQ";
const URL: &str = "http://192.168.1.20:8137/j/K7PQ";
const CODE_URL: &str = "http://192.168.1.20:8137";

fn started(anonymous: bool) -> Msg {
    Msg::LiveStarted(Box::new(LiveStarted {
        url: URL.into(),
        code_url: CODE_URL.into(),
        code: CODE.into(),
        qr: goudenoor::live::qr_lines(URL),
        anonymous,
    }))
}

fn joined(id: u32, name: &str) -> Msg {
    Msg::Live(LiveEvent::Joined {
        participant: ParticipantId(id),
        name: name.into(),
    })
}

fn answered_msg(id: u32, item: &str, value: AnswerValue) -> Msg {
    Msg::Live(LiveEvent::Answered {
        participant: ParticipantId(id),
        item: item.into(),
        value,
    })
}

/// An opened solo assessment of all five instruments with the live server running.
fn live(anonymous: bool) -> Model {
    let mut model = opened(blank_with(&ALL));
    assert!(model.session.as_ref().unwrap().live.is_none());
    assert_eq!(update(&mut model, started(anonymous)), []);
    model
}

fn assessment(model: &Model) -> &Assessment {
    &model.session.as_ref().expect("a session").assessment
}

fn names(model: &Model) -> Vec<String> {
    assessment(model)
        .respondents
        .iter()
        .map(|r| r.name.clone())
        .collect()
}

fn live_view(model: &Model) -> &goudenoor::app::LiveView {
    model
        .session
        .as_ref()
        .and_then(|s| s.live.as_ref())
        .expect("the live server runs")
}

#[test]
fn the_started_server_shows_on_the_workshop_step() {
    let mut model = opened(blank_with(&ALL));
    assert_ne!(model.step(), Some(Step::Team));
    assert!(
        !model.steps().contains(&Step::Team),
        "a solo check has no workshop step"
    );
    let effects = update(&mut model, started(false));
    assert_eq!(effects, []);
    assert_eq!(model.step(), Some(Step::Team));
    match &model.notice {
        Some(Notice::Info(text)) => assert!(text.contains("live workshop draait"), "{text}"),
        other => panic!("a notice that the workshop runs, not {other:?}"),
    }
    let live = live_view(&model);
    assert_eq!((live.code.as_str(), live.url.as_str()), (CODE, URL));
    assert!(live.open && !live.results_shown && live.participants.is_empty());
    assert_eq!(live.phase, WarmupPhase::Off);
}

#[test]
fn a_server_started_after_the_assessment_closed_is_stopped() {
    let mut model = home_model();
    assert_eq!(update(&mut model, started(false)), [Effect::StopLive]);
    assert_eq!(update(&mut model, joined(1, "Anna")), []);
}

#[test]
fn participants_who_join_become_respondents_and_the_placeholder_makes_way() {
    let mut model = live(false);
    assert_eq!(names(&model), [SOLO_RESPONDENT]);
    assert_eq!(update(&mut model, joined(1, "Anna")), [Effect::SaveBatched]);
    assert_eq!(update(&mut model, joined(2, "Bram")), [Effect::SaveBatched]);
    assert_eq!(names(&model), ["Anna", "Bram"]);
    let live = live_view(&model);
    let linked: Vec<(u32, &str)> = live
        .participants
        .iter()
        .map(|p| (p.id, p.respondent.as_str()))
        .collect();
    assert_eq!(linked, [(1, "Anna"), (2, "Bram")]);
    assert_eq!(model.step(), Some(Step::Team), "still on the workshop step");
    // The respondent under the cursor exists.
    let session = model.session.as_ref().unwrap();
    assert!(session.respondent < session.assessment.respondents.len());
}

#[test]
fn a_solo_placeholder_with_answers_stays() {
    let mut solo = blank_with(&ALL);
    let (_, grid) = grid_item();
    setting::set(instruments(), &mut solo, grid.id, "2").unwrap();
    let mut model = opened(solo);
    update(&mut model, started(false));
    update(&mut model, joined(1, "Anna"));
    assert_eq!(names(&model), [SOLO_RESPONDENT, "Anna"]);
}

#[test]
fn anonymous_participants_and_those_without_a_name_are_numbered() {
    let mut model = live(true);
    update(&mut model, joined(1, "Anna"));
    update(&mut model, joined(2, ""));
    assert_eq!(names(&model), ["Deelnemer 1", "Deelnemer 2"]);

    let mut model = live(false);
    update(&mut model, joined(1, "Anna"));
    update(&mut model, joined(2, "   "));
    assert_eq!(names(&model), ["Anna", "Deelnemer 2"]);
}

#[test]
fn participants_with_the_same_name_keep_their_own_answers() {
    let mut model = live(false);
    update(&mut model, joined(1, "Anna"));
    update(&mut model, joined(2, "Anna"));
    let names = names(&model);
    assert_eq!(names.len(), 2);
    assert_ne!(names[0], names[1]);
    let (inst, grid) = grid_item();
    update(&mut model, answered_msg(2, grid.id, AnswerValue::Level(3)));
    update(&mut model, answered_msg(1, grid.id, AnswerValue::Level(1)));
    let r = &assessment(&model).respondents;
    assert_eq!(r[0].answers.of(&inst.id).level(grid.id), Level::new(1));
    assert_eq!(r[1].answers.of(&inst.id).level(grid.id), Level::new(3));
}

/// A live workshop with Anna (1) and Bram (2).
fn two_joined() -> Model {
    let mut model = live(false);
    update(&mut model, joined(1, "Anna"));
    update(&mut model, joined(2, "Bram"));
    model
}

#[test]
fn an_answer_lands_with_its_participant_and_is_saved_in_a_batch() {
    let mut model = two_joined();
    let (inst, grid) = grid_item();
    let (cinst, c) = criterion();
    assert_eq!(
        update(&mut model, answered_msg(2, grid.id, AnswerValue::Level(3))),
        [Effect::SaveBatched]
    );
    assert_eq!(
        update(
            &mut model,
            answered_msg(1, c.id, AnswerValue::Status("met".into()))
        ),
        [Effect::SaveBatched]
    );
    // What `apply` makes of the same answers on the assessment as it was.
    let mut expected = assessment(&two_joined()).clone();
    apply(
        instruments(),
        &mut expected,
        1,
        grid.id,
        &AnswerValue::Level(3),
    )
    .unwrap();
    apply(
        instruments(),
        &mut expected,
        0,
        c.id,
        &AnswerValue::Status("met".into()),
    )
    .unwrap();
    assert_eq!(assessment(&model).respondents, expected.respondents);
    let r = &assessment(&model).respondents;
    assert_eq!(r[1].answers.of(&inst.id).level(grid.id), Level::new(3));
    assert_eq!(r[0].answers.of(&cinst.id).status(c.id), Status::Met);
    assert_eq!(r[0].answers.of(&inst.id).level(grid.id), None);
    assert!(model.session.as_ref().unwrap().unsaved_note, "saved later");
}

#[test]
fn an_invalid_answer_is_reported_with_participant_and_item_and_changes_nothing() {
    let mut model = two_joined();
    let (_, grid) = grid_item();
    update(&mut model, answered_msg(1, grid.id, AnswerValue::Level(2)));
    let before = assessment(&model).clone();
    let effects = update(&mut model, answered_msg(1, grid.id, AnswerValue::Level(9)));
    assert_eq!(effects, [], "nothing to save");
    assert_eq!(*assessment(&model), before);
    match &model.notice {
        Some(Notice::Error(text)) => {
            assert!(text.contains("Anna"), "names the participant: {text}");
            assert!(text.contains(grid.id), "names the item: {text}");
        }
        other => panic!("an error notice, not {other:?}"),
    }

    // Shown anonymously (a), the notice does not give the name away either.
    press(&mut model, &[KeyCode::Char('a')]);
    assert!(model.session.as_ref().unwrap().anonymous);
    let letter = model.session.as_ref().unwrap().respondent_label(0);
    assert_ne!(letter, "Anna");
    update(
        &mut model,
        answered_msg(1, grid.id, AnswerValue::Ambition(9)),
    );
    assert_eq!(assessment(&model).respondents, before.respondents);
    match &model.notice {
        Some(Notice::Error(text)) => {
            assert!(!text.contains("Anna"), "{text}");
            assert!(
                text.contains(&format!("van {letter} op {}", grid.id)),
                "{text}"
            );
        }
        other => panic!("an error notice, not {other:?}"),
    }
}

#[test]
fn answers_of_unknown_participants_are_ignored() {
    let mut model = two_joined();
    let notice = model.notice.clone();
    let before = assessment(&model).clone();
    let (_, grid) = grid_item();
    assert_eq!(
        update(&mut model, answered_msg(99, grid.id, AnswerValue::Level(2))),
        []
    );
    assert_eq!(*assessment(&model), before);
    assert_eq!(model.notice, notice);
}

#[test]
fn a_renamed_participant_still_answers() {
    let mut model = two_joined();
    // t: the respondents dialog; Bram is second; r: rename.
    press(
        &mut model,
        &[KeyCode::Char('t'), KeyCode::Down, KeyCode::Char('r')],
    );
    press(&mut model, &[KeyCode::End]);
    for _ in 0.."Bram".len() {
        press(&mut model, &[KeyCode::Backspace]);
    }
    type_text(&mut model, "Bram de Vries");
    press(&mut model, &[KeyCode::Enter, KeyCode::Esc]);
    assert_eq!(names(&model), ["Anna", "Bram de Vries"]);
    assert!(model.session.as_ref().unwrap().team.is_none());
    let (inst, grid) = grid_item();
    assert_eq!(
        update(&mut model, answered_msg(2, grid.id, AnswerValue::Level(4))),
        [Effect::SaveBatched]
    );
    assert_eq!(
        assessment(&model).respondents[1]
            .answers
            .of(&inst.id)
            .level(grid.id),
        Level::new(4)
    );
}

#[test]
fn shared_results_follow_every_answer() {
    let mut model = two_joined();
    let (_, grid) = grid_item();
    let effects = press(&mut model, &[KeyCode::Char('R')]);
    assert_eq!(
        effects,
        [Effect::LiveControl(LiveControl::Results(Some(team_view(
            instruments(),
            assessment(&model)
        ))))]
    );
    assert!(live_view(&model).results_shown);
    let effects = update(&mut model, answered_msg(1, grid.id, AnswerValue::Level(2)));
    let view = team_view(instruments(), assessment(&model));
    assert_eq!(
        effects,
        [
            Effect::SaveBatched,
            Effect::LiveControl(LiveControl::Results(Some(view.clone())))
        ]
    );
    // The view shows the new answer: it differs from the one before it.
    assert_ne!(view, team_view(instruments(), assessment(&two_joined())));

    // R again hides it; answers no longer send it.
    assert_eq!(
        press(&mut model, &[KeyCode::Char('R')]),
        [Effect::LiveControl(LiveControl::Results(None))]
    );
    assert_eq!(
        update(&mut model, answered_msg(2, grid.id, AnswerValue::Level(3))),
        [Effect::SaveBatched]
    );
}

#[test]
fn facilitator_keys_steer_the_participants_screens() {
    let mut model = two_joined();
    assert_eq!(
        press(&mut model, &[KeyCode::Char('S')]),
        [Effect::LiveControl(LiveControl::Open(false))]
    );
    assert!(!live_view(&model).open);
    assert!(matches!(&model.notice, Some(Notice::Info(t)) if t.contains("gesloten")));
    assert_eq!(
        press(&mut model, &[KeyCode::Char('S')]),
        [Effect::LiveControl(LiveControl::Open(true))]
    );
    assert!(live_view(&model).open);
    // s sorts, as it does without the server.
    let sorted = model.session.as_ref().unwrap().sort_by_disagreement;
    assert_eq!(press(&mut model, &[KeyCode::Char('s')]), []);
    assert_ne!(model.session.as_ref().unwrap().sort_by_disagreement, sorted);
    assert!(live_view(&model).open);

    for phase in [WarmupPhase::Voting, WarmupPhase::Revealed, WarmupPhase::Off] {
        assert_eq!(
            press(&mut model, &[KeyCode::Char('w')]),
            [Effect::LiveControl(LiveControl::Warmup(phase))]
        );
        assert_eq!(live_view(&model).phase, phase);
    }

    assert_eq!(press(&mut model, &[KeyCode::Char('Q')]), []);
    assert!(live_view(&model).qr_big);
    assert_eq!(press(&mut model, &[KeyCode::Char('Q')]), []);
    assert!(!live_view(&model).qr_big);
}

#[test]
fn done_and_warmup_votes_are_counted() {
    let mut model = two_joined();
    assert_eq!(
        update(
            &mut model,
            Msg::Live(LiveEvent::Done {
                participant: ParticipantId(2)
            })
        ),
        []
    );
    let done: Vec<bool> = live_view(&model)
        .participants
        .iter()
        .map(|p| p.done)
        .collect();
    assert_eq!(done, [false, true]);

    for (participant, statement, vote) in [(1, 0, true), (2, 0, false), (1, 2, true), (1, 2, true)]
    {
        update(
            &mut model,
            Msg::Live(LiveEvent::WarmupVote {
                participant: ParticipantId(participant),
                statement,
                vote,
            }),
        );
    }
    let tallies = live_view(&model).tallies(3);
    assert_eq!(
        tallies,
        [(1, 1), (0, 0), (1, 0)],
        "a second vote replaces the first"
    );
}

#[test]
fn leaving_the_assessment_stops_the_server() {
    let mut model = two_joined();
    let effects = press(&mut model, &[KeyCode::Esc]);
    assert!(effects.contains(&Effect::StopLive), "{effects:?}");
    assert!(model.session.is_none());
    // Late events of the stopped server are ignored.
    assert_eq!(update(&mut model, joined(3, "Chris")), []);

    let mut model = two_joined();
    let effects = press(&mut model, &[KeyCode::Char('q')]);
    assert!(effects.contains(&Effect::StopLive), "{effects:?}");
    assert!(effects.contains(&Effect::Quit), "{effects:?}");
}

// ---------------------------------------------------------------------------------
// The workshop step on screen
// ---------------------------------------------------------------------------------

/// Anna and Bram joined; Anna answered two items and is done.
fn running() -> Model {
    let mut model = two_joined();
    let (_, grid) = grid_item();
    let (_, c) = criterion();
    update(&mut model, answered_msg(1, grid.id, AnswerValue::Level(2)));
    update(
        &mut model,
        answered_msg(1, c.id, AnswerValue::Status("met".into())),
    );
    update(&mut model, answered_msg(2, grid.id, AnswerValue::Level(4)));
    update(
        &mut model,
        Msg::Live(LiveEvent::Done {
            participant: ParticipantId(1),
        }),
    );
    model
}

/// The hint ("key what") of the live binding that sends `msg`, from the binding table.
fn live_hint(msg: Msg) -> String {
    let b = bindings(Screen::TeamLive)
        .into_iter()
        .find(|b| b.keys.iter().any(|k| (b.msg)(*k) == msg))
        .unwrap_or_else(|| panic!("a live key for {msg:?}"));
    assert!(b.hint, "{msg:?} is meant for the hint bar");
    format!("{} {}", b.label, b.what.split(" (").next().unwrap())
}

#[test]
fn the_workshop_step_shows_code_participants_and_live_keys() {
    let open = live_hint(Msg::ToggleAnswering);
    let results = live_hint(Msg::ToggleResultsShown);
    let warmup = live_hint(Msg::CycleWarmup);
    for (w, h) in [(80, 24), (120, 40)] {
        let mut model = running();
        assert_eq!(screen_of(&model), Screen::TeamLive);
        let text = screen(&mut model, w, h);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), usize::from(h));
        assert!(text.contains(CODE), "{w}x{h}: the code\n{text}");
        assert!(text.contains(URL), "{w}x{h}: the address\n{text}");
        // Who joined, and how far they are.
        assert!(
            text.contains("2 deelnemers · 1 klaar"),
            "{w}x{h}: progress\n{text}"
        );
        assert!(text.contains("antwoorden open"), "{w}x{h}\n{text}");
        for name in ["Anna", "Bram"] {
            assert!(text.contains(name), "{w}x{h}: {name}\n{text}");
        }
        // Too narrow for the QR code beside the table: the panel says how to show it.
        assert!(text.contains("Q toont de QR-code groot"), "{w}x{h}\n{text}");
        let hints = lines[lines.len() - 1].trim_matches('"').trim_end();
        for hint in [&open, &results] {
            assert!(hints.contains(hint.as_str()), "{w}x{h}: {hint}\n{text}");
        }
        assert!(hints.ends_with("? hulp"), "{w}x{h}: {hints}");
        if w >= 120 {
            assert!(hints.contains(warmup.as_str()), "{w}x{h}: {warmup}\n{text}");
        }
    }
}

/// The first row of the QR code with modules in it (the quiet zone is blank).
fn qr_row() -> String {
    let row = goudenoor::live::qr_lines(URL)
        .into_iter()
        .map(|l| l.trim().to_string())
        .find(|l| !l.is_empty())
        .expect("a QR code");
    assert!(row.chars().count() > 20, "{row}");
    row
}

fn screen_of(model: &Model) -> Screen {
    goudenoor::app::screen(model)
}

#[test]
fn a_wide_screen_shows_the_qr_code_and_who_is_done() {
    let mut model = running();
    let text = screen(&mut model, 150, 45);
    assert!(text.contains(CODE), "{text}");
    assert!(!text.contains("Q toont de QR-code groot"), "{text}");
    assert!(text.contains(&qr_row()), "the QR code\n{text}");
    assert!(text.contains("Anna ✓"), "Anna is done\n{text}");
    assert!(text.contains("Bram") && !text.contains("Bram ✓"), "{text}");
}

#[test]
fn the_big_qr_code_and_the_warmup_fill_the_step_without_panicking() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut model = running();
        press(&mut model, &[KeyCode::Char('Q')]);
        let text = screen(&mut model, w, h);
        assert!(text.contains(CODE), "{w}x{h}\n{text}");
        assert!(text.contains(&qr_row()), "{w}x{h}: the QR code\n{text}");
        if h >= 40 {
            // Room for every line: the address too, below the QR code.
            assert!(text.contains(URL), "{w}x{h}\n{text}");
        }
        if goudenoor::live::qr_lines(URL).len() > usize::from(h) - 4 {
            assert!(
                text.contains("te klein voor de hele QR-code"),
                "{w}x{h}\n{text}"
            );
        }
        press(&mut model, &[KeyCode::Char('Q'), KeyCode::Char('w')]);
        update(
            &mut model,
            Msg::Live(LiveEvent::WarmupVote {
                participant: ParticipantId(1),
                statement: 0,
                vote: true,
            }),
        );
        let text = screen(&mut model, w, h);
        assert!(text.contains("Opwarmer"), "{w}x{h}\n{text}");
        assert!(text.contains("klacht 1 · geen klacht 0"), "{w}x{h}\n{text}");
    }
}

#[test]
fn help_lists_every_live_key() {
    let mut model = running();
    press(&mut model, &[KeyCode::Char('?')]);
    assert!(model.help);
    let text = screen(&mut model, 80, 24);
    for msg in [
        Msg::ToggleAnswering,
        Msg::ToggleResultsShown,
        Msg::CycleWarmup,
        Msg::ToggleQr,
    ] {
        let b = bindings(Screen::TeamLive)
            .into_iter()
            .find(|b| b.keys.iter().any(|k| (b.msg)(*k) == msg))
            .unwrap();
        // The key in its column, and what it does (wrapped in a narrow overlay).
        let first_words: Vec<&str> = b.what.split(' ').take(2).collect();
        let line = text
            .lines()
            .find(|l| l.contains(&format!("│ {:<10}{}", b.label, first_words.join(" "))))
            .unwrap_or_else(|| panic!("{} {}\n{text}", b.label, b.what));
        assert!(!line.is_empty());
    }
}

#[test]
fn workshop_step_80x24_snapshot() {
    let mut model = running();
    insta::assert_snapshot!("live_workshop_80x24", screen(&mut model, 80, 24));
}

#[test]
fn undo_never_takes_back_what_participants_sent() {
    let mut model = two_joined();
    let (inst, grid) = grid_item();
    // The facilitator changes something on a shift page (an undo copy is taken)...
    go(&mut model, |s| matches!(s, Step::Page(..)));
    update(&mut model, Msg::SetLevel(2));
    // ...then a participant answers, and the facilitator presses u.
    update(&mut model, answered_msg(1, grid.id, AnswerValue::Level(4)));
    update(&mut model, Msg::Undo);
    let a = assessment(&model);
    assert_eq!(
        a.respondents[0].answers.of(&inst.id).level(grid.id),
        Level::new(4),
        "Anna's answer stays"
    );
    assert_eq!(names(&model), ["Anna", "Bram"]);
    match &model.notice {
        Some(Notice::Info(text)) => assert!(text.contains("deelnemers"), "{text}"),
        other => panic!("why nothing was undone, not {other:?}"),
    }
    // Later answers still reach Anna.
    update(&mut model, answered_msg(1, grid.id, AnswerValue::Level(3)));
    assert_eq!(
        assessment(&model).respondents[0]
            .answers
            .of(&inst.id)
            .level(grid.id),
        Level::new(3)
    );
}
