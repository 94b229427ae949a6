//! The team's answers side by side: medians, ranges, disagreement, majorities, the
//! quorum, proposals, and agreed answers over proposals.

use goudenoor::domain::aggregate::*;
use goudenoor::domain::result::{Detail, build};
use goudenoor::domain::{
    Answer, Answers, Assessment, Instruments, Level, Respondent, Status, default_instruments,
};
use goudenoor::fixtures::fixed_time;
use proptest::prelude::*;

const GO: &str = "gouden-oor";
const STV: &str = "stv-kfm";

fn instruments() -> &'static Instruments {
    Instruments::embedded()
}

fn levels(values: &[u8]) -> Vec<Level> {
    values.iter().map(|v| Level::new(*v).unwrap()).collect()
}

fn respondent(i: usize, answers: Answers) -> Respondent {
    Respondent {
        name: format!("R{i}"),
        answers,
    }
}

/// One respondent per entry, each with (or without) a level for go1.
fn team(levels: &[Option<u8>]) -> Vec<Respondent> {
    levels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut answers = Answers::default();
            answers.of_mut(GO).set_level("go1", l.and_then(Level::new));
            respondent(i, answers)
        })
        .collect()
}

/// One respondent per entry, each with a status for I.2.
fn with_status(statuses: &[Status]) -> Vec<Respondent> {
    statuses
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut answers = Answers::default();
            answers.of_mut(STV).set_status("I.2", *s);
            respondent(i, answers)
        })
        .collect()
}

fn tally_of(statuses: &[Status]) -> Tally {
    tally(STV, "I.2", &with_status(statuses))
}

fn propose(respondents: &[Respondent]) -> Answers {
    proposal(instruments(), &default_instruments(), respondents)
}

#[test]
fn median_of_an_odd_count_is_the_middle() {
    assert_eq!(Median::of(&levels(&[4, 1, 2])).unwrap().display(), "2");
}

#[test]
fn median_of_an_even_count_is_the_mean_of_the_middle_two() {
    let m = Median::of(&levels(&[1, 2, 3, 4])).unwrap();
    assert_eq!(m.value(), 2.5);
    assert_eq!(m.display(), "2,5");
    assert_eq!(
        m.proposal(),
        Level::new(2).unwrap(),
        "a half is proposed rounded down"
    );
    assert_eq!(Median::of(&levels(&[2, 2, 3, 3])).unwrap().display(), "2,5");
    assert_eq!(Median::of(&levels(&[3, 3])).unwrap().display(), "3");
}

#[test]
fn median_of_nothing_is_none() {
    assert_eq!(Median::of(&[]), None);
}

#[test]
fn range_and_disagreement_mark() {
    let spread = scale_spread(GO, "go1", &team(&[Some(1), Some(3), None]));
    assert_eq!(spread.range(), 2);
    assert!(spread.disagrees());
    assert_eq!(spread.quorum.answered, 2);
    assert_eq!(spread.quorum.respondents, 3);
    let spread = scale_spread(GO, "go1", &team(&[Some(2), Some(3)]));
    assert_eq!(spread.range(), 1);
    assert!(!spread.disagrees());
    let spread = scale_spread(GO, "go1", &team(&[None, None]));
    assert_eq!(spread.range(), 0);
    assert_eq!(spread.median, None);
    assert_eq!(spread.proposal(), None);
}

#[test]
fn majority_and_ties() {
    use Status::*;
    assert_eq!(tally_of(&[Met, Met, NotMet]).majority(), Some(Met));
    assert_eq!(
        tally_of(&[NotMet, NotMet, Met, Open]).majority(),
        Some(NotMet)
    );
    assert_eq!(
        tally_of(&[Met, NotMet]).majority(),
        None,
        "a tie proposes nothing"
    );
    assert_eq!(tally_of(&[Open, Open]).majority(), None);
    let t = tally_of(&[Met, NotMet, Open]);
    assert_eq!((t.met, t.not_met, t.open), (1, 1, 1));
    assert!(t.disagrees());
}

#[test]
fn proposal_follows_median_and_majority() {
    // Levels 1, 4, 3, 3 → median 3. I.2: met, met, not met, open → 3 of 4 answered,
    // 2 met against 1 not met → met.
    let mut respondents = team(&[Some(1), Some(4), Some(3), Some(3)]);
    respondents[0]
        .answers
        .of_mut(STV)
        .set_status("I.2", Status::Met);
    respondents[1]
        .answers
        .of_mut(STV)
        .set_status("I.2", Status::Met);
    respondents[2]
        .answers
        .of_mut(STV)
        .set_status("I.2", Status::NotMet);
    let empty = Answer::Scale {
        value: None,
        ambition: None,
        note: String::new(),
    };
    respondents[0]
        .answers
        .of_mut(GO)
        .set_note("go1", empty, "Zie mail".into());
    let proposal = propose(&respondents);
    assert_eq!(proposal.of(GO).level("go1"), Level::new(3));
    assert_eq!(proposal.of(STV).status("I.2"), Status::Met);
    assert_eq!(proposal.of(GO).note("go1"), "R0: Zie mail");
}

#[test]
fn proposal_of_one_respondent_is_their_answers() {
    let respondents = team(&[Some(2)]);
    assert_eq!(propose(&respondents), respondents[0].answers);
}

// ---------------------------------------------------------------- quorum (rule 2)

#[test]
fn quorum_is_at_least_half_of_the_respondents() {
    let q = |answered, respondents| Quorum {
        answered,
        respondents,
    };
    assert!(q(4, 8).holds(), "exactly half is enough");
    assert!(!q(3, 8).holds());
    assert!(q(2, 3).holds());
    assert!(!q(1, 3).holds());
    assert!(q(1, 1).holds());
    assert!(!q(0, 0).holds(), "nobody answered: no proposal");
    assert_eq!(q(2, 8).message(), "te weinig antwoorden (2 van 8)");
}

#[test]
fn a_level_below_the_quorum_gets_no_proposal() {
    // 2 of 8 answered go1: too few.
    let mut levels = vec![None; 8];
    levels[0] = Some(3);
    levels[5] = Some(4);
    let respondents = team(&levels);
    let spread = scale_spread(GO, "go1", &respondents);
    assert_eq!(spread.median.unwrap().display(), "3,5");
    assert_eq!(spread.proposal(), None);
    assert_eq!(spread.quorum.message(), "te weinig antwoorden (2 van 8)");
    assert_eq!(propose(&respondents).of(GO).level("go1"), None);
    // 4 of 8: the quorum holds; median of 3, 4, 2, 2 is 2,5 → rounded down to 2.
    levels[2] = Some(2);
    levels[7] = Some(2);
    let respondents = team(&levels);
    assert_eq!(
        scale_spread(GO, "go1", &respondents).proposal(),
        Level::new(2)
    );
    assert_eq!(propose(&respondents).of(GO).level("go1"), Level::new(2));
}

#[test]
fn a_criterion_below_the_quorum_gets_no_proposal() {
    use Status::*;
    // 1 met, 7 open: 1 of 8 answered.
    let t = tally_of(&[Met, Open, Open, Open, Open, Open, Open, Open]);
    assert_eq!(t.majority(), None);
    assert_eq!(t.quorum().message(), "te weinig antwoorden (1 van 8)");
    // 3 met, 1 not met, 4 open: 4 of 8 answered, 3 > 1 → met.
    let t = tally_of(&[Met, Met, NotMet, Met, Open, Open, Open, Open]);
    assert_eq!(t.majority(), Some(Met));
    // 2 met, 2 not met, 4 open: a tie → nothing.
    let t = tally_of(&[Met, NotMet, Met, NotMet, Open, Open, Open, Open]);
    assert_eq!(t.majority(), None);
}

fn workshop(respondents: Vec<Respondent>) -> Assessment {
    let mut a = Assessment::new(
        "Workshop",
        "Voorbeeld B.V.",
        instruments(),
        &default_instruments(),
        fixed_time(),
    );
    a.respondents = respondents;
    a
}

fn part_score(a: &Assessment, part: &str) -> Option<u8> {
    let result = build(instruments(), a);
    let Detail::Norm(n) = &result.get(STV).unwrap().detail else {
        panic!("a norm result")
    };
    n.parts.iter().find(|p| p.id == part).unwrap().score
}

#[test]
fn one_met_against_seven_open_does_not_make_part_one_a_five() {
    // The bug to prevent: one respondent ticked I.2–I.5, seven left them open. Without a
    // quorum the old majority-of-answered rule made the team's part I a 5.
    let mut respondents: Vec<Respondent> =
        (0..8).map(|i| respondent(i, Answers::default())).collect();
    for id in ["I.2", "I.3", "I.4", "I.5"] {
        respondents[0]
            .answers
            .of_mut(STV)
            .set_status(id, Status::Met);
    }
    let a = workshop(respondents);
    let proposal = propose(&a.respondents);
    for id in ["I.2", "I.3", "I.4", "I.5"] {
        assert_eq!(proposal.of(STV).status(id), Status::Open, "{id}");
    }
    assert_eq!(part_score(&a, "I"), None, "open for the team, not 5");
}

#[test]
fn agreed_answers_override_the_proposal() {
    let respondents = team(&[Some(1), Some(1)]);
    let mut agreed = Answers::default();
    agreed.of_mut(GO).set_level("go1", Level::new(3));
    let merged = merged(&agreed, &propose(&respondents));
    assert_eq!(merged.of(GO).level("go1"), Level::new(3));
}

#[test]
fn agreed_answers_override_where_the_quorum_fails_and_in_the_result() {
    use Status::*;
    // I.2: 1 met of 8 (no quorum), I.3: 5 not met of 8 (proposal: not met). The group
    // agrees I.2 and I.3 met: part I becomes 3 (I.4 and I.5 open → provisional).
    let statuses = [Met, Open, Open, Open, Open, Open, Open, Open];
    let mut respondents = with_status(&statuses);
    for r in respondents.iter_mut().take(5) {
        r.answers.of_mut(STV).set_status("I.3", NotMet);
    }
    let mut a = workshop(respondents);
    // I.2 open (no quorum), I.3 not met: 1 for now.
    assert_eq!(part_score(&a, "I"), Some(1));
    a.agreed.of_mut(STV).set_status("I.2", Met);
    // Only I.2 agreed: the proposal says I.3 not met → 2.
    assert_eq!(part_score(&a, "I"), Some(2));
    a.agreed.of_mut(STV).set_status("I.3", Met);
    assert_eq!(part_score(&a, "I"), Some(3));
}

#[test]
fn letters_go_on_after_z() {
    assert_eq!(letter(0), "A");
    assert_eq!(letter(25), "Z");
    assert_eq!(letter(26), "AA");
    assert_eq!(letter(27), "AB");
}

fn status_of(s: u8) -> Status {
    match s % 3 {
        0 => Status::Open,
        1 => Status::Met,
        _ => Status::NotMet,
    }
}

proptest! {
    #[test]
    fn median_lies_between_min_and_max(values in proptest::collection::vec(1u8..=4, 1..40)) {
        let m = Median::of(&levels(&values)).unwrap();
        let min = f64::from(*values.iter().min().unwrap());
        let max = f64::from(*values.iter().max().unwrap());
        prop_assert!(min <= m.value() && m.value() <= max);
        prop_assert!(f64::from(m.proposal().value()) <= m.value());
    }

    #[test]
    fn range_is_max_minus_min_and_marks_disagreement(values in proptest::collection::vec(proptest::option::of(1u8..=4), 0..30)) {
        let spread = scale_spread(GO, "go1", &team(&values));
        let given: Vec<u8> = values.iter().flatten().copied().collect();
        let expected = match (given.iter().min(), given.iter().max()) {
            (Some(a), Some(b)) => b - a,
            _ => 0,
        };
        prop_assert_eq!(spread.range(), expected);
        prop_assert_eq!(spread.disagrees(), expected >= 2);
        prop_assert_eq!(spread.quorum.answered, given.len());
        // A proposal exactly when at least half answered.
        prop_assert_eq!(spread.proposal().is_some(), !given.is_empty() && 2 * given.len() >= values.len());
    }

    #[test]
    fn majority_agrees_with_the_counts_and_the_quorum(statuses in proptest::collection::vec(0u8..3, 0..30)) {
        let statuses: Vec<Status> = statuses.iter().map(|s| status_of(*s)).collect();
        let t = tally_of(&statuses);
        prop_assert_eq!(t.met + t.not_met + t.open, statuses.len());
        let quorum = t.met + t.not_met > 0 && 2 * (t.met + t.not_met) >= statuses.len();
        match t.majority() {
            Some(Status::Met) => prop_assert!(quorum && t.met > t.not_met),
            Some(Status::NotMet) => prop_assert!(quorum && t.not_met > t.met),
            _ => prop_assert!(!quorum || t.met == t.not_met),
        }
    }

    #[test]
    fn the_proposal_of_one_respondent_is_their_own_answers(
        levels in proptest::collection::vec(proptest::option::of(1u8..=4), 9),
        ambitions in proptest::collection::vec(proptest::option::of(1u8..=4), 9),
        statuses in proptest::collection::vec(0u8..3, 18),
        pct in proptest::option::of(0u8..=100),
    ) {
        let go = instruments().get(GO).unwrap().grid().unwrap();
        let stv = instruments().get(STV).unwrap().norm().unwrap();
        let mut answers = Answers::default();
        for ((item, level), ambition) in go.items.iter().zip(&levels).zip(&ambitions) {
            answers.of_mut(GO).set_level(&item.id, level.and_then(Level::new));
            answers.of_mut(GO).set_ambition(&item.id, ambition.and_then(Level::new));
        }
        for ((_, c), s) in stv.criteria().zip(&statuses) {
            answers.of_mut(STV).set_status(&c.id, status_of(*s));
        }
        answers.of_mut(STV).set_number("IV.4.pct", pct.map(f64::from));
        answers.tidy();
        let only = vec![respondent(0, answers.clone())];
        prop_assert_eq!(&propose(&only), &answers);
        // And the result of a solo assessment rests on exactly those answers.
        let a = workshop(only);
        prop_assert_eq!(&a.result_answers(instruments()), &answers);
    }
}

#[test]
fn a_measurement_proposal_is_the_median_when_the_quorum_holds() {
    let team_with = |values: &[Option<f64>]| -> Vec<Respondent> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let mut answers = Answers::default();
                answers.of_mut(STV).set_number("IV.4.pct", *v);
                respondent(i, answers)
            })
            .collect()
    };
    // 85, 92, 95 of 4: median 92.
    let team = team_with(&[Some(85.0), Some(95.0), None, Some(92.0)]);
    let (value, quorum) = number_proposal(STV, "IV.4.pct", true, &team);
    assert_eq!(value, Some(92.0));
    assert_eq!(quorum.answered, 3);
    assert_eq!(propose(&team).of(STV).number("IV.4.pct"), Some(92.0));
    // 85 and 90 of 4: median 87,5, whole numbers round down → 87.
    let team = team_with(&[Some(85.0), None, Some(90.0), None]);
    assert_eq!(number_proposal(STV, "IV.4.pct", true, &team).0, Some(87.0));
    // 1 of 4: too few, no proposal.
    let team = team_with(&[Some(85.0), None, None, None]);
    let (value, quorum) = number_proposal(STV, "IV.4.pct", true, &team);
    assert_eq!(value, None);
    assert_eq!(quorum.message(), "te weinig antwoorden (1 van 4)");
    assert_eq!(propose(&team).of(STV).number("IV.4.pct"), None);
}
