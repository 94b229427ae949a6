//! The radar of the paradigm shifts on a Braille canvas: rings per level, the current
//! level and the ambition as polygons, labels that never leave the area.

use super::Theme;
use super::text::truncate;
use crate::radar::{label_alignment, point, polygon_segments, spoke_angle};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Context, Line as CanvasLine, Points};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone)]
pub struct Radar {
    /// One label per spoke, e.g. "1 Feedback".
    pub labels: Vec<String>,
    pub current: Vec<Option<u8>>,
    pub ambition: Vec<Option<u8>>,
    /// Per spoke the lowest and highest level a team gave (workshop), drawn as a band.
    pub bands: Vec<Option<(u8, u8)>>,
    /// The outer ring (4 = goud).
    pub max: u8,
    /// The second polygon is an earlier round, not the ambition: its own colour.
    pub earlier: bool,
    pub theme: Theme,
}

impl Radar {
    fn color(&self, color: Color) -> Color {
        if self.theme.color {
            color
        } else {
            Color::Reset
        }
    }
}

/// Geometry in canvas units: one unit is one column wide and half a row high, which is
/// about square on screen, so the radar comes out round.
struct Geometry {
    cx: f64,
    cy: f64,
    radius: f64,
    label_width: usize,
}

fn geometry(area: Rect, longest: usize) -> Option<Geometry> {
    let w = f64::from(area.width);
    let h = f64::from(area.height) * 2.0;
    // Labels get what is left beside a radar as tall as the area.
    let room = (w / 2.0 - 1.0 - (h / 2.0 - 2.0)).max(2.0) as usize;
    let label_width = longest.min(room).max(1);
    let radius = (w / 2.0 - label_width as f64 - 1.5).min(h / 2.0 - 2.5);
    (radius >= 3.0).then_some(Geometry {
        cx: w / 2.0,
        cy: h / 2.0,
        radius,
        label_width,
    })
}

fn dashed(ctx: &mut Context, from: (f64, f64), to: (f64, f64), color: Color) {
    let length = ((to.0 - from.0).powi(2) + (to.1 - from.1).powi(2)).sqrt();
    let pieces = ((length / 1.5).ceil() as usize).max(1);
    for i in (0..pieces).step_by(2) {
        let a = i as f64 / pieces as f64;
        let b = ((i + 1) as f64 / pieces as f64).min(1.0);
        ctx.draw(&CanvasLine::new(
            from.0 + (to.0 - from.0) * a,
            from.1 + (to.1 - from.1) * a,
            from.0 + (to.0 - from.0) * b,
            from.1 + (to.1 - from.1) * b,
            color,
        ));
    }
}

impl Widget for &Radar {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let n = self.labels.len();
        let longest = self.labels.iter().map(|l| l.width()).max().unwrap_or(1);
        let Some(g) = geometry(area, longest).filter(|_| n >= 3) else {
            Line::styled("(te weinig ruimte voor de radar)", self.theme.muted()).render(area, buf);
            return;
        };
        let max = f64::from(self.max);
        let at = |x: f64, y: f64| (g.cx + x * g.radius, g.cy + y * g.radius);
        let muted = self.color(Color::DarkGray);
        let current_color = self.color(Color::Magenta);
        let ambition_color = self.color(if self.earlier { Color::Blue } else { Color::Green });
        let values =
            |v: &[Option<u8>]| -> Vec<Option<f64>> { v.iter().map(|x| x.map(f64::from)).collect() };
        let current = values(&self.current);
        let ambition = values(&self.ambition);
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds([0.0, f64::from(area.width)])
            .y_bounds([0.0, f64::from(area.height) * 2.0])
            .paint(|ctx| {
                // Rings and spokes.
                for ring in 1..=self.max {
                    for i in 0..n {
                        let (x1, y1) = point(i, n, f64::from(ring), max);
                        let (x2, y2) = point((i + 1) % n, n, f64::from(ring), max);
                        let (a, b) = (at(x1, y1), at(x2, y2));
                        ctx.draw(&CanvasLine::new(a.0, a.1, b.0, b.1, muted));
                    }
                }
                for i in 0..n {
                    let (x, y) = point(i, n, max, max);
                    let end = at(x, y);
                    ctx.draw(&CanvasLine::new(g.cx, g.cy, end.0, end.1, muted));
                }
                ctx.layer();
                let band_color = self.color(Color::Cyan);
                for (i, band) in self.bands.iter().enumerate() {
                    if let Some((low, high)) = band.filter(|(low, high)| high > low) {
                        let (x1, y1) = point(i, n, f64::from(low), max);
                        let (x2, y2) = point(i, n, f64::from(high), max);
                        let (a, b) = (at(x1, y1), at(x2, y2));
                        // Three parallel strokes make the band stand out from a spoke.
                        for d in [-0.5, 0.0, 0.5] {
                            ctx.draw(&CanvasLine::new(a.0 + d, a.1, b.0 + d, b.1, band_color));
                        }
                    }
                }
                for (a, b) in polygon_segments(&ambition, max) {
                    dashed(ctx, at(a.0, a.1), at(b.0, b.1), ambition_color);
                }
                for (a, b) in polygon_segments(&current, max) {
                    let (a, b) = (at(a.0, a.1), at(b.0, b.1));
                    ctx.draw(&CanvasLine::new(a.0, a.1, b.0, b.1, current_color));
                }
                let dots: Vec<(f64, f64)> = current
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| v.map(|v| point(i, n, v, max)))
                    .map(|(x, y)| at(x, y))
                    .collect();
                ctx.draw(&Points {
                    coords: &dots,
                    color: current_color,
                });
                ctx.layer();
                // Labels, kept inside the area.
                for (i, label) in self.labels.iter().enumerate() {
                    let answered = self.current.get(i).copied().flatten().is_some();
                    let text = if g.label_width < 8 {
                        label.split_whitespace().next().unwrap_or("").to_string()
                    } else {
                        truncate(label, g.label_width)
                    };
                    let text = if answered { text } else { format!("{text}?") };
                    let width = text.width() as f64;
                    let angle = spoke_angle(i, n);
                    let (x, y) = at(angle.cos() * 1.08, angle.sin() * 1.08);
                    let mut left = x - width * label_alignment(i, n);
                    let mut y = y;
                    if angle.sin() > 0.8 {
                        y += 1.0;
                    } else if angle.sin() < -0.8 {
                        y -= 2.0;
                    }
                    left = left.clamp(0.0, (f64::from(area.width) - width).max(0.0));
                    y = y.clamp(0.0, f64::from(area.height) * 2.0 - 1.0);
                    let style = if answered {
                        self.theme.title()
                    } else {
                        self.theme.muted()
                    };
                    ctx.print(left, y, Line::styled(text, style));
                }
            })
            .render(area, buf);
    }
}
