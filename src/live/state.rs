//! The workshop's state in memory: participants, their answers, the warm-up, and the
//! validation of every input against the questionnaire.

use super::{
    AnswerValue, LiveEvent, LiveSnapshot, MAX_PARTICIPANTS, ParticipantId, ParticipantInfo, QItem,
    QKind, Questionnaire, TeamView, WarmupPhase, WarmupTally,
};
use axum::http::StatusCode;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::net::IpAddr;
use std::sync::mpsc::Sender;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Wrong short codes allowed per IP address before a pause.
pub(crate) const CODE_TRIES: u32 = 10;
/// How long an IP address waits after too many wrong codes.
pub(crate) const CODE_PAUSE: Duration = Duration::from_secs(60);
/// The longest name a participant can give, in characters.
const MAX_NAME: usize = 60;
/// The longest note, in characters.
const MAX_NOTE: usize = 2000;
/// The longest choice, in characters.
const MAX_CHOICE: usize = 200;

/// Characters of the short code: no 0/O, 1/I/L.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LEN: usize = 6;

/// An error the API answers with: a status and a Dutch message.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }
    pub fn bad(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "Je bent (nog) niet aangemeld voor deze workshop: open de pagina opnieuw en meld je \
             aan. Stuur bij de API de kop X-Participant met je deelnemerscode mee.",
        )
    }
    pub fn closed() -> Self {
        Self::new(
            StatusCode::CONFLICT,
            "Het invullen is gesloten door de begeleider. Je antwoorden tot nu toe zijn bewaard.",
        )
    }
    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "Deze workshop bestaat niet (meer). Controleer de link of scan de QR-code opnieuw.",
        )
    }
}

/// A participant's answers to one item. Only the fields given are set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ItemAnswer {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ambition: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ItemAnswer {
    /// Has the main answer (not only an ambition or a note).
    pub fn is_answered(&self) -> bool {
        self.level.is_some()
            || self.status.is_some()
            || self.value.is_some()
            || self.choice.is_some()
    }

    fn apply(&mut self, value: &AnswerValue) {
        match value {
            AnswerValue::Level(n) => self.level = Some(*n),
            AnswerValue::Ambition(n) => self.ambition = Some(*n),
            AnswerValue::Status(s) | AnswerValue::Check(s) => self.status = Some(s.clone()),
            AnswerValue::Number(v) => self.value = Some(*v),
            AnswerValue::Choice(c) => self.choice = Some(c.clone()),
            AnswerValue::Note(n) if n.is_empty() => self.note = None,
            AnswerValue::Note(n) => self.note = Some(n.clone()),
            AnswerValue::Clear => *self = ItemAnswer::default(),
        }
    }
}

pub(crate) struct Participant {
    pub id: ParticipantId,
    pub name: String,
    pub answers: BTreeMap<String, ItemAnswer>,
    pub done: bool,
    /// Per warm-up statement: Some(true) = klacht.
    pub votes: Vec<Option<bool>>,
}

impl Participant {
    pub fn answered(&self) -> usize {
        self.answers.values().filter(|a| a.is_answered()).count()
    }
}

/// What a participant gets from `/api/me`.
#[derive(Serialize)]
pub(crate) struct MeView<'a> {
    pub participant: ParticipantId,
    pub name: &'a str,
    pub done: bool,
    pub answered: usize,
    pub total: usize,
    pub answers: &'a BTreeMap<String, ItemAnswer>,
    pub warmup: Vec<Option<&'static str>>,
}

/// What anyone with the workshop link gets from `/api/state`.
#[derive(Serialize)]
pub(crate) struct StateView<'a> {
    pub version: u64,
    pub open: bool,
    pub warmup: WarmupPhase,
    pub definitions: Option<&'a [(String, String)]>,
    pub results: Option<&'a TeamView>,
}

pub(crate) struct Inner {
    pub open: bool,
    pub phase: WarmupPhase,
    pub results: Option<TeamView>,
    /// Bumped on every facilitator change, so pages know to reload.
    pub version: u64,
    /// By participant token.
    pub participants: HashMap<String, Participant>,
    next_id: u32,
    code_failures: HashMap<IpAddr, (u32, Instant)>,
    events: Option<Sender<LiveEvent>>,
}

impl Inner {
    fn emit(&self, event: LiveEvent) {
        if let Some(events) = &self.events {
            let _ = events.send(event);
        }
    }

    pub fn participant(&self, token: Option<&str>) -> Result<&Participant, ApiError> {
        token
            .and_then(|t| self.participants.get(t))
            .ok_or_else(ApiError::unauthorized)
    }

    fn participant_mut(&mut self, token: Option<&str>) -> Result<&mut Participant, ApiError> {
        token
            .and_then(|t| self.participants.get_mut(t))
            .ok_or_else(ApiError::unauthorized)
    }
}

pub(crate) struct Shared {
    pub token: String,
    pub code: String,
    pub questionnaire: Questionnaire,
    /// Item id → (section index, item index).
    index: HashMap<String, (usize, usize)>,
    inner: Mutex<Inner>,
}

impl Shared {
    pub fn new(questionnaire: Questionnaire, events: Sender<LiveEvent>) -> Shared {
        let index = questionnaire
            .sections
            .iter()
            .enumerate()
            .flat_map(|(s, section)| {
                section
                    .items
                    .iter()
                    .enumerate()
                    .map(move |(i, item)| (item.id.clone(), (s, i)))
            })
            .collect();
        Shared {
            token: random_token(),
            code: random_code(),
            questionnaire,
            index,
            inner: Mutex::new(Inner {
                open: true,
                phase: WarmupPhase::Off,
                results: None,
                version: 1,
                participants: HashMap::new(),
                next_id: 1,
                code_failures: HashMap::new(),
                events: Some(events),
            }),
        }
    }

    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave the maps half-changed in a way
        // that matters more than stopping the workshop would.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn item(&self, id: &str) -> Option<&QItem> {
        self.index
            .get(id)
            .map(|&(s, i)| &self.questionnaire.sections[s].items[i])
    }

    pub fn total_items(&self) -> usize {
        self.index.len()
    }

    fn warmup_len(&self) -> usize {
        self.questionnaire
            .warmup
            .as_ref()
            .map_or(0, |w| w.statements.len())
    }

    /// Constant-time comparison of the workshop token.
    pub fn token_matches(&self, token: &str) -> bool {
        let (a, b) = (self.token.as_bytes(), token.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }

    pub fn join(&self, name: Option<&str>) -> Result<(ParticipantId, String), ApiError> {
        let name = if self.questionnaire.anonymous {
            None
        } else {
            Some(clean_name(name.unwrap_or(""))?)
        };
        let mut inner = self.lock();
        if !inner.open {
            return Err(ApiError::closed());
        }
        if inner.participants.len() >= MAX_PARTICIPANTS {
            return Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                format!(
                    "Deze workshop is vol: er doen al {MAX_PARTICIPANTS} deelnemers mee. Vraag \
                     de begeleider om iemand te verwijderen."
                ),
            ));
        }
        let id = ParticipantId(inner.next_id);
        inner.next_id += 1;
        let name = name.unwrap_or_else(|| format!("Deelnemer {id}"));
        let token = random_token();
        inner.participants.insert(
            token.clone(),
            Participant {
                id,
                name: name.clone(),
                answers: BTreeMap::new(),
                done: false,
                votes: vec![None; self.warmup_len()],
            },
        );
        inner.emit(LiveEvent::Joined {
            participant: id,
            name,
        });
        Ok((id, token))
    }

    /// Validates and stores one change; reports it to the app.
    pub fn answer(
        &self,
        token: Option<&str>,
        item_id: &str,
        raw: RawAnswer,
    ) -> Result<(), ApiError> {
        let item = self.item(item_id).ok_or_else(|| unknown_item(item_id))?;
        let value = validate(item, raw)?;
        let mut inner = self.lock();
        inner.participant(token)?;
        if !inner.open {
            return Err(ApiError::closed());
        }
        let participant = inner.participant_mut(token)?;
        let id = participant.id;
        if value == AnswerValue::Clear {
            participant.answers.remove(item_id);
        } else {
            participant
                .answers
                .entry(item_id.to_owned())
                .or_default()
                .apply(&value);
        }
        inner.emit(LiveEvent::Answered {
            participant: id,
            item: item_id.to_owned(),
            value,
        });
        Ok(())
    }

    pub fn vote(&self, token: Option<&str>, statement: &str, vote: &str) -> Result<(), ApiError> {
        let count = self.warmup_len();
        let index = statement
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=count).contains(n))
            .ok_or_else(|| {
                ApiError::bad(if count == 0 {
                    "Deze workshop heeft geen opwarmer.".to_owned()
                } else {
                    format!(
                        "Onbekende stelling \"{}\": kies een nummer van 1 tot {count}.",
                        shorten(statement)
                    )
                })
            })?
            - 1;
        let vote = match vote {
            "klacht" => true,
            "geen_klacht" => false,
            other => {
                return Err(ApiError::bad(format!(
                    "Ongeldige stem \"{}\" bij \"vote\": kies \"klacht\" of \"geen_klacht\".",
                    shorten(other)
                )));
            }
        };
        let mut inner = self.lock();
        inner.participant(token)?;
        if inner.phase != WarmupPhase::Voting {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "Stemmen bij de opwarmer kan nu niet: de begeleider heeft de stemming gesloten \
                 of nog niet geopend.",
            ));
        }
        let participant = inner.participant_mut(token)?;
        participant.votes[index] = Some(vote);
        let id = participant.id;
        inner.emit(LiveEvent::WarmupVote {
            participant: id,
            statement: index,
            vote,
        });
        Ok(())
    }

    pub fn done(&self, token: Option<&str>) -> Result<(), ApiError> {
        let mut inner = self.lock();
        inner.participant(token)?;
        if !inner.open {
            return Err(ApiError::closed());
        }
        let participant = inner.participant_mut(token)?;
        participant.done = true;
        let id = participant.id;
        inner.emit(LiveEvent::Done { participant: id });
        Ok(())
    }

    /// A wrong short code counts against `ip`; after [`CODE_TRIES`] it pauses.
    pub fn check_code(&self, ip: IpAddr, code: &str) -> Result<(), CodeRefusal> {
        let now = Instant::now();
        let mut inner = self.lock();
        if inner.code_failures.len() > 10_000 {
            inner
                .code_failures
                .retain(|_, (_, since)| now.duration_since(*since) < CODE_PAUSE);
        }
        if let Some(&(count, since)) = inner.code_failures.get(&ip)
            && count >= CODE_TRIES
        {
            if now.duration_since(since) < CODE_PAUSE {
                return Err(CodeRefusal::Paused);
            }
            inner.code_failures.remove(&ip);
        }
        let typed: String = code
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .flat_map(char::to_uppercase)
            .collect();
        if typed == self.code {
            inner.code_failures.remove(&ip);
            return Ok(());
        }
        let entry = inner.code_failures.entry(ip).or_insert((0, now));
        entry.0 += 1;
        entry.1 = now;
        if entry.0 >= CODE_TRIES {
            Err(CodeRefusal::Paused)
        } else {
            Err(CodeRefusal::Wrong {
                left: CODE_TRIES - entry.0,
            })
        }
    }

    pub fn set_open(&self, open: bool) {
        let mut inner = self.lock();
        if inner.open != open {
            inner.open = open;
            inner.version += 1;
        }
    }

    pub fn show_results(&self, results: Option<TeamView>) {
        let mut inner = self.lock();
        inner.results = results;
        inner.version += 1;
    }

    pub fn set_phase(&self, phase: WarmupPhase) {
        let mut inner = self.lock();
        if inner.phase != phase {
            inner.phase = phase;
            inner.version += 1;
        }
    }

    pub fn remove(&self, id: ParticipantId) {
        self.lock().participants.retain(|_, p| p.id != id);
    }

    pub fn answers_of(&self, id: ParticipantId) -> Option<BTreeMap<String, ItemAnswer>> {
        self.lock()
            .participants
            .values()
            .find(|p| p.id == id)
            .map(|p| p.answers.clone())
    }

    pub fn snapshot(&self) -> LiveSnapshot {
        let inner = self.lock();
        let mut participants: Vec<ParticipantInfo> = inner
            .participants
            .values()
            .map(|p| ParticipantInfo {
                id: p.id,
                name: p.name.clone(),
                answered: p.answered(),
                done: p.done,
            })
            .collect();
        participants.sort_by_key(|p| p.id);
        let mut warmup = vec![WarmupTally::default(); self.warmup_len()];
        for p in inner.participants.values() {
            for (tally, vote) in warmup.iter_mut().zip(&p.votes) {
                match vote {
                    Some(true) => tally.klacht += 1,
                    Some(false) => tally.geen_klacht += 1,
                    None => {}
                }
            }
        }
        LiveSnapshot {
            open: inner.open,
            phase: inner.phase,
            results_shown: inner.results.is_some(),
            participants,
            warmup,
            items: self.total_items(),
        }
    }

    /// No more events: lets the event thread finish once it has delivered the rest.
    pub fn close_events(&self) {
        self.lock().events = None;
    }
}

pub(crate) enum CodeRefusal {
    Wrong { left: u32 },
    Paused,
}

/// One field of an answer as the API or a form gave it, before validation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RawAnswer {
    Level(serde_json::Value),
    Ambition(serde_json::Value),
    Status(String),
    Value(serde_json::Value),
    Choice(String),
    Note(String),
    Clear,
}

const FIELDS: &str = "\"level\", \"ambition\", \"status\", \"value\", \"choice\" of \"note\"";

impl RawAnswer {
    /// From a JSON body with exactly one of the known fields.
    pub fn from_json(body: &[u8]) -> Result<RawAnswer, ApiError> {
        let map: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(body)
            .map_err(|e| {
                ApiError::bad(format!(
                    "De inhoud is geen geldig JSON-object ({}): stuur bijvoorbeeld {{\"level\": 3}}.",
                    json_position(&e)
                ))
            })?;
        if map.len() != 1 {
            return Err(ApiError::bad(format!(
                "Geef precies één veld: {FIELDS} (nu {}).",
                map.len()
            )));
        }
        let (key, value) = map.into_iter().next().expect("one field");
        let text = |value: serde_json::Value| match value {
            serde_json::Value::String(s) => Ok(s),
            _ => Err(ApiError::bad(format!(
                "Het veld \"{}\" moet tekst zijn.",
                shorten(&key)
            ))),
        };
        Ok(match key.as_str() {
            "level" => RawAnswer::Level(value),
            "ambition" => RawAnswer::Ambition(value),
            "value" => RawAnswer::Value(value),
            "status" => RawAnswer::Status(text(value)?),
            "choice" => RawAnswer::Choice(text(value)?),
            "note" => RawAnswer::Note(text(value)?),
            _ => {
                return Err(ApiError::bad(format!(
                    "Onbekend veld \"{}\": gebruik {FIELDS}.",
                    shorten(&key)
                )));
            }
        })
    }

    /// From a form post: the first of the known fields that is present.
    pub fn from_form(form: &HashMap<String, String>) -> Result<RawAnswer, ApiError> {
        // Whole numbers stay whole (as JSON would send them), so levels validate alike.
        let number = |s: &str| {
            let text = s.trim().replace(',', ".");
            if let Ok(n) = text.parse::<u64>() {
                return serde_json::Value::from(n);
            }
            text.parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map(serde_json::Value::Number)
                .unwrap_or_else(|| serde_json::Value::String(s.to_owned()))
        };
        if form.contains_key("clear") {
            return Ok(RawAnswer::Clear);
        }
        for key in ["level", "ambition", "status", "value", "choice", "note"] {
            if let Some(v) = form.get(key) {
                return Ok(match key {
                    "level" => RawAnswer::Level(number(v)),
                    "ambition" => RawAnswer::Ambition(number(v)),
                    "value" => RawAnswer::Value(number(v)),
                    "status" => RawAnswer::Status(v.clone()),
                    "choice" => RawAnswer::Choice(v.clone()),
                    _ => RawAnswer::Note(v.clone()),
                });
            }
        }
        Err(ApiError::bad(format!("Geef een antwoord: {FIELDS}.")))
    }
}

fn unknown_item(id: &str) -> ApiError {
    ApiError::bad(format!(
        "Onbekend onderdeel \"{}\": dat hoort niet bij deze vragenlijst. Laad de pagina opnieuw.",
        shorten(id)
    ))
}

/// Where a JSON body went wrong, in Dutch (serde's own text is English).
pub(crate) fn json_position(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Eof => "het houdt halverwege op",
        Category::Syntax => "fout in de opbouw",
        Category::Data => "een waarde van de verkeerde soort",
        Category::Io => "niet te lezen",
    };
    format!("{what}, regel {} kolom {}", e.line(), e.column())
}

/// Checks one raw field against the item's kind.
pub(crate) fn validate(item: &QItem, raw: RawAnswer) -> Result<AnswerValue, ApiError> {
    let label = shorten(&item.label);
    let whole_in = |field: &str, v: &serde_json::Value, min: u64, max: u64, names: &str| {
        v.as_u64()
            .filter(|n| (min..=max).contains(n))
            .map(|n| n as u8)
            .ok_or_else(|| {
                ApiError::bad(format!(
                    "\"{field}\" bij \"{label}\" moet een geheel getal van {min} tot en met {max} \
                     zijn{names}."
                ))
            })
    };
    let not_here = |field: &str| {
        ApiError::bad(format!(
            "\"{field}\" past niet bij \"{label}\": dit onderdeel vraagt {}.",
            expects(&item.kind)
        ))
    };
    match (&item.kind, raw) {
        (_, RawAnswer::Clear) => Ok(AnswerValue::Clear),
        (_, RawAnswer::Note(note)) => {
            let note: String = note
                .chars()
                .filter(|c| *c == '\n' || !c.is_control())
                .collect();
            let note = note.trim().to_owned();
            if note.chars().count() > MAX_NOTE {
                return Err(ApiError::bad(format!(
                    "De toelichting bij \"{label}\" is te lang: hoogstens {MAX_NOTE} tekens."
                )));
            }
            Ok(AnswerValue::Note(note))
        }
        (QKind::Scale { levels, .. }, RawAnswer::Level(v)) => {
            let names = format!(" ({})", levels.join(", "));
            Ok(AnswerValue::Level(whole_in(
                "level",
                &v,
                1,
                levels.len() as u64,
                &names,
            )?))
        }
        (
            QKind::Scale {
                levels,
                ambition: true,
                ..
            },
            RawAnswer::Ambition(v),
        ) => {
            let names = format!(" ({})", levels.join(", "));
            Ok(AnswerValue::Ambition(whole_in(
                "ambition",
                &v,
                1,
                levels.len() as u64,
                &names,
            )?))
        }
        (QKind::Rating { min, max }, RawAnswer::Level(v) | RawAnswer::Value(v)) => Ok(
            AnswerValue::Level(whole_in("level", &v, *min as u64, *max as u64, "")?),
        ),
        (QKind::Criterion, RawAnswer::Status(s)) => match s.as_str() {
            "met" | "not_met" | "open" => Ok(AnswerValue::Status(s)),
            _ => Err(ApiError::bad(format!(
                "Ongeldige \"status\" \"{}\" bij \"{label}\": kies \"met\" (ja), \"not_met\" \
                 (nee) of \"open\" (weet niet).",
                shorten(&s)
            ))),
        },
        (QKind::Check, RawAnswer::Status(s)) => match s.as_str() {
            "ja" | "deels" | "nee" | "nvt" | "open" => Ok(AnswerValue::Check(s)),
            _ => Err(ApiError::bad(format!(
                "Ongeldige \"status\" \"{}\" bij \"{label}\": kies \"ja\", \"deels\", \"nee\", \
                 \"nvt\" of \"open\".",
                shorten(&s)
            ))),
        },
        (
            QKind::Number {
                unit,
                min,
                max,
                whole,
            },
            RawAnswer::Value(v),
        ) => {
            let n = v
                .as_f64()
                .filter(|n| n.is_finite() && *n >= *min && *n <= *max)
                .filter(|n| !*whole || n.fract() == 0.0)
                .ok_or_else(|| {
                    ApiError::bad(format!(
                        "\"value\" bij \"{label}\" moet een {}getal van {min} tot en met {max}{} \
                         zijn.",
                        if *whole { "geheel " } else { "" },
                        if unit.is_empty() {
                            String::new()
                        } else {
                            format!(" {unit}")
                        }
                    ))
                })?;
            Ok(AnswerValue::Number(n))
        }
        (QKind::Choice { options }, RawAnswer::Choice(c)) => {
            if c.chars().count() <= MAX_CHOICE && options.contains(&c) {
                Ok(AnswerValue::Choice(c))
            } else {
                Err(ApiError::bad(format!(
                    "Ongeldige keuze \"{}\" bij \"{label}\": kies uit {}.",
                    shorten(&c),
                    options
                        .iter()
                        .map(|o| format!("\"{o}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                )))
            }
        }
        (_, RawAnswer::Level(_)) => Err(not_here("level")),
        (_, RawAnswer::Ambition(_)) => Err(not_here("ambition")),
        (_, RawAnswer::Status(_)) => Err(not_here("status")),
        (_, RawAnswer::Value(_)) => Err(not_here("value")),
        (_, RawAnswer::Choice(_)) => Err(not_here("choice")),
    }
}

fn expects(kind: &QKind) -> &'static str {
    match kind {
        QKind::Scale { ambition: true, .. } => "\"level\" en \"ambition\" (of \"note\")",
        QKind::Scale { .. } => "\"level\" (of \"note\")",
        QKind::Criterion | QKind::Check => "\"status\" (of \"note\")",
        QKind::Number { .. } => "\"value\" (of \"note\")",
        QKind::Rating { .. } => "\"level\" (of \"note\")",
        QKind::Choice { .. } => "\"choice\" (of \"note\")",
    }
}

/// A participant's name: trimmed, no control characters, 1 to [`MAX_NAME`] characters.
fn clean_name(name: &str) -> Result<String, ApiError> {
    let name: String = name.chars().filter(|c| !c.is_control()).collect();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(ApiError::bad(
            "Vul je naam in bij \"name\" (je voornaam is genoeg).",
        ));
    }
    if name.chars().count() > MAX_NAME {
        return Err(ApiError::bad(format!(
            "Je naam bij \"name\" is te lang: hoogstens {MAX_NAME} tekens."
        )));
    }
    Ok(name)
}

/// User input quoted in a message: at most 40 characters, no control characters.
fn shorten(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).collect();
    crate::text::shorten(&clean, 40)
}

/// Checks that the questionnaire can be served.
pub(crate) fn validate_questionnaire(q: &Questionnaire) -> Result<(), String> {
    let mut seen = HashSet::new();
    let mut count = 0;
    for section in &q.sections {
        for item in &section.items {
            count += 1;
            if item.id.is_empty() || item.id.chars().any(|c| c.is_control() || c == '/') {
                return Err(format!(
                    "onderdeel \"{}\" heeft een ongeldige id \"{}\" (leeg, of met / of \
                     stuurtekens).",
                    item.label, item.id
                ));
            }
            if !seen.insert(item.id.as_str()) {
                return Err(format!(
                    "de id \"{}\" komt meer dan eens voor; elke id moet uniek zijn.",
                    item.id
                ));
            }
            let problem = match &item.kind {
                QKind::Scale { levels, .. } if levels.is_empty() || levels.len() > 20 => {
                    Some("1 tot 20 niveaus nodig")
                }
                QKind::Scale {
                    levels, statements, ..
                } if !statements.is_empty() && statements.len() != levels.len() => {
                    Some("evenveel beschrijvingen als niveaus nodig")
                }
                QKind::Rating { min, max } if min > max => Some("min is groter dan max"),
                QKind::Number { min, max, .. }
                    if min.partial_cmp(max).is_none_or(|o| o.is_gt()) =>
                {
                    Some("min is groter dan max")
                }
                QKind::Choice { options } if options.is_empty() => Some("geen keuzes"),
                _ => None,
            };
            if let Some(problem) = problem {
                return Err(format!("onderdeel \"{}\": {problem}.", item.id));
            }
        }
    }
    if count == 0 && q.warmup.is_none() {
        return Err("er is niets in te vullen (geen onderdelen en geen opwarmer).".into());
    }
    Ok(())
}

/// 128 bits of OS randomness as 32 hex characters.
pub(crate) fn random_token() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("OS randomness is available");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A short code from [`CODE_ALPHABET`], uniformly drawn.
fn random_code() -> String {
    let mut code = String::with_capacity(CODE_LEN);
    while code.len() < CODE_LEN {
        let mut byte = [0u8; 1];
        getrandom::fill(&mut byte).expect("OS randomness is available");
        // 248 = 8 × 31: reject the rest so every character is equally likely.
        if byte[0] < 248 {
            code.push(CODE_ALPHABET[byte[0] as usize % CODE_ALPHABET.len()] as char);
        }
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::live::QSection;

    fn scale() -> QItem {
        QItem {
            id: "s1".into(),
            label: "1 Klacht → Feedback".into(),
            text: None,
            kind: QKind::Scale {
                levels: vec![
                    "aardig".into(),
                    "goed".into(),
                    "prima".into(),
                    "goud".into(),
                ],
                statements: vec![],
                ambition: true,
            },
        }
    }

    #[test]
    fn levels_are_checked_against_the_scale() {
        let item = scale();
        assert_eq!(
            validate(&item, RawAnswer::Level(4.into())),
            Ok(AnswerValue::Level(4))
        );
        assert!(validate(&item, RawAnswer::Level(5.into())).is_err());
        assert!(validate(&item, RawAnswer::Level(0.into())).is_err());
        assert!(validate(&item, RawAnswer::Level(2.5.into())).is_err());
        assert!(validate(&item, RawAnswer::Status("met".into())).is_err());
    }

    #[test]
    fn notes_lose_control_characters() {
        assert_eq!(
            validate(&scale(), RawAnswer::Note(" a\u{1b}[31mb\nc ".into())),
            Ok(AnswerValue::Note("a[31mb\nc".into()))
        );
    }

    #[test]
    fn short_codes_avoid_ambiguous_characters() {
        for _ in 0..50 {
            let code = random_code();
            assert_eq!(code.len(), CODE_LEN);
            assert!(!code.contains(['0', 'O', '1', 'I', 'L']), "{code}");
        }
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let q = Questionnaire {
            title: "t".into(),
            anonymous: false,
            sections: vec![QSection {
                title: "s".into(),
                intro: None,
                items: vec![scale(), scale()],
            }],
            warmup: None,
        };
        assert!(validate_questionnaire(&q).unwrap_err().contains("s1"));
    }
}
