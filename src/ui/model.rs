//! The IKM model as a diagram: Enablers → Performance → Results, each box with how
//! mature the items behind it are, boxes nobody looked at standing out, the weakest
//! named, and the team's own rating beside the performance indicators.

use super::dialog::centered;
use super::text::{clean, spread, truncate, wrap};
use crate::app::{Model, Session, Viewport};
use crate::domain::Instrument;
use crate::domain::result::{Detail, ModelResult, instrument_result};
use crate::domain::scoring::model::{READING_RULE, percent_text};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

fn result(model: &Model, session: &Session, inst: &Instrument) -> ModelResult {
    let result = session.result(model.instruments);
    match result
        .get(&inst.id)
        .map(|r| r.detail.clone())
        .unwrap_or_else(|| {
            instrument_result(model.instruments, inst, &session.included, &result.answers).detail
        }) {
        Detail::Model(m) => m,
        _ => unreachable!("a model page shows a model"),
    }
}

fn gauge(percent: Option<f64>, width: usize) -> String {
    match percent {
        Some(p) => {
            let filled = ((p / 100.0) * width as f64).round() as usize;
            format!(
                "{}{}",
                "█".repeat(filled.min(width)),
                "░".repeat(width - filled.min(width))
            )
        }
        None => "·".repeat(width),
    }
}

pub fn render(model: &Model, session: &Session, inst: &Instrument, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let r = result(model, session, inst);
    // The keys are in the hint bar too: where they do not fit beside the title, they
    // are left out rather than cut.
    let keys = "Enter: wat zit erachter · 1–5: beoordeling team";
    let fits = UnicodeWidthStr::width(format!("{} {keys}", inst.title).as_str())
        <= usize::from(area.width);
    let mut header = vec![spread(
        vec![Span::styled(inst.title.clone(), theme.title())],
        if fits {
            vec![Span::styled(keys, theme.muted())]
        } else {
            vec![]
        },
        area.width,
    )];
    header.push(match &r.weakest {
        Some(w) => {
            let title = r
                .boxes
                .iter()
                .find(|b| &b.id == w)
                .map_or(w.clone(), |b| b.title.clone());
            Line::from(vec![
                Span::raw("Zwakste vak: "),
                Span::styled(title, theme.warning()),
                Span::styled(
                    match r.unseen.len() {
                        0 => " · elk vak bekeken".to_string(),
                        n => format!(" · {n} niet bekeken"),
                    },
                    theme.muted(),
                ),
            ])
        }
        None => Line::styled(
            "Nog niets bekeken: beantwoord eerst de andere instrumenten.",
            theme.muted(),
        ),
    });
    Paragraph::new(header).render(Rect::new(area.x, area.y, area.width, 2), buf);
    let body = Rect::new(
        area.x,
        area.y + 3,
        area.width,
        area.height.saturating_sub(3),
    );
    let columns = r.groups.len().max(1) as u16;
    let arrow = 3;
    let column_width = (body.width.saturating_sub(arrow * (columns - 1))) / columns;
    let gauge_width = usize::from(column_width).saturating_sub(6).clamp(3, 12);
    // As roomy as the window allows: a gauge and a blank line per box where all
    // columns fit with them; fewer lines per box where not; and where even one line per
    // box does not fit, each column scrolls to keep the selected box in view.
    let density = (0..=DENSEST)
        .find(|&d| {
            r.groups.iter().all(|(group_id, title)| {
                column(
                    model,
                    &r,
                    (group_id, title),
                    d,
                    column_width,
                    gauge_width,
                    usize::MAX,
                )
                .0
                .len()
                    <= usize::from(body.height)
            })
        })
        .unwrap_or(DENSEST);
    for (g, (group_id, title)) in r.groups.iter().enumerate() {
        let x = body.x + g as u16 * (column_width + arrow);
        let (lines, selected) = column(
            model,
            &r,
            (group_id, title),
            density,
            column_width,
            gauge_width,
            session.cursor,
        );
        let height = usize::from(body.height);
        let offset = match selected {
            Some((top, bottom)) if bottom > height => (bottom - height).min(top),
            _ => 0,
        };
        Paragraph::new(lines)
            .scroll((offset as u16, 0))
            .render(Rect::new(x, body.y, column_width, body.height), buf);
        if g + 1 < r.groups.len() {
            Line::styled(" → ", theme.muted()).render(
                Rect::new(x + column_width, body.y + body.height / 3, arrow, 1),
                buf,
            );
        }
    }
}

/// How many lines a box takes, by density: 0 its name, gauge, team rating and a blank
/// line; 1 without the blank line; 2 (the densest) the name line with its percentage
/// and the team rating only.
const DENSEST: u8 = 2;

/// The lines of one column of boxes, and the rows (top, bottom exclusive) of the box
/// at `cursor` (counted over all boxes) when it is in this column.
fn column(
    model: &Model,
    r: &ModelResult,
    (group_id, title): (&str, &str),
    density: u8,
    column_width: u16,
    gauge_width: usize,
    cursor: usize,
) -> (Vec<Line<'static>>, Option<(usize, usize)>) {
    let theme = model.theme();
    let mut lines = vec![Line::styled(title.to_string(), theme.title())];
    let mut selected = None;
    for (index, b) in r.boxes.iter().enumerate() {
        if b.group != group_id {
            continue;
        }
        let top = lines.len();
        let weakest = r.weakest.as_ref() == Some(&b.id);
        let name = truncate(&b.title, usize::from(column_width).saturating_sub(5));
        let mut first = spread(
            vec![Span::styled(
                name,
                if weakest {
                    theme.warning()
                } else {
                    theme.title()
                },
            )],
            vec![Span::styled(
                b.percent.map_or("—".into(), percent_text),
                if b.percent.is_some() {
                    theme.current()
                } else {
                    theme.warning()
                },
            )],
            column_width,
        );
        if index == cursor {
            first = first.style(theme.selected());
        }
        lines.push(first);
        if density < 2 {
            lines.push(match b.percent {
                Some(p) => Line::styled(gauge(Some(p), gauge_width), theme.current()),
                None => Line::styled("niet bekeken", theme.warning()),
            });
        }
        if let Some(rating) = b.rating {
            lines.push(Line::from(vec![
                Span::styled(
                    format!(
                        "team {}",
                        b.rating_display
                            .clone()
                            .unwrap_or_else(|| percent_text(rating))
                    ),
                    theme.ambition(),
                ),
                if b.differs {
                    Span::styled(" ⚠ verschil", theme.warning())
                } else {
                    Span::raw("")
                },
            ]));
        }
        if index == cursor {
            selected = Some((top, lines.len()));
        }
        if density == 0 {
            lines.push(Line::raw(""));
        }
    }
    (lines, selected)
}

/// The items behind the box under the cursor, with their answers.
pub fn render_box(
    model: &Model,
    session: &Session,
    inst: &Instrument,
    area: Rect,
    buf: &mut Buffer,
) -> Viewport {
    let theme = model.theme();
    let r = result(model, session, inst);
    let Some(b) = r.boxes.get(session.cursor) else {
        return Viewport::default();
    };
    let width = 90.min(area.width);
    let inner_width = width.saturating_sub(4);
    let mut lines = vec![Line::styled(
        match b.percent {
            Some(p) => format!("{} — {}", b.title, percent_text(p)),
            None => format!("{} — niet bekeken", b.title),
        },
        theme.title(),
    )];
    if b.readings.is_empty() {
        lines.push(Line::styled(
            "Geen van de instrumenten in deze beoordeling zegt iets over dit vak.",
            theme.muted(),
        ));
    }
    for reading in &b.readings {
        // The label wraps; its answer follows on the last line, or on a line of its own
        // where it does not fit there.
        let answer = format!(
            "{}{}",
            reading.answer,
            reading
                .percent
                .map_or(String::new(), |p| format!(" ({})", percent_text(p)))
        );
        let mut label = wrap(&clean(&reading.label), inner_width);
        let last = label.pop().unwrap_or_default();
        lines.extend(label.into_iter().map(Line::raw));
        if last.width() + 1 + answer.width() <= usize::from(inner_width) {
            lines.push(Line::from(vec![
                Span::raw(format!("{last} ")),
                Span::styled(answer, theme.current()),
            ]));
        } else {
            lines.push(Line::raw(last));
            lines.push(Line::styled(format!("  {answer}"), theme.current()));
        }
        lines.extend(
            wrap(&reading.reason, inner_width.saturating_sub(2))
                .into_iter()
                .map(|l| Line::styled(format!("  {l}"), theme.muted())),
        );
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Zo lezen we dit", theme.title()));
    for rule in READING_RULE {
        lines.extend(
            wrap(rule, inner_width)
                .into_iter()
                .map(|l| Line::styled(l, theme.muted())),
        );
    }
    // Taller than the window: the readings scroll, and the frame says where we are.
    let visible = usize::from(area.height.saturating_sub(4)).max(1);
    let total = lines.len();
    let max_scroll = total.saturating_sub(visible);
    let offset = usize::from(session.box_scroll).min(max_scroll);
    let shown = total.min(visible);
    let rect = centered(area, width, shown as u16 + 2);
    Clear.render(rect, buf);
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.cursor_border())
        .title(" Wat zit erachter ");
    block = block.title_bottom(if max_scroll > 0 {
        Line::styled(
            format!(
                " regel {}–{} van {total} · ↑↓ PgDn lezen · Esc sluit ",
                offset + 1,
                offset + shown
            ),
            theme.muted(),
        )
    } else {
        Line::styled(" Esc sluit ", theme.muted())
    });
    Paragraph::new(lines)
        .scroll((offset as u16, 0))
        .block(block)
        .render(rect, buf);
    Viewport {
        max_scroll: max_scroll as u16,
        page: visible as u16,
        focus: None,
    }
}
