//! Bringing respondents in: from a participant's own assessment file, or from a filled-in
//! answer sheet (CSV). All or nothing: an import with any error changes nothing.

mod sheet;

pub use sheet::{CellError, SheetError, blank_sheet, parse_sheet, sheet_columns};

use crate::domain::{Assessment, Instruments, Respondent};
use std::path::Path;

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Read(String),
    Sheet(SheetError),
    /// The other assessment was made with other instruments.
    Instruments(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Read(message) | ImportError::Instruments(message) => f.write_str(message),
            ImportError::Sheet(e) => write!(f, "{e}"),
        }
    }
}

/// The respondents of another assessment, when it uses the same instruments.
pub fn respondents_of(
    instruments: &Instruments,
    other: &Assessment,
) -> Result<Vec<Respondent>, ImportError> {
    for wanted in [&instruments.gouden_oor.id, &instruments.stv.id] {
        if !other.instruments.iter().any(|i| &i.id == wanted) {
            return Err(ImportError::Instruments(format!(
                "\"{}\" gebruikt niet het instrument {wanted}; alleen beoordelingen met dezelfde instrumenten kunnen worden samengevoegd",
                other.title
            )));
        }
    }
    Ok(other
        .respondents
        .iter()
        .filter(|r| !r.answers.is_empty())
        .cloned()
        .collect())
}

/// Read respondents from `path`: an answer sheet (`.csv`) or an assessment (`.ron`).
pub fn read_respondents(
    instruments: &Instruments,
    path: &Path,
) -> Result<Vec<Respondent>, ImportError> {
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        let bytes = std::fs::read(path).map_err(|e| {
            ImportError::Read(format!("{} kan niet worden gelezen: {e}", path.display()))
        })?;
        let text = String::from_utf8(bytes).map_err(|_| {
            ImportError::Read(format!(
                "{} is geen UTF-8-tekst; sla het antwoordblad op als \"CSV UTF-8\"",
                path.display()
            ))
        })?;
        parse_sheet(instruments, &text).map_err(ImportError::Sheet)
    } else {
        let other = crate::store::load(path).map_err(|e| ImportError::Read(e.to_string()))?;
        respondents_of(instruments, &other)
    }
}

/// Add the respondents to `target`; returns their names as added (clashes renamed).
pub fn import_into(target: &mut Assessment, respondents: Vec<Respondent>) -> Vec<String> {
    target.add_respondents(respondents)
}
