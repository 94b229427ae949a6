//! A paradigm shift: its four statements as cards, the current level, the ambition, a note.

use super::text::{offset_to_show, render_scrolled, spread, wrap};
use crate::app::{EditTarget, Model, Msg, Session};
use crate::domain::{Level, Shift};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

struct Areas {
    title: Rect,
    hint: Rect,
    cards: Rect,
    note: Rect,
}

fn areas(session: &Session, area: Rect) -> Areas {
    let editing = matches!(
        session.editor.as_ref().map(|e| &e.target),
        Some(EditTarget::ShiftNote(_))
    );
    let note_height = if editing { (area.height / 3).max(6) } else { 4 };
    let [title, hint, cards, note] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(note_height),
    ])
    .areas(area);
    Areas {
        title,
        hint,
        cards,
        note,
    }
}

/// The cards' rectangles in content coordinates (x from 0, y from the top of the content).
fn card_rects(shift: &Shift, width: u16) -> Vec<Rect> {
    let mut y = 0;
    shift
        .statements
        .iter()
        .map(|statement| {
            let height = wrap(statement, width.saturating_sub(4)).len() as u16 + 2;
            let rect = Rect::new(0, y, width.saturating_sub(1), height);
            y += height;
            rect
        })
        .collect()
}

fn scroll_offset(cards: &[Rect], cursor: usize, height: u16) -> u16 {
    cards
        .get(cursor)
        .map_or(0, |c| offset_to_show(c.y, c.bottom(), height))
}

pub fn render(model: &Model, session: &Session, index: usize, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let check = &model.instruments.gouden_oor;
    let shift = &check.shifts[index];
    let answer = session.answers().shift(&shift.id);
    let areas = areas(session, area);

    let named = |level: Option<Level>, style| match level {
        Some(l) => Span::styled(check.level_name(l).to_string(), style),
        None => Span::styled("—", theme.muted()),
    };
    let status = vec![
        Span::raw("Huidig: "),
        named(answer.level, theme.current()),
        Span::raw("  Doel: "),
        named(answer.ambition, theme.ambition()),
    ];
    spread(
        vec![Span::styled(
            format!("{}  {} → {}", shift.number, shift.from, shift.to),
            theme.title(),
        )],
        status,
        areas.title.width,
    )
    .render(areas.title, buf);
    Line::styled(
        "Kies het niveau dat nu past: 1–4, of ↑↓ en Enter",
        theme.muted(),
    )
    .render(areas.hint, buf);

    let cards = card_rects(shift, areas.cards.width);
    let content_height = cards.last().map_or(1, |c| c.bottom());
    let offset = scroll_offset(&cards, session.card, areas.cards.height);
    render_scrolled(areas.cards, buf, content_height, offset, |_, buf| {
        for (i, (rect, statement)) in cards.iter().zip(&shift.statements).enumerate() {
            let level = Level::new(i as u8 + 1);
            let is_current = answer.level == level;
            let is_ambition = answer.ambition == level;
            let mut title = vec![Span::raw(format!(" {} {} ", i + 1, check.levels[i]))];
            if is_current {
                title.push(Span::styled("● huidig ", theme.current()));
            }
            if is_ambition {
                title.push(Span::styled("◆ doel ", theme.ambition()));
            }
            let border = if i == session.card {
                theme.cursor_border()
            } else if is_current {
                theme.current()
            } else {
                theme.muted()
            };
            let block = Block::bordered()
                .border_type(if i == session.card {
                    BorderType::Thick
                } else {
                    BorderType::Rounded
                })
                .border_style(border)
                .title(Line::from(title));
            let inner = block.inner(*rect);
            block.render(*rect, buf);
            let lines: Vec<Line> = wrap(statement, rect.width.saturating_sub(4))
                .into_iter()
                .map(Line::raw)
                .collect();
            Paragraph::new(lines).render(
                Rect::new(
                    inner.x + 1,
                    inner.y,
                    inner.width.saturating_sub(2),
                    inner.height,
                ),
                buf,
            );
        }
    });

    render_note(model, session, &shift.id, &answer.note, areas.note, buf);
}

fn render_note(
    model: &Model,
    session: &Session,
    id: &str,
    note: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = model.theme();
    let editing = session
        .editor
        .as_ref()
        .filter(|e| e.target == EditTarget::ShiftNote(id.to_string()));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(if editing.is_some() {
            theme.cursor_border()
        } else {
            theme.muted()
        })
        .title(" Notitie (e) ");
    let inner = block.inner(area);
    block.render(area, buf);
    match editing {
        Some(editor) => super::dialog::render_input(&editor.input, inner, buf, theme),
        None if note.is_empty() => {
            Line::styled(
                "Voorbeelden, bewijs, afspraken… (e om te schrijven)",
                theme.muted(),
            )
            .render(inner, buf);
        }
        None => {
            let lines: Vec<Line> = wrap(&super::text::clean(note), inner.width)
                .into_iter()
                .map(Line::raw)
                .collect();
            Paragraph::new(Text::from(lines)).render(inner, buf);
        }
    }
}

pub fn hit(
    model: &Model,
    session: &Session,
    index: usize,
    area: Rect,
    at: Position,
) -> Option<Msg> {
    let shift = &model.instruments.gouden_oor.shifts[index];
    let areas = areas(session, area);
    if areas.note.contains(at) {
        return Some(Msg::EditNote);
    }
    if !areas.cards.contains(at) {
        return None;
    }
    let cards = card_rects(shift, areas.cards.width);
    let offset = scroll_offset(&cards, session.card, areas.cards.height);
    let y = at.y - areas.cards.y + offset;
    cards
        .iter()
        .position(|c| (c.y..c.bottom()).contains(&y))
        .map(Msg::PickCard)
}
