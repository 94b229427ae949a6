//! The real binary in a pseudo-terminal: create an assessment, answer a shift and a
//! criterion, quit, start again and find the answers.

#![cfg(unix)]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

fn size(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("non-zero size")
}

struct Session {
    parser: vt100::Parser,
    /// Everything the app wrote, to look for the escape sequences that restore the
    /// terminal.
    raw: Vec<u8>,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    /// Kept open for the session's life: closing the master hangs up the app.
    _master: Box<dyn portable_pty::MasterPty + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(data_dir: &Path) -> Session {
        Session::start_sized(data_dir, 24, 80)
    }

    fn start_sized(data_dir: &Path, rows: u16, cols: u16) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_goudenoor"));
        command.env("GOUDENOOR_DATA_DIR", data_dir);
        command.env("TERM", "xterm-256color");
        command.env("NO_COLOR", "1");
        let child = pty.slave.spawn_command(command).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            parser: vt100::Parser::new(size(rows), size(cols), 0),
            raw: Vec::new(),
            output,
            writer,
            _master: pty.master,
            child,
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Wait until the screen shows `text`, or fail with the screen as it is.
    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.screen().contains(text) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self
                .output
                .recv_timeout(left.min(Duration::from_millis(200)))
            {
                Ok(bytes) => {
                    self.parser.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
                }
                Err(_) if Instant::now() >= deadline => {
                    panic!("timed out waiting for {text:?}; screen:\n{}", self.screen())
                }
                Err(_) => {}
            }
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Let the app read each burst on its own, as typing would.
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Read what the app wrote so far into the screen and the raw log.
    fn drain(&mut self) {
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    /// After the app exited: read until the terminal hangs up, so the last bytes it
    /// wrote (leaving the alternate screen) are in, however late the reader gets them.
    fn drain_to_end(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            match self.output.recv_timeout(Duration::from_millis(100)) {
                Ok(bytes) => {
                    self.parser.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            }
        }
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("a running child")
    }

    /// Send a signal with kill(1), as a user or a service manager would.
    fn kill(&self, signal: &str) {
        let status = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.pid().to_string())
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -{signal}");
    }

    fn wait_exit(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "exit status {status:?}");
                return;
            }
            assert!(
                Instant::now() < deadline,
                "app did not quit:\n{}",
                self.screen()
            );
            self.drain();
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[test]
fn create_answer_quit_and_find_the_answers_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = Session::start(dir.path());
    app.wait_for("Nog geen beoordelingen");
    app.send("n");
    app.wait_for("Nieuwe beoordeling");
    app.send("Proef met pty\r");
    app.send("Testbedrijf\r");
    app.wait_for("Instrumenten");
    app.send("\r");
    app.wait_for("Klacht → Feedback");
    app.send("3");
    app.wait_for("Huidig: prima");
    // To part I; the cursor is on its first open criterion: mark I.2 met.
    app.send("\t\t\t\t\t\t\t\t\t");
    app.wait_for("Beleid en cultuur");
    app.send("v");
    app.wait_for("Score 2");
    app.send("q");
    app.wait_exit();

    let saved = only_assessment(dir.path());
    assert!(saved.contains("go1"), "{saved}");
    assert!(saved.contains("I.2"), "{saved}");

    let mut app = Session::start(dir.path());
    app.wait_for("Proef met pty");
    app.send("\r");
    // Resumes at the first open step; the side panel shows part I's score.
    app.wait_for("stap 2/15");
    app.wait_for("I   Beleid en cultu… ◐ 2");
    app.send("g");
    app.wait_for("Huidig: prima");
    app.send("q");
    app.wait_exit();
}

#[test]
fn a_tiny_terminal_gets_a_message_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = Session::start_sized(dir.path(), 10, 40);
    app.wait_for("te klein (40×10)");
    app.send("q");
    app.wait_exit();
}

/// The text of the one assessment file in `dir`.
fn only_assessment(dir: &Path) -> String {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    std::fs::read_to_string(&files[0]).unwrap()
}

/// Start, create an assessment and answer the first shift with `level`.
fn answered(dir: &Path, level: char) -> Session {
    let mut app = Session::start(dir);
    app.wait_for("Nog geen beoordelingen");
    app.send("n");
    app.wait_for("Nieuwe beoordeling");
    app.send("Signalen\r");
    app.send("\r");
    app.wait_for("Instrumenten");
    app.send("\r");
    app.wait_for("Klacht → Feedback");
    app.send(&level.to_string());
    app.wait_for("✓ opgeslagen");
    app
}

/// The terminal is handed back as it was: the alternate screen left, mouse reporting
/// and raw mode off.
fn assert_restored(app: &mut Session) {
    app.drain_to_end();
    assert!(
        !app.parser.screen().alternate_screen(),
        "still on the alternate screen"
    );
    let raw = String::from_utf8_lossy(&app.raw);
    let entered = raw
        .rfind("\x1b[?1049h")
        .expect("the app used the alternate screen");
    let left = raw
        .rfind("\x1b[?1049l")
        .expect("the alternate screen was left");
    assert!(left > entered, "left after entering");
    let mouse_on = raw.rfind("\x1b[?1000h").expect("mouse capture was on");
    let mouse_off = raw
        .rfind("\x1b[?1000l")
        .expect("mouse capture was turned off");
    assert!(mouse_off > mouse_on, "mouse capture off at the end");
}

/// Answer, stop the app with `signal` sent by kill(1), and find the terminal restored and
/// the answer in the file.
fn stop_with(signal: &str) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = answered(dir.path(), '4');
    app.kill(signal);
    app.wait_exit();
    assert_restored(&mut app);
    let saved = only_assessment(dir.path());
    assert!(
        saved.contains("go1") && saved.contains('4'),
        "the last answer is in the file after {signal}:\n{saved}"
    );
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_answers() {
    stop_with("TERM");
}

#[test]
fn sighup_restores_the_terminal_and_keeps_the_answers() {
    stop_with("HUP");
}

#[test]
fn sigint_restores_the_terminal_and_keeps_the_answers() {
    stop_with("INT");
}

#[test]
fn a_note_typed_just_before_sigterm_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = answered(dir.path(), '2');
    app.send("e");
    app.wait_for("Esc");
    app.send("Bewijs uit het jaarverslag");
    app.wait_for("Bewijs uit het jaarverslag");
    std::thread::sleep(Duration::from_secs(1));
    app.kill("TERM");
    app.wait_exit();
    assert_restored(&mut app);
    let saved = only_assessment(dir.path());
    assert!(
        saved.contains("Bewijs uit het jaarverslag"),
        "the note is in the file:\n{saved}"
    );
}

#[test]
fn quitting_after_a_failed_save_asks_first() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let mut app = answered(&data, '2');
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o500)).unwrap();
    // Where permissions do not bind (root), take the folder away instead, so that saving
    // fails the same way.
    let probe = data.join("probe");
    let moved = dir.path().join("weg");
    let permissions_bind = std::fs::write(&probe, "x").is_err();
    if !permissions_bind {
        std::fs::remove_file(&probe).unwrap();
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).unwrap();
        std::fs::rename(&data, &moved).unwrap();
    }
    app.send("3");
    app.wait_for("✗");
    app.send("q");
    app.wait_for("opnieuw opslaan");
    app.wait_for("toch stoppen");
    app.wait_for("blijven");
    // Esc stays; then s quits anyway.
    app.send("\x1b");
    std::thread::sleep(Duration::from_millis(300));
    app.drain();
    assert!(!app.screen().contains("toch stoppen"), "{}", app.screen());
    app.send("q");
    app.wait_for("toch stoppen");
    app.send("s");
    app.wait_exit();
    if permissions_bind {
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
}
