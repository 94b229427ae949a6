//! Markdown: the shift table, the Stv summary, next steps and notes.

use super::Options;
use super::summary::{ResultSummary, TeamSummary, date, level_name, summarise, team_summary};
use crate::domain::{Assessment, Instruments};
use std::fmt::Write;

/// Escape what users typed so Markdown shows it as text: no emphasis, links, HTML,
/// headings, lists or table cells can be started from a title or a note.
pub fn escape(text: &str) -> String {
    let text = super::plain(text);
    let mut out = String::with_capacity(text.len());
    // "2026. Een jaar" would start an ordered list.
    let mut digits_only = true;
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '(' | ')' | '#' | '+'
            | '-' | '!' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '.' if digits_only && !out.is_empty() => out.push_str("\\."),
            c => out.push(c),
        }
        digits_only = digits_only && c.is_ascii_digit();
    }
    out
}

pub fn write_results(out: &mut String, instruments: &Instruments, s: &ResultSummary) {
    let check = &instruments.gouden_oor;
    let _ = writeln!(out, "## {}\n", check.title);
    let _ = writeln!(out, "| Shift | Van → naar | Huidig | Doel | Gat |");
    let _ = writeln!(out, "|---|---|---|---|---|");
    for row in &s.shifts {
        let gap = match (row.level, row.ambition) {
            (Some(l), Some(a)) if a > l => (a.value() - l.value()).to_string(),
            (Some(_), Some(_)) => "✓".into(),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "| {} | {} → {} | {} | {} | {} |",
            row.number,
            row.from,
            row.to,
            level_name(instruments, row.level),
            level_name(instruments, row.ambition),
            gap
        );
    }
    out.push('\n');
    match s.mean {
        Some(mean) => {
            let counts: Vec<String> = check
                .levels
                .iter()
                .zip(s.counts)
                .map(|(n, c)| format!("{n} {c}"))
                .collect();
            let _ = writeln!(
                out,
                "**Gemiddeld {}** · niveau **{}** (het gemiddelde naar beneden afgerond) · {} · {} van {} shifts beantwoord\n",
                mean.display(),
                level_name(instruments, s.level),
                counts.join(" · "),
                s.answered,
                s.shifts.len()
            );
        }
        None => out.push_str("Nog geen shift beantwoord.\n\n"),
    }

    let _ = writeln!(out, "## {}\n", instruments.stv.title);
    let _ = writeln!(out, "| Onderdeel | Score | Waarom |");
    let _ = writeln!(out, "|---|---|---|");
    for part in &s.parts {
        let score = match part.score {
            Some(v) if part.provisional => format!("{v} (voorlopig)"),
            Some(v) => v.to_string(),
            None => "—".into(),
        };
        let _ = writeln!(
            out,
            "| {} {} | {} | {} |",
            part.numeral, part.title, score, part.explanation
        );
    }
    out.push('\n');
    match s.total {
        Some(total) => {
            let verdict = total.verdict();
            let _ = writeln!(
                out,
                "**Totaal {}** — {verdict} (3 is voldoende; gemiddelde van de vier onderdelen, onafgerond {})\n",
                total.display(),
                total.value().to_string().replace('.', ",")
            );
        }
        None => out.push_str("Totaal: volgt zodra elk onderdeel een score heeft.\n\n"),
    }
    if let Some(pct) = s.response_pct {
        let _ = writeln!(
            out,
            "Gehaalde reactietermijnen (IV.4): {pct}% (norm: ten minste 90%)\n"
        );
    }
    let warnings: Vec<&String> = s.parts.iter().flat_map(|p| &p.warnings).collect();
    if !warnings.is_empty() {
        out.push_str("Let op:\n\n");
        for w in warnings {
            let _ = writeln!(out, "- {w}");
        }
        out.push('\n');
    }
    out.push_str("Zo telt het:\n\n");
    for part in &s.parts {
        let _ = writeln!(out, "- {} {}: {}", part.numeral, part.title, part.rule);
    }
    out.push('\n');

    out.push_str("## Volgende stappen\n\n");
    for step in &s.next_shifts {
        let _ = writeln!(
            out,
            "- **{} {}** — {}: {}",
            step.number,
            step.to,
            step.transition(instruments),
            step.statement
        );
    }
    for part in &s.parts {
        if let Some(next) = &part.next_step {
            let _ = writeln!(out, "- **{} {}** — {next}", part.numeral, part.title);
        }
    }
    out.push('\n');
}

fn write_notes(out: &mut String, s: &ResultSummary) {
    let shift_notes: Vec<_> = s
        .shifts
        .iter()
        .filter(|r| !r.note.trim().is_empty())
        .collect();
    let criterion_notes: Vec<_> = s
        .parts
        .iter()
        .flat_map(|p| &p.criteria)
        .filter(|c| !c.note.trim().is_empty())
        .collect();
    if shift_notes.is_empty() && criterion_notes.is_empty() {
        return;
    }
    out.push_str("## Notities\n\n");
    for row in shift_notes {
        let _ = writeln!(
            out,
            "- **{} {}**: {}",
            row.number,
            row.to,
            escape(&row.note)
        );
    }
    for c in criterion_notes {
        let _ = writeln!(out, "- **{}**: dat blijkt uit {}", c.id, escape(&c.note));
    }
    out.push('\n');
}

fn write_team(out: &mut String, instruments: &Instruments, team: &TeamSummary) {
    out.push_str("## Workshop: spreiding en akkoord\n\n");
    let labels: Vec<String> = team.labels.iter().map(|l| escape(l)).collect();
    let _ = writeln!(out, "Respondenten: {}\n", labels.join(", "));
    let _ = writeln!(
        out,
        "| Shift | {} | Mediaan | Bereik | Akkoord | Doel |",
        labels.join(" | ")
    );
    let _ = writeln!(out, "|---|{}---|---|---|---|", "---|".repeat(labels.len()));
    for row in &team.shifts {
        let levels: Vec<String> = row
            .levels
            .iter()
            .map(|l| l.map_or("—".to_string(), |l| l.value().to_string()))
            .collect();
        let range = match (row.min, row.max) {
            (Some(a), Some(b)) => format!(
                "{}–{}{}",
                a.value(),
                b.value(),
                if row.disagrees { " ⚠" } else { "" }
            ),
            _ => "—".into(),
        };
        let _ = writeln!(
            out,
            "| {} {} | {} | {} | {} | {} | {} |",
            row.number,
            row.to,
            levels.join(" | "),
            row.median.map_or("—".to_string(), |m| m.display()),
            range,
            level_name(instruments, row.agreed),
            level_name(instruments, row.agreed_ambition)
        );
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "| Criterium | Voldaan | Niet voldaan | Open | Akkoord |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    for c in &team.criteria {
        let agreed = if c.agreed == crate::domain::Status::Open {
            "—"
        } else {
            c.agreed.label()
        };
        let _ = writeln!(
            out,
            "| {} {}{} | {} | {} | {} | {} |",
            c.id,
            c.short,
            if c.tally.disagrees() { " ⚠" } else { "" },
            c.tally.met,
            c.tally.not_met,
            c.tally.open,
            agreed
        );
    }
    out.push_str("\n⚠ = de groep verschilt (een bereik van 2 niveaus of meer, of zowel voldaan als niet voldaan). Waar geen akkoord is, tellen de mediaan (naar beneden afgerond) en de meerderheid.\n\n");
}

pub fn render(instruments: &Instruments, assessment: &Assessment, options: Options) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&assessment.title));
    let mut meta = Vec::new();
    if !assessment.organisation.is_empty() {
        meta.push(escape(&assessment.organisation));
    }
    meta.push(date(assessment));
    if assessment.is_workshop() {
        meta.push(format!("{} respondenten", assessment.respondents.len()));
    }
    let _ = writeln!(out, "{}\n", meta.join(" · "));
    let summary = summarise(instruments, &assessment.result_answers(instruments));
    write_results(&mut out, instruments, &summary);
    if let Some(team) = team_summary(instruments, assessment, options.anonymous) {
        write_team(&mut out, instruments, &team);
    }
    write_notes(&mut out, &summary);
    if !assessment.note.trim().is_empty() {
        let _ = writeln!(out, "## Toelichting\n\n{}\n", escape(&assessment.note));
    }
    out
}
