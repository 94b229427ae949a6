//! Setting one answer from text, by id: what `goudenoor set` and scripts do. Every
//! value is checked as in the app; the message says what is expected.

use super::answers::{Answer, Check, Level, Status};
use super::assessment::Assessment;
use super::instrument::{FieldKind, Instruments, ItemKind, Scope};
use super::scoring::parse_number;

const AMBITION: &str = "_doel";

/// Set `id` (or `ID_doel` for a grid item's ambition) to `value` in `assessment`: in a
/// solo check the respondent's answers, in a workshop the agreed ones; fields, inputs
/// and measurements of the organisation in its facts. An empty value clears.
pub fn set(
    instruments: &Instruments,
    assessment: &mut Assessment,
    id: &str,
    value: &str,
) -> Result<(), String> {
    let (base, ambition) = match id.strip_suffix(AMBITION) {
        Some(base) => (base, true),
        None => (id, false),
    };
    let included = assessment.instrument_ids();
    let (inst, item) = instruments
        .find_item(base)
        .filter(|(inst, _)| included.contains(&inst.id))
        .ok_or_else(|| {
            format!("\"{id}\" is geen onderdeel van deze beoordeling; `goudenoor instruments ID` toont de ids")
        })?;
    let value = value.trim();
    let workshop = assessment.is_workshop();
    let target = match item.scope {
        Scope::Organisation => assessment.facts.of_mut(&inst.id),
        Scope::Respondent if workshop => assessment.agreed.of_mut(&inst.id),
        Scope::Respondent => assessment.respondents[0].answers.of_mut(&inst.id),
    };
    if ambition && !matches!(item.kind, ItemKind::Level { .. }) {
        return Err(format!("{base} heeft geen doel"));
    }
    if value.is_empty() {
        if ambition {
            target.set_ambition(base, None);
        } else {
            target.clear(base);
        }
        return Ok(());
    }
    match item.kind {
        ItemKind::Level { levels } => {
            let names = inst.grid().map(|g| g.levels.clone()).unwrap_or_default();
            let lower = value.to_lowercase();
            let level = names
                .iter()
                .position(|n| *n == lower)
                .map(|i| i + 1)
                .or_else(|| {
                    value
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=levels).contains(n))
                })
                .and_then(|n| Level::new(n as u8))
                .ok_or_else(|| {
                    format!(
                        "{id}: \"{value}\" — verwacht {} of 1–{levels}",
                        names.join(", ")
                    )
                })?;
            if ambition {
                target.set_ambition(base, Some(level));
            } else {
                target.set_level(base, Some(level));
            }
        }
        ItemKind::Rating { min, max } => {
            let n = value
                .parse::<u8>()
                .ok()
                .filter(|n| (min..=max).contains(n))
                .ok_or_else(|| format!("{id}: \"{value}\" — verwacht {min} tot en met {max}"))?;
            target.set_level(base, Level::new(n));
        }
        ItemKind::Criterion => {
            let status = match value.to_lowercase().as_str() {
                "ja" | "voldaan" | "met" | "1" => Status::Met,
                "nee" | "niet voldaan" | "not_met" | "0" => Status::NotMet,
                "open" | "weet niet" => Status::Open,
                _ => return Err(format!("{id}: \"{value}\" — verwacht ja, nee of open")),
            };
            target.set_status(base, status);
        }
        ItemKind::Check => {
            let answer = match value.to_lowercase().as_str() {
                "ja" => Check::Ja,
                "deels" => Check::Deels,
                "nee" => Check::Nee,
                "nvt" | "n.v.t." => Check::Nvt,
                "open" => Check::Open,
                _ => {
                    return Err(format!(
                        "{id}: \"{value}\" — verwacht ja, deels, nee, nvt of open"
                    ));
                }
            };
            target.set_check(base, answer);
        }
        ItemKind::Measurement(_) | ItemKind::Input(_) => {
            let n = parse_number(value)
                .map_err(|e| format!("{id}: {e}"))?
                .expect("not empty");
            super::validate::answer(item.kind, &Answer::Number(n))
                .map_err(|e| format!("{id}: \"{value}\" — {e}"))?;
            target.set_number(base, Some(n));
        }
        ItemKind::Field(field) => {
            let answer = match &field.kind {
                FieldKind::Text { .. } => Answer::Text(value.to_string()),
                FieldKind::Number { .. } => Answer::Number(
                    parse_number(value)
                        .map_err(|e| format!("{id}: {e}"))?
                        .expect("not empty"),
                ),
                FieldKind::Choice { options, other, .. } => {
                    let mut chosen = Vec::new();
                    let mut own = Vec::new();
                    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                        let found = options.iter().find(|o| {
                            o.id == part
                                || o.id.rsplit('.').next() == Some(part)
                                || o.label.eq_ignore_ascii_case(part)
                        });
                        match found {
                            Some(o) => chosen.push(o.id.clone()),
                            None if *other => own.push(part.to_string()),
                            None => {
                                return Err(format!(
                                    "{id}: \"{part}\" — verwacht een van {}",
                                    options
                                        .iter()
                                        .map(|o| o.id.rsplit('.').next().unwrap_or(&o.id))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ));
                            }
                        }
                    }
                    Answer::Choice {
                        options: chosen,
                        other: own.join(", "),
                    }
                }
            };
            super::validate::answer(item.kind, &answer)
                .map_err(|e| format!("{id}: \"{value}\" — {e}"))?;
            target.set(base, answer);
        }
    }
    Ok(())
}
