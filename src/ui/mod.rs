//! Views: they only read the model. One file per screen.

mod compare;
mod dialog;
mod help;
mod home;
mod part;
pub mod radar;
mod results;
mod shift;
mod sidebar;
mod team;
pub mod text;
pub mod theme;

use crate::app::{Model, Msg, Notice, Step};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
pub use theme::Theme;

/// The smallest terminal the screens are designed for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// The widest a shift's or a part's text runs.
const READABLE_WIDTH: u16 = 110;

impl Model {
    pub fn theme(&self) -> Theme {
        Theme { color: self.color }
    }
}

/// Where the parts of the walk-through sit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame {
    pub header: Rect,
    pub sidebar: Option<Rect>,
    pub main: Rect,
    pub notice: Rect,
    pub hints: Rect,
}

pub fn frame_layout(model: &Model, area: Rect) -> Frame {
    let [header, body, notice, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    // The overview pages need the whole width on smaller screens.
    let wide_results = matches!(model.step(), Some(Step::Results | Step::Team)) && area.width < 120;
    if model.session.is_none() || wide_results {
        return Frame {
            header,
            sidebar: None,
            main: body,
            notice,
            hints,
        };
    }
    let sidebar_width = if area.width >= 110 { 32 } else { 26 };
    let [sidebar, _, main] = Layout::horizontal([
        Constraint::Length(sidebar_width),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(body);
    // Statements and criteria read best at a comfortable line length.
    let mut main = main;
    if matches!(model.step(), Some(Step::Shift(_) | Step::Part(_))) {
        main.width = main.width.min(READABLE_WIDTH);
    }
    Frame {
        header,
        sidebar: Some(sidebar),
        main,
        notice,
        hints,
    }
}

fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

impl Widget for &Model {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if too_small(area) {
            Paragraph::new(format!(
                "Het venster is te klein ({}×{}). goudenoor heeft minstens {MIN_WIDTH}×{MIN_HEIGHT} nodig: maak het venster groter. (q stopt)",
                area.width, area.height
            ))
            .wrap(Wrap { trim: true })
            .render(area, buf);
            return;
        }
        let frame = frame_layout(self, area);
        if let Some(view) = &self.compare {
            compare::render(self, view, frame, buf);
            render_notice(self, frame.notice, buf);
            render_hints(self, frame.hints, buf);
            if self.help {
                help::render(self, area, buf);
            }
            return;
        }
        match &self.session {
            None => home::render(self, frame, buf),
            Some(session) => {
                render_header(self, session, frame.header, buf);
                if let Some(sidebar) = frame.sidebar {
                    sidebar::render(self, session, sidebar, buf);
                }
                match self.step() {
                    Some(Step::Shift(i)) => shift::render(self, session, i, frame.main, buf),
                    Some(Step::Part(i)) => part::render(self, session, i, frame.main, buf),
                    Some(Step::Team) => team::render(self, session, frame.main, buf),
                    Some(Step::Results) | None => results::render(self, session, frame.main, buf),
                }
            }
        }
        render_notice(self, frame.notice, buf);
        render_hints(self, frame.hints, buf);
        if let Some(dialog) = &self.home.dialog
            && self.session.is_none()
        {
            dialog::render(self, dialog, area, buf);
        }
        if let Some(dialog) = self
            .session
            .as_ref()
            .and_then(|s| s.team.as_ref().map(|d| (s, d)))
        {
            team::render_dialog(self, dialog.0, dialog.1, area, buf);
        }
        if let Some(popup) = &self.popup {
            team::render_popup(self, popup, area, buf);
        }
        if self.help {
            help::render(self, area, buf);
        }
    }
}

fn render_header(model: &Model, session: &crate::app::Session, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let a = &session.assessment;
    let mut left = vec![Span::styled(text::clean(&a.title), theme.title())];
    if !a.organisation.is_empty() {
        left.push(Span::styled(
            format!(" · {}", text::clean(&a.organisation)),
            theme.muted(),
        ));
    }
    let mut right = Vec::new();
    if a.is_workshop() && model.step() != Some(Step::Team) && model.step() != Some(Step::Results) {
        right.push(Span::raw("antwoorden van "));
        right.push(Span::styled(
            text::clean(&session.respondent_label(session.respondent)),
            theme.current(),
        ));
        right.push(Span::styled(
            format!(
                " ({}/{}, [ ] wisselt) ",
                session.respondent + 1,
                a.respondents.len()
            ),
            theme.muted(),
        ));
    }
    if session.read_only {
        right.push(Span::styled("alleen-lezen ", theme.warning()));
    }
    let step = session.step + 1;
    let total = model.steps().len();
    right.push(Span::styled(format!("stap {step}/{total}"), theme.muted()));
    text::spread(left, right, area.width).render(area, buf);
}

fn render_notice(model: &Model, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let saved = match (model.last_saved, &model.session) {
        (Some(at), Some(_)) => vec![Span::styled(
            format!(
                "✓ opgeslagen {}",
                at.to_zoned_datetime(model.time_zone.clone())
                    .strftime("%H:%M:%S")
            ),
            theme.good(),
        )],
        _ => vec![],
    };
    let room = usize::from(area.width).saturating_sub(if saved.is_empty() { 0 } else { 23 });
    let left = match &model.notice {
        None => vec![],
        Some(Notice::Info(text)) => vec![Span::raw(text::truncate(&text::clean(text), room))],
        Some(Notice::Error(text)) => vec![Span::styled(
            text::truncate(&format!("✗ {}", text::clean(text)), room),
            theme.warning(),
        )],
    };
    text::spread(left, saved, area.width).render(area, buf);
}

/// The key hints of the current screen, in the bottom line.
fn render_hints(model: &Model, area: Rect, buf: &mut Buffer) {
    let hints: &[(&str, &str)] = if model.compare.is_some() {
        &[
            ("↑↓ PgUp/PgDn", "scroll"),
            ("Esc", "terug"),
            ("?", "hulp"),
            ("q", "stop"),
        ]
    } else if model.is_typing() {
        match &model.session {
            Some(_) => &[
                ("Esc", "klaar"),
                ("Enter", "nieuwe regel"),
                ("←→↑↓", "cursor"),
            ],
            None => &[
                ("Enter", "volgende/klaar"),
                ("Tab", "ander veld"),
                ("Esc", "annuleer"),
            ],
        }
    } else {
        match model.step() {
            None => &[
                ("Enter", "open"),
                ("n", "nieuw"),
                ("+", "ronde"),
                ("c", "vergelijk"),
                ("m", "markeer"),
                ("r", "hernoem"),
                ("x", "wis"),
                ("?", "hulp"),
            ],
            Some(Step::Shift(_)) => &[
                ("1-4/Enter", "huidig"),
                ("d", "doel"),
                ("e", "notitie"),
                ("Tab", "volgende"),
                ("Esc", "overzicht"),
                ("?", "hulp"),
            ],
            Some(Step::Part(_)) => &[
                ("Spatie", "wissel"),
                ("v/n/o", "voldaan/niet/open"),
                ("e", "toelichting"),
                ("i", "inleiding"),
                ("Tab", "volgende"),
                ("?", "hulp"),
            ],
            Some(Step::Team) => &[
                ("Enter", "voorstel"),
                ("s", "sorteer"),
                ("a", "anoniem"),
                ("t", "respondenten"),
                ("Tab", "resultaten"),
                ("?", "hulp"),
            ],
            Some(Step::Results) => &[
                ("↑↓ PgUp/PgDn", "scroll"),
                ("Shift-Tab", "terug"),
                ("Esc", "overzicht"),
                ("?", "hulp"),
                ("q", "stop"),
            ],
        }
    };
    let theme = model.theme();
    let mut spans = Vec::new();
    for (key, what) in hints {
        spans.push(Span::styled(*key, theme.key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    Line::from(spans).render(area, buf);
}

/// How far the compare screen can scroll at the model's size.
pub fn compare_max_scroll(model: &Model) -> u16 {
    let Some(view) = &model.compare else {
        return 0;
    };
    let area = Rect::new(0, 0, model.size.0, model.size.1);
    let main = frame_layout(model, area).main;
    compare::content_height(model, view, main.width.saturating_sub(1)).saturating_sub(main.height)
}

/// How far the results page of the open session can scroll at the model's size.
pub fn results_max_scroll(model: &Model) -> u16 {
    let Some(session) = &model.session else {
        return 0;
    };
    let area = Rect::new(0, 0, model.size.0, model.size.1);
    let main = frame_layout(model, area).main;
    results::max_scroll(model, session, main.width, main.height)
}

/// The message a left click at (`column`, `row`) stands for, from the same layout the
/// views use.
pub fn hit_test(model: &Model, column: u16, row: u16) -> Option<Msg> {
    let area = Rect::new(0, 0, model.size.0, model.size.1);
    if too_small(area) {
        return None;
    }
    if model.help {
        return Some(Msg::ToggleHelp);
    }
    if model.popup.is_some() {
        return Some(Msg::Cancel);
    }
    if model.compare.is_some() {
        return None;
    }
    let frame = frame_layout(model, area);
    let at = ratatui::layout::Position::new(column, row);
    match &model.session {
        None => home::hit(model, frame, at),
        Some(session) => {
            if let Some(sidebar) = frame.sidebar
                && sidebar.contains(at)
            {
                return sidebar::hit(model, sidebar, at);
            }
            if !frame.main.contains(at) || session.editor.is_some() || session.team.is_some() {
                return None;
            }
            match model.step()? {
                Step::Shift(i) => shift::hit(model, session, i, frame.main, at),
                Step::Part(i) => part::hit(model, session, i, frame.main, at),
                Step::Team => team::hit(model, session, frame.main, at),
                Step::Results => None,
            }
        }
    }
}
