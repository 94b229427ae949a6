//! Two rounds side by side: what moved per item, part, section, box and measurement,
//! the change of each headline (computed exactly, shown rounded), which next steps
//! and actions were done, and what cannot be compared.

use super::assessment::{ActionStatus, Assessment};
use super::instrument::Instruments;
use super::result::{AssessmentResult, Detail, InstrumentResult, build};
use super::scoring::{Mean, norm};

/// One line of a comparison: what, before, after, which way.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRow {
    pub id: String,
    pub label: String,
    pub before: String,
    pub after: String,
    pub before_value: Option<f64>,
    pub after_value: Option<f64>,
    /// A lower value is the better one (a measurement whose norm is a maximum).
    pub lower_is_better: bool,
}

impl ChangeRow {
    pub fn delta(&self) -> Option<f64> {
        Some(self.after_value? - self.before_value?)
    }

    /// Which way the value moved: ↑ up, ↓ down.
    pub fn arrow(&self) -> &'static str {
        arrow(self.delta())
    }

    /// Whether the change is for the better (`Greater`), the worse (`Less`) or neither;
    /// `None` when one side is missing. Down is better for a "ten hoogste" norm.
    pub fn verdict(&self) -> Option<std::cmp::Ordering> {
        let delta = self.delta()?;
        let delta = if self.lower_is_better { -delta } else { delta };
        Some(if delta > 1e-9 {
            std::cmp::Ordering::Greater
        } else if delta < -1e-9 {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Equal
        })
    }
}

/// ↑, ↓ or → for a change; blank when one side is missing.
pub fn arrow(delta: Option<f64>) -> &'static str {
    match delta {
        Some(d) if d > 1e-9 => "↑",
        Some(d) if d < -1e-9 => "↓",
        Some(_) => "→",
        None => " ",
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct InstrumentChange {
    pub id: String,
    pub title: String,
    pub short: String,
    pub rows: Vec<ChangeRow>,
    /// The headline before and after, as shown.
    pub before: Option<String>,
    pub after: Option<String>,
    /// The change, exact and then rounded half up: "+0,2".
    pub change: Option<String>,
    pub direction: Option<std::cmp::Ordering>,
    /// Items answered in each round, when they differ.
    pub answered: (usize, usize),
}

/// A next step of the earlier round, and whether its own item was reached.
#[derive(Debug, Clone, PartialEq)]
pub struct StepOutcome {
    pub instrument: String,
    pub item: String,
    pub text: String,
    pub reached: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActionOutcome {
    pub what: String,
    pub owner: String,
    pub items: Vec<String>,
    /// Status in the later round ("klaar" when it was done there, or not carried over
    /// because it was done).
    pub status: ActionStatus,
    /// Whether the items it served moved for the better (down for a "ten hoogste" norm).
    pub moved: Option<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub instruments: Vec<InstrumentChange>,
    pub steps: Vec<StepOutcome>,
    pub actions: Vec<ActionOutcome>,
    /// What could not be compared, and why; empty when everything could.
    pub caveats: Vec<String>,
    pub before: AssessmentResult,
    pub after: AssessmentResult,
}

impl Comparison {
    pub fn achieved(&self) -> impl Iterator<Item = &StepOutcome> {
        self.steps.iter().filter(|s| s.reached)
    }

    pub fn still_open(&self) -> impl Iterator<Item = &StepOutcome> {
        self.steps.iter().filter(|s| !s.reached)
    }
}

/// Why two assessments cannot be compared at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("dit is twee keer dezelfde beoordeling; kies twee verschillende rondes")]
    Same,
}

fn mean_of(result: &InstrumentResult) -> Option<Mean> {
    match &result.detail {
        Detail::Grid(g) => g.summary.mean,
        Detail::Norm(n) => n.total,
        _ => None,
    }
}

/// The value of an item (or part, section, box, measurement) in a result, for "moved":
/// higher is better, so a "ten hoogste" measurement counts negated.
fn value_of(result: &AssessmentResult, id: &str) -> Option<f64> {
    result.instruments.iter().find_map(|r| match &r.detail {
        Detail::Grid(g) => g
            .rows
            .iter()
            .find(|row| row.id == id)
            .and_then(|row| row.level.map(|l| f64::from(l.value()))),
        Detail::Norm(n) => n
            .parts
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.score.map(f64::from))
            .or_else(|| {
                n.parts
                    .iter()
                    .flat_map(|p| &p.criteria)
                    .find(|c| c.id == id)
                    .map(|c| {
                        if c.status == super::Status::Met {
                            1.0
                        } else {
                            0.0
                        }
                    })
            })
            .or_else(|| {
                n.measurements
                    .iter()
                    .find(|m| m.id == id)
                    .and_then(oriented)
            }),
        Detail::Checklist(c) => c
            .sections
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.share.map(|x| x.fraction()))
            .or_else(|| {
                c.sections
                    .iter()
                    .flat_map(|s| &s.items)
                    .find(|i| i.id == id)
                    .and_then(|i| i.answer.halves().map(f64::from))
            }),
        Detail::Calculator(c) => c
            .measurements
            .iter()
            .find(|m| m.id == id)
            .and_then(oriented),
        Detail::Model(m) => m.boxes.iter().find(|b| b.id == id).and_then(|b| b.percent),
    })
}

/// A measurement's value with higher as better.
fn oriented(m: &super::result::MeasurementRow) -> Option<f64> {
    m.value.map(|v| if m.lower_is_better { -v } else { v })
}

fn rows(before: &InstrumentResult, after: &InstrumentResult) -> Vec<ChangeRow> {
    match (&before.detail, &after.detail) {
        (Detail::Grid(x), Detail::Grid(y)) => x
            .rows
            .iter()
            .zip(&y.rows)
            .map(|(a, b)| ChangeRow {
                id: a.id.clone(),
                label: format!("{} {}", a.number, a.to),
                before: x.level_name(a.level),
                after: y.level_name(b.level),
                before_value: a.level.map(|l| f64::from(l.value())),
                after_value: b.level.map(|l| f64::from(l.value())),
                lower_is_better: false,
            })
            .collect(),
        (Detail::Norm(x), Detail::Norm(y)) => x
            .parts
            .iter()
            .zip(&y.parts)
            .map(|(a, b)| ChangeRow {
                id: a.id.clone(),
                label: format!("{} {}", a.numeral, a.title),
                before: a.score.map_or("—".into(), |s| s.to_string()),
                after: b.score.map_or("—".into(), |s| s.to_string()),
                before_value: a.score.map(f64::from),
                after_value: b.score.map(f64::from),
                lower_is_better: false,
            })
            .chain(
                x.measurements
                    .iter()
                    .zip(&y.measurements)
                    .map(|(a, b)| ChangeRow {
                        id: a.id.clone(),
                        label: a.name.clone(),
                        before: a.display.clone(),
                        after: b.display.clone(),
                        before_value: a.value,
                        after_value: b.value,
                        lower_is_better: a.lower_is_better,
                    }),
            )
            .collect(),
        (Detail::Checklist(x), Detail::Checklist(y)) => x
            .sections
            .iter()
            .zip(&y.sections)
            .map(|(a, b)| ChangeRow {
                id: a.id.clone(),
                label: a.title.clone(),
                before: a.share.map_or("—".into(), |s| format!("{}%", s.percent())),
                after: b.share.map_or("—".into(), |s| format!("{}%", s.percent())),
                before_value: a.share.map(|s| 100.0 * s.fraction()),
                after_value: b.share.map(|s| 100.0 * s.fraction()),
                lower_is_better: false,
            })
            .collect(),
        (Detail::Calculator(x), Detail::Calculator(y)) => x
            .measurements
            .iter()
            .zip(&y.measurements)
            .map(|(a, b)| ChangeRow {
                id: a.id.clone(),
                label: format!("{} ({})", a.name, a.threshold),
                before: a.display.clone(),
                after: b.display.clone(),
                before_value: a.value,
                after_value: b.value,
                lower_is_better: a.lower_is_better,
            })
            .collect(),
        (Detail::Model(x), Detail::Model(y)) => x
            .boxes
            .iter()
            .zip(&y.boxes)
            .map(|(a, b)| ChangeRow {
                id: a.id.clone(),
                label: a.title.clone(),
                before: a
                    .percent
                    .map_or("niet bekeken".into(), super::scoring::model::percent_text),
                after: b
                    .percent
                    .map_or("niet bekeken".into(), super::scoring::model::percent_text),
                before_value: a.percent,
                after_value: b.percent,
                lower_is_better: false,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn headline_change(
    before: &InstrumentResult,
    after: &InstrumentResult,
) -> (Option<String>, Option<std::cmp::Ordering>) {
    if let (Some(x), Some(y)) = (mean_of(before), mean_of(after)) {
        return (Some(y.change_from(x)), Some(y.direction(x)));
    }
    match (&before.headline, &after.headline) {
        (Some(x), Some(y)) => (
            Some(x.scale.change_text(x.value, y.value)),
            y.value.partial_cmp(&x.value),
        ),
        _ => (None, None),
    }
}

/// Whether an earlier next step's own item was reached in the later round.
fn reached(
    instruments: &Instruments,
    before: &AssessmentResult,
    after: &AssessmentResult,
    step: &super::result::NextStep,
    instrument: &str,
) -> bool {
    let Some(result) = after.get(instrument) else {
        return false;
    };
    let answers = after.answers.of(instrument);
    match &result.detail {
        Detail::Grid(g) => {
            // The step was the level above the earlier one.
            let earlier = before.get(instrument).and_then(|r| match &r.detail {
                Detail::Grid(x) => x
                    .rows
                    .iter()
                    .find(|row| row.id == step.item)
                    .and_then(|row| row.level),
                _ => None,
            });
            let now = g
                .rows
                .iter()
                .find(|row| row.id == step.item)
                .and_then(|row| row.level);
            matches!((earlier, now), (Some(e), Some(n)) if n > e)
        }
        Detail::Norm(_) => {
            // The step named criteria; reached when one of them (or all, together)
            // now counts.
            let Some(norm_def) = instruments.get(instrument).and_then(|i| i.norm()) else {
                return false;
            };
            let Some(part) = norm_def.part(&step.item) else {
                return false;
            };
            let earlier = norm::score_part(part, norm_def.scale.min, before.answers.of(instrument));
            let Some(next) = earlier.next else {
                return false;
            };
            let now = norm::score_part(part, norm_def.scale.min, answers);
            let counts = |id: &String| {
                answers.is_met(id) && !now.not_counted.iter().any(|n| n.criterion() == id)
            };
            if next.together {
                next.criteria.iter().all(counts)
            } else {
                // Below an additive floor the step named how many points it needs.
                next.criteria.iter().filter(|c| counts(c)).count()
                    >= usize::from(next.points.max(1))
            }
        }
        Detail::Checklist(_) => answers.check(&step.item) == super::Check::Ja,
        Detail::Calculator(c) => c
            .measurements
            .iter()
            .any(|m| m.id == step.item && m.met == Some(true)),
        Detail::Model(m) => m
            .boxes
            .iter()
            .any(|b| b.id == step.item && Some(&b.id) != m.weakest.as_ref()),
    }
}

/// Compare an earlier round `a` with a later round `b`, by id.
pub fn compare(
    instruments: &Instruments,
    a: &Assessment,
    b: &Assessment,
) -> Result<Comparison, CompareError> {
    if a == b || (a.created == b.created && a.title == b.title && a.series == b.series) {
        return Err(CompareError::Same);
    }
    let mut caveats = Vec::new();
    let related = matches!((&a.series, &b.series), (Some(x), Some(y)) if x.id == y.id);
    if !related {
        caveats.push(
            "Deze beoordelingen horen niet bij dezelfde reeks rondes; ze worden vergeleken op de antwoorden per onderdeel."
                .to_string(),
        );
    }
    if b.created < a.created {
        caveats.push("De tweede beoordeling is eerder gemaakt dan de eerste; ↑ en ↓ lezen van de eerste naar de tweede.".to_string());
    }
    let before = build(instruments, a);
    let after = build(instruments, b);
    let mut changes = Vec::new();
    let mut steps = Vec::new();
    for inst in instruments.iter() {
        let x = a.instruments.iter().find(|i| i.id == inst.id);
        let y = b.instruments.iter().find(|i| i.id == inst.id);
        match (x, y) {
            (None, None) => continue,
            (Some(_), None) | (None, Some(_)) => {
                caveats.push(format!(
                    "{}: niet in beide beoordelingen gebruikt en daarom niet vergeleken.",
                    inst.title
                ));
                continue;
            }
            (Some(x), Some(y)) if x.version != y.version => caveats.push(format!(
                "{}: versie {} tegenover versie {}; alleen onderdelen met dezelfde id worden vergeleken.",
                inst.title, x.version, y.version
            )),
            _ => {}
        }
        let (Some(rx), Some(ry)) = (before.get(&inst.id), after.get(&inst.id)) else {
            continue;
        };
        let (change, direction) = headline_change(rx, ry);
        let answered = (rx.progress.done, ry.progress.done);
        if answered.0 != answered.1 {
            caveats.push(format!(
                "{}: de eerste ronde beantwoordde {} van {}, de tweede {} van {}; de gemiddelden rusten op verschillende aantallen.",
                inst.title, answered.0, rx.progress.total, answered.1, ry.progress.total
            ));
        }
        changes.push(InstrumentChange {
            id: inst.id.clone(),
            title: inst.title.clone(),
            short: inst.short.clone(),
            rows: rows(rx, ry),
            before: rx.headline.as_ref().map(|h| h.display.clone()),
            after: ry.headline.as_ref().map(|h| h.display.clone()),
            change,
            direction,
            answered,
        });
        for step in &rx.next_steps {
            steps.push(StepOutcome {
                instrument: inst.id.clone(),
                item: step.item.clone(),
                text: format!("{} — {}", step.title, step.text),
                reached: reached(instruments, &before, &after, step, &inst.id),
            });
        }
    }
    let actions = a
        .actions
        .iter()
        .map(|action| {
            let later = b.actions.iter().find(|x| x.what == action.what);
            let status = match later {
                Some(x) => x.status,
                // Not carried over: only open actions are, so it was done.
                None if action.status == ActionStatus::Klaar => ActionStatus::Klaar,
                None => action.status,
            };
            let moved = action
                .items
                .iter()
                .filter_map(|id| Some(value_of(&after, id)? - value_of(&before, id)?))
                .fold(None, |acc: Option<bool>, d| {
                    Some(acc.unwrap_or(false) || d > 1e-9)
                });
            ActionOutcome {
                what: action.what.clone(),
                owner: action.owner.clone(),
                items: action.items.clone(),
                status,
                moved,
            }
        })
        .collect();
    Ok(Comparison {
        instruments: changes,
        steps,
        actions,
        caveats,
        before,
        after,
    })
}
