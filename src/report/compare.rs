//! A comparison of two rounds as text, Markdown, JSON or HTML.

use super::{plain, summary};
use crate::domain::compare::{Comparison, arrow, compare, signed};
use crate::domain::{Assessment, Instruments, Level};
use maud::{DOCTYPE, PreEscaped, html};
use serde::Serialize;
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareFormat {
    Text,
    Md,
    Json,
    Html,
}

fn name(instruments: &Instruments, level: Option<Level>) -> String {
    summary::level_name(instruments, level)
}

/// One line of a comparison, ready for any format: what, before, after, which way.
struct ChangeRow {
    label: String,
    before: String,
    after: String,
    arrow: &'static str,
}

fn shift_rows(instruments: &Instruments, c: &Comparison) -> Vec<ChangeRow> {
    c.shifts
        .iter()
        .map(|s| ChangeRow {
            label: format!("{} {}", s.number, s.to),
            before: name(instruments, s.before),
            after: name(instruments, s.after),
            arrow: arrow(s.delta()),
        })
        .collect()
}

fn part_rows(c: &Comparison) -> Vec<ChangeRow> {
    let score = |s: Option<u8>| s.map_or("—".to_string(), |s| s.to_string());
    c.parts
        .iter()
        .map(|p| ChangeRow {
            label: format!("{} {}", p.numeral, p.title),
            before: score(p.before),
            after: score(p.after),
            arrow: arrow(p.delta()),
        })
        .collect()
}

fn heading(a: &Assessment, b: &Assessment) -> String {
    format!(
        "{} ({}) → {} ({})",
        plain(&a.title),
        summary::date(a),
        plain(&b.title),
        summary::date(b)
    )
}

fn text(instruments: &Instruments, a: &Assessment, b: &Assessment, c: &Comparison) -> String {
    let mut out = format!("Vergelijking: {}\n\n", heading(a, b));
    for caveat in &c.caveats {
        let _ = writeln!(out, "⚠ {caveat}");
    }
    if !c.caveats.is_empty() {
        out.push('\n');
    }
    if !c.shifts.is_empty() {
        out.push_str("Gouden Oor\n");
        for r in shift_rows(instruments, c) {
            let _ = writeln!(
                out,
                "  {:<28} {:<7} → {:<7} {}",
                r.label, r.before, r.after, r.arrow
            );
        }
        if let (Some(x), Some(y)) = (c.mean_before, c.mean_after) {
            let _ = writeln!(
                out,
                "  Gemiddeld {} → {} ({})",
                x.display(),
                y.display(),
                signed(x, y)
            );
        }
        out.push('\n');
    }
    if !c.parts.is_empty() {
        out.push_str("Stv normenkader\n");
        for r in part_rows(c) {
            let _ = writeln!(
                out,
                "  {:<28} {} → {} {}",
                r.label, r.before, r.after, r.arrow
            );
        }
        if let (Some(x), Some(y)) = (c.total_before, c.total_after) {
            let _ = writeln!(
                out,
                "  Totaal {} → {} ({})",
                x.display(),
                y.display(),
                signed(x, y)
            );
        }
        out.push('\n');
    }
    out.push_str("Volgende stappen van de eerste ronde\n");
    for step in &c.achieved {
        let _ = writeln!(out, "  ✓ bereikt: {step}");
    }
    for step in &c.open {
        let _ = writeln!(out, "  · nog open: {step}");
    }
    out
}

fn markdown(instruments: &Instruments, a: &Assessment, b: &Assessment, c: &Comparison) -> String {
    let escape = super::markdown::escape;
    let mut out = format!(
        "# Vergelijking\n\n{} ({}) → {} ({})\n\n",
        escape(&a.title),
        summary::date(a),
        escape(&b.title),
        summary::date(b)
    );
    for caveat in &c.caveats {
        let _ = writeln!(out, "> ⚠ {caveat}\n");
    }
    if !c.shifts.is_empty() {
        out.push_str("## Gouden Oor\n\n| Shift | Eerst | Nu | |\n|---|---|---|---|\n");
        for r in shift_rows(instruments, c) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                r.label, r.before, r.after, r.arrow
            );
        }
        if let (Some(x), Some(y)) = (c.mean_before, c.mean_after) {
            let _ = writeln!(
                out,
                "\n**Gemiddeld {} → {}** ({})\n",
                x.display(),
                y.display(),
                signed(x, y)
            );
        }
    }
    if !c.parts.is_empty() {
        out.push_str("## Stv normenkader\n\n| Onderdeel | Eerst | Nu | |\n|---|---|---|---|\n");
        for r in part_rows(c) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                r.label, r.before, r.after, r.arrow
            );
        }
        if let (Some(x), Some(y)) = (c.total_before, c.total_after) {
            let _ = writeln!(
                out,
                "\n**Totaal {} → {}** ({})\n",
                x.display(),
                y.display(),
                signed(x, y)
            );
        }
    }
    out.push_str("## Volgende stappen van de eerste ronde\n\n");
    for step in &c.achieved {
        let _ = writeln!(out, "- ✓ bereikt: {step}");
    }
    for step in &c.open {
        let _ = writeln!(out, "- nog open: {step}");
    }
    out
}

#[derive(Serialize)]
struct JsonCompare<'a> {
    schema: &'static str,
    first: JsonSide,
    second: JsonSide,
    shifts: Vec<JsonShiftChange<'a>>,
    parts: Vec<JsonPartChange<'a>>,
    gouden_oor_mean: JsonChange,
    stv_total: JsonChange,
    achieved: &'a [String],
    open: &'a [String],
    caveats: &'a [String],
}

#[derive(Serialize)]
struct JsonSide {
    title: String,
    organisation: String,
    updated: String,
    series: Option<String>,
    round: Option<u32>,
}

#[derive(Serialize)]
struct JsonShiftChange<'a> {
    id: &'a str,
    number: u8,
    before: Option<u8>,
    after: Option<u8>,
    change: Option<i8>,
}

#[derive(Serialize)]
struct JsonPartChange<'a> {
    id: &'a str,
    before: Option<u8>,
    after: Option<u8>,
    change: Option<i8>,
}

#[derive(Serialize)]
struct JsonChange {
    before: Option<f64>,
    after: Option<f64>,
}

fn side(a: &Assessment) -> JsonSide {
    JsonSide {
        title: a.title.clone(),
        organisation: a.organisation.clone(),
        updated: a.updated.to_string(),
        series: a.series.as_ref().map(|s| s.id.clone()),
        round: a.series.as_ref().map(|s| s.round),
    }
}

fn json(a: &Assessment, b: &Assessment, c: &Comparison) -> String {
    let report = JsonCompare {
        schema: "goudenoor-compare/1",
        first: side(a),
        second: side(b),
        shifts: c
            .shifts
            .iter()
            .map(|s| JsonShiftChange {
                id: &s.id,
                number: s.number,
                before: s.before.map(Level::value),
                after: s.after.map(Level::value),
                change: s.delta(),
            })
            .collect(),
        parts: c
            .parts
            .iter()
            .map(|p| JsonPartChange {
                id: &p.id,
                before: p.before,
                after: p.after,
                change: p.delta(),
            })
            .collect(),
        gouden_oor_mean: JsonChange {
            before: c.mean_before.map(|m| m.value()),
            after: c.mean_after.map(|m| m.value()),
        },
        stv_total: JsonChange {
            before: c.total_before.map(|m| m.value()),
            after: c.total_after.map(|m| m.value()),
        },
        achieved: &c.achieved,
        open: &c.open,
        caveats: &c.caveats,
    };
    let mut text = serde_json::to_string_pretty(&report).expect("reports always serialize");
    text.push('\n');
    text
}

fn page(instruments: &Instruments, a: &Assessment, b: &Assessment, c: &Comparison) -> String {
    // Both rounds on one radar: the later round solid, the earlier one dashed.
    let mut radar_summary = summary::summarise(instruments, &b.result_answers(instruments));
    let before = a.result_answers(instruments);
    for row in &mut radar_summary.shifts {
        row.ambition = before.level(&row.id);
    }
    html! {
        (DOCTYPE)
        html lang="nl" {
            head {
                meta charset="utf-8";
                title { "Vergelijking — goudenoor" }
                style { (PreEscaped(super::html::CSS)) }
            }
            body {
                h1 { "Vergelijking" }
                p.meta { (heading(a, b)) }
                @for caveat in &c.caveats { p.warn { "⚠ " (caveat) } }
                @if !c.shifts.is_empty() {
                    h2 { (instruments.gouden_oor.title) }
                    div.top {
                        (super::html::svg_radar(instruments, &radar_summary, None))
                        div.side {
                            p.legend { span.current { "━ nu" } span.ambition { "╍ eerst" } }
                            @if let (Some(x), Some(y)) = (c.mean_before, c.mean_after) {
                                p.summary { "Gemiddeld " (x.display()) " → " strong { (y.display()) } " (" (signed(x, y)) ")" }
                            }
                        }
                    }
                    table {
                        tr { th { "Shift" } th { "Eerst" } th { "Nu" } th {} }
                        @for s in &c.shifts {
                            tr {
                                td { (s.number) " " (s.to) }
                                td { (name(instruments, s.before)) }
                                td.current { (name(instruments, s.after)) }
                                td { (arrow(s.delta())) }
                            }
                        }
                    }
                }
                @if !c.parts.is_empty() {
                    h2 { (instruments.stv.title) }
                    table {
                        tr { th { "Onderdeel" } th { "Eerst" } th { "Nu" } th {} }
                        @for p in &c.parts {
                            tr {
                                td { (p.numeral) " " (p.title) }
                                td.num { @match p.before { Some(s) => (s), None => "—" } }
                                td.num.current { @match p.after { Some(s) => (s), None => "—" } }
                                td { (arrow(p.delta())) }
                            }
                        }
                    }
                    @if let (Some(x), Some(y)) = (c.total_before, c.total_after) {
                        p.summary { "Totaal " (x.display()) " → " strong { (y.display()) } " (" (signed(x, y)) ")" }
                    }
                }
                h2 { "Volgende stappen van de eerste ronde" }
                ul.steps {
                    @for step in &c.achieved { li { "✓ bereikt: " (step) } }
                    @for step in &c.open { li { "nog open: " (step) } }
                }
            }
        }
    }
    .into_string()
}

/// Compare an earlier round `a` with a later round `b` in `format`.
pub fn render_comparison(
    instruments: &Instruments,
    a: &Assessment,
    b: &Assessment,
    format: CompareFormat,
) -> String {
    let c = compare(instruments, a, b);
    match format {
        CompareFormat::Text => text(instruments, a, b, &c),
        CompareFormat::Md => markdown(instruments, a, b, &c),
        CompareFormat::Json => json(a, b, &c),
        CompareFormat::Html => page(instruments, a, b, &c),
    }
}
