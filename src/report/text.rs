//! The report for a terminal: plain text, bold headings only on a colour terminal, and
//! never a control character from what users typed.

use super::Options;
use super::summary::{date, level_name, summarise, team_summary};
use super::{plain, plain_lines};
use crate::domain::{Assessment, Instruments};
use std::fmt::Write;

fn heading(out: &mut String, text: &str, color: bool) {
    if color {
        let _ = writeln!(out, "\x1b[1m{text}\x1b[0m");
    } else {
        let _ = writeln!(out, "{text}");
    }
}

pub fn render(instruments: &Instruments, assessment: &Assessment, options: Options) -> String {
    let color = options.color;
    let mut out = String::new();
    let s = summarise(instruments, &assessment.result_answers(instruments));
    heading(&mut out, &plain(&assessment.title), color);
    let mut meta = vec![];
    if !assessment.organisation.is_empty() {
        meta.push(plain(&assessment.organisation));
    }
    meta.push(date(assessment));
    let _ = writeln!(out, "{}\n", meta.join(" · "));

    heading(&mut out, &instruments.gouden_oor.title, color);
    for row in &s.shifts {
        let _ = writeln!(
            out,
            "  {:<42} {:<7} doel {}",
            format!("{} {} → {}", row.number, row.from, row.to),
            level_name(instruments, row.level),
            level_name(instruments, row.ambition)
        );
    }
    match s.mean {
        Some(mean) => {
            let _ = writeln!(
                out,
                "  Gemiddeld {} · niveau {} ({} van {} beantwoord)\n",
                mean.display(),
                level_name(instruments, s.level),
                s.answered,
                s.shifts.len()
            );
        }
        None => out.push_str("  Nog geen shift beantwoord.\n\n"),
    }

    heading(&mut out, &instruments.stv.title, color);
    for part in &s.parts {
        let score = part.score.map_or("—".to_string(), |v| v.to_string());
        let _ = writeln!(
            out,
            "  {:<27} {:>2}  {}",
            format!("{} {}", part.numeral, part.title),
            score,
            part.explanation
        );
        for w in &part.warnings {
            let _ = writeln!(out, "      ⚠ {w}");
        }
    }
    match s.total {
        Some(total) => {
            let verdict = total.verdict();
            let _ = writeln!(out, "  Totaal {} — {verdict}\n", total.display());
        }
        None => out.push_str("  Totaal: volgt zodra elk onderdeel een score heeft.\n\n"),
    }

    heading(&mut out, "Volgende stappen", color);
    for step in &s.next_shifts {
        let _ = writeln!(
            out,
            "  {} {}: {}",
            step.number,
            step.to,
            step.transition(instruments),
        );
        for line in textwrap::wrap(&step.statement, 76) {
            let _ = writeln!(out, "      {line}");
        }
    }
    for part in &s.parts {
        if let Some(next) = &part.next_step {
            let _ = writeln!(out, "  {} {}: {next}", part.numeral, part.title);
        }
    }
    if let Some(team) = team_summary(instruments, assessment, options.anonymous) {
        out.push('\n');
        heading(&mut out, "Workshop: spreiding en akkoord", color);
        let labels: Vec<String> = team.labels.iter().map(|l| plain(l)).collect();
        let _ = writeln!(out, "  Respondenten: {}", labels.join(", "));
        for row in &team.shifts {
            let levels: Vec<String> = row
                .levels
                .iter()
                .map(|l| l.map_or("·".to_string(), |l| l.value().to_string()))
                .collect();
            let _ = writeln!(
                out,
                "  {:<28} {}  mediaan {:<3} akkoord {:<7}{}",
                format!("{} {}", row.number, row.to),
                levels.join(" "),
                row.median.map_or("—".to_string(), |m| m.display()),
                level_name(instruments, row.agreed),
                if row.disagrees { " ⚠ verschil" } else { "" }
            );
        }
        for c in team.criteria.iter().filter(|c| c.tally.disagrees()) {
            let _ = writeln!(
                out,
                "  {:<28} voldaan {} · niet {} · open {} ⚠ verschil",
                c.id, c.tally.met, c.tally.not_met, c.tally.open
            );
        }
    }
    let notes: Vec<String> = s
        .shifts
        .iter()
        .filter(|r| !r.note.trim().is_empty())
        .map(|r| format!("  {} {}: {}", r.number, r.to, plain(&r.note)))
        .chain(
            s.parts
                .iter()
                .flat_map(|p| &p.criteria)
                .filter(|c| !c.note.trim().is_empty())
                .map(|c| format!("  {}: {}", c.id, plain(&c.note))),
        )
        .collect();
    if !notes.is_empty() {
        out.push('\n');
        heading(&mut out, "Notities", color);
        for n in notes {
            let _ = writeln!(out, "{n}");
        }
    }
    if !assessment.note.trim().is_empty() {
        out.push('\n');
        heading(&mut out, "Toelichting", color);
        let _ = writeln!(out, "{}", plain_lines(&assessment.note));
    }
    out
}
