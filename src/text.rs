//! Text safe to show: what users typed never moves a terminal's cursor, switches its
//! direction or hides itself in a report.

/// Whether a character may never reach a terminal or a report: control characters
/// (C0, DEL, C1) and the bidirectional controls that reorder text.
pub fn is_hostile(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One line: control characters replaced, newlines and tabs flattened to spaces.
pub fn plain(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' | '\r' => ' ',
            c if is_hostile(c) => '�',
            c => c,
        })
        .collect()
}

/// Like `plain`, but keeps line breaks (for notes shown on their own lines).
pub fn plain_lines(text: &str) -> String {
    text.lines().map(plain).collect::<Vec<_>>().join("\n")
}

/// A message clause as a sentence on its own: a capital first and a full stop last
/// ("moet ten minste 1 zijn" → "Moet ten minste 1 zijn.").
pub fn sentence(clause: &str) -> String {
    let clause = clause.trim();
    let mut chars = clause.chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => return String::new(),
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// A number with its noun in the right form: "1 respondent", "3 respondenten".
pub fn count(n: usize, one: &str, more: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { more })
}

/// `text` cut to at most `max` characters, at a word's end where one is near, with "…"
/// where it was cut.
pub fn shorten(text: &str, max: usize) -> String {
    let Some((end, _)) = text.char_indices().nth(max) else {
        return text.to_string();
    };
    let cut = &text[..end];
    // Back to the last space, unless that throws away more than a quarter.
    let cut = match cut.rfind(' ') {
        Some(space) if cut[..space].chars().count() >= max * 3 / 4 => &cut[..space],
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':']))
}

/// `text` wrapped with textwrap's `options`, never between "€" and its amount (the
/// space between them is held together while wrapping).
pub fn wrap<'a>(text: &str, options: impl Into<textwrap::Options<'a>>) -> Vec<String> {
    const HELD: char = '\u{a0}';
    let held = text.replace("€ ", "€\u{a0}");
    textwrap::wrap(&held, options)
        .into_iter()
        .map(|line| line.replace(HELD, " "))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn an_amount_stays_beside_its_euro_sign() {
        // Wrapped at every width the sentence allows, "€" never ends a line.
        let text = "Elke klager kost € 135 en een vertrokken klant € 1.650 aan omzet.";
        for width in 12..text.len() {
            let lines = wrap(text, width);
            assert!(
                lines.iter().all(|l| !l.trim_end().ends_with('€')),
                "{width}: {lines:?}"
            );
            assert_eq!(lines.join(" "), text, "{width}: nothing else changes");
        }
    }
}
