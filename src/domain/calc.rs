//! The calculators' rules, implemented once: the business case of seed 004 (churn
//! through silence, word of mouth, the 1000-100-10 chain). Each output comes with the
//! sum that gave it, in the figures used, so the explanation always matches the result.

use super::answers::ItemAnswers;
pub use super::instrument::RuleIds;
use super::instrument::{CalcRule, Calculator, Unit};
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

/// An output with the sum that gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Worked {
    pub value: Result<f64, NotComputed>,
    /// The sum in the figures used, as people read them: "1000 × 70% = 700",
    /// "148,5 × € 250 = € 37.125". Without a value, why not: "niet te berekenen: …".
    pub sum: String,
}

/// The value of every input: what was entered, else the default.
pub fn input_values(calc: &Calculator, answers: &ItemAnswers) -> BTreeMap<String, Option<f64>> {
    calc.inputs
        .iter()
        .map(|i| (i.id.clone(), answers.number(&i.id).or(i.default)))
        .collect()
}

/// Compute every output of the rule from the input values.
pub fn compute(rule: CalcRule, values: &BTreeMap<String, Option<f64>>) -> Outputs {
    work_out(rule, values)
        .into_iter()
        .map(|(id, worked)| (id, worked.value))
        .collect()
}

/// Compute every output of the rule from the input values, each with its sum.
pub fn work_out(
    rule: CalcRule,
    values: &BTreeMap<String, Option<f64>>,
) -> BTreeMap<&'static str, Worked> {
    match rule {
        CalcRule::BusinessCase => business_case(values),
    }
}

/// A value and its sum, or why there is none.
type Step = Result<(f64, String), NotComputed>;

fn value(step: &Step) -> Result<f64, NotComputed> {
    step.as_ref().map(|(v, _)| *v).map_err(Clone::clone)
}

fn count(v: f64) -> String {
    Unit::Count.display(v)
}

fn percent(v: f64) -> String {
    Unit::Percent.display(v)
}

/// A word-of-mouth figure: positive ones with a plus, as the seed's slide has them.
fn signed(v: f64) -> String {
    if v > 0.0 {
        format!("+{}", count(v))
    } else {
        count(v)
    }
}

/// `a × p%`: "1000 × 70% = 700". Percentages stay whole numbers until the last
/// division, so the seed's figures come out exact (1000 × 30 / 100 = 300, not
/// 300,00000000000006).
fn share(a: f64, p: f64) -> (f64, String) {
    let r = a * p / 100.0;
    (r, format!("{} × {} = {}", count(a), percent(p), count(r)))
}

fn business_case(values: &BTreeMap<String, Option<f64>>) -> BTreeMap<&'static str, Worked> {
    let get = |id: &str| values.get(id).copied().flatten();
    let missing =
        |what: &str| NotComputed::Undefined(format!("niet te berekenen: {what} ontbreekt"));
    // An input, or what is missing.
    let input = |id: &str, what: &str| get(id).ok_or_else(|| missing(what));
    let klanten = get("bc.klanten");
    let customers_and = |id: &str, what: &str| -> Result<(f64, f64), NotComputed> {
        match (klanten, get(id)) {
            (Some(k), Some(p)) => Ok((k, p)),
            _ => Err(missing(what)),
        }
    };
    let tevreden: Step =
        customers_and("bc.tevreden_pct", "klanten of tevreden %").map(|(k, p)| share(k, p));
    let ontevreden: Step =
        customers_and("bc.tevreden_pct", "klanten of tevreden %").map(|(k, p)| {
            let (satisfied, _) = share(k, p);
            let o = k * (100.0 - p) / 100.0;
            (
                o,
                format!("{} − {} = {}", count(k), count(satisfied), count(o)),
            )
        });
    let klagers: Step =
        value(&ontevreden).and_then(|o| Ok(share(o, input("bc.klaagt_pct", "klaagt %")?)));
    let stil: Step = value(&ontevreden).and_then(|o| {
        let p = input("bc.klaagt_pct", "klaagt %")?;
        let (complain, _) = share(o, p);
        let s = o * (100.0 - p) / 100.0;
        Ok((
            s,
            format!("{} − {} = {}", count(o), count(complain), count(s)),
        ))
    });
    let weg_tevreden: Step = value(&tevreden).and_then(|t| {
        Ok(share(
            t,
            input("bc.churn_tevreden_pct", "vertrek tevreden %")?,
        ))
    });
    let weg_klagers: Step = value(&klagers).and_then(|k| {
        Ok(share(
            k,
            input("bc.churn_klagers_pct", "vertrek klagers %")?,
        ))
    });
    let weg_stil: Step = value(&stil).and_then(|s| {
        Ok(share(
            s,
            input("bc.churn_stil_pct", "vertrek stille ontevredenen %")?,
        ))
    });
    let weg_totaal: Step = match (&weg_tevreden, &weg_klagers, &weg_stil) {
        (Ok((a, _)), Ok((b, _)), Ok((c, _))) => {
            let total = a + b + c;
            Ok((
                total,
                format!(
                    "{} + {} + {} = {}",
                    count(*a),
                    count(*b),
                    count(*c),
                    count(total)
                ),
            ))
        }
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(e.clone()),
    };
    let weg_stil_pct: Step = match (value(&weg_stil), klanten) {
        (Ok(_), Some(0.0)) => Err(NotComputed::Undefined(
            "niet te berekenen: er zijn 0 klanten".into(),
        )),
        (Ok(w), Some(k)) => {
            let pct = 100.0 * w / k;
            Ok((
                pct,
                format!("{} ÷ {} = {}", count(w), count(k), percent(pct)),
            ))
        }
        (Err(e), _) => Err(e),
        (_, None) => Err(missing("klanten")),
    };
    let mond = |share_id: &str, tells: &str, sign: f64| -> Step {
        let (people, first) =
            customers_and(share_id, "klanten of aandeel").map(|(k, p)| share(k, p))?;
        let t = get(tells).ok_or_else(|| missing("aantal mensen dat iemand vertelt"))?;
        let stories = sign * people * t;
        Ok((
            stories,
            format!(
                "{first}; {} × {} = {}",
                count(people),
                count(t),
                signed(stories)
            ),
        ))
    };
    let mond_zeer = mond(
        "bc.imago_zeer_tevreden_pct",
        "bc.vertelt_zeer_tevreden",
        1.0,
    );
    let mond_tevreden = mond("bc.imago_tevreden_pct", "bc.vertelt_tevreden", 1.0);
    let mond_ontevreden = mond("bc.imago_ontevreden_pct", "bc.vertelt_ontevreden", -1.0);
    let mond_saldo: Step = match (&mond_zeer, &mond_tevreden, &mond_ontevreden) {
        (Ok((a, _)), Ok((b, _)), Ok((c, _))) => {
            let saldo = a + b + c;
            Ok((
                saldo,
                format!(
                    "{} + {} − {} = {}",
                    count(*a),
                    count(*b),
                    count(c.abs()),
                    signed(saldo)
                ),
            ))
        }
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(e.clone()),
    };
    // Backwards from the registered complaints: registered = voiced × registered %,
    // voiced = situations × voiced %.
    let vastgelegd: Step =
        input("bc.vastgelegde_klachten", "vastgelegde klachten").map(|v| (v, count(v)));
    let divide = |step: &Step, id: &str, what: &str| -> Step {
        let v = value(step)?;
        match get(id) {
            None => Err(missing(what)),
            Some(0.0) => Err(NotComputed::Undefined(format!(
                "niet te berekenen: {what} is 0%"
            ))),
            Some(p) => {
                let r = v * 100.0 / p;
                Ok((r, format!("{} ÷ {} = {}", count(v), percent(p), count(r))))
            }
        }
    };
    let geuit = divide(
        &vastgelegd,
        "bc.vastgelegd_pct",
        "het deel dat wordt vastgelegd",
    );
    let situaties = divide(&geuit, "bc.geuit_pct", "het deel dat wordt geuit");
    let kosten_stil: Step = match (value(&weg_stil), get("bc.waarde_per_klant")) {
        (_, None) => Err(NotComputed::Optional(
            "vul de waarde per klant in om de kosten te zien".into(),
        )),
        (Ok(w), Some(v)) => {
            let cost = w * v;
            Ok((
                cost,
                format!(
                    "{} × {} = {}",
                    count(w),
                    Unit::Euro.display(v),
                    Unit::Euro.display(cost)
                ),
            ))
        }
        (Err(e), _) => Err(e),
    };
    [
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
    ]
    .into_iter()
    .map(|(id, step)| {
        let worked = match step {
            Ok((v, sum)) => Worked { value: Ok(v), sum },
            // Beside the value's own "vul … in": the optional input is not given yet.
            Err(e @ NotComputed::Optional(_)) => Worked {
                sum: "nog niet ingevuld".into(),
                value: Err(e),
            },
            Err(e) => Worked {
                sum: e.message().to_string(),
                value: Err(e),
            },
        };
        (id, worked)
    })
    .collect()
}
