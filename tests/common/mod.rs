//! Helpers for driving the app in tests: keys in, effects and screens out.
#![allow(dead_code)]

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use goudenoor::app::{Effect, Model, Msg, Opened, event_to_msg, update};
use goudenoor::domain::{Assessment, Instruments};
use goudenoor::fixtures::fixed_time;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;

pub fn instruments() -> &'static Instruments {
    Instruments::embedded()
}

pub fn blank() -> Assessment {
    Assessment::new(
        "Nulmeting 2026",
        "Voorbeeld B.V.",
        instruments(),
        fixed_time(),
    )
}

/// A model as the app has it on start, without colour so snapshots stay plain text.
pub fn home_model() -> Model {
    let mut model = Model::new(
        instruments(),
        PathBuf::from("/home/manager/.local/share/goudenoor"),
    );
    model.time_zone = jiff::tz::TimeZone::UTC;
    model.color = false;
    model
}

pub fn opened(assessment: Assessment) -> Model {
    let mut model = home_model();
    update(
        &mut model,
        Msg::Opened(Box::new(Opened {
            path: PathBuf::from("/data/nulmeting-2026.ron"),
            assessment,
            read_only: false,
        })),
    );
    model
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Feed events through the key mapping and update, as the terminal loop does; the
/// runtime's work is not done, so effects are returned for inspection.
pub fn feed(model: &mut Model, events: impl IntoIterator<Item = Event>) -> Vec<Effect> {
    let mut effects = Vec::new();
    for event in events {
        if let Some(msg) = event_to_msg(model, &event) {
            effects.extend(update(model, msg));
        }
    }
    effects
}

/// Type a string, one key per character.
pub fn type_text(model: &mut Model, text: &str) -> Vec<Effect> {
    feed(model, text.chars().map(|c| key(KeyCode::Char(c))))
}

pub fn press(model: &mut Model, codes: &[KeyCode]) -> Vec<Effect> {
    feed(model, codes.iter().map(|c| key(*c)))
}

pub fn click(model: &mut Model, column: u16, row: u16) -> Vec<Effect> {
    feed(
        model,
        [Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })],
    )
}

pub fn resize(model: &mut Model, width: u16, height: u16) {
    update(model, Msg::Resize(width, height));
}

/// The screen as text, rendered through a TestBackend.
pub fn screen(model: &mut Model, width: u16, height: u16) -> String {
    resize(model, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&*model, frame.area()))
        .unwrap();
    terminal.backend().to_string()
}

pub fn saved(effects: &[Effect]) -> Option<&Assessment> {
    effects.iter().rev().find_map(|e| match e {
        Effect::Save(a) => Some(a.as_ref()),
        _ => None,
    })
}
