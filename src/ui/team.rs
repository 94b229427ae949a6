//! The workshop: the overview where the team differs and what it agrees, and the
//! respondents dialog.

use super::dialog::{centered, render_input};
use super::text::{clean, offset_to_show, render_scrolled, spread, truncate};
use crate::app::team::{TeamRow, team_rows};
use crate::app::{Model, Msg, Session, TeamDialog, TeamMode};
use crate::domain::Status;
use crate::domain::aggregate::{shift_spread, tally};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

const HEADER: u16 = 4;

/// Two-character column labels: letters when anonymous or when the starts of names
/// collide, else the first two letters of each name.
fn short_labels(session: &Session) -> Vec<String> {
    let n = session.assessment.respondents.len();
    let letters = || (0..n).map(crate::domain::aggregate::letter).collect();
    if session.anonymous {
        return letters();
    }
    let starts: Vec<String> = session
        .assessment
        .respondents
        .iter()
        .map(|r| {
            clean(&r.name)
                .chars()
                .filter(|c| !c.is_whitespace())
                .take(2)
                .collect()
        })
        .collect();
    let unique: std::collections::HashSet<&String> = starts.iter().collect();
    if unique.len() == n && starts.iter().all(|s| !s.is_empty()) {
        starts
    } else {
        letters()
    }
}

/// Columns per respondent: 3 wide where they fit, 2 where that is what fits, else none
/// (the median, range and counts remain).
fn column_width(session: &Session, width: u16) -> usize {
    let n = session.assessment.respondents.len();
    [3, 2]
        .into_iter()
        .find(|w| usize::from(width) >= 22 + w * n + 32)
        .unwrap_or(0)
}

/// One row of the overview; `proposal` is the team's median/majority, computed once
/// per frame by the caller.
fn row_line(
    model: &Model,
    session: &Session,
    proposal: &crate::domain::Answers,
    row: TeamRow,
    width: u16,
    cursor: bool,
) -> Line<'static> {
    let theme = model.theme();
    let instruments = model.instruments;
    let respondents = &session.assessment.respondents;
    let agreed = &session.assessment.agreed;
    let column = column_width(session, width);
    let mut spans = Vec::new();
    match row {
        TeamRow::Shift(i) => {
            let shift = &instruments.gouden_oor.shifts[i];
            let spread = shift_spread(&shift.id, respondents);
            spans.push(Span::raw(format!(
                "{:<22}",
                truncate(&format!("{} {}", shift.number, shift.to), 21)
            )));
            if column > 0 {
                for level in &spread.levels {
                    spans.push(match level {
                        Some(l) => Span::styled(format!("{:>column$}", l.value()), theme.current()),
                        None => Span::styled(format!("{:>column$}", "·"), theme.muted()),
                    });
                }
            }
            let median = spread.median.map_or("—".to_string(), |m| m.display());
            let range = match (spread.min, spread.max) {
                (Some(a), Some(b)) => format!("{}–{}", a.value(), b.value()),
                _ => "—".into(),
            };
            spans.push(Span::raw(format!(" {median:>4} {range:>5} ")));
            spans.push(if spread.disagrees() {
                Span::styled("⚠ ", theme.warning())
            } else {
                Span::raw("  ")
            });
            let answer = agreed.shift(&shift.id);
            let proposed = proposal.shift(&shift.id);
            let name = |l: crate::domain::Level| instruments.gouden_oor.level_name(l).to_string();
            // Not agreed yet: the proposal, dimmed with a question mark; Enter takes it.
            let cell = |agreed: Option<crate::domain::Level>,
                        proposed: Option<crate::domain::Level>,
                        style| match (agreed, proposed) {
                (Some(l), _) => Span::styled(format!("{:<8}", name(l)), style),
                (None, Some(p)) => {
                    Span::styled(format!("{:<8}", format!("{}?", name(p))), theme.muted())
                }
                (None, None) => Span::styled(format!("{:<8}", "—"), theme.muted()),
            };
            spans.push(Span::raw(" "));
            spans.push(cell(answer.level, proposed.level, theme.current()));
            spans.push(cell(answer.ambition, proposed.ambition, theme.ambition()));
        }
        TeamRow::Criterion(i) => {
            let (_, criterion) = instruments.stv.criteria().nth(i).expect("criterion row");
            let t = tally(&criterion.id, respondents);
            spans.push(Span::raw(format!(
                "{:<22}",
                truncate(&format!("{} {}", criterion.id, criterion.short), 21)
            )));
            if column > 0 {
                for r in respondents {
                    let (mark, style) = match r.answers.status(&criterion.id) {
                        Status::Met => ("✓", theme.good()),
                        Status::NotMet => ("✗", theme.bad()),
                        Status::Open => ("·", theme.muted()),
                    };
                    spans.push(Span::styled(format!("{mark:>column$}"), style));
                }
            }
            spans.push(Span::raw(format!(
                " ✓{:<3}✗{:<3}·{:<3}",
                t.met, t.not_met, t.open
            )));
            spans.push(if t.disagrees() {
                Span::styled("⚠ ", theme.warning())
            } else {
                Span::raw("  ")
            });
            let status = agreed.status(&criterion.id);
            spans.push(match (status, proposal.status(&criterion.id)) {
                (Status::Open, Status::Open) => Span::styled(" —", theme.muted()),
                (Status::Open, proposed) => {
                    Span::styled(format!(" {}?", proposed.label()), theme.muted())
                }
                (status, _) => Span::styled(format!(" {}", status.label()), theme.current()),
            });
        }
    }
    let line = Line::from(spans);
    if cursor {
        line.style(theme.selected())
    } else {
        line
    }
}

fn header_lines(model: &Model, session: &Session, width: u16) -> Vec<Line<'static>> {
    let theme = model.theme();
    let n = session.assessment.respondents.len();
    let labels = short_labels(session);
    let mut columns = String::new();
    let column = column_width(session, width);
    if column > 0 {
        for label in &labels {
            // Two-letter labels need three columns; at two, letters stay readable.
            let label = if column == 2 {
                label.chars().next().map(String::from).unwrap_or_default()
            } else {
                label.clone()
            };
            columns.push_str(&format!("{label:>column$}"));
        }
    }
    let legend: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if session.anonymous {
                l.clone()
            } else {
                format!("{l} {}", clean(&session.assessment.respondents[i].name))
            }
        })
        .collect();
    vec![
        spread(
            vec![Span::styled(
                format!("Workshop — {n} respondenten"),
                theme.title(),
            )],
            vec![Span::styled(
                if session.sort_by_disagreement {
                    "verschil eerst"
                } else {
                    "instrumentvolgorde"
                }
                .to_string(),
                theme.muted(),
            )],
            width,
        ),
        Line::styled(
            "Akkoord: 1–4 · d doel · v/n/o · Enter neemt voorstel? over · A alle voorstellen",
            theme.muted(),
        ),
        Line::styled(
            truncate(&legend.join(" · "), usize::from(width)),
            theme.muted(),
        ),
        Line::styled(
            format!(
                "{:<22}{columns} {:>4} {:>5}    {:<8}{:<7}",
                "Shift / criterium", "med", "bereik", "Akkoord", "Doel"
            ),
            theme.title(),
        ),
    ]
}

pub fn render(model: &Model, session: &Session, area: Rect, buf: &mut Buffer) {
    let header = Rect::new(area.x, area.y, area.width, HEADER.min(area.height));
    Paragraph::new(header_lines(model, session, area.width)).render(header, buf);
    let body = Rect::new(
        area.x,
        header.bottom(),
        area.width,
        area.height - header.height,
    );
    let rows = team_rows(model.instruments, session);
    let cursor = session.team_row.min(rows.len() - 1);
    let offset = offset_to_show(cursor as u16, cursor as u16 + 1, body.height);
    let proposal =
        crate::domain::aggregate::proposal(model.instruments, &session.assessment.respondents);
    render_scrolled(body, buf, rows.len() as u16, offset, |content, buf| {
        for (i, row) in rows.iter().enumerate() {
            row_line(model, session, &proposal, *row, content.width, i == cursor).render(
                Rect::new(0, i as u16, content.width.saturating_sub(1), 1),
                buf,
            );
        }
    });
}

pub fn hit(model: &Model, session: &Session, area: Rect, at: Position) -> Option<Msg> {
    let top = area.y + HEADER;
    if at.y < top {
        return None;
    }
    let rows = team_rows(model.instruments, session).len();
    let height = area.height.saturating_sub(HEADER);
    let cursor = session.team_row.min(rows - 1);
    let offset = offset_to_show(cursor as u16, cursor as u16 + 1, height);
    let row = usize::from(at.y - top + offset);
    (row < rows).then_some(Msg::PickRow(row))
}

pub fn render_dialog(
    model: &Model,
    session: &Session,
    dialog: &TeamDialog,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = model.theme();
    let respondents = &session.assessment.respondents;
    let height = (respondents.len() as u16 + 8).min(area.height);
    let popup = centered(area, 70, height);
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.cursor_border())
        .title(Span::styled(" Respondenten ", theme.title()));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let list_height = inner.height.saturating_sub(4);
    let first = (dialog.selected + 1).saturating_sub(usize::from(list_height.max(1)));
    for (row, (i, r)) in respondents
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list_height))
        .enumerate()
    {
        let answered = crate::domain::overall_progress(
            &model.instruments.gouden_oor,
            &model.instruments.stv,
            &r.answers,
        );
        let marker = if i == session.respondent {
            "▶ "
        } else {
            "  "
        };
        let line = spread(
            vec![Span::raw(format!("{marker}{}", clean(&r.name)))],
            vec![Span::styled(
                format!("{}% beantwoord ", answered.percent()),
                theme.muted(),
            )],
            inner.width,
        );
        let line = if i == dialog.selected {
            line.style(theme.selected())
        } else {
            line
        };
        line.render(
            Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
            buf,
        );
    }
    let footer = Rect::new(inner.x, inner.bottom().saturating_sub(3), inner.width, 3);
    let (prompt, input) = match &dialog.mode {
        TeamMode::List => (
            "Enter: deze respondent antwoordt · a toevoegen · r hernoemen · x verwijderen · i importeren (.csv of .ron) · Esc sluiten",
            None,
        ),
        TeamMode::Add(input) => (
            "Naam van de nieuwe respondent (Enter: toevoegen, Esc: terug)",
            Some(input),
        ),
        TeamMode::Rename(input) => ("Nieuwe naam (Enter: opslaan, Esc: terug)", Some(input)),
        TeamMode::Import(input) => (
            "Pad naar een antwoordblad (.csv) of een beoordeling (.ron) (Enter: importeren)",
            Some(input),
        ),
        TeamMode::ConfirmRemove => (
            "Verwijderen met al zijn antwoorden? j of Enter: ja · elke andere toets: nee",
            None,
        ),
    };
    let lines: Vec<Line> = super::text::wrap(prompt, footer.width)
        .into_iter()
        .take(2)
        .map(|l| Line::styled(l, theme.muted()))
        .collect();
    Paragraph::new(lines).render(Rect::new(footer.x, footer.y, footer.width, 2), buf);
    if let Some(input) = input {
        render_input(
            input,
            Rect::new(footer.x, footer.y + 2, footer.width, 1),
            buf,
            theme,
        );
    } else if matches!(dialog.mode, TeamMode::ConfirmRemove) {
        Line::styled(
            format!("→ {}", clean(&respondents[dialog.selected].name)),
            theme.warning(),
        )
        .render(Rect::new(footer.x, footer.y + 2, footer.width, 1), buf);
    }
}

pub fn render_popup(model: &Model, popup: &crate::app::Popup, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let width = 76.min(area.width);
    let mut lines: Vec<Line> = Vec::new();
    for l in &popup.lines {
        for w in super::text::wrap(&clean(l), width.saturating_sub(4)) {
            lines.push(Line::raw(w));
        }
    }
    let max_lines = area.height.saturating_sub(5) as usize;
    if lines.len() > max_lines {
        let hidden = lines.len() - max_lines + 1;
        lines.truncate(max_lines.saturating_sub(1));
        lines.push(Line::styled(
            format!("… en nog {hidden} regels (de opdrachtregel `goudenoor import` toont ze alle)"),
            theme.muted(),
        ));
    }
    lines.push(Line::styled("Elke toets sluit dit venster.", theme.muted()));
    let height = lines.len() as u16 + 2;
    let rect = centered(area, width, height);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(theme.warning())
                .title(Span::styled(
                    format!(" {} ", clean(&popup.title)),
                    theme.warning(),
                )),
        )
        .render(rect, buf);
}
