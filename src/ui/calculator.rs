//! A calculator (the business case): the organisation's figures as a form, the outputs
//! updating as they change, and pictures a workshop looks at rather than reads: the
//! customer flow, the complaint iceberg, the word-of-mouth balance. And the page of
//! measurements per round (the three ambitions).

use super::text::{offset_to_show, render_parts, spread, truncate, wrap};
use crate::app::{EditTarget, Model, Session};
use crate::domain::result::{CalculatorResult, Detail, ICEBERG_TITLE, instrument_result};
use crate::domain::{Instrument, format_number};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

fn result(model: &Model, session: &Session, inst: &Instrument) -> CalculatorResult {
    let result = session.result(model.instruments);
    match result
        .get(&inst.id)
        .map(|r| r.detail.clone())
        .unwrap_or_else(|| {
            instrument_result(model.instruments, inst, &session.included, &result.answers).detail
        }) {
        Detail::Calculator(c) => c,
        _ => unreachable!("a calculator page shows a calculator"),
    }
}

/// A horizontal bar of `value` against `max` in `width` cells.
fn bar(value: f64, max: f64, width: usize, style: Style) -> Span<'static> {
    let cells = if max > 0.0 {
        ((value / max) * width as f64)
            .round()
            .clamp(0.0, width as f64) as usize
    } else {
        0
    };
    Span::styled("█".repeat(cells), style)
}

fn output(r: &CalculatorResult, id: &str) -> Option<f64> {
    r.output(id).and_then(|o| o.value)
}

/// The pictures: flow, iceberg, word of mouth.
fn picture_lines(model: &Model, r: &CalculatorResult, width: u16) -> Vec<Line<'static>> {
    let theme = model.theme();
    let w = usize::from(width);
    let label = 24.min(w / 2);
    let bar_width = w.saturating_sub(label + 10).max(4);
    let mut lines = vec![Line::styled("Klantenstroom", theme.title())];
    let total = r
        .inputs
        .iter()
        .find(|i| i.id == "bc.klanten")
        .and_then(|i| i.value)
        .unwrap_or(0.0);
    let row = |name: &str, value: Option<f64>, style: Style| -> Line<'static> {
        match value {
            Some(v) => Line::from(vec![
                Span::raw(format!("{:<label$}", truncate(name, label))),
                bar(v, total, bar_width, style),
                Span::raw(format!(" {}", format_number(v, 1))),
            ]),
            None => Line::styled(
                format!("{:<label$}niet te berekenen", truncate(name, label)),
                theme.muted(),
            ),
        }
    };
    lines.push(row("tevreden", output(r, "bc.tevreden"), theme.good()));
    lines.push(row(
        "  → vertrekt",
        output(r, "bc.weg_tevreden"),
        theme.muted(),
    ));
    lines.push(row(
        "ontevreden, klaagt",
        output(r, "bc.klagers"),
        theme.current(),
    ));
    lines.push(row(
        "  → vertrekt",
        output(r, "bc.weg_klagers"),
        theme.muted(),
    ));
    lines.push(row("ontevreden, zwijgt", output(r, "bc.stil"), theme.bad()));
    lines.push(row(
        "  → vertrekt",
        output(r, "bc.weg_stil"),
        theme.warning(),
    ));
    if let (Some(lost), Some(pct)) = (output(r, "bc.weg_stil"), output(r, "bc.weg_stil_pct")) {
        lines.extend(
            wrap(
                &format!(
                    "Door zwijgende ontevreden klanten: {} klanten weg, {}% van alle klanten.",
                    format_number(lost, 2),
                    format_number(pct, 2)
                ),
                width,
            )
            .into_iter()
            .map(|l| Line::styled(l, theme.warning())),
        );
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("{ICEBERG_TITLE} (1000-100-10)"),
        theme.title(),
    ));
    let chain = [
        output(r, "bc.keten_vastgelegd"),
        output(r, "bc.keten_geuit"),
        output(r, "bc.keten_situaties"),
    ];
    let top = chain[2].unwrap_or(0.0);
    let tiers = [
        ("vastgelegd", chain[0], theme.current()),
        ("geuit", chain[1], theme.ambition()),
        ("ontevreden situaties", chain[2], theme.muted()),
    ];
    for (name, value, style) in tiers {
        match value {
            Some(v) => {
                // A log scale keeps 10 visible beside 1000, as on the slide.
                let cells = if top > 1.0 && v >= 1.0 {
                    (((v.ln() + 1.0) / (top.ln() + 1.0)) * bar_width as f64).round() as usize
                } else {
                    1
                };
                let pad = bar_width.saturating_sub(cells) / 2;
                lines.push(Line::from(vec![
                    Span::raw(format!("{:<label$}", truncate(name, label))),
                    Span::raw(" ".repeat(pad)),
                    Span::styled("▀".repeat(cells.max(1)), style),
                    Span::raw(format!(" {}", format_number(v, 1))),
                ]));
            }
            None => lines.push(Line::styled(
                format!("{:<label$}niet te berekenen", truncate(name, label)),
                theme.muted(),
            )),
        }
    }
    for (i, level) in r.iceberg.iter().enumerate().rev() {
        lines.extend(wrap(level, width).into_iter().map(|l| {
            Line::styled(
                l,
                if i == 0 {
                    theme.warning()
                } else {
                    theme.muted()
                },
            )
        }));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Mond-tot-mondreclame", theme.title()));
    let mouth = [
        (
            "zeer tevreden",
            output(r, "bc.mond_zeer_tevreden"),
            theme.good(),
        ),
        ("tevreden", output(r, "bc.mond_tevreden"), theme.good()),
        ("ontevreden", output(r, "bc.mond_ontevreden"), theme.bad()),
    ];
    let max = mouth
        .iter()
        .filter_map(|(_, v, _)| v.map(f64::abs))
        .fold(0.0, f64::max);
    for (name, value, style) in mouth {
        match value {
            Some(v) => lines.push(Line::from(vec![
                Span::raw(format!("{:<label$}", truncate(name, label))),
                bar(v.abs(), max, bar_width, style),
                Span::raw(format!(
                    " {}{}",
                    if v > 0.0 { "+" } else { "" },
                    format_number(v, 1)
                )),
            ])),
            None => lines.push(Line::styled(
                format!("{name}: niet te berekenen"),
                theme.muted(),
            )),
        }
    }
    if let Some(saldo) = output(r, "bc.mond_saldo") {
        lines.push(Line::from(vec![
            Span::raw(format!("{:<label$}", "saldo")),
            Span::styled(
                format!(
                    "{}{}",
                    if saldo > 0.0 { "+" } else { "" },
                    format_number(saldo, 1)
                ),
                if saldo < 0.0 {
                    theme.bad()
                } else {
                    theme.good()
                },
            ),
        ]));
    }
    lines
}

/// Draw the form; returns how far the page scrolls on past the last input (the outputs
/// and, on a narrow screen, the pictures below it).
pub fn render(
    model: &Model,
    session: &Session,
    inst: &Instrument,
    area: Rect,
    buf: &mut Buffer,
) -> u16 {
    let theme = model.theme();
    let calc = inst.calculator().expect("a calculator");
    let r = result(model, session, inst);
    let side = area.width >= 100;
    let (form, pictures) = if side {
        let left = area.width * 9 / 20;
        (
            Rect::new(area.x, area.y, left, area.height),
            Rect::new(
                area.x + left + 2,
                area.y,
                area.width - left - 2,
                area.height,
            ),
        )
    } else {
        (area, Rect::default())
    };
    // One column for the scrollbar.
    let width = form.width.saturating_sub(2);
    // Title and keys within the lines' width, clear of the scrollbar; where both do not
    // fit, the title alone (the hint bar has the keys).
    let title = Span::styled(inst.title.clone(), theme.title());
    let keys = Span::styled("Enter wijzigt · 0 standaard", theme.muted());
    let header = if title.width() + keys.width() + 2 <= usize::from(width) {
        spread(vec![title], vec![keys], width)
    } else {
        Line::from(title)
    };
    let mut lines: Vec<Line<'static>> = vec![header];
    let mut cursor_line = 0;
    let mut last_input_line = 0;
    let mut group = "";
    for (i, (input, row)) in calc.inputs.iter().zip(&r.inputs).enumerate() {
        if input.group != group {
            group = &input.group;
            lines.push(Line::styled(input.group.clone(), theme.title()));
        }
        if i == session.cursor {
            cursor_line = lines.len();
        }
        last_input_line = lines.len();
        let value = Span::styled(
            format!(
                "{}{}",
                row.display,
                if row.default { " (standaard)" } else { "" }
            ),
            if row.default {
                theme.muted()
            } else {
                theme.current()
            },
        );
        let value_width = value.width();
        let line = spread(
            vec![Span::raw(truncate(
                &input.label,
                usize::from(width).saturating_sub(value_width + 2),
            ))],
            vec![value],
            width,
        );
        lines.push(if i == session.cursor {
            line.style(theme.selected())
        } else {
            line
        });
    }
    for problem in &r.problems {
        lines.extend(
            wrap(&format!("⚠ {problem}"), width)
                .into_iter()
                .map(|l| Line::styled(l, theme.warning())),
        );
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Uitkomsten — zo rekenen we", theme.title()));
    for o in &r.outputs {
        let value = Span::styled(
            o.display.clone(),
            if o.value.is_some() {
                theme.current()
            } else {
                theme.muted()
            },
        );
        let value_width = value.width();
        if o.label.width() + value_width + 2 <= usize::from(width) {
            lines.push(spread(vec![Span::raw(o.label.clone())], vec![value], width));
        } else {
            // A long "niet te berekenen: …" or "vul … in" goes under the label, which
            // keeps its full name, flush right as the other values.
            lines.push(Line::raw(truncate(&o.label, usize::from(width))));
            if value_width < usize::from(width) {
                lines.push(spread(vec![], vec![value], width));
            } else {
                lines.extend(
                    wrap(&o.display, width)
                        .into_iter()
                        .map(|l| Line::styled(l, value.style)),
                );
            }
        }
        lines.extend(
            wrap(&o.explain, width.saturating_sub(2))
                .into_iter()
                .map(|l| Line::styled(format!("  {l}"), theme.muted())),
        );
    }
    if !side {
        lines.push(Line::raw(""));
        lines.extend(picture_lines(model, &r, width));
    }
    let height = lines.len() as u16;
    // The cursor's input stays in view; past the last input the page scrolls on by
    // `session.scroll` rows, to the end of the outputs.
    let to_show = |line: usize| offset_to_show(line as u16, line as u16 + 1, form.height);
    let max_scroll = height
        .saturating_sub(form.height)
        .saturating_sub(to_show(last_input_line));
    let offset = to_show(cursor_line) + session.scroll.min(max_scroll);
    let parts = lines
        .into_iter()
        .enumerate()
        .map(|(y, line)| (Rect::new(0, y as u16, form.width, 1), line));
    render_parts(form, buf, height, offset, parts, |line, rect, buf| {
        line.render(rect, buf)
    });
    if side {
        Paragraph::new(picture_lines(model, &r, pictures.width)).render(pictures, buf);
    }
    if let Some(editor) = &session.editor
        && let EditTarget::Number { item, .. } = &editor.target
        && let Some(input) = calc.input(item)
    {
        super::dialog::render_number(
            model,
            &format!(" {} ", input.label),
            &input.help,
            editor,
            area,
            buf,
        );
    }
    max_scroll
}

pub fn render_measurements(
    model: &Model,
    session: &Session,
    inst: &Instrument,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = model.theme();
    let calc = inst.calculator().expect("a calculator");
    let r = result(model, session, inst);
    let width = area.width.saturating_sub(2);
    let mut lines = vec![Line::styled(
        "De drie ambities van klantgericht klachtenmanagement",
        theme.title(),
    )];
    lines.extend(
        wrap(
            "Meet ze elke ronde; de vergelijking laat zien hoe ze zich ontwikkelen.",
            width,
        )
        .into_iter()
        .map(|l| Line::styled(l, theme.muted())),
    );
    lines.push(Line::raw(""));
    for (i, (m, row)) in calc.measurements.iter().zip(&r.measurements).enumerate() {
        let status = match row.met {
            Some(true) => Span::styled("✓ gehaald", theme.good()),
            Some(false) => Span::styled("✗ nog niet", theme.bad()),
            None => Span::styled("niet gemeten", theme.muted()),
        };
        // Not measured: said once, not as the value and again as the verdict.
        let right = match row.value {
            Some(_) => vec![
                Span::styled(format!("{} ", row.display), theme.current()),
                status,
            ],
            None => vec![status],
        };
        // The value and the verdict always show in full; a long name gives way.
        let right_width: usize = right.iter().map(|s| s.width()).sum();
        let name = truncate(&m.name, usize::from(width).saturating_sub(right_width + 1));
        let line = spread(vec![Span::styled(name, theme.title())], right, width);
        lines.push(if i == session.cursor {
            line.style(theme.selected())
        } else {
            line
        });
        lines.extend(
            wrap(
                &format!("{} · ambitie: {}", m.question, row.threshold),
                width,
            )
            .into_iter()
            .map(|l| Line::styled(l, theme.muted())),
        );
        if let Some(v) = row.value {
            // The legend says what the mark in the bar is; apart from a mark at 100%.
            const LEGEND: &str = "  (┃ = ambitie)";
            let bar_width = usize::from(width).saturating_sub(LEGEND.chars().count() + 1);
            let filled = ((v - m.min) / (m.max - m.min) * bar_width as f64)
                .round()
                .clamp(0.0, bar_width as f64) as usize;
            let target = ((row.target - m.min) / (m.max - m.min) * bar_width as f64)
                .round()
                .clamp(0.0, bar_width as f64) as usize;
            let mut cells: Vec<char> = (0..bar_width)
                .map(|c| if c < filled { '█' } else { '░' })
                .collect();
            if let Some(c) = cells.get_mut(target.min(bar_width.saturating_sub(1))) {
                *c = '┃';
            }
            lines.push(Line::from(vec![
                Span::styled(cells.into_iter().collect::<String>(), theme.current()),
                Span::styled(LEGEND, theme.muted()),
            ]));
        }
        lines.push(Line::raw(""));
    }
    Paragraph::new(lines).render(area, buf);
    if let Some(editor) = &session.editor
        && let EditTarget::Number { item, .. } = &editor.target
        && let Some(m) = calc.measurements.iter().find(|m| &m.id == item)
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
