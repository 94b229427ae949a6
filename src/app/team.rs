//! Workshop updates: the respondents dialog, the overview where the team agrees, and
//! respondents arriving from an import.

use super::{Effect, Model, Msg, Notice, Session, TeamMode, TextInput, save};
use crate::domain::aggregate::{proposal, shift_spread, tally};
use crate::domain::{Instruments, Level, Respondent, Status};

/// A row of the workshop overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamRow {
    Shift(usize),
    Criterion(usize),
}

/// The overview's rows: shifts, then criteria; sorted by disagreement when asked, the
/// largest first (a stable sort keeps the instrument order among equals).
pub fn team_rows(instruments: &Instruments, session: &Session) -> Vec<TeamRow> {
    let respondents = &session.assessment.respondents;
    let mut shifts: Vec<TeamRow> = (0..instruments.gouden_oor.shifts.len())
        .map(TeamRow::Shift)
        .collect();
    let criteria: Vec<(usize, &str)> = instruments
        .stv
        .criteria()
        .enumerate()
        .map(|(i, (_, c))| (i, c.id.as_str()))
        .collect();
    let mut criterion_rows: Vec<TeamRow> = criteria
        .iter()
        .map(|(i, _)| TeamRow::Criterion(*i))
        .collect();
    if session.sort_by_disagreement {
        shifts.sort_by_key(|row| match row {
            TeamRow::Shift(i) => std::cmp::Reverse(
                shift_spread(&instruments.gouden_oor.shifts[*i].id, respondents).range(),
            ),
            TeamRow::Criterion(_) => std::cmp::Reverse(0),
        });
        criterion_rows.sort_by_key(|row| match row {
            TeamRow::Criterion(i) => {
                let t = tally(criteria[*i].1, respondents);
                std::cmp::Reverse(t.met.min(t.not_met))
            }
            TeamRow::Shift(_) => std::cmp::Reverse(0),
        });
    }
    shifts.extend(criterion_rows);
    shifts
}

fn criterion_id(instruments: &Instruments, index: usize) -> String {
    instruments
        .stv
        .criteria()
        .nth(index)
        .map(|(_, c)| c.id.clone())
        .expect("a criterion row")
}

pub(super) fn update_overview(
    instruments: &Instruments,
    session: &mut Session,
    msg: Msg,
) -> Vec<Effect> {
    let rows = team_rows(instruments, session);
    let row = rows[session.team_row.min(rows.len() - 1)];
    let shift_id = match row {
        TeamRow::Shift(i) => Some(instruments.gouden_oor.shifts[i].id.clone()),
        TeamRow::Criterion(_) => None,
    };
    let agreed = &mut session.assessment.agreed;
    match (msg, row) {
        (Msg::Up, _) => session.team_row = session.team_row.saturating_sub(1),
        (Msg::Down, _) => session.team_row = (session.team_row + 1).min(rows.len() - 1),
        (Msg::PageUp, _) => session.team_row = 0,
        (Msg::PageDown, _) => session.team_row = rows.len() - 1,
        (Msg::PickRow(r), _) if r < rows.len() => session.team_row = r,
        (Msg::ToggleAnonymous, _) => session.anonymous = !session.anonymous,
        (Msg::ToggleSort, _) => {
            session.sort_by_disagreement = !session.sort_by_disagreement;
            session.team_row = 0;
        }
        (Msg::SetLevel(n), TeamRow::Shift(_)) => {
            let id = shift_id.expect("shift row");
            agreed.edit_shift(&id, |a| a.level = Level::new(n));
            return save(session);
        }
        (Msg::CycleAmbition, TeamRow::Shift(_)) => {
            let id = shift_id.expect("shift row");
            agreed.edit_shift(&id, |a| {
                a.ambition = match a.ambition {
                    None => Level::new(1),
                    Some(l) => l.next(),
                }
            });
            return save(session);
        }
        (Msg::ClearLevel, TeamRow::Shift(_)) => {
            let id = shift_id.expect("shift row");
            agreed.edit_shift(&id, |a| {
                a.level = None;
                a.ambition = None;
            });
            return save(session);
        }
        (Msg::ClearLevel, TeamRow::Criterion(i)) => {
            agreed.edit_criterion(&criterion_id(instruments, i), |a| a.status = Status::Open);
            return save(session);
        }
        (Msg::SetStatus(status), TeamRow::Criterion(i)) => {
            agreed.edit_criterion(&criterion_id(instruments, i), |a| a.status = status);
            return save(session);
        }
        (Msg::AcceptProposal | Msg::Activate, _) => {
            let proposal = proposal(instruments, &session.assessment.respondents);
            accept(
                instruments,
                &mut session.assessment.agreed,
                &proposal,
                row,
                true,
            );
            return save(session);
        }
        (Msg::AcceptAll, _) => {
            let proposal = proposal(instruments, &session.assessment.respondents);
            for row in rows {
                accept(
                    instruments,
                    &mut session.assessment.agreed,
                    &proposal,
                    row,
                    false,
                );
            }
            return save(session);
        }
        _ => {}
    }
    vec![]
}

/// Copy the proposal of one row into the agreed answers; `overwrite` replaces what was
/// agreed already (accepting all never does).
fn accept(
    instruments: &Instruments,
    agreed: &mut crate::domain::Answers,
    proposal: &crate::domain::Answers,
    row: TeamRow,
    overwrite: bool,
) {
    match row {
        TeamRow::Shift(i) => {
            let id = &instruments.gouden_oor.shifts[i].id;
            let proposed = proposal.shift(id);
            agreed.edit_shift(id, |a| {
                if overwrite || a.level.is_none() {
                    a.level = proposed.level;
                }
                if overwrite || a.ambition.is_none() {
                    a.ambition = proposed.ambition;
                }
            });
        }
        TeamRow::Criterion(i) => {
            let id = criterion_id(instruments, i);
            let proposed = proposal.status(&id);
            agreed.edit_criterion(&id, |a| {
                if overwrite || a.status == Status::Open {
                    a.status = proposed;
                }
            });
        }
    }
}

pub(super) fn update_dialog(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let instruments = model.instruments;
    let session = model.session.as_mut().expect("a session");
    let dialog = session.team.as_mut().expect("a dialog");
    let count = session.assessment.respondents.len();
    match &mut dialog.mode {
        TeamMode::List => match msg {
            Msg::Up => dialog.selected = dialog.selected.saturating_sub(1),
            Msg::Down => dialog.selected = (dialog.selected + 1).min(count - 1),
            Msg::PickRow(i) if i < count => dialog.selected = i,
            Msg::Activate => {
                session.respondent = dialog.selected;
                session.team = None;
                let label = session.respondent_label(session.respondent);
                super::go_to(instruments, session, session.step);
                model.notice = Some(Notice::Info(format!("Nu aan het woord: {label}")));
            }
            Msg::AddRespondent => dialog.mode = TeamMode::Add(TextInput::single("")),
            Msg::RenameRespondent => {
                let name = session.assessment.respondents[dialog.selected].name.clone();
                dialog.mode = TeamMode::Rename(TextInput::single(&name));
            }
            Msg::RemoveRespondent if count > 1 => dialog.mode = TeamMode::ConfirmRemove,
            Msg::RemoveRespondent => {
                model.notice = Some(Notice::Error(
                    "De enige respondent kan niet worden verwijderd.".into(),
                ));
            }
            Msg::ImportFile => dialog.mode = TeamMode::Import(TextInput::single("")),
            Msg::Back | Msg::Cancel | Msg::OpenTeam => session.team = None,
            _ => {}
        },
        TeamMode::Add(input) | TeamMode::Rename(input) | TeamMode::Import(input) => match msg {
            Msg::Edit(edit) => {
                input.apply(edit);
            }
            Msg::Cancel | Msg::Back => dialog.mode = TeamMode::List,
            Msg::Submit => {
                let text = input.text().trim().to_string();
                let mode = std::mem::replace(&mut dialog.mode, TeamMode::List);
                match mode {
                    TeamMode::Add(_) => {
                        let name = session.assessment.unique_name(&text);
                        session.assessment.respondents.push(Respondent {
                            name,
                            answers: Default::default(),
                        });
                        dialog.selected = session.assessment.respondents.len() - 1;
                        return save(session);
                    }
                    TeamMode::Rename(_) if !text.is_empty() => {
                        let current = &session.assessment.respondents[dialog.selected].name;
                        if *current != text {
                            let name = session.assessment.unique_name(&text);
                            session.assessment.respondents[dialog.selected].name = name;
                            return save(session);
                        }
                    }
                    TeamMode::Import(_) if !text.is_empty() => {
                        let path = expand_home(&text);
                        return vec![Effect::ImportFile(path)];
                    }
                    _ => {}
                }
            }
            _ => {}
        },
        TeamMode::ConfirmRemove => {
            if matches!(msg, Msg::Confirm) {
                let removed = session.assessment.respondents.remove(dialog.selected);
                dialog.selected = dialog.selected.min(count - 2);
                session.respondent = session.respondent.min(count - 2);
                dialog.mode = TeamMode::List;
                // The overview may have gone away with the second-last respondent.
                let step = session.step;
                super::go_to(instruments, session, step);
                model.notice = Some(Notice::Info(format!("{} verwijderd", removed.name)));
                return save(model.session.as_ref().expect("a session"));
            }
            dialog.mode = TeamMode::List;
        }
    }
    vec![]
}

fn expand_home(text: &str) -> std::path::PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::Path::new(&home).join(rest),
        _ => std::path::PathBuf::from(text),
    }
}

pub(super) fn imported(model: &mut Model, respondents: Vec<Respondent>) -> Vec<Effect> {
    let session = model.session.as_mut().expect("a session");
    if respondents.is_empty() {
        model.notice = Some(Notice::Error(
            "Het bestand bevat geen respondenten met antwoorden.".into(),
        ));
        return vec![];
    }
    let names = session.assessment.add_respondents(respondents);
    session.respondent = session
        .respondent
        .min(session.assessment.respondents.len() - 1);
    if let Some(dialog) = &mut session.team {
        dialog.selected = dialog
            .selected
            .min(session.assessment.respondents.len() - 1);
    }
    model.notice = Some(Notice::Info(format!(
        "{} toegevoegd: {}",
        if names.len() == 1 {
            "1 respondent".to_string()
        } else {
            format!("{} respondenten", names.len())
        },
        names.join(", ")
    )));
    save(model.session.as_ref().expect("a session"))
}
