//! Files goudenoor writes on request (reports, comparisons, blank answer sheets): never
//! over an existing file without `--force`, never through a symbolic link, never over a
//! file the data folder's store owns, and readable by the owner only. Also the Dutch
//! wording of operating-system errors shown to users.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What a write must not touch besides existing files and links.
#[derive(Debug, Clone, Default)]
pub struct Protected {
    /// The data folder: its assessments (`*.ron`), their backups and locks, and its trash.
    pub data_dir: Option<PathBuf>,
    /// Files the output is made from (e.g. an assessment opened by path).
    pub sources: Vec<PathBuf>,
}

/// The store's trash folder inside the data folder (see `crate::store`).
const TRASH: &str = "prullenbak";

/// Names the store uses for its own files.
fn store_owned_name(name: &str) -> bool {
    let name = name.to_lowercase();
    [".ron", ".ron.bak", ".ron.lock"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// `path` made absolute with its folder's links resolved (the file itself may not exist).
fn resolved(path: &Path) -> io::Result<PathBuf> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
    Ok(fs::canonicalize(parent)?.join(name))
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// Why `target` (resolved) may not be written, if it is the store's or a source's.
fn protected_reason(
    path: &Path,
    target: &Path,
    existing: Option<&fs::Metadata>,
    protect: &Protected,
) -> Option<String> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some(dir) = protect
        .data_dir
        .as_deref()
        .and_then(|d| fs::canonicalize(d).ok())
    {
        let folder = target.parent().unwrap_or(Path::new(""));
        let in_data_dir = folder == dir || folder.starts_with(dir.join(TRASH));
        if in_data_dir && store_owned_name(&name) {
            return Some(format!(
                "{} ligt in de gegevensmap {} en is (of wordt) daar een beoordeling; goudenoor schrijft er nooit een rapport of blad overheen. Kies een andere map of een naam zonder .ron.",
                path.display(),
                dir.display()
            ));
        }
        // A hard link or another name for one of the store's files.
        if let Some(meta) = existing
            && let Ok(entries) = fs::read_dir(&dir)
        {
            for entry in entries.flatten() {
                let owned = store_owned_name(&entry.file_name().to_string_lossy());
                if owned
                    && let Ok(other) = entry.metadata()
                    && same_file(meta, &other)
                {
                    return Some(format!(
                        "{} is hetzelfde bestand als de beoordeling {}; goudenoor schrijft er nooit een rapport of blad overheen. Kies een andere naam.",
                        path.display(),
                        entry.path().display()
                    ));
                }
            }
        }
    }
    for source in &protect.sources {
        let same = match (existing, fs::metadata(source)) {
            (Some(meta), Ok(other)) => same_file(meta, &other),
            _ => false,
        } || fs::canonicalize(source).is_ok_and(|s| s == target);
        if same {
            return Some(format!(
                "{} is de beoordeling waar deze uitvoer van gemaakt wordt; goudenoor schrijft er nooit overheen. Kies een andere naam.",
                path.display()
            ));
        }
    }
    None
}

/// Write `contents` to a new file at `path`, readable by the owner only (0600 on unix).
///
/// Refuses, with a Dutch message naming the file: a symbolic link (also with `force`), a
/// folder, an existing file unless `force`, and any file `protect` covers (also with
/// `force`). With `force` an existing file is replaced atomically, never written through.
pub fn write_file(
    path: &Path,
    contents: &[u8],
    force: bool,
    protect: &Protected,
) -> Result<(), String> {
    let existing = match fs::symlink_metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(format!(
                "{} kan niet worden geschreven: {}.",
                path.display(),
                io_error_nl(&e)
            ));
        }
    };
    if let Some(meta) = &existing {
        if meta.file_type().is_symlink() {
            return Err(format!(
                "{} is een symbolische koppeling; goudenoor schrijft nooit via een koppeling (ook niet met --force). Geef het pad van een gewoon bestand op.",
                path.display()
            ));
        }
        if meta.is_dir() {
            return Err(format!(
                "{} is een map; geef een bestandsnaam op, bijv. {}.",
                path.display(),
                path.join("rapport.txt").display()
            ));
        }
    }
    let target = resolved(path).map_err(|e| {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        format!(
            "{} kan niet worden geschreven: de map {}: {}. Maak de map eerst aan of kies een andere.",
            path.display(),
            folder.display(),
            io_error_nl(&e)
        )
    })?;
    if let Some(reason) = protected_reason(path, &target, existing.as_ref(), protect) {
        return Err(reason);
    }
    let write_error = |e: io::Error| {
        format!(
            "{} kan niet worden geschreven: {}.",
            path.display(),
            io_error_nl(&e)
        )
    };
    if existing.is_some() {
        if !force {
            return Err(format!(
                "{} bestaat al; er wordt niets overschreven. Kies een andere naam, of voeg --force toe om het te vervangen.",
                path.display()
            ));
        }
        // A new file renamed over the old one: a link put there meanwhile is replaced,
        // never followed, and the result is the owner's only.
        #[cfg(unix)]
        let options = {
            use atomic_write_file::unix::OpenOptionsExt as _;
            use std::os::unix::fs::OpenOptionsExt as _;
            let mut options = atomic_write_file::AtomicWriteFile::options();
            options.mode(0o600);
            options.preserve_mode(false);
            options
        };
        #[cfg(not(unix))]
        let options = atomic_write_file::AtomicWriteFile::options();
        let mut file = options.open(&target).map_err(write_error)?;
        file.write_all(contents).map_err(write_error)?;
        return file.commit().map_err(write_error);
    }
    let mut options = OpenOptions::new();
    // create_new refuses any existing name, a (dangling) link included.
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            format!(
                "{} bestaat al; er wordt niets overschreven. Kies een andere naam, of voeg --force toe om het te vervangen.",
                path.display()
            )
        } else {
            write_error(e)
        }
    })?;
    if let Err(e) = file.write_all(contents).and_then(|()| file.sync_all()) {
        drop(file);
        let _ = fs::remove_file(path);
        return Err(write_error(e));
    }
    Ok(())
}

/// An operating-system error in Dutch, for messages users see, e.g. "bestand of map
/// bestaat niet" for `NotFound`.
pub fn io_error_nl(error: &io::Error) -> String {
    use io::ErrorKind as K;
    let text = match error.kind() {
        K::NotFound => "bestand of map bestaat niet",
        K::PermissionDenied => "geen toestemming (controleer de rechten op het bestand en de map)",
        K::AlreadyExists => "bestaat al",
        K::IsADirectory => "is een map, geen bestand",
        K::NotADirectory => "een deel van het pad is geen map",
        K::DirectoryNotEmpty => "de map is niet leeg",
        K::StorageFull => "de schijf is vol",
        K::QuotaExceeded => "uw schijfruimte (quotum) is op",
        K::ReadOnlyFilesystem => "de schijf is alleen-lezen",
        K::FileTooLarge => "het bestand is te groot",
        K::InvalidFilename => "ongeldige bestandsnaam (te lang of met tekens die niet mogen)",
        K::ResourceBusy | K::ExecutableFileBusy => "het bestand is in gebruik",
        K::CrossesDevices => "kan niet tussen schijven worden verplaatst",
        K::TooManyLinks => "te veel koppelingen naar dit bestand",
        K::StaleNetworkFileHandle => "de netwerkschijf is niet meer bereikbaar",
        K::Interrupted => "onderbroken",
        K::TimedOut => "duurde te lang",
        K::BrokenPipe => "de uitvoer is gesloten door het ontvangende programma",
        K::UnexpectedEof => "het bestand houdt onverwacht op",
        K::InvalidData => "ongeldige gegevens (geen leesbare tekst)",
        K::InvalidInput => "ongeldige naam of invoer",
        K::OutOfMemory => "te weinig geheugen",
        K::Unsupported => "wordt niet ondersteund op dit systeem",
        K::WriteZero => "er kon niets worden geschreven",
        _ => {
            return match error.raw_os_error() {
                // ELOOP on Linux and the BSDs: a link where none may be.
                Some(40) if cfg!(target_os = "linux") => {
                    "het pad is een symbolische koppeling of een kring van koppelingen".into()
                }
                Some(code) => format!("onverwachte systeemfout (code {code})"),
                None => "onverwachte systeemfout".into(),
            };
        }
    };
    text.to_string()
}
