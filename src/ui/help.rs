//! The help overlay: every key, by screen.

use super::dialog::centered;
use crate::app::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

const SECTIONS: &[(&str, &[(&str, &str)])] = &[
    (
        "Overal",
        &[
            ("?  F1", "deze hulp aan/uit"),
            ("q  Ctrl-C", "stoppen (alles is al opgeslagen)"),
            ("Esc", "terug naar het overzicht"),
            ("↑↓  j k", "omhoog / omlaag"),
            ("muis", "klik op een kaart, criterium of stap"),
        ],
    ),
    (
        "Overzicht",
        &[
            ("Enter", "beoordeling openen"),
            ("n  r  x", "nieuw · hernoemen · verwijderen"),
        ],
    ),
    (
        "Stappen",
        &[
            ("Tab  →  PgDn", "volgende stap"),
            ("S-Tab  ←  PgUp", "vorige stap"),
            ("r", "naar de resultaten"),
        ],
    ),
    (
        "Paradigmashift",
        &[
            ("1-4  Enter", "huidig niveau (0 wist)"),
            ("d", "doel: het niveau onder de cursor"),
            ("e", "notitie (Esc: klaar)"),
        ],
    ),
    (
        "Normonderdeel",
        &[
            ("Spatie  Enter", "open → voldaan → niet voldaan"),
            ("v  n  o", "voldaan · niet voldaan · open"),
            ("e  i  p", "toelichting · inleiding · percentage (IV.4)"),
        ],
    ),
];

pub fn render(model: &Model, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let mut lines = Vec::new();
    for (title, keys) in SECTIONS {
        lines.push(Line::styled(*title, theme.title()));
        for (key, what) in *keys {
            lines.push(Line::from(vec![
                Span::styled(format!("  {key:<16}"), theme.key()),
                Span::raw(*what),
            ]));
        }
    }
    let height = lines.len() as u16 + 2;
    let popup = centered(area, 66, height);
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(theme.cursor_border())
                .title(Span::styled(" Hulp — elke toets sluit ", theme.title())),
        )
        .render(popup, buf);
}
