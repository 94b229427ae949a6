//! Checks of the instrument files: ids unique, every level present, rules and
//! mappings refer to existing ids. A failure is a defect of a data file.

use super::{FieldKind, Instrument, InstrumentError, Instruments, Kind, Rule};
use std::collections::HashSet;

fn invalid(file: &str, what: impl Into<String>) -> InstrumentError {
    InstrumentError::Invalid {
        file: file.to_string(),
        what: what.into(),
    }
}

fn empty(file: &str, what: &str) -> InstrumentError {
    InstrumentError::Empty {
        file: file.to_string(),
        what: what.to_string(),
    }
}

fn unique<'a>(
    file: &str,
    seen: &mut HashSet<&'a str>,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<(), InstrumentError> {
    for id in ids {
        if !seen.insert(id) {
            return Err(InstrumentError::DuplicateId {
                file: file.to_string(),
                id: id.to_string(),
            });
        }
    }
    Ok(())
}

/// Every id an instrument defines: items, parts, sections, boxes.
pub(super) fn defined_ids(instrument: &Instrument) -> Vec<&str> {
    let mut ids: Vec<&str> = instrument.items().iter().map(|i| i.id).collect();
    match &instrument.kind {
        Kind::NormFramework(norm) => ids.extend(norm.parts.iter().map(|p| p.id.as_str())),
        Kind::Checklist(list) => ids.extend(list.sections.iter().map(|s| s.id.as_str())),
        Kind::Model(model) => {
            let rated: HashSet<&str> = ids.iter().copied().collect();
            ids.extend(
                model
                    .boxes
                    .iter()
                    .map(|b| b.id.as_str())
                    .filter(|id| !rated.contains(id)),
            );
        }
        _ => {}
    }
    ids
}

pub(super) fn instrument(file: &str, inst: &Instrument) -> Result<(), InstrumentError> {
    if inst.id.trim().is_empty() {
        return Err(empty(file, "het id van het instrument"));
    }
    let mut seen = HashSet::new();
    unique(file, &mut seen, defined_ids(inst))?;
    match &inst.kind {
        Kind::MaturityGrid(grid) => {
            if grid.levels.len() < 2 {
                return Err(invalid(
                    file,
                    "een volwassenheidsmodel heeft ten minste twee niveaus",
                ));
            }
            if grid.items.is_empty() {
                return Err(empty(file, "de lijst met items"));
            }
            for item in &grid.items {
                if item.statements.len() != grid.levels.len() {
                    return Err(InstrumentError::MissingLevels {
                        file: file.into(),
                        item: item.id.clone(),
                        found: item.statements.len(),
                        expected: grid.levels.len(),
                    });
                }
            }
        }
        Kind::NormFramework(norm) => {
            if norm.parts.is_empty() {
                return Err(empty(file, "de lijst met onderdelen"));
            }
            let scale = norm.scale;
            if scale.min >= scale.max {
                return Err(invalid(file, "de schaal loopt niet van laag naar hoog"));
            }
            for part in &norm.parts {
                if let Rule::Stepwise(steps) = &part.rule {
                    for (expected, step) in (scale.min + 1..).zip(steps) {
                        if step.score != expected || step.score > scale.max {
                            return Err(InstrumentError::BadScore {
                                file: file.into(),
                                part: part.id.clone(),
                                score: step.score,
                            });
                        }
                    }
                }
                if let Rule::Additive { min, max, .. } = &part.rule
                    && (*min < scale.min || *max > scale.max || min > max)
                {
                    return Err(InstrumentError::BadScore {
                        file: file.into(),
                        part: part.id.clone(),
                        score: *max,
                    });
                }
                for condition in part.rule.conditions() {
                    if condition.ids().is_empty() {
                        return Err(empty(
                            file,
                            &format!("een voorwaarde in de regel van onderdeel {}", part.id),
                        ));
                    }
                    for id in condition.ids() {
                        if part.criterion(id).is_none() {
                            return Err(InstrumentError::UnknownId {
                                file: file.into(),
                                place: format!("de regel van onderdeel {}", part.id),
                                id: id.clone(),
                            });
                        }
                    }
                }
                for c in &part.criteria {
                    if let Some(m) = &c.measurement {
                        measurement(file, m)?;
                    }
                }
            }
        }
        Kind::Checklist(list) => {
            if list.sections.is_empty() {
                return Err(empty(file, "de lijst met secties"));
            }
            for field in &list.fields {
                match &field.kind {
                    FieldKind::Number {
                        min, max, default, ..
                    } if min > max || default.is_some_and(|d| d < *min || d > *max) => {
                        return Err(invalid(
                            file,
                            format!(
                                "veld {}: de grenzen of de standaardwaarde kloppen niet",
                                field.id
                            ),
                        ));
                    }
                    FieldKind::Choice {
                        options, default, ..
                    } if options.is_empty()
                        || default
                            .as_ref()
                            .is_some_and(|d| !options.iter().any(|o| &o.id == d)) =>
                    {
                        return Err(invalid(
                            file,
                            format!(
                                "veld {}: de keuzes of de standaardkeuze kloppen niet",
                                field.id
                            ),
                        ));
                    }
                    _ => {}
                }
            }
            if let Some(draft) = &list.draft {
                for paragraph in draft.sections.iter().flat_map(|s| &s.paragraphs) {
                    if let Some(item) = &paragraph.item
                        && !list.items().any(|(_, i)| &i.id == item)
                    {
                        return Err(InstrumentError::UnknownId {
                            file: file.into(),
                            place: "het concept".into(),
                            id: item.clone(),
                        });
                    }
                    for name in super::placeholders(&paragraph.text) {
                        if name != "organisatie" && list.field(name).is_none() {
                            return Err(InstrumentError::UnknownId {
                                file: file.into(),
                                place: "een {plaatshouder} in het concept".into(),
                                id: name.to_string(),
                            });
                        }
                    }
                }
            }
        }
        Kind::Calculator(calc) => {
            for input in &calc.inputs {
                let out_of_bounds = |v: f64| v < input.min || input.max.is_some_and(|m| v > m);
                if input.default.is_some_and(out_of_bounds) {
                    return Err(invalid(
                        file,
                        format!(
                            "invoer {}: de standaardwaarde valt buiten de grenzen",
                            input.id
                        ),
                    ));
                }
            }
            for sum in &calc.sums {
                for id in &sum.ids {
                    if calc.input(id).is_none() {
                        return Err(InstrumentError::UnknownId {
                            file: file.into(),
                            place: format!("de som \"{}\"", sum.label),
                            id: id.clone(),
                        });
                    }
                }
            }
            let rule = calc.rule.ids();
            for id in rule.inputs {
                if calc.input(id).is_none() {
                    return Err(invalid(
                        file,
                        format!("de rekenregel heeft invoer {id} nodig"),
                    ));
                }
            }
            let declared: Vec<&str> = calc.outputs.iter().map(|o| o.id.as_str()).collect();
            if declared != rule.outputs {
                return Err(invalid(
                    file,
                    format!(
                        "de uitkomsten moeten precies {} zijn, in die volgorde",
                        rule.outputs.join(", ")
                    ),
                ));
            }
            // The figures of an explanation come from the rule, with the inputs used;
            // figures written in the data would go stale as soon as an input changes.
            if let Some(o) = calc
                .outputs
                .iter()
                .find(|o| o.explain.chars().any(|c| c.is_ascii_digit()))
            {
                return Err(invalid(
                    file,
                    format!(
                        "uitkomst {}: de uitleg noemt alleen de woorden van de som, zonder getallen; de rekenregel vult de getallen in",
                        o.id
                    ),
                ));
            }
            for m in &calc.measurements {
                measurement(file, m)?;
            }
        }
        Kind::Model(model) => {
            let groups: HashSet<&str> = model.groups.iter().map(|g| g.id.as_str()).collect();
            for b in &model.boxes {
                if !groups.contains(b.group.as_str()) {
                    return Err(InstrumentError::UnknownId {
                        file: file.into(),
                        place: format!("vak {}", b.id),
                        id: b.group.clone(),
                    });
                }
            }
            if let Some(rating) = &model.rating
                && (!groups.contains(rating.group.as_str()) || rating.min >= rating.max)
            {
                return Err(invalid(
                    file,
                    "de beoordeling noemt een onbekende groep of schaal",
                ));
            }
            for m in &model.mapping {
                for b in &m.boxes {
                    if !model.boxes.iter().any(|x| &x.id == b) {
                        return Err(InstrumentError::UnknownId {
                            file: file.into(),
                            place: format!("de koppeling van {}", m.id),
                            id: b.clone(),
                        });
                    }
                }
            }
        }
    }
    Ok(())
}

fn measurement(file: &str, m: &super::Measurement) -> Result<(), InstrumentError> {
    if m.min >= m.max || m.threshold.value < m.min || m.threshold.value > m.max {
        return Err(invalid(
            file,
            format!("meting {}: de grenzen of de norm kloppen niet", m.id),
        ));
    }
    Ok(())
}

/// Across instruments: unique instrument and item ids, and model mappings that name
/// existing ids.
pub(super) fn registry(
    files: &[(&str, &str)],
    instruments: &Instruments,
) -> Result<(), InstrumentError> {
    let mut instrument_ids = HashSet::new();
    let mut ids = HashSet::new();
    for ((file, _), inst) in files.iter().zip(instruments.iter()) {
        unique(file, &mut instrument_ids, [inst.id.as_str()])?;
        unique(file, &mut ids, defined_ids(inst))?;
    }
    for ((file, _), inst) in files.iter().zip(instruments.iter()) {
        if let Kind::Model(model) = &inst.kind {
            for m in &model.mapping {
                if !ids.contains(m.id.as_str()) {
                    return Err(InstrumentError::UnknownId {
                        file: file.to_string(),
                        place: "de koppeling".into(),
                        id: m.id.clone(),
                    });
                }
            }
        }
    }
    Ok(())
}
