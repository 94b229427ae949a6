//! Results: per instrument, from the one result model, its verdict, its figures (the
//! radar and table of a grid, the bars of a norm framework or a checklist, the outputs
//! of a calculator, the boxes of a model), its rules, warnings and next steps.

use super::Theme;
use super::radar::Radar;
use super::text::{render_parts, truncate, wrap};
use crate::app::{Model, Session};
use crate::domain::aggregate::scale_spread;
use crate::domain::result::{Detail, GridResult, InstrumentResult, NormResult};
use crate::domain::scoring::model::percent_text;
use crate::domain::{Level, Respondent};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// The radar of a grid's rows.
pub fn radar_for(grid: &GridResult, theme: Theme) -> Radar {
    Radar {
        labels: grid
            .rows
            .iter()
            .map(|r| format!("{} {}", r.number, r.to))
            .collect(),
        current: grid
            .rows
            .iter()
            .map(|r| r.level.map(Level::value))
            .collect(),
        ambition: grid
            .rows
            .iter()
            .map(|r| r.ambition.map(Level::value))
            .collect(),
        bands: Vec::new(),
        max: grid.levels.len() as u8,
        earlier: false,
        theme,
    }
}

/// A provisional verdict stands out.
fn verdict_style(r: &InstrumentResult, theme: Theme) -> Style {
    if r.provisional {
        theme.warning()
    } else {
        theme.current()
    }
}

fn wrapped(text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    wrap(text, width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// The grid's table and summary (beside the radar).
pub fn grid_lines(
    r: &InstrumentResult,
    g: &GridResult,
    instrument: &str,
    team: &[Respondent],
    theme: Theme,
    width: u16,
) -> Vec<Line<'static>> {
    let team_width = if team.len() > 1 { 7 } else { 0 };
    let level_width = g
        .levels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(6)
        .max(6)
        + 1;
    let name_width = usize::from(width)
        .saturating_sub(2 * level_width + 5 + team_width)
        .clamp(8, 30);
    let mut lines = vec![Line::styled(r.title.clone(), theme.title())];
    lines.push(Line::styled(
        format!(
            "{:<name_width$} {:<level_width$}{:<level_width$}{:>3}{}",
            capitalize(&g.item_name),
            "Huidig",
            "Doel",
            "Gat",
            if team_width > 0 { " Team" } else { "" }
        ),
        theme.muted(),
    ));
    for row in &g.rows {
        let gap = format!("{:>3}", row.gap_mark());
        let name = truncate(&format!("{} {}", row.number, row.to), name_width);
        let mut spans = vec![
            Span::raw(format!("{name:<name_width$} ")),
            Span::styled(
                format!("{:<level_width$}", g.level_name(row.level)),
                if row.level.is_some() {
                    theme.current()
                } else {
                    theme.muted()
                },
            ),
            Span::styled(
                format!("{:<level_width$}", g.level_name(row.ambition)),
                theme.ambition(),
            ),
            Span::styled(
                gap,
                if row.gap().is_some_and(|d| d < 0) {
                    theme.warning()
                } else {
                    Style::new()
                },
            ),
        ];
        if team_width > 0 {
            let spread = scale_spread(instrument, &row.id, team);
            let text = match (spread.min, spread.max) {
                (Some(a), Some(b)) if a != b => format!(" {}–{}", a.value(), b.value()),
                (Some(a), Some(_)) => format!(" {}", a.value()),
                _ => String::new(),
            };
            spans.push(Span::styled(text, theme.muted()));
            if spread.disagrees() {
                spans.push(Span::styled(" ⚠", theme.warning()));
            }
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    lines.extend(wrapped(
        &r.verdict_in_full(),
        width,
        verdict_style(r, theme),
    ));
    if g.summary.mean.is_some() {
        let counts: Vec<String> = g
            .levels
            .iter()
            .zip(&g.summary.counts)
            .map(|(name, count)| format!("{name} {count}"))
            .collect();
        lines.extend(wrapped(&counts.join(" · "), width, Style::new()));
    }
    if let Some(furthest) = g.summary.gaps.first()
        && let Some(row) = g.rows.iter().find(|x| x.id == furthest.item)
    {
        lines.extend(wrapped(
            &format!(
                "Verst van het doel: {} {} ({} → {})",
                row.number,
                row.to,
                g.level_name(Some(furthest.level)),
                g.level_name(Some(furthest.ambition))
            ),
            width,
            Style::new(),
        ));
    }
    let marker = if theme.color {
        ("──", "- -")
    } else {
        ("━━ ●", "╌╌ ◆")
    };
    lines.push(Line::from(vec![
        Span::styled(format!("{} huidig", marker.0), theme.current()),
        Span::raw("   "),
        Span::styled(format!("{} doel", marker.1), theme.ambition()),
    ]));
    if team.len() > 1 {
        lines.extend(wrapped(
            "║ spreiding in het team (laagste–hoogste); de radar toont het akkoord, anders het voorstel",
            width,
            theme.muted(),
        ));
    }
    lines
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A bar of `filled` out of `total` cells, with a mark at `mark`.
fn bar(filled: usize, total: usize, mark: Option<usize>, theme: Theme) -> Vec<Span<'static>> {
    (0..total)
        .map(|i| {
            if Some(i + 1) == mark && i >= filled {
                Span::styled("┆", theme.muted())
            } else if i < filled {
                Span::styled("█", theme.current())
            } else {
                Span::styled("░", theme.muted())
            }
        })
        .collect()
}

fn norm_lines(
    r: &InstrumentResult,
    n: &NormResult,
    theme: Theme,
    width: u16,
) -> Vec<Line<'static>> {
    let bar_width = usize::from(width).saturating_sub(32).clamp(10, 25);
    let mut lines = vec![Line::styled(r.title.clone(), theme.title())];
    let scale = usize::from(n.scale_max);
    for part in &n.parts {
        let name = truncate(&format!("{} {}", part.numeral, part.title), 24);
        let filled = part.score.map_or(0, |s| usize::from(s) * bar_width / scale);
        let mark = n.sufficient.map(|s| usize::from(s) * bar_width / scale);
        let mut spans = vec![Span::raw(format!("{name:<24} "))];
        spans.extend(bar(filled, bar_width, mark, theme));
        spans.push(match part.score {
            Some(s) if part.provisional => Span::styled(format!(" {s} voorlopig"), theme.current()),
            Some(s) => Span::styled(format!(" {s}"), theme.current()),
            None => Span::styled(" —", theme.muted()),
        });
        lines.push(Line::from(spans));
        lines.extend(
            wrap(&part.explanation, width.saturating_sub(4))
                .into_iter()
                .map(|l| Line::styled(format!("    {l}"), theme.muted())),
        );
        for w in &part.warnings {
            lines.extend(
                wrap(&format!("⚠ {w}"), width.saturating_sub(4))
                    .into_iter()
                    .map(|l| Line::styled(format!("    {l}"), theme.warning())),
            );
        }
    }
    for m in &n.measurements {
        lines.extend(wrapped(
            &format!(
                "{} ({}): {} — norm {}",
                m.name,
                m.criterion.clone().unwrap_or_default(),
                m.display,
                m.threshold
            ),
            width,
            if m.met == Some(false) {
                theme.warning()
            } else {
                theme.muted()
            },
        ));
    }
    if let Some(s) = n.sufficient {
        lines.push(Line::styled(
            format!("{:<24} ┆ voldoende ({s})", ""),
            theme.muted(),
        ));
    }
    lines.extend(wrapped(
        &format!(
            "{}{}",
            r.verdict_in_full(),
            n.total
                .map(|t| format!(" Onafgerond {}.", t.exact()))
                .unwrap_or_default()
        ),
        width,
        if r.provisional {
            theme.warning()
        } else {
            theme.current()
        },
    ));
    lines
}

fn detail_lines(r: &InstrumentResult, theme: Theme, width: u16) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    match &r.detail {
        Detail::Checklist(c) => {
            lines.push(Line::styled(r.title.clone(), theme.title()));
            let bar_width = usize::from(width).saturating_sub(36).clamp(10, 25);
            for s in &c.sections {
                let name = truncate(&s.title, 22);
                let filled = s
                    .share
                    .map_or(0, |x| (x.fraction() * bar_width as f64).round() as usize);
                let mut spans = vec![Span::raw(format!("{name:<22} "))];
                spans.extend(bar(filled, bar_width, None, theme));
                spans.push(Span::styled(
                    s.share.map_or(" —".into(), |x| format!(" {}", x.display())),
                    theme.current(),
                ));
                lines.push(Line::from(spans));
            }
            // Fields still empty are among the result's warnings, shown below.
            lines.extend(wrapped(
                &r.verdict_in_full(),
                width,
                verdict_style(r, theme),
            ));
        }
        Detail::Calculator(c) => {
            lines.push(Line::styled(r.title.clone(), theme.title()));
            lines.extend(wrapped(
                &r.verdict_in_full(),
                width,
                verdict_style(r, theme),
            ));
            for id in [
                "bc.weg_totaal",
                "bc.mond_saldo",
                "bc.keten_situaties",
                "bc.kosten_stil",
            ] {
                if let Some(o) = c.output(id) {
                    lines.extend(wrapped(
                        &format!("{}: {}", o.label, o.display),
                        width,
                        Style::new(),
                    ));
                }
            }
            for m in &c.measurements {
                let mark = match m.met {
                    Some(true) => "✓",
                    Some(false) => "✗",
                    None => "·",
                };
                lines.extend(wrapped(
                    &format!("{mark} {}: {} (ambitie {})", m.name, m.display, m.threshold),
                    width,
                    if m.met == Some(false) {
                        theme.warning()
                    } else {
                        Style::new()
                    },
                ));
            }
            for p in &c.problems {
                lines.extend(wrapped(&format!("⚠ {p}"), width, theme.warning()));
            }
        }
        Detail::Model(m) => {
            lines.push(Line::styled(r.title.clone(), theme.title()));
            lines.extend(wrapped(
                &r.verdict_in_full(),
                width,
                verdict_style(r, theme),
            ));
            for (group, title) in &m.groups {
                let boxes: Vec<String> = m
                    .boxes
                    .iter()
                    .filter(|b| &b.group == group)
                    .map(|b| {
                        format!(
                            "{} {}",
                            b.title,
                            b.percent.map_or("niet bekeken".into(), percent_text)
                        )
                    })
                    .collect();
                lines.extend(wrapped(
                    &format!("{title}: {}", boxes.join(" · ")),
                    width,
                    Style::new(),
                ));
            }
        }
        Detail::Grid(_) | Detail::Norm(_) => {}
    }
    lines
}

/// Warnings, the rules and the next steps of one instrument; `selected` marks the next
/// step under the cursor (for `a`), counted from `first`.
fn tail_lines(
    r: &InstrumentResult,
    theme: Theme,
    width: u16,
    first: usize,
    selected: usize,
) -> (Vec<Line<'static>>, Option<(u16, u16)>) {
    let mut lines = Vec::new();
    let mut focus = None;
    if !matches!(r.detail, Detail::Norm(_)) {
        for w in &r.warnings {
            lines.extend(wrapped(&format!("⚠ {w}"), width, theme.warning()));
        }
    }
    lines.push(Line::styled("Zo telt het", theme.muted()));
    for rule in &r.rules {
        lines.extend(
            wrapped(rule, width.saturating_sub(2), theme.muted())
                .into_iter()
                .map(|l| {
                    let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
                    Line::styled(format!("  {text}"), theme.muted())
                }),
        );
    }
    lines.push(Line::styled(
        format!("Volgende stappen — {}", r.short),
        theme.title(),
    ));
    if r.next_steps.is_empty() {
        lines.push(Line::styled(
            if r.progress.is_started() {
                "Geen: alles wat beantwoord is staat op het hoogste niveau."
            } else {
                "Beantwoord eerst de vragen; dan verschijnen hier de volgende stappen."
            },
            theme.muted(),
        ));
    }
    for (i, step) in r.next_steps.iter().enumerate() {
        let is_selected = first + i == selected;
        let top = lines.len() as u16;
        let marker = if is_selected { "▶ " } else { "  " };
        let title = Line::from(vec![
            Span::styled(marker, theme.key()),
            Span::styled(step.title.clone(), theme.title()),
        ]);
        lines.push(if is_selected {
            title.style(theme.selected())
        } else {
            title
        });
        lines.extend(
            wrap(&step.text, width.saturating_sub(4))
                .into_iter()
                .map(|l| Line::raw(format!("    {l}"))),
        );
        if is_selected {
            focus = Some((top, lines.len() as u16));
        }
    }
    lines.push(Line::raw(""));
    (lines, focus)
}

/// One piece of the results page, placed in content coordinates.
enum Block {
    Lines(Rect, Vec<Line<'static>>),
    Radar(Rect, Radar),
}

impl Block {
    fn rect(&self) -> Rect {
        match self {
            Block::Lines(rect, _) | Block::Radar(rect, _) => *rect,
        }
    }
}

/// Lay out the whole page once: every block and the content's height.
fn layout(model: &Model, session: &Session, width: u16) -> Layout {
    let theme = model.theme();
    let result = session.result(model.instruments);
    let team = &session.assessment.respondents[..];
    let mut y = 0u16;
    let mut first_step = 0;
    let mut focus = None;
    let mut blocks = Vec::new();
    let put = |blocks: &mut Vec<Block>, lines: Vec<Line<'static>>, x: u16, y: u16, w: u16| -> u16 {
        let h = lines.len() as u16;
        blocks.push(Block::Lines(Rect::new(x, y, w, h), lines));
        h
    };
    for r in &result.instruments {
        match &r.detail {
            Detail::Grid(g) => {
                let min_side = if team.len() > 1 { 44 } else { 36 };
                // The column's lines are built once, when its height is measured.
                let side_lines = std::cell::RefCell::new(None);
                let (radar_area, side, top) = radar_beside(width, min_side, |w| {
                    let lines = grid_lines(r, g, &r.id, team, theme, w);
                    let height = lines.len() as u16;
                    *side_lines.borrow_mut() = Some((w, lines));
                    height
                });
                let mut radar = radar_for(g, theme);
                if team.len() > 1 {
                    radar.bands = g
                        .rows
                        .iter()
                        .map(|row| {
                            let s = scale_spread(&r.id, &row.id, team);
                            s.min.zip(s.max).map(|(a, b)| (a.value(), b.value()))
                        })
                        .collect();
                }
                blocks.push(Block::Radar(
                    Rect::new(
                        radar_area.x,
                        y + radar_area.y,
                        radar_area.width,
                        radar_area.height,
                    ),
                    radar,
                ));
                let lines = match side_lines.into_inner() {
                    Some((w, lines)) if w == side.width => lines,
                    _ => grid_lines(r, g, &r.id, team, theme, side.width),
                };
                put(&mut blocks, lines, side.x, y + side.y, side.width);
                y += top;
            }
            Detail::Norm(n) => {
                y += put(&mut blocks, norm_lines(r, n, theme, width), 0, y, width) + 1;
            }
            _ => {
                y += put(&mut blocks, detail_lines(r, theme, width), 0, y, width) + 1;
            }
        }
        let (tail, selected) = tail_lines(r, theme, width, first_step, session.step_cursor);
        focus = focus.or(selected.map(|(top, bottom)| (y + top, y + bottom)));
        y += put(&mut blocks, tail, 0, y, width);
        first_step += r.next_steps.len();
    }
    Layout {
        blocks,
        height: y,
        focus,
    }
}

/// A radar with a column of text beside it (or below it, when narrow): the radar's
/// area, the column's area, and the first free row under both. Where the radar is wide
/// it leaves room for full labels; where not, numbers only (the column names them).
pub(super) fn radar_beside(
    width: u16,
    min_side: u16,
    side_height: impl Fn(u16) -> u16,
) -> (Rect, Rect, u16) {
    let side = width >= 76;
    let side_width = if side {
        (width * 2 / 5).clamp(min_side, 60)
    } else {
        width
    };
    let radar_width = if side {
        (width - side_width - 2).min(120)
    } else {
        width.min(100)
    };
    let label_room = match radar_width {
        90.. => 24,
        60.. => 12,
        _ => 2,
    };
    let radar_height = (radar_width.saturating_sub(2 * label_room + 4) / 2).clamp(10, 30);
    let height = side_height(side_width);
    if side {
        (
            Rect::new(0, 0, radar_width, radar_height),
            Rect::new(radar_width + 2, 0, side_width, height),
            radar_height.max(height) + 1,
        )
    } else {
        (
            Rect::new(0, 0, width, radar_height),
            Rect::new(0, radar_height + 1, width, height),
            radar_height + height + 2,
        )
    }
}

/// The whole page: its blocks, its height and the rows of the selected next step.
struct Layout {
    blocks: Vec<Block>,
    height: u16,
    focus: Option<(u16, u16)>,
}

type Laid = std::rc::Rc<Layout>;

/// The results a layout was made from, its width, selected next step and colours.
type Memo = (
    std::rc::Rc<crate::domain::result::AssessmentResult>,
    u16,
    usize,
    bool,
    Laid,
);

thread_local! {
    /// The last layout, for the results it was made from (kept alive, so compared by
    /// identity), the width, the selected next step and the colours: scrolling redraws
    /// without building every instrument's lines again.
    static LAST: std::cell::RefCell<Option<Memo>> =
        const { std::cell::RefCell::new(None) };
}

fn laid_out(model: &Model, session: &Session, width: u16) -> Laid {
    let result = session.result(model.instruments);
    let key = (width, session.step_cursor, model.color);
    let hit = LAST.with(|last| {
        last.borrow().as_ref().and_then(|(r, w, c, color, laid)| {
            (std::rc::Rc::ptr_eq(r, &result) && (*w, *c, *color) == key).then(|| laid.clone())
        })
    });
    if let Some(laid) = hit {
        return laid;
    }
    let laid: Laid = std::rc::Rc::new(layout(model, session, width));
    LAST.with(|last| {
        *last.borrow_mut() = Some((result, key.0, key.1, key.2, laid.clone()));
    });
    laid
}

/// Draw the results (only the blocks in view); returns how far the page scrolls and
/// where the selected next step is.
pub fn render(
    model: &Model,
    session: &Session,
    area: Rect,
    buf: &mut Buffer,
) -> (u16, Option<(u16, u16)>) {
    // One column for the scrollbar.
    let width = area.width.saturating_sub(1);
    let laid = laid_out(model, session, width);
    let (blocks, height) = (&laid.blocks, laid.height);
    let parts = blocks.iter().map(|block| (block.rect(), block));
    render_parts(
        area,
        buf,
        height,
        session.scroll,
        parts,
        |block, rect, buf| match block {
            Block::Lines(_, lines) => Paragraph::new(lines.clone()).render(rect, buf),
            Block::Radar(_, radar) => radar.render(rect, buf),
        },
    );
    (height.saturating_sub(area.height), laid.focus)
}
