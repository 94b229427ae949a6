//! Deterministic sample assessments for tests, benchmarks and golden files.

use crate::domain::{
    Answer, Answers, Assessment, Check, Instruments, ItemKind, Level, Respondent, Status,
    default_instruments,
};
use jiff::Timestamp;

/// A fixed moment, so that golden files do not change from run to run.
pub fn fixed_time() -> Timestamp {
    "2026-11-02T09:30:00Z".parse().expect("valid timestamp")
}

/// Answers varied by `seed` for the instruments `included`: every respondent item
/// answered, with notes.
pub fn full_answers_for(instruments: &Instruments, included: &[String], seed: usize) -> Answers {
    let mut answers = Answers::default();
    for inst in instruments.selected(included) {
        let items = answers.of_mut(&inst.id);
        for (i, item) in inst.items().into_iter().enumerate() {
            let answer = match item.kind {
                ItemKind::Level { levels } => {
                    let level = (i + seed) % levels + 1;
                    Answer::Scale {
                        value: Level::new(level as u8),
                        ambition: Level::new(level.max(levels - 1) as u8),
                        note: format!(
                            "Voorbeeld {seed} bij {}: we zien dit terug in het klachtenoverleg.",
                            item.id
                        ),
                    }
                }
                ItemKind::Rating { min, max } => Answer::Scale {
                    value: Level::new(min + ((i + seed) as u8 % (max - min + 1))),
                    ambition: None,
                    note: String::new(),
                },
                ItemKind::Criterion => Answer::Criterion {
                    status: if (i + seed).is_multiple_of(3) {
                        Status::NotMet
                    } else {
                        Status::Met
                    },
                    note: format!("Dat blijkt uit het jaarverslag, hoofdstuk {}.", i + 1),
                },
                ItemKind::Check => Answer::Check {
                    answer: Check::ANSWERS[(i + seed) % 4],
                    note: String::new(),
                },
                ItemKind::Measurement(m) => Answer::Number(
                    (m.threshold.value - 2.0 + (seed % 5) as f64).clamp(m.min, m.max),
                ),
                ItemKind::Field(_) | ItemKind::Input(_) => continue,
            };
            items.set(item.id, answer);
        }
    }
    answers.tidy();
    answers
}

/// Answers for the default instruments.
pub fn full_answers(instruments: &Instruments, seed: usize) -> Answers {
    full_answers_for(instruments, &default_instruments(), seed)
}

/// An assessment of the default instruments with `respondents` fully answered respondents.
pub fn sample_assessment(instruments: &Instruments, respondents: usize) -> Assessment {
    sample_assessment_with(instruments, &default_instruments(), respondents)
}

/// An assessment of the instruments `included` with `respondents` fully answered respondents.
pub fn sample_assessment_with(
    instruments: &Instruments,
    included: &[String],
    respondents: usize,
) -> Assessment {
    let mut assessment = Assessment::new(
        "Nulmeting klantenservice",
        "Verzekeraar Voorbeeld N.V.",
        instruments,
        included,
        fixed_time(),
    );
    assessment.respondents = (0..respondents)
        .map(|n| Respondent {
            name: format!("Deelnemer {}", n + 1),
            answers: full_answers_for(instruments, included, n),
        })
        .collect();
    assessment.note = "Besproken in het MT van november.".into();
    assessment
}

/// An action plan of three actions: open, in progress and done.
pub fn sample_actions() -> Vec<crate::domain::Action> {
    use crate::domain::{Action, ActionStatus};
    let date = |y, m, d| Some(jiff::civil::date(y, m, d));
    vec![
        Action {
            what: "Klachtenoverleg elke maand met het MT".into(),
            items: vec!["go1".into(), "I".into()],
            owner: "Hoofd klantenservice".into(),
            deadline: date(2027, 1, 31),
            status: ActionStatus::Bezig,
            note: "Eerste overleg gepland.\nAgenda volgt.".into(),
            from_round: None,
        },
        Action {
            what: "Reactietermijnen meten per kanaal".into(),
            items: vec!["IV".into()],
            owner: "Teamleider kwaliteit".into(),
            deadline: date(2027, 3, 15),
            status: ActionStatus::Open,
            note: String::new(),
            from_round: None,
        },
        Action {
            what: "Klanten bellen na een afgehandelde klacht".into(),
            items: vec!["go3".into()],
            owner: String::new(),
            deadline: None,
            status: ActionStatus::Klaar,
            note: String::new(),
            from_round: None,
        },
    ]
}

/// Two rounds of one series: the sample assessment with actions as round 1, and a
/// round 2 half a year later in which two shifts moved up.
pub fn sample_rounds(instruments: &Instruments) -> (Assessment, Assessment) {
    use crate::domain::Series;
    let mut first = sample_assessment(instruments, 1);
    first.actions = sample_actions();
    let series = Series {
        id: first.new_series_id(),
        round: 1,
    };
    first.series = Some(series.clone());
    let later: Timestamp = "2027-05-03T09:30:00Z".parse().expect("valid timestamp");
    let mut second = first.next_round(
        instruments,
        Series {
            id: series.id,
            round: 2,
        },
        false,
        later,
    );
    let go = second.respondents[0].answers.of_mut("gouden-oor");
    for id in ["go1", "go2"] {
        let up = go.level(id).and_then(|l| l.next(4)).or(Level::new(4));
        go.set_level(id, up);
    }
    (first, second)
}
