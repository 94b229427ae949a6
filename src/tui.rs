//! The terminal loop: block on input, turn it into messages, update, carry out the
//! effects, draw. No tick: nothing is drawn while nobody types.

use crate::app::{Effect, Model, Msg, Runtime, event_to_msg, update};
use crate::domain::Instruments;
use crate::store::Store;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;

/// Whether colours are wanted: `NO_COLOR` set to anything non-empty turns them off.
pub fn colour_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

pub fn run(store: Store, open: Option<PathBuf>) -> io::Result<()> {
    let instruments = Instruments::embedded();
    let mut model = Model::new(instruments, store.dir().to_path_buf());
    model.color = colour_wanted();
    let mut runtime = Runtime::new(store, instruments);
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

    ratatui::run(|terminal| {
        execute!(io::stdout(), EnableMouseCapture)?;
        let size = terminal.size()?;
        queue.push_back(Msg::Resize(size.width, size.height));
        let result = (|| loop {
            let mut quit = false;
            while let Some(msg) = queue.pop_front() {
                for effect in update(&mut model, msg) {
                    if effect == Effect::Quit {
                        quit = true;
                    } else if let Some(reply) = runtime.run(effect) {
                        queue.push_back(reply);
                    }
                }
            }
            if quit {
                return Ok(());
            }
            terminal.draw(|frame| frame.render_widget(&model, frame.area()))?;
            let event = event::read()?;
            if let Some(msg) = event_to_msg(&model, &event) {
                queue.push_back(msg);
            }
        })();
        execute!(io::stdout(), DisableMouseCapture)?;
        result
    })
}
