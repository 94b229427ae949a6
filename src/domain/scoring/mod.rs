//! The scoring rules of PRODUCT.md, one module per kind of instrument. Each turns one
//! instrument's answers into figures; `result` turns those into the result model.

pub use super::number::{format_number, parse_number};

pub mod checklist;
pub mod grid;
pub mod model;
pub mod norm;

/// An exact mean (sum over count), so that rounding for display is exact too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mean {
    sum: u32,
    count: u32,
}

impl Mean {
    /// The mean of the values, or `None` for none.
    pub fn of(values: impl IntoIterator<Item = u32>) -> Option<Mean> {
        let (sum, count) = values
            .into_iter()
            .fold((0, 0), |(sum, count), v| (sum + v, count + 1));
        (count > 0).then_some(Mean { sum, count })
    }

    pub fn value(self) -> f64 {
        f64::from(self.sum) / f64::from(self.count)
    }

    /// Tenths, rounded half up: 3,25 → 33.
    pub fn tenths(self) -> u32 {
        (20 * self.sum + self.count) / (2 * self.count)
    }

    /// One decimal with a decimal comma, rounded half up: 3,25 → "3,3".
    pub fn display(self) -> String {
        let tenths = self.tenths();
        format!("{},{}", tenths / 10, tenths % 10)
    }

    /// The unrounded value as shown where it matters: "2,75", "3,333".
    pub fn exact(self) -> String {
        let text = format!("{:.3}", self.value());
        let text = text.trim_end_matches('0').trim_end_matches('.');
        text.replace('.', ",")
    }

    /// The mean rounded down: 2,6 → 2.
    pub fn floor(self) -> u32 {
        self.sum / self.count
    }

    pub fn count(self) -> u32 {
        self.count
    }

    /// The change from `before` to `self`, computed exactly and shown rounded half up
    /// (away from zero) with a sign: 2,33 → 2,56 is "+0,2"; 2,75 → 3,5 is "+0,8".
    pub fn change_from(self, before: Mean) -> String {
        // In units of 1 / (count × count'), exact.
        let num = i64::from(self.sum) * i64::from(before.count)
            - i64::from(before.sum) * i64::from(self.count);
        let den = i64::from(self.count) * i64::from(before.count);
        let tenths = (20 * num.abs() + den) / (2 * den);
        let sign = match (num.signum(), tenths) {
            (_, 0) => "",
            (1, _) => "+",
            _ => "−",
        };
        format!("{sign}{},{}", tenths / 10, tenths % 10)
    }

    /// Whether it changed at all (exactly).
    pub fn direction(self, before: Mean) -> std::cmp::Ordering {
        (u64::from(self.sum) * u64::from(before.count))
            .cmp(&(u64::from(before.sum) * u64::from(self.count)))
    }
}

/// How far a part (or a whole instrument) has been answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn is_complete(self) -> bool {
        self.done == self.total
    }

    pub fn is_started(self) -> bool {
        self.done > 0
    }

    pub fn percent(self) -> u32 {
        if self.total == 0 {
            return 100;
        }
        (100 * self.done / self.total) as u32
    }

    pub fn plus(self, other: Progress) -> Progress {
        Progress {
            done: self.done + other.done,
            total: self.total + other.total,
        }
    }
}
