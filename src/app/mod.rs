//! The app in the Elm style: one `Model`, `Msg`s, and `update` returning `Effect`s that
//! the runtime carries out (saving, listing, opening). No terminal, layout or file code
//! here; the views read the model, and what they learn while drawing (how far a page
//! can scroll) comes back as a message.

mod actions;
mod home;
pub mod keys;
mod live;
mod runtime;
mod steps;
pub mod team;
mod text_input;
mod walk;

pub use keys::{Binding, Screen, bindings, event_to_msg, screen};
pub use runtime::{LiveSink, Runtime, listing as runtime_listing};
pub use steps::{Page, Step, instrument, pages, steps};
pub use text_input::{Edit, TextInput};

use crate::domain::{Assessment, Instruments, Status};
use jiff::Timestamp;
use std::path::PathBuf;

/// An assessment as the home screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct HomeEntry {
    pub slug: String,
    pub path: PathBuf,
    pub listing: Result<Listing, String>,
}

/// One instrument's column on the home screen.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Column {
    pub short: String,
    pub value: Option<String>,
    /// Against the previous round of the series: e.g. "↑ +0,4".
    pub trend: Option<String>,
    pub exact: Option<f64>,
    /// How a change of `exact` reads (as in compare).
    pub scale: Option<crate::domain::result::ChangeScale>,
}

impl Column {
    /// "Gouden Oor 2,4 ↑ +0,4" (or with the trend in brackets): one instrument's figure
    /// as the list and the home screen's detail line show it.
    pub fn describe(&self, trend_in_brackets: bool) -> String {
        let trend = match (&self.trend, trend_in_brackets) {
            (Some(t), true) => format!(" ({t})"),
            (Some(t), false) => format!(" {t}"),
            (None, _) => String::new(),
        };
        format!(
            "{} {}{trend}",
            self.short,
            self.value.clone().unwrap_or_else(|| "—".into())
        )
    }
}

/// Kept in the store's listing cache, so a big assessment is not parsed again.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Listing {
    pub title: String,
    pub organisation: String,
    pub updated: Timestamp,
    pub progress: u32,
    pub respondents: usize,
    pub series: Option<crate::domain::Series>,
    /// One per included instrument, in order.
    pub columns: Vec<Column>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    New {
        title: TextInput,
        organisation: TextInput,
        /// 0 title, 1 organisation, 2 the instruments.
        field: usize,
        /// Per registry instrument: included or not.
        chosen: Vec<bool>,
        cursor: usize,
    },
    Rename {
        path: PathBuf,
        title: TextInput,
        organisation: TextInput,
        on_organisation: bool,
    },
    ConfirmDelete {
        path: PathBuf,
        title: String,
    },
    NewRound {
        path: PathBuf,
        title: String,
        name: TextInput,
    },
    /// A save failed; quitting now would lose answers.
    QuitUnsaved,
    /// The trash: assessments that can be put back.
    Trash {
        entries: Vec<(PathBuf, String)>,
        selected: usize,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Home {
    pub entries: Vec<HomeEntry>,
    pub selected: usize,
    pub dialog: Option<Dialog>,
    /// An assessment marked to compare with the selected one.
    pub marked: Option<PathBuf>,
    /// Typed after `/`: only entries whose title, organisation or short name contain it.
    pub filter: Option<TextInput>,
    /// The assessment that was open last, to select it again.
    pub last_open: Option<PathBuf>,
}

impl Home {
    /// The entries the filter lets through, with their index in `entries`.
    pub fn visible(&self) -> Vec<usize> {
        let needle = self
            .filter
            .as_ref()
            .map(|f| f.text().trim().to_lowercase())
            .unwrap_or_default();
        (0..self.entries.len())
            .filter(|i| {
                if needle.is_empty() {
                    return true;
                }
                let e = &self.entries[*i];
                let mut hay = e.slug.to_lowercase();
                if let Ok(l) = &e.listing {
                    hay.push(' ');
                    hay.push_str(&l.title.to_lowercase());
                    hay.push(' ');
                    hay.push_str(&l.organisation.to_lowercase());
                }
                hay.contains(&needle)
            })
            .collect()
    }
}

/// Two rounds side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    pub a_title: String,
    pub b_title: String,
    pub a_date: Timestamp,
    pub b_date: Timestamp,
    pub comparison: crate::domain::compare::Comparison,
    pub scroll: u16,
}

/// What a text editor is editing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    /// The note of an item (shift, criterion, checklist item, rating).
    Note { instrument: String, item: String },
    /// A number: a measurement, a calculator input, a number field.
    Number { instrument: String, item: String },
    /// A text field of the organisation.
    Text { instrument: String, item: String },
    /// The own text of a choice field.
    Other { instrument: String, item: String },
    /// An action's text fields.
    Action { index: usize, field: ActionField },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionField {
    What,
    Owner,
    Deadline,
    Note,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    pub target: EditTarget,
    pub input: TextInput,
    /// Why the last submit was refused; the input is kept.
    pub error: Option<String>,
}

/// The open assessment and where the user is in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub path: PathBuf,
    pub read_only: bool,
    /// Why it is read-only, said once on opening.
    pub read_only_reason: Option<String>,
    pub assessment: Assessment,
    /// The instruments it includes (ids), in registry order.
    pub included: Vec<String>,
    pub respondent: usize,
    pub step: usize,
    /// The row (card, criterion, item, field, input, box) under the cursor.
    pub cursor: usize,
    pub intro_open: bool,
    /// Scroll offset of scrolling pages (results, actions' details, compare).
    pub scroll: u16,
    pub editor: Option<Editor>,
    /// The respondents dialog, when open.
    pub team: Option<TeamDialog>,
    /// On the workshop overview: the row under the cursor.
    pub team_row: usize,
    /// Respondents shown as A, B, C … instead of their names.
    pub anonymous: bool,
    /// The workshop overview sorted by disagreement, the largest first.
    pub sort_by_disagreement: bool,
    /// On the results: the next step under the cursor (for `a`).
    /// The selection moved: scroll it into view once the view reports where it is.
    pub follow_focus: bool,
    pub step_cursor: usize,
    /// On the workshop overview: `d` was pressed, the next digit sets the ambition.
    pub team_ambition: bool,
    /// The readings of a model box, shown in a popup.
    pub box_open: bool,
    /// How far the open box's readings are scrolled.
    pub box_scroll: u16,
    /// A note was typed but not saved yet (saved after a pause, on close, on quit).
    pub unsaved_note: bool,
    /// The last changes of this session, newest last, for undo.
    pub undo: Vec<Assessment>,
    /// The results of the assessment as it was last drawn: built once per change, not
    /// once per frame or keystroke.
    pub cache: ResultCache,
    /// The live workshop, while its server runs.
    pub live: Option<LiveView>,
    /// The previous round's results, shown quietly beside each answer.
    pub previous: Option<crate::domain::Answers>,
}

/// A memo of the results of one state of the assessment.
#[derive(Debug, Clone, Default)]
pub struct ResultCache(std::cell::RefCell<Option<CachedResult>>);

#[derive(Debug, Clone)]
struct CachedResult {
    assessment: Assessment,
    result: std::rc::Rc<crate::domain::result::AssessmentResult>,
    proposal: std::rc::Rc<crate::domain::Answers>,
}

impl PartialEq for ResultCache {
    /// A cache is never part of what a model means.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl ResultCache {
    /// The results and the proposal of `assessment`, built again only when it changed.
    /// A hit clones two `Rc`s, never the assessment.
    fn get<T>(
        &self,
        instruments: &Instruments,
        assessment: &Assessment,
        pick: impl FnOnce(&CachedResult) -> T,
    ) -> T {
        let mut slot = self.0.borrow_mut();
        if let Some(cached) = slot.as_ref()
            && cached.assessment == *assessment
        {
            return pick(cached);
        }
        let fresh = slot.insert(CachedResult {
            assessment: assessment.clone(),
            result: std::rc::Rc::new(crate::domain::result::build(instruments, assessment)),
            proposal: std::rc::Rc::new(crate::domain::aggregate::proposal(
                instruments,
                &assessment.instrument_ids(),
                &assessment.respondents,
            )),
        });
        pick(fresh)
    }
}

/// The live workshop as the facilitator sees it: where to join, who joined, what they
/// can do now.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveView {
    pub url: String,
    pub code_url: String,
    pub code: String,
    pub qr: Vec<String>,
    pub anonymous: bool,
    /// Participants may answer.
    pub open: bool,
    /// The team's result is shown on the participants' screens.
    pub results_shown: bool,
    pub phase: crate::live::WarmupPhase,
    /// Participant id → the respondent their answers go to, and whether they are done.
    pub participants: Vec<LiveParticipant>,
    /// Per participant and statement: true = klacht.
    pub votes: std::collections::BTreeMap<(u32, usize), bool>,
    /// The QR code fills the screen (for a projector).
    pub qr_big: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveParticipant {
    pub id: u32,
    pub respondent: String,
    pub done: bool,
}

impl LiveView {
    /// Klacht and geen klacht per warm-up statement.
    pub fn tallies(&self, statements: usize) -> Vec<(usize, usize)> {
        let mut tallies = vec![(0, 0); statements];
        for ((_, statement), klacht) in &self.votes {
            if let Some(t) = tallies.get_mut(*statement) {
                if *klacht {
                    t.0 += 1;
                } else {
                    t.1 += 1;
                }
            }
        }
        tallies
    }
}

/// What `goudenoor live` asks for: start the server as soon as the assessment is open.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveRequest {
    pub bind: Option<std::net::IpAddr>,
    pub port: Option<u16>,
    pub anonymous: bool,
}

/// The respondents dialog: who answers now, add, rename, remove, import.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamDialog {
    pub selected: usize,
    pub mode: TeamMode,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TeamMode {
    List,
    Add(TextInput),
    Rename(TextInput),
    ConfirmRemove,
    Import(TextInput),
    /// "Start een webpagina voor deelnemers op dit netwerk?"
    ConfirmLive,
}

impl Session {
    pub fn steps(&self, instruments: &Instruments) -> Vec<Step> {
        let team = self.assessment.is_workshop() || self.live.is_some();
        steps(instruments, &self.included, team)
    }

    /// The respondent as shown: a name, or a letter when anonymous.
    pub fn respondent_label(&self, index: usize) -> String {
        if self.anonymous {
            crate::domain::aggregate::letter(index)
        } else {
            self.assessment
                .respondents
                .get(index)
                .map(|r| r.name.clone())
                .unwrap_or_default()
        }
    }

    /// The results of the assessment as it stands (memoised).
    pub fn result(
        &self,
        instruments: &Instruments,
    ) -> std::rc::Rc<crate::domain::result::AssessmentResult> {
        self.cache
            .get(instruments, &self.assessment, |c| c.result.clone())
    }

    /// The team's proposal (median and majority) as it stands (memoised).
    pub fn proposal(&self, instruments: &Instruments) -> std::rc::Rc<crate::domain::Answers> {
        self.cache
            .get(instruments, &self.assessment, |c| c.proposal.clone())
    }

    pub fn answers(&self) -> &crate::domain::Answers {
        &self.assessment.respondents[self.respondent].answers
    }

    fn answers_mut(&mut self) -> &mut crate::domain::Answers {
        &mut self.assessment.respondents[self.respondent].answers
    }

    /// Remember the assessment before a change, for undo.
    fn remember(&mut self) {
        const KEEP: usize = 50;
        if self.undo.len() == KEEP {
            self.undo.remove(0);
        }
        self.undo.push(self.assessment.clone());
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Popup {
    pub title: String,
    pub lines: Vec<String>,
}

/// What a view learned while drawing: how far its page can scroll.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewport {
    pub max_scroll: u16,
    pub page: u16,
    /// Rows (top, bottom) of the page's selected part, where it has one (the selected
    /// next step on the results), so a new selection can be scrolled into view.
    pub focus: Option<(u16, u16)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub instruments: &'static Instruments,
    pub home: Home,
    pub session: Option<Session>,
    pub compare: Option<CompareView>,
    pub notice: Option<Notice>,
    /// When the last save succeeded, shown beside the notices.
    pub last_saved: Option<Timestamp>,
    /// The last save failed: quitting asks first.
    pub save_failed: bool,
    /// A message with several lines (e.g. every bad cell of a refused sheet); any key closes it.
    pub popup: Option<Popup>,
    pub help: bool,
    pub size: (u16, u16),
    pub color: bool,
    pub time_zone: jiff::tz::TimeZone,
    /// Today, where the terminal loop knows it: actions past their deadline stand out.
    /// Unset in tests, so that screens do not change with the calendar.
    pub today: Option<jiff::civil::Date>,
    pub data_dir: PathBuf,
    pub viewport: Viewport,
    /// `goudenoor live`: start the server when the assessment opens.
    pub live_request: Option<LiveRequest>,
}

/// The smallest terminal the screens are designed for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

impl Model {
    pub fn new(instruments: &'static Instruments, data_dir: PathBuf) -> Self {
        Model {
            instruments,
            home: Home::default(),
            session: None,
            compare: None,
            notice: None,
            last_saved: None,
            save_failed: false,
            popup: None,
            help: false,
            size: (80, 24),
            color: true,
            time_zone: jiff::tz::TimeZone::system(),
            today: None,
            data_dir,
            viewport: Viewport::default(),
            live_request: None,
        }
    }

    /// The steps of the open assessment (none on the home screen).
    pub fn steps(&self) -> Vec<Step> {
        self.session
            .as_ref()
            .map_or_else(Vec::new, |s| s.steps(self.instruments))
    }

    pub fn step(&self) -> Option<Step> {
        let session = self.session.as_ref()?;
        session.steps(self.instruments).get(session.step).copied()
    }

    /// Below the smallest size only quitting and resizing act.
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// Whether keys go to a text field.
    pub fn is_typing(&self) -> bool {
        match &self.session {
            Some(s) => {
                s.editor.is_some()
                    || matches!(
                        s.team.as_ref().map(|t| &t.mode),
                        Some(TeamMode::Add(_) | TeamMode::Rename(_) | TeamMode::Import(_))
                    )
            }
            None => {
                matches!(
                    self.home.dialog,
                    Some(
                        Dialog::New { field: 0 | 1, .. }
                            | Dialog::Rename { .. }
                            | Dialog::NewRound { .. }
                    )
                ) || (self.home.filter.is_some() && self.home.dialog.is_none())
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Quit,
    /// Quit without saving again, after a failed save (from the dialog).
    QuitAnyway,
    ToggleHelp,
    Resize(u16, u16),
    /// What the view learned while drawing.
    Viewport(Viewport),
    Back,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    /// Enter or space: open, choose, toggle.
    Activate,
    // Home
    NewAssessment,
    RenameAssessment,
    DeleteAssessment,
    Filter,
    Confirm,
    /// A key for the text field that has focus.
    Edit(Edit),
    /// Tab inside a form: the next field.
    NextField,
    /// Enter in a single-line field, Ctrl-S or Esc in a note: done.
    Submit,
    Cancel,
    /// Space in a list of choices.
    Toggle,
    // Walk-through
    NextStep,
    PrevStep,
    GoToStep(usize),
    /// A level (grid), a rating (model), or a checklist answer 1–4.
    SetLevel(u8),
    ClearLevel,
    SetAmbition,
    /// On the workshop overview: the agreed ambition.
    SetAgreedAmbition(u8),
    PickCard(usize),
    EditNote,
    SetStatus(Status),
    CycleStatus,
    PickRow(usize),
    ToggleIntro,
    /// Edit the number (measurement, input) or field under the cursor.
    EditValue,
    Undo,
    // Workshop
    OpenTeam,
    NextRespondent,
    PrevRespondent,
    AddRespondent,
    RenameRespondent,
    RemoveRespondent,
    ImportFile,
    ToggleAnonymous,
    ToggleSort,
    /// Take the proposal (median, majority) as the agreed answer of the row.
    AcceptProposal,
    /// Take the proposal for every row not agreed yet.
    AcceptAll,
    Imported(Vec<crate::domain::Respondent>, Vec<String>),
    /// The previous round's results arrived.
    PreviousRound(Box<crate::domain::Answers>),
    /// `p` on the home screen: the trash.
    OpenTrash,
    Trashed(Vec<(PathBuf, String)>),
    // Live workshop
    /// `l` in the respondents dialog: ask before starting the server.
    StartLive,
    LiveStarted(Box<LiveStarted>),
    Live(crate::live::LiveEvent),
    ToggleAnswering,
    ToggleResultsShown,
    CycleWarmup,
    ToggleQr,
    // Action plan and results
    /// On the results: the selected next step becomes an action.
    MakeAction,
    /// On the results: select the next / previous next step.
    SelectNext,
    SelectPrev,
    NewAction,
    RemoveAction,
    CycleActionStatus,
    SortActions,
    EditField(ActionField),
    Export,
    // Rounds
    StartNewRound,
    /// In the new-round dialog: start blank instead of from the last results.
    Blank,
    MarkForCompare,
    CompareSelected,
    Compared(Box<CompareView>),
    Popup(Popup),
    // Replies from the runtime
    Listed(Vec<HomeEntry>),
    Opened(Box<Opened>),
    Saved(Timestamp),
    /// The pause after typing a note has passed.
    SaveDue,
    Info(String),
    Failed(String),
    SaveFailed(String),
}

impl Msg {
    /// A key or a click, as opposed to what the runtime, the live server or drawing
    /// report back.
    pub fn is_from_user(&self) -> bool {
        !matches!(
            self,
            Msg::Resize(..)
                | Msg::Viewport(_)
                | Msg::Imported(..)
                | Msg::PreviousRound(_)
                | Msg::Trashed(_)
                | Msg::LiveStarted(_)
                | Msg::Live(_)
                | Msg::Compared(_)
                | Msg::Popup(_)
                | Msg::Listed(_)
                | Msg::Opened(_)
                | Msg::Saved(_)
                | Msg::SaveDue
                | Msg::Info(_)
                | Msg::Failed(_)
                | Msg::SaveFailed(_)
        )
    }
}

/// The server runs: where participants join.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveStarted {
    pub url: String,
    pub code_url: String,
    pub code: String,
    pub qr: Vec<String>,
    pub anonymous: bool,
}

/// What the facilitator changes on the running server.
#[derive(Debug, Clone, PartialEq)]
pub enum LiveControl {
    Open(bool),
    Results(Option<crate::live::TeamView>),
    Warmup(crate::live::WarmupPhase),
    Remove(u32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub path: PathBuf,
    pub assessment: Assessment,
    pub read_only: bool,
    /// Why it is read-only, if it is.
    pub reason: Option<String>,
}

/// What `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    List,
    Create {
        title: String,
        organisation: String,
        instruments: Vec<String>,
    },
    Open(PathBuf),
    Rename {
        path: PathBuf,
        title: String,
        organisation: String,
    },
    Trash(PathBuf),
    Save(Box<Assessment>),
    /// Save after a pause without typing (notes).
    SaveSoon,
    /// Save within a short while, however many changes arrive (live answers).
    SaveBatched,
    StartLive {
        questionnaire: Box<crate::live::Questionnaire>,
        request: LiveRequest,
    },
    StopLive,
    LiveControl(LiveControl),
    /// Read respondents from an answer sheet or another assessment.
    ImportFile(PathBuf),
    NewRound {
        from: PathBuf,
        blank: bool,
        title: Option<String>,
    },
    Compare {
        a: PathBuf,
        b: PathBuf,
    },
    /// Write the report of the open assessment next to the data folder.
    Export(Box<Assessment>),
    /// List the trash, to put an assessment back.
    ListTrash,
    Restore(PathBuf),
    /// Find the previous round of this series, for "vorige ronde: …".
    LoadPrevious(crate::domain::Series),
    Close,
    Quit,
}

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    // A notice answers the last thing the user did: the next key or click ends it (what
    // that key does may set a new one). A failed save stays until a save works again.
    if msg.is_from_user() && !model.save_failed {
        model.notice = None;
    }
    match msg {
        Msg::Quit => return quit(model),
        Msg::QuitAnyway => {
            return if model.session.is_some() {
                vec![Effect::Close, Effect::Quit]
            } else {
                vec![Effect::Quit]
            };
        }
        Msg::Resize(w, h) => {
            model.size = (w, h);
            return vec![];
        }
        Msg::Viewport(viewport) => {
            model.viewport = viewport;
            clamp_scroll(model);
            if let Some(session) = &mut model.session
                && std::mem::take(&mut session.follow_focus)
                && let Some((top, bottom)) = viewport.focus
            {
                // Just enough to show the whole selection, its top first when tall.
                let page = viewport.page.max(1);
                if bottom > session.scroll + page {
                    session.scroll = bottom - page;
                }
                session.scroll = session.scroll.min(top).min(viewport.max_scroll);
            }
            return vec![];
        }
        Msg::Listed(entries) => {
            model.home.entries = entries;
            if let Some(last) = model.home.last_open.take()
                && let Some(i) = model.home.entries.iter().position(|e| e.path == last)
            {
                model.home.selected = i;
            }
            model.home.selected = model
                .home
                .selected
                .min(model.home.entries.len().saturating_sub(1));
            return vec![];
        }
        Msg::Opened(opened) => {
            open_session(model, *opened);
            let mut effects = after_open(model);
            if let Some(series) = model
                .session
                .as_ref()
                .and_then(|s| s.assessment.series.clone())
                .filter(|s| s.round > 1)
            {
                effects.push(Effect::LoadPrevious(series));
            }
            return effects;
        }
        Msg::Trashed(entries) => {
            if entries.is_empty() {
                model.notice = Some(Notice::Info("De prullenbak is leeg.".into()));
            } else {
                model.home.dialog = Some(Dialog::Trash {
                    entries,
                    selected: 0,
                });
            }
            return vec![];
        }
        Msg::PreviousRound(answers) => {
            if let Some(session) = &mut model.session {
                session.previous = Some(*answers);
            }
            return vec![];
        }
        Msg::Saved(at) => {
            if let Some(session) = &mut model.session {
                session.assessment.updated = at;
            }
            model.last_saved = Some(at);
            model.save_failed = false;
            // A save that works again ends a save error; other notices stay.
            if matches!(model.notice, Some(Notice::Error(_))) {
                model.notice = None;
            }
            return vec![];
        }
        Msg::SaveDue => {
            return match &mut model.session {
                Some(s) if s.unsaved_note => {
                    s.unsaved_note = false;
                    save(s)
                }
                _ => vec![],
            };
        }
        Msg::Info(message) => {
            model.notice = Some(Notice::Info(message));
            return vec![];
        }
        Msg::Failed(message) => {
            model.notice = Some(Notice::Error(message));
            return vec![];
        }
        Msg::SaveFailed(message) => {
            model.save_failed = true;
            model.notice = Some(Notice::Error(message));
            return vec![];
        }
        Msg::ToggleHelp => {
            model.help = !model.help;
            return vec![];
        }
        Msg::Popup(popup) => {
            model.popup = Some(popup);
            return vec![];
        }
        Msg::LiveStarted(started) => return live::started(model, *started),
        Msg::Live(event) => return live::event(model, event),
        _ => {}
    }
    if model.too_small() {
        // Behind "het venster is te klein" nothing may happen unseen.
        return vec![];
    }
    if model.popup.is_some() {
        // Any key closes the popup and does nothing else.
        model.popup = None;
        return vec![];
    }
    if model.help {
        // The overlay takes every other key to close it, so nothing happens by accident.
        if matches!(msg, Msg::Back | Msg::Activate | Msg::Cancel) {
            model.help = false;
        }
        return vec![];
    }
    if let Some(Dialog::QuitUnsaved) = model.home.dialog {
        return match msg {
            Msg::Confirm => {
                model.home.dialog = None;
                match &model.session {
                    Some(s) => {
                        let mut effects = save(s);
                        effects.push(Effect::Close);
                        effects.push(Effect::Quit);
                        effects
                    }
                    None => vec![Effect::Quit],
                }
            }
            Msg::QuitAnyway => update(model, Msg::QuitAnyway),
            _ => {
                model.home.dialog = None;
                vec![]
            }
        };
    }
    if let Msg::Compared(view) = msg {
        model.compare = Some(*view);
        return vec![];
    }
    if model.compare.is_some() {
        return update_compare(model, msg);
    }
    if model.session.is_some() {
        update_session(model, msg)
    } else {
        home::update_home(model, msg)
    }
}

/// Quit from anywhere (Ctrl-C in an editor too), saving a note still being typed; after
/// a failed save, ask first.
fn quit(model: &mut Model) -> Vec<Effect> {
    if model.save_failed && model.session.as_ref().is_some_and(|s| !s.read_only) {
        model.home.dialog = Some(Dialog::QuitUnsaved);
        return vec![];
    }
    let mut effects = Vec::new();
    if let Some(session) = &mut model.session {
        if session.live.is_some() {
            effects.push(Effect::StopLive);
        }
        if session.unsaved_note {
            session.unsaved_note = false;
            effects.extend(save(session));
        }
        effects.push(Effect::Close);
    }
    effects.push(Effect::Quit);
    effects
}

fn clamp_scroll(model: &mut Model) {
    let max = model.viewport.max_scroll;
    if let Some(view) = &mut model.compare {
        view.scroll = view.scroll.min(max);
    } else if let Some(session) = &mut model.session {
        // An open model box reports its own scroll; the page behind it stays put.
        if session.box_open {
            session.box_scroll = session.box_scroll.min(max);
        } else {
            session.scroll = session.scroll.min(max);
        }
    }
}

fn scroll(value: &mut u16, msg: &Msg, viewport: Viewport) {
    let page = viewport.page.max(1).saturating_sub(2).max(1);
    *value = match msg {
        Msg::Up => value.saturating_sub(1),
        Msg::Down => value.saturating_add(1),
        Msg::PageUp => value.saturating_sub(page),
        Msg::PageDown => value.saturating_add(page),
        Msg::Home => 0,
        Msg::End => viewport.max_scroll,
        _ => *value,
    }
    .min(viewport.max_scroll);
}

fn update_compare(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let viewport = model.viewport;
    let view = model.compare.as_mut().expect("checked by caller");
    match msg {
        Msg::Back | Msg::Cancel => model.compare = None,
        ref m => scroll(&mut view.scroll, m, viewport),
    }
    vec![]
}

fn open_session(model: &mut Model, opened: Opened) {
    let Opened {
        path,
        assessment,
        read_only,
        reason,
    } = opened;
    let mut assessment = assessment;
    if assessment.respondents.is_empty() {
        assessment.respondents.push(crate::domain::Respondent {
            name: crate::domain::SOLO_RESPONDENT.into(),
            answers: Default::default(),
        });
    }
    let included: Vec<String> = model
        .instruments
        .iter()
        .filter(|i| assessment.instruments.iter().any(|r| r.id == i.id))
        .map(|i| i.id.clone())
        .collect();
    model.notice = read_only.then(|| {
        Notice::Info(reason.clone().unwrap_or_else(|| {
            "Alleen-lezen: deze beoordeling is al geopend in een ander venster; wijzigingen worden niet opgeslagen."
                .into()
        }))
    });
    model.home.last_open = Some(path.clone());
    let mut session = Session {
        path,
        read_only,
        read_only_reason: reason,
        assessment,
        included,
        respondent: 0,
        step: 0,
        cursor: 0,
        intro_open: true,
        scroll: 0,
        editor: None,
        team: None,
        team_row: 0,
        anonymous: false,
        sort_by_disagreement: false,
        step_cursor: 0,
        follow_focus: false,
        team_ambition: false,
        box_open: false,
        box_scroll: 0,
        unsaved_note: false,
        undo: Vec::new(),
        cache: ResultCache::default(),
        live: None,
        previous: None,
    };
    // Resume where the work stops: the first step with something left to answer.
    let first_open = walk::first_open_step(model.instruments, &session);
    go_to(model.instruments, &mut session, first_open);
    model.session = Some(session);
}

/// Effects to run right after opening: the live server `goudenoor live` asked for.
pub fn after_open(model: &mut Model) -> Vec<Effect> {
    match (model.live_request.take(), &model.session) {
        (Some(request), Some(session)) if !session.read_only => vec![Effect::StartLive {
            questionnaire: Box::new(crate::live_bridge::questionnaire(
                model.instruments,
                &session.assessment,
                request.anonymous,
            )),
            request,
        }],
        (Some(_), Some(_)) => {
            model.notice = Some(Notice::Error(
                "De live workshop start niet: deze beoordeling is alleen-lezen geopend.".into(),
            ));
            vec![]
        }
        _ => vec![],
    }
}

fn go_to(instruments: &Instruments, session: &mut Session, step: usize) {
    let all = session.steps(instruments);
    session.step = step.min(all.len() - 1);
    session.scroll = 0;
    session.box_open = false;
    session.cursor = walk::initial_cursor(instruments, session, all[session.step]);
}

fn save(session: &Session) -> Vec<Effect> {
    if session.read_only {
        vec![]
    } else {
        vec![Effect::Save(Box::new(session.assessment.clone()))]
    }
}

fn update_session(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let instruments = model.instruments;
    let step = model.step().expect("a session has a step");
    let viewport = model.viewport;
    let session = model.session.as_mut().expect("checked by caller");
    let step_count = session.steps(instruments).len();

    if session.editor.is_some() {
        return walk::update_editor(model, msg);
    }
    if let Msg::Imported(respondents, warnings) = msg {
        return team::imported(model, respondents, warnings);
    }
    if session.team.is_some() {
        return team::update_dialog(model, msg);
    }
    if session.box_open {
        match msg {
            Msg::Up | Msg::Down | Msg::PageUp | Msg::PageDown | Msg::Home | Msg::End => {
                scroll(&mut session.box_scroll, &msg, model.viewport);
            }
            _ => session.box_open = false,
        }
        return vec![];
    }

    match msg {
        Msg::Back => {
            let mut effects = Vec::new();
            if session.unsaved_note {
                effects.extend(save(session));
            }
            if session.live.is_some() {
                effects.push(Effect::StopLive);
            }
            model.session = None;
            effects.extend([Effect::Close, Effect::List]);
            effects
        }
        Msg::NextStep => {
            go_to(instruments, session, (session.step + 1).min(step_count - 1));
            vec![]
        }
        Msg::PrevStep => {
            go_to(instruments, session, session.step.saturating_sub(1));
            vec![]
        }
        Msg::GoToStep(i) if i < step_count => {
            go_to(instruments, session, i);
            vec![]
        }
        Msg::OpenTeam => {
            session.team = Some(TeamDialog {
                selected: session.respondent,
                mode: TeamMode::List,
            });
            vec![]
        }
        Msg::Undo => match session.undo.pop() {
            Some(previous) => {
                session.assessment = previous;
                session.respondent = session
                    .respondent
                    .min(session.assessment.respondents.len() - 1);
                let step = session.step;
                go_to(instruments, session, step);
                model.notice = Some(Notice::Info(
                    "De laatste wijziging is ongedaan gemaakt.".into(),
                ));
                save(model.session.as_ref().expect("a session"))
            }
            None => {
                model.notice = Some(Notice::Info(if session.live.is_some() {
                    "Niets om ongedaan te maken: sinds uw laatste wijziging kwamen er antwoorden van deelnemers binnen, en die blijven bewaard.".into()
                } else {
                    "Niets om ongedaan te maken in deze sessie.".into()
                }));
                vec![]
            }
        },
        Msg::NextRespondent | Msg::PrevRespondent => {
            if matches!(step, Step::Team | Step::Results | Step::Actions) {
                model.notice = Some(Notice::Info(
                    "Hier staan alle respondenten samen; [ en ] wisselen wie antwoordt op de vragenstappen."
                        .into(),
                ));
                return vec![];
            }
            let n = session.assessment.respondents.len();
            session.respondent = if msg == Msg::NextRespondent {
                (session.respondent + 1) % n
            } else {
                (session.respondent + n - 1) % n
            };
            let label = session.respondent_label(session.respondent);
            let step = session.step;
            go_to(instruments, session, step);
            model.notice = Some(Notice::Info(format!("Nu aan het woord: {label}")));
            vec![]
        }
        Msg::Export => vec![Effect::Export(Box::new(session.assessment.clone()))],
        _ => match step {
            Step::Page(i, page) => walk::update_page(model, i, page, msg),
            Step::Team => team::update_overview(model, msg),
            Step::Actions => actions::update(model, msg),
            Step::Results => actions::update_results(model, msg, viewport),
        },
    }
}

/// Percentage of the whole assessment answered, for lists.
pub fn progress_percent(instruments: &Instruments, assessment: &Assessment) -> u32 {
    crate::domain::result::build(instruments, assessment)
        .progress()
        .percent()
}
