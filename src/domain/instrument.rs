//! The two instruments as data: types that mirror `data/*.ron`, parsing and validation.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// The Gouden Oor Maturity Check: paradigm shifts with one statement per level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaturityCheck {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub intro: String,
    /// Level names, lowest first: aardig, goed, prima, goud.
    pub levels: Vec<String>,
    pub shifts: Vec<Shift>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shift {
    pub id: String,
    pub number: u8,
    pub from: String,
    pub to: String,
    /// One statement per level, lowest first.
    pub statements: Vec<String>,
}

/// A norm framework in parts, each scored 1–5 by its own rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormFramework {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub publisher: String,
    /// Paragraphs of the introduction.
    pub intro: Vec<String>,
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub id: String,
    pub numeral: String,
    pub title: String,
    /// The "gedachtegang".
    pub intro: String,
    /// What score 1 looks like, where the framework describes it.
    #[serde(default)]
    pub level_one: Option<String>,
    pub criteria: Vec<Criterion>,
    pub rule: Rule,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: String,
    /// A heading that starts a group of criteria (part IV).
    #[serde(default)]
    pub heading: Option<String>,
    /// Where the criterion sits on the scale: "Score 3 · a", "+1".
    pub label: String,
    /// A short name for lists and next steps.
    pub short: String,
    pub text: String,
    /// A measured percentage that must reach this threshold (IV.4: 90% of response times).
    #[serde(default)]
    pub threshold_pct: Option<u8>,
}

/// How a part's criteria make its score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rule {
    /// The highest score L such that every step from 2 up to L holds; 1 otherwise.
    Stepwise(Vec<Step>),
    /// The sum of the points whose condition holds, kept within `min..=max`.
    Additive {
        points: Vec<Points>,
        min: u8,
        max: u8,
    },
}

impl Rule {
    /// The rule's name as the framework uses it.
    pub fn name(&self) -> &'static str {
        match self {
            Rule::Stepwise(_) => "trapsgewijs",
            Rule::Additive { .. } => "optelsom",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub score: u8,
    pub holds: Condition,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Points {
    pub points: u8,
    pub when: Condition,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Condition {
    All(Vec<String>),
    Any(Vec<String>),
}

impl Condition {
    pub fn ids(&self) -> &[String] {
        match self {
            Condition::All(ids) | Condition::Any(ids) => ids,
        }
    }

    pub fn holds(&self, met: impl Fn(&str) -> bool) -> bool {
        match self {
            Condition::All(ids) => ids.iter().all(|id| met(id)),
            Condition::Any(ids) => ids.iter().any(|id| met(id)),
        }
    }

    /// "II.A of II.B", "III.3a en III.3b".
    pub fn describe(&self) -> String {
        let (ids, word) = match self {
            Condition::All(ids) => (ids, " en "),
            Condition::Any(ids) => (ids, " of "),
        };
        ids.join(word)
    }
}

impl Part {
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// The criteria a next step asks for, with their short names: "II.A Middelen … of
    /// II.B Beslisruimte …", "III.3a …; III.3b …".
    pub fn missing_names(&self, step: &super::scoring::PartStep) -> String {
        let names: Vec<String> = step
            .missing
            .iter()
            .filter_map(|id| self.criterion(id))
            .map(|c| format!("{} {}", c.id, c.short))
            .collect();
        let joiner = if step.describe.contains(" of ") {
            " of "
        } else {
            "; "
        };
        names.join(joiner)
    }

    /// The rule in a sentence, for the screen and the reports.
    pub fn rule_text(&self) -> String {
        match &self.rule {
            Rule::Stepwise(steps) => {
                let special: Vec<String> = steps
                    .iter()
                    .filter(|s| s.holds.ids().len() > 1)
                    .map(|s| format!("score {} vraagt {}", s.score, s.holds.describe()))
                    .collect();
                let mut text = String::from(
                    "Trapsgewijs: de score is het hoogste niveau waarvoor alle niveaus vanaf 2 gelden; 1 als niveau 2 niet geldt.",
                );
                if !special.is_empty() {
                    text.push(' ');
                    text.push_str(&capitalize(&special.join("; ")));
                    text.push('.');
                }
                text
            }
            Rule::Additive { points, min, max } => {
                let terms: Vec<String> = points
                    .iter()
                    .map(|p| format!("{} +{}", p.when.describe(), p.points))
                    .collect();
                format!(
                    "Optelsom: {}; de score is die som, ten minste {min} en ten hoogste {max}.",
                    terms.join(", ")
                )
            }
        }
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What is wrong with an instrument file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstrumentError {
    Parse {
        file: String,
        message: String,
    },
    DuplicateId {
        file: String,
        id: String,
    },
    MissingLevels {
        file: String,
        shift: String,
        found: usize,
        expected: usize,
    },
    UnknownId {
        file: String,
        part: String,
        id: String,
    },
    BadScore {
        file: String,
        part: String,
        score: u8,
    },
    Empty {
        file: String,
        what: String,
    },
}

impl fmt::Display for InstrumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InstrumentError::Parse { file, message } => {
                write!(f, "{file}: kan het instrument niet lezen: {message}")
            }
            InstrumentError::DuplicateId { file, id } => {
                write!(f, "{file}: het id \"{id}\" komt meer dan eens voor")
            }
            InstrumentError::MissingLevels {
                file,
                shift,
                found,
                expected,
            } => write!(
                f,
                "{file}: shift \"{shift}\" heeft {found} uitspraken, verwacht {expected} (één per niveau)"
            ),
            InstrumentError::UnknownId { file, part, id } => write!(
                f,
                "{file}: de regel van onderdeel {part} noemt \"{id}\", maar dat criterium bestaat niet in dat onderdeel"
            ),
            InstrumentError::BadScore { file, part, score } => write!(
                f,
                "{file}: onderdeel {part}: score {score} valt buiten 2–5 of staat niet in oplopende volgorde"
            ),
            InstrumentError::Empty { file, what } => write!(f, "{file}: {what} ontbreekt"),
        }
    }
}

impl std::error::Error for InstrumentError {}

fn parse<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<T, InstrumentError> {
    ron::from_str(text).map_err(|e| InstrumentError::Parse {
        file: file.to_string(),
        message: e.to_string(),
    })
}

fn check_unique<'a>(file: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), InstrumentError> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(InstrumentError::DuplicateId {
                file: file.to_string(),
                id: id.to_string(),
            });
        }
    }
    Ok(())
}

impl MaturityCheck {
    /// Parse and validate a maturity check; `file` names it in errors.
    pub fn from_ron(file: &str, text: &str) -> Result<Self, InstrumentError> {
        let check: MaturityCheck = parse(file, text)?;
        check.validate(file)?;
        Ok(check)
    }

    fn validate(&self, file: &str) -> Result<(), InstrumentError> {
        if self.levels.is_empty() {
            return Err(InstrumentError::Empty {
                file: file.into(),
                what: "de lijst met niveaus".into(),
            });
        }
        if self.shifts.is_empty() {
            return Err(InstrumentError::Empty {
                file: file.into(),
                what: "de lijst met shifts".into(),
            });
        }
        check_unique(file, self.shifts.iter().map(|s| s.id.as_str()))?;
        for shift in &self.shifts {
            if shift.statements.len() != self.levels.len() {
                return Err(InstrumentError::MissingLevels {
                    file: file.into(),
                    shift: shift.id.clone(),
                    found: shift.statements.len(),
                    expected: self.levels.len(),
                });
            }
        }
        Ok(())
    }

    pub fn shift(&self, id: &str) -> Option<&Shift> {
        self.shifts.iter().find(|s| s.id == id)
    }

    pub fn level_name(&self, level: super::Level) -> &str {
        &self.levels[level.index()]
    }
}

impl NormFramework {
    /// Parse and validate a norm framework; `file` names it in errors.
    pub fn from_ron(file: &str, text: &str) -> Result<Self, InstrumentError> {
        let framework: NormFramework = parse(file, text)?;
        framework.validate(file)?;
        Ok(framework)
    }

    fn validate(&self, file: &str) -> Result<(), InstrumentError> {
        if self.parts.is_empty() {
            return Err(InstrumentError::Empty {
                file: file.into(),
                what: "de lijst met onderdelen".into(),
            });
        }
        check_unique(file, self.parts.iter().map(|p| p.id.as_str()))?;
        check_unique(
            file,
            self.parts
                .iter()
                .flat_map(|p| p.criteria.iter().map(|c| c.id.as_str())),
        )?;
        for part in &self.parts {
            let conditions: Vec<&Condition> = match &part.rule {
                Rule::Stepwise(steps) => {
                    for (expected, step) in (2..).zip(steps) {
                        if step.score != expected || step.score > 5 {
                            return Err(InstrumentError::BadScore {
                                file: file.into(),
                                part: part.id.clone(),
                                score: step.score,
                            });
                        }
                    }
                    steps.iter().map(|s| &s.holds).collect()
                }
                Rule::Additive { points, .. } => points.iter().map(|p| &p.when).collect(),
            };
            for condition in conditions {
                if condition.ids().is_empty() {
                    return Err(InstrumentError::Empty {
                        file: file.into(),
                        what: format!("een voorwaarde in de regel van onderdeel {}", part.id),
                    });
                }
                for id in condition.ids() {
                    if part.criterion(id).is_none() {
                        return Err(InstrumentError::UnknownId {
                            file: file.into(),
                            part: part.id.clone(),
                            id: id.clone(),
                        });
                    }
                }
            }
        }
        Ok(())
    }

    pub fn part(&self, id: &str) -> Option<&Part> {
        self.parts.iter().find(|p| p.id == id)
    }

    pub fn criteria(&self) -> impl Iterator<Item = (&Part, &Criterion)> {
        self.parts
            .iter()
            .flat_map(|p| p.criteria.iter().map(move |c| (p, c)))
    }
}

/// Both instruments, parsed once at start-up from the embedded data files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instruments {
    pub gouden_oor: MaturityCheck,
    pub stv: NormFramework,
}

pub const GOUDEN_OOR_RON: &str = include_str!("../../data/gouden_oor.ron");
pub const STV_RON: &str = include_str!("../../data/stv_kfm.ron");

impl Instruments {
    pub fn load() -> Result<Self, InstrumentError> {
        Ok(Instruments {
            gouden_oor: MaturityCheck::from_ron("data/gouden_oor.ron", GOUDEN_OOR_RON)?,
            stv: NormFramework::from_ron("data/stv_kfm.ron", STV_RON)?,
        })
    }

    /// The embedded instruments; they are checked by the tests, so failing here is a build defect.
    pub fn embedded() -> &'static Instruments {
        static CELL: std::sync::OnceLock<Instruments> = std::sync::OnceLock::new();
        CELL.get_or_init(|| Instruments::load().expect("embedded instruments are valid"))
    }
}
