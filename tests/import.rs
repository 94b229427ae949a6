//! Imports: answer sheets and other assessments; errors refuse the whole file.

use goudenoor::domain::{Assessment, Instruments, Level, Respondent, Status, default_instruments};
use goudenoor::fixtures::{fixed_time, sample_assessment};
use goudenoor::import::{
    DecodeError, SheetError, blank_sheet, decode_text, parse_sheet, read_respondents,
    respondents_of, sheet_columns,
};
use proptest::prelude::*;

fn instruments() -> &'static Instruments {
    Instruments::embedded()
}

/// The instruments of a default assessment: the Gouden Oor and the Stv.
fn ids() -> Vec<String> {
    default_instruments()
}

fn solo(title: &str) -> Assessment {
    Assessment::new(title, "", instruments(), &ids(), fixed_time())
}

fn sheet(rows: &[&str]) -> String {
    let mut text = blank_sheet(instruments(), &ids());
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
    let columns = sheet_columns(instruments(), &ids());
    assert_eq!(columns.len(), 1 + 9 + 9 + 18 + 1);
    assert_eq!(columns[0], "respondent");
    assert_eq!(columns[1], "go1");
    assert_eq!(columns[10], "go1_doel");
    assert_eq!(columns[19], "I.2");
    assert_eq!(columns.last().unwrap(), "IV.4.pct");
    assert!(blank_sheet(instruments(), &ids()).starts_with("respondent,go1,go2"));
}

#[test]
fn a_filled_sheet_reads_every_answer() {
    let text = sheet(&[
        &row("Anna", "goed", "ja", "92%"),
        &row("Bert", "4", "0", ""),
        &row("Cas", "", "", ""),
    ]);
    let respondents = parse_sheet(instruments(), &ids(), &text).unwrap();
    assert_eq!(respondents.len(), 3);
    assert_eq!(respondents[0].name, "Anna");
    assert_eq!(
        respondents[0].answers.of("gouden-oor").level("go5"),
        Level::new(2)
    );
    assert_eq!(
        respondents[0].answers.of("gouden-oor").ambition("go9"),
        Level::new(2)
    );
    assert_eq!(
        respondents[0].answers.of("stv-kfm").status("IV.4"),
        Status::Met
    );
    assert_eq!(
        respondents[0].answers.of("stv-kfm").number("IV.4.pct"),
        Some(92.0)
    );
    assert_eq!(
        respondents[1].answers.of("gouden-oor").level("go1"),
        Level::new(4)
    );
    assert_eq!(
        respondents[1].answers.of("stv-kfm").status("I.2"),
        Status::NotMet
    );
    assert!(
        respondents[2].answers.is_empty(),
        "blank cells are not answered"
    );
}

#[test]
fn levels_and_answers_are_read_case_insensitively_and_trimmed() {
    let text = sheet(&[&row("Anna", " Prima ", "JA", " 90 ")]);
    let r = parse_sheet(instruments(), &ids(), &text).unwrap();
    assert_eq!(r[0].answers.of("gouden-oor").level("go1"), Level::new(3));
    assert_eq!(r[0].answers.of("stv-kfm").status("I.2"), Status::Met);
}

#[test]
fn a_semicolon_sheet_with_a_byte_order_mark_is_read() {
    let text = format!(
        "\u{feff}{}",
        sheet(&[&row("Anna", "goed", "nee", "")]).replace(',', ";")
    );
    let r = parse_sheet(instruments(), &ids(), &text).unwrap();
    assert_eq!(r[0].answers.of("gouden-oor").level("go3"), Level::new(2));
}

#[test]
fn a_sheet_with_some_columns_is_read() {
    let text = "respondent,go1,I.2\nAnna,goud,ja\n";
    let r = parse_sheet(instruments(), &ids(), text).unwrap();
    assert_eq!(r[0].answers.of("gouden-oor").level("go1"), Level::new(4));
    assert_eq!(r[0].answers.of("gouden-oor").level("go2"), None);
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
    match parse_sheet(instruments(), &ids(), &text) {
        Err(SheetError::Cells(cells)) => {
            // name, 17 levels/ambitions (one fixed), 18 criteria, the percentage.
            assert_eq!(cells.len(), 1 + 17 + 18 + 1);
            assert!(cells.iter().all(|c| c.line == 3));
            let first = cells[0].to_string();
            assert!(first.contains("regel 3, kolom respondent"), "{first}");
            let level = cells.iter().find(|c| c.column == "go1").unwrap();
            assert_eq!(level.value, "5");
            assert!(level.problem.contains("aardig"));
            let pct = cells.iter().find(|c| c.column == "IV.4.pct").unwrap();
            assert!(pct.problem.contains("100"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_duplicate_or_missing_columns_are_refused() {
    let unknown = "respondent,go1,go10\nAnna,1,1\n";
    assert!(
        matches!(parse_sheet(instruments(), &ids(), unknown), Err(SheetError::Header(m)) if m.contains("go10"))
    );
    let duplicate = "respondent,go1,GO1\nAnna,1,1\n";
    assert!(
        matches!(parse_sheet(instruments(), &ids(), duplicate), Err(SheetError::Header(m)) if m.contains("twee keer"))
    );
    let no_names = "go1,go2\n1,2\n";
    assert!(
        matches!(parse_sheet(instruments(), &ids(), no_names), Err(SheetError::Header(m)) if m.contains("respondent"))
    );
    assert!(
        matches!(parse_sheet(instruments(), &ids(), ""), Err(SheetError::Header(m)) if m.contains("leeg"))
    );
}

#[test]
fn a_row_with_the_wrong_number_of_cells_is_refused() {
    let text = "respondent,go1\nAnna,1,2\n";
    match parse_sheet(instruments(), &ids(), text) {
        Err(SheetError::Cells(cells)) => {
            assert_eq!(cells.len(), 1);
            assert!(cells[0].problem.contains("2 cellen"));
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
    let mut target = solo("Workshop");
    let other = sample_assessment(instruments(), 3);
    let names = target.add_respondents(respondents_of(instruments(), &target, &other).unwrap());
    assert_eq!(names.len(), 3);
    assert_eq!(target.respondents.len(), 3, "the empty 'Ik' is gone");
}

#[test]
fn an_assessment_with_other_instruments_is_refused() {
    let target = solo("Doel");
    let mut other = sample_assessment(instruments(), 1);
    other.instruments.retain(|i| i.id != "stv-kfm");
    let err = respondents_of(instruments(), &target, &other)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("Stv normenkader") && err.contains("Nulmeting klantenservice"),
        "{err}"
    );
}

#[test]
fn read_respondents_from_files() {
    let target = solo("Doel");
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("blad.csv");
    std::fs::write(&csv, sheet(&[&row("Anna", "goed", "ja", "")])).unwrap();
    assert_eq!(
        read_respondents(instruments(), &target, &csv)
            .unwrap()
            .len(),
        1
    );
    let latin1 = dir.path().join("oud.csv");
    std::fs::write(&latin1, b"respondent,go1\nJos\xe9,1\n").unwrap();
    let r = read_respondents(instruments(), &target, &latin1).unwrap();
    assert_eq!(r[0].name, "José", "Windows-1252 is decoded, not refused");
    let ron = dir.path().join("ander.ron");
    std::fs::write(
        &ron,
        goudenoor::store::serialize(&sample_assessment(instruments(), 2)),
    )
    .unwrap();
    assert_eq!(
        read_respondents(instruments(), &target, &ron)
            .unwrap()
            .len(),
        2
    );
    let missing =
        read_respondents(instruments(), &target, &dir.path().join("weg.ron")).unwrap_err();
    let missing = missing.to_string();
    assert!(
        missing.contains("weg.ron") && missing.contains("bestand of map bestaat niet"),
        "{missing}"
    );
    assert!(!missing.contains("os error"), "{missing}");
}

proptest! {
    #[test]
    fn arbitrary_csv_never_panics(text in "[a-zA-Z0-9,;\"\n\r .%_IVgo-]{0,300}") {
        let _ = parse_sheet(instruments(), &ids(), &text);
    }

    #[test]
    fn arbitrary_rows_under_a_real_header_never_panic(rows in proptest::collection::vec("[^\n]{0,120}", 0..6)) {
        let text = format!("{}{}", blank_sheet(instruments(), &ids()), rows.join("\n"));
        let _ = parse_sheet(instruments(), &ids(), &text);
    }
}

#[test]
fn the_example_sheet_in_assets_imports() {
    let target = solo("Doel");
    let path = std::path::Path::new("assets/antwoordblad-voorbeeld.csv");
    let respondents = read_respondents(instruments(), &target, path).unwrap();
    assert_eq!(respondents.len(), 3);
    assert_eq!(respondents[1].name, "Bert Jansen");
    assert!(
        respondents
            .iter()
            .all(|r| r.answers.of("gouden-oor").level("go9").is_some())
    );
}

#[test]
fn a_txt_or_tsv_sheet_is_read_and_other_extensions_name_the_accepted_ones() {
    let target = solo("Doel");
    let dir = tempfile::tempdir().unwrap();
    for name in ["blad.txt", "blad.TSV"] {
        let path = dir.path().join(name);
        std::fs::write(&path, "respondent\tgo1\tI.2\nAnna\tgoud\tja\n").unwrap();
        let r = read_respondents(instruments(), &target, &path).unwrap();
        assert_eq!(
            r[0].answers.of("gouden-oor").level("go1"),
            Level::new(4),
            "{name}"
        );
    }
    for name in ["blad.xlsx", "blad"] {
        let path = dir.path().join(name);
        std::fs::write(&path, "respondent,go1\nAnna,1\n").unwrap();
        let err = read_respondents(instruments(), &target, &path)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(name) && err.contains(".csv, .txt of .tsv") && err.contains(".ron"),
            "{err}"
        );
    }
    let err = read_respondents(instruments(), &target, &dir.path().join("blad.xlsx"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("CSV UTF-8"), "{err}");
}

#[test]
fn a_tab_separated_sheet_is_read() {
    let text = sheet(&[&row("Anna", "goed", "nee", "80")]).replace(',', "\t");
    let r = parse_sheet(instruments(), &ids(), &text).unwrap();
    assert_eq!(r[0].name, "Anna");
    assert_eq!(r[0].answers.of("gouden-oor").level("go9"), Level::new(2));
    assert_eq!(r[0].answers.of("stv-kfm").status("IV.4"), Status::NotMet);
    assert_eq!(r[0].answers.of("stv-kfm").number("IV.4.pct"), Some(80.0));
}

#[test]
fn an_unclosed_quote_names_its_line_and_what_to_do() {
    let text = "respondent,go1,I.2\nAnna,goed,ja\n\"Bert,goed,ja\nCas,goud,nee\n";
    let err = parse_sheet(instruments(), &ids(), text).unwrap_err();
    assert_eq!(err, SheetError::Quote(3));
    let message = err.to_string();
    assert!(
        message.contains("regel 3")
            && message.contains("aanhalingsteken")
            && message.contains("opnieuw op"),
        "{message}"
    );
    // Quotes that are closed, doubled inside a cell, or inside a cell are fine.
    let fine = "respondent,go1\n\"Jansen, \"\"Bert\"\"\",goed\nO\"Neill,goud\n";
    let r = parse_sheet(instruments(), &ids(), fine).unwrap();
    assert_eq!(r[0].name, "Jansen, \"Bert\"");
    assert_eq!(r[1].name, "O\"Neill");
}

#[test]
fn a_huge_bad_cell_is_cut_short_in_the_message() {
    let huge = "x".repeat(100_000);
    let text = format!("respondent,go1\nAnna,{huge}\n");
    let message = parse_sheet(instruments(), &ids(), &text)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains(&format!("\"{}…\"", "x".repeat(80))),
        "{}",
        &message[..200]
    );
    assert!(message.len() < 500, "{} bytes", message.len());
    let header = format!("respondent,{huge}\nAnna,1\n");
    let message = parse_sheet(instruments(), &ids(), &header)
        .unwrap_err()
        .to_string();
    assert!(
        message.len() < 500 && message.contains('…'),
        "{} bytes",
        message.len()
    );
}

#[test]
fn decode_text_reads_what_excel_saves() {
    let text = "respondent;go1\r\nJosé Müller;goed\r\n";
    assert_eq!(
        decode_text(text.as_bytes()).unwrap(),
        (text.to_string(), "UTF-8")
    );
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(text.as_bytes());
    assert_eq!(decode_text(&bom).unwrap(), (text.to_string(), "UTF-8"));
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    assert_eq!(
        decode_text(&cp1252).unwrap(),
        (text.to_string(), "windows-1252")
    );
    // Excel's "Unicode text": UTF-16 with a byte order mark.
    let mut le = vec![0xff, 0xfe];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(decode_text(&le).unwrap(), (text.to_string(), "UTF-16LE"));
    let mut be = vec![0xfe, 0xff];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(decode_text(&be).unwrap(), (text.to_string(), "UTF-16BE"));
    // A workbook or binary file is refused, not read as Windows-1252.
    assert_eq!(decode_text(b"PK\x03\x04rest"), Err(DecodeError::Workbook));
    assert_eq!(decode_text(b"r\0e\0s\0"), Err(DecodeError::Binary));
}

#[test]
fn sheets_in_windows_1252_and_utf_16_import_from_files() {
    let target = solo("Doel");
    let dir = tempfile::tempdir().unwrap();
    let text = "respondent\tgo1\r\nJosé\tprima\r\n";
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let semicolons = text.replace('\t', ";");
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&semicolons);
    for (name, bytes) in [("unicode.txt", utf16), ("excel.csv", cp1252.into_owned())] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let r = read_respondents(instruments(), &target, &path).unwrap();
        assert_eq!(r[0].name, "José", "{name}");
        assert_eq!(
            r[0].answers.of("gouden-oor").level("go1"),
            Level::new(3),
            "{name}"
        );
    }
    let zip = dir.path().join("werkmap.csv");
    std::fs::write(&zip, b"PK\x03\x04\x14\x00").unwrap();
    let err = read_respondents(instruments(), &target, &zip)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("werkmap.csv") && err.contains("CSV UTF-8"),
        "{err}"
    );
}

#[test]
fn many_equal_names_are_numbered_in_order() {
    let mut target = solo("Workshop");
    target.respondents[0].name = "Anna (3)".into();
    target.respondents[0]
        .answers
        .of_mut("stv-kfm")
        .set_number("IV.4.pct", Some(1.0));
    let incoming = ["Anna", "Anna", "Anna", "Anna (2)", " ", "", "Anna"]
        .iter()
        .map(|n| Respondent {
            name: n.to_string(),
            answers: Default::default(),
        })
        .collect();
    let names = target.add_respondents(incoming);
    assert_eq!(
        names,
        [
            "Anna",
            "Anna (2)",
            "Anna (4)",
            "Anna (2) (2)",
            "Deelnemer",
            "Deelnemer (2)",
            "Anna (5)"
        ]
    );
    assert_eq!(target.unique_name("Anna"), "Anna (6)");
    assert_eq!(target.unique_name(" Bert "), "Bert");
}

#[test]
fn sheet_columns_follow_the_assessments_instruments() {
    let all: Vec<String> = instruments().iter().map(|i| i.id.clone()).collect();
    let columns = sheet_columns(instruments(), &all);
    // Every item a respondent answers, once; nothing the organisation answers once.
    let mut expected = vec!["respondent".to_string()];
    for inst in instruments().iter() {
        let items: Vec<_> = inst
            .items()
            .into_iter()
            .filter(|i| i.scope == goudenoor::domain::Scope::Respondent)
            .collect();
        expected.extend(items.iter().map(|i| i.id.to_string()));
        expected.extend(
            items
                .iter()
                .filter(|i| matches!(i.kind, goudenoor::domain::ItemKind::Level { .. }))
                .map(|i| format!("{}_doel", i.id)),
        );
    }
    assert_eq!(columns, expected);
    assert!(columns.contains(&"kp.dossier.a".to_string()));
    assert!(columns.contains(&"ikm.snelheid".to_string()));
    assert!(
        !columns.iter().any(|c| c.starts_with("bc.")),
        "inputs are facts"
    );
    assert!(
        !columns.contains(&"ikm.leiderschap".to_string()),
        "only rated boxes"
    );

    // A Gouden Oor only assessment has no Stv columns, and refuses them.
    let go = vec!["gouden-oor".to_string()];
    assert_eq!(sheet_columns(instruments(), &go).len(), 1 + 9 + 9);
    let err = parse_sheet(instruments(), &go, "respondent,go1,I.2\nAnna,goed,ja\n").unwrap_err();
    assert!(
        matches!(&err, SheetError::Header(m) if m.contains("I.2")),
        "{err:?}"
    );
}

#[test]
fn an_old_sheet_with_the_iv4_pct_column_is_still_read() {
    let text = "respondent,go1,iv4_pct\nAnna,goed,87\n";
    let r = parse_sheet(instruments(), &ids(), text).unwrap();
    assert_eq!(r[0].answers.of("stv-kfm").number("IV.4.pct"), Some(87.0));
}

#[test]
fn a_rating_outside_its_scale_is_a_bad_cell() {
    let ids = vec!["gouden-oor".to_string(), "ikm".to_string()];
    let text = "respondent,ikm.snelheid,ikm.deskundigheid\nAnna,4,6\nBert,0,\n";
    match parse_sheet(instruments(), &ids, text) {
        Err(SheetError::Cells(cells)) => {
            let places: Vec<(u64, &str)> =
                cells.iter().map(|c| (c.line, c.column.as_str())).collect();
            assert_eq!(
                places,
                [(2, "ikm.deskundigheid"), (3, "ikm.snelheid")],
                "{cells:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    let r = parse_sheet(instruments(), &ids, "respondent,ikm.snelheid\nAnna,4\n").unwrap();
    assert_eq!(r[0].answers.of("ikm").level("ikm.snelheid"), Level::new(4));
}
