//! The scoring rules of PRODUCT.md: Gouden Oor summary, Stv part scores and total,
//! the warnings for criteria that do not count, and the next steps.

use super::answers::{Answers, Level, Status};
use super::instrument::{Condition, MaturityCheck, NormFramework, Part, Rule};

/// An exact mean (sum over count), so that rounding for display is exact too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mean {
    sum: u32,
    count: u32,
}

impl Mean {
    /// The mean of the values, or `None` for none.
    pub fn of(values: impl IntoIterator<Item = u32>) -> Option<Mean> {
        let (sum, count) = values
            .into_iter()
            .fold((0, 0), |(sum, count), v| (sum + v, count + 1));
        (count > 0).then_some(Mean { sum, count })
    }

    pub fn value(self) -> f64 {
        f64::from(self.sum) / f64::from(self.count)
    }

    /// Tenths, rounded half up: 3,25 → 33.
    pub fn tenths(self) -> u32 {
        (20 * self.sum + self.count) / (2 * self.count)
    }

    /// One decimal with a decimal comma, rounded half up: 3,25 → "3,3".
    pub fn display(self) -> String {
        let tenths = self.tenths();
        format!("{},{}", tenths / 10, tenths % 10)
    }

    /// The mean rounded down: 2,6 → 2.
    pub fn floor(self) -> u32 {
        self.sum / self.count
    }

    pub fn count(self) -> u32 {
        self.count
    }
}

// ---------------------------------------------------------------- Gouden Oor

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoudenOorSummary {
    pub answered: usize,
    pub total: usize,
    /// Mean of the answered shifts.
    pub mean: Option<Mean>,
    /// The level named by the mean rounded down.
    pub level: Option<Level>,
    /// How many shifts sit at aardig, goed, prima, goud.
    pub counts: [usize; 4],
    /// Shifts below their ambition, furthest first.
    pub gaps: Vec<ShiftGap>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftGap {
    pub shift_id: String,
    pub level: Level,
    pub ambition: Level,
    pub gap: u8,
}

pub fn gouden_oor_summary(check: &MaturityCheck, answers: &Answers) -> GoudenOorSummary {
    let levels: Vec<Level> = check
        .shifts
        .iter()
        .filter_map(|s| answers.level(&s.id))
        .collect();
    let mean = Mean::of(levels.iter().map(|l| u32::from(l.value())));
    let mut counts = [0; 4];
    for level in &levels {
        counts[level.index()] += 1;
    }
    let mut gaps: Vec<ShiftGap> = check
        .shifts
        .iter()
        .filter_map(|s| {
            let level = answers.level(&s.id)?;
            let ambition = answers.ambition(&s.id)?;
            (ambition > level).then(|| ShiftGap {
                shift_id: s.id.clone(),
                level,
                ambition,
                gap: ambition.value() - level.value(),
            })
        })
        .collect();
    // Stable sort keeps shift order among equal gaps.
    gaps.sort_by_key(|g| std::cmp::Reverse(g.gap));
    GoudenOorSummary {
        answered: levels.len(),
        total: check.shifts.len(),
        mean,
        level: mean.and_then(|m| Level::new(m.floor() as u8)),
        counts,
        gaps,
    }
}

/// The next step for one shift: the statement of the level above the current one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftStep {
    pub shift_id: String,
    pub number: u8,
    pub current: Level,
    pub next: Level,
    pub ambition: Option<Level>,
    pub statement: String,
}

impl ShiftStep {
    /// Levels still to climb to the ambition (0 without one, or when reached).
    pub fn gap(&self) -> u8 {
        self.ambition
            .map_or(0, |a| a.value().saturating_sub(self.current.value()))
    }
}

/// Next steps for every answered shift below goud, the largest gap to the ambition first.
pub fn shift_next_steps(check: &MaturityCheck, answers: &Answers) -> Vec<ShiftStep> {
    let mut steps: Vec<ShiftStep> = check
        .shifts
        .iter()
        .filter_map(|s| {
            let current = answers.level(&s.id)?;
            let next = current.next()?;
            Some(ShiftStep {
                shift_id: s.id.clone(),
                number: s.number,
                current,
                next,
                ambition: answers.ambition(&s.id),
                statement: s.statements[next.index()].clone(),
            })
        })
        .collect();
    steps.sort_by_key(|s| std::cmp::Reverse(s.gap()));
    steps
}

// ---------------------------------------------------------------- Stv

/// How far a part (or a whole instrument) has been assessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn is_complete(self) -> bool {
        self.done == self.total
    }
    pub fn is_started(self) -> bool {
        self.done > 0
    }
    pub fn percent(self) -> u32 {
        if self.total == 0 {
            return 100;
        }
        (100 * self.done / self.total) as u32
    }
}

/// A criterion that is met but does not count, because a level below it is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotCounted {
    pub criterion: String,
    /// The score whose step does not hold.
    pub missing_score: u8,
}

impl NotCounted {
    pub fn message(&self) -> String {
        format!(
            "{} is aangevinkt, maar {} niet: telt niet mee",
            self.criterion, self.missing_score
        )
    }
}

/// What stands between a part's score and the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartStep {
    pub target: u8,
    /// The criteria still missing (for an `Any` condition, one of them suffices).
    pub missing: Vec<String>,
    /// "II.A of II.B", "III.3b".
    pub describe: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartScore {
    pub part_id: String,
    /// `None` while no criterion of the part has been assessed.
    pub score: Option<u8>,
    pub progress: Progress,
    /// Why the score is what it is, in one line.
    pub explanation: String,
    pub next: Option<PartStep>,
    pub not_counted: Vec<NotCounted>,
    /// Other remarks, e.g. a measured percentage below its threshold.
    pub warnings: Vec<String>,
}

impl PartScore {
    /// Some criteria are still open: the score may still rise.
    pub fn is_provisional(&self) -> bool {
        self.score.is_some() && !self.progress.is_complete()
    }
}

pub fn part_progress(part: &Part, answers: &Answers) -> Progress {
    Progress {
        done: part
            .criteria
            .iter()
            .filter(|c| answers.status(&c.id) != Status::Open)
            .count(),
        total: part.criteria.len(),
    }
}

fn missing_of(condition: &Condition, answers: &Answers) -> PartStep {
    let missing: Vec<String> = condition
        .ids()
        .iter()
        .filter(|id| !answers.is_met(id))
        .cloned()
        .collect();
    let describe = match condition {
        Condition::Any(_) => condition.describe(),
        Condition::All(_) => missing.join(" en "),
    };
    PartStep {
        target: 0,
        missing,
        describe,
    }
}

pub fn score_part(part: &Part, answers: &Answers) -> PartScore {
    let progress = part_progress(part, answers);
    let met = |id: &str| answers.is_met(id);
    let (score, explanation, next, not_counted) = match &part.rule {
        Rule::Stepwise(steps) => {
            let failing = steps.iter().position(|s| !s.holds.holds(met));
            let score = match failing {
                Some(0) => 1,
                Some(i) => steps[i - 1].score,
                None => steps.last().map_or(1, |s| s.score),
            };
            let mut not_counted = Vec::new();
            let next = failing.map(|i| {
                let step = &steps[i];
                // Criteria of higher steps that are met cannot count above this gap.
                for higher in &steps[i + 1..] {
                    for id in higher.holds.ids() {
                        let already = not_counted.iter().any(|n: &NotCounted| &n.criterion == id);
                        if met(id) && !step.holds.ids().contains(id) && !already {
                            not_counted.push(NotCounted {
                                criterion: id.clone(),
                                missing_score: step.score,
                            });
                        }
                    }
                }
                PartStep {
                    target: step.score,
                    ..missing_of(&step.holds, answers)
                }
            });
            let explanation = match &next {
                Some(step) => format!(
                    "Score {score} — voor {} ontbreekt {}",
                    step.target, step.describe
                ),
                None => format!("Score {score} — alle niveaus gelden"),
            };
            (score, explanation, next, not_counted)
        }
        Rule::Additive { points, min, max } => {
            let earned: Vec<String> = points
                .iter()
                .filter(|p| p.when.holds(met))
                .map(|p| format!("{} +{}", p.when.describe(), p.points))
                .collect();
            let sum: u32 = points
                .iter()
                .filter(|p| p.when.holds(met))
                .map(|p| u32::from(p.points))
                .sum();
            let score = sum.clamp(u32::from(*min), u32::from(*max)) as u8;
            let next = (score < *max)
                .then(|| points.iter().find(|p| !p.when.holds(met)))
                .flatten()
                .map(|p| PartStep {
                    target: score + 1,
                    ..missing_of(&p.when, answers)
                });
            let sum_text = if earned.is_empty() {
                format!("geen punten, ten minste {min}")
            } else {
                format!("{} = {sum}", earned.join(", "))
            };
            let explanation = match &next {
                Some(step) => format!(
                    "Score {score} — {sum_text}; voor {} ontbreekt {}",
                    step.target, step.describe
                ),
                None => format!("Score {score} — {sum_text}"),
            };
            (score, explanation, next, Vec::new())
        }
    };
    let mut warnings = Vec::new();
    for criterion in &part.criteria {
        if let (Some(threshold), Some(pct)) = (criterion.threshold_pct, answers.response_pct)
            && pct < threshold
            && answers.is_met(&criterion.id)
        {
            warnings.push(format!(
                "{} is aangevinkt, maar gemeten is {pct}% van de reactietermijnen gehaald (ten minste {threshold}% nodig)",
                criterion.id
            ));
        }
    }
    let started = progress.is_started();
    PartScore {
        part_id: part.id.clone(),
        score: started.then_some(score),
        progress,
        explanation: if started {
            explanation
        } else {
            "Nog niet beoordeeld".to_string()
        },
        next: if started { next } else { None },
        not_counted,
        warnings,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StvSummary {
    pub parts: Vec<PartScore>,
    /// The unrounded mean of the part scores, once every part has a score.
    pub total: Option<Mean>,
}

impl StvSummary {
    /// Every criterion of every part assessed.
    pub fn is_complete(&self) -> bool {
        self.parts.iter().all(|p| p.progress.is_complete())
    }
}

/// Stv reads 3 on its 1–5 scale as "voldoende".
pub const VOLDOENDE: u8 = 3;

impl Mean {
    /// Whether a total reaches "voldoende" (3) on Stv's scale.
    pub fn is_voldoende(self) -> bool {
        self.value() >= f64::from(VOLDOENDE)
    }

    /// "voldoende" or "onder voldoende".
    pub fn verdict(self) -> &'static str {
        if self.is_voldoende() {
            "voldoende"
        } else {
            "onder voldoende"
        }
    }
}

pub fn stv_summary(framework: &NormFramework, answers: &Answers) -> StvSummary {
    let parts: Vec<PartScore> = framework
        .parts
        .iter()
        .map(|p| score_part(p, answers))
        .collect();
    let total = if parts.iter().all(|p| p.score.is_some()) {
        Mean::of(parts.iter().filter_map(|p| p.score.map(u32::from)))
    } else {
        None
    };
    StvSummary { parts, total }
}

/// Shifts answered and criteria assessed, over both instruments.
pub fn overall_progress(
    check: &MaturityCheck,
    framework: &NormFramework,
    answers: &Answers,
) -> Progress {
    let shifts = check
        .shifts
        .iter()
        .filter(|s| answers.level(&s.id).is_some())
        .count();
    let criteria = framework
        .criteria()
        .filter(|(_, c)| answers.status(&c.id) != Status::Open)
        .count();
    Progress {
        done: shifts + criteria,
        total: check.shifts.len() + framework.criteria().count(),
    }
}
