//! A checklist: the organisation's fields as a form, and each section's items answered
//! ja / deels / nee / n.v.t., with the section's share in place.

use super::text::{clean, offset_to_show, render_parts, spread, truncate, wrap};
use crate::app::{EditTarget, Model, Session};
use crate::domain::instrument::{Checklist, FieldKind};
use crate::domain::scoring::checklist::{field_value, section_score};
use crate::domain::{Answer, Check, Instrument};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

fn list_of(inst: &Instrument) -> &Checklist {
    inst.checklist()
        .expect("a checklist page shows a checklist")
}

/// A row block: its lines and whether the cursor is on it.
fn render_rows(
    model: &Model,
    blocks: Vec<Vec<Line<'static>>>,
    cursor: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = model.theme();
    let mut tops = Vec::new();
    let mut y = 0u16;
    for block in &blocks {
        tops.push(y);
        y += block.len() as u16 + 1;
    }
    let height = y.max(1);
    let top = tops.get(cursor).copied().unwrap_or(0);
    let bottom = top + blocks.get(cursor).map_or(1, |b| b.len() as u16);
    let offset = offset_to_show(top, bottom, area.height);
    let width = area.width.saturating_sub(1);
    let parts = blocks
        .into_iter()
        .enumerate()
        .map(|(i, block)| (Rect::new(0, tops[i], width, block.len() as u16), (i, block)));
    render_parts(area, buf, height, offset, parts, |(i, block), rect, buf| {
        let lines: Vec<Line> = if i == cursor {
            block
                .into_iter()
                .map(|l| l.style(theme.selected()))
                .collect()
        } else {
            block
        };
        Paragraph::new(lines).render(rect, buf);
    });
}

pub fn render_fields(
    model: &Model,
    session: &Session,
    inst: &Instrument,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = model.theme();
    let list = list_of(inst);
    let facts = session.assessment.facts.of(&inst.id);
    let width = area.width.saturating_sub(3);
    let mut header = vec![Line::styled(
        format!("{} — gegevens van de organisatie", inst.title),
        theme.title(),
    )];
    header.extend(
        wrap(
            "Deze gegevens vullen de open plekken van de procedure; ze gelden voor de hele organisatie, niet per respondent.",
            area.width,
        )
        .into_iter()
        .map(|l| Line::styled(l, theme.muted())),
    );
    let header_height = header.len() as u16 + 1;
    Paragraph::new(header).render(Rect::new(area.x, area.y, area.width, header_height), buf);
    let body = Rect::new(
        area.x,
        area.y + header_height,
        area.width,
        area.height.saturating_sub(header_height),
    );
    let blocks: Vec<Vec<Line<'static>>> = list
        .fields
        .iter()
        .map(|field| {
            let value = field_value(field, facts, true);
            let mut lines = vec![spread(
                vec![Span::styled(field.label.clone(), theme.title())],
                vec![match &value {
                    Some(_) if facts.get(&field.id).is_none() => {
                        Span::styled("standaard", theme.muted())
                    }
                    Some(_) => Span::styled("✓", theme.good()),
                    None => Span::styled("nog in te vullen", theme.warning()),
                }],
                width,
            )];
            lines.extend(
                wrap(&field.help, width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.muted())),
            );
            if let FieldKind::Choice {
                options,
                multiple,
                other,
                ..
            } = &field.kind
            {
                let chosen: Vec<String> = match facts.get(&field.id) {
                    Some(Answer::Choice { options, .. }) => options.clone(),
                    _ => match &field.kind {
                        FieldKind::Choice {
                            default: Some(d), ..
                        } => vec![d.clone()],
                        _ => Vec::new(),
                    },
                };
                for (n, option) in options.iter().enumerate() {
                    let mark = match (chosen.contains(&option.id), multiple) {
                        (true, true) => "[✓]",
                        (false, true) => "[ ]",
                        (true, false) => "(●)",
                        (false, false) => "( )",
                    };
                    // Continuation lines are indented by eight: wrap to what is left
                    // after them, or their ends fall under the scroll bar.
                    for (i, l) in wrap(
                        &format!("{} {mark} {}: {}", n + 1, option.label, option.text),
                        width.saturating_sub(8),
                    )
                    .into_iter()
                    .enumerate()
                    {
                        lines.push(Line::raw(format!(
                            "{}{l}",
                            if i == 0 { "  " } else { "        " }
                        )));
                    }
                }
                if *other {
                    let own = match facts.get(&field.id) {
                        Some(Answer::Choice { other, .. }) if !other.is_empty() => clean(other),
                        _ => "— (e om te schrijven)".into(),
                    };
                    lines.push(Line::styled(
                        format!(
                            "  eigen tekst: {}",
                            truncate(&own, usize::from(width).saturating_sub(16))
                        ),
                        theme.muted(),
                    ));
                }
            } else {
                let shown = value.unwrap_or_else(|| "—".into());
                for l in wrap(&format!("→ {}", clean(&shown)), width) {
                    lines.push(Line::styled(l, theme.current()));
                }
            }
            lines
        })
        .collect();
    render_rows(model, blocks, session.cursor, body, buf);
    if let Some(editor) = &session.editor
        && let Some(field) = list.fields.iter().find(|f| match &editor.target {
            EditTarget::Number { item, .. }
            | EditTarget::Text { item, .. }
            | EditTarget::Other { item, .. } => item == &f.id,
            _ => false,
        })
    {
        match &field.kind {
            FieldKind::Number { unit, .. } => super::dialog::render_number(
                model,
                &format!(" {} ({unit}) ", field.label),
                &field.help,
                editor,
                area,
                buf,
            ),
            _ => super::dialog::render_text(
                model,
                &format!(" {} ", field.label),
                &field.help,
                editor,
                area,
                buf,
            ),
        }
    }
}

fn check_mark(answer: Check) -> &'static str {
    match answer {
        Check::Ja => "[ja]",
        Check::Deels => "[½] ",
        Check::Nee => "[nee]",
        Check::Nvt => "[n.v.t.]",
        Check::Open => "[ ]",
    }
}

pub fn render_section(
    model: &Model,
    session: &Session,
    inst: &Instrument,
    index: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = model.theme();
    let list = list_of(inst);
    let section = &list.sections[index];
    let answers = session.answers().of(&inst.id);
    let score = section_score(section, answers);
    let width = area.width.saturating_sub(3);
    let status = match score.share {
        Some(share) => format!("{} op orde ({}%)", share.display(), share.percent()),
        None => "nog niet beantwoord".to_string(),
    };
    // The score stays whole; the title gives way.
    let room = usize::from(area.width).saturating_sub(status.width() + 1);
    let mut header = vec![spread(
        vec![Span::styled(
            truncate(&format!("{} · {}", inst.short, section.title), room),
            theme.title(),
        )],
        vec![Span::styled(status, theme.current())],
        area.width,
    )];
    // How the answers count comes first, so a long introduction cannot push it away.
    header.extend(
        wrap(
            "1 ja · 2 deels · 3 nee · 4 n.v.t. (ja telt 1, deels ½, nee 0; n.v.t. telt niet mee)",
            area.width,
        )
        .into_iter()
        .map(|l| Line::styled(l, theme.muted())),
    );
    if index == 0 {
        for paragraph in &inst.intro {
            header.extend(
                wrap(paragraph, area.width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.muted())),
            );
        }
    }
    if let Some(intro) = &section.intro {
        header.extend(
            wrap(intro, area.width)
                .into_iter()
                .map(|l| Line::styled(l, theme.muted())),
        );
    }
    let header_height = (header.len() as u16 + 1).min(area.height / 2);
    let room = usize::from(header_height.saturating_sub(1));
    if header.len() > room && room > 0 {
        // Say that the introduction goes on rather than cutting it silently.
        header.truncate(room);
        let last = header.last_mut().expect("room > 0");
        let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
        let cut = truncate(&text, usize::from(area.width).saturating_sub(2));
        let marked = if cut.ends_with('…') {
            cut
        } else {
            format!("{cut} …")
        };
        *last = Line::styled(marked, theme.muted());
    }
    Paragraph::new(header).render(Rect::new(area.x, area.y, area.width, header_height), buf);
    let body = Rect::new(
        area.x,
        area.y + header_height,
        area.width,
        area.height.saturating_sub(header_height),
    );
    let mut previous_group: Option<&String> = None;
    let blocks: Vec<Vec<Line<'static>>> = section
        .items
        .iter()
        .map(|item| {
            let mut lines = Vec::new();
            if item.group.as_ref() != previous_group {
                if let Some(group) = &item.group {
                    lines.extend(
                        wrap(group, width)
                            .into_iter()
                            .map(|l| Line::styled(l, theme.title())),
                    );
                }
                previous_group = item.group.as_ref();
            }
            let answer = answers.check(&item.id);
            let mark = check_mark(answer);
            let style = match answer {
                Check::Ja => theme.good(),
                Check::Nee => theme.bad(),
                Check::Deels => theme.warning(),
                _ => theme.muted(),
            };
            let text_width = width.saturating_sub(mark.chars().count() as u16 + 1);
            for (i, l) in wrap(&format!("{} — {}", item.label, item.text), text_width)
                .into_iter()
                .enumerate()
            {
                lines.push(Line::from(vec![
                    Span::styled(
                        if i == 0 {
                            format!("{mark} ")
                        } else {
                            " ".repeat(mark.chars().count() + 1)
                        },
                        style,
                    ),
                    Span::raw(l),
                ]));
            }
            if let Some(detail) = &item.detail {
                lines.extend(wrap(detail, text_width).into_iter().map(|l| {
                    Line::styled(
                        format!("{}{l}", " ".repeat(mark.chars().count() + 1)),
                        theme.muted(),
                    )
                }));
            }
            let note = answers.note(&item.id);
            let editing = session.editor.as_ref().is_some_and(
                |e| matches!(&e.target, EditTarget::Note { item: i, .. } if i == &item.id),
            );
            if !note.is_empty() && !editing {
                lines.extend(
                    wrap(&format!("Notitie: {}", clean(note)), text_width)
                        .into_iter()
                        .map(|l| {
                            Line::styled(
                                format!("{}{l}", " ".repeat(mark.chars().count() + 1)),
                                theme.muted(),
                            )
                        }),
                );
            }
            lines
        })
        .collect();
    render_rows(model, blocks, session.cursor, body, buf);
    if let Some(editor) = &session.editor
        && let EditTarget::Note { item, .. } = &editor.target
        && let Some(check_item) = section.items.iter().find(|i| &i.id == item)
    {
        super::dialog::render_text(
            model,
            &format!(" Notitie bij {} ", check_item.label),
            &check_item.text,
            editor,
            area,
            buf,
        );
    }
}
