//! A grid item (a paradigm shift): its statements as cards, the current level, the
//! ambition, a note.

use super::text::{offset_to_show, render_scrolled, spread, wrap};
use crate::app::{EditTarget, Model, Msg, Session};
use crate::domain::instrument::{Grid, GridItem};
use crate::domain::{Instrument, Level};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

struct Areas {
    title: Rect,
    hint: Rect,
    cards: Rect,
    note: Rect,
}

fn areas(session: &Session, area: Rect) -> Areas {
    let editing = matches!(
        session.editor.as_ref().map(|e| &e.target),
        Some(EditTarget::Note { .. })
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

/// The width a card's statement wraps at, in a card of `card_width` columns: the
/// border and one column of padding on each side.
fn statement_width(card_width: u16) -> u16 {
    card_width.saturating_sub(4)
}

/// The cards' rectangles in content coordinates (x from 0, y from the top of the content).
fn card_rects(item: &GridItem, width: u16) -> Vec<Rect> {
    let mut y = 0;
    // One column for the scrollbar.
    let card_width = width.saturating_sub(1);
    item.statements
        .iter()
        .map(|statement| {
            let height = wrap(statement, statement_width(card_width)).len() as u16 + 2;
            let rect = Rect::new(0, y, card_width, height);
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

fn grid_of(inst: &Instrument) -> &Grid {
    inst.grid().expect("a grid page shows a grid")
}

pub fn render(
    model: &Model,
    session: &Session,
    inst: &Instrument,
    index: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = model.theme();
    let check = grid_of(inst);
    let shift = &check.items[index];
    let answers = session.answers().of(&inst.id);
    let level = answers.level(&shift.id);
    let ambition = answers.ambition(&shift.id);
    let note = answers.note(&shift.id).to_string();
    let areas = areas(session, area);

    let named = |level: Option<Level>, style| match level {
        Some(l) => Span::styled(check.level_name(l).to_string(), style),
        None => Span::styled("—", theme.muted()),
    };
    let status = vec![
        Span::raw("Huidig: "),
        named(level, theme.current()),
        Span::raw("  Doel: "),
        named(ambition, theme.ambition()),
    ];
    let title = format!("{}  {} → {}", shift.number, shift.from, shift.to);
    let status_width: usize = status.iter().map(|s| s.width()).sum();
    // Where both do not fit, the paradigm keeps its name and the status its words.
    let title = super::text::truncate(
        &title,
        usize::from(areas.title.width).saturating_sub(status_width + 1),
    );
    spread(
        vec![Span::styled(title, theme.title())],
        status,
        areas.title.width,
    )
    .render(areas.title, buf);
    let below = ambition.zip(level).is_some_and(|(a, l)| a < l);
    // In a next round, what the previous round said, quietly at the end of the hint.
    let previous = session
        .previous
        .as_ref()
        .filter(|_| !below)
        .and_then(|p| p.of(&inst.id).level(&shift.id))
        .map(|level| format!(" vorige ronde: {}", check.level_name(level)));
    let previous_width = previous.as_deref().map_or(0, UnicodeWidthStr::width);
    let room = usize::from(areas.hint.width).saturating_sub(previous_width);
    let (hint, style) = if below {
        (
            "Let op: het doel ligt lager dan het huidige niveau.".to_string(),
            theme.warning(),
        )
    } else {
        let n = check.levels.len();
        // The longest wording that fits beside the previous round, never a cut ("d z…").
        let hint = [
            format!("Kies het niveau dat nu past: 1–{n}, of ↑↓ en Enter; d zet het doel"),
            format!("Niveau: 1–{n} of ↑↓ en Enter; d zet het doel"),
            format!("Niveau 1–{n} · d doel"),
        ]
        .into_iter()
        .find(|h| h.width() <= room)
        .unwrap_or_default();
        (hint, theme.muted())
    };
    Line::styled(hint, style).render(areas.hint, buf);
    if let Some(text) = previous
        && usize::from(areas.hint.width) > previous_width
    {
        let width = previous_width as u16;
        Line::styled(text, theme.muted()).render(
            Rect::new(areas.hint.right() - width, areas.hint.y, width, 1),
            buf,
        );
    }

    let cards = card_rects(shift, areas.cards.width);
    let content_height = cards.last().map_or(1, |c| c.bottom());
    let offset = scroll_offset(&cards, session.cursor, areas.cards.height);
    render_scrolled(areas.cards, buf, content_height, offset, |_, buf| {
        for (i, (rect, statement)) in cards.iter().zip(&shift.statements).enumerate() {
            let this = Level::new(i as u8 + 1);
            let is_current = level == this;
            let is_ambition = ambition == this;
            let mut title = vec![Span::raw(format!(" {} {} ", i + 1, check.levels[i]))];
            if is_current {
                title.push(Span::styled("● huidig ", theme.current()));
            }
            if is_ambition {
                title.push(Span::styled("◆ doel ", theme.ambition()));
            }
            let border = if i == session.cursor {
                theme.cursor_border()
            } else if is_current {
                theme.current()
            } else {
                theme.muted()
            };
            let block = Block::bordered()
                .border_type(if i == session.cursor {
                    BorderType::Thick
                } else {
                    BorderType::Rounded
                })
                .border_style(border)
                .title(Line::from(title));
            let inner = block.inner(*rect);
            block.render(*rect, buf);
            let lines: Vec<Line> = wrap(statement, statement_width(rect.width))
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

    render_note(model, session, &shift.id, &note, areas.note, buf);
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
        .filter(|e| matches!(&e.target, EditTarget::Note { item, .. } if item == id));
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
            let mut lines: Vec<Line> = wrap(&super::text::clean(note), inner.width)
                .into_iter()
                .map(Line::raw)
                .collect();
            let room = usize::from(inner.height);
            if lines.len() > room && room > 0 {
                // Say that there is more rather than cutting silently.
                lines.truncate(room);
                let last = lines.last_mut().expect("room > 0");
                let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
                const MORE: &str = " … meer (e)";
                let keep = usize::from(inner.width).saturating_sub(MORE.width());
                let mut used = 0;
                let kept: String = text
                    .chars()
                    .take_while(|c| {
                        used += c.width().unwrap_or(0);
                        used <= keep
                    })
                    .collect();
                *last = Line::from(vec![
                    Span::raw(kept.trim_end().to_string()),
                    Span::styled(MORE, theme.muted()),
                ]);
            }
            Paragraph::new(Text::from(lines)).render(inner, buf);
        }
    }
}

pub fn hit(
    _model: &Model,
    session: &Session,
    inst: &Instrument,
    index: usize,
    area: Rect,
    at: Position,
) -> Option<Msg> {
    let shift = &grid_of(inst).items[index];
    let areas = areas(session, area);
    if areas.note.contains(at) {
        return Some(Msg::EditNote);
    }
    if !areas.cards.contains(at) {
        return None;
    }
    let cards = card_rects(shift, areas.cards.width);
    let offset = scroll_offset(&cards, session.cursor, areas.cards.height);
    let y = at.y - areas.cards.y + offset;
    cards
        .iter()
        .position(|c| (c.y..c.bottom()).contains(&y))
        .map(Msg::PickCard)
}
