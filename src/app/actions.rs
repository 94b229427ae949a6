//! The action plan: next steps become actions with an owner, a deadline and a status;
//! and the results page, where `a` turns the selected next step into an action.

use super::{
    ActionField, EditTarget, Editor, Effect, Model, Msg, Notice, TextInput, Viewport, save,
};
use crate::domain::{Action, ActionStatus};

/// The next steps of the results page, in the order it shows them.
pub fn next_steps(model: &Model) -> Vec<(String, crate::domain::result::NextStep)> {
    let Some(session) = &model.session else {
        return Vec::new();
    };
    session
        .result(model.instruments)
        .instruments
        .iter()
        .flat_map(|r| r.next_steps.iter().map(|s| (r.short.clone(), s.clone())))
        .collect()
}

pub(super) fn update_results(model: &mut Model, msg: Msg, viewport: Viewport) -> Vec<Effect> {
    let count = if matches!(msg, Msg::SelectNext | Msg::SelectPrev | Msg::MakeAction) {
        next_steps(model).len()
    } else {
        0
    };
    let session = model.session.as_mut().expect("a session");
    match msg {
        Msg::SelectNext => {
            session.step_cursor = (session.step_cursor + 1).min(count.saturating_sub(1));
            session.follow_focus = true;
            vec![]
        }
        Msg::SelectPrev => {
            session.step_cursor = session.step_cursor.saturating_sub(1);
            session.follow_focus = true;
            vec![]
        }
        Msg::MakeAction => {
            let steps = next_steps(model);
            let session = model.session.as_mut().expect("a session");
            let Some((short, step)) = steps.get(session.step_cursor.min(count.saturating_sub(1)))
            else {
                model.notice = Some(Notice::Info(
                    "Er zijn nog geen volgende stappen om een actie van te maken.".into(),
                ));
                return vec![];
            };
            if session
                .assessment
                .actions
                .iter()
                .any(|a| a.items == [step.item.clone()] && a.what.starts_with(&step.title))
            {
                model.notice = Some(Notice::Info("Deze stap staat al in het actieplan.".into()));
                return vec![];
            }
            session.remember();
            session.assessment.actions.push(Action {
                what: format!("{}: {}", step.title, step.text),
                items: vec![step.item.clone()],
                owner: String::new(),
                deadline: None,
                status: ActionStatus::Open,
                note: String::new(),
                from_round: None,
            });
            model.notice = Some(Notice::Info(format!(
                "Actie toegevoegd ({short}); vul eigenaar en deadline in op de stap Actieplan."
            )));
            save(model.session.as_ref().expect("a session"))
        }
        ref m => {
            super::scroll(&mut session.scroll, m, viewport);
            vec![]
        }
    }
}

/// "2027-03-31" or "31-03-2027" (also with / or .).
pub fn parse_date(text: &str) -> Result<Option<jiff::civil::Date>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let numbers: Option<Vec<i32>> = parts.iter().map(|p| p.trim().parse().ok()).collect();
    let date = match numbers.as_deref() {
        Some([y, m, d]) if *y > 31 => jiff::civil::Date::new(*y as i16, *m as i8, *d as i8).ok(),
        Some([d, m, y]) => jiff::civil::Date::new(*y as i16, *m as i8, *d as i8).ok(),
        _ => None,
    };
    date.map(Some)
        .ok_or_else(|| format!("\"{text}\" is geen datum; schrijf bijvoorbeeld 31-03-2027"))
}

pub(super) fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let session = model.session.as_mut().expect("a session");
    let count = session.assessment.actions.len();
    let cursor = session.cursor.min(count.saturating_sub(1));
    let edit = |session: &mut super::Session, index: usize, field: ActionField| {
        let action = &session.assessment.actions[index];
        let text = match field {
            ActionField::What => action.what.clone(),
            ActionField::Owner => action.owner.clone(),
            ActionField::Deadline => action
                .deadline
                .map(|d| d.strftime("%d-%m-%Y").to_string())
                .unwrap_or_default(),
            ActionField::Note => action.note.clone(),
        };
        let input = if matches!(field, ActionField::What | ActionField::Note) {
            TextInput::multi(&text)
        } else {
            TextInput::single(&text)
        };
        session.editor = Some(Editor {
            target: EditTarget::Action { index, field },
            input,
            error: None,
        });
    };
    match msg {
        Msg::Up => session.cursor = cursor.saturating_sub(1),
        Msg::Down => session.cursor = (cursor + 1).min(count.saturating_sub(1)),
        Msg::NewAction => {
            session.remember();
            session.assessment.actions.push(Action {
                what: String::new(),
                items: Vec::new(),
                owner: String::new(),
                deadline: None,
                status: ActionStatus::Open,
                note: String::new(),
                from_round: None,
            });
            session.cursor = count;
            edit(session, count, ActionField::What);
        }
        _ if count == 0 => {
            if matches!(
                msg,
                Msg::EditField(_) | Msg::CycleActionStatus | Msg::RemoveAction
            ) {
                model.notice = Some(Notice::Info(
                    "Nog geen acties: n maakt er een, of a op de resultaten maakt er een van een volgende stap."
                        .into(),
                ));
            }
        }
        Msg::EditField(field) => edit(session, cursor, field),
        Msg::CycleActionStatus => {
            session.remember();
            let action = &mut session.assessment.actions[cursor];
            action.status = action.status.cycle();
            return save(session);
        }
        Msg::SortActions => {
            session.remember();
            // Open work first, then by deadline (none last).
            session.assessment.actions.sort_by_key(|a| {
                (
                    a.status == ActionStatus::Klaar,
                    a.deadline.is_none(),
                    a.deadline,
                )
            });
            model.notice = Some(Notice::Info(
                "Gesorteerd: openstaand eerst, dan op deadline.".into(),
            ));
            return save(model.session.as_ref().expect("a session"));
        }
        Msg::RemoveAction => {
            session.remember();
            let removed = session.assessment.actions.remove(cursor);
            session.cursor = cursor.min(count.saturating_sub(2));
            model.notice = Some(Notice::Info(format!(
                "Actie verwijderd (u maakt het ongedaan): {}",
                removed.what.lines().next().unwrap_or("")
            )));
            return save(model.session.as_ref().expect("a session"));
        }
        _ => {}
    }
    vec![]
}

pub(super) fn update_editor(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let session = model.session.as_mut().expect("a session");
    let editor = session.editor.as_mut().expect("an editor");
    let EditTarget::Action { index, field } = editor.target else {
        return vec![];
    };
    match msg {
        Msg::Edit(edit) => {
            editor.input.apply(edit);
            editor.error = None;
            vec![]
        }
        Msg::Cancel => {
            session.editor = None;
            // A new action left without a text goes away again.
            if session
                .assessment
                .actions
                .get(index)
                .is_some_and(|a| a.what.trim().is_empty())
            {
                session.assessment.actions.remove(index);
                session.cursor = session.cursor.saturating_sub(1);
            }
            vec![]
        }
        Msg::Submit | Msg::Back => {
            let text = editor.input.text().trim().to_string();
            let action_count = session.assessment.actions.len();
            if index >= action_count {
                session.editor = None;
                return vec![];
            }
            let is_new = session.assessment.actions[index].what.trim().is_empty();
            if field == ActionField::What && text.is_empty() && is_new {
                // Closing a new action before anything was typed: as if it never was.
                session.editor = None;
                session.assessment.actions.remove(index);
                session.cursor = session.cursor.saturating_sub(1);
                model.notice = Some(Notice::Info(
                    "Geen actie gemaakt: er stond niets in.".into(),
                ));
                return vec![];
            }
            match field {
                ActionField::What if text.is_empty() => {
                    editor.error = Some("Beschrijf wat er moet gebeuren.".into());
                    return vec![];
                }
                ActionField::Deadline => match parse_date(&text) {
                    Ok(date) => session.assessment.actions[index].deadline = date,
                    Err(e) => {
                        editor.error = Some(e);
                        return vec![];
                    }
                },
                ActionField::What => session.assessment.actions[index].what = text,
                ActionField::Owner => session.assessment.actions[index].owner = text,
                ActionField::Note => session.assessment.actions[index].note = text,
            }
            session.editor = None;
            session.remember();
            save(session)
        }
        _ => vec![],
    }
}
