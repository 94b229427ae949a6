//! The draft complaint procedure as Markdown or a self-contained HTML page.

use crate::domain::draft::DraftDoc;
use crate::text::plain_lines;
use maud::{DOCTYPE, PreEscaped, html};
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ProcedureFormat {
    Md,
    Html,
}

fn escape_md(text: &str) -> String {
    let mut out = String::new();
    for c in crate::text::plain(text).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn markdown(doc: &DraftDoc, date: &str) -> String {
    let mut out = format!(
        "# {} — {}\n\nConcept van {date}, gemaakt met goudenoor op basis van de klachtenprocedure-check. Werk het uit tot de procedure van de organisatie.\n\n",
        escape_md(&doc.title),
        escape_md(&doc.organisation)
    );
    if !doc.missing_fields.is_empty() {
        let _ = writeln!(
            out,
            "> Nog in te vullen: {}.\n",
            doc.missing_fields
                .iter()
                .map(|f| escape_md(f))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    for section in &doc.sections {
        let _ = writeln!(out, "## {}\n", escape_md(&section.heading));
        for p in &section.paragraphs {
            match &p.to_do {
                Some(mark) => {
                    let _ = writeln!(out, "{} **[{mark}]**\n", escape_md(&p.text));
                }
                None => {
                    let _ = writeln!(out, "{}\n", escape_md(&p.text));
                }
            }
        }
    }
    out
}

pub fn html_page(doc: &DraftDoc, date: &str) -> String {
    html! {
        (DOCTYPE)
        html lang="nl" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (crate::text::plain(&doc.title)) " — " (crate::text::plain(&doc.organisation)) }
                style { (PreEscaped(CSS)) }
            }
            body {
                h1 { (crate::text::plain(&doc.title)) }
                p.meta { (crate::text::plain(&doc.organisation)) " · concept van " (date) }
                p.why { "Gemaakt met goudenoor op basis van de klachtenprocedure-check. Werk het uit tot de procedure van de organisatie; gemarkeerde alinea's beschrijven wat nog niet op orde is." }
                @if !doc.missing_fields.is_empty() {
                    p.todo { "Nog in te vullen: " (doc.missing_fields.join(", ")) "." }
                }
                @for section in &doc.sections {
                    h2 { (crate::text::plain(&section.heading)) }
                    @for p in &section.paragraphs {
                        @match &p.to_do {
                            Some(mark) => p.todo { (plain_lines(&p.text)) " " span.mark { "[" (mark) "]" } },
                            None => p { (plain_lines(&p.text)) },
                        }
                    }
                }
            }
        }
    }
    .into_string()
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d1d1f}h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #d2d2d7}.meta,.why{color:#6e6e73}.todo{background:#fff4e5;border-left:4px solid #e67e00;padding:.3rem .6rem;-webkit-print-color-adjust:exact;print-color-adjust:exact}.mark{font-weight:600;color:#a64b00}@page{size:A4;margin:18mm}";
