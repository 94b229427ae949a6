//! A team's answers side by side: per item the spread or the tally, whether the team
//! disagrees, and what to propose as the group's answer. An item gets a proposal only
//! when at least half of the respondents answered it.

use super::answers::{Answer, Answers, Check, ItemAnswers, Level, Status};
use super::instrument::{Instruments, ItemKind, Scope};

/// A range of 2 levels or more marks a disagreement worth discussing first.
pub const DISAGREEMENT_RANGE: u8 = 2;

/// One respondent's answers, as aggregation needs them.
pub trait Responses {
    fn name(&self) -> &str;
    fn answers(&self) -> &Answers;
}

/// How many answered an item, of how many respondents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quorum {
    pub answered: usize,
    pub respondents: usize,
}

impl Quorum {
    /// At least half of the respondents answered.
    pub fn holds(self) -> bool {
        self.answered > 0 && 2 * self.answered >= self.respondents
    }

    /// "te weinig antwoorden (2 van 8)".
    pub fn message(self) -> String {
        format!(
            "te weinig antwoorden ({} van {})",
            self.answered, self.respondents
        )
    }

    /// "te weinig (2 van 8)", where the long form does not fit.
    pub fn short_message(self) -> String {
        format!("te weinig ({} van {})", self.answered, self.respondents)
    }
}

/// A median that may fall between two levels: stored in halves (5 = 2,5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Median {
    halves: u16,
}

impl Median {
    /// The median of the values; for an even count the mean of the middle two.
    pub fn of(values: &[Level]) -> Option<Median> {
        let mut sorted: Vec<u16> = values.iter().map(|l| u16::from(l.value())).collect();
        sorted.sort_unstable();
        let n = sorted.len();
        match n {
            0 => None,
            _ if n % 2 == 1 => Some(Median {
                halves: 2 * sorted[n / 2],
            }),
            _ => Some(Median {
                halves: sorted[n / 2 - 1] + sorted[n / 2],
            }),
        }
    }

    pub fn value(self) -> f64 {
        f64::from(self.halves) / 2.0
    }

    /// "2" or "2,5".
    pub fn display(self) -> String {
        if self.halves.is_multiple_of(2) {
            (self.halves / 2).to_string()
        } else {
            format!("{},5", self.halves / 2)
        }
    }

    /// The level to propose: a median between two levels is rounded down, the careful
    /// reading (as the Gouden Oor overall level rounds down).
    pub fn proposal(self) -> Level {
        Level::new((self.halves / 2) as u8).expect("a median of levels is a level")
    }
}

/// The levels a team gave one scale item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleSpread {
    /// One per respondent, in respondent order.
    pub levels: Vec<Option<Level>>,
    pub ambitions: Vec<Option<Level>>,
    pub median: Option<Median>,
    pub ambition_median: Option<Median>,
    pub min: Option<Level>,
    pub max: Option<Level>,
    pub quorum: Quorum,
    pub ambition_quorum: Quorum,
}

impl ScaleSpread {
    /// Highest minus lowest level (0 with fewer than two answers).
    pub fn range(&self) -> u8 {
        match (self.min, self.max) {
            (Some(min), Some(max)) => max.value() - min.value(),
            _ => 0,
        }
    }

    pub fn disagrees(&self) -> bool {
        self.range() >= DISAGREEMENT_RANGE
    }

    /// The proposed level: the median rounded down, when the quorum holds.
    pub fn proposal(&self) -> Option<Level> {
        self.median
            .filter(|_| self.quorum.holds())
            .map(Median::proposal)
    }

    pub fn ambition_proposal(&self) -> Option<Level> {
        self.ambition_median
            .filter(|_| self.ambition_quorum.holds())
            .map(Median::proposal)
    }
}

/// Met, not met and open for one criterion.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub met: usize,
    pub not_met: usize,
    pub open: usize,
}

impl Tally {
    pub fn quorum(self) -> Quorum {
        Quorum {
            answered: self.met + self.not_met,
            respondents: self.met + self.not_met + self.open,
        }
    }

    /// The majority of those who answered, when the quorum holds; a tie proposes nothing.
    pub fn majority(self) -> Option<Status> {
        use std::cmp::Ordering::*;
        if !self.quorum().holds() {
            return None;
        }
        match self.met.cmp(&self.not_met) {
            Greater => Some(Status::Met),
            Less => Some(Status::NotMet),
            Equal => None,
        }
    }

    /// Both met and not met were said.
    pub fn disagrees(self) -> bool {
        self.met > 0 && self.not_met > 0
    }
}

/// Ja, deels, nee, n.v.t. and open for one checklist item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckTally {
    /// Counts per answer, in the order of [`Check::ANSWERS`] (ja, deels, nee, n.v.t.).
    pub counts: [usize; Check::ANSWERS.len()],
    pub open: usize,
}

impl CheckTally {
    pub fn quorum(self) -> Quorum {
        let answered: usize = self.counts.iter().sum();
        Quorum {
            answered,
            respondents: answered + self.open,
        }
    }

    /// The most given answer, when the quorum holds; a tie proposes nothing.
    pub fn plurality(self) -> Option<Check> {
        if !self.quorum().holds() {
            return None;
        }
        let best = *self.counts.iter().max()?;
        let winners: Vec<usize> = (0..self.counts.len())
            .filter(|i| self.counts[*i] == best)
            .collect();
        match winners.as_slice() {
            [only] => Some(Check::ANSWERS[*only]),
            _ => None,
        }
    }

    pub fn disagrees(self) -> bool {
        self.counts.iter().filter(|c| **c > 0).count() > 1
    }
}

pub fn scale_spread<R: Responses>(instrument: &str, id: &str, respondents: &[R]) -> ScaleSpread {
    let levels: Vec<Option<Level>> = respondents
        .iter()
        .map(|r| r.answers().of(instrument).level(id))
        .collect();
    let ambitions: Vec<Option<Level>> = respondents
        .iter()
        .map(|r| r.answers().of(instrument).ambition(id))
        .collect();
    let given: Vec<Level> = levels.iter().flatten().copied().collect();
    let given_ambitions: Vec<Level> = ambitions.iter().flatten().copied().collect();
    ScaleSpread {
        median: Median::of(&given),
        ambition_median: Median::of(&given_ambitions),
        min: given.iter().min().copied(),
        max: given.iter().max().copied(),
        quorum: Quorum {
            answered: given.len(),
            respondents: respondents.len(),
        },
        ambition_quorum: Quorum {
            answered: given_ambitions.len(),
            respondents: respondents.len(),
        },
        levels,
        ambitions,
    }
}

pub fn tally<R: Responses>(instrument: &str, id: &str, respondents: &[R]) -> Tally {
    let mut tally = Tally::default();
    for r in respondents {
        match r.answers().of(instrument).status(id) {
            Status::Met => tally.met += 1,
            Status::NotMet => tally.not_met += 1,
            Status::Open => tally.open += 1,
        }
    }
    tally
}

pub fn check_tally<R: Responses>(instrument: &str, id: &str, respondents: &[R]) -> CheckTally {
    let mut tally = CheckTally::default();
    for r in respondents {
        match r.answers().of(instrument).check(id) {
            Check::Open => tally.open += 1,
            answer => {
                let i = Check::ANSWERS
                    .iter()
                    .position(|a| *a == answer)
                    .expect("an answer");
                tally.counts[i] += 1;
            }
        }
    }
    tally
}

/// The median of the numbers given, when the quorum holds (whole numbers round down).
pub fn number_proposal<R: Responses>(
    instrument: &str,
    id: &str,
    whole: bool,
    respondents: &[R],
) -> (Option<f64>, Quorum) {
    let mut values: Vec<f64> = respondents
        .iter()
        .filter_map(|r| r.answers().of(instrument).number(id))
        .collect();
    values.sort_by(f64::total_cmp);
    let quorum = Quorum {
        answered: values.len(),
        respondents: respondents.len(),
    };
    let n = values.len();
    let median = match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    };
    let median = if whole {
        median.map(f64::floor)
    } else {
        median
    };
    (median.filter(|_| quorum.holds()), quorum)
}

fn gathered_notes<R: Responses>(instrument: &str, id: &str, respondents: &[R]) -> String {
    respondents
        .iter()
        .filter_map(|r| {
            let note = r.answers().of(instrument).note(id).trim();
            (!note.is_empty()).then(|| format!("{}: {note}", r.name()))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the group would answer if it followed the median and the majority: the
/// proposal that prefills the agreement. For one respondent it is their own answers.
pub fn proposal<R: Responses>(
    instruments: &Instruments,
    included: &[String],
    respondents: &[R],
) -> Answers {
    if let [only] = respondents {
        return only.answers().clone();
    }
    let mut answers = Answers::default();
    for inst in instruments.selected(included) {
        let mut items = ItemAnswers::default();
        for item in inst.items() {
            if item.scope != Scope::Respondent {
                continue;
            }
            let note = gathered_notes(&inst.id, item.id, respondents);
            let answer = match item.kind {
                ItemKind::Level { .. } | ItemKind::Rating { .. } => {
                    let spread = scale_spread(&inst.id, item.id, respondents);
                    Answer::Scale {
                        value: spread.proposal(),
                        ambition: spread.ambition_proposal(),
                        note,
                    }
                }
                ItemKind::Criterion => Answer::Criterion {
                    status: tally(&inst.id, item.id, respondents)
                        .majority()
                        .unwrap_or_default(),
                    note,
                },
                ItemKind::Check => Answer::Check {
                    answer: check_tally(&inst.id, item.id, respondents)
                        .plurality()
                        .unwrap_or_default(),
                    note,
                },
                ItemKind::Measurement(m) => {
                    match number_proposal(&inst.id, item.id, m.whole, respondents).0 {
                        Some(v) => Answer::Number(v),
                        None => continue,
                    }
                }
                ItemKind::Field(_) | ItemKind::Input(_) => continue,
            };
            items.set(item.id, answer);
        }
        if !items.is_empty() {
            answers.0.insert(inst.id.clone(), items);
        }
    }
    answers
}

/// The group's answers where it agreed, the proposal elsewhere.
pub fn merged(agreed: &Answers, proposal: &Answers) -> Answers {
    let mut result = proposal.clone();
    for (instrument, items) in &agreed.0 {
        let target = result.of_mut(instrument);
        for (id, answer) in &items.0 {
            let merged = match (target.get(id).cloned(), answer) {
                (
                    Some(Answer::Scale {
                        value,
                        ambition,
                        note,
                    }),
                    Answer::Scale {
                        value: v,
                        ambition: a,
                        note: n,
                    },
                ) => Answer::Scale {
                    value: v.or(value),
                    ambition: a.or(ambition),
                    note: if n.is_empty() { note } else { n.clone() },
                },
                (
                    Some(Answer::Criterion { status, note }),
                    Answer::Criterion { status: s, note: n },
                ) => Answer::Criterion {
                    status: if *s == Status::Open { status } else { *s },
                    note: if n.is_empty() { note } else { n.clone() },
                },
                (Some(Answer::Check { answer, note }), Answer::Check { answer: a, note: n }) => {
                    Answer::Check {
                        answer: if *a == Check::Open { answer } else { *a },
                        note: if n.is_empty() { note } else { n.clone() },
                    }
                }
                _ => answer.clone(),
            };
            target.set(id, merged);
        }
    }
    result.tidy();
    result
}

/// Anonymous letters for respondents: A, B, … Z, AA, AB, …
pub fn letter(index: usize) -> String {
    let mut n = index;
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}
