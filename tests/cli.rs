//! The command line in a temporary data directory: each command's success and failure.

use assert_cmd::Command;
use std::path::Path;

fn goudenoor(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("goudenoor").unwrap();
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
        ("json", "\"schema\": \"goudenoor-report/1\""),
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
        out.contains("2 respondent(en)") && out.contains("Anna, Bert"),
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
    assert_eq!(
        std::fs::read(dir.path().join("workshop.ron")).unwrap(),
        before
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
        ("text", "Vergelijking: Eerste"),
        ("md", "# Vergelijking"),
        ("json", "goudenoor-compare/1"),
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
