//! What every report format shows, gathered once: the result model, how the assessment
//! was made, the management summary per instrument, the team's spread, the action
//! plan and the trend against the previous round. Formats only lay this out.

use super::Options;
use crate::domain::aggregate::{self, letter};
use crate::domain::compare::compare;
use crate::domain::result::{AssessmentResult, Detail, build};
use crate::domain::{
    Answer, Assessment, Check, Instruments, ItemKind, Progress, Scope, Status, format_number,
};

/// Everything a report shows.
pub struct Report<'a> {
    pub instruments: &'a Instruments,
    /// The assessment as reported: names replaced by letters when anonymous.
    pub assessment: Assessment,
    pub options: Options<'a>,
    pub result: AssessmentResult,
    pub made: Made,
    /// One per instrument, in the assessment's order.
    pub summaries: Vec<Summary>,
    /// A workshop's answers side by side; `None` for a solo check.
    pub team: Option<Team>,
    pub actions: Vec<ActionRow>,
}

/// How the assessment was made: who, when, how complete, how much the team agreed.
pub struct Made {
    pub participants: Vec<String>,
    pub date: String,
    pub progress: Progress,
    pub agreement: Option<Agreement>,
}

/// How much a workshop's team agreed, over the items its respondents answer; a
/// measurement is left out, as completeness leaves it out.
pub struct Agreement {
    /// Items the respondents answer.
    pub items: usize,
    /// Items where the team differs (a range of 2 levels, or both answers given).
    pub differ: usize,
    /// Items the group settled on together.
    pub agreed: usize,
    /// Items not agreed that follow the proposal (median and majority).
    pub proposed: usize,
    /// Items neither agreed nor proposed: too few answers, or a tie.
    pub without: usize,
}

impl Made {
    /// The lines of "Zo is dit gemaakt", in Dutch.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        lines.push(match self.participants.as_slice() {
            // The solo placeholder's name means nothing to a reader of the report.
            [only] if only == crate::domain::SOLO_RESPONDENT => {
                "Ingevuld door: één persoon (zelfevaluatie)".to_string()
            }
            [only] => format!("Ingevuld door: {only}"),
            all => format!("Deelnemers ({}): {}", all.len(), all.join(", ")),
        });
        lines.push(format!("Datum: {}", self.date));
        lines.push(format!(
            "Volledigheid: {} van {} onderdelen beantwoord ({}%)",
            self.progress.done,
            self.progress.total,
            self.progress.percent()
        ));
        if let Some(a) = &self.agreement {
            // Completeness also counts the organisation's own figures, which nobody in
            // the team answers: say so where the totals differ.
            let items = match self.progress.total.checked_sub(a.items) {
                Some(0) | None => format!("{} onderdelen", a.items),
                Some(rest) => format!(
                    "de {} onderdelen die de deelnemers beantwoorden (de overige {rest} zijn gegevens van de organisatie)",
                    a.items
                ),
            };
            let follow = if a.proposed == 1 { "volgt" } else { "volgen" };
            let without = if a.without > 0 {
                format!(
                    ", {} zonder voorstel (te weinig antwoorden of gelijke stand)",
                    a.without
                )
            } else {
                String::new()
            };
            // Items nobody answered are not "eensgezind": name only where the team differs.
            lines.push(format!(
                "Eensgezindheid: bij {} van {items} verschilt het team; {} in de groep vastgesteld, {} {follow} het voorstel (mediaan en meerderheid){without}",
                a.differ, a.agreed, a.proposed,
            ));
        }
        lines
    }
}

/// One instrument on the management summary.
pub struct Summary {
    pub id: String,
    pub title: String,
    pub verdict: String,
    pub provisional: bool,
    /// "Grootste gaten" or "Eerste volgende stappen": what `gaps` lists.
    pub gaps_title: &'static str,
    /// The three largest gaps (or the first three next steps), as lines.
    pub gaps: Vec<String>,
    /// "vorige ronde 2,4 → nu 2,6 (+0,2)".
    pub trend: Option<String>,
}

pub struct Team {
    /// Names, or letters when anonymous.
    pub labels: Vec<String>,
    pub instruments: Vec<TeamInstrument>,
}

pub struct TeamInstrument {
    pub id: String,
    pub title: String,
    /// What the cells mean: "1 = aardig, 2 = goed, …".
    pub legend: String,
    pub rows: Vec<TeamRow>,
}

/// One item as the team answered it.
pub struct TeamRow {
    pub id: String,
    pub label: String,
    /// One per respondent, as shown.
    pub cells: Vec<String>,
    /// One per respondent, as a number where the answer is one (levels, met = 1, …).
    pub values: Vec<Option<f64>>,
    /// "mediaan 2,5 · 1–4", "voldaan 6 · niet 3 · open 3".
    pub spread: String,
    pub disagrees: bool,
    /// The automatic proposal (median, majority), when there is one.
    pub proposal: Option<String>,
    /// Why there is no proposal: "te weinig antwoorden (1 van 4)", "gelijke stand".
    pub no_proposal: Option<String>,
    /// What the group agreed; `None` where it agreed nothing.
    pub agreed: Option<String>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// A measured figure (IV.4's percentage), not an item that completeness counts.
    pub measurement: bool,
}

impl TeamRow {
    /// The proposal as the spread shows it: the proposed answer, or why there is none.
    pub fn proposal_text(&self) -> &str {
        self.proposal
            .as_deref()
            .or(self.no_proposal.as_deref())
            .unwrap_or("—")
    }
}

/// Where the shown answer of an item comes from, in a workshop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The group agreed it.
    Agreed,
    /// It follows the automatic proposal (median and majority).
    Proposal,
    /// Nothing agreed and no proposal, with why: "te weinig antwoorden (1 van 4)",
    /// "gelijke stand".
    NoProposal(String),
}

impl Source {
    /// "akkoord", "voorstel", "geen voorstel": the mark, also the HTML class.
    pub fn label(&self) -> &'static str {
        match self {
            Source::Agreed => "akkoord",
            Source::Proposal => "voorstel",
            Source::NoProposal(_) => "geen voorstel",
        }
    }

    /// The HTML class of the mark.
    pub fn class(&self) -> &'static str {
        match self {
            Source::Agreed => "akkoord",
            Source::Proposal => "voorstel",
            Source::NoProposal(_) => "geen",
        }
    }

    /// Why there is no proposal, where there is none.
    pub fn why(&self) -> Option<&str> {
        match self {
            Source::NoProposal(why) if !why.is_empty() => Some(why),
            _ => None,
        }
    }

    /// "akkoord", "voorstel", "geen voorstel: gelijke stand".
    pub fn text(&self) -> String {
        match self.why() {
            Some(why) => format!("{}: {why}", self.label()),
            None => self.label().to_string(),
        }
    }
}

pub struct ActionRow {
    pub what: String,
    pub item_ids: Vec<String>,
    /// The items it serves, by name.
    pub items: Vec<String>,
    pub owner: String,
    pub deadline: Option<jiff::civil::Date>,
    pub status: &'static str,
    /// Not done and past its deadline on the report's date.
    pub overdue: bool,
    pub note: String,
    pub from_round: Option<u32>,
}

impl ActionRow {
    /// "open", or "open, te laat" past its deadline.
    pub fn status_text(&self) -> String {
        if self.overdue {
            format!("{}, te laat", self.status)
        } else {
            self.status.to_string()
        }
    }

    /// "15-03-2027", or "—".
    pub fn deadline_text(&self) -> String {
        self.deadline
            .map_or("—".into(), |d| d.strftime("%d-%m-%Y").to_string())
    }
}

/// The date of an assessment for a report heading (local date).
/// The day the report speaks of: when the assessment was last changed.
fn report_day(assessment: &Assessment) -> jiff::civil::Date {
    assessment
        .updated
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date()
}

pub fn date(assessment: &Assessment) -> String {
    assessment
        .updated
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%d-%m-%Y")
        .to_string()
}

/// The assessment with each respondent's name replaced by a letter, also where a name
/// appears in a note, an action or the assessment's own note.
pub fn anonymise(assessment: &Assessment) -> Assessment {
    let mut copy = assessment.clone();
    let mut names: Vec<(String, String)> = copy
        .respondents
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.name.trim().is_empty())
        .map(|(i, r)| (r.name.clone(), letter(i)))
        .collect();
    // Longest first, so "Jan Jansen" is replaced before "Jan".
    names.sort_by_key(|(name, _)| std::cmp::Reverse(name.chars().count()));
    let scrub = |text: &mut String| {
        for (name, letter) in &names {
            if text.contains(name.as_str()) {
                *text = text.replace(name.as_str(), letter);
            }
        }
    };
    let scrub_answers = |answers: &mut crate::domain::Answers| {
        for items in answers.0.values_mut() {
            for answer in items.0.values_mut() {
                match answer {
                    Answer::Scale { note, .. }
                    | Answer::Criterion { note, .. }
                    | Answer::Check { note, .. } => scrub(note),
                    Answer::Text(text) => scrub(text),
                    Answer::Choice { other, .. } => scrub(other),
                    Answer::Number(_) => {}
                }
            }
        }
    };
    for (i, r) in copy.respondents.iter_mut().enumerate() {
        r.name = letter(i);
        scrub_answers(&mut r.answers);
    }
    scrub_answers(&mut copy.agreed);
    scrub_answers(&mut copy.facts);
    for action in &mut copy.actions {
        scrub(&mut action.owner);
        scrub(&mut action.note);
        scrub(&mut action.what);
    }
    scrub(&mut copy.note);
    scrub(&mut copy.title);
    copy
}

impl<'a> Report<'a> {
    pub fn build(
        instruments: &'a Instruments,
        assessment: &Assessment,
        options: Options<'a>,
    ) -> Report<'a> {
        let assessment = if options.anonymous {
            anonymise(assessment)
        } else {
            assessment.clone()
        };
        let result = build(instruments, &assessment);
        let trend = options
            .previous
            .and_then(|previous| compare(instruments, previous, &assessment).ok());
        let team = team(instruments, &assessment);
        let made = Made {
            participants: assessment
                .respondents
                .iter()
                .map(|r| r.name.clone())
                .collect(),
            date: date(&assessment),
            progress: result.progress(),
            agreement: team.as_ref().map(|t| {
                // A measurement is no item of completeness: leave it out here too.
                let rows = t
                    .instruments
                    .iter()
                    .flat_map(|i| &i.rows)
                    .filter(|r| !r.measurement);
                let open = rows.clone().filter(|r| r.agreed.is_none());
                Agreement {
                    items: rows.clone().count(),
                    differ: rows.clone().filter(|r| r.disagrees).count(),
                    agreed: rows.filter(|r| r.agreed.is_some()).count(),
                    proposed: open.clone().filter(|r| r.proposal.is_some()).count(),
                    without: open.filter(|r| r.proposal.is_none()).count(),
                }
            }),
        };
        let summaries = result
            .instruments
            .iter()
            .map(|r| {
                let mut steps: Vec<&crate::domain::result::NextStep> =
                    r.next_steps.iter().collect();
                // Largest first: levels below the ambition (grids), points below the
                // top of the scale (norm parts), what is not arranged before what is
                // partly (checklists); elsewhere the result's own order.
                let size = |s: &crate::domain::result::NextStep| -> u32 {
                    match &r.detail {
                        Detail::Norm(n) => n
                            .parts
                            .iter()
                            .find(|p| p.id == s.item)
                            .and_then(|p| p.score)
                            .map_or(0, |score| u32::from(n.scale_max.saturating_sub(score))),
                        Detail::Checklist(c) => c
                            .sections
                            .iter()
                            .flat_map(|sec| &sec.items)
                            .find(|i| i.id == s.item)
                            .map_or(0, |i| match i.answer {
                                crate::domain::Check::Nee => 2,
                                crate::domain::Check::Deels => 1,
                                _ => 0,
                            }),
                        _ => u32::from(s.gap),
                    }
                };
                steps.sort_by_key(|s| std::cmp::Reverse(size(s)));
                // A grid with goals lists only the items still below their goal; one
                // without lists its first next steps, and says so.
                let has_gaps = steps.iter().any(|s| s.gap > 0);
                if has_gaps {
                    steps.retain(|s| s.gap > 0);
                }
                let gaps_title = if has_gaps || matches!(r.detail, Detail::Norm(_)) {
                    "Grootste gaten"
                } else {
                    "Eerste volgende stappen"
                };
                let gaps = steps
                    .iter()
                    .take(3)
                    .map(|s| {
                        if s.gap > 0 {
                            let unit = if s.gap == 1 { "niveau" } else { "niveaus" };
                            format!("{} ({} {unit} onder het doel)", s.title, s.gap)
                        } else if s.text.is_empty() {
                            s.title.clone()
                        } else {
                            // A title may end in a figure ("Herhaalklachten: 12%"): a
                            // dash, not a second colon, before what follows.
                            format!("{} — {}", s.title, s.text)
                        }
                    })
                    .collect();
                let trend = trend.as_ref().and_then(|c| {
                    let change = c.instruments.iter().find(|x| x.id == r.id)?;
                    Some(format!(
                        "vorige ronde {} → nu {}{}",
                        change.before.as_deref().unwrap_or("—"),
                        change.after.as_deref().unwrap_or("—"),
                        change
                            .change
                            .as_ref()
                            .map(|x| format!(" ({x})"))
                            .unwrap_or_default()
                    ))
                });
                Summary {
                    id: r.id.clone(),
                    title: r.title.clone(),
                    verdict: r.verdict.clone(),
                    provisional: r.provisional,
                    gaps_title,
                    gaps,
                    trend,
                }
            })
            .collect();
        let actions = assessment
            .actions
            .iter()
            .map(|a| ActionRow {
                what: a.what.clone(),
                item_ids: a.items.clone(),
                items: a.items.iter().map(|id| result.item_label(id)).collect(),
                owner: a.owner.clone(),
                deadline: a.deadline,
                status: a.status.label(),
                overdue: a.is_overdue(report_day(&assessment)),
                note: a.note.clone(),
                from_round: a.from_round,
            })
            .collect();
        Report {
            instruments,
            options,
            result,
            made,
            summaries,
            team,
            actions,
            assessment,
        }
    }

    pub fn is_workshop(&self) -> bool {
        self.assessment.is_workshop()
    }

    /// Where the shown answer of an item comes from, in a workshop: the group agreed it,
    /// it follows the proposal (median and majority), or it has neither, and why (as
    /// the spread says).
    pub fn source(&self, instrument: &str, item: &str) -> Option<Source> {
        if !self.is_workshop() {
            return None;
        }
        let answered = |answers: &crate::domain::Answers| {
            answers
                .of(instrument)
                .get(item)
                .is_some_and(Answer::is_answered)
        };
        if answered(&self.assessment.agreed) {
            return Some(Source::Agreed);
        }
        if answered(&self.result.answers) {
            return Some(Source::Proposal);
        }
        let why = self
            .team
            .iter()
            .flat_map(|t| &t.instruments)
            .filter(|i| i.id == instrument)
            .flat_map(|i| &i.rows)
            .find(|r| r.id == item)
            .and_then(|r| r.no_proposal.clone())
            .unwrap_or_default();
        Some(Source::NoProposal(why))
    }

    /// The confidential cover line, when asked.
    pub fn cover_line(&self) -> Option<String> {
        self.options
            .confidential
            .then(|| format!("Vertrouwelijk · {}", self.made.date))
    }
}

fn median_text(values: &mut [f64], display: impl Fn(f64) -> String) -> String {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        return "—".into();
    }
    let median = if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    };
    display(median)
}

/// Why a tally proposes nothing: too few answers, or else a tie.
fn no_proposal(quorum: aggregate::Quorum) -> String {
    if quorum.holds() {
        "gelijke stand".into()
    } else {
        quorum.message()
    }
}

/// The team's answers side by side, per instrument and respondent item.
fn team(instruments: &Instruments, assessment: &Assessment) -> Option<Team> {
    if !assessment.is_workshop() {
        return None;
    }
    let respondents = &assessment.respondents;
    let ids = assessment.instrument_ids();
    let mut list = Vec::new();
    for inst in instruments.selected(&ids) {
        let agreed = assessment.agreed.of(&inst.id);
        let mut rows = Vec::new();
        let mut legend = String::new();
        for item in inst.items() {
            if item.scope != Scope::Respondent {
                continue;
            }
            let label = match instruments.find_item(item.id).map(|(_, i)| i.kind) {
                Some(ItemKind::Criterion) => format!("{} {}", item.id, item.label),
                _ => match inst.grid().and_then(|g| g.item(item.id)) {
                    Some(g) => format!("{} {}", g.number, g.to),
                    None => item.label.to_string(),
                },
            };
            let row = match item.kind {
                ItemKind::Level { .. } | ItemKind::Rating { .. } => {
                    let spread = aggregate::scale_spread(&inst.id, item.id, respondents);
                    let name = |l: crate::domain::Level| match inst.grid() {
                        Some(g) => g.level_name(l).to_string(),
                        None => l.value().to_string(),
                    };
                    if legend.is_empty() {
                        legend = match (inst.grid(), item.kind) {
                            (Some(g), _) => g
                                .levels
                                .iter()
                                .enumerate()
                                .map(|(i, n)| format!("{} = {n}", i + 1))
                                .collect::<Vec<_>>()
                                .join(", "),
                            (None, ItemKind::Rating { min, max }) => {
                                format!("een cijfer van {min} tot {max}")
                            }
                            _ => String::new(),
                        };
                    }
                    TeamRow {
                        id: item.id.to_string(),
                        label,
                        cells: spread
                            .levels
                            .iter()
                            .map(|l| l.map_or("—".into(), |l| l.value().to_string()))
                            .collect(),
                        values: spread
                            .levels
                            .iter()
                            .map(|l| l.map(|l| f64::from(l.value())))
                            .collect(),
                        spread: match (spread.median, spread.min, spread.max) {
                            (Some(m), Some(lo), Some(hi)) => {
                                format!("mediaan {} · {}–{}", m.display(), lo.value(), hi.value())
                            }
                            _ => "—".into(),
                        },
                        disagrees: spread.disagrees(),
                        proposal: spread.proposal().map(name),
                        no_proposal: spread.proposal().is_none().then(|| spread.quorum.message()),
                        agreed: agreed.level(item.id).map(name),
                        min: spread.min.map(|l| f64::from(l.value())),
                        max: spread.max.map(|l| f64::from(l.value())),
                        measurement: false,
                    }
                }
                ItemKind::Criterion => {
                    if legend.is_empty() {
                        legend = "✓ = voldaan, ✗ = niet voldaan, — = open".into();
                    }
                    let tally = aggregate::tally(&inst.id, item.id, respondents);
                    let statuses: Vec<Status> = respondents
                        .iter()
                        .map(|r| r.answers.of(&inst.id).status(item.id))
                        .collect();
                    TeamRow {
                        id: item.id.to_string(),
                        label,
                        cells: statuses
                            .iter()
                            .map(|s| {
                                match s {
                                    Status::Met => "✓",
                                    Status::NotMet => "✗",
                                    Status::Open => "—",
                                }
                                .to_string()
                            })
                            .collect(),
                        values: statuses
                            .iter()
                            .map(|s| match s {
                                Status::Met => Some(1.0),
                                Status::NotMet => Some(0.0),
                                Status::Open => None,
                            })
                            .collect(),
                        spread: format!(
                            "voldaan {} · niet {} · open {}",
                            tally.met, tally.not_met, tally.open
                        ),
                        disagrees: tally.disagrees(),
                        proposal: tally.majority().map(|s| s.label().to_string()),
                        no_proposal: tally
                            .majority()
                            .is_none()
                            .then(|| no_proposal(tally.quorum())),
                        agreed: Some(agreed.status(item.id))
                            .filter(|s| *s != Status::Open)
                            .map(|s| s.label().to_string()),
                        min: None,
                        max: None,
                        measurement: false,
                    }
                }
                ItemKind::Check => {
                    let tally = aggregate::check_tally(&inst.id, item.id, respondents);
                    let answers: Vec<Check> = respondents
                        .iter()
                        .map(|r| r.answers.of(&inst.id).check(item.id))
                        .collect();
                    TeamRow {
                        id: item.id.to_string(),
                        label,
                        cells: answers
                            .iter()
                            .map(|c| {
                                if *c == Check::Open {
                                    "—".into()
                                } else {
                                    c.label().to_string()
                                }
                            })
                            .collect(),
                        values: answers
                            .iter()
                            .map(|c| c.halves().map(|h| f64::from(h) / 2.0))
                            .collect(),
                        spread: Check::ANSWERS
                            .iter()
                            .zip(tally.counts)
                            .map(|(c, n)| format!("{} {n}", c.label()))
                            .collect::<Vec<_>>()
                            .join(" · "),
                        disagrees: tally.disagrees(),
                        proposal: tally.plurality().map(|c| c.label().to_string()),
                        no_proposal: tally
                            .plurality()
                            .is_none()
                            .then(|| no_proposal(tally.quorum())),
                        agreed: Some(agreed.check(item.id))
                            .filter(|c| *c != Check::Open)
                            .map(|c| c.label().to_string()),
                        min: None,
                        max: None,
                        measurement: false,
                    }
                }
                ItemKind::Measurement(m) => {
                    let values: Vec<Option<f64>> = respondents
                        .iter()
                        .map(|r| r.answers.of(&inst.id).number(item.id))
                        .collect();
                    let (proposal, quorum) =
                        aggregate::number_proposal(&inst.id, item.id, m.whole, respondents);
                    let mut given: Vec<f64> = values.iter().flatten().copied().collect();
                    TeamRow {
                        id: item.id.to_string(),
                        label,
                        cells: values
                            .iter()
                            .map(|v| v.map_or("—".into(), |v| m.display(v)))
                            .collect(),
                        spread: format!("mediaan {}", median_text(&mut given, |v| m.display(v))),
                        values,
                        disagrees: false,
                        proposal: proposal.map(|v| m.display(v)),
                        no_proposal: proposal.is_none().then(|| quorum.message()),
                        agreed: agreed.number(item.id).map(|v| m.display(v)),
                        min: None,
                        max: None,
                        measurement: true,
                    }
                }
                ItemKind::Field(_) | ItemKind::Input(_) => continue,
            };
            rows.push(row);
        }
        if !rows.is_empty() {
            list.push(TeamInstrument {
                id: inst.id.clone(),
                title: inst.title.clone(),
                legend,
                rows,
            });
        }
    }
    Some(Team {
        labels: respondents.iter().map(|r| r.name.clone()).collect(),
        instruments: list,
    })
}

/// A percentage for charts and tables: "62%".
pub fn percent(value: f64) -> String {
    format!("{}%", format_number(value.round(), 0))
}

/// One answer of one respondent (or of the group, or of the organisation) to one item:
/// the rows of the CSV and of the sheet "Antwoorden".
pub struct AnswerRow {
    pub respondent: String,
    pub instrument: String,
    pub item: String,
    /// What the item is about.
    pub subject: String,
    /// The answer as shown: "goed", "voldaan", "deels", "85%".
    pub answer: String,
    /// The answer as a number, where it is one.
    pub value: Option<f64>,
    pub ambition: Option<f64>,
    pub note: String,
}

impl Report<'_> {
    /// Every answer given: per respondent, then what the group agreed, then the
    /// organisation's own figures; items in the instruments' order.
    pub fn answer_rows(&self) -> Vec<AnswerRow> {
        let a = &self.assessment;
        let mut sets: Vec<(String, &crate::domain::Answers)> = a
            .respondents
            .iter()
            .map(|r| (r.name.clone(), &r.answers))
            .collect();
        if a.is_workshop() && !a.agreed.is_empty() {
            sets.push(("(akkoord)".into(), &a.agreed));
        }
        if !a.facts.is_empty() {
            sets.push(("(organisatie)".into(), &a.facts));
        }
        let ids = a.instrument_ids();
        let mut rows = Vec::new();
        for (name, answers) in sets {
            for inst in self.instruments.selected(&ids) {
                let given = answers.of(&inst.id);
                for item in inst.items() {
                    let Some(answer) = given.get(item.id) else {
                        continue;
                    };
                    let subject = match inst.grid().and_then(|g| g.item(item.id)) {
                        Some(g) => format!("{} {} → {}", g.number, g.from, g.to),
                        None => item.label.to_string(),
                    };
                    let level_name = |l: crate::domain::Level| match inst.grid() {
                        Some(g) => g.level_name(l).to_string(),
                        None => l.value().to_string(),
                    };
                    let (shown, value, ambition) = match answer {
                        Answer::Scale {
                            value, ambition, ..
                        } => (
                            value.map_or(String::new(), level_name),
                            value.map(|l| f64::from(l.value())),
                            ambition.map(|l| f64::from(l.value())),
                        ),
                        Answer::Criterion { status, .. } => (
                            status.label().to_string(),
                            match status {
                                Status::Met => Some(1.0),
                                Status::NotMet => Some(0.0),
                                Status::Open => None,
                            },
                            None,
                        ),
                        Answer::Check { answer, .. } => (
                            answer.label().to_string(),
                            answer.halves().map(|h| f64::from(h) / 2.0),
                            None,
                        ),
                        Answer::Number(n) => (
                            match item.kind {
                                ItemKind::Measurement(m) => m.display(*n),
                                ItemKind::Input(i) => {
                                    crate::domain::result::unit_display(*n, i.unit)
                                }
                                _ => format_number(*n, 2),
                            },
                            Some(*n),
                            None,
                        ),
                        Answer::Text(t) => (t.clone(), None, None),
                        Answer::Choice { options, other } => {
                            let mut parts = options.clone();
                            if !other.trim().is_empty() {
                                parts.push(other.clone());
                            }
                            (parts.join("; "), None, None)
                        }
                    };
                    rows.push(AnswerRow {
                        respondent: name.clone(),
                        instrument: inst.id.clone(),
                        item: item.id.to_string(),
                        subject,
                        answer: shown,
                        value,
                        ambition,
                        note: answer.note().to_string(),
                    });
                }
            }
        }
        rows
    }
}
