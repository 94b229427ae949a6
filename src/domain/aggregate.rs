//! A team's answers side by side: per shift the median, the range and whether the team
//! disagrees; per criterion how many said met, not met, open; and what to propose as
//! the group's answer.

use super::answers::{Answers, Level, Status};
use super::assessment::Respondent;
use super::instrument::Instruments;

/// A range of 2 levels or more marks a disagreement worth discussing first.
pub const DISAGREEMENT_RANGE: u8 = 2;

/// A median that may fall between two levels: stored in halves (5 = 2,5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Median {
    halves: u8,
}

impl Median {
    /// The median of the values; for an even count the mean of the middle two.
    pub fn of(values: &[Level]) -> Option<Median> {
        let mut sorted: Vec<u8> = values.iter().map(|l| l.value()).collect();
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
        Level::new(self.halves / 2).expect("a median of levels is a level")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftSpread {
    pub shift_id: String,
    /// One per respondent, in respondent order.
    pub levels: Vec<Option<Level>>,
    pub ambitions: Vec<Option<Level>>,
    pub median: Option<Median>,
    pub ambition_median: Option<Median>,
    pub min: Option<Level>,
    pub max: Option<Level>,
}

impl ShiftSpread {
    pub fn answered(&self) -> usize {
        self.levels.iter().flatten().count()
    }

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
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub met: usize,
    pub not_met: usize,
    pub open: usize,
}

impl Tally {
    /// The majority of those who gave an answer; a tie (or no answer) proposes nothing.
    pub fn majority(self) -> Option<Status> {
        use std::cmp::Ordering::*;
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

pub fn shift_spread(shift_id: &str, respondents: &[Respondent]) -> ShiftSpread {
    let levels: Vec<Option<Level>> = respondents
        .iter()
        .map(|r| r.answers.level(shift_id))
        .collect();
    let ambitions: Vec<Option<Level>> = respondents
        .iter()
        .map(|r| r.answers.ambition(shift_id))
        .collect();
    let given: Vec<Level> = levels.iter().flatten().copied().collect();
    let given_ambitions: Vec<Level> = ambitions.iter().flatten().copied().collect();
    ShiftSpread {
        shift_id: shift_id.to_string(),
        median: Median::of(&given),
        ambition_median: Median::of(&given_ambitions),
        min: given.iter().min().copied(),
        max: given.iter().max().copied(),
        levels,
        ambitions,
    }
}

pub fn tally(criterion_id: &str, respondents: &[Respondent]) -> Tally {
    let mut tally = Tally::default();
    for r in respondents {
        match r.answers.status(criterion_id) {
            Status::Met => tally.met += 1,
            Status::NotMet => tally.not_met += 1,
            Status::Open => tally.open += 1,
        }
    }
    tally
}

/// Every shift's spread, in instrument order.
pub fn spreads(instruments: &Instruments, respondents: &[Respondent]) -> Vec<ShiftSpread> {
    instruments
        .gouden_oor
        .shifts
        .iter()
        .map(|s| shift_spread(&s.id, respondents))
        .collect()
}

/// What the group would answer if it followed the median and the majority: the
/// proposal that prefills the agreement. For one respondent it is their own answers.
pub fn proposal(instruments: &Instruments, respondents: &[Respondent]) -> Answers {
    if let [only] = respondents {
        return only.answers.clone();
    }
    let mut answers = Answers::default();
    for spread in spreads(instruments, respondents) {
        let level = spread.median.map(Median::proposal);
        let ambition = spread.ambition_median.map(Median::proposal);
        let notes: Vec<String> = respondents
            .iter()
            .filter_map(|r| {
                let note = r.answers.shift(&spread.shift_id).note;
                (!note.trim().is_empty()).then(|| format!("{}: {}", r.name, note.trim()))
            })
            .collect();
        answers.edit_shift(&spread.shift_id, |a| {
            a.level = level;
            a.ambition = ambition;
            a.note = notes.join("\n");
        });
    }
    for (_, criterion) in instruments.stv.criteria() {
        let status = tally(&criterion.id, respondents).majority();
        let notes: Vec<String> = respondents
            .iter()
            .filter_map(|r| {
                let note = r
                    .answers
                    .criteria
                    .get(&criterion.id)?
                    .note
                    .trim()
                    .to_string();
                (!note.is_empty()).then(|| format!("{}: {note}", r.name))
            })
            .collect();
        answers.edit_criterion(&criterion.id, |a| {
            a.status = status.unwrap_or_default();
            a.note = notes.join("\n");
        });
    }
    let pcts: Vec<u8> = respondents
        .iter()
        .filter_map(|r| r.answers.response_pct)
        .collect();
    if !pcts.is_empty() {
        // The median of the measured percentages, rounded down.
        let mut sorted = pcts;
        sorted.sort_unstable();
        let n = sorted.len();
        answers.response_pct = Some(if n % 2 == 1 {
            sorted[n / 2]
        } else {
            ((u16::from(sorted[n / 2 - 1]) + u16::from(sorted[n / 2])) / 2) as u8
        });
    }
    answers
}

/// The group's answers where it agreed, the proposal elsewhere.
pub fn merged(agreed: &Answers, proposal: &Answers) -> Answers {
    let mut result = proposal.clone();
    for (id, answer) in &agreed.shifts {
        result.edit_shift(id, |a| {
            if answer.level.is_some() {
                a.level = answer.level;
            }
            if answer.ambition.is_some() {
                a.ambition = answer.ambition;
            }
            if !answer.note.is_empty() {
                a.note = answer.note.clone();
            }
        });
    }
    for (id, answer) in &agreed.criteria {
        result.edit_criterion(id, |a| {
            if answer.status != Status::Open {
                a.status = answer.status;
            }
            if !answer.note.is_empty() {
                a.note = answer.note.clone();
            }
        });
    }
    if agreed.response_pct.is_some() {
        result.response_pct = agreed.response_pct;
    }
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
