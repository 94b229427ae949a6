//! The action plan: what, for which items, who, when, and where it stands.

use super::text::{clean, offset_to_show, render_scrolled, spread, truncate, wrap, wrapped_lines};
use crate::app::{ActionField, EditTarget, Model, Session};
use crate::domain::ActionStatus;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub fn render(model: &Model, session: &Session, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let actions = &session.assessment.actions;
    let open = actions
        .iter()
        .filter(|a| a.status != ActionStatus::Klaar)
        .count();
    // Past its deadline and not done, where the loop told us today's date.
    let overdue = |a: &crate::domain::Action| model.today.is_some_and(|t| a.is_overdue(t));
    let late = actions.iter().filter(|a| overdue(a)).count();
    let mut header = vec![spread(
        vec![Span::styled("Actieplan", theme.title())],
        vec![Span::styled(
            format!(
                "{} · {open} nog te doen{}",
                crate::text::count(actions.len(), "actie", "acties"),
                if late > 0 {
                    format!(" · {late} te laat")
                } else {
                    String::new()
                }
            ),
            theme.muted(),
        )],
        area.width,
    )];
    // The question the plan answers, whole at any width.
    header.extend(wrapped_lines(
        "Klachtenvisie: waar willen we heen (het doel) en hoe gaan we dit doen (de acties)?",
        area.width,
        theme.muted(),
    ));
    let header_height = header.len() as u16;
    Paragraph::new(header).render(Rect::new(area.x, area.y, area.width, header_height), buf);
    let body = Rect::new(
        area.x,
        area.y + header_height + 1,
        area.width,
        area.height.saturating_sub(header_height + 1),
    );
    if actions.is_empty() {
        let text = "Nog geen acties. Druk op n voor een nieuwe actie, of kies op de resultaten een volgende stap en druk op a: die wordt hier een actie met eigenaar en deadline.";
        Paragraph::new(
            wrap(text, body.width.min(90))
                .into_iter()
                .map(Line::raw)
                .collect::<Vec<_>>(),
        )
        .render(body, buf);
    } else {
        let width = body.width.saturating_sub(2);
        let owner_width = 16.min(usize::from(width) / 5);
        let date_width = 10;
        let what_width = usize::from(width).saturating_sub(owner_width + date_width + 10);
        let mut lines = vec![Line::styled(
            format!(
                "{:<7} {:<what_width$} {:<owner_width$} {:<date_width$}",
                "status", "wat", "eigenaar", "deadline"
            ),
            theme.title(),
        )];
        let cursor = session.cursor.min(actions.len() - 1);
        let mut cursor_line = 1;
        for (i, action) in actions.iter().enumerate() {
            if i == cursor {
                cursor_line = lines.len();
            }
            let what = clean(action.what.lines().next().unwrap_or(""));
            let style = match action.status {
                ActionStatus::Klaar => theme.good(),
                ActionStatus::Bezig => theme.current(),
                ActionStatus::Open => theme.muted(),
            };
            let line = Line::from(vec![
                Span::styled(format!("{:<7} ", action.status.label()), style),
                Span::raw(format!("{:<what_width$} ", truncate(&what, what_width))),
                Span::raw(format!(
                    "{:<owner_width$} ",
                    truncate(
                        &if action.owner.is_empty() {
                            "—".into()
                        } else {
                            clean(&action.owner)
                        },
                        owner_width
                    )
                )),
                Span::styled(
                    format!(
                        "{}{}",
                        action
                            .deadline
                            .map_or("—".to_string(), |d| d.strftime("%d-%m-%Y").to_string()),
                        if overdue(action) { " !" } else { "" }
                    ),
                    if overdue(action) {
                        theme.warning()
                    } else {
                        Style::default()
                    },
                ),
            ]);
            lines.push(if i == cursor {
                line.style(theme.selected())
            } else {
                line
            });
            if i == cursor {
                let mut detail = Vec::new();
                if overdue(action) {
                    detail.push("te laat: de deadline is verstreken".to_string());
                }
                if !action.items.is_empty() {
                    // By name, as the reports say it: "2 Beleving", not "go2".
                    let result = session.result(model.instruments);
                    let names: Vec<String> = action
                        .items
                        .iter()
                        .map(|id| result.item_label(id))
                        .collect();
                    detail.push(format!("voor: {}", names.join(", ")));
                }
                if let Some(round) = action.from_round {
                    detail.push(format!("uit ronde {round}"));
                }
                if !action.note.is_empty() {
                    detail.push(format!("notitie: {}", clean(&action.note)));
                }
                if what.chars().count() > what_width || action.what.contains('\n') {
                    detail.insert(0, clean(&action.what));
                }
                for d in detail {
                    lines.extend(
                        wrap(&d, width.saturating_sub(8))
                            .into_iter()
                            .map(|l| Line::styled(format!("        {l}"), theme.muted())),
                    );
                }
            }
        }
        let height = lines.len() as u16;
        let offset = offset_to_show(cursor_line as u16, cursor_line as u16 + 1, body.height);
        render_scrolled(body, buf, height, offset, |content, buf| {
            Paragraph::new(lines).render(content, buf);
        });
    }
    if let Some(editor) = &session.editor
        && let EditTarget::Action { field, .. } = &editor.target
    {
        let (title, help) = match field {
            ActionField::What => (
                " Wat gaan we doen? ",
                "Beschrijf de actie zo dat iemand er morgen mee kan beginnen.",
            ),
            ActionField::Owner => (
                " Eigenaar ",
                "Wie zorgt dat het gebeurt? Een naam of een functie.",
            ),
            ActionField::Deadline => (
                " Deadline ",
                "Wanneer is het klaar? Bijvoorbeeld 31-03-2027 (leeg: geen deadline).",
            ),
            ActionField::Note => (
                " Notitie ",
                "Wat verder van belang is: afspraken, afhankelijkheden, voortgang.",
            ),
        };
        super::dialog::render_text(model, title, help, editor, area, buf);
    }
}
