//! Inline SVG charts for the HTML reports: the radar of a grid (with the team's spread
//! and an earlier round), the gap chart, the share of criteria met per norm part, and
//! the IKM model as Enablers → Performance → Results. maud escapes every text.
//!
//! One meaning per line style everywhere: solid plum is the current level ("huidig",
//! or "nu" in a comparison), dashed green is the ambition ("doel"), dotted grey with
//! open circles is the earlier round ("eerst").

use crate::domain::result::{GridResult, ModelResult, NormResult};
use crate::radar::{label_alignment, point, polygon_segments, spoke_angle};
use maud::{Markup, html};

pub const CURRENT: &str = "#a0306e";
pub const AMBITION: &str = "#2e7d32";
pub const EARLIER: &str = "#6e6e73";
pub const BAND: &str = "#4aa3c9";
pub const WARN: &str = "#b00020";

/// A line on the radar.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Current,
    Ambition,
    Earlier,
}

fn f(v: f64) -> String {
    format!("{v:.1}")
}

/// The radar of a grid: `lines` drawn in the order given (the last on top), and the
/// team's lowest and highest answer per item as a band.
pub fn radar(
    g: &GridResult,
    lines: &[(Line, Vec<Option<f64>>)],
    band: Option<&[(Option<f64>, Option<f64>)]>,
) -> Markup {
    let (width, height, cx, cy, r) = (660.0, 400.0, 330.0, 200.0, 150.0);
    let n = g.rows.len();
    let max = g.levels.len().max(1) as f64;
    let at = |(x, y): (f64, f64)| (cx + x * r, cy - y * r);
    let ring = |level: f64| -> String {
        (0..n)
            .map(|i| {
                let (x, y) = at(point(i, n, level, max));
                format!("{},{}", f(x), f(y))
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let segments = |v: &[Option<f64>]| -> Vec<((f64, f64), (f64, f64))> {
        polygon_segments(v, max)
            .into_iter()
            .map(|(a, b)| (at(a), at(b)))
            .collect()
    };
    let current_answered: Vec<bool> = lines
        .iter()
        .find(|(l, _)| *l == Line::Current)
        .map(|(_, v)| v.iter().map(Option::is_some).collect())
        .unwrap_or_else(|| vec![true; n]);
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {width} {height}")) role="img"
            aria-label="Radar: per onderdeel het huidige niveau en het doel" {
            @for level in 1..=g.levels.len() {
                polygon points=(ring(level as f64)) fill="none" stroke="#d2d2d7" stroke-width="1" {}
            }
            @for i in 0..n {
                @let (x, y) = at(point(i, n, max, max));
                line x1=(cx) y1=(cy) x2=(f(x)) y2=(f(y)) stroke="#d2d2d7" {}
            }
            @for (level, name) in g.levels.iter().enumerate() {
                @let (x, y) = at(point(0, n, (level + 1) as f64, max));
                text x=(f(x + 4.0)) y=(f(y - 3.0)) font-size="10" fill="#6e6e73" { (name) }
            }
            @if let Some(band) = band {
                @for (i, (low, high)) in band.iter().enumerate() {
                    @if let (Some(low), Some(high)) = (low, high) {
                        @let (x1, y1) = at(point(i, n, *low, max));
                        @let (x2, y2) = at(point(i, n, *high, max));
                        line x1=(f(x1)) y1=(f(y1)) x2=(f(x2)) y2=(f(y2))
                            stroke=(BAND) stroke-opacity="0.45" stroke-width="10" stroke-linecap="round" {}
                    }
                }
            }
            @for (line, values) in lines {
                @let (colour, width, dash) = match line {
                    Line::Current => (CURRENT, "2.5", ""),
                    Line::Ambition => (AMBITION, "2", "6 4"),
                    Line::Earlier => (EARLIER, "2", "1.5 3"),
                };
                @for ((x1, y1), (x2, y2)) in segments(values) {
                    line x1=(f(x1)) y1=(f(y1)) x2=(f(x2)) y2=(f(y2))
                        stroke=(colour) stroke-width=(width) stroke-dasharray=(dash) stroke-linecap="round" {}
                }
                @for (i, v) in values.iter().enumerate() {
                    @if let Some(v) = v {
                        @let (x, y) = at(point(i, n, *v, max));
                        @match line {
                            Line::Current => circle cx=(f(x)) cy=(f(y)) r="4" fill=(CURRENT) {},
                            Line::Earlier => circle cx=(f(x)) cy=(f(y)) r="4" fill="#ffffff" stroke=(EARLIER) stroke-width="1.5" {},
                            Line::Ambition => {},
                        }
                    }
                }
            }
            @for (i, row) in g.rows.iter().enumerate() {
                @let angle = spoke_angle(i, n);
                @let (x, y) = at((angle.cos() * 1.1, angle.sin() * 1.1));
                @let anchor = match label_alignment(i, n) { a if a < 0.25 => "start", a if a > 0.75 => "end", _ => "middle" };
                @let dy = if angle.sin() > 0.8 { -4.0 } else if angle.sin() < -0.8 { 12.0 } else { 4.0 };
                @let answered = current_answered.get(i).copied().unwrap_or(true);
                text x=(f(x)) y=(f(y + dy)) text-anchor=(anchor) font-size="12"
                    fill=(if answered { "#1d1d1f" } else { "#9a9aa0" }) {
                    (row.number) " " (row.to) @if !answered { " (open)" }
                }
            }
        }
    }
}

/// The gap chart: per item the current level as a bar and the way to the ambition as
/// a dashed green extension.
pub fn gaps(g: &GridResult) -> Markup {
    let label_w = 230.0;
    let track = 380.0;
    let row_h = 24.0;
    let top = 22.0;
    let max = g.levels.len().max(1) as f64;
    let height = top + row_h * g.rows.len() as f64 + 8.0;
    let x_of = |v: f64| label_w + track * v / max;
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 660 {}", f(height))) role="img"
            aria-label="Gaten: per onderdeel het huidige niveau en de afstand tot het doel" class="chart" {
            @for (i, name) in g.levels.iter().enumerate() {
                @let x = x_of((i + 1) as f64);
                line x1=(f(x)) y1=(f(top - 4.0)) x2=(f(x)) y2=(f(height - 6.0)) stroke="#d2d2d7" {}
                text x=(f(x)) y=(f(top - 8.0)) text-anchor="end" font-size="10" fill="#6e6e73" { (name) }
            }
            @for (i, row) in g.rows.iter().enumerate() {
                @let y = top + row_h * i as f64;
                text x=(f(label_w - 8.0)) y=(f(y + 15.0)) text-anchor="end" font-size="11" fill="#1d1d1f" {
                    (row.number) " " (row.to)
                }
                @if let Some(level) = row.level {
                    rect x=(f(label_w)) y=(f(y + 5.0)) width=(f(x_of(f64::from(level.value())) - label_w)) height="13"
                        fill=(CURRENT) rx="2" {}
                }
                @if let (Some(level), Some(ambition)) = (row.level, row.ambition) {
                    @if ambition > level {
                        @let x1 = x_of(f64::from(level.value()));
                        @let x2 = x_of(f64::from(ambition.value()));
                        rect x=(f(x1)) y=(f(y + 5.0)) width=(f(x2 - x1)) height="13" fill="#e8f3e8"
                            stroke=(AMBITION) stroke-width="1.5" stroke-dasharray="6 4" rx="2" {}
                        text x=(f(x2 + 5.0)) y=(f(y + 15.0)) font-size="10" fill=(AMBITION) {
                            "+" (ambition.value() - level.value())
                        }
                    }
                }
                @if row.level.is_none() {
                    text x=(f(label_w + 4.0)) y=(f(y + 15.0)) font-size="10" fill="#9a9aa0" { "nog open" }
                }
            }
        }
    }
}

/// Per norm part the share of its criteria that count towards the score.
pub fn parts(n: &NormResult) -> Markup {
    let label_w = 230.0;
    let track = 330.0;
    let row_h = 24.0;
    let height = row_h * n.parts.len() as f64 + 6.0;
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 660 {}", f(height))) role="img"
            aria-label="Per onderdeel het aandeel criteria dat meetelt voor de score" class="chart" {
            @for (i, p) in n.parts.iter().enumerate() {
                @let y = row_h * i as f64;
                text x=(f(label_w - 8.0)) y=(f(y + 15.0)) text-anchor="end" font-size="11" fill="#1d1d1f" {
                    (p.numeral) " " (p.title)
                }
                rect x=(f(label_w)) y=(f(y + 5.0)) width=(f(track)) height="13" fill="#f0f0f3" rx="2" {}
                @if let Some(share) = p.share {
                    rect x=(f(label_w)) y=(f(y + 5.0)) width=(f(track * share.percent() / 100.0)) height="13" fill=(CURRENT) rx="2" {}
                    text x=(f(label_w + track + 6.0)) y=(f(y + 15.0)) font-size="11" fill="#1d1d1f" {
                        (share.short())
                    }
                } @else {
                    text x=(f(label_w + track + 6.0)) y=(f(y + 15.0)) font-size="11" fill="#9a9aa0" { "nog open" }
                }
            }
        }
    }
}

/// The IKM model: a column per group (Enablers → Performance → Results), a box per
/// box with its score; boxes nobody looked at dashed and grey, the weakest in red.
pub fn model(m: &ModelResult) -> Markup {
    let columns = m.groups.len().max(1) as f64;
    let gap = 34.0;
    let col_w = (660.0 - gap * (columns - 1.0)) / columns;
    let box_h = 58.0;
    let box_gap = 10.0;
    let top = 26.0;
    let rows = m
        .groups
        .iter()
        .map(|(id, _)| m.boxes.iter().filter(|b| &b.group == id).count())
        .max()
        .unwrap_or(0) as f64;
    let height = top + rows * (box_h + box_gap) + 4.0;
    let chars = ((col_w - 16.0) / 6.4).max(8.0) as usize;
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 660 {}", f(height))) role="img"
            aria-label="Het IKM-model: enablers, prestatie-indicatoren en resultaten" class="chart" {
            defs {
                marker id="ikm-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto" {
                    path d="M0,0 L10,5 L0,10 z" fill="#6e6e73" {}
                }
            }
            @for (c, (group, title)) in m.groups.iter().enumerate() {
                @let x = c as f64 * (col_w + gap);
                text x=(f(x + col_w / 2.0)) y="16" text-anchor="middle" font-size="12" font-weight="600" fill="#1d1d1f" { (title) }
                @if c + 1 < m.groups.len() {
                    line x1=(f(x + col_w + 4.0)) y1=(f(top + height / 2.0 - 14.0)) x2=(f(x + col_w + gap - 4.0)) y2=(f(top + height / 2.0 - 14.0))
                        stroke="#6e6e73" stroke-width="2" marker-end="url(#ikm-arrow)" {}
                }
                @for (r, b) in m.boxes.iter().filter(|b| &b.group == group).enumerate() {
                    @let y = top + r as f64 * (box_h + box_gap);
                    @let weakest = m.weakest.as_ref() == Some(&b.id);
                    @let (fill, stroke, sw, dash) = match b.percent {
                        None => ("#f4f4f6", "#9a9aa0", "1.5", "5 4"),
                        Some(_) if weakest => ("#fbeaec", WARN, "3", ""),
                        Some(_) => ("#f7eef3", CURRENT, "1.2", ""),
                    };
                    rect x=(f(x)) y=(f(y)) width=(f(col_w)) height=(f(box_h)) rx="6"
                        fill=(fill) stroke=(stroke) stroke-width=(sw) stroke-dasharray=(dash) {}
                    @if let Some(p) = b.percent {
                        rect x=(f(x + 1.0)) y=(f(y + box_h - 7.0)) width=(f((col_w - 2.0) * p / 100.0)) height="6" fill=(if weakest { WARN } else { CURRENT }) {}
                    }
                    @let lines = textwrap::wrap(&b.title, chars);
                    @for (l, line) in lines.iter().take(2).enumerate() {
                        text x=(f(x + 8.0)) y=(f(y + 16.0 + 13.0 * l as f64)) font-size="11" fill="#1d1d1f" { (line) }
                    }
                    text x=(f(x + col_w - 8.0)) y=(f(y + box_h - 12.0)) text-anchor="end" font-size="11" font-weight="600"
                        fill=(match b.percent { None => "#6e6e73", Some(_) if weakest => WARN, Some(_) => CURRENT }) {
                        @match b.percent {
                            Some(p) => { (super::model::percent(p)) @if weakest { " · zwakste" } },
                            None => "niet bekeken",
                        }
                    }
                }
            }
        }
    }
}
