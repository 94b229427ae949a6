//! What a respondent (or the group, or the organisation) answered: per instrument, per
//! item id, one `Answer` of the kind the item takes.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A level on a grid or a rating scale, counted from 1. Whether it exists on the
/// instrument's scale is checked against the instrument (`validate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

impl Level {
    pub const MIN: Level = Level(1);

    pub fn new(value: u8) -> Option<Level> {
        (value >= 1).then_some(Level(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// Position in the instrument's `levels` list.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }

    /// The level above, if the scale (`top` levels) has one.
    pub fn next(self, top: u8) -> Option<Level> {
        (self.0 < top).then_some(Level(self.0 + 1))
    }
}

impl TryFrom<u8> for Level {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Level::new(value).ok_or_else(|| format!("niveau {value} bestaat niet (vanaf 1)"))
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
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

    /// The stable name in JSON, sheets and the web API.
    pub fn key(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Met => "met",
            Status::NotMet => "not_met",
        }
    }
}

/// A checklist item: ja, deels, nee, niet van toepassing, or not yet answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Check {
    #[default]
    Open,
    Ja,
    Deels,
    Nee,
    Nvt,
}

impl Check {
    pub const ANSWERS: [Check; 4] = [Check::Ja, Check::Deels, Check::Nee, Check::Nvt];

    pub fn label(self) -> &'static str {
        match self {
            Check::Open => "open",
            Check::Ja => "ja",
            Check::Deels => "deels",
            Check::Nee => "nee",
            Check::Nvt => "n.v.t.",
        }
    }

    /// The stable name in JSON, sheets and the web API.
    pub fn key(self) -> &'static str {
        match self {
            Check::Nvt => "nvt",
            other => other.label(),
        }
    }

    /// Points in halves: ja 2, deels 1, nee 0; n.v.t. and open count for nothing.
    pub fn halves(self) -> Option<u32> {
        match self {
            Check::Ja => Some(2),
            Check::Deels => Some(1),
            Check::Nee => Some(0),
            Check::Open | Check::Nvt => None,
        }
    }
}

/// One answer, of the kind its item takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Answer {
    /// A grid level or a rating, with an optional ambition (grids only).
    Scale {
        #[serde(default)]
        value: Option<Level>,
        #[serde(default)]
        ambition: Option<Level>,
        #[serde(default)]
        note: String,
    },
    Criterion {
        #[serde(default)]
        status: Status,
        #[serde(default)]
        note: String,
    },
    Check {
        #[serde(default)]
        answer: Check,
        #[serde(default)]
        note: String,
    },
    /// A measurement, a calculator input or a number field.
    Number(f64),
    Text(String),
    /// Option ids of a choice field, and the organisation's own text.
    Choice {
        #[serde(default)]
        options: Vec<String>,
        #[serde(default)]
        other: String,
    },
}

impl Answer {
    /// Nothing answered: such answers are dropped so files stay small.
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Scale {
                value,
                ambition,
                note,
            } => value.is_none() && ambition.is_none() && note.is_empty(),
            Answer::Criterion { status, note } => *status == Status::Open && note.is_empty(),
            Answer::Check { answer, note } => *answer == Check::Open && note.is_empty(),
            Answer::Number(_) => false,
            Answer::Text(text) => text.is_empty(),
            Answer::Choice { options, other } => options.is_empty() && other.is_empty(),
        }
    }

    pub fn note(&self) -> &str {
        match self {
            Answer::Scale { note, .. }
            | Answer::Criterion { note, .. }
            | Answer::Check { note, .. } => note,
            _ => "",
        }
    }

    /// Whether this counts as answered for progress (a note alone does not).
    pub fn is_answered(&self) -> bool {
        match self {
            Answer::Scale { value, .. } => value.is_some(),
            Answer::Criterion { status, .. } => *status != Status::Open,
            Answer::Check { answer, .. } => *answer != Check::Open,
            other => !other.is_empty(),
        }
    }
}

/// One instrument's answers, by item id.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct ItemAnswers(pub BTreeMap<String, Answer>);

impl<'de> Deserialize<'de> for ItemAnswers {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        unique_map(deserializer).map(ItemAnswers)
    }
}

/// A map in which a key may occur once: serde's own map would silently keep only the
/// last of two answers for the same id (or instrument). Also for older file formats.
pub fn unique_map<'de, D, T>(deserializer: D) -> Result<BTreeMap<String, T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Visitor<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visitor<T> {
        type Value = BTreeMap<String, T>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(key) = map.next_key::<String>()? {
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!(
                        "\"{key}\" staat er twee keer in; verwijder een van beide"
                    )));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(Visitor(std::marker::PhantomData))
}

impl ItemAnswers {
    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.0.get(id)
    }

    pub fn level(&self, id: &str) -> Option<Level> {
        match self.0.get(id) {
            Some(Answer::Scale { value, .. }) => *value,
            _ => None,
        }
    }

    pub fn ambition(&self, id: &str) -> Option<Level> {
        match self.0.get(id) {
            Some(Answer::Scale { ambition, .. }) => *ambition,
            _ => None,
        }
    }

    pub fn status(&self, id: &str) -> Status {
        match self.0.get(id) {
            Some(Answer::Criterion { status, .. }) => *status,
            _ => Status::Open,
        }
    }

    pub fn is_met(&self, id: &str) -> bool {
        self.status(id) == Status::Met
    }

    pub fn check(&self, id: &str) -> Check {
        match self.0.get(id) {
            Some(Answer::Check { answer, .. }) => *answer,
            _ => Check::Open,
        }
    }

    pub fn number(&self, id: &str) -> Option<f64> {
        match self.0.get(id) {
            Some(Answer::Number(n)) => Some(*n),
            _ => None,
        }
    }

    pub fn text(&self, id: &str) -> Option<&str> {
        match self.0.get(id) {
            Some(Answer::Text(t)) => Some(t),
            _ => None,
        }
    }

    pub fn note(&self, id: &str) -> &str {
        self.0.get(id).map_or("", Answer::note)
    }

    /// Set or replace an answer; an empty one is removed.
    pub fn set(&mut self, id: &str, answer: Answer) {
        if answer.is_empty() {
            self.0.remove(id);
        } else {
            self.0.insert(id.to_string(), answer);
        }
    }

    pub fn clear(&mut self, id: &str) {
        self.0.remove(id);
    }

    fn scale(&self, id: &str) -> (Option<Level>, Option<Level>, String) {
        match self.0.get(id) {
            Some(Answer::Scale {
                value,
                ambition,
                note,
            }) => (*value, *ambition, note.clone()),
            _ => (None, None, String::new()),
        }
    }

    pub fn set_level(&mut self, id: &str, level: Option<Level>) {
        let (_, ambition, note) = self.scale(id);
        self.set(
            id,
            Answer::Scale {
                value: level,
                ambition,
                note,
            },
        );
    }

    pub fn set_ambition(&mut self, id: &str, ambition: Option<Level>) {
        let (value, _, note) = self.scale(id);
        self.set(
            id,
            Answer::Scale {
                value,
                ambition,
                note,
            },
        );
    }

    pub fn set_status(&mut self, id: &str, status: Status) {
        let note = self.note(id).to_string();
        self.set(id, Answer::Criterion { status, note });
    }

    pub fn set_check(&mut self, id: &str, answer: Check) {
        let note = self.note(id).to_string();
        self.set(id, Answer::Check { answer, note });
    }

    /// Replace the note, keeping the rest; `kind` is the empty answer of the item's kind
    /// for an item without an answer yet.
    pub fn set_note(&mut self, id: &str, empty: Answer, note: String) {
        let mut answer = self.0.get(id).cloned().unwrap_or(empty);
        match &mut answer {
            Answer::Scale { note: n, .. }
            | Answer::Criterion { note: n, .. }
            | Answer::Check { note: n, .. } => *n = note,
            _ => {}
        }
        self.set(id, answer);
    }

    pub fn set_number(&mut self, id: &str, value: Option<f64>) {
        match value {
            Some(v) => self.set(id, Answer::Number(v)),
            None => self.clear(id),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn answered(&self) -> usize {
        self.0.values().filter(|a| a.is_answered()).count()
    }
}

/// Answers by instrument id, then item id.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, ItemAnswers>);

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        unique_map(deserializer).map(Answers)
    }
}

static NONE: std::sync::LazyLock<ItemAnswers> = std::sync::LazyLock::new(ItemAnswers::default);

impl Answers {
    /// One instrument's answers (empty when it has none).
    pub fn of(&self, instrument: &str) -> &ItemAnswers {
        self.0.get(instrument).unwrap_or(&NONE)
    }

    pub fn of_mut(&mut self, instrument: &str) -> &mut ItemAnswers {
        self.0.entry(instrument.to_string()).or_default()
    }

    /// Drop instruments without answers, so files stay small.
    pub fn tidy(&mut self) {
        self.0.retain(|_, a| !a.is_empty());
    }

    pub fn is_empty(&self) -> bool {
        self.0.values().all(ItemAnswers::is_empty)
    }

    /// `other`'s answers replace these, item by item.
    pub fn overlay(&mut self, other: &Answers) {
        for (instrument, items) in &other.0 {
            let target = self.of_mut(instrument);
            for (id, answer) in &items.0 {
                target.0.insert(id.clone(), answer.clone());
            }
        }
    }
}
