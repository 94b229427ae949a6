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
    pub note: String,
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
                            status: match c.status {
                                crate::domain::Status::Met => "met",
                                crate::domain::Status::NotMet => "not_met",
                                crate::domain::Status::Open => "open",
                            },
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

pub fn json_report(instruments: &Instruments, assessment: &Assessment) -> JsonReport {
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
            .map(|r| JsonRespondent {
                name: r.name.clone(),
                results: results(instruments, &r.answers),
            })
            .collect(),
        note: assessment.note.clone(),
    }
}

pub fn render(instruments: &Instruments, assessment: &Assessment) -> String {
    let mut text = serde_json::to_string_pretty(&json_report(instruments, assessment))
        .expect("reports always serialize");
    text.push('\n');
    text
}
