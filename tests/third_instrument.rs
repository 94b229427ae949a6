//! An instrument of an existing kind is a data file: a test-only checklist and a
//! 3-level grid from tests/fixtures, registered beside the first two, appear in the
//! walk-through, the results, every report format, the answer sheet and its import,
//! and the comparison of two rounds — with no code naming them.

mod common;

use goudenoor::app::{Model, Msg, Opened, Page, Step, update};
use goudenoor::domain::instrument::EMBEDDED;
use goudenoor::domain::{Assessment, Instruments};
use goudenoor::fixtures::{fixed_time, sample_assessment_with};
use goudenoor::report::{CompareFormat, Format, Options, render, render_comparison};
use std::path::PathBuf;

fn registry() -> &'static Instruments {
    static CELL: std::sync::OnceLock<&'static Instruments> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        let files = [
            EMBEDDED[0],
            EMBEDDED[1],
            ("grid3.ron", include_str!("fixtures/instruments/grid3.ron")),
            (
                "checklist_small.ron",
                include_str!("fixtures/instruments/checklist_small.ron"),
            ),
        ];
        Instruments::from_files(&files)
            .expect("the test instruments are valid")
            .leak()
    })
}

fn ids() -> Vec<String> {
    registry().iter().map(|i| i.id.clone()).collect()
}

fn assessment() -> Assessment {
    sample_assessment_with(registry(), &ids(), 3)
}

fn screen_of(model: &mut Model, width: u16, height: u16) -> String {
    update(model, Msg::Resize(width, height));
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    let mut viewport = model.viewport;
    terminal
        .draw(|frame| {
            viewport = goudenoor::ui::draw(model, frame.area(), frame.buffer_mut());
        })
        .unwrap();
    // What the view learned (how far it scrolls) goes back, as the terminal loop does.
    update(model, Msg::Viewport(viewport));
    terminal.backend().to_string()
}

#[test]
fn the_walk_through_has_pages_for_both_new_instruments() {
    let mut model = Model::new(registry(), PathBuf::from("/data"));
    model.color = false;
    update(
        &mut model,
        Msg::Opened(Box::new(Opened {
            path: PathBuf::from("/data/x.ron"),
            assessment: assessment(),
            read_only: true,
            reason: None,
        })),
    );
    let steps = model.steps();
    let grid_pages = steps
        .iter()
        .filter(|s| matches!(s, Step::Page(2, Page::GridItem(_))))
        .count();
    assert_eq!(grid_pages, 3, "one page per item of the 3-level grid");
    assert!(steps.contains(&Step::Page(3, Page::Fields)));
    assert!(steps.contains(&Step::Page(3, Page::Section(0))));
    // The grid's page shows its three statements and its own level names.
    let grid = steps
        .iter()
        .position(|s| *s == Step::Page(2, Page::GridItem(1)))
        .unwrap();
    update(&mut model, Msg::GoToStep(grid));
    let screen = screen_of(&mut model, 100, 30);
    for text in [
        "Laag twee.",
        "Midden twee.",
        "Hoog twee.",
        "midden",
        "Toen → Nu",
    ] {
        assert!(screen.contains(text), "{text} on the grid page:\n{screen}");
    }
    let section = steps
        .iter()
        .position(|s| *s == Step::Page(3, Page::Section(0)))
        .unwrap();
    update(&mut model, Msg::GoToStep(section));
    let screen = screen_of(&mut model, 100, 30);
    assert!(
        screen.contains("Het eerste onderdeel is geregeld."),
        "{screen}"
    );
    // The results name both, with their own figures.
    let results = steps.len() - 1;
    update(&mut model, Msg::GoToStep(results));
    let mut seen = String::new();
    for _ in 0..20 {
        seen.push_str(&screen_of(&mut model, 120, 40));
        update(&mut model, Msg::PageDown);
    }
    assert!(seen.contains("Drie niveaus"), "{seen}");
    assert!(seen.contains("Korte checklist"), "{seen}");
}

#[test]
fn every_report_format_carries_both() {
    let a = assessment();
    for format in [Format::Text, Format::Md, Format::Html, Format::Json] {
        let text = String::from_utf8(render(registry(), &a, format, Options::default())).unwrap();
        assert!(text.contains("Drie niveaus"), "{format:?}");
        assert!(text.contains("Korte checklist"), "{format:?}");
    }
    // The CSV names instruments and items by id.
    let csv = String::from_utf8(render(registry(), &a, Format::Csv, Options::default())).unwrap();
    assert!(
        csv.contains(",drie,d2,") && csv.contains(",kort,k.een,"),
        "{csv}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&render(registry(), &a, Format::Json, Options::default())).unwrap();
    assert!(json.to_string().contains("\"d2\""), "items by id");
    let xlsx = render(registry(), &a, Format::Xlsx, Options::default());
    assert!(xlsx.starts_with(b"PK"), "a workbook");
}

#[test]
fn the_sheet_has_their_columns_and_imports_them() {
    let ids = ids();
    let columns = goudenoor::import::sheet_columns(registry(), &ids);
    for column in ["d1", "d3", "d1_doel", "k.een", "k.twee"] {
        assert!(
            columns.iter().any(|c| c == column),
            "{column} in {columns:?}"
        );
    }
    assert!(
        !columns.iter().any(|c| c == "k.naam"),
        "fields are the organisation's"
    );
    let mut sheet = columns.join(",");
    sheet.push('\n');
    let row: Vec<&str> = columns
        .iter()
        .map(|c| match c.as_str() {
            "respondent" => "Anna",
            "d2" => "midden",
            "d2_doel" => "3",
            "k.een" => "deels",
            _ => "",
        })
        .collect();
    sheet.push_str(&row.join(","));
    let respondents = goudenoor::import::parse_sheet(registry(), &ids, &sheet).unwrap();
    let answers = &respondents[0].answers;
    assert_eq!(answers.of("drie").level("d2").map(|l| l.value()), Some(2));
    assert_eq!(
        answers.of("drie").ambition("d2").map(|l| l.value()),
        Some(3)
    );
    assert_eq!(
        answers.of("kort").check("k.een"),
        goudenoor::domain::Check::Deels
    );
    // A level the 3-level grid does not have is refused, naming its own levels.
    let bad = sheet.replace(",midden,", ",4,");
    let error = goudenoor::import::parse_sheet(registry(), &ids, &bad).unwrap_err();
    assert!(error.to_string().contains("laag, midden, hoog"), "{error}");
}

#[test]
fn two_rounds_compare_on_both() {
    let a = assessment();
    let mut b = Assessment::new("Ronde 2", "", registry(), &ids(), fixed_time());
    b.created = fixed_time()
        .checked_add(jiff::SignedDuration::from_hours(24))
        .unwrap();
    b.respondents[0].answers = goudenoor::fixtures::full_answers_for(registry(), &ids(), 1);
    let c = goudenoor::domain::compare::compare(registry(), &a, &b).unwrap();
    let compared: Vec<&str> = c.instruments.iter().map(|i| i.id.as_str()).collect();
    assert!(
        compared.contains(&"drie") && compared.contains(&"kort"),
        "{compared:?}"
    );
    let text = render_comparison(registry(), &a, &b, CompareFormat::Text).unwrap();
    assert!(
        text.contains("Drie niveaus") && text.contains("Korte checklist"),
        "{text}"
    );
}
