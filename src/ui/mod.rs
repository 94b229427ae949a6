//! Views: they only read the model. One file per screen. What a view learns while
//! drawing (how far its page scrolls) is returned as a `Viewport` for the loop to send.

mod actions;
mod calculator;
mod checklist;
mod compare;
mod dialog;
mod grid;
mod help;
mod home;
mod live;
mod model;
mod norm;
pub mod radar;
mod results;
mod sidebar;
mod team;
pub mod text;
pub mod theme;

use crate::app::{Model, Msg, Notice, Page, Step, Viewport, bindings, screen};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};
use std::borrow::Cow;
pub use theme::Theme;

pub use crate::app::{MIN_HEIGHT, MIN_WIDTH};
/// The widest a statement's or a criterion's text runs.
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
    let notice_height = notice_lines(model, area.width).len().max(1) as u16;
    let [header, body, notice, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(notice_height),
        Constraint::Length(1),
    ])
    .areas(area);
    // Overview pages need the whole width on smaller screens.
    let wide = matches!(
        model.step(),
        Some(
            Step::Results
                | Step::Team
                | Step::Actions
                | Step::Page(_, Page::Calculator | Page::Model)
        )
    ) && area.width < 120;
    // The live workshop needs room for its QR code beside the table.
    let live = model.step() == Some(Step::Team)
        && model.session.as_ref().is_some_and(|s| s.live.is_some());
    if model.session.is_none() || model.compare.is_some() || wide || live {
        return Frame {
            header,
            sidebar: None,
            main: body,
            notice,
            hints,
        };
    }
    // Wide windows give the step list room for whole names.
    let sidebar_width = match area.width {
        160.. => 40,
        110.. => 32,
        _ => 26,
    };
    let [sidebar, _, main] = Layout::horizontal([
        Constraint::Length(sidebar_width),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(body);
    let mut main = main;
    if matches!(
        model.step(),
        Some(Step::Page(
            _,
            Page::GridItem(_) | Page::NormPart(_) | Page::Section(_) | Page::Fields
        ))
    ) {
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
        draw(self, area, buf);
    }
}

/// Draw the model; returns what the loop should tell the app about the page.
pub fn draw(model: &Model, area: Rect, buf: &mut Buffer) -> Viewport {
    if too_small(area) {
        Paragraph::new(format!(
            "Het venster is te klein ({}×{}). goudenoor heeft minstens {MIN_WIDTH}×{MIN_HEIGHT} nodig: maak het venster groter. (q stopt)",
            area.width, area.height
        ))
        .wrap(Wrap { trim: true })
        .render(area, buf);
        return model.viewport;
    }
    let frame = frame_layout(model, area);
    let mut viewport = Viewport {
        max_scroll: 0,
        page: frame.main.height,
        focus: None,
    };
    if let Some(view) = &model.compare {
        viewport.max_scroll = compare::render(model, view, frame, buf);
    } else {
        match &model.session {
            None => home::render(model, frame, buf),
            Some(session) => {
                render_header(model, session, frame.header, buf);
                if let Some(sidebar) = frame.sidebar {
                    sidebar::render(model, session, sidebar, buf);
                }
                let main = frame.main;
                match model.step() {
                    Some(Step::Page(i, page)) => {
                        let inst = crate::app::instrument(model.instruments, &session.included, i);
                        match page {
                            Page::GridItem(item) => {
                                grid::render(model, session, inst, item, main, buf)
                            }
                            Page::NormPart(part) => {
                                norm::render(model, session, inst, part, main, buf)
                            }
                            Page::Fields => {
                                checklist::render_fields(model, session, inst, main, buf)
                            }
                            Page::Section(s) => {
                                checklist::render_section(model, session, inst, s, main, buf)
                            }
                            Page::Calculator => {
                                viewport.max_scroll =
                                    calculator::render(model, session, inst, main, buf);
                            }
                            Page::Measurements => {
                                calculator::render_measurements(model, session, inst, main, buf)
                            }
                            Page::Model => model::render(model, session, inst, main, buf),
                        }
                    }
                    Some(Step::Team) => team::render(model, session, main, buf),
                    Some(Step::Actions) => actions::render(model, session, main, buf),
                    Some(Step::Results) | None => {
                        (viewport.max_scroll, viewport.focus) =
                            results::render(model, session, main, buf);
                    }
                }
            }
        }
    }
    render_notice(model, frame.notice, buf);
    render_hints(model, viewport, frame.hints, buf);
    if let Some(dialog) = &model.home.dialog {
        dialog::render(model, dialog, area, buf);
    }
    if let Some((session, dialog)) = model
        .session
        .as_ref()
        .and_then(|s| s.team.as_ref().map(|d| (s, d)))
    {
        team::render_dialog(model, session, dialog, area, buf);
    }
    if let Some(session) = &model.session
        && session.box_open
        && let Some(Step::Page(i, Page::Model)) = model.step()
    {
        let inst = crate::app::instrument(model.instruments, &session.included, i);
        viewport = model::render_box(model, session, inst, area, buf);
        // The hints follow the box's scroll as drawn in this very frame.
        Clear.render(frame.hints, buf);
        render_hints(model, viewport, frame.hints, buf);
    }
    if let Some(popup) = &model.popup {
        team::render_popup(model, popup, area, buf);
    }
    if model.help {
        help::render(model, area, buf);
    }
    viewport
}

fn render_header(model: &Model, session: &crate::app::Session, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let a = &session.assessment;
    let step = session.step + 1;
    let total = model.steps().len();
    // The step counter and who is answering always fit; the title gives way.
    let mut right = Vec::new();
    let answering = a.is_workshop() && matches!(model.step(), Some(Step::Page(..)));
    if answering {
        right.push(Span::raw("antwoorden van "));
        right.push(Span::styled(
            text::truncate(
                &text::clean(&session.respondent_label(session.respondent)),
                20,
            ),
            theme.current(),
        ));
        right.push(Span::styled(
            format!(" ({}/{}) ", session.respondent + 1, a.respondents.len()),
            theme.muted(),
        ));
    }
    if session.read_only {
        right.push(Span::styled("alleen-lezen ", theme.warning()));
    }
    right.push(Span::styled(format!("stap {step}/{total}"), theme.muted()));
    let right_width: usize = right.iter().map(|s| s.width()).sum();
    let room = usize::from(area.width).saturating_sub(right_width + 1);
    let mut title = text::clean(&a.title);
    if !a.organisation.is_empty() {
        title.push_str(" · ");
        title.push_str(&text::clean(&a.organisation));
    }
    let left = vec![Span::styled(text::truncate(&title, room), theme.title())];
    text::spread(left, right, area.width).render(area, buf);
}

/// Room kept on the notice's first line for "✓ opgeslagen 12:34:56".
const SAVED_WIDTH: u16 = 23;

/// At most this many lines of a notice; a longer one ends in an ellipsis.
const NOTICE_LINES: usize = 3;

/// The notice wrapped to the status area: whole where it fits in a few lines, so a
/// file's folder or an error's cause is not cut off.
fn notice_lines(model: &Model, width: u16) -> Vec<String> {
    let text = match &model.notice {
        None => return Vec::new(),
        Some(Notice::Info(text)) => text::clean(text),
        Some(Notice::Error(text)) => format!("✗ {}", text::clean(text)),
    };
    // Never at a hyphen: file names and dates stay whole.
    let options = textwrap::Options::new(usize::from(width.saturating_sub(SAVED_WIDTH).max(20)))
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut lines = crate::text::wrap(&text, options);
    if lines.len() > NOTICE_LINES {
        let rest = lines[NOTICE_LINES - 1..].join(" ");
        lines.truncate(NOTICE_LINES - 1);
        lines.push(text::truncate(&rest, usize::from(width.saturating_sub(1))));
    }
    lines
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
    let style = match &model.notice {
        Some(Notice::Error(_)) => theme.warning(),
        _ => Style::default(),
    };
    let mut lines = notice_lines(model, area.width).into_iter();
    let first = lines
        .next()
        .map_or(vec![], |l| vec![Span::styled(l, style)]);
    let mut rows = vec![text::spread(first, saved, area.width)];
    rows.extend(lines.map(|l| Line::styled(l, style)));
    Paragraph::new(rows).render(area, buf);
}

/// The hints of the current screen, from its binding table: as many as fit.
fn render_hints(model: &Model, viewport: Viewport, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let hints: Vec<(Cow<'static, str>, &str)> = if model.is_typing() {
        match &model.session {
            Some(s) if s.editor.as_ref().is_some_and(|e| e.input.is_multiline()) => vec![
                ("Esc", "klaar"),
                ("Enter", "nieuwe regel"),
                ("←→↑↓", "cursor"),
            ],
            Some(_) => vec![("Enter", "klaar"), ("Esc", "annuleer")],
            None => match &model.home.dialog {
                None => vec![("Enter", "open"), ("Esc", "filter weg")],
                Some(crate::app::Dialog::NewRound { .. }) => vec![
                    ("Enter", "met de uitkomsten"),
                    ("Tab", "blanco"),
                    ("Esc", "annuleer"),
                ],
                Some(_) => vec![
                    ("Enter", "volgende/klaar"),
                    ("Tab", "ander veld"),
                    ("Esc", "annuleer"),
                ],
            },
        }
        .into_iter()
        .map(|(key, what)| (Cow::Borrowed(key), what))
        .collect()
    } else if let Some(dialog) = model.session.as_ref().and_then(|s| s.team.as_ref()) {
        // The respondents dialog lists its keys itself; behind it, the page's keys do
        // nothing.
        match dialog.mode {
            crate::app::TeamMode::ConfirmRemove | crate::app::TeamMode::ConfirmLive => {
                vec![
                    (Cow::Borrowed("j Enter"), "ja"),
                    (Cow::Borrowed("Esc"), "nee"),
                ]
            }
            _ => vec![
                (Cow::Borrowed("↑↓"), "kies"),
                (Cow::Borrowed("Enter"), "deze respondent antwoordt"),
                (Cow::Borrowed("Esc"), "sluiten"),
            ],
        }
    } else if model.session.as_ref().is_some_and(|s| s.box_open) {
        // The box reports its own scroll while it is open.
        let mut hints = vec![(Cow::Borrowed("Esc"), "sluiten")];
        if viewport.max_scroll > 0 {
            hints.insert(0, (Cow::Borrowed("↑↓ PgUp PgDn"), "lezen"));
        }
        hints
    } else if let Some(dialog) = &model.home.dialog {
        use crate::app::Dialog;
        match dialog {
            // On the instrument list of the new-assessment dialog.
            Dialog::New { .. } => vec![
                ("Spatie", "kies"),
                ("↑↓", "instrument"),
                ("Enter", "aanmaken"),
                ("Tab", "ander veld"),
                ("Esc", "annuleer"),
            ],
            Dialog::ConfirmDelete { .. } => vec![("j/Enter", "verwijder"), ("Esc", "annuleer")],
            Dialog::Trash { .. } => {
                vec![("↑↓", "kies"), ("Enter", "terugzetten"), ("Esc", "sluiten")]
            }
            Dialog::QuitUnsaved => vec![
                ("o", "opnieuw opslaan en stoppen"),
                ("s", "toch stoppen"),
                ("Esc", "blijven"),
            ],
            Dialog::Rename { .. } | Dialog::NewRound { .. } => vec![("Esc", "annuleer")],
        }
        .into_iter()
        .map(|(key, what)| (Cow::Borrowed(key), what))
        .collect()
    } else {
        bindings(screen(model))
            .into_iter()
            .filter(|b| b.hint)
            .map(|b| (b.label, b.what))
            .collect()
    };
    // "? hulp" always fits: the way to every other key. A dialog or the IKM box lists
    // all of its keys itself, and ? does not open the help there.
    let help = !model.is_typing()
        && model.home.dialog.is_none()
        && !model
            .session
            .as_ref()
            .is_some_and(|s| s.box_open || s.team.is_some());
    let room = usize::from(area.width).saturating_sub(if help { 8 } else { 0 });
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, what) in hints.into_iter().filter(|(k, _)| !help || k != "?") {
        let what = what.split(" (").next().unwrap_or(what);
        let width = key.chars().count() + what.chars().count() + 3;
        if used + width > room {
            continue;
        }
        used += width;
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    if help {
        spans.push(Span::styled("?", theme.key()));
        spans.push(Span::raw(" hulp"));
    }
    Line::from(spans).render(area, buf);
}

/// The message a left click at (`column`, `row`) stands for, from the same layout the
/// views use. Called by the terminal loop, never by `app`.
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
    if model.compare.is_some() || model.home.dialog.is_some() {
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
                Step::Page(i, Page::GridItem(item)) => {
                    let inst = crate::app::instrument(model.instruments, &session.included, i);
                    grid::hit(model, session, inst, item, frame.main, at)
                }
                Step::Page(i, Page::NormPart(part)) => {
                    let inst = crate::app::instrument(model.instruments, &session.included, i);
                    norm::hit(model, session, inst, part, frame.main, at)
                }
                Step::Team => team::hit(model, session, frame.main, at),
                _ => None,
            }
        }
    }
}
