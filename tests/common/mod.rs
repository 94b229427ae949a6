//! Helpers for driving the app in tests: keys in, effects and screens out.
#![allow(dead_code)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use goudenoor::app::{Effect, Model, Msg, Opened, Step, event_to_msg, update};
use goudenoor::domain::{Assessment, Instruments, default_instruments};
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
        &default_instruments(),
        fixed_time(),
    )
}

/// A blank assessment of the instruments `ids`.
pub fn blank_with(ids: &[&str]) -> Assessment {
    let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    Assessment::new(
        "Nulmeting 2026",
        "Voorbeeld B.V.",
        instruments(),
        &ids,
        fixed_time(),
    )
}

/// Every instrument of the registry, in order.
pub fn all_ids() -> Vec<String> {
    instruments().iter().map(|i| i.id.clone()).collect()
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
            reason: None,
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

/// A left click, through the same hit-testing the terminal loop uses.
pub fn click(model: &mut Model, column: u16, row: u16) -> Vec<Effect> {
    match goudenoor::ui::hit_test(model, column, row) {
        Some(msg) => update(model, msg),
        None => vec![],
    }
}

pub fn resize(model: &mut Model, width: u16, height: u16) {
    update(model, Msg::Resize(width, height));
}

/// Draw the model as the terminal loop does, sending back what the view learned
/// (how far the page scrolls); the buffer is returned.
pub fn render(model: &mut Model, width: u16, height: u16) -> ratatui::buffer::Buffer {
    resize(model, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut viewport = None;
    terminal
        .draw(|frame| viewport = Some(goudenoor::ui::draw(model, frame.area(), frame.buffer_mut())))
        .unwrap();
    update(model, Msg::Viewport(viewport.expect("drawn")));
    terminal.backend().buffer().clone()
}

/// The screen as text, rendered through a TestBackend; the viewport is fed back.
pub fn screen(model: &mut Model, width: u16, height: u16) -> String {
    resize(model, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut viewport = None;
    terminal
        .draw(|frame| viewport = Some(goudenoor::ui::draw(model, frame.area(), frame.buffer_mut())))
        .unwrap();
    update(model, Msg::Viewport(viewport.expect("drawn")));
    terminal.backend().to_string()
}

/// The index of the first step that satisfies `pred`.
pub fn step_index(model: &Model, pred: impl Fn(Step) -> bool) -> usize {
    model
        .steps()
        .into_iter()
        .position(pred)
        .expect("such a step")
}

/// Go to the first step that satisfies `pred`.
pub fn go(model: &mut Model, pred: impl Fn(Step) -> bool) {
    let i = step_index(model, pred);
    update(model, Msg::GoToStep(i));
}

pub fn saved(effects: &[Effect]) -> Option<&Assessment> {
    effects.iter().rev().find_map(|e| match e {
        Effect::Save(a) => Some(a.as_ref()),
        _ => None,
    })
}
