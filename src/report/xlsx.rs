//! The xlsx report: sheets Samenvatting, Antwoorden, Spreiding and Actieplan, with
//! typed cells (numbers as numbers, deadlines as dates). What users typed is always
//! written as a string cell, so it can never become a formula.

use super::model::Report;
use super::plain_lines;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// Excel's longest cell text.
const MAX_CELL: usize = 32_767;

/// A string cell: control characters removed, never a formula.
fn text(ws: &mut Worksheet, row: u32, col: u16, value: &str) -> Result<(), XlsxError> {
    let mut value = plain_lines(value);
    if value.chars().count() > MAX_CELL {
        value = value.chars().take(MAX_CELL - 1).collect::<String>() + "…";
    }
    ws.write_string(row, col, value)?;
    Ok(())
}

fn bold_text(ws: &mut Worksheet, row: u32, col: u16, value: &str) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, col, plain_lines(value), &Format::new().set_bold())?;
    Ok(())
}

fn header(ws: &mut Worksheet, titles: &[&str], widths: &[f64]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_background_color("#F2E6C9");
    for (i, (title, width)) in titles.iter().zip(widths).enumerate() {
        ws.write_string_with_format(0, i as u16, *title, &bold)?;
        ws.set_column_width(i as u16, *width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.set_paper_size(9);
    Ok(())
}

fn number(ws: &mut Worksheet, row: u32, col: u16, value: Option<f64>) -> Result<(), XlsxError> {
    if let Some(v) = value.filter(|v| v.is_finite()) {
        ws.write_number(row, col, v)?;
    }
    Ok(())
}

fn summary(ws: &mut Worksheet, r: &Report) -> Result<(), XlsxError> {
    ws.set_name("Samenvatting")?;
    ws.set_paper_size(9);
    ws.set_column_width(0, 34)?;
    ws.set_column_width(1, 80)?;
    ws.set_column_width(2, 12)?;
    ws.set_column_width(3, 12)?;
    ws.set_column_width(4, 30)?;
    let wrap = Format::new().set_text_wrap();
    let mut row = 0;
    if let Some(cover) = r.cover_line() {
        bold_text(ws, row, 0, &cover.to_uppercase())?;
        row += 1;
    }
    bold_text(ws, row, 0, &r.assessment.title)?;
    row += 1;
    text(ws, row, 0, &r.assessment.organisation)?;
    text(ws, row, 1, &r.made.date)?;
    row += 2;
    for (i, title) in ["Instrument", "Oordeel", "Kerncijfer", "Voorlopig", "Trend"]
        .iter()
        .enumerate()
    {
        bold_text(ws, row, i as u16, title)?;
    }
    row += 1;
    for (s, res) in r.summaries.iter().zip(&r.result.instruments) {
        text(ws, row, 0, &s.title)?;
        ws.write_string_with_format(row, 1, plain_lines(&s.verdict), &wrap)?;
        if let Some(h) = &res.headline {
            // Shares are written as fractions with a percent format, so Excel reckons
            // with them as numbers.
            if h.display.ends_with('%') {
                ws.write_number_with_format(
                    row,
                    2,
                    h.percent / 100.0,
                    &Format::new().set_num_format("0.0%"),
                )?;
            } else {
                ws.write_number_with_format(row, 2, h.value, &Format::new().set_num_format("0.0"))?;
            }
        }
        text(ws, row, 3, if s.provisional { "voorlopig" } else { "" })?;
        text(ws, row, 4, s.trend.as_deref().unwrap_or(""))?;
        row += 1;
        for gap in &s.gaps {
            text(ws, row, 0, "  grootste gat")?;
            ws.write_string_with_format(row, 1, plain_lines(gap), &wrap)?;
            row += 1;
        }
    }
    row += 1;
    bold_text(ws, row, 0, "Zo is dit gemaakt")?;
    row += 1;
    for line in r.made.lines() {
        ws.write_string_with_format(row, 1, plain_lines(&line), &wrap)?;
        row += 1;
    }
    if !r.assessment.note.trim().is_empty() {
        row += 1;
        bold_text(ws, row, 0, "Toelichting")?;
        text(ws, row, 1, &r.assessment.note)?;
    }
    Ok(())
}

fn answers(ws: &mut Worksheet, r: &Report) -> Result<(), XlsxError> {
    ws.set_name("Antwoorden")?;
    header(
        ws,
        &[
            "Respondent",
            "Instrument",
            "Item",
            "Onderwerp",
            "Antwoord",
            "Waarde",
            "Doel",
            "Notitie",
        ],
        &[18.0, 14.0, 10.0, 50.0, 14.0, 9.0, 9.0, 60.0],
    )?;
    let rows = r.answer_rows();
    for (i, a) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        text(ws, row, 0, &a.respondent)?;
        text(ws, row, 1, &a.instrument)?;
        text(ws, row, 2, &a.item)?;
        text(ws, row, 3, &a.subject)?;
        text(ws, row, 4, &a.answer)?;
        number(ws, row, 5, a.value)?;
        number(ws, row, 6, a.ambition)?;
        text(ws, row, 7, &a.note)?;
    }
    ws.autofilter(0, 0, rows.len() as u32, 7)?;
    Ok(())
}

fn spread(ws: &mut Worksheet, r: &Report) -> Result<(), XlsxError> {
    ws.set_name("Spreiding")?;
    let Some(team) = &r.team else {
        ws.set_column_width(0, 60)?;
        text(
            ws,
            0,
            0,
            "Eén respondent: er is geen spreiding en geen akkoord.",
        )?;
        return Ok(());
    };
    let mut titles: Vec<String> = vec!["Instrument".into(), "Item".into(), "Onderdeel".into()];
    titles.extend(team.labels.iter().map(|l| plain_lines(l)));
    titles.extend(
        ["Spreiding", "Verschil", "Voorstel", "Akkoord"]
            .iter()
            .map(|s| s.to_string()),
    );
    let bold = Format::new().set_bold().set_background_color("#F2E6C9");
    for (i, title) in titles.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, title, &bold)?;
    }
    ws.set_column_width(0, 14)?;
    ws.set_column_width(1, 10)?;
    ws.set_column_width(2, 40)?;
    let n = team.labels.len() as u16;
    for c in 0..n {
        ws.set_column_width(3 + c, 12)?;
    }
    ws.set_column_width(3 + n, 24)?;
    ws.set_column_width(5 + n, 14)?;
    ws.set_column_width(6 + n, 14)?;
    ws.set_freeze_panes(1, 3)?;
    ws.set_paper_size(9);
    ws.set_landscape();
    let mut row = 1;
    for inst in &team.instruments {
        for item in &inst.rows {
            text(ws, row, 0, &inst.id)?;
            text(ws, row, 1, &item.id)?;
            text(ws, row, 2, &item.label)?;
            for (c, (cell, value)) in item.cells.iter().zip(&item.values).enumerate() {
                let col = 3 + c as u16;
                // Levels are numbers; other answers keep their words.
                match value {
                    Some(v) if cell.parse::<f64>().is_ok() => {
                        ws.write_number(row, col, *v)?;
                    }
                    _ => text(ws, row, col, cell)?,
                }
            }
            text(ws, row, 3 + n, &item.spread)?;
            text(ws, row, 4 + n, if item.disagrees { "ja" } else { "nee" })?;
            text(ws, row, 5 + n, item.proposal_text())?;
            text(ws, row, 6 + n, item.agreed.as_deref().unwrap_or(""))?;
            row += 1;
        }
    }
    Ok(())
}

fn actions(ws: &mut Worksheet, r: &Report) -> Result<(), XlsxError> {
    ws.set_name("Actieplan")?;
    header(
        ws,
        &[
            "Actie",
            "Voor",
            "Eigenaar",
            "Deadline",
            "Status",
            "Notitie",
            "Uit ronde",
        ],
        &[44.0, 36.0, 20.0, 12.0, 9.0, 44.0, 10.0],
    )?;
    let date = Format::new().set_num_format("dd-mm-yyyy");
    for (i, a) in r.actions.iter().enumerate() {
        let row = i as u32 + 1;
        text(ws, row, 0, &a.what)?;
        text(ws, row, 1, &a.items.join("; "))?;
        text(ws, row, 2, &a.owner)?;
        if let Some(d) = a.deadline {
            let day = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
            ws.write_datetime_with_format(row, 3, &day, &date)?;
        }
        text(ws, row, 4, &a.status_text())?;
        text(ws, row, 5, &a.note)?;
        number(ws, row, 6, a.from_round.map(f64::from))?;
    }
    Ok(())
}

fn workbook(r: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    summary(book.add_worksheet(), r)?;
    answers(book.add_worksheet(), r)?;
    spread(book.add_worksheet(), r)?;
    actions(book.add_worksheet(), r)?;
    book.save_to_buffer()
}

pub fn render(r: &Report) -> Vec<u8> {
    workbook(r).expect("a workbook of strings, numbers and dates always writes")
}
