//! A maturity grid: items (the paradigm shifts) with one statement per level.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grid {
    /// What one item is called on screen: "shift".
    pub item_name: String,
    /// Level names, lowest first: aardig, goed, prima, goud.
    pub levels: Vec<String>,
    pub items: Vec<GridItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GridItem {
    pub id: String,
    pub number: u8,
    /// The paradigm it moves away from ("Klacht").
    pub from: String,
    /// The paradigm it moves to ("Feedback"); the item's name.
    pub to: String,
    /// One statement per level, lowest first.
    pub statements: Vec<String>,
}

impl GridItem {
    /// "1 Feedback".
    pub fn name(&self) -> String {
        format!("{} {}", self.number, self.to)
    }
}

impl Grid {
    pub fn item(&self, id: &str) -> Option<&GridItem> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The name of level `level` (1-based); "—" outside the grid.
    pub fn level_name(&self, level: super::super::Level) -> &str {
        self.levels
            .get(level.index())
            .map_or("—", |name| name.as_str())
    }

    pub fn top(&self) -> u8 {
        self.levels.len() as u8
    }
}
