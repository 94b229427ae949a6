//! Between the live server and the assessment: the questionnaire participants answer
//! (built from the instruments an assessment includes), their answers applied to their
//! respondent exactly as `goudenoor set` would, and the team's result they may see.

use crate::domain::aggregate::{check_tally, scale_spread, tally};
use crate::domain::instrument::Kind;
use crate::domain::warmup::Warmup;
use crate::domain::{
    Answer, Assessment, Check, Instrument, Instruments, ItemKind, Level, Scope, Status,
};
use crate::live::{AnswerValue, QItem, QKind, QSection, Questionnaire, TeamLine, TeamView};

/// A participant's instruction for one instrument, addressed as "je" like the rest of
/// the page (the instruments' own introductions address the reader as "u").
fn how_to_answer(inst: &Instrument) -> String {
    match &inst.kind {
        Kind::MaturityGrid(grid) => format!(
            "Kies per {} de uitspraak die het best past bij hoe het nu gaat, en daarna waar jullie naartoe willen.",
            grid.item_name
        ),
        Kind::NormFramework(_) => "Geef per criterium aan of jullie organisatie eraan voldoet. Weet je het niet, kies dan \"Weet niet\".".into(),
        Kind::Checklist(_) => "Geef per punt aan of het bij jullie geregeld is: ja, deels, nee of n.v.t. (niet van toepassing).".into(),
        Kind::Calculator(_) => "Vul in wat jullie gemeten hebben; laat leeg wat je niet weet.".into(),
        Kind::Model(_) => "Geef per vak een cijfer voor hoe goed jullie het nu doen.".into(),
    }
}

/// What participants answer: every respondent item of the included instruments.
pub fn questionnaire(
    instruments: &Instruments,
    assessment: &Assessment,
    anonymous: bool,
) -> Questionnaire {
    let mut sections = Vec::new();
    for inst in instruments.selected(&assessment.instrument_ids()) {
        let items: Vec<QItem> = inst
            .items()
            .into_iter()
            .filter(|i| i.scope == Scope::Respondent)
            .filter_map(|item| {
                let (label, text, kind) = match item.kind {
                    ItemKind::Level { .. } => {
                        let grid = inst.grid()?;
                        let g = grid.item(item.id)?;
                        (
                            format!("{} {} → {}", g.number, g.from, g.to),
                            None,
                            QKind::Scale {
                                levels: grid.levels.clone(),
                                statements: g.statements.clone(),
                                ambition: true,
                            },
                        )
                    }
                    ItemKind::Rating { min, max } => {
                        let model = inst.model()?;
                        let question = model.rating.as_ref().map(|r| r.question.clone());
                        (item.label.to_string(), question, QKind::Rating { min, max })
                    }
                    ItemKind::Criterion => {
                        let (_, c) = inst.norm()?.criteria().find(|(_, c)| c.id == item.id)?;
                        (
                            format!("{} · {}", c.id, c.label),
                            Some(c.text.clone()),
                            QKind::Criterion,
                        )
                    }
                    ItemKind::Check => {
                        let (_, c) = inst.checklist()?.items().find(|(_, c)| c.id == item.id)?;
                        (c.label.clone(), Some(c.text.clone()), QKind::Check)
                    }
                    ItemKind::Measurement(m) => (
                        m.name.clone(),
                        Some(format!("{} (norm {})", m.question, m.threshold_text())),
                        QKind::Number {
                            unit: m.unit.clone(),
                            min: m.min,
                            max: m.max,
                            whole: m.whole,
                        },
                    ),
                    ItemKind::Field(_) | ItemKind::Input(_) => return None,
                };
                Some(QItem {
                    id: item.id.to_string(),
                    label,
                    text,
                    kind,
                })
            })
            .collect();
        if !items.is_empty() {
            sections.push(QSection {
                title: inst.title.clone(),
                intro: Some(how_to_answer(inst)),
                items,
            });
        }
    }
    let warmup = Warmup::embedded();
    Questionnaire {
        title: assessment.title.clone(),
        anonymous,
        sections,
        warmup: Some(crate::live::Warmup {
            statements: warmup.statements.clone(),
            definitions: warmup
                .definitions
                .iter()
                .map(|d| (d.source.clone(), d.text.clone()))
                .collect(),
        }),
    }
}

/// Apply one accepted answer of a participant to their respondent's answers: only to
/// a respondent item of an instrument the assessment includes, and only a value that
/// fits the item, as `goudenoor set` checks; a refused answer changes nothing.
pub fn apply(
    instruments: &Instruments,
    assessment: &mut Assessment,
    respondent: usize,
    item: &str,
    value: &AnswerValue,
) -> Result<(), String> {
    let included = assessment.instrument_ids();
    let (inst, item_ref) = instruments
        .find_item(item)
        .filter(|(inst, item)| included.contains(&inst.id) && item.scope == Scope::Respondent)
        .ok_or_else(|| format!("\"{item}\" is geen vraag van deze beoordeling"))?;
    let answers = &mut assessment
        .respondents
        .get_mut(respondent)
        .ok_or("onbekende deelnemer")?
        .answers;
    // Worked out on a copy, so a refused answer leaves the earlier one in place.
    let mut items = answers.of(&inst.id).clone();
    match value {
        AnswerValue::Level(n) => items.set_level(item, Level::new(*n)),
        AnswerValue::Ambition(n) => items.set_ambition(item, Level::new(*n)),
        AnswerValue::Status(s) => items.set_status(
            item,
            match s.as_str() {
                "met" => Status::Met,
                "not_met" => Status::NotMet,
                "open" => Status::Open,
                _ => return Err(format!("\"{s}\" — verwacht met, not_met of open")),
            },
        ),
        AnswerValue::Check(c) => items.set_check(
            item,
            match c.as_str() {
                "ja" => Check::Ja,
                "deels" => Check::Deels,
                "nee" => Check::Nee,
                "nvt" => Check::Nvt,
                "open" => Check::Open,
                _ => return Err(format!("\"{c}\" — verwacht ja, deels, nee, nvt of open")),
            },
        ),
        AnswerValue::Number(v) => items.set_number(item, Some(*v)),
        AnswerValue::Choice(c) => {
            return Err(format!("\"{c}\" — hier is geen keuze te maken"));
        }
        AnswerValue::Note(note) => {
            let empty = match item_ref.kind {
                ItemKind::Criterion => Answer::Criterion {
                    status: Status::Open,
                    note: String::new(),
                },
                ItemKind::Check => Answer::Check {
                    answer: Check::Open,
                    note: String::new(),
                },
                _ => Answer::Scale {
                    value: None,
                    ambition: None,
                    note: String::new(),
                },
            };
            items.set_note(item, empty, note.clone());
        }
        AnswerValue::Clear => items.clear(item),
    }
    // What the server accepted also fits the instrument; keep it that way.
    if let Some(answer) = items.get(item) {
        crate::domain::validate::answer(item_ref.kind, answer)?;
    }
    *answers.of_mut(&inst.id) = items;
    Ok(())
}

/// The team's result as the participants may see it: per item a short line.
pub fn team_view(instruments: &Instruments, assessment: &Assessment) -> TeamView {
    let respondents = &assessment.respondents;
    let mut lines = Vec::new();
    for inst in instruments.selected(&assessment.instrument_ids()) {
        for item in inst.items() {
            if item.scope != Scope::Respondent {
                continue;
            }
            let text = match item.kind {
                ItemKind::Level { .. } => {
                    let grid = inst.grid().expect("a grid");
                    let s = scale_spread(&inst.id, item.id, respondents);
                    let name = |l: Option<Level>| {
                        l.map_or("—".into(), |l| grid.level_name(l).to_string())
                    };
                    match s.median {
                        Some(m) => format!(
                            "mediaan {} · spreiding {}–{}",
                            name(Some(m.proposal())),
                            name(s.min),
                            name(s.max)
                        ),
                        None => "nog geen antwoorden".into(),
                    }
                }
                ItemKind::Rating { .. } => {
                    let s = scale_spread(&inst.id, item.id, respondents);
                    s.median.map_or("nog geen antwoorden".into(), |m| {
                        format!("mediaan {}", m.display())
                    })
                }
                ItemKind::Criterion => {
                    let t = tally(&inst.id, item.id, respondents);
                    format!("ja {} · nee {} · weet niet {}", t.met, t.not_met, t.open)
                }
                ItemKind::Check => {
                    let t = check_tally(&inst.id, item.id, respondents);
                    format!(
                        "ja {} · deels {} · nee {} · n.v.t. {}",
                        t.counts[0], t.counts[1], t.counts[2], t.counts[3]
                    )
                }
                _ => continue,
            };
            let label = match item.kind {
                ItemKind::Level { .. } => inst
                    .grid()
                    .and_then(|g| g.item(item.id))
                    .map_or(item.label.to_string(), |g| g.name()),
                _ => format!(
                    "{} {}",
                    item.id,
                    item.label.chars().take(50).collect::<String>()
                ),
            };
            lines.push(TeamLine { label, text });
        }
    }
    TeamView {
        title: format!("{} — het team", assessment.title),
        lines,
    }
}
