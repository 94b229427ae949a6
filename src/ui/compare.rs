//! Two rounds side by side: both on one radar, what moved per shift and part, the
//! totals, and which next steps were achieved.

use super::Frame;
use super::text::{clean, render_scrolled, spread, truncate, wrap};
use crate::app::{CompareView, Model};
use crate::domain::Level;
use crate::domain::compare::{arrow, signed};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

fn date(model: &Model, ts: jiff::Timestamp) -> String {
    ts.to_zoned_datetime(model.time_zone.clone())
        .strftime("%d-%m-%Y")
        .to_string()
}

fn level_name(model: &Model, level: Option<Level>) -> String {
    level.map_or("—".into(), |l| {
        model.instruments.gouden_oor.level_name(l).to_string()
    })
}

fn table_lines(model: &Model, view: &CompareView, width: u16) -> Vec<Line<'static>> {
    let theme = model.theme();
    let c = &view.comparison;
    let name_width = usize::from(width).saturating_sub(20).clamp(8, 28);
    let mut lines = Vec::new();
    for caveat in &c.caveats {
        lines.extend(
            wrap(&format!("⚠ {caveat}"), width)
                .into_iter()
                .map(|l| Line::styled(l, theme.warning())),
        );
    }
    if !c.shifts.is_empty() {
        lines.push(Line::styled("Gouden Oor", theme.title()));
        lines.push(Line::styled(
            format!("{:<name_width$} {:<7} {:<7}", "Shift", "eerst", "nu"),
            theme.muted(),
        ));
        for s in &c.shifts {
            let delta = s.delta();
            let style = match delta {
                Some(d) if d > 0 => theme.good(),
                Some(d) if d < 0 => theme.bad(),
                _ => theme.muted(),
            };
            lines.push(Line::from(vec![
                Span::raw(format!(
                    "{:<name_width$} ",
                    truncate(&format!("{} {}", s.number, s.to), name_width)
                )),
                Span::styled(
                    format!("{:<7} ", level_name(model, s.before)),
                    theme.muted(),
                ),
                Span::styled(
                    format!("{:<7}", level_name(model, s.after)),
                    theme.current(),
                ),
                Span::styled(format!(" {}", arrow(delta)), style),
            ]));
        }
        lines.push(match (c.mean_before, c.mean_after) {
            (Some(a), Some(b)) => Line::from(vec![
                Span::raw(format!("Gemiddeld {} → ", a.display())),
                Span::styled(b.display(), theme.current()),
                Span::raw(format!(" ({})", signed(a, b))),
            ]),
            _ => Line::styled("Gemiddeld: niet in beide rondes beantwoord", theme.muted()),
        });
        lines.push(Line::from(vec![
            Span::styled("── nu", theme.current()),
            Span::raw("   "),
            Span::styled("- - eerst", theme.ambition()),
        ]));
        lines.push(Line::raw(""));
    }
    if !c.parts.is_empty() {
        lines.push(Line::styled("Stv normenkader", theme.title()));
        for p in &c.parts {
            let delta = p.delta();
            let score = |s: Option<u8>| s.map_or("—".to_string(), |s| s.to_string());
            lines.push(Line::from(vec![
                Span::raw(format!(
                    "{:<name_width$} ",
                    truncate(&format!("{} {}", p.numeral, p.title), name_width)
                )),
                Span::styled(format!("{:>2} → ", score(p.before)), theme.muted()),
                Span::styled(score(p.after), theme.current()),
                Span::raw(format!(" {}", arrow(delta))),
            ]));
        }
        lines.push(match (c.total_before, c.total_after) {
            (Some(a), Some(b)) => Line::from(vec![
                Span::raw(format!("Totaal {} → ", a.display())),
                Span::styled(b.display(), theme.current()),
                Span::raw(format!(" ({})", signed(a, b))),
            ]),
            _ => Line::styled("Totaal: niet in beide rondes volledig", theme.muted()),
        });
    }
    lines
}

fn steps_lines(model: &Model, view: &CompareView, width: u16) -> Vec<Line<'static>> {
    let theme = model.theme();
    let c = &view.comparison;
    let mut lines = vec![Line::styled(
        "Volgende stappen van de eerste ronde",
        theme.title(),
    )];
    if c.achieved.is_empty() && c.open.is_empty() {
        lines.push(Line::styled(
            "De eerste ronde had geen volgende stappen (of niets beantwoord).",
            theme.muted(),
        ));
    }
    for step in &c.achieved {
        lines.extend(
            wrap(&format!("✓ bereikt: {step}"), width)
                .into_iter()
                .map(|l| Line::styled(l, theme.good())),
        );
    }
    for step in &c.open {
        lines.extend(
            wrap(&format!("· nog open: {step}"), width)
                .into_iter()
                .map(|l| Line::styled(l, Style::new())),
        );
    }
    lines
}

struct Sections {
    radar: Rect,
    table: Rect,
    steps: Rect,
    height: u16,
}

fn sections(model: &Model, view: &CompareView, width: u16) -> Sections {
    let (radar, table, top) = if view.comparison.shifts.is_empty() {
        // Nothing for a radar: the table takes the width.
        let height = table_lines(model, view, width).len() as u16;
        (Rect::default(), Rect::new(0, 0, width, height), height + 1)
    } else {
        super::results::radar_beside(width, 40, |w| table_lines(model, view, w).len() as u16)
    };
    let steps_height = steps_lines(model, view, width).len() as u16;
    Sections {
        radar,
        table,
        steps: Rect::new(0, top, width, steps_height),
        height: top + steps_height,
    }
}

pub fn content_height(model: &Model, view: &CompareView, width: u16) -> u16 {
    sections(model, view, width).height
}

pub fn render(model: &Model, view: &CompareView, frame: Frame, buf: &mut Buffer) {
    let theme = model.theme();
    spread(
        vec![
            Span::styled(clean(&view.a_title), theme.muted()),
            Span::styled(format!(" ({}) → ", date(model, view.a_date)), theme.muted()),
            Span::styled(clean(&view.b_title), theme.title()),
            Span::styled(format!(" ({})", date(model, view.b_date)), theme.muted()),
        ],
        vec![Span::styled("Vergelijking", theme.title())],
        frame.header.width,
    )
    .render(frame.header, buf);
    let area = frame.main;
    let width = area.width.saturating_sub(1);
    let s = sections(model, view, width);
    // The later round solid, the earlier one dashed in the ambition's place.
    let mut radar = super::results::radar_for(model.instruments, &view.after, theme);
    radar.ambition = model
        .instruments
        .gouden_oor
        .shifts
        .iter()
        .map(|s| view.before.level(&s.id).map(Level::value))
        .collect();
    render_scrolled(area, buf, s.height, view.scroll, |_, buf| {
        if s.radar.height > 0 {
            radar.render(s.radar, buf);
        }
        let mut table = table_lines(model, view, s.table.width);
        if s.radar.height > 0 {
            table.push(Line::raw(""));
            table.push(Line::from(vec![
                Span::styled("── nu", theme.current()),
                Span::raw("   "),
                Span::styled("- - eerst", theme.ambition()),
            ]));
        }
        Paragraph::new(table).render(
            Rect::new(s.table.x, s.table.y, s.table.width, s.table.height + 2),
            buf,
        );
        Paragraph::new(steps_lines(model, view, s.steps.width)).render(s.steps, buf);
    });
}
