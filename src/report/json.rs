//! The JSON report: every answer and every score, per respondent and for the results
//! (the agreed answers where the group has them). Its shape is documented in the README
//! and kept stable; `schema` names its version.

use super::summary::{ResultSummary, summarise};
use crate::domain::{Answers, Assessment, Instruments, Level};
use serde::Serialize;

pub const SCHEMA: &str = "goudenoor-report/1";

#[derive(Debug, Serialize)]
pub struct JsonReport {
    pub schema: &'static str,
    pub title: String,
    pub organisation: String,
    pub created: String,
    pub updated: String,
    pub instruments: Vec<JsonInstrument>,
    /// What results and reports show: the agreed answers where they exist, otherwise
    /// those of the only respondent.
    pub results: JsonResults,
    pub respondents: Vec<JsonRespondent>,
    /// What the group agreed (workshop); null where it did not agree.
    pub agreed: JsonResults,
    /// The team's spread (workshop); null for a solo check.
    pub spread: Option<JsonSpread>,
    pub note: String,
}

#[derive(Debug, Serialize)]
pub struct JsonSpread {
    pub shifts: Vec<JsonShiftSpread>,
    pub criteria: Vec<JsonTally>,
}

#[derive(Debug, Serialize)]
pub struct JsonShiftSpread {
    pub id: String,
    /// One per respondent, in the order of `respondents`.
    pub levels: Vec<Option<u8>>,
    pub median: Option<f64>,
    pub min: Option<u8>,
    pub max: Option<u8>,
    /// A range of 2 levels or more.
    pub disagreement: bool,
}

#[derive(Debug, Serialize)]
pub struct JsonTally {
    pub id: String,
    pub met: usize,
    pub not_met: usize,
    pub open: usize,
    /// "met", "not_met", or null on a tie.
    pub majority: Option<&'static str>,
    pub disagreement: bool,
}

#[derive(Debug, Serialize)]
pub struct JsonInstrument {
    pub id: String,
    pub version: u32,
}

#[derive(Debug, Serialize)]
pub struct JsonRespondent {
    pub name: String,
    pub results: JsonResults,
}

#[derive(Debug, Serialize)]
pub struct JsonResults {
    pub gouden_oor: JsonGoudenOor,
    pub stv: JsonStv,
}

#[derive(Debug, Serialize)]
pub struct JsonGoudenOor {
    pub shifts: Vec<JsonShift>,
    /// Mean of the answered shifts, unrounded; null when none is answered.
    pub mean: Option<f64>,
    /// The mean as shown: one decimal, decimal comma.
    pub mean_display: Option<String>,
    /// The mean rounded down, 1–4.
    pub level: Option<u8>,
    pub level_name: Option<String>,
    /// Shifts at aardig, goed, prima, goud.
    pub counts: [usize; 4],
}

#[derive(Debug, Serialize)]
pub struct JsonShift {
    pub id: String,
    pub number: u8,
    pub from: String,
    pub to: String,
    /// 1–4, or null when not answered.
    pub level: Option<u8>,
    pub ambition: Option<u8>,
    pub note: String,
}

#[derive(Debug, Serialize)]
pub struct JsonStv {
    pub parts: Vec<JsonPart>,
    /// Unrounded mean of the four part scores; null until every part has a score.
    pub total: Option<f64>,
    pub total_display: Option<String>,
    /// The measured share of response times met (IV.4), in percent.
    pub response_pct: Option<u8>,
}

#[derive(Debug, Serialize)]
pub struct JsonPart {
    pub id: String,
    pub number: usize,
    pub title: String,
    /// 1–5, or null when no criterion is assessed.
    pub score: Option<u8>,
    pub provisional: bool,
    pub explanation: String,
    pub warnings: Vec<String>,
    pub criteria: Vec<JsonCriterion>,
}

#[derive(Debug, Serialize)]
pub struct JsonCriterion {
    pub id: String,
    /// "met", "not_met" or "open".
    pub status: &'static str,
    pub note: String,
}

fn status_name(status: crate::domain::Status) -> &'static str {
    match status {
        crate::domain::Status::Met => "met",
        crate::domain::Status::NotMet => "not_met",
        crate::domain::Status::Open => "open",
    }
}

fn level(l: Option<Level>) -> Option<u8> {
    l.map(Level::value)
}

fn results(instruments: &Instruments, answers: &Answers) -> JsonResults {
    let s: ResultSummary = summarise(instruments, answers);
    JsonResults {
        gouden_oor: JsonGoudenOor {
            shifts: s
                .shifts
                .iter()
                .map(|r| JsonShift {
                    id: r.id.clone(),
                    number: r.number,
                    from: r.from.clone(),
                    to: r.to.clone(),
                    level: level(r.level),
                    ambition: level(r.ambition),
                    note: r.note.clone(),
                })
                .collect(),
            mean: s.mean.map(|m| m.value()),
            mean_display: s.mean.map(|m| m.display()),
            level: level(s.level),
            level_name: s
                .level
                .map(|l| instruments.gouden_oor.level_name(l).to_string()),
            counts: s.counts,
        },
        stv: JsonStv {
            parts: s
                .parts
                .iter()
                .enumerate()
                .map(|(i, p)| JsonPart {
                    id: p.id.clone(),
                    number: i + 1,
                    title: p.title.clone(),
                    score: p.score,
                    provisional: p.provisional,
                    explanation: p.explanation.clone(),
                    warnings: p.warnings.clone(),
                    criteria: p
                        .criteria
                        .iter()
                        .map(|c| JsonCriterion {
                            id: c.id.clone(),
                            status: status_name(c.status),
                            note: c.note.clone(),
                        })
                        .collect(),
                })
                .collect(),
            total: s.total.map(|m| m.value()),
            total_display: s.total.map(|m| m.display()),
            response_pct: s.response_pct,
        },
    }
}

fn spread(instruments: &Instruments, assessment: &Assessment) -> Option<JsonSpread> {
    let team = super::summary::team_summary(instruments, assessment, false)?;
    Some(JsonSpread {
        shifts: team
            .shifts
            .iter()
            .map(|s| JsonShiftSpread {
                id: s.id.clone(),
                levels: s.levels.iter().map(|l| level(*l)).collect(),
                median: s.median.map(|m| m.value()),
                min: level(s.min),
                max: level(s.max),
                disagreement: s.disagrees,
            })
            .collect(),
        criteria: team
            .criteria
            .iter()
            .map(|c| JsonTally {
                id: c.id.clone(),
                met: c.tally.met,
                not_met: c.tally.not_met,
                open: c.tally.open,
                majority: c.tally.majority().map(status_name),
                disagreement: c.tally.disagrees(),
            })
            .collect(),
    })
}

pub fn json_report(
    instruments: &Instruments,
    assessment: &Assessment,
    options: super::Options,
) -> JsonReport {
    JsonReport {
        schema: SCHEMA,
        title: assessment.title.clone(),
        organisation: assessment.organisation.clone(),
        created: assessment.created.to_string(),
        updated: assessment.updated.to_string(),
        instruments: assessment
            .instruments
            .iter()
            .map(|i| JsonInstrument {
                id: i.id.clone(),
                version: i.version,
            })
            .collect(),
        results: results(instruments, &assessment.result_answers(instruments)),
        respondents: assessment
            .respondents
            .iter()
            .enumerate()
            .map(|(i, r)| JsonRespondent {
                name: if options.anonymous {
                    crate::domain::aggregate::letter(i)
                } else {
                    r.name.clone()
                },
                results: results(instruments, &r.answers),
            })
            .collect(),
        agreed: results(instruments, &assessment.agreed),
        spread: spread(instruments, assessment),
        note: assessment.note.clone(),
    }
}

pub fn render(
    instruments: &Instruments,
    assessment: &Assessment,
    options: super::Options,
) -> String {
    let mut text = serde_json::to_string_pretty(&json_report(instruments, assessment, options))
        .expect("reports always serialize");
    text.push('\n');
    escape_invisible(&text)
}

/// JSON text with bidi and C1 controls (see [`super::is_invisible_control`]) written as
/// `\uXXXX` escapes, which serde_json leaves raw. Such characters only occur inside
/// strings, so escaping them everywhere keeps the JSON valid and its values the same.
pub fn escape_invisible(json: &str) -> String {
    if !json.chars().any(super::is_invisible_control) {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if super::is_invisible_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}
