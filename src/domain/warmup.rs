//! The workshop's warm-up of seed 004, "Is dit een klacht?": statements to vote on and
//! the definitions of a complaint to hold them against.

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Warmup {
    pub question: String,
    pub statements: Vec<String>,
    pub definitions: Vec<Definition>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    pub source: String,
    pub text: String,
}

pub const WARMUP_RON: &str = include_str!("../../data/warmup.ron");

impl Warmup {
    /// The embedded warm-up; checked by the tests, so failing here is a build defect.
    pub fn embedded() -> &'static Warmup {
        static CELL: std::sync::OnceLock<Warmup> = std::sync::OnceLock::new();
        CELL.get_or_init(|| ron::from_str(WARMUP_RON).expect("data/warmup.ron is valid"))
    }
}
