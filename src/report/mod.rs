//! Reports that leave the laptop: text, Markdown, HTML, JSON and CSV, all built from one
//! summary of the assessment, and each escaping what users typed for its own format.

mod compare;
mod csv_out;
mod html;
mod json;
mod markdown;
mod summary;
mod text;

pub use compare::{CompareFormat, render_comparison};
pub use csv_out::excel_csv;
pub use json::{JsonReport, escape_invisible, json_report};
pub use summary::{PartRow, ResultSummary, ShiftRow, TeamSummary, summarise, team_summary};

use crate::domain::{Assessment, Instruments};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Md,
    Html,
    Json,
    Csv,
}

/// How a report is made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// ANSI bold headings (text only; for a terminal that wants colour).
    pub color: bool,
    /// Respondents as A, B, C … instead of their names.
    pub anonymous: bool,
}

/// Render `assessment` as a report.
pub fn render(
    instruments: &Instruments,
    assessment: &Assessment,
    format: Format,
    options: Options,
) -> String {
    // Anonymous all the way: names also appear in the notes the team view gathers.
    let anonymised;
    let assessment = if options.anonymous {
        anonymised = anonymise(assessment);
        &anonymised
    } else {
        assessment
    };
    match format {
        Format::Text => text::render(instruments, assessment, options),
        Format::Md => markdown::render(instruments, assessment, options),
        Format::Html => html::render(instruments, assessment, options),
        Format::Json => json::render(instruments, assessment, options),
        Format::Csv => csv_out::render(instruments, assessment, options),
    }
}

/// The assessment with each respondent's name replaced by a letter.
pub fn anonymise(assessment: &Assessment) -> Assessment {
    let mut copy = assessment.clone();
    for (i, r) in copy.respondents.iter_mut().enumerate() {
        r.name = crate::domain::aggregate::letter(i);
    }
    copy
}

/// Characters that reorder or hide text without being visible themselves: the bidi
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the C1 controls
/// (U+0080–U+009F). A title with them can show one thing and mean another.
pub fn is_invisible_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{80}'..='\u{9f}')
}

/// Text safe for a terminal: control characters (escape sequences, carriage returns, C1
/// controls) and bidi controls replaced, newlines and tabs flattened to spaces.
pub fn plain(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' | '\r' => ' ',
            c if c.is_control() || is_invisible_control(c) => '�',
            c => c,
        })
        .collect()
}

/// Like `plain`, but keeps line breaks (for notes shown on their own lines).
pub fn plain_lines(text: &str) -> String {
    text.lines().map(plain).collect::<Vec<_>>().join("\n")
}
