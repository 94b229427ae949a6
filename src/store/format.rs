//! The assessment file format: versions, migration and precise load errors.

use crate::domain::{Answers, Assessment, InstrumentRef, Respondent, SOLO_RESPONDENT, Series};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The format this build writes.
pub const FORMAT: u32 = 3;

/// Why a file's contents could not be read as an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// RON syntax or shape, with the position RON gives.
    Syntax {
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

#[derive(Deserialize)]
struct Header {
    format: u32,
}

/// Formats 2 and 3: several respondents, agreed answers; format 3 adds the series of
/// rounds. Kept apart from the domain type so that the file layout only changes on
/// purpose.
#[derive(Serialize, Deserialize)]
struct V2 {
    format: u32,
    title: String,
    #[serde(default)]
    organisation: String,
    created: Timestamp,
    updated: Timestamp,
    instruments: Vec<InstrumentRef>,
    respondents: Vec<Respondent>,
    #[serde(default)]
    agreed: Answers,
    #[serde(default)]
    note: String,
    /// Format 3: which series of rounds this assessment belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
            respondents: v.respondents,
            agreed: v.agreed,
            note: v.note,
            series: v.series,
        }
    }
}

impl From<&Assessment> for V2 {
    fn from(a: &Assessment) -> Self {
        V2 {
            format: FORMAT,
            title: a.title.clone(),
            organisation: a.organisation.clone(),
            created: a.created,
            updated: a.updated,
            instruments: a.instruments.clone(),
            respondents: a.respondents.clone(),
            agreed: a.agreed.clone(),
            note: a.note.clone(),
            series: a.series.clone(),
        }
    }
}

/// Format 1 (the first release): a solo check, answers at the top level.
#[derive(Deserialize)]
struct V1 {
    title: String,
    #[serde(default)]
    organisation: String,
    created: Timestamp,
    updated: Timestamp,
    gouden_oor_version: u32,
    stv_version: u32,
    #[serde(default)]
    answers: Answers,
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
                answers: v1.answers,
            }],
            agreed: Answers::default(),
            note: v1.note,
            series: None,
        }
    }
}

fn syntax(e: ron::error::SpannedError) -> ParseError {
    ParseError::Syntax {
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    }
}

/// Read an assessment of any known format.
pub fn parse(text: &str) -> Result<Assessment, ParseError> {
    let header: Header = match ron::from_str(text) {
        Ok(header) => header,
        Err(e) if matches!(e.code, ron::Error::MissingStructField { .. }) => {
            return Err(ParseError::UnknownFormat);
        }
        Err(e) => return Err(syntax(e)),
    };
    match header.format {
        1 => ron::from_str::<V1>(text)
            .map(Assessment::from)
            .map_err(syntax),
        2 | FORMAT => ron::from_str::<V2>(text)
            .map(Assessment::from)
            .map_err(syntax),
        0 => Err(ParseError::UnknownFormat),
        found => Err(ParseError::Newer { found }),
    }
}

/// Write an assessment in the current format.
pub fn serialize(assessment: &Assessment) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ".to_string())
        .struct_names(false);
    let file = V2::from(assessment);
    let mut text = ron::ser::to_string_pretty(&file, config).expect("assessments always serialize");
    text.push('\n');
    text
}
