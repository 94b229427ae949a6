//! Markdown: the management summary, the details per instrument, the action plan and
//! the workshop, with padded tables and notes that keep their line breaks.

use super::model::{Report, percent};
use crate::domain::result::{Detail, ICEBERG_TITLE, InstrumentResult, PROVISIONAL};
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// Escape what users typed so Markdown shows it as text, escaping only what would
/// change the rendering: emphasis, code, links, HTML, entities, table cells, and at the
/// start of a line headings, lists, quotes and code blocks.
pub fn escape(text: &str) -> String {
    let text = super::plain(text);
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' => {
                // Only what would read as an entity: "&amp;", "&#60;".
                let rest: String = chars[i + 1..].iter().take(33).collect();
                let entity = rest.split_once(';').is_some_and(|(name, _)| {
                    !name.is_empty()
                        && name
                            .trim_start_matches('#')
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric())
                });
                if entity {
                    out.push('\\');
                }
                out.push('&');
            }
            _ => out.push(c),
        }
    }
    // At the start of a line: a heading, a list, a setext underline.
    if out.starts_with(['#', '-', '+', '=']) {
        out.insert(0, '\\');
    } else {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
            out.insert(digits, '\\');
        }
    }
    out
}

/// A note with its own line breaks kept (hard breaks), continuation lines indented by
/// `indent` so they stay inside a list item.
pub fn escape_lines(text: &str, indent: &str) -> String {
    super::plain_lines(text)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(escape)
        .collect::<Vec<_>>()
        .join(&format!("\\\n{indent}"))
}

/// A table cell: line breaks become `<br>`, the only HTML this report writes.
fn cell(text: &str) -> String {
    super::plain_lines(text)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br>")
}

/// A table with its columns padded to the widest cell; cells are Markdown already.
fn table(out: &mut String, headers: &[&str], rows: &[Vec<String>]) {
    let n = headers.len();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width().max(3)).collect();
    for row in rows {
        for (i, c) in row.iter().enumerate().take(n) {
            widths[i] = widths[i].max(c.width());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.width()))))
            .collect();
        format!("| {} |", padded.join(" | "))
    };
    let _ = writeln!(out, "{}", line(headers.to_vec()));
    let _ = writeln!(
        out,
        "|{}|",
        widths
            .iter()
            .map(|w| "-".repeat(w + 2))
            .collect::<Vec<_>>()
            .join("|")
    );
    for row in rows {
        let _ = writeln!(out, "{}", line(row.iter().map(String::as_str).collect()));
    }
    out.push('\n');
}

fn summary(out: &mut String, r: &Report) {
    out.push_str("## Managementsamenvatting\n\n");
    for s in &r.summaries {
        let _ = writeln!(out, "### {}\n", s.title);
        let _ = write!(out, "{}", s.verdict);
        if s.provisional {
            let _ = write!(out, " *{PROVISIONAL}*");
        }
        out.push_str("\n\n");
        if let Some(trend) = &s.trend {
            let _ = writeln!(out, "Trend: {trend}\n");
        }
        if !s.gaps.is_empty() {
            let _ = writeln!(out, "{}:\n", s.gaps_title);
            for gap in &s.gaps {
                let _ = writeln!(out, "- {gap}");
            }
            out.push('\n');
        }
    }
    if !r.actions.is_empty() {
        out.push_str("### Acties\n\n");
        for a in &r.actions {
            let owner = if a.owner.trim().is_empty() {
                "nog geen eigenaar".into()
            } else {
                escape(&a.owner)
            };
            let _ = writeln!(
                out,
                "- {} — {owner}, {} ({})",
                escape(&a.what),
                a.deadline_text(),
                a.status_text()
            );
        }
        out.push('\n');
    }
    out.push_str("### Zo is dit gemaakt\n\n");
    for line in r.made.lines() {
        let _ = writeln!(out, "- {}", escape(&line));
    }
    out.push('\n');
}

fn source(r: &Report, res: &InstrumentResult, id: &str) -> String {
    r.source(&res.id, id).map(|s| s.text()).unwrap_or_default()
}

fn measurements_table(out: &mut String, rows: &[crate::domain::result::MeasurementRow]) {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|m| {
            vec![
                m.name.clone(),
                m.display.clone(),
                m.threshold.clone(),
                match m.met {
                    Some(true) => "gehaald".into(),
                    Some(false) => "niet gehaald".into(),
                    None => "—".into(),
                },
            ]
        })
        .collect();
    table(out, &["Meting", "Gemeten", "Norm", "Oordeel"], &rows);
}

fn detail(out: &mut String, r: &Report, res: &InstrumentResult) {
    match &res.detail {
        Detail::Grid(g) => {
            let rows: Vec<Vec<String>> = g
                .rows
                .iter()
                .map(|row| {
                    let mut cells = vec![
                        row.number.to_string(),
                        format!("{} → {}", row.from, row.to),
                        g.level_name(row.level),
                        g.level_name(row.ambition),
                        row.gap_mark(),
                    ];
                    if r.is_workshop() {
                        cells.push(source(r, res, &row.id));
                    }
                    cells
                })
                .collect();
            let mut headers = vec!["Shift", "Van → naar", "Huidig", "Doel", "Gat"];
            if r.is_workshop() {
                headers.push("Bron");
            }
            table(out, &headers, &rows);
        }
        Detail::Norm(n) => {
            let rows: Vec<Vec<String>> = n
                .parts
                .iter()
                .map(|p| {
                    vec![
                        format!("{} {}", p.numeral, p.title),
                        match p.score {
                            Some(v) if p.provisional => format!("{v} (voorlopig)"),
                            Some(v) => v.to_string(),
                            None => "—".into(),
                        },
                        p.share.map_or("—".into(), |s| s.short()),
                        p.explanation.clone(),
                    ]
                })
                .collect();
            table(
                out,
                &["Onderdeel", "Score", "Criteria die meetellen", "Waarom"],
                &rows,
            );
            for p in &n.parts {
                let _ = writeln!(out, "### {} {}\n", p.numeral, p.title);
                let rows: Vec<Vec<String>> = p
                    .criteria
                    .iter()
                    .map(|c| {
                        let mut cells = vec![
                            format!("{} {}", c.id, c.short),
                            if c.not_counted {
                                format!("{} (telt niet mee)", c.status.label())
                            } else {
                                c.status.label().to_string()
                            },
                            cell(&c.note),
                        ];
                        if r.is_workshop() {
                            cells.push(source(r, res, &c.id));
                        }
                        cells
                    })
                    .collect();
                let mut headers = vec!["Criterium", "Oordeel", "Onderbouwing"];
                if r.is_workshop() {
                    headers.push("Bron");
                }
                table(out, &headers, &rows);
                for w in &p.warnings {
                    let _ = writeln!(out, "- ⚠ {w}");
                }
                if !p.warnings.is_empty() {
                    out.push('\n');
                }
            }
            if !n.measurements.is_empty() {
                measurements_table(out, &n.measurements);
            }
        }
        Detail::Checklist(c) => {
            for s in &c.sections {
                let share = s.share.map_or("nog niets beantwoord".into(), |x| {
                    format!("{}% op orde ({})", x.percent(), x.display())
                });
                let _ = writeln!(out, "### {}: {share}\n", s.title);
                let rows: Vec<Vec<String>> = s
                    .items
                    .iter()
                    .map(|i| {
                        let mut cells = vec![
                            format!("**{}** {}", i.label, i.text),
                            i.answer.label().to_string(),
                            cell(&i.note),
                        ];
                        if r.is_workshop() {
                            cells.push(source(r, res, &i.id));
                        }
                        cells
                    })
                    .collect();
                let mut headers = vec!["Onderdeel", "Antwoord", "Notitie"];
                if r.is_workshop() {
                    headers.push("Bron");
                }
                table(out, &headers, &rows);
            }
            if !c.fields.is_empty() {
                let rows: Vec<Vec<String>> = c
                    .fields
                    .iter()
                    .map(|f| {
                        vec![
                            f.label.clone(),
                            f.value.as_deref().map_or("nog niet ingevuld".into(), cell),
                        ]
                    })
                    .collect();
                table(out, &["Keuze van de organisatie", "Waarde"], &rows);
            }
        }
        Detail::Calculator(c) => {
            let rows: Vec<Vec<String>> = c
                .inputs
                .iter()
                .map(|i| {
                    vec![
                        i.label.clone(),
                        if i.default {
                            format!("{} (standaard)", i.display)
                        } else {
                            i.display.clone()
                        },
                    ]
                })
                .collect();
            table(out, &["Gegeven", "Waarde"], &rows);
            let rows: Vec<Vec<String>> = c
                .outputs
                .iter()
                .map(|o| vec![o.label.clone(), o.display.clone(), o.explain.clone()])
                .collect();
            table(out, &["Uitkomst", "Waarde", "Zo rekenen we"], &rows);
            if !c.measurements.is_empty() {
                measurements_table(out, &c.measurements);
            }
            if !c.iceberg.is_empty() {
                let _ = writeln!(out, "{ICEBERG_TITLE}:\n");
                for line in &c.iceberg {
                    let _ = writeln!(out, "- {line}");
                }
                out.push('\n');
            }
        }
        Detail::Model(m) => {
            let rows: Vec<Vec<String>> = m
                .boxes
                .iter()
                .map(|b| {
                    let group = m
                        .groups
                        .iter()
                        .find(|(id, _)| id == &b.group)
                        .map_or(b.group.clone(), |(_, t)| t.clone());
                    let mut remark = Vec::new();
                    if m.weakest.as_ref() == Some(&b.id) {
                        remark.push("**het zwakste vak**".to_string());
                    }
                    if b.percent.is_none() {
                        remark.push("⚠ niemand keek hiernaar".to_string());
                    }
                    vec![
                        group,
                        b.title.clone(),
                        b.percent.map_or("**niet bekeken**".into(), percent),
                        match (&b.rating_display, b.differs) {
                            (Some(rating), true) => format!("{rating} ⚠"),
                            (Some(rating), false) => rating.clone(),
                            (None, _) => "—".into(),
                        },
                        remark.join("; "),
                    ]
                })
                .collect();
            table(out, &["Groep", "Vak", "Score", "Team", "Opmerking"], &rows);
        }
    }
}

fn details(out: &mut String, r: &Report) {
    for res in &r.result.instruments {
        let _ = writeln!(out, "## {}\n", res.title);
        let _ = write!(out, "**{}**", res.verdict);
        if res.provisional {
            let _ = write!(out, " *{PROVISIONAL}*");
        }
        out.push_str("\n\n");
        detail(out, r, res);
        if !res.warnings.is_empty() {
            out.push_str("Let op:\n\n");
            for w in &res.warnings {
                let _ = writeln!(out, "- ⚠ {w}");
            }
            out.push('\n');
        }
        if !res.next_steps.is_empty() {
            out.push_str("Volgende stappen:\n\n");
            for step in &res.next_steps {
                if step.text.is_empty() {
                    let _ = writeln!(out, "- **{}**", step.title);
                } else {
                    let _ = writeln!(out, "- **{}** — {}", step.title, step.text);
                }
            }
            out.push('\n');
        }
        if res.rules_apart() {
            out.push_str("Zo telt het:\n\n");
            for rule in &res.rules {
                let _ = writeln!(out, "- {rule}");
            }
            out.push('\n');
        }
    }
}

fn actions(out: &mut String, r: &Report) {
    if r.actions.is_empty() {
        return;
    }
    out.push_str("## Actieplan\n\n");
    let rows: Vec<Vec<String>> = r
        .actions
        .iter()
        .map(|a| {
            vec![
                cell(&a.what),
                cell(&a.items.join("; ")),
                cell(&a.owner),
                a.deadline_text(),
                a.status_text(),
                cell(&a.note),
                a.from_round.map_or(String::new(), |n| n.to_string()),
            ]
        })
        .collect();
    table(
        out,
        &[
            "Actie",
            "Voor",
            "Eigenaar",
            "Deadline",
            "Status",
            "Notitie",
            "Uit ronde",
        ],
        &rows,
    );
}

fn team(out: &mut String, r: &Report) {
    let Some(team) = &r.team else { return };
    out.push_str("## Workshop: spreiding, voorstel en akkoord\n\n");
    let letters: Vec<String> = (0..team.labels.len())
        .map(crate::domain::aggregate::letter)
        .collect();
    // Anonymous labels are the letters already.
    if team.labels != letters {
        for (letter, label) in letters.iter().zip(&team.labels) {
            let _ = writeln!(out, "- {letter} = {}", escape(label));
        }
        out.push('\n');
    }
    out.push_str("⚠ = het team verschilt (een bereik van 2 niveaus of meer, of verschillende antwoorden). Het voorstel volgt de mediaan (naar beneden afgerond) en de meerderheid; akkoord is wat de groep vaststelde.\n\n");
    for inst in &team.instruments {
        let _ = writeln!(out, "### {}\n", inst.title);
        if !inst.legend.is_empty() {
            let _ = writeln!(out, "{}\n", inst.legend);
        }
        let mut headers: Vec<&str> = vec!["Onderdeel"];
        headers.extend(letters.iter().map(String::as_str));
        headers.extend(["Spreiding", "Voorstel", "Akkoord"]);
        let rows: Vec<Vec<String>> = inst
            .rows
            .iter()
            .map(|row| {
                let mut cells = vec![format!(
                    "{}{}",
                    row.label,
                    if row.disagrees { " ⚠" } else { "" }
                )];
                cells.extend(row.cells.iter().cloned());
                cells.push(row.spread.clone());
                cells.push(row.proposal_text().to_string());
                cells.push(row.agreed.clone().unwrap_or_else(|| "—".into()));
                cells
            })
            .collect();
        table(out, &headers, &rows);
    }
}

fn notes(out: &mut String, r: &Report) {
    let mut lines = Vec::new();
    for res in &r.result.instruments {
        if let Detail::Grid(g) = &res.detail {
            for row in g.rows.iter().filter(|row| !row.note.trim().is_empty()) {
                lines.push(format!(
                    "- **{} {}**: {}",
                    row.number,
                    row.to,
                    escape_lines(&row.note, "  ")
                ));
            }
        }
    }
    if !lines.is_empty() {
        out.push_str("## Notities\n\n");
        for line in lines {
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    if !r.assessment.note.trim().is_empty() {
        let _ = writeln!(
            out,
            "## Toelichting\n\n{}\n",
            escape_lines(&r.assessment.note, "")
        );
    }
}

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    if let Some(cover) = r.cover_line() {
        let _ = writeln!(out, "**{}**\n", cover.to_uppercase());
    }
    let _ = writeln!(out, "# {}\n", escape(&r.assessment.title));
    let mut meta = Vec::new();
    if !r.assessment.organisation.is_empty() {
        meta.push(escape(&r.assessment.organisation));
    }
    meta.push(r.made.date.clone());
    let _ = writeln!(out, "{}\n", meta.join(" · "));
    summary(&mut out, r);
    details(&mut out, r);
    actions(&mut out, r);
    team(&mut out, r);
    notes(&mut out, r);
    out
}
