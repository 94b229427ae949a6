//! File-system helpers: temporary-file names, claiming a name without overwriting,
//! owner-only folders and I/O errors in Dutch.

use std::fs;
use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// How long a temporary file of another process may be unfinished before it is an orphan.
const ORPHAN_AGE: Duration = Duration::from_secs(10 * 60);

/// Whether `name` is a temporary file for `target` as `atomic-write-file` (and our own
/// `create`) name them: `.` + target + `.` + six ASCII letters or digits.
pub(crate) fn is_temp_of(name: &str, target: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(target))
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|suffix| {
            suffix.len() == 6 && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// The file a temporary file `name` was going to become: `.x.ron.Ab12Cd` → `x.ron`.
fn temp_target(name: &str) -> Option<&str> {
    let rest = name.strip_prefix('.')?;
    let (target, suffix) = rest.rsplit_once('.')?;
    (suffix.len() == 6 && suffix.bytes().all(|b| b.is_ascii_alphanumeric()) && !target.is_empty())
        .then_some(target)
}

/// Remove what a killed save of `path` left behind (its temporary files and those of
/// its backup). Only call this while holding the file's lock.
pub(crate) fn remove_temps(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return;
    };
    let backup = format!("{name}.bak");
    let Ok(read) = fs::read_dir(dir) else { return };
    for entry in read.filter_map(Result::ok) {
        let file = entry.file_name();
        let Some(file) = file.to_str() else { continue };
        if (is_temp_of(file, name) || is_temp_of(file, &backup))
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Remove temporary files in `dir` whose target does not exist and that nobody touched
/// for a while: what a killed `create` leaves. Errors are ignored (read-only folders).
pub(crate) fn remove_orphans(dir: &Path) {
    let Ok(read) = fs::read_dir(dir) else { return };
    let now = SystemTime::now();
    for entry in read.filter_map(Result::ok) {
        let file = entry.file_name();
        let Some(target) = file.to_str().and_then(temp_target) else {
            continue;
        };
        let old = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > ORPHAN_AGE);
        if old && !dir.join(target).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Move `from` to `to` unless `to` exists (then `AlreadyExists`), atomically where the
/// platform can (rename-noreplace on Linux and macOS, MoveFileEx on Windows).
pub(crate) fn rename_noclobber(from: &Path, to: &Path) -> io::Result<()> {
    if !from.exists() {
        return Err(io::Error::from(io::ErrorKind::NotFound));
    }
    // `TempPath` would delete `from` when dropped: keep it in every outcome.
    let path = tempfile::TempPath::try_from_path(from)?;
    match path.persist_noclobber(to) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = e.path.keep();
            Err(e.error)
        }
    }
}

/// Create `dir` (not its parents) readable by its owner only; an existing one is made so.
pub(crate) fn private_dir(dir: &Path) -> io::Result<()> {
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    match builder.create(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = fs::metadata(dir)?.permissions().mode() & 0o777;
                if mode != 0o700 {
                    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
                }
            }
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// Flush a folder's entries (new names) to disk where the platform allows it.
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Whether an error means the folder (or disk) cannot be written to.
pub(crate) fn is_read_only_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

/// An I/O error in Dutch, for messages that already name the file.
pub fn dutch_io(error: &io::Error) -> String {
    use io::ErrorKind as K;
    let text = match error.kind() {
        K::NotFound => "het bestand of de map bestaat niet",
        K::PermissionDenied => "u hebt geen toestemming",
        K::ReadOnlyFilesystem => "de map of schijf is alleen-lezen",
        K::StorageFull => "de schijf is vol",
        K::QuotaExceeded => "uw schijfruimte (quotum) is op",
        K::FileTooLarge => "het bestand is te groot",
        K::IsADirectory => "het is een map, geen bestand",
        K::NotADirectory => "een deel van het pad is geen map",
        K::AlreadyExists => "er bestaat al een bestand met die naam",
        K::InvalidFilename => "de bestandsnaam is ongeldig",
        K::ResourceBusy | K::WouldBlock => "het bestand is in gebruik",
        K::TimedOut => "het duurde te lang (netwerkschijf?)",
        K::InvalidData => "de inhoud is geen tekst",
        K::Interrupted => "de bewerking werd onderbroken",
        _ => {
            return match error.raw_os_error() {
                Some(code) => format!("systeemfout {code}"),
                None => "onbekende systeemfout".to_string(),
            };
        }
    };
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised_exactly() {
        assert!(is_temp_of(".meting.ron.aB3xZ9", "meting.ron"));
        assert!(is_temp_of(".meting.ron.bak.000000", "meting.ron.bak"));
        assert!(!is_temp_of(".meting.ron.bak.000000", "meting.ron"));
        assert!(!is_temp_of(".meting.ron.aB3xZ", "meting.ron"));
        assert!(!is_temp_of(".meting-2.ron.aB3xZ9", "meting.ron"));
        assert!(!is_temp_of("meting.ron", "meting.ron"));
        assert_eq!(temp_target(".meting.ron.aB3xZ9"), Some("meting.ron"));
        assert_eq!(temp_target(".goudenoor-cache"), None);
    }

    #[test]
    fn read_only_errors_are_recognised() {
        assert!(is_read_only_error(&io::Error::from(
            io::ErrorKind::ReadOnlyFilesystem
        )));
        assert!(is_read_only_error(&io::Error::from(
            io::ErrorKind::PermissionDenied
        )));
        assert!(!is_read_only_error(&io::Error::from(
            io::ErrorKind::NotFound
        )));
    }
}
