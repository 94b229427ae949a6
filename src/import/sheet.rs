//! The CSV answer sheet of a workshop: a header `respondent,` followed by one column per
//! item a respondent answers (a grid item's ambition as `ID_doel`), one row per
//! respondent. The columns come from the instruments the assessment includes.

use crate::domain::{
    Answer, Answers, Check, Instruments, ItemAnswers, ItemKind, Level, Respondent, Scope, Status,
};

/// One bad cell: where, what it held, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// The line in the file (the header is line 1).
    pub line: u64,
    pub column: String,
    pub value: String,
    /// "verwacht ja, deels, nee of n.v.t. …", "moet tussen 0% en 100% liggen, niet 150%".
    pub problem: String,
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let value = shorten(&crate::text::plain(&self.value));
        write!(
            f,
            "regel {}, kolom {}: \"{}\" — {}",
            self.line, self.column, value, self.problem
        )
    }
}

/// How much of a cell's contents a message quotes.
const QUOTED_CHARS: usize = 80;

/// `text` cut to 80 characters, with "…" where it was cut.
fn shorten(text: &str) -> String {
    crate::text::shorten(text, QUOTED_CHARS)
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

const RESPONDENT: &str = "respondent";
const AMBITION: &str = "_doel";

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
struct Column<'a> {
    instrument: &'a str,
    item: &'a str,
    kind: ItemKind<'a>,
    ambition: bool,
}

/// The columns of a full answer sheet for the instruments `included`, in order.
pub fn sheet_columns(instruments: &Instruments, included: &[String]) -> Vec<String> {
    let mut names = vec![RESPONDENT.to_string()];
    for inst in instruments.selected(included) {
        let items: Vec<_> = inst
            .items()
            .into_iter()
            .filter(|i| i.scope == Scope::Respondent)
            .collect();
        names.extend(items.iter().map(|i| i.id.to_string()));
        names.extend(
            items
                .iter()
                .filter(|i| matches!(i.kind, ItemKind::Level { .. }))
                .map(|i| format!("{}{AMBITION}", i.id)),
        );
    }
    names
}

/// A blank answer sheet: the header only.
pub fn blank_sheet(instruments: &Instruments, included: &[String]) -> String {
    let mut text = sheet_columns(instruments, included).join(",");
    text.push_str("\r\n");
    text
}

fn column_of<'a>(
    instruments: &'a Instruments,
    included: &[String],
    name: &str,
) -> Option<Option<Column<'a>>> {
    if name.eq_ignore_ascii_case(RESPONDENT) {
        return Some(None);
    }
    // A measurement may be known under an older column name (its `aliases`).
    let name = instruments
        .selected(included)
        .flat_map(|i| i.items())
        .find_map(|item| match item.kind {
            ItemKind::Measurement(m) if m.aliases.iter().any(|a| a.eq_ignore_ascii_case(name)) => {
                Some(item.id)
            }
            _ => None,
        })
        .unwrap_or(name);
    let (base, ambition) = match name.len().checked_sub(AMBITION.len()) {
        Some(i) if name.is_char_boundary(i) && name[i..].eq_ignore_ascii_case(AMBITION) => {
            (&name[..i], true)
        }
        _ => (name, false),
    };
    for inst in instruments.selected(included) {
        for item in inst.items() {
            if item.scope == Scope::Respondent && item.id.eq_ignore_ascii_case(base) {
                if ambition && !matches!(item.kind, ItemKind::Level { .. }) {
                    return None;
                }
                return Some(Some(Column {
                    instrument: instruments
                        .get(&inst.id)
                        .map(|i| i.id.as_str())
                        .unwrap_or(""),
                    item: item.id,
                    kind: item.kind,
                    ambition,
                }));
            }
        }
    }
    None
}

fn level(levels: &[String], cell: &str) -> Result<Option<Level>, String> {
    let cell = cell.trim().to_lowercase();
    if cell.is_empty() {
        return Ok(None);
    }
    if let Some(i) = levels.iter().position(|l| *l == cell) {
        return Ok(Level::new(i as u8 + 1));
    }
    cell.parse::<u8>()
        .ok()
        .filter(|n| (1..=levels.len() as u8).contains(n))
        .and_then(Level::new)
        .map(Some)
        .ok_or_else(|| {
            format!(
                "verwacht {} of 1–{} (leeg: niet beantwoord)",
                levels.join(", "),
                levels.len()
            )
        })
}

fn status(cell: &str) -> Result<Status, String> {
    match cell.trim().to_lowercase().as_str() {
        "" | "open" | "weet niet" => Ok(Status::Open),
        "ja" | "j" | "1" | "voldaan" => Ok(Status::Met),
        "nee" | "n" | "0" | "niet voldaan" => Ok(Status::NotMet),
        _ => Err("verwacht ja/nee of 1/0 (leeg: niet beoordeeld)".to_string()),
    }
}

fn check(cell: &str) -> Result<Check, String> {
    match cell.trim().to_lowercase().as_str() {
        "" | "open" => Ok(Check::Open),
        "ja" | "j" => Ok(Check::Ja),
        "deels" | "d" => Ok(Check::Deels),
        "nee" | "n" => Ok(Check::Nee),
        "nvt" | "n.v.t." | "n.v.t" => Ok(Check::Nvt),
        _ => Err("verwacht ja, deels, nee of n.v.t. (leeg: niet beantwoord)".to_string()),
    }
}

fn number(kind: ItemKind<'_>, cell: &str) -> Result<Option<f64>, String> {
    let value = crate::domain::parse_number(cell).map_err(|_| "geen getal".to_string())?;
    if let Some(v) = value {
        crate::domain::validate::answer(kind, &Answer::Number(v))?;
    }
    Ok(value)
}

/// Parse a filled-in sheet for the instruments `included`. Any bad cell refuses the
/// whole sheet, listing every one.
pub fn parse_sheet(
    instruments: &Instruments,
    included: &[String],
    text: &str,
) -> Result<Vec<Respondent>, SheetError> {
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
    let mut columns: Vec<Option<Column>> = Vec::new();
    for name in header.iter() {
        let name = name.trim();
        let column = column_of(instruments, included, name).ok_or_else(|| {
            let known = sheet_columns(instruments, included);
            SheetError::Header(format!(
                "kolom \"{}\" is onbekend; bekende kolommen zijn {} … {} ({} in totaal; `goudenoor sheet` maakt een blanco blad)",
                shorten(&crate::text::plain(name)),
                known.iter().take(3).cloned().collect::<Vec<_>>().join(", "),
                known.last().cloned().unwrap_or_default(),
                known.len()
            ))
        })?;
        if columns.contains(&column) {
            return Err(SheetError::Header(format!(
                "kolom \"{}\" staat er twee keer in",
                shorten(&crate::text::plain(name))
            )));
        }
        columns.push(column);
    }
    if !columns.contains(&None) {
        return Err(SheetError::Header(
            "de kolom \"respondent\" (de naam per regel) ontbreekt".into(),
        ));
    }

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
                    problem: format!("geen leesbare CSV ({e})"),
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
                problem: format!("verwacht {} cellen, zoals in de kopregel", columns.len()),
            });
            continue;
        }
        let mut name = String::new();
        let mut answers = Answers::default();
        for ((cell, column), header_name) in record.iter().zip(&columns).zip(header.iter()) {
            let mut fail = |problem: String| {
                errors.push(CellError {
                    line,
                    column: header_name.trim().to_string(),
                    value: cell.to_string(),
                    problem,
                })
            };
            let Some(column) = column else {
                name = crate::text::plain(cell.trim());
                if name.is_empty() {
                    fail("verwacht de naam van de respondent".into());
                }
                continue;
            };
            let items: &mut ItemAnswers = answers.of_mut(column.instrument);
            match column.kind {
                ItemKind::Level { .. } | ItemKind::Rating { .. } => {
                    let names: Vec<String> = match column.kind {
                        ItemKind::Level { .. } => instruments
                            .get(column.instrument)
                            .and_then(|i| i.grid())
                            .map(|g| g.levels.clone())
                            .unwrap_or_default(),
                        ItemKind::Rating { min, max } => {
                            (min..=max).map(|n| n.to_string()).collect()
                        }
                        _ => unreachable!(),
                    };
                    match level(&names, cell) {
                        Ok(l) if column.ambition => items.set_ambition(column.item, l),
                        Ok(l) => items.set_level(column.item, l),
                        Err(e) => fail(e),
                    }
                }
                ItemKind::Criterion => match status(cell) {
                    Ok(s) => items.set_status(column.item, s),
                    Err(e) => fail(e),
                },
                ItemKind::Check => match check(cell) {
                    Ok(c) => items.set_check(column.item, c),
                    Err(e) => fail(e),
                },
                ItemKind::Measurement(_) => match number(column.kind, cell) {
                    Ok(v) => items.set_number(column.item, v),
                    Err(e) => fail(e),
                },
                ItemKind::Field(_) | ItemKind::Input(_) => {}
            }
        }
        answers.tidy();
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
