//! A norm framework: part scores by their rules, measurements that decide whether a
//! met criterion counts, exact provisional marks, the total, and next steps.

use super::{Mean, Progress};
use crate::domain::answers::{ItemAnswers, Status};
use crate::domain::instrument::{Condition, Criterion, Norm, Part, Rule};

/// A criterion that is met but does not count, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotCounted {
    /// A level below it does not hold ("5 is aangevinkt, maar 3 niet").
    Gap {
        criterion: String,
        missing_score: u8,
    },
    /// Its measurement misses the threshold.
    Measurement {
        criterion: String,
        measured: String,
        threshold: String,
    },
    /// Every condition it appears in also needs another criterion that does not count
    /// ("IV.1b is aangevinkt, maar telt alleen mee samen met IV.1a"). `partners` lists,
    /// per such condition, the criteria it still lacks.
    Partner {
        criterion: String,
        partners: Vec<Vec<String>>,
    },
}

impl NotCounted {
    pub fn criterion(&self) -> &str {
        match self {
            NotCounted::Gap { criterion, .. }
            | NotCounted::Measurement { criterion, .. }
            | NotCounted::Partner { criterion, .. } => criterion,
        }
    }

    pub fn message(&self) -> String {
        match self {
            NotCounted::Gap {
                criterion,
                missing_score,
            } => format!("{criterion} is aangevinkt, maar {missing_score} niet: telt niet mee"),
            NotCounted::Measurement {
                criterion,
                measured,
                threshold,
            } => format!("{criterion} telt niet mee: gemeten {measured}, {threshold} nodig"),
            NotCounted::Partner {
                criterion,
                partners,
            } => {
                let with = partners
                    .iter()
                    .map(|ids| format!("samen met {}", ids.join(" en ")))
                    .collect::<Vec<_>>()
                    .join(", of ");
                format!("{criterion} is aangevinkt, maar telt alleen mee {with}")
            }
        }
    }
}

/// What would raise a part's score to `target`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartStep {
    pub target: u8,
    /// The criteria that would raise it; with `together`, all of them are needed,
    /// otherwise any one of them suffices. Open ones come first.
    pub criteria: Vec<String>,
    pub together: bool,
    /// Points still needed from `criteria` (an additive rule below its floor may need
    /// more than one).
    pub points: u8,
}

impl PartStep {
    /// "IV.1a of IV.3", "III.3a en III.3b", "2 punten uit IV.1a, IV.2, IV.3".
    pub fn describe(&self) -> String {
        if self.points > 1 {
            return format!("{} punten uit {}", self.points, self.criteria.join(", "));
        }
        self.criteria
            .join(if self.together { " en " } else { " of " })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartScore {
    pub part: String,
    /// `None` while no criterion of the part has been assessed.
    pub score: Option<u8>,
    pub progress: Progress,
    /// An open criterion (or a missing measurement) could still change the score.
    pub provisional: bool,
    /// Why the score is what it is, in one line.
    pub explanation: String,
    pub next: Option<PartStep>,
    pub not_counted: Vec<NotCounted>,
    /// Met criteria whose measurement is missing: they count, provisionally.
    pub missing_measurements: Vec<String>,
}

impl PartScore {
    pub fn warnings(&self) -> Vec<String> {
        self.not_counted
            .iter()
            .map(NotCounted::message)
            .chain(
                self.missing_measurements
                    .iter()
                    .map(|m| format!("{m}: meting ontbreekt; de score is voorlopig")),
            )
            .collect()
    }
}

/// Whether a criterion counts: met, and its measurement (if any) reaches its threshold.
/// `Some(true/false)` when decided; a met criterion without its measurement counts now
/// but could still drop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counts {
    Yes,
    No,
    /// Met, measurement missing.
    YesUnmeasured,
    /// Open: could go either way.
    Open,
    /// Met, but the measurement misses its threshold.
    FailsMeasurement,
}

fn counts(c: &Criterion, answers: &ItemAnswers) -> Counts {
    let measured = c
        .measurement
        .as_ref()
        .map(|m| answers.number(&m.id).map(|v| m.threshold.is_met(v)));
    match (answers.status(&c.id), measured) {
        (Status::NotMet, _) => Counts::No,
        (Status::Open, Some(Some(false))) => Counts::No,
        (Status::Open, _) => Counts::Open,
        (Status::Met, None | Some(Some(true))) => Counts::Yes,
        (Status::Met, Some(None)) => Counts::YesUnmeasured,
        (Status::Met, Some(Some(false))) => Counts::FailsMeasurement,
    }
}

/// Met, but its measurement misses the threshold: the criterion does not count.
pub fn misses_measurement(c: &Criterion, answers: &ItemAnswers) -> bool {
    counts(c, answers) == Counts::FailsMeasurement
}

/// The score of a rule where `holds(id)` says which criteria count.
fn rule_score(rule: &Rule, min: u8, holds: &dyn Fn(&str) -> bool) -> u8 {
    match rule {
        Rule::Stepwise(steps) => steps
            .iter()
            .take_while(|s| cond(&s.holds, holds))
            .last()
            .map_or(min, |s| s.score),
        Rule::Additive { points, min, max } => {
            let sum: u32 = points
                .iter()
                .filter(|p| cond(&p.when, holds))
                .map(|p| u32::from(p.points))
                .sum();
            sum.clamp(u32::from(*min), u32::from(*max)) as u8
        }
    }
}

fn cond(condition: &Condition, holds: &dyn Fn(&str) -> bool) -> bool {
    match condition {
        Condition::All(ids) => ids.iter().all(|id| holds(id)),
        Condition::Any(ids) => ids.iter().any(|id| holds(id)),
    }
}

pub fn part_progress(part: &Part, answers: &ItemAnswers) -> Progress {
    Progress {
        done: part
            .criteria
            .iter()
            .filter(|c| answers.status(&c.id) != Status::Open)
            .count(),
        total: part.criteria.len(),
    }
}

pub fn score_part(part: &Part, scale_min: u8, answers: &ItemAnswers) -> PartScore {
    let progress = part_progress(part, answers);
    let state: Vec<(&str, Counts)> = part
        .criteria
        .iter()
        .map(|c| (c.id.as_str(), counts(c, answers)))
        .collect();
    let state_of = |id: &str| {
        state
            .iter()
            .find(|(c, _)| *c == id)
            .map_or(Counts::No, |(_, s)| *s)
    };
    let now = |id: &str| matches!(state_of(id), Counts::Yes | Counts::YesUnmeasured);
    let worst = |id: &str| state_of(id) == Counts::Yes;
    let best = |id: &str| {
        matches!(
            state_of(id),
            Counts::Yes | Counts::YesUnmeasured | Counts::Open
        )
    };
    let score = rule_score(&part.rule, scale_min, &now);
    let provisional =
        rule_score(&part.rule, scale_min, &worst) != rule_score(&part.rule, scale_min, &best);

    let mut not_counted = Vec::new();
    for c in &part.criteria {
        if state_of(&c.id) == Counts::FailsMeasurement {
            let m = c.measurement.as_ref().expect("a measurement decides");
            let measured = answers.number(&m.id).expect("measured");
            not_counted.push(NotCounted::Measurement {
                criterion: c.id.clone(),
                measured: m.display(measured),
                threshold: m.threshold_text(),
            });
        }
    }
    let mut failing_step = None;
    if let Rule::Stepwise(steps) = &part.rule
        && let Some(i) = steps.iter().position(|s| !cond(&s.holds, &now))
    {
        failing_step = Some(&steps[i]);
        // Criteria of higher steps that count cannot lift the score above this gap.
        for higher in &steps[i + 1..] {
            for id in higher.holds.ids() {
                let listed = not_counted.iter().any(|n| n.criterion() == id);
                if now(id) && !steps[i].holds.ids().contains(id) && !listed {
                    not_counted.push(NotCounted::Gap {
                        criterion: id.clone(),
                        missing_score: steps[i].score,
                    });
                }
            }
        }
    }
    // A criterion that counts, yet adds nothing: every condition it appears in fails for
    // want of another criterion (IV.1b without IV.1a; III.3a without III.3b, the step
    // that stops the score; criteria of higher steps are listed above the gap already).
    let conditions = part.rule.conditions();
    for c in &part.criteria {
        let id = c.id.as_str();
        if !now(id) || not_counted.iter().any(|n| n.criterion() == id) {
            continue;
        }
        let own: Vec<&Condition> = conditions
            .iter()
            .copied()
            .filter(|k| k.ids().iter().any(|x| x == id))
            .collect();
        if own.is_empty() || own.iter().any(|k| cond(k, &now)) {
            continue;
        }
        let mut partners: Vec<Vec<String>> = Vec::new();
        for k in own {
            let lacking: Vec<String> = k
                .ids()
                .iter()
                .filter(|x| x.as_str() != id && !now(x))
                .cloned()
                .collect();
            if !partners.contains(&lacking) {
                partners.push(lacking);
            }
        }
        not_counted.push(NotCounted::Partner {
            criterion: c.id.clone(),
            partners,
        });
    }
    // In the part's order, as the criteria are listed.
    not_counted.sort_by_key(|n| part.criteria.iter().position(|c| c.id == n.criterion()));
    let top = match &part.rule {
        Rule::Stepwise(steps) => steps.last().map_or(scale_min, |s| s.score),
        Rule::Additive { max, .. } => *max,
    };
    let next = (score < top).then(|| next_step(part, score, &state, scale_min, failing_step));
    let missing_measurements: Vec<String> = part
        .criteria
        .iter()
        .filter(|c| state_of(&c.id) == Counts::YesUnmeasured)
        .map(|c| c.id.clone())
        .collect();

    let started = progress.is_started();
    let explanation = if !started {
        "Nog niet beoordeeld".to_string()
    } else {
        let missing = next.as_ref().map(|n| {
            let verb = if n.points > 1 {
                "ontbreken"
            } else {
                "ontbreekt"
            };
            format!("voor {} {verb} {}", n.target, n.describe())
        });
        match &part.rule {
            Rule::Stepwise(_) => match missing {
                Some(missing) => format!("Score {score} — {missing}"),
                None => format!("Score {score} — alle niveaus gelden"),
            },
            Rule::Additive { points, min, .. } => {
                let earned: Vec<String> = points
                    .iter()
                    .filter(|p| cond(&p.when, &now))
                    .map(|p| format!("{} +{}", p.when.describe(), p.points))
                    .collect();
                let sum: u32 = points
                    .iter()
                    .filter(|p| cond(&p.when, &now))
                    .map(|p| u32::from(p.points))
                    .sum();
                let sum_text = if earned.is_empty() {
                    format!("geen punten, ten minste {min}")
                } else {
                    format!("{} = {sum}", earned.join(", "))
                };
                match missing {
                    Some(missing) => format!("Score {score} — {sum_text}; {missing}"),
                    None => format!("Score {score} — {sum_text}"),
                }
            }
        }
    };
    PartScore {
        part: part.id.clone(),
        score: started.then_some(score),
        progress,
        provisional: started && provisional,
        explanation,
        next: if started { next } else { None },
        not_counted,
        missing_measurements,
    }
}

/// Every criterion whose counting alone would raise the score, open ones first; where
/// none alone suffices, what the failing step needs together.
fn next_step(
    part: &Part,
    score: u8,
    state: &[(&str, Counts)],
    scale_min: u8,
    failing_step: Option<&crate::domain::instrument::Step>,
) -> PartStep {
    let counting = |extra: &str, id: &str| {
        id == extra
            || state
                .iter()
                .any(|(c, s)| *c == id && matches!(s, Counts::Yes | Counts::YesUnmeasured))
    };
    let raisers = |filter: &dyn Fn(Counts) -> bool| -> Vec<String> {
        state
            .iter()
            .filter(|(_, s)| filter(*s))
            .filter(|(id, _)| rule_score(&part.rule, scale_min, &|x: &str| counting(id, x)) > score)
            .map(|(id, _)| id.to_string())
            .collect()
    };
    let mut criteria = raisers(&|s| s == Counts::Open);
    criteria.extend(raisers(&|s| {
        matches!(s, Counts::No | Counts::FailsMeasurement)
    }));
    if !criteria.is_empty() {
        return PartStep {
            target: score + 1,
            criteria,
            together: false,
            points: 1,
        };
    }
    if let Rule::Additive { points, .. } = &part.rule {
        // Below the floor one point is not enough: name the points still needed and
        // the criteria that add one.
        let counts_now = |id: &str| {
            state
                .iter()
                .any(|(c, s)| *c == id && matches!(s, Counts::Yes | Counts::YesUnmeasured))
        };
        let sum = |holds: &dyn Fn(&str) -> bool| -> u32 {
            points
                .iter()
                .filter(|p| cond(&p.when, holds))
                .map(|p| u32::from(p.points))
                .sum()
        };
        let now = sum(&counts_now);
        let adders = |filter: &dyn Fn(Counts) -> bool| -> Vec<String> {
            state
                .iter()
                .filter(|(_, s)| filter(*s))
                .filter(|(id, _)| sum(&|x: &str| x == *id || counts_now(x)) > now)
                .map(|(id, _)| id.to_string())
                .collect()
        };
        let mut criteria = adders(&|s| s == Counts::Open);
        criteria.extend(adders(&|s| {
            matches!(s, Counts::No | Counts::FailsMeasurement)
        }));
        let needed = (u32::from(score) + 1).saturating_sub(now).max(1);
        return PartStep {
            target: score + 1,
            criteria,
            together: false,
            points: needed as u8,
        };
    }
    let needed: Vec<String> = match failing_step {
        Some(step) => step
            .holds
            .ids()
            .iter()
            .filter(|id| {
                !state
                    .iter()
                    .any(|(c, s)| c == id && matches!(s, Counts::Yes | Counts::YesUnmeasured))
            })
            .cloned()
            .collect(),
        // An additive rule at its floor: one point alone leaves the score where it is.
        None => smallest_raising_set(part, score, state, scale_min),
    };
    PartStep {
        target: score + 1,
        together: needed.len() > 1,
        criteria: needed,
        points: 1,
    }
}

/// The first smallest set of criteria that do not count now whose counting together
/// would raise the score, open ones first; empty when none does.
fn smallest_raising_set(
    part: &Part,
    score: u8,
    state: &[(&str, Counts)],
    scale_min: u8,
) -> Vec<String> {
    let candidates: Vec<&str> = [Counts::Open, Counts::No, Counts::FailsMeasurement]
        .iter()
        .flat_map(|kind| state.iter().filter(move |(_, s)| s == kind))
        .map(|(id, _)| *id)
        .collect();
    let counting = |chosen: &[usize], id: &str| {
        chosen.iter().any(|&i| candidates[i] == id)
            || state
                .iter()
                .any(|(c, s)| *c == id && matches!(s, Counts::Yes | Counts::YesUnmeasured))
    };
    for size in 2..=candidates.len() {
        // Index combinations in lexicographic order: the earliest candidates first.
        let mut chosen: Vec<usize> = (0..size).collect();
        loop {
            if rule_score(&part.rule, scale_min, &|id: &str| counting(&chosen, id)) > score {
                return chosen.iter().map(|&i| candidates[i].to_string()).collect();
            }
            let Some(i) = (0..size)
                .rev()
                .find(|&i| chosen[i] < candidates.len() - size + i)
            else {
                break;
            };
            chosen[i] += 1;
            for j in i + 1..size {
                chosen[j] = chosen[j - 1] + 1;
            }
        }
    }
    Vec::new()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormSummary {
    pub parts: Vec<PartScore>,
    /// The unrounded mean of the part scores, once every part has a score.
    pub total: Option<Mean>,
    /// Some part is provisional.
    pub provisional: bool,
    pub progress: Progress,
}

pub fn summary(norm: &Norm, answers: &ItemAnswers) -> NormSummary {
    let parts: Vec<PartScore> = norm
        .parts
        .iter()
        .map(|p| score_part(p, norm.scale.min, answers))
        .collect();
    let total = if parts.iter().all(|p| p.score.is_some()) {
        Mean::of(parts.iter().filter_map(|p| p.score.map(u32::from)))
    } else {
        None
    };
    let progress = parts
        .iter()
        .fold(Progress::default(), |acc, p| acc.plus(p.progress));
    NormSummary {
        provisional: parts.iter().any(|p| p.provisional),
        parts,
        total,
        progress,
    }
}

/// "voldoende" or "onder voldoende" for a total, on a scale with a sufficient mark.
pub fn verdict(total: Mean, sufficient: u8) -> &'static str {
    if total.value() >= f64::from(sufficient) {
        "voldoende"
    } else {
        "onder voldoende"
    }
}
