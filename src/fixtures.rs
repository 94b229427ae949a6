//! Deterministic sample assessments for tests, benchmarks and golden files.

use crate::domain::{Answers, Assessment, Instruments, Level, Respondent, Status};
use jiff::Timestamp;

/// A fixed moment, so that golden files do not change from run to run.
pub fn fixed_time() -> Timestamp {
    "2026-11-02T09:30:00Z".parse().expect("valid timestamp")
}

/// Answers varied by `seed`: every shift and criterion answered, with notes.
pub fn full_answers(instruments: &Instruments, seed: usize) -> Answers {
    let mut answers = Answers::default();
    for (i, shift) in instruments.gouden_oor.shifts.iter().enumerate() {
        let level = Level::new(((i + seed) % 4 + 1) as u8);
        let ambition = Level::new(((i + seed) % 4 + 1).max(3) as u8);
        answers.edit_shift(&shift.id, |a| {
            a.level = level;
            a.ambition = ambition;
            a.note = format!(
                "Voorbeeld {seed} bij {}: we zien dit terug in het klachtenoverleg.",
                shift.id
            );
        });
    }
    for (i, (_, criterion)) in instruments.stv.criteria().enumerate() {
        let status = if (i + seed).is_multiple_of(3) {
            Status::NotMet
        } else {
            Status::Met
        };
        answers.edit_criterion(&criterion.id, |a| {
            a.status = status;
            a.note = format!("Dat blijkt uit het jaarverslag, hoofdstuk {}.", i + 1);
        });
    }
    answers.response_pct = Some(88 + (seed % 5) as u8);
    answers
}

/// An assessment with `respondents` fully answered respondents.
pub fn sample_assessment(instruments: &Instruments, respondents: usize) -> Assessment {
    let mut assessment = Assessment::new(
        "Nulmeting klantenservice",
        "Verzekeraar Voorbeeld N.V.",
        instruments,
        fixed_time(),
    );
    assessment.respondents = (0..respondents)
        .map(|n| Respondent {
            name: format!("Deelnemer {}", n + 1),
            answers: full_answers(instruments, n),
        })
        .collect();
    assessment.note = "Besproken in het MT van november.".into();
    assessment
}
