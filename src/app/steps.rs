//! The walk-through's steps, from the instruments an assessment includes: one page per
//! grid item, norm part and checklist section, the checklist's fields, the calculator
//! and its measurements, the model; then the workshop, the action plan and the results.

use crate::domain::{Instrument, Instruments, Kind};

/// What a page of an instrument shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// One grid item (a paradigm shift).
    GridItem(usize),
    /// One part of a norm framework.
    NormPart(usize),
    /// The fields the organisation fills in.
    Fields,
    /// One section of a checklist.
    Section(usize),
    /// The calculator: inputs and outputs.
    Calculator,
    /// Measurements per round (the calculator's ambitions).
    Measurements,
    /// The model as a diagram.
    Model,
}

/// One step of the walk-through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A page of the instrument at this index in the assessment's instruments.
    Page(usize, Page),
    /// The workshop overview: where the team differs, and what it agrees.
    Team,
    /// The action plan.
    Actions,
    Results,
}

/// The pages of one instrument.
pub fn pages(instrument: &Instrument) -> Vec<Page> {
    match &instrument.kind {
        Kind::MaturityGrid(grid) => (0..grid.items.len()).map(Page::GridItem).collect(),
        Kind::NormFramework(norm) => (0..norm.parts.len()).map(Page::NormPart).collect(),
        Kind::Checklist(list) => {
            let fields = (!list.fields.is_empty()).then_some(Page::Fields);
            fields
                .into_iter()
                .chain((0..list.sections.len()).map(Page::Section))
                .collect()
        }
        Kind::Calculator(calc) => std::iter::once(Page::Calculator)
            .chain((!calc.measurements.is_empty()).then_some(Page::Measurements))
            .collect(),
        Kind::Model(_) => vec![Page::Model],
    }
}

/// The walk-through of the instruments `included`; with more than one respondent the
/// workshop overview comes before the action plan and the results.
pub fn steps(instruments: &Instruments, included: &[String], team: bool) -> Vec<Step> {
    instruments
        .selected(included)
        .enumerate()
        .flat_map(|(i, inst)| pages(inst).into_iter().map(move |p| Step::Page(i, p)))
        .chain(team.then_some(Step::Team))
        .chain([Step::Actions, Step::Results])
        .collect()
}

/// The included instrument at index `i`.
pub fn instrument<'a>(instruments: &'a Instruments, included: &[String], i: usize) -> &'a Instrument {
    instruments
        .selected(included)
        .nth(i)
        .expect("a step names an included instrument")
}
