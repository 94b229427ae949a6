//! The listing cache: a small summary per assessment file in a hidden, owner-only
//! folder, so that listing a folder with a huge workshop does not parse it each time.
//!
//! An entry is reused only when the file's name, size and modification time (and on
//! unix its inode and change time) match, the same build of goudenoor wrote it for the
//! same summary type, and the file had not changed within `RACY` before the entry was
//! made (file systems with coarse timestamps could otherwise hide a change).

use super::{Store, StoreError, files, load};
use jiff::Timestamp;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The hidden cache folder inside the data folder.
pub const CACHE_DIR: &str = ".goudenoor-cache";
/// Coarsest modification-time resolution we allow for (FAT: 2 seconds).
const RACY: Duration = Duration::from_secs(3);

/// One assessment file with its summary, or why it could not be read.
#[derive(Debug)]
pub struct CachedEntry<S> {
    pub slug: String,
    pub path: PathBuf,
    /// The assessment's last change and the summary made from it.
    pub summary: Result<(Timestamp, S), StoreError>,
}

/// What identifies one version of a file without reading it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct FileKey {
    len: u64,
    modified: (u64, u32),
    /// Inode and change time (unix only): a change time cannot be set back by hand.
    unix: Option<(u64, i64, i64)>,
}

impl FileKey {
    fn of(path: &Path) -> Option<FileKey> {
        let meta = fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        #[cfg(unix)]
        let unix = {
            use std::os::unix::fs::MetadataExt;
            Some((meta.ino(), meta.ctime(), meta.ctime_nsec()))
        };
        #[cfg(not(unix))]
        let unix = None;
        Some(FileKey {
            len: meta.len(),
            modified: (modified.as_secs(), modified.subsec_nanos()),
            unix,
        })
    }

    fn modified(&self) -> Duration {
        Duration::new(self.modified.0, self.modified.1)
    }
}

#[derive(Serialize, Deserialize)]
struct Stored<S> {
    /// The build that wrote the entry; summaries may be computed differently in another.
    build: String,
    /// The summary's type, so two kinds of summary never mix.
    kind: String,
    key: FileKey,
    /// When the file was looked at (seconds and nanoseconds since 1970).
    seen: (u64, u32),
    updated: Timestamp,
    summary: S,
}

fn build() -> String {
    format!("{} {}", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"))
}

/// A short, stable name for the summary type `S` (FNV-1a of its type name).
fn kind_id<S>() -> String {
    let hash = std::any::type_name::<S>()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    format!("{hash:016x}")
}

fn entry_path(cache: &Path, file_name: &str, kind: &str) -> PathBuf {
    cache.join(format!("{file_name}.{kind}.json"))
}

fn read_entry<S: DeserializeOwned>(path: &Path, key: &FileKey, kind: &str) -> Option<Stored<S>> {
    let bytes = fs::read(path).ok()?;
    let stored: Stored<S> = serde_json::from_slice(&bytes).ok()?;
    let seen = Duration::new(stored.seen.0, stored.seen.1);
    (stored.build == build()
        && stored.kind == kind
        && stored.key == *key
        && key.modified() + RACY < seen)
        .then_some(stored)
}

pub(super) fn list<S>(
    store: &Store,
    compute: impl Fn(&crate::domain::Assessment) -> S,
) -> Result<Vec<CachedEntry<S>>, StoreError>
where
    S: Serialize + DeserializeOwned,
{
    let slugs = store.slugs()?;
    let cache = store.dir().join(CACHE_DIR);
    let cache_ok = files::private_dir(&cache).is_ok();
    let kind = kind_id::<S>();
    let mut entries = Vec::with_capacity(slugs.len());
    for (slug, path) in slugs {
        let file_name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let entry = entry_path(&cache, &file_name, &kind);
        // Look at the file before reading it: a change after this moment changes the key.
        let seen = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let key = FileKey::of(&path);
        if let Some(key) = &key
            && cache_ok
            && let Some(stored) = read_entry::<S>(&entry, key, &kind)
        {
            entries.push(CachedEntry {
                slug,
                path,
                summary: Ok((stored.updated, stored.summary)),
            });
            continue;
        }
        let summary = load(&path).map(|a| (a.updated, compute(&a)));
        if let (Ok((updated, summary)), Some(key), true) = (&summary, key, cache_ok) {
            let stored = Stored {
                build: build(),
                kind: kind.clone(),
                key,
                seen: (seen.as_secs(), seen.subsec_nanos()),
                updated: *updated,
                summary,
            };
            if let Ok(json) = serde_json::to_vec(&stored) {
                let _ = super::write_atomically(&entry, &json);
            }
        }
        entries.push(CachedEntry {
            slug,
            path,
            summary,
        });
    }
    if cache_ok {
        prune(store, &cache);
    }
    Ok(entries)
}

/// Remove entries of files that are gone, and temporary files of killed cache writes.
fn prune(store: &Store, cache: &Path) {
    files::remove_orphans(cache);
    let Ok(read) = fs::read_dir(cache) else {
        return;
    };
    for entry in read.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        // `x.ron.<kind>.json` belongs to `x.ron`.
        let Some(file) = name
            .strip_suffix(".json")
            .and_then(|rest| rest.rsplit_once('.'))
            .map(|(file, _)| file)
        else {
            continue;
        };
        if !name.starts_with('.') && !store.dir().join(file).is_file() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Keep `summary` for the file at `path` as it is now, right after it was written: the
/// writer knows its contents, so the next listing need not read it again. Only where
/// the file's change time tells every later change apart (unix); elsewhere the next
/// listing reads the file as usual.
pub(super) fn remember<S: Serialize>(store: &Store, path: &Path, updated: Timestamp, summary: &S) {
    let Some(key) = FileKey::of(path) else {
        return;
    };
    if key.unix.is_none() {
        return;
    }
    let cache = store.dir().join(CACHE_DIR);
    if files::private_dir(&cache).is_err() {
        return;
    }
    let file_name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    // As if looked at after the racy window: the key (with inode and change time in
    // nanoseconds) still changes with any later write.
    let seen = key.modified() + RACY + Duration::from_secs(1);
    let stored = Stored {
        build: build(),
        kind: kind_id::<S>(),
        key,
        seen: (seen.as_secs(), seen.subsec_nanos()),
        updated,
        summary,
    };
    if let Ok(json) = serde_json::to_vec(&stored) {
        let _ = super::write_atomically(&entry_path(&cache, &file_name, &kind_id::<S>()), &json);
    }
}
