//! The command line in a temporary data directory: each command's success and failure.

use assert_cmd::Command;
use std::path::Path;

fn goudenoor(dir: &Path) -> Command {
    // GOUDENOOR_TEST_BIN runs a copy of the binary (a shared target folder is rebuilt by
    // others); cargo sets CARGO_BIN_EXE_goudenoor itself, so that one cannot be used.
    let mut cmd = match std::env::var_os("GOUDENOOR_TEST_BIN") {
        Some(bin) => Command::new(bin),
        None => Command::cargo_bin("goudenoor").unwrap(),
    };
    cmd.env("GOUDENOOR_DATA_DIR", dir).env_remove("NO_COLOR");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn new_prints_slug_and_path_and_list_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(goudenoor(dir.path()).args(["new", "Nulmeting 2026", "--org", "Voorbeeld"]));
    assert!(out.starts_with("nulmeting-2026\t"), "{out}");
    assert!(dir.path().join("nulmeting-2026.ron").is_file());
    let list = stdout(goudenoor(dir.path()).arg("list"));
    assert!(list.contains("nulmeting-2026\tNulmeting 2026\t"), "{list}");
    assert!(list.contains("0%"));
}

#[test]
fn data_dir_flag_overrides_the_environment() {
    let env_dir = tempfile::tempdir().unwrap();
    let flag_dir = tempfile::tempdir().unwrap();
    goudenoor(env_dir.path())
        .args(["--data-dir"])
        .arg(flag_dir.path())
        .args(["new", "Hier"])
        .assert()
        .success();
    assert!(flag_dir.path().join("hier.ron").is_file());
    assert!(!env_dir.path().join("hier.ron").exists());
}

#[test]
fn new_with_empty_title_fails_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let assert = goudenoor(dir.path()).args(["new", "  "]).assert().failure();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("titel"), "{err}");
}

#[test]
fn list_marks_a_damaged_file_and_keeps_going() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Goed"])
        .assert()
        .success();
    std::fs::write(dir.path().join("kapot.ron"), "(format: 2, title: 3").unwrap();
    let list = stdout(goudenoor(dir.path()).arg("list"));
    assert!(list.contains("goed\tGoed"));
    assert!(list.contains("kapot\tBESCHADIGD"), "{list}");
}

#[test]
fn report_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Rapport"])
        .assert()
        .success();
    for (format, expect) in [
        ("text", "Gouden Oor Maturity Check"),
        ("md", "# Rapport"),
        ("html", "<svg"),
        ("json", "\"schema\": \"goudenoor-report/2\""),
        ("csv", "respondent,instrument,item"),
    ] {
        let out = stdout(goudenoor(dir.path()).args(["report", "rapport", "--format", format]));
        assert!(out.contains(expect), "{format}: {out}");
        assert!(
            !out.contains('\u{1b}'),
            "no colour when stdout is not a terminal"
        );
    }
}

#[test]
fn report_writes_to_a_file_and_accepts_a_path() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Pad"])
        .assert()
        .success();
    let out = dir.path().join("rapport.html");
    goudenoor(dir.path())
        .arg("report")
        .arg(dir.path().join("pad.ron"))
        .args(["-f", "html", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("<h1>Pad</h1>")
    );
}

#[test]
fn report_of_unknown_name_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let assert = goudenoor(dir.path())
        .args(["report", "bestaat-niet"])
        .assert()
        .failure();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("bestaat-niet") && err.contains("goudenoor list"),
        "{err}"
    );
}

#[test]
fn report_of_damaged_file_names_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kapot.ron"), "(format: 9)").unwrap();
    let assert = goudenoor(dir.path())
        .args(["report", "kapot"])
        .assert()
        .failure();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("kapot.ron") && err.contains("nieuwere versie"),
        "{err}"
    );
}

#[test]
fn report_with_unknown_format_is_refused_by_clap() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path()).args(["new", "X"]).assert().success();
    goudenoor(dir.path())
        .args(["report", "x", "--format", "pdf"])
        .assert()
        .failure();
}

#[test]
fn open_of_unknown_name_fails_before_touching_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["open", "nergens"])
        .assert()
        .failure();
}

#[test]
fn help_version_and_completions() {
    let dir = tempfile::tempdir().unwrap();
    let version = stdout(goudenoor(dir.path()).arg("--version"));
    assert!(version.starts_with("goudenoor "));
    for command in ["new", "list", "open", "report", "completions"] {
        let help = stdout(goudenoor(dir.path()).args([command, "--help"]));
        assert!(help.contains("--data-dir"), "{command}: {help}");
    }
    let bash = stdout(goudenoor(dir.path()).args(["completions", "bash"]));
    assert!(bash.contains("goudenoor"));
}

#[test]
fn unusable_data_dir_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bestand");
    std::fs::write(&file, "x").unwrap();
    let assert = goudenoor(&file.join("sub")).arg("list").assert().failure();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("gegevensmap"), "{err}");
}

#[test]
fn sheet_then_import_adds_respondents() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Workshop"])
        .assert()
        .success();
    let sheet = stdout(goudenoor(dir.path()).arg("sheet"));
    assert!(sheet.starts_with("respondent,go1,"));
    let path = dir.path().join("blad.csv");
    let row = |name: &str| {
        let mut cells = vec![name.to_string()];
        cells.extend(std::iter::repeat_n("goed".to_string(), 18));
        cells.extend(std::iter::repeat_n("ja".to_string(), 18));
        cells.push("95".into());
        cells.join(",")
    };
    std::fs::write(&path, format!("{sheet}{}\n{}\n", row("Anna"), row("Bert"))).unwrap();
    let out = stdout(
        goudenoor(dir.path())
            .arg("import")
            .arg("workshop")
            .arg(&path),
    );
    assert!(
        out.contains("2 respondenten toegevoegd") && out.contains("Anna, Bert"),
        "{out}"
    );
    let json = stdout(goudenoor(dir.path()).args(["report", "workshop", "-f", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["respondents"].as_array().unwrap().len(),
        2,
        "the empty solo placeholder made way"
    );
}

#[test]
fn a_bad_sheet_is_refused_whole_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Workshop"])
        .assert()
        .success();
    let before = std::fs::read(dir.path().join("workshop.ron")).unwrap();
    let path = dir.path().join("blad.csv");
    std::fs::write(
        &path,
        "respondent,go1,I.2\nAnna,goed,ja\nBert,9,misschien\n",
    )
    .unwrap();
    let assert = goudenoor(dir.path())
        .arg("import")
        .arg("workshop")
        .arg(&path)
        .assert()
        .failure();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("regel 3, kolom go1: \"9\""), "{err}");
    assert!(err.contains("regel 3, kolom I.2: \"misschien\""), "{err}");
    assert!(
        err.contains("blad.csv: Antwoordblad geweigerd"),
        "names the file: {err}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("workshop.ron")).unwrap(),
        before
    );
    // A wrong column names the file too.
    let wrong = dir.path().join("kolommen.csv");
    std::fs::write(&wrong, "respondent,gox\nAnna,goed\n").unwrap();
    let assert = goudenoor(dir.path())
        .arg("import")
        .arg("workshop")
        .arg(&wrong)
        .assert()
        .failure();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("kolommen.csv: Antwoordblad geweigerd") && err.contains("\"gox\""),
        "{err}"
    );
}

#[test]
fn import_of_another_assessment_resolves_name_clashes() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Doel"])
        .assert()
        .success();
    let other = dir.path().join("ander.ron");
    let mut assessment =
        goudenoor::fixtures::sample_assessment(goudenoor::domain::Instruments::embedded(), 2);
    assessment.respondents[1].name = "Deelnemer 1".into();
    std::fs::write(&other, goudenoor::store::serialize(&assessment)).unwrap();
    let out = stdout(goudenoor(dir.path()).arg("import").arg("doel").arg(&other));
    assert!(out.contains("Deelnemer 1, Deelnemer 1 (2)"), "{out}");
}

#[test]
fn sheet_never_overwrites_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bestaat.csv");
    std::fs::write(&path, "eigen werk").unwrap();
    goudenoor(dir.path())
        .arg("sheet")
        .arg("-o")
        .arg(&path)
        .assert()
        .failure();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "eigen werk");
}

#[test]
fn compare_two_assessments_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Eerste"])
        .assert()
        .success();
    goudenoor(dir.path())
        .args(["new", "Tweede"])
        .assert()
        .success();
    for (format, expect) in [
        ("text", "Vergelijking\nEerste ("),
        ("md", "# Vergelijking"),
        ("json", "goudenoor-compare/2"),
        ("html", "<svg"),
    ] {
        let out = stdout(goudenoor(dir.path()).args(["compare", "eerste", "tweede", "-f", format]));
        assert!(out.contains(expect), "{format}: {out}");
        assert!(
            out.contains("niet bij dezelfde reeks"),
            "unrelated assessments are flagged"
        );
    }
    goudenoor(dir.path())
        .args(["compare", "eerste", "derde"])
        .assert()
        .failure();
}

fn stderr(assert: assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn report_and_compare_never_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Eerste"])
        .assert()
        .success();
    goudenoor(dir.path())
        .args(["new", "Tweede"])
        .assert()
        .success();
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("rapport.txt");
    std::fs::write(&path, "eigen werk").unwrap();
    let err = stderr(
        goudenoor(dir.path())
            .args(["report", "eerste", "-o"])
            .arg(&path)
            .assert()
            .failure(),
    );
    assert!(
        err.contains("bestaat al") && err.contains("--force"),
        "{err}"
    );
    let err = stderr(
        goudenoor(dir.path())
            .args(["compare", "eerste", "tweede", "-o"])
            .arg(&path)
            .assert()
            .failure(),
    );
    assert!(
        err.contains("rapport.txt") && err.contains("bestaat al"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "eigen werk");

    goudenoor(dir.path())
        .args(["report", "eerste", "--force", "-o"])
        .arg(&path)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("Gouden Oor")
    );
    goudenoor(dir.path())
        .args(["compare", "eerste", "tweede", "--force", "-o"])
        .arg(&path)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("Vergelijking")
    );
    #[cfg(unix)]
    assert_eq!(
        mode(&path),
        0o600,
        "a replaced file is the owner's only too"
    );
}

#[cfg(unix)]
#[test]
fn output_files_are_readable_by_the_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Eerste"])
        .assert()
        .success();
    let out = tempfile::tempdir().unwrap();
    let (report, compare, sheet) = (
        out.path().join("r.html"),
        out.path().join("c.md"),
        out.path().join("blad.csv"),
    );
    goudenoor(dir.path())
        .args(["report", "eerste", "-f", "html", "-o"])
        .arg(&report)
        .assert()
        .success();
    goudenoor(dir.path())
        .args(["compare", "eerste", "eerste", "-f", "md"])
        .assert()
        .failure();
    goudenoor(dir.path())
        .args(["new", "Tweede"])
        .assert()
        .success();
    goudenoor(dir.path())
        .args(["compare", "eerste", "tweede", "-f", "md", "-o"])
        .arg(&compare)
        .assert()
        .success();
    goudenoor(dir.path())
        .args(["sheet", "-o"])
        .arg(&sheet)
        .assert()
        .success();
    for path in [&report, &compare, &sheet] {
        assert_eq!(mode(path), 0o600, "{}", path.display());
    }
}

#[cfg(unix)]
#[test]
fn output_never_goes_through_a_symlink_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Eerste"])
        .assert()
        .success();
    goudenoor(dir.path())
        .args(["new", "Tweede"])
        .assert()
        .success();
    let out = tempfile::tempdir().unwrap();
    let victim = out.path().join("belangrijk.txt");
    std::fs::write(&victim, "niet aankomen").unwrap();
    let link = out.path().join("link.txt");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let dangling = out.path().join("los.txt");
    std::os::unix::fs::symlink(out.path().join("nieuw.txt"), &dangling).unwrap();
    for target in [&link, &dangling] {
        for args in [
            vec!["report", "eerste", "--force", "-o"],
            vec!["report", "eerste", "-o"],
            vec!["compare", "eerste", "tweede", "--force", "-o"],
            vec!["sheet", "--force", "-o"],
        ] {
            let err = stderr(
                goudenoor(dir.path())
                    .args(&args)
                    .arg(target)
                    .assert()
                    .failure(),
            );
            assert!(err.contains("symbolische koppeling"), "{args:?}: {err}");
        }
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "niet aankomen");
    assert!(!out.path().join("nieuw.txt").exists());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn output_never_lands_on_an_assessment() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Eerste"])
        .assert()
        .success();
    goudenoor(dir.path())
        .args(["new", "Tweede"])
        .assert()
        .success();
    let assessment = dir.path().join("eerste.ron");
    let before = std::fs::read(&assessment).unwrap();
    let new_ron = dir.path().join("nieuw.ron");
    let backup = dir.path().join("eerste.ron.bak");
    for target in [&assessment, &new_ron, &backup] {
        for args in [
            vec!["report", "eerste", "--force", "-o"],
            vec!["compare", "eerste", "tweede", "--force", "-o"],
            vec!["sheet", "--force", "-o"],
        ] {
            let err = stderr(
                goudenoor(dir.path())
                    .args(&args)
                    .arg(target)
                    .assert()
                    .failure(),
            );
            assert!(err.contains("gegevensmap"), "{args:?}: {err}");
        }
    }
    // Through another way of writing the folder's name, too.
    let dotted = dir.path().join(".").join("eerste.ron");
    goudenoor(dir.path())
        .args(["report", "eerste", "--force", "-o"])
        .arg(&dotted)
        .assert()
        .failure();
    assert_eq!(std::fs::read(&assessment).unwrap(), before);
    assert!(!new_ron.exists() && !backup.exists());
    // A report next to the assessments is fine.
    goudenoor(dir.path())
        .args(["report", "eerste", "-o"])
        .arg(dir.path().join("rapport.txt"))
        .assert()
        .success();
}

#[cfg(unix)]
#[test]
fn output_never_lands_on_an_assessment_under_another_name() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Eerste"])
        .assert()
        .success();
    let assessment = dir.path().join("eerste.ron");
    let before = std::fs::read(&assessment).unwrap();
    let out = tempfile::tempdir().unwrap();
    // A hard link elsewhere, and the source assessment opened by its path.
    let hard = out.path().join("kopie.txt");
    std::fs::hard_link(&assessment, &hard).unwrap();
    let err = stderr(
        goudenoor(dir.path())
            .args(["report", "eerste", "--force", "-o"])
            .arg(&hard)
            .assert()
            .failure(),
    );
    assert!(err.contains("kopie.txt"), "{err}");
    let elsewhere = out.path().join("los.ron");
    std::fs::copy(&assessment, &elsewhere).unwrap();
    let err = stderr(
        goudenoor(dir.path())
            .arg("report")
            .arg(&elsewhere)
            .args(["--force", "-o"])
            .arg(&elsewhere)
            .assert()
            .failure(),
    );
    assert!(err.contains("los.ron"), "{err}");
    assert_eq!(std::fs::read(&assessment).unwrap(), before);
    assert_eq!(std::fs::read(&elsewhere).unwrap(), before);
}

#[test]
fn an_unknown_format_is_refused_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path()).args(["new", "X"]).assert().success();
    let assert = goudenoor(dir.path())
        .args(["report", "x", "--format", "pdf"])
        .assert()
        .code(2);
    let err = stderr(assert);
    assert!(
        err.contains("'pdf' is geen geldige waarde voor --format")
            && err.contains("text, md, html, json, csv"),
        "{err}"
    );
    assert!(
        !err.contains("error:") && !err.contains("invalid value"),
        "{err}"
    );
}

#[test]
fn unknown_and_missing_arguments_are_explained_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (
            &["report", "x", "--frmat", "md"],
            "de optie '--frmat' bestaat niet. Bedoelt u '--format'?",
        ),
        (&["report"], "er ontbreekt een verplicht argument: <NAAM>"),
        (&["rapport"], "de opdracht 'rapport' bestaat niet"),
        (
            &["new", "Nulmeting", "2026"],
            "'2026' is hier één argument te veel",
        ),
        (
            &["sheet", "--force"],
            "er ontbreekt een verplicht argument: --output",
        ),
    ];
    for (args, expected) in cases {
        let err = stderr(goudenoor(dir.path()).args(args).assert().code(2));
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(err.contains("Gebruik: goudenoor"), "{args:?}: {err}");
        for english in [
            "error:",
            "Usage:",
            "For more information",
            "unexpected",
            "required",
        ] {
            assert!(!err.contains(english), "{args:?}: {english} in {err}");
        }
    }
}

#[test]
fn help_is_dutch_and_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["--help"],
        vec!["-h"],
        vec!["report", "--help"],
        vec!["help", "import"],
        vec!["sheet", "-h"],
    ] {
        let help = stdout(goudenoor(dir.path()).args(&args));
        assert!(help.contains("Gebruik: goudenoor"), "{args:?}: {help}");
        assert!(
            help.contains("Opties:") && help.contains("Toon deze hulp"),
            "{help}"
        );
        for english in [
            "Usage:",
            "Options:",
            "Arguments:",
            "Commands:",
            "Print help",
            "[OPTIONS]",
            "[default:",
            "[possible values",
            "[env:",
        ] {
            assert!(!help.contains(english), "{args:?}: {english} in {help}");
        }
    }
    let root = stdout(goudenoor(dir.path()).arg("--help"));
    assert!(
        root.contains("Opdrachten:") && root.contains("Toon het versienummer"),
        "{root}"
    );
    let report = stdout(goudenoor(dir.path()).args(["report", "--help"]));
    assert!(
        report.contains("Argumenten:") && report.contains("mogelijk: text, md"),
        "{report}"
    );
    let import = stdout(goudenoor(dir.path()).args(["import", "--help"]));
    assert!(
        import.find("<DOEL>  ").unwrap() < import.find("<BESTAND>  ").unwrap(),
        "arguments in the order they are given: {import}"
    );
    let help_help = stdout(goudenoor(dir.path()).args(["help", "help"]));
    assert!(
        help_help.contains("Gebruik: goudenoor help [OPDRACHT]"),
        "{help_help}"
    );
    for english in ["Usage:", "Commands:", "Print this message", "[COMMAND]"] {
        assert!(!help_help.contains(english), "{english} in {help_help}");
    }
    let version = stdout(goudenoor(dir.path()).arg("-V"));
    assert!(version.starts_with("goudenoor "), "{version}");
}

#[test]
fn os_errors_are_shown_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Workshop"])
        .assert()
        .success();
    let err = stderr(
        goudenoor(dir.path())
            .arg("import")
            .arg("workshop")
            .arg(dir.path().join("weg.csv"))
            .assert()
            .failure(),
    );
    assert!(
        err.contains("weg.csv") && err.contains("bestand of map bestaat niet"),
        "{err}"
    );
    assert!(
        !err.contains("os error") && !err.contains("No such file"),
        "{err}"
    );
    let err = stderr(
        goudenoor(dir.path())
            .args(["report", "workshop", "-o"])
            .arg(dir.path().join("geen-map").join("r.txt"))
            .assert()
            .failure(),
    );
    assert!(
        err.contains("geen-map") && err.contains("bestand of map bestaat niet"),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn io_errors_have_dutch_words() {
    use goudenoor::output::io_error_nl;
    use std::io::{Error, ErrorKind};
    assert_eq!(
        io_error_nl(&Error::from(ErrorKind::NotFound)),
        "bestand of map bestaat niet"
    );
    assert!(io_error_nl(&Error::from(ErrorKind::PermissionDenied)).contains("geen toestemming"));
    assert_eq!(
        io_error_nl(&Error::from(ErrorKind::AlreadyExists)),
        "bestaat al"
    );
    assert!(
        io_error_nl(&Error::from_raw_os_error(28)).contains("vol"),
        "ENOSPC"
    );
    assert!(!io_error_nl(&Error::from_raw_os_error(2)).contains("os error"));
}

#[test]
fn csv_report_for_excel_and_by_the_rfc() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Rapport"])
        .assert()
        .success();
    let plain = stdout(goudenoor(dir.path()).args(["report", "rapport", "-f", "csv"]));
    assert!(plain.starts_with("respondent,instrument,item,"), "{plain}");
    assert!(!plain.contains('\u{feff}') && !plain.contains(';'));
    let excel = stdout(goudenoor(dir.path()).args(["report", "rapport", "-f", "csv", "--excel"]));
    assert!(
        excel.starts_with("\u{feff}respondent;instrument;item;"),
        "{excel}"
    );
    let lines: Vec<&str> = excel.split_inclusive('\n').collect();
    assert_eq!(lines.len(), plain.lines().count());
    assert!(lines.iter().all(|l| l.ends_with("\r\n")), "CRLF everywhere");
    // The same cells, only separated differently.
    let read = |text: &str, delimiter: u8| -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect()
    };
    assert_eq!(read(&excel, b';'), read(&plain, b','));
    let err = stderr(
        goudenoor(dir.path())
            .args(["report", "rapport", "-f", "md", "--excel"])
            .assert()
            .failure(),
    );
    assert!(err.contains("--excel") && err.contains("csv"), "{err}");
}

#[test]
fn instruments_lists_the_registry_and_one_instruments_ids() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(goudenoor(dir.path()).arg("instruments"));
    let ids: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "gouden-oor",
            "stv-kfm",
            "klachtenprocedure",
            "businesscase",
            "ikm"
        ]
    );
    assert!(out.contains("gouden-oor\tGouden Oor Maturity Check\tvolwassenheidsmodel\tstandaard"));
    let one = stdout(goudenoor(dir.path()).args(["instruments", "klachtenprocedure"]));
    assert!(one.contains("kp.dossier.f\t"), "{one}");
    assert!(one.contains("ja / deels / nee / nvt / open"), "{one}");
    let err = stderr(
        goudenoor(dir.path())
            .args(["instruments", "gouden_oor"])
            .assert()
            .failure(),
    );
    assert!(
        err.contains("gouden_oor") && err.contains("gouden-oor"),
        "{err}"
    );
}

#[test]
fn new_with_instruments_and_a_sheet_with_their_columns() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args([
            "new",
            "Alles",
            "--instruments",
            "gouden-oor,klachtenprocedure,ikm",
        ])
        .assert()
        .success();
    let text = std::fs::read_to_string(dir.path().join("alles.ron")).unwrap();
    assert!(text.contains("\"klachtenprocedure\"") && !text.contains("\"stv-kfm\""));
    let sheet = stdout(goudenoor(dir.path()).args(["sheet", "alles"]));
    let header = sheet.lines().next().unwrap();
    assert!(header.starts_with("respondent,go1,"), "{header}");
    assert!(header.contains(",kp.dossier.a,") && header.contains(",ikm.snelheid"));
    assert!(
        !header.contains("I.2") && !header.contains("IV.4.pct"),
        "{header}"
    );
    let paper = stdout(goudenoor(dir.path()).args(["sheet", "alles", "--format", "html"]));
    assert!(paper.starts_with("<!DOCTYPE html>") || paper.contains("<html"));
    assert!(paper.contains("kp.dossier.a"));

    let err = stderr(
        goudenoor(dir.path())
            .args(["new", "Fout", "--instruments", "gouden-oor,foo"])
            .assert()
            .failure(),
    );
    assert!(
        err.contains("--instruments") && err.contains("\"foo\"") && err.contains("bekend zijn"),
        "{err}"
    );
    assert!(!dir.path().join("fout.ron").exists());
}

#[test]
fn set_changes_answers_of_every_kind_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Zet"])
        .assert()
        .success();
    let out =
        stdout(goudenoor(dir.path()).args(["set", "zet", "go1=goed", "I.2=ja", "IV.4.pct=85"]));
    assert!(out.contains("3 gewijzigd"), "{out}");
    let a = goudenoor::store::load(&dir.path().join("zet.ron")).unwrap();
    let answers = a.result_answers(goudenoor::domain::Instruments::embedded());
    assert_eq!(
        answers.of("gouden-oor").level("go1"),
        goudenoor::domain::Level::new(2)
    );
    assert!(answers.of("stv-kfm").is_met("I.2"));
    assert_eq!(answers.of("stv-kfm").number("IV.4.pct"), Some(85.0));
    let before = std::fs::read(dir.path().join("zet.ron")).unwrap();
    let err = stderr(
        goudenoor(dir.path())
            .args(["set", "zet", "go2=prima", "go3=heel goed", "go99=goed"])
            .assert()
            .failure(),
    );
    assert!(err.contains("niets gewijzigd"), "{err}");
    assert!(
        err.contains("go3") && err.contains("go99"),
        "every bad value is named: {err}"
    );
    assert_eq!(std::fs::read(dir.path().join("zet.ron")).unwrap(), before);
}
