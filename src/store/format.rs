//! The assessment file format: versions, migration, strict reading and precise load
//! errors. Format 4 keys answers by instrument and item; formats 1–3 keep loading.

use crate::domain::{
    Action, Answer, Answers, Assessment, InstrumentRef, Instruments, ItemAnswers, Level,
    Respondent, SOLO_RESPONDENT, Series, Status,
};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The format this build writes.
pub const FORMAT: u32 = 4;

/// Why a file's contents could not be read as an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// RON syntax or shape, with the position RON gives.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Well-formed, but naming something that does not exist or a value out of range.
    Content {
        line: usize,
        column: usize,
        message: String,
    },
    Newer {
        found: u32,
    },
    /// Format 0, or a format field that is not a number.
    UnknownFormat,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::Syntax {
                line,
                column,
                message,
            }
            | ParseError::Content {
                line,
                column,
                message,
            } => write!(f, "regel {line}, kolom {column}: {message}"),
            ParseError::Newer { found } => write!(
                f,
                "gemaakt met een nieuwere versie van goudenoor (bestandsformaat {found}, deze versie kent t/m {FORMAT}); werk goudenoor bij om het te openen"
            ),
            ParseError::UnknownFormat => {
                write!(
                    f,
                    "geen geldig bestandsformaat (het veld \"format\" ontbreekt of klopt niet)"
                )
            }
        }
    }
}

impl std::error::Error for ParseError {}

#[derive(Deserialize)]
struct Header {
    format: u32,
}

/// Format 4: answers keyed by instrument, then item; the organisation's facts; actions.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct V4 {
    format: u32,
    title: String,
    #[serde(default)]
    organisation: String,
    created: Timestamp,
    updated: Timestamp,
    instruments: Vec<InstrumentRef>,
    respondents: Vec<Respondent>,
    #[serde(default, skip_serializing_if = "Answers::is_empty")]
    agreed: Answers,
    #[serde(default, skip_serializing_if = "Answers::is_empty")]
    facts: Answers,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    actions: Vec<Action>,
    #[serde(default)]
    note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    series: Option<Series>,
}

impl From<V4> for Assessment {
    fn from(v: V4) -> Self {
        Assessment {
            title: v.title,
            organisation: v.organisation,
            created: v.created,
            updated: v.updated,
            instruments: v.instruments,
            respondents: v.respondents,
            agreed: v.agreed,
            facts: v.facts,
            actions: v.actions,
            note: v.note,
            series: v.series,
        }
    }
}

impl From<&Assessment> for V4 {
    fn from(a: &Assessment) -> Self {
        V4 {
            format: FORMAT,
            title: a.title.clone(),
            organisation: a.organisation.clone(),
            created: a.created,
            updated: a.updated,
            instruments: a.instruments.clone(),
            respondents: a.respondents.clone(),
            agreed: a.agreed.clone(),
            facts: a.facts.clone(),
            actions: a.actions.clone(),
            note: a.note.clone(),
            series: a.series.clone(),
        }
    }
}

// ------------------------------------------------------------------ formats 1–3

/// The answers of formats 1–3: shifts and criteria of the two first instruments.
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct OldAnswers {
    #[serde(deserialize_with = "crate::domain::answers::unique_map")]
    shifts: BTreeMap<String, OldShift>,
    #[serde(deserialize_with = "crate::domain::answers::unique_map")]
    criteria: BTreeMap<String, OldCriterion>,
    response_pct: Option<u8>,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct OldShift {
    level: Option<Level>,
    ambition: Option<Level>,
    note: String,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct OldCriterion {
    status: Status,
    note: String,
}

impl From<OldAnswers> for Answers {
    fn from(old: OldAnswers) -> Self {
        let mut answers = Answers::default();
        let mut go = ItemAnswers::default();
        for (id, s) in old.shifts {
            go.set(
                &id,
                Answer::Scale {
                    value: s.level,
                    ambition: s.ambition,
                    note: s.note,
                },
            );
        }
        let mut stv = ItemAnswers::default();
        for (id, c) in old.criteria {
            stv.set(
                &id,
                Answer::Criterion {
                    status: c.status,
                    note: c.note,
                },
            );
        }
        if let Some(pct) = old.response_pct {
            stv.set("IV.4.pct", Answer::Number(f64::from(pct)));
        }
        answers.0.insert("gouden-oor".into(), go);
        answers.0.insert("stv-kfm".into(), stv);
        answers.tidy();
        answers
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OldRespondent {
    name: String,
    #[serde(default)]
    answers: OldAnswers,
}

/// Formats 2 and 3: several respondents, agreed answers; format 3 adds the series.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V2 {
    #[allow(dead_code)]
    format: u32,
    title: String,
    #[serde(default)]
    organisation: String,
    created: Timestamp,
    updated: Timestamp,
    instruments: Vec<InstrumentRef>,
    respondents: Vec<OldRespondent>,
    #[serde(default)]
    agreed: OldAnswers,
    #[serde(default)]
    note: String,
    #[serde(default)]
    series: Option<Series>,
}

impl From<V2> for Assessment {
    fn from(v: V2) -> Self {
        Assessment {
            title: v.title,
            organisation: v.organisation,
            created: v.created,
            updated: v.updated,
            instruments: v.instruments,
            respondents: v
                .respondents
                .into_iter()
                .map(|r| Respondent {
                    name: r.name,
                    answers: r.answers.into(),
                })
                .collect(),
            agreed: v.agreed.into(),
            facts: Answers::default(),
            actions: Vec::new(),
            note: v.note,
            series: v.series,
        }
    }
}

/// Format 1 (the first release): a solo check, answers at the top level.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1 {
    #[allow(dead_code)]
    #[serde(default)]
    format: u32,
    title: String,
    #[serde(default)]
    organisation: String,
    created: Timestamp,
    updated: Timestamp,
    gouden_oor_version: u32,
    stv_version: u32,
    #[serde(default)]
    answers: OldAnswers,
    #[serde(default)]
    note: String,
}

impl From<V1> for Assessment {
    fn from(v1: V1) -> Self {
        Assessment {
            title: v1.title,
            organisation: v1.organisation,
            created: v1.created,
            updated: v1.updated,
            instruments: vec![
                InstrumentRef {
                    id: "gouden-oor".into(),
                    version: v1.gouden_oor_version,
                },
                InstrumentRef {
                    id: "stv-kfm".into(),
                    version: v1.stv_version,
                },
            ],
            respondents: vec![Respondent {
                name: SOLO_RESPONDENT.into(),
                answers: v1.answers.into(),
            }],
            agreed: Answers::default(),
            facts: Answers::default(),
            actions: Vec::new(),
            note: v1.note,
            series: None,
        }
    }
}

fn syntax(e: ron::error::SpannedError) -> ParseError {
    ParseError::Syntax {
        line: e.span.start.line,
        column: e.span.start.col,
        message: super::messages::ron_message(&e.code),
    }
}

/// Read an assessment of any known format, checked against the embedded instruments.
pub fn parse(text: &str) -> Result<Assessment, ParseError> {
    parse_with(text, Instruments::embedded())
}

/// Read an assessment of any known format and check it against `instruments`.
pub fn parse_with(text: &str, instruments: &Instruments) -> Result<Assessment, ParseError> {
    // Notepad saves with a byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError::Syntax {
            line: 1,
            column: 1,
            message: "het bestand is leeg".into(),
        });
    }
    let header: Header = match ron::from_str(text) {
        Ok(header) => header,
        Err(e) if matches!(e.code, ron::Error::MissingStructField { .. }) => {
            return Err(ParseError::UnknownFormat);
        }
        Err(e) => return Err(syntax(e)),
    };
    let assessment = match header.format {
        1 => ron::from_str::<V1>(text)
            .map(Assessment::from)
            .map_err(syntax)?,
        2 | 3 => ron::from_str::<V2>(text)
            .map(Assessment::from)
            .map_err(syntax)?,
        FORMAT => ron::from_str::<V4>(text)
            .map(Assessment::from)
            .map_err(syntax)?,
        0 => return Err(ParseError::UnknownFormat),
        found => return Err(ParseError::Newer { found }),
    };
    if let Err(problem) = crate::domain::validate::assessment(instruments, &assessment) {
        // The first key is a field name; the others are quoted names and ids.
        let keys: Vec<String> = problem
            .path
            .iter()
            .enumerate()
            .map(|(i, k)| if i == 0 { k.clone() } else { format!("{k:?}") })
            .collect();
        let (line, column) = super::check::locate(text, &keys).unwrap_or((1, 1));
        // Say whose answer it is: the same id occurs once per respondent.
        let message = match problem.path.as_slice() {
            [first, name, _, ..] if first == "respondents" => {
                format!("{} (in de antwoorden van {name})", problem.message)
            }
            _ => problem.message,
        };
        return Err(ParseError::Content {
            line,
            column,
            message,
        });
    }
    Ok(assessment)
}

/// Write an assessment in the current format.
pub fn serialize(assessment: &Assessment) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ".to_string())
        .struct_names(false);
    let file = V4::from(assessment);
    let mut text = ron::ser::to_string_pretty(&file, config).expect("assessments always serialize");
    text.push('\n');
    text
}
