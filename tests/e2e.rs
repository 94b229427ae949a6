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
                Ok(bytes) => self.parser.process(&bytes),
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
            while let Ok(bytes) = self.output.try_recv() {
                self.parser.process(&bytes);
            }
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
    app.wait_for("Klacht → Feedback");
    app.send("3");
    app.wait_for("Huidig: prima");
    // To part I, mark I.2 met.
    app.send("\t\t\t\t\t\t\t\t\t");
    app.wait_for("Beleid en cultuur");
    app.send("j");
    app.send("v");
    app.wait_for("Score 2");
    app.send("q");
    app.wait_exit();

    let mut app = Session::start(dir.path());
    app.wait_for("Proef met pty");
    app.send("\r");
    app.wait_for("Feedback       ● prima");
    app.wait_for("I   Beleid en cultu… ◐ 2");
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
