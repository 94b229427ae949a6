//! Reports: golden files for every format, the JSON read back, the HTML self-contained,
//! and hostile input escaped everywhere.

use goudenoor::domain::{Assessment, Instruments, Level};
use goudenoor::fixtures::{fixed_time, sample_assessment};
use goudenoor::report::{Format, Options, render};

fn instruments() -> &'static Instruments {
    Instruments::embedded()
}

fn fixture() -> Assessment {
    let mut a = sample_assessment(instruments(), 1);
    a.respondents[0]
        .answers
        .edit_shift("go9", |s| s.level = None);
    a
}

const HOSTILE: &str =
    "<script>alert(1)</script> **vet** | =SUM(A1) \u{1b}[31mrood\u{7} & \"quote\"";

fn hostile() -> Assessment {
    let mut a = Assessment::new(HOSTILE, "=cmd|' /C calc'!A0", instruments(), fixed_time());
    a.respondents[0].name = "@Piet".into();
    a.respondents[0].answers.edit_shift("go1", |s| {
        s.level = Level::new(2);
        s.note = "+31 6 1234\n# geen kop\n- geen lijst\n<img src=x onerror=alert(1)>".into();
    });
    a.respondents[0]
        .answers
        .edit_criterion("I.2", |c| c.note = "-2+3 \u{1b}]0;titel\u{7}".into());
    a.note = "1. geen lijst [link](http://x)".into();
    a
}

#[test]
fn golden_text() {
    insta::assert_snapshot!(render(
        instruments(),
        &fixture(),
        Format::Text,
        Options::default()
    ));
}

#[test]
fn golden_markdown() {
    insta::assert_snapshot!(render(
        instruments(),
        &fixture(),
        Format::Md,
        Options::default()
    ));
}

#[test]
fn golden_csv() {
    insta::assert_snapshot!(render(
        instruments(),
        &fixture(),
        Format::Csv,
        Options::default()
    ));
}

#[test]
fn golden_json() {
    insta::assert_snapshot!(render(
        instruments(),
        &fixture(),
        Format::Json,
        Options::default()
    ));
}

#[test]
fn golden_html() {
    insta::assert_snapshot!(render(
        instruments(),
        &fixture(),
        Format::Html,
        Options::default()
    ));
}

#[test]
fn json_reads_back_with_every_score() {
    let text = render(instruments(), &fixture(), Format::Json, Options::default());
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema"], "goudenoor-report/1");
    let shifts = v["results"]["gouden_oor"]["shifts"].as_array().unwrap();
    assert_eq!(shifts.len(), 9);
    assert_eq!(shifts[0]["id"], "go1");
    assert!(
        shifts[8]["level"].is_null(),
        "not answered is null, never 0"
    );
    let parts = v["results"]["stv"]["parts"].as_array().unwrap();
    assert_eq!(parts.len(), 4);
    let scores: Vec<f64> = parts.iter().map(|p| p["score"].as_f64().unwrap()).collect();
    let total = v["results"]["stv"]["total"].as_f64().unwrap();
    assert!((total - scores.iter().sum::<f64>() / 4.0).abs() < 1e-9);
    let display = v["results"]["stv"]["total_display"].as_str().unwrap();
    assert!(display.contains(','), "{display}");
    assert_eq!(v["respondents"][0]["name"], "Deelnemer 1");
    assert_eq!(
        v["results"]["gouden_oor"]["counts"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
}

#[test]
fn html_is_self_contained_with_an_svg_radar() {
    let html = render(instruments(), &fixture(), Format::Html, Options::default());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg"));
    assert!(html.contains("<polygon"));
    for external in ["src=", "href=", "@import", "url(", "<link", "<script"] {
        assert!(!html.contains(external), "{external} in the HTML");
    }
    // The only URL is the SVG namespace, which browsers never fetch.
    assert_eq!(html.matches("http").count(), 1);
    assert!(html.contains("xmlns=\"http://www.w3.org/2000/svg\""));
}

#[test]
fn html_escapes_what_users_typed() {
    let html = render(instruments(), &hostile(), Format::Html, Options::default());
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains('\u{1b}'));
}

#[test]
fn markdown_escapes_what_users_typed() {
    let md = render(instruments(), &hostile(), Format::Md, Options::default());
    assert!(
        md.starts_with("# \\<script\\>alert\\(1\\)\\</script\\> \\*\\*vet\\*\\* \\|"),
        "{md}"
    );
    assert!(!md.contains("[link](http://x)"));
    assert!(!md.contains("\n# geen kop"));
    assert!(!md.contains('\u{1b}'));
    assert!(md.contains("1\\. geen lijst"));
}

#[test]
fn csv_neutralises_formulas() {
    let csv = render(instruments(), &hostile(), Format::Csv, Options::default());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    for record in reader.records() {
        let record = record.unwrap();
        for cell in record.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "formula-like cell {cell:?}"
            );
            assert!(!cell.contains('\u{1b}'));
        }
    }
    assert!(csv.contains("'@Piet"));
    assert!(csv.contains("'+31 6 1234"));
    assert!(csv.contains("'-2+3"));
}

#[test]
fn text_report_never_writes_control_characters() {
    for color in [false, true] {
        let text = render(
            instruments(),
            &hostile(),
            Format::Text,
            Options {
                color,
                anonymous: false,
            },
        );
        let stray: Vec<char> = text
            .chars()
            .filter(|c| c.is_control() && *c != '\n')
            .filter(|c| !(color && *c == '\u{1b}'))
            .collect();
        assert!(stray.is_empty(), "{stray:?}");
        // With colour, only our own bold on/off sequences.
        let escapes = text.matches('\u{1b}').count();
        assert_eq!(
            escapes,
            text.matches("\u{1b}[1m").count() + text.matches("\u{1b}[0m").count()
        );
    }
}

#[test]
fn partly_answered_report_says_what_is_missing() {
    let a = Assessment::new("Leeg", "", instruments(), fixed_time());
    let md = render(instruments(), &a, Format::Md, Options::default());
    assert!(md.contains("Nog geen shift beantwoord"));
    assert!(md.contains("Totaal: volgt zodra elk onderdeel een score heeft"));
    let v: serde_json::Value =
        serde_json::from_str(&render(instruments(), &a, Format::Json, Options::default())).unwrap();
    assert!(v["results"]["gouden_oor"]["mean"].is_null());
    assert!(v["results"]["stv"]["total"].is_null());
}

/// Bidi overrides and isolates, and C1 controls: invisible, they make text show other
/// than it is ("evil\u{202e}fdp.exe").
const INVISIBLE: [char; 6] = [
    '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{85}', '\u{9b}',
];

fn sneaky() -> Assessment {
    let mut a = Assessment::new(
        "Nulmeting \u{202e}9102\u{202c} \u{9b}31m",
        "\u{2066}Org\u{2069}",
        instruments(),
        fixed_time(),
    );
    a.respondents[0].name = " \t=HYPERLINK(\"x\")".into();
    a.respondents[0].answers.edit_shift("go1", |s| {
        s.level = Level::new(2);
        s.note = "  +31 6 1234 \u{202a}links\u{85}".into();
    });
    a.respondents[0]
        .answers
        .edit_criterion("I.2", |c| c.note = "\t@SUM(A1)\n  -2+3 \u{2067}".into());
    a.note = "\u{202e}omgekeerd".into();
    a
}

#[test]
fn bidi_and_c1_controls_never_reach_a_report() {
    for format in [
        Format::Text,
        Format::Md,
        Format::Html,
        Format::Csv,
        Format::Json,
    ] {
        let out = render(instruments(), &sneaky(), format, Options::default());
        for c in INVISIBLE {
            assert!(!out.contains(c), "{format:?} holds U+{:04X}", c as u32);
        }
    }
}

#[test]
fn json_escapes_bidi_and_c1_controls_and_keeps_their_meaning() {
    let json = render(instruments(), &sneaky(), Format::Json, Options::default());
    assert!(
        json.contains("Nulmeting \\u202e9102\\u202c \\u009b31m"),
        "{json}"
    );
    assert!(json.contains("\\u2066Org\\u2069"));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["title"], sneaky().title, "the value reads back unchanged");
    assert_eq!(v["note"], "\u{202e}omgekeerd");
}

#[test]
fn plain_replaces_bidi_and_c1_controls() {
    use goudenoor::report::{plain, plain_lines};
    assert_eq!(plain("a\u{202e}b\u{85}c\u{2066}d"), "a�b�c�d");
    assert_eq!(plain_lines("a\u{2069}\nb\u{9b}"), "a�\nb�");
    assert_eq!(plain("gewoon één — “tekst”"), "gewoon één — “tekst”");
}

#[test]
fn csv_neutralises_formulas_after_spaces_and_tabs() {
    let csv = render(instruments(), &sneaky(), Format::Csv, Options::default());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let mut cells = Vec::new();
    for record in reader.records() {
        cells.extend(record.unwrap().iter().map(String::from));
    }
    for cell in &cells {
        let start = cell.trim_start_matches([' ', '\t']);
        assert!(
            !start.starts_with(['=', '+', '-', '@']),
            "formula-like cell {cell:?}"
        );
    }
    assert!(
        cells.iter().any(|c| c == "'  =HYPERLINK(\"x\")"),
        "{cells:?}"
    );
    assert!(
        cells.iter().any(|c| c.starts_with("'  +31 6 1234")),
        "{cells:?}"
    );
    assert!(
        cells.iter().any(|c| c.starts_with("' @SUM(A1)")),
        "{cells:?}"
    );
    let excel = goudenoor::report::excel_csv(&csv);
    assert!(!excel.contains("\n=") && !excel.contains(";="), "{excel}");
}
