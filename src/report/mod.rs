//! Reports that leave the laptop: text, Markdown, HTML, JSON and CSV, all built from one
//! summary of the assessment, and each escaping what users typed for its own format.

mod csv_out;
mod html;
mod json;
mod markdown;
mod summary;
mod text;

pub use json::{JsonReport, json_report};
pub use summary::{PartRow, ResultSummary, ShiftRow, summarise};

use crate::domain::{Assessment, Instruments};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Md,
    Html,
    Json,
    Csv,
}

/// Render `assessment` as a report; `color` only applies to text.
pub fn render(
    instruments: &Instruments,
    assessment: &Assessment,
    format: Format,
    color: bool,
) -> String {
    match format {
        Format::Text => text::render(instruments, assessment, color),
        Format::Md => markdown::render(instruments, assessment),
        Format::Html => html::render(instruments, assessment),
        Format::Json => json::render(instruments, assessment),
        Format::Csv => csv_out::render(instruments, assessment),
    }
}

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

/// Like `plain`, but keeps line breaks (for notes shown on their own lines).
pub fn plain_lines(text: &str) -> String {
    text.lines().map(plain).collect::<Vec<_>>().join("\n")
}
