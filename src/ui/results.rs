//! Results: the radar, the shifts table and the Gouden Oor summary, the Stv summary
//! with its rules, and the next steps.

use super::Theme;
use super::radar::Radar;
use super::text::{render_scrolled, wrap};
use crate::app::{Model, Session};
use crate::domain::aggregate::{shift_spread, spreads, tally};
use crate::domain::{
    Answers, Instruments, Level, Respondent, VOLDOENDE, gouden_oor_summary, shift_next_steps,
    stv_summary,
};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// The radar of the shifts for some answers.
pub fn radar_for(instruments: &Instruments, answers: &Answers, theme: Theme) -> Radar {
    let shifts = &instruments.gouden_oor.shifts;
    Radar {
        labels: shifts
            .iter()
            .map(|s| format!("{} {}", s.number, s.to))
            .collect(),
        current: shifts
            .iter()
            .map(|s| answers.level(&s.id).map(Level::value))
            .collect(),
        ambition: shifts
            .iter()
            .map(|s| answers.ambition(&s.id).map(Level::value))
            .collect(),
        bands: Vec::new(),
        max: Level::MAX.value(),
        theme,
    }
}

fn wrapped(text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    wrap(text, width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

fn level_name(instruments: &Instruments, level: Option<Level>) -> String {
    level.map_or("—".to_string(), |l| {
        instruments.gouden_oor.level_name(l).to_string()
    })
}

/// The shifts table and the Gouden Oor summary.
/// `team` holds the respondents of a workshop (empty for a solo check): their spread
/// is shown beside the results.
pub fn gouden_oor_lines(
    instruments: &Instruments,
    answers: &Answers,
    team: &[Respondent],
    theme: Theme,
    width: u16,
) -> Vec<Line<'static>> {
    let check = &instruments.gouden_oor;
    let summary = gouden_oor_summary(check, answers);
    let team_width = if team.len() > 1 { 7 } else { 0 };
    let name_width = usize::from(width)
        .saturating_sub(22 + team_width)
        .clamp(8, 30);
    let mut lines = vec![Line::styled(check.title.clone(), theme.title())];
    lines.extend(wrapped(&check.intro, width, theme.muted()));
    lines.extend([Line::styled(
        format!(
            "{:<name_width$} {:<7}{:<7}{:>3}{}",
            "Shift",
            "Huidig",
            "Doel",
            "Gat",
            if team_width > 0 { " Team" } else { "" }
        ),
        theme.muted(),
    )]);
    for shift in &check.shifts {
        let level = answers.level(&shift.id);
        let ambition = answers.ambition(&shift.id);
        let gap = match (level, ambition) {
            (Some(l), Some(a)) if a > l => format!("{:>3}", a.value() - l.value()),
            (Some(_), Some(_)) => format!("{:>3}", "✓"),
            _ => "   ".to_string(),
        };
        let name = super::text::truncate(&format!("{} {}", shift.number, shift.to), name_width);
        lines.push(Line::from(vec![
            Span::raw(format!("{name:<name_width$} ")),
            Span::styled(
                format!("{:<7}", level_name(instruments, level)),
                if level.is_some() {
                    theme.current()
                } else {
                    theme.muted()
                },
            ),
            Span::styled(
                format!("{:<7}", level_name(instruments, ambition)),
                theme.ambition(),
            ),
            Span::raw(gap),
        ]));
        if team_width > 0 {
            let spread = shift_spread(&shift.id, team);
            let text = match (spread.min, spread.max) {
                (Some(a), Some(b)) if a != b => format!(" {}–{}", a.value(), b.value()),
                (Some(a), Some(_)) => format!(" {}", a.value()),
                _ => String::new(),
            };
            let last = lines.last_mut().expect("just pushed");
            last.spans.push(Span::styled(text, theme.muted()));
            if spread.disagrees() {
                last.spans.push(Span::styled(" ⚠", theme.warning()));
            }
        }
    }
    lines.push(Line::raw(""));
    match summary.mean {
        Some(mean) => {
            lines.push(Line::from(vec![
                Span::raw("Gemiddeld "),
                Span::styled(mean.display(), theme.current()),
                Span::raw(" · niveau "),
                Span::styled(level_name(instruments, summary.level), theme.current()),
            ]));
            lines.extend(wrapped(
                "(niveau: het gemiddelde naar beneden afgerond)",
                width,
                theme.muted(),
            ));
            let counts: Vec<String> = check
                .levels
                .iter()
                .zip(summary.counts)
                .map(|(name, count)| format!("{name} {count}"))
                .collect();
            lines.extend(wrapped(&counts.join(" · "), width, Style::new()));
        }
        None => lines.push(Line::styled("Nog geen shift beantwoord.", theme.muted())),
    }
    if summary.answered < summary.total {
        let missing: Vec<String> = check
            .shifts
            .iter()
            .filter(|s| answers.level(&s.id).is_none())
            .map(|s| s.number.to_string())
            .collect();
        lines.extend(
            wrap(
                &format!(
                    "{} van {} beantwoord; nog open: {}",
                    summary.answered,
                    summary.total,
                    missing.join(", ")
                ),
                width,
            )
            .into_iter()
            .map(|l| Line::styled(l, theme.warning())),
        );
    }
    if let Some(furthest) = summary.gaps.first() {
        let shift = check.shift(&furthest.shift_id).expect("known shift");
        lines.extend(
            wrap(
                &format!(
                    "Verst van het doel: {} {} ({} → {})",
                    shift.number,
                    shift.to,
                    check.level_name(furthest.level),
                    check.level_name(furthest.ambition)
                ),
                width,
            )
            .into_iter()
            .map(Line::raw),
        );
    }
    lines.push(Line::from(vec![
        Span::styled("── huidig", theme.current()),
        Span::raw("   "),
        Span::styled("- - doel", theme.ambition()),
    ]));
    if team.len() > 1 {
        lines.extend(wrapped(
            "║ spreiding in het team (laagste–hoogste); de radar toont het akkoord, anders het voorstel",
            width,
            theme.muted(),
        ));
    }
    lines.extend(wrapped(
        "ringen van binnen naar buiten: aardig … goud",
        width,
        theme.muted(),
    ));
    lines
}

/// A bar on the 1–5 scale with the "voldoende" mark at 3.
fn bar(score: Option<u8>, width: usize, theme: Theme) -> Vec<Span<'static>> {
    let filled = score.map_or(0, |s| usize::from(s) * width / 5);
    let mark = usize::from(VOLDOENDE) * width / 5;
    let mut spans = Vec::new();
    for i in 0..width {
        let (symbol, style) = if i == mark.saturating_sub(1) && i >= filled {
            ("┆", theme.muted())
        } else if i < filled {
            ("█", theme.current())
        } else {
            ("░", theme.muted())
        };
        spans.push(Span::styled(symbol, style));
    }
    spans
}

pub fn stv_lines(
    instruments: &Instruments,
    answers: &Answers,
    team: &[Respondent],
    theme: Theme,
    width: u16,
) -> Vec<Line<'static>> {
    let framework = &instruments.stv;
    let summary = stv_summary(framework, answers);
    let bar_width = usize::from(width).saturating_sub(30).clamp(10, 25);
    let mut lines = vec![Line::styled(
        "Stv normenkader Klacht- en feedbackmanagement",
        theme.title(),
    )];
    for (part, score) in framework.parts.iter().zip(&summary.parts) {
        let name = super::text::truncate(&format!("{} {}", part.numeral, part.title), 24);
        let mut spans = vec![Span::raw(format!("{name:<24} "))];
        spans.extend(bar(score.score, bar_width, theme));
        spans.push(match score.score {
            Some(s) if score.is_provisional() => Span::styled(format!(" {s}?"), theme.current()),
            Some(s) => Span::styled(format!(" {s}"), theme.current()),
            None => Span::styled(" —", theme.muted()),
        });
        spans.push(Span::styled(
            format!("  {}", part.rule.name()),
            theme.muted(),
        ));
        lines.push(Line::from(spans));
        lines.extend(
            wrap(&score.explanation, width.saturating_sub(4))
                .into_iter()
                .map(|l| Line::styled(format!("    {l}"), theme.muted())),
        );
        if team.len() > 1 {
            let split: Vec<String> = part
                .criteria
                .iter()
                .filter(|c| tally(&c.id, team).disagrees())
                .map(|c| c.id.clone())
                .collect();
            if !split.is_empty() {
                lines.extend(
                    wrap(
                        &format!("team verdeeld over {}", split.join(", ")),
                        width.saturating_sub(4),
                    )
                    .into_iter()
                    .map(|l| Line::styled(format!("    {l}"), theme.warning())),
                );
            }
        }
        for warning in score
            .not_counted
            .iter()
            .map(|n| n.message())
            .chain(score.warnings.iter().cloned())
        {
            lines.extend(
                wrap(&format!("⚠ {warning}"), width.saturating_sub(4))
                    .into_iter()
                    .map(|l| Line::styled(format!("    {l}"), theme.warning())),
            );
        }
    }
    lines.push(Line::styled(
        format!("{:<24} ┆ voldoende (3) · ? voorlopig", ""),
        theme.muted(),
    ));
    match summary.total {
        Some(total) => {
            let verdict = Span::styled(
                total.verdict(),
                if total.is_voldoende() {
                    theme.good()
                } else {
                    theme.bad()
                },
            );
            lines.push(Line::from(vec![
                Span::raw("Totaal "),
                Span::styled(total.display(), theme.current()),
                Span::raw(" — "),
                verdict,
                Span::styled(
                    format!(
                        " (gemiddelde van de vier onderdelen, onafgerond {})",
                        total.value()
                    )
                    .replace('.', ","),
                    theme.muted(),
                ),
            ]));
        }
        None => lines.push(Line::styled(
            "Totaal: volgt zodra elk onderdeel een score heeft.",
            theme.muted(),
        )),
    }
    lines
}

pub fn next_step_lines(
    instruments: &Instruments,
    answers: &Answers,
    theme: Theme,
    width: u16,
) -> Vec<Line<'static>> {
    let check = &instruments.gouden_oor;
    let mut lines = vec![Line::styled("Volgende stappen", theme.title())];
    let steps = shift_next_steps(check, answers);
    if steps.is_empty() {
        lines.push(Line::styled(
            "Gouden Oor: beantwoord de shifts om hier de volgende stap per shift te zien.",
            theme.muted(),
        ));
    }
    for step in &steps {
        let shift = check.shift(&step.shift_id).expect("known shift");
        let target = step
            .ambition
            .filter(|a| *a > step.current)
            .map(|a| format!(", doel {}", check.level_name(a)))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!("{} {}", shift.number, shift.to), theme.title()),
            Span::styled(
                format!(
                    ": {} → {}{target}",
                    check.level_name(step.current),
                    check.level_name(step.next)
                ),
                theme.muted(),
            ),
        ]));
        lines.extend(
            wrap(&step.statement, width.saturating_sub(2))
                .into_iter()
                .map(|l| Line::raw(format!("  {l}"))),
        );
    }
    let framework = &instruments.stv;
    let summary = stv_summary(framework, answers);
    lines.push(Line::raw(""));
    for (part, score) in framework.parts.iter().zip(&summary.parts) {
        let text = match (&score.next, score.score) {
            (Some(next), Some(_)) => format!(
                "{} {}: voor {} — {}",
                part.numeral,
                part.title,
                next.target,
                part.missing_names(next)
            ),
            (None, Some(_)) => format!(
                "{} {}: de hoogste score is bereikt.",
                part.numeral, part.title
            ),
            (_, None) => format!("{} {}: nog niet beoordeeld.", part.numeral, part.title),
        };
        lines.extend(wrap(&text, width).into_iter().map(Line::raw));
    }
    lines
}

/// A radar with a column of text beside it (or below it, when narrow): the radar's
/// area, the column's area, and the first free row under both. Where the radar is wide
/// it leaves room for full labels; where not, numbers only (the column names them).
pub(super) fn radar_beside(
    width: u16,
    min_side: u16,
    side_height: impl Fn(u16) -> u16,
) -> (Rect, Rect, u16) {
    let side = width >= 76;
    let side_width = if side {
        (width * 2 / 5).clamp(min_side, 60)
    } else {
        width
    };
    let radar_width = if side {
        (width - side_width - 2).min(120)
    } else {
        width.min(100)
    };
    let label_room = match radar_width {
        90.. => 24,
        60.. => 12,
        _ => 2,
    };
    let radar_height = (radar_width.saturating_sub(2 * label_room + 4) / 2).clamp(10, 30);
    let height = side_height(side_width);
    if side {
        (
            Rect::new(0, 0, radar_width, radar_height),
            Rect::new(radar_width + 2, 0, side_width, height),
            radar_height.max(height) + 1,
        )
    } else {
        (
            Rect::new(0, 0, width, radar_height),
            Rect::new(0, radar_height + 1, width, height),
            radar_height + height + 2,
        )
    }
}

struct Sections {
    radar: Rect,
    right: Rect,
    stv: Rect,
    next: Rect,
    height: u16,
}

fn sections(
    instruments: &Instruments,
    answers: &Answers,
    team: &[Respondent],
    theme: Theme,
    width: u16,
) -> Sections {
    let min_side = if team.len() > 1 { 44 } else { 36 };
    let (radar, right, top) = radar_beside(width, min_side, |w| {
        gouden_oor_lines(instruments, answers, team, theme, w).len() as u16
    });
    let columns = width >= 140;
    let column_width = if columns { (width - 2) / 2 } else { width };
    let stv_height = stv_lines(instruments, answers, team, theme, column_width).len() as u16;
    let next_height = next_step_lines(instruments, answers, theme, column_width).len() as u16;
    let (stv, next, height) = if columns {
        (
            Rect::new(0, top, column_width, stv_height),
            Rect::new(column_width + 2, top, column_width, next_height),
            top + stv_height.max(next_height),
        )
    } else {
        (
            Rect::new(0, top, width, stv_height),
            Rect::new(0, top + stv_height + 1, width, next_height),
            top + stv_height + 1 + next_height,
        )
    };
    Sections {
        radar,
        right,
        stv,
        next,
        height,
    }
}

/// How far the results page can scroll in a window of `width` × `height`.
pub fn max_scroll(model: &Model, session: &Session, width: u16, height: u16) -> u16 {
    let answers = &session.assessment.result_answers(model.instruments);
    let width = width.saturating_sub(1);
    let team = &session.assessment.respondents;
    sections(model.instruments, answers, team, model.theme(), width)
        .height
        .saturating_sub(height)
}

pub fn render(model: &Model, session: &Session, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let instruments = model.instruments;
    let answers = &session.assessment.result_answers(model.instruments);
    // One column for the scrollbar.
    let width = area.width.saturating_sub(1);
    let team = &session.assessment.respondents[..];
    let s = sections(instruments, answers, team, theme, width);
    let mut radar = radar_for(instruments, answers, theme);
    if session.assessment.is_workshop() {
        radar.bands = spreads(instruments, &session.assessment.respondents)
            .iter()
            .map(|s| s.min.zip(s.max).map(|(a, b)| (a.value(), b.value())))
            .collect();
    }
    render_scrolled(area, buf, s.height, session.scroll, |_, buf| {
        radar.render(s.radar, buf);
        Paragraph::new(gouden_oor_lines(
            instruments,
            answers,
            team,
            theme,
            s.right.width,
        ))
        .render(s.right, buf);
        Paragraph::new(stv_lines(instruments, answers, team, theme, s.stv.width))
            .render(s.stv, buf);
        Paragraph::new(next_step_lines(instruments, answers, theme, s.next.width))
            .style(Style::new())
            .render(s.next, buf);
    });
}
