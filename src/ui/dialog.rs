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

fn field_line(
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

/// A small form for one number: the question, the input, what was wrong, the keys.
/// Drawn over the whole screen's middle, never inside a card.
pub fn render_number(
    model: &Model,
    title: &str,
    question: &str,
    editor: &crate::app::Editor,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = model.theme();
    let width = 64.min(area.width);
    let question_lines = wrap(question, width.saturating_sub(4));
    let footer = footer_lines(
        editor,
        "Enter: opslaan · Esc: annuleer · leeg: wissen",
        width.saturating_sub(4),
        theme,
    );
    let height = question_lines.len() as u16 + 6 + footer.len() as u16;
    let popup = centered(area, width, height);
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.cursor_border())
        .title(Span::styled(clean(title), theme.title()));
    let inner = block.inner(popup).inner(ratatui::layout::Margin::new(1, 0));
    block.render(popup, buf);
    let mut y = inner.y;
    for line in question_lines {
        Line::raw(line).render(Rect::new(inner.x, y, inner.width, 1), buf);
        y += 1;
    }
    y += 1;
    render_input(
        &editor.input,
        Rect::new(inner.x, y, inner.width, 1),
        buf,
        theme,
    );
    y += 2;
    let rows = footer.len() as u16;
    Paragraph::new(footer).render(Rect::new(inner.x, y, inner.width, rows), buf);
}

/// The last lines of an input dialog: the error in full (wrapped), or the keys.
fn footer_lines(
    editor: &crate::app::Editor,
    keys: &str,
    width: u16,
    theme: Theme,
) -> Vec<Line<'static>> {
    match &editor.error {
        Some(error) => wrap(&clean(error), width)
            .into_iter()
            .map(|l| Line::styled(l, theme.warning()))
            .collect(),
        None => vec![Line::styled(keys.to_string(), theme.muted())],
    }
}

/// A text form for a longer value (a field, an action's text).
pub fn render_text(
    model: &Model,
    title: &str,
    help: &str,
    editor: &crate::app::Editor,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = model.theme();
    let width = 72.min(area.width);
    let help_lines = wrap(help, width.saturating_sub(4));
    let input_height: u16 = if editor.input.is_multiline() { 6 } else { 1 };
    let keys = if editor.input.is_multiline() {
        "Esc: klaar · Enter: nieuwe regel"
    } else {
        "Enter: opslaan · Esc: annuleer"
    };
    let footer = footer_lines(editor, keys, width.saturating_sub(4), theme);
    let height = help_lines.len() as u16 + input_height + 4 + footer.len() as u16;
    let popup = centered(area, width, height);
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.cursor_border())
        .title(Span::styled(clean(title), theme.title()));
    let inner = block.inner(popup).inner(ratatui::layout::Margin::new(1, 0));
    block.render(popup, buf);
    let mut y = inner.y;
    for line in help_lines {
        Line::styled(line, theme.muted()).render(Rect::new(inner.x, y, inner.width, 1), buf);
        y += 1;
    }
    y += 1;
    render_input(
        &editor.input,
        Rect::new(inner.x, y, inner.width, input_height),
        buf,
        theme,
    );
    y += input_height + 1;
    let rows = footer.len() as u16;
    Paragraph::new(footer).render(Rect::new(inner.x, y, inner.width, rows), buf);
}

pub fn render(model: &Model, dialog: &Dialog, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let instruments = model.instruments;
    let (title, height) = match dialog {
        Dialog::New { .. } => (" Nieuwe beoordeling ", 10 + instruments.len() as u16),
        Dialog::Rename { .. } => (" Titel en organisatie wijzigen ", 9),
        Dialog::ConfirmDelete { .. } => (" Verwijderen? ", 8),
        Dialog::NewRound { .. } => (" Nieuwe ronde ", 11),
        Dialog::QuitUnsaved => (" Niet opgeslagen ", 8),
        Dialog::Trash { entries, .. } => (" Prullenbak ", (entries.len() as u16 + 5).min(20)),
    };
    let popup = centered(area, 70, height);
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.cursor_border())
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(popup).inner(ratatui::layout::Margin::new(1, 0));
    block.render(popup, buf);
    let row = |i: u16| Rect::new(inner.x, inner.y + i, inner.width, 1);
    match dialog {
        Dialog::New {
            title,
            organisation,
            field,
            chosen,
            cursor,
        } => {
            Line::styled(
                "Een naam voor deze meting, bijv. \"Nulmeting 2026\".",
                theme.muted(),
            )
            .render(row(0), buf);
            field_line("Titel", title, *field == 0, row(2), buf, theme);
            field_line("Organisatie", organisation, *field == 1, row(3), buf, theme);
            Line::styled(
                "Instrumenten (Tab hierheen, Spatie aan/uit):",
                if *field == 2 {
                    theme.title()
                } else {
                    theme.muted()
                },
            )
            .render(row(5), buf);
            for (i, (inst, on)) in instruments.iter().zip(chosen).enumerate() {
                let mark = if *on { "[✓]" } else { "[ ]" };
                let line = Line::from(vec![
                    Span::raw(format!(" {mark} ")),
                    Span::raw(inst.title.clone()),
                    Span::styled(format!(" · {}", inst.kind.name()), theme.muted()),
                ]);
                let line = if *field == 2 && i == *cursor {
                    line.style(theme.selected())
                } else {
                    line
                };
                line.render(row(6 + i as u16), buf);
            }
            let last = 7 + instruments.len() as u16;
            if title.text().trim().is_empty() && *field > 0 {
                Line::styled("Vul eerst een titel in.", theme.warning()).render(row(last), buf);
            } else {
                Line::styled(
                    "Enter: volgende / aanmaken · Tab: ander veld · Esc: annuleer",
                    theme.muted(),
                )
                .render(row(last), buf);
            }
        }
        Dialog::Rename {
            title,
            organisation,
            on_organisation,
            ..
        } => {
            field_line("Titel", title, !on_organisation, row(1), buf, theme);
            field_line(
                "Organisatie",
                organisation,
                *on_organisation,
                row(2),
                buf,
                theme,
            );
            Line::styled(
                "Enter: volgende / opslaan · Tab: ander veld · Esc: annuleer",
                theme.muted(),
            )
            .render(row(4), buf);
            Line::styled("(de bestandsnaam blijft gelijk)", theme.muted()).render(row(5), buf);
        }
        Dialog::NewRound { title, name, .. } => {
            let text = format!(
                "Een nieuwe ronde van \"{}\", met een eigen datum, gekoppeld aan deze ronde zodat u ze later kunt vergelijken. Open acties gaan mee.",
                clean(title)
            );
            Paragraph::new(
                wrap(&text, inner.width)
                    .into_iter()
                    .map(Line::raw)
                    .collect::<Vec<_>>(),
            )
            .render(Rect::new(inner.x, inner.y, inner.width, 3), buf);
            field_line("Naam", name, true, row(4), buf, theme);
            Line::from(vec![
                Span::styled("Enter", theme.key()),
                Span::raw(": beginnen met de uitkomsten en doelen van deze ronde"),
            ])
            .render(row(6), buf);
            Line::from(vec![
                Span::styled("Tab", theme.key()),
                Span::raw(": blanco beginnen · "),
                Span::styled("Esc", theme.key()),
                Span::raw(": annuleren"),
            ])
            .render(row(7), buf);
        }
        Dialog::ConfirmDelete { title, path } => {
            let text = format!(
                "\"{}\" gaat naar de prullenbak in de gegevensmap ({}); daar kunt u het terughalen.",
                clean(title),
                clean(&path.file_name().unwrap_or_default().to_string_lossy())
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
            .render(row(4), buf);
        }
        Dialog::Trash { entries, selected } => {
            let rows = usize::from(inner.height.saturating_sub(2));
            let first = (selected + 1).saturating_sub(rows.max(1));
            for (i, (path, title)) in entries.iter().enumerate().skip(first).take(rows) {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                let line = Line::from(vec![
                    Span::raw(clean(title)),
                    Span::styled(format!("  {}", clean(&name)), theme.muted()),
                ]);
                let line = if i == *selected {
                    line.style(theme.selected())
                } else {
                    line
                };
                line.render(row((i - first) as u16), buf);
            }
            Line::styled(
                "Enter: terugzetten (onder een vrije naam) · Esc: sluiten",
                theme.muted(),
            )
            .render(row(inner.height.saturating_sub(1)), buf);
        }
        Dialog::QuitUnsaved => {
            Paragraph::new(
                wrap(
                    "Het laatste opslaan is mislukt: stoppen nu kost de laatste antwoorden.",
                    inner.width,
                )
                .into_iter()
                .map(|l| Line::styled(l, theme.warning()))
                .collect::<Vec<_>>(),
            )
            .render(Rect::new(inner.x, inner.y, inner.width, 2), buf);
            Line::from(vec![
                Span::styled("o", theme.key()),
                Span::raw(" opnieuw opslaan en stoppen · "),
                Span::styled("s", theme.key()),
                Span::raw(" toch stoppen · "),
                Span::styled("Esc", theme.key()),
                Span::raw(" blijven"),
            ])
            .render(row(3), buf);
        }
    }
}
