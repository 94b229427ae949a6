//! The live workshop in the app: the server's events become respondents and answers
//! (saved in batches), and the facilitator's keys steer the participants' screens.

use super::{
    Effect, LiveControl, LiveParticipant, LiveRequest, LiveStarted, LiveView, Model, Notice, Step,
    go_to,
};
use crate::domain::Respondent;
use crate::live::{LiveEvent, WarmupPhase};

/// The server runs: show where to join, on the workshop step.
pub(super) fn started(model: &mut Model, started: LiveStarted) -> Vec<Effect> {
    let instruments = model.instruments;
    let Some(session) = &mut model.session else {
        // Gone before the server was up: stop it again.
        return vec![Effect::StopLive];
    };
    session.live = Some(LiveView {
        url: started.url,
        code_url: started.code_url,
        code: started.code,
        qr: started.qr,
        anonymous: started.anonymous,
        open: true,
        results_shown: false,
        phase: WarmupPhase::Off,
        participants: Vec::new(),
        votes: Default::default(),
        qr_big: false,
    });
    if let Some(team) = session
        .steps(instruments)
        .iter()
        .position(|s| *s == Step::Team)
    {
        go_to(instruments, session, team);
    }
    model.notice = Some(Notice::Info(
        "De live workshop draait: deelnemers scannen de QR-code of typen de code. Verlaat u deze beoordeling, dan stopt de webpagina."
            .into(),
    ));
    vec![]
}

fn respondent_index(session: &super::Session, participant: u32) -> Option<usize> {
    let live = session.live.as_ref()?;
    let name = &live
        .participants
        .iter()
        .find(|p| p.id == participant)?
        .respondent;
    session
        .assessment
        .respondents
        .iter()
        .position(|r| &r.name == name)
}

/// One event of the server: a participant joined, answered, finished or voted.
pub(super) fn event(model: &mut Model, event: LiveEvent) -> Vec<Effect> {
    let instruments = model.instruments;
    let Some(session) = &mut model.session else {
        return vec![];
    };
    let Some(live) = &mut session.live else {
        return vec![];
    };
    match event {
        LiveEvent::Joined { participant, name } => {
            let name = if live.anonymous || name.trim().is_empty() {
                format!("Deelnemer {participant}")
            } else {
                name
            };
            // Undo restores whole copies of the assessment: one taken before this
            // participant joined would lose them. What came in live stays.
            session.undo.clear();
            let names = session.assessment.add_respondents(vec![Respondent {
                name,
                answers: Default::default(),
            }]);
            let live = session.live.as_mut().expect("checked above");
            live.participants.push(LiveParticipant {
                id: participant.0,
                respondent: names.into_iter().next().unwrap_or_default(),
                done: false,
            });
            // The solo placeholder may have made way: keep the cursor on a respondent.
            session.respondent = session
                .respondent
                .min(session.assessment.respondents.len() - 1);
            session.unsaved_note = true;
            vec![Effect::SaveBatched]
        }
        LiveEvent::Answered {
            participant,
            item,
            value,
        } => {
            let Some(index) = respondent_index(session, participant.0) else {
                return vec![];
            };
            if let Err(e) = crate::live_bridge::apply(
                instruments,
                &mut session.assessment,
                index,
                &item,
                &value,
            ) {
                // Named as the facilitator sees them (a letter when anonymous).
                let who = session.respondent_label(index);
                model.notice = Some(Notice::Error(format!(
                    "Antwoord van {who} op {item} niet bewaard: {e}"
                )));
                return vec![];
            }
            // As for joining: an undo copy from before this answer would lose it.
            session.undo.clear();
            session.unsaved_note = true;
            let mut effects = vec![Effect::SaveBatched];
            if session.live.as_ref().is_some_and(|l| l.results_shown) {
                effects.push(Effect::LiveControl(LiveControl::Results(Some(
                    crate::live_bridge::team_view(instruments, &session.assessment),
                ))));
            }
            effects
        }
        LiveEvent::Done { participant } => {
            if let Some(p) = live.participants.iter_mut().find(|p| p.id == participant.0) {
                p.done = true;
            }
            vec![]
        }
        LiveEvent::WarmupVote {
            participant,
            statement,
            vote,
        } => {
            live.votes.insert((participant.0, statement), vote);
            vec![]
        }
    }
}

/// The facilitator's keys on the workshop step while the server runs.
pub(super) fn control(model: &mut Model, msg: &super::Msg) -> Option<Vec<Effect>> {
    let instruments = model.instruments;
    let session = model.session.as_mut()?;
    let live = session.live.as_mut()?;
    let (effect, notice) = match msg {
        super::Msg::ToggleAnswering => {
            live.open = !live.open;
            (
                LiveControl::Open(live.open),
                if live.open {
                    "Antwoorden is weer open."
                } else {
                    "Antwoorden is gesloten: deelnemers zien hun antwoorden, maar kunnen niets meer wijzigen."
                },
            )
        }
        super::Msg::ToggleResultsShown => {
            live.results_shown = !live.results_shown;
            let view = live
                .results_shown
                .then(|| crate::live_bridge::team_view(instruments, &session.assessment));
            (
                LiveControl::Results(view),
                if session.live.as_ref().is_some_and(|l| l.results_shown) {
                    "De deelnemers zien nu het resultaat van het team."
                } else {
                    "Het resultaat van het team is weer verborgen voor de deelnemers."
                },
            )
        }
        super::Msg::CycleWarmup => {
            live.phase = match live.phase {
                WarmupPhase::Off => WarmupPhase::Voting,
                WarmupPhase::Voting => WarmupPhase::Revealed,
                WarmupPhase::Revealed => WarmupPhase::Off,
            };
            (
                LiveControl::Warmup(live.phase),
                match live.phase {
                    WarmupPhase::Voting => "Opwarmer: deelnemers stemmen — is dit een klacht?",
                    WarmupPhase::Revealed => {
                        "Opwarmer: stemmen gesloten, de definities staan op de schermen."
                    }
                    WarmupPhase::Off => "Opwarmer afgesloten.",
                },
            )
        }
        super::Msg::ToggleQr => {
            live.qr_big = !live.qr_big;
            return Some(vec![]);
        }
        _ => return None,
    };
    model.notice = Some(Notice::Info(notice.into()));
    Some(vec![Effect::LiveControl(effect)])
}

/// The default request when the facilitator starts the server from the app.
pub(super) fn request_from_app() -> LiveRequest {
    LiveRequest {
        bind: None,
        port: None,
        anonymous: false,
    }
}
