//! Workshop updates: the respondents dialog, the overview where the team agrees, and
//! respondents arriving from an import.

use super::{Effect, Model, Msg, Notice, Session, TeamMode, TextInput, save};
use crate::domain::aggregate::{Responses, check_tally, proposal, scale_spread, tally};
use crate::domain::{Answer, Check, Instruments, ItemKind, Level, Respondent, Scope, Status};

/// A row of the workshop overview: an item that respondents answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamRow {
    pub instrument: String,
    pub item: String,
}

/// How much the team disagrees on a row, for sorting (larger first).
fn disagreement(
    instrument: &str,
    item: &str,
    kind: ItemKind<'_>,
    respondents: &[Respondent],
) -> usize {
    match kind {
        ItemKind::Level { .. } | ItemKind::Rating { .. } => {
            usize::from(scale_spread(instrument, item, respondents).range())
        }
        ItemKind::Criterion => {
            let t = tally(instrument, item, respondents);
            t.met.min(t.not_met)
        }
        ItemKind::Check => {
            let t = check_tally(instrument, item, respondents);
            t.counts
                .iter()
                .filter(|c| **c > 0)
                .count()
                .saturating_sub(1)
        }
        _ => 0,
    }
}

/// The overview's rows: every respondent item of every included instrument (numbers
/// too); sorted by disagreement when asked, the largest first (a stable sort keeps the
/// instrument order among equals).
pub fn team_rows(instruments: &Instruments, session: &Session) -> Vec<TeamRow> {
    let respondents = &session.assessment.respondents;
    let mut rows: Vec<(usize, TeamRow)> = Vec::new();
    for inst in instruments.selected(&session.included) {
        for item in inst.items() {
            if item.scope != Scope::Respondent {
                continue;
            }
            let score = if session.sort_by_disagreement {
                disagreement(&inst.id, item.id, item.kind, respondents)
            } else {
                0
            };
            rows.push((
                score,
                TeamRow {
                    instrument: inst.id.clone(),
                    item: item.id.to_string(),
                },
            ));
        }
    }
    if session.sort_by_disagreement {
        rows.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    }
    rows.into_iter().map(|(_, row)| row).collect()
}

pub(super) fn update_overview(model: &mut Model, msg: Msg) -> Vec<Effect> {
    if let Some(effects) = super::live::control(model, &msg) {
        return effects;
    }
    let instruments = model.instruments;
    let viewport = model.viewport;
    let session = model.session.as_mut().expect("a session");
    let rows = team_rows(instruments, session);
    if rows.is_empty() {
        return vec![];
    }
    let row = rows[session.team_row.min(rows.len() - 1)].clone();
    let kind = instruments
        .get(&row.instrument)
        .and_then(|i| i.item(&row.item))
        .map(|i| i.kind);
    let page = usize::from(viewport.page.max(2)) - 1;
    let choosing_ambition = std::mem::take(&mut session.team_ambition);
    let agreed = session.assessment.agreed.of_mut(&row.instrument);
    let id = row.item.as_str();
    let mut notice = None;
    match (msg, kind) {
        (Msg::Up, _) => session.team_row = session.team_row.saturating_sub(1),
        (Msg::Down, _) => session.team_row = (session.team_row + 1).min(rows.len() - 1),
        (Msg::PageUp, _) => session.team_row = session.team_row.saturating_sub(page),
        (Msg::PageDown, _) => session.team_row = (session.team_row + page).min(rows.len() - 1),
        (Msg::PickRow(r), _) if r < rows.len() => session.team_row = r,
        (Msg::ToggleAnonymous, _) => session.anonymous = !session.anonymous,
        (Msg::ToggleSort, _) => {
            session.sort_by_disagreement = !session.sort_by_disagreement;
            session.team_row = 0;
        }
        (Msg::SetAmbition, Some(ItemKind::Level { .. })) => {
            session.team_ambition = !choosing_ambition;
            notice = Some(if session.team_ambition {
                "Kies het doel van de groep: 1–4 (0 wist het).".to_string()
            } else {
                "Geen doel gekozen.".to_string()
            });
        }
        (Msg::SetAgreedAmbition(n), Some(ItemKind::Level { levels }))
            if usize::from(n) <= levels && n > 0 =>
        {
            session.remember();
            session
                .assessment
                .agreed
                .of_mut(&row.instrument)
                .set_ambition(id, Level::new(n));
            return done(model, None);
        }
        (Msg::SetLevel(n), Some(ItemKind::Level { levels }))
            if usize::from(n) <= levels && n > 0 =>
        {
            let _ = agreed;
            session.remember();
            session
                .assessment
                .agreed
                .of_mut(&row.instrument)
                .set_level(id, Level::new(n));
            return done(model, None);
        }
        (Msg::SetLevel(n), Some(ItemKind::Rating { min, max })) if (min..=max).contains(&n) => {
            session.remember();
            session
                .assessment
                .agreed
                .of_mut(&row.instrument)
                .set_level(id, Level::new(n));
            return done(model, None);
        }
        (Msg::SetLevel(n @ 1..=4), Some(ItemKind::Check)) => {
            session.remember();
            session
                .assessment
                .agreed
                .of_mut(&row.instrument)
                .set_check(id, Check::ANSWERS[usize::from(n - 1)]);
            return done(model, None);
        }
        (Msg::ClearLevel, _) => {
            session.remember();
            let agreed = session.assessment.agreed.of_mut(&row.instrument);
            if choosing_ambition {
                agreed.set_ambition(id, None);
            } else {
                agreed.clear(id);
            }
            return done(
                model,
                Some("Akkoord gewist; het voorstel geldt weer.".into()),
            );
        }
        (Msg::SetStatus(status), Some(ItemKind::Criterion)) => {
            session.remember();
            session
                .assessment
                .agreed
                .of_mut(&row.instrument)
                .set_status(id, status);
            return done(model, None);
        }
        (Msg::AcceptProposal | Msg::Activate, _) => {
            let proposal = proposal(
                instruments,
                &session.included,
                &session.assessment.respondents,
            );
            let proposed = proposal.of(&row.instrument).get(id).cloned();
            match proposed.filter(|a| a.is_answered()) {
                Some(answer) => {
                    session.remember();
                    accept(session, &row, answer, true);
                    return done(model, Some("Voorstel overgenomen als akkoord.".into()));
                }
                None => {
                    notice = Some(no_proposal_reason(session, instruments, &row));
                }
            }
        }
        (Msg::AcceptAll, _) => {
            let proposal = proposal(
                instruments,
                &session.included,
                &session.assessment.respondents,
            );
            session.remember();
            let mut taken = 0;
            for row in &rows {
                if let Some(answer) = proposal.of(&row.instrument).get(&row.item).cloned()
                    && answer.is_answered()
                    && accept(session, row, answer, false)
                {
                    taken += 1;
                }
            }
            return done(
                model,
                Some(format!(
                    "{taken} voorstellen overgenomen; wat al akkoord was bleef staan."
                )),
            );
        }
        (Msg::SetLevel(_) | Msg::SetStatus(_) | Msg::SetAgreedAmbition(_), _) => {
            notice = Some("Dat antwoord past niet bij deze regel.".into());
        }
        _ => {}
    }
    if let Some(text) = notice {
        model.notice = Some(Notice::Info(text));
    }
    vec![]
}

fn done(model: &mut Model, notice: Option<String>) -> Vec<Effect> {
    if let Some(text) = notice {
        model.notice = Some(Notice::Info(text));
    }
    let session = model.session.as_mut().expect("a session");
    session.assessment.agreed.tidy();
    save(session)
}

/// Why a row has no proposal: a tie, or too few answers.
fn no_proposal_reason(session: &Session, instruments: &Instruments, row: &TeamRow) -> String {
    let respondents = &session.assessment.respondents;
    let kind = instruments
        .get(&row.instrument)
        .and_then(|i| i.item(&row.item))
        .map(|i| i.kind);
    let quorum = match kind {
        Some(ItemKind::Level { .. } | ItemKind::Rating { .. }) => {
            scale_spread(&row.instrument, &row.item, respondents).quorum
        }
        Some(ItemKind::Criterion) => tally(&row.instrument, &row.item, respondents).quorum(),
        Some(ItemKind::Check) => check_tally(&row.instrument, &row.item, respondents).quorum(),
        _ => crate::domain::aggregate::Quorum {
            answered: 0,
            respondents: respondents.len(),
        },
    };
    if quorum.holds() {
        "Geen voorstel: de stemmen staken. Kies het akkoord zelf.".into()
    } else {
        format!(
            "Geen voorstel: {}. Kies het akkoord zelf.",
            quorum.message()
        )
    }
}

/// Copy a proposed answer into the agreed answers; `overwrite` replaces what was agreed
/// already (accepting all never does). Returns whether anything was taken.
fn accept(session: &mut Session, row: &TeamRow, proposed: Answer, overwrite: bool) -> bool {
    let agreed = session.assessment.agreed.of_mut(&row.instrument);
    let current = agreed.get(&row.item).cloned();
    let merged = match (current, proposed) {
        (None, proposed) => proposed,
        (Some(_), proposed) if overwrite => proposed,
        (
            Some(Answer::Scale {
                value,
                ambition,
                note,
            }),
            Answer::Scale {
                value: v,
                ambition: a,
                ..
            },
        ) => Answer::Scale {
            value: value.or(v),
            ambition: ambition.or(a),
            note,
        },
        (
            Some(Answer::Criterion {
                status: Status::Open,
                note,
            }),
            Answer::Criterion { status: s, .. },
        ) => Answer::Criterion { status: s, note },
        (
            Some(Answer::Check {
                answer: Check::Open,
                note,
            }),
            Answer::Check { answer: a, .. },
        ) => Answer::Check { answer: a, note },
        _ => return false,
    };
    // Notes stay as agreed; the proposal's gathered notes are for reading.
    let merged = match merged {
        Answer::Scale {
            value, ambition, ..
        } => Answer::Scale {
            value,
            ambition,
            note: agreed.note(&row.item).to_string(),
        },
        Answer::Criterion { status, .. } => Answer::Criterion {
            status,
            note: agreed.note(&row.item).to_string(),
        },
        Answer::Check { answer, .. } => Answer::Check {
            answer,
            note: agreed.note(&row.item).to_string(),
        },
        other => other,
    };
    let before = agreed.get(&row.item).cloned();
    agreed.set(&row.item, merged);
    agreed.get(&row.item).cloned() != before
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
            Msg::StartLive if session.live.is_some() => {
                model.notice = Some(Notice::Info(
                    "De live workshop draait al; zie de stap Workshop.".into(),
                ));
            }
            Msg::StartLive if session.read_only => {
                model.notice = Some(Notice::Error(
                    "Alleen-lezen: hier kan geen live workshop starten.".into(),
                ));
            }
            Msg::StartLive => dialog.mode = TeamMode::ConfirmLive,
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
                        session.remember();
                        let name = session.assessment.unique_name(&text);
                        session.assessment.respondents.push(Respondent {
                            name,
                            answers: Default::default(),
                        });
                        let dialog = session.team.as_mut().expect("a dialog");
                        dialog.selected = session.assessment.respondents.len() - 1;
                        return save(session);
                    }
                    TeamMode::Rename(_) if !text.is_empty() => {
                        let selected = dialog.selected;
                        let current = &session.assessment.respondents[selected].name;
                        if *current != text {
                            session.remember();
                            let name = session.assessment.unique_name(&text);
                            let old = std::mem::replace(
                                &mut session.assessment.respondents[selected].name,
                                name.clone(),
                            );
                            // A live participant's answers keep going to this respondent.
                            if let Some(p) = session.live.as_mut().and_then(|l| {
                                l.participants.iter_mut().find(|p| p.respondent == old)
                            }) {
                                p.respondent = name;
                            }
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
        TeamMode::ConfirmLive => {
            dialog.mode = TeamMode::List;
            if matches!(msg, Msg::Confirm) {
                session.team = None;
                return vec![Effect::StartLive {
                    questionnaire: Box::new(crate::live_bridge::questionnaire(
                        instruments,
                        &session.assessment,
                        false,
                    )),
                    request: super::live::request_from_app(),
                }];
            }
        }
        TeamMode::ConfirmRemove => {
            if matches!(msg, Msg::Confirm) {
                let selected = dialog.selected;
                session.remember();
                let removed = session.assessment.respondents.remove(selected);
                // A participant of the live workshop loses their place too.
                let mut effects = Vec::new();
                if let Some(live) = &mut session.live
                    && let Some(i) = live
                        .participants
                        .iter()
                        .position(|p| p.respondent == removed.name)
                {
                    let p = live.participants.remove(i);
                    effects.push(Effect::LiveControl(super::LiveControl::Remove(p.id)));
                }
                let dialog = session.team.as_mut().expect("a dialog");
                dialog.selected = selected.min(count - 2);
                dialog.mode = TeamMode::List;
                session.respondent = session.respondent.min(count - 2);
                // The overview may have gone away with the second-last respondent.
                let step = session.step;
                super::go_to(instruments, session, step);
                model.notice = Some(Notice::Info(format!("{} verwijderd", removed.name)));
                effects.extend(save(model.session.as_ref().expect("a session")));
                return effects;
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

/// Respondents arrive from an import; `warnings` say what might skew the workshop.
pub(super) fn imported(
    model: &mut Model,
    respondents: Vec<Respondent>,
    warnings: Vec<String>,
) -> Vec<Effect> {
    let session = model.session.as_mut().expect("a session");
    if respondents.is_empty() {
        model.notice = Some(Notice::Error(
            "Het bestand bevat geen respondenten met antwoorden.".into(),
        ));
        return vec![];
    }
    session.remember();
    let names = session.assessment.add_respondents(respondents);
    session.respondent = session
        .respondent
        .min(session.assessment.respondents.len() - 1);
    if let Some(dialog) = &mut session.team {
        dialog.selected = dialog
            .selected
            .min(session.assessment.respondents.len() - 1);
    }
    let renamed: Vec<&String> = names.iter().filter(|n| n.ends_with(')')).collect();
    let mut lines: Vec<String> = names.iter().map(|n| format!("· {n}")).collect();
    if !renamed.is_empty() {
        lines.push(format!(
            "Let op: {} had(den) een naam die al bestond en kregen een nummer; is dit dezelfde persoon twee keer?",
            renamed.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
        ));
    }
    lines.extend(warnings.into_iter().map(|w| format!("Let op: {w}")));
    let title = format!(
        "{} toegevoegd",
        crate::text::count(names.len(), "respondent", "respondenten")
    );
    if lines.len() > names.len() {
        model.popup = Some(super::Popup { title, lines });
    } else {
        model.notice = Some(Notice::Info(format!("{title}: {}", names.join(", "))));
    }
    save(model.session.as_ref().expect("a session"))
}

/// What might skew a workshop about imported respondents: nearly empty answers, and
/// measurements below their threshold.
pub fn import_warnings(
    instruments: &Instruments,
    included: &[String],
    respondents: &[Respondent],
) -> Vec<String> {
    let mut warnings = Vec::new();
    let total: usize = instruments
        .selected(included)
        .map(|i| i.respondent_items())
        .sum();
    for r in respondents {
        let answered: usize = r.answers().0.values().map(|a| a.answered()).sum();
        if total > 0 && answered * 5 < total {
            warnings.push(format!(
                "{} beantwoordde bijna niets ({answered} van {total})",
                r.name
            ));
        }
        for inst in instruments.selected(included) {
            for item in inst.items() {
                if let ItemKind::Measurement(m) = item.kind
                    && let Some(v) = r.answers.of(&inst.id).number(item.id)
                    && !m.threshold.is_met(v)
                {
                    warnings.push(format!(
                        "{}: {} {} — onder de norm ({})",
                        r.name,
                        m.name.to_lowercase(),
                        m.display(v),
                        m.threshold_text()
                    ));
                }
            }
        }
    }
    warnings
}
