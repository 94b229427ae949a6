//! Persistence: where assessments live, how they are saved without ever losing an
//! answer, and how damaged files are reported. The UI never touches files directly.

mod format;
mod messages;
mod slug;

pub use format::{FORMAT, ParseError, locate, parse, serialize};
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
    /// The file cannot be read (missing, permissions).
    Read {
        path: PathBuf,
        error: io::Error,
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
    ReadOnly {
        path: PathBuf,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::DataDir { dir, error } => write!(
                f,
                "De gegevensmap {} kan niet worden aangemaakt of gelezen: {error}. Kies een andere map met --data-dir of GOUDENOOR_DATA_DIR.",
                dir.display()
            ),
            StoreError::Read { path, error } => write!(
                f,
                "{} kan niet worden gelezen: {error}. Controleer of het bestand bestaat en of u het mag lezen.",
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
            StoreError::Write { path, error } => write!(
                f,
                "Opslaan in {} is mislukt: {error}. De antwoorden staan nog in het geheugen; de laatst opgeslagen versie is intact.",
                path.display()
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
            StoreError::ReadOnly { path } => write!(
                f,
                "{} is alleen-lezen geopend (het is elders in gebruik): wijzigingen worden niet opgeslagen.",
                path.display()
            ),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::DataDir { error, .. }
            | StoreError::Read { error, .. }
            | StoreError::Write { error, .. } => Some(error),
            StoreError::Damaged { error, .. } => Some(error),
            _ => None,
        }
    }
}

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
    let bytes = fs::read(path).map_err(|error| StoreError::Read {
        path: path.to_path_buf(),
        error,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| StoreError::Damaged {
        path: path.to_path_buf(),
        error: ParseError::Syntax {
            line: 1,
            column: 1,
            message: format!("geen UTF-8-tekst (byte {})", e.utf8_error().valid_up_to()),
        },
    })?;
    parse(&text, instruments).map_err(|error| StoreError::Damaged {
        path: path.to_path_buf(),
        error,
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
        fs::read_dir(&dir).map_err(|error| StoreError::DataDir {
            dir: dir.clone(),
            error,
        })?;
        Ok(Store { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path_of(&self, slug: &str) -> PathBuf {
        self.dir.join(format!("{slug}.{EXTENSION}"))
    }

    /// Every assessment in the folder, damaged ones included, newest change first.
    pub fn list(&self) -> Result<Vec<Entry>, StoreError> {
        let read = fs::read_dir(&self.dir).map_err(|error| StoreError::DataDir {
            dir: self.dir.clone(),
            error,
        })?;
        let mut entries: Vec<Entry> = read
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == EXTENSION))
            .map(|path| Entry {
                slug: path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                assessment: load(&path),
                path,
            })
            .collect();
        entries.sort_by(|a, b| match (&a.assessment, &b.assessment) {
            (Ok(x), Ok(y)) => y.updated.cmp(&x.updated).then(a.slug.cmp(&b.slug)),
            (Ok(_), Err(_)) => std::cmp::Ordering::Less,
            (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
            (Err(_), Err(_)) => a.slug.cmp(&b.slug),
        });
        Ok(entries)
    }

    /// Save a new assessment under a fresh slug made from its title; returns the open handle.
    pub fn create(&self, assessment: &Assessment) -> Result<Handle, StoreError> {
        let slug = unique_slug(&self.dir, &assessment.title);
        let path = self.path_of(&slug);
        // Claim the name first so two instances creating the same title cannot collide.
        File::options()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|error| StoreError::Write {
                path: path.clone(),
                error,
            })?;
        let mut handle = Handle::open(&path)?;
        handle.save(assessment)?;
        Ok(handle)
    }

    /// A NAME (slug in this folder) or a FILE path.
    pub fn resolve(&self, name: &str) -> Result<PathBuf, StoreError> {
        if is_slug(name) {
            let path = self.path_of(name);
            if path.is_file() {
                return Ok(path);
            }
        }
        let file = PathBuf::from(name);
        if file.is_file() {
            return Ok(file);
        }
        Err(StoreError::NotFound {
            name: name.to_string(),
            dir: self.dir.clone(),
        })
    }

    /// Move an assessment (and its backup) to the trash folder; returns where it went.
    pub fn trash(&self, path: &Path) -> Result<PathBuf, StoreError> {
        let guard = Handle::open(path)?;
        if guard.is_read_only() {
            return Err(StoreError::Locked {
                path: path.to_path_buf(),
            });
        }
        let trash = self.dir.join(TRASH);
        fs::create_dir_all(&trash).map_err(|error| StoreError::Write {
            path: trash.clone(),
            error,
        })?;
        let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        let target = trash.join(format!("{stem}-{stamp}.{EXTENSION}"));
        fs::rename(path, &target).map_err(|error| StoreError::Write {
            path: path.to_path_buf(),
            error,
        })?;
        let backup = backup_path(path);
        if backup.exists() {
            let _ = fs::rename(&backup, backup_path(&target));
        }
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
}

impl Handle {
    /// Open `path`, taking the lock if no other instance has it.
    pub fn open(path: &Path) -> Result<Handle, StoreError> {
        let lock_file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(lock_path(path))
            .map_err(|error| StoreError::Write {
                path: lock_path(path),
                error,
            })?;
        let lock = match lock_file.try_lock() {
            Ok(()) => Some(lock_file),
            Err(fs::TryLockError::WouldBlock) => None,
            Err(fs::TryLockError::Error(error)) => {
                return Err(StoreError::Write {
                    path: lock_path(path),
                    error,
                });
            }
        };
        Ok(Handle {
            path: path.to_path_buf(),
            lock,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_read_only(&self) -> bool {
        self.lock.is_none()
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

    /// Why this handle cannot save, in a sentence for the user.
    pub fn read_only_reason(&self) -> Option<String> {
        self.is_read_only().then(|| {
            "Alleen-lezen: deze beoordeling is al geopend in een ander venster; wijzigingen worden niet opgeslagen."
                .to_string()
        })
    }

    /// Save atomically: the previous version becomes the backup, the new one is written
    /// to a temporary file in the same folder, flushed, and renamed over the old one.
    pub fn save(&mut self, assessment: &Assessment) -> Result<(), StoreError> {
        if self.is_read_only() {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        let text = serialize(assessment);
        let write_error = |error| StoreError::Write {
            path: self.path.clone(),
            error,
        };
        self.keep_backup().map_err(write_error)?;
        let mut options = atomic_write_file::AtomicWriteFile::options();
        #[cfg(unix)]
        {
            use atomic_write_file::unix::OpenOptionsExt as _;
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
            options.preserve_mode(false);
        }
        let mut file = options.open(&self.path).map_err(write_error)?;
        file.write_all(text.as_bytes()).map_err(write_error)?;
        file.commit().map_err(write_error)
    }

    /// Hard-link the current file as the backup (a copy where links are not supported),
    /// so the backup never exists half-written.
    fn keep_backup(&self) -> io::Result<()> {
        let meta = match fs::metadata(&self.path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        if meta.len() == 0 {
            // The placeholder made by `create`; nothing to keep.
            return Ok(());
        }
        let backup = backup_path(&self.path);
        match fs::remove_file(&backup) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        if fs::hard_link(&self.path, &backup).is_err() {
            fs::copy(&self.path, &backup)?;
        }
        Ok(())
    }
}
