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
                textwrap::wrap(paragraph, width)
                    .into_iter()
                    .map(|l| l.into_owned())
                    .collect()
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
    if content_height > area.height {
        let mut state = ScrollbarState::new(usize::from(content_height - area.height))
            .position(usize::from(offset));
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .render(area, buf, &mut state);
    }
}

/// The offset that shows rows `top..bottom` of the content in a window of `height` rows,
/// keeping the item's top visible when it is taller than the window.
pub fn offset_to_show(top: u16, bottom: u16, height: u16) -> u16 {
    bottom.saturating_sub(height).min(top)
}
