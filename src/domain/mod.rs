//! The instruments, answers, scoring and aggregation: no terminal, file or HTTP code.

pub mod aggregate;
pub mod answers;
pub mod assessment;
pub mod calc;
pub mod compare;
pub mod draft;
pub mod instrument;
pub mod number;
pub mod result;
pub mod scoring;
pub mod setting;
pub mod validate;
pub mod warmup;

pub use answers::{Answer, Answers, Check, ItemAnswers, Level, Status};
pub use assessment::{
    Action, ActionStatus, Assessment, InstrumentRef, Respondent, SOLO_RESPONDENT, Series,
};
pub use instrument::{
    DEFAULT_INSTRUMENTS, Instrument, InstrumentError, Instruments, ItemKind, ItemRef, Kind, Scope,
};
pub use number::{format_grouped, format_number, parse_number};
pub use scoring::{Mean, Progress};

pub use instrument::placeholders;

/// The default instrument ids as owned strings.
pub fn default_instruments() -> Vec<String> {
    DEFAULT_INSTRUMENTS.iter().map(|s| s.to_string()).collect()
}
