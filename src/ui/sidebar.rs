//! The side panel: every step of the walk-through under its instrument, each with a
//! progress mark.

use super::text::{spread, truncate};
use crate::app::{Model, Msg, Page, Session, Step, instrument};
use crate::domain::Check;
use crate::domain::scoring::checklist::{field_value, section_score};
use crate::domain::scoring::norm::score_part;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// A row of the side panel.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Row {
    Heading(String),
    Blank,
    Step(usize),
}

fn rows(model: &Model, session: &Session) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut current: Option<usize> = None;
    for (index, step) in model.steps().into_iter().enumerate() {
        match step {
            Step::Page(i, _) if current != Some(i) => {
                if current.is_some() {
                    rows.push(Row::Blank);
                }
                current = Some(i);
                rows.push(Row::Heading(
                    instrument(model.instruments, &session.included, i).short.clone(),
                ));
            }
            Step::Team | Step::Actions if current.is_some() => {
                rows.push(Row::Blank);
                current = None;
            }
            _ => {}
        }
        rows.push(Row::Step(index));
    }
    rows
}

fn inner(area: Rect) -> Rect {
    Block::new().borders(Borders::RIGHT).inner(area)
}

/// The label and mark of a step.
fn describe(model: &Model, session: &Session, step: Step) -> (String, String, Style) {
    let theme = model.theme();
    match step {
        Step::Page(i, page) => {
            let inst = instrument(model.instruments, &session.included, i);
            let answers = session.answers().of(&inst.id);
            match page {
                Page::GridItem(n) => {
                    let grid = inst.grid().expect("a grid");
                    let item = &grid.items[n];
                    let label = format!(" {}", item.name());
                    match answers.level(&item.id) {
                        Some(level) => (label, format!("● {}", grid.level_name(level)), theme.current()),
                        None => (label, "·".into(), theme.muted()),
                    }
                }
                Page::NormPart(p) => {
                    let norm = inst.norm().expect("a norm");
                    let part = &norm.parts[p];
                    let label = format!(" {:<3} {}", part.numeral, part.title);
                    let score = score_part(part, norm.scale.min, answers);
                    match score.score {
                        Some(s) if score.progress.is_complete() && !score.provisional => {
                            (label, format!("● {s}"), theme.current())
                        }
                        Some(s) => (label, format!("◐ {s}"), theme.muted()),
                        None => (label, "·".into(), theme.muted()),
                    }
                }
                Page::Fields => {
                    let list = inst.checklist().expect("a checklist");
                    let facts = session.assessment.facts.of(&inst.id);
                    let filled = list.fields.iter().filter(|f| field_value(f, facts, false).is_some()).count();
                    (" Gegevens".into(), format!("{filled}/{}", list.fields.len()), theme.muted())
                }
                Page::Section(s) => {
                    let section = &inst.checklist().expect("a checklist").sections[s];
                    let score = section_score(section, answers);
                    let open = section.items.iter().any(|i| answers.check(&i.id) == Check::Open);
                    let mark = score.share.map_or("·".into(), |x| format!("{}%", x.percent()));
                    (
                        format!(" {}", section.title),
                        if open && score.share.is_some() { format!("◐ {mark}") } else { mark },
                        if open { theme.muted() } else { theme.current() },
                    )
                }
                Page::Calculator => (" Rekenmodel".into(), "▸".into(), theme.muted()),
                Page::Measurements => (" Ambities".into(), "▸".into(), theme.muted()),
                Page::Model => (" Model".into(), "▸".into(), theme.muted()),
            }
        }
        Step::Team => (
            " Workshop".into(),
            format!("{} pers.", session.assessment.respondents.len()),
            theme.title(),
        ),
        Step::Actions => (
            " Actieplan".into(),
            session.assessment.actions.len().to_string(),
            theme.title(),
        ),
        Step::Results => (" Resultaten".into(), "▸".into(), theme.title()),
    }
}

pub fn render(model: &Model, session: &Session, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    Block::new()
        .borders(Borders::RIGHT)
        .border_style(theme.muted())
        .render(area, buf);
    let area = inner(area);
    let all = model.steps();
    let width = usize::from(area.width);
    let rows = rows(model, session);
    // Keep the current step in view when the panel is shorter than the list.
    let current_row = rows
        .iter()
        .position(|r| *r == Row::Step(session.step))
        .unwrap_or(0);
    let first = (current_row + 2).saturating_sub(usize::from(area.height));
    for (y, row) in rows.into_iter().skip(first).enumerate() {
        if y as u16 >= area.height {
            break;
        }
        let line_area = Rect::new(area.x, area.y + y as u16, area.width, 1);
        let index = match row {
            Row::Heading(heading) => {
                Line::styled(truncate(&heading, width), theme.title()).render(line_area, buf);
                continue;
            }
            Row::Blank => continue,
            Row::Step(index) => index,
        };
        let (label, mark, mark_style) = describe(model, session, all[index]);
        let mark_width = unicode_width::UnicodeWidthStr::width(mark.as_str());
        let label = truncate(&label, width.saturating_sub(mark_width + 1));
        let selected = index == session.step;
        let mut line = spread(
            vec![Span::raw(label)],
            vec![Span::styled(mark, if selected { Style::new() } else { mark_style })],
            area.width,
        );
        if selected {
            line = line.style(theme.selected());
        }
        line.render(line_area, buf);
    }
}

pub fn hit(model: &Model, area: Rect, at: Position) -> Option<Msg> {
    let session = model.session.as_ref()?;
    let area = inner(area);
    let rows = rows(model, session);
    let current_row = rows
        .iter()
        .position(|r| *r == Row::Step(session.step))
        .unwrap_or(0);
    let first = (current_row + 2).saturating_sub(usize::from(area.height));
    let y = usize::from(at.y.checked_sub(area.y)?) + first;
    match rows.get(y)? {
        Row::Step(index) => Some(Msg::GoToStep(*index)),
        _ => None,
    }
}
