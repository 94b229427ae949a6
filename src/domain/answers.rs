//! What a respondent (or the group) answered, by item id.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A Gouden Oor level: 1 aardig, 2 goed, 3 prima, 4 goud.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

impl Level {
    pub const MIN: Level = Level(1);
    pub const MAX: Level = Level(4);
    pub const ALL: [Level; 4] = [Level(1), Level(2), Level(3), Level(4)];

    pub fn new(value: u8) -> Option<Level> {
        (1..=4).contains(&value).then_some(Level(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// Position in the instrument's `levels` list.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }

    pub fn next(self) -> Option<Level> {
        Level::new(self.0 + 1)
    }
}

impl TryFrom<u8> for Level {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Level::new(value).ok_or_else(|| format!("niveau {value} bestaat niet (1–4)"))
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShiftAnswer {
    pub level: Option<Level>,
    /// The ambition (doel).
    pub ambition: Option<Level>,
    pub note: String,
}

impl ShiftAnswer {
    pub fn is_empty(&self) -> bool {
        self.level.is_none() && self.ambition.is_none() && self.note.is_empty()
    }
}

/// A criterion is met, not met, or not yet assessed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Open,
    Met,
    NotMet,
}

impl Status {
    /// Open → met → not met → open: the order of the space bar.
    pub fn cycle(self) -> Status {
        match self {
            Status::Open => Status::Met,
            Status::Met => Status::NotMet,
            Status::NotMet => Status::Open,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Met => "voldaan",
            Status::NotMet => "niet voldaan",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CriterionAnswer {
    pub status: Status,
    /// Evidence: "Dat blijkt uit …".
    pub note: String,
}

/// One respondent's answers (or the group's agreed ones), keyed by item id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub shifts: BTreeMap<String, ShiftAnswer>,
    pub criteria: BTreeMap<String, CriterionAnswer>,
    /// The measured share of published response times met (IV.4), in whole percent.
    pub response_pct: Option<u8>,
}

impl Answers {
    pub fn shift(&self, id: &str) -> ShiftAnswer {
        self.shifts.get(id).cloned().unwrap_or_default()
    }

    pub fn level(&self, id: &str) -> Option<Level> {
        self.shifts.get(id).and_then(|a| a.level)
    }

    pub fn ambition(&self, id: &str) -> Option<Level> {
        self.shifts.get(id).and_then(|a| a.ambition)
    }

    pub fn status(&self, id: &str) -> Status {
        self.criteria.get(id).map(|a| a.status).unwrap_or_default()
    }

    pub fn is_met(&self, id: &str) -> bool {
        self.status(id) == Status::Met
    }

    /// Change one shift answer; empty answers are dropped so files stay small.
    pub fn edit_shift(&mut self, id: &str, edit: impl FnOnce(&mut ShiftAnswer)) {
        let mut answer = self.shift(id);
        edit(&mut answer);
        if answer.is_empty() {
            self.shifts.remove(id);
        } else {
            self.shifts.insert(id.to_string(), answer);
        }
    }

    pub fn edit_criterion(&mut self, id: &str, edit: impl FnOnce(&mut CriterionAnswer)) {
        let mut answer = self.criteria.get(id).cloned().unwrap_or_default();
        edit(&mut answer);
        if answer == CriterionAnswer::default() {
            self.criteria.remove(id);
        } else {
            self.criteria.insert(id.to_string(), answer);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.shifts.is_empty() && self.criteria.is_empty() && self.response_pct.is_none()
    }
}
