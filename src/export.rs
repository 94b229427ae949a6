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

/// Write the HTML report of `assessment` into the report folder under a fresh name.
pub fn export_report(assessment: &Assessment, _data_dir: &Path) -> Result<PathBuf, String> {
    let folder = report_folder();
    let slug = crate::store::slugify(&assessment.title);
    let date = jiff::Zoned::now().strftime("%Y-%m-%d").to_string();
    let html = crate::report::render_html(crate::domain::Instruments::embedded(), assessment);
    for n in 1.. {
        let name = if n == 1 {
            format!("{slug}-{date}.html")
        } else {
            format!("{slug}-{date}-{n}.html")
        };
        let path = folder.join(name);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                use std::io::Write;
                file.write_all(html.as_bytes())
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
