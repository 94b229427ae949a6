//! The IKM model: each box's maturity on one scale (0–100%) from the items mapped to
//! it, the boxes nobody looked at, the weakest box, and the team's own rating.

use super::format_number;
use crate::domain::answers::{Answers, Status};
use crate::domain::instrument::{Compare, IkmModel, Instrument, Instruments, Measurement};

/// How the other instruments' answers become one scale; shown as "Zo lezen we dit".
pub const READING_RULE: &[&str] = &[
    "Gouden Oor: het niveau gedeeld door het hoogste niveau (aardig 25%, goed 50%, prima 75%, goud 100%).",
    "Stv-onderdeel: de score gedeeld door de hoogste score (3 van 5 is 60%); een criterium: voldaan 100%, niet voldaan 0%.",
    "Checklist: het aandeel dat op orde is (ja 1, deels ½, nee 0; n.v.t. telt niet mee).",
    "Meting: 100% als de norm gehaald is; anders het deel van de norm (bij \"ten hoogste\": 100 min de overschrijding).",
    "Een vak is het gemiddelde van wat erop is beantwoord; een vak zonder antwoorden is niet bekeken.",
];

/// A difference this large (in percentage points) between the team's rating and the
/// other instruments is marked.
pub const MARKED_DIFFERENCE: f64 = 25.0;

/// One mapped item as it stands in this assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub id: String,
    /// "3 Klant als mens", "II Mensen en middelen".
    pub label: String,
    /// The answer as shown: "goed", "score 3", "ja 4 van 7", "open".
    pub answer: String,
    pub percent: Option<f64>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BoxScore {
    pub id: String,
    pub group: String,
    pub title: String,
    /// Mean of the answered readings; `None` is "niet bekeken".
    pub percent: Option<f64>,
    pub readings: Vec<Reading>,
    /// The team's rating of this box (performance indicators), as a percentage.
    pub rating: Option<f64>,
    /// The rating as answered: "4 van 5".
    pub rating_display: Option<String>,
    /// Rating and readings differ by `MARKED_DIFFERENCE` or more.
    pub differs: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ModelSummary {
    pub boxes: Vec<BoxScore>,
    /// The box with the lowest percentage (the first one on a tie).
    pub weakest: Option<String>,
    pub unseen: Vec<String>,
}

fn measurement_percent(m: &Measurement, value: f64) -> f64 {
    if m.threshold.is_met(value) {
        return 100.0;
    }
    let t = m.threshold.value;
    match m.threshold.compare {
        Compare::AtLeast if t > 0.0 => (100.0 * value / t).clamp(0.0, 100.0),
        Compare::AtLeast => 100.0,
        Compare::AtMost => (100.0 - (value - t)).clamp(0.0, 100.0),
    }
}

/// The reading of id `id` among the included instruments.
fn read(
    included: &[&Instrument],
    answers: &Answers,
    id: &str,
) -> Option<(String, String, Option<f64>)> {
    for inst in included {
        let a = answers.of(&inst.id);
        if let Some(grid) = inst.grid()
            && let Some(item) = grid.item(id)
        {
            let level = a.level(id);
            return Some((
                item.name(),
                level.map_or("open".into(), |l| grid.level_name(l).to_string()),
                level.map(|l| 100.0 * f64::from(l.value()) / f64::from(grid.top())),
            ));
        }
        if let Some(norm) = inst.norm() {
            if let Some(part) = norm.part(id) {
                let score = super::norm::score_part(part, norm.scale.min, a);
                return Some((
                    part.name(),
                    score.score.map_or("open".into(), |s| {
                        format!(
                            "score {s}{}",
                            if score.provisional {
                                " (voorlopig)"
                            } else {
                                ""
                            }
                        )
                    }),
                    score
                        .score
                        .map(|s| 100.0 * f64::from(s) / f64::from(norm.scale.max)),
                ));
            }
            if let Some((_, c)) = norm.criteria().find(|(_, c)| c.id == id) {
                let status = a.status(id);
                // The norm's own reading: met but below its measurement does not count.
                if super::norm::misses_measurement(c, a) {
                    return Some((
                        format!("{} {}", c.id, c.short),
                        format!("{}, telt niet mee", status.label()),
                        Some(0.0),
                    ));
                }
                return Some((
                    format!("{} {}", c.id, c.short),
                    status.label().to_string(),
                    match status {
                        Status::Met => Some(100.0),
                        Status::NotMet => Some(0.0),
                        Status::Open => None,
                    },
                ));
            }
            if let Some((_, m)) = norm.measurements().find(|(_, m)| m.id == id) {
                return Some(measurement_reading(m, a.number(id)));
            }
        }
        if let Some(list) = inst.checklist()
            && let Some(section) = list.sections.iter().find(|s| s.id == id)
        {
            let score = super::checklist::section_score(section, a);
            return Some((
                section.title.clone(),
                score.share.map_or("open".into(), |s| s.display()),
                score.share.map(|s| 100.0 * s.fraction()),
            ));
        }
        if let Some(calc) = inst.calculator()
            && let Some(m) = calc.measurements.iter().find(|m| m.id == id)
        {
            return Some(measurement_reading(m, a.number(id)));
        }
    }
    None
}

fn measurement_reading(m: &Measurement, value: Option<f64>) -> (String, String, Option<f64>) {
    (
        m.name.clone(),
        value.map_or("niet gemeten".into(), |v| {
            format!("{} (norm {})", m.display(v), m.threshold_text())
        }),
        value.map(|v| measurement_percent(m, v)),
    )
}

/// Score the model's boxes from the answers of the instruments the assessment includes.
pub fn summary(
    instruments: &Instruments,
    model_instrument: &Instrument,
    model: &IkmModel,
    included: &[String],
    answers: &Answers,
) -> ModelSummary {
    let included: Vec<&Instrument> = instruments
        .selected(included)
        .filter(|i| i.id != model_instrument.id)
        .collect();
    let own = answers.of(&model_instrument.id);
    let mut boxes: Vec<BoxScore> = model
        .boxes
        .iter()
        .map(|b| {
            let readings: Vec<Reading> = model
                .mapping
                .iter()
                .filter(|m| m.boxes.contains(&b.id))
                .filter_map(|m| {
                    let (label, answer, percent) = read(&included, answers, &m.id)?;
                    Some(Reading {
                        id: m.id.clone(),
                        label,
                        answer,
                        percent,
                        reason: m.reason.clone(),
                    })
                })
                .collect();
            let answered: Vec<f64> = readings.iter().filter_map(|r| r.percent).collect();
            let percent = (!answered.is_empty())
                .then(|| answered.iter().sum::<f64>() / answered.len() as f64);
            let rated = model.rating.as_ref().filter(|r| r.group == b.group);
            let rating_level = rated.and_then(|_| own.level(&b.id));
            let rating = rated
                .zip(rating_level)
                .map(|(r, l)| 100.0 * f64::from(l.value()) / f64::from(r.max));
            BoxScore {
                id: b.id.clone(),
                group: b.group.clone(),
                title: b.title.clone(),
                percent,
                differs: matches!((rating, percent), (Some(r), Some(p)) if (r - p).abs() >= MARKED_DIFFERENCE),
                rating,
                rating_display: rated
                    .zip(rating_level)
                    .map(|(r, l)| format!("{} van {}", l.value(), r.max)),
                readings,
            }
        })
        .collect();
    let weakest = boxes
        .iter()
        .filter_map(|b| b.percent.map(|p| (p, b.id.clone())))
        .fold(None::<(f64, String)>, |acc, (p, id)| match acc {
            Some((best, _)) if best <= p => acc,
            _ => Some((p, id)),
        })
        .map(|(_, id)| id);
    let unseen = boxes
        .iter()
        .filter(|b| b.percent.is_none())
        .map(|b| b.id.clone())
        .collect();
    boxes.shrink_to_fit();
    ModelSummary {
        boxes,
        weakest,
        unseen,
    }
}

/// "62%".
pub fn percent_text(percent: f64) -> String {
    format!("{}%", format_number(percent.round(), 0))
}
