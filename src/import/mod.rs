//! Bringing respondents in: from a participant's own assessment file, or from a filled-in
//! answer sheet (CSV). All or nothing: an import with any error changes nothing.

mod sheet;

pub use sheet::{CellError, SheetError, blank_sheet, parse_sheet, sheet_columns};

use crate::domain::{Assessment, Instruments, Respondent};
use std::path::Path;

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Read(String),
    #[error("{0}")]
    Sheet(SheetError),
    /// The other assessment was made with other instruments.
    #[error("{0}")]
    Instruments(String),
}

/// The respondents of another assessment, when it includes the target's instruments.
pub fn respondents_of(
    instruments: &Instruments,
    target: &Assessment,
    other: &Assessment,
) -> Result<Vec<Respondent>, ImportError> {
    for wanted in target.instrument_ids() {
        if !other.instruments.iter().any(|i| i.id == wanted) {
            let title = instruments.get(&wanted).map_or(wanted.as_str(), |i| i.title.as_str());
            return Err(ImportError::Instruments(format!(
                "\"{}\" gebruikt het instrument {title} niet; alleen beoordelingen met dezelfde instrumenten kunnen worden samengevoegd",
                other.title
            )));
        }
    }
    let included = target.instrument_ids();
    Ok(other
        .respondents
        .iter()
        .filter(|r| !r.answers.is_empty())
        .map(|r| {
            let mut r = r.clone();
            // Only the target's instruments come along.
            r.answers.0.retain(|id, _| included.contains(id));
            r
        })
        .collect())
}

/// Read respondents for `target` from `path`: an answer sheet (`.csv`) or an
/// assessment (`.ron`).
pub fn read_respondents(
    instruments: &Instruments,
    target: &Assessment,
    path: &Path,
) -> Result<Vec<Respondent>, ImportError> {
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"));
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
        parse_sheet(instruments, &target.instrument_ids(), &text).map_err(ImportError::Sheet)
    } else {
        let other = crate::store::load_with(path, instruments)
            .map_err(|e| ImportError::Read(e.to_string()))?;
        respondents_of(instruments, target, &other)
    }
}

/// Add the respondents to `target`; returns their names as added (clashes renamed).
pub fn import_into(target: &mut Assessment, respondents: Vec<Respondent>) -> Vec<String> {
    target.add_respondents(respondents)
}
