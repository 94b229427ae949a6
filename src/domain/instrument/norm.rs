//! A norm framework: parts of criteria, each part scored by its own rule, and
//! measurements that criteria may carry.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Norm {
    pub scale: Scale,
    pub parts: Vec<Part>,
}

/// The score scale of the parts (Stv: 1–5, 3 is "voldoende").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub min: u8,
    pub max: u8,
    #[serde(default)]
    pub sufficient: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub id: String,
    pub numeral: String,
    pub title: String,
    /// The "gedachtegang".
    pub intro: String,
    /// What the lowest score looks like, where the framework describes it.
    #[serde(default)]
    pub level_one: Option<String>,
    pub criteria: Vec<Criterion>,
    pub rule: Rule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    /// A heading that starts a group of criteria (part IV).
    #[serde(default)]
    pub heading: Option<String>,
    /// Where the criterion sits on the scale: "Score 3 · a", "+1".
    pub label: String,
    /// A short name for lists and next steps.
    pub short: String,
    pub text: String,
    /// A measured value the criterion depends on (IV.4: the share of response times met).
    #[serde(default)]
    pub measurement: Option<Measurement>,
}

/// A measured number with a threshold: "ten minste 90% van de gepubliceerde reactietermijnen".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    pub id: String,
    /// "Gehaalde reactietermijnen".
    pub name: String,
    /// What to enter: "Welk deel van de gepubliceerde reactietermijnen is gehaald?"
    pub question: String,
    /// "%".
    pub unit: String,
    pub min: f64,
    pub max: f64,
    /// Whole numbers only.
    pub whole: bool,
    pub threshold: Threshold,
    /// Names older answer sheets used for this column ("iv4_pct").
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    pub compare: Compare,
    pub value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Compare {
    AtLeast,
    AtMost,
}

impl Threshold {
    pub fn is_met(self, value: f64) -> bool {
        match self.compare {
            Compare::AtLeast => value >= self.value,
            Compare::AtMost => value <= self.value,
        }
    }
}

impl Measurement {
    /// "85%", "3,5 dagen": a value with its unit, decimal comma.
    pub fn display(&self, value: f64) -> String {
        let number = crate::domain::number::format_number(value, if self.whole { 0 } else { 1 });
        if self.unit == "%" {
            format!("{number}%")
        } else {
            format!("{number} {}", self.unit)
        }
    }

    /// "ten minste 90%", "ten hoogste 0%".
    pub fn threshold_text(&self) -> String {
        let word = match self.threshold.compare {
            Compare::AtLeast => "ten minste",
            Compare::AtMost => "ten hoogste",
        };
        format!("{word} {}", self.display(self.threshold.value))
    }
}

/// How a part's criteria make its score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rule {
    /// The highest score L such that every step from 2 up to L holds; 1 otherwise.
    Stepwise(Vec<Step>),
    /// The sum of the points whose condition holds, kept within `min..=max`.
    Additive {
        points: Vec<Points>,
        min: u8,
        max: u8,
    },
}

impl Rule {
    /// The rule's name as the framework uses it.
    pub fn name(&self) -> &'static str {
        match self {
            Rule::Stepwise(_) => "trapsgewijs",
            Rule::Additive { .. } => "optelsom",
        }
    }

    /// Every condition of the rule, in order.
    pub fn conditions(&self) -> Vec<&Condition> {
        match self {
            Rule::Stepwise(steps) => steps.iter().map(|s| &s.holds).collect(),
            Rule::Additive { points, .. } => points.iter().map(|p| &p.when).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub score: u8,
    pub holds: Condition,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Points {
    pub points: u8,
    pub when: Condition,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Condition {
    All(Vec<String>),
    Any(Vec<String>),
}

impl Condition {
    pub fn ids(&self) -> &[String] {
        match self {
            Condition::All(ids) | Condition::Any(ids) => ids,
        }
    }

    pub fn is_any(&self) -> bool {
        matches!(self, Condition::Any(_))
    }

    /// "II.A of II.B", "III.3a en III.3b".
    pub fn describe(&self) -> String {
        let (ids, word) = match self {
            Condition::All(ids) => (ids, " en "),
            Condition::Any(ids) => (ids, " of "),
        };
        ids.join(word)
    }
}

impl Part {
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// "I Beleid en cultuur".
    pub fn name(&self) -> String {
        format!("{} {}", self.numeral, self.title)
    }

    /// The rule in a sentence, for the screen and the reports.
    pub fn rule_text(&self) -> String {
        let mut text = match &self.rule {
            Rule::Stepwise(steps) => {
                let special: Vec<String> = steps
                    .iter()
                    .filter(|s| s.holds.ids().len() > 1)
                    .map(|s| format!("score {} vraagt {}", s.score, s.holds.describe()))
                    .collect();
                let mut text = String::from(
                    "Trapsgewijs: de score is het hoogste niveau waarvoor alle niveaus vanaf 2 gelden; 1 als niveau 2 niet geldt. Een criterium boven een ontbrekend niveau telt niet mee.",
                );
                if !special.is_empty() {
                    text.push(' ');
                    text.push_str(&capitalize(&special.join("; ")));
                    text.push('.');
                }
                text
            }
            Rule::Additive { points, min, max } => {
                let terms: Vec<String> = points
                    .iter()
                    .map(|p| match &p.when {
                        // Points on top of what the single criteria give: say so, so
                        // "IV.1a en IV.1b" does not read as their only points.
                        Condition::All(ids) if ids.len() > 1 => {
                            format!("{} samen nog eens +{}", p.when.describe(), p.points)
                        }
                        _ => format!("{} +{}", p.when.describe(), p.points),
                    })
                    .collect();
                format!(
                    "Optelsom: {}; de score is die som, ten minste {min} en ten hoogste {max}.",
                    terms.join(", ")
                )
            }
        };
        for criterion in &self.criteria {
            if let Some(m) = &criterion.measurement {
                text.push_str(&format!(
                    " {} telt alleen mee als de meting {} haalt ({}).",
                    criterion.id,
                    m.threshold_text(),
                    m.name.to_lowercase()
                ));
            }
        }
        text
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Norm {
    pub fn part(&self, id: &str) -> Option<&Part> {
        self.parts.iter().find(|p| p.id == id)
    }

    pub fn criteria(&self) -> impl Iterator<Item = (&Part, &Criterion)> {
        self.parts
            .iter()
            .flat_map(|p| p.criteria.iter().map(move |c| (p, c)))
    }

    pub fn measurements(&self) -> impl Iterator<Item = (&Criterion, &Measurement)> {
        self.parts
            .iter()
            .flat_map(|p| &p.criteria)
            .filter_map(|c| c.measurement.as_ref().map(|m| (c, m)))
    }
}
