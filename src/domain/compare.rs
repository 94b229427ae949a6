//! Two rounds side by side: what moved per shift and per part, the change of the
//! totals, which next steps were achieved, and what cannot be compared.

use super::answers::Level;
use super::assessment::Assessment;
use super::instrument::Instruments;
use super::scoring::{Mean, gouden_oor_summary, shift_next_steps, stv_summary};

#[derive(Debug, Clone, PartialEq)]
pub struct ShiftChange {
    pub id: String,
    pub number: u8,
    pub to: String,
    pub before: Option<Level>,
    pub after: Option<Level>,
    pub ambition_after: Option<Level>,
}

impl ShiftChange {
    /// Levels moved, when both rounds answered.
    pub fn delta(&self) -> Option<i8> {
        Some(self.after?.value() as i8 - self.before?.value() as i8)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartChange {
    pub id: String,
    pub numeral: String,
    pub title: String,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

impl PartChange {
    pub fn delta(&self) -> Option<i8> {
        Some(self.after? as i8 - self.before? as i8)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub shifts: Vec<ShiftChange>,
    pub parts: Vec<PartChange>,
    pub mean_before: Option<Mean>,
    pub mean_after: Option<Mean>,
    pub total_before: Option<Mean>,
    pub total_after: Option<Mean>,
    /// The next steps of the earlier round that the later round reached.
    pub achieved: Vec<String>,
    /// The next steps of the earlier round still open in the later one.
    pub open: Vec<String>,
    /// What could not be compared, and why; empty when everything could.
    pub caveats: Vec<String>,
}

/// A change in one decimal with a sign and a decimal comma: "+0,4", "−1,0", "0,0".
pub fn signed(before: Mean, after: Mean) -> String {
    let tenths = i64::from(after.tenths()) - i64::from(before.tenths());
    let sign = match tenths.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    format!("{sign}{},{}", tenths.abs() / 10, tenths.abs() % 10)
}

/// ↑, ↓ or → for a change.
pub fn arrow(delta: Option<i8>) -> &'static str {
    match delta {
        Some(d) if d > 0 => "↑",
        Some(d) if d < 0 => "↓",
        Some(_) => "→",
        None => " ",
    }
}

fn uses(assessment: &Assessment, id: &str) -> Option<u32> {
    assessment
        .instruments
        .iter()
        .find(|i| i.id == id)
        .map(|i| i.version)
}

/// Compare an earlier round `a` with a later round `b`, by item id.
pub fn compare(instruments: &Instruments, a: &Assessment, b: &Assessment) -> Comparison {
    let mut caveats = Vec::new();
    let related = matches!((&a.series, &b.series), (Some(x), Some(y)) if x.id == y.id);
    if !related {
        caveats.push(
            "Deze beoordelingen horen niet bij dezelfde reeks rondes; ze worden vergeleken op de antwoorden per onderdeel."
                .to_string(),
        );
    }
    if b.created < a.created {
        caveats.push("De tweede beoordeling is eerder gemaakt dan de eerste; ↑ en ↓ lezen van de eerste naar de tweede.".to_string());
    }
    let mut comparable = |id: &str, name: &str| -> bool {
        match (uses(a, id), uses(b, id)) {
            (Some(x), Some(y)) if x == y => true,
            (Some(x), Some(y)) => {
                caveats.push(format!(
                    "{name}: versie {x} tegenover versie {y}; alleen onderdelen met dezelfde id worden vergeleken."
                ));
                true
            }
            (None, _) | (_, None) => {
                caveats.push(format!(
                    "{name}: niet in beide beoordelingen gebruikt en daarom niet vergeleken."
                ));
                false
            }
        }
    };
    let go_ok = comparable(&instruments.gouden_oor.id, &instruments.gouden_oor.title);
    let stv_ok = comparable(&instruments.stv.id, &instruments.stv.title);

    let before = a.result_answers(instruments);
    let after = b.result_answers(instruments);
    let check = &instruments.gouden_oor;
    let shifts = if go_ok {
        check
            .shifts
            .iter()
            .map(|s| ShiftChange {
                id: s.id.clone(),
                number: s.number,
                to: s.to.clone(),
                before: before.level(&s.id),
                after: after.level(&s.id),
                ambition_after: after.ambition(&s.id),
            })
            .collect()
    } else {
        Vec::new()
    };
    let stv_a = stv_summary(&instruments.stv, &before);
    let stv_b = stv_summary(&instruments.stv, &after);
    let parts = if stv_ok {
        instruments
            .stv
            .parts
            .iter()
            .zip(stv_a.parts.iter().zip(&stv_b.parts))
            .map(|(p, (x, y))| PartChange {
                id: p.id.clone(),
                numeral: p.numeral.clone(),
                title: p.title.clone(),
                before: x.score,
                after: y.score,
            })
            .collect()
    } else {
        Vec::new()
    };

    let mut achieved = Vec::new();
    let mut open = Vec::new();
    if go_ok {
        for step in shift_next_steps(check, &before) {
            let shift = check.shift(&step.shift_id).expect("known shift");
            let text = format!(
                "{} {}: {} → {}",
                shift.number,
                shift.to,
                check.level_name(step.current),
                check.level_name(step.next)
            );
            match after.level(&step.shift_id) {
                Some(level) if level >= step.next => achieved.push(text),
                _ => open.push(text),
            }
        }
    }
    if stv_ok {
        for ((part, x), y) in instruments
            .stv
            .parts
            .iter()
            .zip(&stv_a.parts)
            .zip(&stv_b.parts)
        {
            if let (Some(next), Some(_)) = (&x.next, x.score) {
                let text = format!(
                    "{} {}: score {} ({})",
                    part.numeral, part.title, next.target, next.describe
                );
                match y.score {
                    Some(score) if score >= next.target => achieved.push(text),
                    _ => open.push(text),
                }
            }
        }
    }
    Comparison {
        shifts,
        parts,
        mean_before: go_ok
            .then(|| gouden_oor_summary(check, &before).mean)
            .flatten(),
        mean_after: go_ok
            .then(|| gouden_oor_summary(check, &after).mean)
            .flatten(),
        total_before: stv_ok.then_some(stv_a.total).flatten(),
        total_after: stv_ok.then_some(stv_b.total).flatten(),
        achieved,
        open,
        caveats,
    }
}
