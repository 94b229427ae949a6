//! Saves never lose an answer: round trips, damaged files, versions, paths, locks, crashes.

use goudenoor::domain::{Assessment, Instruments, Level, Status, default_instruments};
use goudenoor::fixtures::{fixed_time, sample_assessment};
use goudenoor::store::{
    FORMAT, Handle, ParseError, ReadOnlyReason, Store, StoreError, backup_path, load, parse,
    slugify,
};
use proptest::prelude::*;
use std::fs;
use std::path::Path;

fn instruments() -> &'static Instruments {
    Instruments::embedded()
}

fn new_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("data")).unwrap();
    (dir, store)
}

fn solo(title: &str) -> Assessment {
    Assessment::new(
        title,
        "Org",
        instruments(),
        &default_instruments(),
        fixed_time(),
    )
}

#[test]
fn full_assessment_round_trips() {
    let (_dir, store) = new_store();
    let assessment = sample_assessment(instruments(), 12);
    let handle = store.create(&assessment).unwrap();
    assert_eq!(load(handle.path()).unwrap(), assessment);
}

#[test]
fn data_dir_is_created_on_first_use() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b/c");
    Store::open(&nested).unwrap();
    assert!(nested.is_dir());
}

#[cfg(unix)]
#[test]
fn a_data_dir_we_create_is_owner_only_and_an_existing_one_is_left_as_it_is() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("nieuw");
    Store::open(&new).unwrap();
    assert_eq!(
        fs::metadata(&new).unwrap().permissions().mode() & 0o777,
        0o700
    );
    let shared = dir.path().join("gedeeld");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o750)).unwrap();
    Store::open(&shared).unwrap();
    assert_eq!(
        fs::metadata(&shared).unwrap().permissions().mode() & 0o777,
        0o750
    );
}

#[test]
fn data_dir_that_cannot_be_created_names_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    fs::write(&file, "x").unwrap();
    let err = Store::open(file.join("sub")).unwrap_err();
    assert!(matches!(err, StoreError::DataDir { .. }));
    assert!(err.to_string().contains("not-a-dir"), "{err}");
}

#[test]
fn old_format_one_file_keeps_loading() {
    let assessment = load(Path::new("tests/fixtures/assessments/format1.ron")).unwrap();
    assert_eq!(assessment.title, "Eerste meting");
    assert_eq!(assessment.respondents.len(), 1);
    let answers = &assessment.respondents[0].answers;
    let go = answers.of("gouden-oor");
    assert_eq!(go.level("go1"), Level::new(2));
    assert_eq!(go.ambition("go1"), Level::new(3));
    assert_eq!(go.note("go1"), "Klachten via de post");
    let stv = answers.of("stv-kfm");
    assert_eq!(stv.status("I.2"), Status::Met);
    assert_eq!(stv.status("II.2"), Status::NotMet);
    // The old response percentage is now the measurement item IV.4.pct.
    assert_eq!(stv.number("IV.4.pct"), Some(91.0));
    assert_eq!(assessment.instruments[1].id, "stv-kfm");
}

#[test]
fn format_two_workshop_file_keeps_loading() {
    let assessment = load(Path::new("tests/fixtures/assessments/format2.ron")).unwrap();
    assert_eq!(assessment.title, "Workshop MT");
    assert_eq!(assessment.respondents.len(), 4);
    assert_eq!(assessment.respondents[1].name, "Bert");
    assert_eq!(
        assessment.agreed.of("gouden-oor").level("go4"),
        Level::new(2)
    );
    assert_eq!(assessment.series, None);
}

#[test]
fn format_three_file_with_a_series_keeps_loading() {
    let assessment = load(Path::new("tests/fixtures/assessments/format3.ron")).unwrap();
    assert_eq!(assessment.title, "Tweede meting (ronde 2)");
    assert_eq!(assessment.respondents.len(), 2);
    let anna = &assessment.respondents[0].answers;
    assert_eq!(anna.of("gouden-oor").level("go1"), Level::new(3));
    assert_eq!(anna.of("gouden-oor").ambition("go1"), Level::new(4));
    assert_eq!(anna.of("gouden-oor").note("go1"), "Nu ook via de chat");
    assert_eq!(anna.of("stv-kfm").number("IV.4.pct"), Some(88.0));
    assert!(anna.of("stv-kfm").is_met("IV.4"));
    let bert = &assessment.respondents[1].answers;
    assert_eq!(bert.of("stv-kfm").number("IV.4.pct"), None);
    assert_eq!(
        assessment.agreed.of("gouden-oor").level("go1"),
        Level::new(3)
    );
    assert_eq!(
        assessment.agreed.of("stv-kfm").status("I.2"),
        Status::NotMet
    );
    assert_eq!(
        assessment.series,
        Some(goudenoor::domain::Series {
            id: "reeks-1740823200000000000".into(),
            round: 2
        })
    );
    assert!(assessment.facts.is_empty() && assessment.actions.is_empty());
    // Saved again, it is format 4 and reads back the same.
    let (_dir, store) = new_store();
    let handle = store.create(&assessment).unwrap();
    assert_eq!(load(handle.path()).unwrap(), assessment);
}

#[test]
fn old_formats_are_checked_like_the_current_one() {
    let text = fs::read_to_string("tests/fixtures/assessments/format3.ron")
        .unwrap()
        .replacen("\"go2\": (level: Some(2))", "\"go2\": (level: Some(7))", 1);
    let err = parse(&text).unwrap_err().to_string();
    assert!(err.contains("niveau 7 bestaat niet"), "{err}");
    assert!(err.contains("Anna"), "{err}");
    assert!(
        err.contains(&format!("regel {}, kolom 11", line_of(&text, "\"go2\""))),
        "{err}"
    );
    let text = fs::read_to_string("tests/fixtures/assessments/format3.ron")
        .unwrap()
        .replacen("\"go2\"", "\"go1\"", 1);
    let err = parse(&text).unwrap_err().to_string();
    assert!(err.contains("\"go1\" staat er twee keer in"), "{err}");
}

#[test]
fn a_format_four_file_with_every_instrument_round_trips() {
    let all: Vec<String> = instruments().iter().map(|i| i.id.clone()).collect();
    let mut assessment = goudenoor::fixtures::sample_assessment_with(instruments(), &all, 3);
    let facts = assessment.facts.of_mut("businesscase");
    facts.set_number("bc.klanten", Some(2500.0));
    facts.set_number("bc.kpi_klaagt_pct", Some(37.5));
    assessment.facts.of_mut("klachtenprocedure").set(
        "kp.klachtverantwoordelijke",
        goudenoor::domain::Answer::Text("Jan \"de\" Vries\n".into()),
    );
    assessment.actions.push(goudenoor::domain::Action {
        what: "Klachtenprocedure vaststellen".into(),
        items: vec!["kp.stappenplan".into(), "go1".into()],
        owner: "Directie".into(),
        deadline: Some("2027-01-31".parse().unwrap()),
        status: goudenoor::domain::ActionStatus::Bezig,
        note: String::new(),
        from_round: None,
    });
    let (_dir, store) = new_store();
    let handle = store.create(&assessment).unwrap();
    assert_eq!(load(handle.path()).unwrap(), assessment);
    // An action naming an item that does not exist is refused.
    let text = fs::read_to_string(handle.path()).unwrap().replacen(
        "\"kp.stappenplan\"",
        "\"kp.stapenplan\"",
        1,
    );
    let message = assert_damaged_and_unchanged(&store, "actie", text.as_bytes());
    assert!(message.contains("kp.stapenplan"), "{message}");
}

#[test]
fn series_round_trips() {
    let (_dir, store) = new_store();
    let mut assessment = solo("Ronde");
    assessment.series = Some(goudenoor::domain::Series {
        id: "reeks-1".into(),
        round: 2,
    });
    let handle = store.create(&assessment).unwrap();
    assert_eq!(load(handle.path()).unwrap().series, assessment.series);
}

#[test]
fn saving_a_migrated_file_writes_the_current_format() {
    let (_dir, store) = new_store();
    let old = load(Path::new("tests/fixtures/assessments/format1.ron")).unwrap();
    let handle = store.create(&old).unwrap();
    let text = fs::read_to_string(handle.path()).unwrap();
    assert!(text.contains(&format!("format: {FORMAT}")), "{text}");
    assert_eq!(load(handle.path()).unwrap(), old);
}

fn write_damaged(store: &Store, slug: &str, text: &[u8]) -> std::path::PathBuf {
    let path = store.path_of(slug);
    fs::write(&path, text).unwrap();
    path
}

fn assert_damaged_and_unchanged(store: &Store, slug: &str, text: &[u8]) -> String {
    let path = write_damaged(store, slug, text);
    let err = load(&path).unwrap_err();
    let message = err.to_string();
    assert!(matches!(err, StoreError::Damaged { .. }), "{message}");
    assert!(message.contains(&format!("{slug}.ron")), "{message}");
    assert!(message.contains("niet gewijzigd"), "{message}");
    // Listing still works, and shows the broken file.
    let entries = store.list().unwrap();
    let entry = entries.iter().find(|e| e.slug == slug).unwrap();
    assert!(entry.assessment.is_err());
    assert_eq!(fs::read(&path).unwrap(), text, "file left byte for byte");
    message
}

#[test]
fn truncated_file_is_reported_with_position() {
    let (_dir, store) = new_store();
    store.create(&solo("Goed")).unwrap();
    let full = serialize_sample();
    let truncated = &full.as_bytes()[..full.len() / 2];
    let message = assert_damaged_and_unchanged(&store, "afgekapt", truncated);
    assert!(message.contains("regel "), "{message}");
    assert!(
        message.contains("verplaats het uit de map"),
        "says what to do: {message}"
    );
    // The good one is still listed and readable.
    assert!(
        store
            .list()
            .unwrap()
            .iter()
            .any(|e| e.slug == "goed" && e.assessment.is_ok())
    );
}

fn serialize_sample() -> String {
    goudenoor::store::serialize(&sample_assessment(instruments(), 2))
}

#[test]
fn garbage_file_is_reported() {
    let (_dir, store) = new_store();
    assert_damaged_and_unchanged(&store, "rommel", b"\x00\xff\xfe garbage {{{");
    assert_damaged_and_unchanged(&store, "tekst", b"dit is geen beoordeling");
}

#[test]
fn wrong_types_are_reported_with_line_and_column() {
    let (_dir, store) = new_store();
    let text = serialize_sample().replacen("title: \"Nulmeting klantenservice\"", "title: 42", 1);
    let message = assert_damaged_and_unchanged(&store, "types", text.as_bytes());
    assert!(message.contains("regel 3"), "{message}");
}

#[test]
fn level_out_of_range_is_reported() {
    let (_dir, store) = new_store();
    let text = serialize_sample().replacen("value: Some(1)", "value: Some(9)", 1);
    let message = assert_damaged_and_unchanged(&store, "niveau", text.as_bytes());
    assert!(message.contains("niveau 9"), "{message}");
}

#[test]
fn missing_fields_are_reported() {
    let (_dir, store) = new_store();
    let text = serialize_sample().replacen("  title: \"Nulmeting klantenservice\",\n", "", 1);
    let message = assert_damaged_and_unchanged(&store, "zonder-titel", text.as_bytes());
    assert!(message.contains("title"), "{message}");
    let message = assert_damaged_and_unchanged(&store, "zonder-formaat", b"(title: \"x\")");
    assert!(message.contains("format"), "{message}");
}

#[test]
fn newer_format_is_refused_and_left_alone() {
    let (_dir, store) = new_store();
    let newer = FORMAT + 1;
    let text =
        serialize_sample().replacen(&format!("format: {FORMAT}"), &format!("format: {newer}"), 1);
    let message = assert_damaged_and_unchanged(&store, "nieuwer", text.as_bytes());
    assert!(message.contains("nieuwere versie"), "{message}");
    assert!(matches!(parse(&text), Err(ParseError::Newer { found }) if found == newer));
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = new_store();
    let handle = store.create(&solo("Geheim")).unwrap();
    fs::set_permissions(handle.path(), fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(handle.path()).is_ok() {
        // Running as root: permissions do not stop reading; nothing to test here.
        return;
    }
    let err = load(handle.path()).unwrap_err();
    assert!(matches!(err, StoreError::Unreadable { .. }));
    assert!(err.to_string().contains("geheim.ron"));
}

#[test]
fn unreadable_path_is_reported() {
    let err = load(Path::new("/nonexistent/nowhere.ron")).unwrap_err();
    assert!(matches!(err, StoreError::Read { .. }));
    assert!(err.to_string().contains("nowhere.ron"));
}

#[test]
fn a_damaged_file_with_a_backup_points_to_it() {
    let (_dir, store) = new_store();
    let mut assessment = solo("Hersteld");
    let mut handle = store.create(&assessment).unwrap();
    assessment.note = "tweede".into();
    handle.save(&assessment).unwrap();
    let path = handle.path().to_path_buf();
    drop(handle);
    fs::write(&path, "(format: 3, title: ").unwrap();
    let message = load(&path).unwrap_err().to_string();
    assert!(
        message.contains("hersteld.ron.bak") && message.contains("kopieer"),
        "{message}"
    );
}

#[test]
fn save_keeps_previous_version_as_backup() {
    let (_dir, store) = new_store();
    let mut assessment = solo("Backup");
    let mut handle = store.create(&assessment).unwrap();
    let first = fs::read(handle.path()).unwrap();
    assessment.note = "tweede versie".into();
    handle.save(&assessment).unwrap();
    assert_eq!(fs::read(backup_path(handle.path())).unwrap(), first);
    assert_eq!(load(handle.path()).unwrap().note, "tweede versie");
}

#[cfg(unix)]
#[test]
fn saved_files_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = new_store();
    let mut assessment = solo("Privé");
    let mut handle = store.create(&assessment).unwrap();
    assessment.note = "x".into();
    handle.save(&assessment).unwrap();
    for path in [handle.path().to_path_buf(), backup_path(handle.path())] {
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", path.display());
    }
}

#[test]
fn slugs_are_lowercase_ascii_with_dashes() {
    assert_eq!(
        slugify("Nulmeting Klantenservice 2026"),
        "nulmeting-klantenservice-2026"
    );
    assert_eq!(slugify("Één café à la carte"), "een-cafe-a-la-carte");
    assert_eq!(slugify("  --  "), "beoordeling");
    assert_eq!(slugify("🎉"), "tada");
    assert_eq!(slugify(""), "beoordeling");
}

#[test]
fn slugs_are_unique_in_the_folder() {
    let (_dir, store) = new_store();
    let a = store.create(&solo("Meting")).unwrap();
    let b = store.create(&solo("Meting")).unwrap();
    let c = store.create(&solo("meting!")).unwrap();
    let names: Vec<String> = [a, b, c]
        .iter()
        .map(|h| h.path().file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["meting.ron", "meting-2.ron", "meting-3.ron"]);
}

#[test]
fn hostile_titles_never_write_outside_the_data_dir() {
    let (dir, store) = new_store();
    let titles = [
        "../../etc/passwd",
        "/absolute/path",
        "..",
        ".",
        ".verborgen",
        "a/b\\c",
        "quote \"'` and NUL \0 and \x1b[31m escape",
        "con",
        "ünïcødé 🎉 ✓",
        "\n\t\r",
    ];
    for title in titles {
        let handle = store.create(&solo(title)).unwrap();
        assert_eq!(handle.path().parent().unwrap(), store.dir(), "{title:?}");
        let name = handle
            .path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(!name.starts_with('.'), "{name}");
        assert_eq!(load(handle.path()).unwrap().title, title);
    }
    // Nothing appeared beside the data folder.
    let outside: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(outside.len(), 1);
}

#[test]
fn resolve_refuses_path_escape_names() {
    let (_dir, store) = new_store();
    store.create(&solo("Echt")).unwrap();
    assert!(store.resolve("echt").is_ok());
    assert!(matches!(
        store.resolve("../echt"),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.resolve("bestaat-niet"),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn second_handle_is_read_only_until_the_first_closes() {
    let (_dir, store) = new_store();
    let mut assessment = solo("Samen");
    let first = store.create(&assessment).unwrap();
    let mut second = Handle::open(first.path()).unwrap();
    assert!(!first.is_read_only());
    assert!(second.is_read_only());
    assessment.note = "van de tweede".into();
    let err = second.save(&assessment).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }));
    assert_eq!(load(first.path()).unwrap().note, "");
    let path = first.path().to_path_buf();
    drop(first);
    drop(second);
    let third = Handle::open(&path).unwrap();
    assert!(!third.is_read_only());
}

#[test]
fn trash_moves_the_file_and_keeps_it() {
    let (_dir, store) = new_store();
    let handle = store.create(&solo("Weg")).unwrap();
    let path = handle.path().to_path_buf();
    drop(handle);
    let target = store.trash(&path).unwrap();
    assert!(!path.exists());
    assert_eq!(load(&target).unwrap().title, "Weg");
    assert!(store.list().unwrap().is_empty());
}

#[test]
fn trash_refuses_an_assessment_open_elsewhere() {
    let (_dir, store) = new_store();
    let handle = store.create(&solo("Open")).unwrap();
    assert!(matches!(
        store.trash(handle.path()),
        Err(StoreError::Locked { .. })
    ));
    assert!(handle.path().exists());
}

// ---------------------------------------------------------------- crash test

const CHILD_ENV: &str = "GOUDENOOR_CRASH_CHILD_FILE";

/// Not a test on its own: the body of the child process of `kill_during_save_never_loses_a_state`.
#[test]
fn crash_child_saves_in_a_loop() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut handle = Handle::open(Path::new(&path)).unwrap();
    let mut assessment = sample_assessment(instruments(), 3);
    for n in 0u64.. {
        assessment.note = format!("state {n}");
        handle.save(&assessment).unwrap();
        println!("saved {n}");
    }
}

#[cfg(unix)]
#[test]
fn kill_during_save_never_loses_a_state() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    use std::time::Duration;

    let (_dir, store) = new_store();
    let path = store
        .create(&sample_assessment(instruments(), 3))
        .unwrap()
        .path()
        .to_path_buf();
    let exe = std::env::current_exe().unwrap();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for round in 0..100 {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "crash_child_saves_in_a_loop",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(n) = line.strip_prefix("saved ") {
                    let _ = tx.send(n.parse::<u64>().unwrap());
                }
            }
        });
        // Wait for the first save, then a pseudo-random while, then SIGKILL.
        let first = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("child saves");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(seed % 20_000));
        child.kill().unwrap();
        child.wait().unwrap();
        reader.join().unwrap();
        let last = rx.try_iter().last().unwrap_or(first);
        let saved = load(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
        let n: u64 = saved.note.strip_prefix("state ").unwrap().parse().unwrap();
        assert!(
            n == last || n == last + 1,
            "round {round}: file holds state {n}, last reported {last}"
        );
    }
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        prop_assert!(parse(&text).is_err());
    }

    #[test]
    fn arbitrary_text_in_a_real_file_never_panics(
        prefix in 0usize..4000,
        junk in "[ -~]{0,40}",
    ) {
        let full = serialize_sample();
        let cut = prefix.min(full.len());
        let text = format!("{}{}", &full[..full.floor_char_boundary(cut)], junk);
        let _ = parse(&text);
    }
}

// ------------------------------------------------------- strict loading (trust 6)

/// The 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} in text"));
    text[..at].matches('\n').count() + 1
}

#[test]
fn a_misspelt_field_is_refused_with_file_line_and_field() {
    let (_dir, store) = new_store();
    for (from, to, slug) in [
        ("answers:", "answErs:", "answers"),
        ("status:", "stctus:", "status"),
        ("title:", "titel:", "titel"),
        ("value:", "valeu:", "value"),
        ("id: \"gouden-oor\"", "idd: \"gouden-oor\"", "instrument"),
    ] {
        let text = serialize_sample().replacen(from, to, 1);
        let message = assert_damaged_and_unchanged(&store, slug, text.as_bytes());
        let field = to.split(':').next().unwrap();
        assert!(message.contains(&format!("\"{field}\"")), "{message}");
        assert!(message.contains("onbekend veld"), "{message}");
        let line = line_of(&text, to);
        assert!(message.contains(&format!("regel {line},")), "{message}");
    }
}

#[test]
fn a_misspelt_field_in_a_format_one_file_is_refused() {
    let text = fs::read_to_string("tests/fixtures/assessments/format1.ron")
        .unwrap()
        .replacen("response_pct", "respons_pct", 1);
    let err = parse(&text).unwrap_err().to_string();
    assert!(err.contains("respons_pct"), "{err}");
}

#[test]
fn an_unknown_item_id_is_refused_with_its_position() {
    let (_dir, store) = new_store();
    let text = serialize_sample().replacen("\"go7\"", "\"Go7\"", 1);
    let message = assert_damaged_and_unchanged(&store, "id", text.as_bytes());
    assert!(message.contains("\"Go7\""), "{message}");
    let line = line_of(&text, "\"Go7\"");
    assert!(
        message.contains(&format!("regel {line}, kolom 11")),
        "{message}"
    );

    // In the second respondent, and a criterion.
    let full = serialize_sample();
    let second = full.find("Deelnemer 2").unwrap();
    let text = format!(
        "{}{}",
        &full[..second],
        full[second..].replacen("\"III.2\"", "\"III.99\"", 1)
    );
    let message = assert_damaged_and_unchanged(&store, "criterium", text.as_bytes());
    assert!(
        message.contains("III.99") && message.contains("Deelnemer 2"),
        "{message}"
    );
    let line = line_of(&text, "\"III.99\"");
    assert!(message.contains(&format!("regel {line},")), "{message}");
}

#[test]
fn values_out_of_range_are_refused() {
    let (_dir, store) = new_store();
    let full = serialize_sample();
    let text = full.replacen(
        "\"IV.4.pct\": Number(88.0)",
        "\"IV.4.pct\": Number(255.0)",
        1,
    );
    assert_ne!(text, full);
    let message = assert_damaged_and_unchanged(&store, "procent", text.as_bytes());
    assert!(message.contains("255"), "{message}");
    assert!(message.contains("IV.4.pct"), "{message}");
    let line = line_of(&text, "Number(255.0)");
    assert!(
        message.contains(&format!("regel {line}, kolom 11")),
        "{message}"
    );

    let text = full.replacen("status: Met", "status: Misschien", 1);
    let message = assert_damaged_and_unchanged(&store, "status", text.as_bytes());
    assert!(message.contains("\"Misschien\""), "{message}");
    assert!(
        message.contains(&format!("regel {},", line_of(&text, "Misschien"))),
        "{message}"
    );

    let text = full.replacen("value: Some(1)", "value: Some(300)", 1);
    let message = assert_damaged_and_unchanged(&store, "te-groot", text.as_bytes());
    assert!(message.contains("te groot"), "{message}");
}

#[test]
fn a_level_beyond_the_grid_is_refused_at_its_item() {
    let (_dir, store) = new_store();
    let full = serialize_sample();
    // go3 of the first respondent is the first Some(3); the grid has four levels.
    let go3 = full.find("\"go3\"").unwrap();
    let text = format!(
        "{}{}",
        &full[..go3],
        full[go3..].replacen("value: Some(3)", "value: Some(9)", 1)
    );
    let message = assert_damaged_and_unchanged(&store, "negen", text.as_bytes());
    assert!(message.contains("niveau 9 bestaat niet"), "{message}");
    assert!(message.contains("go3"), "{message}");
    assert!(message.contains("Deelnemer 1"), "{message}");
    assert!(
        message.contains(&format!("regel {}, kolom 11", line_of(&text, "\"go3\""))),
        "{message}"
    );
}

#[test]
fn an_unknown_instrument_is_refused_with_its_position() {
    let (_dir, store) = new_store();
    let full = serialize_sample();
    let text = full.replacen("id: \"stv-kfm\"", "id: \"stv-kfm2\"", 1);
    let message = assert_damaged_and_unchanged(&store, "instrument", text.as_bytes());
    assert!(message.contains("\"stv-kfm2\""), "{message}");
    assert!(message.contains("onbekend"), "{message}");
    let line = line_of(&text, "\"stv-kfm2\"");
    assert!(message.contains(&format!("regel {line},")), "{message}");

    // Answers for an instrument the assessment does not include.
    let text = full.replacen("\"stv-kfm\": {", "\"ikm\": {", 1);
    assert_ne!(text, full);
    let message = assert_damaged_and_unchanged(&store, "niet-gekozen", text.as_bytes());
    assert!(message.contains("\"ikm\" hoort niet bij"), "{message}");
    let line = line_of(&text, "\"ikm\"");
    assert!(
        message.contains(&format!("regel {line}, kolom 9")),
        "{message}"
    );
}

#[test]
fn an_answer_of_the_wrong_kind_is_refused() {
    let (_dir, store) = new_store();
    let full = serialize_sample();
    let text = full.replacen(
        "\"IV.4.pct\": Number(88.0)",
        "\"IV.4.pct\": Text(\"veel\")",
        1,
    );
    assert_ne!(text, full);
    let message = assert_damaged_and_unchanged(&store, "soort", text.as_bytes());
    assert!(message.contains("IV.4.pct"), "{message}");
    assert!(message.contains("ander soort"), "{message}");
}

#[test]
fn a_file_starting_with_a_byte_order_mark_loads() {
    let (_dir, store) = new_store();
    let assessment = sample_assessment(instruments(), 2);
    let path = store.path_of("kladblok");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(goudenoor::store::serialize(&assessment).as_bytes());
    fs::write(&path, bytes).unwrap();
    assert_eq!(load(&path).unwrap(), assessment);
}

#[test]
fn ron_errors_are_told_in_dutch_without_developer_advice() {
    let cases = [
        (
            serialize_sample().replacen("title: \"Nulmeting klantenservice\"", "title: 42", 1),
            "tekst tussen aanhalingstekens",
        ),
        ("(format: 4, title: ".to_string(), "te vroeg op"),
        ("(format: 3 title: \"x\")".to_string(), "komma"),
        ("(format: 4, title: \"x)".to_string(), "aanhalingsteken"),
        ("(format: 4, title: \"x\", note: \"\\q\")".to_string(), "\\"),
        (
            serialize_sample().replacen("  title: \"Nulmeting klantenservice\",\n", "", 1),
            "het veld \"title\" ontbreekt",
        ),
    ];
    for (text, expected) in cases {
        let message = parse(&text).unwrap_err().to_string();
        assert!(message.contains(expected), "{expected}: {message}");
        for english in [
            "Expected",
            "expected",
            "Unexpected",
            "raw identifier",
            "Struct",
            "struct",
        ] {
            assert!(!message.contains(english), "{message}");
        }
    }
}

// ------------------------------------------------ temp files and backup (trust 10)

#[test]
fn temp_files_of_a_killed_save_are_removed_when_the_assessment_is_opened() {
    let (_dir, store) = new_store();
    let handle = store.create(&solo("Opgeruimd")).unwrap();
    let path = handle.path().to_path_buf();
    drop(handle);
    // Named the way atomic-write-file names them: "." + file name + "." + 6 characters.
    let leftovers = [".opgeruimd.ron.Xy12Ab", ".opgeruimd.ron.bak.k9LmN0"];
    let unrelated = [
        ".opgeruimd.ron.toolong1",
        ".ander.ron.Xy12Ab",
        "opgeruimd.ron.Xy12Ab",
    ];
    for name in leftovers.iter().chain(&unrelated) {
        fs::write(store.dir().join(name), "half").unwrap();
    }
    let handle = Handle::open(&path).unwrap();
    for name in leftovers {
        assert!(!store.dir().join(name).exists(), "{name} removed");
    }
    for name in unrelated {
        assert!(store.dir().join(name).exists(), "{name} kept");
    }
    // A read-only second opener leaves another instance's temp files alone.
    fs::write(store.dir().join(leftovers[0]), "bezig").unwrap();
    let _second = Handle::open(&path).unwrap();
    assert!(store.dir().join(leftovers[0]).exists());
    drop(handle);
}

#[test]
fn the_backup_holds_the_file_as_it_was_when_this_session_opened_it() {
    let (_dir, store) = new_store();
    let mut assessment = solo("Vandaag");
    let mut handle = store.create(&assessment).unwrap();
    let path = handle.path().to_path_buf();
    let created = fs::read(&path).unwrap();
    for note in ["een", "twee", "drie"] {
        assessment.note = note.into();
        handle.save(&assessment).unwrap();
    }
    assert_eq!(fs::read(backup_path(&path)).unwrap(), created);
    drop(handle);
    let end_of_day = fs::read(&path).unwrap();
    let mut next_session = Handle::open(&path).unwrap();
    // Opening alone keeps the backup as it is.
    assert_eq!(fs::read(backup_path(&path)).unwrap(), created);
    assessment.note = "vier".into();
    next_session.save(&assessment).unwrap();
    assessment.note = "vijf".into();
    next_session.save(&assessment).unwrap();
    assert_eq!(fs::read(backup_path(&path)).unwrap(), end_of_day);
}

#[test]
fn there_is_never_a_moment_without_a_backup() {
    let (_dir, store) = new_store();
    let mut assessment = solo("Altijd");
    let mut handle = store.create(&assessment).unwrap();
    assessment.note = "eerste".into();
    handle.save(&assessment).unwrap();
    let path = handle.path().to_path_buf();
    drop(handle);
    let backup = backup_path(&path);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watcher = {
        let (stop, backup) = (stop.clone(), backup.clone());
        std::thread::spawn(move || {
            let mut missing = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                if !backup.exists() {
                    missing += 1;
                }
            }
            missing
        })
    };
    for n in 0..300 {
        // Child processes that other tests spawn hold copies of lock descriptors for a
        // moment (between fork and exec): wait for the lock rather than fail.
        let mut session = (0..1000)
            .map(|_| Handle::open(&path).unwrap())
            .find(|h| {
                !h.is_read_only() || {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                    false
                }
            })
            .expect("lock comes free");
        assessment.note = format!("sessie {n}");
        session.save(&assessment).unwrap();
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert_eq!(watcher.join().unwrap(), 0, "times the backup was missing");
}

// ------------------------------------------- create, trash, permissions (trust 12)

const CREATE_CHILD_ENV: &str = "GOUDENOOR_CREATE_CHILD_DIR";

/// Not a test on its own: the body of the child process of `kill_during_create_leaves_no_placeholder`.
#[test]
fn create_child_creates_in_a_loop() {
    let Ok(dir) = std::env::var(CREATE_CHILD_ENV) else {
        return;
    };
    let store = Store::open(&dir).unwrap();
    let assessment = sample_assessment(instruments(), 40);
    loop {
        drop(store.create(&assessment).unwrap());
        println!("created");
    }
}

#[cfg(unix)]
#[test]
fn kill_during_create_leaves_no_placeholder() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    use std::time::Duration;

    let (_dir, store) = new_store();
    let exe = std::env::current_exe().unwrap();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..20 {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "create_child_creates_in_a_loop",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CREATE_CHILD_ENV, store.dir())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        assert!(
            lines.any(|l| l.is_ok_and(|l| l == "created")),
            "child creates"
        );
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(seed % 30_000));
        child.kill().unwrap();
        child.wait().unwrap();
    }
    let entries = store.list().unwrap();
    assert!(entries.len() >= 20);
    for entry in entries {
        assert!(
            entry.assessment.is_ok(),
            "{}: {:?}",
            entry.slug,
            entry.assessment
        );
    }
}

#[test]
fn two_deletions_of_the_same_name_both_stay_in_the_trash() {
    let (_dir, store) = new_store();
    let mut targets = Vec::new();
    for note in ["eerste", "tweede", "derde"] {
        let mut assessment = solo("Dubbel");
        assessment.note = note.into();
        let handle = store.create(&assessment).unwrap();
        assert_eq!(handle.path(), store.path_of("dubbel"));
        let path = handle.path().to_path_buf();
        drop(handle);
        targets.push(store.trash(&path).unwrap());
    }
    let notes: Vec<String> = targets.iter().map(|t| load(t).unwrap().note).collect();
    assert_eq!(notes, ["eerste", "tweede", "derde"]);
    let trash = store.dir().join("prullenbak");
    let files = fs::read_dir(&trash)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "ron")
        })
        .count();
    assert_eq!(files, 3);
}

#[cfg(unix)]
#[test]
fn the_lock_file_and_the_trash_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = new_store();
    let handle = store.create(&solo("Slot")).unwrap();
    let mut lock = handle.path().as_os_str().to_owned();
    lock.push(".lock");
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(Path::new(&lock)), 0o600);
    let path = handle.path().to_path_buf();
    drop(handle);
    store.trash(&path).unwrap();
    assert_eq!(mode(&store.dir().join("prullenbak")), 0o700);
}

// -------------------------------------------------------- clear messages (trust 13)

#[test]
fn a_folder_named_like_an_assessment_is_skipped_and_named_a_folder() {
    let (_dir, store) = new_store();
    store.create(&solo("Echt")).unwrap();
    fs::create_dir(store.dir().join("map.ron")).unwrap();
    let slugs: Vec<String> = store.list().unwrap().into_iter().map(|e| e.slug).collect();
    assert_eq!(slugs, ["echt"]);
    let err = store.resolve("map").unwrap_err();
    assert!(matches!(err, StoreError::IsFolder { .. }), "{err}");
    assert!(
        err.to_string().contains("is een map, geen beoordeling"),
        "{err}"
    );
    let path = store.dir().join("map.ron");
    let err = store.resolve(path.to_str().unwrap()).unwrap_err();
    assert!(matches!(err, StoreError::IsFolder { .. }), "{err}");
    assert!(matches!(load(&path), Err(StoreError::IsFolder { .. })));
}

#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_read_is_unreadable_not_damaged() {
    let (_dir, store) = new_store();
    // A symbolic link to itself cannot be read, not even by root.
    let path = store.path_of("kring");
    std::os::unix::fs::symlink(&path, &path).unwrap();
    let err = load(&path).unwrap_err();
    assert!(matches!(err, StoreError::Unreadable { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("kring.ron is onleesbaar"), "{message}");
    assert!(!message.contains("beschadigd"), "{message}");
}

#[test]
fn read_only_reasons_are_told_apart() {
    let (_dir, store) = new_store();
    let first = store.create(&solo("Reden")).unwrap();
    let mut second = Handle::open(first.path()).unwrap();
    assert_eq!(first.read_only_reason(), None);
    assert!(first.writable().is_ok());
    assert_eq!(
        second.read_only_reason(),
        Some(ReadOnlyReason::OpenElsewhere)
    );
    let err = second.save(&solo("Reden")).unwrap_err().to_string();
    assert!(err.contains("ander venster"), "{err}");
    let folder = StoreError::ReadOnly {
        path: first.path().to_path_buf(),
        reason: ReadOnlyReason::FolderReadOnly,
    };
    assert!(
        folder.to_string().contains("de map is alleen-lezen"),
        "{folder}"
    );
}

#[cfg(unix)]
#[test]
fn an_assessment_in_a_read_only_folder_opens_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = new_store();
    let path = store.create(&solo("Cd-rom")).unwrap().path().to_path_buf();
    fs::remove_file(format!("{}.lock", path.display())).unwrap();
    fs::set_permissions(store.dir(), fs::Permissions::from_mode(0o500)).unwrap();
    let probe = store.dir().join("probe");
    let root = fs::write(&probe, "").is_ok();
    let _ = fs::remove_file(&probe);
    let handle = Handle::open(&path);
    fs::set_permissions(store.dir(), fs::Permissions::from_mode(0o700)).unwrap();
    let handle = handle.unwrap();
    // Root may write anywhere: then the folder is not read-only for it.
    let expected = (!root).then_some(ReadOnlyReason::FolderReadOnly);
    assert_eq!(handle.read_only_reason(), expected);
    assert_eq!(handle.load().unwrap().title, "Cd-rom");
}

// ------------------------------------------------------ listing cache (scale 14)

/// Make a file look untouched for a minute, so its cache entry can be trusted.
fn age(path: &Path) {
    let file = fs::File::options().write(true).open(path).unwrap();
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    file.set_modified(past).unwrap();
}

fn cached_titles(
    store: &Store,
    calls: &std::cell::Cell<usize>,
) -> Vec<(String, Result<String, String>)> {
    store
        .list_cached(|a| {
            calls.set(calls.get() + 1);
            a.title.clone()
        })
        .unwrap()
        .into_iter()
        .map(|e| (e.slug, e.summary.map(|(_, s)| s).map_err(|e| e.to_string())))
        .collect()
}

#[test]
fn an_unchanged_file_is_not_read_again_for_a_listing() {
    let (_dir, store) = new_store();
    let path = store.create(&solo("Groot")).unwrap().path().to_path_buf();
    age(&path);
    let calls = std::cell::Cell::new(0);
    let first = cached_titles(&store, &calls);
    assert_eq!(first, [("groot".to_string(), Ok("Groot".to_string()))]);
    assert_eq!(calls.get(), 1);
    assert_eq!(cached_titles(&store, &calls), first);
    assert_eq!(calls.get(), 1);
    // Another kind of summary has its own entries.
    let series = store.list_cached(|a| a.series.clone()).unwrap();
    assert_eq!(series[0].summary.as_ref().unwrap().1, None);
    assert_eq!(cached_titles(&store, &calls), first);
    assert_eq!(calls.get(), 1);
}

#[test]
fn a_listing_is_never_stale_after_a_change() {
    let (_dir, store) = new_store();
    let mut assessment = solo("Oud");
    let mut handle = store.create(&assessment).unwrap();
    let path = handle.path().to_path_buf();
    age(&path);
    let calls = std::cell::Cell::new(0);
    cached_titles(&store, &calls);
    // A save a moment later: same size, new modification time.
    assessment.title = "Nee".into();
    handle.save(&assessment).unwrap();
    let titles = cached_titles(&store, &calls);
    assert_eq!(titles[0].1, Ok("Nee".to_string()));
    // Just-changed files are read each time until their time stamp is safely old.
    assert_eq!(cached_titles(&store, &calls)[0].1, Ok("Nee".to_string()));
    // A copy with the same size and the old time stamp put back by hand.
    age(&path);
    cached_titles(&store, &calls);
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("\"Nee\"", "\"Ja!\"");
    fs::write(&path, text).unwrap();
    age(&path);
    assert_eq!(cached_titles(&store, &calls)[0].1, Ok("Ja!".to_string()));
    // A damaged file shows as damaged, whatever was cached.
    fs::write(&path, "(format: 3, title: \"Ja!\"").unwrap();
    age(&path);
    assert!(cached_titles(&store, &calls)[0].1.is_err());
}

#[test]
fn a_damaged_cache_entry_is_ignored_and_rebuilt() {
    let (_dir, store) = new_store();
    let path = store
        .create(&solo("Hersteld"))
        .unwrap()
        .path()
        .to_path_buf();
    age(&path);
    let calls = std::cell::Cell::new(0);
    cached_titles(&store, &calls);
    let cache = store.dir().join(".goudenoor-cache");
    let entries: Vec<_> = fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    for garbage in [&b"{\"build\": 1"[..], b"\xff\xfe", b""] {
        fs::write(&entries[0], garbage).unwrap();
        let before = calls.get();
        assert_eq!(
            cached_titles(&store, &calls)[0].1,
            Ok("Hersteld".to_string())
        );
        assert_eq!(calls.get(), before + 1);
        cached_titles(&store, &calls);
        assert_eq!(calls.get(), before + 1, "rebuilt");
    }
    // Entries of deleted files go with them.
    store.trash(&path).unwrap();
    assert!(cached_titles(&store, &calls).is_empty());
    assert_eq!(fs::read_dir(&cache).unwrap().count(), 0);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&cache).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }
}

#[test]
fn the_cached_listing_is_ordered_like_the_listing() {
    let (_dir, store) = new_store();
    for (title, day) in [("Een", 3), ("Twee", 5), ("Drie", 1)] {
        let mut assessment = solo(title);
        assessment.updated = format!("2026-11-0{day}T10:00:00Z").parse().unwrap();
        store.create(&assessment).unwrap();
    }
    fs::write(store.path_of("kapot"), "(").unwrap();
    let calls = std::cell::Cell::new(0);
    let slugs: Vec<String> = cached_titles(&store, &calls)
        .into_iter()
        .map(|(slug, _)| slug)
        .collect();
    let listed: Vec<String> = store.list().unwrap().into_iter().map(|e| e.slug).collect();
    assert_eq!(slugs, ["twee", "een", "drie", "kapot"]);
    assert_eq!(slugs, listed);
}

#[test]
fn an_id_answered_twice_is_refused_not_half_dropped() {
    let (_dir, store) = new_store();
    let text = serialize_sample().replacen("\"go2\"", "\"go1\"", 1);
    let message = assert_damaged_and_unchanged(&store, "dubbel", text.as_bytes());
    assert!(
        message.contains("\"go1\" staat er twee keer in"),
        "{message}"
    );
    let second = text.find("\"go1\"").unwrap() + 1;
    let line = line_of(&text[second..], "\"go1\"") + text[..second].matches('\n').count();
    assert!(message.contains(&format!("regel {line},")), "{message}");
}

#[test]
fn an_unfinished_new_assessment_is_cleared_away_once_it_is_old() {
    let (_dir, store) = new_store();
    let dir = store.dir().to_path_buf();
    store.create(&solo("Bestaat")).unwrap();
    let orphan = dir.join(".afgebroken.ron.Ab12Cd");
    let fresh = dir.join(".nog-bezig.ron.Ab12Cd");
    let saving = dir.join(".bestaat.ron.Zz99Yy");
    for path in [&orphan, &fresh, &saving] {
        fs::write(path, "(format: 3").unwrap();
    }
    for path in [&orphan, &saving] {
        age_by(path, 3600);
    }
    Store::open(&dir).unwrap();
    assert!(
        !orphan.exists(),
        "an old temporary file without its file goes"
    );
    assert!(fresh.exists(), "another instance may still be creating it");
    assert!(saving.exists(), "left for when bestaat.ron is opened");
}

fn age_by(path: &Path, seconds: u64) {
    let file = fs::File::options().write(true).open(path).unwrap();
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(seconds);
    file.set_modified(past).unwrap();
}

#[test]
fn an_empty_file_is_called_empty_and_a_missing_folder_missing() {
    let (_dir, store) = new_store();
    let message = assert_damaged_and_unchanged(&store, "leeg", b"");
    assert!(message.contains("het bestand is leeg"), "{message}");
    let message = assert_damaged_and_unchanged(&store, "witruimte", b"\n  \n");
    assert!(message.contains("het bestand is leeg"), "{message}");
    let err = Handle::open(&store.dir().join("nergens/x.ron")).unwrap_err();
    assert!(matches!(err, StoreError::Read { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("x.ron kan niet worden gelezen"),
        "{message}"
    );
    assert!(!message.contains(".lock"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_summary_kept_at_saving_serves_the_next_listing_until_the_file_changes() {
    let (_dir, store) = new_store();
    let mut assessment = solo("Groot");
    let mut handle = store.create(&assessment).unwrap();
    handle.save(&assessment).unwrap();
    store.remember_summary(handle.path(), assessment.updated, &"bewaard".to_string());
    let computed = std::cell::Cell::new(0);
    let compute = |_: &Assessment| {
        computed.set(computed.get() + 1);
        "berekend".to_string()
    };
    let entries = store.list_cached(compute).unwrap();
    assert_eq!(computed.get(), 0, "not read again");
    assert_eq!(entries[0].summary.as_ref().unwrap().1, "bewaard");
    // Any later write is seen: the file is read again.
    assessment.note = "Gewijzigd".into();
    handle.save(&assessment).unwrap();
    let entries = store.list_cached(compute).unwrap();
    assert_eq!(computed.get(), 1);
    assert_eq!(entries[0].summary.as_ref().unwrap().1, "berekend");
}
