//! The help overlay: every key, by screen, in two columns so it fits 80×24.

use super::dialog::centered;
use crate::app::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

type Section = (&'static str, &'static [(&'static str, &'static str)]);

const LEFT: &[Section] = &[
    (
        "Overal",
        &[
            ("? F1", "deze hulp aan/uit"),
            ("q Ctrl-C", "stoppen; alles is bewaard"),
            ("Esc", "terug naar het overzicht"),
            ("↑↓ j k", "omhoog / omlaag"),
            ("muis", "klik op kaart of stap"),
        ],
    ),
    (
        "Overzicht",
        &[
            ("Enter", "openen"),
            ("n r x", "nieuw, hernoem, wis"),
            ("+ c m", "ronde, vergelijk, markeer"),
        ],
    ),
    (
        "Stappen",
        &[
            ("Tab → PgDn", "volgende stap"),
            ("⇧Tab ←PgUp", "vorige stap"),
            ("r G End", "naar de resultaten"),
            ("g Home", "naar de eerste stap"),
            ("t", "respondenten (workshop)"),
            ("[ ]", "andere respondent"),
        ],
    ),
];

const RIGHT: &[Section] = &[
    (
        "Paradigmashift",
        &[
            ("1-4 Enter", "huidig niveau (0 wist)"),
            ("d", "doel = kaart onder cursor"),
            ("e", "notitie (Esc: klaar)"),
        ],
    ),
    (
        "Normonderdeel",
        &[
            ("Spatie", "open→voldaan→niet voldaan"),
            ("v n o", "voldaan · niet · open"),
            ("e i p", "toelichting, inleiding, %"),
        ],
    ),
    (
        "Workshop-overzicht",
        &[
            ("1-4 d", "akkoord niveau · doel"),
            ("v n o", "akkoord criterium"),
            ("Enter A", "voorstel · alles"),
            ("s a", "sorteer · anoniem"),
        ],
    ),
];

fn lines(model: &Model, sections: &[Section]) -> Vec<Line<'static>> {
    let theme = model.theme();
    let mut lines = Vec::new();
    for (title, keys) in sections {
        lines.push(Line::styled(*title, theme.title()));
        for (key, what) in *keys {
            lines.push(Line::from(vec![
                Span::styled(format!(" {key:<11}"), theme.key()),
                Span::raw(*what),
            ]));
        }
    }
    lines
}

pub fn render(model: &Model, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let left = lines(model, LEFT);
    let right = lines(model, RIGHT);
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
