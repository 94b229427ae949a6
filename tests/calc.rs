//! The business case rule of seed 004 (churn through silence, word of mouth, the
//! 1000-100-10 chain), with figures worked out by hand, and its edge cases.

use goudenoor::domain::calc::{NotComputed, Outputs, compute, input_values};
use goudenoor::domain::instrument::CalcRule;
use goudenoor::domain::result::{Detail, build_for};
use goudenoor::domain::{Answers, Instrument, Instruments, ItemAnswers};
use std::collections::BTreeMap;

type Values = BTreeMap<String, Option<f64>>;

/// The seed's figures (PRODUCT.md, "Business case"), as `data/businesscase.ron` has them.
fn seed_defaults() -> Values {
    [
        ("bc.klanten", 1000.0),
        ("bc.tevreden_pct", 70.0),
        ("bc.churn_tevreden_pct", 10.0),
        ("bc.klaagt_pct", 45.0),
        ("bc.churn_klagers_pct", 20.0),
        ("bc.churn_stil_pct", 90.0),
        ("bc.imago_zeer_tevreden_pct", 15.0),
        ("bc.imago_tevreden_pct", 70.0),
        ("bc.imago_ontevreden_pct", 15.0),
        ("bc.vertelt_zeer_tevreden", 8.0),
        ("bc.vertelt_tevreden", 2.0),
        ("bc.vertelt_ontevreden", 22.0),
        ("bc.vastgelegde_klachten", 10.0),
        ("bc.geuit_pct", 10.0),
        ("bc.vastgelegd_pct", 10.0),
    ]
    .into_iter()
    .map(|(id, v)| (id.to_string(), Some(v)))
    .chain(std::iter::once(("bc.waarde_per_klant".to_string(), None)))
    .collect()
}

fn with(mut values: Values, changes: &[(&str, Option<f64>)]) -> Values {
    for (id, v) in changes {
        values.insert(id.to_string(), *v);
    }
    values
}

fn run(values: &Values) -> Outputs {
    compute(CalcRule::BusinessCase, values)
}

fn ok(out: &Outputs, id: &str) -> f64 {
    match out.get(id) {
        Some(Ok(v)) => *v,
        other => panic!("{id}: expected a value, got {other:?}"),
    }
}

fn undefined(out: &Outputs, id: &str) -> String {
    match out.get(id) {
        Some(Err(NotComputed::Undefined(m))) => m.clone(),
        other => panic!("{id}: expected 'niet te berekenen', got {other:?}"),
    }
}

#[test]
fn the_seed_defaults_give_the_seeds_figures_exactly() {
    let out = run(&seed_defaults());
    let expected = [
        // 1000 × 70% = 700 satisfied, 300 dissatisfied.
        ("bc.tevreden", 700.0),
        ("bc.ontevreden", 300.0),
        // Of the 300: 45% complain (135), 55% stay silent (165).
        ("bc.klagers", 135.0),
        ("bc.stil", 165.0),
        // Churn: 700 × 10% = 70; 135 × 20% = 27; 165 × 90% = 148,5.
        ("bc.weg_tevreden", 70.0),
        ("bc.weg_klagers", 27.0),
        ("bc.weg_stil", 148.5),
        // 70 + 27 + 148,5 = 245,5; 148,5 of 1000 customers = 14,85%.
        ("bc.weg_totaal", 245.5),
        ("bc.weg_stil_pct", 14.85),
        // Word of mouth: 150 × 8 = 1200; 700 × 2 = 1400; 150 × 22 = 3300 (negative).
        ("bc.mond_zeer_tevreden", 1200.0),
        ("bc.mond_tevreden", 1400.0),
        ("bc.mond_ontevreden", -3300.0),
        // 1200 + 1400 − 3300 = −700.
        ("bc.mond_saldo", -700.0),
        // 10 registered; 10% of those voiced are registered → 100 voiced; 10% of the
        // situations are voiced → 1000 situations.
        ("bc.keten_vastgelegd", 10.0),
        ("bc.keten_geuit", 100.0),
        ("bc.keten_situaties", 1000.0),
    ];
    for (id, value) in expected {
        assert_eq!(ok(&out, id), value, "{id}");
    }
    assert!(
        matches!(
            out.get("bc.kosten_stil"),
            Some(Err(NotComputed::Optional(_)))
        ),
        "{:?}",
        out.get("bc.kosten_stil")
    );
    assert_eq!(
        out["bc.kosten_stil"].as_ref().unwrap_err().message(),
        "vul de waarde per klant in om de kosten te zien"
    );
}

#[test]
fn the_data_file_has_the_seeds_defaults() {
    // data/businesscase.ron (written by another agent) against the seed's figures above.
    let path = "data/businesscase.ron";
    let text = std::fs::read_to_string(path).unwrap();
    let inst = Instrument::from_ron(path, &text).expect("a valid calculator");
    let calc = inst.calculator().unwrap();
    assert_eq!(calc.rule, CalcRule::BusinessCase);
    let values = input_values(calc, &ItemAnswers::default());
    assert_eq!(values, seed_defaults());
    let out = compute(calc.rule, &values);
    assert_eq!(ok(&out, "bc.weg_stil_pct"), 14.85);
    // An entered figure replaces the default.
    let mut answers = ItemAnswers::default();
    answers.set_number("bc.klanten", Some(2000.0));
    let values = input_values(calc, &answers);
    assert_eq!(values["bc.klanten"], Some(2000.0));
    // 2000 × 30% × 55% × 90% = 297 lost through silence, still 14,85%.
    let out = compute(calc.rule, &values);
    assert_eq!(ok(&out, "bc.weg_stil"), 297.0);
    assert_eq!(ok(&out, "bc.weg_stil_pct"), 14.85);
}

#[test]
fn the_cost_of_silence_needs_a_value_per_customer() {
    // 148,5 customers lost through silence × € 250 = € 37.125.
    let out = run(&with(
        seed_defaults(),
        &[("bc.waarde_per_klant", Some(250.0))],
    ));
    assert_eq!(ok(&out, "bc.kosten_stil"), 148.5 * 250.0);
    assert_eq!(ok(&out, "bc.kosten_stil"), 37125.0);
}

#[test]
fn other_figures_worked_out_by_hand() {
    let values = with(
        seed_defaults(),
        &[
            ("bc.klanten", Some(2000.0)),
            ("bc.tevreden_pct", Some(80.0)),
            ("bc.churn_tevreden_pct", Some(5.0)),
            ("bc.klaagt_pct", Some(25.0)),
            ("bc.churn_klagers_pct", Some(10.0)),
            ("bc.churn_stil_pct", Some(60.0)),
            ("bc.imago_zeer_tevreden_pct", Some(20.0)),
            ("bc.imago_tevreden_pct", Some(60.0)),
            ("bc.imago_ontevreden_pct", Some(20.0)),
            ("bc.vertelt_zeer_tevreden", Some(10.0)),
            ("bc.vertelt_tevreden", Some(3.0)),
            ("bc.vertelt_ontevreden", Some(25.0)),
            ("bc.vastgelegde_klachten", Some(40.0)),
            ("bc.geuit_pct", Some(20.0)),
            ("bc.vastgelegd_pct", Some(50.0)),
            ("bc.waarde_per_klant", Some(100.0)),
        ],
    );
    let out = run(&values);
    let expected = [
        // 2000 × 80% = 1600; 400 dissatisfied.
        ("bc.tevreden", 1600.0),
        ("bc.ontevreden", 400.0),
        // 400 × 25% = 100 complain; 300 silent.
        ("bc.klagers", 100.0),
        ("bc.stil", 300.0),
        // 1600 × 5% = 80; 100 × 10% = 10; 300 × 60% = 180; total 270.
        ("bc.weg_tevreden", 80.0),
        ("bc.weg_klagers", 10.0),
        ("bc.weg_stil", 180.0),
        ("bc.weg_totaal", 270.0),
        // 180 / 2000 = 9%.
        ("bc.weg_stil_pct", 9.0),
        // 400 × 10 = 4000; 1200 × 3 = 3600; 400 × 25 = 10000 (negative); −2400.
        ("bc.mond_zeer_tevreden", 4000.0),
        ("bc.mond_tevreden", 3600.0),
        ("bc.mond_ontevreden", -10000.0),
        ("bc.mond_saldo", -2400.0),
        // 40 registered at 50% → 80 voiced; voiced at 20% → 400 situations.
        ("bc.keten_vastgelegd", 40.0),
        ("bc.keten_geuit", 80.0),
        ("bc.keten_situaties", 400.0),
        // 180 × € 100.
        ("bc.kosten_stil", 18000.0),
    ];
    for (id, value) in expected {
        assert_eq!(ok(&out, id), value, "{id}");
    }
}

#[test]
fn every_output_of_the_rule_is_computed() {
    let out = run(&seed_defaults());
    let keys: Vec<&str> = out.keys().copied().collect();
    let mut declared: Vec<&str> = CalcRule::BusinessCase.ids().outputs.to_vec();
    declared.sort_unstable();
    assert_eq!(keys, declared);
}

// ---------------------------------------------------------------- edge cases

#[test]
fn zero_customers_gives_no_share_and_no_nan() {
    let out = run(&with(seed_defaults(), &[("bc.klanten", Some(0.0))]));
    assert_eq!(
        undefined(&out, "bc.weg_stil_pct"),
        "niet te berekenen: er zijn 0 klanten"
    );
    for (id, value) in &out {
        if let Ok(v) = value {
            assert!(v.is_finite(), "{id} = {v}");
        }
    }
    assert_eq!(ok(&out, "bc.weg_stil"), 0.0);
    assert_eq!(ok(&out, "bc.weg_totaal"), 0.0);
    assert_eq!(ok(&out, "bc.mond_saldo"), 0.0);
    // The chain starts from registered complaints, not from customers.
    assert_eq!(ok(&out, "bc.keten_situaties"), 1000.0);
}

#[test]
fn nothing_voiced_makes_the_chain_not_computable() {
    // 0% of the situations voiced: 10 registered ← 100 voiced ← ? situations.
    let out = run(&with(seed_defaults(), &[("bc.geuit_pct", Some(0.0))]));
    assert_eq!(ok(&out, "bc.keten_geuit"), 100.0);
    assert_eq!(
        undefined(&out, "bc.keten_situaties"),
        "niet te berekenen: het deel dat wordt geuit is 0%"
    );
}

#[test]
fn nothing_registered_makes_the_chain_not_computable() {
    let out = run(&with(seed_defaults(), &[("bc.vastgelegd_pct", Some(0.0))]));
    assert_eq!(ok(&out, "bc.keten_vastgelegd"), 10.0);
    let message = "niet te berekenen: het deel dat wordt vastgelegd is 0%";
    assert_eq!(undefined(&out, "bc.keten_geuit"), message);
    assert_eq!(undefined(&out, "bc.keten_situaties"), message);
    // The rest of the business case still stands.
    assert_eq!(ok(&out, "bc.weg_stil"), 148.5);
}

#[test]
fn a_missing_input_says_what_is_missing() {
    let out = run(&with(
        seed_defaults(),
        &[
            ("bc.churn_stil_pct", None),
            ("bc.waarde_per_klant", Some(250.0)),
        ],
    ));
    let message = "niet te berekenen: vertrek stille ontevredenen % ontbreekt";
    assert_eq!(undefined(&out, "bc.weg_stil"), message);
    assert_eq!(undefined(&out, "bc.weg_totaal"), message);
    assert_eq!(undefined(&out, "bc.weg_stil_pct"), message);
    // With a value per customer the cost is not optional any more, but not computable.
    assert_eq!(undefined(&out, "bc.kosten_stil"), message);
    // Unaffected figures are still there.
    assert_eq!(ok(&out, "bc.weg_klagers"), 27.0);
}

// ---------------------------------------------------------------- in the result model

#[test]
fn a_calculator_instrument_shows_the_figures_and_what_is_missing() {
    // tests/fixtures/instruments/calculator.ron: the rule's inputs without defaults,
    // every output counted in plain numbers.
    let path = "tests/fixtures/instruments/calculator.ron";
    let text = std::fs::read_to_string(path).unwrap();
    let instruments = Instruments::from_files(&[(path, &text)]).unwrap();
    let ids = vec!["rekentest".to_string()];

    // Nothing entered: every required input is a problem, no headline.
    let empty = build_for(&instruments, &ids, &Answers::default());
    let r = empty.get("rekentest").unwrap();
    assert_eq!(r.headline, None);
    assert_eq!(
        r.verdict,
        "Nog niet te berekenen: vul de gegevens van de organisatie in."
    );
    assert!(
        r.warnings
            .contains(&"klanten: vul een waarde in".to_string())
    );
    assert_eq!(
        r.warnings.len(),
        15,
        "all but the optional value per customer"
    );

    let mut answers = Answers::default();
    let facts = answers.of_mut("rekentest");
    for (id, v) in seed_defaults() {
        facts.set_number(&id, v);
    }
    let result = build_for(&instruments, &ids, &answers);
    let r = result.get("rekentest").unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert_eq!(r.headline.as_ref().unwrap().display, "14,85%");
    assert_eq!(
        r.verdict,
        "Door ontevreden klanten die niet klagen gaan er 148,5 klanten verloren: 14,85% van alle klanten."
    );
    let Detail::Calculator(c) = &r.detail else {
        panic!("a calculator result")
    };
    let shown = |id: &str| c.output(id).unwrap().display.clone();
    assert_eq!(shown("bc.weg_stil"), "148,5");
    assert_eq!(shown("bc.mond_zeer_tevreden"), "+1200");
    assert_eq!(shown("bc.mond_ontevreden"), "−3300");
    assert_eq!(shown("bc.mond_saldo"), "−700");
    assert_eq!(
        shown("bc.kosten_stil"),
        "vul de waarde per klant in om de kosten te zien"
    );
    assert_eq!(c.output("bc.kosten_stil").unwrap().value, None);
}
