//! Pop-up forms of the home screen, and the text field with its cursor.

use super::Theme;
use super::text::{clean, wrap};
use crate::app::{Dialog, Model, TextInput};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

/// A text field: the text wrapped by character, the cursor as a reversed cell; the
/// view follows the cursor when the text is longer than the field.
pub fn render_input(input: &TextInput, area: Rect, buf: &mut Buffer, _theme: Theme) {
    if area.is_empty() {
        return;
    }
    let (rows, (cursor_row, cursor_col)) = input.layout(usize::from(area.width));
    let first = (cursor_row + 1).saturating_sub(usize::from(area.height));
    for (y, row) in rows
        .iter()
        .skip(first)
        .take(usize::from(area.height))
        .enumerate()
    {
        Line::raw(clean(row)).render(Rect::new(area.x, area.y + y as u16, area.width, 1), buf);
    }
    let x = area.x + (cursor_col as u16).min(area.width.saturating_sub(1));
    let y = area.y + (cursor_row - first) as u16;
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.modifier.insert(Modifier::REVERSED);
        if cell.symbol().is_empty() {
            cell.set_symbol(" ");
        }
    }
}

pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

fn field(
    label: &str,
    input: &TextInput,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let [label_area, input_area] =
        Layout::horizontal([Constraint::Length(14), Constraint::Fill(1)]).areas(area);
    Line::styled(
        label.to_string(),
        if focused {
            theme.title()
        } else {
            theme.muted()
        },
    )
    .render(label_area, buf);
    if focused {
        render_input(input, input_area, buf, theme);
    } else {
        Line::raw(clean(input.text())).render(input_area, buf);
    }
}

pub fn render(model: &Model, dialog: &Dialog, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let (title, height) = match dialog {
        Dialog::New { .. } => (" Nieuwe beoordeling ", 9),
        Dialog::Rename { .. } => (" Titel wijzigen ", 7),
        Dialog::ConfirmDelete { .. } => (" Verwijderen? ", 8),
        Dialog::NewRound { .. } => (" Nieuwe ronde ", 9),
    };
    let popup = centered(area, 64, height);
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.cursor_border())
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(popup).inner(ratatui::layout::Margin::new(1, 0));
    block.render(popup, buf);
    let rows = Layout::vertical([Constraint::Length(1); 7]).split(inner);
    match dialog {
        Dialog::New {
            title,
            organisation,
            on_organisation,
        } => {
            Line::styled(
                "Een naam voor deze meting, bijv. \"Nulmeting 2026\".",
                theme.muted(),
            )
            .render(rows[0], buf);
            field("Titel", title, !on_organisation, rows[2], buf, theme);
            field(
                "Organisatie",
                organisation,
                *on_organisation,
                rows[3],
                buf,
                theme,
            );
            if title.text().trim().is_empty() && *on_organisation {
                Line::styled("Vul eerst een titel in.", theme.warning()).render(rows[5], buf);
            } else {
                Line::styled(
                    "Enter: volgende / aanmaken · Tab: ander veld · Esc: annuleer",
                    theme.muted(),
                )
                .render(rows[5], buf);
            }
        }
        Dialog::Rename { title, .. } => {
            field("Nieuwe titel", title, true, rows[1], buf, theme);
            Line::styled(
                "Enter: opslaan · Esc: annuleer (de bestandsnaam blijft gelijk)",
                theme.muted(),
            )
            .render(rows[3], buf);
        }
        Dialog::NewRound { title, .. } => {
            let text = format!(
                "Een nieuwe ronde van \"{}\", met een eigen datum, gekoppeld aan deze ronde zodat u ze later kunt vergelijken.",
                clean(title)
            );
            Paragraph::new(
                wrap(&text, inner.width)
                    .into_iter()
                    .map(Line::raw)
                    .collect::<Vec<_>>(),
            )
            .render(Rect::new(inner.x, inner.y, inner.width, 3), buf);
            Line::from(vec![
                Span::styled("Enter", theme.key()),
                Span::raw(": beginnen met de uitkomsten en doelen van deze ronde"),
            ])
            .render(rows[4], buf);
            Line::from(vec![
                Span::styled("b", theme.key()),
                Span::raw(": blanco beginnen · "),
                Span::styled("Esc", theme.key()),
                Span::raw(": annuleren"),
            ])
            .render(rows[5], buf);
        }
        Dialog::ConfirmDelete { title, path } => {
            let text = format!(
                "\"{}\" gaat naar de prullenbak in de gegevensmap ({}); daar kunt u het terughalen.",
                clean(title),
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            Paragraph::new(
                wrap(&text, inner.width)
                    .into_iter()
                    .map(Line::raw)
                    .collect::<Vec<_>>(),
            )
            .wrap(Wrap { trim: true })
            .render(Rect::new(inner.x, inner.y, inner.width, 3), buf);
            Line::from(vec![
                Span::styled("j", theme.key()),
                Span::raw(" of Enter: verwijderen · elke andere toets: annuleer"),
            ])
            .render(rows[4], buf);
        }
    }
}
