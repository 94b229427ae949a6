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
