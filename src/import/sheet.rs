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
            shorten(&crate::report::plain(&self.value)),
            self.expected
        )
    }
}

/// How much of a cell's contents a message quotes.
const QUOTED_CHARS: usize = 80;

/// `text` cut to 80 characters, with "…" where it was cut.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(QUOTED_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    /// The header is missing, or names an unknown or repeated column.
    Header(String),
    /// A quote opened on this line (the header is line 1) is never closed.
    Quote(u64),
    /// Every bad cell; nothing was imported.
    Cells(Vec<CellError>),
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SheetError::Header(message) => write!(f, "Antwoordblad geweigerd: {message}"),
            SheetError::Quote(line) => write!(
                f,
                "Antwoordblad geweigerd, er is niets geïmporteerd: een aanhalingsteken is niet gesloten.\n  regel {line}: een cel begint met een aanhalingsteken (\") dat nergens wordt gesloten, zodat de rest van het blad één cel lijkt. Zet er een \" achter of haal het weg, sla het blad opnieuw op en importeer het nog eens."
            ),
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
    // Spreadsheets with a Dutch locale save with semicolons, "text" exports with tabs;
    // column names hold none of these, so the header's most frequent one separates.
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| {
            let count = first_line.bytes().filter(|b| b == d).count();
            // On a tie (e.g. none at all) the comma wins.
            (count, *d == b',')
        })
        .expect("three candidates");
    if let Some(line) = unclosed_quote(text, delimiter) {
        return Err(SheetError::Quote(line));
    }
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
                shorten(&crate::report::plain(name))
            ))
        })?;
        if columns.contains(&column) {
            return Err(SheetError::Header(format!(
                "kolom \"{}\" staat er twee keer in",
                shorten(&crate::report::plain(name))
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

/// The line (header = 1) of a quoted cell that is never closed, read as the CSV reader
/// does: a quote is special only at the start of a cell, and `""` inside one is a quote.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<u64> {
    let bytes = text.as_bytes();
    let (mut line, mut opened) = (1u64, 0u64);
    let (mut in_quotes, mut cell_start) = (false, true);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_quotes {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            } else if b == b'\n' {
                line += 1;
            }
        } else if b == b'"' && cell_start {
            in_quotes = true;
            opened = line;
            cell_start = false;
        } else if b == b'\n' {
            line += 1;
            cell_start = true;
        } else {
            cell_start = b == b'\r' || b == delimiter;
        }
        i += 1;
    }
    in_quotes.then_some(opened)
}
