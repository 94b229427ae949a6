//! The side panel: the 9 shifts, the 4 parts and the results, each with a progress mark.

use super::text::{spread, truncate};
use crate::app::{Model, Msg, Session, Step};
use crate::domain::{part_progress, score_part};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// A row of the side panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Heading(&'static str),
    Blank,
    Step(usize),
}

fn rows(model: &Model) -> Vec<Row> {
    let mut rows = vec![Row::Heading("Gouden Oor")];
    for (index, step) in model.steps().into_iter().enumerate() {
        match step {
            Step::Part(0) => rows.extend([Row::Blank, Row::Heading("Stv normenkader")]),
            Step::Team => rows.push(Row::Blank),
            Step::Results if !model.steps().contains(&Step::Team) => rows.push(Row::Blank),
            _ => {}
        }
        rows.push(Row::Step(index));
    }
    rows
}

fn inner(area: Rect) -> Rect {
    Block::new().borders(Borders::RIGHT).inner(area)
}

pub fn render(model: &Model, session: &Session, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    Block::new()
        .borders(Borders::RIGHT)
        .border_style(theme.muted())
        .render(area, buf);
    let area = inner(area);
    let all = model.steps();
    let answers = session.answers();
    let width = usize::from(area.width);
    for (y, row) in rows(model).into_iter().enumerate() {
        if y as u16 >= area.height {
            break;
        }
        let line_area = Rect::new(area.x, area.y + y as u16, area.width, 1);
        let index = match row {
            Row::Heading(heading) => {
                Line::styled(heading, theme.title()).render(line_area, buf);
                continue;
            }
            Row::Blank => continue,
            Row::Step(index) => index,
        };
        let (label, mark, mark_style) = match all[index] {
            Step::Shift(i) => {
                let shift = &model.instruments.gouden_oor.shifts[i];
                let label = format!(" {} {}", shift.number, shift.to);
                match answers.level(&shift.id) {
                    Some(level) => (
                        label,
                        format!("● {}", model.instruments.gouden_oor.level_name(level)),
                        theme.current(),
                    ),
                    None => (label, "·".to_string(), theme.muted()),
                }
            }
            Step::Part(i) => {
                let part = &model.instruments.stv.parts[i];
                let label = format!(" {:<3} {}", part.numeral, part.title);
                let progress = part_progress(part, answers);
                match score_part(part, answers).score {
                    Some(score) if progress.is_complete() => {
                        (label, format!("● {score}"), theme.current())
                    }
                    Some(score) => (label, format!("◐ {score}"), theme.muted()),
                    None => (label, "·".to_string(), theme.muted()),
                }
            }
            Step::Team => (
                " Workshop".to_string(),
                format!("{} pers.", session.assessment.respondents.len()),
                theme.title(),
            ),
            Step::Results => (" Resultaten".to_string(), "▸".to_string(), theme.title()),
        };
        let mark_width = unicode_width::UnicodeWidthStr::width(mark.as_str());
        let label = truncate(&label, width.saturating_sub(mark_width + 1));
        let selected = index == session.step;
        let mut line = spread(
            vec![Span::raw(label)],
            vec![Span::styled(
                mark,
                if selected { Style::new() } else { mark_style },
            )],
            area.width,
        );
        if selected {
            line = line.style(theme.selected());
        }
        line.render(line_area, buf);
    }
}

pub fn hit(model: &Model, area: Rect, at: Position) -> Option<Msg> {
    let area = inner(area);
    let y = usize::from(at.y.checked_sub(area.y)?);
    match rows(model).get(y)? {
        Row::Step(index) => Some(Msg::GoToStep(*index)),
        _ => None,
    }
}
