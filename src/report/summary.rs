//! One summary of an assessment that every report format renders.

use crate::domain::{
    Answers, Assessment, Instruments, Level, Status, gouden_oor_summary, shift_next_steps,
    stv_summary,
};

#[derive(Debug, Clone, PartialEq)]
pub struct ShiftRow {
    pub id: String,
    pub number: u8,
    pub from: String,
    pub to: String,
    pub level: Option<Level>,
    pub ambition: Option<Level>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CriterionRow {
    pub id: String,
    pub label: String,
    pub short: String,
    pub status: Status,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartRow {
    pub id: String,
    pub numeral: String,
    pub title: String,
    pub score: Option<u8>,
    pub provisional: bool,
    pub explanation: String,
    pub rule: String,
    pub warnings: Vec<String>,
    pub criteria: Vec<CriterionRow>,
    /// "voor 4: II.A … of II.B …"
    pub next_step: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NextShift {
    pub number: u8,
    pub to: String,
    pub current: Level,
    pub next: Level,
    pub ambition: Option<Level>,
    pub statement: String,
}

impl NextShift {
    /// "goed → prima", with ", doel goud" when the ambition lies beyond the next level.
    pub fn transition(&self, instruments: &Instruments) -> String {
        let target = self
            .ambition
            .filter(|a| *a > self.next)
            .map(|a| format!(", doel {}", level_name(instruments, Some(a))))
            .unwrap_or_default();
        format!(
            "{} → {}{target}",
            level_name(instruments, Some(self.current)),
            level_name(instruments, Some(self.next))
        )
    }
}

/// The results of one set of answers.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultSummary {
    pub shifts: Vec<ShiftRow>,
    pub answered: usize,
    pub mean: Option<crate::domain::Mean>,
    pub level: Option<Level>,
    pub counts: [usize; 4],
    pub parts: Vec<PartRow>,
    pub total: Option<crate::domain::Mean>,
    pub response_pct: Option<u8>,
    pub next_shifts: Vec<NextShift>,
}

pub fn summarise(instruments: &Instruments, answers: &Answers) -> ResultSummary {
    let check = &instruments.gouden_oor;
    let go = gouden_oor_summary(check, answers);
    let stv = stv_summary(&instruments.stv, answers);
    let shifts = check
        .shifts
        .iter()
        .map(|s| {
            let a = answers.shift(&s.id);
            ShiftRow {
                id: s.id.clone(),
                number: s.number,
                from: s.from.clone(),
                to: s.to.clone(),
                level: a.level,
                ambition: a.ambition,
                note: a.note,
            }
        })
        .collect();
    let parts = instruments
        .stv
        .parts
        .iter()
        .zip(&stv.parts)
        .map(|(part, score)| PartRow {
            id: part.id.clone(),
            numeral: part.numeral.clone(),
            title: part.title.clone(),
            score: score.score,
            provisional: score.is_provisional(),
            explanation: score.explanation.clone(),
            rule: part.rule_text(),
            warnings: score
                .not_counted
                .iter()
                .map(|n| n.message())
                .chain(score.warnings.iter().cloned())
                .collect(),
            criteria: part
                .criteria
                .iter()
                .map(|c| CriterionRow {
                    id: c.id.clone(),
                    label: c.label.clone(),
                    short: c.short.clone(),
                    status: answers.status(&c.id),
                    note: answers
                        .criteria
                        .get(&c.id)
                        .map(|a| a.note.clone())
                        .unwrap_or_default(),
                })
                .collect(),
            next_step: score
                .next
                .as_ref()
                .filter(|_| score.score.is_some())
                .map(|next| format!("voor {}: {}", next.target, part.missing_names(next))),
        })
        .collect();
    let next_shifts = shift_next_steps(check, answers)
        .into_iter()
        .map(|step| NextShift {
            number: step.number,
            to: check
                .shift(&step.shift_id)
                .map(|s| s.to.clone())
                .unwrap_or_default(),
            current: step.current,
            next: step.next,
            ambition: step.ambition,
            statement: step.statement,
        })
        .collect();
    ResultSummary {
        shifts,
        answered: go.answered,
        mean: go.mean,
        level: go.level,
        counts: go.counts,
        parts,
        total: stv.total,
        response_pct: answers.response_pct,
        next_shifts,
    }
}

pub fn level_name(instruments: &Instruments, level: Option<Level>) -> String {
    level.map_or_else(
        || "—".to_string(),
        |l| instruments.gouden_oor.level_name(l).to_string(),
    )
}

/// The date of an assessment for a report heading (local date).
pub fn date(assessment: &Assessment) -> String {
    assessment
        .updated
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%d-%m-%Y")
        .to_string()
}

/// A workshop's respondents side by side, for the reports.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamSummary {
    /// Names, or letters when anonymous.
    pub labels: Vec<String>,
    pub shifts: Vec<TeamShift>,
    pub criteria: Vec<TeamCriterion>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TeamShift {
    pub id: String,
    pub number: u8,
    pub to: String,
    pub levels: Vec<Option<Level>>,
    pub median: Option<crate::domain::aggregate::Median>,
    pub min: Option<Level>,
    pub max: Option<Level>,
    pub disagrees: bool,
    pub agreed: Option<Level>,
    pub agreed_ambition: Option<Level>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TeamCriterion {
    pub id: String,
    pub short: String,
    pub statuses: Vec<Status>,
    pub tally: crate::domain::aggregate::Tally,
    pub agreed: Status,
}

/// The team view of a workshop; `None` for a solo check.
pub fn team_summary(
    instruments: &Instruments,
    assessment: &Assessment,
    anonymous: bool,
) -> Option<TeamSummary> {
    use crate::domain::aggregate::{letter, shift_spread, tally};
    if !assessment.is_workshop() {
        return None;
    }
    let respondents = &assessment.respondents;
    let labels = respondents
        .iter()
        .enumerate()
        .map(|(i, r)| if anonymous { letter(i) } else { r.name.clone() })
        .collect();
    let shifts = instruments
        .gouden_oor
        .shifts
        .iter()
        .map(|s| {
            let spread = shift_spread(&s.id, respondents);
            TeamShift {
                id: s.id.clone(),
                number: s.number,
                to: s.to.clone(),
                disagrees: spread.disagrees(),
                median: spread.median,
                min: spread.min,
                max: spread.max,
                levels: spread.levels,
                agreed: assessment.agreed.level(&s.id),
                agreed_ambition: assessment.agreed.ambition(&s.id),
            }
        })
        .collect();
    let criteria = instruments
        .stv
        .criteria()
        .map(|(_, c)| TeamCriterion {
            id: c.id.clone(),
            short: c.short.clone(),
            statuses: respondents
                .iter()
                .map(|r| r.answers.status(&c.id))
                .collect(),
            tally: tally(&c.id, respondents),
            agreed: assessment.agreed.status(&c.id),
        })
        .collect();
    Some(TeamSummary {
        labels,
        shifts,
        criteria,
    })
}
