//! The embedded instruments are complete, and broken instrument files are refused clearly.

use goudenoor::domain::{InstrumentError, Instruments, MaturityCheck, NormFramework, Rule};

fn fixture(name: &str) -> (String, String) {
    let path = format!("tests/fixtures/instruments/{name}");
    let text = std::fs::read_to_string(&path).unwrap();
    (path, text)
}

#[test]
fn embedded_instruments_load() {
    let instruments = Instruments::load().expect("embedded data is valid");
    assert_eq!(instruments.gouden_oor.shifts.len(), 9);
    assert_eq!(instruments.stv.parts.len(), 4);
}

#[test]
fn gouden_oor_has_nine_shifts_with_36_statements_and_stable_ids() {
    let go = &Instruments::embedded().gouden_oor;
    let ids: Vec<&str> = go.shifts.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "go1", "go2", "go3", "go4", "go5", "go6", "go7", "go8", "go9"
        ]
    );
    assert_eq!(go.levels, ["aardig", "goed", "prima", "goud"]);
    let statements: usize = go.shifts.iter().map(|s| s.statements.len()).sum();
    assert_eq!(statements, 36);
    assert!(
        go.shifts
            .iter()
            .flat_map(|s| &s.statements)
            .all(|t| t.len() > 40)
    );
    let pairs: Vec<(&str, &str)> = go
        .shifts
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
    let go = &Instruments::embedded().gouden_oor;
    assert_eq!(
        go.shift("go9").unwrap().statements[3],
        "In onze organisatie heerst een luistercultuur waarbij het voor iedereen een tweede natuur is om klanten echt te begrijpen, hun feedback vast te leggen, te delen (ook met klanten) en ervan te leren."
    );
    // The listed transcription fix.
    assert!(go.shift("go4").unwrap().statements[2].starts_with("Al onze medewerkers"));
}

#[test]
fn stv_has_every_criterion_id_of_the_product_definition() {
    let stv = &Instruments::embedded().stv;
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
    let stv = &Instruments::embedded().stv;
    assert_eq!(stv.intro.len(), 4);
    for part in &stv.parts {
        assert!(part.intro.len() > 300, "gedachtegang of {}", part.id);
    }
    for id in ["I", "II", "III"] {
        assert!(stv.part(id).unwrap().level_one.is_some(), "level 1 of {id}");
    }
    assert!(stv.part("IV").unwrap().level_one.is_none());
    assert!(matches!(
        stv.part("IV").unwrap().rule,
        Rule::Additive { .. }
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
fn iv4_asks_for_the_measured_percentage_with_a_90_threshold() {
    let stv = &Instruments::embedded().stv;
    let iv4 = stv.part("IV").unwrap().criterion("IV.4").unwrap();
    assert_eq!(iv4.threshold_pct, Some(90));
}

#[test]
fn duplicate_shift_id_is_refused() {
    let (path, text) = fixture("duplicate_shift_id.ron");
    let err = MaturityCheck::from_ron(&path, &text).unwrap_err();
    assert_eq!(
        err,
        InstrumentError::DuplicateId {
            file: path.clone(),
            id: "go1".into()
        }
    );
    assert!(err.to_string().contains("duplicate_shift_id.ron"));
}

#[test]
fn shift_without_all_four_levels_is_refused() {
    let (path, text) = fixture("missing_level.ron");
    let err = MaturityCheck::from_ron(&path, &text).unwrap_err();
    assert!(matches!(
        err,
        InstrumentError::MissingLevels {
            found: 3,
            expected: 4,
            ..
        }
    ));
    assert!(err.to_string().contains("go1"));
}

#[test]
fn rule_naming_an_unknown_id_is_refused() {
    let (path, text) = fixture("unknown_rule_id.ron");
    let err = NormFramework::from_ron(&path, &text).unwrap_err();
    assert!(matches!(&err, InstrumentError::UnknownId { id, .. } if id == "I.3"));
    assert!(err.to_string().contains("\"I.3\""));
}

#[test]
fn duplicate_criterion_id_across_parts_is_refused() {
    let (path, text) = fixture("duplicate_criterion_id.ron");
    let err = NormFramework::from_ron(&path, &text).unwrap_err();
    assert!(matches!(&err, InstrumentError::DuplicateId { id, .. } if id == "I.2"));
}

#[test]
fn steps_out_of_order_are_refused() {
    let (path, text) = fixture("step_out_of_order.ron");
    let err = NormFramework::from_ron(&path, &text).unwrap_err();
    assert!(matches!(err, InstrumentError::BadScore { score: 3, .. }));
}

#[test]
fn garbage_names_the_file_and_position() {
    let (path, text) = fixture("garbage.ron");
    let err = NormFramework::from_ron(&path, &text).unwrap_err();
    let message = err.to_string();
    assert!(message.starts_with(&path), "{message}");
    assert!(message.contains("1:"), "position in {message}");
}
