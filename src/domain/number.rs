//! Numbers as Dutch managers read and type them: a decimal comma, a real minus sign.

/// A number with a decimal comma and at most `decimals` decimals, trailing zeros
/// dropped: 148.5 → "148,5", 1000.0 → "1000", -700.0 → "−700".
pub fn format_number(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    format!(
        "{}{}",
        if negative { "−" } else { "" },
        text.replace('.', ",")
    )
}

/// Like [`format_number`], with a point between thousands once the whole part reaches
/// `from`: `format_grouped(37125.0, 2, 1000.0)` → "37.125". For amounts people read,
/// never for values they type or a program reads back.
pub fn format_grouped(value: f64, decimals: usize, from: f64) -> String {
    let plain = format_number(value, decimals);
    if value.abs().trunc() < from {
        return plain;
    }
    let (sign, rest) = match plain.strip_prefix('−') {
        Some(rest) => ("−", rest),
        None => ("", plain.as_str()),
    };
    let (whole, fraction) = rest.split_at(rest.find(',').unwrap_or(rest.len()));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    format!("{sign}{grouped}{fraction}")
}

/// Parse a number typed the Dutch way: "85", "85%", "3,5", "€ 1.250", "-2".
pub fn parse_number(text: &str) -> Result<Option<f64>, String> {
    let trimmed = text.trim();
    let cleaned: String = trimmed
        .trim_start_matches('€')
        .trim_end_matches('%')
        .trim()
        .replace('−', "-")
        .chars()
        .filter(|c| *c != '.' && *c != ' ')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or_else(|| format!("\"{trimmed}\" is geen getal"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_numbers_put_points_between_thousands_from_the_threshold() {
        assert_eq!(format_grouped(37125.0, 2, 1000.0), "37.125");
        assert_eq!(format_grouped(1234567.891, 2, 1000.0), "1.234.567,89");
        assert_eq!(format_grouped(-700.0, 2, 1000.0), "−700");
        assert_eq!(format_grouped(-12500.5, 1, 1000.0), "−12.500,5");
        assert_eq!(format_grouped(1000.0, 0, 10000.0), "1000");
        assert_eq!(format_grouped(10000.0, 0, 10000.0), "10.000");
        assert_eq!(format_grouped(999.5, 1, 1000.0), "999,5");
    }

    #[test]
    fn grouped_numbers_read_back_as_the_same_value() {
        for value in [0.0, 1000.0, 37125.0, 148.5, -70000.25, 1234567.0] {
            let text = format_grouped(value, 2, 1000.0);
            assert_eq!(parse_number(&text), Ok(Some(value)), "{text}");
        }
    }
}
