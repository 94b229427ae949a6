//! Keys and mouse clicks to messages: one small pure function.

use super::{Dialog, Edit, Model, Msg, Step, TeamMode};
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

pub fn event_to_msg(model: &Model, event: &Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_to_msg(model, key),
        Event::Resize(w, h) => Some(Msg::Resize(*w, *h)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                crate::ui::hit_test(model, mouse.column, mouse.row)
            }
            MouseEventKind::ScrollUp => Some(Msg::Up),
            MouseEventKind::ScrollDown => Some(Msg::Down),
            _ => None,
        },
        _ => None,
    }
}

fn key_to_msg(model: &Model, key: &KeyEvent) -> Option<Msg> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Msg::Quit);
    }
    if model.popup.is_some() {
        return Some(Msg::Cancel);
    }
    if model.help {
        return Some(match key.code {
            KeyCode::Char('?') | KeyCode::F(1) => Msg::ToggleHelp,
            _ => Msg::Back,
        });
    }
    if model.is_typing() {
        return typing_key(model, key, ctrl);
    }
    if model.compare.is_some() {
        return Some(match key.code {
            KeyCode::PageUp => Msg::PageUp,
            KeyCode::PageDown | KeyCode::Char(' ') => Msg::PageDown,
            _ => return common_key(key),
        });
    }
    if model.session.is_none()
        && let Some(Dialog::NewRound { .. }) = model.home.dialog
    {
        return Some(match key.code {
            KeyCode::Enter => Msg::Confirm,
            KeyCode::Char('b' | 'B') => Msg::Blank,
            _ => Msg::Cancel,
        });
    }
    if model.session.is_none()
        && let Some(Dialog::ConfirmDelete { .. }) = model.home.dialog
    {
        return Some(match key.code {
            KeyCode::Char('j' | 'J' | 'y' | 'Y') | KeyCode::Enter => Msg::Confirm,
            _ => Msg::Cancel,
        });
    }
    if let Some(dialog) = model.session.as_ref().and_then(|s| s.team.as_ref()) {
        return match key.code {
            KeyCode::Esc => Some(Msg::Back),
            KeyCode::Up | KeyCode::Char('k') if dialog.mode == TeamMode::List => Some(Msg::Up),
            KeyCode::Down | KeyCode::Char('j') if dialog.mode == TeamMode::List => Some(Msg::Down),
            KeyCode::Char('q') if dialog.mode == TeamMode::List => Some(Msg::Back),
            _ => team_dialog_key(&dialog.mode, key),
        };
    }
    if let Some(msg) = common_key(key) {
        return Some(msg);
    }
    match &model.session {
        None => home_key(key),
        Some(_) => session_key(model, key),
    }
}

fn typing_key(model: &Model, key: &KeyEvent, ctrl: bool) -> Option<Msg> {
    let multiline = model
        .session
        .as_ref()
        .and_then(|s| s.editor.as_ref())
        .is_some_and(|e| e.target != super::EditTarget::ResponsePercent);
    Some(match key.code {
        KeyCode::Char('s') if ctrl => Msg::Submit,
        KeyCode::Esc if multiline => Msg::Submit,
        KeyCode::Esc => Msg::Cancel,
        KeyCode::Enter if multiline && !ctrl => Msg::Edit(Edit::Newline),
        KeyCode::Enter => Msg::Submit,
        KeyCode::Tab | KeyCode::BackTab => Msg::NextField,
        KeyCode::Char(c) if !ctrl => Msg::Edit(Edit::Insert(c)),
        KeyCode::Backspace => Msg::Edit(Edit::Backspace),
        KeyCode::Delete => Msg::Edit(Edit::Delete),
        KeyCode::Left => Msg::Edit(Edit::Left),
        KeyCode::Right => Msg::Edit(Edit::Right),
        KeyCode::Up => Msg::Edit(Edit::Up),
        KeyCode::Down => Msg::Edit(Edit::Down),
        KeyCode::Home => Msg::Edit(Edit::Home),
        KeyCode::End => Msg::Edit(Edit::End),
        _ => return None,
    })
}

fn common_key(key: &KeyEvent) -> Option<Msg> {
    Some(match key.code {
        KeyCode::Char('?') | KeyCode::F(1) => Msg::ToggleHelp,
        KeyCode::Char('q') => Msg::Quit,
        KeyCode::Esc => Msg::Back,
        KeyCode::Up | KeyCode::Char('k') => Msg::Up,
        KeyCode::Down | KeyCode::Char('j') => Msg::Down,
        _ => return None,
    })
}

fn home_key(key: &KeyEvent) -> Option<Msg> {
    Some(match key.code {
        KeyCode::Enter | KeyCode::Char(' ') | KeyCode::Char('o') => Msg::Activate,
        KeyCode::Char('n') => Msg::NewAssessment,
        KeyCode::Char('r') | KeyCode::F(2) => Msg::RenameAssessment,
        KeyCode::Delete | KeyCode::Char('x') => Msg::DeleteAssessment,
        KeyCode::PageUp | KeyCode::Home => Msg::PageUp,
        KeyCode::PageDown | KeyCode::End => Msg::PageDown,
        KeyCode::Char('+') => Msg::StartNewRound,
        KeyCode::Char('c') => Msg::CompareSelected,
        KeyCode::Char('m') => Msg::MarkForCompare,
        _ => return None,
    })
}

fn team_dialog_key(mode: &TeamMode, key: &KeyEvent) -> Option<Msg> {
    if *mode == TeamMode::ConfirmRemove {
        return Some(match key.code {
            KeyCode::Char('j' | 'J' | 'y' | 'Y') | KeyCode::Enter => Msg::Confirm,
            _ => Msg::Cancel,
        });
    }
    Some(match key.code {
        KeyCode::Enter | KeyCode::Char(' ') => Msg::Activate,
        KeyCode::Char('a') => Msg::AddRespondent,
        KeyCode::Char('r') | KeyCode::F(2) => Msg::RenameRespondent,
        KeyCode::Char('x') | KeyCode::Delete => Msg::RemoveRespondent,
        KeyCode::Char('i') => Msg::ImportFile,
        KeyCode::Char('t') => Msg::OpenTeam,
        _ => return None,
    })
}

fn session_key(model: &Model, key: &KeyEvent) -> Option<Msg> {
    let nav = match key.code {
        KeyCode::Tab | KeyCode::Right | KeyCode::Char('l') => Some(Msg::NextStep),
        KeyCode::BackTab | KeyCode::Left | KeyCode::Char('h') => Some(Msg::PrevStep),
        KeyCode::Char('r') => model
            .session
            .as_ref()
            .map(|_| Msg::GoToStep(model.steps().len() - 1)),
        KeyCode::Char('t') => Some(Msg::OpenTeam),
        KeyCode::Home | KeyCode::Char('g') => Some(Msg::GoToStep(0)),
        KeyCode::End | KeyCode::Char('G') => Some(Msg::GoToStep(model.steps().len() - 1)),
        KeyCode::Char(']') => Some(Msg::NextRespondent),
        KeyCode::Char('[') => Some(Msg::PrevRespondent),
        _ => None,
    };
    if nav.is_some() {
        return nav;
    }
    let is_results = model.step() == Some(Step::Results);
    Some(match (model.step()?, key.code) {
        (_, KeyCode::PageDown) if !is_results => Msg::NextStep,
        (_, KeyCode::PageUp) if !is_results => Msg::PrevStep,
        (Step::Shift(_), KeyCode::Char(c @ '1'..='4')) => Msg::SetLevel(c as u8 - b'0'),
        (Step::Shift(_), KeyCode::Char('0') | KeyCode::Backspace | KeyCode::Delete) => {
            Msg::ClearLevel
        }
        (Step::Shift(_), KeyCode::Enter | KeyCode::Char(' ')) => Msg::Activate,
        (Step::Shift(_), KeyCode::Char('d')) => Msg::SetAmbition,
        (Step::Shift(_) | Step::Part(_), KeyCode::Char('e')) => Msg::EditNote,
        (Step::Part(_), KeyCode::Enter | KeyCode::Char(' ')) => Msg::CycleStatus,
        (Step::Part(_), KeyCode::Char('v')) => Msg::SetStatus(crate::domain::Status::Met),
        (Step::Part(_), KeyCode::Char('n')) => Msg::SetStatus(crate::domain::Status::NotMet),
        (Step::Part(_), KeyCode::Char('o')) => Msg::SetStatus(crate::domain::Status::Open),
        (Step::Part(_), KeyCode::Char('i')) => Msg::ToggleIntro,
        (Step::Part(_), KeyCode::Char('p' | '%')) => Msg::EditPercent,
        (Step::Team, KeyCode::Char(c @ '1'..='4')) => Msg::SetLevel(c as u8 - b'0'),
        (Step::Team, KeyCode::Char('0') | KeyCode::Backspace | KeyCode::Delete) => Msg::ClearLevel,
        (Step::Team, KeyCode::Char('d')) => Msg::CycleAmbition,
        (Step::Team, KeyCode::Enter | KeyCode::Char(' ')) => Msg::AcceptProposal,
        (Step::Team, KeyCode::Char('A')) => Msg::AcceptAll,
        (Step::Team, KeyCode::Char('v')) => Msg::SetStatus(crate::domain::Status::Met),
        (Step::Team, KeyCode::Char('n')) => Msg::SetStatus(crate::domain::Status::NotMet),
        (Step::Team, KeyCode::Char('o')) => Msg::SetStatus(crate::domain::Status::Open),
        (Step::Team, KeyCode::Char('a')) => Msg::ToggleAnonymous,
        (Step::Team, KeyCode::Char('s')) => Msg::ToggleSort,
        (Step::Results, KeyCode::PageDown | KeyCode::Char(' ')) => Msg::PageDown,
        (Step::Results, KeyCode::PageUp) => Msg::PageUp,
        _ => return None,
    })
}
