//! What each screen shows: snapshots at 80×24 and 120×40, no panic at any size, and
//! nothing cut so that it changes its meaning.

mod common;

use common::*;
use crossterm::event::KeyCode;
use goudenoor::app::{
    Column, HomeEntry, Listing, Model, Msg, Page, Screen, Step, bindings, update,
};
use goudenoor::domain::{Answer, Assessment, Level, Status};
use goudenoor::fixtures::{fixed_time, sample_assessment, sample_assessment_with};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use std::path::PathBuf;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const GO: &str = "gouden-oor";
const STV: &str = "stv-kfm";

fn snapshot_sizes(name: &str, model: &mut Model) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(model, w, h));
    }
}

fn entry(slug: &str, title: &str, progress: u32) -> HomeEntry {
    HomeEntry {
        slug: slug.into(),
        path: PathBuf::from(format!("/data/{slug}.ron")),
        listing: Ok(Listing {
            title: title.into(),
            organisation: "Voorbeeld B.V.".into(),
            updated: fixed_time(),
            progress,
            respondents: 1,
            columns: vec![
                Column {
                    short: instruments().get(GO).unwrap().short.clone(),
                    value: Some("2,4".into()),
                    ..Default::default()
                },
                Column {
                    short: instruments().get(STV).unwrap().short.clone(),
                    value: Some("3,3".into()),
                    ..Default::default()
                },
            ],
            ..Default::default()
        }),
    }
}

fn home_with_entries() -> Model {
    let mut model = home_model();
    update(
        &mut model,
        Msg::Listed(vec![
            entry("nulmeting-2026", "Nulmeting 2026", 100),
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
fn partly_answered() -> Assessment {
    let mut assessment = blank();
    let answers = &mut assessment.respondents[0].answers;
    let go = answers.of_mut(GO);
    for (id, level, ambition) in [("go1", 2, 3), ("go2", 3, 4), ("go3", 1, 3), ("go5", 4, 4)] {
        go.set_level(id, Level::new(level));
        go.set_ambition(id, Level::new(ambition));
    }
    go.set_note(
        "go1",
        Answer::Scale {
            value: None,
            ambition: None,
            note: String::new(),
        },
        "Klachten komen vooral per mail binnen.".into(),
    );
    let stv = answers.of_mut(STV);
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
        stv.set_status(id, status);
    }
    stv.set_note(
        "I.2",
        Answer::Criterion {
            status: Status::Open,
            note: String::new(),
        },
        "Beleidsplan 2026, vastgesteld door de directie".into(),
    );
    stv.set_number("IV.4.pct", Some(86.0));
    assessment
}

/// Every instrument of the registry, fully answered by one respondent, with some of the
/// organisation's figures filled in.
fn all_five() -> Assessment {
    let mut a = sample_assessment_with(instruments(), &all_ids(), 1);
    for inst in instruments().iter() {
        if let Some(calc) = inst.calculator() {
            for (i, input) in calc.inputs.iter().enumerate().take(3) {
                let value = input.default.unwrap_or(10.0) + i as f64;
                a.facts.of_mut(&inst.id).set_number(&input.id, Some(value));
            }
        }
    }
    a
}

fn page_of(model: &mut Model, id: &str, page: Page) {
    let i = model
        .session
        .as_ref()
        .unwrap()
        .included
        .iter()
        .position(|x| x == id)
        .expect("included");
    go(model, |s| s == Step::Page(i, page));
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
    for (part, name) in [
        (0, "part_i"),
        (1, "part_ii"),
        (2, "part_iii"),
        (3, "part_iv"),
    ] {
        let mut model = opened(partly_answered());
        page_of(&mut model, STV, Page::NormPart(part));
        snapshot_sizes(name, &mut model);
    }
}

#[test]
fn part_with_folded_introduction_and_cursor_on_a_criterion() {
    let mut model = opened(partly_answered());
    page_of(&mut model, STV, Page::NormPart(0));
    press(&mut model, &[KeyCode::Char('i'), KeyCode::Down]);
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
    go(&mut model, |s| s == Step::Results);
    snapshot_sizes("results_partial", &mut model);
}

#[test]
fn results_fully_answered() {
    let mut model = opened(sample_assessment(instruments(), 1));
    go(&mut model, |s| s == Step::Results);
    snapshot_sizes("results_full", &mut model);
    insta::assert_snapshot!("results_full_200x60", screen(&mut model, 200, 60));
}

#[test]
fn checklist_fields_and_a_section() {
    let mut model = opened(all_five());
    page_of(&mut model, "klachtenprocedure", Page::Fields);
    snapshot_sizes("checklist_fields", &mut model);
    page_of(&mut model, "klachtenprocedure", Page::Section(0));
    snapshot_sizes("checklist_section", &mut model);
}

#[test]
fn calculator_and_measurements() {
    let mut model = opened(all_five());
    page_of(&mut model, "businesscase", Page::Calculator);
    snapshot_sizes("calculator", &mut model);
    page_of(&mut model, "businesscase", Page::Measurements);
    snapshot_sizes("measurements", &mut model);
}

/// Press `code` until neither the screen nor the cursor moves any more; every screen on
/// the way, the last one last.
fn until_still(model: &mut Model, code: KeyCode, w: u16, h: u16) -> Vec<String> {
    let cursor = |model: &Model| model.session.as_ref().map(|s| s.cursor);
    let mut screens = vec![screen(model, w, h)];
    for _ in 0..300 {
        let before = cursor(model);
        press(model, &[code]);
        let next = screen(model, w, h);
        if Some(&next) == screens.last() && cursor(model) == before {
            return screens;
        }
        screens.push(next);
    }
    panic!("{code:?} keeps changing the screen");
}

#[test]
fn calculator_outputs_are_reached_down_to_the_last_one() {
    let inputs = instruments()
        .get("businesscase")
        .unwrap()
        .calculator()
        .unwrap()
        .inputs
        .len();
    let cursor = |model: &Model| model.session.as_ref().unwrap().cursor;
    for (w, h) in [(80, 24), (200, 60)] {
        let mut model = opened(all_five());
        page_of(&mut model, "businesscase", Page::Calculator);
        let top = screen(&mut model, w, h);
        assert!(
            !top.contains("Kosten van stil vertrek"),
            "{w}×{h}: below the first screen:\n{top}"
        );
        // ↓ walks the inputs, then scrolls on past the last one to the end of the page.
        let down = until_still(&mut model, KeyCode::Down, w, h);
        assert_eq!(cursor(&model), inputs - 1, "{w}×{h}: on the last input");
        // The last output in full: its label, what to do for its value, its explanation.
        let last_output = [
            "Kosten van stil vertrek per jaar",
            "vul de waarde per klant in om de kosten te zien",
            "stille ontevredenen die vertrekken × waarde per klant",
        ];
        assert!(
            down.iter()
                .any(|s| last_output.iter().all(|part| s.contains(part))),
            "{w}×{h}: never shows the last output:\n{}",
            down.last().unwrap()
        );
        assert!(
            down.iter()
                .any(|s| s.contains("Situaties met een ontevreden klant")),
            "{w}×{h}"
        );
        let bottom = down.last().unwrap().clone();
        // ↑ scrolls back first, then moves the cursor: all the way up is the first screen.
        let up = until_still(&mut model, KeyCode::Up, w, h);
        assert_eq!(cursor(&model), 0, "{w}×{h}");
        assert_eq!(up.last().unwrap(), &top, "{w}×{h}: back at the top");
        // End goes straight to the same end of the page, Home back to the top.
        press(&mut model, &[KeyCode::End]);
        assert_eq!(screen(&mut model, w, h), bottom, "{w}×{h}: End");
        assert_eq!(cursor(&model), inputs - 1);
        press(&mut model, &[KeyCode::Home]);
        assert_eq!(screen(&mut model, w, h), top, "{w}×{h}: Home");
        // PgDn pages there too, and stays on the step.
        let step = model.session.as_ref().unwrap().step;
        let pages = until_still(&mut model, KeyCode::PageDown, w, h);
        assert_eq!(pages.last().unwrap(), &bottom, "{w}×{h}: PgDn");
        assert!(pages.len() * 3 < down.len(), "{w}×{h}: a page at a time");
        assert_eq!(model.session.as_ref().unwrap().step, step);
        let back = until_still(&mut model, KeyCode::PageUp, w, h);
        assert_eq!(back.last().unwrap(), &top, "{w}×{h}: PgUp");
    }
    // The end of the outputs at 80×24, with the pictures below them.
    let mut model = opened(all_five());
    page_of(&mut model, "businesscase", Page::Calculator);
    screen(&mut model, 80, 24);
    let down = until_still(&mut model, KeyCode::Down, 80, 24);
    let at = down
        .iter()
        .position(|s| s.contains("(nog niet ingevuld)"))
        .unwrap();
    insta::assert_snapshot!("calculator_last_output_80x24", down[at]);
}

#[test]
fn the_calculator_header_is_not_cut() {
    let mut model = opened(all_five());
    page_of(&mut model, "businesscase", Page::Calculator);
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let text = screen(&mut model, w, h);
        let header = text
            .lines()
            .find(|l| l.contains("Businesscase klachtenmanagement"))
            .unwrap();
        assert!(
            header.contains("Enter wijzigt · 0 standaard "),
            "{w}×{h}: {header}"
        );
    }
}

#[test]
fn an_ambition_not_measured_says_so_once() {
    let mut model = opened(blank_with(&["businesscase"]));
    page_of(&mut model, "businesscase", Page::Measurements);
    for (w, h) in [(80, 24), (200, 60)] {
        let text = screen(&mut model, w, h);
        let rows: Vec<&str> = text
            .lines()
            .filter(|l| l.contains("niet gemeten"))
            .collect();
        assert_eq!(rows.len(), 3, "{w}×{h}:\n{text}");
        for row in rows {
            assert_eq!(row.matches("niet gemeten").count(), 1, "{w}×{h}: {row}");
        }
        // With the room that leaves, the names show in full.
        assert!(
            text.contains("Ontevreden klanten die bij ons klagen"),
            "{w}×{h}:\n{text}"
        );
    }
}

#[test]
fn ikm_model() {
    let mut model = opened(all_five());
    page_of(&mut model, "ikm", Page::Model);
    snapshot_sizes("ikm_model", &mut model);
}

#[test]
fn every_ikm_box_is_on_screen_at_every_size() {
    let mut model = opened(all_five());
    page_of(&mut model, "ikm", Page::Model);
    // Rated by the team too, so the performance column is at its tallest.
    for _ in 0..12 {
        press(&mut model, &[KeyCode::Char('4')]);
        press(&mut model, &[KeyCode::Down]);
    }
    let boxes = &instruments()
        .get("ikm")
        .and_then(|i| i.model())
        .expect("the IKM model")
        .boxes;
    for (w, h) in [(80, 24), (100, 30), (200, 60)] {
        let text = screen(&mut model, w, h);
        for b in boxes {
            let start: String = b.title.chars().take(10).collect();
            assert!(
                text.contains(&start),
                "{w}×{h}: {} missing:\n{text}",
                b.title
            );
        }
    }
}

#[test]
fn every_reading_in_every_ikm_box_shows_its_whole_answer_at_80_columns() {
    let mut model = opened(all_five());
    page_of(&mut model, "ikm", Page::Model);
    let result = goudenoor::domain::result::build(
        instruments(),
        &model.session.as_ref().unwrap().assessment,
    );
    let Some(goudenoor::domain::result::Detail::Model(m)) =
        result.get("ikm").map(|r| r.detail.clone())
    else {
        panic!("the model's result");
    };
    screen(&mut model, 80, 24);
    for b in &m.boxes {
        press(&mut model, &[KeyCode::Enter]);
        let mut seen = String::new();
        for _ in 0..10 {
            seen.push_str(&screen(&mut model, 80, 24));
            press(&mut model, &[KeyCode::PageDown]);
        }
        for r in &b.readings {
            assert!(
                seen.contains(&r.answer),
                "{}: {} '{}' cut:\n{seen}",
                b.title,
                r.id,
                r.answer
            );
        }
        press(&mut model, &[KeyCode::Esc]);
        press(&mut model, &[KeyCode::Down]);
    }
}

#[test]
fn a_model_box_taller_than_the_window_scrolls_to_its_last_line() {
    let mut model = opened(all_five());
    page_of(&mut model, "ikm", Page::Model);
    screen(&mut model, 80, 24);
    press(&mut model, &[KeyCode::Enter]);
    let top = screen(&mut model, 80, 24);
    assert!(top.contains("Wat zit erachter"), "{top}");
    assert!(
        top.contains("regel 1–"),
        "the frame says it scrolls:\n{top}"
    );
    let last_rule = "is niet bekeken.";
    assert!(!top.contains(last_rule), "{top}");

    press(&mut model, &[KeyCode::End]);
    let bottom = screen(&mut model, 80, 24);
    assert!(
        bottom.contains(last_rule),
        "End shows the last line:\n{bottom}"
    );
    assert!(!bottom.contains("regel 1–"), "{bottom}");
    // Down at the end stays at the end; Home goes back to the top.
    press(&mut model, &[KeyCode::Down]);
    assert_eq!(screen(&mut model, 80, 24), bottom);
    press(&mut model, &[KeyCode::Home]);
    assert_eq!(screen(&mut model, 80, 24), top);

    let hints = top.lines().last().unwrap_or_default();
    assert!(hints.contains("lezen"), "{hints}");

    // Where the window is tall enough, nothing scrolls and nothing offers to.
    let tall = screen(&mut model, 200, 60);
    assert!(
        tall.contains("bekeken.") && tall.contains("Esc sluit") && !tall.contains("regel 1–"),
        "{tall}"
    );
    let tall_hints = tall.lines().last().unwrap_or_default();
    assert!(!tall_hints.contains("lezen"), "{tall_hints}");

    press(&mut model, &[KeyCode::Esc]);
    let closed = screen(&mut model, 80, 24);
    assert!(!closed.contains("Wat zit erachter"), "{closed}");
}

#[test]
fn action_plan() {
    let mut model = opened(sample_assessment(instruments(), 1));
    go(&mut model, |s| s == Step::Actions);
    let text = screen(&mut model, 80, 24);
    type_text(&mut model, "n");
    type_text(&mut model, "Klachtenformulier op de website");
    press(&mut model, &[KeyCode::Enter]);
    assert!(
        !screen(&mut model, 80, 24).eq(&text),
        "the new action shows"
    );
    snapshot_sizes("actions", &mut model);
}

#[test]
fn results_with_all_five_instruments() {
    let mut model = opened(all_five());
    go(&mut model, |s| s == Step::Results);
    snapshot_sizes("results_all_five", &mut model);
    let mut text = String::new();
    screen(&mut model, 120, 40);
    press(&mut model, &[KeyCode::Home]);
    for _ in 0..60 {
        text.push_str(&screen(&mut model, 120, 40));
        press(&mut model, &[KeyCode::PageDown]);
    }
    for inst in instruments().iter() {
        assert!(
            text.contains(&inst.title) || text.contains(&inst.short),
            "{} on the results:\n{text}",
            inst.id
        );
    }
}

#[test]
fn results_of_an_empty_assessment_say_what_is_missing() {
    let mut model = opened(blank());
    go(&mut model, |s| s == Step::Results);
    let text = screen(&mut model, 80, 24);
    assert!(!text.contains("Gemiddeld 0"), "no misleading zero:\n{text}");
    assert!(text.contains("Nog"), "says what is missing:\n{text}");
}

#[test]
fn no_color_still_marks_the_selection() {
    let mut model = home_with_entries();
    let buffer = render(&mut model, 80, 24);
    let row = (0..24)
        .find(|y| buffer[(0, *y)].symbol() == "N" && buffer[(1, *y)].symbol() == "u")
        .or_else(|| {
            (0..24).find(|y| {
                (0..80)
                    .map(|x| buffer[(x, *y)].symbol())
                    .collect::<String>()
                    .contains("Nulmeting 2026")
            })
        })
        .expect("the first entry's row");
    let x = (0..80).find(|x| buffer[(*x, row)].symbol() == "N").unwrap();
    assert!(
        buffer[(x, row)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
    assert!((0..80).all(|x| (0..24).all(|y| buffer[(x, y)].fg == ratatui::style::Color::Reset)));
}

// --- Nothing is cut so that it changes its meaning ---------------------------------

fn row_text(buf: &Buffer, y: u16, from: u16, to: u16) -> String {
    (from..to).map(|x| buf[(x, y)].symbol()).collect()
}

/// The text inside the card with the thick border (the cursor's), its lines joined,
/// whitespace removed; and whether its bottom border is on screen.
fn cursor_card(buf: &Buffer) -> Option<(String, bool)> {
    let area = buf.area;
    let (left, top) = (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .find(|(x, y)| buf[(*x, *y)].symbol() == "┏")?;
    let right = (left + 1..area.width).find(|x| buf[(*x, top)].symbol() == "┓")?;
    let mut text = String::new();
    let mut y = top + 1;
    while y < area.height && buf[(left, y)].symbol() == "┃" {
        text.push_str(&row_text(buf, y, left + 1, right));
        y += 1;
    }
    let closed = y < area.height && buf[(left, y)].symbol() == "┗";
    Some((text.split_whitespace().collect(), closed))
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}

#[test]
fn grid_cards_are_never_one_line_short() {
    for inst in instruments().iter() {
        let Some(grid) = inst.grid() else { continue };
        let mut model = opened(blank_with(&[inst.id.as_str()]));
        for (index, item) in grid.items.iter().enumerate() {
            page_of(&mut model, &inst.id, Page::GridItem(index));
            for width in 80..=220 {
                press(&mut model, &[KeyCode::Up; 8]);
                for (card, statement) in item.statements.iter().enumerate() {
                    let buf = render(&mut model, width, 40);
                    let (text, closed) = cursor_card(&buf)
                        .unwrap_or_else(|| panic!("{} card {card} at {width}", item.id));
                    assert!(closed, "{} card {card} at {width}: bottom cut", item.id);
                    assert_eq!(
                        text,
                        squeeze(statement),
                        "{} card {} at width {width}",
                        item.id,
                        card + 1
                    );
                    press(&mut model, &[KeyCode::Down]);
                }
            }
        }
    }
}

#[test]
fn criteria_are_never_one_line_short() {
    for inst in instruments().iter() {
        let Some(norm) = inst.norm() else { continue };
        let mut model = opened(blank_with(&[inst.id.as_str()]));
        for (index, part) in norm.parts.iter().enumerate() {
            page_of(&mut model, &inst.id, Page::NormPart(index));
            for width in 80..=220 {
                press(&mut model, &[KeyCode::Up; 40]);
                press(&mut model, &[KeyCode::Down]);
                for criterion in &part.criteria {
                    let buf = render(&mut model, width, 40);
                    let (text, closed) =
                        cursor_card(&buf).unwrap_or_else(|| panic!("{} at {width}", criterion.id));
                    assert!(closed, "{} at {width}: bottom cut", criterion.id);
                    assert_eq!(
                        text,
                        squeeze(&criterion.text),
                        "{} at width {width}",
                        criterion.id
                    );
                    press(&mut model, &[KeyCode::Down]);
                }
            }
        }
    }
}

#[test]
fn grid_header_names_current_and_ambition_in_full_at_80_columns() {
    let mut a = blank();
    let go = a.respondents[0].answers.of_mut(GO);
    for item in &instruments().get(GO).unwrap().grid().unwrap().items {
        go.set_level(&item.id, Level::new(2));
        go.set_ambition(&item.id, Level::new(4));
    }
    let mut model = opened(a);
    for index in 0..9 {
        update(&mut model, Msg::GoToStep(index));
        let text = screen(&mut model, 80, 24);
        assert!(text.contains("Huidig: goed"), "{text}");
        assert!(text.contains("Doel: goud"), "{text}");
    }
}

#[test]
fn the_step_counter_stays_on_the_line_with_a_very_long_title() {
    let mut a = blank();
    a.title = "Een heel lange titel van een beoordeling die veel breder is dan het scherm ooit wordt, zelfs op een breed scherm".into();
    a.organisation = "Stichting Met Een Even Lange Naam Voor De Organisatie".into();
    let mut model = opened(a);
    let total = model.steps().len();
    for width in [80, 100, 120, 200] {
        let text = screen(&mut model, width, 24);
        let first = text.lines().next().unwrap();
        assert!(
            first.contains(&format!("stap 1/{total}")),
            "at {width}: {first}"
        );
        assert!(first.contains("Een heel lange"), "at {width}: {first}");
    }
}

fn workshop(n: usize) -> Assessment {
    let mut a = sample_assessment(instruments(), n);
    for (i, r) in a.respondents.iter_mut().enumerate() {
        r.name = format!("Persoon{} Achternaam", i + 1);
    }
    a
}

#[test]
fn workshop_header_and_legend_fit_at_80_columns() {
    let mut model = opened(workshop(12));
    go(&mut model, |s| s == Step::Team);
    let text = screen(&mut model, 80, 24);
    assert!(text.contains("Workshop — 12 respondenten"), "{text}");
    for column in ["med", "bereik", "Akkoord", "Doel"] {
        assert!(text.contains(column), "{column}:\n{text}");
    }
    let bigger = screen(&mut model, 80, 40);
    for i in 1..=12 {
        assert!(
            bigger.contains(&format!("Persoon{i} ")) || bigger.contains(&format!("Persoon{i}\n")),
            "respondent {i} in the legend:\n{bigger}"
        );
    }
}

#[test]
fn every_answer_screen_says_who_is_answering() {
    let mut a = workshop(3);
    a.respondents[1].name = "Bert".into();
    let mut model = opened(a);
    update(&mut model, Msg::GoToStep(0));
    type_text(&mut model, "]");
    let pages: Vec<usize> = model
        .steps()
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s, Step::Page(..)))
        .map(|(i, _)| i)
        .collect();
    for i in pages {
        update(&mut model, Msg::GoToStep(i));
        let text = screen(&mut model, 80, 24);
        let first = text.lines().next().unwrap();
        assert!(first.contains("antwoorden van Bert"), "step {i}: {first}");
    }
}

#[test]
fn wide_characters_keep_the_home_columns_aligned() {
    let mut model = home_model();
    update(
        &mut model,
        Msg::Listed(vec![
            entry("a", "Gewone titel", 40),
            entry("b", "Klachten 🎉🎉 feest", 55),
            entry("c", "日本語のタイトル", 70),
            entry("d", "Cafe\u{301} en 👍🏽 duim", 85),
        ]),
    );
    for width in [80, 120] {
        let buf = render(&mut model, width, 24);
        let mut columns = Vec::new();
        for y in 0..24 {
            let row = row_text(&buf, y, 0, width);
            if row.contains("beantwoord") {
                continue; // the detail line of the selected entry
            }
            for pct in ["40%", "55%", "70%", "85%"] {
                if row.contains(pct) {
                    let x = (0..width - 2)
                        .find(|x| {
                            buf[(*x, y)].symbol() == &pct[..1]
                                && buf[(*x + 1, y)].symbol() == &pct[1..2]
                                && buf[(*x + 2, y)].symbol() == "%"
                        })
                        .unwrap();
                    columns.push((pct, x + 2));
                }
            }
        }
        assert_eq!(columns.len(), 4, "every row shows its progress at {width}");
        assert!(
            columns.iter().all(|(_, x)| *x == columns[0].1),
            "the % column lines up at {width}: {columns:?}"
        );
    }
}

#[test]
fn a_long_note_says_there_is_more() {
    let mut a = blank();
    let note = (1..=40)
        .map(|i| format!("Regel {i} van een lange notitie over klachten."))
        .collect::<Vec<_>>()
        .join(" ");
    a.respondents[0].answers.of_mut(GO).set_note(
        "go1",
        Answer::Scale {
            value: None,
            ambition: None,
            note: String::new(),
        },
        note,
    );
    let mut model = opened(a);
    update(&mut model, Msg::GoToStep(0));
    for (w, h) in [(80, 24), (100, 30), (200, 60)] {
        let text = screen(&mut model, w, h);
        assert!(text.contains("… meer (e)"), "{w}×{h}, whole:\n{text}");
    }
}

#[test]
fn the_evidence_editor_shows_the_line_with_the_cursor() {
    let mut model = opened(blank());
    page_of(&mut model, STV, Page::NormPart(0));
    type_text(&mut model, "e");
    for i in 1..=15 {
        type_text(&mut model, &format!("Bewijsregel {i}"));
        press(&mut model, &[KeyCode::Enter]);
    }
    type_text(&mut model, "HIER-STAAT-DE-CURSOR");
    let text = screen(&mut model, 80, 24);
    assert!(text.contains("HIER-STAAT-DE-CURSOR"), "{text}");
    insta::assert_snapshot!("part_i_evidence_80x24", text);
}

#[test]
fn the_rename_dialog_shows_the_title_and_what_is_typed() {
    let mut model = home_with_entries();
    type_text(&mut model, "r");
    let text = screen(&mut model, 80, 24);
    assert!(text.contains("Nulmeting 2026"), "{text}");
    type_text(&mut model, " herzien");
    let text = screen(&mut model, 80, 24);
    assert!(text.contains("Nulmeting 2026 herzien"), "{text}");
}

#[test]
fn the_home_detail_line_shows_the_short_name() {
    let mut model = home_with_entries();
    let text = screen(&mut model, 80, 24);
    assert!(text.contains("(nulmeting-2026)"), "{text}");
}

#[test]
fn the_number_dialog_is_drawn_over_the_screen_with_its_error() {
    let mut model = opened(blank());
    page_of(&mut model, STV, Page::NormPart(3));
    type_text(&mut model, "p");
    type_text(&mut model, "120");
    press(&mut model, &[KeyCode::Enter]);
    let buf = render(&mut model, 80, 24);
    // The dialog's input line: find "120" and check that no card border runs through
    // the row on either side of the dialog's own frame.
    let y = (0..24)
        .find(|y| row_text(&buf, *y, 0, 80).contains("120"))
        .expect("the input is shown");
    let row = row_text(&buf, y, 0, 80);
    assert!(
        !row.contains('┃') && !row.contains('┏'),
        "not inside a card: {row}"
    );
    let text = screen(&mut model, 80, 24);
    assert!(
        text.contains("100") || text.contains("Verwacht"),
        "says what is allowed:\n{text}"
    );
}

// --- Help lists exactly the keys of its screen --------------------------------------

fn screens_to_check() -> Vec<(Screen, Model)> {
    let mut out = vec![(Screen::Home, home_with_entries())];
    let base = opened(all_five());
    for (screen, pred) in [
        (Screen::Grid, Step::Page(0, Page::GridItem(0))),
        (Screen::Norm, Step::Page(1, Page::NormPart(0))),
        (Screen::Actions, Step::Actions),
        (Screen::Results, Step::Results),
    ] {
        let mut m = base.clone();
        go(&mut m, |s| s == pred);
        out.push((screen, m));
    }
    for (screen, id, page) in [
        (Screen::Fields, "klachtenprocedure", Page::Fields),
        (Screen::Section, "klachtenprocedure", Page::Section(0)),
        (Screen::Calculator, "businesscase", Page::Calculator),
        (Screen::Measurements, "businesscase", Page::Measurements),
        (Screen::Model, "ikm", Page::Model),
    ] {
        let mut m = base.clone();
        page_of(&mut m, id, page);
        out.push((screen, m));
    }
    let mut team = opened(workshop(3));
    go(&mut team, |s| s == Step::Team);
    out.push((Screen::Team, team));
    out
}

/// The help overlay's text, column by column, whitespace removed: a description that
/// wraps inside its column reads as one.
fn help_text(buf: &Buffer) -> String {
    let area = buf.area;
    let top = (0..area.height)
        .find(|y| row_text(buf, *y, 0, area.width).contains("╭ Hulp"))
        .expect("the help overlay");
    let left = (0..area.width)
        .find(|x| buf[(*x, top)].symbol() == "╭")
        .unwrap();
    let right = (left + 1..area.width)
        .find(|x| buf[(*x, top)].symbol() == "╮")
        .unwrap();
    let bottom = (top + 1..area.height)
        .find(|y| buf[(left, *y)].symbol() == "╰")
        .unwrap();
    let inner = right - left - 1;
    let column = (inner - 2) / 2;
    let mut text = String::new();
    for (from, to) in [
        (left + 1, left + 1 + column),
        (left + 1 + column + 2, right),
    ] {
        for y in top + 1..bottom {
            text.push_str(&row_text(buf, y, from, to));
        }
    }
    squeeze(&text)
}

#[test]
fn help_lists_exactly_the_bindings_of_its_screen() {
    let mut seen = Vec::new();
    for (which, mut model) in screens_to_check() {
        assert_eq!(goudenoor::app::screen(&model), which);
        let plain = screen(&mut model, 120, 40);
        let hint_bar = plain.lines().last().unwrap().to_string();
        type_text(&mut model, "?");
        assert!(model.help, "{which:?}");
        let help = help_text(&render(&mut model, 120, 40));
        let own = bindings(which);
        for b in own.iter().filter(|b| !b.label.is_empty()) {
            let entry = squeeze(&format!("{}{}", b.label, b.what));
            assert!(help.contains(&entry), "{which:?}: {entry} missing:\n{help}");
            assert_eq!(
                help.matches(&entry).count(),
                1,
                "{which:?}: {entry} shown once:\n{help}"
            );
        }
        // Every key of the hint bar is explained in the help.
        let mut hinted = 0;
        for b in own.iter().filter(|b| b.hint && !b.label.is_empty()) {
            if hint_bar.contains(&format!(
                "{} {}",
                b.label,
                b.what.split(" (").next().unwrap()
            )) {
                hinted += 1;
                assert!(help.contains(&squeeze(&b.label)), "{which:?}: {}", b.label);
            }
        }
        assert!(hinted > 0, "{which:?}: {hint_bar}");
        seen.push((which, help));
    }
    // A key with a description only another screen has is not in this screen's help.
    for (which, help) in &seen {
        let own: Vec<String> = bindings(*which)
            .iter()
            .map(|b| squeeze(&format!("{}{}", b.label, b.what)))
            .collect();
        for (other, _) in &seen {
            for b in bindings(*other).iter().filter(|b| !b.label.is_empty()) {
                let entry = squeeze(&format!("{}{}", b.label, b.what));
                if !own.iter().any(|o| o.contains(&entry)) {
                    assert!(
                        !help.contains(&entry),
                        "{which:?} help shows {other:?}'s {entry:?}:\n{help}"
                    );
                }
            }
        }
    }
    let distinct: std::collections::HashSet<_> = seen.iter().map(|(_, h)| h).collect();
    assert_eq!(distinct.len(), seen.len(), "each screen has its own help");
}

// --- Every screen at every size ------------------------------------------------------

fn all_screens() -> Vec<Model> {
    let mut models = vec![home_model(), home_with_entries()];
    let mut dialog = home_model();
    type_text(&mut dialog, "nTitel");
    models.push(dialog);
    let mut rename = home_with_entries();
    type_text(&mut rename, "r");
    models.push(rename);
    for assessment in [partly_answered(), all_five(), workshop(4)] {
        let base = opened(assessment);
        for step in 0..base.steps().len() {
            let mut model = base.clone();
            update(&mut model, Msg::GoToStep(step));
            models.push(model.clone());
            type_text(&mut model, "e");
            models.push(model.clone());
            press(&mut model, &[KeyCode::Esc]);
            press(&mut model, &[KeyCode::Enter]);
            models.push(model);
        }
    }
    let mut help = opened(blank());
    type_text(&mut help, "?");
    models.push(help);
    let mut team = opened(workshop(4));
    type_text(&mut team, "t");
    models.push(team);
    models
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
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

#[test]
fn without_colour_the_results_tell_current_and_ambition_apart_by_marker() {
    let mut model = opened(sample_assessment(instruments(), 1));
    assert!(!model.color);
    go(&mut model, |s| s == Step::Results);
    let buf = render(&mut model, 120, 40);
    let mut legend = None;
    for y in 0..40 {
        let row = row_text(&buf, y, 0, 120);
        if row.contains("huidig") && row.contains("doel") {
            legend = Some(row);
        }
        for x in 0..120 {
            assert_eq!(buf[(x, y)].fg, ratatui::style::Color::Reset, "({x}, {y})");
        }
    }
    let legend = legend.unwrap_or_else(|| {
        panic!(
            "a legend on the first page:\n{}",
            screen(&mut model, 120, 40)
        )
    });
    let current = legend.find("huidig").unwrap();
    let ambition = legend.find("doel").unwrap();
    let mark = |before: &str| before.trim_end().chars().last();
    let (a, b) = (mark(&legend[..current]), mark(&legend[..ambition]));
    assert!(a.is_some() && b.is_some() && a != b, "{legend}");
    assert!(
        !a.unwrap().is_alphanumeric() && !b.unwrap().is_alphanumeric(),
        "{legend}"
    );
}

/// The main panel's text (right of the side panel's border), whitespace removed.
fn main_panel(text: &str) -> String {
    squeeze(
        &text
            .lines()
            .map(|l| l.trim_matches('"'))
            .map(|l| l.split_once('│').map_or(l, |(_, right)| right))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

#[test]
fn choice_options_are_shown_in_full() {
    use goudenoor::domain::instrument::FieldKind;
    let inst = instruments().get("klachtenprocedure").unwrap();
    let fields = &inst.checklist().unwrap().fields;
    let mut model = opened(all_five());
    page_of(&mut model, &inst.id, Page::Fields);
    for width in [80, 100, 120, 160] {
        press(&mut model, &[KeyCode::Up; 20]);
        for field in fields {
            if let FieldKind::Choice { options, .. } = &field.kind {
                let text = main_panel(&screen(&mut model, width, 60));
                for option in options {
                    // The scroll bar's column is not text.
                    let shown = text.replace(['█', '║'], "");
                    assert!(
                        shown.contains(&squeeze(&option.text)),
                        "{} option {} at {width}:\n{}",
                        field.id,
                        option.id,
                        screen(&mut model, width, 60)
                    );
                }
            }
            press(&mut model, &[KeyCode::Down]);
        }
    }
}

#[test]
fn the_grid_hint_is_not_cut_at_80_columns() {
    let mut model = opened(blank());
    let text = screen(&mut model, 80, 24);
    assert!(text.contains("d zet het doel"), "{text}");
    let wide = screen(&mut model, 120, 40);
    assert!(wide.contains("Kies het niveau dat nu past"), "{wide}");
}

#[test]
fn measurements_show_every_verdict_in_full_at_80_columns() {
    let mut model = opened(all_five());
    page_of(&mut model, "businesscase", Page::Measurements);
    let text = screen(&mut model, 80, 40);
    assert_eq!(text.matches("✗ nog niet").count(), 2, "{text}");
    assert_eq!(text.matches("✓ gehaald").count(), 1, "{text}");
    assert!(text.contains("zich ontwikkelen."), "{text}");
}

#[test]
fn the_model_header_is_not_cut_at_80_columns() {
    let mut model = opened(all_five());
    page_of(&mut model, "ikm", Page::Model);
    let text = screen(&mut model, 80, 24);
    let header = text.lines().nth(1).unwrap();
    assert!(
        !header.contains("beoordel") || header.contains("beoordeling team"),
        "{header}"
    );
    let wide = screen(&mut model, 160, 40);
    assert!(wide.contains("1–5: beoordeling team"), "{wide}");
}

#[test]
fn a_checklist_section_says_how_answers_count_and_marks_a_cut_introduction() {
    let mut model = opened(all_five());
    page_of(&mut model, "klachtenprocedure", Page::Section(0));
    let text = screen(&mut model, 80, 24);
    assert!(text.contains("n.v.t. telt niet mee"), "{text}");
    assert!(text.contains(" …"), "a cut introduction is marked:\n{text}");
}
