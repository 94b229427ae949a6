//! A calculator: named numeric inputs with unit, default and bounds, and outputs
//! computed by a rule the data names and the domain implements once.

use super::Measurement;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calculator {
    pub rule: CalcRule,
    pub inputs: Vec<Input>,
    /// Inputs that must add up to a total (the word-of-mouth shares: 100%).
    #[serde(default)]
    pub sums: Vec<SumRule>,
    pub outputs: Vec<Output>,
    /// Measurements per round (the business case's three ambitions).
    #[serde(default)]
    pub measurements: Vec<Measurement>,
    /// The levels of the complaint iceberg, lowest first.
    #[serde(default)]
    pub iceberg: Vec<String>,
}

/// The rules the domain implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CalcRule {
    /// Seed 004: churn through silence, word of mouth, the 1000-100-10 chain.
    BusinessCase,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Count,
    Percent,
    Euro,
}

impl Unit {
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Count => "",
            Unit::Percent => "%",
            Unit::Euro => "€",
        }
    }

    /// A value as shown, with its unit: "148,5", "14,85%", "€ 37.125", "€ 850,50";
    /// amounts from € 1.000 and counts from 10.000 with points between the thousands.
    pub fn display(self, value: f64) -> String {
        use crate::domain::number::{format_grouped, format_number};
        match self {
            Unit::Count => format_grouped(value, 2, 10_000.0),
            Unit::Percent => format!("{}%", format_number(value, 2)),
            Unit::Euro => {
                // Whole euros, or euros and cents: € 850 or € 850,50, rounded half up.
                let cents = (value * 100.0).round();
                let text = format_grouped(cents / 100.0, 2, 1_000.0);
                match text.split_once(',') {
                    Some((_, fraction)) if fraction.len() == 1 => format!("€ {text}0"),
                    _ => format!("€ {text}"),
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    pub id: String,
    pub label: String,
    pub help: String,
    pub unit: Unit,
    #[serde(default)]
    pub default: Option<f64>,
    pub min: f64,
    #[serde(default)]
    pub max: Option<f64>,
    pub whole: bool,
    pub optional: bool,
    pub group: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SumRule {
    pub ids: Vec<String>,
    pub total: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Output {
    pub id: String,
    pub label: String,
    pub unit: Unit,
    /// "Zo rekenen we" in words, without figures: "klanten × tevreden %". The rule
    /// adds the sum in the figures used: "(1000 × 70% = 700)".
    pub explain: String,
}

impl Calculator {
    pub fn input(&self, id: &str) -> Option<&Input> {
        self.inputs.iter().find(|i| i.id == id)
    }
}

/// The inputs a rule needs and the outputs it produces, in order.
pub struct RuleIds {
    pub inputs: &'static [&'static str],
    pub outputs: &'static [&'static str],
}

const BUSINESS_CASE: RuleIds = RuleIds {
    inputs: &[
        "bc.klanten",
        "bc.tevreden_pct",
        "bc.churn_tevreden_pct",
        "bc.klaagt_pct",
        "bc.churn_klagers_pct",
        "bc.churn_stil_pct",
        "bc.imago_zeer_tevreden_pct",
        "bc.imago_tevreden_pct",
        "bc.imago_ontevreden_pct",
        "bc.vertelt_zeer_tevreden",
        "bc.vertelt_tevreden",
        "bc.vertelt_ontevreden",
        "bc.vastgelegde_klachten",
        "bc.geuit_pct",
        "bc.vastgelegd_pct",
        "bc.waarde_per_klant",
    ],
    outputs: &[
        "bc.tevreden",
        "bc.ontevreden",
        "bc.klagers",
        "bc.stil",
        "bc.weg_tevreden",
        "bc.weg_klagers",
        "bc.weg_stil",
        "bc.weg_totaal",
        "bc.weg_stil_pct",
        "bc.mond_zeer_tevreden",
        "bc.mond_tevreden",
        "bc.mond_ontevreden",
        "bc.mond_saldo",
        "bc.keten_vastgelegd",
        "bc.keten_geuit",
        "bc.keten_situaties",
        "bc.kosten_stil",
    ],
};

impl CalcRule {
    /// The inputs the rule needs and the outputs it produces (the domain's `calc`
    /// implements them).
    pub fn ids(self) -> &'static RuleIds {
        match self {
            CalcRule::BusinessCase => &BUSINESS_CASE,
        }
    }
}
