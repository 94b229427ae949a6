//! Reports and text that leaves the app.

/// Text safe for a terminal: control characters (escape sequences, carriage returns)
/// replaced, newlines and tabs flattened to spaces.
pub fn plain(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' | '\r' => ' ',
            c if c.is_control() => '�',
            c => c,
        })
        .collect()
}
