//! The calculators' rules, implemented once: the business case of seed 004 (churn
//! through silence, word of mouth, the 1000-100-10 chain).

use super::answers::ItemAnswers;
pub use super::instrument::RuleIds;
use super::instrument::{CalcRule, Calculator};
use std::collections::BTreeMap;

/// Why an output has no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotComputed {
    /// A division by zero or an input it needs is missing: "niet te berekenen".
    Undefined(String),
    /// An optional input is not given.
    Optional(String),
}

impl NotComputed {
    pub fn message(&self) -> &str {
        match self {
            NotComputed::Undefined(m) | NotComputed::Optional(m) => m,
        }
    }
}

pub type Outputs = BTreeMap<&'static str, Result<f64, NotComputed>>;

/// The value of every input: what was entered, else the default.
pub fn input_values(calc: &Calculator, answers: &ItemAnswers) -> BTreeMap<String, Option<f64>> {
    calc.inputs
        .iter()
        .map(|i| (i.id.clone(), answers.number(&i.id).or(i.default)))
        .collect()
}

/// Compute every output of the rule from the input values.
pub fn compute(rule: CalcRule, values: &BTreeMap<String, Option<f64>>) -> Outputs {
    match rule {
        CalcRule::BusinessCase => business_case(values),
    }
}

fn business_case(values: &BTreeMap<String, Option<f64>>) -> Outputs {
    let get = |id: &str| values.get(id).copied().flatten();
    // Percentages stay whole numbers until the last division, so the seed's figures
    // come out exact (1000 × 30 / 100 = 300, not 300,00000000000006).
    let pct = |id: &str| get(id);
    let missing =
        |what: &str| NotComputed::Undefined(format!("niet te berekenen: {what} ontbreekt"));
    let mut out: Outputs = BTreeMap::new();
    let mul = |a: Option<f64>, b: Option<f64>, what: &str| match (a, b) {
        (Some(a), Some(b)) => Ok(a * b / 100.0),
        _ => Err(missing(what)),
    };
    let klanten = get("bc.klanten");
    let tevreden = mul(klanten, pct("bc.tevreden_pct"), "klanten of tevreden %");
    let ontevreden = mul(
        klanten,
        pct("bc.tevreden_pct").map(|p| 100.0 - p),
        "klanten of tevreden %",
    );
    let klagers = ontevreden
        .clone()
        .and_then(|o| mul(Some(o), pct("bc.klaagt_pct"), "klaagt %"));
    let stil = ontevreden
        .clone()
        .and_then(|o| mul(Some(o), pct("bc.klaagt_pct").map(|p| 100.0 - p), "klaagt %"));
    let weg_tevreden = tevreden
        .clone()
        .and_then(|t| mul(Some(t), pct("bc.churn_tevreden_pct"), "vertrek tevreden %"));
    let weg_klagers = klagers
        .clone()
        .and_then(|k| mul(Some(k), pct("bc.churn_klagers_pct"), "vertrek klagers %"));
    let weg_stil = stil.clone().and_then(|s| {
        mul(
            Some(s),
            pct("bc.churn_stil_pct"),
            "vertrek stille ontevredenen %",
        )
    });
    let weg_totaal = match (&weg_tevreden, &weg_klagers, &weg_stil) {
        (Ok(a), Ok(b), Ok(c)) => Ok(a + b + c),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(e.clone()),
    };
    let weg_stil_pct = match (&weg_stil, klanten) {
        (Ok(_), Some(0.0)) => Err(NotComputed::Undefined(
            "niet te berekenen: er zijn 0 klanten".into(),
        )),
        (Ok(w), Some(k)) => Ok(100.0 * w / k),
        (Err(e), _) => Err(e.clone()),
        (_, None) => Err(missing("klanten")),
    };
    let mond = |share: &str, tells: &str, sign: f64| {
        let people = mul(klanten, pct(share), "klanten of aandeel")?;
        get(tells)
            .map(|t| sign * people * t)
            .ok_or_else(|| missing("aantal mensen dat iemand vertelt"))
    };
    let mond_zeer = mond(
        "bc.imago_zeer_tevreden_pct",
        "bc.vertelt_zeer_tevreden",
        1.0,
    );
    let mond_tevreden = mond("bc.imago_tevreden_pct", "bc.vertelt_tevreden", 1.0);
    let mond_ontevreden = mond("bc.imago_ontevreden_pct", "bc.vertelt_ontevreden", -1.0);
    let mond_saldo = match (&mond_zeer, &mond_tevreden, &mond_ontevreden) {
        (Ok(a), Ok(b), Ok(c)) => Ok(a + b + c),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(e.clone()),
    };
    // Backwards from the registered complaints: registered = voiced × registered %,
    // voiced = situations × voiced %.
    let vastgelegd = get("bc.vastgelegde_klachten").ok_or_else(|| missing("vastgelegde klachten"));
    let divide = |value: &Result<f64, NotComputed>, id: &str, what: &str| match (value, pct(id)) {
        (Err(e), _) => Err(e.clone()),
        (_, None) => Err(missing(what)),
        (_, Some(0.0)) => Err(NotComputed::Undefined(format!(
            "niet te berekenen: {what} is 0%"
        ))),
        (Ok(v), Some(p)) => Ok(v * 100.0 / p),
    };
    let geuit = divide(
        &vastgelegd,
        "bc.vastgelegd_pct",
        "het deel dat wordt vastgelegd",
    );
    let situaties = divide(&geuit, "bc.geuit_pct", "het deel dat wordt geuit");
    let kosten_stil = match (&weg_stil, get("bc.waarde_per_klant")) {
        (_, None) => Err(NotComputed::Optional(
            "vul de waarde per klant in om de kosten te zien".into(),
        )),
        (Ok(w), Some(v)) => Ok(w * v),
        (Err(e), _) => Err(e.clone()),
    };
    for (id, value) in [
        ("bc.tevreden", tevreden),
        ("bc.ontevreden", ontevreden),
        ("bc.klagers", klagers),
        ("bc.stil", stil),
        ("bc.weg_tevreden", weg_tevreden),
        ("bc.weg_klagers", weg_klagers),
        ("bc.weg_stil", weg_stil),
        ("bc.weg_totaal", weg_totaal),
        ("bc.weg_stil_pct", weg_stil_pct),
        ("bc.mond_zeer_tevreden", mond_zeer),
        ("bc.mond_tevreden", mond_tevreden),
        ("bc.mond_ontevreden", mond_ontevreden),
        ("bc.mond_saldo", mond_saldo),
        ("bc.keten_vastgelegd", vastgelegd),
        ("bc.keten_geuit", geuit),
        ("bc.keten_situaties", situaties),
        ("bc.kosten_stil", kosten_stil),
    ] {
        out.insert(id, value);
    }
    out
}
