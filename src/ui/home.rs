//! The home screen: the assessments in the data directory.

use super::Frame;
use super::text::{clean, truncate, wrap};
use crate::app::{HomeEntry, Model, Msg};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

const HEADER_ROWS: u16 = 2;

fn list_area(frame: Frame) -> Rect {
    let [_, list] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(frame.main);
    list
}

/// The instruments' short names that the listed assessments use, in registry order.
fn instrument_columns(model: &Model) -> Vec<String> {
    model
        .instruments
        .iter()
        .map(|i| i.short.clone())
        .filter(|short| {
            model.home.entries.iter().any(|e| {
                e.listing
                    .as_ref()
                    .is_ok_and(|l| l.columns.iter().any(|c| &c.short == short))
            })
        })
        .collect()
}

/// The width each instrument column needs: its name or its widest figure.
fn instrument_widths(model: &Model, shorts: &[String]) -> Vec<u16> {
    shorts
        .iter()
        .map(|short| {
            let widest = model
                .home
                .entries
                .iter()
                .filter_map(|e| e.listing.as_ref().ok())
                .filter_map(|l| l.columns.iter().find(|c| &c.short == short))
                .map(|c| with_arrow(&c.value, &c.trend).width())
                .max()
                .unwrap_or(0);
            widest.max(short.width()).max(3) as u16
        })
        .collect()
}

/// Column widths: title, organisation, changed, progress, then one per instrument
/// (as many as fit, in order; the detail line names them all).
fn columns(width: u16, instruments: &[u16]) -> Vec<u16> {
    let mut shown = instruments.len();
    loop {
        let fixed = 17 + 9 + instruments[..shown].iter().sum::<u16>();
        let flexible = width.saturating_sub(fixed + 4 + shown as u16);
        if flexible >= 30 || shown == 0 {
            // Wide screens keep the columns together rather than stretching them apart.
            let title = (flexible * 3 / 5).min(56);
            let organisation = (flexible - title).min(36);
            let mut widths = vec![title, organisation, 17, 9];
            widths.extend(&instruments[..shown]);
            return widths;
        }
        shown -= 1;
    }
}

/// Pad to a display width (emoji and other wide characters take two columns).
fn pad(text: &str, width: usize, right: bool) -> String {
    let text = truncate(text, width);
    let fill = " ".repeat(width.saturating_sub(text.width()));
    if right {
        format!("{fill}{text} ")
    } else {
        format!("{text}{fill} ")
    }
}

fn row_line(cells: Vec<String>, widths: &[u16], style: Style) -> Line<'static> {
    let spans: Vec<Span> = cells
        .into_iter()
        .zip(widths)
        .enumerate()
        .map(|(i, (cell, width))| Span::raw(pad(&cell, usize::from(*width), i >= 3)))
        .collect();
    Line::from(spans).style(style)
}

pub fn render(model: &Model, frame: Frame, buf: &mut Buffer) {
    let theme = model.theme();
    Line::from(vec![
        Span::styled("goudenoor", theme.title()),
        Span::styled(
            " · zelfevaluatie klacht- en feedbackmanagement",
            theme.muted(),
        ),
    ])
    .render(frame.header, buf);
    let [intro, _] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(frame.main);
    match &model.home.filter {
        Some(filter) => {
            let [label, input] =
                Layout::horizontal([Constraint::Length(8), Constraint::Fill(1)]).areas(intro);
            Line::styled("Zoeken:", theme.title()).render(label, buf);
            super::dialog::render_input(
                filter,
                Rect::new(input.x, input.y, input.width, 1),
                buf,
                theme,
            );
        }
        None => Line::styled(
            format!(
                "Beoordelingen in {} · / zoekt",
                clean(&model.data_dir.display().to_string())
            ),
            theme.muted(),
        )
        .render(intro, buf),
    }

    let area = list_area(frame);
    if model.home.entries.is_empty() {
        render_empty(model, area, buf);
        return;
    }
    let shorts = instrument_columns(model);
    let widths = columns(area.width, &instrument_widths(model, &shorts));
    let mut header = vec![
        "Titel".to_string(),
        "Organisatie".to_string(),
        "Gewijzigd".to_string(),
        "Voortgang".to_string(),
    ];
    header.extend(shorts.iter().take(widths.len() - 4).cloned());
    row_line(header, &widths, theme.title()).render(Rect::new(area.x, area.y, area.width, 1), buf);
    Block::new()
        .borders(Borders::TOP)
        .border_style(theme.muted())
        .render(Rect::new(area.x, area.y + 1, area.width, 1), buf);

    let detail_height = 4;
    let rows_area = Rect::new(
        area.x,
        area.y + HEADER_ROWS,
        area.width,
        area.height.saturating_sub(HEADER_ROWS + detail_height),
    );
    let visible = model.home.visible();
    if visible.is_empty() {
        Line::styled("Niets gevonden; Esc wist het zoekfilter.", theme.muted())
            .render(rows_area, buf);
    }
    let first = first_visible(model, rows_area.height);
    for (row, i) in visible
        .iter()
        .copied()
        .enumerate()
        .skip(first)
        .take(usize::from(rows_area.height))
    {
        let y = rows_area.y + (row - first) as u16;
        let selected = i == model.home.selected;
        let line = entry_line(model, &model.home.entries[i], &shorts, &widths, selected);
        line.render(Rect::new(rows_area.x, y, rows_area.width, 1), buf);
    }

    if let Some(entry) = model.home.entries.get(model.home.selected) {
        let detail = Rect::new(
            area.x,
            rows_area.bottom(),
            area.width,
            area.bottom().saturating_sub(rows_area.bottom()),
        );
        let (text, style) = match &entry.listing {
            Ok(l) => {
                let mut parts = vec![format!("{} ({})", clean(&l.title), clean(&entry.slug))];
                if let Some(series) = &l.series {
                    parts.push(format!("ronde {}", series.round));
                }
                let figures: Vec<String> = l.columns.iter().map(|c| c.describe(true)).collect();
                parts.push(figures.join(", "));
                parts.push(crate::text::count(
                    l.respondents,
                    "respondent",
                    "respondenten",
                ));
                parts.push(format!("{}% beantwoord", l.progress));
                parts.push(format!("bestand {}", entry.path.display()));
                (parts.join(" · "), theme.muted())
            }
            Err(e) => (clean(e), theme.warning()),
        };
        let lines: Vec<Line> = wrap(&text, detail.width)
            .into_iter()
            .map(|l| Line::styled(l, style))
            .collect();
        Paragraph::new(lines).render(detail, buf);
    }
}

fn first_visible(model: &Model, height: u16) -> usize {
    let visible = model.home.visible();
    let position = visible
        .iter()
        .position(|i| *i == model.home.selected)
        .unwrap_or(0);
    (position + 1).saturating_sub(usize::from(height.max(1)))
}

/// "2,4 ↑": a figure with the direction since the previous round.
fn with_arrow(value: &Option<String>, trend: &Option<String>) -> String {
    let value = value.clone().unwrap_or_else(|| "—".into());
    match trend.as_deref().and_then(|t| t.chars().next()) {
        Some(arrow) => format!("{value} {arrow}"),
        None => value,
    }
}

fn entry_line(
    model: &Model,
    entry: &HomeEntry,
    shorts: &[String],
    widths: &[u16],
    selected: bool,
) -> Line<'static> {
    let theme = model.theme();
    let style = if selected {
        theme.selected()
    } else {
        Style::new()
    };
    let marked = if model.home.marked.as_ref() == Some(&entry.path) {
        "◆ "
    } else {
        ""
    };
    match &entry.listing {
        Ok(l) => {
            let mut cells = vec![
                match &l.series {
                    Some(series) if series.round > 1 => {
                        format!("{marked} ↳ {}", clean(&l.title))
                    }
                    _ => format!("{marked}{}", clean(&l.title)),
                },
                clean(&l.organisation),
                l.updated
                    .to_zoned_datetime(model.time_zone.clone())
                    .strftime("%d-%m-%Y %H:%M")
                    .to_string(),
                format!("{}%", l.progress),
            ];
            for short in shorts.iter().take(widths.len() - 4) {
                cells.push(match l.columns.iter().find(|c| &c.short == short) {
                    Some(c) => with_arrow(&c.value, &c.trend),
                    None => String::new(),
                });
            }
            row_line(cells, widths, style)
        }
        Err(_) => {
            let mut cells = vec![
                format!("⚠ {}", clean(&entry.slug)),
                "beschadigd: zie hieronder".into(),
            ];
            cells.resize(widths.len(), String::new());
            row_line(cells, widths, style.patch(theme.warning()))
        }
    }
}

fn render_empty(model: &Model, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let text = [
        ("Nog geen beoordelingen.", theme.title()),
        ("", Style::new()),
        (
            "Met goudenoor bepaalt u hoe volwassen het klacht- en feedbackmanagement van uw organisatie is: u doorloopt de 9 paradigmashifts van de Gouden Oor Maturity Check (aardig, goed, prima, goud) en de 4 onderdelen van het Stv normenkader (score 1–5) — en naar keuze de klachtenprocedure-check, de businesscase en het IKM-model — en ziet waar u staat, waar u heen wilt en wat de volgende stap is.",
            Style::new(),
        ),
        ("", Style::new()),
        (
            "Druk op n om een nieuwe beoordeling te beginnen. Alles wordt meteen opgeslagen; ? toont alle toetsen.",
            theme.key(),
        ),
    ];
    let mut lines = Vec::new();
    for (paragraph, style) in text {
        if paragraph.is_empty() {
            lines.push(Line::raw(""));
        }
        for l in wrap(paragraph, area.width.min(90)) {
            if !paragraph.is_empty() {
                lines.push(Line::styled(l, style));
            }
        }
    }
    Paragraph::new(lines).render(area, buf);
}

pub fn hit(model: &Model, frame: Frame, at: Position) -> Option<Msg> {
    if model.home.dialog.is_some() {
        return None;
    }
    let area = list_area(frame);
    let top = area.y + HEADER_ROWS;
    let height = area.height.saturating_sub(HEADER_ROWS + 4);
    if at.y < top || at.y >= top + height {
        return None;
    }
    let visible = model.home.visible();
    let index = *visible.get(first_visible(model, height) + usize::from(at.y - top))?;
    Some(if index == model.home.selected {
        Msg::Activate
    } else {
        Msg::PickRow(index)
    })
}
