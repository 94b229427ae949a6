//! The team's answers side by side: medians, ranges, disagreement, majorities, proposals.

use goudenoor::domain::aggregate::*;
use goudenoor::domain::{Answers, Instruments, Level, Respondent, Status};
use proptest::prelude::*;

fn instruments() -> &'static Instruments {
    Instruments::embedded()
}

fn levels(values: &[u8]) -> Vec<Level> {
    values.iter().map(|v| Level::new(*v).unwrap()).collect()
}

fn team(levels: &[Option<u8>]) -> Vec<Respondent> {
    levels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut answers = Answers::default();
            answers.edit_shift("go1", |a| a.level = l.and_then(Level::new));
            Respondent {
                name: format!("R{i}"),
                answers,
            }
        })
        .collect()
}

fn with_status(statuses: &[Status]) -> Vec<Respondent> {
    statuses
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut answers = Answers::default();
            answers.edit_criterion("I.2", |a| a.status = *s);
            Respondent {
                name: format!("R{i}"),
                answers,
            }
        })
        .collect()
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
    let spread = shift_spread("go1", &team(&[Some(1), Some(3), None]));
    assert_eq!(spread.range(), 2);
    assert!(spread.disagrees());
    assert_eq!(spread.answered(), 2);
    let spread = shift_spread("go1", &team(&[Some(2), Some(3)]));
    assert_eq!(spread.range(), 1);
    assert!(!spread.disagrees());
    let spread = shift_spread("go1", &team(&[None, None]));
    assert_eq!(spread.range(), 0);
    assert_eq!(spread.median, None);
}

#[test]
fn majority_and_ties() {
    use Status::*;
    assert_eq!(
        tally("I.2", &with_status(&[Met, Met, NotMet])).majority(),
        Some(Met)
    );
    assert_eq!(
        tally("I.2", &with_status(&[NotMet, NotMet, Met, Open])).majority(),
        Some(NotMet)
    );
    assert_eq!(
        tally("I.2", &with_status(&[Met, NotMet])).majority(),
        None,
        "a tie proposes nothing"
    );
    assert_eq!(tally("I.2", &with_status(&[Open, Open])).majority(), None);
    let t = tally("I.2", &with_status(&[Met, NotMet, Open]));
    assert_eq!((t.met, t.not_met, t.open), (1, 1, 1));
    assert!(t.disagrees());
}

#[test]
fn proposal_follows_median_and_majority() {
    let mut respondents = team(&[Some(1), Some(4), Some(3), Some(3)]);
    respondents[0]
        .answers
        .edit_criterion("I.2", |a| a.status = Status::Met);
    respondents[1]
        .answers
        .edit_criterion("I.2", |a| a.status = Status::Met);
    respondents[2]
        .answers
        .edit_criterion("I.2", |a| a.status = Status::NotMet);
    respondents[0]
        .answers
        .edit_shift("go1", |a| a.note = "Zie mail".into());
    let proposal = proposal(instruments(), &respondents);
    assert_eq!(proposal.level("go1"), Level::new(3));
    assert_eq!(proposal.status("I.2"), Status::Met);
    assert_eq!(proposal.shift("go1").note, "R0: Zie mail");
}

#[test]
fn proposal_of_one_respondent_is_their_answers() {
    let respondents = team(&[Some(2)]);
    assert_eq!(
        proposal(instruments(), &respondents),
        respondents[0].answers
    );
}

#[test]
fn agreed_answers_override_the_proposal() {
    let respondents = team(&[Some(1), Some(1)]);
    let mut agreed = Answers::default();
    agreed.edit_shift("go1", |a| a.level = Level::new(3));
    let merged = merged(&agreed, &proposal(instruments(), &respondents));
    assert_eq!(merged.level("go1"), Level::new(3));
}

#[test]
fn letters_go_on_after_z() {
    assert_eq!(letter(0), "A");
    assert_eq!(letter(25), "Z");
    assert_eq!(letter(26), "AA");
    assert_eq!(letter(27), "AB");
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
        let spread = shift_spread("go1", &team(&values));
        let given: Vec<u8> = values.iter().flatten().copied().collect();
        let expected = match (given.iter().min(), given.iter().max()) {
            (Some(a), Some(b)) => b - a,
            _ => 0,
        };
        prop_assert_eq!(spread.range(), expected);
        prop_assert_eq!(spread.disagrees(), expected >= 2);
        prop_assert_eq!(spread.answered(), given.len());
    }

    #[test]
    fn majority_agrees_with_the_counts(statuses in proptest::collection::vec(0u8..3, 0..30)) {
        let statuses: Vec<Status> = statuses.iter().map(|s| match s { 0 => Status::Open, 1 => Status::Met, _ => Status::NotMet }).collect();
        let t = tally("I.2", &with_status(&statuses));
        prop_assert_eq!(t.met + t.not_met + t.open, statuses.len());
        match t.majority() {
            Some(Status::Met) => prop_assert!(t.met > t.not_met),
            Some(Status::NotMet) => prop_assert!(t.not_met > t.met),
            _ => prop_assert_eq!(t.met, t.not_met),
        }
    }
}
