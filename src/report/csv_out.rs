//! CSV: one row per item and respondent, readable by any spreadsheet.

use super::summary::{level_name, summarise};
use crate::domain::{Assessment, Instruments};

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

pub fn render(
    instruments: &Instruments,
    assessment: &Assessment,
    options: super::Options,
) -> String {
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
    let mut sets: Vec<(String, &crate::domain::Answers)> = assessment
        .respondents
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let label = if options.anonymous {
                crate::domain::aggregate::letter(i)
            } else {
                r.name.clone()
            };
            (label, &r.answers)
        })
        .collect();
    if assessment.is_workshop() && !assessment.agreed.is_empty() {
        sets.push(("(akkoord)".to_string(), &assessment.agreed));
    }
    for (label, answers) in sets {
        let s = summarise(instruments, answers);
        let name = neutralise(&label);
        for shift in &s.shifts {
            writer
                .write_record([
                    name.clone(),
                    instruments.gouden_oor.id.clone(),
                    shift.id.clone(),
                    format!("{} {} → {}", shift.number, shift.from, shift.to),
                    level_name(instruments, shift.level).replace('—', ""),
                    shift
                        .level
                        .map(|l| l.value().to_string())
                        .unwrap_or_default(),
                    shift
                        .ambition
                        .map(|l| l.value().to_string())
                        .unwrap_or_default(),
                    neutralise(&shift.note),
                ])
                .expect("in memory");
        }
        for part in &s.parts {
            for c in &part.criteria {
                let value = match c.status {
                    crate::domain::Status::Met => "1",
                    crate::domain::Status::NotMet => "0",
                    crate::domain::Status::Open => "",
                };
                writer
                    .write_record([
                        name.clone(),
                        instruments.stv.id.clone(),
                        c.id.clone(),
                        c.short.clone(),
                        c.status.label().to_string(),
                        value.to_string(),
                        String::new(),
                        neutralise(&c.note),
                    ])
                    .expect("in memory");
            }
            writer
                .write_record([
                    name.clone(),
                    instruments.stv.id.clone(),
                    format!("{}.score", part.id),
                    format!("{} {}", part.numeral, part.title),
                    "score".to_string(),
                    part.score.map(|s| s.to_string()).unwrap_or_default(),
                    String::new(),
                    String::new(),
                ])
                .expect("in memory");
        }
        writer
            .write_record([
                name.clone(),
                instruments.stv.id.clone(),
                "iv4_pct".to_string(),
                "Gehaalde reactietermijnen (%)".to_string(),
                String::new(),
                s.response_pct.map(|p| p.to_string()).unwrap_or_default(),
                String::new(),
                String::new(),
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
