//! A part of a norm framework: the live score and why, the introduction, the criteria,
//! the measurements.

use super::text::{clean, offset_to_show, render_parts, spread, wrap};
use crate::app::{EditTarget, Model, Msg, Session};
use crate::domain::instrument::{Criterion, Norm, Part};
use crate::domain::scoring::norm::{PartScore, score_part};
use crate::domain::{Instrument, Status};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

/// Lines of the fixed score panel at the top.
fn score_lines(
    model: &Model,
    session: &Session,
    inst: &Instrument,
    part: &Part,
    score: &PartScore,
    width: u16,
) -> Vec<Line<'static>> {
    let theme = model.theme();
    let answers = session.answers().of(&inst.id);
    let right = match score.score {
        Some(s) if score.provisional => vec![
            Span::styled(format!("Score {s}"), theme.current()),
            Span::styled(" (voorlopig)", theme.muted()),
        ],
        Some(s) => vec![Span::styled(format!("Score {s}"), theme.current())],
        None => vec![Span::styled("Nog niet beoordeeld", theme.muted())],
    };
    let mut lines = vec![spread(
        vec![Span::styled(
            format!("{}  {}", part.numeral, part.title),
            theme.title(),
        )],
        right,
        width,
    )];
    let open = score.progress.total - score.progress.done;
    let explanation = if score.provisional {
        match open {
            // Provisional with every criterion answered: a measurement is missing.
            0 => format!(
                "{}. Voorlopig tot de meting is ingevuld.",
                score.explanation
            ),
            1 => format!(
                "{}. Nog 1 criterium open, dat de score kan veranderen.",
                score.explanation
            ),
            _ => format!(
                "{}. Nog {open} open, die de score kunnen veranderen.",
                score.explanation
            ),
        }
    } else if score.score.is_some() {
        score.explanation.clone()
    } else {
        "Vink per criterium aan of het voldaan is; de score verschijnt meteen.".to_string()
    };
    lines.extend(
        wrap(&explanation, width)
            .into_iter()
            .map(|l| Line::styled(l, Style::new())),
    );
    for warning in score.warnings() {
        lines.extend(
            wrap(&format!("⚠ {warning}"), width)
                .into_iter()
                .map(|l| Line::styled(l, theme.warning())),
        );
    }
    for criterion in &part.criteria {
        let Some(m) = &criterion.measurement else {
            continue;
        };
        let line = match answers.number(&m.id) {
            Some(v) if m.threshold.is_met(v) => Line::from(vec![
                Span::raw(format!("{} ({}): {} ", m.name, criterion.id, m.display(v))),
                Span::styled(format!("✓ {}", m.threshold_text()), theme.good()),
                Span::styled(" · p wijzigt", theme.muted()),
            ]),
            Some(v) => Line::from(vec![
                Span::raw(format!("{} ({}): {} ", m.name, criterion.id, m.display(v))),
                Span::styled(format!("✗ {} nodig", m.threshold_text()), theme.bad()),
                Span::styled(" · p wijzigt", theme.muted()),
            ]),
            None => Line::styled(
                format!(
                    "{} ({}): nog niet gemeten · p vult in",
                    m.name, criterion.id
                ),
                theme.muted(),
            ),
        };
        lines.extend(wrap_line(line, width));
    }
    lines
}

/// A styled line wrapped to `width`, keeping the style of its first span per row.
fn wrap_line(line: Line<'static>, width: u16) -> Vec<Line<'static>> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    if unicode_width::UnicodeWidthStr::width(text.as_str()) <= usize::from(width) {
        return vec![line];
    }
    let style = line.spans.first().map(|s| s.style).unwrap_or_default();
    wrap(&text, width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// One item of the scrolling content.
struct Item {
    /// 0 for the introduction, 1.. for the criteria.
    row: usize,
    /// Where it sits in the content (x from 0).
    rect: Rect,
    /// Heading lines before the card (part IV's groups).
    heading: u16,
}

fn intro_lines(
    model: &Model,
    session: &Session,
    inst: &Instrument,
    part: &Part,
    width: u16,
) -> Vec<Line<'static>> {
    let theme = model.theme();
    let cursor = session.cursor == 0;
    let marker = if session.intro_open { "▾" } else { "▸" };
    let style = if cursor {
        theme.selected()
    } else {
        theme.title()
    };
    let mut lines = vec![Line::styled(
        format!(
            "{marker} Gedachtegang{}",
            if session.intro_open {
                ""
            } else {
                " en de regel (Enter of i)"
            }
        ),
        style,
    )];
    if !session.intro_open {
        return lines;
    }
    let framework = norm_of(inst);
    // The framework's own introduction opens its first part.
    if framework
        .parts
        .first()
        .is_some_and(|first| first.id == part.id)
    {
        lines.push(Line::styled(
            format!("Inleiding — {}", inst.publisher),
            theme.muted(),
        ));
        for paragraph in &inst.intro {
            lines.extend(
                wrap(paragraph, width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.muted())),
            );
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(
            format!("{} {}", part.numeral, part.title),
            theme.title(),
        ));
    }
    lines.extend(wrap(&part.intro, width).into_iter().map(Line::raw));
    if let Some(level_one) = &part.level_one {
        lines.push(Line::raw(""));
        lines.extend(
            wrap(&format!("Score 1 — {level_one}"), width)
                .into_iter()
                .map(|l| Line::styled(l, theme.muted())),
        );
    }
    lines.push(Line::raw(""));
    lines.extend(
        wrap(&format!("Zo telt het: {}", part.rule_text()), width)
            .into_iter()
            .map(|l| Line::styled(l, theme.muted())),
    );
    lines
}

fn norm_of(inst: &Instrument) -> &Norm {
    inst.norm().expect("a norm page shows a norm framework")
}

fn is_editing_note(session: &Session, id: &str) -> bool {
    session
        .editor
        .as_ref()
        .is_some_and(|e| matches!(&e.target, EditTarget::Note { item, .. } if item == id))
}

fn card_body(
    session: &Session,
    inst: &Instrument,
    criterion: &crate::domain::instrument::Criterion,
    width: u16,
) -> (Vec<String>, Vec<String>, u16) {
    let text = wrap(&criterion.text, width);
    let note = session.answers().of(&inst.id).note(&criterion.id);
    let note_lines = if note.is_empty() {
        vec![]
    } else {
        wrap(&format!("Dat blijkt uit: {}", clean(note)), width)
    };
    let editor_height = if is_editing_note(session, &criterion.id) {
        // Tall enough to show the line with the cursor and some context.
        7
    } else {
        0
    };
    (text, note_lines, editor_height)
}

fn items(
    model: &Model,
    session: &Session,
    inst: &Instrument,
    part: &Part,
    width: u16,
) -> Vec<Item> {
    let inner_width = width.saturating_sub(5);
    let mut y = intro_lines(model, session, inst, part, width.saturating_sub(2)).len() as u16 + 1;
    let mut items = vec![Item {
        row: 0,
        rect: Rect::new(0, 0, width.saturating_sub(1), y - 1),
        heading: 0,
    }];
    for (i, criterion) in part.criteria.iter().enumerate() {
        let heading = criterion
            .heading
            .as_ref()
            .map_or(0, |h| wrap(h, width.saturating_sub(1)).len() as u16);
        let (text, note, editor) = card_body(session, inst, criterion, inner_width);
        let mut height = text.len() as u16 + 2 + editor;
        if !note.is_empty() && editor == 0 {
            height += note.len() as u16 + 1;
        }
        items.push(Item {
            row: i + 1,
            rect: Rect::new(0, y + heading, width.saturating_sub(1), height),
            heading,
        });
        y += heading + height;
    }
    items
}

/// What every criterion card of a part needs to draw itself.
struct Card<'a> {
    model: &'a Model,
    session: &'a Session,
    inst: &'a Instrument,
    not_counted: &'a [&'a str],
}

impl Card<'_> {
    /// The card of `criterion` (row `row` of the page) with its `heading` rows above it,
    /// filling `area`.
    fn render(
        &self,
        row: usize,
        criterion: &Criterion,
        heading: u16,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let (model, session, inst) = (self.model, self.session, self.inst);
        let not_counted = self.not_counted;
        let theme = model.theme();
        let answers = session.answers().of(&inst.id);
        let item_rect = Rect::new(area.x, area.y + heading, area.width, area.height - heading);
        if let Some(heading_text) = &criterion.heading {
            Paragraph::new(
                wrap(heading_text, area.width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.title()))
                    .collect::<Vec<_>>(),
            )
            .render(Rect::new(area.x, area.y, area.width, heading), buf);
        }
        let status = answers.status(&criterion.id);
        let cursor = session.cursor == row;
        let mut title = vec![
            Span::styled(
                format!(" {} ", status_mark(status)),
                match status {
                    Status::Met => theme.good(),
                    Status::NotMet => theme.bad(),
                    Status::Open => theme.muted(),
                },
            ),
            Span::styled(
                format!("{} · {} ", criterion.id, criterion.label),
                theme.title(),
            ),
        ];
        if not_counted.contains(&criterion.id.as_str()) {
            title.push(Span::styled("telt niet mee ", theme.warning()));
        }
        if let Some(previous) = &session.previous {
            let earlier = previous.of(&inst.id).status(&criterion.id);
            if earlier != Status::Open {
                title.push(Span::styled(
                    format!("vorige ronde: {} ", earlier.label()),
                    theme.muted(),
                ));
            }
        }
        let block = Block::bordered()
            .border_type(if cursor {
                BorderType::Thick
            } else {
                BorderType::Rounded
            })
            .border_style(if cursor {
                theme.cursor_border()
            } else {
                theme.muted()
            })
            .title(Line::from(title))
            .title(Line::styled(format!(" {} ", status.label()), theme.muted()).right_aligned());
        let inner = block.inner(item_rect);
        block.render(item_rect, buf);
        let text_area = Rect::new(
            inner.x + 1,
            inner.y,
            inner.width.saturating_sub(2),
            inner.height,
        );
        let (text, note, editor_height) = card_body(session, inst, criterion, text_area.width);
        let mut lines: Vec<Line> = text.into_iter().map(Line::raw).collect();
        let text_height = lines.len() as u16;
        if editor_height > 0 {
            let editor = session.editor.as_ref().expect("editing");
            let editor_area = Rect::new(
                text_area.x,
                text_area.y + text_height,
                text_area.width,
                editor_height,
            );
            Paragraph::new(lines).render(text_area, buf);
            let block = Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(theme.cursor_border())
                .title(" Dat blijkt uit … (Esc: klaar) ");
            let input_area = block.inner(editor_area);
            block.render(editor_area, buf);
            super::dialog::render_input(&editor.input, input_area, buf, theme);
            return;
        }
        if !note.is_empty() {
            lines.push(Line::raw(""));
            lines.extend(note.into_iter().map(|l| Line::styled(l, theme.muted())));
        }
        Paragraph::new(lines).render(text_area, buf);
    }
}

fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Met => "[✓]",
        Status::NotMet => "[✗]",
        Status::Open => "[ ]",
    }
}

struct Areas {
    score: Rect,
    content: Rect,
}

fn areas(
    model: &Model,
    session: &Session,
    inst: &Instrument,
    part: &Part,
    score: &PartScore,
    area: Rect,
) -> Areas {
    let height = (score_lines(model, session, inst, part, score, area.width).len() as u16 + 1)
        .min(area.height / 2);
    Areas {
        score: Rect::new(area.x, area.y, area.width, height),
        content: Rect::new(area.x, area.y + height, area.width, area.height - height),
    }
}

fn offset(items: &[Item], session: &Session, height: u16) -> u16 {
    items.get(session.cursor).map_or(0, |item| {
        let editing = item.row > 0
            && matches!(
                session.editor.as_ref().map(|e| &e.target),
                Some(EditTarget::Note { .. })
            );
        if editing {
            // The note editor sits at the bottom of the card: keep it, and so the line
            // with the cursor, in view even when the card is taller than the window.
            item.rect.bottom().saturating_sub(height)
        } else {
            offset_to_show(item.rect.y - item.heading, item.rect.bottom(), height)
        }
    })
}

pub fn render(
    model: &Model,
    session: &Session,
    inst: &Instrument,
    index: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let norm = norm_of(inst);
    let part = &norm.parts[index];
    let answers = session.answers().of(&inst.id);
    let score = score_part(part, norm.scale.min, answers);
    let areas = areas(model, session, inst, part, &score, area);
    Paragraph::new(score_lines(model, session, inst, part, &score, area.width))
        .render(areas.score, buf);

    let items = items(model, session, inst, part, areas.content.width);
    let content_height = items.last().map_or(1, |i| i.rect.bottom());
    let offset = offset(&items, session, areas.content.height);
    let not_counted: Vec<&str> = score.not_counted.iter().map(|n| n.criterion()).collect();
    let card = Card {
        model,
        session,
        inst,
        not_counted: &not_counted,
    };
    // Each part of the page is the card with the heading above it (part IV's groups).
    let parts = items.iter().map(|item| {
        let top = item.rect.y - item.heading;
        let rect = Rect::new(
            item.rect.x,
            top,
            item.rect.width,
            item.rect.height + item.heading,
        );
        (rect, item)
    });
    render_parts(
        areas.content,
        buf,
        content_height,
        offset,
        parts,
        |item, rect, buf| match item.row {
            0 => Paragraph::new(intro_lines(
                model,
                session,
                inst,
                part,
                areas.content.width.saturating_sub(2),
            ))
            .render(rect, buf),
            row => card.render(row, &part.criteria[row - 1], item.heading, rect, buf),
        },
    );

    if let Some(editor) = &session.editor
        && let EditTarget::Number { item, .. } = &editor.target
        && let Some((_, m)) = norm.measurements().find(|(_, m)| &m.id == item)
    {
        super::dialog::render_number(
            model,
            &format!(" {} ({}) ", m.name, m.unit),
            &m.question,
            editor,
            area,
            buf,
        );
    }
}

pub fn hit(
    model: &Model,
    session: &Session,
    inst: &Instrument,
    index: usize,
    area: Rect,
    at: Position,
) -> Option<Msg> {
    let norm = norm_of(inst);
    let part = &norm.parts[index];
    let score = score_part(part, norm.scale.min, session.answers().of(&inst.id));
    let areas = areas(model, session, inst, part, &score, area);
    if !areas.content.contains(at) {
        return None;
    }
    let items = items(model, session, inst, part, areas.content.width);
    let offset = offset(&items, session, areas.content.height);
    let y = at.y - areas.content.y + offset;
    items
        .iter()
        .find(|i| (i.rect.y..i.rect.bottom()).contains(&y))
        .map(|i| Msg::PickRow(i.row))
}
