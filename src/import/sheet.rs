//! The CSV answer sheet of a workshop: a header `respondent,go1,…,go9,go1_doel,…,
//! go9_doel,I.2,…,IV.4,iv4_pct` and one row per respondent.

use crate::domain::{Answers, Instruments, Level, Respondent, Status};

/// One bad cell: where, what it held, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// The line in the file (the header is line 1).
    pub line: u64,
    pub column: String,
    pub value: String,
    pub expected: String,
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "regel {}, kolom {}: \"{}\" — verwacht {}",
            self.line,
            self.column,
            crate::report::plain(&self.value),
            self.expected
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    /// The header is missing, or names an unknown or repeated column.
    Header(String),
    /// Every bad cell; nothing was imported.
    Cells(Vec<CellError>),
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SheetError::Header(message) => write!(f, "Antwoordblad geweigerd: {message}"),
            SheetError::Cells(cells) => {
                write!(
                    f,
                    "Antwoordblad geweigerd, er is niets geïmporteerd: {} ongeldige {}:",
                    cells.len(),
                    if cells.len() == 1 { "cel" } else { "cellen" }
                )?;
                for cell in cells {
                    write!(f, "\n  {cell}")?;
                }
                Ok(())
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Respondent,
    Level(usize),
    Ambition(usize),
    Criterion(usize),
    Percent,
}

const RESPONDENT: &str = "respondent";
const PERCENT: &str = "iv4_pct";

/// The columns of a full answer sheet, in order.
pub fn sheet_columns(instruments: &Instruments) -> Vec<String> {
    let shifts = &instruments.gouden_oor.shifts;
    std::iter::once(RESPONDENT.to_string())
        .chain(shifts.iter().map(|s| s.id.clone()))
        .chain(shifts.iter().map(|s| format!("{}_doel", s.id)))
        .chain(instruments.stv.criteria().map(|(_, c)| c.id.clone()))
        .chain(std::iter::once(PERCENT.to_string()))
        .collect()
}

/// A blank answer sheet: the header only.
pub fn blank_sheet(instruments: &Instruments) -> String {
    let mut text = sheet_columns(instruments).join(",");
    text.push_str("\r\n");
    text
}

fn column_of(instruments: &Instruments, name: &str) -> Option<Column> {
    let shifts = &instruments.gouden_oor.shifts;
    if name.eq_ignore_ascii_case(RESPONDENT) {
        return Some(Column::Respondent);
    }
    if name.eq_ignore_ascii_case(PERCENT) {
        return Some(Column::Percent);
    }
    if let Some(i) = shifts.iter().position(|s| s.id.eq_ignore_ascii_case(name)) {
        return Some(Column::Level(i));
    }
    if let Some(i) = shifts
        .iter()
        .position(|s| format!("{}_doel", s.id).eq_ignore_ascii_case(name))
    {
        return Some(Column::Ambition(i));
    }
    instruments
        .stv
        .criteria()
        .position(|(_, c)| c.id.eq_ignore_ascii_case(name))
        .map(Column::Criterion)
}

fn level(instruments: &Instruments, cell: &str) -> Result<Option<Level>, String> {
    let cell = cell.trim().to_lowercase();
    if cell.is_empty() {
        return Ok(None);
    }
    if let Some(i) = instruments
        .gouden_oor
        .levels
        .iter()
        .position(|l| *l == cell)
    {
        return Ok(Level::new(i as u8 + 1));
    }
    cell.parse::<u8>()
        .ok()
        .and_then(Level::new)
        .map(Some)
        .ok_or_else(|| "aardig, goed, prima, goud of 1–4 (leeg: niet beantwoord)".to_string())
}

fn status(cell: &str) -> Result<Status, String> {
    match cell.trim().to_lowercase().as_str() {
        "" => Ok(Status::Open),
        "ja" | "j" | "1" | "voldaan" => Ok(Status::Met),
        "nee" | "n" | "0" | "niet voldaan" => Ok(Status::NotMet),
        _ => Err("ja/nee of 1/0 (leeg: niet beoordeeld)".to_string()),
    }
}

fn percent(cell: &str) -> Result<Option<u8>, String> {
    let cell = cell.trim().trim_end_matches('%').trim();
    if cell.is_empty() {
        return Ok(None);
    }
    cell.parse::<u8>()
        .ok()
        .filter(|p| *p <= 100)
        .map(Some)
        .ok_or_else(|| "een heel percentage van 0 tot en met 100".to_string())
}

/// Parse a filled-in sheet. Any bad cell refuses the whole sheet, listing every one.
pub fn parse_sheet(instruments: &Instruments, text: &str) -> Result<Vec<Respondent>, SheetError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or("");
    // Spreadsheets with a Dutch locale save with semicolons.
    let delimiter = if first_line.contains(';') && !first_line.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| SheetError::Header(format!("de kopregel kan niet worden gelezen: {e}")))?
        .clone();
    if header.iter().all(|h| h.trim().is_empty()) {
        return Err(SheetError::Header(
            "het bestand is leeg; de eerste regel moet de kolomnamen bevatten (maak een blanco blad met `goudenoor sheet`)".into(),
        ));
    }
    let mut columns = Vec::new();
    for name in header.iter() {
        let name = name.trim();
        let column = column_of(instruments, name).ok_or_else(|| {
            SheetError::Header(format!(
                "kolom \"{}\" is onbekend; bekende kolommen zijn respondent, go1 … go9, go1_doel … go9_doel, de criteria I.2 … IV.4 en iv4_pct",
                crate::report::plain(name)
            ))
        })?;
        if columns.contains(&column) {
            return Err(SheetError::Header(format!(
                "kolom \"{name}\" staat er twee keer in"
            )));
        }
        columns.push(column);
    }
    if !columns.contains(&Column::Respondent) {
        return Err(SheetError::Header(
            "de kolom \"respondent\" (de naam per regel) ontbreekt".into(),
        ));
    }

    let criteria: Vec<String> = instruments
        .stv
        .criteria()
        .map(|(_, c)| c.id.clone())
        .collect();
    let mut errors = Vec::new();
    let mut respondents = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                errors.push(CellError {
                    line: e.position().map_or(0, |p| p.line()),
                    column: "—".into(),
                    value: String::new(),
                    expected: format!("leesbare CSV ({e})"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() != columns.len() {
            errors.push(CellError {
                line,
                column: "—".into(),
                value: format!("{} cellen", record.len()),
                expected: format!("{} cellen, zoals in de kopregel", columns.len()),
            });
            continue;
        }
        let mut name = String::new();
        let mut answers = Answers::default();
        for ((cell, column), header_name) in record.iter().zip(&columns).zip(header.iter()) {
            let mut fail = |expected: String| {
                errors.push(CellError {
                    line,
                    column: header_name.trim().to_string(),
                    value: cell.to_string(),
                    expected,
                })
            };
            match *column {
                Column::Respondent => {
                    name = crate::report::plain(cell.trim());
                    if name.is_empty() {
                        fail("de naam van de respondent".into());
                    }
                }
                Column::Level(i) => match level(instruments, cell) {
                    Ok(l) => {
                        answers.edit_shift(&instruments.gouden_oor.shifts[i].id, |a| a.level = l)
                    }
                    Err(e) => fail(e),
                },
                Column::Ambition(i) => match level(instruments, cell) {
                    Ok(l) => {
                        answers.edit_shift(&instruments.gouden_oor.shifts[i].id, |a| a.ambition = l)
                    }
                    Err(e) => fail(e),
                },
                Column::Criterion(i) => match status(cell) {
                    Ok(s) => answers.edit_criterion(&criteria[i], |a| a.status = s),
                    Err(e) => fail(e),
                },
                Column::Percent => match percent(cell) {
                    Ok(p) => answers.response_pct = p,
                    Err(e) => fail(e),
                },
            }
        }
        respondents.push(Respondent { name, answers });
    }
    if !errors.is_empty() {
        return Err(SheetError::Cells(errors));
    }
    Ok(respondents)
}
