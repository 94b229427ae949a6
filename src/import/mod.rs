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
    /// A sheet refused, with the file it came from.
    #[error("{}: {error}", file.display())]
    Sheet {
        file: std::path::PathBuf,
        error: SheetError,
    },
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
            let title = instruments
                .get(&wanted)
                .map_or(wanted.as_str(), |i| i.title.as_str());
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

/// Why a file's bytes are not text goudenoor can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A spreadsheet workbook (.xlsx, .ods: a zip archive) or an old .xls file.
    Workbook,
    /// Zero bytes without a byte order mark: binary, or UTF-16 saved without one.
    Binary,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Workbook => f.write_str(
                "dit is een werkmap van een rekenprogramma (zoals .xlsx), geen tekst; sla het blad op als \"CSV UTF-8 (door lijstscheidingsteken gescheiden)\" en importeer dat bestand",
            ),
            DecodeError::Binary => f.write_str(
                "dit is geen tekstbestand (het bevat nul-bytes); sla het antwoordblad op als \"CSV UTF-8\" en importeer dat bestand",
            ),
        }
    }
}

/// Text from a file's bytes, and the name of the encoding it was in: UTF-8 (with or
/// without byte order mark), UTF-16 LE or BE with a byte order mark (Excel's "Unicode
/// text"), and otherwise Windows-1252 (Excel's "CSV" on Windows), which every byte sequence
/// decodes in. A byte order mark is not part of the text.
pub fn decode_text(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    let bytes = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, _)) if encoding == encoding_rs::UTF_8 => &bytes[3..],
        Some((encoding, bom_length)) => {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
            return Ok((text.into_owned(), encoding.name()));
        }
        None => bytes,
    };
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xd0\xcf\x11\xe0") {
        return Err(DecodeError::Workbook);
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), encoding_rs::UTF_8.name())),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok((text.into_owned(), encoding_rs::WINDOWS_1252.name()))
        }
    }
}

/// The extensions read as answer sheets: CSV, and the text files Excel saves
/// ("Tekst (tab is scheidingsteken)", "Unicode-tekst").
pub const SHEET_EXTENSIONS: [&str; 3] = ["csv", "txt", "tsv"];

/// Read respondents for `target` from `path`: an answer sheet (`.csv`) or an
/// assessment (`.ron`).
pub fn read_respondents(
    instruments: &Instruments,
    target: &Assessment,
    path: &Path,
) -> Result<Vec<Respondent>, ImportError> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if SHEET_EXTENSIONS.contains(&extension.as_str()) {
        let bytes = std::fs::read(path).map_err(|e| {
            ImportError::Read(format!(
                "{} kan niet worden gelezen: {}.",
                path.display(),
                crate::output::io_error_nl(&e)
            ))
        })?;
        let (text, _encoding) = decode_text(&bytes)
            .map_err(|e| ImportError::Read(format!("{}: {e}.", path.display())))?;
        parse_sheet(instruments, &target.instrument_ids(), &text).map_err(|error| {
            ImportError::Sheet {
                file: path.to_path_buf(),
                error,
            }
        })
    } else if extension == "ron" {
        let other = crate::store::load_with(path, instruments).map_err(|e| match e {
            crate::store::StoreError::Read { path, error } => ImportError::Read(format!(
                "{} kan niet worden gelezen: {}.",
                path.display(),
                crate::output::io_error_nl(&error)
            )),
            other => ImportError::Read(other.to_string()),
        })?;
        respondents_of(instruments, target, &other)
    } else {
        let kind = if extension.is_empty() {
            "heeft geen extensie".to_string()
        } else {
            format!("heeft de extensie .{}", crate::report::plain(&extension))
        };
        let hint = if ["xlsx", "xls", "xlsm", "ods", "numbers"].contains(&extension.as_str()) {
            " Sla het werkblad in het rekenprogramma op als \"CSV UTF-8\"."
        } else {
            ""
        };
        Err(ImportError::Read(format!(
            "{} {kind}; goudenoor importeert antwoordbladen (.csv, .txt of .tsv) en beoordelingen (.ron).{hint}",
            path.display()
        )))
    }
}

/// Add the respondents to `target`; returns their names as added (clashes renamed).
pub fn import_into(target: &mut Assessment, respondents: Vec<Respondent>) -> Vec<String> {
    target.add_respondents(respondents)
}
