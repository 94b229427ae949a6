//! CSV: one row per respondent and item, then one per action (respondent
//! "(actieplan)"), readable by any spreadsheet; numbers with a decimal point, cells
//! that would read as a formula neutralised.

use super::model::Report;
use crate::domain::format_number;

/// A cell that a spreadsheet would read as a formula gets a leading apostrophe; spreadsheets
/// skip leading spaces and tabs, so a formula character after them counts too.
pub fn neutralise(cell: &str) -> String {
    let cell = super::plain_lines(cell);
    let start = cell.trim_start_matches([' ', '\t']);
    if cell.starts_with(['\t', '\r']) || start.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell
    }
}

fn number(value: Option<f64>) -> String {
    value.map_or(String::new(), |v| {
        format_number(v, 6).replace('−', "-").replace(',', ".")
    })
}

pub fn render(r: &Report) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "respondent",
        "instrument",
        "item",
        "onderwerp",
        "antwoord",
        "waarde",
        "doel",
        "notitie",
    ];
    writer.write_record(header).expect("in memory");
    for row in r.answer_rows() {
        writer
            .write_record([
                neutralise(&row.respondent),
                row.instrument,
                row.item,
                neutralise(&row.subject),
                neutralise(&row.answer),
                number(row.value),
                number(row.ambition),
                neutralise(&row.note),
            ])
            .expect("in memory");
    }
    // The action plan, in the same columns: what it serves, what, status, deadline.
    for a in &r.actions {
        let note = if a.owner.trim().is_empty() {
            a.note.clone()
        } else if a.note.trim().is_empty() {
            format!("eigenaar: {}", a.owner)
        } else {
            format!("eigenaar: {}\n{}", a.owner, a.note)
        };
        writer
            .write_record([
                "(actieplan)".to_string(),
                String::new(),
                a.item_ids.join(" "),
                neutralise(&a.what),
                a.status.to_string(),
                String::new(),
                a.deadline.map_or(String::new(), |d| d.to_string()),
                neutralise(&note),
            ])
            .expect("in memory");
    }
    String::from_utf8(writer.into_inner().expect("in memory")).expect("UTF-8 in, UTF-8 out")
}

/// A CSV report (RFC 4180, as `render` makes it) the way Dutch Excel opens it directly:
/// semicolons between cells, a UTF-8 byte order mark, and CRLF line ends.
pub fn excel_csv(csv: &str) -> String {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    for record in reader.records() {
        let record = record.expect("our own CSV reads back");
        writer.write_record(&record).expect("in memory");
    }
    let body = String::from_utf8(writer.into_inner().expect("in memory")).expect("UTF-8");
    format!("\u{feff}{body}")
}
