//! The IKM model: every item of every instrument is mapped, box scores for hand-worked
//! cases, boxes nobody looked at, the weakest box, the team's rating beside, and the
//! model as an inline SVG in the HTML report.

use goudenoor::domain::instrument::IkmModel;
use goudenoor::domain::result::{self, Detail, ModelResult};
use goudenoor::domain::scoring::model::{BoxScore, MARKED_DIFFERENCE};
use goudenoor::domain::scoring::norm::score_part;
use goudenoor::domain::{Assessment, Instrument, Instruments, ItemAnswers, Level, Status, setting};
use goudenoor::fixtures::fixed_time;
use goudenoor::report::{Format, Options, render};
use std::collections::BTreeSet;

const ID: &str = "ikm";

fn instruments() -> &'static Instruments {
    Instruments::embedded()
}

fn ikm() -> &'static Instrument {
    instruments()
        .get(ID)
        .expect("the registry holds the IKM model")
}

fn model() -> &'static IkmModel {
    ikm().model().expect("a model")
}

/// Every id the model must map: grid items; parts, criteria and measurements of a
/// norm; checklist sections; calculator measurements. Built from the registry, so a
/// new item in any instrument shows up here.
fn mappable(instruments: &Instruments) -> Vec<String> {
    let mut ids = Vec::new();
    for inst in instruments.iter() {
        if let Some(grid) = inst.grid() {
            ids.extend(grid.items.iter().map(|i| i.id.clone()));
        }
        if let Some(norm) = inst.norm() {
            ids.extend(norm.parts.iter().map(|p| p.id.clone()));
            ids.extend(norm.criteria().map(|(_, c)| c.id.clone()));
            ids.extend(norm.measurements().map(|(_, m)| m.id.clone()));
        }
        if let Some(list) = inst.checklist() {
            ids.extend(list.sections.iter().map(|s| s.id.clone()));
        }
        if let Some(calc) = inst.calculator() {
            ids.extend(calc.measurements.iter().map(|m| m.id.clone()));
        }
    }
    ids
}

/// The ids `mappable` lists that `model` does not map, in registry order.
fn unmapped(instruments: &Instruments, model: &IkmModel) -> Vec<String> {
    let mapped: BTreeSet<&str> = model.mapping.iter().map(|m| m.id.as_str()).collect();
    mappable(instruments)
        .into_iter()
        .filter(|id| !mapped.contains(id.as_str()))
        .collect()
}

#[test]
fn every_item_of_every_instrument_is_mapped() {
    let ids = mappable(instruments());
    // The registry's kinds all contribute: 9 shifts, 4 parts, the four sections, the
    // three ambitions, and the Stv criteria and IV.4's measurement.
    assert!(ids.contains(&"go9".to_string()) && ids.contains(&"IV".to_string()));
    assert!(ids.contains(&"IV.4.pct".to_string()));
    assert!(ids.contains(&"kp.beheer".to_string()));
    assert!(ids.contains(&"bc.kpi_herhaalklachten_pct".to_string()));
    assert_eq!(unmapped(instruments(), model()), Vec::<String>::new());
}

#[test]
fn the_mapping_check_notices_an_item_without_a_mapping() {
    let mut smaller = model().clone();
    smaller
        .mapping
        .retain(|m| m.id != "go7" && m.id != "kp.indiening");
    assert_eq!(unmapped(instruments(), &smaller), ["go7", "kp.indiening"]);
}

#[test]
fn every_mapping_names_existing_items_and_boxes_and_every_box_is_reached() {
    let known: BTreeSet<String> = mappable(instruments()).into_iter().collect();
    let boxes: BTreeSet<&str> = model().boxes.iter().map(|b| b.id.as_str()).collect();
    let mut reached = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for m in &model().mapping {
        assert!(
            known.contains(&m.id),
            "{} is mapped but does not exist",
            m.id
        );
        assert!(seen.insert(m.id.as_str()), "{} is mapped twice", m.id);
        assert!(!m.boxes.is_empty(), "{} speaks to no box", m.id);
        assert!(!m.reason.trim().is_empty(), "{} has no reason", m.id);
        for b in &m.boxes {
            assert!(boxes.contains(b.as_str()), "{}: box {b}", m.id);
            reached.insert(b.as_str());
        }
    }
    assert_eq!(reached, boxes, "every box can be scored");
}

// ------------------------------------------------------------------ box scores

fn assessment(ids: &[&str]) -> Assessment {
    let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    Assessment::new("IKM", "Org", instruments(), &ids, fixed_time())
}

fn model_result(a: &Assessment) -> ModelResult {
    let results = result::build(instruments(), a);
    match &results.get(ID).expect("the model is included").detail {
        Detail::Model(m) => m.clone(),
        other => panic!("{other:?}"),
    }
}

fn boxed<'a>(m: &'a ModelResult, id: &str) -> &'a BoxScore {
    m.boxes
        .iter()
        .find(|b| b.id == id)
        .unwrap_or_else(|| panic!("{id}"))
}

#[test]
fn a_grid_level_reads_as_its_share_of_the_top_level() {
    let mut a = assessment(&["gouden-oor", ID]);
    setting::set(instruments(), &mut a, "go7", "goed").unwrap();
    let m = model_result(&a);
    // go7 speaks only to Mensen; goed is level 2 of 4.
    let mensen = boxed(&m, "ikm.mensen");
    assert_eq!(mensen.percent, Some(50.0));
    let go7 = mensen.readings.iter().find(|r| r.id == "go7").unwrap();
    assert_eq!(go7.answer, "goed");
    assert_eq!(go7.percent, Some(50.0));
    // The other shifts of that box are open: they do not count.
    assert!(
        mensen
            .readings
            .iter()
            .any(|r| r.id == "go5" && r.percent.is_none())
    );
    // Only Stv readings of an included instrument are read.
    assert!(!mensen.readings.iter().any(|r| r.id == "II"));
}

#[test]
fn a_box_with_two_readings_is_their_mean() {
    let mut a = assessment(&["gouden-oor", ID]);
    setting::set(instruments(), &mut a, "go1", "aardig").unwrap();
    setting::set(instruments(), &mut a, "go6", "prima").unwrap();
    let m = model_result(&a);
    // Processen: go1 (25%) and go6 (75%).
    assert_eq!(boxed(&m, "ikm.processen").percent, Some(50.0));
    // Toegankelijkheid reads go1 only.
    assert_eq!(boxed(&m, "ikm.toegankelijkheid").percent, Some(25.0));
}

#[test]
fn a_part_score_reads_as_its_share_of_the_top_score() {
    let stv = instruments().get("stv-kfm").unwrap();
    let norm = stv.norm().unwrap();
    let part = norm.part("II").unwrap();
    let criteria: Vec<&str> = part.criteria.iter().map(|c| c.id.as_str()).collect();
    // Find the statuses that score part II a 3 (by the norm's own rules).
    let combination = (0..1u32 << criteria.len())
        .find(|bits| {
            let mut answers = ItemAnswers::default();
            for (i, id) in criteria.iter().enumerate() {
                let status = if bits & (1 << i) != 0 {
                    Status::Met
                } else {
                    Status::NotMet
                };
                answers.set_status(id, status);
            }
            score_part(part, norm.scale.min, &answers).score == Some(3)
        })
        .expect("some answers score part II a 3");
    let mut a = assessment(&["stv-kfm", ID]);
    for (i, id) in criteria.iter().enumerate() {
        let value = if combination & (1 << i) != 0 {
            "ja"
        } else {
            "nee"
        };
        setting::set(instruments(), &mut a, id, value).unwrap();
    }
    let m = model_result(&a);
    let middelen = boxed(&m, "ikm.middelen");
    let part_reading = middelen.readings.iter().find(|r| r.id == "II").unwrap();
    assert_eq!(part_reading.answer, "score 3");
    assert_eq!(part_reading.percent, Some(60.0), "3 of 5");
    // The box: the mean of the part and its criteria met (100%) or not (0%).
    let answered: Vec<f64> = middelen.readings.iter().filter_map(|r| r.percent).collect();
    assert_eq!(answered.len(), 3, "II, II.2 and II.A");
    let expected = answered.iter().sum::<f64>() / 3.0;
    assert_eq!(middelen.percent, Some(expected));
    for r in middelen.readings.iter().filter(|r| r.id != "II") {
        let met = a.result_answers(instruments()).of("stv-kfm").is_met(&r.id);
        assert_eq!(r.percent, Some(if met { 100.0 } else { 0.0 }), "{}", r.id);
    }
}

#[test]
fn measurements_sections_and_ambitions_read_on_the_same_scale() {
    let mut a = assessment(&["stv-kfm", "klachtenprocedure", "businesscase", ID]);
    for (id, value) in [
        ("IV.4.pct", "72"),
        ("kp.doorsturen", "ja"),
        ("kp.schriftelijk", "deels"),
        ("kp.vertraging", "nee"),
        ("kp.mondeling_bevestigen", "nvt"),
        ("bc.kpi_herhaalklachten_pct", "15"),
    ] {
        setting::set(instruments(), &mut a, id, value).unwrap();
    }
    let m = model_result(&a);
    let reading = |b: &str, id: &str| {
        boxed(&m, b)
            .readings
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("{b} {id}"))
            .clone()
    };
    // IV.4.pct: at least 90% is the norm; 72 of 90 is 80%.
    let pct = reading("ikm.snelheid", "IV.4.pct");
    assert_eq!(pct.percent, Some(80.0), "{}", pct.answer);
    // Indiening: ja 1 + deels ½ of 3 counted (n.v.t. left out) = 50%.
    let section = reading("ikm.snelheid", "kp.indiening");
    assert_eq!(section.percent, Some(50.0));
    assert_eq!(section.answer, "1½ van 3");
    // Herhaalklachten at most 0%: 15 over is 85%.
    let repeat = reading("ikm.leren", "bc.kpi_herhaalklachten_pct");
    assert_eq!(repeat.percent, Some(85.0));
    // Snelheid: IV.4.pct, kp.indiening (IV.2 and IV.4 open) → (80 + 50) / 2.
    assert_eq!(boxed(&m, "ikm.snelheid").percent, Some(65.0));
}

#[test]
fn unseen_boxes_have_no_score_and_the_weakest_box_is_named() {
    let mut a = assessment(&["gouden-oor", ID]);
    let m = model_result(&a);
    assert!(m.boxes.iter().all(|b| b.percent.is_none()));
    assert_eq!(m.unseen.len(), model().boxes.len());
    assert_eq!(m.weakest, None);

    setting::set(instruments(), &mut a, "go8", "prima").unwrap();
    setting::set(instruments(), &mut a, "go3", "aardig").unwrap();
    let m = model_result(&a);
    // go8 → Leren 75%; go3 → Invoelend vermogen and Klantvriendelijkheid 25%.
    assert_eq!(boxed(&m, "ikm.leren").percent, Some(75.0));
    assert_eq!(
        m.weakest.as_deref(),
        Some("ikm.invoelend_vermogen"),
        "the first on a tie"
    );
    let seen: BTreeSet<&str> = m
        .boxes
        .iter()
        .filter(|b| b.percent.is_some())
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(
        seen,
        BTreeSet::from([
            "ikm.leren",
            "ikm.invoelend_vermogen",
            "ikm.klantvriendelijkheid"
        ])
    );
    let unseen: BTreeSet<&str> = m.unseen.iter().map(String::as_str).collect();
    let all: BTreeSet<&str> = model().boxes.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(unseen, all.difference(&seen).copied().collect());

    let results = result::build(instruments(), &a);
    let r = results.get(ID).unwrap();
    assert_eq!(
        r.verdict,
        "3 van 17 vakken bekeken; het zwakste is Invoelend vermogen."
    );
    assert!(
        r.warnings[0].starts_with("Niet bekeken: Leiderschap, "),
        "{:?}",
        r.warnings
    );
    assert_eq!(r.next_steps[0].item, "ikm.invoelend_vermogen");
}

#[test]
fn the_teams_rating_stands_beside_and_a_large_difference_is_marked() {
    let mut a = assessment(&["gouden-oor", ID]);
    // Klantvriendelijkheid reads go3 only; Invoelend vermogen go2 and go3.
    setting::set(instruments(), &mut a, "go3", "goed").unwrap();
    setting::set(instruments(), &mut a, "go2", "goed").unwrap();
    // 5 of 5 = 100% against 50%: marked. 3 of 5 = 60% against 50%: not.
    setting::set(instruments(), &mut a, "ikm.klantvriendelijkheid", "5").unwrap();
    setting::set(instruments(), &mut a, "ikm.invoelend_vermogen", "3").unwrap();
    // A rating where the instruments say nothing: nothing to compare.
    setting::set(instruments(), &mut a, "ikm.snelheid", "1").unwrap();
    let m = model_result(&a);
    let friendly = boxed(&m, "ikm.klantvriendelijkheid");
    assert_eq!(friendly.percent, Some(50.0));
    assert_eq!(friendly.rating, Some(100.0));
    assert_eq!(friendly.rating_display.as_deref(), Some("5 van 5"));
    assert!(friendly.differs);
    let feeling = boxed(&m, "ikm.invoelend_vermogen");
    assert_eq!(feeling.rating, Some(60.0));
    assert!(!feeling.differs, "10 points is below {MARKED_DIFFERENCE}");
    let speed = boxed(&m, "ikm.snelheid");
    assert_eq!((speed.percent, speed.rating), (None, Some(20.0)));
    assert!(!speed.differs);
    // Exactly 25 points is marked: prima (75%) against 5 of 5 (100%).
    setting::set(instruments(), &mut a, "go3", "prima").unwrap();
    let m = model_result(&a);
    let friendly = boxed(&m, "ikm.klantvriendelijkheid");
    assert_eq!(
        (friendly.percent, friendly.rating),
        (Some(75.0), Some(100.0))
    );
    assert!(friendly.differs);
    // Ratings outside the scale are refused.
    let err = setting::set(instruments(), &mut a, "ikm.snelheid", "6").unwrap_err();
    assert!(err.contains("1 tot en met 5"), "{err}");
    let err = setting::set(instruments(), &mut a, "ikm.leiderschap", "3").unwrap_err();
    assert!(
        err.contains("ikm.leiderschap"),
        "enablers are not rated: {err}"
    );

    let results = result::build(instruments(), &a);
    let warnings = &results.get(ID).unwrap().warnings;
    assert!(
        warnings.iter().any(|w| w
            == "Klantvriendelijkheid: het team beoordeelt dit met 100%, de instrumenten zeggen 75%"),
        "{warnings:?}"
    );
}

#[test]
fn the_rating_scale_is_the_models() {
    let rating = model().rating.as_ref().unwrap();
    assert_eq!((rating.min, rating.max), (1, 5));
    let rated: Vec<&str> = ikm().items().iter().map(|i| i.id).collect();
    let performance: Vec<&str> = model()
        .boxes_in(&rating.group)
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(rated, performance);
    assert_eq!(rated.len(), 7);
    assert!(Level::new(rating.max).is_some());
}

// ------------------------------------------------------------------ the HTML report

fn unescape(text: &str) -> String {
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// The inline SVG of the model, and the texts of its `<text>` elements in order.
fn model_svg(html: &str) -> (String, Vec<String>) {
    let start = html
        .find("<svg")
        .and_then(|_| {
            html.match_indices("<svg")
                .map(|(i, _)| i)
                .find(|&i| html[i..].split('>').next().unwrap().contains("IKM-model"))
        })
        .expect("an inline SVG of the IKM model");
    let end = start + html[start..].find("</svg>").expect("the SVG is closed") + "</svg>".len();
    let svg = html[start..end].to_string();
    let mut texts = Vec::new();
    let mut rest = svg.as_str();
    while let Some(i) = rest.find("<text") {
        let after = &rest[i..];
        let open_end = after.find('>').unwrap() + 1;
        let close = after.find("</text>").unwrap();
        texts.push(unescape(&after[open_end..close]));
        rest = &after[close..];
    }
    (svg, texts)
}

#[test]
fn the_html_report_holds_the_model_as_an_inline_svg() {
    let mut a = assessment(&["gouden-oor", ID]);
    setting::set(instruments(), &mut a, "go8", "prima").unwrap();
    setting::set(instruments(), &mut a, "go3", "aardig").unwrap();
    let html =
        String::from_utf8(render(instruments(), &a, Format::Html, Options::default())).unwrap();
    let (svg, texts) = model_svg(&html);
    assert!(!svg.contains("<script") && !svg.contains("href=\"http"));
    // Every box title, possibly over two lines, and every group title.
    let joined = texts.join(" ");
    for b in &model().boxes {
        assert!(
            joined.contains(&b.title),
            "{} missing from {joined}",
            b.title
        );
    }
    for g in &model().groups {
        assert!(texts.contains(&g.title), "{}", g.title);
    }
    // 17 boxes, 3 seen: 14 marked "niet bekeken" and drawn dashed.
    assert_eq!(texts.iter().filter(|t| *t == "niet bekeken").count(), 14);
    assert_eq!(svg.matches("stroke-dasharray=\"5 4\"").count(), 14);
    assert!(texts.contains(&"75%".to_string()), "{texts:?}");
    assert!(texts.contains(&"25% · zwakste".to_string()), "{texts:?}");
    // The table beside it names the team's rating column.
    assert!(html.contains("<th>Team</th>"));
}

#[test]
fn the_html_report_marks_a_rating_that_differs() {
    let mut a = assessment(&["gouden-oor", ID]);
    setting::set(instruments(), &mut a, "go3", "goed").unwrap();
    setting::set(instruments(), &mut a, "ikm.klantvriendelijkheid", "5").unwrap();
    let html =
        String::from_utf8(render(instruments(), &a, Format::Html, Options::default())).unwrap();
    let row = html
        .split("<tr")
        .find(|r| r.contains("<td>Klantvriendelijkheid"))
        .expect("a row for the box");
    assert!(row.contains("5 van 5") && row.contains('⚠'), "{row}");
    assert!(html.contains("het team beoordeelt dit met 100%, de instrumenten zeggen 50%"));
    let text =
        String::from_utf8(render(instruments(), &a, Format::Text, Options::default())).unwrap();
    assert!(text.contains("team: 5 van 5"), "{text}");
}

#[test]
fn a_criterion_whose_measurement_misses_reads_as_the_norm_counts_it() {
    let mut a = assessment(&["stv-kfm", ID]);
    setting::set(instruments(), &mut a, "IV.4", "ja").unwrap();
    let met = |m: &ModelResult| {
        boxed(m, "ikm.snelheid")
            .readings
            .iter()
            .find(|r| r.id == "IV.4")
            .expect("IV.4 read in Snelheid")
            .clone()
    };
    // Met without a measurement: counts, as in the norm (provisionally).
    assert_eq!(met(&model_result(&a)).percent, Some(100.0));

    setting::set(instruments(), &mut a, "IV.4.pct", "95").unwrap();
    assert_eq!(met(&model_result(&a)).percent, Some(100.0));

    // Below the norm's 90%: the Stv part does not count IV.4, nor does the model.
    setting::set(instruments(), &mut a, "IV.4.pct", "85").unwrap();
    let reading = met(&model_result(&a));
    assert_eq!(reading.percent, Some(0.0));
    assert_eq!(reading.answer, "voldaan, telt niet mee");
}
