//! Two rounds side by side: per instrument what moved and the change of its headline,
//! both rounds on one radar, which next steps were reached, what became of the actions.

use super::Frame;
use super::text::{clean, render_scrolled, spread, truncate, wrap};
use crate::app::{CompareView, Model};
use crate::domain::ActionStatus;
use crate::domain::compare::arrow;
use crate::domain::result::Detail;
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

fn lines(model: &Model, view: &CompareView, width: u16) -> Vec<Line<'static>> {
    let theme = model.theme();
    let c = &view.comparison;
    let name_width = usize::from(width).saturating_sub(28).clamp(8, 34);
    let mut lines = Vec::new();
    for caveat in &c.caveats {
        lines.extend(
            wrap(&format!("⚠ {caveat}"), width)
                .into_iter()
                .map(|l| Line::styled(l, theme.warning())),
        );
    }
    for change in &c.instruments {
        lines.push(Line::raw(""));
        lines.push(spread(
            vec![Span::styled(change.title.clone(), theme.title())],
            vec![Span::styled(
                match (&change.before, &change.after, &change.change) {
                    (Some(a), Some(b), Some(d)) => format!("{a} → {b} ({d})"),
                    _ => "niet in beide rondes te berekenen".into(),
                },
                theme.current(),
            )],
            width,
        ));
        lines.push(Line::styled(
            format!("{:<name_width$} {:<10} {:<10}", "", "eerst", "nu"),
            theme.muted(),
        ));
        for row in &change.rows {
            let delta = row.delta();
            let style = match row.verdict() {
                Some(std::cmp::Ordering::Greater) => theme.good(),
                Some(std::cmp::Ordering::Less) => theme.bad(),
                _ => theme.muted(),
            };
            lines.push(Line::from(vec![
                Span::raw(format!(
                    "{:<name_width$} ",
                    truncate(&row.label, name_width)
                )),
                Span::styled(format!("{:<10} ", truncate(&row.before, 10)), theme.muted()),
                Span::styled(format!("{:<10}", truncate(&row.after, 10)), theme.current()),
                Span::styled(format!(" {}", arrow(delta)), style),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Volgende stappen van de eerste ronde",
        theme.title(),
    ));
    if c.steps.is_empty() {
        lines.push(Line::styled(
            "De eerste ronde had geen volgende stappen (of niets beantwoord).",
            theme.muted(),
        ));
    }
    for step in c.achieved() {
        lines.extend(
            wrap(&format!("✓ bereikt: {}", step.text), width)
                .into_iter()
                .map(|l| Line::styled(l, theme.good())),
        );
    }
    for step in c.still_open() {
        lines.extend(
            wrap(&format!("· nog open: {}", step.text), width)
                .into_iter()
                .map(|l| Line::styled(l, Style::new())),
        );
    }
    if !c.actions.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Acties van de eerste ronde", theme.title()));
        for action in &c.actions {
            let done = match action.status {
                ActionStatus::Klaar => "✓ gedaan",
                ActionStatus::Bezig => "◐ bezig",
                ActionStatus::Open => "· open",
            };
            let moved = match action.moved {
                Some(true) => " · het onderdeel ging omhoog",
                Some(false) => " · het onderdeel bewoog niet",
                None => "",
            };
            lines.extend(
                wrap(
                    &format!(
                        "{done}: {}{}{moved}",
                        clean(action.what.lines().next().unwrap_or("")),
                        if action.owner.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", clean(&action.owner))
                        }
                    ),
                    width,
                )
                .into_iter()
                .map(Line::raw),
            );
        }
    }
    lines
}

/// Draw the comparison; returns how far it can scroll.
pub fn render(model: &Model, view: &CompareView, frame: Frame, buf: &mut Buffer) -> u16 {
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
    // The first grid on a radar: the later round solid, the earlier one in its own colour.
    let grids = view
        .comparison
        .after
        .instruments
        .iter()
        .zip(&view.comparison.before.instruments)
        .find_map(|(a, b)| match (&a.detail, &b.detail) {
            (Detail::Grid(after), Detail::Grid(before)) => Some((after.clone(), before.clone())),
            _ => None,
        });
    let (radar_area, legend_height) = match &grids {
        Some(_) => (
            Rect::new(0, 0, width.min(100), (width.min(100) / 4).clamp(10, 24)),
            1,
        ),
        None => (Rect::default(), 0),
    };
    let body = lines(model, view, width);
    let top = radar_area.height + legend_height;
    let height = top + body.len() as u16;
    render_scrolled(area, buf, height, view.scroll, |_, buf| {
        if let Some((after, before)) = &grids {
            let mut radar = super::results::radar_for(after, theme);
            radar.ambition = before
                .rows
                .iter()
                .map(|r| r.level.map(|l| l.value()))
                .collect();
            radar.earlier = true;
            radar.render(radar_area, buf);
            Line::from(vec![
                Span::styled("── nu", theme.current()),
                Span::raw("   "),
                Span::styled(
                    "- - eerst",
                    if theme.color {
                        Style::new().fg(ratatui::style::Color::Blue)
                    } else {
                        theme.muted()
                    },
                ),
            ])
            .render(Rect::new(0, radar_area.height, width, 1), buf);
        }
        Paragraph::new(body).render(Rect::new(0, top, width, height - top), buf);
    });
    height.saturating_sub(area.height)
}
