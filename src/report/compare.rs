//! A comparison of two rounds as text, Markdown, JSON or HTML, from the domain's one
//! `Comparison`: per instrument the headline change, the verdicts, the change rows,
//! the ambitions of grids; the next steps reached and the actions done.

use super::model::date;
use super::{markdown, plain};
use crate::domain::compare::{ChangeRow, CompareError, Comparison, InstrumentChange, compare};
use crate::domain::result::{AssessmentResult, Detail};
use crate::domain::{Assessment, Instruments};
use maud::{DOCTYPE, html};
use serde_json::json;
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareFormat {
    Text,
    Md,
    Json,
    Html,
}

fn heading(a: &Assessment, b: &Assessment) -> String {
    format!(
        "{} ({}) → {} ({})",
        plain(&a.title),
        date(a),
        plain(&b.title),
        date(b)
    )
}

fn verdict(result: &AssessmentResult, id: &str) -> String {
    result.get(id).map_or("—".into(), |r| r.verdict_in_full())
}

/// The later round's ambition per grid row, "—" elsewhere.
fn ambition(result: &AssessmentResult, instrument: &str, row: &str) -> Option<String> {
    match &result.get(instrument)?.detail {
        Detail::Grid(g) => g
            .rows
            .iter()
            .find(|r| r.id == row)
            .map(|r| g.level_name(r.ambition)),
        _ => None,
    }
}

fn is_grid(c: &Comparison, id: &str) -> bool {
    matches!(c.after.get(id).map(|r| &r.detail), Some(Detail::Grid(_)))
}

fn headline(i: &InstrumentChange) -> Option<String> {
    Some(format!(
        "{} → {}{}",
        i.before.as_deref()?,
        i.after.as_deref()?,
        i.change
            .as_ref()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default()
    ))
}

/// Wrapping to 80 columns, never at a hyphen (dates, double names).
fn wrap<'a>(first: &'a str, rest: &'a str) -> textwrap::Options<'a> {
    textwrap::Options::new(80)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
}

fn text(a: &Assessment, b: &Assessment, c: &Comparison) -> String {
    let mut out = String::from("Vergelijking\n");
    if !b.organisation.is_empty() {
        let _ = writeln!(out, "{}", plain(&b.organisation));
    }
    for line in crate::text::wrap(&heading(a, b), wrap("", "")) {
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
    for caveat in &c.caveats {
        for line in crate::text::wrap(&format!("⚠ {caveat}"), wrap("", "  ")) {
            let _ = writeln!(out, "{line}");
        }
    }
    if !c.caveats.is_empty() {
        out.push('\n');
    }
    for i in &c.instruments {
        let _ = writeln!(out, "{}", i.title);
        if let Some(h) = headline(i) {
            let _ = writeln!(out, "  {h}");
        }
        for (label, v) in [
            ("eerst", verdict(&c.before, &i.id)),
            ("nu", verdict(&c.after, &i.id)),
        ] {
            for line in crate::text::wrap(&format!("{label}: {v}"), wrap("  ", "        ")) {
                let _ = writeln!(out, "{line}");
            }
        }
        let grid = is_grid(c, &i.id);
        for r in &i.rows {
            let label: String = r.label.chars().take(34).collect();
            let doel = if grid {
                ambition(&c.after, &i.id, &r.id)
                    .map(|x| format!(" doel {x}"))
                    .unwrap_or_default()
            } else {
                String::new()
            };
            let line = format!(
                "  {label:<34} {:>12} → {:<12} {}{doel}",
                r.before,
                r.after,
                r.arrow()
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
        out.push('\n');
    }
    steps_and_actions_text(&mut out, c);
    out
}

fn steps_and_actions_text(out: &mut String, c: &Comparison) {
    if !c.steps.is_empty() {
        out.push_str("Volgende stappen van de eerste ronde\n");
        for s in &c.steps {
            let mark = if s.reached {
                "✓ bereikt: "
            } else {
                "· nog open: "
            };
            for line in crate::text::wrap(&format!("{mark}{}", s.text), wrap("  ", "    ")) {
                let _ = writeln!(out, "{line}");
            }
        }
        out.push('\n');
    }
    if !c.actions.is_empty() {
        out.push_str("Acties van de eerste ronde\n");
        for x in &c.actions {
            let moved = match x.moved {
                Some(true) => "; de onderdelen gingen omhoog",
                Some(false) => "; de onderdelen gingen niet omhoog",
                None => "",
            };
            let owner = if x.owner.trim().is_empty() {
                String::new()
            } else {
                format!(" ({})", plain(&x.owner))
            };
            for line in crate::text::wrap(
                &format!("{}{owner}: {}{moved}", plain(&x.what), x.status.label()),
                wrap("  - ", "    "),
            ) {
                let _ = writeln!(out, "{line}");
            }
        }
        out.push('\n');
    }
}

fn markdown(a: &Assessment, b: &Assessment, c: &Comparison) -> String {
    let escape = markdown::escape;
    let mut out = String::from("# Vergelijking\n\n");
    if !b.organisation.is_empty() {
        let _ = writeln!(out, "{}\n", escape(&b.organisation));
    }
    let _ = writeln!(
        out,
        "{} ({}) → {} ({})\n",
        escape(&a.title),
        date(a),
        escape(&b.title),
        date(b)
    );
    for caveat in &c.caveats {
        let _ = writeln!(out, "> ⚠ {caveat}\n");
    }
    for i in &c.instruments {
        let _ = writeln!(out, "## {}\n", i.title);
        if let Some(h) = headline(i) {
            let _ = writeln!(out, "**{h}**\n");
        }
        let _ = writeln!(out, "- eerst: {}", verdict(&c.before, &i.id));
        let _ = writeln!(out, "- nu: {}\n", verdict(&c.after, &i.id));
        let grid = is_grid(c, &i.id);
        let mut rows: Vec<Vec<String>> = Vec::new();
        for r in &i.rows {
            let mut row = vec![
                r.label.clone(),
                r.before.clone(),
                r.after.clone(),
                r.arrow().trim().to_string(),
            ];
            if grid {
                row.push(ambition(&c.after, &i.id, &r.id).unwrap_or_default());
            }
            rows.push(row);
        }
        let mut headers = vec!["Onderdeel", "Eerst", "Nu", "↕"];
        if grid {
            headers.push("Doel");
        }
        markdown_table(&mut out, &headers, &rows);
    }
    if !c.steps.is_empty() {
        out.push_str("## Volgende stappen van de eerste ronde\n\n");
        for s in &c.steps {
            let mark = if s.reached { "✓ bereikt" } else { "nog open" };
            let _ = writeln!(out, "- {mark}: {}", s.text);
        }
        out.push('\n');
    }
    if !c.actions.is_empty() {
        out.push_str("## Acties van de eerste ronde\n\n");
        for x in &c.actions {
            let owner = if x.owner.trim().is_empty() {
                String::new()
            } else {
                format!(" ({})", escape(&x.owner))
            };
            let _ = writeln!(out, "- {}{owner}: {}", escape(&x.what), x.status.label());
        }
        out.push('\n');
    }
    out
}

fn markdown_table(out: &mut String, headers: &[&str], rows: &[Vec<String>]) {
    use unicode_width::UnicodeWidthStr;
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width().max(3)).collect();
    for row in rows {
        for (i, c) in row.iter().enumerate() {
            widths[i] = widths[i].max(c.width());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let cells: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.width())))
            .collect();
        format!("| {} |", cells.join(" | "))
    };
    let _ = writeln!(out, "{}", line(headers.to_vec()));
    let dashes: Vec<String> = widths.iter().map(|w| "-".repeat(w + 2)).collect();
    let _ = writeln!(out, "|{}|", dashes.join("|"));
    for row in rows {
        let _ = writeln!(out, "{}", line(row.iter().map(String::as_str).collect()));
    }
    out.push('\n');
}

fn side(a: &Assessment) -> serde_json::Value {
    json!({
        "title": a.title,
        "organisation": a.organisation,
        "updated": a.updated.to_string(),
        "date": date(a),
        "series": a.series.as_ref().map(|s| s.id.clone()),
        "round": a.series.as_ref().map(|s| s.round),
    })
}

fn row_json(r: &ChangeRow) -> serde_json::Value {
    json!({
        "id": r.id,
        "label": r.label,
        "before": r.before_value,
        "after": r.after_value,
        "before_display": r.before,
        "after_display": r.after,
        "change": r.delta(),
        "arrow": r.arrow().trim(),
        "change_is": r.verdict().map(|v| match v {
            std::cmp::Ordering::Greater => "better",
            std::cmp::Ordering::Less => "worse",
            std::cmp::Ordering::Equal => "same",
        }),
        "lower_is_better": r.lower_is_better,
    })
}

fn json(a: &Assessment, b: &Assessment, c: &Comparison) -> String {
    let report = json!({
        "schema": "goudenoor-compare/2",
        "first": side(a),
        "second": side(b),
        "instruments": c.instruments.iter().map(|i| json!({
            "id": i.id,
            "title": i.title,
            "before": c.before.get(&i.id).and_then(|r| r.headline.as_ref()).map(|h| h.value),
            "after": c.after.get(&i.id).and_then(|r| r.headline.as_ref()).map(|h| h.value),
            "before_display": i.before,
            "after_display": i.after,
            "change_display": i.change,
            "direction": i.direction.map(|d| match d {
                std::cmp::Ordering::Less => "down",
                std::cmp::Ordering::Equal => "same",
                std::cmp::Ordering::Greater => "up",
            }),
            "verdict_before": verdict(&c.before, &i.id),
            "verdict_after": verdict(&c.after, &i.id),
            "answered": [i.answered.0, i.answered.1],
            "items": i.rows.iter().map(|r| {
                let mut v = row_json(r);
                if let Some(doel) = ambition(&c.after, &i.id, &r.id) {
                    v["ambition_display"] = json!(doel);
                }
                v
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "steps": c.steps.iter().map(|s| json!({
            "instrument": s.instrument, "item": s.item, "text": s.text, "reached": s.reached,
        })).collect::<Vec<_>>(),
        "actions": c.actions.iter().map(|x| json!({
            "what": x.what, "owner": x.owner, "items": x.items, "status": x.status.label(), "moved": x.moved,
        })).collect::<Vec<_>>(),
        "caveats": c.caveats,
    });
    let mut text = serde_json::to_string_pretty(&report).expect("reports always serialize");
    text.push('\n');
    text
}

fn grid_values(result: &AssessmentResult, id: &str, ambition: bool) -> Vec<Option<f64>> {
    match result.get(id).map(|r| &r.detail) {
        Some(Detail::Grid(g)) => g
            .rows
            .iter()
            .map(|row| {
                if ambition { row.ambition } else { row.level }.map(|l| f64::from(l.value()))
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The measurements of an instrument in both rounds (the business case's ambitions,
/// IV.4's response times), paired by id.
fn measurement_pairs(
    c: &Comparison,
    id: &str,
) -> Vec<(
    crate::domain::result::MeasurementRow,
    crate::domain::result::MeasurementRow,
)> {
    let of = |r: &crate::domain::result::AssessmentResult| match r.get(id).map(|x| &x.detail) {
        Some(Detail::Calculator(calc)) => calc.measurements.clone(),
        Some(Detail::Norm(n)) => n.measurements.clone(),
        _ => Vec::new(),
    };
    let after = of(&c.after);
    of(&c.before)
        .into_iter()
        .filter_map(|b| {
            let a = after.iter().find(|a| a.id == b.id)?.clone();
            (b.value.is_some() || a.value.is_some()).then_some((b, a))
        })
        .collect()
}

/// A small chart of one measurement in both rounds against its target: two bars on a
/// 0–100 scale (or the measurement's own), the target as a line.
fn measurement_chart(
    before: &crate::domain::result::MeasurementRow,
    after: &crate::domain::result::MeasurementRow,
) -> maud::Markup {
    let top = [before.value, after.value, Some(before.target)]
        .into_iter()
        .flatten()
        .fold(100.0_f64, f64::max);
    let (w, h, left) = (300.0, 92.0, 60.0);
    let scale = |v: f64| (v / top) * (w - left - 10.0);
    let target_x = left + scale(before.target);
    html! {
        figure.measurement {
            figcaption { (before.name) " — ambitie " (before.threshold) }
            svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {w} {h}")) role="img"
                aria-label=(format!("{}: eerst {}, nu {}", before.name, before.display, after.display)) {
                @for (row, (label, m, class)) in [("eerst", before, "earlier"), ("nu", after, "current")].iter().enumerate() {
                    @let y = 10.0 + row as f64 * 34.0;
                    text x="0" y=(format!("{:.1}", y + 15.0)) font-size="11" { (label) }
                    @if let Some(v) = m.value {
                        rect class=(class) x=(format!("{left:.1}")) y=(format!("{y:.1}")) width=(format!("{:.1}", scale(v).max(1.0))) height="20" {}
                        text x=(format!("{:.1}", left + scale(v) + 4.0)) y=(format!("{:.1}", y + 15.0)) font-size="11" { (m.display) }
                    } @else {
                        text x=(format!("{left:.1}")) y=(format!("{:.1}", y + 15.0)) font-size="11" fill="#6e6e73" { "niet gemeten" }
                    }
                }
                line x1=(format!("{target_x:.1}")) y1="4" x2=(format!("{target_x:.1}")) y2=(format!("{:.1}", h - 4.0))
                    stroke="#2e7d32" stroke-width="2" stroke-dasharray="4 3" {}
            }
        }
    }
}

fn page(a: &Assessment, b: &Assessment, c: &Comparison) -> String {
    use super::svg::{self, Line};
    html! {
        (DOCTYPE)
        html lang="nl" {
            (super::html::head("Vergelijking", &date(b), false))
            body {
                h1 { "Vergelijking" }
                p.meta {
                    @if !b.organisation.is_empty() { (plain(&b.organisation)) " · " }
                    (heading(a, b))
                }
                @for caveat in &c.caveats { p.warn { "⚠ " (caveat) } }
                @for i in &c.instruments {
                    section.instrument {
                        h2 { (i.title) }
                        @if let Some(h) = headline(i) { p.summary { strong { (h) } } }
                        ul {
                            li { span.earlier { "eerst: " } (verdict(&c.before, &i.id)) }
                            li { span.current { "nu: " } (verdict(&c.after, &i.id)) }
                        }
                        @if let Some(Detail::Grid(g)) = c.after.get(&i.id).map(|r| &r.detail) {
                            div.top {
                                (svg::radar(g, &[
                                    (Line::Ambition, grid_values(&c.after, &i.id, true)),
                                    (Line::Earlier, grid_values(&c.before, &i.id, false)),
                                    (Line::Current, grid_values(&c.after, &i.id, false)),
                                ], None))
                                div.side {
                                    p.legend {
                                        span.current { "━ nu" }
                                        span.earlier { "┈○ eerst" }
                                        span.ambition { "╍ doel (nu)" }
                                    }
                                }
                            }
                        }
                        @let measured = measurement_pairs(c, &i.id);
                        @if !measured.is_empty() {
                            div.measurements {
                                @for (m_before, m_after) in &measured {
                                    (measurement_chart(m_before, m_after))
                                }
                            }
                        }
                        @let grid = is_grid(c, &i.id);
                        table {
                            thead { tr { th { "Onderdeel" } th { "Eerst" } th { "Nu" } th { "↕" } @if grid { th { "Doel" } } } }
                            tbody {
                                @for r in &i.rows {
                                    tr {
                                        td { (r.label) }
                                        td.earlier { (r.before) }
                                        td.current { (r.after) }
                                        @match r.verdict() {
                                            Some(std::cmp::Ordering::Greater) => td.ok title="beter" { (r.arrow()) },
                                            Some(std::cmp::Ordering::Less) => td.warn title="minder goed" { (r.arrow()) },
                                            _ => td { (r.arrow()) },
                                        }
                                        @if grid { td.ambition { (ambition(&c.after, &i.id, &r.id).unwrap_or_default()) } }
                                    }
                                }
                            }
                        }
                    }
                }
                @if !c.steps.is_empty() {
                    h2 { "Volgende stappen van de eerste ronde" }
                    ul.steps {
                        @for s in &c.steps {
                            li { @if s.reached { span.ok { "✓ bereikt: " } } @else { span.why { "nog open: " } } (s.text) }
                        }
                    }
                }
                @if !c.actions.is_empty() {
                    h2 { "Acties van de eerste ronde" }
                    table {
                        thead { tr { th { "Actie" } th { "Eigenaar" } th { "Status" } th { "Onderdelen omhoog" } } }
                        tbody {
                            @for x in &c.actions {
                                tr {
                                    td { (plain(&x.what)) }
                                    td { (plain(&x.owner)) }
                                    td { (x.status.label()) }
                                    td { @match x.moved { Some(true) => "ja", Some(false) => "nee", None => "—" } }
                                }
                            }
                        }
                    }
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
) -> Result<String, CompareError> {
    let c = compare(instruments, a, b)?;
    Ok(match format {
        CompareFormat::Text => text(a, b, &c),
        CompareFormat::Md => markdown(a, b, &c),
        CompareFormat::Json => json(a, b, &c),
        CompareFormat::Html => page(a, b, &c),
    })
}
