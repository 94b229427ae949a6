//! The assessment file format: versions, migration and precise load errors.
//!
//! Reading is strict: every struct in the file is read through a file-local mirror
//! with `deny_unknown_fields`, so a misspelt field (`answErs`) is refused with its
//! position instead of being silently dropped; then `check::check_content` refuses ids
//! and values that the instruments do not know.

use super::check::{check_content, locate};
use crate::domain::{
    Answers, Assessment, CriterionAnswer, InstrumentRef, Instruments, Level, Respondent,
    SOLO_RESPONDENT, Series, ShiftAnswer, Status,
};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The format this build writes.
pub const FORMAT: u32 = 3;

/// Why a file's contents could not be read as an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// RON syntax, shape or content (unknown field, id or value), with its position.
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

/// Formats 2 and 3 as written: several respondents, agreed answers; format 3 adds the
/// series of rounds. Kept apart from the domain type so that the file layout only
/// changes on purpose.
#[derive(Serialize)]
struct V2<'a> {
    format: u32,
    title: &'a str,
    organisation: &'a str,
    created: Timestamp,
    updated: Timestamp,
    instruments: &'a [InstrumentRef],
    respondents: &'a [Respondent],
    agreed: &'a Answers,
    note: &'a str,
    /// Format 3: which series of rounds this assessment belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    series: Option<&'a Series>,
}

impl<'a> From<&'a Assessment> for V2<'a> {
    fn from(a: &'a Assessment) -> Self {
        V2 {
            format: FORMAT,
            title: &a.title,
            organisation: &a.organisation,
            created: a.created,
            updated: a.updated,
            instruments: &a.instruments,
            respondents: &a.respondents,
            agreed: &a.agreed,
            note: &a.note,
            series: a.series.as_ref(),
        }
    }
}

/// Formats 2 and 3 as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V2In {
    format: u32,
    title: String,
    #[serde(default)]
    organisation: String,
    created: Timestamp,
    updated: Timestamp,
    instruments: Vec<FileInstrumentRef>,
    respondents: Vec<FileRespondent>,
    #[serde(default)]
    agreed: FileAnswers,
    #[serde(default)]
    note: String,
    #[serde(default)]
    series: Option<FileSeries>,
}

impl From<V2In> for Assessment {
    fn from(v: V2In) -> Self {
        let _ = v.format;
        Assessment {
            title: v.title,
            organisation: v.organisation,
            created: v.created,
            updated: v.updated,
            instruments: v
                .instruments
                .into_iter()
                .map(|i| InstrumentRef {
                    id: i.id,
                    version: i.version,
                })
                .collect(),
            respondents: v
                .respondents
                .into_iter()
                .map(|r| Respondent {
                    name: r.name,
                    answers: r.answers.into(),
                })
                .collect(),
            agreed: v.agreed.into(),
            note: v.note,
            series: v.series.map(|s| Series {
                id: s.id,
                round: s.round,
            }),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileInstrumentRef {
    id: String,
    version: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSeries {
    id: String,
    round: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRespondent {
    name: String,
    #[serde(default)]
    answers: FileAnswers,
}

#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FileAnswers {
    shifts: UniqueMap<FileShiftAnswer>,
    criteria: UniqueMap<FileCriterionAnswer>,
    response_pct: Option<u8>,
}

/// Marks a message of ours (already Dutch) among the library messages of `ron::Error::Message`.
const OWN: &str = "\u{1}";

/// A map by item id in which an id may occur once: with serde's map the first of two
/// answers for the same id would silently disappear.
struct UniqueMap<T>(BTreeMap<String, T>);

impl<T> Default for UniqueMap<T> {
    fn default() -> Self {
        UniqueMap(BTreeMap::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for UniqueMap<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visitor<T> {
            type Value = UniqueMap<T>;
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
                            "{OWN}\"{key}\" staat er twee keer in; verwijder een van beide"
                        )));
                    }
                    let value = map.next_value()?;
                    out.insert(key, value);
                }
                Ok(UniqueMap(out))
            }
        }
        deserializer.deserialize_map(Visitor(std::marker::PhantomData))
    }
}

impl From<FileAnswers> for Answers {
    fn from(a: FileAnswers) -> Self {
        Answers {
            shifts: a
                .shifts
                .0
                .into_iter()
                .map(|(id, s)| {
                    let answer = ShiftAnswer {
                        level: s.level,
                        ambition: s.ambition,
                        note: s.note,
                    };
                    (id, answer)
                })
                .collect(),
            criteria: a
                .criteria
                .0
                .into_iter()
                .map(|(id, c)| {
                    let answer = CriterionAnswer {
                        status: c.status,
                        note: c.note,
                    };
                    (id, answer)
                })
                .collect(),
            response_pct: a.response_pct,
        }
    }
}

#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FileShiftAnswer {
    level: Option<Level>,
    ambition: Option<Level>,
    note: String,
}

#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FileCriterionAnswer {
    status: Status,
    note: String,
}

/// Format 1 (the first release): a solo check, answers at the top level.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1 {
    format: u32,
    title: String,
    #[serde(default)]
    organisation: String,
    created: Timestamp,
    updated: Timestamp,
    gouden_oor_version: u32,
    stv_version: u32,
    #[serde(default)]
    answers: FileAnswers,
    #[serde(default)]
    note: String,
}

impl From<V1> for Assessment {
    fn from(v1: V1) -> Self {
        let _ = v1.format;
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
            note: v1.note,
            series: None,
        }
    }
}

fn syntax(e: ron::error::SpannedError) -> ParseError {
    ParseError::Syntax {
        line: e.span.start.line,
        column: e.span.start.col,
        message: dutch(&e.code),
    }
}

/// What a part of the file is called for the user, from the mirror struct's name.
fn part_name(outer: &Option<String>) -> String {
    let name = match outer.as_deref() {
        Some("V2In" | "V1" | "Header") | None => return String::new(),
        Some("FileRespondent") => "een deelnemer",
        Some("FileAnswers") => "de antwoorden",
        Some("FileShiftAnswer") => "een antwoord bij een verschuiving",
        Some("FileCriterionAnswer") => "een antwoord bij een criterium",
        Some("FileInstrumentRef") => "een instrument",
        Some("FileSeries") => "de reeks",
        Some("Status") => "een status",
        Some(_) => return String::new(),
    };
    format!(" in {name}")
}

/// Serde's English description of a value or type, in Dutch.
fn dutch_kind(text: &str) -> String {
    let number = |rest: &str| rest.trim_matches('`').to_string();
    if let Some(rest) = text
        .strip_prefix("the unsigned integer ")
        .or_else(|| text.strip_prefix("the signed integer "))
        .or_else(|| text.strip_prefix("the floating point number "))
        .or_else(|| text.strip_prefix("integer "))
    {
        return format!("het getal {}", number(rest));
    }
    if let Some(rest) = text.strip_prefix("the string ") {
        return format!("de tekst {rest}");
    }
    if let Some(rest) = text.strip_prefix("a string") {
        return format!("tekst{rest}");
    }
    match text {
        "a boolean" | "boolean" => "true of false".into(),
        "a sequence" | "sequence" => "een lijst [...]".into(),
        "a map" | "map" => "een tabel {...}".into(),
        "unit value" | "a unit value" => "()".into(),
        "Option value" | "an option" => "Some(...) of None".into(),
        "u8" | "u16" | "u32" | "u64" | "an integer" | "i32" | "i64" => "een geheel getal".into(),
        t if t.starts_with("struct ") || t.contains("struct") => "een onderdeel (...)".into(),
        t if t.starts_with("the boolean ") => format!("de waarde {}", &t[12..]),
        t if t.starts_with("a ") || t.starts_with("an ") => "een andere waarde".into(),
        t => t.trim_matches('`').to_string(),
    }
}

/// RON's error codes in plain Dutch, without advice meant for developers.
pub(crate) fn dutch(code: &ron::Error) -> String {
    use ron::Error as E;
    let list = |names: &[&str]| {
        names
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match code {
        E::Eof => "het bestand houdt hier onverwacht op (is het afgekapt?)".into(),
        E::ExpectedArray => "hier hoort een lijst [...] te beginnen".into(),
        E::ExpectedArrayEnd => {
            "hier hoort de lijst met ] te sluiten (of ontbreekt een komma?)".into()
        }
        E::ExpectedBoolean => "hier hoort true of false te staan".into(),
        E::ExpectedComma => "hier ontbreekt een komma".into(),
        E::ExpectedInteger | E::ExpectedFloat | E::FloatUnderscore => {
            "hier hoort een getal te staan".into()
        }
        E::ExpectedOption => "hier hoort Some(...) of None te staan".into(),
        E::ExpectedOptionEnd => "hier ontbreekt het sluithaakje ) van Some(...)".into(),
        E::ExpectedMap => "hier hoort een tabel {...} te beginnen".into(),
        E::ExpectedMapColon => "hier ontbreekt een dubbele punt :".into(),
        E::ExpectedMapEnd => {
            "hier hoort de tabel met } te sluiten (of ontbreekt een komma?)".into()
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "hier hoort een onderdeel tussen haakjes (...) te beginnen".into()
        }
        E::ExpectedStructLikeEnd => {
            "hier hoort het onderdeel met ) te sluiten (of ontbreekt een komma?)".into()
        }
        E::ExpectedDifferentStructName { .. } | E::ExpectedStructName(_) => {
            "hier staat een onverwachte naam voor een onderdeel".into()
        }
        E::ExpectedUnit => "hier hoort () te staan".into(),
        E::ExpectedString | E::ExpectedByteString => {
            "hier hoort tekst tussen aanhalingstekens te staan".into()
        }
        E::ExpectedStringEnd => "de tekst mist het afsluitende aanhalingsteken".into(),
        E::ExpectedIdentifier => "hier hoort een veldnaam te staan".into(),
        E::ExpectedChar | E::ExpectedByteLiteral => "hier hoort één teken te staan".into(),
        E::InvalidEscape(_) => {
            "ongeldige \\-reeks in de tekst (schrijf een backslash als \\\\)".into()
        }
        E::IntegerOutOfBounds => "dit getal is te groot of te klein voor dit veld".into(),
        E::InvalidIntegerDigit { digit, .. } => format!("ongeldig cijfer '{digit}' in een getal"),
        E::UnclosedBlockComment | E::UnclosedLineComment => {
            "een commentaar wordt niet afgesloten".into()
        }
        E::UnexpectedChar(c) => format!("onverwacht teken '{}'", c.escape_default()),
        E::Utf8Error(_) => "geen geldige UTF-8-tekst".into(),
        E::TrailingCharacters => "na het einde van de beoordeling staat nog tekst".into(),
        E::InvalidValueForType { expected, found } => format!(
            "{} past hier niet (verwacht: {})",
            dutch_kind(found),
            dutch_kind(expected)
        ),
        E::ExpectedDifferentLength { expected, found } => {
            format!("{found} elementen, verwacht: {}", dutch_kind(expected))
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "onbekende waarde \"{found}\"{}; mogelijk zijn: {}",
            part_name(outer),
            list(expected)
        ),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "onbekend veld \"{found}\"{}; bekende velden zijn: {}",
            part_name(outer),
            list(expected)
        ),
        E::MissingStructField { field, outer } => {
            format!("het veld \"{field}\" ontbreekt{}", part_name(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!(
                "het veld \"{field}\" staat er twee keer{}",
                part_name(outer)
            )
        }
        // Our own messages are Dutch already; others come from libraries.
        E::Message(m) if m.starts_with("niveau ") => m.clone(),
        E::Message(m) if m.starts_with(OWN) => m[OWN.len()..].to_string(),
        E::Message(_) => "ongeldige waarde".into(),
        E::Io(_) | E::Fmt => "het bestand kan niet worden gelezen".into(),
        _ => "de opbouw van het bestand klopt hier niet".into(),
    }
}

/// Read an assessment of any known format, checked against the embedded instruments.
pub fn parse(text: &str) -> Result<Assessment, ParseError> {
    parse_with(text, Instruments::embedded())
}

/// Read an assessment of any known format; its ids and values must exist in `instruments`.
pub fn parse_with(text: &str, instruments: &Instruments) -> Result<Assessment, ParseError> {
    // Notepad starts UTF-8 files with a byte order mark.
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
        2 | FORMAT => ron::from_str::<V2In>(text)
            .map(Assessment::from)
            .map_err(syntax)?,
        0 => return Err(ParseError::UnknownFormat),
        found => return Err(ParseError::Newer { found }),
    };
    check_content(&assessment, instruments).map_err(|problem| {
        let (line, column) = locate(text, &problem.keys).unwrap_or((1, 1));
        ParseError::Syntax {
            line,
            column,
            message: problem.message,
        }
    })?;
    Ok(assessment)
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
