//! Writing a report from the app: an HTML file in the user's documents folder (or the
//! current folder), never over an existing file.

use crate::domain::Assessment;
use std::path::{Path, PathBuf};

/// Where reports from the app go.
pub fn report_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|d| d.document_dir().map(Path::to_path_buf))
        .unwrap_or_else(|| std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")))
}

/// Write the HTML report of `assessment` into the report folder under a fresh name;
/// with the complaint-procedure check, its draft procedure beside it. Returns what was
/// written, the report first.
pub fn export_report(assessment: &Assessment, _data_dir: &Path) -> Result<Vec<PathBuf>, String> {
    let instruments = crate::domain::Instruments::embedded();
    let slug = crate::store::slugify(&assessment.title);
    let date = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d")
        .to_string();
    let html = crate::report::render(
        instruments,
        assessment,
        crate::report::Format::Html,
        crate::report::Options::default(),
    );
    let folder = report_folder();
    let mut written = vec![write_new(&folder, &format!("{slug}-{date}"), &html)?];
    let answers = assessment.result_answers(instruments);
    let draft = instruments
        .selected(&assessment.instrument_ids())
        .find_map(|inst| crate::domain::draft::build(inst, &assessment.organisation, &answers));
    if let Some(doc) = draft {
        let shown = assessment
            .updated
            .to_zoned_datetime(jiff::tz::TimeZone::system())
            .strftime("%d-%m-%Y")
            .to_string();
        let page = crate::procedure::html_page(&doc, &shown);
        written.push(write_new(
            &folder,
            &format!("{slug}-klachtenprocedure-{date}"),
            page.as_bytes(),
        )?);
    }
    Ok(written)
}

/// Write `contents` as `stem.html` (or `stem-2.html`, …) in `folder`, never
/// over an existing file.
fn write_new(folder: &Path, stem: &str, contents: &[u8]) -> Result<PathBuf, String> {
    let html = contents;
    for n in 1.. {
        let name = if n == 1 {
            format!("{stem}.html")
        } else {
            format!("{stem}-{n}.html")
        };
        let path = folder.join(name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        // A report holds what the team said: the owner's only, like the assessment.
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        match options.open(&path) {
            Ok(mut file) => {
                use std::io::Write;
                file.write_all(html)
                    .map_err(|e| format!("{} kan niet worden geschreven: {e}", path.display()))?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(format!(
                    "Het rapport kan niet in {} worden geschreven: {e}",
                    folder.display()
                ));
            }
        }
    }
    unreachable!("some name is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_are_never_written_over_and_are_the_owners_only() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_new(dir.path(), "nulmeting", b"een").unwrap();
        let second = write_new(dir.path(), "nulmeting", b"twee").unwrap();
        assert_eq!(first.file_name().unwrap(), "nulmeting.html");
        assert_eq!(second.file_name().unwrap(), "nulmeting-2.html");
        assert_eq!(std::fs::read(&first).unwrap(), b"een");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&second).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
