//! One test per scoring rule of PRODUCT.md, plus property tests.

use goudenoor::domain::*;
use proptest::prelude::*;

fn stv() -> &'static NormFramework {
    &Instruments::embedded().stv
}

fn go() -> &'static MaturityCheck {
    &Instruments::embedded().gouden_oor
}

fn with_met(ids: &[&str]) -> Answers {
    let mut answers = Answers::default();
    for id in ids {
        answers.edit_criterion(id, |a| a.status = Status::Met);
    }
    answers
}

fn part_score(part: &str, met: &[&str]) -> Option<u8> {
    score_part(stv().part(part).unwrap(), &with_met(met)).score
}

fn with_levels(levels: &[(&str, u8)]) -> Answers {
    let mut answers = Answers::default();
    for (id, level) in levels {
        answers.edit_shift(id, |a| a.level = Level::new(*level));
    }
    answers
}

// ---------------------------------------------------------------- stepwise

#[test]
fn stepwise_nothing_assessed_has_no_score() {
    let score = score_part(stv().part("I").unwrap(), &Answers::default());
    assert_eq!(score.score, None);
    assert_eq!(score.explanation, "Nog niet beoordeeld");
}

#[test]
fn stepwise_level_two_missing_gives_one() {
    let mut answers = Answers::default();
    answers.edit_criterion("I.2", |a| a.status = Status::NotMet);
    let score = score_part(stv().part("I").unwrap(), &answers);
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
    let score = score_part(stv().part("I").unwrap(), &with_met(&["I.2", "I.5"]));
    assert_eq!(score.score, Some(2));
    assert_eq!(score.not_counted.len(), 1);
    assert_eq!(
        score.not_counted[0].message(),
        "I.5 is aangevinkt, maar 3 niet: telt niet mee"
    );
}

#[test]
fn stepwise_gap_at_level_two_lists_every_higher_met_criterion() {
    let score = score_part(stv().part("I").unwrap(), &with_met(&["I.3", "I.4"]));
    assert_eq!(score.score, Some(1));
    let ids: Vec<&str> = score
        .not_counted
        .iter()
        .map(|n| n.criterion.as_str())
        .collect();
    assert_eq!(ids, ["I.3", "I.4"]);
}

#[test]
fn stepwise_full_score_has_no_next_step() {
    let score = score_part(
        stv().part("I").unwrap(),
        &with_met(&["I.2", "I.3", "I.4", "I.5"]),
    );
    assert_eq!(score.next, None);
    assert_eq!(score.explanation, "Score 5 — alle niveaus gelden");
}

#[test]
fn stepwise_partly_assessed_score_is_provisional() {
    let score = score_part(stv().part("I").unwrap(), &with_met(&["I.2"]));
    assert!(score.is_provisional());
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
    let score = score_part(stv().part("II").unwrap(), &with_met(&["II.2", "II.3"]));
    assert_eq!(score.explanation, "Score 3 — voor 4 ontbreekt II.A of II.B");
    let score = score_part(
        stv().part("II").unwrap(),
        &with_met(&["II.2", "II.3", "II.A"]),
    );
    assert_eq!(score.explanation, "Score 4 — voor 5 ontbreekt II.B");
}

#[test]
fn part_two_a_above_a_gap_does_not_count() {
    let score = score_part(
        stv().part("II").unwrap(),
        &with_met(&["II.2", "II.A", "II.B"]),
    );
    assert_eq!(score.score, Some(2));
    let ids: Vec<&str> = score
        .not_counted
        .iter()
        .map(|n| n.criterion.as_str())
        .collect();
    assert_eq!(ids, ["II.A", "II.B"]);
}

// ---------------------------------------------------------------- part III

#[test]
fn part_three_needs_both_3a_and_3b_for_three() {
    assert_eq!(part_score("III", &["III.2", "III.3a"]), Some(2));
    assert_eq!(part_score("III", &["III.2", "III.3b"]), Some(2));
    assert_eq!(part_score("III", &["III.2", "III.3a", "III.3b"]), Some(3));
    let score = score_part(stv().part("III").unwrap(), &with_met(&["III.2", "III.3a"]));
    assert_eq!(score.explanation, "Score 2 — voor 3 ontbreekt III.3b");
}

#[test]
fn part_three_level_four_above_a_half_level_three_does_not_count() {
    let score = score_part(
        stv().part("III").unwrap(),
        &with_met(&["III.2", "III.3a", "III.4", "III.5"]),
    );
    assert_eq!(score.score, Some(2));
    let ids: Vec<&str> = score
        .not_counted
        .iter()
        .map(|n| n.criterion.as_str())
        .collect();
    assert_eq!(ids, ["III.4", "III.5"]);
}

// ---------------------------------------------------------------- part IV

#[test]
fn part_four_1a_alone_gives_one_point() {
    let score = score_part(stv().part("IV").unwrap(), &with_met(&["IV.1a", "IV.2"]));
    assert_eq!(score.score, Some(2));
}

#[test]
fn part_four_1a_with_1b_gives_two_points() {
    assert_eq!(part_score("IV", &["IV.1a", "IV.1b"]), Some(2));
    assert_eq!(part_score("IV", &["IV.1a", "IV.1b", "IV.2"]), Some(3));
}

#[test]
fn part_four_1b_without_1a_gives_nothing() {
    assert_eq!(part_score("IV", &["IV.1b", "IV.2", "IV.3"]), Some(2));
}

#[test]
fn part_four_floor_is_one() {
    let mut answers = Answers::default();
    answers.edit_criterion("IV.2", |a| a.status = Status::NotMet);
    let score = score_part(stv().part("IV").unwrap(), &answers);
    assert_eq!(score.score, Some(1));
    assert!(
        score.explanation.contains("geen punten"),
        "{}",
        score.explanation
    );
}

#[test]
fn part_four_cap_is_five() {
    assert_eq!(
        part_score("IV", &["IV.1a", "IV.1b", "IV.2", "IV.3", "IV.4"]),
        Some(5)
    );
}

#[test]
fn part_four_explains_its_sum_and_next_point() {
    let score = score_part(stv().part("IV").unwrap(), &with_met(&["IV.1a", "IV.3"]));
    assert_eq!(
        score.explanation,
        "Score 2 — IV.1a +1, IV.3 +1 = 2; voor 3 ontbreekt IV.1b"
    );
}

#[test]
fn iv4_below_ninety_percent_is_flagged() {
    let mut answers = with_met(&["IV.4"]);
    answers.response_pct = Some(85);
    let score = score_part(stv().part("IV").unwrap(), &answers);
    assert_eq!(score.warnings.len(), 1);
    assert!(score.warnings[0].contains("85%"));
    answers.response_pct = Some(90);
    assert!(
        score_part(stv().part("IV").unwrap(), &answers)
            .warnings
            .is_empty()
    );
}

// ---------------------------------------------------------------- total

fn total_of(met: &[&str]) -> Option<Mean> {
    stv_summary(stv(), &with_met(met)).total
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
    let summary = stv_summary(stv(), &Answers::default());
    assert_eq!(summary.total, None);
    assert!(summary.parts.iter().all(|p| p.score.is_none()));
}

#[test]
fn mean_display_uses_decimal_comma() {
    assert_eq!(Mean::of([3, 3, 3, 3]).unwrap().display(), "3,0");
    assert_eq!(Mean::of([1, 2]).unwrap().display(), "1,5");
    assert_eq!(Mean::of([1, 1, 2]).unwrap().display(), "1,3");
    assert_eq!(Mean::of([2, 2, 3]).unwrap().display(), "2,3");
    assert_eq!(Mean::of(std::iter::empty()), None);
}

// ---------------------------------------------------------------- Gouden Oor

#[test]
fn gouden_oor_nothing_answered_has_no_mean() {
    let summary = gouden_oor_summary(go(), &Answers::default());
    assert_eq!(summary.mean, None);
    assert_eq!(summary.level, None);
    assert_eq!(summary.answered, 0);
    assert_eq!(summary.total, 9);
}

#[test]
fn gouden_oor_mean_of_answered_shifts_only() {
    let summary = gouden_oor_summary(go(), &with_levels(&[("go1", 2), ("go2", 3)]));
    assert_eq!(summary.mean.unwrap().display(), "2,5");
    assert_eq!(summary.answered, 2);
}

#[test]
fn gouden_oor_overall_level_is_mean_rounded_down() {
    // 3 + 3 + 2 + 3 + 2 = 13 / 5 = 2,6 → goed
    let answers = with_levels(&[("go1", 3), ("go2", 3), ("go3", 2), ("go4", 3), ("go5", 2)]);
    let summary = gouden_oor_summary(go(), &answers);
    assert_eq!(summary.mean.unwrap().display(), "2,6");
    assert_eq!(summary.level, Level::new(2));
    assert_eq!(go().level_name(summary.level.unwrap()), "goed");
}

#[test]
fn gouden_oor_counts_shifts_per_level() {
    let answers = with_levels(&[("go1", 1), ("go2", 4), ("go3", 4), ("go4", 2)]);
    assert_eq!(gouden_oor_summary(go(), &answers).counts, [1, 1, 0, 2]);
}

#[test]
fn gouden_oor_gaps_furthest_from_ambition_first() {
    let mut answers = with_levels(&[("go1", 1), ("go2", 2), ("go3", 3)]);
    answers.edit_shift("go1", |a| a.ambition = Level::new(2));
    answers.edit_shift("go2", |a| a.ambition = Level::new(4));
    answers.edit_shift("go3", |a| a.ambition = Level::new(3));
    let gaps = gouden_oor_summary(go(), &answers).gaps;
    let ids: Vec<(&str, u8)> = gaps.iter().map(|g| (g.shift_id.as_str(), g.gap)).collect();
    assert_eq!(ids, [("go2", 2), ("go1", 1)]);
}

#[test]
fn shift_next_step_is_statement_of_level_above() {
    let answers = with_levels(&[("go1", 2), ("go2", 4)]);
    let steps = shift_next_steps(go(), &answers);
    assert_eq!(steps.len(), 1, "goud has no next step");
    assert_eq!(steps[0].shift_id, "go1");
    assert_eq!(steps[0].next, Level::new(3).unwrap());
    assert_eq!(steps[0].statement, go().shift("go1").unwrap().statements[2]);
}

#[test]
fn shift_next_steps_ordered_by_gap_to_ambition() {
    let mut answers = with_levels(&[("go1", 2), ("go2", 1), ("go3", 1)]);
    answers.edit_shift("go3", |a| a.ambition = Level::new(4));
    answers.edit_shift("go1", |a| a.ambition = Level::new(3));
    let order: Vec<String> = shift_next_steps(go(), &answers)
        .into_iter()
        .map(|s| s.shift_id)
        .collect();
    assert_eq!(order, ["go3", "go1", "go2"]);
}

#[test]
fn part_next_step_is_first_missing_criterion() {
    let score = score_part(stv().part("III").unwrap(), &with_met(&["III.2"]));
    let next = score.next.unwrap();
    assert_eq!(next.target, 3);
    assert_eq!(next.missing, ["III.3a", "III.3b"]);
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
    assert!(
        stv()
            .part("IV")
            .unwrap()
            .rule_text()
            .starts_with("Optelsom")
    );
}

#[test]
fn level_outside_one_to_four_is_refused() {
    assert_eq!(Level::new(0), None);
    assert_eq!(Level::new(5), None);
    assert!(Level::try_from(7).is_err());
}

// ---------------------------------------------------------------- properties

fn criterion_ids() -> Vec<String> {
    stv().criteria().map(|(_, c)| c.id.clone()).collect()
}

fn answers_from(statuses: &[u8]) -> Answers {
    let mut answers = Answers::default();
    for (id, s) in criterion_ids().iter().zip(statuses) {
        let status = match s % 3 {
            0 => Status::Open,
            1 => Status::Met,
            _ => Status::NotMet,
        };
        answers.edit_criterion(id, |a| a.status = status);
    }
    answers
}

proptest! {
    #[test]
    fn meeting_one_more_criterion_never_lowers_a_score(
        statuses in proptest::collection::vec(0u8..3, 18),
        extra in 0usize..18,
    ) {
        let before = answers_from(&statuses);
        let mut after = before.clone();
        after.edit_criterion(&criterion_ids()[extra], |a| a.status = Status::Met);
        for part in &stv().parts {
            let b = score_part(part, &before).score.unwrap_or(1);
            let a = score_part(part, &after).score.unwrap_or(1);
            prop_assert!(a >= b, "part {} fell from {} to {}", part.id, b, a);
        }
    }

    #[test]
    fn every_score_stays_within_one_to_five(statuses in proptest::collection::vec(0u8..3, 18)) {
        let answers = answers_from(&statuses);
        for part in &stv().parts {
            if let Some(score) = score_part(part, &answers).score {
                prop_assert!((1..=5).contains(&score));
            }
        }
    }

    #[test]
    fn total_lies_between_lowest_and_highest_part(statuses in proptest::collection::vec(0u8..3, 18)) {
        let summary = stv_summary(stv(), &answers_from(&statuses));
        if let Some(total) = summary.total {
            let scores: Vec<u8> = summary.parts.iter().filter_map(|p| p.score).collect();
            let low = f64::from(*scores.iter().min().unwrap());
            let high = f64::from(*scores.iter().max().unwrap());
            prop_assert!(low <= total.value() && total.value() <= high);
        }
    }

    #[test]
    fn gouden_oor_level_never_exceeds_mean(levels in proptest::collection::vec(0u8..5, 9)) {
        let mut answers = Answers::default();
        for (shift, level) in go().shifts.iter().zip(&levels) {
            answers.edit_shift(&shift.id, |a| a.level = Level::new(*level));
        }
        let summary = gouden_oor_summary(go(), &answers);
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
