//! Updates of the walk-through: a shift, a norm part, the note and percentage editors.

use super::{EditTarget, Editor, Effect, Model, Msg, Notice, Session, TextInput, save};
use crate::domain::{Instruments, Level, Status};

pub(super) fn update_shift(
    instruments: &Instruments,
    session: &mut Session,
    index: usize,
    msg: Msg,
) -> Vec<Effect> {
    let id = instruments.gouden_oor.shifts[index].id.clone();
    let levels = instruments.gouden_oor.levels.len();
    match msg {
        Msg::Up => {
            session.card = session.card.saturating_sub(1);
            vec![]
        }
        Msg::Down => {
            session.card = (session.card + 1).min(levels - 1);
            vec![]
        }
        Msg::PickCard(card) if card < levels => {
            session.card = card;
            set_level(session, &id, card)
        }
        Msg::Activate => set_level(session, &id, session.card),
        Msg::SetLevel(n) if (1..=levels as u8).contains(&n) => {
            session.card = usize::from(n - 1);
            set_level(session, &id, session.card)
        }
        Msg::ClearLevel => {
            session.answers_mut().edit_shift(&id, |a| a.level = None);
            save(session)
        }
        Msg::SetAmbition => {
            let level = Level::new(session.card as u8 + 1);
            session.answers_mut().edit_shift(&id, |a| {
                a.ambition = if a.ambition == level { None } else { level };
            });
            save(session)
        }
        Msg::EditNote => {
            let note = session.answers().shift(&id).note;
            session.editor = Some(Editor {
                target: EditTarget::ShiftNote(id),
                input: TextInput::multi(&note),
            });
            vec![]
        }
        _ => vec![],
    }
}

fn set_level(session: &mut Session, id: &str, card: usize) -> Vec<Effect> {
    let level = Level::new(card as u8 + 1);
    session.answers_mut().edit_shift(id, |a| a.level = level);
    save(session)
}

pub(super) fn update_part(
    instruments: &Instruments,
    session: &mut Session,
    index: usize,
    msg: Msg,
) -> Vec<Effect> {
    let part = &instruments.stv.parts[index];
    let rows = part.criteria.len() + 1;
    let criterion = session
        .row
        .checked_sub(1)
        .map(|i| part.criteria[i].id.clone());
    match msg {
        Msg::Up => {
            session.row = session.row.saturating_sub(1);
            vec![]
        }
        Msg::Down => {
            session.row = (session.row + 1).min(rows - 1);
            vec![]
        }
        Msg::PageUp => {
            session.row = 0;
            vec![]
        }
        Msg::PageDown => {
            session.row = rows - 1;
            vec![]
        }
        Msg::ToggleIntro => {
            session.intro_open = !session.intro_open;
            vec![]
        }
        Msg::PickRow(0) => {
            session.row = 0;
            session.intro_open = !session.intro_open;
            vec![]
        }
        Msg::PickRow(row) if row < rows => {
            session.row = row;
            let id = part.criteria[row - 1].id.clone();
            set_status(session, &id, None)
        }
        Msg::Activate | Msg::CycleStatus => match criterion {
            None => {
                session.intro_open = !session.intro_open;
                vec![]
            }
            Some(id) => set_status(session, &id, None),
        },
        Msg::SetStatus(status) => match criterion {
            Some(id) => set_status(session, &id, Some(status)),
            None => vec![],
        },
        Msg::EditNote => {
            if let Some(id) = criterion {
                let note = session
                    .answers()
                    .criteria
                    .get(&id)
                    .map(|a| a.note.clone())
                    .unwrap_or_default();
                session.editor = Some(Editor {
                    target: EditTarget::CriterionNote(id),
                    input: TextInput::multi(&note),
                });
            }
            vec![]
        }
        Msg::EditPercent if part.criteria.iter().any(|c| c.threshold_pct.is_some()) => {
            let current = session
                .answers()
                .response_pct
                .map(|p| p.to_string())
                .unwrap_or_default();
            session.editor = Some(Editor {
                target: EditTarget::ResponsePercent,
                input: TextInput::single(&current),
            });
            vec![]
        }
        _ => vec![],
    }
}

fn set_status(session: &mut Session, id: &str, status: Option<Status>) -> Vec<Effect> {
    session.answers_mut().edit_criterion(id, |a| {
        a.status = status.unwrap_or(a.status.cycle());
    });
    save(session)
}

pub(super) fn update_editor(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let session = model.session.as_mut().expect("editing needs a session");
    let editor = session.editor.as_mut().expect("checked by caller");
    match msg {
        Msg::Edit(edit) => {
            if !editor.input.apply(edit) {
                return vec![];
            }
            let text = editor.input.text().to_string();
            match editor.target.clone() {
                EditTarget::ShiftNote(id) => {
                    session.answers_mut().edit_shift(&id, |a| a.note = text);
                }
                EditTarget::CriterionNote(id) => {
                    session.answers_mut().edit_criterion(&id, |a| a.note = text);
                }
                // The percentage is checked and stored when the field is done.
                EditTarget::ResponsePercent => return vec![],
            }
            save(session)
        }
        Msg::Submit | Msg::Cancel | Msg::Back => {
            let editor = session.editor.take().expect("checked above");
            if editor.target != EditTarget::ResponsePercent || msg == Msg::Cancel {
                return vec![];
            }
            let text = editor.input.text().trim().trim_end_matches('%').trim();
            if text.is_empty() {
                session.answers_mut().response_pct = None;
                return save(session);
            }
            match text.parse::<u8>() {
                Ok(pct) if pct <= 100 => {
                    session.answers_mut().response_pct = Some(pct);
                    save(session)
                }
                _ => {
                    model.notice = Some(Notice::Error(format!(
                        "\"{text}\" is geen percentage: vul een heel getal van 0 tot en met 100 in."
                    )));
                    vec![]
                }
            }
        }
        _ => vec![],
    }
}
