//! Reports: golden files for every format, the JSON read back, the HTML self-contained,
//! hostile input escaped everywhere (the xlsx too), anonymous mode, the management
//! summary, the action plan in every format, all five result kinds, and comparisons.

use goudenoor::domain::{Answer, Assessment, Instruments, Level, Status};
use goudenoor::fixtures::{
    fixed_time, sample_actions, sample_assessment, sample_assessment_with, sample_rounds,
};
use goudenoor::report::{CompareFormat, Format, Options, render, render_comparison};
use std::io::Read;

fn instruments() -> &'static Instruments {
    Instruments::embedded()
}

/// The embedded instruments: a grid, a norm framework, a checklist, a calculator and
/// the IKM model, so that every result kind is reported.
fn all_kinds() -> &'static Instruments {
    Instruments::embedded()
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("UTF-8")
}

fn report(a: &Assessment, format: Format, options: Options) -> String {
    text(render(instruments(), a, format, options))
}

fn fixture() -> Assessment {
    let mut a = sample_assessment(instruments(), 1);
    a.respondents[0]
        .answers
        .of_mut("gouden-oor")
        .set_level("go9", None);
    a.actions = sample_actions();
    a
}

/// Every kind of instrument, partly answered: the model sees what the others say, and
/// the organisation's figures are filled in for the calculator.
fn all_kinds_fixture() -> Assessment {
    let ids: Vec<String> = [
        "gouden-oor",
        "stv-kfm",
        "klachtenprocedure",
        "businesscase",
        "ikm",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut a = sample_assessment_with(all_kinds(), &ids, 1);
    a.facts
        .of_mut("businesscase")
        .set_number("bc.klanten", Some(1000.0));
    a.actions = sample_actions();
    a
}

const HOSTILE: &str =
    "<script>alert(1)</script> **vet** | =SUM(A1) \u{1b}[31mrood\u{7} & \"quote\" </style>";

fn hostile() -> Assessment {
    let mut a = Assessment::new(
        HOSTILE,
        "=cmd|' /C calc'!A0",
        instruments(),
        &goudenoor::domain::default_instruments(),
        fixed_time(),
    );
    a.respondents[0].name = "@Piet".into();
    let go = a.respondents[0].answers.of_mut("gouden-oor");
    go.set_level("go1", Level::new(2));
    go.set_note(
        "go1",
        Answer::Scale {
            value: None,
            ambition: None,
            note: String::new(),
        },
        "+31 6 1234\n# geen kop\n- geen lijst\n<img src=x onerror=alert(1)>".into(),
    );
    a.respondents[0].answers.of_mut("stv-kfm").0.insert(
        "I.2".into(),
        Answer::Criterion {
            status: Status::Met,
            note: "-2+3 \u{1b}]0;titel\u{7}".into(),
        },
    );
    a.note = "1. geen lijst [link](http://x)".into();
    a.actions = vec![goudenoor::domain::Action {
        what: "=HYPERLINK(\"http://x\")".into(),
        items: vec!["go1".into()],
        owner: "<b>baas</b>".into(),
        deadline: None,
        status: Default::default(),
        note: "@note".into(),
        from_round: None,
    }];
    a
}

/// A workshop of twelve with long names; one of them is mentioned in a note.
fn workshop() -> Assessment {
    let mut a = sample_assessment(instruments(), 12);
    for (i, r) in a.respondents.iter_mut().enumerate() {
        r.name = format!("{} {}", FIRST[i], SURNAMES[i]);
    }
    let note = format!("Zoals {} al zei: dit gaat goed.", a.respondents[1].name);
    a.respondents[0].answers.of_mut("gouden-oor").set_note(
        "go2",
        Answer::Scale {
            value: None,
            ambition: None,
            note: String::new(),
        },
        note,
    );
    a.agreed
        .of_mut("gouden-oor")
        .set_level("go1", Level::new(3));
    a.actions = sample_actions();
    a
}

const FIRST: [&str; 12] = [
    "Alexandra",
    "Bartholomeus",
    "Catharina",
    "Dominicus",
    "Elisabeth",
    "Franciscus",
    "Geertruida",
    "Hendrikus",
    "Isabella",
    "Johannes",
    "Kornelia",
    "Lodewijk",
];
const SURNAMES: [&str; 12] = [
    "van Oldenbarnevelt-Tjeenk Willink",
    "Schimmelpenninck van der Oye",
    "de Wittewrongel-Hoogenboezem",
    "van Vandersteenhoven tot Ruyven",
    "Bosch van Drakestein-Roëll",
    "van Heeckeren van Wassenaer",
    "Quarles van Ufford-Brantsen",
    "van Lynden tot Blitterswijk",
    "de Marchant et d'Ansembourg",
    "van Randwijck-Sandberg",
    "Verschuer-Groeninx van Zoelen",
    "Wttewaall van Stoetwegen",
];

// ------------------------------------------------------------------ golden files

#[test]
fn golden_text() {
    insta::assert_snapshot!(report(&fixture(), Format::Text, Options::default()));
}

#[test]
fn golden_markdown() {
    insta::assert_snapshot!(report(&fixture(), Format::Md, Options::default()));
}

#[test]
fn golden_csv() {
    insta::assert_snapshot!(report(&fixture(), Format::Csv, Options::default()));
}

#[test]
fn golden_json() {
    insta::assert_snapshot!(report(&fixture(), Format::Json, Options::default()));
}

#[test]
fn golden_html() {
    insta::assert_snapshot!(report(&fixture(), Format::Html, Options::default()));
}

#[test]
fn golden_all_kinds_text() {
    insta::assert_snapshot!(text(render(
        all_kinds(),
        &all_kinds_fixture(),
        Format::Text,
        Options::default()
    )));
}

#[test]
fn golden_all_kinds_markdown() {
    insta::assert_snapshot!(text(render(
        all_kinds(),
        &all_kinds_fixture(),
        Format::Md,
        Options::default()
    )));
}

#[test]
fn golden_compare_text() {
    let (a, b) = sample_rounds(instruments());
    insta::assert_snapshot!(render_comparison(instruments(), &a, &b, CompareFormat::Text).unwrap());
}

#[test]
fn golden_compare_markdown() {
    let (a, b) = sample_rounds(instruments());
    insta::assert_snapshot!(render_comparison(instruments(), &a, &b, CompareFormat::Md).unwrap());
}

// ------------------------------------------------------------------ JSON

#[test]
fn json_reads_back_with_every_score() {
    let v: serde_json::Value =
        serde_json::from_str(&report(&fixture(), Format::Json, Options::default())).unwrap();
    assert_eq!(v["schema"], "goudenoor-report/2");
    let results = v["results"].as_array().unwrap();
    assert_eq!(results[0]["id"], "gouden-oor");
    assert_eq!(results[0]["detail"]["kind"], "grid");
    let items = results[0]["detail"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 9);
    assert!(items[8]["level"].is_null(), "not answered is null, never 0");
    assert_eq!(results[0]["provisional"], true);
    let norm = &results[1]["detail"];
    assert_eq!(norm["kind"], "norm");
    let parts = norm["parts"].as_array().unwrap();
    let scores: Vec<f64> = parts.iter().map(|p| p["score"].as_f64().unwrap()).collect();
    let total = norm["total"].as_f64().unwrap();
    assert!((total - scores.iter().sum::<f64>() / scores.len() as f64).abs() < 1e-9);
    assert!(norm["total_display"].as_str().unwrap().contains(','));
    assert_eq!(v["respondents"][0]["name"], "Deelnemer 1");
    assert_eq!(
        v["respondents"][0]["answers"]["gouden-oor"]["go1"]["level"], items[0]["level"],
        "a solo check's results are its one respondent's answers"
    );
    // A solo check has no agreement at all, not a list of nulls.
    assert!(v["agreed"].is_null());
    assert!(v["spread"].is_null());
}

#[test]
fn json_agreed_is_null_where_nothing_was_agreed() {
    let v: serde_json::Value =
        serde_json::from_str(&report(&workshop(), Format::Json, Options::default())).unwrap();
    let agreed = &v["agreed"]["gouden-oor"];
    assert_eq!(agreed["go1"]["level"], 3);
    assert!(agreed["go2"].is_null(), "{}", agreed["go2"]);
    assert!(v["agreed"]["stv-kfm"]["I.2"].is_null());
    assert_eq!(
        v["spread"][0]["items"][0]["answers"]
            .as_array()
            .unwrap()
            .len(),
        12
    );
    assert_eq!(v["summary"]["agreement"]["agreed"], 1);
}

#[test]
fn json_carries_the_action_plan_and_the_summary() {
    let v: serde_json::Value =
        serde_json::from_str(&report(&fixture(), Format::Json, Options::default())).unwrap();
    let actions = v["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 3);
    assert_eq!(actions[0]["status"], "bezig");
    assert_eq!(actions[0]["deadline"], "2027-01-31");
    assert_eq!(actions[0]["items"][0], "go1");
    assert_eq!(actions[0]["item_names"][1], "I Beleid en cultuur");
    assert!(actions[2]["deadline"].is_null());
    let summary = &v["summary"]["instruments"][0];
    assert_eq!(summary["id"], "gouden-oor");
    assert!(summary["gaps"].as_array().unwrap().len() <= 3);
}

// ------------------------------------------------------------------ HTML

#[test]
fn html_is_self_contained_with_svg_charts() {
    let html = report(&fixture(), Format::Html, Options::default());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg"));
    for external in ["src=", "href=", "@import", "url(http", "<link", "<script"] {
        assert!(!html.contains(external), "{external} in the HTML");
    }
    // The only URLs are the SVG namespace, which browsers never fetch.
    assert_eq!(
        html.matches("http").count(),
        html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
    // Prints right: colours kept, page numbers and a running header.
    assert!(html.contains("print-color-adjust: exact"));
    assert!(html.contains("counter(page)"));
    assert!(html.contains("@top-left"));
}

#[test]
fn html_escapes_what_users_typed() {
    let html = report(&hostile(), Format::Html, Options::default());
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>baas"));
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains('\u{1b}'));
    // The title in the running header cannot close the style element.
    let style_end = html.find("</style>").unwrap();
    assert_eq!(html.matches("</style>").count(), 1, "only our own </style>");
    assert!(html[..style_end].contains("@top-left"));
}

#[test]
fn html_summary_comes_first_with_verdicts_gaps_trend_actions_and_how_it_was_made() {
    let (first, mut second) = sample_rounds(instruments());
    second.actions = sample_actions();
    let html = report(
        &second,
        Format::Html,
        Options {
            previous: Some(&first),
            ..Options::default()
        },
    );
    let summary = html.find("Managementsamenvatting").unwrap();
    let details = html.find("class=\"details\"").unwrap();
    assert!(summary < details);
    let page1 = &html[summary..details];
    let results = goudenoor::domain::result::build(instruments(), &second);
    for r in &results.instruments {
        assert!(page1.contains(&r.verdict), "{}", r.verdict);
    }
    assert!(page1.contains("Grootste gaten"));
    assert!(page1.contains("vorige ronde"), "the trend against round 1");
    assert!(page1.contains("Hoofd klantenservice"));
    assert!(page1.contains("31-01-2027"));
    assert!(page1.contains("Zo is dit gemaakt"));
    assert!(page1.contains("Ingevuld door: één persoon (zelfevaluatie)"));
    assert!(!page1.contains(": Ik<"), "not the solo placeholder's name");
    assert!(page1.contains("<svg"), "the radar");
}

#[test]
fn html_workshop_keeps_agreed_apart_from_the_proposal() {
    let html = report(&workshop(), Format::Html, Options::default());
    assert!(html.contains("Voorstel (automatisch)"));
    assert!(html.contains("Akkoord (groep)"));
    assert!(html.contains("class=\"source akkoord\""));
    assert!(html.contains("class=\"source voorstel\""));
    for name in SURNAMES {
        assert!(
            html.contains(&name.replace('\'', "&#39;")) || html.contains(name),
            "{name}"
        );
    }
}

#[test]
fn html_confidential_has_a_cover_line() {
    let html = report(
        &fixture(),
        Format::Html,
        Options {
            confidential: true,
            ..Options::default()
        },
    );
    assert!(html.contains("VERTROUWELIJK"));
    assert!(html.contains("@top-center"));
    let plain = report(&fixture(), Format::Html, Options::default());
    assert!(!plain.contains("VERTROUWELIJK"));
    let text = report(
        &fixture(),
        Format::Text,
        Options {
            confidential: true,
            ..Options::default()
        },
    );
    assert!(text.starts_with("VERTROUWELIJK"));
}

// ------------------------------------------------------------------ all five kinds

#[test]
fn every_result_kind_is_reported() {
    let a = all_kinds_fixture();
    let html = text(render(all_kinds(), &a, Format::Html, Options::default()));
    let results = goudenoor::domain::result::build(all_kinds(), &a);
    assert_eq!(results.instruments.len(), 5);
    for r in &results.instruments {
        assert!(
            html.contains(&format!("<h2>{}</h2>", r.title)),
            "{}",
            r.title
        );
    }
    assert!(html.contains("% op orde"), "checklist sections with shares");
    assert!(
        html.contains("Zo rekenen we"),
        "calculator outputs explained"
    );
    assert!(html.contains("Metingen tegen de ambitie"));
    assert!(html.contains("Het IKM-model") || html.contains("IKM-model"));
    assert!(html.contains("niet bekeken"), "unseen boxes stand out");
    assert!(html.contains("zwakste"), "the weakest box is named");
    for format in [Format::Text, Format::Md] {
        let out = text(render(all_kinds(), &a, format, Options::default()));
        assert!(out.contains("Zo rekenen we"));
        assert!(out.contains("op orde"));
        assert!(out.contains("zwakste"));
    }
    let v: serde_json::Value = serde_json::from_str(&text(render(
        all_kinds(),
        &a,
        Format::Json,
        Options::default(),
    )))
    .unwrap();
    let kinds: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["detail"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["grid", "norm", "checklist", "calculator", "model"]);
}

#[test]
fn report_code_names_no_instrument() {
    for (file, source) in [
        ("text.rs", include_str!("../src/report/text.rs")),
        ("markdown.rs", include_str!("../src/report/markdown.rs")),
        ("html.rs", include_str!("../src/report/html.rs")),
        ("json.rs", include_str!("../src/report/json.rs")),
        ("csv_out.rs", include_str!("../src/report/csv_out.rs")),
        ("xlsx.rs", include_str!("../src/report/xlsx.rs")),
        ("compare.rs", include_str!("../src/report/compare.rs")),
        ("model.rs", include_str!("../src/report/model.rs")),
        ("svg.rs", include_str!("../src/report/svg.rs")),
    ] {
        for name in ["gouden-oor", "stv", "response_pct", "iv4_pct", "gouden_oor"] {
            assert!(!source.contains(name), "{file} names {name}");
        }
    }
}

// ------------------------------------------------------------------ text

#[test]
fn text_fits_80_columns_and_says_voorlopig() {
    for a in [fixture(), workshop(), hostile()] {
        let out = report(&a, Format::Text, Options::default());
        for line in out.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= 80,
                "{} columns: {line}",
                unicode_width::UnicodeWidthStr::width(line)
            );
        }
    }
    let out = report(&fixture(), Format::Text, Options::default());
    assert!(out.contains("oorlopig"));
    assert!(out.contains("Metingen:"), "the measurement lines");
}

#[test]
fn text_report_never_writes_control_characters() {
    for color in [false, true] {
        let out = report(
            &hostile(),
            Format::Text,
            Options {
                color,
                ..Options::default()
            },
        );
        let stray: Vec<char> = out
            .chars()
            .filter(|c| c.is_control() && *c != '\n')
            .filter(|c| !(color && *c == '\u{1b}'))
            .collect();
        assert!(stray.is_empty(), "{stray:?}");
        let escapes = out.matches('\u{1b}').count();
        if color {
            assert!(escapes > 0);
        } else {
            assert_eq!(escapes, 0, "no escape codes unless colour is asked for");
        }
        assert_eq!(
            escapes,
            out.matches("\u{1b}[1m").count() + out.matches("\u{1b}[0m").count()
        );
    }
}

// ------------------------------------------------------------------ Markdown

#[test]
fn markdown_escapes_what_users_typed() {
    let md = report(&hostile(), Format::Md, Options::default());
    assert!(
        md.starts_with("# \\<script\\>alert(1)\\</script\\> \\*\\*vet\\*\\* \\|"),
        "{md}"
    );
    assert!(!md.contains("[link](http://x)"));
    assert!(!md.contains("\n# geen kop"));
    assert!(!md.contains("\n- geen lijst"));
    assert!(!md.contains('\u{1b}'));
    assert!(md.contains("1\\. geen lijst"));
    assert!(md.contains("\\<b\\>baas"));
}

#[test]
fn markdown_escapes_only_what_would_change_the_rendering() {
    use goudenoor::report::plain;
    let _ = plain("");
    let md = report(&fixture(), Format::Md, Options::default());
    // Ordinary punctuation typed by users stays as it is.
    assert!(md.contains("Eerste overleg gepland."));
    assert!(!md.contains("\\."));
    assert!(!md.contains("\\("));
}

#[test]
fn markdown_keeps_line_breaks_and_pads_tables() {
    let md = report(&fixture(), Format::Md, Options::default());
    assert!(
        md.contains("Eerste overleg gepland.<br>Agenda volgt."),
        "a note in a table cell"
    );
    let mut a = fixture();
    a.note = "Regel een.\nRegel twee.".into();
    let md = report(&a, Format::Md, Options::default());
    assert!(
        md.contains("Regel een.\\\nRegel twee."),
        "a hard line break"
    );
    // Every row of a table is as wide as its header.
    let mut table: Vec<&str> = Vec::new();
    for line in md.lines().chain([""]) {
        if line.starts_with('|') {
            table.push(line);
        } else if !table.is_empty() {
            let width = unicode_width::UnicodeWidthStr::width(table[0]);
            for row in &table {
                assert_eq!(unicode_width::UnicodeWidthStr::width(*row), width, "{row}");
            }
            table.clear();
        }
    }
}

// ------------------------------------------------------------------ CSV and xlsx

#[test]
fn csv_neutralises_formulas() {
    let csv = report(&hostile(), Format::Csv, Options::default());
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
    assert!(csv.contains("'=HYPERLINK"));
}

/// The files of an xlsx, by name.
fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("an xlsx is a zip");
    let mut files = std::collections::BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let mut text = String::new();
        if file.read_to_string(&mut text).is_ok() {
            files.insert(file.name().to_string(), text);
        }
    }
    files
}

#[test]
fn xlsx_has_four_sheets_typed_cells_and_never_a_formula() {
    let bytes = render(instruments(), &hostile(), Format::Xlsx, Options::default());
    let files = unzip(&bytes);
    let workbook = &files["xl/workbook.xml"];
    for sheet in ["Samenvatting", "Antwoorden", "Spreiding", "Actieplan"] {
        assert!(workbook.contains(&format!("name=\"{sheet}\"")), "{sheet}");
    }
    let strings = &files["xl/sharedStrings.xml"];
    assert!(
        strings.contains("=HYPERLINK"),
        "the text is there, as a string"
    );
    assert!(strings.contains("&lt;script&gt;"));
    assert!(!strings.contains('\u{1b}'));
    for (name, xml) in &files {
        if name.starts_with("xl/worksheets/") {
            assert!(!xml.contains("<f>"), "a formula in {name}");
        }
    }
    // Answers: levels are numbers (no t="s" on the value column).
    let bytes = render(instruments(), &fixture(), Format::Xlsx, Options::default());
    let files = unzip(&bytes);
    let answers = &files["xl/worksheets/sheet2.xml"];
    assert!(answers.contains("<c r=\"F2\""));
    let f2 = &answers[answers.find("<c r=\"F2\"").unwrap()..];
    let f2 = &f2[..f2.find("</c>").unwrap()];
    assert!(!f2.contains("t=\"s\""), "a number cell: {f2}");
    let plan = &files["xl/worksheets/sheet4.xml"];
    assert!(plan.contains("<c r=\"D2\""), "a deadline");
    let strings = &files["xl/sharedStrings.xml"];
    assert!(strings.contains("Reactietermijnen meten per kanaal"));
}

// ------------------------------------------------------------------ every format

#[test]
fn the_action_plan_is_in_every_format() {
    for format in [
        Format::Text,
        Format::Md,
        Format::Html,
        Format::Json,
        Format::Csv,
    ] {
        let out = report(&fixture(), format, Options::default());
        for what in [
            "Klachtenoverleg elke maand met het MT",
            "Reactietermijnen meten per kanaal",
        ] {
            assert!(out.contains(what), "{format:?} lacks {what}");
        }
        assert!(
            out.contains("Teamleider kwaliteit"),
            "{format:?} lacks the owner"
        );
    }
}

#[test]
fn anonymous_mode_hides_names_everywhere() {
    let a = workshop();
    for format in [
        Format::Text,
        Format::Md,
        Format::Html,
        Format::Json,
        Format::Csv,
    ] {
        let out = report(
            &a,
            format,
            Options {
                anonymous: true,
                ..Options::default()
            },
        );
        for surname in SURNAMES {
            let shown = surname.replace('\'', "&#39;");
            assert!(
                !out.contains(surname) && !out.contains(&shown),
                "{format:?} shows {surname}"
            );
        }
        assert!(
            !out.contains("Bartholomeus"),
            "{format:?}: a name in a note"
        );
    }
    let files = unzip(&render(
        instruments(),
        &a,
        Format::Xlsx,
        Options {
            anonymous: true,
            ..Options::default()
        },
    ));
    assert!(!files["xl/sharedStrings.xml"].contains("Oldenbarnevelt"));
}

#[test]
fn partly_answered_report_says_what_is_missing() {
    let a = Assessment::new(
        "Leeg",
        "",
        instruments(),
        &goudenoor::domain::default_instruments(),
        fixed_time(),
    );
    let md = report(&a, Format::Md, Options::default());
    assert!(md.contains("Nog geen"));
    let v: serde_json::Value =
        serde_json::from_str(&report(&a, Format::Json, Options::default())).unwrap();
    assert!(v["results"][0]["detail"]["mean"].is_null());
    assert!(v["results"][1]["detail"]["total"].is_null());
}

// ------------------------------------------------------------------ comparisons

#[test]
fn compare_html_gives_each_line_one_meaning() {
    let (a, b) = sample_rounds(instruments());
    let html = render_comparison(instruments(), &a, &b, CompareFormat::Html).unwrap();
    // Earlier round: dotted grey; ambition: dashed green, as in the report.
    assert!(html.contains("stroke-dasharray=\"1.5 3\""));
    assert!(html.contains("stroke-dasharray=\"6 4\""));
    assert!(html.contains("┈○ eerst"));
    assert!(html.contains("╍ doel"));
    assert!(!html.contains("╍ eerst"));
    assert!(html.contains("Verzekeraar Voorbeeld N.V."));
}

#[test]
fn compare_json_names_items_by_id_with_display_strings() {
    let (a, b) = sample_rounds(instruments());
    let v: serde_json::Value = serde_json::from_str(
        &render_comparison(instruments(), &a, &b, CompareFormat::Json).unwrap(),
    )
    .unwrap();
    assert_eq!(v["schema"], "goudenoor-compare/2");
    let go = &v["instruments"][0];
    assert_eq!(go["items"][0]["id"], "go1");
    assert!(go["items"][0]["before_display"].is_string());
    assert!(go["items"][0]["before"].is_number());
    assert_eq!(go["items"][0]["arrow"], "↑");
    assert!(
        go["verdict_after"]
            .as_str()
            .unwrap()
            .starts_with("Gemiddeld")
    );
    assert!(go["ambition_display"].is_null());
    assert!(go["items"][0]["ambition_display"].is_string());
    assert_eq!(v["second"]["round"], 2);
}

#[test]
fn compare_of_one_round_with_itself_is_refused() {
    let a = fixture();
    assert!(render_comparison(instruments(), &a, &a, CompareFormat::Text).is_err());
}

#[test]
fn the_model_marks_unseen_boxes_and_names_the_weakest() {
    // With only the grid beside it, the model's boxes fed by other instruments are
    // not looked at.
    let ids: Vec<String> = ["gouden-oor", "ikm"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let a = sample_assessment_with(all_kinds(), &ids, 1);
    let result = goudenoor::domain::result::build(all_kinds(), &a);
    let goudenoor::domain::result::Detail::Model(m) = &result.get("ikm").unwrap().detail else {
        panic!("the IKM is a model");
    };
    assert!(!m.unseen.is_empty(), "a box nobody looked at");
    let weakest = m.weakest.clone().expect("a weakest box");
    let weakest_title = &m.boxes.iter().find(|b| b.id == weakest).unwrap().title;
    let html = text(render(all_kinds(), &a, Format::Html, Options::default()));
    assert!(
        html.contains("stroke-dasharray=\"5 4\""),
        "unseen boxes dashed"
    );
    assert!(html.contains("class=\"unseen\""));
    assert!(html.contains("class=\"weakest\""));
    assert!(html.contains("Enablers"));
    let md = text(render(all_kinds(), &a, Format::Md, Options::default()));
    assert!(md.contains("**niet bekeken**"));
    let row = md
        .lines()
        .find(|l| l.contains("het zwakste vak"))
        .expect("the weakest named");
    assert!(row.contains(weakest_title.as_str()), "{row}");
    let txt = text(render(all_kinds(), &a, Format::Text, Options::default()));
    assert!(txt.contains("niemand keek hiernaar"));
}

#[test]
fn compare_text_fits_80_columns() {
    let (a, b) = sample_rounds(instruments());
    let out = render_comparison(instruments(), &a, &b, CompareFormat::Text).unwrap();
    for line in out.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    assert!(
        out.contains("(03-05-2027)"),
        "a date is never split at its hyphen"
    );
    assert!(out.contains("Klanten bellen na een afgehandelde klacht: klaar"));
}

#[test]
fn workshop_text_and_markdown_show_spread_proposal_and_agreement() {
    let a = workshop();
    let md = report(&a, Format::Md, Options::default());
    assert!(md.contains("## Workshop: spreiding, voorstel en akkoord"));
    assert!(md.contains("| Onderdeel"));
    assert!(md.contains("| Voorstel"));
    assert!(md.contains("| Akkoord"));
    assert!(md.contains("- L = Lodewijk Wttewaall van Stoetwegen"));
    // The agreed level of go1 is shown as agreed, apart from the proposal.
    let go1 = md
        .lines()
        .find(|l| l.starts_with("| 1 Feedback") && l.contains("mediaan"))
        .expect("the team row of go1");
    assert!(
        go1.trim_end().ends_with("| prima    |") || go1.contains("| prima"),
        "{go1}"
    );
    assert!(md.contains("| Bron"));
    let txt = report(&a, Format::Text, Options::default());
    assert!(txt.contains("akkoord prima"));
    assert!(txt.contains("[akkoord]"));
    assert!(txt.contains("[voorstel]"));
}

#[test]
fn the_trend_against_the_previous_round_is_in_every_text_format() {
    let (first, second) = sample_rounds(instruments());
    let options = Options {
        previous: Some(&first),
        ..Options::default()
    };
    for format in [Format::Text, Format::Md] {
        let out = report(&second, format, options);
        assert!(
            out.contains("Trend: vorige ronde 2,3 → nu 2,6 (+0,2)"),
            "{format:?}"
        );
    }
    let v: serde_json::Value =
        serde_json::from_str(&report(&second, Format::Json, options)).unwrap();
    assert_eq!(
        v["summary"]["instruments"][0]["trend"],
        "vorige ronde 2,3 → nu 2,6 (+0,2)"
    );
    // Without a previous round there is no trend.
    let out = report(&second, Format::Text, Options::default());
    assert!(!out.contains("Trend:"));
}

#[test]
fn xlsx_spread_sheet_has_a_column_per_respondent_with_numbers() {
    let files = unzip(&render(
        instruments(),
        &workshop(),
        Format::Xlsx,
        Options::default(),
    ));
    let spread = &files["xl/worksheets/sheet3.xml"];
    // Row 2 is go1: respondents in D … O, the first one's level a number.
    let d2 = &spread[spread.find("<c r=\"D2\"").unwrap()..];
    let d2 = &d2[..d2.find("</c>").unwrap()];
    assert!(!d2.contains("t=\"s\""), "{d2}");
    assert!(spread.contains("<c r=\"O2\""));
    let strings = &files["xl/sharedStrings.xml"];
    assert!(strings.contains("Lodewijk Wttewaall van Stoetwegen"));
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
        &goudenoor::domain::default_instruments(),
        fixed_time(),
    );
    a.respondents[0].name = " \t=HYPERLINK(\"x\")".into();
    a.respondents[0].answers.of_mut("gouden-oor").set(
        "go1",
        Answer::Scale {
            value: Level::new(2),
            ambition: None,
            note: "  +31 6 1234 \u{202a}links\u{85}".into(),
        },
    );
    a.respondents[0].answers.of_mut("stv-kfm").set(
        "I.2",
        Answer::Criterion {
            status: Status::Open,
            note: "\t@SUM(A1)\n  -2+3 \u{2067}".into(),
        },
    );
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
        let out = report(&sneaky(), format, Options::default());
        for c in INVISIBLE {
            assert!(!out.contains(c), "{format:?} holds U+{:04X}", c as u32);
        }
    }
}

#[test]
fn json_escapes_bidi_and_c1_controls_and_keeps_their_meaning() {
    let json = report(&sneaky(), Format::Json, Options::default());
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
    let csv = report(&sneaky(), Format::Csv, Options::default());
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

/// Hostile text in what the new instruments take: a checklist field and note, a
/// choice's own text, and notes on the IKM ratings.
fn hostile_new_instruments() -> Assessment {
    let all: Vec<String> = instruments().iter().map(|i| i.id.clone()).collect();
    let mut a = Assessment::new(HOSTILE, HOSTILE, instruments(), &all, fixed_time());
    let facts = a.facts.of_mut("klachtenprocedure");
    facts.set("kp.klachtverantwoordelijke", Answer::Text(HOSTILE.into()));
    facts.set(
        "kp.vervolg",
        Answer::Choice {
            options: vec!["kp.vervolg.kifid".into()],
            other: HOSTILE.into(),
        },
    );
    let answers = a.respondents[0].answers.of_mut("klachtenprocedure");
    answers.set(
        "kp.stap1",
        Answer::Check {
            answer: goudenoor::domain::Check::Nee,
            note: HOSTILE.into(),
        },
    );
    a.respondents[0].answers.of_mut("ikm").set(
        "ikm.snelheid",
        Answer::Scale {
            value: Level::new(2),
            ambition: None,
            note: HOSTILE.into(),
        },
    );
    a.facts
        .of_mut("businesscase")
        .set_number("bc.klanten", Some(0.0));
    a
}

#[test]
fn hostile_text_in_the_new_instruments_is_escaped_in_every_format() {
    let a = hostile_new_instruments();
    let html = report(&a, Format::Html, Options::default());
    assert!(!html.contains("<script>alert"), "raw script in HTML");
    assert!(!html.contains("</style> "), "style closed early");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let md = report(&a, Format::Md, Options::default());
    assert!(!md.contains("<script>"), "raw tag in Markdown");
    for line in md.lines().filter(|l| l.contains("=SUM")) {
        assert!(
            !line.contains(" | =SUM"),
            "an unescaped table cell separator: {line}"
        );
    }
    for format in [
        Format::Text,
        Format::Md,
        Format::Html,
        Format::Json,
        Format::Csv,
    ] {
        let out = report(&a, format, Options::default());
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{format:?} holds a control character"
        );
        assert!(!out.contains("NaN"), "{format:?}");
    }
    let json = report(&a, Format::Json, Options::default());
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["title"], HOSTILE, "JSON keeps the text as typed");
    let csv = report(&a, Format::Csv, Options::default());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            let start = cell.trim_start_matches([' ', '\t']);
            assert!(
                !start.starts_with(['=', '+', '-', '@']),
                "formula-like cell {cell:?}"
            );
        }
    }
    let xlsx = render(instruments(), &a, Format::Xlsx, Options::default());
    assert!(xlsx.starts_with(b"PK"));
}

/// A goal below the current level reads as such in every format, never as "at the goal".
#[test]
fn a_goal_below_the_current_level_is_marked_down_not_reached() {
    let mut a = Assessment::new(
        "Doelen",
        "Voorbeeld B.V.",
        instruments(),
        &goudenoor::domain::default_instruments(),
        goudenoor::fixtures::fixed_time(),
    );
    let go = a.respondents[0].answers.of_mut("gouden-oor");
    go.set_level("go9", Level::new(3));
    go.set_ambition("go9", Level::new(2));
    go.set_level("go1", Level::new(2));
    go.set_ambition("go1", Level::new(2));
    for format in [Format::Text, Format::Md, Format::Html] {
        let out = report(&a, format, Options::default());
        // The table row that holds `needle`: its line, or in HTML its <tr>.
        let row_of = |needle: &str| {
            let at = out.find(needle).expect(needle);
            let start = [out[..at].rfind('\n'), out[..at].rfind("<tr>")]
                .into_iter()
                .flatten()
                .max()
                .unwrap_or(0);
            let rest = &out[at..];
            let end = rest.find('\n').unwrap_or(rest.len());
            let end = rest[..end].find("</tr>").unwrap_or(end);
            out[start..at + end].to_string()
        };
        let luister = row_of("KTO → Luistercultuur");
        assert!(
            luister.contains('↓') && !luister.contains('✓'),
            "{format:?}: {luister}"
        );
        assert!(row_of("Klacht → Feedback").contains('✓'), "{format:?}");
    }
    // No goal above its level yet: the summary lists first steps, not "gaps".
    let text = report(&a, Format::Text, Options::default());
    assert!(text.contains("Eerste volgende stappen:"), "{text}");
    // With one real gap, the gaps list holds only that shift.
    let go = a.respondents[0].answers.of_mut("gouden-oor");
    go.set_level("go2", Level::new(1));
    go.set_ambition("go2", Level::new(3));
    let text = report(&a, Format::Text, Options::default());
    let gaps: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("Grootste gaten:"))
        .skip(1)
        .take_while(|l| l.starts_with("  - ") || l.starts_with("    "))
        .filter(|l| l.starts_with("  - "))
        .collect();
    assert_eq!(gaps.len(), 1, "{text}");
    assert!(gaps[0].contains("2 Beleving"), "{gaps:?}");
}

#[test]
fn a_measurement_not_taken_says_so_once_in_every_format() {
    let ids = vec!["stv-kfm".to_string(), "businesscase".to_string()];
    let a = Assessment::new("Metingen", "Org", instruments(), &ids, fixed_time());
    let names = [
        "Gehaalde reactietermijnen",
        "Ontevreden klanten die bij ons klagen",
        "Herhaalklachten",
    ];
    let plain = report(&a, Format::Text, Options::default()).replace("\n    ", " ");
    for name in names {
        let line = plain
            .lines()
            .find(|l| l.contains(&format!("{name}:")))
            .unwrap_or_else(|| panic!("{name} in:\n{plain}"));
        assert_eq!(line.matches("gemeten").count(), 1, "{line}");
        assert!(line.contains("niet gemeten (norm "), "{line}");
    }
    let html = report(&a, Format::Html, Options::default());
    assert!(
        !html.contains("nog niet gemeten"),
        "the value says it already"
    );
    assert!(html.contains("niet gemeten"));
}

#[test]
fn a_provisional_result_is_marked_once_in_every_format() {
    // Part of the Stv open (provisional) and part of the Gouden Oor open.
    let mut a = fixture();
    a.respondents[0]
        .answers
        .of_mut("stv-kfm")
        .set_status("I.2", Status::Open);
    let results = goudenoor::domain::result::build(instruments(), &a);
    assert!(results.instruments.iter().all(|r| r.provisional));
    for format in [Format::Text, Format::Md] {
        let out = report(&a, format, Options::default());
        let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
        // Once on the summary page and once in each instrument's details.
        assert_eq!(
            out.matches("Voorlopig: er staat nog iets open.").count(),
            2 * results.instruments.len(),
            "{format:?}:\n{out}"
        );
        assert!(!out.contains("(voorlopig):"), "{format:?}");
    }
}

#[test]
fn an_action_past_its_deadline_on_the_reports_date_is_marked_late() {
    let mut a = fixture();
    // The report speaks of 02-11-2026: the first action's deadline passed then.
    a.actions[0].deadline = Some(jiff::civil::date(2026, 10, 1));
    a.actions[2].deadline = Some(jiff::civil::date(2026, 10, 1)); // klaar: never late
    let text = report(&a, Format::Text, Options::default());
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        text.matches("te laat").count(),
        2,
        "summary and plan:\n{text}"
    );
    assert!(text.contains("bezig, te laat"), "{text}");
    let md = report(&a, Format::Md, Options::default());
    assert!(md.contains("bezig, te laat"), "{md}");
    assert!(!md.contains("klaar, te laat"), "{md}");
    let html = report(&a, Format::Html, Options::default());
    assert!(
        html.contains("<span class=\"warn\">te laat</span>"),
        "{html}"
    );
}

/// A solo Stv check with met criteria that do not count: I.4 and I.5 above the gap at
/// I.3; IV.1b without IV.1a; IV.4 measured 85%, below its 90%.
fn stv_not_counting() -> Assessment {
    let mut a = Assessment::new(
        "Stv",
        "Org",
        instruments(),
        &["stv-kfm".to_string()],
        fixed_time(),
    );
    let stv = a.respondents[0].answers.of_mut("stv-kfm");
    for id in ["I.2", "I.4", "I.5", "IV.1b", "IV.2", "IV.4"] {
        stv.set_status(id, Status::Met);
    }
    for id in ["I.3", "IV.1a", "IV.3"] {
        stv.set_status(id, Status::NotMet);
    }
    stv.set_number("IV.4.pct", Some(85.0));
    a
}

#[test]
fn the_share_per_part_counts_only_what_counts_in_every_format() {
    // I: I.2, I.4, I.5 met (3 of 4), but only I.2 counts (score 2).
    // IV: IV.1b, IV.2, IV.4 met (3 of 5), but only IV.2 counts (score 1).
    let a = stv_not_counting();
    let txt = report(&a, Format::Text, Options::default());
    assert!(
        txt.contains("I Beleid en cultuur: score 2 · 1 van 4 criteria telt mee"),
        "{txt}"
    );
    assert!(
        txt.contains("IV Luisteren naar de klant: score 1 · 1 van 5 criteria telt mee"),
        "{txt}"
    );
    assert!(!txt.contains("75%") && !txt.contains("60%"), "{txt}");
    let md = report(&a, Format::Md, Options::default());
    assert!(md.contains("Criteria die meetellen"), "{md}");
    let row = md
        .lines()
        .find(|l| l.starts_with("| I Beleid en cultuur"))
        .expect("part I in the table");
    assert!(row.contains("| 1 van 4 "), "{row}");
    let html = report(&a, Format::Html, Options::default());
    assert!(html.contains("Criteria die meetellen voor de score, per onderdeel"));
    assert!(html.contains(">1 van 4</text>"), "the chart label");
    assert!(html.contains(">1 van 5</text>"), "the chart label");
    assert!(!html.contains("voldaan</text>"));
    let json: serde_json::Value =
        serde_json::from_str(&report(&a, Format::Json, Options::default())).unwrap();
    let iv = &json["results"][0]["detail"]["parts"][3];
    assert_eq!(iv["counted"]["criteria"], 1);
    assert_eq!(iv["counted"]["of"], 5);
    assert_eq!(iv["counted"]["display"], "1 van 5 criteria telt mee");
    assert_eq!(iv["met_percent"], 60.0);
}

#[test]
fn a_criterion_without_its_partner_is_flagged_in_every_format() {
    let a = stv_not_counting();
    let warning = "IV.1b is aangevinkt, maar telt alleen mee samen met IV.1a";
    let txt = report(&a, Format::Text, Options::default());
    assert!(txt.contains(&format!("⚠ {warning}")), "{txt}");
    assert!(txt.contains("(✓) IV.1b"), "{txt}");
    let md = report(&a, Format::Md, Options::default());
    assert!(md.contains(warning), "{md}");
    assert!(
        md.lines()
            .any(|l| l.starts_with("| IV.1b") && l.contains("voldaan (telt niet mee)")),
        "{md}"
    );
    let html = report(&a, Format::Html, Options::default());
    assert!(html.contains(warning));
    let json: serde_json::Value =
        serde_json::from_str(&report(&a, Format::Json, Options::default())).unwrap();
    let iv = &json["results"][0]["detail"]["parts"][3];
    let iv1b = iv["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "IV.1b")
        .unwrap();
    assert_eq!(iv1b["counted"], false);
    assert!(
        iv["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w == warning)
    );
}
