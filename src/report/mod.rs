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

pub use crate::text::{plain, plain_lines};
pub use csv_out::excel_csv;
pub use json::escape_invisible;

/// Characters that reorder or hide text without being visible themselves: the bidi
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the C1 controls
/// (U+0080–U+009F). A title with them can show one thing and mean another.
pub fn is_invisible_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{80}'..='\u{9f}')
}
