//! The terminal loop: block on one channel (keys and resizes, signals, a timer only
//! while a typed note waits to be saved), turn events into messages, update, carry out
//! the effects, draw. Nothing is drawn and nothing runs while nobody types.

use crate::app::{Effect, Model, Msg, Runtime, event_to_msg, update};
use crate::domain::Instruments;
use crate::store::Store;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use crossterm::execute;
use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long typing in a note may pause before it is saved.
pub const NOTE_PAUSE: Duration = Duration::from_millis(500);

/// Whether colours are wanted: `NO_COLOR` set to anything non-empty turns them off.
pub fn colour_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// What reaches the loop.
pub enum Input {
    Terminal(Event),
    /// SIGTERM, SIGHUP or SIGINT: save and leave, restoring the terminal.
    Stop,
    /// A participant of the live workshop joined, answered, finished or voted.
    Live(crate::live::LiveEvent),
    Failed(io::Error),
}

/// Read terminal events on their own thread into the channel.
fn spawn_reader(tx: mpsc::Sender<Input>) {
    std::thread::spawn(move || {
        loop {
            let input = match event::read() {
                Ok(event) => Input::Terminal(event),
                Err(e) => Input::Failed(e),
            };
            let failed = matches!(input, Input::Failed(_));
            if tx.send(input).is_err() || failed {
                break;
            }
        }
    });
}

#[cfg(unix)]
fn spawn_signals(tx: mpsc::Sender<Input>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Input::Stop);
        }
    });
    Ok(())
}

#[cfg(not(unix))]
fn spawn_signals(_tx: mpsc::Sender<Input>) -> io::Result<()> {
    // On Windows, Ctrl-C arrives as a key in raw mode; closing the console ends the
    // process, and every answer is saved as it is given.
    Ok(())
}

/// A mouse click becomes the message of what is under it.
fn mouse_to_msg(model: &Model, event: &Event) -> Option<Msg> {
    match event {
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                crate::ui::hit_test(model, mouse.column, mouse.row)
            }
            MouseEventKind::ScrollUp => Some(Msg::Up),
            MouseEventKind::ScrollDown => Some(Msg::Down),
            _ => None,
        },
        _ => None,
    }
}

/// How long live answers may wait before they are saved together.
pub const LIVE_BATCH: Duration = Duration::from_millis(200);

pub fn run(store: Store, open: Option<PathBuf>) -> io::Result<()> {
    run_with(store, open, None)
}

/// The app, on `open`, with the live workshop started at once when `live` asks for it.
pub fn run_with(
    store: Store,
    open: Option<PathBuf>,
    live: Option<crate::app::LiveRequest>,
) -> io::Result<()> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(io::Error::other(
            "dit is geen terminal; start goudenoor in een terminalvenster (de opdrachten zoals `goudenoor report` werken ook zonder)",
        ));
    }
    let instruments = Instruments::embedded();
    let mut model = Model::new(instruments, store.dir().to_path_buf());
    model.color = colour_wanted();
    model.live_request = live;
    model.today = Some(
        jiff::Timestamp::now()
            .to_zoned_datetime(jiff::tz::TimeZone::system())
            .date(),
    );
    let (tx, rx) = mpsc::channel();
    let live_tx = std::sync::Mutex::new(tx.clone());
    let sink: crate::app::LiveSink = std::sync::Arc::new(move |event| {
        if let Ok(tx) = live_tx.lock() {
            let _ = tx.send(Input::Live(event));
        }
    });
    let mut runtime = Runtime::new(store, instruments)
        .with_exporter(Box::new(crate::export::export_report))
        .with_live_sink(sink);
    let mut queue = VecDeque::from([Msg::Listed(runtime.list())]);
    if let Some(path) = open {
        queue.push_back(runtime.open(&path));
    }

    // ratatui restores the screen on panic; the mouse capture is ours to release.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));

    spawn_signals(tx.clone())?;
    ratatui::run(|terminal| {
        execute!(io::stdout(), EnableMouseCapture)?;
        spawn_reader(tx);
        let size = terminal.size()?;
        queue.push_back(Msg::Resize(size.width, size.height));
        let mut save_at: Option<Instant> = None;
        let result = (|| loop {
            let mut quit = false;
            while let Some(msg) = queue.pop_front() {
                for effect in update(&mut model, msg) {
                    match effect {
                        Effect::Quit => quit = true,
                        Effect::SaveSoon => save_at = Some(Instant::now() + NOTE_PAUSE),
                        Effect::SaveBatched => {
                            let due = Instant::now() + LIVE_BATCH;
                            save_at = Some(save_at.map_or(due, |at| at.min(due)));
                        }
                        effect => {
                            if matches!(effect, Effect::Save(_)) {
                                save_at = None;
                            }
                            if let Some(reply) = runtime.run(effect) {
                                queue.push_back(reply);
                            }
                        }
                    }
                }
            }
            if quit {
                return Ok(());
            }
            let mut viewport = model.viewport;
            terminal.draw(|frame| {
                viewport = crate::ui::draw(&model, frame.area(), frame.buffer_mut())
            })?;
            if viewport != model.viewport {
                queue.push_back(Msg::Viewport(viewport));
                continue;
            }
            let input = match save_at {
                Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                    Ok(input) => Some(input),
                    Err(mpsc::RecvTimeoutError::Timeout) => None,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
                },
                None => match rx.recv() {
                    Ok(input) => Some(input),
                    Err(_) => return Ok(()),
                },
            };
            match input {
                None => {
                    save_at = None;
                    queue.push_back(Msg::SaveDue);
                }
                Some(Input::Terminal(event)) => {
                    if let Some(msg) =
                        event_to_msg(&model, &event).or_else(|| mouse_to_msg(&model, &event))
                    {
                        queue.push_back(msg);
                    }
                }
                Some(Input::Live(event)) => queue.push_back(Msg::Live(event)),
                Some(Input::Stop) => {
                    // Save what waits, then leave without asking: the signal means stop.
                    queue.push_back(Msg::SaveDue);
                    queue.push_back(Msg::QuitAnyway);
                }
                Some(Input::Failed(e)) => return Err(e),
            }
        })();
        execute!(io::stdout(), DisableMouseCapture)?;
        result
    })
}
