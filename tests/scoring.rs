//! One test per scoring rule of PRODUCT.md, plus property tests. Expected figures are
//! worked out by hand in the comments.

use goudenoor::domain::instrument::{Condition, Criterion, Grid, Norm, Part, Points, Rule};
use goudenoor::domain::result::{Detail, build_for};
use goudenoor::domain::scoring::norm::{self, NotCounted, PartScore};
use goudenoor::domain::scoring::{Mean, Progress, grid};
use goudenoor::domain::validate;
use goudenoor::domain::{Answers, Instruments, ItemAnswers, ItemKind, Level, Status};
use proptest::prelude::*;

const STV: &str = "stv-kfm";
const GO: &str = "gouden-oor";

fn stv() -> &'static Norm {
    Instruments::embedded().get(STV).unwrap().norm().unwrap()
}

fn go() -> &'static Grid {
    Instruments::embedded().get(GO).unwrap().grid().unwrap()
}

fn with(statuses: &[(&str, Status)]) -> ItemAnswers {
    let mut answers = ItemAnswers::default();
    for (id, status) in statuses {
        answers.set_status(id, *status);
    }
    answers
}

fn with_met(ids: &[&str]) -> ItemAnswers {
    let pairs: Vec<(&str, Status)> = ids.iter().map(|id| (*id, Status::Met)).collect();
    with(&pairs)
}

fn score(part: &str, answers: &ItemAnswers) -> PartScore {
    norm::score_part(stv().part(part).unwrap(), stv().scale.min, answers)
}

fn part_score(part: &str, met: &[&str]) -> Option<u8> {
    score(part, &with_met(met)).score
}

fn not_counted_ids(score: &PartScore) -> Vec<&str> {
    score
        .not_counted
        .iter()
        .map(NotCounted::criterion)
        .collect()
}

fn with_levels(levels: &[(&str, u8)]) -> ItemAnswers {
    let mut answers = ItemAnswers::default();
    for (id, level) in levels {
        answers.set_level(id, Level::new(*level));
    }
    answers
}

// ---------------------------------------------------------------- stepwise

#[test]
fn stepwise_nothing_assessed_has_no_score() {
    let score = score("I", &ItemAnswers::default());
    assert_eq!(score.score, None);
    assert!(!score.provisional);
    assert_eq!(score.next, None);
    assert_eq!(score.explanation, "Nog niet beoordeeld");
}

#[test]
fn stepwise_level_two_missing_gives_one() {
    let score = score("I", &with(&[("I.2", Status::NotMet)]));
    assert_eq!(score.score, Some(1));
    assert_eq!(score.explanation, "Score 1 — voor 2 ontbreekt I.2");
}

#[test]
fn stepwise_score_is_highest_level_without_gap() {
    assert_eq!(part_score("I", &["I.2"]), Some(2));
    assert_eq!(part_score("I", &["I.2", "I.3"]), Some(3));
    assert_eq!(part_score("I", &["I.2", "I.3", "I.4"]), Some(4));
    assert_eq!(part_score("I", &["I.2", "I.3", "I.4", "I.5"]), Some(5));
}

#[test]
fn stepwise_criterion_above_a_gap_does_not_count() {
    let score = score("I", &with_met(&["I.2", "I.5"]));
    assert_eq!(score.score, Some(2));
    assert_eq!(score.not_counted.len(), 1);
    assert_eq!(
        score.not_counted[0].message(),
        "I.5 is aangevinkt, maar 3 niet: telt niet mee"
    );
}

#[test]
fn stepwise_gap_at_level_two_lists_every_higher_met_criterion() {
    let score = score("I", &with_met(&["I.3", "I.4"]));
    assert_eq!(score.score, Some(1));
    assert_eq!(not_counted_ids(&score), ["I.3", "I.4"]);
}

#[test]
fn stepwise_full_score_has_no_next_step() {
    let score = score("I", &with_met(&["I.2", "I.3", "I.4", "I.5"]));
    assert_eq!(score.next, None);
    assert!(!score.provisional);
    assert_eq!(score.explanation, "Score 5 — alle niveaus gelden");
}

#[test]
fn stepwise_partly_assessed_score_is_provisional() {
    // I.2 met, I.3–I.5 open: the worst completion gives 2, the best 5.
    let score = score("I", &with_met(&["I.2"]));
    assert!(score.provisional);
    assert_eq!(score.progress, Progress { done: 1, total: 4 });
}

// ---------------------------------------------------------------- part II

#[test]
fn part_two_a_or_b_gives_four() {
    assert_eq!(part_score("II", &["II.2", "II.3", "II.A"]), Some(4));
    assert_eq!(part_score("II", &["II.2", "II.3", "II.B"]), Some(4));
}

#[test]
fn part_two_a_and_b_give_five() {
    assert_eq!(part_score("II", &["II.2", "II.3", "II.A", "II.B"]), Some(5));
}

#[test]
fn part_two_explains_the_missing_a_or_b() {
    let score2 = score("II", &with_met(&["II.2", "II.3"]));
    assert_eq!(
        score2.explanation,
        "Score 3 — voor 4 ontbreekt II.A of II.B"
    );
    let score2 = score("II", &with_met(&["II.2", "II.3", "II.A"]));
    assert_eq!(score2.explanation, "Score 4 — voor 5 ontbreekt II.B");
}

#[test]
fn part_two_a_above_a_gap_does_not_count() {
    let score = score("II", &with_met(&["II.2", "II.A", "II.B"]));
    assert_eq!(score.score, Some(2));
    assert_eq!(not_counted_ids(&score), ["II.A", "II.B"]);
}

// ---------------------------------------------------------------- part III

#[test]
fn part_three_needs_both_3a_and_3b_for_three() {
    assert_eq!(part_score("III", &["III.2", "III.3a"]), Some(2));
    assert_eq!(part_score("III", &["III.2", "III.3b"]), Some(2));
    assert_eq!(part_score("III", &["III.2", "III.3a", "III.3b"]), Some(3));
    let score = score("III", &with_met(&["III.2", "III.3a"]));
    assert_eq!(score.explanation, "Score 2 — voor 3 ontbreekt III.3b");
}

#[test]
fn part_three_level_four_above_a_half_level_three_does_not_count() {
    // III.3a alone adds nothing either: level 3 needs III.3b with it.
    let score = score("III", &with_met(&["III.2", "III.3a", "III.4", "III.5"]));
    assert_eq!(score.score, Some(2));
    assert_eq!(not_counted_ids(&score), ["III.3a", "III.4", "III.5"]);
}

#[test]
fn part_next_step_needs_3a_and_3b_together() {
    // III.2 met, the rest open: neither III.3a nor III.3b alone raises the 2.
    let score = score("III", &with_met(&["III.2"]));
    let next = score.next.unwrap();
    assert_eq!(next.target, 3);
    assert_eq!(next.criteria, ["III.3a", "III.3b"]);
    assert!(next.together);
    assert_eq!(next.describe(), "III.3a en III.3b");
}

// ---------------------------------------------------------------- part IV

#[test]
fn part_four_1a_alone_gives_one_point() {
    // IV.1a +1, IV.2 +1 = 2.
    assert_eq!(part_score("IV", &["IV.1a", "IV.2"]), Some(2));
}

#[test]
fn part_four_1a_with_1b_gives_two_points() {
    assert_eq!(part_score("IV", &["IV.1a", "IV.1b"]), Some(2));
    assert_eq!(part_score("IV", &["IV.1a", "IV.1b", "IV.2"]), Some(3));
}

#[test]
fn part_four_1b_without_1a_gives_nothing() {
    // IV.2 +1, IV.3 +1 = 2; IV.1b alone adds nothing.
    assert_eq!(part_score("IV", &["IV.1b", "IV.2", "IV.3"]), Some(2));
}

#[test]
fn part_four_1b_without_1a_is_met_but_does_not_count() {
    // IV.1b only adds its point together with IV.1a: ticked alone it adds nothing, and
    // the part says so, as it does for a criterion above a gap.
    let score = score("IV", &with_met(&["IV.1b", "IV.2"]));
    assert_eq!(score.score, Some(1));
    assert_eq!(not_counted_ids(&score), ["IV.1b"]);
    assert_eq!(
        score.warnings(),
        ["IV.1b is aangevinkt, maar telt alleen mee samen met IV.1a"]
    );
    // With IV.1a it counts: no warning.
    let score = self::score("IV", &with_met(&["IV.1a", "IV.1b", "IV.2"]));
    assert_eq!(score.score, Some(3));
    assert!(score.not_counted.is_empty(), "{:?}", score.not_counted);
}

#[test]
fn part_four_1b_without_1a_shows_in_the_result_model() {
    let mut answers = Answers::default();
    *answers.of_mut(STV) = with_met(&["IV.1b", "IV.2"]);
    let result = build_for(Instruments::embedded(), &[STV.to_string()], &answers);
    let stv = result.get(STV).unwrap();
    assert!(
        stv.warnings
            .contains(&"IV: IV.1b is aangevinkt, maar telt alleen mee samen met IV.1a".to_string()),
        "{:?}",
        stv.warnings
    );
    let Detail::Norm(n) = &stv.detail else {
        panic!("a norm result")
    };
    let iv = n.parts.iter().find(|p| p.id == "IV").unwrap();
    assert!(
        iv.criteria
            .iter()
            .find(|c| c.id == "IV.1b")
            .unwrap()
            .not_counted
    );
    assert!(
        !iv.criteria
            .iter()
            .find(|c| c.id == "IV.2")
            .unwrap()
            .not_counted
    );
}

/// A small part of criteria `a`…`e` scored by `rule`.
fn small_part(rule: Rule) -> Part {
    Part {
        id: "X".into(),
        numeral: "X".into(),
        title: "Proef".into(),
        intro: String::new(),
        level_one: None,
        criteria: ["a", "b", "c", "d", "e"]
            .iter()
            .map(|id| Criterion {
                id: id.to_string(),
                heading: None,
                label: String::new(),
                short: id.to_string(),
                text: String::new(),
                measurement: None,
            })
            .collect(),
        rule,
    }
}

fn all(ids: &[&str]) -> Condition {
    Condition::All(ids.iter().map(|id| id.to_string()).collect())
}

#[test]
fn additive_criterion_without_its_partners_names_them_from_the_rule() {
    // a +1; b and c together +2; b and d together +1; e +1. b counts only with c or d.
    let part = small_part(Rule::Additive {
        points: vec![
            Points {
                points: 1,
                when: all(&["a"]),
            },
            Points {
                points: 2,
                when: all(&["b", "c"]),
            },
            Points {
                points: 1,
                when: all(&["b", "d"]),
            },
            Points {
                points: 1,
                when: all(&["e"]),
            },
        ],
        min: 1,
        max: 5,
    });
    let score = norm::score_part(&part, 1, &with_met(&["a", "b"]));
    assert_eq!(score.score, Some(1));
    assert_eq!(
        score.not_counted,
        [NotCounted::Partner {
            criterion: "b".into(),
            partners: vec![vec!["c".into()], vec!["d".into()]],
        }]
    );
    assert_eq!(
        score.warnings(),
        ["b is aangevinkt, maar telt alleen mee samen met c, of samen met d"]
    );
    // With d, b counts (b and d +1): no warning, though b and c still fails.
    let score = norm::score_part(&part, 1, &with_met(&["a", "b", "d"]));
    assert_eq!(score.score, Some(2));
    assert!(score.not_counted.is_empty(), "{:?}", score.not_counted);
    // c alone is in one condition only: it lacks b. a and e stand alone and count.
    let score = norm::score_part(&part, 1, &with_met(&["a", "c", "e"]));
    assert_eq!(score.score, Some(2));
    assert_eq!(
        score.warnings(),
        ["c is aangevinkt, maar telt alleen mee samen met b"]
    );
}

#[test]
fn additive_condition_of_three_names_only_the_partners_missing() {
    // a, b and c together +2: with a and b met, both lack c alone.
    let part = small_part(Rule::Additive {
        points: vec![
            Points {
                points: 2,
                when: all(&["a", "b", "c"]),
            },
            Points {
                points: 1,
                when: all(&["d"]),
            },
        ],
        min: 1,
        max: 5,
    });
    let score = norm::score_part(&part, 1, &with_met(&["a", "b", "d"]));
    assert_eq!(
        score.warnings(),
        [
            "a is aangevinkt, maar telt alleen mee samen met c",
            "b is aangevinkt, maar telt alleen mee samen met c",
        ]
    );
    // Not met is not "met but not counted".
    let score = norm::score_part(&part, 1, &with(&[("a", Status::NotMet)]));
    assert!(score.not_counted.is_empty(), "{:?}", score.not_counted);
}

#[test]
fn stepwise_half_of_a_two_criterion_level_does_not_count() {
    // III.3a and III.3b make level 3 together: III.3a alone adds nothing to the 2.
    let score = score("III", &with_met(&["III.2", "III.3a"]));
    assert_eq!(score.score, Some(2));
    assert_eq!(
        score.warnings(),
        ["III.3a is aangevinkt, maar telt alleen mee samen met III.3b"]
    );
    // II.A alone makes level 4 (A or B): it counts, though level 5 needs B too.
    let score = self::score("II", &with_met(&["II.2", "II.3", "II.A"]));
    assert_eq!(score.score, Some(4));
    assert!(score.not_counted.is_empty(), "{:?}", score.not_counted);
}

#[test]
fn part_four_floor_is_one() {
    let score = score("IV", &with(&[("IV.2", Status::NotMet)]));
    assert_eq!(score.score, Some(1));
    assert!(
        score.explanation.contains("geen punten"),
        "{}",
        score.explanation
    );
}

#[test]
fn part_four_at_the_floor_still_names_a_next_step() {
    // Nothing counts: sum 0, score 1 (the floor). One point alone gives 1, so two points
    // are needed: the step names how many, and every criterion that adds one — open ones
    // first (IV.1a, IV.3, IV.4), then the one said not met (IV.2). IV.1b adds nothing
    // without IV.1a, so it is not named.
    let score = score("IV", &with(&[("IV.2", Status::NotMet)]));
    let next = score.next.expect("a next step below the top");
    assert_eq!(next.target, 2);
    assert_eq!(next.points, 2);
    assert!(!next.together);
    assert_eq!(next.criteria, ["IV.1a", "IV.3", "IV.4", "IV.2"]);
    assert_eq!(
        score.explanation,
        "Score 1 — geen punten, ten minste 1; voor 2 ontbreken 2 punten uit IV.1a, IV.3, IV.4, IV.2"
    );
    // Any two of them raise the score to 2.
    let mut answers = with(&[("IV.2", Status::NotMet)]);
    for id in &next.criteria[2..] {
        answers.set_status(id, Status::Met);
    }
    answers.set_number("IV.4.pct", Some(95.0));
    assert_eq!(self::score("IV", &answers).score, Some(2));
}

#[test]
fn part_four_cap_is_five() {
    // 1 + 1 + 1 + 1 + 1 = 5 (IV.4 without a measurement counts, provisionally).
    assert_eq!(
        part_score("IV", &["IV.1a", "IV.1b", "IV.2", "IV.3", "IV.4"]),
        Some(5)
    );
}

#[test]
fn part_four_explains_its_sum_and_next_point() {
    // IV.1a +1, IV.3 +1 = 2; open raisers in order: IV.1b (+1 with 1a), IV.2, IV.4.
    let score = score("IV", &with_met(&["IV.1a", "IV.3"]));
    assert_eq!(
        score.explanation,
        "Score 2 — IV.1a +1, IV.3 +1 = 2; voor 3 ontbreekt IV.1b of IV.2 of IV.4"
    );
}

// ---------------------------------------------------------------- measurements (rule 1)

fn iv_with_measurement(met: &[&str], pct: Option<f64>) -> ItemAnswers {
    let mut answers = with_met(met);
    answers.set_number("IV.4.pct", pct);
    answers
}

#[test]
fn iv4_met_with_a_failing_measurement_does_not_count() {
    // IV.2 +1, IV.3 +1, IV.4 ticked but 85% < 90%: it does not count, 2 instead of 3.
    let score = score(
        "IV",
        &iv_with_measurement(&["IV.2", "IV.3", "IV.4"], Some(85.0)),
    );
    assert_eq!(score.score, Some(2));
    assert_eq!(not_counted_ids(&score), ["IV.4"]);
    assert_eq!(
        score.warnings(),
        ["IV.4 telt niet mee: gemeten 85%, ten minste 90% nodig"]
    );
    assert!(score.missing_measurements.is_empty());
}

#[test]
fn iv4_met_with_a_passing_measurement_counts_without_warning() {
    // IV.2 +1, IV.3 +1, IV.4 +1 = 3; exactly 90% reaches "ten minste 90%".
    let score = score(
        "IV",
        &iv_with_measurement(&["IV.2", "IV.3", "IV.4"], Some(90.0)),
    );
    assert_eq!(score.score, Some(3));
    assert!(score.warnings().is_empty(), "{:?}", score.warnings());
    assert!(score.not_counted.is_empty());
}

#[test]
fn iv4_met_without_measurement_counts_provisionally() {
    // IV.1a, IV.1b, IV.2, IV.3 decided (4 points), IV.4 met without a measurement:
    // counts now (5), but a measurement under 90% would make it 4: provisional.
    let score = score(
        "IV",
        &iv_with_measurement(&["IV.1a", "IV.1b", "IV.2", "IV.3", "IV.4"], None),
    );
    assert_eq!(score.score, Some(5));
    assert!(score.provisional);
    assert_eq!(score.missing_measurements, ["IV.4"]);
    assert_eq!(
        score.warnings(),
        ["IV.4: meting ontbreekt; de score is voorlopig"]
    );
}

#[test]
fn iv4_failing_measurement_shows_in_the_result_model() {
    let mut answers = Answers::default();
    *answers.of_mut(STV) = iv_with_measurement(&["IV.2", "IV.3", "IV.4"], Some(85.0));
    let result = build_for(Instruments::embedded(), &[STV.to_string()], &answers);
    let stv = result.get(STV).unwrap();
    assert!(
        stv.warnings
            .contains(&"IV: IV.4 telt niet mee: gemeten 85%, ten minste 90% nodig".to_string()),
        "{:?}",
        stv.warnings
    );
    let Detail::Norm(n) = &stv.detail else {
        panic!("a norm result")
    };
    let iv = n.parts.iter().find(|p| p.id == "IV").unwrap();
    assert_eq!(iv.score, Some(2));
    let iv4 = iv.criteria.iter().find(|c| c.id == "IV.4").unwrap();
    assert!(iv4.not_counted);
    let m = &n.measurements[0];
    assert_eq!(
        (m.id.as_str(), m.display.as_str(), m.met),
        ("IV.4.pct", "85%", Some(false))
    );
}

#[test]
fn open_iv4_with_a_failing_measurement_is_decided_not_open() {
    // IV.1a, IV.1b, IV.2, IV.3 met (4), IV.4 open but measured 80%: ticking it cannot
    // make it count, so 4 is final.
    let score = score(
        "IV",
        &iv_with_measurement(&["IV.1a", "IV.1b", "IV.2", "IV.3"], Some(80.0)),
    );
    assert_eq!(score.score, Some(4));
    assert!(!score.provisional);
}

// ---------------------------------------------------------------- provisional (rule 3)

#[test]
fn open_item_that_cannot_change_the_score_is_not_provisional() {
    // I.2, I.3 met, I.4 not met, I.5 open: I.5 lies above the gap at 4, so 3 is final.
    let answers = with(&[
        ("I.2", Status::Met),
        ("I.3", Status::Met),
        ("I.4", Status::NotMet),
    ]);
    let score = score("I", &answers);
    assert_eq!(score.score, Some(3));
    assert!(!score.provisional);
}

#[test]
fn open_item_that_can_change_the_score_is_provisional() {
    // I.2, I.3 met, I.4 open: meeting I.4 gives 4.
    let score = score("I", &with_met(&["I.2", "I.3"]));
    assert_eq!(score.score, Some(3));
    assert!(score.provisional);
}

#[test]
fn total_with_a_provisional_part_is_provisional() {
    // I 2 (I.3 open: provisional), II 3, III 3, IV 1, all else decided.
    let mut answers = with(&[
        ("I.2", Status::Met),
        ("I.4", Status::NotMet),
        ("I.5", Status::NotMet),
    ]);
    for (id, status) in [
        ("II.2", Status::Met),
        ("II.3", Status::Met),
        ("II.A", Status::NotMet),
        ("II.B", Status::NotMet),
        ("III.2", Status::Met),
        ("III.3a", Status::Met),
        ("III.3b", Status::Met),
        ("III.4", Status::NotMet),
        ("III.5", Status::NotMet),
        ("IV.1a", Status::NotMet),
        ("IV.1b", Status::NotMet),
        ("IV.2", Status::NotMet),
        ("IV.3", Status::NotMet),
        ("IV.4", Status::NotMet),
    ] {
        answers.set_status(id, status);
    }
    let summary = norm::summary(stv(), &answers);
    let provisional: Vec<bool> = summary.parts.iter().map(|p| p.provisional).collect();
    assert_eq!(provisional, [true, false, false, false]);
    assert!(summary.provisional);
    // (2 + 3 + 3 + 1) / 4 = 2,25 → "2,3".
    assert_eq!(summary.total.unwrap().display(), "2,3");
    let mut all = Answers::default();
    *all.of_mut(STV) = answers.clone();
    let result = build_for(Instruments::embedded(), &[STV.to_string()], &all);
    let r = result.get(STV).unwrap();
    assert!(r.provisional);
    assert!(
        r.verdict_in_full()
            .ends_with("Voorlopig: er staat nog iets open."),
        "{}",
        r.verdict_in_full()
    );
    // Deciding I.3 makes every part final, and the total with it.
    answers.set_status("I.3", Status::NotMet);
    let summary = norm::summary(stv(), &answers);
    assert!(!summary.provisional);
}

#[test]
fn next_step_names_every_raiser_open_ones_first() {
    // IV.2 +1, IV.4 +1 (95%) = 2. IV.1b not met, IV.1a and IV.3 open: each of those two
    // alone makes 3; IV.1b alone adds nothing.
    let mut answers = iv_with_measurement(&["IV.2", "IV.4"], Some(95.0));
    answers.set_status("IV.1b", Status::NotMet);
    let score = score("IV", &answers);
    assert_eq!(score.score, Some(2));
    let next = score.next.clone().unwrap();
    assert_eq!(next.describe(), "IV.1a of IV.3");
    assert!(
        score
            .explanation
            .ends_with("voor 3 ontbreekt IV.1a of IV.3"),
        "{}",
        score.explanation
    );
    // With IV.1a decided not met and IV.3 open, the open IV.3 comes first.
    answers.set_status("IV.1a", Status::NotMet);
    let next = self::score("IV", &answers).next.unwrap();
    assert_eq!(next.criteria, ["IV.3", "IV.1a"]);
    assert!(!next.together);
}

#[test]
fn next_step_line_in_the_result_names_the_criteria() {
    let mut answers = Answers::default();
    *answers.of_mut(STV) = iv_with_measurement(&["IV.2", "IV.4"], Some(95.0));
    let result = build_for(Instruments::embedded(), &[STV.to_string()], &answers);
    let Detail::Norm(n) = &result.get(STV).unwrap().detail else {
        panic!("a norm result")
    };
    let iv = n.parts.iter().find(|p| p.id == "IV").unwrap();
    let line = iv.next_step.as_deref().unwrap();
    assert!(line.starts_with("voor 3: IV.1a "), "{line}");
    assert!(line.contains(" of IV.3 "), "{line}");
}

// ---------------------------------------------------------------- total

fn total_of(met: &[&str]) -> Option<Mean> {
    norm::summary(stv(), &with_met(met)).total
}

#[test]
fn total_is_unrounded_mean_displayed_half_up_3_25() {
    // I = 4, II = 3, III = 3, IV = 3 → 13 / 4 = 3,25 → "3,3"
    let total = total_of(&[
        "I.2", "I.3", "I.4", "II.2", "II.3", "III.2", "III.3a", "III.3b", "IV.1a", "IV.1b", "IV.2",
    ])
    .unwrap();
    assert_eq!(total.value(), 3.25);
    assert_eq!(total.display(), "3,3");
}

#[test]
fn total_rounding_of_2_75() {
    // I = 3, II = 3, III = 3, IV = 2 → 11 / 4 = 2,75 → "2,8"
    let total = total_of(&[
        "I.2", "I.3", "II.2", "II.3", "III.2", "III.3a", "III.3b", "IV.1a", "IV.1b",
    ])
    .unwrap();
    assert_eq!(total.value(), 2.75);
    assert_eq!(total.display(), "2,8");
}

#[test]
fn total_needs_every_part_scored() {
    assert_eq!(total_of(&["I.2", "II.2", "III.2"]), None);
    assert!(total_of(&["I.2", "II.2", "III.2", "IV.2"]).is_some());
}

#[test]
fn total_with_nothing_answered_is_absent() {
    let summary = norm::summary(stv(), &ItemAnswers::default());
    assert_eq!(summary.total, None);
    assert!(!summary.provisional);
    assert!(summary.parts.iter().all(|p| p.score.is_none()));
}

#[test]
fn verdict_three_is_sufficient() {
    assert_eq!(
        norm::verdict(Mean::of([3, 3, 3, 3]).unwrap(), 3),
        "voldoende"
    );
    // 11 / 4 = 2,75 < 3, even though it shows as 2,8.
    assert_eq!(
        norm::verdict(Mean::of([3, 3, 3, 2]).unwrap(), 3),
        "onder voldoende"
    );
}

#[test]
fn mean_display_uses_decimal_comma() {
    assert_eq!(Mean::of([3, 3, 3, 3]).unwrap().display(), "3,0");
    assert_eq!(Mean::of([1, 2]).unwrap().display(), "1,5");
    assert_eq!(Mean::of([1, 1, 2]).unwrap().display(), "1,3");
    assert_eq!(Mean::of([2, 2, 3]).unwrap().display(), "2,3");
    assert_eq!(Mean::of(std::iter::empty()), None);
}

#[test]
fn mean_change_is_exact_then_rounded_half_up() {
    // 7/3 = 2,333… → 23/9 = 2,555…: +0,222… → "+0,2" (rounded first: 2,3 → 2,6 = 0,3).
    let before = Mean::of([2, 2, 3]).unwrap();
    let after = Mean::of([3, 3, 3, 3, 3, 2, 2, 2, 2]).unwrap();
    assert_eq!(after.change_from(before), "+0,2");
    // 2,75 → 3,5: +0,75 → "+0,8" (half up; rounded first: 2,8 → 3,5 = 0,7).
    let before = Mean::of([3, 3, 3, 2]).unwrap();
    let after = Mean::of([4, 4, 3, 3]).unwrap();
    assert_eq!(after.change_from(before), "+0,8");
    // Down by 0,75 → "−0,8" (away from zero); no change → "0,0".
    assert_eq!(before.change_from(after), "−0,8");
    assert_eq!(before.change_from(before), "0,0");
    assert_eq!(after.direction(before), std::cmp::Ordering::Greater);
}

// ---------------------------------------------------------------- Gouden Oor

#[test]
fn gouden_oor_nothing_answered_has_no_mean() {
    let summary = grid::summary(go(), &ItemAnswers::default());
    assert_eq!(summary.mean, None);
    assert_eq!(summary.level, None);
    assert_eq!(summary.progress, Progress { done: 0, total: 9 });
}

#[test]
fn gouden_oor_mean_of_answered_shifts_only() {
    let summary = grid::summary(go(), &with_levels(&[("go1", 2), ("go2", 3)]));
    assert_eq!(summary.mean.unwrap().display(), "2,5");
    assert_eq!(summary.progress.done, 2);
}

#[test]
fn gouden_oor_overall_level_is_mean_rounded_down() {
    // 3 + 3 + 2 + 3 + 2 = 13 / 5 = 2,6 → goed
    let answers = with_levels(&[("go1", 3), ("go2", 3), ("go3", 2), ("go4", 3), ("go5", 2)]);
    let summary = grid::summary(go(), &answers);
    assert_eq!(summary.mean.unwrap().display(), "2,6");
    assert_eq!(summary.level, Level::new(2));
    assert_eq!(go().level_name(summary.level.unwrap()), "goed");
}

#[test]
fn gouden_oor_counts_shifts_per_level() {
    let answers = with_levels(&[("go1", 1), ("go2", 4), ("go3", 4), ("go4", 2)]);
    assert_eq!(grid::summary(go(), &answers).counts, [1, 1, 0, 2]);
}

#[test]
fn gouden_oor_gaps_furthest_from_ambition_first() {
    let mut answers = with_levels(&[("go1", 1), ("go2", 2), ("go3", 3)]);
    answers.set_ambition("go1", Level::new(2));
    answers.set_ambition("go2", Level::new(4));
    answers.set_ambition("go3", Level::new(3));
    let gaps = grid::summary(go(), &answers).gaps;
    let ids: Vec<(&str, u8)> = gaps.iter().map(|g| (g.item.as_str(), g.gap)).collect();
    assert_eq!(ids, [("go2", 2), ("go1", 1)]);
}

#[test]
fn ambition_below_current_is_marked_and_not_a_gap() {
    // go1 at prima (3) aiming for goed (2): allowed, marked, not a gap; go2 1 → 2 is.
    let mut answers = with_levels(&[("go1", 3), ("go2", 1)]);
    answers.set_ambition("go1", Level::new(2));
    answers.set_ambition("go2", Level::new(2));
    let summary = grid::summary(go(), &answers);
    assert_eq!(summary.below_current, ["go1"]);
    let gaps: Vec<&str> = summary.gaps.iter().map(|g| g.item.as_str()).collect();
    assert_eq!(gaps, ["go2"]);
    let mut all = Answers::default();
    *all.of_mut(GO) = answers;
    let result = build_for(Instruments::embedded(), &[GO.to_string()], &all);
    let r = result.get(GO).unwrap();
    assert_eq!(r.warnings, ["1 Feedback: doel lager dan huidig"]);
    // Its next step carries no gap to the ambition: go2's (gap 1) comes first.
    let steps: Vec<(&str, u8)> = r
        .next_steps
        .iter()
        .map(|s| (s.item.as_str(), s.gap))
        .collect();
    assert_eq!(steps, [("go2", 1), ("go1", 0)]);
}

#[test]
fn shift_next_step_is_statement_of_level_above() {
    let answers = with_levels(&[("go1", 2), ("go2", 4)]);
    let steps = grid::next_steps(go(), &answers);
    assert_eq!(steps.len(), 1, "goud has no next step");
    assert_eq!(steps[0].item, "go1");
    assert_eq!(steps[0].next, Level::new(3).unwrap());
    assert_eq!(steps[0].statement, go().item("go1").unwrap().statements[2]);
}

#[test]
fn shift_next_steps_ordered_by_gap_to_ambition() {
    let mut answers = with_levels(&[("go1", 2), ("go2", 1), ("go3", 1)]);
    answers.set_ambition("go3", Level::new(4));
    answers.set_ambition("go1", Level::new(3));
    let order: Vec<String> = grid::next_steps(go(), &answers)
        .into_iter()
        .map(|s| s.item)
        .collect();
    assert_eq!(order, ["go3", "go1", "go2"]);
}

#[test]
fn rule_text_names_the_special_rules() {
    assert!(
        stv()
            .part("II")
            .unwrap()
            .rule_text()
            .contains("II.A of II.B")
    );
    assert!(
        stv()
            .part("III")
            .unwrap()
            .rule_text()
            .contains("III.3a en III.3b")
    );
    let iv = stv().part("IV").unwrap().rule_text();
    assert!(iv.starts_with("Optelsom"), "{iv}");
    assert!(
        iv.contains("IV.4 telt alleen mee als de meting ten minste 90% haalt"),
        "{iv}"
    );
}

#[test]
fn level_outside_the_grid_is_refused() {
    assert_eq!(Level::new(0), None);
    assert!(Level::try_from(0).is_err());
    let kind = ItemKind::Level { levels: 4 };
    let answer = |v: u8| goudenoor::domain::Answer::Scale {
        value: Level::new(v),
        ambition: None,
        note: String::new(),
    };
    assert!(validate::answer(kind, &answer(4)).is_ok());
    let err = validate::answer(kind, &answer(5)).unwrap_err();
    assert_eq!(err, "niveau 5 bestaat niet (1 tot en met 4)");
}

// ---------------------------------------------------------------- properties

fn criterion_ids() -> Vec<String> {
    stv().criteria().map(|(_, c)| c.id.clone()).collect()
}

fn status_of(s: u8) -> Status {
    match s % 3 {
        0 => Status::Open,
        1 => Status::Met,
        _ => Status::NotMet,
    }
}

/// Statuses for the 18 criteria, and the IV.4 measurement: none, or a percentage.
fn answers_from(statuses: &[u8], pct: Option<u8>) -> ItemAnswers {
    let mut answers = ItemAnswers::default();
    for (id, s) in criterion_ids().iter().zip(statuses) {
        answers.set_status(id, status_of(*s));
    }
    answers.set_number("IV.4.pct", pct.map(f64::from));
    answers
}

/// The part's score for every way of deciding its open criteria and missing measurements.
fn completions(part: &goudenoor::domain::instrument::Part, answers: &ItemAnswers) -> Vec<u8> {
    let open: Vec<&str> = part
        .criteria
        .iter()
        .filter(|c| answers.status(&c.id) == Status::Open)
        .map(|c| c.id.as_str())
        .collect();
    let unmeasured: Vec<&str> = part
        .criteria
        .iter()
        .filter_map(|c| c.measurement.as_ref())
        .filter(|m| answers.number(&m.id).is_none())
        .map(|m| m.id.as_str())
        .collect();
    let mut scores = Vec::new();
    for bits in 0u32..(1 << open.len()) {
        for mbits in 0u32..(1 << unmeasured.len()) {
            let mut a = answers.clone();
            for (i, id) in open.iter().enumerate() {
                let status = if bits & (1 << i) != 0 {
                    Status::Met
                } else {
                    Status::NotMet
                };
                a.set_status(id, status);
            }
            for (i, id) in unmeasured.iter().enumerate() {
                // 95% reaches the 90% threshold, 50% misses it.
                let value = if mbits & (1 << i) != 0 { 95.0 } else { 50.0 };
                a.set_number(id, Some(value));
            }
            if let Some(s) = norm::score_part(part, stv().scale.min, &a).score {
                scores.push(s);
            }
        }
    }
    scores
}

proptest! {
    #[test]
    fn meeting_one_more_criterion_never_lowers_a_score(
        statuses in proptest::collection::vec(0u8..3, 18),
        pct in proptest::option::of(0u8..=100),
        extra in 0usize..18,
    ) {
        let before = answers_from(&statuses, pct);
        let mut after = before.clone();
        after.set_status(&criterion_ids()[extra], Status::Met);
        for part in &stv().parts {
            let b = norm::score_part(part, 1, &before).score.unwrap_or(1);
            let a = norm::score_part(part, 1, &after).score.unwrap_or(1);
            prop_assert!(a >= b, "part {} fell from {} to {}", part.id, b, a);
        }
    }

    #[test]
    fn every_score_stays_within_the_scale(
        statuses in proptest::collection::vec(0u8..3, 18),
        pct in proptest::option::of(0u8..=100),
    ) {
        let answers = answers_from(&statuses, pct);
        for part in &stv().parts {
            if let Some(score) = norm::score_part(part, 1, &answers).score {
                prop_assert!((stv().scale.min..=stv().scale.max).contains(&score));
            }
        }
    }

    #[test]
    fn total_lies_between_lowest_and_highest_part(
        statuses in proptest::collection::vec(0u8..3, 18),
        pct in proptest::option::of(0u8..=100),
    ) {
        let summary = norm::summary(stv(), &answers_from(&statuses, pct));
        if let Some(total) = summary.total {
            let scores: Vec<u8> = summary.parts.iter().filter_map(|p| p.score).collect();
            let low = f64::from(*scores.iter().min().unwrap());
            let high = f64::from(*scores.iter().max().unwrap());
            prop_assert!(low <= total.value() && total.value() <= high);
        }
        prop_assert_eq!(summary.provisional, summary.parts.iter().any(|p| p.provisional));
    }

    #[test]
    fn provisional_is_exact(
        statuses in proptest::collection::vec(0u8..3, 18),
        pct in proptest::option::of(0u8..=100),
    ) {
        // The score lies between the worst and the best completion of the open items,
        // and it is provisional exactly when those differ.
        let answers = answers_from(&statuses, pct);
        for part in &stv().parts {
            let score = norm::score_part(part, 1, &answers);
            let Some(now) = score.score else { continue };
            let all = completions(part, &answers);
            let (worst, best) = (*all.iter().min().unwrap(), *all.iter().max().unwrap());
            prop_assert!(worst <= now && now <= best, "part {}: {} not in {}..={}", part.id, now, worst, best);
            prop_assert_eq!(score.provisional, worst != best, "part {}", &part.id);
        }
    }

    #[test]
    fn a_next_step_always_names_what_raises_the_score(
        statuses in proptest::collection::vec(0u8..3, 18),
        pct in proptest::option::of(0u8..=100),
    ) {
        // Meeting (with a passing measurement) every criterion the step needs, or any one
        // of an "of" list, reaches the step's target.
        let answers = answers_from(&statuses, pct);
        for part in &stv().parts {
            let score = norm::score_part(part, 1, &answers);
            let Some(next) = score.next else { continue };
            prop_assert!(!next.criteria.is_empty(), "part {}: empty next step", &part.id);
            let groups: Vec<Vec<String>> = if next.together {
                vec![next.criteria.clone()]
            } else if next.points > 1 {
                // Below an additive floor: any `points` of them; try the first ones.
                vec![next.criteria.iter().take(usize::from(next.points)).cloned().collect()]
            } else {
                next.criteria.iter().map(|c| vec![c.clone()]).collect()
            };
            for group in groups {
                let mut a = answers.clone();
                for id in &group {
                    a.set_status(id, Status::Met);
                    if id == "IV.4" {
                        a.set_number("IV.4.pct", Some(95.0));
                    }
                }
                let raised = norm::score_part(part, 1, &a).score.unwrap();
                prop_assert!(raised >= next.target, "part {}: {:?} gives {}", &part.id, group, raised);
            }
            // Complete: every criterion that alone would raise the score (met, with a
            // measurement that reaches its threshold) is named, open ones first.
            let now = score.score.unwrap();
            let mut raisers = Vec::new();
            for c in &part.criteria {
                let mut a = answers.clone();
                a.set_status(&c.id, Status::Met);
                if let Some(m) = &c.measurement {
                    a.set_number(&m.id, Some(95.0));
                }
                if norm::score_part(part, 1, &a).score.unwrap() > now {
                    raisers.push(c.id.clone());
                }
            }
            if !next.together && next.points <= 1 {
                let mut named = next.criteria.clone();
                named.sort();
                raisers.sort();
                prop_assert_eq!(named, raisers, "part {}", &part.id);
                // Open: not ticked, and no measurement that already rules it out.
                let undecided = |id: &String| {
                    let c = part.criterion(id).unwrap();
                    let ruled_out = c.measurement.as_ref().is_some_and(|m| {
                        answers.number(&m.id).is_some_and(|v| !m.threshold.is_met(v))
                    });
                    answers.status(id) == Status::Open && !ruled_out
                };
                let open: Vec<bool> = next.criteria.iter().map(undecided).collect();
                prop_assert!(open.windows(2).all(|w| w[0] || !w[1]), "open first in part {}: {:?}", &part.id, &next.criteria);
            } else {
                prop_assert!(raisers.is_empty(), "part {}: {:?} raise it alone", &part.id, raisers);
            }
        }
    }

    #[test]
    fn gouden_oor_level_never_exceeds_mean(levels in proptest::collection::vec(0u8..5, 9)) {
        let mut answers = ItemAnswers::default();
        for (item, level) in go().items.iter().zip(&levels) {
            answers.set_level(&item.id, Level::new(*level));
        }
        let summary = grid::summary(go(), &answers);
        if let (Some(mean), Some(level)) = (summary.mean, summary.level) {
            prop_assert!(f64::from(level.value()) <= mean.value());
            prop_assert!(mean.value() < f64::from(level.value()) + 1.0);
        }
    }

    #[test]
    fn display_rounding_matches_half_up(values in proptest::collection::vec(1u32..=5, 1..20)) {
        let mean = Mean::of(values.iter().copied()).unwrap();
        let exact = mean.value() * 10.0;
        let tenths = mean.tenths();
        prop_assert!(f64::from(tenths) - exact <= 0.5 + 1e-9);
        prop_assert!(exact - f64::from(tenths) < 0.5 + 1e-9);
    }
}
