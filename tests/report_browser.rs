//! The HTML report printed by a real browser: a workshop of twelve with long names goes
//! to PDF with headless Chromium, and `pdftotext` shows that every column header of
//! every table is on the pages and that the pages are numbered.
//!
//! Ignored by default so that `cargo test` needs no browser; `.ci/run` installs
//! Chromium and poppler-utils and runs `cargo test --test report_browser -- --ignored`.
//! Without them it fails, it never skips.

use goudenoor::domain::{Assessment, Instruments, Level};
use goudenoor::fixtures::{sample_actions, sample_assessment};
use goudenoor::report::{Format, Options, render};
use std::path::Path;
use std::process::Command;

const NAMES: [&str; 12] = [
    "Alexandra van Oldenbarnevelt-Tjeenk Willink",
    "Bartholomeus Schimmelpenninck van der Oye",
    "Catharina de Wittewrongel-Hoogenboezem",
    "Dominicus van Vandersteenhoven tot Ruyven",
    "Elisabeth Bosch van Drakestein-Roëll",
    "Franciscus van Heeckeren van Wassenaer",
    "Geertruida Quarles van Ufford-Brantsen",
    "Hendrikus van Lynden tot Blitterswijk",
    "Isabella de Marchant et d'Ansembourg",
    "Johannes van Randwijck-Sandberg",
    "Kornelia Verschuer-Groeninx van Zoelen",
    "Lodewijk Wttewaall van Stoetwegen",
];

fn workshop() -> Assessment {
    let instruments = Instruments::embedded();
    let mut a = sample_assessment(instruments, 12);
    for (r, name) in a.respondents.iter_mut().zip(NAMES) {
        r.name = name.to_string();
    }
    a.agreed
        .of_mut("gouden-oor")
        .set_level("go1", Level::new(3));
    a.actions = sample_actions();
    a
}

fn run(program: &str, args: &[&str]) -> std::process::Output {
    let output = Command::new(program).args(args).output().unwrap_or_else(|e| {
        panic!(
            "{program} kan niet starten ({e}): installeer chromium en poppler-utils (apt-get install -y chromium poppler-utils), zoals .ci/run doet"
        )
    });
    assert!(
        output.status.success(),
        "{program} faalde: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Print `html` to PDF with headless Chromium and return the PDF's path.
fn print_to_pdf(dir: &Path, html: &str) -> std::path::PathBuf {
    let page = dir.join("rapport.html");
    std::fs::write(&page, html).unwrap();
    let pdf = dir.join("rapport.pdf");
    let profile = dir.join("profiel");
    run(
        "chromium",
        &[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
            &format!("--user-data-dir={}", profile.display()),
            &format!("--print-to-pdf={}", pdf.display()),
            &format!("file://{}", page.display()),
        ],
    );
    assert!(pdf.exists(), "Chromium schreef geen PDF");
    pdf
}

/// The text of every `<th>`, tags removed and entities decoded.
fn column_headers(html: &str) -> Vec<String> {
    let mut headers = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<th") {
        let after = &rest[start..];
        let open_end = after.find('>').expect("a closed tag");
        let close = after.find("</th>").expect("a closed th");
        let inner = &after[open_end + 1..close];
        let mut text = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        if !text.trim().is_empty() {
            headers.push(text.trim().to_string());
        }
        rest = &after[close + 5..];
    }
    headers
}

/// Print `html` to PDF, check that every column header of every table is on the pages
/// and that every page is numbered; returns the pages' text.
fn check_printed(html: &str, keep: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let pdf = print_to_pdf(dir.path(), html);
    let text_file = dir.path().join("rapport.txt");
    run(
        "pdftotext",
        &[
            "-layout",
            &pdf.display().to_string(),
            &text_file.display().to_string(),
        ],
    );
    let text = std::fs::read_to_string(&text_file).unwrap();
    if let Ok(dir) = std::env::var("GOUDENOOR_KEEP_PDF") {
        std::fs::copy(&pdf, Path::new(&dir).join(keep)).unwrap();
    }
    let words: std::collections::HashSet<&str> = text.split_whitespace().collect();
    let headers = column_headers(html);
    assert!(!headers.is_empty());
    let mut missing = Vec::new();
    for header in &headers {
        for word in header.split_whitespace() {
            // A browser may break a double name at its hyphen.
            if word.chars().any(char::is_alphanumeric)
                && !word
                    .split('-')
                    .all(|part| words.iter().any(|w| w.contains(part)))
            {
                missing.push(format!("{word} (uit \"{header}\")"));
            }
        }
    }
    assert!(missing.is_empty(), "niet op de pagina's: {missing:?}");
    // Numbered pages: "pagina 1 van N" … "pagina N van N".
    let last = text.trim_end_matches('\u{c}').matches('\u{c}').count() + 1;
    for page in 1..=last {
        assert!(
            text.contains(&format!("pagina {page} van {last}")),
            "pagina {page} van {last} ontbreekt"
        );
    }
    text
}

#[test]
#[ignore = "needs chromium and pdftotext; run by .ci/run"]
fn a_printed_workshop_report_keeps_every_column_and_numbers_its_pages() {
    let html = String::from_utf8(render(
        Instruments::embedded(),
        &workshop(),
        Format::Html,
        Options {
            confidential: true,
            ..Options::default()
        },
    ))
    .unwrap();
    let headers = column_headers(&html);
    assert!(headers.len() > 30, "{headers:?}");
    let text = check_printed(&html, "workshop.pdf");
    // Every respondent's name is on the pages, word for word.
    for name in NAMES {
        for word in name.split([' ', '-']) {
            assert!(
                text.split_whitespace().any(|w| w.contains(word)),
                "{word} uit {name} staat niet op de pagina's"
            );
        }
    }
    assert!(text.matches('\u{c}').count() >= 3, "several pages");
    // The running header and the confidential mark.
    assert!(text.contains("Nulmeting klantenservice"));
    assert!(text.contains("vertrouwelijk"));
}

#[test]
#[ignore = "needs chromium and pdftotext; run by .ci/run"]
fn a_printed_report_of_every_kind_keeps_every_column() {
    // The embedded instruments hold one of every kind.
    let instruments = Instruments::embedded();
    let ids: Vec<String> = instruments.iter().map(|i| i.id.clone()).collect();
    let mut a = goudenoor::fixtures::sample_assessment_with(instruments, &ids, 1);
    a.actions = sample_actions();
    let html =
        String::from_utf8(render(instruments, &a, Format::Html, Options::default())).unwrap();
    let text = check_printed(&html, "alle-soorten.pdf");
    assert!(text.contains("niet bekeken") || text.contains("zwakste"));
}
