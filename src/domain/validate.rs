//! Whether values and whole assessments fit the instruments: levels on the scale,
//! numbers within bounds, ids that exist, answers of the right kind. Every message is
//! Dutch and says what is expected.

use super::answers::{Answer, Answers};
use super::assessment::Assessment;
use super::instrument::{FieldKind, Input, Instruments, ItemKind, Measurement};
use super::scoring::format_number;

/// A problem in an assessment's content, with where it is (keys from the top).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// e.g. ["respondents", "Anna", "gouden-oor", "Go7"].
    pub path: Vec<String>,
    pub message: String,
}

fn bounds(v: f64, min: f64, max: Option<f64>, whole: bool, unit: &str) -> Result<(), String> {
    if !v.is_finite() {
        return Err("geen getal".into());
    }
    if whole && v.fract() != 0.0 {
        return Err(format!(
            "moet een heel getal zijn, niet {}",
            format_number(v, 4)
        ));
    }
    let unit = if unit.is_empty() || unit == "%" {
        unit.to_string()
    } else {
        format!(" {unit}")
    };
    match max {
        // "tussen 0% en 100%", but "tussen 1 en 365 werkdagen" (never "1 werkdagen").
        Some(max) if v < min || v > max => Err(format!(
            "moet tussen {}{} en {}{unit} liggen, niet {}{unit}",
            format_number(min, 2),
            if unit == "%" { "%" } else { "" },
            format_number(max, 2),
            format_number(v, 4)
        )),
        None if v < min => Err(format!(
            "moet ten minste {}{unit} zijn, niet {}{unit}",
            format_number(min, 2),
            format_number(v, 4)
        )),
        _ => Ok(()),
    }
}

pub fn input_value(input: &Input, v: f64) -> Result<(), String> {
    bounds(v, input.min, input.max, input.whole, input.unit.suffix())
}

pub fn measurement_value(m: &Measurement, v: f64) -> Result<(), String> {
    bounds(v, m.min, Some(m.max), m.whole, &m.unit)
}

/// Whether `answer` fits item `kind`; the message says what is expected.
pub fn answer(kind: ItemKind<'_>, answer: &Answer) -> Result<(), String> {
    match (kind, answer) {
        (
            ItemKind::Level { levels },
            Answer::Scale {
                value, ambition, ..
            },
        ) => {
            for level in value.iter().chain(ambition.iter()) {
                if usize::from(level.value()) > levels {
                    return Err(format!(
                        "niveau {} bestaat niet (1 tot en met {levels})",
                        level.value()
                    ));
                }
            }
            Ok(())
        }
        (
            ItemKind::Rating { min, max },
            Answer::Scale {
                value, ambition, ..
            },
        ) => {
            if ambition.is_some() {
                return Err("een beoordeling heeft geen doel".into());
            }
            match value {
                Some(v) if v.value() < min || v.value() > max => {
                    Err(format!("beoordeling {} valt buiten {min}–{max}", v.value()))
                }
                _ => Ok(()),
            }
        }
        (ItemKind::Criterion, Answer::Criterion { .. }) => Ok(()),
        (ItemKind::Check, Answer::Check { .. }) => Ok(()),
        (ItemKind::Measurement(m), Answer::Number(v)) => measurement_value(m, *v),
        (ItemKind::Input(i), Answer::Number(v)) => input_value(i, *v),
        (ItemKind::Field(f), answer) => match (&f.kind, answer) {
            (FieldKind::Text { .. }, Answer::Text(_)) => Ok(()),
            (
                FieldKind::Number {
                    unit,
                    min,
                    max,
                    whole,
                    below_min,
                    ..
                },
                Answer::Number(v),
            ) => {
                if *v < *min
                    && let Some(message) = below_min
                {
                    return Err(message.clone());
                }
                bounds(*v, *min, Some(*max), *whole, unit)
            }
            (
                FieldKind::Choice {
                    options,
                    multiple,
                    other: allow_other,
                    ..
                },
                Answer::Choice {
                    options: chosen,
                    other,
                },
            ) => {
                if let Some(unknown) = chosen.iter().find(|c| !options.iter().any(|o| &o.id == *c))
                {
                    return Err(format!("keuze \"{unknown}\" bestaat niet"));
                }
                if !multiple && chosen.len() > 1 {
                    return Err("kies één mogelijkheid".into());
                }
                if !allow_other && !other.is_empty() {
                    return Err("hier kan geen eigen tekst".into());
                }
                Ok(())
            }
            _ => Err("is een antwoord van een ander soort dan dit veld vraagt".into()),
        },
        _ => Err("is een antwoord van een ander soort dan dit onderdeel vraagt".into()),
    }
}

fn check_answers(
    instruments: &Instruments,
    included: &[String],
    answers: &Answers,
    path: &[String],
) -> Result<(), Problem> {
    for (instrument, items) in &answers.0 {
        let mut here = path.to_vec();
        here.push(instrument.clone());
        let Some(inst) = instruments
            .get(instrument)
            .filter(|_| included.contains(instrument))
        else {
            return Err(Problem {
                path: here,
                message: format!("instrument \"{instrument}\" hoort niet bij deze beoordeling"),
            });
        };
        for (id, a) in &items.0 {
            let mut at = here.clone();
            at.push(id.clone());
            let Some(item) = inst.item(id) else {
                return Err(Problem {
                    path: at,
                    message: format!("\"{id}\" bestaat niet in {}", inst.title),
                });
            };
            answer(item.kind, a).map_err(|message| Problem {
                path: at,
                message: format!("{id}: {message}"),
            })?;
        }
    }
    Ok(())
}

/// Check a loaded assessment against the instruments it names.
pub fn assessment(instruments: &Instruments, a: &Assessment) -> Result<(), Problem> {
    for r in &a.instruments {
        if instruments.get(&r.id).is_none() {
            return Err(Problem {
                path: vec!["instruments".into(), r.id.clone()],
                message: format!(
                    "instrument \"{}\" is onbekend in deze versie van goudenoor",
                    r.id
                ),
            });
        }
    }
    let included = a.instrument_ids();
    for r in &a.respondents {
        check_answers(
            instruments,
            &included,
            &r.answers,
            &["respondents".into(), r.name.clone()],
        )?;
    }
    check_answers(instruments, &included, &a.agreed, &["agreed".into()])?;
    check_answers(instruments, &included, &a.facts, &["facts".into()])?;
    for action in &a.actions {
        for item in &action.items {
            let known = included.iter().any(|id| {
                instruments.get(id).is_some_and(|inst| {
                    inst.item(item).is_some()
                        || inst.norm().is_some_and(|n| n.part(item).is_some())
                        || inst
                            .checklist()
                            .is_some_and(|c| c.sections.iter().any(|s| &s.id == item))
                        || inst
                            .model()
                            .is_some_and(|m| m.boxes.iter().any(|b| &b.id == item))
                })
            });
            if !known {
                return Err(Problem {
                    path: vec!["actions".into(), item.clone()],
                    message: format!(
                        "actie \"{}\" noemt \"{item}\", dat niet bestaat",
                        action.what
                    ),
                });
            }
        }
    }
    Ok(())
}
