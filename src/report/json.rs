//! The JSON report: the result model per instrument (by kind), the management summary,
//! every respondent's answers by instrument and item id, what the group agreed, the
//! team's spread and the action plan. Its shape is documented in the README and kept
//! stable; `schema` names its version.

use super::model::Report;
use crate::domain::result::{Detail, InstrumentResult};
use crate::domain::{Answer, Answers, Assessment, Instruments};
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

pub const SCHEMA: &str = "goudenoor-report/2";

#[derive(Debug, Serialize)]
pub struct JsonReport {
    pub schema: &'static str,
    pub title: String,
    pub organisation: String,
    pub created: String,
    pub updated: String,
    pub confidential: bool,
    pub instruments: Vec<JsonInstrumentRef>,
    pub summary: JsonSummary,
    /// What results and reports show, per instrument in the assessment's order.
    pub results: Vec<Value>,
    pub respondents: Vec<JsonRespondent>,
    /// What the group agreed, per instrument and item id: the answer, or null where
    /// it agreed nothing. Null for a solo check.
    pub agreed: Option<BTreeMap<String, BTreeMap<String, Value>>>,
    /// The team's spread (workshop); null for a solo check.
    pub spread: Option<Vec<JsonTeamInstrument>>,
    pub actions: Vec<JsonAction>,
    pub note: String,
}

#[derive(Debug, Serialize)]
pub struct JsonInstrumentRef {
    pub id: String,
    pub version: u32,
}

#[derive(Debug, Serialize)]
pub struct JsonSummary {
    pub participants: Vec<String>,
    pub date: String,
    pub answered: usize,
    pub answerable: usize,
    /// Workshop only: items the respondents answer (measurements aside), where they
    /// differ, agreed, following the proposal, with neither.
    pub agreement: Option<JsonAgreement>,
    pub instruments: Vec<JsonSummaryInstrument>,
}

#[derive(Debug, Serialize)]
pub struct JsonAgreement {
    pub items: usize,
    pub differ: usize,
    pub agreed: usize,
    /// Not agreed, following the proposal.
    pub proposed: usize,
    /// Neither agreed nor proposed (too few answers, or a tie).
    pub no_proposal: usize,
}

#[derive(Debug, Serialize)]
pub struct JsonSummaryInstrument {
    pub id: String,
    pub verdict: String,
    pub provisional: bool,
    pub gaps: Vec<String>,
    pub trend: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct JsonRespondent {
    pub name: String,
    /// Per instrument and item id, the answer as given.
    pub answers: BTreeMap<String, BTreeMap<String, Value>>,
}

#[derive(Debug, Serialize)]
pub struct JsonTeamInstrument {
    pub id: String,
    pub items: Vec<JsonTeamItem>,
}

#[derive(Debug, Serialize)]
pub struct JsonTeamItem {
    pub id: String,
    /// One per respondent, in the order of `respondents`, as shown.
    pub answers: Vec<String>,
    /// One per respondent as a number (level; met 1, not met 0; ja 1, deels ½, nee 0).
    pub values: Vec<Option<f64>>,
    pub spread: String,
    pub disagreement: bool,
    /// The automatic proposal (median, majority), as shown; null where there is none.
    pub proposal: Option<String>,
    /// Why there is no proposal: "te weinig antwoorden (1 van 4)", "gelijke stand".
    pub no_proposal: Option<String>,
    /// What the group agreed, as shown; null where it agreed nothing.
    pub agreed: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct JsonAction {
    pub what: String,
    /// The item (part, section) ids it serves.
    pub items: Vec<String>,
    pub item_names: Vec<String>,
    pub owner: String,
    /// "2027-03-15", or null.
    pub deadline: Option<String>,
    /// "open", "bezig" or "klaar".
    pub status: &'static str,
    pub note: String,
    pub from_round: Option<u32>,
}

/// One answer as JSON: the kind's fields with raw values; notes as typed.
fn answer(a: &Answer) -> Value {
    match a {
        Answer::Scale {
            value,
            ambition,
            note,
        } => json!({
            "level": value.map(|l| l.value()),
            "ambition": ambition.map(|l| l.value()),
            "note": note,
        }),
        Answer::Criterion { status, note } => json!({ "status": status.key(), "note": note }),
        Answer::Check { answer, note } => json!({ "answer": answer.key(), "note": note }),
        Answer::Number(n) => json!({ "number": n }),
        Answer::Text(t) => json!({ "text": t }),
        Answer::Choice { options, other } => json!({ "options": options, "other": other }),
    }
}

fn answers(a: &Answers) -> BTreeMap<String, BTreeMap<String, Value>> {
    a.0.iter()
        .map(|(inst, items)| {
            (
                inst.clone(),
                items
                    .0
                    .iter()
                    .map(|(id, x)| (id.clone(), answer(x)))
                    .collect(),
            )
        })
        .collect()
}

fn agreed(
    instruments: &Instruments,
    a: &Assessment,
) -> Option<BTreeMap<String, BTreeMap<String, Value>>> {
    if !a.is_workshop() {
        return None;
    }
    let ids = a.instrument_ids();
    Some(
        instruments
            .selected(&ids)
            .map(|inst| {
                let given = a.agreed.of(&inst.id);
                let items = inst
                    .items()
                    .into_iter()
                    .filter(|i| i.scope == crate::domain::Scope::Respondent)
                    .map(|i| {
                        let value = given
                            .get(i.id)
                            .filter(|x| x.is_answered())
                            .map_or(Value::Null, answer);
                        (i.id.to_string(), value)
                    })
                    .collect();
                (inst.id.clone(), items)
            })
            .collect(),
    )
}

fn opt<T: Serialize>(v: Option<T>) -> Value {
    v.map_or(Value::Null, |x| json!(x))
}

fn measurements(rows: &[crate::domain::result::MeasurementRow]) -> Value {
    rows.iter()
        .map(|m| {
            json!({
                "id": m.id,
                "name": m.name,
                "criterion": m.criterion,
                "value": m.value,
                "display": m.display,
                "threshold": m.threshold,
                "target": m.target,
                "met": m.met,
            })
        })
        .collect()
}

/// One instrument's result, by kind.
fn result(r: &InstrumentResult) -> Value {
    let detail = match &r.detail {
        Detail::Grid(g) => json!({
            "kind": "grid",
            "levels": g.levels,
            "items": g.rows.iter().map(|row| json!({
                "id": row.id,
                "number": row.number,
                "from": row.from,
                "to": row.to,
                "level": row.level.map(|l| l.value()),
                "level_name": row.level.map(|_| g.level_name(row.level)),
                "ambition": row.ambition.map(|l| l.value()),
                "ambition_name": row.ambition.map(|_| g.level_name(row.ambition)),
                "gap": row.gap(),
                "note": row.note,
            })).collect::<Vec<_>>(),
            "mean": g.summary.mean.map(|m| m.value()),
            "mean_display": g.summary.mean.map(|m| m.display()),
            "level": g.summary.level.map(|l| l.value()),
            "level_name": g.summary.level.map(|_| g.level_name(g.summary.level)),
            "counts": g.summary.counts,
        }),
        Detail::Norm(n) => json!({
            "kind": "norm",
            "scale": [n.scale_min, n.scale_max],
            "sufficient": n.sufficient,
            "parts": n.parts.iter().map(|p| json!({
                "id": p.id,
                "numeral": p.numeral,
                "title": p.title,
                "score": p.score,
                "provisional": p.provisional,
                "explanation": p.explanation,
                "rule": p.rule,
                "warnings": p.warnings,
                "met_percent": p.share.map(|s| 100.0 * s.met as f64 / s.total as f64),
                "counted": p.share.map(|s| json!({
                    "criteria": s.counted,
                    "of": s.total,
                    "percent": s.percent(),
                    "display": s.text(),
                })),
                "next_step": p.next_step,
                "criteria": p.criteria.iter().map(|c| json!({
                    "id": c.id,
                    "short": c.short,
                    "status": c.status.key(),
                    "counted": !c.not_counted,
                    "note": c.note,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "total": n.total.map(|m| m.value()),
            "total_display": n.total.map(|m| m.display()),
            "measurements": measurements(&n.measurements),
        }),
        Detail::Checklist(c) => json!({
            "kind": "checklist",
            "sections": c.sections.iter().map(|s| json!({
                "id": s.id,
                "title": s.title,
                "share": s.share.map(|x| x.fraction()),
                "share_display": s.share.map(|x| format!("{}% ({})", x.percent(), x.display())),
                "items": s.items.iter().map(|i| json!({
                    "id": i.id,
                    "label": i.label,
                    "answer": i.answer.key(),
                    "note": i.note,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "overall": c.overall.map(|x| x.fraction()),
            "fields": c.fields.iter().map(|f| json!({
                "id": f.id, "label": f.label, "value": f.value,
            })).collect::<Vec<_>>(),
        }),
        Detail::Calculator(c) => json!({
            "kind": "calculator",
            "inputs": c.inputs.iter().map(|i| json!({
                "id": i.id, "label": i.label, "value": i.value, "display": i.display, "default": i.default,
            })).collect::<Vec<_>>(),
            "outputs": c.outputs.iter().map(|o| json!({
                "id": o.id, "label": o.label, "value": o.value, "display": o.display, "explain": o.explain,
            })).collect::<Vec<_>>(),
            "measurements": measurements(&c.measurements),
            "problems": c.problems,
        }),
        Detail::Model(m) => json!({
            "kind": "model",
            "groups": m.groups.iter().map(|(id, title)| json!({"id": id, "title": title})).collect::<Vec<_>>(),
            "boxes": m.boxes.iter().map(|b| json!({
                "id": b.id,
                "group": b.group,
                "title": b.title,
                "percent": b.percent,
                "seen": b.percent.is_some(),
                "rating": b.rating,
                "rating_display": b.rating_display,
                "differs": b.differs,
            })).collect::<Vec<_>>(),
            "weakest": m.weakest,
            "unseen": m.unseen,
        }),
    };
    let mut map = Map::new();
    map.insert("id".into(), json!(r.id));
    map.insert("title".into(), json!(r.title));
    map.insert("verdict".into(), json!(r.verdict));
    map.insert(
        "headline".into(),
        opt(r
            .headline
            .as_ref()
            .map(|h| json!({"display": h.display, "value": h.value, "percent": h.percent}))),
    );
    map.insert("provisional".into(), json!(r.provisional));
    map.insert(
        "progress".into(),
        json!({"done": r.progress.done, "total": r.progress.total}),
    );
    map.insert("rules".into(), json!(r.rules));
    map.insert("warnings".into(), json!(r.warnings));
    map.insert(
        "next_steps".into(),
        r.next_steps
            .iter()
            .map(|s| json!({"item": s.item, "title": s.title, "text": s.text, "gap": s.gap}))
            .collect(),
    );
    map.insert("detail".into(), detail);
    Value::Object(map)
}

/// The JSON report of a built report.
pub(super) fn from_report(r: &Report) -> JsonReport {
    let a = &r.assessment;
    JsonReport {
        schema: SCHEMA,
        title: a.title.clone(),
        organisation: a.organisation.clone(),
        created: a.created.to_string(),
        updated: a.updated.to_string(),
        confidential: r.options.confidential,
        instruments: a
            .instruments
            .iter()
            .map(|i| JsonInstrumentRef {
                id: i.id.clone(),
                version: i.version,
            })
            .collect(),
        summary: JsonSummary {
            participants: r.made.participants.clone(),
            date: r.made.date.clone(),
            answered: r.made.progress.done,
            answerable: r.made.progress.total,
            agreement: r.made.agreement.as_ref().map(|x| JsonAgreement {
                items: x.items,
                differ: x.differ,
                agreed: x.agreed,
                proposed: x.proposed,
                no_proposal: x.without,
            }),
            instruments: r
                .summaries
                .iter()
                .map(|s| JsonSummaryInstrument {
                    id: s.id.clone(),
                    verdict: s.verdict.clone(),
                    provisional: s.provisional,
                    gaps: s.gaps.clone(),
                    trend: s.trend.clone(),
                })
                .collect(),
        },
        results: r.result.instruments.iter().map(result).collect(),
        respondents: a
            .respondents
            .iter()
            .map(|x| JsonRespondent {
                name: x.name.clone(),
                answers: answers(&x.answers),
            })
            .collect(),
        agreed: agreed(r.instruments, a),
        spread: r.team.as_ref().map(|t| {
            t.instruments
                .iter()
                .map(|i| JsonTeamInstrument {
                    id: i.id.clone(),
                    items: i
                        .rows
                        .iter()
                        .map(|row| JsonTeamItem {
                            id: row.id.clone(),
                            answers: row.cells.clone(),
                            values: row.values.clone(),
                            spread: row.spread.clone(),
                            disagreement: row.disagrees,
                            proposal: row.proposal.clone(),
                            no_proposal: row.no_proposal.clone(),
                            agreed: row.agreed.clone(),
                        })
                        .collect(),
                })
                .collect()
        }),
        actions: r
            .actions
            .iter()
            .map(|x| JsonAction {
                what: x.what.clone(),
                items: x.item_ids.clone(),
                item_names: x.items.clone(),
                owner: x.owner.clone(),
                deadline: x.deadline.map(|d| d.to_string()),
                status: x.status,
                note: x.note.clone(),
                from_round: x.from_round,
            })
            .collect(),
        note: a.note.clone(),
    }
}

/// The JSON report as a value (for the web API and tests).
pub fn json_report(
    instruments: &Instruments,
    assessment: &Assessment,
    options: super::Options,
) -> JsonReport {
    from_report(&Report::build(instruments, assessment, options))
}

pub fn render(r: &Report) -> String {
    let mut text = serde_json::to_string_pretty(&from_report(r)).expect("reports always serialize");
    text.push('\n');
    escape_invisible(&text)
}

/// JSON text with bidi and C1 controls (see [`super::is_invisible_control`]) written as
/// `\uXXXX` escapes, which serde_json leaves raw. Such characters only occur inside
/// strings, so escaping them everywhere keeps the JSON valid and its values the same.
pub fn escape_invisible(json: &str) -> String {
    if !json.chars().any(super::is_invisible_control) {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if super::is_invisible_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}
