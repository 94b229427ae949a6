//! Short ASCII names for assessment files.

use std::path::Path;

const MAX_LEN: usize = 48;
const FALLBACK: &str = "beoordeling";

/// Lowercase ASCII letters, digits and dashes only: it can never name a path outside
/// its folder, a hidden file or a reserved name.
pub fn slugify(title: &str) -> String {
    let ascii = deunicode::deunicode(title).to_ascii_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let mut slug: String = slug.chars().take(MAX_LEN).collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        FALLBACK.to_string()
    } else {
        slug
    }
}

/// A slug for `title` that no file in `dir` uses yet.
pub fn unique_slug(dir: &Path, title: &str) -> String {
    let base = slugify(title);
    let taken = |slug: &str| dir.join(format!("{slug}.ron")).exists();
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|slug| !taken(slug))
        .expect("an unused number exists")
}

/// Whether `name` could be a slug made by `slugify` (used before joining user input to paths).
pub fn is_slug(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_LEN + 8
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !name.starts_with('-')
}
