//! An assessment: who answered what, for which instruments.

use super::aggregate::{merged, proposal};
use super::answers::Answers;
use super::instrument::Instruments;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Which instrument (and which version of it) an assessment was made with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstrumentRef {
    pub id: String,
    pub version: u32,
}

/// Rounds of the same assessment over time share a series id; rounds count from 1.
/// Links use these, never file names, so they survive renames and deletions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Series {
    pub id: String,
    pub round: u32,
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
    /// The series of rounds this assessment belongs to, once a next round was started.
    #[serde(default)]
    pub series: Option<Series>,
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
            series: None,
        }
    }

    /// The answers that results and reports show: what the group agreed where it
    /// agreed, the team's median and majority elsewhere; for a solo check simply the
    /// one respondent's answers.
    pub fn result_answers(&self, instruments: &Instruments) -> Answers {
        merged(&self.agreed, &proposal(instruments, &self.respondents))
    }

    /// The series id a first round gets: from its creation moment, so it is stable.
    pub fn new_series_id(&self) -> String {
        format!("reeks-{}", self.created.as_nanosecond())
    }

    /// The next round of this assessment, numbered `round`: the same organisation and
    /// instruments, its own dates, and (unless `blank`) this round's results and
    /// ambitions as the starting point. Notes stay behind: a new round needs new evidence.
    pub fn next_round(
        &self,
        instruments: &Instruments,
        series: Series,
        blank: bool,
        now: jiff::Timestamp,
    ) -> Assessment {
        let base = self.title.trim();
        let base = match base.rfind(" (ronde ") {
            Some(i) if base.ends_with(')') => &base[..i],
            _ => base,
        };
        let title = format!("{base} (ronde {})", series.round);
        let mut next = Assessment::new(&title, &self.organisation, instruments, now);
        if !blank {
            let mut answers = self.result_answers(instruments);
            for answer in answers.shifts.values_mut() {
                answer.note.clear();
            }
            for answer in answers.criteria.values_mut() {
                answer.note.clear();
            }
            answers.shifts.retain(|_, a| !a.is_empty());
            answers
                .criteria
                .retain(|_, a| a.status != super::answers::Status::Open);
            next.respondents[0].answers = answers;
        }
        next.series = Some(series);
        next
    }

    pub fn is_workshop(&self) -> bool {
        self.respondents.len() > 1
    }

    /// `name`, or `name (2)`, `name (3)`, … whichever no respondent has yet.
    pub fn unique_name(&self, name: &str) -> String {
        let taken: HashSet<&str> = self.respondents.iter().map(|r| r.name.as_str()).collect();
        unique_among(
            name,
            |candidate| taken.contains(candidate),
            &mut HashMap::new(),
        )
    }

    /// Add respondents, renaming any whose name is taken; an untouched solo placeholder
    /// makes way for them. Returns the names they got.
    pub fn add_respondents(&mut self, respondents: Vec<Respondent>) -> Vec<String> {
        if let [only] = self.respondents.as_slice()
            && only.answers.is_empty()
            && only.name == SOLO_RESPONDENT
            && !respondents.is_empty()
        {
            self.respondents.clear();
        }
        // One set of names and, per name, the next number to try: linear in the number
        // of respondents, also when thousands share one name.
        let mut taken: HashSet<String> = self.respondents.iter().map(|r| r.name.clone()).collect();
        let mut next = HashMap::new();
        self.respondents.reserve(respondents.len());
        respondents
            .into_iter()
            .map(|mut r| {
                r.name = unique_among(&r.name, |c| taken.contains(c), &mut next);
                taken.insert(r.name.clone());
                let name = r.name.clone();
                self.respondents.push(r);
                name
            })
            .collect()
    }
}

/// `name` (trimmed; "Deelnemer" when empty), or the first `name (n)`, n ≥ 2, that is not
/// `taken`. `next` remembers per name where to go on counting: the numbers below it are
/// taken already, so a caller that only adds names may pass the same map again.
fn unique_among(
    name: &str,
    taken: impl Fn(&str) -> bool,
    next: &mut HashMap<String, u32>,
) -> String {
    let name = name.trim();
    let name = if name.is_empty() { "Deelnemer" } else { name };
    if !taken(name) {
        return name.to_string();
    }
    let n = next.entry(name.to_string()).or_insert(2);
    loop {
        let candidate = format!("{name} ({n})");
        *n += 1;
        if !taken(&candidate) {
            return candidate;
        }
    }
}
