//! The report for a terminal or a plain-text mail: at most 80 columns, bold headings
//! only when colour is asked for, and never a control character from what users typed.

use super::model::{Report, percent};
use super::{plain, plain_lines};
use crate::domain::result::{Detail, ICEBERG_TITLE, InstrumentResult, PROVISIONAL};
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// The width every line fits in.
pub const WIDTH: usize = 80;

struct Out {
    text: String,
    color: bool,
}

impl Out {
    fn heading(&mut self, text: &str) {
        let text = plain(text);
        if self.color {
            let _ = writeln!(self.text, "\x1b[1m{text}\x1b[0m");
        } else {
            let _ = writeln!(self.text, "{text}");
        }
    }

    fn blank(&mut self) {
        self.text.push('\n');
    }

    /// `text` wrapped to the width, the first line after `first`, the rest after `rest`.
    fn wrap(&mut self, text: &str, first: &str, rest: &str) {
        let text = plain(text);
        let options = textwrap::Options::new(WIDTH)
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(true);
        for line in crate::text::wrap(&text, options) {
            let _ = writeln!(self.text, "{}", line.trim_end());
        }
    }

    /// A note that keeps its own line breaks, each line wrapped.
    fn note(&mut self, text: &str, indent: &str) {
        for line in plain_lines(text).lines() {
            if line.trim().is_empty() {
                let _ = writeln!(self.text, "{}", indent.trim_end());
            } else {
                self.wrap(line, indent, indent);
            }
        }
    }

    /// Columns of fixed width, the last one wrapped into what is left of the line.
    fn row(&mut self, cells: &[(&str, usize)], last: &str) {
        let mut prefix = String::from("  ");
        for (cell, width) in cells {
            let cell = plain(cell);
            let pad = width.saturating_sub(cell.width());
            let _ = write!(prefix, "{cell}{} ", " ".repeat(pad));
        }
        let indent = " ".repeat(prefix.width().min(WIDTH / 2));
        if prefix.width() > WIDTH / 2 {
            let _ = writeln!(self.text, "{}", prefix.trim_end());
            if !last.trim().is_empty() {
                self.wrap(last, &indent, &indent);
            }
        } else if last.trim().is_empty() {
            let _ = writeln!(self.text, "{}", prefix.trim_end());
        } else {
            self.wrap(last, &prefix, &indent);
        }
    }
}

fn width_of<'a>(cells: impl Iterator<Item = &'a str>, max: usize) -> usize {
    cells.map(|c| plain(c).width()).max().unwrap_or(0).min(max)
}

fn summary(out: &mut Out, r: &Report) {
    out.heading("Managementsamenvatting");
    out.blank();
    for s in &r.summaries {
        out.heading(&s.title);
        let verdict = if s.provisional {
            format!("{} {PROVISIONAL}", s.verdict)
        } else {
            s.verdict.clone()
        };
        out.wrap(&verdict, "  ", "  ");
        if let Some(trend) = &s.trend {
            out.wrap(&format!("Trend: {trend}"), "  ", "  ");
        }
        if !s.gaps.is_empty() {
            out.wrap(&format!("{}:", s.gaps_title), "  ", "  ");
            for gap in &s.gaps {
                out.wrap(gap, "  - ", "    ");
            }
        }
        out.blank();
    }
    if !r.actions.is_empty() {
        out.heading("Acties");
        for a in &r.actions {
            out.wrap(
                &format!(
                    "{} — {}, {} ({})",
                    a.what,
                    if a.owner.trim().is_empty() {
                        "nog geen eigenaar"
                    } else {
                        &a.owner
                    },
                    a.deadline_text(),
                    a.status_text()
                ),
                "  - ",
                "    ",
            );
        }
        out.blank();
    }
    out.heading("Zo is dit gemaakt");
    for line in r.made.lines() {
        out.wrap(&line, "  ", "  ");
    }
    out.blank();
}

fn grid(out: &mut Out, r: &Report, res: &InstrumentResult, g: &crate::domain::result::GridResult) {
    let levels = width_of(g.levels.iter().map(String::as_str), 10).max(6);
    out.row(
        &[
            ("Shift", 5),
            ("Huidig", levels),
            ("Doel", levels),
            ("Gat", 3),
        ],
        "Van → naar",
    );
    for row in &g.rows {
        let gap = row.gap_mark();
        out.row(
            &[
                (&row.number.to_string(), 5),
                (&g.level_name(row.level), levels),
                (&g.level_name(row.ambition), levels),
                (&gap, 3),
            ],
            &format!(
                "{} → {}{}",
                row.from,
                row.to,
                r.source(&res.id, &row.id)
                    .map(|x| format!(" [{}]", x.text()))
                    .unwrap_or_default()
            ),
        );
    }
}

fn norm(out: &mut Out, r: &Report, res: &InstrumentResult, n: &crate::domain::result::NormResult) {
    for part in &n.parts {
        let score = part.score.map_or("—".into(), |s| s.to_string());
        let score = if part.provisional {
            format!("{score} (voorlopig)")
        } else {
            score
        };
        let met = part
            .share
            .map(|s| format!(" · {}", s.text()))
            .unwrap_or_default();
        out.wrap(
            &format!("{} {}: score {score}{met}", part.numeral, part.title),
            "  ",
            "    ",
        );
        out.wrap(&part.explanation, "    ", "    ");
        for w in &part.warnings {
            out.wrap(&format!("⚠ {w}"), "    ", "      ");
        }
        for c in &part.criteria {
            let mark = match c.status {
                crate::domain::Status::Met if c.not_counted => "(✓)",
                crate::domain::Status::Met => "✓",
                crate::domain::Status::NotMet => "✗",
                crate::domain::Status::Open => "·",
            };
            let source = r
                .source(&res.id, &c.id)
                .map(|s| format!(" [{}]", s.text()))
                .unwrap_or_default();
            out.wrap(
                &format!("{mark} {} {}: {}{source}", c.id, c.short, c.status.label()),
                "    ",
                "        ",
            );
            if !c.note.trim().is_empty() {
                out.wrap("Onderbouwing:", "        ", "        ");
                out.note(&c.note, "          ");
            }
        }
    }
    if !n.measurements.is_empty() {
        out.wrap("Metingen:", "  ", "  ");
        for m in &n.measurements {
            measurement(out, m);
        }
    }
}

fn measurement(out: &mut Out, m: &crate::domain::result::MeasurementRow) {
    // Not measured is already said by the value itself.
    let verdict = match m.met {
        Some(true) => "; gehaald",
        Some(false) => "; niet gehaald",
        None => "",
    };
    out.wrap(
        &format!("{}: {} (norm {}{verdict})", m.name, m.display, m.threshold),
        "  - ",
        "    ",
    );
}

fn checklist(
    out: &mut Out,
    r: &Report,
    res: &InstrumentResult,
    c: &crate::domain::result::ChecklistResult,
) {
    for section in &c.sections {
        let share = section.share.map_or("nog niets beantwoord".into(), |s| {
            format!("{}% op orde ({})", s.percent(), s.display())
        });
        out.wrap(&format!("{}: {share}", section.title), "  ", "    ");
        for item in &section.items {
            let source = r
                .source(&res.id, &item.id)
                .map(|s| format!(" [{}]", s.text()))
                .unwrap_or_default();
            out.wrap(
                &format!(
                    "{} — {} → {}{source}",
                    item.label,
                    item.text,
                    item.answer.label()
                ),
                "  - ",
                "    ",
            );
            if !item.note.trim().is_empty() {
                out.note(&item.note, "      ");
            }
        }
    }
    if !c.fields.is_empty() {
        out.wrap("Keuzes van de organisatie:", "  ", "  ");
        for f in &c.fields {
            out.wrap(
                &format!(
                    "{}: {}",
                    f.label,
                    f.value.as_deref().unwrap_or("nog niet ingevuld")
                ),
                "  - ",
                "    ",
            );
        }
    }
}

fn calculator(out: &mut Out, c: &crate::domain::result::CalculatorResult) {
    out.wrap("Gegevens:", "  ", "  ");
    for i in &c.inputs {
        let default = if i.default { " (standaardwaarde)" } else { "" };
        out.wrap(
            &format!("{}: {}{default}", i.label, i.display),
            "  - ",
            "    ",
        );
    }
    out.wrap("Uitkomsten:", "  ", "  ");
    for o in &c.outputs {
        out.wrap(&format!("{}: {}", o.label, o.display), "  - ", "    ");
        out.wrap(&format!("Zo rekenen we: {}", o.explain), "    ", "    ");
    }
    if !c.measurements.is_empty() {
        out.wrap("Metingen tegen de ambitie:", "  ", "  ");
        for m in &c.measurements {
            measurement(out, m);
        }
    }
    if !c.iceberg.is_empty() {
        out.wrap(&format!("{ICEBERG_TITLE}:"), "  ", "  ");
        for line in &c.iceberg {
            out.wrap(line, "  - ", "    ");
        }
    }
}

fn model(out: &mut Out, m: &crate::domain::result::ModelResult) {
    let titles = width_of(m.boxes.iter().map(|b| b.title.as_str()), 36).max(4);
    for (group, title) in &m.groups {
        out.wrap(title, "  ", "  ");
        for b in m.boxes.iter().filter(|b| &b.group == group) {
            let value = b.percent.map_or("niet bekeken".into(), percent);
            let mut notes = Vec::new();
            if let Some(rating) = &b.rating_display {
                notes.push(if b.differs {
                    format!("team: {rating} ⚠ wijkt af")
                } else {
                    format!("team: {rating}")
                });
            }
            if m.weakest.as_ref() == Some(&b.id) {
                notes.push("het zwakste vak".into());
            }
            if b.percent.is_none() {
                notes.push("⚠ niemand keek hiernaar".into());
            }
            out.row(&[(&b.title, titles), (&value, 12)], &notes.join("; "));
        }
    }
}

fn details(out: &mut Out, r: &Report) {
    for res in &r.result.instruments {
        out.heading(&res.title);
        out.wrap(&res.verdict_in_full(), "  ", "  ");
        out.blank();
        match &res.detail {
            Detail::Grid(g) => grid(out, r, res, g),
            Detail::Norm(n) => norm(out, r, res, n),
            Detail::Checklist(c) => checklist(out, r, res, c),
            Detail::Calculator(c) => calculator(out, c),
            Detail::Model(m) => model(out, m),
        }
        if !res.warnings.is_empty() {
            out.blank();
            out.wrap("Let op:", "  ", "  ");
            for w in &res.warnings {
                out.wrap(w, "  ⚠ ", "    ");
            }
        }
        if !res.next_steps.is_empty() {
            out.blank();
            out.wrap("Volgende stappen:", "  ", "  ");
            for step in &res.next_steps {
                out.wrap(&step.title, "  - ", "    ");
                if !step.text.is_empty() {
                    out.wrap(&step.text, "    ", "    ");
                }
            }
        }
        out.blank();
        if res.rules_apart() {
            out.wrap("Zo telt het:", "  ", "  ");
            for rule in &res.rules {
                out.wrap(rule, "  - ", "    ");
            }
            out.blank();
        }
    }
}

fn team(out: &mut Out, r: &Report) {
    let Some(team) = &r.team else { return };
    out.heading("Workshop: spreiding, voorstel en akkoord");
    let letters: Vec<String> = (0..team.labels.len())
        .map(crate::domain::aggregate::letter)
        .collect();
    // Anonymous labels are the letters already.
    if team.labels != letters {
        for (letter, label) in letters.iter().zip(&team.labels) {
            out.wrap(&format!("{letter} = {label}"), "  ", "      ");
        }
    }
    out.wrap(
        "Per onderdeel de antwoorden van de deelnemers, in kolommen A, B, C …; ⚠ = het team verschilt. Het voorstel volgt de mediaan en de meerderheid; akkoord is wat de groep vaststelde.",
        "  ",
        "  ",
    );
    out.blank();
    for inst in &team.instruments {
        out.heading(&inst.title);
        if !inst.legend.is_empty() {
            out.wrap(&inst.legend, "  ", "  ");
        }
        // One column per respondent, as wide as its widest answer.
        let width = inst
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .map(|c| c.width())
            .max()
            .unwrap_or(1);
        let line = |cells: &[String]| -> String {
            cells
                .iter()
                .map(|c| format!("{c}{}", " ".repeat(width.saturating_sub(c.width()))))
                .collect::<Vec<_>>()
                .join(" ")
        };
        out.wrap(&line(&letters), "    ", "    ");
        for row in &inst.rows {
            let mark = if row.disagrees { " ⚠" } else { "" };
            out.wrap(&format!("{}{mark}", row.label), "  ", "    ");
            let cells = line(&row.cells);
            if cells.width() + 4 <= WIDTH {
                let _ = writeln!(out.text, "    {}", cells.trim_end());
            } else {
                out.wrap(&cells, "    ", "    ");
            }
            out.wrap(
                &format!(
                    "{} · voorstel {} · akkoord {}",
                    row.spread,
                    row.proposal_text(),
                    row.agreed.as_deref().unwrap_or("—")
                ),
                "    ",
                "    ",
            );
        }
        out.blank();
    }
}

fn actions(out: &mut Out, r: &Report) {
    if r.actions.is_empty() {
        return;
    }
    out.heading("Actieplan");
    for a in &r.actions {
        out.wrap(&a.what, "  - ", "    ");
        let mut facts = vec![
            format!(
                "eigenaar: {}",
                if a.owner.trim().is_empty() {
                    "—"
                } else {
                    &a.owner
                }
            ),
            format!("deadline: {}", a.deadline_text()),
            format!("status: {}", a.status_text()),
        ];
        if let Some(round) = a.from_round {
            facts.push(format!("uit ronde {round}"));
        }
        out.wrap(&facts.join(" · "), "    ", "    ");
        if !a.items.is_empty() {
            out.wrap(&format!("voor: {}", a.items.join("; ")), "    ", "    ");
        }
        if !a.note.trim().is_empty() {
            out.note(&a.note, "    ");
        }
    }
    out.blank();
}

fn notes(out: &mut Out, r: &Report) {
    let mut any = false;
    for res in &r.result.instruments {
        if let Detail::Grid(g) = &res.detail {
            for row in g.rows.iter().filter(|row| !row.note.trim().is_empty()) {
                if !any {
                    out.heading("Notities");
                    any = true;
                }
                out.wrap(&format!("{} {}:", row.number, row.to), "  ", "  ");
                out.note(&row.note, "    ");
            }
        }
    }
    if any {
        out.blank();
    }
    if !r.assessment.note.trim().is_empty() {
        out.heading("Toelichting");
        out.note(&r.assessment.note, "  ");
    }
}

pub fn render(r: &Report) -> String {
    let mut out = Out {
        text: String::new(),
        color: r.options.color,
    };
    if let Some(cover) = r.cover_line() {
        out.wrap(&cover.to_uppercase(), "", "");
    }
    out.heading(&r.assessment.title);
    let mut meta = Vec::new();
    if !r.assessment.organisation.is_empty() {
        meta.push(r.assessment.organisation.clone());
    }
    meta.push(r.made.date.clone());
    out.wrap(&meta.join(" · "), "", "");
    out.blank();
    summary(&mut out, r);
    details(&mut out, r);
    actions(&mut out, r);
    team(&mut out, r);
    notes(&mut out, r);
    out.text
}
