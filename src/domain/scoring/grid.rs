//! A maturity grid: the mean of the answered items, the level it names (rounded down),
//! how many items sit at each level, the gaps to the ambition, the next steps.

use super::{Mean, Progress};
use crate::domain::answers::{ItemAnswers, Level};
use crate::domain::instrument::Grid;

#[derive(Debug, Clone, PartialEq)]
pub struct GridSummary {
    pub progress: Progress,
    /// Mean of the answered items.
    pub mean: Option<Mean>,
    /// The level named by the mean rounded down.
    pub level: Option<Level>,
    /// How many items sit at each level, lowest first.
    pub counts: Vec<usize>,
    /// Items below their ambition, furthest first.
    pub gaps: Vec<Gap>,
    /// Items whose ambition lies below their current level.
    pub below_current: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub item: String,
    pub level: Level,
    pub ambition: Level,
    pub gap: u8,
}

pub fn summary(grid: &Grid, answers: &ItemAnswers) -> GridSummary {
    let levels: Vec<Level> = grid
        .items
        .iter()
        .filter_map(|s| answers.level(&s.id))
        .collect();
    let mean = Mean::of(levels.iter().map(|l| u32::from(l.value())));
    let mut counts = vec![0; grid.levels.len()];
    for level in &levels {
        if let Some(count) = counts.get_mut(level.index()) {
            *count += 1;
        }
    }
    let mut gaps = Vec::new();
    let mut below_current = Vec::new();
    for item in &grid.items {
        if let (Some(level), Some(ambition)) = (answers.level(&item.id), answers.ambition(&item.id))
        {
            if ambition > level {
                gaps.push(Gap {
                    item: item.id.clone(),
                    level,
                    ambition,
                    gap: ambition.value() - level.value(),
                });
            } else if ambition < level {
                below_current.push(item.id.clone());
            }
        }
    }
    // A stable sort keeps the grid's order among equal gaps.
    gaps.sort_by_key(|g| std::cmp::Reverse(g.gap));
    GridSummary {
        progress: Progress {
            done: levels.len(),
            total: grid.items.len(),
        },
        mean,
        level: mean.and_then(|m| Level::new(m.floor() as u8)),
        counts,
        gaps,
        below_current,
    }
}

/// The next step for one item: the statement of the level above the current one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridStep {
    pub item: String,
    pub current: Level,
    pub next: Level,
    pub ambition: Option<Level>,
    pub statement: String,
}

impl GridStep {
    /// Levels still to climb to the ambition (0 without one, or when reached).
    pub fn gap(&self) -> u8 {
        self.ambition
            .map_or(0, |a| a.value().saturating_sub(self.current.value()))
    }
}

/// Next steps for every answered item below the top, the largest gap to the ambition first.
pub fn next_steps(grid: &Grid, answers: &ItemAnswers) -> Vec<GridStep> {
    let mut steps: Vec<GridStep> = grid
        .items
        .iter()
        .filter_map(|item| {
            let current = answers.level(&item.id)?;
            let next = current.next(grid.top())?;
            Some(GridStep {
                item: item.id.clone(),
                current,
                next,
                ambition: answers.ambition(&item.id),
                statement: item.statements[next.index()].clone(),
            })
        })
        .collect();
    steps.sort_by_key(|s| std::cmp::Reverse(s.gap()));
    steps
}
