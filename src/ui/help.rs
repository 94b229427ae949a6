//! The help overlay: the keys of the screen at hand, from the same binding table as the
//! key mapping and the hint bar, in two columns so it fits 80×24.

use super::dialog::centered;
use crate::app::keys::GLOBAL;
use crate::app::{Model, bindings, screen};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

/// The width of the key column, a leading space included.
const KEY_WIDTH: u16 = 11;

/// A key and what it does; a description too long for the column continues on the
/// next lines, under itself, rather than being cut.
fn entry(label: &str, what: &str, column: u16, theme: super::Theme) -> Vec<Line<'static>> {
    let room = column.saturating_sub(KEY_WIDTH).max(8);
    super::text::wrap(what, room)
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let key = if i == 0 { label } else { "" };
            Line::from(vec![
                Span::styled(format!(" {key:<10}"), theme.key()),
                Span::raw(text),
            ])
        })
        .collect()
}

pub fn render(model: &Model, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let all = bindings(screen(model));
    // Two columns with two spaces between them, inside the border.
    let column = 78u16.min(area.width).saturating_sub(4) / 2;
    let groups: Vec<Vec<Line<'static>>> = all
        .iter()
        .filter(|b| !b.label.is_empty())
        // By content: a `const` table is a fresh copy at each use, so pointers differ.
        .filter(|b| {
            !GLOBAL
                .iter()
                .any(|g| g.label == b.label && g.what == b.what)
        })
        .map(|b| entry(&b.label, b.what, column, theme))
        .collect();
    let mut general = vec![Line::styled("Overal", theme.title())];
    for b in GLOBAL.iter().filter(|b| !b.label.is_empty()) {
        general.extend(entry(&b.label, b.what, column, theme));
    }
    general.extend(entry("Ctrl-C", "stoppen, ook tijdens typen", column, theme));
    general.extend(entry(
        "muis",
        "klik op kaart, criterium of stap",
        column,
        theme,
    ));
    // Split the screen's keys where the left column holds about half of the lines.
    let total: usize = groups.iter().map(Vec::len).sum();
    let mut half = 0;
    for group in &groups {
        if half * 2 >= total {
            break;
        }
        half += group.len();
    }
    let entries: Vec<Line<'static>> = groups.iter().flatten().cloned().collect();
    let mut left = vec![Line::styled("Dit scherm", theme.title())];
    left.extend(entries.iter().take(half).cloned());
    let mut right = vec![Line::raw("")];
    right.extend(entries.iter().skip(half).cloned());
    right.push(Line::raw(""));
    right.extend(general);
    let height = left.len().max(right.len()) as u16 + 2;
    let popup = centered(area, 78, height);
    Clear.render(popup, buf);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.cursor_border())
        .title(Span::styled(" Hulp — elke toets sluit ", theme.title()))
        .render(popup, buf);
    let [l, r] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(2)
        .areas(popup.inner(Margin::new(1, 1)));
    Paragraph::new(left).render(l, buf);
    Paragraph::new(right).render(r, buf);
}
