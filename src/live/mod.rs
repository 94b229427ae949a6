//! The live workshop server: participants answer on their phone through a page that the
//! facilitator's laptop serves on the local network.
//!
//! Self-contained on purpose: the app hands in a [`Questionnaire`] (plain strings, no
//! domain types), receives every accepted change as a [`LiveEvent`] through a callback,
//! and steers the workshop through [`LiveServer`]'s methods. The HTTP server runs on a
//! tokio runtime (2 worker threads) on its own std thread, so the terminal app stays
//! synchronous; dropping or stopping the [`LiveServer`] stops it.
//!
//! The JSON API is documented in the README ("Live workshop API").

mod http;
mod page;
mod state;

use serde::Serialize;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

pub use state::ItemAnswer;
use state::Shared;

/// The port the server tries first when none is given.
pub const DEFAULT_PORT: u16 = 8137;
/// At most this many participants can join one workshop.
pub const MAX_PARTICIPANTS: usize = 200;
/// Request bodies larger than this are refused with 413.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// What participants answer, in the order the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Questionnaire {
    pub title: String,
    /// Participants give no name; they are called "Deelnemer N".
    pub anonymous: bool,
    pub sections: Vec<QSection>,
    pub warmup: Option<Warmup>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QSection {
    pub title: String,
    pub intro: Option<String>,
    pub items: Vec<QItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QItem {
    /// Unique within the questionnaire; the API's ITEM_ID.
    pub id: String,
    /// Short label such as "1 Klacht → Feedback" or "I.2".
    pub label: String,
    pub text: Option<String>,
    pub kind: QKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QKind {
    /// Levels such as aardig / goed / prima / goud, answered with `level` (1-based) and,
    /// when `ambition`, with `ambition` (1-based).
    Scale {
        levels: Vec<String>,
        /// One per level.
        statements: Vec<String>,
        ambition: bool,
    },
    /// `status`: met / not_met / open ("ja / nee / weet niet").
    Criterion,
    /// `status`: ja / deels / nee / nvt / open.
    Check,
    /// `value` between `min` and `max`.
    Number {
        unit: String,
        min: f64,
        max: f64,
        whole: bool,
    },
    /// `level` (or `value`) from `min` to `max`, e.g. 1–5.
    Rating { min: u8, max: u8 },
    /// `choice`: one of `options`.
    Choice { options: Vec<String> },
}

/// The warm-up "Is dit een klacht?": statements voted klacht / geen klacht; the
/// definitions are shown once the facilitator reveals them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warmup {
    pub statements: Vec<String>,
    /// (source, text)
    pub definitions: Vec<(String, String)>,
}

/// A participant, numbered from 1 in the order they joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ParticipantId(pub u32);

impl fmt::Display for ParticipantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What the app learns, through the callback, in the order it happened.
#[derive(Debug, Clone, PartialEq)]
pub enum LiveEvent {
    Joined {
        participant: ParticipantId,
        name: String,
    },
    Answered {
        participant: ParticipantId,
        item: String,
        value: AnswerValue,
    },
    Done {
        participant: ParticipantId,
    },
    WarmupVote {
        participant: ParticipantId,
        statement: usize,
        /// true = klacht
        vote: bool,
    },
}

/// One accepted change to one item.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerValue {
    /// 1-based level of a scale, or the rating of a rating item.
    Level(u8),
    /// 1-based ambition level of a scale.
    Ambition(u8),
    /// A criterion: "met", "not_met" or "open".
    Status(String),
    /// A checklist item: "ja", "deels", "nee", "nvt" or "open".
    Check(String),
    Number(f64),
    Choice(String),
    /// The participant's note; empty clears it.
    Note(String),
    /// The participant removed every answer to the item.
    Clear,
}

/// How to start the server.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LiveConfig {
    /// The address to listen on; the laptop's LAN address when `None`.
    pub bind: Option<IpAddr>,
    /// The port; [`DEFAULT_PORT`] or the next free one when `None`. `Some(0)`: any free port.
    pub port: Option<u16>,
    pub anonymous: bool,
}

/// What the facilitator shares with the participants' screens: generic lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamView {
    pub title: String,
    pub lines: Vec<TeamLine>,
}

/// One line of the team result, e.g. label "1 Klacht → Feedback", text
/// "mediaan goed · spreiding aardig–prima".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamLine {
    pub label: String,
    pub text: String,
}

/// Where the warm-up stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarmupPhase {
    /// Not shown.
    #[default]
    Off,
    /// Participants vote; no definitions yet.
    Voting,
    /// Voting closed; the definitions are shown.
    Revealed,
}

/// The facilitator's view of the workshop at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveSnapshot {
    pub open: bool,
    pub phase: WarmupPhase,
    pub results_shown: bool,
    /// In the order they joined.
    pub participants: Vec<ParticipantInfo>,
    /// One per warm-up statement.
    pub warmup: Vec<WarmupTally>,
    /// Number of items in the questionnaire.
    pub items: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParticipantInfo {
    pub id: ParticipantId,
    pub name: String,
    /// Items with an answer (a level, status, value or choice; not only a note).
    pub answered: usize,
    pub done: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WarmupTally {
    pub klacht: usize,
    pub geen_klacht: usize,
}

/// Why the server did not start. Displayed in Dutch.
#[derive(Debug)]
pub enum LiveError {
    /// No LAN address was found.
    NoAddress,
    /// The address or port could not be used.
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    /// The questionnaire cannot be served (empty, duplicate item ids, ...).
    Questionnaire(String),
    /// The runtime or thread could not be started.
    Runtime(String),
}

impl fmt::Display for LiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LiveError::NoAddress => write!(
                f,
                "Geen netwerkadres gevonden voor de live workshop: is de laptop verbonden met \
                 een (wifi)netwerk? Verbind met het netwerk van de deelnemers, of geef een adres \
                 op met --bind (bijvoorbeeld --bind 127.0.0.1 om alleen op deze laptop te testen)."
            ),
            LiveError::Bind { addr, source } => {
                if source.kind() == std::io::ErrorKind::AddrInUse {
                    write!(
                        f,
                        "Poort {} op {} is al in gebruik: kies een andere poort met --port, \
                         of laat --port weg om een vrije poort te laten kiezen.",
                        addr.port(),
                        addr.ip()
                    )
                } else {
                    write!(
                        f,
                        "Kan niet luisteren op {addr}: {source}. Controleer het adres bij --bind \
                         (het moet een adres van deze laptop zijn) en de poort bij --port."
                    )
                }
            }
            LiveError::Questionnaire(msg) => {
                write!(f, "De vragenlijst voor de live workshop klopt niet: {msg}")
            }
            LiveError::Runtime(msg) => write!(
                f,
                "De live server kon niet starten: {msg}. Probeer het opnieuw; helpt dat niet, \
                 start goudenoor dan opnieuw."
            ),
        }
    }
}

impl std::error::Error for LiveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LiveError::Bind { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The running server. Owns the runtime thread; dropping it stops the server.
pub struct LiveServer {
    shared: Arc<Shared>,
    addr: SocketAddr,
    url_host: IpAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    server_thread: Option<JoinHandle<()>>,
    event_thread: Option<JoinHandle<()>>,
}

impl LiveServer {
    /// Starts the server and returns once it listens. Every accepted change reaches
    /// `on_event`, in order, on a thread of its own.
    pub fn start(
        config: LiveConfig,
        mut questionnaire: Questionnaire,
        on_event: impl Fn(LiveEvent) + Send + Sync + 'static,
    ) -> Result<LiveServer, LiveError> {
        questionnaire.anonymous |= config.anonymous;
        state::validate_questionnaire(&questionnaire).map_err(LiveError::Questionnaire)?;
        let ip = match config.bind {
            Some(ip) => ip,
            None => local_ip_address::local_ip().map_err(|_| LiveError::NoAddress)?,
        };
        let listener = bind(ip, config.port)?;
        let addr = listener
            .local_addr()
            .map_err(|e| LiveError::Runtime(e.to_string()))?;
        listener
            .set_nonblocking(true)
            .map_err(|e| LiveError::Runtime(e.to_string()))?;
        let url_host = if ip.is_unspecified() {
            local_ip_address::local_ip().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
        } else {
            ip
        };

        let (event_tx, event_rx) = std::sync::mpsc::channel::<LiveEvent>();
        let event_thread = std::thread::Builder::new()
            .name("goudenoor-live-events".into())
            .spawn(move || {
                for event in event_rx {
                    on_event(event);
                }
            })
            .map_err(|e| LiveError::Runtime(e.to_string()))?;
        let shared = Arc::new(Shared::new(questionnaire, event_tx));

        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let (ready_tx, ready_rx) = std::sync::mpsc::channel::<Result<(), String>>();
        let app_state = Arc::clone(&shared);
        let server_thread = std::thread::Builder::new()
            .name("goudenoor-live-server".into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .thread_name("goudenoor-live-worker")
                    .enable_all()
                    .build()
                {
                    Ok(runtime) => runtime,
                    Err(e) => {
                        let _ = ready_tx.send(Err(e.to_string()));
                        return;
                    }
                };
                runtime.block_on(async move {
                    let listener = match tokio::net::TcpListener::from_std(listener) {
                        Ok(listener) => listener,
                        Err(e) => {
                            let _ = ready_tx.send(Err(e.to_string()));
                            return;
                        }
                    };
                    let _ = ready_tx.send(Ok(()));
                    tokio::select! {
                        _ = http::serve(listener, http::router(app_state)) => {}
                        _ = stop_rx => {}
                    }
                });
                // Open keep-alive connections are cut, not waited for.
                runtime.shutdown_timeout(Duration::from_millis(500));
            })
            .map_err(|e| LiveError::Runtime(e.to_string()))?;

        let mut server = LiveServer {
            shared,
            addr,
            url_host,
            stop: Some(stop_tx),
            server_thread: Some(server_thread),
            event_thread: Some(event_thread),
        };
        match ready_rx.recv() {
            Ok(Ok(())) => Ok(server),
            Ok(Err(msg)) => {
                server.shutdown();
                Err(LiveError::Runtime(msg))
            }
            Err(_) => {
                server.shutdown();
                Err(LiveError::Runtime(
                    "de serverthread stopte onverwacht".into(),
                ))
            }
        }
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The page participants open, e.g. `http://192.168.1.20:8137/w/TOKEN`.
    pub fn join_url(&self) -> String {
        format!("{}/w/{}", self.base_url(), self.shared.token)
    }

    /// Where the short code is typed, e.g. `http://192.168.1.20:8137/`.
    pub fn code_url(&self) -> String {
        format!("{}/", self.base_url())
    }

    fn base_url(&self) -> String {
        let host = match self.url_host {
            IpAddr::V4(ip) => ip.to_string(),
            IpAddr::V6(ip) => format!("[{ip}]"),
        };
        format!("http://{host}:{}", self.addr.port())
    }

    /// The 6-character code typed at [`LiveServer::code_url`]; unambiguous letters and digits.
    pub fn short_code(&self) -> &str {
        &self.shared.code
    }

    /// The join URL as a QR code in half blocks (`▀`, `▄`, `█` and spaces), quiet zone
    /// included. A block is a dark module: draw the lines dark on a light background
    /// (e.g. black on white), whatever the terminal's colours.
    pub fn qr_lines(&self) -> Vec<String> {
        qr_lines(&self.join_url())
    }

    /// Opens or closes answering; while closed, joining, answering and voting get 409.
    pub fn set_open(&self, open: bool) {
        self.shared.set_open(open);
    }

    /// Shows the team's result on the participants' screens, or hides it (`None`).
    pub fn show_results(&self, results: Option<TeamView>) {
        self.shared.show_results(results);
    }

    /// Removes a participant: their token stops working and their answers are dropped
    /// from the server (the app keeps what it received).
    pub fn remove(&self, participant: ParticipantId) {
        self.shared.remove(participant);
    }

    pub fn set_warmup_phase(&self, phase: WarmupPhase) {
        self.shared.set_phase(phase);
    }

    pub fn snapshot(&self) -> LiveSnapshot {
        self.shared.snapshot()
    }

    /// A participant's current answers, by item id.
    pub fn answers(
        &self,
        participant: ParticipantId,
    ) -> Option<std::collections::BTreeMap<String, ItemAnswer>> {
        self.shared.answers_of(participant)
    }

    /// Stops the server; returns once every accepted change has reached the callback.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.server_thread.take() {
            let _ = thread.join();
        }
        self.shared.close_events();
        if let Some(thread) = self.event_thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for LiveServer {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Binds `ip:port`; without a port, [`DEFAULT_PORT`] or one of the next ten, else any.
fn bind(ip: IpAddr, port: Option<u16>) -> Result<TcpListener, LiveError> {
    if let Some(port) = port {
        let addr = SocketAddr::new(ip, port);
        return TcpListener::bind(addr).map_err(|source| LiveError::Bind { addr, source });
    }
    let mut last = None;
    for port in (DEFAULT_PORT..DEFAULT_PORT + 10).chain([0]) {
        let addr = SocketAddr::new(ip, port);
        match TcpListener::bind(addr) {
            Ok(listener) => return Ok(listener),
            Err(source) if source.kind() == std::io::ErrorKind::AddrInUse => {
                last = Some(LiveError::Bind { addr, source })
            }
            Err(source) => return Err(LiveError::Bind { addr, source }),
        }
    }
    Err(last.unwrap_or(LiveError::NoAddress))
}

/// `text` as a QR code in half blocks, quiet zone included; a block is a dark module.
pub fn qr_lines(text: &str) -> Vec<String> {
    use qrcode::render::unicode::Dense1x2;
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => code
            .render::<Dense1x2>()
            .quiet_zone(true)
            .build()
            .lines()
            .map(str::to_owned)
            .collect(),
        Err(_) => Vec::new(),
    }
}
