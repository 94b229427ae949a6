//! The live workshop on the projector: where to join (QR code, address, short code),
//! who joined and who is done, the warm-up's votes and definitions.

use super::text::{spread, truncate, wrap};
use crate::app::{LiveView, Model, Session};
use crate::domain::warmup::Warmup;
use crate::live::WarmupPhase;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// The QR code's modules are dark on light whatever the terminal's colours, so phones
/// can scan it from a projector.
fn qr_style() -> Style {
    Style::new().fg(Color::Black).bg(Color::White)
}

fn draw_qr(qr: &[String], x: u16, y: u16, buf: &mut Buffer, area: Rect) {
    for (i, line) in qr.iter().enumerate() {
        let row = y + i as u16;
        if row >= area.bottom() {
            break;
        }
        let width = (line.width() as u16).min(area.right().saturating_sub(x));
        Line::styled(line.clone(), qr_style()).render(Rect::new(x, row, width, 1), buf);
    }
}

fn status_lines(model: &Model, live: &LiveView, width: u16) -> Vec<Line<'static>> {
    let theme = model.theme();
    let joined = live.participants.len();
    let done = live.participants.iter().filter(|p| p.done).count();
    vec![
        spread(
            vec![
                Span::styled("Live: ", theme.title()),
                Span::styled(
                    format!(
                        "{joined} {} · {done} klaar",
                        if joined == 1 {
                            "deelnemer"
                        } else {
                            "deelnemers"
                        }
                    ),
                    theme.current(),
                ),
                Span::styled(
                    if live.open {
                        " · antwoorden open"
                    } else {
                        " · antwoorden gesloten"
                    },
                    if live.open {
                        theme.good()
                    } else {
                        theme.warning()
                    },
                ),
                Span::styled(
                    if live.results_shown {
                        " · resultaat zichtbaar"
                    } else {
                        ""
                    },
                    theme.muted(),
                ),
            ],
            vec![],
            width,
        ),
        Line::from(vec![
            Span::raw("Meedoen: "),
            Span::styled(
                truncate(&live.url, usize::from(width).saturating_sub(9)),
                theme.key(),
            ),
        ]),
        Line::from(vec![
            Span::raw("of ga naar "),
            Span::styled(live.code_url.clone(), theme.key()),
            Span::raw(" en typ de code "),
            Span::styled(live.code.clone(), theme.title()),
        ]),
    ]
}

/// Draw the live panel; returns the area left for the workshop table, or `None` when
/// the QR code or the warm-up fills the screen.
pub fn render(
    model: &Model,
    session: &Session,
    live: &LiveView,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Rect> {
    let theme = model.theme();
    let qr_width = live.qr.first().map_or(0, |l| l.width() as u16);
    let qr_height = live.qr.len() as u16;
    if live.qr_big {
        let mut status = status_lines(model, live, area.width);
        let room = area.bottom().saturating_sub(area.y + qr_height);
        // Below the QR code with a blank line between, or, when that does not fit, right
        // under it with the short code before the address (which the QR code holds).
        let fits = room > status.len() as u16;
        if !fits {
            status.swap(1, 2);
        }
        let x = area.x + area.width.saturating_sub(qr_width) / 2;
        draw_qr(&live.qr, x, area.y, buf, area);
        let below = area.y + qr_height + u16::from(fits);
        if below < area.bottom() {
            Paragraph::new(status).render(
                Rect::new(area.x, below, area.width, area.bottom() - below),
                buf,
            );
        }
        if qr_height > area.height {
            Line::styled(
                "Het venster is te klein voor de hele QR-code: maak het groter of typ de code.",
                theme.warning(),
            )
            .render(Rect::new(area.x, area.bottom() - 1, area.width, 1), buf);
        }
        return None;
    }
    if live.phase != WarmupPhase::Off {
        render_warmup(model, live, area, buf);
        return None;
    }
    let side = area.width >= 100 + qr_width && area.height >= qr_height + 2;
    let (left, right) = if side {
        (
            Rect::new(area.x, area.y, area.width - qr_width - 2, area.height),
            Rect::new(area.right() - qr_width, area.y, qr_width, area.height),
        )
    } else {
        (area, Rect::default())
    };
    let mut status = status_lines(model, live, left.width);
    if !side {
        status.push(Line::styled(
            "Q toont de QR-code groot (voor de beamer).",
            theme.muted(),
        ));
    }
    let status_height = status.len() as u16 + 1;
    Paragraph::new(status).render(Rect::new(left.x, left.y, left.width, status_height), buf);
    if side {
        draw_qr(&live.qr, right.x, right.y, buf, right);
        let joined: Vec<Line> = live
            .participants
            .iter()
            .map(|p| {
                Line::from(vec![
                    Span::raw(truncate(
                        &super::text::clean(&p.respondent),
                        usize::from(qr_width) - 2,
                    )),
                    Span::styled(if p.done { " ✓" } else { "" }, theme.good()),
                ])
            })
            .collect();
        let y = right.y + qr_height + 1;
        if y < right.bottom() {
            Paragraph::new(joined)
                .render(Rect::new(right.x, y, right.width, right.bottom() - y), buf);
        }
    }
    let _ = session;
    Some(Rect::new(
        left.x,
        left.y + status_height,
        left.width,
        left.height.saturating_sub(status_height),
    ))
}

fn render_warmup(model: &Model, live: &LiveView, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let warmup = Warmup::embedded();
    let tallies = live.tallies(warmup.statements.len());
    let width = area.width.saturating_sub(2);
    let mut lines = vec![
        spread(
            vec![Span::styled(
                format!("Opwarmer — {}", warmup.question),
                theme.title(),
            )],
            vec![Span::styled(
                match live.phase {
                    WarmupPhase::Voting => "stemmen… (w: definities tonen)",
                    _ => "de definities (w: klaar)",
                },
                theme.muted(),
            )],
            width,
        ),
        Line::raw(""),
    ];
    let bar = usize::from(width).saturating_sub(40).clamp(10, 40);
    for (i, (statement, (klacht, geen))) in warmup.statements.iter().zip(&tallies).enumerate() {
        lines.extend(
            wrap(&format!("{}. ‘{statement}’", i + 1), width)
                .into_iter()
                .map(|l| Line::styled(l, theme.title())),
        );
        let total = (klacht + geen).max(1);
        let k = klacht * bar / total;
        lines.push(Line::from(vec![
            Span::styled("█".repeat(k), theme.current()),
            Span::styled(
                "█".repeat(if klacht + geen == 0 { 0 } else { bar - k }),
                theme.ambition(),
            ),
            Span::raw(format!("  klacht {klacht} · geen klacht {geen}")),
        ]));
        lines.push(Line::raw(""));
    }
    if live.phase == WarmupPhase::Revealed {
        lines.push(Line::styled("Definities van ‘klacht’", theme.title()));
        for d in &warmup.definitions {
            lines.extend(
                wrap(&format!("{}: {}", d.source, d.text), width)
                    .into_iter()
                    .map(Line::raw),
            );
        }
    }
    Paragraph::new(lines).render(area, buf);
}
