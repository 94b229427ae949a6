//! Two rounds compared in the domain: changes computed exactly and shown rounded, next
//! steps reached only by their own item, no comparison of a round with itself, and a
//! caveat where the rounds answered different numbers of items.

use goudenoor::domain::compare::{CompareError, Comparison, InstrumentChange, compare};
use goudenoor::domain::{
    Assessment, Instruments, ItemAnswers, Level, Series, Status, default_instruments,
};
use goudenoor::fixtures::fixed_time;

const GO: &str = "gouden-oor";
const STV: &str = "stv-kfm";

fn instruments() -> &'static Instruments {
    Instruments::embedded()
}

fn first_round() -> Assessment {
    let mut a = Assessment::new(
        "Nulmeting",
        "Voorbeeld B.V.",
        instruments(),
        &default_instruments(),
        fixed_time(),
    );
    a.series = Some(Series {
        id: "reeks-test".into(),
        round: 1,
    });
    a
}

/// A blank second round of `first`, three months later.
fn second_round(first: &Assessment) -> Assessment {
    first.next_round(
        instruments(),
        Series {
            id: "reeks-test".into(),
            round: 2,
        },
        true,
        "2027-02-02T09:30:00Z".parse().unwrap(),
    )
}

fn levels(a: &mut Assessment, values: &[(&str, u8)]) {
    let items = a.respondents[0].answers.of_mut(GO);
    for (id, v) in values {
        items.set_level(id, Level::new(*v));
    }
}

fn all_levels(a: &mut Assessment, values: [u8; 9]) {
    let ids: Vec<String> = (1..=9).map(|n| format!("go{n}")).collect();
    let pairs: Vec<(&str, u8)> = ids.iter().map(String::as_str).zip(values).collect();
    levels(a, &pairs);
}

fn criteria(a: &mut Assessment) -> &mut ItemAnswers {
    a.respondents[0].answers.of_mut(STV)
}

fn met(a: &mut Assessment, ids: &[&str]) {
    for id in ids {
        criteria(a).set_status(id, Status::Met);
    }
}

fn change<'a>(c: &'a Comparison, id: &str) -> &'a InstrumentChange {
    c.instruments.iter().find(|i| i.id == id).unwrap()
}

fn reached(c: &Comparison, instrument: &str, item: &str) -> bool {
    c.steps
        .iter()
        .find(|s| s.instrument == instrument && s.item == item)
        .unwrap_or_else(|| panic!("a next step for {item}: {:?}", c.steps))
        .reached
}

// ---------------------------------------------------------------- exact changes

#[test]
fn a_grid_change_is_computed_exactly_then_rounded() {
    // 21 / 9 = 2,333… ("2,3") → 23 / 9 = 2,555… ("2,6"): +0,222… → "+0,2", not the
    // "+0,3" the rounded figures suggest.
    let mut a = first_round();
    all_levels(&mut a, [3, 3, 3, 2, 2, 2, 2, 2, 2]);
    let mut b = second_round(&a);
    all_levels(&mut b, [3, 3, 3, 3, 3, 2, 2, 2, 2]);
    let c = compare(instruments(), &a, &b).unwrap();
    let go = change(&c, GO);
    assert_eq!(go.before.as_deref(), Some("2,3"));
    assert_eq!(go.after.as_deref(), Some("2,6"));
    assert_eq!(go.change.as_deref(), Some("+0,2"));
    assert_eq!(go.direction, Some(std::cmp::Ordering::Greater));
    assert_eq!(go.answered, (9, 9));
    // Same rounds, same number of answers: no caveat at all.
    assert!(c.caveats.is_empty(), "{:?}", c.caveats);
    // The rows: go4 and go5 moved from goed to prima.
    let moved: Vec<(&str, &str, &str)> = go
        .rows
        .iter()
        .filter(|r| r.arrow() == "↑")
        .map(|r| (r.id.as_str(), r.before.as_str(), r.after.as_str()))
        .collect();
    assert_eq!(moved, [("go4", "goed", "prima"), ("go5", "goed", "prima")]);
}

#[test]
fn a_norm_total_change_rounds_half_up_from_the_exact_value() {
    // Round 1: I 3, II 3, III 3, IV 2 → 11 / 4 = 2,75 ("2,8").
    // Round 2: I 4, II 4, III 3, IV 3 → 14 / 4 = 3,5 ("3,5").
    // +0,75 → "+0,8" (the rounded figures would say +0,7).
    let mut a = first_round();
    met(
        &mut a,
        &[
            "I.2", "I.3", "II.2", "II.3", "III.2", "III.3a", "III.3b", "IV.1a", "IV.1b",
        ],
    );
    let mut b = second_round(&a);
    met(
        &mut b,
        &[
            "I.2", "I.3", "I.4", "II.2", "II.3", "II.A", "III.2", "III.3a", "III.3b", "IV.1a",
            "IV.1b", "IV.2",
        ],
    );
    let c = compare(instruments(), &a, &b).unwrap();
    let stv = change(&c, STV);
    assert_eq!(stv.before.as_deref(), Some("2,8"));
    assert_eq!(stv.after.as_deref(), Some("3,5"));
    assert_eq!(stv.change.as_deref(), Some("+0,8"));
    let parts: Vec<(&str, Option<f64>)> = stv
        .rows
        .iter()
        .map(|r| (r.id.as_str(), r.delta()))
        .collect();
    assert_eq!(
        parts,
        [
            ("I", Some(1.0)),
            ("II", Some(1.0)),
            ("III", Some(0.0)),
            ("IV", Some(1.0)),
            // IV.4.pct was measured in neither round.
            ("IV.4.pct", None),
        ]
    );
}

#[test]
fn a_decline_is_shown_with_a_minus_sign() {
    // 3,5 → 2,75: −0,75 → "−0,8".
    let mut a = first_round();
    met(
        &mut a,
        &[
            "I.2", "I.3", "I.4", "II.2", "II.3", "II.A", "III.2", "III.3a", "III.3b", "IV.1a",
            "IV.1b", "IV.2",
        ],
    );
    let mut b = second_round(&a);
    met(
        &mut b,
        &[
            "I.2", "I.3", "II.2", "II.3", "III.2", "III.3a", "III.3b", "IV.1a", "IV.1b",
        ],
    );
    let c = compare(instruments(), &a, &b).unwrap();
    assert_eq!(change(&c, STV).change.as_deref(), Some("−0,8"));
    assert_eq!(change(&c, STV).direction, Some(std::cmp::Ordering::Less));
}

// ---------------------------------------------------------------- refusals and caveats

#[test]
fn an_assessment_is_not_compared_with_itself() {
    let mut a = first_round();
    all_levels(&mut a, [2; 9]);
    assert_eq!(
        compare(instruments(), &a, &a.clone()),
        Err(CompareError::Same)
    );
    assert_eq!(
        CompareError::Same.to_string(),
        "dit is twee keer dezelfde beoordeling; kies twee verschillende rondes"
    );
}

#[test]
fn different_numbers_of_answered_items_are_a_caveat() {
    // Round 1 answered 3 of 9 shifts, round 2 all 9.
    let mut a = first_round();
    levels(&mut a, &[("go1", 2), ("go2", 2), ("go3", 3)]);
    let mut b = second_round(&a);
    all_levels(&mut b, [2, 2, 3, 3, 3, 3, 3, 3, 3]);
    let c = compare(instruments(), &a, &b).unwrap();
    assert_eq!(change(&c, GO).answered, (3, 9));
    let caveat = c
        .caveats
        .iter()
        .find(|x| x.starts_with("Gouden Oor Maturity Check:"))
        .unwrap_or_else(|| panic!("a caveat for the grid: {:?}", c.caveats));
    assert!(
        caveat.contains("de eerste ronde beantwoordde 3 van 9, de tweede 9 van 9"),
        "{caveat}"
    );
    // The Stv was answered in neither round: no caveat for it.
    assert!(
        !c.caveats.iter().any(|x| x.starts_with("Stv")),
        "{:?}",
        c.caveats
    );
}

// ---------------------------------------------------------------- next steps reached

#[test]
fn a_grid_step_is_reached_only_by_its_own_item() {
    // Round 1: go1 and go2 goed. Round 2: go1 still goed, go2 goud. The mean rose, but
    // only go2's step (goed → prima) was reached.
    let mut a = first_round();
    all_levels(&mut a, [2, 2, 3, 3, 3, 3, 3, 3, 3]);
    let mut b = second_round(&a);
    all_levels(&mut b, [2, 4, 3, 3, 3, 3, 3, 3, 3]);
    let c = compare(instruments(), &a, &b).unwrap();
    assert_eq!(change(&c, GO).direction, Some(std::cmp::Ordering::Greater));
    assert!(!reached(&c, GO, "go1"));
    assert!(reached(&c, GO, "go2"));
    assert!(!reached(&c, GO, "go3"));
    let achieved: Vec<&str> = c.achieved().map(|s| s.item.as_str()).collect();
    assert_eq!(achieved, ["go2"]);
}

#[test]
fn a_norm_step_is_reached_by_one_of_its_criteria() {
    // Round 1, part IV: IV.2 and IV.4 (95%) → 2; next: "IV.1a of IV.3".
    let mut a = first_round();
    met(&mut a, &["IV.2", "IV.4"]);
    criteria(&mut a).set_number("IV.4.pct", Some(95.0));
    // Round 2a: IV.1b met — the part stays 2 (1b without 1a) — not reached.
    let mut b = second_round(&a);
    met(&mut b, &["IV.2", "IV.4", "IV.1b"]);
    criteria(&mut b).set_number("IV.4.pct", Some(95.0));
    let c = compare(instruments(), &a, &b).unwrap();
    assert!(!reached(&c, STV, "IV"));
    // Round 2b: IV.3 met → 3, reached.
    met(&mut b, &["IV.3"]);
    let c = compare(instruments(), &a, &b).unwrap();
    assert!(reached(&c, STV, "IV"));
}

#[test]
fn a_norm_step_met_but_failing_its_measurement_is_not_reached() {
    // Round 1, part IV: IV.2 met, IV.1a and IV.3 not met, IV.4 open → 1 point → 1;
    // next: "IV.4 of IV.1a of IV.3".
    let mut a = first_round();
    met(&mut a, &["IV.2"]);
    criteria(&mut a).set_status("IV.1a", Status::NotMet);
    criteria(&mut a).set_status("IV.3", Status::NotMet);
    // Round 2: IV.4 ticked, but measured 80%: it does not count, so not reached.
    let mut b = second_round(&a);
    met(&mut b, &["IV.2", "IV.4"]);
    criteria(&mut b).set_status("IV.1a", Status::NotMet);
    criteria(&mut b).set_status("IV.3", Status::NotMet);
    criteria(&mut b).set_number("IV.4.pct", Some(80.0));
    let c = compare(instruments(), &a, &b).unwrap();
    assert!(!reached(&c, STV, "IV"));
    // Measured 92%: it counts, reached.
    criteria(&mut b).set_number("IV.4.pct", Some(92.0));
    let c = compare(instruments(), &a, &b).unwrap();
    assert!(reached(&c, STV, "IV"));
}

#[test]
fn a_step_that_needs_criteria_together_is_reached_only_with_all_of_them() {
    // Round 1, part III: III.2 met → 2; next: "III.3a en III.3b".
    let mut a = first_round();
    met(&mut a, &["III.2"]);
    let mut b = second_round(&a);
    met(&mut b, &["III.2", "III.3a"]);
    let c = compare(instruments(), &a, &b).unwrap();
    assert!(!reached(&c, STV, "III"));
    met(&mut b, &["III.3b"]);
    let c = compare(instruments(), &a, &b).unwrap();
    assert!(reached(&c, STV, "III"));
}

#[test]
fn a_score_that_rose_by_another_route_does_not_reach_the_step() {
    // Round 1, part IV: nothing counts (IV.2 not met) → 1; the step needs 2 points from
    // IV.1a, IV.3, IV.4 (and IV.2, now not met): "2 punten uit …". IV.1b alone adds
    // nothing, so it is not named.
    let mut a = first_round();
    criteria(&mut a).set_status("IV.2", Status::NotMet);
    // Round 2: IV.1a with IV.1b → 2 points → 2, but only one named criterion counts.
    let mut b = second_round(&a);
    criteria(&mut b).set_status("IV.2", Status::NotMet);
    met(&mut b, &["IV.1a", "IV.1b"]);
    let c = compare(instruments(), &a, &b).unwrap();
    let iv = change(&c, STV).rows.iter().find(|r| r.id == "IV").unwrap();
    assert_eq!((iv.before.as_str(), iv.after.as_str()), ("1", "2"));
    assert!(!reached(&c, STV, "IV"));
    // Two of the named criteria count: reached.
    met(&mut b, &["IV.3"]);
    let c = compare(instruments(), &a, &b).unwrap();
    assert!(reached(&c, STV, "IV"));
}
