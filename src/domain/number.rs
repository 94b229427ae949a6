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
