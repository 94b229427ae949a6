//! The instruments as data: one `Instrument` per file in `data/`, each of a kind with its
//! own content, parsed and validated into a registry (`Instruments`). Adding an instrument
//! of an existing kind is adding a data file and one line in `EMBEDDED`.

mod calculator;
mod checklist;
mod grid;
mod model;
mod norm;
mod validate;

pub use calculator::{CalcRule, Calculator, Input, Output, RuleIds, SumRule, Unit};
pub use checklist::{
    CheckItem, Checklist, ChoiceOption, Draft, DraftParagraph, DraftSection, Field, FieldKind,
    Section, placeholders,
};
pub use grid::{Grid, GridItem};
pub use model::{BoxDef, Group, IkmModel, Mapping, RatingDef};
pub use norm::{
    Compare, Condition, Criterion, Measurement, Norm, Part, Points, Rule, Scale, Step, Threshold,
};

use serde::{Deserialize, Serialize};

/// One instrument: who made it, what it is for, and its content by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: String,
    pub version: u32,
    pub title: String,
    /// A short name for columns and side panels: "Gouden Oor", "Stv".
    pub short: String,
    /// Publisher or source document.
    pub publisher: String,
    /// Paragraphs of the instrument's own introduction.
    pub intro: Vec<String>,
    pub kind: Kind,
}

/// The kinds of instrument; a new kind is only added where a new scoring rule is needed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Kind {
    /// Items × ordered levels (the Gouden Oor Maturity Check).
    MaturityGrid(Grid),
    /// Parts of criteria scored by stepwise or additive rules (the Stv normenkader).
    NormFramework(Norm),
    /// Sections of items answered ja / deels / nee / n.v.t., plus fields.
    Checklist(Checklist),
    /// Numeric inputs and outputs computed by a named rule.
    Calculator(Calculator),
    /// A model whose boxes are scored from the other instruments' items.
    Model(IkmModel),
}

impl Kind {
    /// The kind's name in Dutch, for `goudenoor instruments`.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::MaturityGrid(_) => "volwassenheidsmodel",
            Kind::NormFramework(_) => "normenkader",
            Kind::Checklist(_) => "checklist",
            Kind::Calculator(_) => "rekenmodel",
            Kind::Model(_) => "model",
        }
    }
}

/// Who answers an item: every respondent, or the organisation once (fields, inputs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Respondent,
    Organisation,
}

/// What kind of answer an item takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ItemKind<'a> {
    /// A level on the grid (1…levels), with an ambition.
    Level {
        levels: usize,
    },
    /// A rating without ambition (the IKM performance indicators).
    Rating {
        min: u8,
        max: u8,
    },
    Criterion,
    Check,
    Measurement(&'a Measurement),
    Field(&'a Field),
    Input(&'a Input),
}

/// Every answerable item of an instrument, in the instrument's order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemRef<'a> {
    pub id: &'a str,
    /// "1 Klacht → Feedback", "I.2 Beleidsplan …", "Klanten".
    pub label: &'a str,
    pub kind: ItemKind<'a>,
    pub scope: Scope,
}

impl Instrument {
    /// Every answerable item, in order.
    pub fn items(&self) -> Vec<ItemRef<'_>> {
        match &self.kind {
            Kind::MaturityGrid(grid) => grid
                .items
                .iter()
                .map(|i| ItemRef {
                    id: &i.id,
                    label: &i.to,
                    kind: ItemKind::Level {
                        levels: grid.levels.len(),
                    },
                    scope: Scope::Respondent,
                })
                .collect(),
            Kind::NormFramework(norm) => norm
                .parts
                .iter()
                .flat_map(|p| &p.criteria)
                .flat_map(|c| {
                    std::iter::once(ItemRef {
                        id: &c.id,
                        label: &c.short,
                        kind: ItemKind::Criterion,
                        scope: Scope::Respondent,
                    })
                    .chain(c.measurement.iter().map(|m| ItemRef {
                        id: &m.id,
                        label: &m.name,
                        kind: ItemKind::Measurement(m),
                        scope: Scope::Respondent,
                    }))
                })
                .collect(),
            Kind::Checklist(list) => list
                .sections
                .iter()
                .flat_map(|s| &s.items)
                .map(|i| ItemRef {
                    id: &i.id,
                    label: &i.text,
                    kind: ItemKind::Check,
                    scope: Scope::Respondent,
                })
                .chain(list.fields.iter().map(|f| ItemRef {
                    id: &f.id,
                    label: &f.label,
                    kind: ItemKind::Field(f),
                    scope: Scope::Organisation,
                }))
                .collect(),
            Kind::Calculator(calc) => calc
                .inputs
                .iter()
                .map(|i| ItemRef {
                    id: &i.id,
                    label: &i.label,
                    kind: ItemKind::Input(i),
                    scope: Scope::Organisation,
                })
                .chain(calc.measurements.iter().map(|m| ItemRef {
                    id: &m.id,
                    label: &m.name,
                    kind: ItemKind::Measurement(m),
                    scope: Scope::Organisation,
                }))
                .collect(),
            Kind::Model(model) => match &model.rating {
                Some(rating) => model
                    .boxes
                    .iter()
                    .filter(|b| b.group == rating.group)
                    .map(|b| ItemRef {
                        id: &b.id,
                        label: &b.title,
                        kind: ItemKind::Rating {
                            min: rating.min,
                            max: rating.max,
                        },
                        scope: Scope::Respondent,
                    })
                    .collect(),
                None => Vec::new(),
            },
        }
    }

    pub fn item(&self, id: &str) -> Option<ItemRef<'_>> {
        self.items().into_iter().find(|i| i.id == id)
    }

    /// The number of items a respondent answers (for progress).
    pub fn respondent_items(&self) -> usize {
        self.items()
            .iter()
            .filter(|i| i.scope == Scope::Respondent)
            .count()
    }

    pub fn grid(&self) -> Option<&Grid> {
        match &self.kind {
            Kind::MaturityGrid(grid) => Some(grid),
            _ => None,
        }
    }

    pub fn norm(&self) -> Option<&Norm> {
        match &self.kind {
            Kind::NormFramework(norm) => Some(norm),
            _ => None,
        }
    }

    pub fn checklist(&self) -> Option<&Checklist> {
        match &self.kind {
            Kind::Checklist(list) => Some(list),
            _ => None,
        }
    }

    pub fn calculator(&self) -> Option<&Calculator> {
        match &self.kind {
            Kind::Calculator(calc) => Some(calc),
            _ => None,
        }
    }

    pub fn model(&self) -> Option<&IkmModel> {
        match &self.kind {
            Kind::Model(model) => Some(model),
            _ => None,
        }
    }

    /// Parse and validate one instrument; `file` names it in errors.
    pub fn from_ron(file: &str, text: &str) -> Result<Instrument, InstrumentError> {
        let instrument: Instrument = ron::from_str(text).map_err(|e| InstrumentError::Parse {
            file: file.to_string(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
        validate::instrument(file, &instrument)?;
        Ok(instrument)
    }
}

/// What is wrong with an instrument file (a defect of the build or of a test fixture).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InstrumentError {
    #[error("{file}: kan het instrument niet lezen (regel {line}, kolom {column}): {message}")]
    Parse {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: het id \"{id}\" komt meer dan eens voor")]
    DuplicateId { file: String, id: String },
    #[error("{file}: \"{item}\" heeft {found} uitspraken, verwacht {expected} (één per niveau)")]
    MissingLevels {
        file: String,
        item: String,
        found: usize,
        expected: usize,
    },
    #[error("{file}: {place} noemt \"{id}\", maar dat bestaat niet")]
    UnknownId {
        file: String,
        place: String,
        id: String,
    },
    #[error(
        "{file}: onderdeel {part}: score {score} valt buiten de schaal of staat niet in oplopende volgorde"
    )]
    BadScore {
        file: String,
        part: String,
        score: u8,
    },
    #[error("{file}: {what} ontbreekt")]
    Empty { file: String, what: String },
    #[error("{file}: {what}")]
    Invalid { file: String, what: String },
}

/// The registry: every instrument, in the order the app offers them.
#[derive(Debug, Clone, PartialEq)]
pub struct Instruments {
    list: Vec<Instrument>,
}

/// The embedded instrument files, in the order the app offers them.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "data/gouden_oor.ron",
        include_str!("../../../data/gouden_oor.ron"),
    ),
    (
        "data/stv_kfm.ron",
        include_str!("../../../data/stv_kfm.ron"),
    ),
    (
        "data/klachtenprocedure.ron",
        include_str!("../../../data/klachtenprocedure.ron"),
    ),
    (
        "data/businesscase.ron",
        include_str!("../../../data/businesscase.ron"),
    ),
    ("data/ikm.ron", include_str!("../../../data/ikm.ron")),
];

/// The instruments a new assessment includes unless told otherwise.
pub const DEFAULT_INSTRUMENTS: &[&str] = &["gouden-oor", "stv-kfm"];

impl Instruments {
    /// Parse and validate instrument files, and check that ids are unique across them.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Instruments, InstrumentError> {
        let list = files
            .iter()
            .map(|(file, text)| Instrument::from_ron(file, text))
            .collect::<Result<Vec<_>, _>>()?;
        let instruments = Instruments { list };
        validate::registry(files, &instruments)?;
        Ok(instruments)
    }

    pub fn load() -> Result<Instruments, InstrumentError> {
        Instruments::from_files(EMBEDDED)
    }

    /// The embedded instruments; they are checked by the tests, so failing here is a build defect.
    pub fn embedded() -> &'static Instruments {
        static CELL: std::sync::OnceLock<Instruments> = std::sync::OnceLock::new();
        CELL.get_or_init(|| Instruments::load().expect("embedded instruments are valid"))
    }

    /// A registry that lives for the rest of the program (tests with extra instruments).
    pub fn leak(self) -> &'static Instruments {
        Box::leak(Box::new(self))
    }

    pub fn iter(&self) -> impl Iterator<Item = &Instrument> {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Instrument> {
        self.list.iter().find(|i| i.id == id)
    }

    /// The instrument that holds the item `id`, and the item.
    pub fn find_item(&self, id: &str) -> Option<(&Instrument, ItemRef<'_>)> {
        self.list
            .iter()
            .find_map(|inst| inst.item(id).map(|item| (inst, item)))
    }

    /// The instruments named by `ids`, in registry order; unknown ids are skipped.
    pub fn selected(&self, ids: &[String]) -> std::vec::IntoIter<&Instrument> {
        self.list
            .iter()
            .filter(|i| ids.contains(&i.id))
            .collect::<Vec<_>>()
            .into_iter()
    }
}
