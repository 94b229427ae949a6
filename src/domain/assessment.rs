//! An assessment: who answered what, for which instruments.

use super::answers::Answers;
use super::instrument::Instruments;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Which instrument (and which version of it) an assessment was made with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstrumentRef {
    pub id: String,
    pub version: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Respondent {
    pub name: String,
    #[serde(default)]
    pub answers: Answers,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub title: String,
    #[serde(default)]
    pub organisation: String,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub instruments: Vec<InstrumentRef>,
    /// One for a solo check; one per participant in a workshop.
    pub respondents: Vec<Respondent>,
    /// What the group settled on; empty until a workshop agrees.
    #[serde(default)]
    pub agreed: Answers,
    #[serde(default)]
    pub note: String,
}

/// The name of the one respondent of a solo check.
pub const SOLO_RESPONDENT: &str = "Ik";

impl Assessment {
    pub fn new(title: &str, organisation: &str, instruments: &Instruments, now: Timestamp) -> Self {
        Assessment {
            title: title.to_string(),
            organisation: organisation.to_string(),
            created: now,
            updated: now,
            instruments: vec![
                InstrumentRef {
                    id: instruments.gouden_oor.id.clone(),
                    version: instruments.gouden_oor.version,
                },
                InstrumentRef {
                    id: instruments.stv.id.clone(),
                    version: instruments.stv.version,
                },
            ],
            respondents: vec![Respondent {
                name: SOLO_RESPONDENT.to_string(),
                answers: Answers::default(),
            }],
            agreed: Answers::default(),
            note: String::new(),
        }
    }

    /// The answers that results and reports show: the group's agreed answers once there
    /// are any, otherwise those of the first respondent.
    pub fn result_answers(&self) -> &Answers {
        if !self.agreed.is_empty() || self.respondents.is_empty() {
            &self.agreed
        } else {
            &self.respondents[0].answers
        }
    }
}
