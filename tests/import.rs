//! Imports: answer sheets and other assessments; errors refuse the whole file.

use goudenoor::domain::{Assessment, Instruments, Level, Respondent, Status};
use goudenoor::fixtures::{fixed_time, sample_assessment};
use goudenoor::import::{
    SheetError, blank_sheet, parse_sheet, read_respondents, respondents_of, sheet_columns,
};
use proptest::prelude::*;

fn instruments() -> &'static Instruments {
    Instruments::embedded()
}

fn sheet(rows: &[&str]) -> String {
    let mut text = blank_sheet(instruments());
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text
}

/// A full row: name, 9 levels, 9 ambitions, 18 criteria, percentage.
fn row(name: &str, level: &str, criterion: &str, pct: &str) -> String {
    let mut cells = vec![name.to_string()];
    cells.extend(std::iter::repeat_n(level.to_string(), 18));
    cells.extend(std::iter::repeat_n(criterion.to_string(), 18));
    cells.push(pct.to_string());
    cells.join(",")
}

#[test]
fn blank_sheet_has_every_column_once() {
    let columns = sheet_columns(instruments());
    assert_eq!(columns.len(), 1 + 9 + 9 + 18 + 1);
    assert_eq!(columns[0], "respondent");
    assert_eq!(columns[1], "go1");
    assert_eq!(columns[10], "go1_doel");
    assert_eq!(columns[19], "I.2");
    assert_eq!(columns.last().unwrap(), "iv4_pct");
    assert!(blank_sheet(instruments()).starts_with("respondent,go1,go2"));
}

#[test]
fn a_filled_sheet_reads_every_answer() {
    let text = sheet(&[
        &row("Anna", "goed", "ja", "92%"),
        &row("Bert", "4", "0", ""),
        &row("Cas", "", "", ""),
    ]);
    let respondents = parse_sheet(instruments(), &text).unwrap();
    assert_eq!(respondents.len(), 3);
    assert_eq!(respondents[0].name, "Anna");
    assert_eq!(respondents[0].answers.level("go5"), Level::new(2));
    assert_eq!(respondents[0].answers.ambition("go9"), Level::new(2));
    assert_eq!(respondents[0].answers.status("IV.4"), Status::Met);
    assert_eq!(respondents[0].answers.response_pct, Some(92));
    assert_eq!(respondents[1].answers.level("go1"), Level::new(4));
    assert_eq!(respondents[1].answers.status("I.2"), Status::NotMet);
    assert!(
        respondents[2].answers.is_empty(),
        "blank cells are not answered"
    );
}

#[test]
fn levels_and_answers_are_read_case_insensitively_and_trimmed() {
    let text = sheet(&[&row("Anna", " Prima ", "JA", " 90 ")]);
    let r = parse_sheet(instruments(), &text).unwrap();
    assert_eq!(r[0].answers.level("go1"), Level::new(3));
    assert_eq!(r[0].answers.status("I.2"), Status::Met);
}

#[test]
fn a_semicolon_sheet_with_a_byte_order_mark_is_read() {
    let text = format!(
        "\u{feff}{}",
        sheet(&[&row("Anna", "goed", "nee", "")]).replace(',', ";")
    );
    let r = parse_sheet(instruments(), &text).unwrap();
    assert_eq!(r[0].answers.level("go3"), Level::new(2));
}

#[test]
fn a_sheet_with_some_columns_is_read() {
    let text = "respondent,go1,I.2\nAnna,goud,ja\n";
    let r = parse_sheet(instruments(), text).unwrap();
    assert_eq!(r[0].answers.level("go1"), Level::new(4));
    assert_eq!(r[0].answers.level("go2"), None);
}

#[test]
fn every_bad_cell_is_listed_and_nothing_is_read() {
    let good = row("Anna", "goed", "ja", "90");
    let mut bad = row("", "5", "misschien", "120")
        .split(',')
        .map(String::from)
        .collect::<Vec<_>>();
    bad[2] = "goed".into();
    let text = sheet(&[&good, &bad.join(",")]);
    match parse_sheet(instruments(), &text) {
        Err(SheetError::Cells(cells)) => {
            // name, 17 levels/ambitions (one fixed), 18 criteria, the percentage.
            assert_eq!(cells.len(), 1 + 17 + 18 + 1);
            assert!(cells.iter().all(|c| c.line == 3));
            let first = cells[0].to_string();
            assert!(first.contains("regel 3, kolom respondent"), "{first}");
            let level = cells.iter().find(|c| c.column == "go1").unwrap();
            assert_eq!(level.value, "5");
            assert!(level.expected.contains("aardig"));
            let pct = cells.iter().find(|c| c.column == "iv4_pct").unwrap();
            assert!(pct.expected.contains("100"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_duplicate_or_missing_columns_are_refused() {
    let unknown = "respondent,go1,go10\nAnna,1,1\n";
    assert!(
        matches!(parse_sheet(instruments(), unknown), Err(SheetError::Header(m)) if m.contains("go10"))
    );
    let duplicate = "respondent,go1,GO1\nAnna,1,1\n";
    assert!(
        matches!(parse_sheet(instruments(), duplicate), Err(SheetError::Header(m)) if m.contains("twee keer"))
    );
    let no_names = "go1,go2\n1,2\n";
    assert!(
        matches!(parse_sheet(instruments(), no_names), Err(SheetError::Header(m)) if m.contains("respondent"))
    );
    assert!(
        matches!(parse_sheet(instruments(), ""), Err(SheetError::Header(m)) if m.contains("leeg"))
    );
}

#[test]
fn a_row_with_the_wrong_number_of_cells_is_refused() {
    let text = "respondent,go1\nAnna,1,2\n";
    match parse_sheet(instruments(), text) {
        Err(SheetError::Cells(cells)) => {
            assert_eq!(cells.len(), 1);
            assert!(cells[0].expected.contains("2 cellen"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn names_that_clash_are_renamed_not_dropped() {
    let mut target = sample_assessment(instruments(), 2);
    let incoming = vec![
        Respondent {
            name: "Deelnemer 1".into(),
            answers: target.respondents[0].answers.clone(),
        },
        Respondent {
            name: "Deelnemer 1".into(),
            answers: target.respondents[1].answers.clone(),
        },
        Respondent {
            name: "Nieuw".into(),
            answers: Default::default(),
        },
    ];
    let names = target.add_respondents(incoming);
    assert_eq!(names, ["Deelnemer 1 (2)", "Deelnemer 1 (3)", "Nieuw"]);
    assert_eq!(target.respondents.len(), 5);
}

#[test]
fn an_untouched_solo_placeholder_makes_way() {
    let mut target = Assessment::new("Workshop", "", instruments(), fixed_time());
    let other = sample_assessment(instruments(), 3);
    let names = target.add_respondents(respondents_of(instruments(), &other).unwrap());
    assert_eq!(names.len(), 3);
    assert_eq!(target.respondents.len(), 3, "the empty 'Ik' is gone");
}

#[test]
fn an_assessment_with_other_instruments_is_refused() {
    let mut other = sample_assessment(instruments(), 1);
    other.instruments.retain(|i| i.id != "stv-kfm");
    let err = respondents_of(instruments(), &other).unwrap_err();
    assert!(err.to_string().contains("stv-kfm"));
}

#[test]
fn read_respondents_from_files() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("blad.csv");
    std::fs::write(&csv, sheet(&[&row("Anna", "goed", "ja", "")])).unwrap();
    assert_eq!(read_respondents(instruments(), &csv).unwrap().len(), 1);
    let latin1 = dir.path().join("oud.csv");
    std::fs::write(&latin1, b"respondent,go1\nJos\xe9,1\n").unwrap();
    let err = read_respondents(instruments(), &latin1)
        .unwrap_err()
        .to_string();
    assert!(err.contains("UTF-8") && err.contains("oud.csv"), "{err}");
    let ron = dir.path().join("ander.ron");
    std::fs::write(
        &ron,
        goudenoor::store::serialize(&sample_assessment(instruments(), 2)),
    )
    .unwrap();
    assert_eq!(read_respondents(instruments(), &ron).unwrap().len(), 2);
    let missing = read_respondents(instruments(), &dir.path().join("weg.ron")).unwrap_err();
    assert!(missing.to_string().contains("weg.ron"));
}

proptest! {
    #[test]
    fn arbitrary_csv_never_panics(text in "[a-zA-Z0-9,;\"\n\r .%_IVgo-]{0,300}") {
        let _ = parse_sheet(instruments(), &text);
    }

    #[test]
    fn arbitrary_rows_under_a_real_header_never_panic(rows in proptest::collection::vec("[^\n]{0,120}", 0..6)) {
        let text = format!("{}{}", blank_sheet(instruments()), rows.join("\n"));
        let _ = parse_sheet(instruments(), &text);
    }
}

#[test]
fn the_example_sheet_in_assets_imports() {
    let path = std::path::Path::new("assets/antwoordblad-voorbeeld.csv");
    let respondents = read_respondents(instruments(), path).unwrap();
    assert_eq!(respondents.len(), 3);
    assert_eq!(respondents[1].name, "Bert Jansen");
    assert!(respondents.iter().all(|r| r.answers.level("go9").is_some()));
}
