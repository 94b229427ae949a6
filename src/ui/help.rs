//! The help overlay: the keys of the screen at hand, from the same binding table as the
//! key mapping and the hint bar, in two columns so it fits 80×24.

use super::dialog::centered;
use crate::app::keys::GLOBAL;
use crate::app::{Model, bindings, screen};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

pub fn render(model: &Model, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let all = bindings(screen(model));
    let entries: Vec<Line<'static>> = all
        .iter()
        .filter(|b| !b.label.is_empty())
        .filter(|b| !GLOBAL.iter().any(|g| std::ptr::eq(g, **b)))
        .map(|b| {
            Line::from(vec![
                Span::styled(format!(" {:<10}", b.label), theme.key()),
                Span::raw(b.what),
            ])
        })
        .collect();
    let mut general = vec![Line::styled("Overal", theme.title())];
    general.extend(GLOBAL.iter().filter(|b| !b.label.is_empty()).map(|b| {
        Line::from(vec![
            Span::styled(format!(" {:<10}", b.label), theme.key()),
            Span::raw(b.what),
        ])
    }));
    general.push(Line::from(vec![
        Span::styled(format!(" {:<10}", "Ctrl-C"), theme.key()),
        Span::raw("stoppen, ook tijdens typen"),
    ]));
    general.push(Line::from(vec![
        Span::styled(format!(" {:<10}", "muis"), theme.key()),
        Span::raw("klik op kaart, criterium of stap"),
    ]));
    let half = entries.len().div_ceil(2);
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
