//! The home screen: the assessments in the data directory.

use super::Frame;
use super::text::{clean, truncate, wrap};
use crate::app::{HomeEntry, Model, Msg};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

const HEADER_ROWS: u16 = 2;

fn list_area(frame: Frame) -> Rect {
    let [_, list] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(frame.main);
    list
}

/// Column widths: title, organisation, changed, progress, Gouden Oor, Stv.
fn columns(width: u16) -> [u16; 6] {
    let fixed = 17 + 9 + 7 + 7;
    let flexible = width.saturating_sub(fixed + 6);
    // Wide screens keep the columns together rather than stretching them apart.
    let title = (flexible * 3 / 5).min(56);
    let organisation = (flexible - title).min(36);
    [title, organisation, 17, 9, 7, 7]
}

fn row_line(cells: [String; 6], widths: [u16; 6], style: Style) -> Line<'static> {
    let spans: Vec<Span> = cells
        .into_iter()
        .zip(widths)
        .enumerate()
        .map(|(i, (cell, width))| {
            let width = usize::from(width);
            let cell = truncate(&cell, width);
            let text = if i >= 3 {
                format!("{cell:>width$} ")
            } else {
                format!("{cell:<width$} ")
            };
            Span::raw(text)
        })
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
    Line::styled(
        format!("Beoordelingen in {}", model.data_dir.display()),
        theme.muted(),
    )
    .render(intro, buf);

    let area = list_area(frame);
    if model.home.entries.is_empty() {
        render_empty(model, area, buf);
        return;
    }
    let widths = columns(area.width);
    row_line(
        [
            "Titel".into(),
            "Organisatie".into(),
            "Gewijzigd".into(),
            "Voortgang".into(),
            "G.Oor".into(),
            "Stv".into(),
        ],
        widths,
        theme.title(),
    )
    .render(Rect::new(area.x, area.y, area.width, 1), buf);
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
    let first = first_visible(model, rows_area.height);
    for (i, entry) in model
        .home
        .entries
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(rows_area.height))
    {
        let y = rows_area.y + (i - first) as u16;
        let selected = i == model.home.selected;
        let line = entry_line(model, entry, widths, selected);
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
                let mut parts = vec![clean(&l.title)];
                if let Some(series) = &l.series {
                    parts.push(format!("ronde {}", series.round));
                }
                if let (Some(go), Some(stv)) = (&l.trend_gouden_oor, &l.trend_stv) {
                    parts.push(format!("sinds de vorige ronde: Gouden Oor {go}, Stv {stv}"));
                } else if let Some(go) = &l.trend_gouden_oor {
                    parts.push(format!("sinds de vorige ronde: Gouden Oor {go}"));
                }
                parts.push(if l.respondents == 1 {
                    "1 respondent".to_string()
                } else {
                    format!("{} respondenten", l.respondents)
                });
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
    (model.home.selected + 1).saturating_sub(usize::from(height.max(1)))
}

/// "2,4 ↑": a mean with the direction since the previous round.
fn with_arrow(value: &Option<String>, trend: &Option<String>) -> String {
    let value = value.clone().unwrap_or_else(|| "—".into());
    match trend.as_deref().and_then(|t| t.chars().next()) {
        Some(arrow) => format!("{value} {arrow}"),
        None => value,
    }
}

fn entry_line(model: &Model, entry: &HomeEntry, widths: [u16; 6], selected: bool) -> Line<'static> {
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
        Ok(l) => row_line(
            [
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
                with_arrow(&l.gouden_oor, &l.trend_gouden_oor),
                with_arrow(&l.stv, &l.trend_stv),
            ],
            widths,
            style,
        ),
        Err(_) => row_line(
            [
                format!("⚠ {}", entry.slug),
                "beschadigd: zie hieronder".into(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
            widths,
            style.patch(theme.warning()),
        ),
    }
}

fn render_empty(model: &Model, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let text = [
        ("Nog geen beoordelingen.", theme.title()),
        ("", Style::new()),
        (
            "Met goudenoor bepaalt u hoe volwassen het klacht- en feedbackmanagement van uw organisatie is: u doorloopt de 9 paradigmashifts van de Gouden Oor Maturity Check (aardig, goed, prima, goud) en de 4 onderdelen van het Stv normenkader (score 1–5), en ziet waar u staat, waar u heen wilt en wat de volgende stap is.",
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
    let index = first_visible(model, height) + usize::from(at.y - top);
    if index >= model.home.entries.len() {
        return None;
    }
    Some(if index == model.home.selected {
        Msg::Activate
    } else {
        Msg::PickRow(index)
    })
}
