//! One result model: per instrument an `InstrumentResult` (verdict, headline figure,
//! score lines, the rules in words, warnings, provisional marks, next steps, chart
//! data), built once here and rendered by every screen and report format.

use super::answers::{Answers, Check, ItemAnswers, Level, Status};
use super::assessment::Assessment;
use super::calc::{self, NotComputed};
use super::instrument::{FieldKind, Instrument, Instruments, Kind, Measurement};
use super::scoring::{Mean, Progress, checklist, format_number, grid, model, norm};

/// A headline figure as shown and as a share of its scale (0–100%).
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// "2,6", "3,3", "71%".
    pub display: String,
    pub value: f64,
    /// Where the value sits on its scale, 0–100.
    pub percent: f64,
    /// How a change of `value` reads.
    pub scale: ChangeScale,
}

/// How a change of a headline reads: a score ("+0,2") or percentage points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ChangeScale {
    /// A mean or total on a level scale: one decimal.
    Score,
    /// A share 0–1 shown as a percentage: percentage points of 100 × the value.
    Share,
    /// A percentage: percentage points.
    Percent,
}

impl ChangeScale {
    /// The change from `before` to `after`, computed exactly and shown rounded half up
    /// (away from zero) with its sign: "+0,2", "−3,5 procentpunt", "0,0".
    pub fn change_text(self, before: f64, after: f64) -> String {
        let delta = match self {
            ChangeScale::Share => 100.0 * (after - before),
            ChangeScale::Score | ChangeScale::Percent => after - before,
        };
        // The epsilon keeps an exact half (0,25 as 0,2499…) rounding up.
        let tenths = (delta.abs() * 10.0 + 0.5 + 1e-9).floor();
        let sign = match (delta > 0.0, tenths > 0.0) {
            (_, false) => "",
            (true, true) => "+",
            (false, true) => "−",
        };
        let number = format!("{sign}{}", format_number(tenths / 10.0, 1));
        match self {
            ChangeScale::Score => {
                if number.contains(',') {
                    number
                } else {
                    format!("{number},0")
                }
            }
            ChangeScale::Share | ChangeScale::Percent => format!("{number} procentpunt"),
        }
    }
}

/// A next step: what would move an item up.
#[derive(Debug, Clone, PartialEq)]
pub struct NextStep {
    /// The item (or part or section) it is for.
    pub item: String,
    /// "3 Klant als mens: goed → prima", "IV Luisteren naar de klant: voor 3".
    pub title: String,
    /// What to do: the statement of the next level, the criteria, the item text.
    pub text: String,
    /// Priority: levels to the ambition (grids), 0 elsewhere.
    pub gap: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InstrumentResult {
    pub id: String,
    pub title: String,
    pub short: String,
    pub progress: Progress,
    /// The verdict in one sentence, for the management summary and the home list.
    pub verdict: String,
    pub headline: Option<Figure>,
    /// An open item could still change the headline.
    pub provisional: bool,
    /// How it is scored, in words.
    pub rules: Vec<String>,
    pub warnings: Vec<String>,
    pub next_steps: Vec<NextStep>,
    pub detail: Detail,
}

/// The title over the iceberg's levels, on screen and in every report.
pub const ICEBERG_TITLE: &str = "De klachtenijsberg";

impl InstrumentResult {
    /// Whether "Zo telt het" lists the rules apart: a calculator's detail already gives
    /// every output with its sum in the figures used, so they are not said twice.
    pub fn rules_apart(&self) -> bool {
        !matches!(self.detail, Detail::Calculator(_))
    }

    /// The verdict with its provisional mark, as the screen and the plain formats say it.
    pub fn verdict_in_full(&self) -> String {
        if self.provisional {
            format!("{} {PROVISIONAL}", self.verdict)
        } else {
            self.verdict.clone()
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    Grid(GridResult),
    Norm(NormResult),
    Checklist(ChecklistResult),
    Calculator(CalculatorResult),
    Model(ModelResult),
}

// ------------------------------------------------------------------ grid

#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    pub id: String,
    pub number: u8,
    pub from: String,
    pub to: String,
    pub level: Option<Level>,
    pub ambition: Option<Level>,
    pub note: String,
}

impl GridRow {
    /// Levels below the ambition, when both are answered.
    pub fn gap(&self) -> Option<i16> {
        Some(i16::from(self.ambition?.value()) - i16::from(self.level?.value()))
    }

    /// The gap as every format shows it: the levels still to go, ✓ at the goal, ↓ for a
    /// goal below the current level; empty without both.
    pub fn gap_mark(&self) -> String {
        match self.gap() {
            Some(n) if n > 0 => n.to_string(),
            Some(0) => "✓".into(),
            Some(_) => "↓".into(),
            None => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GridResult {
    pub levels: Vec<String>,
    pub item_name: String,
    pub rows: Vec<GridRow>,
    pub summary: grid::GridSummary,
}

impl GridResult {
    pub fn level_name(&self, level: Option<Level>) -> String {
        level
            .and_then(|l| self.levels.get(l.index()))
            .cloned()
            .unwrap_or_else(|| "—".into())
    }
}

// ------------------------------------------------------------------ norm

#[derive(Debug, Clone, PartialEq)]
pub struct CriterionRow {
    pub id: String,
    pub label: String,
    pub short: String,
    pub status: Status,
    pub note: String,
    /// Met but not counting (a gap below it, or its measurement misses the norm).
    pub not_counted: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeasurementRow {
    pub id: String,
    pub name: String,
    /// The criterion it belongs to, if any.
    pub criterion: Option<String>,
    pub value: Option<f64>,
    /// "85%", or "niet gemeten".
    pub display: String,
    /// "ten minste 90%".
    pub threshold: String,
    pub target: f64,
    pub met: Option<bool>,
    /// The norm is a maximum ("ten hoogste"): a lower value is the better one.
    pub lower_is_better: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartRow {
    pub id: String,
    pub numeral: String,
    pub title: String,
    pub score: Option<u8>,
    pub provisional: bool,
    pub explanation: String,
    pub rule_name: String,
    pub rule: String,
    pub warnings: Vec<String>,
    pub criteria: Vec<CriterionRow>,
    /// How many criteria count towards the score; `None` before any is assessed.
    pub share: Option<PartShare>,
    /// "voor 3: IV.1a Klant denkt mee … of IV.3 Aandacht voor kwetsbare klanten".
    pub next_step: Option<String>,
}

/// A part's criteria as they weigh in its score: a criterion counts when it is met and
/// not "telt niet mee" (above a gap, below its measurement, without its partner).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartShare {
    /// Met and counting towards the score.
    pub counted: usize,
    /// Ticked met, whether or not they count.
    pub met: usize,
    pub total: usize,
}

impl PartShare {
    /// The share that counts, 0–100 (for charts).
    pub fn percent(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            100.0 * self.counted as f64 / self.total as f64
        }
    }

    /// "2 van 4".
    pub fn short(self) -> String {
        format!("{} van {}", self.counted, self.total)
    }

    /// "2 van 4 criteria tellen mee", "1 van 4 criteria telt mee".
    pub fn text(self) -> String {
        let verb = if self.counted == 1 { "telt" } else { "tellen" };
        format!("{} criteria {verb} mee", self.short())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NormResult {
    pub scale_min: u8,
    pub scale_max: u8,
    pub sufficient: Option<u8>,
    pub parts: Vec<PartRow>,
    pub total: Option<Mean>,
    pub measurements: Vec<MeasurementRow>,
}

// ------------------------------------------------------------------ checklist

#[derive(Debug, Clone, PartialEq)]
pub struct CheckRow {
    pub id: String,
    pub label: String,
    pub text: String,
    pub answer: Check,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SectionRow {
    pub id: String,
    pub title: String,
    pub share: Option<checklist::Share>,
    pub items: Vec<CheckRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FieldRow {
    pub id: String,
    pub label: String,
    /// The value as text, `None` when not filled in.
    pub value: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistResult {
    pub sections: Vec<SectionRow>,
    pub overall: Option<checklist::Share>,
    pub fields: Vec<FieldRow>,
}

// ------------------------------------------------------------------ calculator

#[derive(Debug, Clone, PartialEq)]
pub struct InputRow {
    pub id: String,
    pub label: String,
    pub group: String,
    pub value: Option<f64>,
    pub display: String,
    /// Still the default (nothing entered).
    pub default: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutputRow {
    pub id: String,
    pub label: String,
    /// "Zo rekenen we" with the figures used: "klanten × tevreden % (2500 × 60% = 1500)",
    /// or why there is no value instead of the figures.
    pub explain: String,
    /// Exact, unrounded.
    pub value: Option<f64>,
    /// As shown: "148,5", "14,85%", "−700", or why not ("niet te berekenen: …").
    pub display: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CalculatorResult {
    pub inputs: Vec<InputRow>,
    pub outputs: Vec<OutputRow>,
    pub measurements: Vec<MeasurementRow>,
    /// Input problems: "samen 100%, nu 95%".
    pub problems: Vec<String>,
    pub iceberg: Vec<String>,
}

impl CalculatorResult {
    pub fn output(&self, id: &str) -> Option<&OutputRow> {
        self.outputs.iter().find(|o| o.id == id)
    }
}

// ------------------------------------------------------------------ model

#[derive(Debug, Clone, PartialEq)]
pub struct ModelResult {
    pub groups: Vec<(String, String)>,
    pub boxes: Vec<model::BoxScore>,
    pub weakest: Option<String>,
    pub unseen: Vec<String>,
}

// ------------------------------------------------------------------ building

/// The results of one assessment: the result answers and one result per instrument.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentResult {
    pub answers: Answers,
    pub instruments: Vec<InstrumentResult>,
}

impl AssessmentResult {
    /// The name of an item, part, section, box or measurement in the results; the id when
    /// it is none of those.
    pub fn item_label(&self, id: &str) -> String {
        for r in &self.instruments {
            let found = match &r.detail {
                Detail::Grid(g) => g
                    .rows
                    .iter()
                    .find(|row| row.id == id)
                    .map(|row| format!("{} {}", row.number, row.to)),
                Detail::Norm(n) => n
                    .parts
                    .iter()
                    .find(|p| p.id == id)
                    .map(|p| format!("{} {}", p.numeral, p.title))
                    .or_else(|| {
                        n.parts
                            .iter()
                            .flat_map(|p| &p.criteria)
                            .find(|c| c.id == id)
                            .map(|c| format!("{} {}", c.id, c.short))
                    })
                    .or_else(|| {
                        n.measurements
                            .iter()
                            .find(|m| m.id == id)
                            .map(|m| m.name.clone())
                    }),
                Detail::Checklist(c) => c
                    .sections
                    .iter()
                    .find(|s| s.id == id)
                    .map(|s| s.title.clone())
                    .or_else(|| {
                        c.sections
                            .iter()
                            .flat_map(|s| &s.items)
                            .find(|i| i.id == id)
                            .map(|i| i.label.clone())
                    }),
                Detail::Calculator(c) => c
                    .measurements
                    .iter()
                    .find(|m| m.id == id)
                    .map(|m| m.name.clone()),
                Detail::Model(m) => m.boxes.iter().find(|b| b.id == id).map(|b| b.title.clone()),
            };
            if let Some(label) = found {
                return label;
            }
        }
        id.to_string()
    }

    pub fn get(&self, id: &str) -> Option<&InstrumentResult> {
        self.instruments.iter().find(|r| r.id == id)
    }

    pub fn progress(&self) -> Progress {
        self.instruments
            .iter()
            .fold(Progress::default(), |acc, r| acc.plus(r.progress))
    }
}

/// Build the results of an assessment's result answers.
pub fn build(instruments: &Instruments, assessment: &Assessment) -> AssessmentResult {
    let answers = assessment.result_answers(instruments);
    build_for(instruments, &assessment.instrument_ids(), &answers)
}

/// Build the results of some answers (one respondent's, the agreed ones, …).
pub fn build_for(
    instruments: &Instruments,
    included: &[String],
    answers: &Answers,
) -> AssessmentResult {
    let results = instruments
        .selected(included)
        .map(|inst| instrument_result(instruments, inst, included, answers))
        .collect();
    AssessmentResult {
        answers: answers.clone(),
        instruments: results,
    }
}

/// Said after the verdict of a provisional result, in every format and on the screen.
pub const PROVISIONAL: &str = "Voorlopig: er staat nog iets open.";

pub fn instrument_result(
    instruments: &Instruments,
    inst: &Instrument,
    included: &[String],
    answers: &Answers,
) -> InstrumentResult {
    let a = answers.of(&inst.id);
    let mut result = InstrumentResult {
        id: inst.id.clone(),
        title: inst.title.clone(),
        short: inst.short.clone(),
        progress: Progress::default(),
        verdict: String::new(),
        headline: None,
        provisional: false,
        rules: Vec::new(),
        warnings: Vec::new(),
        next_steps: Vec::new(),
        detail: Detail::Checklist(ChecklistResult {
            sections: Vec::new(),
            overall: None,
            fields: Vec::new(),
        }),
    };
    match &inst.kind {
        Kind::MaturityGrid(g) => grid_result(&mut result, g, a),
        Kind::NormFramework(n) => norm_result(&mut result, n, a),
        Kind::Checklist(c) => checklist_result(&mut result, c, a),
        Kind::Calculator(c) => calculator_result(&mut result, c, a),
        Kind::Model(m) => model_result(&mut result, instruments, inst, m, included, answers),
    }
    result
}

fn grid_result(r: &mut InstrumentResult, g: &super::instrument::Grid, a: &ItemAnswers) {
    let summary = grid::summary(g, a);
    let name = |l: Level| g.level_name(l).to_string();
    r.progress = summary.progress;
    r.headline = summary.mean.map(|m| Figure {
        display: m.display(),
        value: m.value(),
        percent: 100.0 * m.value() / f64::from(g.top()),
        scale: ChangeScale::Score,
    });
    r.verdict = match (summary.mean, summary.level) {
        (Some(mean), Some(level)) => format!(
            "Gemiddeld {}: niveau {} ({} van {} {}s beantwoord).",
            mean.display(),
            name(level),
            summary.progress.done,
            summary.progress.total,
            g.item_name
        ),
        _ => format!("Nog geen {} beantwoord.", g.item_name),
    };
    r.provisional = !summary.progress.is_complete() && summary.progress.is_started();
    r.rules = vec![format!(
        "Het gemiddelde van de beantwoorde {}s, met één decimaal; het niveau is het gemiddelde naar beneden afgerond (2,6 → {}).",
        g.item_name,
        g.levels.get(1).cloned().unwrap_or_default()
    )];
    for id in &summary.below_current {
        if let Some(item) = g.item(id) {
            r.warnings
                .push(format!("{}: doel lager dan huidig", item.name()));
        }
    }
    r.next_steps = grid::next_steps(g, a)
        .into_iter()
        .map(|step| {
            let item = g.item(&step.item).expect("known item");
            let beyond = step
                .ambition
                .filter(|amb| *amb > step.next)
                .map(|amb| format!(", doel {}", name(amb)))
                .unwrap_or_default();
            NextStep {
                item: step.item.clone(),
                title: format!(
                    "{}: {} → {}{beyond}",
                    item.name(),
                    name(step.current),
                    name(step.next)
                ),
                text: step.statement.clone(),
                gap: step.gap(),
            }
        })
        .collect();
    r.detail = Detail::Grid(GridResult {
        levels: g.levels.clone(),
        item_name: g.item_name.clone(),
        rows: g
            .items
            .iter()
            .map(|item| GridRow {
                id: item.id.clone(),
                number: item.number,
                from: item.from.clone(),
                to: item.to.clone(),
                level: a.level(&item.id),
                ambition: a.ambition(&item.id),
                note: a.note(&item.id).to_string(),
            })
            .collect(),
        summary,
    });
}

fn measurement_row(m: &Measurement, criterion: Option<&str>, value: Option<f64>) -> MeasurementRow {
    MeasurementRow {
        id: m.id.clone(),
        name: m.name.clone(),
        criterion: criterion.map(str::to_string),
        value,
        display: value.map_or("niet gemeten".into(), |v| m.display(v)),
        threshold: m.threshold_text(),
        target: m.threshold.value,
        met: value.map(|v| m.threshold.is_met(v)),
        lower_is_better: m.threshold.compare == super::instrument::Compare::AtMost,
    }
}

fn norm_result(r: &mut InstrumentResult, n: &super::instrument::Norm, a: &ItemAnswers) {
    let summary = norm::summary(n, a);
    r.progress = summary.progress;
    r.provisional = summary.provisional;
    let sufficient = n.scale.sufficient;
    r.headline = summary.total.map(|t| Figure {
        display: t.display(),
        value: t.value(),
        percent: 100.0 * t.value() / f64::from(n.scale.max),
        scale: ChangeScale::Score,
    });
    r.verdict = match (summary.total, sufficient) {
        (Some(t), Some(s)) => format!(
            "Totaal {}: {} ({s} is voldoende).",
            t.display(),
            norm::verdict(t, s)
        ),
        (Some(t), None) => format!("Totaal {}.", t.display()),
        (None, _) => {
            let scored = summary.parts.iter().filter(|p| p.score.is_some()).count();
            format!(
                "Nog geen totaal: {scored} van {} onderdelen hebben een score.",
                n.parts.len()
            )
        }
    };
    r.rules = std::iter::once(format!(
        "Elk onderdeel weegt even zwaar; het totaal is het onafgeronde gemiddelde van de {} onderdelen, getoond met één decimaal (half naar boven: 3,25 → 3,3).",
        n.parts.len()
    ))
    .chain(sufficient.map(|s| format!("Een {s} is voldoende.")))
    .chain(n.parts.iter().map(|p| format!("{}: {}", p.name(), p.rule_text())))
    .collect();
    let mut parts = Vec::new();
    for (part, score) in n.parts.iter().zip(&summary.parts) {
        let warnings = score.warnings();
        r.warnings
            .extend(warnings.iter().map(|w| format!("{}: {w}", part.numeral)));
        let names = |ids: &[String]| -> Vec<String> {
            ids.iter()
                .filter_map(|id| part.criterion(id))
                .map(|c| format!("{} {}", c.id, c.short))
                .collect()
        };
        let next_step = score
            .next
            .as_ref()
            .filter(|_| score.score.is_some())
            .map(|next| {
                let joined = names(&next.criteria).join(if next.together { "; " } else { " of " });
                if next.points > 1 {
                    format!("voor {}: {} punten uit {joined}", next.target, next.points)
                } else {
                    format!("voor {}: {joined}", next.target)
                }
            });
        if let Some(text) = &next_step {
            r.next_steps.push(NextStep {
                item: part.id.clone(),
                title: part.name(),
                text: text.clone(),
                gap: 0,
            });
        }
        let not_counted: Vec<&str> = score.not_counted.iter().map(|x| x.criterion()).collect();
        let met = part.criteria.iter().filter(|c| a.is_met(&c.id)).count();
        let counted = part
            .criteria
            .iter()
            .filter(|c| a.is_met(&c.id) && !not_counted.contains(&c.id.as_str()))
            .count();
        parts.push(PartRow {
            id: part.id.clone(),
            numeral: part.numeral.clone(),
            title: part.title.clone(),
            score: score.score,
            provisional: score.provisional,
            explanation: score.explanation.clone(),
            rule_name: part.rule.name().to_string(),
            rule: part.rule_text(),
            warnings,
            share: score.progress.is_started().then_some(PartShare {
                counted,
                met,
                total: part.criteria.len(),
            }),
            criteria: part
                .criteria
                .iter()
                .map(|c| CriterionRow {
                    id: c.id.clone(),
                    label: c.label.clone(),
                    short: c.short.clone(),
                    status: a.status(&c.id),
                    note: a.note(&c.id).to_string(),
                    not_counted: not_counted.contains(&c.id.as_str()),
                })
                .collect(),
            next_step,
        });
    }
    r.detail = Detail::Norm(NormResult {
        scale_min: n.scale.min,
        scale_max: n.scale.max,
        sufficient,
        parts,
        total: summary.total,
        measurements: n
            .measurements()
            .map(|(c, m)| measurement_row(m, Some(&c.id), a.number(&m.id)))
            .collect(),
    });
}

fn checklist_result(r: &mut InstrumentResult, c: &super::instrument::Checklist, a: &ItemAnswers) {
    let summary = checklist::summary(c, a);
    r.progress = summary.progress;
    r.provisional = summary.progress.is_started() && !summary.progress.is_complete();
    r.headline = summary.overall.map(|s| Figure {
        display: format!("{}%", s.percent()),
        value: s.fraction(),
        percent: 100.0 * s.fraction(),
        scale: ChangeScale::Share,
    });
    r.verdict = match summary.overall {
        Some(share) => format!(
            "{}% op orde ({} onderdelen; {} nog in te richten).",
            share.percent(),
            share.display(),
            summary.next_steps.len()
        ),
        None => "Nog niets beantwoord.".into(),
    };
    r.rules = vec![
        "Per sectie het aandeel dat op orde is: ja telt 1, deels ½, nee 0; n.v.t. telt niet mee. Het geheel is hetzelfde over alle onderdelen.".into(),
    ];
    for id in &summary.empty_fields {
        if let Some(f) = c.field(id) {
            r.warnings.push(format!("{}: nog niet ingevuld", f.label));
        }
    }
    for (section, item) in c.items() {
        let answer = a.check(&item.id);
        if matches!(answer, Check::Nee | Check::Deels) {
            r.next_steps.push(NextStep {
                item: item.id.clone(),
                title: format!("{} · {} ({})", section.title, item.label, answer.label()),
                text: item.text.clone(),
                gap: 0,
            });
        }
    }
    r.detail = Detail::Checklist(ChecklistResult {
        sections: c
            .sections
            .iter()
            .zip(&summary.sections)
            .map(|(s, score)| SectionRow {
                id: s.id.clone(),
                title: s.title.clone(),
                share: score.share,
                items: s
                    .items
                    .iter()
                    .map(|i| CheckRow {
                        id: i.id.clone(),
                        label: i.label.clone(),
                        text: i.text.clone(),
                        answer: a.check(&i.id),
                        note: a.note(&i.id).to_string(),
                    })
                    .collect(),
            })
            .collect(),
        overall: summary.overall,
        fields: c
            .fields
            .iter()
            .map(|f| FieldRow {
                id: f.id.clone(),
                label: f.label.clone(),
                value: checklist::field_value(f, a, true),
            })
            .collect(),
    });
}

/// An input or output value as shown, with its unit; amounts from € 1.000 and counts
/// from 10.000 with points between the thousands.
pub fn unit_display(value: f64, unit: super::instrument::Unit) -> String {
    unit.display(value)
}

/// Problems with the calculator's inputs: out of bounds, not whole, sums that miss.
pub fn input_problems(c: &super::instrument::Calculator, a: &ItemAnswers) -> Vec<String> {
    let values = calc::input_values(c, a);
    let mut problems = Vec::new();
    for input in &c.inputs {
        let Some(v) = values.get(&input.id).copied().flatten() else {
            if !input.optional {
                problems.push(format!("{}: vul een waarde in", input.label));
            }
            continue;
        };
        if let Err(e) = super::validate::input_value(input, v) {
            problems.push(format!("{}: {e}", input.label));
        }
    }
    for sum in &c.sums {
        let total: f64 = sum
            .ids
            .iter()
            .filter_map(|id| values.get(id).copied().flatten())
            .sum();
        if (total - sum.total).abs() > 1e-9 {
            problems.push(format!(
                "{}: samen {}%, nu {}%",
                sum.label,
                format_number(sum.total, 2),
                format_number(total, 2)
            ));
        }
    }
    problems
}

fn calculator_result(r: &mut InstrumentResult, c: &super::instrument::Calculator, a: &ItemAnswers) {
    let values = calc::input_values(c, a);
    let outputs = calc::work_out(c.rule, &values);
    let problems = input_problems(c, a);
    let entered = c
        .inputs
        .iter()
        .filter(|i| a.number(&i.id).is_some())
        .count();
    let measured = c
        .measurements
        .iter()
        .filter(|m| a.number(&m.id).is_some())
        .count();
    r.progress = Progress {
        done: entered + measured,
        total: c.inputs.len() + c.measurements.len(),
    };
    let output_rows: Vec<OutputRow> = c
        .outputs
        .iter()
        .map(|o| {
            let worked = outputs.get(o.id.as_str()).cloned().unwrap_or_else(|| {
                let missing = NotComputed::Undefined("niet te berekenen".into());
                calc::Worked {
                    sum: missing.message().to_string(),
                    value: Err(missing),
                }
            });
            let value = worked.value;
            OutputRow {
                id: o.id.clone(),
                label: o.label.clone(),
                // The words from the data, the figures from the rule: they always match
                // the value beside them.
                explain: if o.explain.is_empty() {
                    worked.sum
                } else {
                    format!("{} ({})", o.explain, worked.sum)
                },
                value: value.as_ref().ok().copied(),
                display: match &value {
                    Ok(v) => {
                        let shown = unit_display(*v, o.unit);
                        if o.id.contains("mond_") && *v > 0.0 {
                            format!("+{shown}")
                        } else {
                            shown
                        }
                    }
                    Err(e) => e.message().to_string(),
                },
            }
        })
        .collect();
    let lost = output_rows.iter().find(|o| o.id == "bc.weg_stil");
    let lost_pct = output_rows.iter().find(|o| o.id == "bc.weg_stil_pct");
    r.verdict = match (lost.and_then(|o| o.value), lost_pct.and_then(|o| o.value)) {
        (Some(l), Some(p)) => format!(
            "Door ontevreden klanten die niet klagen gaan er {} klanten verloren: {}% van alle klanten.",
            format_number(l, 2),
            format_number(p, 2)
        ),
        _ => "Nog niet te berekenen: vul de gegevens van de organisatie in.".into(),
    };
    r.headline = lost_pct.and_then(|o| o.value).map(|p| Figure {
        display: format!("{}%", format_number(p, 2)),
        value: p,
        percent: p,
        scale: ChangeScale::Percent,
    });
    r.rules = output_rows
        .iter()
        .map(|o| format!("{}: {}", o.label, o.explain))
        .collect();
    r.warnings = problems.clone();
    let measurements: Vec<MeasurementRow> = c
        .measurements
        .iter()
        .map(|m| measurement_row(m, None, a.number(&m.id)))
        .collect();
    for m in &measurements {
        if m.met == Some(false) {
            r.next_steps.push(NextStep {
                item: m.id.clone(),
                title: format!("{}: {}", m.name, m.display),
                text: format!("De ambitie is {}.", m.threshold),
                gap: 0,
            });
        }
    }
    r.detail = Detail::Calculator(CalculatorResult {
        inputs: c
            .inputs
            .iter()
            .map(|i| {
                let value = values.get(&i.id).copied().flatten();
                InputRow {
                    id: i.id.clone(),
                    label: i.label.clone(),
                    group: i.group.clone(),
                    value,
                    display: value.map_or("—".into(), |v| unit_display(v, i.unit)),
                    default: a.number(&i.id).is_none(),
                }
            })
            .collect(),
        outputs: output_rows,
        measurements,
        problems,
        iceberg: c.iceberg.clone(),
    });
}

fn model_result(
    r: &mut InstrumentResult,
    instruments: &Instruments,
    inst: &Instrument,
    m: &super::instrument::IkmModel,
    included: &[String],
    answers: &Answers,
) {
    let summary = model::summary(instruments, inst, m, included, answers);
    let title_of = |id: &str| {
        m.boxes
            .iter()
            .find(|b| b.id == id)
            .map_or(id.to_string(), |b| b.title.clone())
    };
    let rated = summary.boxes.iter().filter(|b| b.rating.is_some()).count();
    let rateable = m
        .rating
        .as_ref()
        .map_or(0, |rating| m.boxes_in(&rating.group).count());
    r.progress = Progress {
        done: rated,
        total: rateable,
    };
    let seen = summary.boxes.len() - summary.unseen.len();
    r.verdict = match &summary.weakest {
        Some(weakest) => format!(
            "{seen} van {} vakken bekeken; het zwakste is {}.",
            summary.boxes.len(),
            title_of(weakest)
        ),
        None => "Nog niets bekeken: beantwoord de andere instrumenten.".into(),
    };
    let seen_percents: Vec<f64> = summary.boxes.iter().filter_map(|b| b.percent).collect();
    r.headline = (!seen_percents.is_empty()).then(|| {
        let p = seen_percents.iter().sum::<f64>() / seen_percents.len() as f64;
        Figure {
            display: model::percent_text(p),
            value: p,
            percent: p,
            scale: ChangeScale::Percent,
        }
    });
    r.rules = model::READING_RULE.iter().map(|s| s.to_string()).collect();
    if !summary.unseen.is_empty() {
        r.warnings.push(format!(
            "Niet bekeken: {}",
            summary
                .unseen
                .iter()
                .map(|id| title_of(id))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    for b in summary.boxes.iter().filter(|b| b.differs) {
        r.warnings.push(format!(
            "{}: het team beoordeelt dit met {}, de instrumenten zeggen {}",
            b.title,
            b.rating.map(model::percent_text).unwrap_or_default(),
            b.percent.map(model::percent_text).unwrap_or_default()
        ));
    }
    if let Some(weakest) = summary
        .boxes
        .iter()
        .find(|b| Some(&b.id) == summary.weakest.as_ref())
    {
        r.next_steps.push(NextStep {
            item: weakest.id.clone(),
            title: format!("{}: het zwakste vak", weakest.title),
            text: weakest
                .readings
                .iter()
                .filter(|x| x.percent.is_some_and(|p| p < 100.0))
                .map(|x| format!("{} ({})", x.label, x.answer))
                .collect::<Vec<_>>()
                .join("; "),
            gap: 0,
        });
    }
    r.detail = Detail::Model(ModelResult {
        groups: m
            .groups
            .iter()
            .map(|g| (g.id.clone(), g.title.clone()))
            .collect(),
        boxes: summary.boxes,
        weakest: summary.weakest,
        unseen: summary.unseen,
    });
}

/// The field kinds' empty answers, for editors that set a note first.
pub fn is_number_field(kind: &FieldKind) -> bool {
    matches!(kind, FieldKind::Number { .. })
}
