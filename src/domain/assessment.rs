//! An assessment: which instruments, who answered what, what the group agreed, the
//! organisation's own figures, and the action plan.

use super::aggregate::{Responses, merged, proposal};
use super::answers::Answers;
use super::instrument::{Instruments, Scope};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Which instrument (and which version of it) an assessment was made with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentRef {
    pub id: String,
    pub version: u32,
}

/// Rounds of the same assessment over time share a series id; rounds count from 1.
/// Links use these, never file names, so they survive renames and deletions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub id: String,
    pub round: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Respondent {
    pub name: String,
    #[serde(default)]
    pub answers: Answers,
}

impl Responses for Respondent {
    fn name(&self) -> &str {
        &self.name
    }

    fn answers(&self) -> &Answers {
        &self.answers
    }
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionStatus {
    #[default]
    Open,
    Bezig,
    Klaar,
}

impl Action {
    /// Not done and its deadline passed before `today`.
    pub fn is_overdue(&self, today: jiff::civil::Date) -> bool {
        self.status != ActionStatus::Klaar && self.deadline.is_some_and(|d| d < today)
    }
}

impl ActionStatus {
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Bezig => "bezig",
            ActionStatus::Klaar => "klaar",
        }
    }

    pub fn cycle(self) -> ActionStatus {
        match self {
            ActionStatus::Open => ActionStatus::Bezig,
            ActionStatus::Bezig => ActionStatus::Klaar,
            ActionStatus::Klaar => ActionStatus::Open,
        }
    }
}

/// One action of the action plan: what, for which items, who, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub what: String,
    /// The item ids (or part and section ids) it serves.
    #[serde(default)]
    pub items: Vec<String>,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub deadline: Option<jiff::civil::Date>,
    #[serde(default)]
    pub status: ActionStatus,
    #[serde(default)]
    pub note: String,
    /// The round it was made in, when carried over from an earlier round.
    #[serde(default)]
    pub from_round: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub title: String,
    pub organisation: String,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub instruments: Vec<InstrumentRef>,
    /// One for a solo check; one per participant in a workshop.
    pub respondents: Vec<Respondent>,
    /// What the group settled on; empty until a workshop agrees.
    pub agreed: Answers,
    /// The organisation's own figures and fields (checklist fields, calculator inputs,
    /// measurements per round): answered once, not per respondent.
    pub facts: Answers,
    pub actions: Vec<Action>,
    pub note: String,
    /// The series of rounds this assessment belongs to, once a next round was started.
    pub series: Option<Series>,
}

/// The name of the one respondent of a solo check.
pub const SOLO_RESPONDENT: &str = "Ik";

impl Assessment {
    /// A new solo assessment with the instruments `ids` (registry order is kept).
    pub fn new(
        title: &str,
        organisation: &str,
        instruments: &Instruments,
        ids: &[String],
        now: Timestamp,
    ) -> Self {
        Assessment {
            title: title.to_string(),
            organisation: organisation.to_string(),
            created: now,
            updated: now,
            instruments: instruments
                .selected(ids)
                .map(|i| InstrumentRef {
                    id: i.id.clone(),
                    version: i.version,
                })
                .collect(),
            respondents: vec![Respondent {
                name: SOLO_RESPONDENT.to_string(),
                answers: Answers::default(),
            }],
            agreed: Answers::default(),
            facts: Answers::default(),
            actions: Vec::new(),
            note: String::new(),
            series: None,
        }
    }

    /// The ids of the instruments it includes.
    pub fn instrument_ids(&self) -> Vec<String> {
        self.instruments.iter().map(|i| i.id.clone()).collect()
    }

    /// The answers that results and reports show: what the group agreed where it
    /// agreed, the team's median and majority elsewhere (for a solo check simply the one
    /// respondent's answers), and the organisation's own figures.
    pub fn result_answers(&self, instruments: &Instruments) -> Answers {
        let ids = self.instrument_ids();
        let mut answers = merged(
            &self.agreed,
            &proposal(instruments, &ids, &self.respondents),
        );
        answers.overlay(&self.facts);
        answers
    }

    /// The series id a first round gets: from its creation moment, so it is stable.
    pub fn new_series_id(&self) -> String {
        format!("reeks-{}", self.created.as_nanosecond())
    }

    /// The next round of this assessment, numbered `round`: the same organisation and
    /// instruments, its own dates, and (unless `blank`) this round's results and
    /// ambitions as the starting point. Notes stay behind: a new round needs new
    /// evidence. Open actions are carried over; the organisation's figures too.
    pub fn next_round(
        &self,
        instruments: &Instruments,
        series: Series,
        blank: bool,
        now: Timestamp,
    ) -> Assessment {
        let base = self.title.trim();
        let base = match base.rfind(" (ronde ") {
            Some(i) if base.ends_with(')') => &base[..i],
            _ => base,
        };
        let title = format!("{base} (ronde {})", series.round);
        let mut next = Assessment::new(
            &title,
            &self.organisation,
            instruments,
            &self.instrument_ids(),
            now,
        );
        if !blank {
            let mut answers = self.result_answers(instruments);
            for inst in instruments.selected(&self.instrument_ids()) {
                let items = answers.of_mut(&inst.id);
                for item in inst.items() {
                    if item.scope == Scope::Organisation {
                        items.clear(item.id);
                    }
                }
                let ids: Vec<String> = items.0.keys().cloned().collect();
                for id in ids {
                    let mut answer = items.0[&id].clone();
                    strip_note(&mut answer);
                    items.set(&id, answer);
                }
            }
            answers.tidy();
            next.respondents[0].answers = answers;
            next.facts = self.facts.clone();
        }
        let round = self.series.as_ref().map(|s| s.round);
        next.actions = self
            .actions
            .iter()
            .filter(|a| a.status != ActionStatus::Klaar)
            .map(|a| Action {
                from_round: a.from_round.or(round),
                ..a.clone()
            })
            .collect();
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

fn strip_note(answer: &mut super::answers::Answer) {
    use super::answers::Answer;
    match answer {
        Answer::Scale { note, .. }
        | Answer::Criterion { note, .. }
        | Answer::Check { note, .. } => note.clear(),
        _ => {}
    }
}
