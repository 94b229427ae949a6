//! Persistence: where assessments live, how they are saved without ever losing an
//! answer, and how damaged files are reported. The UI never touches files directly.

mod cache;
mod check;
mod files;
mod format;
mod messages;
mod slug;

pub use cache::CachedEntry;
pub use check::locate;
pub use files::dutch_io;
pub use format::{FORMAT, ParseError, parse, parse_with, serialize};
pub use slug::{is_slug, slugify, unique_slug};

use crate::domain::Assessment;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const EXTENSION: &str = "ron";
const TRASH: &str = "prullenbak";

/// Something went wrong reading or writing a file; the message names the file.
#[derive(Debug)]
pub enum StoreError {
    /// The data directory cannot be created or read.
    DataDir {
        dir: PathBuf,
        error: io::Error,
    },
    /// The file does not exist.
    Read {
        path: PathBuf,
        error: io::Error,
    },
    /// The file exists but cannot be read (permissions, I/O): *onleesbaar*, not damaged.
    Unreadable {
        path: PathBuf,
        error: io::Error,
    },
    /// The name is a folder, not an assessment.
    IsFolder {
        path: PathBuf,
    },
    /// The file's contents are not an assessment.
    Damaged {
        path: PathBuf,
        error: ParseError,
    },
    Write {
        path: PathBuf,
        error: io::Error,
    },
    /// Another instance holds this assessment.
    Locked {
        path: PathBuf,
    },
    /// A NAME that is neither a slug in the data directory nor an existing file.
    NotFound {
        name: String,
        dir: PathBuf,
    },
    /// The handle cannot save, and why.
    ReadOnly {
        path: PathBuf,
        reason: ReadOnlyReason,
    },
}

/// Why an assessment was opened read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// Another instance of goudenoor holds the lock.
    OpenElsewhere,
    /// The folder (or disk) cannot be written to.
    FolderReadOnly,
}

impl fmt::Display for ReadOnlyReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ReadOnlyReason::OpenElsewhere => "het is al geopend in een ander venster van goudenoor",
            ReadOnlyReason::FolderReadOnly => "de map is alleen-lezen",
        })
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::DataDir { dir, error } => write!(
                f,
                "De gegevensmap {} kan niet worden aangemaakt of gelezen: {}. Kies een andere map met --data-dir of GOUDENOOR_DATA_DIR.",
                dir.display(),
                dutch_io(error)
            ),
            StoreError::Read { path, error } => write!(
                f,
                "{} kan niet worden gelezen: {}. Controleer de naam; `goudenoor list` toont wat er is.",
                path.display(),
                dutch_io(error)
            ),
            StoreError::Unreadable { path, error } => write!(
                f,
                "{} is onleesbaar: {}. Het bestand is niet gewijzigd; controleer of u het mag lezen, of verplaats het uit de map.",
                path.display(),
                dutch_io(error)
            ),
            StoreError::IsFolder { path } => write!(
                f,
                "{} is een map, geen beoordeling. Geef de naam van een beoordeling (`goudenoor list` toont ze).",
                path.display()
            ),
            StoreError::Damaged { path, error } => {
                if let ParseError::Newer { .. } = error {
                    return write!(
                        f,
                        "{}: {error}. Het bestand is niet gewijzigd.",
                        path.display()
                    );
                }
                write!(
                    f,
                    "{} is beschadigd: {error}. Het bestand is niet gewijzigd",
                    path.display()
                )?;
                let backup = backup_path(path);
                if backup.exists() {
                    write!(
                        f,
                        "; de vorige versie staat in {}: kopieer die over het bestand om verder te werken",
                        backup.display()
                    )?;
                } else {
                    write!(
                        f,
                        "; herstel het op de genoemde plek in een teksteditor, of verplaats het uit de map"
                    )?;
                }
                write!(f, ".")
            }
            StoreError::Write { path, error } if files::is_read_only_error(error) => write!(
                f,
                "Opslaan in {} kan niet: de map is alleen-lezen ({}). De laatst opgeslagen versie is intact; kies een map waarin u mag schrijven met --data-dir.",
                path.display(),
                dutch_io(error)
            ),
            StoreError::Write { path, error } => write!(
                f,
                "Opslaan in {} is mislukt: {}. De antwoorden staan nog in het geheugen; de laatst opgeslagen versie is intact.",
                path.display(),
                dutch_io(error)
            ),
            StoreError::Locked { path } => write!(
                f,
                "{} is geopend in een ander venster van goudenoor.",
                path.display()
            ),
            StoreError::NotFound { name, dir } => write!(
                f,
                "Geen beoordeling \"{name}\" gevonden in {} (en geen bestand met die naam). `goudenoor list` toont de korte namen.",
                dir.display()
            ),
            StoreError::ReadOnly { path, reason } => write!(
                f,
                "{} is alleen-lezen geopend ({reason}): wijzigingen worden niet opgeslagen.",
                path.display()
            ),
        }
    }
}

impl std::error::Error for StoreError {}

/// `report.ron` → `report.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

/// Read and parse one assessment file with the embedded instruments; the file is
/// never changed.
pub fn load(path: &Path) -> Result<Assessment, StoreError> {
    load_with(path, crate::domain::Instruments::embedded())
}

/// Read and parse one assessment file, checked against `instruments`.
pub fn load_with(
    path: &Path,
    instruments: &crate::domain::Instruments,
) -> Result<Assessment, StoreError> {
    let text = read_text(path)?;
    parse_with(&text, instruments).map_err(|error| StoreError::Damaged {
        path: path.to_path_buf(),
        error,
    })
}

/// The file's text: missing, a folder, unreadable or not UTF-8 are told apart.
fn read_text(path: &Path) -> Result<String, StoreError> {
    if path.is_dir() {
        return Err(StoreError::IsFolder {
            path: path.to_path_buf(),
        });
    }
    let bytes = fs::read(path).map_err(|error| match error.kind() {
        io::ErrorKind::NotFound => StoreError::Read {
            path: path.to_path_buf(),
            error,
        },
        io::ErrorKind::IsADirectory => StoreError::IsFolder {
            path: path.to_path_buf(),
        },
        _ => StoreError::Unreadable {
            path: path.to_path_buf(),
            error,
        },
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let column = valid.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        StoreError::Damaged {
            path: path.to_path_buf(),
            error: ParseError::Syntax {
                line,
                column,
                message: "geen tekst (geen geldige UTF-8): is dit wel een beoordeling?".into(),
            },
        }
    })
}

/// The folder with assessments.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// One file in the data directory, readable or not.
#[derive(Debug)]
pub struct Entry {
    pub slug: String,
    pub path: PathBuf,
    pub assessment: Result<Assessment, StoreError>,
}

/// Sort order of listings: readable ones by last change (newest first), then damaged ones.
fn listing_order(
    a: (&str, Result<&jiff::Timestamp, ()>),
    b: (&str, Result<&jiff::Timestamp, ()>),
) -> std::cmp::Ordering {
    match (a.1, b.1) {
        (Ok(x), Ok(y)) => y.cmp(x).then(a.0.cmp(b.0)),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.0.cmp(b.0),
    }
}

impl Store {
    /// The default data directory of this user.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("nl", "Gouden Oor", "goudenoor")
            .map(|dirs| dirs.data_dir().to_path_buf())
    }

    /// Open (and create, on first use) the data directory.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Store, StoreError> {
        let dir = dir.into();
        let existed = dir.is_dir();
        fs::create_dir_all(&dir).map_err(|error| StoreError::DataDir {
            dir: dir.clone(),
            error,
        })?;
        // A folder we create is the owner's only: even the titles are nobody else's business.
        #[cfg(unix)]
        if !existed {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).map_err(|error| {
                StoreError::DataDir {
                    dir: dir.clone(),
                    error,
                }
            })?;
        }
        #[cfg(not(unix))]
        let _ = existed;
        fs::read_dir(&dir).map_err(|error| StoreError::DataDir {
            dir: dir.clone(),
            error,
        })?;
        files::remove_orphans(&dir);
        Ok(Store { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path_of(&self, slug: &str) -> PathBuf {
        self.dir.join(format!("{slug}.{EXTENSION}"))
    }

    /// The assessment files in the folder (slug and path), without reading them; folders
    /// and hidden files are skipped.
    pub fn slugs(&self) -> Result<Vec<(String, PathBuf)>, StoreError> {
        let read = fs::read_dir(&self.dir).map_err(|error| StoreError::DataDir {
            dir: self.dir.clone(),
            error,
        })?;
        Ok(read
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == EXTENSION) && !p.is_dir())
            .map(|path| {
                let slug = path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                (slug, path)
            })
            .collect())
    }

    /// Every assessment in the folder, damaged ones included, newest change first.
    pub fn list(&self) -> Result<Vec<Entry>, StoreError> {
        let mut entries: Vec<Entry> = self
            .slugs()?
            .into_iter()
            .map(|(slug, path)| Entry {
                assessment: load(&path),
                slug,
                path,
            })
            .collect();
        entries.sort_by(|a, b| {
            listing_order(
                (
                    &a.slug,
                    a.assessment.as_ref().map(|x| &x.updated).map_err(|_| ()),
                ),
                (
                    &b.slug,
                    b.assessment.as_ref().map(|x| &x.updated).map_err(|_| ()),
                ),
            )
        });
        Ok(entries)
    }

    /// Like [`Store::list`], but with a summary per file made by `compute`, kept in a
    /// hidden cache folder so that an unchanged file is not read again. A summary is
    /// only reused for the same file name, size and modification time (and on unix
    /// inode and change time) written by the same build; a damaged cache entry is
    /// ignored and rebuilt.
    pub fn list_cached<S>(
        &self,
        compute: impl Fn(&Assessment) -> S,
    ) -> Result<Vec<CachedEntry<S>>, StoreError>
    where
        S: serde::Serialize + serde::de::DeserializeOwned,
    {
        let mut entries = cache::list(self, compute)?;
        entries.sort_by(|a, b| {
            listing_order(
                (&a.slug, a.summary.as_ref().map(|x| &x.0).map_err(|_| ())),
                (&b.slug, b.summary.as_ref().map(|x| &x.0).map_err(|_| ())),
            )
        });
        Ok(entries)
    }

    /// Keep the listing summary of an assessment just saved at `path`, so the next
    /// `list_cached` with the same summary type need not read the file again.
    pub fn remember_summary<S: serde::Serialize>(
        &self,
        path: &Path,
        updated: jiff::Timestamp,
        summary: &S,
    ) {
        cache::remember(self, path, updated, summary);
    }

    /// Save a new assessment under a fresh slug made from its title; returns the open
    /// handle. The full text is written to a temporary file first and then takes the
    /// name without overwriting anything, so a kill leaves no empty placeholder.
    pub fn create(&self, assessment: &Assessment) -> Result<Handle, StoreError> {
        let text = serialize(assessment);
        let mut slug = unique_slug(&self.dir, &assessment.title);
        let write_error = |path: &Path| {
            let path = path.to_path_buf();
            move |error| StoreError::Write { path, error }
        };
        let mut temp = tempfile::Builder::new()
            .prefix(&format!(".{slug}.{EXTENSION}."))
            .rand_bytes(6)
            .tempfile_in(&self.dir)
            .map_err(write_error(&self.path_of(&slug)))?;
        temp.write_all(text.as_bytes())
            .and_then(|()| temp.as_file().sync_all())
            .map_err(write_error(&self.path_of(&slug)))?;
        let mut attempts = 0;
        let path = loop {
            let path = self.path_of(&slug);
            match temp.persist_noclobber(&path) {
                Ok(_) => break path,
                Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists && attempts < 100 => {
                    // Another instance took the name meanwhile: take the next one.
                    attempts += 1;
                    temp = e.file;
                    slug = unique_slug(&self.dir, &assessment.title);
                }
                Err(e) => return Err(write_error(&path)(e.error)),
            }
        };
        files::sync_dir(&self.dir);
        Handle::open(&path)
    }

    /// A NAME (slug in this folder) or a FILE path.
    pub fn resolve(&self, name: &str) -> Result<PathBuf, StoreError> {
        if is_slug(name) {
            let path = self.path_of(name);
            if path.is_file() {
                return Ok(path);
            }
            if path.is_dir() {
                return Err(StoreError::IsFolder { path });
            }
        }
        let file = PathBuf::from(name);
        if file.is_file() {
            return Ok(file);
        }
        if file.is_dir() {
            return Err(StoreError::IsFolder { path: file });
        }
        Err(StoreError::NotFound {
            name: name.to_string(),
            dir: self.dir.clone(),
        })
    }

    /// Move an assessment (and its backup) to the trash folder; returns where it went.
    /// Each deletion gets its own name there, so none overwrites another.
    /// The assessments in the trash, newest first: their path and title (or the file's
    /// name when it cannot be read).
    pub fn trashed(&self) -> Vec<(PathBuf, String)> {
        let Ok(read) = fs::read_dir(self.dir.join(TRASH)) else {
            return Vec::new();
        };
        let mut found: Vec<(PathBuf, String)> = read
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == EXTENSION))
            .map(|path| {
                let title = load(&path).map(|a| a.title).unwrap_or_else(|_| {
                    path.file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned()
                });
                (path, title)
            })
            .collect();
        // The names end in the moment of deletion: newest last, so reverse.
        found.sort_by(|a, b| b.0.cmp(&a.0));
        found
    }

    /// Put an assessment from the trash back, under a short name no file uses yet (its
    /// title's, or with a number); returns where it went. Never overwrites.
    pub fn restore(&self, trashed: &Path) -> Result<PathBuf, StoreError> {
        let assessment = load(trashed)?;
        loop {
            let slug = unique_slug(&self.dir, &assessment.title);
            let target = self.path_of(&slug);
            match files::rename_noclobber(trashed, &target) {
                Ok(()) => {
                    let backup = backup_path(trashed);
                    if backup.exists() {
                        let _ = fs::remove_file(&backup);
                    }
                    return Ok(target);
                }
                // Another instance took the name meanwhile: try the next.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(error) => {
                    return Err(StoreError::Write {
                        path: trashed.to_path_buf(),
                        error,
                    });
                }
            }
        }
    }

    pub fn trash(&self, path: &Path) -> Result<PathBuf, StoreError> {
        let guard = Handle::open(path)?;
        if guard.is_read_only() {
            return Err(match guard.read_only {
                Some(ReadOnlyReason::FolderReadOnly) => StoreError::ReadOnly {
                    path: path.to_path_buf(),
                    reason: ReadOnlyReason::FolderReadOnly,
                },
                _ => StoreError::Locked {
                    path: path.to_path_buf(),
                },
            });
        }
        let trash = self.dir.join(TRASH);
        files::private_dir(&trash).map_err(|error| StoreError::Write {
            path: trash.clone(),
            error,
        })?;
        let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        let mut n = 1;
        let target = loop {
            let name = match n {
                1 => format!("{stem}-{stamp}.{EXTENSION}"),
                n => format!("{stem}-{stamp}-{n}.{EXTENSION}"),
            };
            let target = trash.join(name);
            match files::rename_noclobber(path, &target) {
                Ok(()) => break target,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
                Err(error) => {
                    return Err(StoreError::Write {
                        path: path.to_path_buf(),
                        error,
                    });
                }
            }
        };
        let backup = backup_path(path);
        if backup.exists() {
            let _ = files::rename_noclobber(&backup, &backup_path(&target));
        }
        files::remove_temps(path);
        drop(guard);
        let _ = fs::remove_file(lock_path(path));
        Ok(target)
    }
}

/// An assessment file opened for saving. Holds an exclusive lock while it lives; a
/// second instance gets a read-only handle and cannot overwrite the first one's work.
#[derive(Debug)]
pub struct Handle {
    path: PathBuf,
    lock: Option<File>,
    read_only: Option<ReadOnlyReason>,
    /// Whether this session already kept the file as it was when opened.
    backed_up: bool,
}

impl Drop for Handle {
    /// Let go of the lock explicitly: closing our descriptor alone would keep it while a
    /// process started meanwhile (between its fork and exec) still shares the file.
    fn drop(&mut self) {
        if let Some(lock) = &self.lock {
            let _ = lock.unlock();
        }
    }
}

impl Handle {
    /// Open `path`, taking the lock if no other instance has it. In a folder that
    /// cannot be written to the handle is read-only (see [`Handle::read_only_reason`]).
    /// With the lock, what a killed save left behind is removed.
    pub fn open(path: &Path) -> Result<Handle, StoreError> {
        let lock_error = |error| StoreError::Write {
            path: lock_path(path),
            error,
        };
        let mut options = File::options();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        let (lock, read_only) = match options.open(lock_path(path)) {
            Ok(lock_file) => match lock_file.try_lock() {
                Ok(()) => (Some(lock_file), None),
                Err(fs::TryLockError::WouldBlock) => (None, Some(ReadOnlyReason::OpenElsewhere)),
                Err(fs::TryLockError::Error(error)) => return Err(lock_error(error)),
            },
            Err(error) if files::is_read_only_error(&error) => {
                (None, Some(ReadOnlyReason::FolderReadOnly))
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                // The folder does not exist: say so about the file, not its lock.
                return Err(StoreError::Read {
                    path: path.to_path_buf(),
                    error,
                });
            }
            Err(error) => return Err(lock_error(error)),
        };
        if lock.is_some() {
            files::remove_temps(path);
        }
        Ok(Handle {
            path: path.to_path_buf(),
            lock,
            read_only,
            backed_up: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// Why this handle cannot save; `None` when it can.
    pub fn read_only_reason(&self) -> Option<ReadOnlyReason> {
        self.read_only
    }

    /// `Ok` when this handle can save; the reason as an error otherwise.
    pub fn writable(&self) -> Result<(), StoreError> {
        match self.read_only {
            None => Ok(()),
            Some(ReadOnlyReason::OpenElsewhere) => Err(StoreError::Locked {
                path: self.path.clone(),
            }),
            Some(reason) => Err(StoreError::ReadOnly {
                path: self.path.clone(),
                reason,
            }),
        }
    }

    pub fn load(&self) -> Result<Assessment, StoreError> {
        load(&self.path)
    }

    pub fn load_with(
        &self,
        instruments: &crate::domain::Instruments,
    ) -> Result<Assessment, StoreError> {
        load_with(&self.path, instruments)
    }

    /// Save atomically: the new text is written to a temporary file in the same
    /// folder, flushed, and renamed over the old one. The first save of this handle
    /// first keeps the file as it was when opened as the backup.
    pub fn save(&mut self, assessment: &Assessment) -> Result<(), StoreError> {
        if let Some(reason) = self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
                reason,
            });
        }
        let text = serialize(assessment);
        let write_error = |error| StoreError::Write {
            path: self.path.clone(),
            error,
        };
        if !self.backed_up {
            self.keep_backup().map_err(write_error)?;
            self.backed_up = true;
        }
        write_atomically(&self.path, text.as_bytes()).map_err(write_error)
    }

    /// Replace the backup with the current file, atomically (there is never a moment
    /// without a backup). An empty or missing file has nothing to keep.
    fn keep_backup(&self) -> io::Result<()> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        if bytes.is_empty() {
            return Ok(());
        }
        write_atomically(&backup_path(&self.path), &bytes)
    }
}

/// Write `bytes` to `path` through a flushed temporary file renamed over it, readable
/// by the owner only.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut options = atomic_write_file::AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt as _;
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
        options.preserve_mode(false);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.commit()
}
