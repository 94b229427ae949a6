//! Small text helpers shared by the screens.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};
use unicode_width::UnicodeWidthStr;

/// Word-wrap `text` (hard line breaks kept) to `width` columns.
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    text.split('\n')
        .flat_map(|paragraph| {
            if paragraph.is_empty() {
                vec![String::new()]
            } else {
                crate::text::wrap(paragraph, width)
            }
        })
        .collect()
}

/// Wrapped text as styled lines.
pub fn wrapped_lines(text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    wrap(text, width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// Cut `text` to `width` columns, with an ellipsis when it was longer.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Replace control characters so nothing typed can move the terminal's cursor.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                '�'
            } else {
                c
            }
        })
        .collect()
}

/// A line with `left` and `right` parts, the right one flush right in `width`.
pub fn spread(left: Vec<Span<'static>>, right: Vec<Span<'static>>, width: u16) -> Line<'static> {
    let used: usize = left.iter().chain(&right).map(|s| s.content.width()).sum();
    let gap = usize::from(width).saturating_sub(used).max(1);
    let mut spans = left;
    spans.push(Span::raw(" ".repeat(gap)));
    spans.extend(right);
    Line::from(spans)
}

/// Draw `content_height` rows of content into `area`, starting at row `offset`: the
/// content is rendered off-screen in full, then the visible window is copied. Keeps
/// every screen simple: it lays out all of its content and never clips by hand.
pub fn render_scrolled(
    area: Rect,
    buf: &mut Buffer,
    content_height: u16,
    offset: u16,
    draw: impl FnOnce(Rect, &mut Buffer),
) {
    if area.is_empty() {
        return;
    }
    let content_height = content_height.max(1);
    let offset = offset.min(content_height.saturating_sub(area.height));
    let content = Rect::new(0, 0, area.width, content_height);
    let mut scratch = Buffer::empty(content);
    draw(content, &mut scratch);
    for y in 0..area.height.min(content_height - offset) {
        for x in 0..area.width {
            buf[(area.x + x, area.y + y)] = scratch[(x, y + offset)].clone();
        }
    }
    scrollbar(area, buf, content_height, offset);
}

/// The scrollbar of a window of `area` onto `content_height` rows shown from `offset`;
/// nothing when everything fits.
fn scrollbar(area: Rect, buf: &mut Buffer, content_height: u16, offset: u16) {
    if content_height > area.height {
        let mut state = ScrollbarState::new(usize::from(content_height - area.height))
            .position(usize::from(offset));
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .render(area, buf, &mut state);
    }
}

/// Draw a long page of pre-placed parts into `area`, from content row `offset`, without
/// rendering the whole page: parts outside the window are skipped, parts inside are drawn
/// in place, and a part cut by the window's edge is drawn whole aside and only its visible
/// rows copied. For pages big enough that [`render_scrolled`]'s full copy shows.
pub fn render_parts<P>(
    area: Rect,
    buf: &mut Buffer,
    content_height: u16,
    offset: u16,
    parts: impl IntoIterator<Item = (Rect, P)>,
    draw: impl Fn(P, Rect, &mut Buffer),
) {
    if area.is_empty() {
        return;
    }
    let content_height = content_height.max(1);
    let offset = offset.min(content_height.saturating_sub(area.height));
    let window = Rect::new(0, offset, area.width, area.height);
    for (rect, part) in parts {
        let seen = rect.intersection(window);
        if seen.is_empty() {
            continue;
        }
        let shift = |r: Rect| Rect::new(area.x + r.x, area.y + r.y - offset, r.width, r.height);
        if seen == rect {
            draw(part, shift(rect), buf);
            continue;
        }
        let mut aside = Buffer::empty(Rect::new(0, 0, rect.width, rect.height));
        draw(part, aside.area, &mut aside);
        let target = shift(seen);
        for y in 0..seen.height {
            for x in 0..seen.width {
                buf[(target.x + x, target.y + y)] =
                    aside[(seen.x - rect.x + x, seen.y - rect.y + y)].clone();
            }
        }
    }
    scrollbar(area, buf, content_height, offset);
}

/// The offset that shows rows `top..bottom` of the content in a window of `height` rows,
/// keeping the item's top visible when it is taller than the window.
pub fn offset_to_show(top: u16, bottom: u16, height: u16) -> u16 {
    bottom.saturating_sub(height).min(top)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::widgets::{Paragraph, Widget};

    /// Drawing only the window must give the same screen as drawing the whole page and
    /// copying the window, at every offset, including parts cut at the top and bottom.
    #[test]
    fn drawing_parts_matches_drawing_the_whole_page_at_every_offset() {
        let parts: Vec<(Rect, Vec<Line<'static>>)> = [(0u16, 3u16), (3, 5), (9, 2), (11, 7)]
            .iter()
            .enumerate()
            .map(|(n, &(y, h))| {
                let lines = (0..h)
                    .map(|row| Line::raw(format!("deel {n} regel {row}")))
                    .collect();
                (Rect::new(1, y, 18, h), lines)
            })
            .collect();
        let height = 18;
        let area = Rect::new(2, 1, 21, 6);
        for offset in 0..=height {
            let mut whole = Buffer::empty(Rect::new(0, 0, 25, 8));
            render_scrolled(area, &mut whole, height, offset, |_, buf| {
                for (rect, lines) in &parts {
                    Paragraph::new(lines.clone()).render(*rect, buf);
                }
            });
            let mut window = Buffer::empty(Rect::new(0, 0, 25, 8));
            let refs = parts.iter().map(|(rect, lines)| (*rect, lines));
            render_parts(
                area,
                &mut window,
                height,
                offset,
                refs,
                |lines, rect, buf| Paragraph::new(lines.clone()).render(rect, buf),
            );
            assert_eq!(window, whole, "offset {offset}");
        }
    }
}
