//! Styles that read on dark and light terminals; without colour (NO_COLOR) only
//! bold, reverse and underline carry meaning.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    fn tint(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn muted(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// The current level: on the radar, in cards, in tables.
    pub fn current(self) -> Style {
        self.tint(Color::Magenta).add_modifier(Modifier::BOLD)
    }

    /// The ambition (doel).
    pub fn ambition(self) -> Style {
        let style = self.tint(Color::Green);
        if self.color {
            style
        } else {
            style.add_modifier(Modifier::UNDERLINED)
        }
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn cursor_border(self) -> Style {
        self.tint(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn good(self) -> Style {
        self.tint(Color::Green)
    }

    pub fn bad(self) -> Style {
        self.tint(Color::Red)
    }

    pub fn warning(self) -> Style {
        self.tint(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.tint(Color::Cyan).add_modifier(Modifier::BOLD)
    }
}
