//! Rounds: starting the next one, grouping them, and comparing two.

mod common;

use common::*;
use crossterm::event::KeyCode;
use goudenoor::app::{Effect, Msg, Notice, Runtime, update};
use goudenoor::domain::compare::compare;
use goudenoor::domain::{Answer, Assessment, Check, Level, Series, Status, default_instruments};
use goudenoor::fixtures::{fixed_time, sample_assessment};
use goudenoor::report::{CompareFormat, render_comparison};
use goudenoor::store::Store;

const GO: &str = "gouden-oor";
const STV: &str = "stv-kfm";

fn round_one() -> Assessment {
    let mut a = blank();
    let answers = &mut a.respondents[0].answers;
    for (id, level) in [("go1", 1), ("go2", 2), ("go3", 3), ("go4", 4)] {
        let go = answers.of_mut(GO);
        go.set_level(id, Level::new(level));
        go.set_ambition(id, Level::new(3));
        go.set_note(
            id,
            Answer::Scale {
                value: None,
                ambition: None,
                note: String::new(),
            },
            "oude notitie".into(),
        );
    }
    for id in ["I.2", "II.2", "III.2", "IV.1a"] {
        let stv = answers.of_mut(STV);
        stv.set_status(id, Status::Met);
        stv.set_note(
            id,
            Answer::Criterion {
                status: Status::Open,
                note: String::new(),
            },
            "oud bewijs".into(),
        );
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
        "2027-03-01T09:30:00Z".parse().unwrap(),
    );
    let answers = &mut b.respondents[0].answers;
    answers.of_mut(GO).set_level("go1", Level::new(3));
    answers.of_mut(GO).set_level("go4", Level::new(2));
    answers.of_mut(STV).set_status("I.3", Status::Met);
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
    assert_eq!(answers.of(GO).level("go3"), Level::new(3));
    assert_eq!(answers.of(GO).ambition("go3"), Level::new(3));
    assert_eq!(answers.of(STV).status("I.2"), Status::Met);
    assert_eq!(answers.of(GO).note("go3"), "");
    assert_eq!(answers.of(STV).note("I.2"), "");
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
    a.agreed.of_mut(GO).set_level("go1", Level::new(4));
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
    assert_eq!(b.respondents[0].answers.of(GO).level("go1"), Level::new(4));
}

fn rows_of<'a>(
    c: &'a goudenoor::domain::compare::Comparison,
    id: &str,
) -> &'a [goudenoor::domain::compare::ChangeRow] {
    &c.instruments
        .iter()
        .find(|i| i.id == id)
        .expect("compared")
        .rows
}

#[test]
fn comparison_shows_changes_totals_and_achieved_steps() {
    let c = compare(instruments(), &round_one(), &round_two()).unwrap();
    // Rounds of one series: the only caveat is that round two answered one more criterion.
    assert!(
        c.caveats.len() == 1 && c.caveats[0].contains("4 van 18, de tweede 5 van 18"),
        "{:?}",
        c.caveats
    );
    let go = rows_of(&c, GO);
    let go1 = go.iter().find(|r| r.id == "go1").unwrap();
    assert_eq!(
        (go1.before_value, go1.after_value, go1.delta()),
        (Some(1.0), Some(3.0), Some(2.0))
    );
    assert_eq!(
        go.iter().find(|r| r.id == "go4").unwrap().delta(),
        Some(-2.0)
    );
    assert_eq!(
        go.iter().find(|r| r.id == "go9").and_then(|r| r.delta()),
        None,
        "not answered in either"
    );
    let part_i = rows_of(&c, STV).iter().find(|r| r.id == "I").unwrap();
    assert!(part_i.delta().unwrap() > 0.0, "{part_i:?}");
    assert!(c.achieved().count() > 0, "{:?}", c.steps);
    let go_change = c.instruments.iter().find(|i| i.id == GO).unwrap();
    assert_eq!(go_change.change.as_deref(), Some("0,0"));
}

#[test]
fn unrelated_assessments_are_compared_with_a_caveat() {
    let mut other = round_two();
    other.series = None;
    let c = compare(instruments(), &round_one(), &other).unwrap();
    assert!(
        c.caveats
            .iter()
            .any(|c| c.contains("niet bij dezelfde reeks"))
    );
    assert_eq!(rows_of(&c, GO).len(), 9);
}

#[test]
fn what_cannot_be_compared_is_said() {
    let mut other = round_two();
    other.instruments.retain(|i| i.id != STV);
    let c = compare(instruments(), &round_one(), &other).unwrap();
    assert!(c.instruments.iter().all(|i| i.id != STV));
    assert!(c.caveats.iter().any(|c| c.contains("niet in beide")));
    let mut newer = round_two();
    newer.instruments[0].version += 1;
    let v = round_one().instruments[0].version;
    let c = compare(instruments(), &round_one(), &newer).unwrap();
    assert!(
        c.caveats
            .iter()
            .any(|c| c.contains(&format!("versie {v} tegenover versie {}", v + 1))),
        "{:?}",
        c.caveats
    );
    assert_eq!(rows_of(&c, GO).len(), 9, "same ids are still compared");
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
            render_comparison(instruments(), &round_one(), &round_two(), format).unwrap()
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
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema"], "goudenoor-compare/2");
    assert_eq!(v["second"]["round"], 2);
    let go = &v["instruments"][0];
    assert_eq!(go["id"], GO);
    assert_eq!(go["items"][0]["id"], "go1");
    assert_eq!(go["items"][0]["change"], 2.0);
    let go9 = go["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "go9")
        .expect("go9 listed");
    assert!(go9["change"].is_null(), "not answered in either");
}

fn store_with_rounds() -> (tempfile::TempDir, Runtime) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut first = blank();
    first.respondents[0]
        .answers
        .of_mut(GO)
        .set_level("go1", Level::new(1));
    store.create(&first).unwrap();
    (dir, Runtime::new(store, instruments()))
}

fn open_round(rt: &mut Runtime, from: &std::path::Path, blank: bool) -> goudenoor::app::Opened {
    match rt.run(Effect::NewRound {
        from: from.to_path_buf(),
        blank,
        title: None,
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
        instruments: default_instruments(),
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
        organisation: String::new(),
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
    let effects = press(&mut model, &[KeyCode::Tab]);
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
    screen(&mut model, 80, 24);
    press(&mut model, &[KeyCode::PageDown; 5]);
    let bottom = model.compare.as_ref().unwrap().scroll;
    assert!(bottom > 0);
    press(&mut model, &[KeyCode::PageDown]);
    assert_eq!(model.compare.as_ref().unwrap().scroll, bottom);
    press(&mut model, &[KeyCode::Esc]);
    assert!(model.compare.is_none());
}

#[test]
fn a_next_round_shows_the_previous_rounds_answers_quietly() {
    let first = round_one();
    let mut second = first.next_round(
        instruments(),
        Series {
            id: "reeks-1".into(),
            round: 2,
        },
        true,
        fixed_time(),
    );
    second.title = "Ronde 2".into();
    let mut model = opened(second);
    // Opening a round above 1 asks the runtime for the previous round.
    let effects = update(&mut model, Msg::Info(String::new()));
    assert!(effects.is_empty());
    let previous = first.result_answers(instruments());
    update(&mut model, Msg::PreviousRound(Box::new(previous.clone())));
    go(&mut model, |s| {
        matches!(
            s,
            goudenoor::app::Step::Page(0, goudenoor::app::Page::GridItem(0))
        )
    });
    let level = previous
        .of("gouden-oor")
        .level("go1")
        .expect("round one answered go1");
    let name = instruments()
        .get("gouden-oor")
        .unwrap()
        .grid()
        .unwrap()
        .level_name(level)
        .to_string();
    let text = screen(&mut model, 100, 30);
    assert!(text.contains(&format!("vorige ronde: {name}")), "{text}");
    // At 80 columns the hint gives way to a shorter wording, never drawn over.
    let text = screen(&mut model, 80, 24);
    let hint = text
        .lines()
        .find(|l| l.contains("vorige ronde"))
        .expect("the previous round is shown");
    assert!(
        hint.contains("d doel") || hint.contains("d zet het doel"),
        "{hint}"
    );
}

#[test]
fn opening_a_later_round_asks_for_the_previous_one() {
    let first = round_one();
    let second = first.next_round(
        instruments(),
        Series {
            id: "reeks-1".into(),
            round: 2,
        },
        false,
        fixed_time(),
    );
    let mut model = home_model();
    let effects = update(
        &mut model,
        Msg::Opened(Box::new(goudenoor::app::Opened {
            path: std::path::PathBuf::from("/data/r2.ron"),
            assessment: second,
            read_only: false,
            reason: None,
        })),
    );
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::LoadPrevious(s) if s.round == 2)),
        "{effects:?}"
    );
}

/// A business case in two rounds: repeat complaints (norm "ten hoogste 0%") fell from
/// 12% to 8%, complaining customers (norm "ten minste 100%") fell from 30% to 20%.
#[test]
fn a_lower_value_is_better_where_the_norm_is_a_maximum() {
    const BC: &str = "businesscase";
    let mut a = blank_with(&[BC]);
    a.series = Some(Series {
        id: "reeks-bc".into(),
        round: 1,
    });
    let bc = a.respondents[0].answers.of_mut(BC);
    bc.set_number("bc.kpi_herhaalklachten_pct", Some(12.0));
    bc.set_number("bc.kpi_klaagt_pct", Some(30.0));
    let action = |item: &str| goudenoor::domain::Action {
        what: format!("werk aan {item}"),
        items: vec![item.into()],
        owner: String::new(),
        deadline: None,
        status: Default::default(),
        note: String::new(),
        from_round: None,
    };
    a.actions = vec![
        action("bc.kpi_herhaalklachten_pct"),
        action("bc.kpi_klaagt_pct"),
    ];

    let mut b = a.clone();
    b.series = Some(Series {
        id: "reeks-bc".into(),
        round: 2,
    });
    b.created = a
        .created
        .checked_add(jiff::SignedDuration::from_hours(24))
        .unwrap();
    let bc = b.respondents[0].answers.of_mut(BC);
    bc.set_number("bc.kpi_herhaalklachten_pct", Some(8.0));
    bc.set_number("bc.kpi_klaagt_pct", Some(20.0));
    let c = compare(instruments(), &a, &b).unwrap();
    let row = |id: &str| rows_of(&c, BC).iter().find(|r| r.id == id).unwrap().clone();
    let repeat = row("bc.kpi_herhaalklachten_pct");
    assert_eq!(repeat.arrow(), "↓");
    assert_eq!(repeat.verdict(), Some(std::cmp::Ordering::Greater));
    let complaining = row("bc.kpi_klaagt_pct");
    assert_eq!(complaining.arrow(), "↓");
    assert_eq!(complaining.verdict(), Some(std::cmp::Ordering::Less));
    let moved: Vec<Option<bool>> = c.actions.iter().map(|o| o.moved).collect();
    assert_eq!(moved, [Some(true), Some(false)]);

    let json: serde_json::Value = serde_json::from_str(
        &render_comparison(instruments(), &a, &b, CompareFormat::Json).unwrap(),
    )
    .unwrap();
    let rows = json["instruments"][0]["items"].as_array().unwrap();
    let change_of = |id: &str| {
        rows.iter().find(|r| r["id"] == id).unwrap()["change_is"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(change_of("bc.kpi_herhaalklachten_pct"), "better");
    assert_eq!(change_of("bc.kpi_klaagt_pct"), "worse");
}

/// The home list words a round's change as compare does: a checklist's share moves in
/// percentage points, not in hundredths.
#[test]
fn the_list_trend_and_compare_word_a_change_alike() {
    const KP: &str = "klachtenprocedure";
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let items: Vec<String> = instruments()
        .get(KP)
        .unwrap()
        .checklist()
        .unwrap()
        .items()
        .map(|(_, item)| item.id.clone())
        .collect();
    let round = |number: u32, yes: usize| {
        let mut a = blank_with(&[KP]);
        a.title = format!("Ronde {number}");
        a.created = a
            .created
            .checked_add(jiff::SignedDuration::from_hours(24 * i64::from(number)))
            .unwrap();
        a.series = Some(Series {
            id: "reeks-kp".into(),
            round: number,
        });
        for (n, id) in items.iter().enumerate() {
            let answer = if n < yes { Check::Ja } else { Check::Nee };
            a.respondents[0].answers.of_mut(KP).set_check(id, answer);
        }
        a
    };
    let (first, second) = (round(1, 3), round(2, 9));
    store.create(&first).unwrap();
    store.create(&second).unwrap();
    let rt = Runtime::new(store, instruments());
    let entries = rt.list();
    let later = entries
        .iter()
        .filter_map(|e| e.listing.as_ref().ok())
        .find(|l| l.title == "Ronde 2")
        .unwrap();
    let trend = later.columns[0].trend.clone().expect("a trend");
    let c = compare(instruments(), &first, &second).unwrap();
    let change = c.instruments[0].change.clone().unwrap();
    assert!(change.ends_with("procentpunt"), "{change}");
    assert_eq!(trend, format!("↑ {change}"));
}
