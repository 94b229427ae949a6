//! A checklist: per section the share in place (ja 1, deels ½, nee 0, n.v.t. left
//! out), overall the same over all items, next steps in the source's order.

use super::Progress;
use crate::domain::answers::{Answer, Check, ItemAnswers};
use crate::domain::instrument::{Checklist, Field, FieldKind, Section};

/// A share of points: halves earned over halves possible (ja = 2 halves).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub halves: u32,
    /// Items that count (answered, not n.v.t.).
    pub counted: u32,
}

impl Share {
    /// 0.0 – 1.0.
    pub fn fraction(self) -> f64 {
        f64::from(self.halves) / f64::from(2 * self.counted)
    }

    /// Whole percent, rounded half up.
    pub fn percent(self) -> u32 {
        (100 * self.halves + self.counted) / (2 * self.counted)
    }

    /// "5 van 7", "4½ van 7".
    pub fn display(self) -> String {
        let whole = self.halves / 2;
        let half = if self.halves % 2 == 1 { "½" } else { "" };
        let points = if whole == 0 && !half.is_empty() {
            half.to_string()
        } else {
            format!("{whole}{half}")
        };
        format!("{points} van {}", self.counted)
    }
}

fn share<'a>(ids: impl Iterator<Item = &'a str>, answers: &ItemAnswers) -> Option<Share> {
    let mut halves = 0;
    let mut counted = 0;
    for id in ids {
        if let Some(h) = answers.check(id).halves() {
            halves += h;
            counted += 1;
        }
    }
    (counted > 0).then_some(Share { halves, counted })
}

#[derive(Debug, Clone, PartialEq)]
pub struct SectionScore {
    pub section: String,
    pub share: Option<Share>,
    pub progress: Progress,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistSummary {
    pub sections: Vec<SectionScore>,
    pub overall: Option<Share>,
    pub progress: Progress,
    /// Items answered nee or deels, in the source's order.
    pub next_steps: Vec<String>,
    /// Fields not filled in yet (ids).
    pub empty_fields: Vec<String>,
}

pub fn section_score(section: &Section, answers: &ItemAnswers) -> SectionScore {
    SectionScore {
        section: section.id.clone(),
        share: share(section.items.iter().map(|i| i.id.as_str()), answers),
        progress: Progress {
            done: section
                .items
                .iter()
                .filter(|i| answers.check(&i.id) != Check::Open)
                .count(),
            total: section.items.len(),
        },
    }
}

pub fn summary(list: &Checklist, answers: &ItemAnswers) -> ChecklistSummary {
    let sections: Vec<SectionScore> = list
        .sections
        .iter()
        .map(|s| section_score(s, answers))
        .collect();
    let progress = sections
        .iter()
        .fold(Progress::default(), |acc, s| acc.plus(s.progress));
    ChecklistSummary {
        overall: share(list.items().map(|(_, i)| i.id.as_str()), answers),
        progress,
        next_steps: list
            .items()
            .filter(|(_, i)| matches!(answers.check(&i.id), Check::Nee | Check::Deels))
            .map(|(_, i)| i.id.clone())
            .collect(),
        empty_fields: list
            .fields
            .iter()
            .filter(|f| field_value(f, answers, false).is_none())
            .map(|f| f.id.clone())
            .collect(),
        sections,
    }
}

/// A field's value as text, the default where nothing was filled in; `None` when empty.
/// `with_unit` adds a number field's unit ("1 jaar"); drafts write their own units.
pub fn field_value(field: &Field, answers: &ItemAnswers, with_unit: bool) -> Option<String> {
    let unit_of = |unit: &str| {
        if with_unit {
            format!(" {unit}")
        } else {
            String::new()
        }
    };
    let answer = answers.get(&field.id);
    match (&field.kind, answer) {
        (FieldKind::Text { .. }, Some(Answer::Text(text))) => Some(text.clone()),
        (FieldKind::Text { default, .. }, None) => default.clone(),
        (FieldKind::Number { unit, .. }, Some(Answer::Number(n))) => {
            Some(format!("{}{}", super::format_number(*n, 1), unit_of(unit)))
        }
        (FieldKind::Number { unit, default, .. }, None) => {
            default.map(|n| format!("{}{}", super::format_number(n, 1), unit_of(unit)))
        }
        (
            FieldKind::Choice { options, .. },
            Some(Answer::Choice {
                options: chosen,
                other,
            }),
        ) => {
            let mut texts: Vec<String> = options
                .iter()
                .filter(|o| chosen.contains(&o.id))
                .map(|o| o.text.clone())
                .collect();
            if !other.trim().is_empty() {
                texts.push(other.trim().to_string());
            }
            // Whole sentences follow each other; short phrases are listed with "; "
            // (never "… was.; De klager …").
            let sentences = texts.iter().all(|t| t.ends_with(['.', '!', '?']));
            (!texts.is_empty()).then(|| texts.join(if sentences { " " } else { "; " }))
        }
        (
            FieldKind::Choice {
                options, default, ..
            },
            None,
        ) => default
            .as_ref()
            .and_then(|d| options.iter().find(|o| &o.id == d))
            .map(|o| o.text.clone()),
        _ => None,
    }
    .filter(|t| !t.trim().is_empty())
}
