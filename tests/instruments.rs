//! The embedded instruments are complete, broken instrument files are refused with an
//! error that names the file, and a grid with any number of levels works throughout.

use goudenoor::domain::aggregate::{proposal, scale_spread};
use goudenoor::domain::instrument::{Compare, EMBEDDED, Rule};
use goudenoor::domain::result::build_for;
use goudenoor::domain::scoring::grid;
use goudenoor::domain::{
    Answer, Answers, DEFAULT_INSTRUMENTS, Instrument, InstrumentError, Instruments, ItemKind,
    Level, Respondent, validate,
};

fn fixture(name: &str) -> (String, String) {
    let path = format!("tests/fixtures/instruments/{name}");
    let text = std::fs::read_to_string(&path).unwrap();
    (path, text)
}

/// Parse one fixture on its own; it must be refused, and the message must name the file.
fn refused(name: &str) -> (String, InstrumentError) {
    let (path, text) = fixture(name);
    let err = Instrument::from_ron(&path, &text).expect_err("a broken file is refused");
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("{path}:")),
        "the message names the file: {message}"
    );
    (path, err)
}

/// The embedded files plus one fixture, as one registry.
fn with_embedded(name: &str) -> Result<Instruments, InstrumentError> {
    let (path, text) = fixture(name);
    let mut files: Vec<(&str, &str)> = EMBEDDED.to_vec();
    files.push((&path, &text));
    Instruments::from_files(&files)
}

fn embedded() -> &'static Instruments {
    Instruments::embedded()
}

// ---------------------------------------------------------------- embedded data

#[test]
fn embedded_instruments_load() {
    let instruments = Instruments::load().expect("embedded data is valid");
    let ids: Vec<&str> = instruments.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids[..2], ["gouden-oor", "stv-kfm"], "offered first");
    assert_eq!(instruments.len(), EMBEDDED.len());
    for id in DEFAULT_INSTRUMENTS {
        assert!(instruments.get(id).is_some(), "default instrument {id}");
    }
    let go = instruments.get("gouden-oor").unwrap();
    assert_eq!(go.kind.name(), "volwassenheidsmodel");
    assert_eq!(go.grid().unwrap().items.len(), 9);
    assert_eq!(go.respondent_items(), 9);
    let stv = instruments.get("stv-kfm").unwrap();
    assert_eq!(stv.kind.name(), "normenkader");
    assert_eq!(stv.norm().unwrap().parts.len(), 4);
    // 18 criteria and the IV.4 measurement.
    assert_eq!(stv.respondent_items(), 19);
}

#[test]
fn gouden_oor_has_nine_shifts_with_36_statements_and_stable_ids() {
    let go = embedded().get("gouden-oor").unwrap().grid().unwrap();
    let ids: Vec<&str> = go.items.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "go1", "go2", "go3", "go4", "go5", "go6", "go7", "go8", "go9"
        ]
    );
    assert_eq!(go.levels, ["aardig", "goed", "prima", "goud"]);
    let statements: usize = go.items.iter().map(|s| s.statements.len()).sum();
    assert_eq!(statements, 36);
    assert!(
        go.items
            .iter()
            .flat_map(|s| &s.statements)
            .all(|t| t.len() > 40)
    );
    let pairs: Vec<(&str, &str)> = go
        .items
        .iter()
        .map(|s| (s.from.as_str(), s.to.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("Klacht", "Feedback"),
            ("Functioneel", "Beleving"),
            ("Klant als klant", "Klant als mens"),
            ("Klachtenloket", "Luisterende organisatie"),
            ("Regels", "Ruimte"),
            ("Proces", "Klantreis"),
            ("Competenties", "Cultuur"),
            ("Rapporteren", "Continu leren"),
            ("KTO", "Luistercultuur"),
        ]
    );
}

#[test]
fn gouden_oor_statements_match_the_seed_text() {
    let go = embedded().get("gouden-oor").unwrap().grid().unwrap();
    assert_eq!(
        go.item("go9").unwrap().statements[3],
        "In onze organisatie heerst een luistercultuur waarbij het voor iedereen een tweede natuur is om klanten echt te begrijpen, hun feedback vast te leggen, te delen (ook met klanten) en ervan te leren."
    );
    // The listed transcription fix.
    assert!(go.item("go4").unwrap().statements[2].starts_with("Al onze medewerkers"));
}

#[test]
fn stv_has_every_criterion_id_of_the_product_definition() {
    let stv = embedded().get("stv-kfm").unwrap().norm().unwrap();
    let ids: Vec<&str> = stv.criteria().map(|(_, c)| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "I.2", "I.3", "I.4", "I.5", "II.2", "II.3", "II.A", "II.B", "III.2", "III.3a",
            "III.3b", "III.4", "III.5", "IV.1a", "IV.1b", "IV.2", "IV.3", "IV.4"
        ]
    );
}

#[test]
fn stv_parts_have_introductions_and_level_one_descriptions() {
    let inst = embedded().get("stv-kfm").unwrap();
    let stv = inst.norm().unwrap();
    assert_eq!(inst.intro.len(), 4);
    assert_eq!(stv.scale.sufficient, Some(3));
    for part in &stv.parts {
        assert!(part.intro.len() > 300, "gedachtegang of {}", part.id);
    }
    for id in ["I", "II", "III"] {
        assert!(stv.part(id).unwrap().level_one.is_some(), "level 1 of {id}");
        assert!(matches!(stv.part(id).unwrap().rule, Rule::Stepwise(_)));
    }
    assert!(stv.part("IV").unwrap().level_one.is_none());
    assert!(matches!(
        stv.part("IV").unwrap().rule,
        Rule::Additive { min: 1, max: 5, .. }
    ));
    // The singular fix: no "keurmerkhouders" with a singular verb is left.
    let all_text: String = stv
        .parts
        .iter()
        .flat_map(|p| {
            std::iter::once(p.intro.clone()).chain(p.criteria.iter().map(|c| c.text.clone()))
        })
        .collect();
    assert!(!all_text.contains("keurmerkhouders"));
    assert!(!all_text.contains("beslissruimte"));
}

#[test]
fn iv4_carries_a_measurement_with_a_90_percent_threshold() {
    let inst = embedded().get("stv-kfm").unwrap();
    let stv = inst.norm().unwrap();
    let iv4 = stv.part("IV").unwrap().criterion("IV.4").unwrap();
    let m = iv4.measurement.as_ref().expect("IV.4 is measured");
    assert_eq!(m.id, "IV.4.pct");
    // A share from a reporting system may have decimals: 89,5% misses 90%.
    assert_eq!((m.min, m.max, m.whole), (0.0, 100.0, false));
    assert!(!m.threshold.is_met(89.5) && m.threshold.is_met(90.0));
    assert_eq!(m.threshold.compare, Compare::AtLeast);
    assert_eq!(m.threshold.value, 90.0);
    assert_eq!(m.threshold_text(), "ten minste 90%");
    // It is an item of the instrument, right after its criterion.
    let items: Vec<&str> = inst.items().iter().map(|i| i.id).collect();
    let at = items.iter().position(|id| *id == "IV.4").unwrap();
    assert_eq!(items[at + 1], "IV.4.pct");
    assert!(matches!(
        inst.item("IV.4.pct").unwrap().kind,
        ItemKind::Measurement(_)
    ));
    // Only other criteria have no measurement.
    assert_eq!(stv.measurements().count(), 1);
}

#[test]
fn a_measurement_outside_its_bounds_is_refused_as_an_answer() {
    let inst = embedded().get("stv-kfm").unwrap();
    let kind = inst.item("IV.4.pct").unwrap().kind;
    assert!(validate::answer(kind, &Answer::Number(90.0)).is_ok());
    assert_eq!(
        validate::answer(kind, &Answer::Number(120.0)).unwrap_err(),
        "moet tussen 0% en 100% liggen, niet 120%"
    );
    assert!(validate::answer(kind, &Answer::Number(85.5)).is_ok());
    assert_eq!(
        validate::answer(kind, &Answer::Number(-0.5)).unwrap_err(),
        "moet tussen 0% en 100% liggen, niet −0,5%"
    );
}

#[test]
fn item_ids_are_unique_across_the_embedded_instruments() {
    let mut seen = std::collections::HashSet::new();
    for inst in embedded().iter() {
        for item in inst.items() {
            assert!(seen.insert(item.id), "{} appears twice", item.id);
        }
    }
}

// ---------------------------------------------------------------- broken files (rule 6)

#[test]
fn duplicate_item_id_is_refused() {
    let (path, err) = refused("duplicate_shift_id.ron");
    assert_eq!(
        err,
        InstrumentError::DuplicateId {
            file: path,
            id: "go1".into()
        }
    );
    assert!(err.to_string().contains("\"go1\""));
}

#[test]
fn grid_item_without_every_level_is_refused() {
    let (_, err) = refused("missing_level.ron");
    assert!(
        matches!(
            &err,
            InstrumentError::MissingLevels {
                item,
                found: 3,
                expected: 4,
                ..
            } if item == "go1"
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("go1"));
}

#[test]
fn rule_naming_an_unknown_criterion_is_refused() {
    let (_, err) = refused("unknown_rule_id.ron");
    assert!(matches!(&err, InstrumentError::UnknownId { id, .. } if id == "I.3"));
    assert!(err.to_string().contains("\"I.3\""));
}

#[test]
fn duplicate_criterion_id_across_parts_is_refused() {
    let (_, err) = refused("duplicate_criterion_id.ron");
    assert!(matches!(&err, InstrumentError::DuplicateId { id, .. } if id == "I.2"));
}

#[test]
fn steps_out_of_order_are_refused() {
    let (_, err) = refused("step_out_of_order.ron");
    assert!(
        matches!(&err, InstrumentError::BadScore { part, score: 3, .. } if part == "I"),
        "{err:?}"
    );
}

#[test]
fn garbage_names_the_file_and_position() {
    let (path, err) = refused("garbage.ron");
    assert!(
        matches!(&err, InstrumentError::Parse { file, line: 1, .. } if *file == path),
        "{err:?}"
    );
    assert!(err.to_string().contains("regel 1"), "{err}");
}

#[test]
fn measurement_threshold_outside_its_bounds_is_refused() {
    // Threshold 120% on a 0–100% measurement.
    let (_, err) = refused("measurement_out_of_bounds.ron");
    assert!(matches!(err, InstrumentError::Invalid { .. }), "{err:?}");
    assert!(err.to_string().contains("I.2.pct"), "{err}");
}

#[test]
fn calculator_whose_outputs_differ_from_its_rule_is_refused() {
    let (_, err) = refused("calculator_wrong_outputs.ron");
    assert!(matches!(err, InstrumentError::Invalid { .. }), "{err:?}");
    assert!(err.to_string().contains("bc.mond_saldo"), "{err}");
    // The same file with the rule's outputs is accepted.
    let (path, text) = fixture("calculator.ron");
    let calc = Instrument::from_ron(&path, &text).expect("a valid calculator");
    assert_eq!(calc.kind.name(), "rekenmodel");
    assert_eq!(calc.calculator().unwrap().outputs.len(), 17);
}

#[test]
fn calculator_explanation_with_figures_is_refused() {
    // Figures in the data would contradict the result once an input changes; the rule
    // writes them.
    let (path, text) = fixture("calculator.ron");
    let stale = text.replace(
        r#"(id: "bc.tevreden", label: "tevreden", unit: Count, explain: "")"#,
        r#"(id: "bc.tevreden", label: "tevreden", unit: Count, explain: "klanten × tevreden % (1000 × 70% = 700)")"#,
    );
    assert_ne!(stale, text, "the fixture has the output");
    let err = Instrument::from_ron(&path, &stale).expect_err("figures in an explanation");
    assert!(matches!(err, InstrumentError::Invalid { .. }), "{err:?}");
    assert!(err.to_string().contains("uitkomst bc.tevreden"), "{err}");
    let words = text.replace(
        r#"(id: "bc.tevreden", label: "tevreden", unit: Count, explain: "")"#,
        r#"(id: "bc.tevreden", label: "tevreden", unit: Count, explain: "klanten × tevreden %")"#,
    );
    assert!(Instrument::from_ron(&path, &words).is_ok());
}

#[test]
fn an_instrument_id_used_twice_in_one_registry_is_refused() {
    let (path, _) = fixture("duplicate_instrument_id.ron");
    // On its own the file is valid.
    let (_, text) = fixture("duplicate_instrument_id.ron");
    assert!(Instrument::from_ron(&path, &text).is_ok());
    let err = with_embedded("duplicate_instrument_id.ron").unwrap_err();
    assert_eq!(
        err,
        InstrumentError::DuplicateId {
            file: path.clone(),
            id: "gouden-oor".into()
        }
    );
    assert!(err.to_string().starts_with(&format!("{path}:")), "{err}");
}

#[test]
fn an_item_id_of_another_instrument_is_refused() {
    let (path, text) = fixture("item_id_of_another_instrument.ron");
    assert!(Instrument::from_ron(&path, &text).is_ok());
    let err = with_embedded("item_id_of_another_instrument.ron").unwrap_err();
    assert_eq!(
        err,
        InstrumentError::DuplicateId {
            file: path,
            id: "go1".into()
        }
    );
}

// ---------------------------------------------------------------- any number of levels (rule 7)

fn three_levels() -> &'static Instruments {
    static CELL: std::sync::OnceLock<&'static Instruments> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        with_embedded("grid3.ron")
            .expect("the three-level grid is valid")
            .leak()
    })
}

fn level(v: u8) -> Option<Level> {
    Level::new(v)
}

#[test]
fn a_three_level_grid_scores_and_names_levels() {
    let inst = three_levels().get("drie").unwrap();
    let g = inst.grid().unwrap();
    assert_eq!(g.top(), 3);
    assert_eq!(inst.item("d1").unwrap().kind, ItemKind::Level { levels: 3 });
    let mut answers = Answers::default();
    let items = answers.of_mut("drie");
    // d1 laag (1), d2 hoog (3), d3 hoog (3): 7 / 3 = 2,333… → "2,3", level midden.
    items.set_level("d1", level(1));
    items.set_level("d2", level(3));
    items.set_level("d3", level(3));
    items.set_ambition("d1", level(3));
    let summary = grid::summary(g, answers.of("drie"));
    assert_eq!(summary.mean.unwrap().display(), "2,3");
    assert_eq!(summary.level, level(2));
    assert_eq!(g.level_name(summary.level.unwrap()), "midden");
    assert_eq!(summary.counts, [1, 0, 2]);
    assert_eq!(summary.gaps.len(), 1);
    assert_eq!(summary.gaps[0].gap, 2);
    // Only d1 has a level above it; hoog is the top.
    let steps = grid::next_steps(g, answers.of("drie"));
    assert_eq!(steps.len(), 1);
    assert_eq!(
        (steps[0].item.as_str(), steps[0].statement.as_str()),
        ("d1", "Midden een.")
    );
    let result = build_for(three_levels(), &["drie".to_string()], &answers);
    let r = result.get("drie").unwrap();
    assert_eq!(r.headline.as_ref().unwrap().display, "2,3");
    // 7/3 of a top of 3: 77,8% of the scale.
    assert!((r.headline.as_ref().unwrap().percent - 700.0 / 9.0).abs() < 1e-9);
    assert_eq!(
        r.verdict,
        "Gemiddeld 2,3: niveau midden (3 van 3 shifts beantwoord)."
    );
    assert_eq!(r.next_steps[0].title, "1 Nieuw: laag → midden, doel hoog");
    assert!(!r.provisional);
}

#[test]
fn a_three_level_grid_refuses_a_fourth_level() {
    let kind = three_levels().get("drie").unwrap().item("d1").unwrap().kind;
    let scale = |value: Option<Level>, ambition: Option<Level>| Answer::Scale {
        value,
        ambition,
        note: String::new(),
    };
    assert!(validate::answer(kind, &scale(level(3), level(3))).is_ok());
    assert_eq!(
        validate::answer(kind, &scale(level(4), None)).unwrap_err(),
        "niveau 4 bestaat niet (1 tot en met 3)"
    );
    assert!(validate::answer(kind, &scale(level(2), level(4))).is_err());
}

#[test]
fn a_three_level_grid_proposes_the_median() {
    let ids = vec!["drie".to_string()];
    let team: Vec<Respondent> = [1, 3, 3, 2]
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let mut answers = Answers::default();
            answers.of_mut("drie").set_level("d1", level(*v));
            Respondent {
                name: format!("R{i}"),
                answers,
            }
        })
        .collect();
    // 1, 2, 3, 3 → median 2,5 → rounded down: midden.
    let spread = scale_spread("drie", "d1", &team);
    assert_eq!(spread.median.unwrap().display(), "2,5");
    let proposed = proposal(three_levels(), &ids, &team);
    assert_eq!(proposed.of("drie").level("d1"), level(2));
    // Nobody answered d2: no proposal.
    assert_eq!(proposed.of("drie").level("d2"), None);
}
