//! The instruments, answers and scoring. No terminal code lives here.

pub mod aggregate;
pub mod answers;
pub mod assessment;
pub mod compare;
pub mod instrument;
pub mod scoring;

pub use answers::{Answers, CriterionAnswer, Level, ShiftAnswer, Status};
pub use assessment::{Assessment, InstrumentRef, Respondent, SOLO_RESPONDENT, Series};
pub use instrument::{
    Condition, Criterion, InstrumentError, Instruments, MaturityCheck, NormFramework, Part, Rule,
    Shift,
};
pub use scoring::{
    GoudenOorSummary, Mean, NotCounted, PartScore, PartStep, Progress, ShiftStep, StvSummary,
    VOLDOENDE, gouden_oor_summary, overall_progress, part_progress, score_part, shift_next_steps,
    stv_summary,
};
