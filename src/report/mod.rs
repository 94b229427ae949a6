//! Reports that leave the laptop: text, Markdown, HTML, JSON, CSV and xlsx, all built
//! from the one result model (`domain::result`) and rendered per detail kind, in the
//! assessment's order. Each format escapes what users typed in its own way.

mod compare;
mod csv_out;
mod html;
mod json;
mod markdown;
mod model;
mod svg;
mod text;
mod xlsx;

pub use compare::{CompareFormat, render_comparison};
pub use json::{JsonReport, json_report};

use crate::domain::{Assessment, Instruments};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Md,
    Html,
    Json,
    Csv,
    Xlsx,
}

/// How a report is made.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Options<'a> {
    /// ANSI bold headings (text only; for a terminal that wants colour).
    pub color: bool,
    /// Respondents as A, B, C … instead of their names, also in notes.
    pub anonymous: bool,
    /// A cover line "vertrouwelijk" (and in the running header of printed pages).
    pub confidential: bool,
    /// The previous round, for the trend in the management summary.
    pub previous: Option<&'a Assessment>,
}

/// Render `assessment` as a report: UTF-8 text for every format but xlsx, which is a
/// workbook.
pub fn render(
    instruments: &Instruments,
    assessment: &Assessment,
    format: Format,
    options: Options,
) -> Vec<u8> {
    let report = model::Report::build(instruments, assessment, options);
    match format {
        Format::Text => text::render(&report).into_bytes(),
        Format::Md => markdown::render(&report).into_bytes(),
        Format::Html => html::render(&report).into_bytes(),
        Format::Json => json::render(&report).into_bytes(),
        Format::Csv => csv_out::render(&report).into_bytes(),
        Format::Xlsx => xlsx::render(&report),
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
